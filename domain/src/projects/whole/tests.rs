use super::*;
use crate::firms::{Assignment, FirmKind};
use crate::projects::process::{Acting, Action, DocKind, Party, Stage};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// Takes `action` on `on` by its rule's party (or `by`), with every document attached and a
/// qualified installer to choose.
fn step(p: &mut Project, action: Action, by: Option<Party>, on: &str) {
    let by = by.unwrap_or_else(|| p.process().transition(p.stage, action).unwrap().by);
    let acting = Acting {
        documents: DocKind::ALL.to_vec(),
        comment: None,
        firms: vec![Assignment {
            kind: FirmKind::Construction,
            firm_id: 7,
            qualification_expires: d("2030-01-01"),
            accepted: false,
            suspended: false,
        }],
    };
    p.act(action, by, acting, d(on))
        .unwrap_or_else(|e| panic!("{action:?} at {:?}: {e:?}", p.stage));
}

#[test]
fn each_kind_has_its_class() {
    use ConnectionClass::*;
    assert_eq!(
        ConnectionClass::of(ProjectKind::RooftopPv, false, false),
        Residential
    );
    assert_eq!(
        ConnectionClass::of(ProjectKind::EvCharger, false, true),
        Residential
    );
    assert_eq!(
        ConnectionClass::of(ProjectKind::NewConnection, true, false),
        LowVoltage
    );
    assert_eq!(
        ConnectionClass::of(ProjectKind::CapacityIncrease, false, false),
        HighVoltageSingle
    );
    assert_eq!(
        ConnectionClass::of(ProjectKind::NewConnection, false, true),
        HighVoltageDual
    );
    let days: Vec<u32> = [Residential, LowVoltage, HighVoltageSingle, HighVoltageDual]
        .iter()
        .map(|c| limit_on(WHOLE_LIMITS, *c, d("2026-12-01")).unwrap().days)
        .collect();
    assert_eq!(days, [5, 6, 22, 32], "the 2023 commitments");
    assert!(
        limit_on(WHOLE_LIMITS, Residential, d("2022-06-01")).is_none(),
        "not yet published"
    );
}

#[test]
fn a_later_regulation_applies_to_projects_opened_after_it() {
    static LIMITS: &[WholeLimit] = &[
        row(ConnectionClass::LowVoltage, 6),
        WholeLimit {
            class: ConnectionClass::LowVoltage,
            days: 5,
            from: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
            source: "a 2025 guideline",
        },
    ];
    let before = limit_on(LIMITS, ConnectionClass::LowVoltage, d("2025-06-30")).unwrap();
    let after = limit_on(LIMITS, ConnectionClass::LowVoltage, d("2025-07-01")).unwrap();
    assert_eq!((before.days, after.days), (6, 5));
    assert_eq!(after.source, "a 2025 guideline");
}

#[test]
fn the_clock_counts_working_days_across_a_holiday() {
    // An EV charger applied for on Tuesday 29 September 2026, just before National Day (1–7
    // October off, Saturday 10 October worked): all the utility's time, five working days.
    let c = Calendar::china();
    let mut p = Project::new(ProjectKind::EvCharger);
    step(&mut p, Action::Accept, None, "2026-09-30");
    step(&mut p, Action::Survey, None, "2026-10-09");
    let mid = whole_clock(&c, &p, false, d("2026-09-29"), d("2026-10-09")).unwrap();
    assert_eq!((mid.used, mid.left, mid.running), (3, 2, true));
    step(&mut p, Action::InstallMeter, None, "2026-10-10");
    step(&mut p, Action::Energize, None, "2026-10-12");
    let done = whole_clock(&c, &p, false, d("2026-09-29"), d("2026-10-20")).unwrap();
    assert_eq!(p.stage, Stage::Energized);
    assert_eq!((done.used, done.limit, done.left), (5, 5, 0));
    assert!(
        !done.running && !done.is_overdue(),
        "13 calendar days, on time"
    );
    assert_eq!(done.source, COMMITMENTS_2023);
}

#[test]
fn only_the_days_the_utility_holds_the_case_count() {
    // Rooftop PV opened Monday 2 November 2026. The utility takes 1 + 1 + 2 days to the access
    // plan; choosing an installer and installing (customer and firm) take weeks and do not
    // count; the acceptance test, then a day over the limit at the meter.
    let c = Calendar::china();
    let opened = d("2026-11-02");
    let mut p = Project::new(ProjectKind::RooftopPv);
    step(&mut p, Action::Accept, None, "2026-11-03");
    step(&mut p, Action::Survey, None, "2026-11-04");
    step(&mut p, Action::IssueAccessPlan, None, "2026-11-06");
    step(&mut p, Action::ChooseInstaller, None, "2026-11-10");
    step(
        &mut p,
        Action::AcceptAssignment,
        Some(Party::Construction),
        "2026-11-10",
    );
    step(&mut p, Action::CompleteInstallation, None, "2026-11-24");
    let waiting = whole_clock(&c, &p, false, opened, d("2026-11-24")).unwrap();
    assert_eq!((waiting.used, waiting.running), (4, true));
    step(&mut p, Action::PassGridAcceptance, None, "2026-11-25");
    step(&mut p, Action::SignPurchaseAgreement, None, "2026-11-30");
    let late = whole_clock(&c, &p, false, opened, d("2026-12-02")).unwrap();
    assert_eq!((late.used, late.left), (7, -2));
    assert!(late.is_overdue());
    assert_eq!(
        finished_run(&c, &p, false, opened),
        None,
        "not powered on yet"
    );
}
