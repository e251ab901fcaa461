//! What participants send through a call room: WebRTC negotiation, chat, the shared
//! handwriting board, and hang-up. The room relays each to the others (see `Room::recipients`).

use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

/// Largest session description accepted; real offers are a few kilobytes.
pub const SDP_MAX: usize = 64 * 1024;
pub const CANDIDATE_MAX: usize = 2 * 1024;
pub const CHAT_MAX: usize = 2000;
/// Points in one handwriting stroke.
pub const STROKE_POINTS_MAX: usize = 2000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Signal {
    /// `fresh`: the sender started a new connection, so the receiver must too (rather than
    /// renegotiate, e.g. for an ICE restart, on the one it has).
    Offer {
        sdp: String,
        #[serde(default)]
        fresh: bool,
    },
    Answer {
        sdp: String,
    },
    Ice {
        candidate: String,
    },
    Chat {
        text: String,
    },
    /// One stroke on the shared board, points in 0..1 of its width and height.
    Stroke {
        points: Vec<(f32, f32)>,
        colour: String,
    },
    ClearBoard,
    Hangup,
}

impl Signal {
    /// Whether this is media negotiation, which only the customer and the agent exchange.
    pub fn is_media(&self) -> bool {
        matches!(
            self,
            Signal::Offer { .. } | Signal::Answer { .. } | Signal::Ice { .. }
        )
    }

    /// Refuses what no client of ours sends: oversized, empty or out-of-range parts.
    pub fn check(&self) -> ApiResult<()> {
        let too_long = |field: &str, max: usize| {
            ApiError::invalid(
                field,
                Reason::BadSignal,
                format!("{field} is longer than {max} characters"),
            )
        };
        match self {
            Signal::Offer { sdp, .. } | Signal::Answer { sdp } if sdp.len() > SDP_MAX => {
                Err(too_long("sdp", SDP_MAX))
            }
            Signal::Ice { candidate } if candidate.len() > CANDIDATE_MAX => {
                Err(too_long("candidate", CANDIDATE_MAX))
            }
            Signal::Chat { text } if text.trim().is_empty() => {
                Err(ApiError::validation("text", "the message is empty"))
            }
            Signal::Chat { text } if text.chars().count() > CHAT_MAX => {
                Err(too_long("text", CHAT_MAX))
            }
            Signal::Stroke { points, colour } => {
                let inside = |v: f32| (0.0..=1.0).contains(&v);
                if points.is_empty() || points.len() > STROKE_POINTS_MAX {
                    Err(ApiError::validation(
                        "points",
                        "a stroke has 1 to 2000 points",
                    ))
                } else if !points.iter().all(|&(x, y)| inside(x) && inside(y)) {
                    Err(ApiError::validation(
                        "points",
                        "points lie within the board",
                    ))
                } else if !is_colour(colour) {
                    Err(ApiError::validation("colour", "a colour is #rrggbb"))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }
}

fn is_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_travel_as_tagged_json() {
        let s: Signal = serde_json::from_str(r#"{"type":"chat","text":"你好"}"#).unwrap();
        assert_eq!(
            s,
            Signal::Chat {
                text: "你好".into()
            }
        );
        assert!(Signal::Offer {
            sdp: "v=0".into(),
            fresh: true
        }
        .is_media());
        assert!(!s.is_media());
    }

    #[test]
    fn malformed_signals_are_refused() {
        let field = |s: Signal| s.check().unwrap_err().field.unwrap();
        assert_eq!(
            field(Signal::Offer {
                sdp: "x".repeat(SDP_MAX + 1),
                fresh: false
            }),
            "sdp"
        );
        assert_eq!(field(Signal::Chat { text: "  ".into() }), "text");
        assert_eq!(
            field(Signal::Chat {
                text: "字".repeat(CHAT_MAX + 1)
            }),
            "text"
        );
        let stroke = |points: Vec<(f32, f32)>, colour: &str| Signal::Stroke {
            points,
            colour: colour.into(),
        };
        assert!(stroke(vec![(0.1, 0.2), (1.0, 0.0)], "#1a2b3c")
            .check()
            .is_ok());
        assert_eq!(field(stroke(vec![], "#000000")), "points");
        assert_eq!(field(stroke(vec![(1.5, 0.0)], "#000000")), "points");
        assert_eq!(field(stroke(vec![(0.5, 0.5)], "red")), "colour");
    }
}
