//! The calls and consultations filed on a case (a project, an application, a work order), for
//! every party who sees the case, and the ways to ask about it from its page: a video call, or
//! (for the customer) a written consultation.

use crate::api;
use crate::components::feedback::Loaded;
use crate::i18n::{say, t, Msg};
use crate::nav::Link;
use crate::state::use_app;
use domain::hours::format_local_ms;
use domain::service::contacts::CaseRef;
use domain::wire::wire_name;
use leptos::prelude::*;

#[component]
pub fn CaseContacts(case: CaseRef) -> impl IntoView {
    let app = use_app();
    let list = LocalResource::new(move || api::services::case_contacts(case));
    let about = format!("case_kind={}&case_id={}", wire_name(&case.kind), case.id);
    let ask = format!("/video?{about}");
    let consult = format!("/consult?{about}");
    let customer = move || {
        app.session
            .get()
            .is_some_and(|u| u.role == domain::Role::Customer)
    };
    view! {
        <section class="card" data-testid="case-contacts">
            <h2>{t(Msg::CaseContactsTitle)}</h2>
            <Loaded resource=list content=move |list| {
                if list.is_empty() {
                    return view! { <p class="empty">{t(Msg::CaseContactsEmpty)}</p> }.into_any();
                }
                view! {
                    <ul class="plain">
                        {list.into_iter().map(|c| {
                            let kind = c.kind;
                            view! {
                                <li data-testid="case-contact">
                                    <span class="tag">{move || say(kind.words(), app.lang.get())}</span>" "
                                    <strong>{c.topic.clone()}</strong>
                                    <span class="meta">" "{format_local_ms(c.at)}" · "{c.customer_name.clone()}
                                        {c.agent_name.clone().map(|a| view! { " · "{t(Msg::CaseContactAgent)}" "{a} })}
                                    </span>
                                    {c.summary.clone().map(|s| view! { <p>{s}</p> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
            <p class="actions">
                <Link href=ask class="button secondary" testid="case-video">{t(Msg::CaseVideo)}</Link>
                <Show when=customer>
                    <Link href=consult.clone() class="button secondary" testid="case-consult">{t(Msg::CaseConsult)}</Link>
                </Show>
            </p>
        </section>
    }
}
