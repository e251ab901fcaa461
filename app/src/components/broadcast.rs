//! The hall manager's message for the day, on the TV and on every ticket page of the hall.

use crate::i18n::{t, Msg};
use crate::live::QueueFeed;
use leptos::prelude::*;

#[component]
pub fn BroadcastBanner(feed: QueueFeed) -> impl IntoView {
    let text = move || {
        feed.snapshot
            .get()
            .and_then(|s| s.board.broadcast)
            .map(|b| b.text)
    };
    view! {
        {move || text().map(|text| view! {
            <section class="broadcast" role="status" data-testid="broadcast">
                <span class="broadcast-label">{t(Msg::BroadcastLabel)}</span>
                <span class="broadcast-text">{text}</span>
            </section>
        })}
    }
}
