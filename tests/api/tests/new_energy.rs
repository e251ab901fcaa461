//! Rooftop PV and home EV charger projects: walked to power on by their own steps, seen only by
//! their parties, refused the expansion steps and oversized applications, and held to the
//! residential whole-process limit.

use api_tests::projects::{act, assert_sees, detail};
use api_tests::Client;
use domain::billing::bills::Usage;
use domain::projects::bodies::{ProjectDetail, ProjectKind, ProjectSummary};
use domain::projects::process::{Action, Stage};
use domain::projects::report::OnTimeReport;
use domain::projects::whole::ConnectionClass;
use serde_json::json;

/// `customer` applies from the page of its bound `account`.
fn apply(customer: &Client, account: &str, hall: &str, kind: &str, kva: u32) -> ProjectDetail {
    customer
        .post(
            "/api/projects",
            &json!({ "title": "家庭新能源", "address": "江城市星湖区桂花巷 7 号", "hall_id": hall,
                     "kind": kind, "capacity_kva": kva, "account": account }),
        )
        .assert_status(201)
        .json()
}

#[test]
fn rooftop_pv_goes_to_connected_with_its_own_steps_and_only_its_parties_see_it() {
    use Action::*;
    let customer = Client::demo("13800138001");
    let utility = Client::demo("staff.xinghu.2");
    let installer = Client::demo("build.xinghu");
    let created = apply(&customer, "3301000001", "xinghu", "rooftop_pv", 8);
    let id = created.summary.id;
    assert_eq!(created.summary.kind, ProjectKind::RooftopPv);
    assert_eq!(created.summary.account.as_deref(), Some("3301000001"));
    assert_eq!(created.summary.expected_annual_kwh, Some(8_800));
    let whole = created.summary.whole.clone().unwrap();
    assert_eq!(
        (whole.class, whole.limit),
        (ConnectionClass::Residential, 5)
    );
    assert!(whole.source.contains("十项承诺"), "{}", whole.source);
    // The expansion's shortcut is not a step of this process; a firm cannot act for the utility.
    customer
        .post(
            &format!("/api/projects/{id}/actions"),
            &json!({ "action": "accept_low_voltage" }),
        )
        .assert_error(409, "conflict");
    // A document the process never asks for is refused.
    customer
        .upload(
            &format!("/api/projects/{id}/documents?kind=design_drawings"),
            "application/pdf",
            api_tests::projects::PDF,
        )
        .assert_error(400, "validation");
    for action in [Accept, Survey, IssueAccessPlan] {
        act(&utility, id, action, &[]);
    }
    act(&customer, id, ChooseInstaller, &[3]);
    act(&installer, id, AcceptAssignment, &[]);
    let cases = [
        ("13800138001", true),
        ("13800138003", false),
        ("staff.xinghu.1", true),
        ("staff.gaoxin.1", false),
        ("admin", true),
        ("build.xinghu", true),
        ("design.jcdl", false),
        ("test.jcsy", false),
        ("supervise.zhengheng", false),
    ];
    for (login, sees) in cases {
        assert_sees(login, id, sees);
    }
    installer
        .post(
            &format!("/api/projects/{id}/actions"),
            &json!({ "action": "pass_grid_acceptance" }),
        )
        .assert_error(409, "conflict");
    act(&installer, id, CompleteInstallation, &[]);
    let before = detail(&customer, id);
    installer
        .post(
            &format!("/api/projects/{id}/actions"),
            &json!({ "action": "pass_grid_acceptance" }),
        )
        .assert_error(403, "forbidden");
    assert_eq!(
        detail(&customer, id).audit.len(),
        before.audit.len(),
        "a refusal changes nothing"
    );
    for (who, action) in [
        (&utility, ReturnGridAcceptance),
        (&installer, CompleteInstallation),
        (&utility, PassGridAcceptance),
        (&customer, SignPurchaseAgreement),
        (&utility, InstallMeter),
        (&utility, Energize),
    ] {
        act(who, id, action, &[]);
    }
    let done = detail(&customer, id);
    assert_eq!(done.summary.stage, Stage::Energized);
    let whole = done.summary.whole.unwrap();
    assert!(!whole.running, "the clock stops at power on");
    let outbox: Vec<serde_json::Value> = Client::demo("admin")
        .get("/api/admin/outbox")
        .assert_status(200)
        .json();
    assert!(
        outbox
            .iter()
            .any(|m| m["case_id"].as_str() == Some(id.to_string().as_str())
                && m["body"].as_str().is_some_and(|b| b.contains("已送电"))),
        "the customer's SMS for power on is in the outbox"
    );
    let report: OnTimeReport = Client::demo("manager.xinghu")
        .get("/api/project-reports/on-time")
        .assert_status(200)
        .json();
    let homes = report
        .whole
        .iter()
        .find(|w| w.class == ConnectionClass::Residential)
        .expect("the homes powered on in the last 30 days are in the report");
    assert!(
        homes.rate.counted >= 1 && homes.rate.on_time >= 1,
        "{homes:?}"
    );
    assert!(done
        .documents
        .iter()
        .any(|d| d.kind == domain::projects::process::DocKind::OpinionLetter));
}

