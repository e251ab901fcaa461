//! Low ratings for the hall manager: open ones first, each marked handled once followed up.

use domain::hours::format_local;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn FollowUps(hall: String) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let list =
        LocalResource::new(move || async move { api::queue::follow_ups(&hall.get_value()).await });
    let resolve = move |id: i64| {
        spawn_local(async move {
            match api::queue::resolve_follow_up(&hall.get_value(), id).await {
                Ok(_) => list.refetch(),
                Err(e) => app.error(&e),
            }
        });
    };
    view! {
        <section aria-labelledby="follow-ups">
            <h2 id="follow-ups">{t(Msg::FollowUps)}</h2>
            <Loaded resource=list content=move |items| {
                if items.is_empty() {
                    return view! { <p class="empty">{t(Msg::NoFollowUps)}</p> }.into_any();
                }
                view! {
                    <ul class="card-list">
                        {items.into_iter().map(|f| {
                            let when = chrono::DateTime::from_timestamp_millis(f.created_at).map(format_local).unwrap_or_default();
                            let open = f.resolved_at.is_none();
                            view! {
                                <li class="card notice-row" data-testid="follow-up">
                                    <div>
                                        <h4>{f.number.clone()}" · "{"★".repeat(f.stars as usize)}</h4>
                                        <p>{f.comment.clone()}</p>
                                        <p class="meta">{when}</p>
                                    </div>
                                    {if open {
                                        view! { <button class="button secondary" on:click=move |_| resolve(f.id)>{t(Msg::Resolve)}</button> }.into_any()
                                    } else {
                                        view! { <span class="badge">{t(Msg::Resolved)}</span> }.into_any()
                                    }}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </section>
    }
}
