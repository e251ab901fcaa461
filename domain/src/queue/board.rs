//! What a hall's screens show besides the queue: the manager's message for the day, on the TV
//! and on every waiting customer's ticket page, and whether calls are also said in English.

use crate::error::{ApiError, ApiResult};
use serde::{Deserialize, Serialize};

pub const BROADCAST_MAX: usize = 200;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Board {
    pub broadcast: Option<Broadcast>,
    pub announce_english: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Broadcast {
    pub text: String,
    /// When the manager set it.
    pub at: i64,
}

/// A manager's message: empty text takes the message down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BroadcastInput {
    pub text: String,
}

/// The hall settings its screens follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DisplaySettings {
    pub announce_english: bool,
}

impl BroadcastInput {
    /// The trimmed message, `None` to take it down.
    pub fn message(&self) -> ApiResult<Option<String>> {
        let text = self.text.trim();
        if text.chars().count() > BROADCAST_MAX {
            return Err(ApiError::validation(
                "text",
                format!("the message is longer than {BROADCAST_MAX} characters"),
            ));
        }
        Ok(Some(text.to_string()).filter(|t| !t.is_empty()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> ApiResult<Option<String>> {
        BroadcastInput { text: text.into() }.message()
    }

    #[test]
    fn a_message_is_trimmed_and_empty_takes_it_down() {
        assert_eq!(
            message("  今日16:00闭厅 ").unwrap().as_deref(),
            Some("今日16:00闭厅")
        );
        assert_eq!(message("   ").unwrap(), None);
    }

    #[test]
    fn a_message_is_capped_in_characters() {
        assert!(message(&"字".repeat(BROADCAST_MAX)).is_ok());
        let e = message(&"字".repeat(BROADCAST_MAX + 1)).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("text"));
    }
}
