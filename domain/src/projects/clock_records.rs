//! A project's clock runs as kept on write (docs/SCALE.md, "hot figures as aggregates"): the
//! firm directory and the dashboard add up stored verdicts instead of replaying every project's
//! history on the working-day calendar at each request.
//!
//! A finished run's verdict never changes, so the Worker adds it to a total once, when the run
//! finishes. A running run turns late on a known day (`late_from`), so "late by today" is a
//! range over the few runs still open. [`rate_on`] is the sum the Worker's SQL makes; a
//! property test holds it, and the reports made from the stored runs, to the replayed history.

use chrono::NaiveDate;

use super::process::Project;
use super::report::{csv_line, Rate, ReportRun};
use super::schedule::{clock_runs, Clock, ClockRun};
use crate::calendar::Calendar;

/// One run of one clock of a project, in the order of its history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRecord {
    pub seq: u32,
    pub clock: Clock,
    /// The firm whose task the clock times, as the project has it when written.
    pub firm_id: Option<i64>,
    pub started: NaiveDate,
    pub finished: Option<NaiveDate>,
    /// Working days used, once finished.
    pub used: u32,
    pub limit: u32,
    /// The first day on which the run, still running, is past its limit.
    pub late_from: NaiveDate,
}

impl RunRecord {
    pub fn on_time(&self) -> bool {
        self.used <= self.limit
    }

    /// The run as a report shows it on `today`: a running one measured to that day.
    pub fn on(&self, calendar: &Calendar, today: NaiveDate) -> ClockRun {
        ClockRun {
            clock: self.clock,
            started: self.started,
            finished: self.finished,
            used: match self.finished {
                Some(_) => self.used,
                None => calendar.working_days_between(self.started, today),
            },
            limit: self.limit,
        }
    }

    /// The run's line of the durations CSV once it has finished (`report::csv_line`), kept
    /// with the run so the file is the kept lines joined; none while it runs (its days grow).
    pub fn line(&self, number: &str, title: &str, hall_id: &str) -> Option<String> {
        self.finished.map(|_| {
            csv_line(&ReportRun {
                number: number.into(),
                title: title.into(),
                hall_id: hall_id.into(),
                firm: None,
                run: ClockRun {
                    clock: self.clock,
                    started: self.started,
                    finished: self.finished,
                    used: self.used,
                    limit: self.limit,
                },
            })
        })
    }
}

/// Every run of the project's clocks so far; the last may still be running.
pub fn run_records(
    calendar: &Calendar,
    project: &Project,
    dual_source: bool,
    opened: NaiveDate,
) -> Vec<RunRecord> {
    // Measured to the day it opened: a running run's `used` is not kept (it grows daily).
    clock_runs(calendar, project, dual_source, opened, opened)
        .into_iter()
        .zip(0u32..)
        .map(|(run, seq)| RunRecord {
            seq,
            clock: run.clock,
            firm_id: run
                .clock
                .firm()
                .and_then(|party| party.firm_kind())
                .and_then(|kind| project.firms.get(&kind))
                .map(|a| a.firm_id),
            started: run.started,
            finished: run.finished,
            used: if run.finished.is_some() { run.used } else { 0 },
            limit: run.limit,
            late_from: calendar.add_working_days(run.started, run.limit.saturating_add(1)),
        })
        .collect()
}

/// The runs in `now` that had not finished in `before`: each is added to the totals once.
pub fn newly_finished<'a>(before: &[RunRecord], now: &'a [RunRecord]) -> Vec<&'a RunRecord> {
    now.iter()
        .filter(|run| run.finished.is_some())
        .filter(|run| {
            !before
                .iter()
                .any(|b| b.seq == run.seq && b.finished.is_some())
        })
        .collect()
}

