//! The hall manager's message for the day, on the TV and on every ticket page of the hall.

use crate::i18n::Msg;
use crate::live::QueueFeed;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn BroadcastBanner(feed: QueueFeed) -> impl IntoView {
    let lang = use_app().lang;
    let text = Memo::new(move |_| {
        feed.snapshot
            .get()
            .and_then(|s| s.board.broadcast)
            .map(|b| b.text)
    });
    view! {
        {move || text.get().map(|text| view! {
            <section class="broadcast" role="status" data-testid="broadcast">
                <span class="broadcast-label">{move || Msg::BroadcastLabel.text(lang.get())}</span>
                <span class="broadcast-text">{text}</span>
            </section>
        })}
    }
}
