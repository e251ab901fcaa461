//! The admin's view of the outbox: every SMS with its delivery state, tries and last error,
//! so a message that could not be sent is seen (or, with no provider configured, was only
//! logged).

use domain::notify::outbox::OutboxStatus;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{t, Msg};

fn status(s: OutboxStatus) -> Msg {
    match s {
        OutboxStatus::Pending => Msg::OutboxPending,
        OutboxStatus::Sending => Msg::OutboxSending,
        OutboxStatus::Sent => Msg::OutboxSent,
        OutboxStatus::Failed => Msg::OutboxFailed,
        OutboxStatus::Logged => Msg::OutboxLogged,
    }
}

#[component]
pub fn Outbox() -> impl IntoView {
    let messages = LocalResource::new(api::notify::outbox);
    view! {
        <section class="card">
            <h2>{t(Msg::OutboxTitle)}</h2>
            <p class="hint">{t(Msg::OutboxLead)}</p>
            <Loaded resource=messages content=move |list| view! {
                <div class="table-scroll" tabindex="0"><table data-testid="outbox"><tbody>
                    {list.into_iter().map(|m| view! { <tr class:failed=m.status == OutboxStatus::Failed>
                        <td>{domain::hours::format_local_ms(m.at)}</td>
                        <td>{m.recipient}</td>
                        <td>{m.body}</td>
                        <td class="meta">{t(status(m.status))}" ×"{m.attempts}</td>
                        <td class="meta">{m.error.unwrap_or_default()}</td>
                    </tr> }).collect_view()}
                </tbody></table></div>
            }/>
        </section>
    }
}
