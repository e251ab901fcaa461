//! The calls and consultations filed on a case (a project, an application, a work order), for
//! every party who sees the case, and the way to ask about it by video from its page.

use crate::api;
use crate::components::feedback::Loaded;
use crate::i18n::{say, t, Msg};
use crate::state::use_app;
use domain::hours::format_local_ms;
use domain::service::contacts::CaseRef;
use domain::wire::wire_name;
use leptos::prelude::*;

#[component]
pub fn CaseContacts(case: CaseRef) -> impl IntoView {
    let app = use_app();
    let list = LocalResource::new(move || api::services::case_contacts(case));
    let ask = format!(
        "/video?case_kind={}&case_id={}",
        wire_name(&case.kind),
        case.id
    );
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
            <p><a class="button secondary" href=ask data-testid="case-video">{t(Msg::CaseVideo)}</a></p>
        </section>
    }
}
