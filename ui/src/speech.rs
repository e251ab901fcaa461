//! The hall TV's voice: a chime, then each call spoken in turn through the browser's speech
//! synthesis. One call at a time, never overlapping; what to say and which calls are still due
//! is decided in `domain::queue::announce`.

use crate::alerts::chime;
use domain::queue::announce::{utterances, CallsToAnnounce, Utterance};
use domain::queue::feed::QueueMessage;
use gloo_timers::future::TimeoutFuture;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::SpeechSynthesisUtterance;

/// The chime plays before the words.
const CHIME_MS: u32 = 900;
/// An utterance the engine never finishes (no voice installed) is given up after this long.
const LONGEST_UTTERANCE_MS: i32 = 10_000;

#[derive(Default)]
pub struct Announcer {
    calls: RefCell<CallsToAnnounce>,
    speaking: Cell<bool>,
    pub english: Cell<bool>,
    pub muted: Cell<bool>,
}

impl Announcer {
    /// Takes in a feed message and starts speaking if a call is due and nothing is being said.
    pub fn receive(self: &Rc<Self>, message: &QueueMessage) {
        if let QueueMessage::Snapshot(snapshot) = message {
            self.english.set(snapshot.board.announce_english);
        }
        self.calls.borrow_mut().receive(message);
        if !self.speaking.replace(true) {
            let this = self.clone();
            wasm_bindgen_futures::spawn_local(async move { this.speak_due().await });
        }
    }

    async fn speak_due(&self) {
        loop {
            let next = self.calls.borrow_mut().take_next();
            let Some(call) = next else { break };
            if self.muted.get() {
                continue;
            }
            chime();
            TimeoutFuture::new(CHIME_MS).await;
            for utterance in utterances(&call, self.english.get()) {
                say(&utterance).await;
            }
        }
        self.speaking.set(false);
    }
}

/// Speaks one utterance and waits until it is done, failed, or taking far too long.
async fn say(utterance: &Utterance) {
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return;
    };
    let Ok(spoken) = SpeechSynthesisUtterance::new_with_text(&utterance.text) else {
        return;
    };
    spoken.set_lang(utterance.voice.lang());
    spoken.set_rate(0.9);
    let done = js_sys::Promise::new(&mut |resolve, _reject| {
        spoken.set_onend(Some(&resolve));
        spoken.set_onerror(Some(&resolve));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                LONGEST_UTTERANCE_MS,
            );
        }
    });
    synth.speak(&spoken);
    let _: Result<JsValue, JsValue> = JsFuture::from(done).await;
}

/// Reads `text` aloud in `lang`, cutting off whatever was being read: the kiosk's "read this to
/// me" button.
pub fn read_aloud(text: String, lang: crate::i18n::Lang) {
    if let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) {
        synth.cancel();
    }
    let voice = match lang {
        crate::i18n::Lang::Zh => domain::queue::announce::Voice::Zh,
        crate::i18n::Lang::En => domain::queue::announce::Voice::En,
    };
    wasm_bindgen_futures::spawn_local(async move { say(&Utterance { voice, text }).await });
}
