//! Time on a project: whose turn each stage is, which regulated node (or agreed firm task) it
//! runs against, how long it typically takes, and from those the schedule a customer sees
//! (stages done and to come, the current due date, a projected energize date), the days open
//! split between the utility and the customer's side, and every run of a node for reports.

use super::deadlines::{standing, Node, Standing};
use super::kinds::ProjectKind;
use super::process::{Party, Project, Stage, Step};
use crate::calendar::Calendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use Stage as S;

/// The party whose move a stage waits for; none once the project has ended.
pub fn holder(stage: Stage) -> Option<Party> {
    Some(match stage {
        S::DesignFirmChoice
        | S::FirmsChoice
        | S::Contract
        | S::InstallerChoice
        | S::PurchaseAgreement => Party::Customer,
        S::Design => Party::Design,
        S::Construction | S::Finishing | S::Installation => Party::Construction,
        S::SupervisorCheck => Party::Supervision,
        S::ElectricalTest => Party::Test,
        S::Energized | S::Cancelled => return None,
        _ => Party::Utility,
    })
}

/// What a stage's time is measured against: a regulated node (the utility's) or a firm's task
/// with the duration the utility's firm contracts agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Clock {
    Node(Node),
    /// A firm's own stage: design, construction before and after inspection, the supervisor's
    /// check, the electrical test.
    Task(Stage),
}

impl Clock {
    /// The limit in working days.
    pub fn limit(self) -> u32 {
        match self {
            Clock::Node(node) => node.limit(),
            Clock::Task(stage) => match stage {
                S::Design => 20,
                S::Construction => 40,
                S::Finishing => 30,
                S::Installation => 15,
                S::SupervisorCheck => 3,
                _ => 5,
            },
        }
    }

    /// The stages a run of this clock spans: it starts on entering the first of them and stops
    /// on leaving them all (a supply plan counts from acceptance, through the site survey).
    pub fn stages(self) -> &'static [Stage] {
        match self {
            Clock::Node(Node::SupplyPlanSingle | Node::SupplyPlanDual) => {
                &[S::SiteSurvey, S::SupplyPlan]
            }
            Clock::Node(Node::DesignReview) => &[S::DesignReview],
            Clock::Node(Node::MidConstructionInspection) => &[S::MidInspection],
            Clock::Node(Node::CompletionAcceptance) => &[S::CompletionAcceptance],
            Clock::Node(Node::MeterAndEnergize | Node::HomeMeter) => {
                &[S::MeterInstall, S::Energizing]
            }
            Clock::Node(Node::HomeSurvey) => &[S::SiteSurvey],
            Clock::Node(Node::AccessPlan) => &[S::AccessPlan],
            Clock::Node(Node::GridAcceptance) => &[S::GridAcceptance],
            Clock::Task(S::Design) => &[S::Design],
            Clock::Task(S::Construction) => &[S::Construction],
            Clock::Task(S::Finishing) => &[S::Finishing],
            Clock::Task(S::SupervisorCheck) => &[S::SupervisorCheck],
            Clock::Task(S::Installation) => &[S::Installation],
            Clock::Task(_) => &[S::ElectricalTest],
        }
    }

    /// The firm party a task belongs to; none for the utility's nodes.
    pub fn firm(self) -> Option<Party> {
        match self {
            Clock::Node(_) => None,
            Clock::Task(stage) => holder(stage),
        }
    }
}

/// The clock a stage of a `kind` project runs on, if any (choices and the contract are the
/// customer's own time).
pub fn clock(kind: ProjectKind, stage: Stage, dual_source: bool) -> Option<Clock> {
    kind.process().clock(stage, dual_source)
}

