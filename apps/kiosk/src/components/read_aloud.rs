//! "Read this to me": the kiosk reads the screen's guidance aloud in the chosen language, with
//! the same speech module as the TV. What it reads is what the screen says a person should do:
//! its heading, its lead, the labels of what to fill in and the choices to tap.

use leptos::prelude::*;
use ui::i18n::{t, Msg};
use ui::speech::read_aloud;
use ui::state::use_app;
use wasm_bindgen::JsCast;

/// The parts of the current screen that are read, in the order they appear.
const READ: &str = ".kiosk-screen h2, .kiosk-screen .kiosk-lead, .kiosk-screen label, \
     .kiosk-screen .kiosk-business-name";

/// The guidance on screen now, one sentence per part.
fn guidance() -> String {
    let Some(found) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(READ).ok())
    else {
        return String::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|element| element.inner_text().trim().to_string())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("。")
}

#[component]
pub fn ReadAloudButton() -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <button type="button" class="pref device-read" data-testid="read-aloud"
            on:click=move |_| read_aloud(guidance(), lang.get_untracked())>
            {t(Msg::KioskReadAloud)}
        </button>
    }
}
