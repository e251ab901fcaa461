//! Who staffs the counters. A clerk signs in at a counter, which opens with them; they pause
//! with a reason, resume, and sign out, which closes it. Only the clerk signed in calls at a
//! counter; a hall manager may also pause, resume or close it (a clerk who forgot to sign
//! out). The hall's closing signs everyone out. A manager moves a counter to other business
//! types during the day. Every change is recorded for staffed hours and the audit trail.

use super::HallQueue;
use crate::error::{ApiError, ApiResult};
use crate::halls::{BusinessType, Counter};
use crate::queue::counters::{Clerk, CounterChange, CounterState, CounterStatus};
use crate::Reason;

/// Who asks for a change at a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acting {
    pub user: Option<i64>,
    /// A hall manager, who may change a counter another clerk holds.
    pub manager: bool,
}

impl HallQueue {
    fn counter_index(&self, number: u32) -> ApiResult<usize> {
        self.counters
            .iter()
            .position(|c| c.number == number)
            .ok_or_else(|| ApiError::not_found("counter"))
    }

    /// The counter, if `user` may call at it: open, and theirs when someone is signed in.
    pub(super) fn callable_counter(
        &self,
        number: u32,
        user: Option<i64>,
    ) -> ApiResult<&CounterState> {
        let counter = self.counter(number)?;
        if let CounterStatus::Closed = counter.status {
            return Err(ApiError::new(
                Reason::CounterClosed,
                format!("counter {number} is closed; sign in to it to call"),
            ));
        }
        if !counter.is_open() {
            return Err(ApiError::new(
                Reason::CounterPaused,
                format!("counter {number} is paused; resume it to call"),
            ));
        }
        refuse_strangers(
            counter,
            Acting {
                user,
                manager: false,
            },
        )?;
        Ok(counter)
    }

    /// The counter's change, recorded.
    fn set_staffing(
        &mut self,
        index: usize,
        status: CounterStatus,
        clerk: Option<Clerk>,
        by: Option<i64>,
        now: i64,
    ) -> &CounterState {
        let counter = &mut self.counters[index];
        if status == CounterStatus::Open && !counter.is_open() {
            counter.idle_since = Some(now);
        }
        counter.status = status;
        counter.clerk = clerk;
        self.record_change(index, by, false, now)
    }

    /// Records the counter's state after a change by `by`, with its business types when
    /// `serves_changed`.
    fn record_change(
        &mut self,
        index: usize,
        by: Option<i64>,
        serves_changed: bool,
        now: i64,
    ) -> &CounterState {
        self.seq += 1;
        // A counter that stops calling lets the tickets held for it go to the others.
        if !self.counters[index].is_open() {
            let number = self.counters[index].number;
            for t in &mut self.tickets {
                if t.offered.is_some_and(|o| o.counter == number) {
                    t.offered = None;
                }
            }
        }
        let counter = &self.counters[index];
        self.counter_changes.push(CounterChange {
            seq: self.seq,
            at: now,
            counter: counter.number,
            status: counter.status.clone(),
            clerk_id: counter.clerk.as_ref().map(|c| c.id),
            by,
            serves: serves_changed.then(|| counter.serves.clone()),
        });
        counter
    }

    /// A manager moves a counter to other business types, at once and for the rest of the
    /// day (tomorrow starts from the hall's counters again). A ticket in hand stays; the next
    /// call follows the new types. Recorded with the staffing changes.
    pub fn set_serves(
        &mut self,
        number: u32,
        serves: &[BusinessType],
        who: Acting,
        now: i64,
    ) -> ApiResult<&CounterState> {
        let index = self.counter_index(number)?;
        if !who.manager {
            return Err(ApiError::new(
                Reason::ManagerOnly,
                "only the hall manager changes what a counter serves",
            ));
        }
        let mut types: Vec<BusinessType> = Vec::new();
        for &b in serves {
            if !types.contains(&b) {
                types.push(b);
            }
        }
        if types.is_empty() {
            return Err(ApiError::validation(
                "serves",
                "choose at least one business type for the counter",
            ));
        }
        self.counters[index].serves = types;
        Ok(self.record_change(index, who.user, true, now))
    }

    /// The manager set a counter up in the hall's reference data: a new one joins closed, an
    /// existing one serves and is trained as set from now on (recorded when what it serves
    /// changed); others keep today's changes.
    pub fn set_counter(&mut self, counter: &Counter, by: Option<i64>, now: i64) -> &CounterState {
        // Counters stay in number order: a new one goes where its number belongs.
        let index = self.counters.partition_point(|c| c.number < counter.number);
        if self
            .counters
            .get(index)
            .is_none_or(|c| c.number != counter.number)
        {
            let new = CounterState::closed(counter.number, &counter.serves);
            self.counters.insert(index, new);
        }
        let c = &mut self.counters[index];
        c.trained.clone_from(&counter.trained);
        let serves_changed = c.serves != counter.serves;
        c.serves.clone_from(&counter.serves);
        if serves_changed {
            return self.record_change(index, by, true, now);
        }
        &self.counters[index]
    }

