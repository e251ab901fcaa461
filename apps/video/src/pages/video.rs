//! Asking for video help (`/video`, from a hall page or a kiosk with `?hall=`): say what it is
//! about, check the camera and microphone with a preview and a choice of devices, and join the
//! agents' queue by video, voice or text, whichever the devices allow.

use domain::service::contacts::CaseRef;
use domain::video::bodies::HelpAsk;
use domain::video::desk::Channel;
use domain::wire::from_wire_name;
use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use ui::api;
use ui::call::media::{self, DeviceChoice, MediaProblem};
use ui::components::form::{FormError, TextField};
use ui::i18n::{channel_msg, t, Msg};
use ui::nav::use_go;
use ui::state::store;
use wasm_bindgen::JsCast;
use web_sys::MediaStream;

/// What the call page needs to take the same devices again: "channel|camera|microphone".
pub fn device_key(room: &str) -> String {
    format!("gridhall.video.{room}")
}

fn verdict(channel: Channel, problem: Option<MediaProblem>) -> Msg {
    match (channel, problem) {
        (_, Some(MediaProblem::Denied)) if channel != Channel::Video => Msg::VideoDenied,
        (Channel::Chat, Some(MediaProblem::Missing)) => Msg::VideoMissing,
        (Channel::Chat, _) => Msg::VideoUnavailable,
        (Channel::Audio, _) => Msg::VideoReadyAudio,
        (Channel::Video, _) => Msg::VideoReadyVideo,
    }
}

#[derive(Clone, Copy)]
struct Check {
    running: RwSignal<bool>,
    done: RwSignal<Option<(Channel, Option<MediaProblem>)>>,
    preview: RwSignal<Option<MediaStream>, LocalStorage>,
    devices: RwSignal<Vec<(bool, String, String)>>,
    choice: RwSignal<DeviceChoice>,
}

impl Check {
    fn run(self) {
        self.running.set(true);
        if let Some(old) = self.preview.get_untracked() {
            media::stop(&old);
        }
        spawn_local(async move {
            let checked = media::check(&self.choice.get_untracked()).await;
            self.preview.set(checked.stream);
            self.done.set(Some((checked.channel, checked.problem)));
            self.devices.set(media::devices().await);
            self.running.set(false);
        });
    }
}

