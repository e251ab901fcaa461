//! The one shell the managers of a list share (notices, posters, planned outages, accounts):
//! the list comes first, a "new" button opens the form on demand and saving or cancelling closes
//! it again. Content rows show a title, a line about their state and their actions; withdrawing
//! asks first.

use domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use ui::i18n::{t, Msg};
use ui::state::AppState;

/// One list's manager. `open` says whether the form shows: the "new" button and a
/// row's "edit" open it, the form closes it when it saves or is cancelled.
#[component]
pub fn Manager(
    /// The heading's id (the section is labelled by it).
    id: &'static str,
    title: Msg,
    /// The button that opens an empty form ("new notice").
    new: Msg,
    open: RwSignal<bool>,
    #[prop(into)] form: ViewFn,
    #[prop(into)] list: ViewFn,
) -> impl IntoView {
    view! {
        <section aria-labelledby=id class="manager">
            <div class="section-head">
                <h2 id=id>{t(title)}</h2>
                <Show when=move || !open.get()>
                    <button type="button" class="button primary" on:click=move |_| open.set(true)>{t(new)}</button>
                </Show>
            </div>
            <Show when=move || open.get()>{form.run()}</Show>
            {list.run()}
        </section>
    }
}

/// One published item in a manager's list.
#[component]
pub fn ContentRow(
    testid: &'static str,
    title: String,
    /// The state, where and when.
    meta: AnyView,
    /// The row's actions (edit, withdraw) or its closed state.
    children: Children,
) -> impl IntoView {
    view! {
        <li class="card notice-row" data-testid=testid>
            <div>
                <h4>{title}</h4>
                <p class="meta">{meta}</p>
            </div>
            {children()}
        </li>
    }
}

/// Withdraws an item once the user confirms `question`, then runs `done` (or shows the error).
pub fn withdraw<F, T>(app: AppState, question: Msg, call: F, done: Callback<()>)
where
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    if !app.confirm(question) {
        return;
    }
    spawn_local(async move {
        match call.await {
            Ok(_) => done.run(()),
            Err(e) => app.error(&e),
        }
    });
}
