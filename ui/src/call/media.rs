//! Cameras, microphones and the screen: asking for them, and telling a refusal from a missing
//! device so the pre-call check can say which.

use domain::video::desk::Channel;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MediaDeviceInfo, MediaDeviceKind, MediaStream, MediaStreamConstraints};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaProblem {
    /// The person or the browser said no.
    Denied,
    /// No such device.
    Missing,
    /// No media at all here (an insecure page, an old browser) or the device is in use.
    Unavailable,
}

fn problem(e: &JsValue) -> MediaProblem {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => MediaProblem::Denied,
        "NotFoundError" | "OverconstrainedError" => MediaProblem::Missing,
        _ => MediaProblem::Unavailable,
    }
}

/// A device choice: `None` is "any", otherwise the device id.
fn constraint(wanted: bool, device: &Option<String>) -> JsValue {
    match (wanted, device) {
        (false, _) => JsValue::FALSE,
        (true, None) => JsValue::TRUE,
        (true, Some(id)) => {
            let exact = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&exact, &"exact".into(), &id.into());
            let c = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&c, &"deviceId".into(), &exact);
            c.into()
        }
    }
}

/// The camera and microphone to use; `None` picks the default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeviceChoice {
    pub camera: Option<String>,
    pub microphone: Option<String>,
}

pub async fn user_media(video: bool, choice: &DeviceChoice) -> Result<MediaStream, MediaProblem> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or(MediaProblem::Unavailable)?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_video(&constraint(video, &choice.camera));
    constraints.set_audio(&constraint(true, &choice.microphone));
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| problem(&e))?;
    JsFuture::from(promise)
        .await
        .map(|s| s.unchecked_into())
        .map_err(|e| problem(&e))
}

/// What the pre-call check found: the stream to use, the channel it allows down the ladder
/// (video, then audio only, then chat), and why it is not video.
pub struct Checked {
    pub stream: Option<MediaStream>,
    pub channel: Channel,
    pub problem: Option<MediaProblem>,
}

pub async fn check(choice: &DeviceChoice) -> Checked {
    let first = match user_media(true, choice).await {
        Ok(stream) => {
            return Checked {
                stream: Some(stream),
                channel: Channel::Video,
                problem: None,
            }
        }
        Err(p) => p,
    };
    match user_media(false, choice).await {
        Ok(stream) => Checked {
            stream: Some(stream),
            channel: Channel::Audio,
            problem: Some(first),
        },
        Err(second) => Checked {
            stream: None,
            channel: Channel::Chat,
            problem: Some(if first == MediaProblem::Denied {
                first
            } else {
                second
            }),
        },
    }
}

/// The media a channel takes in a call: none for chat.
pub async fn for_channel(channel: Channel, choice: &DeviceChoice) -> Option<MediaStream> {
    match channel {
        Channel::Video => match user_media(true, choice).await {
            Ok(s) => Some(s),
            Err(_) => user_media(false, choice).await.ok(),
        },
        Channel::Audio => user_media(false, choice).await.ok(),
        Channel::Chat => None,
    }
}

/// Cameras and microphones: (kind is video, id, label).
pub async fn devices() -> Vec<(bool, String, String)> {
    let Some(devices) = web_sys::window().and_then(|w| w.navigator().media_devices().ok()) else {
        return Vec::new();
    };
    let Ok(promise) = devices.enumerate_devices() else {
        return Vec::new();
    };
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    js_sys::Array::from(&list)
        .iter()
        .map(|d| d.unchecked_into::<MediaDeviceInfo>())
        .filter(|d| {
            matches!(
                d.kind(),
                MediaDeviceKind::Videoinput | MediaDeviceKind::Audioinput
            )
        })
        .map(|d| {
            (
                d.kind() == MediaDeviceKind::Videoinput,
                d.device_id(),
                d.label(),
            )
        })
        .collect()
}

pub async fn screen() -> Option<MediaStream> {
    let devices = web_sys::window()?.navigator().media_devices().ok()?;
    let promise = devices.get_display_media().ok()?;
    JsFuture::from(promise)
        .await
        .ok()
        .map(|s| s.unchecked_into())
}

/// Stops every track, releasing the camera and microphone.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

/// Turns a stream's tracks of one kind on or off (mute, camera off).
pub fn set_enabled(stream: &MediaStream, video: bool, on: bool) {
    let tracks = if video {
        stream.get_video_tracks()
    } else {
        stream.get_audio_tracks()
    };
    for track in tracks.iter() {
        track
            .unchecked_into::<web_sys::MediaStreamTrack>()
            .set_enabled(on);
    }
}
