//! Every string the apps show, in zh-CN and English, in one table: the macro turns each entry
//! into a `Msg` constant, so a message without both texts does not compile, a name used twice
//! does not compile, and each app carries only the messages it uses. The
//! entries live in one file per part of the app (`messages/`, data only); each part's macro adds
//! its entries and hands the growing list to the next, the last to `messages!`.

use super::Lang;

macro_rules! messages {
    (; $($key:ident => $zh:literal, $en:literal;)+) => {
        /// A message in both languages. Each one is a constant (`Msg::AppName`), so an app
        /// links only the texts its own pages name, not the whole table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct Msg {
            zh: &'static str,
            en: &'static str,
        }

        #[allow(non_upper_case_globals)]
        impl Msg {
            $(pub const $key: Msg = Msg { zh: $zh, en: $en };)+
        }
    };
}

impl Msg {
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

#[macro_use]
mod common;
#[macro_use]
mod errors;
#[macro_use]
mod kiosk;
#[macro_use]
mod operations;
#[macro_use]
mod projects;
#[macro_use]
mod queue;
#[macro_use]
mod reference;
#[macro_use]
mod services;
#[macro_use]
mod video;

common_messages! { errors_messages queue_messages reference_messages video_messages projects_messages services_messages operations_messages kiosk_messages messages ; }
