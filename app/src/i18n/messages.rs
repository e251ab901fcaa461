//! Every string the app shows, in zh-CN and English, in one table: the macro turns it into the
//! `Msg` enum and its `text` lookup, so a message without both texts does not compile. The
//! entries live in one file per part of the app (`messages/`, data only); each part's macro adds
//! its entries and hands the growing list to the next, the last to `messages!`.

use super::Lang;

macro_rules! messages {
    (; $($key:ident => $zh:literal, $en:literal;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($key,)+ }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::Zh) => $zh, (Msg::$key, Lang::En) => $en,)+
                }
            }
        }
    };
}

#[macro_use]
mod common;
#[macro_use]
mod operations;
#[macro_use]
mod projects;
#[macro_use]
mod queue;
#[macro_use]
mod services;
#[macro_use]
mod video;

common_messages! { queue_messages video_messages projects_messages services_messages operations_messages messages ; }
