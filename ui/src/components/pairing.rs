//! A hall device's pairing: the TV and the kiosk are paired with a hall by a link with a token
//! the manager makes in the console. The token from the link is kept, so the device stays
//! paired across restarts. A paired device takes the hall's feed on its own socket (closed at
//! once when the token is revoked) and says it is alive every minute; when either says the
//! token is no good, the token is forgotten and the device shows how to pair it.

use crate::api;
use crate::components::device_head::DeviceHead;
use crate::every::every;
use crate::i18n::{t, Msg};
use crate::live::{use_queue_feed_with, FeedOptions, MessageListener, QueueFeed};
use crate::state::{forget, store, stored};
use domain::displays::{DeviceKind, HEARTBEAT_SECS};
use domain::Reason;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where a device of `kind` keeps its token for `hall`.
fn token_key(kind: DeviceKind, hall: &str) -> String {
    format!("gridhall.{}.{hall}", kind.as_str())
}

/// The pairing token: from the link the manager gave (kept for restarts), or kept before.
pub fn pairing_token(kind: DeviceKind, hall: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let from_link = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|q| q.get("token"))
        .filter(|t| !t.is_empty());
    if let Some(token) = &from_link {
        store(&token_key(kind, hall), token);
    }
    from_link.or_else(|| stored(&token_key(kind, hall)))
}

/// A paired device's live feed, and whether its pairing has been refused since.
#[derive(Clone, Copy)]
pub struct PairedDevice {
    pub feed: QueueFeed,
    pub refused: Signal<bool>,
}

/// The hall's feed on the device's own socket, and a heartbeat every minute (the console's
/// "last seen"). A revoked token closes the socket at once and fails the next heartbeat.
pub fn use_paired_device(
    kind: DeviceKind,
    hall: &str,
    token: &str,
    on_message: Option<MessageListener>,
) -> PairedDevice {
    let feed = use_queue_feed_with(FeedOptions {
        path: format!("/ws/displays/{hall}?token={token}"),
        on_message,
    });
    let unpaired = RwSignal::new(false);
    let key = token_key(kind, hall);
    let (hall, token) = (hall.to_string(), token.to_string());
    let beat = move || {
        let (hall, token) = (hall.clone(), token.clone());
        spawn_local(async move {
            if let Err(e) = api::displays::seen(&hall, &token).await {
                if e.reason == Reason::KioskNotPaired {
                    unpaired.set(true);
                }
            }
        });
    };
    beat();
    every(HEARTBEAT_SECS.into(), beat);
    let refused = Signal::derive(move || feed.refused.get() || unpaired.get());
    Effect::new(move || {
        if refused.get() {
            forget(&key);
        }
    });
    PairedDevice { feed, refused }
}

/// What an unpaired device shows: its hall, what it is, and how the manager pairs it.
#[component]
pub fn Unpaired(kind: DeviceKind) -> impl IntoView {
    let (title, lead, how, testid) = match kind {
        DeviceKind::Display => (
            Msg::DisplayTitle,
            Msg::DisplayUnpaired,
            Msg::DisplayHowToPair,
            "display-unpaired",
        ),
        DeviceKind::Kiosk => (
            Msg::KioskTitle,
            Msg::KioskUnpaired,
            Msg::KioskHowToPair,
            "kiosk-unpaired",
        ),
    };
    view! {
        <DeviceHead title/>
        <section class="display-unpaired" data-testid=testid>
            <h2>{t(lead)}</h2>
            <p>{t(how)}</p>
        </section>
    }
}
