use super::*;
use crate::projects::kinds::ProjectKind;
use crate::projects::process::Action;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A project that went through `steps` (action, from, to, by, on).
fn project(stage: Stage, steps: &[(Action, Stage, Stage, Party, &str)]) -> Project {
    let mut p = Project::new(ProjectKind::NewConnection);
    p.stage = stage;
    p.history = steps
        .iter()
        .map(|&(action, from, to, by, on)| Step {
            from,
            action,
            to,
            by,
            on: d(on),
            comment: None,
        })
        .collect();
    p
}

#[test]
fn every_open_stage_has_a_holder_and_choices_are_the_customers() {
    for stage in ProjectKind::ALL.iter().flat_map(|k| k.process().stages()) {
        assert_eq!(
            holder(stage).is_none(),
            stage == Stage::Energized,
            "{stage:?}"
        );
    }
    assert_eq!(holder(Stage::FirmsChoice), Some(Party::Customer));
    assert_eq!(holder(Stage::SupervisorCheck), Some(Party::Supervision));
    assert_eq!(holder(Stage::DesignReview), Some(Party::Utility));
    assert_eq!(holder(Stage::InstallerChoice), Some(Party::Customer));
    assert_eq!(holder(Stage::Installation), Some(Party::Construction));
    assert_eq!(holder(Stage::GridAcceptance), Some(Party::Utility));
}

#[test]
fn every_kind_times_each_utility_stage_and_its_clocks_cover_their_stages() {
    for kind in ProjectKind::ALL {
        let process = kind.process();
        for stage in process.stages() {
            let timed = clock(kind, stage, false);
            if holder(stage) == Some(Party::Utility) && stage != Stage::Application {
                assert!(timed.is_some(), "{kind:?} {stage:?} has no clock");
            }
            if let Some(c) = timed {
                assert!(c.stages().contains(&stage), "{kind:?} {stage:?} {c:?}");
            }
        }
    }
    // A home's utility stages add up to its whole-process limit of five working days.
    let pv: u32 = [
        Stage::SiteSurvey,
        Stage::AccessPlan,
        Stage::GridAcceptance,
        Stage::MeterInstall,
    ]
    .iter()
    .filter_map(|s| clock(ProjectKind::RooftopPv, *s, false))
    .map(Clock::limit)
    .sum();
    assert_eq!(pv, 5);
}

#[test]
fn a_mid_inspection_across_national_day_is_due_on_the_make_up_saturday() {
    let c = Calendar::china();
    let p = project(
        Stage::MidInspection,
        &[(
            Action::ConfirmForInspection,
            Stage::SupervisorCheck,
            Stage::MidInspection,
            Party::Supervision,
            "2026-09-28",
        )],
    );
    let due = current_due(&c, &p, false, d("2026-06-01"), d("2026-10-08")).unwrap();
    assert_eq!(due.clock, Clock::Node(Node::MidConstructionInspection));
    assert_eq!(
        due.standing.due,
        d("2026-10-10"),
        "Oct 1–7 off, Sat 10th worked"
    );
    assert_eq!((due.standing.used, due.standing.left), (3, 2));
}

#[test]
fn the_supply_plan_counts_from_acceptance_through_the_survey() {
    let c = Calendar::china();
    let p = project(
        Stage::SupplyPlan,
        &[
            (
                Action::Accept,
                Stage::Application,
                Stage::SiteSurvey,
                Party::Utility,
                "2026-11-02",
            ),
            (
                Action::Survey,
                Stage::SiteSurvey,
                Stage::SupplyPlan,
                Party::Utility,
                "2026-11-05",
            ),
        ],
    );
    let single = current_due(&c, &p, false, d("2026-11-01"), d("2026-11-23")).unwrap();
    assert_eq!(single.started, d("2026-11-02"));
    assert_eq!(single.standing.due, d("2026-11-23"));
    let dual = current_due(&c, &p, true, d("2026-11-01"), d("2026-11-23")).unwrap();
    assert_eq!(dual.limit, 30);
    assert!(current_due(
        &c,
        &project(Stage::Contract, &[]),
        false,
        d("2026-11-01"),
        d("2026-11-23")
    )
    .is_none());
}

