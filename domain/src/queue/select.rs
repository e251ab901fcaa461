//! Who is called next at a counter: skills first, then the priority ratio, with ageing so that
//! nobody starves, oldest check-in first within a class. A counter that has stood idle with
//! none of its own types waiting takes the longest-waiting customer of a type its clerk is
//! trained for (overflow). Every choice comes with its reason.

use super::config::QueueConfig;
use super::counters::CounterState;
use super::ticket::{Priority, Ticket};
use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};

/// Where the hall is in its priority : normal cycle. Only calls made while both classes wait
/// count; the cycle restarts when both shares are used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fairness {
    pub priority_calls: u32,
    pub normal_calls: u32,
}

#[derive(Debug, Clone, Copy)]
pub struct CounterSkills<'a> {
    pub number: u32,
    pub serves: &'a [BusinessType],
    /// Types it may take by overflow.
    pub trained: &'a [BusinessType],
    /// Since when it has been free; `None`: long enough.
    pub idle_since: Option<i64>,
}

impl<'a> CounterSkills<'a> {
    pub fn of(counter: &'a CounterState) -> CounterSkills<'a> {
        CounterSkills {
            number: counter.number,
            serves: &counter.serves,
            trained: &counter.trained,
            idle_since: counter.idle_since,
        }
    }

    /// When it may first take another line's customer.
    pub fn overflow_from(&self, config: &QueueConfig) -> i64 {
        let idle_ms = i64::from(config.overflow_idle_minutes) * 60_000;
        self.idle_since.map_or(i64::MIN, |since| since + idle_ms)
    }

    /// Whether it may take a ticket of `business` by overflow at all.
    pub fn may_overflow_to(&self, business: BusinessType) -> bool {
        !self.serves.contains(&business) && self.trained.contains(&business)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CallReason {
    /// Sent to this counter by a transfer.
    TransferredHere,
    /// A priority ticket's turn in the priority : normal cycle.
    PriorityTurn { priority: Priority },
    /// A normal ticket that has waited past the ageing limit goes with the priority tickets.
    Aged { waited_minutes: u32 },
    /// A normal ticket's turn in the cycle.
    NormalTurn,
    /// Only priority tickets wait for this counter's business.
    OnlyPriorityWaiting { priority: Priority },
    /// Only normal tickets wait for this counter's business.
    OnlyNormalWaiting,
    /// A member of staff called this ticket by its number.
    ChosenByStaff,
    /// A key account's ticket, offered first to its account manager at this counter.
    AccountManager,
    /// Nobody of the counter's own types waited and it had stood idle: it took the
    /// longest-waiting customer of a type its clerk is trained for.
    Overflow {
        business: BusinessType,
        idle_minutes: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Index into the slice of tickets given.
    pub index: usize,
    pub reason: CallReason,
    pub fairness: Fairness,
}

/// Whether this counter may call the ticket: it was transferred here, or it serves its business.
pub fn can_serve(counter: CounterSkills, ticket: &Ticket) -> bool {
    match ticket.counter {
        Some(target) => target == counter.number,
        None => counter.serves.contains(&ticket.business),
    }
}

fn is_aged(ticket: &Ticket, config: &QueueConfig, now: i64) -> bool {
    ticket.waited_minutes(now) >= config.ageing_minutes as f64
}

/// The priority class: priority tickets and normal tickets that have aged.
fn in_priority_class(ticket: &Ticket, config: &QueueConfig, now: i64) -> bool {
    ticket.priority.is_priority() || is_aged(ticket, config, now)
}

/// The oldest check-in among `indices`; ties go to the earlier ticket.
fn oldest(tickets: &[Ticket], indices: impl Iterator<Item = usize>) -> Option<usize> {
    indices.min_by_key(|&i| (tickets[i].issued_at, tickets[i].id))
}

pub fn select_next(
    tickets: &[Ticket],
    counter: CounterSkills,
    fairness: Fairness,
    config: &QueueConfig,
    now: i64,
) -> Option<Selection> {
    let held_here = |t: &Ticket| t.held_for(now) == Some(counter.number);
    if let Some(index) = oldest(
        tickets,
        (0..tickets.len()).filter(|&i| held_here(&tickets[i])),
    ) {
        return Some(Selection {
            index,
            reason: CallReason::AccountManager,
            fairness,
        });
    }
    // A ticket held for another counter waits for it.
    let free = |t: &Ticket| t.held_for(now).is_none();
    let waiting = || {
        (0..tickets.len()).filter(|&i| {
            tickets[i].is_waiting() && can_serve(counter, &tickets[i]) && free(&tickets[i])
        })
    };
    let transferred = oldest(
        tickets,
        waiting().filter(|&i| tickets[i].counter == Some(counter.number)),
    );
    if let Some(index) = transferred {
        return Some(Selection {
            index,
            reason: CallReason::TransferredHere,
            fairness,
        });
    }
    let priority = oldest(
        tickets,
        waiting().filter(|&i| in_priority_class(&tickets[i], config, now)),
    );
    let normal = oldest(
        tickets,
        waiting().filter(|&i| !in_priority_class(&tickets[i], config, now)),
    );
    let priority_reason = |i: usize, contested: bool| {
        let t = &tickets[i];
        match (t.priority, contested) {
            (Priority::Normal, _) => CallReason::Aged {
                waited_minutes: t.waited_minutes(now) as u32,
            },
            (p, true) => CallReason::PriorityTurn { priority: p },
            (p, false) => CallReason::OnlyPriorityWaiting { priority: p },
        }
    };
    let Some((turn, fairness)) = whose_turn(priority.is_some(), normal.is_some(), fairness, config)
    else {
        return overflow(tickets, counter, config, now).map(|(index, reason)| Selection {
            index,
            reason,
            fairness,
        });
    };
    let (index, reason) = match turn {
        Turn::Priority { contested } => {
            let p = priority.expect("a priority turn has a priority ticket");
            (p, priority_reason(p, contested))
        }
        Turn::Normal { contested } => {
            let n = normal.expect("a normal turn has a normal ticket");
            let reason = if contested {
                CallReason::NormalTurn
            } else {
                CallReason::OnlyNormalWaiting
            };
            (n, reason)
        }
    };
    Some(Selection {
        index,
        reason,
        fairness,
    })
}

/// With none of its own types waiting: the longest-waiting ticket of a type the counter is
/// trained for, once it has stood idle long enough. Tickets sent to a counter stay there.
fn overflow(
    tickets: &[Ticket],
    counter: CounterSkills,
    config: &QueueConfig,
    now: i64,
) -> Option<(usize, CallReason)> {
    if now < counter.overflow_from(config) {
        return None;
    }
    let index = oldest(
        tickets,
        (0..tickets.len()).filter(|&i| {
            let t = &tickets[i];
            t.is_waiting()
                && t.counter.is_none()
                && t.held_for(now).is_none()
                && counter.may_overflow_to(t.business)
        }),
    )?;
    let idle_ms = counter.idle_since.map_or(0, |since| (now - since).max(0));
    let reason = CallReason::Overflow {
        business: tickets[index].business,
        idle_minutes: u32::try_from(idle_ms / 60_000).unwrap_or(u32::MAX),
    };
    Some((index, reason))
}

/// Which class a counter calls from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Turn {
    /// `contested`: tickets of the other class were waiting too.
    Priority {
        contested: bool,
    },
    Normal {
        contested: bool,
    },
}

/// Whose turn it is, given which classes have a ticket for the counter: the priority : normal
/// cycle decides only when both do, and only those contested calls move it.
pub(crate) fn whose_turn(
    has_priority: bool,
    has_normal: bool,
    fairness: Fairness,
    config: &QueueConfig,
) -> Option<(Turn, Fairness)> {
    match (has_priority, has_normal) {
        (false, false) => None,
        (true, false) => Some((Turn::Priority { contested: false }, fairness)),
        (false, true) => Some((Turn::Normal { contested: false }, fairness)),
        (true, true) => {
            let cycle = if fairness.priority_calls >= config.priority_share
                && fairness.normal_calls >= config.normal_share
            {
                Fairness::default()
            } else {
                fairness
            };
            if cycle.priority_calls < config.priority_share {
                let fairness = Fairness {
                    priority_calls: cycle.priority_calls + 1,
                    ..cycle
                };
                Some((Turn::Priority { contested: true }, fairness))
            } else {
                let fairness = Fairness {
                    normal_calls: cycle.normal_calls + 1,
                    ..cycle
                };
                Some((Turn::Normal { contested: true }, fairness))
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;
