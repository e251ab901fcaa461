//! One hall's queue for one day as a state machine. Every change is a method that checks its
//! preconditions, changes the state, and records an event; refused changes change nothing.

use super::board::Board;
use super::config::QueueConfig;
use super::counters::{CounterChange, CounterState};
use super::events::{EventKind, QueueEvent};
use super::patience::Patience;
use super::select::{can_serve, select_next, CallReason, CounterSkills, Fairness};
use super::stats::ServiceStats;
use super::ticket::{Channel, Offer, Priority, Ticket, TicketNumber, TicketState};
use crate::error::{ApiError, ApiResult};
use crate::halls::business::BusinessSettings;
use crate::halls::BusinessType;
use crate::Reason;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const COMMENT_MAX: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckIn {
    pub business: BusinessType,
    pub channel: Channel,
    pub priority: Priority,
    pub customer_id: Option<i64>,
    pub phone: Option<String>,
    /// A retried check-in with the same key returns the first ticket.
    pub idempotency_key: Option<String>,
    /// A key account's account manager: offered the ticket first when signed in here.
    #[serde(default)]
    pub account_manager: Option<i64>,
    /// A priority asked for from home, held until the hall confirms it (`priority` is then
    /// normal).
    #[serde(default)]
    pub requested: Option<Priority>,
}

impl CheckIn {
    /// An anonymous kiosk check-in with the given priority and nothing else.
    pub fn walk_in(business: BusinessType, priority: Priority) -> CheckIn {
        CheckIn {
            business,
            channel: Channel::Kiosk,
            priority,
            customer_id: None,
            phone: None,
            idempotency_key: None,
            account_manager: None,
            requested: None,
        }
    }
}

/// Where a transferred ticket goes: another business type, a named counter, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Transfer {
    pub business: Option<BusinessType>,
    pub counter: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HallQueue {
    pub hall_id: String,
    /// The hall's local date, "2026-11-23".
    pub day: String,
    pub config: QueueConfig,
    pub counters: Vec<CounterState>,
    pub tickets: Vec<Ticket>,
    pub fairness: Fairness,
    pub next_seq: BTreeMap<char, u32>,
    /// Ticket letters, usual minutes and daily numbers per business type (the manager's).
    #[serde(default)]
    pub business: BusinessSettings,
    pub idempotency: BTreeMap<String, u32>,
    pub stats: ServiceStats,
    /// How long people wait before giving up: the hall's history, and today's.
    #[serde(default)]
    pub patience: Patience,
    /// The sequence number of the last event.
    pub seq: u64,
    /// Events not yet taken by `take_events`.
    #[serde(default)]
    pub pending: Vec<QueueEvent>,
    /// Staffing changes not yet taken by `take_counter_changes`.
    #[serde(default)]
    pub counter_changes: Vec<CounterChange>,
    /// When the hall closes this day (epoch ms): every counter is signed out then, once.
    #[serde(default)]
    pub closes_at: Option<i64>,
    pub board: Board,
}

impl HallQueue {
    pub fn new(hall_id: &str, day: &str, counters: Vec<CounterState>, config: QueueConfig) -> Self {
        HallQueue {
            hall_id: hall_id.into(),
            day: day.into(),
            config,
            counters,
            tickets: Vec::new(),
            fairness: Fairness::default(),
            next_seq: BTreeMap::new(),
            business: BusinessSettings::default(),
            idempotency: BTreeMap::new(),
            stats: ServiceStats::default(),
            patience: Patience::default(),
            seq: 0,
            pending: Vec::new(),
            counter_changes: Vec::new(),
            closes_at: None,
            board: Board::default(),
        }
    }

    /// The hall's settings from now on: later numbers take the new letters and caps, and
    /// estimates the new usual minutes until a type has been served today.
    pub fn set_business(&mut self, business: BusinessSettings) {
        for s in business.all() {
            self.stats
                .set_prior(s.business, f64::from(s.service_minutes));
        }
        self.business = business;
    }

    /// A key account's ticket is held for its account manager's counter, while they are
    /// signed in there and calling.
    fn offer_for(&self, account_manager: Option<i64>, now: i64) -> Option<Offer> {
        let manager = account_manager?;
        let counter = self
            .counters
            .iter()
            .find(|c| c.is_open() && c.clerk.as_ref().is_some_and(|k| k.id == manager))?;
        let hold = i64::from(self.config.account_manager_hold_minutes) * 60_000;
        Some(Offer {
            counter: counter.number,
            until: now + hold,
        })
    }

