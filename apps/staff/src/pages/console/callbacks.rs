//! Callbacks customers asked for when no agent answered in time: open ones first, oldest
//! first, each with the number to call and a button to mark it done.

use domain::hours::format_local;
use domain::video::bodies::Callback;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::every::every;
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn Callbacks() -> impl IntoView {
    let app = use_app();
    let list = LocalResource::new(api::video::callbacks);
    every(30, move || list.refetch());
    let done = move |id: i64| {
        spawn_local(async move {
            match api::video::callback_done(id).await {
                Ok(_) => list.refetch(),
                Err(e) => app.error(&e),
            }
        });
    };
    let row = move |c: Callback| {
        let when = chrono::DateTime::from_timestamp_millis(c.created_at)
            .map(format_local)
            .unwrap_or_default();
        view! {
            <li data-testid="callback">
                <a href=format!("tel:{}", c.phone)>{c.phone.clone()}</a>" · "{c.customer_name}" · "{c.topic}" · "{when}" "
                {match c.done_by {
                    Some(by) => view! { <span class="tag">{t(Msg::DeskCallbackDone)}" · "{by}</span> }.into_any(),
                    None => view! { <button type="button" class="button" on:click=move |_| done(c.id)>{t(Msg::DeskCallbackDone)}</button> }.into_any(),
                }}
            </li>
        }
    };
    let content = move |items: Vec<Callback>| {
        if items.is_empty() {
            view! { <p class="meta">{t(Msg::DeskNoCallbacks)}</p> }.into_any()
        } else {
            view! { <ul class="list">{items.into_iter().map(row).collect_view()}</ul> }.into_any()
        }
    };
    view! {
        <h3>{t(Msg::DeskCallbacks)}</h3>
        <Loaded resource=list content/>
    }
}
