//! The hall TV, full screen: the number being called, large, with its counter; the last calls;
//! per business the people waiting and the wait range; the manager's message; notices; and
//! each call spoken aloud. A TV shows its hall only once paired with a manager's token.

use crate::components::display_content::{DisplaySlides, OutageTicker};
use domain::displays::DeviceKind;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::rc::Rc;
use ui::components::broadcast::BroadcastBanner;
use ui::components::device_head::DeviceHead;
use ui::components::pairing::{pairing_token, use_paired_device, Unpaired};
use ui::components::queue_labels::counter_text;
use ui::components::take_number::LiveWaits;
use ui::i18n::{t, Msg};
use ui::live::QueueFeed;
use ui::speech::Announcer;
use ui::state::use_app;

/// Calls listed under the one being called.
const LAST_CALLS: usize = 6;
/// Without a connection this long, the TV says it is offline.
const OFFLINE_AFTER_MS: u32 = 5_000;

#[component]
pub fn DisplayPage() -> impl IntoView {
    let hall = use_params_map()
        .read_untracked()
        .get("hall")
        .unwrap_or_default();
    let content = match pairing_token(DeviceKind::Display, &hall) {
        Some(token) => view! { <Board hall token/> }.into_any(),
        None => view! { <Unpaired kind=DeviceKind::Display/> }.into_any(),
    };
    view! { <div class="display">{content}</div> }
}

#[component]
fn Board(hall: String, token: String) -> impl IntoView {
    let announcer = Rc::new(Announcer::default());
    let listener = announcer.clone();
    let device = use_paired_device(
        DeviceKind::Display,
        &hall,
        &token,
        Some(Rc::new(move |m| listener.receive(m))),
    );
    let feed = device.feed;
    let voice_on = RwSignal::new(true);
    Effect::new(move || announcer.muted.set(!voice_on.get()));
    view! {
        <Show when=move || !device.refused.get() fallback=|| view! { <Unpaired kind=DeviceKind::Display/> }>
            <DeviceHead title=Msg::DisplayTitle>
                <div class="device-status">
                    <OfflineBadge feed/>
                    <button class="pref" on:click=move |_| voice_on.update(|v| *v = !*v)
                        aria-pressed=move || voice_on.get().to_string() data-testid="voice-toggle">
                        {move || if voice_on.get() { t(Msg::VoiceOn)() } else { t(Msg::VoiceOff)() }}
                    </button>
                </div>
            </DeviceHead>
            <span hidden data-testid="display-feed" data-online=move || feed.online.get().to_string()></span>
            <BroadcastBanner feed/>
            <NowCalling feed/>
            <LastCalls feed/>
            <section class="display-waits"><h2>{t(Msg::Waiting)}</h2><LiveWaits feed/></section>
            <DisplaySlides hall=hall.clone()/>
            <OutageTicker hall=hall.clone()/>
        </Show>
    }
}

/// "Offline" once the feed has been down for a while; a blip is not worth alarming anyone.
#[component]
fn OfflineBadge(feed: QueueFeed) -> impl IntoView {
    let shown = RwSignal::new(false);
    Effect::new(move || {
        if feed.online.get() {
            shown.set(false);
        } else {
            gloo_timers::callback::Timeout::new(OFFLINE_AFTER_MS, move || {
                if !feed.online.get_untracked() {
                    shown.set(true);
                }
            })
            .forget();
        }
    });
    view! {
        <Show when=move || shown.get()>
            <span class="badge offline" role="status" data-testid="offline-badge">{t(Msg::DisplayOffline)}</span>
        </Show>
    }
}

#[component]
fn NowCalling(feed: QueueFeed) -> impl IntoView {
    let lang = use_app().lang;
    let current = move || {
        feed.snapshot
            .get()
            .and_then(|s| s.recent_calls.into_iter().next())
    };
    view! {
        <section class="now-calling" aria-live="polite" data-testid="now-calling">
            <h2>{t(Msg::NowCalling)}</h2>
            {move || {
                let lang = lang.get();
                match current() {
                    Some(c) => view! {
                        <p class="now-number" data-testid="now-number">{c.number.to_string()}</p>
                        <p class="now-counter" data-testid="now-counter">{Msg::PleaseGoTo.text(lang)}" "{counter_text(c.counter, lang)}</p>
                    }.into_any(),
                    None => view! { <p class="empty">{Msg::NoCallsYet.text(lang)}</p> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn LastCalls(feed: QueueFeed) -> impl IntoView {
    let lang = use_app().lang;
    let earlier = move || {
        feed.snapshot
            .get()
            .map(|s| s.recent_calls)
            .unwrap_or_default()
            .into_iter()
            .skip(1)
            .take(LAST_CALLS)
            .map(|c| view! {
                <li data-testid="last-call"><strong>{c.number.to_string()}</strong>" → "{counter_text(c.counter, lang.get())}</li>
            })
            .collect_view()
    };
    view! {
        <section class="display-last" aria-labelledby="last-calls">
            <h2 id="last-calls">{t(Msg::LastCalls)}</h2>
            <ol class="last-calls">{earlier}</ol>
        </section>
    }
}
