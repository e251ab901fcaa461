//! The one i18n layer: every string the app shows is a `Msg` with its zh-CN and English text
//! (`messages.rs`), domain values map to their messages (`words.rs`), and the functions here
//! give a message or a bilingual value in the current language.
//! A missing translation is a compile error, not a blank on screen.

mod messages;
mod reasons;
mod words;

pub use messages::Msg;
pub use reasons::{error_msg, reason_msg};
pub use words::{business_msg, channel_msg, limit_text, notice_state_msg, role_msg, WEEKDAYS};

use crate::state::use_app;
use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn parse(code: &str) -> Lang {
        if code.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// A reactive translation for views: `{t(Msg::Home)}` follows the language switch.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_app().lang;
    move || msg.text(lang.get())
}

/// Plain text in the current language, for views a reactive parent redraws with every queue
/// update and on a language switch (the parent tracks `lang`). A reactive `t` in such a view
/// would leave a subscription to the language behind at every redraw: about a kilobyte of
/// memory per update on a screen that runs all day (see bench/display_soak).
pub fn tr(msg: Msg) -> &'static str {
    msg.text(use_app().lang.get_untracked())
}

/// Picks the Chinese or English variant of data that comes in both (hall names, addresses).
pub fn pick<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Domain words (stages, actions, documents, parties) in a language.
pub fn say(words: domain::projects::labels::Words, lang: Lang) -> &'static str {
    pick(lang, words.0, words.1)
}
