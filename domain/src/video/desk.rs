//! The video desk: customers' requests for help waiting for an agent, first come first served;
//! agents' presence; each waiting customer's place and wait range; and the step down the
//! fallback ladder when nobody answers in time (a callback request that becomes a work item).

use crate::accounts::normalise_mobile;
use crate::error::{ApiError, ApiResult};
use crate::queue::WaitRange;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const TOPIC_MAX: usize = 100;
const MINUTE: i64 = 60_000;

/// How the customer can take part: the fallback ladder goes down from video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum Presence {
    Available,
    Busy,
    Away,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum RequestState {
    Waiting,
    Assigned { agent: i64 },
    Ended,
    CallbackRequested { phone: String },
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpRequest {
    pub id: u32,
    pub customer_id: Option<i64>,
    pub topic: String,
    pub channel: Channel,
    pub created_at: i64,
    pub state: RequestState,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Place {
    pub ahead: u32,
    pub wait: WaitRange,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desk {
    pub config: DeskConfig,
    pub requests: Vec<HelpRequest>,
    pub agents: BTreeMap<i64, Presence>,
}

impl Desk {
    fn waiting(&self) -> impl Iterator<Item = &HelpRequest> {
        self.requests
            .iter()
            .filter(|r| r.state == RequestState::Waiting)
    }

    fn request_mut(&mut self, id: u32) -> ApiResult<&mut HelpRequest> {
        self.requests
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or_else(|| ApiError::not_found("help request"))
    }

    /// Adds a request; returns it and whether the queue was empty (agents hear a sound then).
    pub fn ask(
        &mut self,
        customer_id: Option<i64>,
        topic: &str,
        channel: Channel,
        now: i64,
    ) -> ApiResult<(HelpRequest, bool)> {
        let topic = topic.trim();
        if topic.is_empty() || topic.chars().count() > TOPIC_MAX {
            return Err(ApiError::validation(
                "topic",
                format!("say in 1 to {TOPIC_MAX} characters what you need help with"),
            ));
        }
        if customer_id.is_some() && self.waiting().any(|r| r.customer_id == customer_id) {
            return Err(ApiError::conflict("you are already waiting for an agent"));
        }
        let was_empty = self.waiting().next().is_none();
        let request = HelpRequest {
            id: self.requests.len() as u32 + 1,
            customer_id,
            topic: topic.into(),
            channel,
            created_at: now,
            state: RequestState::Waiting,
        };
        self.requests.push(request.clone());
        Ok((request, was_empty))
    }

    /// Where a waiting request stands. The range assumes every agent not away takes calls of
    /// the typical length, from "they all free up at once" to "one at a time after the current".
    pub fn place(&self, id: u32) -> Option<Place> {
        let ahead = self.waiting().position(|r| r.id == id)? as u32;
        let agents = self
            .agents
            .values()
            .filter(|p| **p != Presence::Away)
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

    pub fn set_presence(&mut self, agent: i64, presence: Presence) {
        self.agents.insert(agent, presence);
    }

    /// The agent takes a waiting request; they must be available, and become busy.
    pub fn accept(&mut self, agent: i64, id: u32) -> ApiResult<HelpRequest> {
        if self.agents.get(&agent) != Some(&Presence::Available) {
            return Err(ApiError::conflict(
                "set yourself available before taking a call",
            ));
        }
        let request = self.request_mut(id)?;
        if request.state != RequestState::Waiting {
            return Err(ApiError::conflict("this request is no longer waiting"));
        }
        request.state = RequestState::Assigned { agent };
        let taken = request.clone();
        self.agents.insert(agent, Presence::Busy);
        Ok(taken)
    }

    /// Moves an assigned request to another agent, who must be available.
    pub fn transfer(&mut self, id: u32, to_agent: i64) -> ApiResult<HelpRequest> {
        if self.agents.get(&to_agent) != Some(&Presence::Available) {
            return Err(ApiError::conflict("that agent is not available"));
        }
        let request = self.request_mut(id)?;
        let RequestState::Assigned { agent: from } = request.state else {
            return Err(ApiError::conflict(
                "only a call in progress can be transferred",
            ));
        };
        request.state = RequestState::Assigned { agent: to_agent };
        let moved = request.clone();
        self.agents.insert(from, Presence::Available);
        self.agents.insert(to_agent, Presence::Busy);
        Ok(moved)
    }

    /// The call is over: the agent is free again.
    pub fn finish(&mut self, id: u32) -> ApiResult<HelpRequest> {
        let request = self.request_mut(id)?;
        let RequestState::Assigned { agent } = request.state else {
            return Err(ApiError::conflict("this request has no call in progress"));
        };
        request.state = RequestState::Ended;
        let ended = request.clone();
        self.agents.insert(agent, Presence::Available);
        Ok(ended)
    }

    /// Whether a waiting request has waited long enough to be offered a callback.
    pub fn callback_due(&self, id: u32, now: i64) -> bool {
        self.waiting()
            .find(|r| r.id == id)
            .is_some_and(|r| now - r.created_at >= self.config.callback_after_ms)
    }

    /// The customer leaves the queue for a callback on `phone`, which becomes a work item.
    pub fn request_callback(&mut self, id: u32, phone: &str) -> ApiResult<HelpRequest> {
        let phone = normalise_mobile(phone)?;
        let request = self.request_mut(id)?;
        if request.state != RequestState::Waiting {
            return Err(ApiError::conflict("this request is no longer waiting"));
        }
        request.state = RequestState::CallbackRequested { phone };
        Ok(request.clone())
    }

    pub fn cancel(&mut self, id: u32) -> ApiResult<HelpRequest> {
        let request = self.request_mut(id)?;
        if request.state != RequestState::Waiting {
            return Err(ApiError::conflict("this request is no longer waiting"));
        }
        request.state = RequestState::Cancelled;
        Ok(request.clone())
    }
}

#[cfg(test)]
mod tests;
