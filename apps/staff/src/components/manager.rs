//! The one shell the managers of a list share (notices, posters, planned outages, accounts):
//! the list comes first, a "new" button opens the form on demand and saving or cancelling closes
//! it again. Content rows show a title, a line about their state and their actions; withdrawing
//! asks first.

use chrono::{DateTime, Utc};
use domain::hours::format_local;
use domain::notices::NoticeState;
use domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use ui::components::form::{save_action, submit, FormError};
use ui::i18n::{notice_state_msg, t, Lang, Msg};
use ui::state::{use_app, AppState};

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

/// One item in a list of the console: its title, a line about it and its actions (notices,
/// posters, outages, special days, displays).
#[component]
pub fn ContentRow(
    testid: &'static str,
    title: String,
    /// Its state, where and when.
    meta: AnyView,
    /// The row's actions (edit, withdraw, remove) or its closed state.
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

/// A row's buttons for an item the user may still change: edit opens the form on it.
#[component]
pub fn EditActions(on_edit: Callback<()>, on_withdraw: Callback<()>) -> impl IntoView {
    view! {
        <div class="row">
            <button class="button secondary" on:click=move |_| on_edit.run(())>{t(Msg::Edit)}</button>
            <button class="button danger" on:click=move |_| on_withdraw.run(())>{t(Msg::Withdraw)}</button>
        </div>
    }
}

/// An item's state as a badge, and when it shows: "from … until …" (an open end is "—").
pub fn state_and_window(
    state: NoticeState,
    starts: DateTime<Utc>,
    ends: Option<DateTime<Utc>>,
    lang: Lang,
) -> impl IntoView {
    let class = format!("badge state-{state:?}").to_lowercase();
    let until = ends.map(format_local).unwrap_or_else(|| "—".into());
    let window = format!("{} {} {until}", format_local(starts), Msg::Until.text(lang));
    (
        view! { <span class=class>{t(notice_state_msg(state))}</span> },
        format!(" {window}"),
    )
}

/// A content form's save: `create` a new item, or `update` item `editing`, from the submitted
/// `(editing, input)`; on success the form says `saved` and runs `on_saved`.
pub fn save_content<I, O, Create, CreateFut, Update, UpdateFut>(
    error: FormError,
    create: Create,
    update: Update,
    saved: Msg,
    on_saved: Callback<()>,
) -> Action<(Option<i64>, I), ()>
where
    I: Clone + 'static,
    O: 'static,
    Create: Fn(I) -> CreateFut + Copy + 'static,
    CreateFut: Future<Output = Result<O, ApiError>> + 'static,
    Update: Fn(i64, I) -> UpdateFut + Copy + 'static,
    UpdateFut: Future<Output = Result<O, ApiError>> + 'static,
{
    let app = use_app();
    save_action(
        error,
        move |(editing, input): (Option<i64>, I)| async move {
            match editing {
                Some(id) => update(id, input).await,
                None => create(input).await,
            }
        },
        Callback::new(move |_| {
            app.success(saved);
            on_saved.run(());
        }),
    )
}

/// Submits a draft's input for item `editing`, or shows why the draft is not ready.
pub fn submit_draft<I: 'static>(
    save: Action<(Option<i64>, I), ()>,
    error: FormError,
    editing: Option<i64>,
    input: Result<I, ApiError>,
) {
    match input {
        Ok(input) => submit(save, (editing, input)),
        Err(e) => error.set(Some(e)),
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
