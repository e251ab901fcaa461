//! The published service commitments as data, and the deadlines they put on an order.
//!
//! Each topic promises one or more milestones within a limit, in minutes or in working days
//! on the national calendar: a complainant is contacted within 24 hours and given the result
//! within 5 working days; a repair crew arrives within 45 minutes in town, 90 in the
//! countryside and 2 hours in remote areas, and the power is back within 3 hours (town) or 4
//! hours (elsewhere) after the crew arrived. The admin edits the terms; an order keeps the
//! deadlines it was given. An overdue deadline is escalated once.

use super::{DueState, Milestone, Topic};
use crate::calendar::Calendar;
use crate::error::{ApiError, ApiResult};
use crate::hours::{china_tz, to_local};
use crate::Reason;
use chrono::{DateTime, Duration, NaiveTime};
use serde::{Deserialize, Serialize};

/// How long a milestone may take: wall-clock minutes, or whole working days (the milestone is
/// due by the end of the n-th working day after the day the clock started).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    Minutes(u32),
    WorkingDays(u32),
}

/// Minutes run from 5 minutes to 30 days; working days from 1 to 30.
pub const LIMIT_MINUTES: std::ops::RangeInclusive<u32> = 5..=30 * 24 * 60;
pub const LIMIT_WORKING_DAYS: std::ops::RangeInclusive<u32> = 1..=30;

impl Limit {
    pub fn checked(self) -> ApiResult<Limit> {
        let fits = match self {
            Limit::Minutes(m) => LIMIT_MINUTES.contains(&m),
            Limit::WorkingDays(d) => LIMIT_WORKING_DAYS.contains(&d),
        };
        if fits {
            Ok(self)
        } else {
            Err(ApiError::invalid(
                "limit",
                Reason::CommitmentMinutes,
                "a limit is 5 minutes to 30 days, or 1 to 30 working days",
            ))
        }
    }

    /// When a milestone whose clock started at `start` (ms) is due.
    pub fn due_at(self, start: i64, calendar: &Calendar) -> i64 {
        match self {
            Limit::Minutes(m) => start + i64::from(m) * 60_000,
            Limit::WorkingDays(n) => {
                let started = DateTime::from_timestamp_millis(start).unwrap_or_default();
                let day = calendar.add_working_days(to_local(started).date_naive(), n);
                let end = day.and_time(NaiveTime::MIN) + Duration::days(1);
                end.and_local_timezone(china_tz())
                    .single()
                    .map_or(start, |t| t.timestamp_millis() - 1)
            }
        }
    }
}

/// One published commitment: `topic` reaches `milestone` within `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Term {
    pub topic: Topic,
    pub milestone: Milestone,
    pub limit: Limit,
}

impl Term {
    /// A term the admin may set: one of the published pairs, with a limit in range.
    pub fn checked(self) -> ApiResult<Term> {
        if !Term::PUBLISHED
            .iter()
            .any(|p| p.topic == self.topic && p.milestone == self.milestone)
        {
            return Err(ApiError::validation(
                "milestone",
                "that topic makes no promise of that milestone",
            ));
        }
        Ok(Term {
            limit: self.limit.checked()?,
            ..self
        })
    }

    const fn new(topic: Topic, milestone: Milestone, limit: Limit) -> Term {
        Term {
            topic,
            milestone,
            limit,
        }
    }

    /// The commitments as published, until the admin changes them.
    pub const PUBLISHED: [Term; 11] = [
        Term::new(Topic::RepairUrban, Milestone::Arrival, Limit::Minutes(45)),
        Term::new(Topic::RepairUrban, Milestone::Restore, Limit::Minutes(180)),
        Term::new(Topic::RepairRural, Milestone::Arrival, Limit::Minutes(90)),
        Term::new(Topic::RepairRural, Milestone::Restore, Limit::Minutes(240)),
        Term::new(Topic::RepairRemote, Milestone::Arrival, Limit::Minutes(120)),
        Term::new(Topic::RepairRemote, Milestone::Restore, Limit::Minutes(240)),
        Term::new(Topic::MeterFault, Milestone::Reply, Limit::Minutes(8 * 60)),
        Term::new(
            Topic::Complaint,
            Milestone::Contact,
            Limit::Minutes(24 * 60),
        ),
        Term::new(Topic::Complaint, Milestone::Result, Limit::WorkingDays(5)),
        Term::new(
            Topic::Suggestion,
            Milestone::Reply,
            Limit::Minutes(3 * 24 * 60),
        ),
        Term::new(
            Topic::Consultation,
            Milestone::Reply,
            Limit::Minutes(24 * 60),
        ),
    ];
}

