//! The one inbox every case kind writes to, as the app reads it: each message's words in both
//! languages (the app shows the one the person chose) and a link to its case.

use super::texts::{Lang, Message};
use super::Topic;
use serde::{Deserialize, Serialize};

/// What a message is about, so the inbox can link to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    Ticket,
    Application,
    WorkOrder,
    Project,
    Payment,
    Bill,
    Outage,
    Hall,
}

/// One text in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Said {
    pub zh: String,
    pub en: String,
}

impl Said {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A message's title and body in both languages.
pub fn said(message: &Message) -> (Said, Said) {
    let (zh, en) = (message.words(Lang::Zh), message.words(Lang::En));
    (
        Said {
            zh: zh.title,
            en: en.title,
        },
        Said {
            zh: zh.body,
            en: en.body,
        },
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InboxItem {
    pub id: i64,
    pub topic: Topic,
    pub case_kind: CaseKind,
    /// The page of the case, if it has one the recipient may open.
    pub link: Option<String>,
    pub title: Said,
    pub body: Said,
    pub at: i64,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Inbox {
    pub items: Vec<InboxItem>,
    pub unread: u32,
}

/// The header's badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unread {
    pub unread: u32,
}
