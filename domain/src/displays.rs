//! Hall devices paired by a token: a manager names a TV or a self-service kiosk, gets a link
//! (and QR code) holding the token once, and may revoke it. A paired device says it is alive
//! every minute, so the console warns of one that has gone quiet.

use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

pub const NAME_MAX: usize = 40;
/// The close code a TV's socket gets when its token is revoked or unknown: stop, don't retry.
pub const CLOSE_REVOKED: u16 = 4401;
/// How often a paired device says it is alive.
pub const HEARTBEAT_SECS: u32 = 60;
/// Quiet this long (three missed heartbeats), a device is shown as offline.
pub const OFFLINE_AFTER_MS: i64 = 3 * 60_000;

/// What a paired device is: the TV reads the board, the kiosk also serves customers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    #[default]
    Display,
    Kiosk,
}

impl DeviceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeviceKind::Display => "display",
            DeviceKind::Kiosk => "kiosk",
        }
    }

    /// The link the device opens to pair: the token rides in the query.
    pub fn pairing_path(self, hall: &str, token: &str) -> String {
        format!("/{}/{hall}?token={token}", self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DisplayInput {
    pub name: String,
    /// A TV when left out.
    #[serde(default)]
    pub kind: DeviceKind,
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
    pub kind: DeviceKind,
    pub created_at: i64,
    /// The last heartbeat (or connection) of the device.
    pub last_seen_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// Paired but quiet for `OFFLINE_AFTER_MS` when it was listed (see `quiet`).
    pub offline: bool,
}

impl Display {
    /// A paired device that has not been heard from for `OFFLINE_AFTER_MS` (or never, that
    /// long after it was made): the console warns the manager.
    pub fn quiet(&self, now_ms: i64) -> bool {
        let heard = self.last_seen_at.unwrap_or(self.created_at);
        self.revoked_at.is_none() && now_ms - heard >= OFFLINE_AFTER_MS
    }
}

/// The answer to a device's heartbeat: which of the hall's devices it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeviceSeen {
    pub id: i64,
    pub kind: DeviceKind,
    pub name: String,
}

/// A new display and its token, which is shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DisplayCreated {
    pub display: Display,
    pub token: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_display_needs_a_short_name() {
        let name = |n: &str| {
            DisplayInput {
                name: n.into(),
                kind: DeviceKind::Display,
            }
            .name()
        };
        assert_eq!(name("  入口电视 ").unwrap(), "入口电视");
        assert_eq!(name(" ").unwrap_err().field.as_deref(), Some("name"));
        assert!(name(&"字".repeat(NAME_MAX + 1)).is_err());
    }

    #[test]
    fn a_device_is_offline_after_three_quiet_minutes() {
        let device = Display {
            id: 1,
            hall_id: "xinghu".into(),
            name: "自助机".into(),
            kind: DeviceKind::Kiosk,
            created_at: 0,
            last_seen_at: Some(60_000),
            revoked_at: None,
            offline: false,
        };
        assert!(!device.quiet(60_000 + OFFLINE_AFTER_MS - 1));
        assert!(device.quiet(60_000 + OFFLINE_AFTER_MS));
        let never = Display {
            last_seen_at: None,
            ..device.clone()
        };
        assert!(never.quiet(OFFLINE_AFTER_MS));
        let revoked = Display {
            revoked_at: Some(1),
            ..device
        };
        assert!(!revoked.quiet(10 * OFFLINE_AFTER_MS));
    }

    #[test]
    fn each_kind_pairs_at_its_own_page() {
        assert_eq!(
            DeviceKind::Kiosk.pairing_path("xinghu", "t0k"),
            "/kiosk/xinghu?token=t0k"
        );
        assert_eq!(
            DeviceKind::Display.pairing_path("xinghu", "t0k"),
            "/display/xinghu?token=t0k"
        );
    }
}
