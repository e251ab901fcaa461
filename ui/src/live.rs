//! A hall's live queue feed over WebSocket: the latest snapshot and whether we are connected.
//! Reconnects with backoff (see `socket`); the server greets every connection with a full snapshot, so a
//! reconnect misses nothing. A paired TV's feed may be refused for good (revoked token).

use crate::socket::{open_socket, SocketOptions};
use domain::displays::CLOSE_REVOKED;
use domain::queue::feed::{receive, QueueMessage};
use domain::queue::protocol::QueueSnapshot;
use leptos::prelude::*;
use std::rc::Rc;

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

pub fn use_queue_feed(hall: String) -> QueueFeed {
    use_queue_feed_with(FeedOptions::hall(&hall))
}

pub fn use_queue_feed_with(options: FeedOptions) -> QueueFeed {
    let (snapshot, set_snapshot) = signal(None);
    let (online, set_online) = signal(false);
    let (refused, set_refused) = signal(false);
    let listener = options.on_message;
    open_socket(SocketOptions {
        path: options.path,
        on_open: Rc::new(move || set_online.set(true)),
        on_message: Rc::new(move |text| {
            let Ok(message) = serde_json::from_str::<QueueMessage>(&text) else {
                return;
            };
            if let Some(listener) = &listener {
                listener(&message);
            }
            set_snapshot.set(receive(snapshot.get_untracked(), message));
        }),
        on_close: Rc::new(move |code| {
            set_online.set(false);
            if code == CLOSE_REVOKED {
                set_refused.set(true);
            }
        }),
        final_codes: &[CLOSE_REVOKED],
    });
    QueueFeed {
        snapshot,
        online,
        refused,
    }
}
