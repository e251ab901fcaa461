//! What the project board shows of a project besides its row, kept with it on every write
//! (`projects.glance`): a page of fifty reads fifty small records instead of fifty histories
//! (docs/SCALE.md, "project board").

use super::kinds::ProjectKind;
use super::process::{Action, Party, Project, Stage};
use super::schedule::{clock, clock_started, days_by_side, holder};
use super::whole::{ConnectionClass, WholeClock};
use crate::calendar::Calendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glance {
    pub stage: Stage,
    /// The day it entered its stage; none while it has not moved (the day it opened).
    pub stage_since: Option<NaiveDate>,
    /// When the stage's clock started; none when it has none, or it started on opening.
    pub clock_started: Option<NaiveDate>,
    /// The parties with something to do besides cancelling, on the day it was written.
    pub turns: Vec<Party>,
    /// The last day each firm on it is still qualified: a firm's turn may lapse after it.
    pub qualified_until: Option<NaiveDate>,
    pub written_on: NaiveDate,
    /// Working days the utility held the case before this stage (`whole`): the board adds
    /// the days since, while the stage is the utility's.
    pub utility_days: u32,
    /// Accepted on the low-voltage path (its whole-process class).
    pub low_voltage: bool,
}

impl Glance {
    /// The glance of `project`, opened on `opened`, written on `today`; the utility's days are
    /// counted on the national working-day calendar, as every project clock is.
    pub fn of(project: &Project, dual_source: bool, opened: NaiveDate, today: NaiveDate) -> Glance {
        Glance {
            stage: project.stage,
            stage_since: project.history.last().map(|s| s.on),
            clock_started: clock(project.kind, project.stage, dual_source)
                .and_then(|c| clock_started(&project.history, c)),
            turns: Party::ALL
                .into_iter()
                .filter(|&p| {
                    project
                        .options(p, today)
                        .iter()
                        .any(|o| o.action != Action::Cancel)
                })
                .collect(),
            qualified_until: project
                .firms
                .values()
                .map(|a| a.qualification_expires)
                .min(),
            written_on: today,
            utility_days: days_by_side(
                &Calendar::china(),
                project,
                opened,
                project.history.last().map_or(opened, |s| s.on),
            )
            .0,
            low_voltage: project.low_voltage,
        }
    }

    /// Where the project stands against its whole-process limit on `today`.
    pub fn whole(
        &self,
        calendar: &Calendar,
        kind: ProjectKind,
        dual_source: bool,
        opened: NaiveDate,
        today: NaiveDate,
    ) -> Option<WholeClock> {
        let class = ConnectionClass::of(kind, self.low_voltage, dual_source);
        let running = holder(self.stage) == Some(Party::Utility);
        let since = self.stage_since.unwrap_or(opened);
        let now = if running {
            calendar.working_days_between(since, today)
        } else {
            0
        };
        WholeClock::of(class, opened, self.utility_days + now, running)
    }

    /// Whether the turns kept hold on `today`: every firm on it was qualified when they were
    /// written and still is (nothing else in them depends on the day).
    pub fn holds_on(&self, today: NaiveDate) -> bool {
        self.qualified_until
            .is_none_or(|last| today <= last && self.written_on <= last)
    }

    pub fn is_turn_of(&self, party: Party) -> bool {
        self.turns.contains(&party)
    }
}