#[component]
pub fn VideoHelpPage() -> impl IntoView {
    let query = use_query_map();
    let hall = move || query.read().get("hall").filter(|h| !h.is_empty());
    let at_kiosk = move || query.read().get("kiosk").as_deref() == Some("1");
    // Started from a case's page: the call is filed on that case.
    let case = move || {
        let q = query.read();
        let kind = q.get("case_kind").and_then(|k| from_wire_name(&k))?;
        let id = q.get("case_id")?.parse().ok()?;
        Some(CaseRef { kind, id })
    };
    let topic = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let check = Check {
        running: RwSignal::new(false),
        done: RwSignal::new(None),
        preview: RwSignal::new_local(None),
        devices: RwSignal::new(Vec::new()),
        choice: RwSignal::new(DeviceChoice::default()),
    };
    on_cleanup(move || {
        if let Some(s) = check.preview.get_untracked() {
            media::stop(&s);
        }
    });
    let go = use_go();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((channel, _)) = check.done.get_untracked() else {
            return;
        };
        let mobile = phone.get_untracked();
        let ask = HelpAsk {
            topic: topic.get_untracked(),
            channel,
            hall: hall(),
            case: case(),
            phone: (!mobile.trim().is_empty()).then_some(mobile),
        };
        // At a kiosk the call page keeps the kiosk's look and its way back.
        let kiosk = match (query.read_untracked().get("kiosk"), hall()) {
            (Some(k), Some(h)) if k == "1" => format!("&kiosk=1&hall={h}"),
            _ => String::new(),
        };
        let choice = check.choice.get_untracked();
        let go = go.clone();
        spawn_local(async move {
            match api::video::ask(&ask).await {
                Ok(created) => {
                    let devices = format!(
                        "{}|{}|{}",
                        serde_json::to_string(&channel)
                            .unwrap_or_default()
                            .trim_matches('"'),
                        choice.camera.unwrap_or_default(),
                        choice.microphone.unwrap_or_default()
                    );
                    store(&device_key(&created.room), &devices);
                    let path = format!("/video/{}?key={}{kiosk}", created.room, created.key);
                    go(&path);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <KioskBack/>
        <h1>{t(Msg::VideoHelp)}</h1>
        <p class="lead">{t(Msg::VideoHelpLead)}</p>
        <form class="form card video-ask" on:submit=submit>
            <TextField label=Msg::VideoTopic name="topic" value=topic error/>
            <Show when=at_kiosk>
                <TextField label=Msg::VideoKioskPhone name="phone" value=phone error kind="tel" required=false/>
            </Show>
            <DeviceCheck check/>
            <button type="submit" class="button primary big" data-testid="video-start"
                disabled=move || check.done.get().is_none() || check.running.get()>{t(Msg::VideoStart)}</button>
        </form>
    }
}

#[component]
fn DeviceCheck(check: Check) -> impl IntoView {
    let preview = NodeRef::<Video>::new();
    Effect::new(move |_| {
        let stream = check.preview.get();
        if let Some(video) = preview.get() {
            video
                .unchecked_ref::<web_sys::HtmlMediaElement>()
                .set_src_object(stream.as_ref());
        }
    });
    let status = move || {
        check.done.get().map(|(channel, problem)| {
            let class = if channel == Channel::Video { "notice ok" } else { "warning" };
            view! { <p class=class role="status" data-testid="device-verdict" data-channel=format!("{channel:?}").to_lowercase()>
                {t(verdict(channel, problem))}" · "{t(channel_msg(channel))}</p> }
        })
    };
    let select = move |video: bool, label: Msg| {
        let options = move || {
            check
                .devices
                .get()
                .into_iter()
                .filter(|d| d.0 == video)
                .map(|(_, id, name)| {
                    let shown = if name.is_empty() { id.clone() } else { name };
                    view! { <option value=id>{shown}</option> }
                })
                .collect_view()
        };
        let id = if video {
            "device-camera"
        } else {
            "device-microphone"
        };
        view! {
            <div class="field">
                <label for=id>{t(label)}</label>
                <select id=id on:change=move |ev| {
                    let value = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
                    check.choice.update(|c| if video { c.camera = value } else { c.microphone = value });
                    check.run();
                }>{options}</select>
            </div>
        }
    };
    view! {
        <div class="device-check">
            <video node_ref=preview class="preview" autoplay=true playsinline=true muted=true data-testid="preview"></video>
            <button type="button" class="button big" on:click=move |_| check.run() disabled=move || check.running.get()>
                {move || if check.running.get() { t(Msg::VideoChecking)() }
                    else if check.done.get().is_some() { t(Msg::VideoRecheck)() }
                    else { t(Msg::VideoCheck)() }}
            </button>
            {status}
            <Show when=move || !check.devices.get().is_empty()>
                {select(true, Msg::VideoCamera)}
                {select(false, Msg::VideoMicrophone)}
            </Show>
        </div>
    }
}

/// At a kiosk (`?kiosk=1&hall=`), the way back to its start screen.
#[component]
pub fn KioskBack() -> impl IntoView {
    let query = use_query_map();
    let back = move || {
        let q = query.read();
        (q.get("kiosk").as_deref() == Some("1"))
            .then(|| q.get("hall"))
            .flatten()
            .map(|hall| view! { <a class="button secondary" href=format!("/kiosk/{hall}") rel="external" data-testid="kiosk-back">{t(Msg::KioskBack)}</a> })
    };
    view! { {back} }
}
