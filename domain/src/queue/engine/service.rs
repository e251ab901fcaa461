//! Serving a called ticket: recall, no-show, start, finish, transfer; and the customer's
//! cancel and rating. Each checks its preconditions first, so a refusal changes nothing.

use super::{HallQueue, Transfer, COMMENT_MAX};

/// A rating of 1 to 5 stars and a comment of at most `COMMENT_MAX` characters (trimmed).
pub fn check_rating(stars: u8, comment: &str) -> ApiResult<String> {
    if !(1..=5).contains(&stars) {
        return Err(ApiError::validation("stars", "give 1 to 5 stars"));
    }
    let comment = comment.trim();
    if comment.chars().count() > COMMENT_MAX {
        return Err(ApiError::validation(
            "comment",
            format!("the comment may have at most {COMMENT_MAX} characters"),
        ));
    }
    Ok(comment.to_string())
}
use crate::error::{ApiError, ApiResult, Reason};
use crate::queue::events::EventKind;
use crate::queue::ticket::{Rating, Ticket, TicketState};

impl HallQueue {
    pub fn recall(
        &mut self,
        counter: u32,
        id: u32,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<Ticket> {
        let index = self.at_counter(counter, id, &[TicketState::Called])?;
        let (t, config) = (&self.tickets[index], &self.config);
        if t.calls >= config.max_calls {
            return Err(ApiError::new(
                Reason::MarkNoShow,
                format!(
                    "ticket {} was called {} times; mark it a no-show",
                    t.number, t.calls
                ),
            ));
        }
        let gap_ms = config.recall_gap_seconds as i64 * 1000;
        let since = now - t.last_called_at.unwrap_or(i64::MIN / 2);
        if since < gap_ms {
            return Err(ApiError::new(
                Reason::CallCooldown,
                format!(
                    "wait {} more seconds before calling again",
                    (gap_ms - since + 999) / 1000
                ),
            ));
        }
        let t = &mut self.tickets[index];
        t.calls += 1;
        t.last_called_at = Some(now);
        self.record(EventKind::Recalled, index, now, actor, None, None);
        Ok(self.tickets[index].clone())
    }

    pub fn no_show(
        &mut self,
        counter: u32,
        id: u32,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<Ticket> {
        let index = self.at_counter(counter, id, &[TicketState::Called])?;
        let t = &self.tickets[index];
        if t.calls < self.config.max_calls {
            let left = self.config.max_calls - t.calls;
            return Err(ApiError::new(
                Reason::CallAgainFirst,
                format!(
                    "call ticket {} {left} more time(s) before marking a no-show",
                    t.number
                ),
            ));
        }
        self.patience.no_show();
        let t = &mut self.tickets[index];
        t.state = TicketState::NoShow;
        t.finished_at = Some(now);
        self.freed(counter, now);
        self.record(EventKind::NoShow, index, now, actor, None, None);
        Ok(self.tickets[index].clone())
    }

    pub fn start_service(
        &mut self,
        counter: u32,
        id: u32,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<Ticket> {
        let index = self.at_counter(counter, id, &[TicketState::Called])?;
        let t = &mut self.tickets[index];
        t.state = TicketState::Serving;
        t.service_started_at = Some(now);
        self.record(EventKind::ServiceStarted, index, now, actor, None, None);
        Ok(self.tickets[index].clone())
    }

    pub fn finish(
        &mut self,
        counter: u32,
        id: u32,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<Ticket> {
        let index = self.at_counter(counter, id, &[TicketState::Serving])?;
        let t = &mut self.tickets[index];
        t.state = TicketState::Served;
        t.finished_at = Some(now);
        let minutes = (now - t.service_started_at.unwrap_or(now)) as f64 / 60_000.0;
        let business = t.business;
        self.stats.record(business, minutes);
        self.freed(counter, now);
        self.record(EventKind::Served, index, now, actor, None, None);
        Ok(self.tickets[index].clone())
    }

    /// Sends a called or served ticket back to the queue for another business or counter,
    /// keeping its check-in time so it does not lose its place.
    pub fn transfer(
        &mut self,
        counter: u32,
        id: u32,
        to: Transfer,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<Ticket> {
        let index = self.at_counter(counter, id, &[TicketState::Called, TicketState::Serving])?;
        if to.business.is_none() && to.counter.is_none() {
            return Err(ApiError::validation(
                "to",
                "name a business type or a counter to transfer to",
            ));
        }
        if let Some(target) = to.counter {
            self.counter(target)?;
            if target == counter {
                return Err(ApiError::invalid(
                    "counter",
                    Reason::TransferTarget,
                    "transfer to another counter",
                ));
            }
        }
        if let Some(business) = to.business.filter(|_| to.counter.is_none()) {
            if !self.serves_anywhere(business) {
                return Err(ApiError::validation(
                    "business",
                    "no counter in this hall handles that business",
                ));
            }
        }
        let t = &mut self.tickets[index];
        t.business = to.business.unwrap_or(t.business);
        t.state = TicketState::Waiting;
        t.counter = to.counter;
        t.calls = 0;
        t.service_started_at = None;
        self.freed(counter, now);
        let detail = format!("from counter {counter}");
        self.record(
            EventKind::Transferred,
            index,
            now,
            actor,
            None,
            Some(detail),
        );
        Ok(self.tickets[index].clone())
    }

    pub fn cancel(&mut self, id: u32, actor: Option<i64>, now: i64) -> ApiResult<Ticket> {
        let index = self.ticket_index(id)?;
        let t = &mut self.tickets[index];
        if !matches!(t.state, TicketState::Waiting | TicketState::Called) {
            return Err(ApiError::new(
                Reason::TicketDone,
                format!("ticket {} can no longer be cancelled", t.number),
            ));
        }
        let called_at = (t.state == TicketState::Called)
            .then_some(t.counter)
            .flatten();
        if t.first_called_at.is_none() {
            let waited = t.waited_minutes(now);
            self.patience.gave_up(waited);
        }
        let t = &mut self.tickets[index];
        t.state = TicketState::Cancelled;
        t.finished_at = Some(now);
        if let Some(counter) = called_at {
            self.freed(counter, now);
        }
        self.record(EventKind::Cancelled, index, now, actor, None, None);
        Ok(self.tickets[index].clone())
    }

    /// Someone at the hall (the kiosk, a clerk) confirms the priority the customer asked for
    /// from home: the ticket is a priority ticket from now on, keeping its check-in time.
    pub fn confirm_priority(&mut self, id: u32, actor: Option<i64>, now: i64) -> ApiResult<Ticket> {
        let index = self.ticket_index(id)?;
        let t = &mut self.tickets[index];
        let Some(requested) = t.requested.filter(|_| t.is_waiting()) else {
            return Err(ApiError::new(
                Reason::NoPriorityToConfirm,
                format!(
                    "ticket {} has no priority waiting to be confirmed",
                    t.number
                ),
            ));
        };
        t.priority = requested;
        t.requested = None;
        let detail = crate::wire::wire_name(&requested);
        self.record(
            EventKind::PriorityConfirmed,
            index,
            now,
            actor,
            None,
            Some(detail),
        );
        Ok(self.tickets[index].clone())
    }

    /// The active ticket of this phone, for a kiosk confirming by phone number.
    pub fn active_by_phone(&self, phone: &str) -> ApiResult<u32> {
        self.tickets
            .iter()
            .find(|t| t.state.is_active() && t.phone.as_deref() == Some(phone))
            .map(|t| t.id)
            .ok_or_else(|| {
                ApiError::new(
                    Reason::NoTicketForPhone,
                    "ticket for this phone today not found",
                )
            })
    }

    /// Rates a served ticket once. Returns the ticket and whether the manager must follow up.
    pub fn rate(
        &mut self,
        id: u32,
        stars: u8,
        comment: &str,
        actor: Option<i64>,
        now: i64,
    ) -> ApiResult<(Ticket, bool)> {
        let index = self.ticket_index(id)?;
        let comment = check_rating(stars, comment)?;
        let t = &mut self.tickets[index];
        if t.state != TicketState::Served {
            return Err(ApiError::new(
                Reason::NotServed,
                format!("ticket {} has not been served", t.number),
            ));
        }
        if t.rating.is_some() {
            return Err(ApiError::new(
                Reason::AlreadyRated,
                format!("ticket {} is already rated", t.number),
            ));
        }
        t.rating = Some(Rating {
            stars,
            comment,
            at: now,
        });
        self.record(
            EventKind::Rated,
            index,
            now,
            actor,
            None,
            Some(format!("{stars}")),
        );
        Ok((
            self.tickets[index].clone(),
            crate::follow_ups::is_low(stars),
        ))
    }
}
