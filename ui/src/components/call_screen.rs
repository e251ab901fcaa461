//! The call as both sides see it: the other side's video large and one's own small, the link's
//! state in words, a warning on a poor connection, the controls (mute, camera, screen share,
//! hang up), the shared handwriting board and the chat with files.

use crate::call::media;
use crate::call::session::{CallSession, Link};
use crate::components::board::Board;
use crate::components::call_chat::CallChat;
use crate::i18n::{t, Msg};
use domain::video::room::Seat;
use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::MediaStream;

fn status_msg(link: Link, seat: Option<Seat>) -> Msg {
    match link {
        Link::Connecting => Msg::VideoStatusConnecting,
        Link::Waiting if seat == Some(Seat::Customer) => Msg::VideoStatusWaitingAgent,
        Link::Waiting => Msg::VideoStatusWaitingCustomer,
        Link::Live => Msg::VideoStatusLive,
        Link::Reconnecting => Msg::VideoStatusReconnecting,
        Link::Transferred => Msg::VideoStatusTransferred,
        Link::Replaced => Msg::VideoStatusReplaced,
        Link::Ended => Msg::VideoStatusEnded,
    }
}

/// A `<video>` showing `stream` (muted for one's own, so nobody hears themselves).
#[component]
fn StreamVideo(
    stream: RwSignal<Option<MediaStream>, LocalStorage>,
    class: &'static str,
    #[prop(optional)] muted: bool,
) -> impl IntoView {
    let node = NodeRef::<Video>::new();
    Effect::new(move |_| {
        let current = stream.get();
        if let Some(video) = node.get() {
            let video: &web_sys::HtmlMediaElement = video.unchecked_ref();
            video.set_src_object(current.as_ref());
        }
    });
    view! { <video node_ref=node class=class autoplay=true playsinline=true muted=muted data-testid=class></video> }
}

/// A button that turns something on and off, saying what a press will do.
#[component]
fn Toggle(
    on: RwSignal<bool>,
    when_on: Msg,
    when_off: Msg,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let label = move || {
        if on.get() {
            t(when_on)()
        } else {
            t(when_off)()
        }
    };
    view! {
        <button type="button" class="button" aria-pressed=move || (!on.get()).to_string()
            on:click=move |_| { let next = !on.get_untracked(); on.set(next); on_change.run(next); }>{label}</button>
    }
}

#[component]
pub fn CallScreen(
    session: CallSession,
    room: String,
    key: String,
    /// The hang-up button; the page decides what hanging up means for its side.
    #[prop(into)]
    on_hang_up: Callback<()>,
) -> impl IntoView {
    let microphone = RwSignal::new(true);
    let camera = RwSignal::new(true);
    let sharing = RwSignal::new(false);
    let has_media = move || session.local.with(|l| l.is_some());
    let set_track = move |video: bool, on: bool| {
        if let Some(stream) = session.local.get_untracked() {
            media::set_enabled(&stream, video, on);
        }
    };
    let supervisor_here = move || {
        session.seat.get() != Some(Seat::Supervisor)
            && session.present.with(|p| p.contains(&Seat::Supervisor))
    };
    view! {
        <section class="call" data-testid="call" data-link=move || format!("{:?}", session.link.get()).to_lowercase()
            data-inbound-video-bytes=move || session.inbound_video_bytes.get().to_string()>
            <p class="call-status" role="status" aria-live="polite">{move || t(status_msg(session.link.get(), session.seat.get()))()}</p>
            <Show when=move || session.poor_quality.get()><p class="warning" role="alert">{t(Msg::VideoPoorQuality)}</p></Show>
            <Show when=move || session.hung_up.get()><p class="notice" role="status">{t(Msg::VideoOtherHungUp)}</p></Show>
            <Show when=supervisor_here><p class="notice" role="status">{t(Msg::VideoSupervisorHere)}</p></Show>
            <div class="videos">
                <StreamVideo stream=session.remote class="remote-video"/>
                <StreamVideo stream=session.local class="local-video" muted=true/>
            </div>
            <div class="call-controls">
                <Show when=has_media>
                    <Toggle on=microphone when_on=Msg::VideoMute when_off=Msg::VideoUnmute on_change=move |on| set_track(false, on)/>
                    <Toggle on=camera when_on=Msg::VideoCameraOff when_off=Msg::VideoCameraOn on_change=move |on| set_track(true, on)/>
                    <ShareScreen session sharing/>
                </Show>
                <button type="button" class="button danger" data-testid="hang-up" on:click=move |_| on_hang_up.run(())>{t(Msg::VideoHangUp)}</button>
            </div>
            <div class="call-panels">
                <CallChat session room key/>
                <Board session/>
            </div>
        </section>
    }
}

/// Sends the screen instead of the camera until stopped (here or by the browser's own bar).
#[component]
fn ShareScreen(session: CallSession, sharing: RwSignal<bool>) -> impl IntoView {
    let camera_track = move || {
        session.local.get_untracked().and_then(|s| {
            s.get_video_tracks()
                .get(0)
                .dyn_into::<web_sys::MediaStreamTrack>()
                .ok()
        })
    };
    let stop = move || {
        sharing.set(false);
        if let (Some(peer), Some(track)) = (session.peer(), camera_track()) {
            spawn_local(async move { peer.replace_video(&track).await });
        }
    };
    let start = move || {
        spawn_local(async move {
            let Some(screen) = media::screen().await else {
                return;
            };
            let Ok(track) = screen
                .get_video_tracks()
                .get(0)
                .dyn_into::<web_sys::MediaStreamTrack>()
            else {
                return;
            };
            let ended = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(stop);
            track.set_onended(Some(ended.as_ref().unchecked_ref()));
            ended.forget();
            if let Some(peer) = session.peer() {
                peer.replace_video(&track).await;
                sharing.set(true);
            }
        });
    };
    view! {
        <button type="button" class="button" aria-pressed=move || sharing.get().to_string()
            on:click=move |_| if sharing.get_untracked() { stop() } else { start() }>
            {move || if sharing.get() { t(Msg::VideoStopShare)() } else { t(Msg::VideoShareScreen)() }}
        </button>
    }
}