#[test]
fn an_ev_charger_is_surveyed_metered_and_powered_and_oversized_homes_are_refused() {
    use Action::*;
    let customer = Client::demo("13800138002");
    let utility = Client::demo("staff.binjiang.2");
    let id = apply(&customer, "3301000003", "binjiang", "ev_charger", 7)
        .summary
        .id;
    let accept = detail(&utility, id);
    let option = accept.actions.iter().find(|o| o.action == Accept).unwrap();
    assert_eq!(
        option
            .documents
            .iter()
            .map(domain::wire::wire_name)
            .collect::<Vec<_>>(),
        ["identity_proof", "parking_rights", "property_consent"]
    );
    for action in [Accept, Survey, InstallMeter, Energize] {
        act(&utility, id, action, &[]);
    }
    assert_eq!(detail(&customer, id).summary.stage, Stage::Energized);
    // Too big, two sources, no account, and an account bound by someone else.
    for (kind, kva, dual, account, field) in [
        ("ev_charger", 60, false, Some("3301000003"), "capacity_kva"),
        ("rooftop_pv", 8, true, Some("3301000003"), "dual_source"),
        ("rooftop_pv", 8, false, None, "account"),
        ("rooftop_pv", 8, false, Some("3301000001"), "account"),
    ] {
        let refused = customer.post(
            "/api/projects",
            &json!({ "title": "x", "address": "江南大道 300 弄", "hall_id": "binjiang",
                     "kind": kind, "capacity_kva": kva, "dual_source": dual, "account": account }),
        );
        refused.assert_error(400, "validation");
        assert_eq!(refused.body["error"]["field"], field);
    }
}

#[test]
fn demo_homes_include_one_over_its_whole_process_limit() {
    let pv: Vec<ProjectSummary> = ["xinghu", "binjiang", "gaoxin"]
        .iter()
        .flat_map(|hall| {
            Client::demo(&format!("manager.{hall}"))
                .get("/api/projects")
                .assert_status(200)
                .json::<Vec<ProjectSummary>>()
        })
        .filter(|s| s.kind == ProjectKind::RooftopPv && s.title.contains('（'))
        .collect();
    assert!(pv.len() >= 10, "a rooftop PV at every stage: {}", pv.len());
    assert!(
        pv.iter()
            .any(|s| s.whole.as_ref().is_some_and(|w| w.is_overdue())),
        "one over its whole-process limit"
    );
}

#[test]
fn a_connected_rooftop_feeds_in_beside_its_accounts_use() {
    let usage: Usage = Client::demo("13800138003")
        .get("/api/utility-accounts/3302000004/usage")
        .assert_status(200)
        .json();
    let fed: Vec<u32> = usage.months.iter().map(|m| m.feed_in_kwh).collect();
    assert!(
        fed.iter().rev().take(7).all(|&k| k > 0),
        "the months since it was connected: {fed:?}"
    );
    assert!(
        fed.iter().take(12).all(|&k| k == 0),
        "nothing before: {fed:?}"
    );
    let plain: Usage = Client::demo("13800138002")
        .get("/api/utility-accounts/3301000003/usage")
        .assert_status(200)
        .json();
    assert!(plain.months.iter().all(|m| m.feed_in_kwh == 0));
}
