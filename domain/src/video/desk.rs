//! The video desk: customers' requests for help waiting for an agent, first come first served;
//! agents' presence; each waiting customer's place and wait range; and the step down the
//! fallback ladder when nobody answers in time (a callback request that becomes a work item).

use crate::accounts::normalise_mobile;
use crate::error::{ApiError, ApiResult};
use crate::queue::WaitRange;
use crate::Reason;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const TOPIC_MAX: usize = 100;
const MINUTE: i64 = 60_000;

/// How the customer can take part: the fallback ladder goes down from video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Video,
    /// No camera (missing or refused).
    Audio,
    /// No media at all.
    Chat,
}

impl Channel {
    /// The channel a pre-call check leads to.
    pub fn from_devices(camera: bool, microphone: bool) -> Channel {
        match (camera, microphone) {
            (true, true) => Channel::Video,
            (_, true) => Channel::Audio,
            _ => Channel::Chat,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Available,
    Busy,
    Away,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RequestState {
    Waiting,
    Assigned { agent: i64 },
    Ended,
    CallbackRequested { phone: String },
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HelpRequest {
    /// The call room's id, which is also the request's.
    pub room: String,
    pub customer_id: Option<i64>,
    /// The account's name, or "kiosk" words for a customer without one.
    pub customer_name: String,
    /// The hall whose kiosk asked, if any.
    pub hall: Option<String>,
    pub topic: String,
    pub channel: Channel,
    #[serde(default)]
    pub phone: Option<String>,
    pub created_at: i64,
    pub state: RequestState,
    /// When the first agent accepted: the call's start.
    pub accepted_at: Option<i64>,
}

/// A new request as the Worker hands it over, with its room's id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Asking {
    pub room: String,
    pub customer_id: Option<i64>,
    pub customer_name: String,
    pub hall: Option<String>,
    pub topic: String,
    pub channel: Channel,
    /// The mobile a kiosk customer gave.
    #[serde(default)]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeskConfig {
    /// Waiting longer than this offers a callback instead (default 5 minutes).
    pub callback_after_ms: i64,
    /// How long a call usually takes, before real figures exist.
    pub typical_call_ms: i64,
}

impl Default for DeskConfig {
    fn default() -> Self {
        DeskConfig {
            callback_after_ms: 5 * MINUTE,
            typical_call_ms: 6 * MINUTE,
        }
    }
}

/// A waiting customer's place: people before them and the wait range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Place {
    pub ahead: u32,
    pub wait: WaitRange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Agent {
    pub id: i64,
    pub name: String,
    pub presence: Presence,
}

/// What every agent's desk shows: requests waiting (oldest first), calls in progress, and who
/// is on duty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeskView {
    pub waiting: Vec<HelpRequest>,
    pub in_call: Vec<HelpRequest>,
    pub agents: Vec<Agent>,
    /// Set on the change that put a request into an empty queue: desks play a sound.
    pub rang: bool,
}

/// A call just ended, and the agent who had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finished {
    pub request: HelpRequest,
    pub agent: i64,
}

/// Finished requests are kept this long, so a late poll still learns how its request ended.
const KEEP_FINISHED_MS: i64 = 60 * MINUTE;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Desk {
    pub config: DeskConfig,
    pub requests: Vec<HelpRequest>,
    pub agents: BTreeMap<i64, Agent>,
}

fn not_waiting() -> ApiError {
    ApiError::new(
        Reason::RequestNotWaiting,
        "this request is no longer waiting",
    )
}

impl Desk {
    fn waiting(&self) -> impl Iterator<Item = &HelpRequest> {
        self.requests
            .iter()
            .filter(|r| r.state == RequestState::Waiting)
    }

    pub fn request(&self, room: &str) -> Option<&HelpRequest> {
        self.requests.iter().find(|r| r.room == room)
    }

    fn request_mut(&mut self, room: &str) -> ApiResult<&mut HelpRequest> {
        self.requests
            .iter_mut()
            .find(|r| r.room == room)
            .ok_or_else(|| ApiError::not_found("help request"))
    }

