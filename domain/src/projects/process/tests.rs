use super::*;
use crate::projects::glance::Glance;
use crate::projects::kinds::ProjectKind;
use crate::ErrorCode;
use proptest::prelude::*;

const KINDS: [FirmKind; 4] = [
    FirmKind::Design,
    FirmKind::Construction,
    FirmKind::Test,
    FirmKind::Supervision,
];

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    day("2026-11-23")
}

fn firm(kind: FirmKind, until: &str, accepted: bool) -> Assignment {
    Assignment {
        kind,
        firm_id: kind as i64 + 1,
        qualification_expires: day(until),
        accepted,
        suspended: false,
    }
}

/// `action` by `party` today with nothing attached.
fn bare(p: &mut Project, action: Action, party: Party) -> ApiResult<Stage> {
    p.act(action, party, Acting::default(), today())
}

/// Everything a gate could ask for: every document, a comment, and qualified firms of each kind.
fn everything() -> Acting {
    Acting {
        documents: DocKind::ALL.to_vec(),
        comment: Some("请按意见修改".into()),
        firms: KINDS
            .iter()
            .map(|k| firm(*k, "2027-12-31", false))
            .collect(),
    }
}

/// A new-connection project at `stage`, as `at_in`.
fn at(stage: Stage) -> Project {
    at_in(ProjectKind::NewConnection, stage)
}

/// A `kind` project at `stage` with every firm chosen, qualified and accepted (and, waiting to
/// be energized, with what its process asks for before power done).
fn at_in(kind: ProjectKind, stage: Stage) -> Project {
    let mut p = Project::new(kind);
    p.stage = stage;
    for k in KINDS {
        p.firms.insert(k, firm(k, "2027-12-31", true));
    }
    if stage == Stage::Energizing {
        for group in kind.process().energize_needs {
            let rule = kind
                .process()
                .transitions
                .iter()
                .find(|t| t.action == group[0])
                .unwrap();
            let action = rule.action;
            p.history.push(Step {
                from: rule.from,
                action,
                to: rule.to,
                by: rule.by,
                on: today(),
                comment: None,
            });
        }
    }
    p
}

/// Every rule of every kind's process.
fn every_rule() -> impl Iterator<Item = (ProjectKind, &'static Transition)> {
    ProjectKind::ALL
        .into_iter()
        .flat_map(|k| k.process().transitions.iter().map(move |t| (k, t)))
}

#[test]
fn every_transition_is_allowed_to_its_party_and_refused_to_the_others() {
    for (kind, rule) in every_rule() {
        for party in Party::ALL {
            let at = |stage| at_in(kind, stage);
            let mut p = at(rule.from);
            let result = p.act(rule.action, party, everything(), today());
            if party == rule.by {
                assert_eq!(
                    result,
                    Ok(rule.to),
                    "{kind:?}: {:?} {:?} by {party:?}",
                    rule.from,
                    rule.action
                );
                assert_eq!(p.history.len(), at(rule.from).history.len() + 1);
            } else {
                let err = result.unwrap_err();
                assert_eq!(
                    err.code,
                    ErrorCode::Forbidden,
                    "{:?} {:?} by {party:?}",
                    rule.from,
                    rule.action
                );
                assert_eq!(p, at(rule.from), "a refusal changes nothing");
            }
        }
    }
}

#[test]
fn actions_outside_the_table_are_conflicts() {
    let mut p = at(Stage::Application);
    let err = p
        .act(Action::Energize, Party::Utility, everything(), today())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let mut done = at(Stage::Energized);
    let err = bare(&mut done, Action::Cancel, Party::Customer).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[test]
fn gates_need_their_documents_and_returns_need_a_reason() {
    let mut p = at(Stage::Design);
    let err = bare(&mut p, Action::SubmitDesign, Party::Design).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("documents"));
    let mut review = at(Stage::DesignReview);
    let no_reason = Acting {
        documents: vec![DocKind::ReviewOpinion],
        ..Acting::default()
    };
    let err = review
        .act(Action::ReturnDesign, Party::Utility, no_reason, today())
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("comment"));
}

#[test]
fn an_expired_firm_can_be_neither_chosen_nor_act() {
    let mut p = at(Stage::DesignFirmChoice);
    let expired = Acting {
        firms: vec![firm(FirmKind::Design, "2026-11-22", false)],
        ..Acting::default()
    };
    let err = p
        .act(Action::ChooseDesignFirm, Party::Customer, expired, today())
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("firms"));
    let mut lapsed = at(Stage::Design);
    lapsed
        .firms
        .insert(FirmKind::Design, firm(FirmKind::Design, "2026-11-22", true));
    let err = lapsed
        .act(Action::SubmitDesign, Party::Design, everything(), today())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
}

