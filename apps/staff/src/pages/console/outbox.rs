//! The admin's view of the SMS outbox: what the key nodes of projects sent, or (with no
//! provider configured) would have sent.

use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{t, Msg};

#[component]
pub fn Outbox() -> impl IntoView {
    let messages = LocalResource::new(api::projects::outbox);
    view! {
        <section class="card">
            <h2>{t(Msg::OutboxTitle)}</h2>
            <p class="hint">{t(Msg::OutboxLead)}</p>
            <Loaded resource=messages content=move |list| view! {
                <div class="table-scroll"><table data-testid="outbox"><tbody>
                    {list.into_iter().map(|m| view! { <tr>
                        <td>{domain::hours::format_local_ms(m.at)}</td>
                        <td>{m.recipient}</td>
                        <td>{m.body}</td>
                        <td class="meta">{m.status}</td>
                    </tr> }).collect_view()}
                </tbody></table></div>
            }/>
        </section>
    }
}
