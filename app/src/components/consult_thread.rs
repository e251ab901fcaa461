//! One consultation thread as either side sees it: the messages (files as download links),
//! a reply box and a button to send a photo or a PDF. Refreshed every 10 seconds.

use crate::api;
use crate::every::every;
use crate::i18n::{t, Msg};
use crate::state::use_app;
use domain::consult::{Side, ThreadDetail, ThreadMessage};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ConsultThread(id: i64, #[prop(into)] on_change: Callback<()>) -> impl IntoView {
    let app = use_app();
    let detail = RwSignal::new(None::<ThreadDetail>);
    let load = move || {
        spawn_local(async move {
            match api::consult::thread(id).await {
                Ok(d) => {
                    detail.set(Some(d));
                    on_change.run(());
                }
                Err(e) => app.error(&e),
            }
        })
    };
    load();
    every(10, load);
    let text = RwSignal::new(String::new());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = text.get_untracked();
        spawn_local(async move {
            match api::consult::reply(id, &words).await {
                Ok(d) => {
                    text.set(String::new());
                    detail.set(Some(d));
                }
                Err(e) => app.error(&e),
            }
        });
    };
    let upload = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            match api::consult::share_file(id, &file).await {
                Ok(_) => load(),
                Err(e) => app.error(&e),
            }
        });
    };
    let line = move |m: ThreadMessage| {
        let body = match (m.text, m.file) {
            (Some(text), _) => view! { <span class="text">{text}</span> }.into_any(),
            (None, Some(file)) => view! {
                <a class="file" href=api::consult::file_url(id, &file.id) download=file.name.clone()>{format!("📎 {}", file.name)}</a>
            }.into_any(),
            (None, None) => ().into_any(),
        };
        let side = if m.from == Side::Agent {
            "from-agent"
        } else {
            "from-customer"
        };
        view! { <li class=side><strong>{m.author}": "</strong>{body}</li> }
    };
    view! {
        <section class="card consult-thread" data-testid="consult-thread">
            <h3>{move || detail.get().map(|d| d.thread.subject)}</h3>
            <ol class="chat-lines" aria-live="polite" data-testid="consult-lines">
                {move || detail.get().map(|d| d.messages.into_iter().map(line).collect_view())}
            </ol>
            <form class="chat-form" on:submit=send>
                <label class="visually-hidden" for=format!("reply-{id}")>{t(Msg::VideoChatPlaceholder)}</label>
                <input id=format!("reply-{id}") type="text" maxlength="2000" required bind:value=text placeholder=move || t(Msg::VideoChatPlaceholder)()/>
                <button type="submit" class="button primary">{t(Msg::VideoSend)}</button>
            </form>
            <label class="button file-button">
                {t(Msg::VideoSendFile)}
                <input type="file" accept="image/png,image/jpeg,image/webp,application/pdf" class="visually-hidden" on:change=upload/>
            </label>
        </section>
    }
}

/// A thread in a list: its subject, customer, and the unread count as a badge.
#[component]
pub fn ThreadRow(
    thread: domain::consult::Thread,
    selected: RwSignal<Option<i64>>,
) -> impl IntoView {
    let id = thread.id;
    view! {
        <li data-testid="consult-row">
            <button type="button" class="link-button" aria-pressed=move || (selected.get() == Some(id)).to_string()
                on:click=move |_| selected.set(Some(id))>
                {thread.subject}" · "{thread.customer_name}
            </button>
            {(thread.unread > 0).then(|| view! { <span class="badge" data-testid="unread">{thread.unread}</span> })}
        </li>
    }
}