    /// Takes a counter out of the hall: refused while a clerk is signed in at it. One the
    /// queue never had is already gone.
    pub fn remove_counter(&mut self, number: u32) -> ApiResult<()> {
        let Ok(index) = self.counter_index(number) else {
            return Ok(());
        };
        if self.counters[index].status != CounterStatus::Closed {
            return Err(ApiError::new(
                Reason::CounterBusy,
                format!("counter {number} is in use; its clerk signs out, or you close it, first"),
            ));
        }
        self.counters.remove(index);
        Ok(())
    }

    /// `clerk` signs in at counter `number`, which opens. Signing in again changes nothing; a
    /// counter another clerk holds is refused; a clerk signed in at another counter moves,
    /// when nothing is in progress there.
    pub fn sign_in(&mut self, number: u32, clerk: Clerk, now: i64) -> ApiResult<&CounterState> {
        let index = self.counter_index(number)?;
        match &self.counters[index].clerk {
            Some(holder) if holder.id == clerk.id => return Ok(&self.counters[index]),
            Some(holder) => {
                return Err(ApiError::new(
                    Reason::CounterBusy,
                    format!(
                        "counter {number} is staffed by {}; they sign out, or a manager closes it",
                        holder.name
                    ),
                ))
            }
            None => {}
        }
        let elsewhere = self
            .counters
            .iter()
            .find(|c| c.clerk.as_ref().is_some_and(|k| k.id == clerk.id))
            .map(|c| c.number);
        if let Some(other) = elsewhere {
            let me = Acting {
                user: Some(clerk.id),
                manager: false,
            };
            self.close_counter(other, me, now)?;
        }
        let by = Some(clerk.id);
        Ok(self.set_staffing(index, CounterStatus::Open, Some(clerk), by, now))
    }

    /// Pauses a counter with a reason the screens show; its clerk stays signed in.
    pub fn pause(
        &mut self,
        number: u32,
        reason: &str,
        who: Acting,
        now: i64,
    ) -> ApiResult<&CounterState> {
        if reason.trim().is_empty() {
            return Err(ApiError::validation("reason", "say why the counter pauses"));
        }
        let index = self.staffed(number, who)?;
        let clerk = self.counters[index].clerk.clone();
        let status = CounterStatus::Paused {
            reason: reason.trim().to_string(),
        };
        Ok(self.set_staffing(index, status, clerk, who.user, now))
    }

    /// Opens a paused counter again.
    pub fn resume(&mut self, number: u32, who: Acting, now: i64) -> ApiResult<&CounterState> {
        let index = self.staffed(number, who)?;
        let clerk = self.counters[index].clerk.clone();
        Ok(self.set_staffing(index, CounterStatus::Open, clerk, who.user, now))
    }

    /// Signs the clerk out and closes the counter; closing a closed one changes nothing. A
    /// ticket called or being served there must be finished (or marked no-show) first.
    pub fn close_counter(
        &mut self,
        number: u32,
        who: Acting,
        now: i64,
    ) -> ApiResult<&CounterState> {
        let index = self.counter_index(number)?;
        if self.counters[index].status == CounterStatus::Closed {
            return Ok(&self.counters[index]);
        }
        refuse_strangers(&self.counters[index], who)?;
        if let Some(current) = self.current_at(number) {
            return Err(ApiError::new(
                Reason::CounterBusy,
                format!(
                    "finish ticket {} at counter {number} first, or mark it as not come",
                    current.number
                ),
            ));
        }
        Ok(self.set_staffing(index, CounterStatus::Closed, None, who.user, now))
    }

    /// Once the day's closing time has passed (by `now`), signs out every counter at that
    /// time, once: a clerk who signs in again afterwards (to serve those still waiting) stays.
    /// Returns how many were signed out.
    pub fn close_if_past_closing(&mut self, now: i64) -> usize {
        match self.closes_at {
            Some(closes) if now >= closes => {
                self.closes_at = None;
                self.close_all(closes)
            }
            _ => 0,
        }
    }

    /// The hall closes: every counter still open or paused is closed and its clerk signed
    /// out, whatever is in progress. Returns how many were.
    pub fn close_all(&mut self, now: i64) -> usize {
        let open: Vec<usize> = (0..self.counters.len())
            .filter(|&i| self.counters[i].status != CounterStatus::Closed)
            .collect();
        for &i in &open {
            self.set_staffing(i, CounterStatus::Closed, None, None, now);
        }
        open.len()
    }

    /// Hands over the staffing changes recorded since the last call.
    pub fn take_counter_changes(&mut self) -> Vec<CounterChange> {
        std::mem::take(&mut self.counter_changes)
    }

    /// The index of a counter someone is signed in to, if `who` may change it.
    fn staffed(&self, number: u32, who: Acting) -> ApiResult<usize> {
        let index = self.counter_index(number)?;
        let counter = &self.counters[index];
        if counter.status == CounterStatus::Closed {
            return Err(ApiError::new(
                Reason::CounterClosed,
                format!("counter {number} is closed; sign in to it first"),
            ));
        }
        refuse_strangers(counter, who)?;
        Ok(index)
    }
}

/// Refuses a clerk acting at a counter another clerk holds (a manager may).
fn refuse_strangers(counter: &CounterState, who: Acting) -> ApiResult<()> {
    match (&counter.clerk, who.user) {
        (Some(holder), Some(user)) if holder.id != user && !who.manager => Err(ApiError::new(
            Reason::OtherClerk,
            format!(
                "counter {} is signed in by {}; sign in at your own counter",
                counter.number, holder.name
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