/// The rate on `today` of `runs`: the finished ones against their limits, and the running ones
/// already late.
pub fn rate_on<'a>(runs: impl IntoIterator<Item = &'a RunRecord>, today: NaiveDate) -> Rate {
    runs.into_iter().fold(Rate::default(), |rate, run| {
        let (counted, on_time) = match run.finished {
            Some(_) => (1, u32::from(run.on_time())),
            None => (u32::from(run.late_from <= today), 0),
        };
        Rate {
            counted: rate.counted + counted,
            on_time: rate.on_time + on_time,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::firms::{Assignment, FirmKind};
    use crate::projects::kinds::{ProjectKind, EXPANSION};
    use crate::projects::process::Step;
    use crate::projects::report::{csv, on_time, on_time_of, RunTotal};
    use crate::projects::schedule::path;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A project taken `steps` stages along the main path, each step `gaps[i]` days after the last.
    fn walked(steps: usize, gaps: &[u8]) -> (Project, NaiveDate) {
        let opened = day("2026-08-03");
        let mut p = Project::new(ProjectKind::NewConnection);
        let mut on = opened;
        for (pair, gap) in path(ProjectKind::NewConnection, false)
            .windows(2)
            .take(steps)
            .zip(gaps)
        {
            let rule = EXPANSION
                .transitions
                .iter()
                .find(|t| t.from == pair[0] && t.to == pair[1])
                .unwrap();
            on = on + chrono::Days::new(u64::from(*gap));
            p.history.push(Step {
                from: rule.from,
                action: rule.action,
                to: rule.to,
                by: rule.by,
                on,
                comment: None,
            });
            p.stage = rule.to;
        }
        for (kind, id) in [
            (FirmKind::Design, 11),
            (FirmKind::Construction, 12),
            (FirmKind::Supervision, 13),
            (FirmKind::Test, 14),
        ] {
            p.firms.insert(
                kind,
                Assignment {
                    kind,
                    firm_id: id,
                    qualification_expires: day("2030-01-01"),
                    accepted: true,
                    suspended: false,
                },
            );
        }
        (p, opened)
    }

    #[test]
    fn a_running_run_turns_late_the_day_after_its_limit_across_national_day() {
        // Design review entered on 29 September 2026, before the National Day week (1–7
        // October off, Saturday 10 October worked): late on the working day after its limit.
        let c = Calendar::china();
        let (p, opened) = walked(5, &[1, 1, 1, 1, 53]);
        let runs = run_records(&c, &p, false, opened);
        let review = runs.last().unwrap();
        assert_eq!(review.started, day("2026-09-29"));
        assert!(review.finished.is_none());
        assert!(review.late_from > day("2026-10-07"));
        assert!(c.is_working_day(review.late_from));
        assert_eq!(
            c.working_days_between(review.started, review.late_from),
            review.limit + 1
        );
        assert_eq!(
            c.working_days_between(review.started, review.late_from.pred_opt().unwrap()),
            review.limit
        );
        assert_eq!(
            rate_on(&runs[runs.len() - 1..], review.late_from).counted,
            1
        );
        assert_eq!(
            rate_on(
                &runs[runs.len() - 1..],
                review.late_from.pred_opt().unwrap()
            )
            .counted,
            0
        );
    }

    #[test]
    fn a_run_is_added_to_the_totals_once_when_it_finishes() {
        let c = Calendar::china();
        let (before, opened) = walked(3, &[2, 2, 2]);
        let (after, _) = walked(4, &[2, 2, 2, 3]);
        let old = run_records(&c, &before, false, opened);
        let new = run_records(&c, &after, false, opened);
        let added: Vec<u32> = newly_finished(&old, &new).iter().map(|r| r.seq).collect();
        assert_eq!(
            added.len(),
            new.iter().filter(|r| r.finished.is_some()).count()
                - old.iter().filter(|r| r.finished.is_some()).count()
        );
        assert!(newly_finished(&new, &new).is_empty(), "nothing twice");
    }

    proptest! {
        /// Stored runs give the same rates, overall and per firm, and the same report lines
        /// as replaying the history on the calendar, on any day.
        #[test]
        fn stored_runs_rate_as_the_replayed_history(
            steps in 0usize..16,
            gaps in proptest::collection::vec(0u8..70, 16),
            today_offset in 0u64..500,
        ) {
            let c = Calendar::china();
            let (p, opened) = walked(steps, &gaps);
            let today = opened + chrono::Days::new(today_offset);
            let last = p.history.last().map_or(opened, |s| s.on);
            prop_assume!(today >= last);
            let line = |firm: Option<i64>, run: ClockRun| ReportRun {
                number: String::new(),
                title: String::new(),
                hall_id: String::new(),
                firm: firm.map(|id| (id, String::new())),
                run,
            };
            let replayed: Vec<ReportRun> = clock_runs(&c, &p, false, opened, today)
                .into_iter()
                .map(|run| {
                    let kind = run.clock.firm().and_then(|party| party.firm_kind());
                    line(kind.and_then(|k| p.firms.get(&k)).map(|a| a.firm_id), run)
                })
                .collect();
            let records = run_records(&c, &p, false, opened);
            let kept: Vec<ReportRun> = records.iter().map(|r| line(r.firm_id, r.on(&c, today))).collect();
            prop_assert_eq!(on_time(&kept), on_time(&replayed));
            prop_assert_eq!(csv(&kept), csv(&replayed));
            // The report the Worker's SQL adds up: the stored runs grouped by clock and firm.
            let mut grouped: std::collections::BTreeMap<(Clock, Option<i64>), Rate> = Default::default();
            for r in &records {
                let one = rate_on([r], today);
                let total = grouped.entry((r.clock, r.firm_id)).or_default();
                total.counted += one.counted;
                total.on_time += one.on_time;
            }
            let totals = grouped.into_iter().map(|((clock, firm), rate)| RunTotal {
                clock,
                firm: firm.map(|id| (id, String::new())),
                rate,
            });
            prop_assert_eq!(on_time_of(totals), on_time(&replayed));
            for (record, replayed) in records.iter().zip(&replayed) {
                let kept = record.line("", "", "");
                prop_assert_eq!(kept.is_some(), record.finished.is_some());
                if let Some(line) = kept {
                    prop_assert_eq!(line, csv_line(replayed), "a finished run's kept line");
                }
            }
            let report = on_time(&replayed);
            let overall = report.clocks.iter().fold(Rate::default(), |s, x| Rate {
                counted: s.counted + x.rate.counted,
                on_time: s.on_time + x.rate.on_time,
            });
            prop_assert_eq!(rate_on(&records, today), overall);
            for id in 11..=14 {
                let replayed = report.firms.iter().find(|f| f.firm_id == id).map(|f| f.rate);
                let of_firm = records.iter().filter(|r| r.firm_id == Some(id));
                prop_assert_eq!(rate_on(of_firm, today), replayed.unwrap_or_default());
            }
        }
    }
}
