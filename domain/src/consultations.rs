//! Consultations: a signed-in customer's written questions to the agents, answered in a thread
//! at the agents' pace (no call needed). Agents share one inbox; each side sees how many of the
//! other side's messages it has not read yet.

use crate::error::{ApiError, ApiResult};
use crate::files::FileRef;
use crate::video::signal::CHAT_MAX;
use serde::{Deserialize, Serialize};

pub const SUBJECT_MAX: usize = 100;

/// Which side wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Customer,
    Agent,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Customer => "customer",
            Side::Agent => "agent",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Customer => Side::Agent,
            Side::Agent => Side::Customer,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Thread {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub subject: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The other side's messages the viewer has not opened yet.
    pub unread: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThreadMessage {
    pub id: i64,
    pub from: Side,
    pub author: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FileRef>,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThreadDetail {
    pub thread: Thread,
    pub messages: Vec<ThreadMessage>,
}

fn message_text(text: &str) -> ApiResult<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > CHAT_MAX {
        return Err(ApiError::validation(
            "text",
            format!("write 1 to {CHAT_MAX} characters"),
        ));
    }
    Ok(text.into())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThreadStart {
    pub subject: String,
    pub text: String,
    /// The case whose page the consultation was started from.
    #[serde(default)]
    pub case: Option<crate::service::contacts::CaseRef>,
}

impl ThreadStart {
    /// The trimmed subject and first message.
    pub fn checked(&self) -> ApiResult<(String, String)> {
        let subject = self.subject.trim();
        if subject.is_empty() || subject.chars().count() > SUBJECT_MAX {
            return Err(ApiError::validation(
                "subject",
                format!("give a subject of 1 to {SUBJECT_MAX} characters"),
            ));
        }
        Ok((subject.into(), message_text(&self.text)?))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ThreadPost {
    pub text: String,
}

impl ThreadPost {
    pub fn checked(&self) -> ApiResult<String> {
        message_text(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_needs_a_subject_and_a_message() {
        let start = |subject: &str, text: &str| ThreadStart {
            case: None,
            subject: subject.into(),
            text: text.into(),
        };
        assert_eq!(
            start(" 电费 ", " 为什么涨了 ").checked().unwrap(),
            ("电费".into(), "为什么涨了".into())
        );
        let field = |s: ThreadStart| s.checked().unwrap_err().field.unwrap();
        assert_eq!(field(start("", "x")), "subject");
        assert_eq!(field(start(&"字".repeat(SUBJECT_MAX + 1), "x")), "subject");
        assert_eq!(field(start("x", "  ")), "text");
        let long = ThreadPost {
            text: "字".repeat(CHAT_MAX + 1),
        };
        assert!(long.checked().is_err());
        assert_eq!(Side::Agent.other(), Side::Customer);
    }
}
