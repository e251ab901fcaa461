//! Photos of documents from the kiosk's camera, where the browser allows one: a live preview
//! and a button that takes a still as a JPEG file. Without a camera (or permission) it offers
//! the browser's own file or camera picker instead.

use leptos::html::Video;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::i18n::{t, Msg};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FilePropertyBag, HtmlCanvasElement, MediaStream, MediaStreamConstraints};

/// The photos taken so far (browser files: they stay in this page's memory).
pub type Photos = RwSignal<Vec<File>, LocalStorage>;

/// The back camera without sound.
async fn open_camera() -> Option<MediaStream> {
    let devices = web_sys::window()?.navigator().media_devices().ok()?;
    let constraints = MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into());
    constraints.set_video(&video);
    constraints.set_audio(&JsValue::FALSE);
    let promise = devices.get_user_media_with_constraints(&constraints).ok()?;
    JsFuture::from(promise)
        .await
        .ok()
        .map(JsCast::unchecked_into)
}

fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        track.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

/// The frame on `video` now, as a JPEG file named `name`.
async fn still(video: &web_sys::HtmlVideoElement, name: &str) -> Option<File> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(video.video_width().max(1));
    canvas.set_height(video.video_height().max(1));
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_video_element(video, 0.0, 0.0)
        .ok()?;
    let blob = js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &0.9.into());
    });
    let blob: web_sys::Blob = JsFuture::from(blob).await.ok()?.dyn_into().ok()?;
    let parts = js_sys::Array::of1(&blob);
    let options = FilePropertyBag::new();
    options.set_type("image/jpeg");
    File::new_with_blob_sequence_and_options(&parts, name, &options).ok()
}

#[component]
pub fn Camera(photos: Photos) -> impl IntoView {
    let video = NodeRef::<Video>::new();
    let stream = StoredValue::new_local(None::<MediaStream>);
    let live = RwSignal::new(false);
    Effect::new(move || {
        let Some(element) = video.get() else { return };
        spawn_local(async move {
            if let Some(opened) = open_camera().await {
                element.set_src_object(Some(&opened));
                let _ = element.play();
                stream.set_value(Some(opened));
                live.set(true);
            }
        });
    });
    on_cleanup(move || {
        if let Some(Some(opened)) = stream.try_get_value() {
            stop(&opened);
        }
    });
    let take = move |_| {
        let Some(element) = video.get_untracked() else {
            return;
        };
        let name = format!("photo-{}.jpg", photos.with_untracked(Vec::len) + 1);
        spawn_local(async move {
            if let Some(file) = still(&element, &name).await {
                photos.try_update(|p| p.push(file));
            }
        });
    };
    let chosen = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            let picked: Vec<File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
            photos.update(|p| p.extend(picked));
        }
        input.set_value("");
    };
    view! {
        <div class="kiosk-camera" data-testid="kiosk-camera">
            <video node_ref=video autoplay=true muted=true playsinline=true class:hidden=move || !live.get()></video>
            <Show when=move || live.get()>
                <button type="button" class="button primary wide kiosk-big" data-testid="take-photo" on:click=take>{t(Msg::KioskTakePhoto)}</button>
            </Show>
            <label class="button secondary wide">
                {t(Msg::KioskChoosePhoto)}
                <input type="file" class="visually-hidden" data-testid="photo-file" accept="image/*" capture="environment" multiple=true on:change=chosen/>
            </label>
            <p role="status" data-testid="photo-count">{move || t(Msg::KioskPhotosTaken)().replace("{}", &photos.with(Vec::len).to_string())}</p>
        </div>
    }
}
