//! What the Worker asks the video desk object, and what it answers. The object only stores the
//! desk and tells agents' screens of changes; `Desk::run` decides everything.

use super::bodies::HelpStatus;
use super::desk::{Asking, Desk, Presence};
use super::room::{CallDetails, Entrant, RoomState, Seat};
use crate::error::ApiResult;
use crate::files::FileRef;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum DeskCommand {
    Ask {
        asking: Asking,
    },
    Status {
        room: String,
    },
    Cancel {
        room: String,
    },
    Callback {
        room: String,
        phone: String,
    },
    Accept {
        agent: i64,
        room: String,
    },
    /// `by` is the agent in the call, or a supervisor.
    Transfer {
        room: String,
        by: i64,
        supervisor: bool,
        to_agent: i64,
    },
    Finish {
        room: String,
        by: i64,
        supervisor: bool,
    },
    Presence {
        agent: i64,
        name: String,
        presence: Presence,
    },
    /// An agent's last desk screen closed.
    Offline {
        agent: i64,
    },
    View,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeskRequest {
    pub now: i64,
    pub command: DeskCommand,
}

/// The reply, and whether agents' screens need the new desk (ringing if `rang`).
#[derive(Debug, Clone, PartialEq)]
pub struct DeskOutcome {
    pub reply: Value,
    pub changed: bool,
    pub rang: bool,
}

fn reply<T: Serialize>(value: T, changed: bool) -> ApiResult<DeskOutcome> {
    Ok(DeskOutcome {
        reply: json!(value),
        changed,
        rang: false,
    })
}

impl Desk {
    fn status(&self, room: &str, now: i64) -> ApiResult<HelpStatus> {
        let request = self
            .request(room)
            .ok_or_else(|| crate::ApiError::not_found("help request"))?;
        Ok(HelpStatus {
            request: request.clone(),
            place: self.place(room),
            callback_due: self.callback_due(room, now),
        })
    }

    pub fn run(&mut self, req: DeskRequest) -> ApiResult<DeskOutcome> {
        let now = req.now;
        match req.command {
            DeskCommand::Ask { asking } => {
                let (request, was_empty) = self.ask(asking, now)?;
                let mut outcome = reply(self.status(&request.room, now)?, true)?;
                outcome.rang = was_empty;
                Ok(outcome)
            }
            DeskCommand::Status { room } => reply(self.status(&room, now)?, false),
            DeskCommand::Cancel { room } => reply(self.cancel(&room)?, true),
            DeskCommand::Callback { room, phone } => {
                reply(self.request_callback(&room, &phone)?, true)
            }
            DeskCommand::Accept { agent, room } => reply(self.accept(agent, &room, now)?, true),
            DeskCommand::Transfer {
                room,
                by,
                supervisor,
                to_agent,
            } => reply(self.transfer(&room, by, supervisor, to_agent)?, true),
            DeskCommand::Finish {
                room,
                by,
                supervisor,
            } => reply(self.finish(&room, by, supervisor)?, true),
            DeskCommand::Presence {
                agent,
                name,
                presence,
            } => {
                self.set_presence(agent, &name, presence)?;
                reply(self.view(false), true)
            }
            DeskCommand::Offline { agent } => {
                self.went_offline(agent);
                reply(self.view(false), true)
            }
            DeskCommand::View => reply(self.view(false), false),
        }
    }
}

/// What the Worker asks a call room object (the sockets come by their own path).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum RoomCommand {
    Open {
        customer_id: Option<i64>,
        key: String,
        details: CallDetails,
    },
    /// Who `entrant` is to this call (also after it ended): a `RoomView`, or 403.
    Check {
        entrant: Entrant,
    },
    Assign {
        agent: i64,
    },
    Transfer {
        to_agent: i64,
    },
    /// Ends the call; answers with the room as it ended (its transcript).
    End,
    /// Files an uploaded file in the chat; answers with the entry.
    Share {
        entrant: Entrant,
        file: FileRef,
        now: i64,
    },
}

/// A participant's view of a room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomView {
    pub seat: Seat,
    pub state: RoomState,
    pub details: CallDetails,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::video::desk::{Channel, Finished, RequestState};

    fn run(d: &mut Desk, now: i64, command: DeskCommand) -> ApiResult<DeskOutcome> {
        d.run(DeskRequest { now, command })
    }

    #[test]
    fn a_request_from_ask_to_finish_through_the_protocol() {
        let mut d = Desk::default();
        let presence = DeskCommand::Presence {
            agent: 7,
            name: "王晓梅".into(),
            presence: Presence::Available,
        };
        run(&mut d, 0, presence).unwrap();
        let asking = Asking {
            room: "r".into(),
            customer_id: None,
            customer_name: "自助终端客户".into(),
            hall: Some("xinghu".into()),
            topic: "电费".into(),
            channel: Channel::Audio,
            phone: Some("13800138000".into()),
        };
        let asked = run(&mut d, 0, DeskCommand::Ask { asking }).unwrap();
        assert!(asked.changed && asked.rang);
        let status: HelpStatus = serde_json::from_value(asked.reply).unwrap();
        assert_eq!(status.place.unwrap().ahead, 0);
        let view = run(&mut d, 0, DeskCommand::View).unwrap();
        assert!(!view.changed);
        let accept = DeskCommand::Accept {
            agent: 7,
            room: "r".into(),
        };
        run(&mut d, 1000, accept).unwrap();
        let finish = DeskCommand::Finish {
            room: "r".into(),
            by: 7,
            supervisor: false,
        };
        let done: Finished =
            serde_json::from_value(run(&mut d, 2000, finish).unwrap().reply).unwrap();
        assert_eq!((done.agent, done.request.state), (7, RequestState::Ended));
        assert_eq!(done.request.accepted_at, Some(1000));
    }

    #[test]
    fn commands_travel_as_tagged_json() {
        let c: DeskCommand = serde_json::from_str(r#"{"command":"status","room":"abc"}"#).unwrap();
        assert_eq!(c, DeskCommand::Status { room: "abc".into() });
    }
}