/// Typical working days a stage of a `kind` project takes, for projecting the energize date: a
/// home's new-energy connection gets a day at each of the utility's stages.
pub fn typical_days(kind: ProjectKind, stage: Stage) -> u32 {
    if kind.is_residential() && holder(stage) == Some(Party::Utility) {
        return 1;
    }
    match stage {
        S::Application | S::Energizing => 1,
        S::SiteSurvey | S::DesignFirmChoice | S::FirmsChoice | S::Contract | S::MeterInstall => 3,
        S::MidInspection | S::CompletionAcceptance => 3,
        S::GridAcceptance => 1,
        S::AccessPlan | S::PurchaseAgreement => 2,
        S::InstallerChoice => 3,
        S::Installation => 10,
        S::SupplyPlan => 8,
        S::Design => 15,
        S::DesignReview => 5,
        S::Construction => 30,
        S::SupervisorCheck => 2,
        S::Finishing => 20,
        S::ElectricalTest => 4,
        S::Energized | S::Cancelled => 0,
    }
}

/// The stages a `kind` project goes through, in order.
pub fn path(kind: ProjectKind, low_voltage: bool) -> &'static [Stage] {
    kind.process().path(low_voltage)
}

/// The day a project entered its current stage (its opening day if it has not moved).
pub fn stage_since(project: &Project, opened: NaiveDate) -> NaiveDate {
    project.history.last().map(|s| s.on).unwrap_or(opened)
}

/// When the current run of `clock` started: the last step into its stages from outside them;
/// none when it has run since the project opened.
pub fn clock_started(history: &[Step], clock: Clock) -> Option<NaiveDate> {
    history
        .iter()
        .rev()
        .find(|s| clock.stages().contains(&s.to) && !clock.stages().contains(&s.from))
        .map(|s| s.on)
}

fn run_started(history: &[Step], clock: Clock, opened: NaiveDate) -> NaiveDate {
    clock_started(history, clock).unwrap_or(opened)
}

/// The current stage against its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Due {
    pub clock: Clock,
    pub limit: u32,
    pub started: NaiveDate,
    #[serde(flatten)]
    pub standing: Standing,
}

pub fn current_due(
    calendar: &Calendar,
    project: &Project,
    dual_source: bool,
    opened: NaiveDate,
    today: NaiveDate,
) -> Option<Due> {
    let clock = clock(project.kind, project.stage, dual_source)?;
    let started = run_started(&project.history, clock, opened);
    Some(due_of(calendar, clock, started, today))
}