/// A milestone an order must reach by `due_at`; `met_at` once it did. `round` counts the
/// times the milestone is owed: a reopened complaint owes its result again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deadline {
    pub milestone: Milestone,
    pub round: u32,
    pub started_at: i64,
    pub due_at: i64,
    #[serde(default)]
    pub met_at: Option<i64>,
    /// When the overdue deadline was reported to the department head and hall manager.
    #[serde(default)]
    pub escalated_at: Option<i64>,
}

impl Deadline {
    pub fn start(term: &Term, round: u32, started_at: i64, calendar: &Calendar) -> Deadline {
        Deadline {
            milestone: term.milestone,
            round,
            started_at,
            due_at: term.limit.due_at(started_at, calendar),
            met_at: None,
            escalated_at: None,
        }
    }

    /// Where the deadline stands at `now`; `closed` orders (cancelled) owe nothing more.
    pub fn state(&self, closed: bool, now: i64) -> DueState {
        let span = (self.due_at - self.started_at).max(1);
        match self.met_at {
            Some(at) if at <= self.due_at => DueState::Met,
            Some(_) => DueState::Missed,
            None if closed => DueState::None,
            None if now > self.due_at => DueState::Overdue,
            None if (self.due_at - now) * 4 <= span => DueState::DueSoon,
            None => DueState::OnTime,
        }
    }

    /// Overdue, unmet and not yet reported: to escalate now (once; the caller records it).
    pub fn needs_escalation(&self, closed: bool, now: i64) -> bool {
        self.escalated_at.is_none() && self.state(closed, now) == DueState::Overdue
    }
}

/// The deadlines that start at `at` for `topic`: when it is filed (`after` = None) or when
/// `after` is reached (a repair's restoration runs from the crew's arrival).
pub fn deadlines_from(
    terms: &[Term],
    topic: Topic,
    after: Option<Milestone>,
    at: i64,
    calendar: &Calendar,
) -> Vec<Deadline> {
    terms
        .iter()
        .filter(|t| t.topic == topic && t.milestone.starts_after() == after)
        .map(|t| Deadline::start(t, 1, at, calendar))
        .collect()
}

/// The deadline owed again when an unsatisfied callback reopens an order at `at`: the reply's
/// milestone, in the next round.
pub fn reopened(
    terms: &[Term],
    topic: Topic,
    round: u32,
    at: i64,
    calendar: &Calendar,
) -> Option<Deadline> {
    terms
        .iter()
        .find(|t| t.topic == topic && t.milestone == topic.answer())
        .map(|t| Deadline::start(t, round, at, calendar))
}

/// The terms as stored, with the published one for any pair the store lacks, in the
/// published order.
pub fn complete(stored: &[Term]) -> Vec<Term> {
    Term::PUBLISHED
        .iter()
        .map(|p| {
            *stored
                .iter()
                .find(|s| s.topic == p.topic && s.milestone == p.milestone)
                .unwrap_or(p)
        })
        .collect()
}