    /// Numbers of this type still to be had today by kiosk or remote check-in; `None` when
    /// the hall sets no limit.
    pub fn numbers_left(&self, business: BusinessType) -> Option<u32> {
        let cap = self.business.get(business).daily_cap?;
        let issued = self
            .tickets
            .iter()
            .filter(|t| t.business == business && t.channel != Channel::Appointment)
            .count();
        Some(cap.saturating_sub(u32::try_from(issued).unwrap_or(u32::MAX)))
    }

    /// Hands over the events recorded since the last call, for storage and fan-out.
    pub fn take_events(&mut self) -> Vec<QueueEvent> {
        std::mem::take(&mut self.pending)
    }

    pub fn ticket(&self, id: u32) -> ApiResult<&Ticket> {
        self.tickets
            .get((id as usize).wrapping_sub(1))
            .ok_or_else(|| ApiError::not_found("ticket"))
    }

    /// Where the ticket's SMS go: a phone its owner gave after check-in (already normalised).
    pub fn set_phone(&mut self, id: u32, phone: String) -> ApiResult<&Ticket> {
        let i = self.ticket_index(id)?;
        self.tickets[i].phone = Some(phone);
        Ok(&self.tickets[i])
    }

    pub(crate) fn ticket_index(&self, id: u32) -> ApiResult<usize> {
        self.ticket(id).map(|_| id as usize - 1)
    }

    pub fn counter(&self, number: u32) -> ApiResult<&CounterState> {
        self.counters
            .iter()
            .find(|c| c.number == number)
            .ok_or_else(|| ApiError::not_found("counter"))
    }

    fn record(
        &mut self,
        kind: EventKind,
        index: usize,
        now: i64,
        actor: Option<i64>,
        reason: Option<CallReason>,
        detail: Option<String>,
    ) {
        self.seq += 1;
        let t = &self.tickets[index];
        self.pending.push(QueueEvent {
            seq: self.seq,
            at: now,
            kind,
            ticket_id: t.id,
            number: t.number,
            counter: t.counter,
            actor,
            reason,
            detail,
        });
    }

    /// Whether a counter of the hall handles `business` (staffed now or not: the day's
    /// tickets are taken before the clerks sign in).
    fn serves_anywhere(&self, business: BusinessType) -> bool {
        self.counters.iter().any(|c| c.serves.contains(&business))
    }

    /// Issues a ticket, or returns the one a retry with the same idempotency key got.
    /// Returns the ticket and whether it is new.
    pub fn check_in(&mut self, req: CheckIn, now: i64) -> ApiResult<(Ticket, bool)> {
        if let Some(&id) = req
            .idempotency_key
            .as_ref()
            .and_then(|k| self.idempotency.get(k))
        {
            return Ok((self.ticket(id)?.clone(), false));
        }
        if !self.serves_anywhere(req.business) {
            return Err(ApiError::validation(
                "business",
                "no counter in this hall handles that business today",
            ));
        }
        let same_person = |t: &Ticket| {
            t.state.is_active()
                && ((req.customer_id.is_some() && t.customer_id == req.customer_id)
                    || (req.phone.is_some() && t.phone == req.phone))
        };
        if let Some(existing) = self.tickets.iter().find(|t| same_person(t)) {
            return Err(ApiError::new(
                Reason::AlreadyHoldsTicket,
                format!("you already hold ticket {} in this hall", existing.number),
            ));
        }
        if req.channel != Channel::Appointment && self.numbers_left(req.business) == Some(0) {
            return Err(ApiError::new(Reason::NumbersGone,
                "today's numbers for this business are gone; come back tomorrow or book an appointment",
            ));
        }
        let prefix = self.business.get(req.business).prefix;
        let seq = self.next_seq.get(&prefix).copied().unwrap_or(0) + 1;
        self.next_seq.insert(prefix, seq);
        let id = self.tickets.len() as u32 + 1;
        let mut ticket = Ticket::waiting(
            id,
            TicketNumber { prefix, seq },
            req.business,
            req.priority,
            req.channel,
            now,
        );
        ticket.customer_id = req.customer_id;
        ticket.phone = req.phone;
        ticket.offered = self.offer_for(req.account_manager, now);
        ticket.requested = req.requested.filter(|p| p.is_priority());
        self.tickets.push(ticket);
        if let Some(key) = req.idempotency_key {
            self.idempotency.insert(key, id);
        }
        self.record(
            EventKind::Issued,
            id as usize - 1,
            now,
            req.customer_id,
            None,
            None,
        );
        Ok((self.tickets[id as usize - 1].clone(), true))
    }

