//! The customer's call page (`/video/{room}?key=`): the place in the agents' queue and the wait
//! (refreshed every 3 s), a callback offer when nobody answers in time, the call itself, and a
//! rating once the agent has filed it.

use crate::pages::video::{device_key, KioskBack};
use domain::video::bodies::{HelpStatus, RoomInfo};
use domain::video::desk::{Channel, RequestState};
use domain::video::signal::Signal;
use domain::ErrorCode;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};
use ui::api;
use ui::call::media::{self, DeviceChoice};
use ui::call::session::{use_call, CallOptions, Link};
use ui::components::call_screen::CallScreen;
use ui::components::feedback::ErrorBox;
use ui::components::form::{FormError, TextField};
use ui::components::rating::{RatingForm, RatingTarget};
use ui::every::every;
use ui::i18n::{t, Msg};
use ui::state::{stored, use_app};

/// Where the request is, as far as this page is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Loading,
    Waiting,
    InCall,
    /// The customer hung up; the agent is filing the call.
    Leaving,
    Ended,
    CallbackRequested,
    Cancelled,
}

fn phase_of(status: &HelpStatus) -> Phase {
    match status.request.state {
        RequestState::Waiting => Phase::Waiting,
        RequestState::Assigned { .. } => Phase::InCall,
        RequestState::Ended => Phase::Ended,
        RequestState::CallbackRequested { .. } => Phase::CallbackRequested,
        RequestState::Cancelled => Phase::Cancelled,
    }
}