#[test]
fn the_timeline_shows_done_current_and_projected_stages() {
    let c = Calendar::china();
    let p = project(
        Stage::SiteSurvey,
        &[(
            Action::Accept,
            Stage::Application,
            Stage::SiteSurvey,
            Party::Utility,
            "2026-11-18",
        )],
    );
    let s = schedule(&c, &p, false, d("2026-11-16"), d("2026-11-23"));
    assert_eq!(
        s.stages.len(),
        path(ProjectKind::NewConnection, false).len()
    );
    assert_eq!(s.stages[0].state, StageState::Done);
    assert_eq!(s.stages[1].state, StageState::Current);
    assert_eq!(s.stages[1].date, d("2026-11-18"));
    let to_come = &s.stages[2..];
    assert!(to_come.iter().all(|t| t.state == StageState::ToCome));
    assert!(to_come.windows(2).all(|w| w[0].date <= w[1].date));
    let typical: u32 = path(ProjectKind::NewConnection, false)[2..]
        .iter()
        .map(|s| typical_days(ProjectKind::NewConnection, *s))
        .sum();
    let energize = s.energize_on.unwrap();
    assert!(c.working_days_between(d("2026-11-23"), energize) >= typical);
    // Two days on the utility's side before acceptance... and since: all the utility's.
    assert_eq!((s.utility_days, s.customer_days), (5, 0));
}

#[test]
fn days_open_are_split_by_whose_turn_it_was() {
    let c = Calendar::china();
    let p = project(
        Stage::Design,
        &[
            (
                Action::IssuePlan,
                Stage::SupplyPlan,
                Stage::DesignFirmChoice,
                Party::Utility,
                "2026-11-09",
            ),
            (
                Action::ChooseDesignFirm,
                Stage::DesignFirmChoice,
                Stage::Design,
                Party::Customer,
                "2026-11-13",
            ),
        ],
    );
    // Utility 2 Nov → 9 Nov: 5 working days; customer's choice 9 → 13: 4; design firm 13 → 20: 5.
    assert_eq!(
        days_by_side(&c, &p, d("2026-11-02"), d("2026-11-20")),
        (5, 9)
    );
}

#[test]
fn a_return_starts_a_new_run_of_the_review_clock() {
    let c = Calendar::china();
    let p = project(
        Stage::DesignReview,
        &[
            (
                Action::SubmitDesign,
                Stage::Design,
                Stage::DesignReview,
                Party::Design,
                "2026-11-02",
            ),
            (
                Action::ReturnDesign,
                Stage::DesignReview,
                Stage::Design,
                Party::Utility,
                "2026-11-20",
            ),
            (
                Action::SubmitDesign,
                Stage::Design,
                Stage::DesignReview,
                Party::Design,
                "2026-11-23",
            ),
        ],
    );
    let runs = clock_runs(&c, &p, false, d("2026-10-26"), d("2026-11-24"));
    let reviews: Vec<_> = runs
        .iter()
        .filter(|r| r.clock == Clock::Node(Node::DesignReview))
        .collect();
    assert_eq!(reviews.len(), 2);
    assert_eq!((reviews[0].used, reviews[0].on_time()), (14, false));
    assert_eq!((reviews[1].used, reviews[1].finished), (1, None));
    assert_eq!(
        runs[1].clock,
        Clock::Task(Stage::Design),
        "the rework is the design firm's"
    );
    assert_eq!(runs[1].used, 1);
}

#[test]
fn a_cancelled_project_shows_only_what_it_reached() {
    let c = Calendar::china();
    let p = project(
        Stage::Cancelled,
        &[
            (
                Action::Accept,
                Stage::Application,
                Stage::SiteSurvey,
                Party::Utility,
                "2026-11-02",
            ),
            (
                Action::Cancel,
                Stage::SiteSurvey,
                Stage::Cancelled,
                Party::Customer,
                "2026-11-03",
            ),
        ],
    );
    let s = schedule(&c, &p, false, d("2026-11-01"), d("2026-11-23"));
    assert_eq!(s.energize_on, None);
    assert!(s.stages.iter().all(|t| t.state == StageState::Done));
    let reached: Vec<Stage> = s.stages.iter().map(|t| t.stage).collect();
    assert_eq!(reached, [Stage::Application, Stage::SiteSurvey]);
}