#[test]
fn a_firm_acts_only_after_accepting_and_declining_sends_the_choice_back() {
    let mut p = at(Stage::DesignFirmChoice);
    p.firms.clear();
    let choose = |p: &mut Project| {
        p.act(
            Action::ChooseDesignFirm,
            Party::Customer,
            everything(),
            today(),
        )
        .unwrap()
    };
    choose(&mut p);
    let err = p
        .act(Action::SubmitDesign, Party::Design, everything(), today())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden, "not accepted yet");
    assert_eq!(
        bare(&mut p, Action::DeclineAssignment, Party::Design),
        Ok(Stage::DesignFirmChoice)
    );
    choose(&mut p);
    bare(&mut p, Action::AcceptAssignment, Party::Design).unwrap();
    assert_eq!(
        p.act(Action::SubmitDesign, Party::Design, everything(), today()),
        Ok(Stage::DesignReview)
    );
}

/// Walks `path` from a new `kind` project, each step by its rule's party with everything
/// attached.
fn walk(kind: ProjectKind, path: &[Action]) -> Project {
    let mut p = Project::new(kind);
    for action in path {
        let by = match action {
            Action::AcceptAssignment => Party::Design,
            _ => {
                p.process()
                    .transition(p.stage, *action)
                    .unwrap_or_else(|| panic!("{action:?} at {:?}", p.stage))
                    .by
            }
        };
        p.act(*action, by, everything(), today())
            .unwrap_or_else(|e| panic!("{action:?} by {by:?} at {:?}: {e:?}", p.stage));
        if matches!(action, Action::ChooseFirms | Action::ChooseInstaller) {
            for &k in action.chooses() {
                let party = Party::ALL
                    .iter()
                    .find(|p| p.firm_kind() == Some(k))
                    .unwrap();
                p.act(Action::AcceptAssignment, *party, Acting::default(), today())
                    .unwrap();
            }
        }
    }
    p
}

#[test]
fn a_project_goes_from_application_to_energized_with_a_return_at_design_review() {
    use Action::*;
    let p = walk(
        ProjectKind::NewConnection,
        &[
            Accept,
            Survey,
            IssuePlan,
            ChooseDesignFirm,
            AcceptAssignment,
            SubmitDesign,
            ReturnDesign,
            SubmitDesign,
            PassDesign,
            ChooseFirms,
            ReportProgress,
            RequestMidInspection,
            ConfirmForInspection,
            PassMidInspection,
            CompleteConstruction,
            SubmitTestReport,
            PassAcceptance,
            SignContract,
            InstallMeter,
            Energize,
        ],
    );
    assert_eq!(p.stage, Stage::Energized);
    let returned = p.history.iter().find(|s| s.action == ReturnDesign).unwrap();
    assert_eq!(
        returned.comment.as_deref(),
        Some("请按意见修改"),
        "the return is kept"
    );
}

#[test]
fn low_voltage_goes_from_acceptance_to_contract_meter_and_power() {
    use Action::*;
    let p = walk(
        ProjectKind::CapacityIncrease,
        &[AcceptLowVoltage, SignContract, InstallMeter, Energize],
    );
    assert_eq!(p.stage, Stage::Energized);
    assert!(p.low_voltage);
}

#[test]
fn only_the_customer_or_the_utility_cancels() {
    let mut p = at(Stage::Construction);
    let err = bare(&mut p, Action::Cancel, Party::Construction).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert_eq!(
        bare(&mut p, Action::Cancel, Party::Customer),
        Ok(Stage::Cancelled)
    );
}

fn any_action() -> impl Strategy<Value = Action> {
    let all: Vec<Action> = every_rule()
        .map(|(_, t)| t.action)
        .chain([
            Action::Cancel,
            Action::AcceptAssignment,
            Action::DeclineAssignment,
        ])
        .collect();
    proptest::sample::select(all)
}

/// What a random run tries next: mostly a move the table allows now, by its own party (so runs
/// get deep into the process), otherwise any action by anyone.
#[derive(Debug, Clone)]
struct Try {
    follow: bool,
    action: Action,
    party: Party,
    with_documents: bool,
    day_offset: i64,
    pick: usize,
}

