//! A hall's live queue feed over WebSocket: the latest snapshot and whether we are connected.
//! Reconnects with backoff; the server greets every connection with a full snapshot, so a
//! reconnect misses nothing.

use domain::queue::feed::{receive, QueueMessage};
use domain::queue::protocol::QueueSnapshot;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, WebSocket};

const MAX_BACKOFF_MS: u32 = 15_000;

#[derive(Clone, Copy)]
pub struct QueueFeed {
    pub snapshot: ReadSignal<Option<QueueSnapshot>>,
    pub online: ReadSignal<bool>,
}

#[derive(Clone, Copy)]
struct Handles {
    snapshot: ReadSignal<Option<QueueSnapshot>>,
    set_snapshot: WriteSignal<Option<QueueSnapshot>>,
    set_online: WriteSignal<bool>,
    socket: StoredValue<Option<WebSocket>, LocalStorage>,
    stopped: StoredValue<bool>,
}

pub fn use_queue_feed(hall: String) -> QueueFeed {
    let (snapshot, set_snapshot) = signal(None);
    let (online, set_online) = signal(false);
    let handles = Handles {
        snapshot,
        set_snapshot,
        set_online,
        socket: StoredValue::new_local(None),
        stopped: StoredValue::new(false),
    };
    connect(hall, handles, 0);
    on_cleanup(move || {
        handles.stopped.set_value(true);
        handles.socket.with_value(|ws| {
            if let Some(ws) = ws {
                let _ = ws.close();
            }
        });
    });
    QueueFeed { snapshot, online }
}

fn socket_url(path: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let scheme = if location.protocol().ok()? == "https:" {
        "wss"
    } else {
        "ws"
    };
    Some(format!("{scheme}://{}{path}", location.host().ok()?))
}

fn connect(hall: String, h: Handles, attempt: u32) {
    if h.stopped.get_value() {
        return;
    }
    let Some(ws) =
        socket_url(&format!("/ws/halls/{hall}")).and_then(|url| WebSocket::new(&url).ok())
    else {
        return retry(hall, h, attempt);
    };
    let on_open = Closure::<dyn FnMut()>::new(move || h.set_online.set(true));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        if let Ok(message) = serde_json::from_str::<QueueMessage>(&text) {
            let shown = receive(h.snapshot.get_untracked(), message);
            h.set_snapshot.set(shown);
        }
    });
    let reconnect_hall = hall.clone();
    let on_close = Closure::<dyn FnMut()>::new(move || {
        h.set_online.set(false);
        retry(reconnect_hall.clone(), h, attempt + 1);
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    // The socket owns its handlers for its whole life; a reconnect makes new ones.
    on_open.forget();
    on_message.forget();
    on_close.forget();
    h.socket.set_value(Some(ws));
}

fn retry(hall: String, h: Handles, attempt: u32) {
    if h.stopped.get_value() {
        return;
    }
    let delay = (500u32 << attempt.min(5)).min(MAX_BACKOFF_MS);
    gloo_timers::callback::Timeout::new(delay, move || connect(hall, h, attempt)).forget();
}
