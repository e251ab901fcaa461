//! Hall TVs paired by a token: a manager names a TV, gets a link (and QR code) holding the
//! token once, and may revoke it; a TV reads its hall's board and nothing else.

use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 40;
/// The close code a TV's socket gets when its token is revoked or unknown: stop, don't retry.
pub const CLOSE_REVOKED: u16 = 4401;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DisplayInput {
    pub name: String,
}

impl DisplayInput {
    pub fn name(&self) -> ApiResult<String> {
        let name = self.name.trim();
        if name.is_empty() {
            return Err(ApiError::invalid(
                "name",
                Reason::Text,
                "name the display, e.g. 大厅入口电视",
            ));
        }
        if name.chars().count() > NAME_MAX {
            return Err(ApiError::invalid(
                "name",
                Reason::Text,
                format!("the name is longer than {NAME_MAX} characters"),
            ));
        }
        Ok(name.to_string())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Display {
    pub id: i64,
    pub hall_id: String,
    pub name: String,
    pub created_at: i64,
    pub last_seen_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// A new display and its token, which is shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DisplayCreated {
    pub display: Display,
    pub token: String,
}

/// The link a TV opens to pair: the token rides in the query.
pub fn pairing_path(hall: &str, token: &str) -> String {
    format!("/display/{hall}?token={token}")
}

/// The same token pairs a kiosk: only a paired kiosk issues numbers as the hall's own.
pub fn kiosk_pairing_path(hall: &str, token: &str) -> String {
    format!("/kiosk/{hall}?token={token}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_display_needs_a_short_name() {
        let name = |n: &str| DisplayInput { name: n.into() }.name();
        assert_eq!(name("  入口电视 ").unwrap(), "入口电视");
        assert_eq!(name(" ").unwrap_err().field.as_deref(), Some("name"));
        assert!(name(&"字".repeat(NAME_MAX + 1)).is_err());
    }
}
