use api_tests::Client;
use domain::halls::{HallDetail, HallSummary};
use domain::users::Health;

#[test]
fn health_reports_version_and_database() {
    let health: Health = Client::anonymous()
        .get("/api/health")
        .assert_status(200)
        .json();
    assert_eq!(health.database, "ok");
    assert!(!health.version.is_empty());
}

#[test]
fn lists_the_three_demo_halls_with_status() {
    let halls: Vec<HallSummary> = Client::anonymous()
        .get("/api/halls")
        .assert_status(200)
        .json();
    let ids: Vec<&str> = halls.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["xinghu", "binjiang", "gaoxin"]);
    assert!(halls
        .iter()
        .all(|h| !h.name.is_empty() && !h.address.is_empty()));
}

#[test]
fn hall_detail_has_hours_and_counters() {
    let hall: HallDetail = Client::anonymous()
        .get("/api/halls/xinghu")
        .assert_status(200)
        .json();
    assert_eq!(hall.summary.name, "星湖营业厅");
    assert_eq!(hall.counters.len(), 6);
    assert!(hall.counters.iter().all(|c| !c.serves.is_empty()));
    assert!(hall.hours.0[6].is_none(), "closed on Sunday");
}

#[test]
fn unknown_hall_and_unknown_endpoint_are_404() {
    Client::anonymous()
        .get("/api/halls/atlantis")
        .assert_error(404, "not_found");
    Client::anonymous()
        .get("/api/nothing-here")
        .assert_error(404, "not_found");
}

#[test]
fn wrong_method_is_405() {
    Client::anonymous()
        .raw("DELETE", "/api/halls", String::new())
        .assert_error(405, "method_not_allowed");
}

#[test]
fn firm_directory_lists_every_kind() {
    let firms: Vec<domain::firms::Firm> = Client::anonymous()
        .get("/api/firms")
        .assert_status(200)
        .json();
    for kind in domain::firms::FirmKind::ALL {
        assert!(firms.iter().any(|f| f.kind == kind), "{kind:?}");
    }
}
