//! One call room: the customer, the agent assigned to them, and a supervisor who may join
//! visibly. Each connection gets a number; a participant who reconnects gets a new one and the
//! old connection is dropped. Everyone else is refused.

use super::desk::Channel;
use super::signal::Signal;
use crate::error::{ApiError, ApiResult};
use crate::files::FileRef;
use crate::roles::Role;
use crate::Reason;
use serde::{Deserialize, Serialize};

/// Someone knocking: a signed-in user (id and role) and/or the key from the customer's link
/// (kiosk customers have no account).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Entrant {
    pub user_id: Option<i64>,
    pub role: Option<Role>,
    pub key: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Seat {
    Customer,
    Agent,
    /// A hall manager or the admin listening in; everyone sees they are there.
    Supervisor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoomState {
    /// The customer waits for the agent.
    Waiting,
    /// Customer and agent have both been in.
    Live,
    Ended,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Presence {
    pub seat: Seat,
    pub user_id: Option<i64>,
    pub connection: u64,
}

/// One line of the call's chat: a message or a shared file, kept for the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatEntry {
    pub at: i64,
    pub from: Seat,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<FileRef>,
}

/// What the room tells its participants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum RoomMessage {
    /// The first message on a connection: the seat taken, who is there, the chat so far.
    Welcome {
        seat: Seat,
        present: Vec<Seat>,
        transcript: Vec<ChatEntry>,
    },
    Joined {
        seat: Seat,
    },
    Left {
        seat: Seat,
    },
    /// The call moves to another agent; the customer waits for them.
    Transferred,
    Ended,
    Chat {
        entry: ChatEntry,
    },
    /// Negotiation, handwriting or hang-up from another participant.
    Relay {
        from: Seat,
        signal: Signal,
    },
    /// What was sent could not be taken; nobody else heard it.
    Problem {
        message: String,
    },
}

/// Close codes of a room's sockets that tell the client not to reconnect: another screen of
/// the same participant took over, the call moved to another agent, or it ended.
pub const CLOSE_REPLACED: u16 = 4000;
pub const CLOSE_TRANSFERRED: u16 = 4003;
pub const CLOSE_ENDED: u16 = 4004;

/// Lines a call's chat keeps; past this the chat is full.
pub const TRANSCRIPT_MAX: usize = 1000;

/// A join let in: the seat taken, the new connection, and the one it replaces (a reconnect).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Joined {
    pub seat: Seat,
    pub connection: u64,
    pub replaced: Option<u64>,
}

/// What the call is about, set when the customer asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CallDetails {
    pub topic: String,
    pub channel: Channel,
    pub customer_name: String,
    pub hall: Option<String>,
}