fn any_try() -> impl Strategy<Value = Try> {
    (
        proptest::bool::weighted(0.7),
        any_action(),
        proptest::sample::select(Party::ALL.to_vec()),
        proptest::bool::weighted(0.9),
        0i64..400,
        0usize..8,
    )
        .prop_map(
            |(follow, action, party, with_documents, day_offset, pick)| Try {
                follow,
                action,
                party,
                with_documents,
                day_offset,
                pick,
            },
        )
}

/// The move `t` stands for in project `p`.
fn resolve(p: &Project, t: &Try) -> (Action, Party) {
    let open: Vec<&Transition> = p
        .process()
        .transitions
        .iter()
        .filter(|r| r.from == p.stage)
        .collect();
    let unanswered = p.firms.values().find(|a| !a.accepted);
    match (t.follow, unanswered) {
        (true, Some(a)) if t.pick.is_multiple_of(2) => {
            let party = Party::ALL
                .iter()
                .find(|x| x.firm_kind() == Some(a.kind))
                .unwrap();
            (Action::AcceptAssignment, *party)
        }
        (true, _) if !open.is_empty() => {
            let rule = open[t.pick % open.len()];
            (rule.action, rule.by)
        }
        _ => (t.action, t.party),
    }
}

proptest! {
    /// Whatever anyone tries in whatever order: a project is energized only after completion
    /// acceptance (or on the low-voltage path) and a signed contract; a refused action changes
    /// nothing; a taken one adds exactly one step and removes none; no firm whose qualification
    /// has expired ever acts.
    #[test]
    fn invariants_hold_for_any_sequence(
        kind in proptest::sample::select(ProjectKind::ALL.to_vec()),
        tries in proptest::collection::vec(any_try(), 0..120),
    ) {
        let mut p = Project::new(kind);
        for t in tries {
            let (action, party) = resolve(&p, &t);
            let on = day("2026-06-01") + chrono::Duration::days(t.day_offset);
            let mut acting = everything();
            if !t.with_documents {
                acting.documents.clear();
            }
            // Firms chosen in this run are qualified until the end of 2026 only.
            acting.firms = KINDS.iter().map(|k| firm(*k, "2026-12-31", false)).collect();
            let before = p.clone();
            match p.act(action, party, acting, on) {
                Ok(_) => {
                    prop_assert_eq!(p.history.len(), before.history.len() + 1);
                    prop_assert_eq!(&p.history[..before.history.len()], &before.history[..]);
                    if party.firm_kind().is_some() {
                        prop_assert!(on <= day("2026-12-31"), "an expired firm acted");
                    }
                }
                Err(_) => prop_assert_eq!(&p, &before),
            }
            // The board's glance, kept on `on`, gives the same turns any day it holds.
            let opened = day("2026-06-01");
            let kept = Glance::of(&p, false, opened, on);
            let other = on + chrono::Duration::days(40 * i64::try_from(t.pick).unwrap() - 100);
            if kept.holds_on(other) {
                prop_assert_eq!(&Glance::of(&p, false, opened, other).turns, &kept.turns);
            }
            if p.stage == Stage::Energized {
                let done = |a: Action| p.history.iter().any(|s| s.action == a);
                match kind {
                    ProjectKind::RooftopPv => {
                        prop_assert!(done(Action::PassGridAcceptance), "connected before acceptance");
                        prop_assert!(done(Action::SignPurchaseAgreement), "connected unsigned");
                    }
                    ProjectKind::EvCharger => prop_assert!(done(Action::InstallMeter)),
                    _ => {
                        prop_assert!(done(Action::SignContract));
                        prop_assert!(p.low_voltage || done(Action::PassAcceptance));
                    }
                }
            }
        }
    }
}