/// The deadline that decides an order's place on the board: the first unmet one, else the
/// last met one.
pub fn leading(deadlines: &[Deadline]) -> Option<&Deadline> {
    deadlines
        .iter()
        .filter(|d| d.met_at.is_none())
        .min_by_key(|d| d.due_at)
        .or_else(|| deadlines.iter().max_by_key(|d| d.due_at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn local_ms(y: i32, m: u32, d: u32, h: u32, min: u32) -> i64 {
        china_tz()
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .timestamp_millis()
    }

    fn local_date(ms: i64) -> NaiveDate {
        to_local(DateTime::from_timestamp_millis(ms).unwrap()).date_naive()
    }

    #[test]
    fn a_complaint_result_is_due_five_working_days_later_skipping_the_national_day() {
        let calendar = Calendar::china();
        // Filed on Monday 28 September 2026 at 16:00; 1–7 October are the National Day
        // holiday, 10 October (Saturday) is a make-up working day.
        let filed = local_ms(2026, 9, 28, 16, 0);
        let deadlines = deadlines_from(&Term::PUBLISHED, Topic::Complaint, None, filed, &calendar);
        let contact = deadlines
            .iter()
            .find(|d| d.milestone == Milestone::Contact)
            .unwrap();
        assert_eq!(contact.due_at, filed + 24 * 3_600_000);
        let result = deadlines
            .iter()
            .find(|d| d.milestone == Milestone::Result)
            .unwrap();
        let expected = calendar.add_working_days(NaiveDate::from_ymd_opt(2026, 9, 28).unwrap(), 5);
        assert_eq!(local_date(result.due_at), expected);
        assert!(
            expected > NaiveDate::from_ymd_opt(2026, 10, 7).unwrap(),
            "{expected}"
        );
        // Due by the end of that day, local time.
        assert_eq!(local_date(result.due_at + 1), expected.succ_opt().unwrap());
    }

    #[test]
    fn due_soon_in_the_last_quarter_then_overdue_then_met_or_missed() {
        let d = Deadline {
            milestone: Milestone::Contact,
            round: 1,
            started_at: 0,
            due_at: 100,
            met_at: None,
            escalated_at: None,
        };
        assert_eq!(d.state(false, 74), DueState::OnTime);
        assert_eq!(d.state(false, 75), DueState::DueSoon);
        assert_eq!(d.state(false, 101), DueState::Overdue);
        assert_eq!(d.state(true, 101), DueState::None);
        let met = Deadline {
            met_at: Some(100),
            ..d
        };
        assert_eq!(met.state(false, 500), DueState::Met);
        let late = Deadline {
            met_at: Some(101),
            ..d
        };
        assert_eq!(late.state(false, 500), DueState::Missed);
    }

    #[test]
    fn an_overdue_deadline_is_escalated_once() {
        let mut d = Deadline {
            milestone: Milestone::Result,
            round: 1,
            started_at: 0,
            due_at: 100,
            met_at: None,
            escalated_at: None,
        };
        assert!(!d.needs_escalation(false, 100), "not yet overdue");
        assert!(d.needs_escalation(false, 101));
        d.escalated_at = Some(101);
        assert!(!d.needs_escalation(false, 5_000), "reported already");
        let met = Deadline {
            met_at: Some(90),
            escalated_at: None,
            ..d
        };
        assert!(!met.needs_escalation(false, 5_000), "met in time");
        assert!(
            !Deadline {
                escalated_at: None,
                ..d
            }
            .needs_escalation(true, 5_000),
            "cancelled"
        );
    }

    #[test]
    fn a_repair_restoration_clock_starts_at_the_crew_arrival() {
        let calendar = Calendar::china();
        let filed = deadlines_from(&Term::PUBLISHED, Topic::RepairRural, None, 0, &calendar);
        assert_eq!(filed.len(), 1);
        assert_eq!(
            (filed[0].milestone, filed[0].due_at),
            (Milestone::Arrival, 90 * 60_000)
        );
        let arrived = 70 * 60_000;
        let restore = deadlines_from(
            &Term::PUBLISHED,
            Topic::RepairRural,
            Some(Milestone::Arrival),
            arrived,
            &calendar,
        );
        assert_eq!(restore.len(), 1);
        assert_eq!(restore[0].due_at, arrived + 240 * 60_000);
    }

    #[test]
    fn a_reopened_complaint_owes_its_result_again_in_a_new_round() {
        let calendar = Calendar::china();
        let again = reopened(&Term::PUBLISHED, Topic::Complaint, 2, 0, &calendar).unwrap();
        assert_eq!((again.milestone, again.round), (Milestone::Result, 2));
        assert!(again.due_at > 5 * 86_400_000, "five working days or more");
    }

    #[test]
    fn stored_terms_override_the_published_ones_pair_by_pair() {
        let faster = Term::new(Topic::RepairUrban, Milestone::Arrival, Limit::Minutes(30));
        let all = complete(&[faster]);
        assert_eq!(all.len(), Term::PUBLISHED.len());
        assert_eq!(all[0], faster);
        assert_eq!(all[1], Term::PUBLISHED[1]);
        let unknown = Term::new(Topic::Suggestion, Milestone::Arrival, Limit::Minutes(30));
        assert_eq!(
            unknown.checked().unwrap_err().field.as_deref(),
            Some("milestone")
        );
    }

    #[test]
    fn limits_outside_their_ranges_are_refused() {
        assert!(Limit::Minutes(4).checked().is_err());
        assert!(Limit::WorkingDays(0).checked().is_err());
        assert!(Limit::WorkingDays(31).checked().is_err());
        assert_eq!(Limit::WorkingDays(5).checked(), Ok(Limit::WorkingDays(5)));
    }
}
