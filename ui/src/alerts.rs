//! Getting someone's attention: a chime, a vibration and a browser notification. Each is best
//! effort; the page shows the same message in large type whatever the browser allows.

use wasm_bindgen::JsCast;

thread_local! {
    /// One audio context for the page: browsers cap how many a page may open.
    static AUDIO: Option<web_sys::AudioContext> = web_sys::AudioContext::new().ok();
}

/// A short two-tone chime through Web Audio.
pub fn chime() {
    AUDIO.with(|ctx| {
        if let Some(ctx) = ctx {
            play_chime(ctx);
        }
    });
}

fn play_chime(ctx: &web_sys::AudioContext) {
    for (i, freq) in [880.0, 660.0].into_iter().enumerate() {
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
            return;
        };
        osc.frequency().set_value(freq);
        gain.gain().set_value(0.2);
        let start = ctx.current_time() + i as f64 * 0.35;
        let _ = osc
            .connect_with_audio_node(&gain)
            .and_then(|_| gain.connect_with_audio_node(&ctx.destination()));
        let _ = osc.start_with_when(start);
        let _ = osc.stop_with_when(start + 0.3);
    }
}

pub fn vibrate() {
    if let Some(window) = web_sys::window() {
        let pattern = js_sys::Array::of3(&300.into(), &150.into(), &300.into());
        let _ = window
            .navigator()
            .vibrate_with_pattern(pattern.unchecked_ref());
    }
}

/// Asks once for permission to notify; a click handler should call it.
pub fn ask_permission() {
    if web_sys::Notification::permission() == web_sys::NotificationPermission::Default {
        let _ = web_sys::Notification::request_permission();
    }
}

pub fn notify(title: &str, body: &str) {
    if web_sys::Notification::permission() != web_sys::NotificationPermission::Granted {
        return;
    }
    let options = web_sys::NotificationOptions::new();
    options.set_body(body);
    let _ = web_sys::Notification::new_with_options(title, &options);
}

/// All three at once.
pub fn alert(title: &str, body: &str) {
    chime();
    vibrate();
    notify(title, body);
}