    /// The ticket a counter has called or is serving, if any.
    pub fn current_at(&self, counter: u32) -> Option<&Ticket> {
        self.tickets.iter().find(|t| {
            t.counter == Some(counter)
                && matches!(t.state, TicketState::Called | TicketState::Serving)
        })
    }

    /// The counter, if `actor` may call at it now: open, theirs, and with no ticket in hand.
    fn counter_ready_to_call(&self, number: u32, actor: Option<i64>) -> ApiResult<&CounterState> {
        let counter = self.callable_counter(number, actor)?;
        if let Some(current) = self.current_at(number) {
            return Err(ApiError::new(
                Reason::CounterBusy,
                format!("finish ticket {} at counter {number} first", current.number),
            ));
        }
        Ok(counter)
    }

    fn mark_called(&mut self, index: usize, counter: u32, now: i64) {
        let t = &mut self.tickets[index];
        if t.first_called_at.is_none() {
            self.patience.called(t.waited_minutes(now));
        }
        t.state = TicketState::Called;
        t.counter = Some(counter);
        t.calls = 1;
        t.last_called_at = Some(now);
        t.first_called_at.get_or_insert(now);
    }

    /// Calls the next ticket for this counter and says why it was next.
    pub fn call_next(
        &mut self,
        counter: u32,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<(Ticket, CallReason)> {
        let skills = CounterSkills::of(self.counter_ready_to_call(counter, actor)?);
        let selection = select_next(&self.tickets, skills, self.fairness, &self.config, now)
            .ok_or_else(|| {
                ApiError::new(
                    Reason::NobodyWaiting,
                    "nobody is waiting for this counter's business",
                )
            })?;
        self.fairness = selection.fairness;
        self.mark_called(selection.index, counter, now);
        self.record(
            EventKind::Called,
            selection.index,
            now,
            actor,
            Some(selection.reason.clone()),
            None,
        );
        Ok((self.tickets[selection.index].clone(), selection.reason))
    }

    /// Calls a ticket chosen by its id, if this counter may serve it.
    pub fn call_ticket(
        &mut self,
        counter: u32,
        id: u32,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<Ticket> {
        let skills = CounterSkills::of(self.counter_ready_to_call(counter, actor)?);
        let index = self.ticket_index(id)?;
        let t = &self.tickets[index];
        if !t.is_waiting() {
            return Err(ApiError::new(
                Reason::TicketNotWaiting,
                format!("ticket {} is not waiting", t.number),
            ));
        }
        if !can_serve(skills, t) {
            return Err(ApiError::new(
                Reason::NotAtCounter,
                format!("counter {counter} does not handle ticket {}", t.number),
            ));
        }
        self.mark_called(index, counter, now);
        self.record(
            EventKind::Called,
            index,
            now,
            actor,
            Some(CallReason::ChosenByStaff),
            None,
        );
        Ok(self.tickets[index].clone())
    }

    /// The counter's ticket has left it (served, not come, sent on): it stands idle from now.
    fn freed(&mut self, counter: u32, now: i64) {
        if let Some(c) = self.counters.iter_mut().find(|c| c.number == counter) {
            c.idle_since = Some(now);
        }
    }

    /// The first time after `now` at which an open, idle counter may take another line's
    /// customer who is waiting now (the simulation wakes its counters then).
    pub fn next_overflow_at(&self, now: i64) -> Option<i64> {
        self.counters
            .iter()
            .filter(|c| c.is_open() && self.current_at(c.number).is_none())
            .map(CounterSkills::of)
            .filter(|skills| {
                self.tickets.iter().any(|t| {
                    t.is_waiting() && t.counter.is_none() && skills.may_overflow_to(t.business)
                })
            })
            .map(|skills| skills.overflow_from(&self.config))
            .filter(|&at| at > now)
            .min()
    }

    /// The ticket at this counter in one of `states`, or a 409 that says what is wrong.
    fn at_counter(&self, counter: u32, id: u32, states: &[TicketState]) -> ApiResult<usize> {
        self.counter(counter)?;
        let index = self.ticket_index(id)?;
        let t = &self.tickets[index];
        if t.counter != Some(counter) || !states.contains(&t.state) {
            let state = format!("{:?}", t.state).to_lowercase();
            return Err(ApiError::new(
                Reason::NotAtCounter,
                format!(
                    "ticket {} is {state}, not in that step at counter {counter}",
                    t.number
                ),
            ));
        }
        Ok(index)
    }
}

mod service;
mod staffing;
pub use service::check_rating;
pub use staffing::Acting;

#[cfg(test)]
mod tests;