/// Where a stage stands on `today` against its clock, started on `started`.
pub fn due_of(calendar: &Calendar, clock: Clock, started: NaiveDate, today: NaiveDate) -> Due {
    Due {
        clock,
        limit: clock.limit(),
        started,
        standing: standing(calendar, clock.limit(), started, today),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StageState {
    Done,
    Current,
    ToCome,
}

/// One stage of the timeline: when it was entered (or is expected to be), and whose it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TimelineStage {
    pub stage: Stage,
    pub state: StageState,
    pub holder: Option<Party>,
    pub date: NaiveDate,
    /// The stage's limit in working days, when it runs on one.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Schedule {
    pub stages: Vec<TimelineStage>,
    /// When power is expected on, from typical durations; the real day once energized.
    pub energize_on: Option<NaiveDate>,
    /// Working days open so far on the utility's side and on the customer's (with its firms').
    pub utility_days: u32,
    pub customer_days: u32,
}

pub fn schedule(
    calendar: &Calendar,
    project: &Project,
    dual_source: bool,
    opened: NaiveDate,
    today: NaiveDate,
) -> Schedule {
    let stages = path(project.kind, project.low_voltage);
    let position = stages.iter().position(|s| *s == project.stage);
    let entered = |stage: Stage| {
        project
            .history
            .iter()
            .rev()
            .find(|s| s.to == stage)
            .map(|s| s.on)
            .unwrap_or(opened)
    };
    let since = stage_since(project, opened);
    // Where the current stage should end: its typical length from its start, today at the earliest.
    let mut cursor = position.map(|_| {
        calendar
            .add_working_days(since, typical_days(project.kind, project.stage))
            .max(today)
    });
    let timeline = stages
        .iter()
        .enumerate()
        .map(|(i, &stage)| {
            let (state, date) = match position {
                Some(p) if i < p => (StageState::Done, entered(stage)),
                Some(p) if i == p => (StageState::Current, since),
                Some(_) => {
                    let start = cursor.unwrap_or(today);
                    cursor =
                        Some(calendar.add_working_days(start, typical_days(project.kind, stage)));
                    (StageState::ToCome, start)
                }
                // Cancelled: what was reached is done, nothing is to come.
                None => (StageState::Done, entered(stage)),
            };
            TimelineStage {
                stage,
                state,
                holder: holder(stage),
                date,
                limit: clock(project.kind, stage, dual_source).map(Clock::limit),
            }
        })
        .filter(|t| {
            position.is_some()
                || t.stage == S::Application
                || project.history.iter().any(|h| h.to == t.stage)
        })
        .collect::<Vec<_>>();
    let energize_on = match project.stage {
        S::Cancelled => None,
        _ => timeline
            .iter()
            .find(|s| s.stage == S::Energized)
            .map(|s| s.date),
    };
    let (utility_days, customer_days) = days_by_side(calendar, project, opened, today);
    Schedule {
        stages: timeline,
        energize_on,
        utility_days,
        customer_days,
    }
}

/// Every working day a project has been open, credited to the side whose turn it was.
pub fn days_by_side(
    calendar: &Calendar,
    project: &Project,
    opened: NaiveDate,
    today: NaiveDate,
) -> (u32, u32) {
    let mut spans: Vec<(Stage, NaiveDate, NaiveDate)> = Vec::new();
    let mut start = opened;
    for step in &project.history {
        spans.push((step.from, start, step.on));
        start = step.on;
    }
    if !project.stage.is_final() {
        spans.push((project.stage, start, today));
    }
    spans
        .into_iter()
        .fold((0, 0), |(utility, customer), (stage, from, to)| {
            let days = calendar.working_days_between(from, to);
            match holder(stage) {
                Some(Party::Utility) => (utility + days, customer),
                Some(_) => (utility, customer + days),
                None => (utility, customer),
            }
        })
}

/// One finished or running pass through a clock's stages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClockRun {
    pub clock: Clock,
    pub started: NaiveDate,
    pub finished: Option<NaiveDate>,
    pub used: u32,
    pub limit: u32,
}

impl ClockRun {
    pub fn on_time(&self) -> bool {
        self.used <= self.limit
    }
}

/// Every run of every clock in a project's history, in order; the last may still be running
/// (measured up to `today`).
pub fn clock_runs(
    calendar: &Calendar,
    project: &Project,
    dual_source: bool,
    opened: NaiveDate,
    today: NaiveDate,
) -> Vec<ClockRun> {
    let mut runs: Vec<ClockRun> = Vec::new();
    let mut open: Option<(Clock, NaiveDate)> =
        clock(project.kind, S::Application, dual_source).map(|c| (c, opened));
    for step in &project.history {
        let next = clock(project.kind, step.to, dual_source);
        if let Some((c, started)) = open {
            if next != Some(c) {
                runs.push(run(calendar, c, started, Some(step.on)));
                open = None;
            }
        }
        if open.is_none() {
            open = next.map(|c| (c, step.on));
        }
    }
    if let Some((c, started)) = open {
        runs.push(run(calendar, c, started, None).measured_to(calendar, today));
    }
    runs
}

fn run(
    calendar: &Calendar,
    clock: Clock,
    started: NaiveDate,
    finished: Option<NaiveDate>,
) -> ClockRun {
    ClockRun {
        clock,
        started,
        finished,
        used: finished.map_or(0, |f| calendar.working_days_between(started, f)),
        limit: clock.limit(),
    }
}

impl ClockRun {
    fn measured_to(mut self, calendar: &Calendar, today: NaiveDate) -> ClockRun {
        self.used = calendar.working_days_between(self.started, today);
        self
    }
}

#[cfg(test)]
mod tests;
