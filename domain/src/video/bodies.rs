//! Request and response bodies of the video desk, call rooms and call records.

use super::desk::{Channel, HelpRequest, Place, Presence};
use super::room::{CallDetails, ChatEntry, RoomState, Seat};
use crate::error::{ApiError, ApiResult};
use crate::service::contacts::CaseRef;
use serde::{Deserialize, Serialize};

pub const SUMMARY_MAX: usize = 1000;

/// A customer asks for help (from the hall page, or a hall's kiosk with `hall`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelpAsk {
    pub topic: String,
    pub channel: Channel,
    #[serde(default)]
    pub hall: Option<String>,
    /// The case whose page the call was started from.
    #[serde(default)]
    pub case: Option<CaseRef>,
    /// At a kiosk, the mobile the customer gives: the call is filed on that customer's record.
    #[serde(default)]
    pub phone: Option<String>,
}

/// The request made: its room, the key that opens it (kiosk customers have no account), and
/// the place in the queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelpCreated {
    pub room: String,
    pub key: String,
    pub place: Option<Place>,
}

/// How a customer's request stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelpStatus {
    pub request: HelpRequest,
    pub place: Option<Place>,
    /// Nobody answered in time: offer a callback.
    pub callback_due: bool,
}

/// A customer's key in a body (kiosk customers), or nothing when signed in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomKey {
    #[serde(default)]
    pub key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallbackAsk {
    #[serde(default)]
    pub key: Option<String>,
    pub phone: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PresenceInput {
    pub presence: Presence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TransferInput {
    pub to_agent: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EndInput {
    pub summary: String,
    /// The case the call was about, named by the agent (GD…, SQ…, YK…).
    #[serde(default)]
    pub case_number: Option<String>,
}

impl EndInput {
    pub fn summary(&self) -> ApiResult<String> {
        let s = self.summary.trim();
        if s.is_empty() || s.chars().count() > SUMMARY_MAX {
            return Err(ApiError::validation(
                "summary",
                format!("write a summary of 1 to {SUMMARY_MAX} characters"),
            ));
        }
        Ok(s.into())
    }
}

/// One ICE server for `RTCPeerConnection`: STUN, or TURN with its credentials.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IceServer {
    pub urls: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credential: Option<String>,
}

/// The `ICE_SERVERS` setting: a JSON list of `{urls, username?, credential?}`, `urls` one
/// address or several. Empty or malformed means none (fine on loopback and most LANs).
pub fn parse_ice_servers(raw: &str) -> Vec<IceServer> {
    #[derive(Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    #[serde(untagged)]
    enum Urls {
        One(String),
        Many(Vec<String>),
    }
    #[derive(Deserialize)]
    #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
    struct Raw {
        urls: Urls,
        username: Option<String>,
        credential: Option<String>,
    }
    let list: Vec<Raw> = serde_json::from_str(raw).unwrap_or_default();
    list.into_iter()
        .map(|r| IceServer {
            urls: match r.urls {
                Urls::One(u) => vec![u],
                Urls::Many(v) => v,
            },
            username: r.username,
            credential: r.credential,
        })
        .filter(|s| {
            s.urls.iter().all(|u| {
                ["stun:", "stuns:", "turn:", "turns:"]
                    .iter()
                    .any(|p| u.starts_with(p))
            }) && !s.urls.is_empty()
        })
        .collect()
}

/// What a participant needs to enter a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomInfo {
    pub room: String,
    pub seat: Seat,
    pub state: RoomState,
    pub details: CallDetails,
    pub ice_servers: Vec<IceServer>,
}

/// A finished call on the customer's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallRecord {
    pub room: String,
    pub topic: String,
    pub channel: Channel,
    pub customer_name: String,
    pub agent_name: String,
    pub summary: String,
    pub started_at: i64,
    pub ended_at: i64,
    pub duration_secs: i64,
    pub transcript: Vec<ChatEntry>,
    pub rating: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallRating {
    #[serde(default)]
    pub key: Option<String>,
    pub stars: u8,
    #[serde(default)]
    pub comment: Option<String>,
}

/// A callback asked for when nobody answered: a work item for the agents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Callback {
    pub id: i64,
    pub room: String,
    pub customer_name: String,
    pub phone: String,
    pub topic: String,
    pub created_at: i64,
    pub done_at: Option<i64>,
    pub done_by: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ice_servers_come_from_configuration() {
        let raw = r#"[{"urls":"stun:stun.example.com:3478"},
            {"urls":["turn:turn.example.com:3478","turns:turn.example.com:443?transport=tcp"],
             "username":"u","credential":"p"}, {"urls":"http://nope"}]"#;
        let servers = parse_ice_servers(raw);
        assert_eq!(servers.len(), 2);
        assert_eq!(
            servers[1].urls[1],
            "turns:turn.example.com:443?transport=tcp"
        );
        assert_eq!(servers[1].credential.as_deref(), Some("p"));
        assert!(parse_ice_servers("").is_empty());
        assert!(parse_ice_servers("not json").is_empty());
    }

    #[test]
    fn a_call_ends_with_a_summary() {
        let end = |s: &str| {
            EndInput {
                summary: s.into(),
                case_number: None,
            }
            .summary()
        };
        assert_eq!(end(" 已解答 ").unwrap(), "已解答");
        assert!(end("  ").is_err());
        assert!(end(&"字".repeat(SUMMARY_MAX + 1)).is_err());
    }
}
