//! The chat of a call: every line with who wrote it, shared files as download links, a box to
//! write in (Enter sends) and a button to send a photo or a PDF.

use crate::api;
use crate::call::session::CallSession;
use crate::i18n::{t, Msg};
use crate::state::use_app;
use domain::video::room::{ChatEntry, Seat};
use domain::video::signal::Signal;
use leptos::prelude::*;
use leptos::task::spawn_local;

fn author(from: Seat, me: Option<Seat>) -> Msg {
    match from {
        _ if Some(from) == me => Msg::VideoYou,
        Seat::Customer => Msg::VideoCustomer,
        Seat::Agent => Msg::VideoAgent,
        Seat::Supervisor => Msg::VideoSupervisor,
    }
}

#[component]
pub fn CallChat(session: CallSession, room: String, key: String) -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let message = text.get_untracked();
        if message.trim().is_empty() {
            return;
        }
        if session.send(&Signal::Chat { text: message }) {
            text.set(String::new());
        } else {
            app.error(&domain::ApiError::internal("network"));
        }
    };
    let (upload_room, upload_key) = (room.clone(), key.clone());
    let upload = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let (room, key) = (upload_room.clone(), upload_key.clone());
        spawn_local(async move {
            if let Err(e) = api::video::share_file(&room, &key, &file).await {
                app.error(&e);
            }
        });
    };
    let line = move |entry: ChatEntry| {
        let who = author(entry.from, session.seat.get_untracked());
        let body = match (entry.text, entry.file) {
            (Some(text), _) => view! { <span class="text">{text}</span> }.into_any(),
            (None, Some(file)) => view! {
                <a class="file" href=api::video::file_url(&room, &key, &file.id) download=file.name.clone()>
                    {format!("📎 {} ({} KB)", file.name, file.size.div_ceil(1024))}
                </a>
            }.into_any(),
            (None, None) => ().into_any(),
        };
        view! { <li class=format!("from-{:?}", entry.from).to_lowercase()><strong>{t(who)}": "</strong>{body}</li> }
    };
    view! {
        <section class="call-chat" aria-labelledby="call-chat-heading">
            <h2 id="call-chat-heading">{t(Msg::VideoChat)}</h2>
            <ol class="chat-lines" data-testid="chat-lines" aria-live="polite">
                {move || session.transcript.get().into_iter().map(line.clone()).collect_view()}
            </ol>
            <form class="chat-form" on:submit=send>
                <label class="visually-hidden" for="chat-input">{t(Msg::VideoChatPlaceholder)}</label>
                <input id="chat-input" type="text" maxlength="2000" autocomplete="off" bind:value=text
                    placeholder=move || t(Msg::VideoChatPlaceholder)()/>
                <button type="submit" class="button primary">{t(Msg::VideoSend)}</button>
            </form>
            <label class="button file-button">
                {t(Msg::VideoSendFile)}
                <input type="file" accept="image/png,image/jpeg,image/webp,application/pdf" data-testid="chat-file"
                    class="visually-hidden" on:change=upload/>
            </label>
        </section>
    }
}