    fn presence(&self, agent: i64) -> Option<Presence> {
        self.agents.get(&agent).map(|a| a.presence)
    }

    fn mark(&mut self, agent: i64, presence: Presence) {
        if let Some(a) = self.agents.get_mut(&agent) {
            a.presence = presence;
        }
    }

    /// Adds a request; returns it and whether the queue was empty (agents hear a sound then).
    pub fn ask(&mut self, asking: Asking, now: i64) -> ApiResult<(HelpRequest, bool)> {
        let topic = asking.topic.trim();
        if topic.is_empty() || topic.chars().count() > TOPIC_MAX {
            return Err(ApiError::validation(
                "topic",
                format!("say in 1 to {TOPIC_MAX} characters what you need help with"),
            ));
        }
        if asking.customer_id.is_some()
            && self.waiting().any(|r| r.customer_id == asking.customer_id)
        {
            return Err(ApiError::new(
                Reason::AlreadyWaiting,
                "you are already waiting for an agent",
            ));
        }
        self.prune(now);
        let was_empty = self.waiting().next().is_none();
        let request = HelpRequest {
            room: asking.room,
            customer_id: asking.customer_id,
            customer_name: asking.customer_name,
            hall: asking.hall,
            topic: topic.into(),
            channel: asking.channel,
            phone: asking.phone,
            created_at: now,
            state: RequestState::Waiting,
            accepted_at: None,
        };
        self.requests.push(request.clone());
        Ok((request, was_empty))
    }

    /// Forgets requests that ended over an hour ago.
    fn prune(&mut self, now: i64) {
        self.requests.retain(|r| {
            matches!(
                r.state,
                RequestState::Waiting | RequestState::Assigned { .. }
            ) || now - r.created_at < KEEP_FINISHED_MS
        });
    }

    /// Where a waiting request stands. The range assumes every agent not away takes calls of
    /// the typical length, from "they all free up at once" to "one at a time after the current".
    pub fn place(&self, room: &str) -> Option<Place> {
        let ahead = self.waiting().position(|r| r.room == room)? as u32;
        let agents = self
            .agents
            .values()
            .filter(|a| a.presence != Presence::Away)
            .count()
            .max(1) as i64;
        let rounds_low = ahead as i64 / agents;
        let rounds_high = ahead as i64 / agents + 1;
        let minutes = |rounds: i64| (rounds * self.config.typical_call_ms / MINUTE) as u32;
        Some(Place {
            ahead,
            wait: WaitRange {
                low_minutes: minutes(rounds_low),
                high_minutes: minutes(rounds_high),
            },
        })
    }

    /// An agent says whether they take calls. Busy is the desk's to set: an agent in a call
    /// stays busy until it ends or moves on.
    pub fn set_presence(&mut self, agent: i64, name: &str, presence: Presence) -> ApiResult<()> {
        if self.presence(agent) == Some(Presence::Busy) && self.call_of(agent).is_some() {
            return Err(ApiError::new(
                Reason::FinishCallFirst,
                "finish or transfer your call before changing your status",
            ));
        }
        if presence == Presence::Busy {
            return Err(ApiError::validation(
                "presence",
                "choose available or away; busy is set by a call",
            ));
        }
        self.agents.insert(
            agent,
            Agent {
                id: agent,
                name: name.into(),
                presence,
            },
        );
        Ok(())
    }

    /// The call an agent is in, if any.
    pub fn call_of(&self, agent: i64) -> Option<&HelpRequest> {
        self.requests
            .iter()
            .find(|r| r.state == RequestState::Assigned { agent })
    }

    /// The agent takes a waiting request; they must be available, and become busy.
    pub fn accept(&mut self, agent: i64, room: &str, now: i64) -> ApiResult<HelpRequest> {
        if self.presence(agent) != Some(Presence::Available) {
            return Err(ApiError::new(
                Reason::SetAvailableFirst,
                "set yourself available before taking a call",
            ));
        }
        let request = self.request_mut(room)?;
        if request.state != RequestState::Waiting {
            return Err(not_waiting());
        }
        request.state = RequestState::Assigned { agent };
        request.accepted_at = Some(now);
        let taken = request.clone();
        self.mark(agent, Presence::Busy);
        Ok(taken)
    }

