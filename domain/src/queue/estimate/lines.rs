//! The waiting tickets arranged the way the selection rules read them: tickets sent to a
//! counter per counter, the rest per business and class, each line in check-in order. The
//! playback takes every next ticket by looking at the front of a few lines instead of scanning
//! the queue, which keeps a check-in cheap with a thousand people waiting. It follows `select::select_next`
//! exactly; a property test holds the two together.

use crate::halls::BusinessType;
use crate::queue::config::QueueConfig;
use crate::queue::select::{whose_turn, CounterSkills, Fairness, Turn};
use crate::queue::ticket::Ticket;
use std::collections::BTreeMap;

const TYPES: usize = BusinessType::ALL.len();

/// A ticket's place in a line: the order `select_next` calls in (check-in time, then id), and
/// its index into the tickets the lines were made from.
pub(super) type Place = (i64, u32, usize);

/// One line in call order. Taken tickets stay in place and are skipped; most are taken from
/// the front, so `front` moves past them once.
#[derive(Default)]
struct Line {
    places: Vec<Place>,
    front: usize,
}

impl Line {
    fn first(&mut self, taken: &[bool]) -> Option<Place> {
        while self.places.get(self.front).is_some_and(|p| taken[p.2]) {
            self.front += 1;
        }
        self.places.get(self.front).copied()
    }

    /// The first ticket not taken that checked in after `time`.
    fn first_after(&self, time: i64, taken: &[bool]) -> Option<Place> {
        let start = self.places.partition_point(|p| p.0 <= time).max(self.front);
        self.places[start..].iter().find(|p| !taken[p.2]).copied()
    }
}

pub(super) struct Lines {
    transferred: BTreeMap<u32, Line>,
    priority: [Line; TYPES],
    normal: [Line; TYPES],
    /// By index into the tickets: already called in the playback.
    taken: Vec<bool>,
}

impl Lines {
    /// Lines of the waiting `tickets`; a returned index points into this slice.
    pub fn new(tickets: &[&Ticket]) -> Lines {
        let mut lines = Lines {
            transferred: BTreeMap::new(),
            priority: Default::default(),
            normal: Default::default(),
            taken: vec![false; tickets.len()],
        };
        for (index, t) in tickets.iter().enumerate() {
            let line = match t.counter {
                Some(counter) => lines.transferred.entry(counter).or_default(),
                None if t.priority.is_priority() => &mut lines.priority[t.business.index()],
                None => &mut lines.normal[t.business.index()],
            };
            line.places.push((t.issued_at, t.id, index));
        }
        let all = lines.transferred.values_mut();
        for line in all.chain(&mut lines.priority).chain(&mut lines.normal) {
            line.places.sort_unstable();
        }
        lines
    }

    /// The ticket `select_next` would give this counter, taken out of its line.
    pub fn take_next(
        &mut self,
        counter: CounterSkills,
        fairness: Fairness,
        config: &QueueConfig,
        now: i64,
    ) -> Option<(usize, Fairness)> {
        let taken = &self.taken;
        if let Some(place) = self
            .transferred
            .get_mut(&counter.number)
            .and_then(|line| line.first(taken))
        {
            self.taken[place.2] = true;
            return Some((place.2, fairness));
        }
        // Normal tickets checked in at or before this time have aged into the priority class.
        let aged_until = now - i64::from(config.ageing_minutes) * 60_000;
        let mut priority: Option<Place> = None;
        let mut normal: Option<Place> = None;
        for business in counter.serves {
            let i = business.index();
            keep_oldest(&mut priority, self.priority[i].first(taken));
            match self.normal[i].first(taken) {
                Some(first) if first.0 <= aged_until => {
                    keep_oldest(&mut priority, Some(first));
                    keep_oldest(&mut normal, self.normal[i].first_after(aged_until, taken));
                }
                first => keep_oldest(&mut normal, first),
            }
        }
        let Some((turn, fairness)) =
            whose_turn(priority.is_some(), normal.is_some(), fairness, config)
        else {
            if now < counter.overflow_from(config) {
                return None;
            }
            let place = self.oldest_overflow(counter)?;
            self.taken[place.2] = true;
            return Some((place.2, fairness));
        };
        let place = match turn {
            Turn::Priority { .. } => priority?,
            Turn::Normal { .. } => normal?,
        };
        self.taken[place.2] = true;
        Some((place.2, fairness))
    }

    /// The longest-waiting ticket this counter may take by overflow, left in its line.
    pub fn oldest_overflow(&mut self, counter: CounterSkills) -> Option<Place> {
        let mut oldest = None;
        for business in BusinessType::ALL {
            if counter.may_overflow_to(business) {
                let i = business.index();
                keep_oldest(&mut oldest, self.priority[i].first(&self.taken));
                keep_oldest(&mut oldest, self.normal[i].first(&self.taken));
            }
        }
        oldest
    }
}

fn keep_oldest(best: &mut Option<Place>, candidate: Option<Place>) {
    if let Some(place) = candidate {
        if best.is_none_or(|b| place < b) {
            *best = Some(place);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::select::select_next;
    use crate::queue::select::tests::ticket;
    use crate::queue::ticket::{Priority, TicketState};
    use proptest::prelude::*;

    const PRIORITIES: [Priority; 4] = [
        Priority::Normal,
        Priority::Normal,
        Priority::GreenChannel,
        Priority::KeyAccount,
    ];

    proptest! {
        /// Call after call, the lines pick the ticket, and move the cycle, exactly as the
        /// selection rules do on the whole queue.
        #[test]
        fn lines_call_in_the_order_select_next_does(
            specs in prop::collection::vec((0usize..5, 0usize..4, 0i64..90, 0u32..8), 0..40),
            skills in prop::collection::btree_set(0usize..5, 1..5),
            trained in prop::collection::btree_set(0usize..5, 0..5),
            idle_since_min in prop::option::of(40i64..200),
            counter in 1u32..3,
            start in (0u32..3, 0u32..3),
            now_min in 60i64..160,
        ) {
            let mut tickets: Vec<Ticket> = specs
                .iter()
                .enumerate()
                .map(|(i, &(b, p, issued, transfer))| {
                    let mut t = ticket(i as u32 + 1, BusinessType::ALL[b], PRIORITIES[p], issued);
                    // One ticket in eight was sent to a named counter.
                    t.counter = (transfer < 2).then_some(transfer + 1);
                    t
                })
                .collect();
            let serves: Vec<BusinessType> = skills.iter().map(|&b| BusinessType::ALL[b]).collect();
            let trained: Vec<BusinessType> = trained.iter().map(|&b| BusinessType::ALL[b]).collect();
            let skills = CounterSkills {
                number: counter,
                serves: &serves,
                trained: &trained,
                idle_since: idle_since_min.map(|m| m * 60_000),
            };
            let config = QueueConfig::default();
            let refs: Vec<&Ticket> = tickets.iter().collect();
            let mut lines = Lines::new(&refs);
            let mut fairness = Fairness { priority_calls: start.0, normal_calls: start.1 };
            // Time moves on between calls, so tickets age during the run.
            for step in 0..=tickets.len() as i64 {
                let now = (now_min + step * 3) * 60_000;
                let expected = select_next(&tickets, skills, fairness, &config, now);
                let got = lines.take_next(skills, fairness, &config, now);
                prop_assert_eq!(expected.as_ref().map(|s| (s.index, s.fairness)), got);
                let Some(s) = expected else { break };
                tickets[s.index].state = TicketState::Called;
                fairness = s.fairness;
            }
        }
    }
}