impl Default for CallDetails {
    fn default() -> Self {
        CallDetails {
            topic: String::new(),
            channel: Channel::Chat,
            customer_name: String::new(),
            hall: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Room {
    pub id: String,
    #[serde(default)]
    pub details: CallDetails,
    pub customer_id: Option<i64>,
    pub customer_key: String,
    pub agent_id: Option<i64>,
    pub state: RoomState,
    pub present: Vec<Presence>,
    #[serde(default)]
    pub transcript: Vec<ChatEntry>,
    next_connection: u64,
}

fn refused(message: &str) -> ApiError {
    ApiError::new(Reason::NotInCall, message)
}

impl Room {
    pub fn new(id: &str, customer_id: Option<i64>, customer_key: &str) -> Room {
        Room {
            id: id.into(),
            details: CallDetails::default(),
            customer_id,
            customer_key: customer_key.into(),
            agent_id: None,
            state: RoomState::Waiting,
            present: Vec::new(),
            transcript: Vec::new(),
            next_connection: 1,
        }
    }

    /// The seat `e` may take, or 403 for anyone else and 409 once the call has ended.
    pub fn seat_for(&self, e: &Entrant) -> ApiResult<Seat> {
        let seat = self.who(e)?;
        if self.state == RoomState::Ended {
            return Err(ApiError::new(Reason::Ended, "this call has ended"));
        }
        Ok(seat)
    }

    /// Whose call this is to `e`, even after it ended (for its record, files and rating).
    pub fn who(&self, e: &Entrant) -> ApiResult<Seat> {
        let is_customer = (self.customer_id.is_some() && e.user_id == self.customer_id)
            || e.key.as_deref().is_some_and(|k| {
                !k.is_empty()
                    && crate::accounts::constant_time_eq(k.as_bytes(), self.customer_key.as_bytes())
            });
        if is_customer {
            return Ok(Seat::Customer);
        }
        if self.agent_id.is_some() && e.user_id == self.agent_id {
            return Ok(Seat::Agent);
        }
        if matches!(e.role, Some(Role::HallManager | Role::Admin)) {
            return Ok(Seat::Supervisor);
        }
        Err(refused("this call is not yours"))
    }

    /// Lets `e` in (see `seat_for`); a second connection of the same seat replaces the first.
    pub fn join(&mut self, e: &Entrant) -> ApiResult<Joined> {
        let seat = self.seat_for(e)?;
        let connection = self.next_connection;
        self.next_connection += 1;
        let replaced = self
            .present
            .iter()
            .position(|p| p.seat == seat && (seat != Seat::Supervisor || p.user_id == e.user_id))
            .map(|i| self.present.remove(i).connection);
        self.present.push(Presence {
            seat,
            user_id: e.user_id,
            connection,
        });
        if self.has(Seat::Customer) && self.has(Seat::Agent) {
            self.state = RoomState::Live;
        }
        Ok(Joined {
            seat,
            connection,
            replaced,
        })
    }

    fn has(&self, seat: Seat) -> bool {
        self.present.iter().any(|p| p.seat == seat)
    }

    /// The seat of a connection still in the room.
    pub fn seat_of(&self, connection: u64) -> Option<Seat> {
        self.present
            .iter()
            .find(|p| p.connection == connection)
            .map(|p| p.seat)
    }

    /// The seats in the room now.
    pub fn seats(&self) -> Vec<Seat> {
        self.present.iter().map(|p| p.seat).collect()
    }

    /// The first message for a connection just let in.
    pub fn welcome(&self, seat: Seat) -> RoomMessage {
        RoomMessage::Welcome {
            seat,
            present: self.seats(),
            transcript: self.transcript.clone(),
        }
    }

    /// A connection closed; the message for the others, if it was still in the room.
    pub fn leave(&mut self, connection: u64) -> Option<RoomMessage> {
        let i = self
            .present
            .iter()
            .position(|p| p.connection == connection)?;
        let seat = self.present.remove(i).seat;
        Some(RoomMessage::Left { seat })
    }

    /// Hands the call to another agent, keeping the room and its chat (the desk has checked
    /// who may). The old agent's connection is returned to be closed.
    pub fn transfer(&mut self, to_agent: i64) -> ApiResult<Option<u64>> {
        if self.agent_id == Some(to_agent) {
            return Err(ApiError::new(
                Reason::AlreadyWithAgent,
                "the call is already with this agent",
            ));
        }
        self.agent_id = Some(to_agent);
        let dropped = self
            .present
            .iter()
            .position(|p| p.seat == Seat::Agent)
            .map(|i| self.present.remove(i).connection);
        if self.state == RoomState::Live {
            self.state = RoomState::Waiting;
        }
        Ok(dropped)
    }

    /// Assigns the agent who accepted the request.
    pub fn assign(&mut self, agent: i64) {
        self.agent_id = Some(agent);
    }

    /// Ends the call for everyone; the connections to close.
    pub fn end(&mut self) -> Vec<u64> {
        self.state = RoomState::Ended;
        self.present.drain(..).map(|p| p.connection).collect()
    }

    /// Takes what a connection sent: chat is kept and goes to everyone (the sender sees it
    /// filed); the rest goes to those `recipients` names.
    pub fn receive(
        &mut self,
        from: u64,
        signal: Signal,
        now: i64,
    ) -> ApiResult<(Vec<u64>, RoomMessage)> {
        let to = self.recipients(from, &signal)?;
        let seat = self.seat_of(from).unwrap_or(Seat::Customer);
        match signal {
            Signal::Chat { text } => {
                let entry = ChatEntry {
                    at: now,
                    from: seat,
                    text: Some(text.trim().to_string()),
                    file: None,
                };
                self.file_entry(entry)
            }
            signal => Ok((to, RoomMessage::Relay { from: seat, signal })),
        }
    }

    /// Files a shared file in the chat; everyone in the room hears of it.
    pub fn share(
        &mut self,
        from: Seat,
        file: FileRef,
        now: i64,
    ) -> ApiResult<(Vec<u64>, RoomMessage)> {
        let entry = ChatEntry {
            at: now,
            from,
            text: None,
            file: Some(file),
        };
        self.file_entry(entry)
    }

    fn file_entry(&mut self, entry: ChatEntry) -> ApiResult<(Vec<u64>, RoomMessage)> {
        if self.transcript.len() >= TRANSCRIPT_MAX {
            return Err(ApiError::new(Reason::ChatFull, "this call's chat is full"));
        }
        self.transcript.push(entry.clone());
        let everyone = self.present.iter().map(|p| p.connection).collect();
        Ok((everyone, RoomMessage::Chat { entry }))
    }

    /// Who hears `signal` from `from`: everyone else in the room, except that media negotiation
    /// passes only between the customer and the agent, and a supervisor may only chat.
    pub fn recipients(&self, from: u64, signal: &Signal) -> ApiResult<Vec<u64>> {
        let seat = self
            .seat_of(from)
            .ok_or_else(|| refused("this connection is not in the call"))?;
        signal.check()?;
        if seat == Seat::Supervisor && !matches!(signal, Signal::Chat { .. }) {
            return Err(refused("a supervisor may only chat in this call"));
        }
        Ok(self
            .present
            .iter()
            .filter(|p| p.connection != from)
            .filter(|p| !signal.is_media() || p.seat != Seat::Supervisor)
            .map(|p| p.connection)
            .collect())
    }
}

#[cfg(test)]
mod tests;
