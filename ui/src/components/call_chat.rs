//! The chat of a call: every line with who wrote it, shared files as download links, a box to
//! write in (Enter sends) and a button to send a photo or a PDF.

use crate::api;
use crate::call::session::CallSession;
use crate::components::chat_parts::{message_body, ChatInput, FilePicker};
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
    let send = move |message: String| {
        if session.send(&Signal::Chat { text: message }) {
            text.set(String::new());
        } else {
            app.error(&domain::ApiError::new(domain::Reason::Network, "network"));
        }
    };
    let (upload_room, upload_key) = (room.clone(), key.clone());
    let upload = move |file: web_sys::File| {
        let (room, key) = (upload_room.clone(), upload_key.clone());
        spawn_local(async move {
            if let Err(e) = api::video::share_file(&room, &key, &file).await {
                app.error(&e);
            }
        });
    };
    let line = move |entry: ChatEntry| {
        let who = author(entry.from, session.seat.get_untracked());
        let body = message_body(entry.text, entry.file, |file| {
            api::video::file_url(&room, &key, file)
        });
        view! { <li class=format!("from-{:?}", entry.from).to_lowercase()><strong>{t(who)}": "</strong>{body}</li> }
    };
    view! {
        <section class="call-chat" aria-labelledby="call-chat-heading">
            <h2 id="call-chat-heading">{t(Msg::VideoChat)}</h2>
            <ol class="chat-lines" data-testid="chat-lines" aria-live="polite">
                {move || session.transcript.get().into_iter().map(line.clone()).collect_view()}
            </ol>
            <ChatInput id="chat-input".to_string() value=text on_send=send/>
            <FilePicker on_file=upload testid="chat-file"/>
        </section>
    }
}