#[component]
pub fn VideoCallPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let room = params.read_untracked().get("room").unwrap_or_default();
    let key = query.read_untracked().get("key").unwrap_or_default();
    let info = LocalResource::new({
        let (room, key) = (room.clone(), key.clone());
        move || {
            let (room, key) = (room.clone(), key.clone());
            async move { api::video::room(&room, &key).await }
        }
    });
    view! {
        <KioskBack/>
        <h1>{t(Msg::VideoHelp)}</h1>
        <Suspense fallback=|| ()>
            {move || info.get().map(|result| match result {
                Ok(info) => view! { <CustomerCall info key=key.clone()/> }.into_any(),
                Err(e) if e.code == ErrorCode::Forbidden => view! {
                    <p class="warning big" role="alert" data-testid="not-yours">{t(Msg::VideoNotYours)}</p>
                }.into_any(),
                Err(e) => view! { <ErrorBox error=e/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn CustomerCall(info: RoomInfo, key: String) -> impl IntoView {
    let status = RwSignal::new(None::<HelpStatus>);
    let hung_up = RwSignal::new(false);
    let phase = Memo::new(move |_| match (status.get(), hung_up.get()) {
        (None, _) => Phase::Loading,
        (Some(s), true) if phase_of(&s) == Phase::InCall => Phase::Leaving,
        (Some(s), _) => phase_of(&s),
    });
    let refresh = {
        let (room, key) = (info.room.clone(), key.clone());
        move || {
            // A request that ended, was cancelled or became a callback changes no more.
            let settled = matches!(
                phase.get_untracked(),
                Phase::Ended | Phase::CallbackRequested | Phase::Cancelled
            );
            if settled {
                return;
            }
            let (room, key) = (room.clone(), key.clone());
            spawn_local(async move {
                if let Ok(s) = api::video::status(&room, &key).await {
                    status.set(Some(s));
                }
            });
        }
    };
    refresh();
    every(3, refresh.clone());
    let (room, topic) = (info.room.clone(), info.details.topic.clone());
    view! {
        <p class="meta">{topic}</p>
        {move || match phase.get() {
            Phase::Loading => ().into_any(),
            Phase::Waiting => view! { <Waiting status room=room.clone() key=key.clone()/> }.into_any(),
            Phase::InCall => view! { <InCall info=info.clone() key=key.clone() hung_up/> }.into_any(),
            Phase::Leaving => view! { <p class="notice" role="status">{t(Msg::VideoStatusEnded)}</p> }.into_any(),
            Phase::Ended => view! {
                <p class="notice" role="status">{t(Msg::VideoStatusEnded)}</p>
                <RatingForm target=RatingTarget::Call { room: room.clone(), key: key.clone() } title=Msg::VideoRateTitle/>
            }.into_any(),
            Phase::CallbackRequested => view! { <p class="notice ok big" role="status">{t(Msg::VideoCallbackDone)}</p> }.into_any(),
            Phase::Cancelled => view! { <p class="notice" role="status">{t(Msg::VideoCancelled)}</p> }.into_any(),
        }}
    }
}

#[component]
fn Waiting(status: RwSignal<Option<HelpStatus>>, room: String, key: String) -> impl IntoView {
    let app = use_app();
    let place = move || status.get().and_then(|s| s.place);
    let due = move || status.get().is_some_and(|s| s.callback_due);
    let (cancel_room, cancel_key) = (room.clone(), key.clone());
    let cancel = move |_| {
        let (room, key) = (cancel_room.clone(), cancel_key.clone());
        spawn_local(async move {
            match api::video::cancel(&room, &key).await {
                Ok(request) => status.update(|s| {
                    if let Some(s) = s {
                        s.request = request
                    }
                }),
                Err(e) => app.error(&e),
            }
        });
    };
    view! {
        <section class="card waiting" aria-live="polite" data-testid="video-waiting">
            <h2>{t(Msg::VideoWaiting)}</h2>
            {move || place().map(|p| view! {
                <p class="big"><span>{t(Msg::VideoAhead)}</span>" "<strong data-testid="video-ahead">{p.ahead}</strong></p>
                <p>{format!("{}–{} {}", p.wait.low_minutes, p.wait.high_minutes, t(Msg::DeskMinutes)())}</p>
            })}
            <button type="button" class="button" on:click=cancel>{t(Msg::VideoCancel)}</button>
        </section>
        <Show when=due><CallbackForm status room=room.clone() key=key.clone()/></Show>
    }
}

#[component]
fn CallbackForm(status: RwSignal<Option<HelpStatus>>, room: String, key: String) -> impl IntoView {
    let phone = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (room, key, number) = (room.clone(), key.clone(), phone.get_untracked());
        spawn_local(async move {
            match api::video::callback(&room, &key, &number).await {
                Ok(_) => {
                    if let Ok(s) = api::video::status(&room, &key).await {
                        status.set(Some(s));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form card" on:submit=submit data-testid="callback-form">
            <h2>{t(Msg::VideoCallbackTitle)}</h2>
            <TextField label=Msg::VideoCallbackPhone name="phone" kind="tel" autocomplete="tel" value=phone error/>
            <button type="submit" class="button primary big">{t(Msg::VideoCallbackSend)}</button>
        </form>
    }
}

/// The devices chosen on the check page, taken again for the call.
fn devices_for(room: &str, fallback: Channel) -> (Channel, DeviceChoice) {
    let saved = stored(&device_key(room)).unwrap_or_default();
    let mut parts = saved.split('|');
    let channel = parts
        .next()
        .and_then(|c| serde_json::from_str(&format!("\"{c}\"")).ok())
        .unwrap_or(fallback);
    let some = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(String::from);
    let choice = DeviceChoice {
        camera: some(parts.next()),
        microphone: some(parts.next()),
    };
    (channel, choice)
}

#[component]
fn InCall(info: RoomInfo, key: String, hung_up: RwSignal<bool>) -> impl IntoView {
    let (channel, choice) = devices_for(&info.room, info.details.channel);
    let local = LocalResource::new(move || {
        let choice = choice.clone();
        async move { media::for_channel(channel, &choice).await }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || local.get().map(|stream| {
                let session = use_call(CallOptions {
                    room: info.room.clone(),
                    key: key.clone(),
                    ice: info.ice_servers.clone(),
                    local: stream,
                });
                let hang_up = move |_| {
                    session.send(&Signal::Hangup);
                    session.leave();
                    hung_up.set(true);
                };
                Effect::new(move |_| {
                    if session.link.get() == Link::Ended {
                        hung_up.set(true);
                    }
                });
                view! { <CallScreen session room=info.room.clone() key=key.clone() on_hang_up=hang_up/> }
            })}
        </Suspense>
    }
}