#[test]
fn energizing_without_a_signed_contract_is_refused() {
    let mut p = at(Stage::Energizing);
    p.history.retain(|s| s.action != Action::SignContract);
    let err = p
        .act(Action::Energize, Party::Utility, everything(), today())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[test]
fn options_are_exactly_the_actions_that_would_succeed() {
    for (kind, rule) in every_rule() {
        let p = at_in(kind, rule.from);
        let offered = p.options(rule.by, today());
        let option = offered.iter().find(|o| o.action == rule.action).unwrap();
        assert_eq!(option.documents, rule.documents);
        assert_eq!(option.comment, rule.action.is_return());
    }
    let mut chosen = at(Stage::DesignFirmChoice);
    chosen.firms.clear();
    let customer: Vec<Action> = chosen
        .options(Party::Customer, today())
        .iter()
        .map(|o| o.action)
        .collect();
    assert_eq!(customer, [Action::ChooseDesignFirm, Action::Cancel]);
    chosen
        .act(
            Action::ChooseDesignFirm,
            Party::Customer,
            everything(),
            today(),
        )
        .unwrap();
    let design: Vec<Action> = chosen
        .options(Party::Design, today())
        .iter()
        .map(|o| o.action)
        .collect();
    assert_eq!(
        design,
        [Action::AcceptAssignment, Action::DeclineAssignment]
    );
    assert!(chosen.options(Party::Test, today()).is_empty());
    assert!(at(Stage::Energized)
        .options(Party::Utility, today())
        .is_empty());
}

#[test]
fn rooftop_pv_goes_from_application_to_connected_with_a_return_at_acceptance() {
    use Action::*;
    let p = walk(
        ProjectKind::RooftopPv,
        &[
            Accept,
            Survey,
            IssueAccessPlan,
            ChooseInstaller,
            CompleteInstallation,
            ReturnGridAcceptance,
            CompleteInstallation,
            PassGridAcceptance,
            SignPurchaseAgreement,
            InstallMeter,
            Energize,
        ],
    );
    assert_eq!(p.stage, Stage::Energized);
    assert_eq!(
        p.firm_ids().len(),
        1,
        "one installer, no design, test or supervision firm"
    );
}

#[test]
fn an_ev_charger_is_surveyed_metered_and_powered() {
    use Action::*;
    let p = walk(
        ProjectKind::EvCharger,
        &[Accept, Survey, InstallMeter, Energize],
    );
    assert_eq!(p.stage, Stage::Energized);
    assert_eq!(
        at_in(ProjectKind::EvCharger, Stage::Application)
            .options(Party::Utility, today())
            .iter()
            .map(|o| o.action)
            .collect::<Vec<_>>(),
        [Accept, Cancel],
        "no low-voltage shortcut: a charger is already on the simplest path"
    );
}

#[test]
fn new_energy_kinds_refuse_the_expansion_steps_and_ask_for_their_own_documents() {
    let mut pv = at_in(ProjectKind::RooftopPv, Stage::Application);
    let err = bare(&mut pv, Action::AcceptLowVoltage, Party::Utility).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let expansion_papers = Acting {
        documents: vec![DocKind::IdentityProof, DocKind::PropertyProof],
        ..Acting::default()
    };
    let err = pv
        .act(Action::Accept, Party::Utility, expansion_papers, today())
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("documents"));
    assert_eq!(pv, at_in(ProjectKind::RooftopPv, Stage::Application));
    assert!(ProjectKind::RooftopPv
        .process()
        .asks_for(DocKind::OpinionLetter));
    assert!(!ProjectKind::EvCharger
        .process()
        .asks_for(DocKind::DesignDrawings));
    assert!(!ProjectKind::NewConnection
        .process()
        .asks_for(DocKind::RoofRights));
    let mut ev = at_in(ProjectKind::EvCharger, Stage::Application);
    let offered = ev.options(Party::Utility, today());
    assert_eq!(
        offered[0].documents,
        [
            DocKind::IdentityProof,
            DocKind::ParkingRights,
            DocKind::PropertyConsent
        ]
    );
    assert!(bare(&mut ev, Action::IssuePlan, Party::Utility).is_err());
}

#[test]
fn a_pv_installer_declining_sends_the_choice_back_and_connecting_needs_the_agreement() {
    let mut p = at_in(ProjectKind::RooftopPv, Stage::InstallerChoice);
    p.firms.clear();
    p.act(
        Action::ChooseInstaller,
        Party::Customer,
        everything(),
        today(),
    )
    .unwrap();
    assert_eq!(
        bare(&mut p, Action::DeclineAssignment, Party::Construction),
        Ok(Stage::InstallerChoice)
    );
    let mut unsigned = at_in(ProjectKind::RooftopPv, Stage::Energizing);
    unsigned
        .history
        .retain(|s| s.action != Action::SignPurchaseAgreement);
    let err = bare(&mut unsigned, Action::Energize, Party::Utility).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    assert!(
        err.message.contains("purchase agreement"),
        "{}",
        err.message
    );
}
