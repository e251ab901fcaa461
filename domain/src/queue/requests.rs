//! Request bodies of the queue endpoints, and how a counter action becomes a queue command.

use super::counters::Clerk;
use super::engine::Transfer;
use super::protocol::QueueCommand;
use super::ticket::Channel;
use crate::error::{ApiError, ApiResult};
use crate::halls::BusinessType;
use crate::Reason;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckInRequest {
    pub business: BusinessType,
    /// `remote` (web, QR code) or `kiosk`.
    pub channel: Channel,
    /// Optional at a kiosk; a key account's number is recognised.
    #[serde(default)]
    pub phone: Option<String>,
    /// Elderly or disabled customers ask for the green channel.
    #[serde(default)]
    pub green_channel: bool,
    /// A retry with the same key gets the same ticket.
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// From away without an account: the code texted to `phone` (see `queue::remote`).
    #[serde(default)]
    pub code: Option<String>,
}

impl CheckInRequest {
    pub fn check(&self) -> ApiResult<()> {
        if self.channel == Channel::Appointment {
            return Err(ApiError::invalid(
                "channel",
                Reason::UseBooking,
                "appointments check in through their booking",
            ));
        }
        if self
            .idempotency_key
            .as_ref()
            .is_some_and(|k| k.is_empty() || k.len() > 100)
        {
            return Err(ApiError::validation(
                "idempotency_key",
                "the idempotency key must have 1 to 100 characters",
            ));
        }
        Ok(())
    }
}

/// Proves access to a ticket by its link's key, when the caller does not own it by account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketKey {
    #[serde(default)]
    pub key: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RateRequest {
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub key: Option<String>,
}

/// "Tell me when N are ahead" and "when I am called", by SMS to `phone` (or the phone given at
/// check-in) and in the owner's inbox when they are signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WatchRequest {
    #[serde(default)]
    pub ahead_at: Option<u32>,
    #[serde(default)]
    pub on_call: bool,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub key: Option<String>,
}

impl WatchRequest {
    pub fn check(&self) -> ApiResult<()> {
        if self
            .ahead_at
            .is_some_and(|n| n > crate::notify::queue::MAX_AHEAD)
        {
            return Err(ApiError::validation(
                "ahead_at",
                format!(
                    "choose at most {} people ahead",
                    crate::notify::queue::MAX_AHEAD
                ),
            ));
        }
        Ok(())
    }
}

/// What a member of staff does at a counter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum CounterAction {
    CallNext,
    Call {
        ticket: u32,
    },
    Recall {
        ticket: u32,
    },
    NoShow {
        ticket: u32,
    },
    Start {
        ticket: u32,
    },
    Finish {
        ticket: u32,
    },
    Transfer {
        ticket: u32,
        to: Transfer,
    },
    SignIn,
    Pause {
        reason: String,
    },
    Resume,
    Close,
    /// A manager moves the counter to other business types for the rest of the day.
    SetServes {
        serves: Vec<BusinessType>,
    },
    /// Confirms the priority a waiting ticket asked for from home (the customer is here).
    ConfirmPriority {
        ticket: u32,
    },
}

/// Who acts at a counter, as the queue needs to know them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtCounter {
    pub counter: u32,
    pub clerk: Clerk,
    /// A hall manager, who may change a counter another clerk holds.
    pub manager: bool,
}

impl CounterAction {
    pub fn command(self, at: AtCounter) -> QueueCommand {
        let AtCounter {
            counter,
            clerk,
            manager,
        } = at;
        match self {
            CounterAction::CallNext => QueueCommand::CallNext { counter },
            CounterAction::Call { ticket } => QueueCommand::CallTicket { counter, ticket },
            CounterAction::Recall { ticket } => QueueCommand::Recall { counter, ticket },
            CounterAction::NoShow { ticket } => QueueCommand::NoShow { counter, ticket },
            CounterAction::Start { ticket } => QueueCommand::StartService { counter, ticket },
            CounterAction::Finish { ticket } => QueueCommand::Finish { counter, ticket },
            CounterAction::Transfer { ticket, to } => QueueCommand::Transfer {
                counter,
                ticket,
                to,
            },
            CounterAction::SignIn => QueueCommand::SignIn { counter, clerk },
            CounterAction::Pause { reason } => QueueCommand::Pause {
                counter,
                reason,
                manager,
            },
            CounterAction::Resume => QueueCommand::Resume { counter, manager },
            CounterAction::Close => QueueCommand::CloseCounter { counter, manager },
            CounterAction::ConfirmPriority { ticket } => QueueCommand::ConfirmPriority { ticket },
            CounterAction::SetServes { serves } => QueueCommand::SetServes {
                counter,
                serves,
                manager,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(counter: u32) -> AtCounter {
        AtCounter {
            counter,
            clerk: Clerk {
                id: 7,
                name: "王芳".into(),
            },
            manager: false,
        }
    }

    #[test]
    fn actions_read_as_tagged_json() {
        let a: CounterAction = serde_json::from_str(r#"{"action":"recall","ticket":4}"#).unwrap();
        assert_eq!(
            a.command(at(2)),
            QueueCommand::Recall {
                counter: 2,
                ticket: 4
            }
        );
        let t: CounterAction = serde_json::from_str(
            r#"{"action":"transfer","ticket":4,"to":{"business":"expansion","counter":null}}"#,
        )
        .unwrap();
        assert!(matches!(t.command(at(1)), QueueCommand::Transfer { .. }));
        let s: CounterAction = serde_json::from_str(r#"{"action":"sign_in"}"#).unwrap();
        assert_eq!(
            s.command(at(3)),
            QueueCommand::SignIn {
                counter: 3,
                clerk: at(3).clerk
            }
        );
        assert!(serde_json::from_str::<CounterAction>(r#"{"action":"explode"}"#).is_err());
    }

    #[test]
    fn check_in_requests_are_checked() {
        let ok = CheckInRequest {
            business: BusinessType::Payment,
            channel: Channel::Kiosk,
            phone: None,
            green_channel: false,
            idempotency_key: None,
            code: None,
        };
        assert!(ok.check().is_ok());
        assert!(CheckInRequest {
            channel: Channel::Appointment,
            ..ok.clone()
        }
        .check()
        .is_err());
        assert!(CheckInRequest {
            idempotency_key: Some(String::new()),
            ..ok
        }
        .check()
        .is_err());
    }
}