    /// The agent in the call, or 403 unless `by` is that agent or a supervisor.
    fn handled_by(&self, room: &str, by: i64, supervisor: bool) -> ApiResult<i64> {
        let request = self
            .request(room)
            .ok_or_else(|| ApiError::not_found("help request"))?;
        let RequestState::Assigned { agent } = request.state else {
            return Err(ApiError::new(
                Reason::NoCallInProgress,
                "this request has no call in progress",
            ));
        };
        if agent != by && !supervisor {
            return Err(ApiError::new(
                Reason::OtherAgent,
                "this call is another agent's",
            ));
        }
        Ok(agent)
    }

    /// Moves a call to another agent, who must be available. Only the call's agent or a
    /// supervisor may.
    pub fn transfer(
        &mut self,
        room: &str,
        by: i64,
        supervisor: bool,
        to_agent: i64,
    ) -> ApiResult<HelpRequest> {
        let from = self.handled_by(room, by, supervisor)?;
        if from == to_agent {
            return Err(ApiError::new(
                Reason::AlreadyWithAgent,
                "the call is already with this agent",
            ));
        }
        if self.presence(to_agent) != Some(Presence::Available) {
            return Err(ApiError::new(
                Reason::AgentUnavailable,
                "that agent is not available",
            ));
        }
        let request = self.request_mut(room)?;
        request.state = RequestState::Assigned { agent: to_agent };
        let moved = request.clone();
        self.mark(from, Presence::Available);
        self.mark(to_agent, Presence::Busy);
        Ok(moved)
    }

    /// The call is over: the agent is free again. Only its agent or a supervisor ends it.
    pub fn finish(&mut self, room: &str, by: i64, supervisor: bool) -> ApiResult<Finished> {
        let agent = self.handled_by(room, by, supervisor)?;
        let request = self.request_mut(room)?;
        request.state = RequestState::Ended;
        let request = request.clone();
        self.mark(agent, Presence::Available);
        Ok(Finished { request, agent })
    }

    /// Whether a waiting request has waited long enough to be offered a callback.
    pub fn callback_due(&self, room: &str, now: i64) -> bool {
        self.waiting()
            .find(|r| r.room == room)
            .is_some_and(|r| now - r.created_at >= self.config.callback_after_ms)
    }

    /// The customer leaves the queue for a callback on `phone`, which becomes a work item.
    pub fn request_callback(&mut self, room: &str, phone: &str) -> ApiResult<HelpRequest> {
        let phone = normalise_mobile(phone)?;
        let request = self.request_mut(room)?;
        if request.state != RequestState::Waiting {
            return Err(not_waiting());
        }
        request.state = RequestState::CallbackRequested { phone };
        Ok(request.clone())
    }

    pub fn cancel(&mut self, room: &str) -> ApiResult<HelpRequest> {
        let request = self.request_mut(room)?;
        if request.state != RequestState::Waiting {
            return Err(not_waiting());
        }
        request.state = RequestState::Cancelled;
        Ok(request.clone())
    }

    /// An agent's last desk closed: away, unless they are in a call (which goes on).
    pub fn went_offline(&mut self, agent: i64) {
        if self.presence(agent) == Some(Presence::Available) {
            self.mark(agent, Presence::Away);
        }
    }

    pub fn view(&self, rang: bool) -> DeskView {
        let with = |pred: fn(&RequestState) -> bool| {
            self.requests
                .iter()
                .filter(|r| pred(&r.state))
                .cloned()
                .collect()
        };
        DeskView {
            waiting: with(|s| *s == RequestState::Waiting),
            in_call: with(|s| matches!(s, RequestState::Assigned { .. })),
            agents: self.agents.values().cloned().collect(),
            rang,
        }
    }
}

#[cfg(test)]
mod tests;
