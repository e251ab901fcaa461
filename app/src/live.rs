//! A hall's live queue feed over WebSocket: the latest snapshot and whether we are connected.
//! Reconnects with backoff; the server greets every connection with a full snapshot, so a
//! reconnect misses nothing. A paired TV's feed may be refused for good (revoked token).

use domain::displays::CLOSE_REVOKED;
use domain::queue::feed::{receive, QueueMessage};
use domain::queue::protocol::QueueSnapshot;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

const MAX_BACKOFF_MS: u32 = 15_000;

/// Hears every message on the feed before the snapshot is updated.
pub type MessageListener = Rc<dyn Fn(&QueueMessage)>;

#[derive(Clone, Copy)]
pub struct QueueFeed {
    pub snapshot: ReadSignal<Option<QueueSnapshot>>,
    pub online: ReadSignal<bool>,
    /// The server closed the feed for good: the TV's pairing was revoked or never valid.
    pub refused: ReadSignal<bool>,
}

/// Where to connect and who else hears each message (the TV's announcer).
pub struct FeedOptions {
    /// The WebSocket path, e.g. `/ws/halls/xinghu`.
    pub path: String,
    pub on_message: Option<MessageListener>,
}

impl FeedOptions {
    /// The public feed of a hall.
    pub fn hall(hall: &str) -> FeedOptions {
        FeedOptions {
            path: format!("/ws/halls/{hall}"),
            on_message: None,
        }
    }
}

#[derive(Clone, Copy)]
struct Handles {
    snapshot: ReadSignal<Option<QueueSnapshot>>,
    set_snapshot: WriteSignal<Option<QueueSnapshot>>,
    set_online: WriteSignal<bool>,
    set_refused: WriteSignal<bool>,
    socket: StoredValue<Option<WebSocket>, LocalStorage>,
    on_message: StoredValue<Option<MessageListener>, LocalStorage>,
    stopped: StoredValue<bool>,
}

pub fn use_queue_feed(hall: String) -> QueueFeed {
    use_queue_feed_with(FeedOptions::hall(&hall))
}

pub fn use_queue_feed_with(options: FeedOptions) -> QueueFeed {
    let (snapshot, set_snapshot) = signal(None);
    let (online, set_online) = signal(false);
    let (refused, set_refused) = signal(false);
    let handles = Handles {
        snapshot,
        set_snapshot,
        set_online,
        set_refused,
        socket: StoredValue::new_local(None),
        on_message: StoredValue::new_local(options.on_message),
        stopped: StoredValue::new(false),
    };
    connect(options.path, handles, 0);
    on_cleanup(move || {
        handles.stopped.set_value(true);
        handles.socket.with_value(|ws| {
            if let Some(ws) = ws {
                let _ = ws.close();
            }
        });
    });
    QueueFeed {
        snapshot,
        online,
        refused,
    }
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

fn connect(path: String, h: Handles, attempt: u32) {
    if h.stopped.get_value() {
        return;
    }
    let Some(ws) = socket_url(&path).and_then(|url| WebSocket::new(&url).ok()) else {
        return retry(path, h, attempt);
    };
    let on_open = Closure::<dyn FnMut()>::new(move || h.set_online.set(true));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        if let Ok(message) = serde_json::from_str::<QueueMessage>(&text) {
            h.on_message.with_value(|listener| {
                if let Some(listener) = listener {
                    listener(&message);
                }
            });
            let shown = receive(h.snapshot.get_untracked(), message);
            h.set_snapshot.set(shown);
        }
    });
    let reconnect_path = path.clone();
    let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |event: CloseEvent| {
        h.set_online.set(false);
        if event.code() == CLOSE_REVOKED {
            h.set_refused.set(true);
            return;
        }
        // A clean close (the server restarting, a deploy) retries soon; a dropped connection
        // backs off further each time.
        let next = if event.was_clean() { 0 } else { attempt + 1 };
        retry(reconnect_path.clone(), h, next);
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

fn retry(path: String, h: Handles, attempt: u32) {
    if h.stopped.get_value() {
        return;
    }
    let delay = (500u32 << attempt.min(5)).min(MAX_BACKOFF_MS);
    gloo_timers::callback::Timeout::new(delay, move || connect(path, h, attempt)).forget();
}
