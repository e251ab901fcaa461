//! The agents' shared inbox of written consultations: threads with unread questions first,
//! each with its count, and the open one to answer.

use leptos::prelude::*;
use ui::api;
use ui::components::consultation_thread::{ConsultationThread, ThreadRow};
use ui::every::every;
use ui::i18n::{t, Msg};

#[component]
pub fn ConsultInbox() -> impl IntoView {
    let threads = LocalResource::new(api::consultations::threads);
    every(15, move || threads.refetch());
    let selected = RwSignal::new(None::<i64>);
    view! {
        <section class="card" aria-labelledby="inbox-heading" data-testid="consult-inbox">
            <h2 id="inbox-heading">{t(Msg::ConsultInbox)}</h2>
            <ul class="list">
                {move || threads.get().and_then(Result::ok).map(|list| {
                    if list.is_empty() {
                        return view! { <li class="meta">{t(Msg::ConsultNone)}</li> }.into_any();
                    }
                    list.into_iter().map(|thread| view! { <ThreadRow thread selected/> }).collect_view().into_any()
                })}
            </ul>
            {move || selected.get().map(|id| view! { <ConsultationThread id on_change=move || threads.refetch()/> })}
        </section>
    }
}
