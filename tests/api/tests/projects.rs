//! Connection projects across the six parties: a full walk with an audit entry for every step,
//! who may see a project, uploads refused over the cap or of the wrong kind, refusals that
//! change nothing, reminders and escalation, reports.

use api_tests::projects::{act, apply, assert_sees, detail, upload, PDF};
use api_tests::Client;
use domain::firms::Firm;
use domain::notify::inbox::Inbox;
use domain::projects::bodies::{AuditKind, ProjectDetail, ProjectDocument, ProjectSummary};
use domain::projects::process::{Action, Stage};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The six parties of a gaoxin project; the design firm is 江城电力设计院 (1).
struct Parties {
    customer: Client,
    utility: Client,
    design: Client,
    construction: Client,
    test: Client,
    supervision: Client,
}

impl Parties {
    fn new() -> Parties {
        Parties {
            customer: Client::demo("13800138003"),
            utility: Client::demo("staff.gaoxin.1"),
            design: Client::demo("design.jcdl"),
            construction: Client::demo("build.xinghu"),
            test: Client::demo("test.jcsy"),
            supervision: Client::demo("supervise.zhengheng"),
        }
    }
}

fn steps(d: &ProjectDetail) -> usize {
    d.audit.iter().filter(|e| e.kind == AuditKind::Step).count()
}

#[test]
fn a_project_goes_from_application_to_energized_with_an_audit_entry_for_every_step() {
    use Action::*;
    let p = Parties::new();
    let id = apply(&p.customer, "高新区仓库新装").summary.id;
    let walk: [(&Client, Action, &[i64]); 25] = [
        (&p.utility, Accept, &[]),
        (&p.utility, Survey, &[]),
        (&p.utility, IssuePlan, &[]),
        (&p.customer, ChooseDesignFirm, &[1]),
        (&p.design, AcceptAssignment, &[]),
        (&p.design, SubmitDesign, &[]),
        (&p.utility, ReturnDesign, &[]),
        (&p.design, SubmitDesign, &[]),
        (&p.utility, PassDesign, &[]),
        (&p.customer, ChooseFirms, &[3, 5, 6]),
        (&p.construction, AcceptAssignment, &[]),
        (&p.test, AcceptAssignment, &[]),
        (&p.supervision, AcceptAssignment, &[]),
        (&p.construction, ReportProgress, &[]),
        (&p.construction, RequestMidInspection, &[]),
        (&p.supervision, ConfirmForInspection, &[]),
        (&p.utility, PassMidInspection, &[]),
        (&p.construction, CompleteConstruction, &[]),
        (&p.test, SubmitTestReport, &[]),
        (&p.utility, PassAcceptance, &[]),
        (&p.customer, SignContract, &[]),
        (&p.utility, InstallMeter, &[]),
        (&p.utility, Energize, &[]),
        (&p.customer, Cancel, &[]),
        (&p.utility, Energize, &[]),
    ];
    for (i, (who, action, firms)) in walk.iter().take(23).enumerate() {
        let before = detail(who, id).summary.stage;
        let after = act(who, id, *action, firms);
        assert_eq!(steps(&after), i + 1, "{action:?}: one audit entry per step");
        let last = after
            .audit
            .iter()
            .rev()
            .find(|e| e.kind == AuditKind::Step)
            .unwrap();
        assert_eq!(
            (last.action, last.from, last.to),
            (Some(*action), Some(before), Some(after.summary.stage))
        );
        assert!(!last.actor.is_empty());
    }
    let done = detail(&p.customer, id);
    assert_eq!(done.summary.stage, Stage::Energized);
    let returned = done
        .audit
        .iter()
        .find(|e| e.action == Some(ReturnDesign))
        .unwrap();
    assert!(returned.text.as_deref().unwrap().contains("请修改"));
    assert!(done.documents.iter().all(|d| d.step_event.is_some()));
    // Nothing more: an ended project takes no action.
    for (who, action, _) in &walk[23..] {
        who.post(
            &format!("/api/projects/{id}/actions"),
            &json!({ "action": action }),
        )
        .assert_error(409, "conflict");
    }
    let outbox: Vec<Value> = Client::demo("admin")
        .get("/api/admin/outbox")
        .assert_status(200)
        .json();
    let energized = outbox.iter().any(|m| {
        m["case_id"].as_str() == Some(id.to_string().as_str())
            && m["body"].as_str().unwrap().contains("已送电")
    });
    assert!(
        energized,
        "the customer's SMS for power on is in the outbox"
    );
}

#[test]
fn each_party_sees_only_its_projects() {
    let p = Parties::new();
    let id = apply(&p.customer, "可见性测试").summary.id;
    for action in [Action::Accept, Action::Survey, Action::IssuePlan] {
        act(&p.utility, id, action, &[]);
    }
    act(&p.customer, id, Action::ChooseDesignFirm, &[2]);
    let doc = upload(&p.customer, id, "identity_proof");
    let cases = [
        ("13800138003", true),
        ("13800138002", false),
        ("staff.gaoxin.2", true),
        ("manager.gaoxin", true),
        ("staff.xinghu.1", false),
        ("manager.binjiang", false),
        ("admin", true),
        ("design.hengyuan", true),
        ("design.jcdl", false),
        ("build.xinghu", false),
        ("test.jcsy", false),
        ("supervise.zhengheng", false),
    ];
    for (login, sees) in cases {
        assert_sees(login, id, sees);
        let client = Client::demo(login);
        let (file, _, _) = client.download(&format!("/api/projects/{id}/documents/{}", doc.id));
        if sees {
            assert_eq!(file, 200, "{login} file");
        } else {
            assert_eq!(file, 403, "{login} file");
            client
                .post(
                    &format!("/api/projects/{id}/comments"),
                    &json!({ "text": "x" }),
                )
                .assert_error(403, "forbidden");
        }
    }
    Client::anonymous()
        .get(&format!("/api/projects/{id}"))
        .assert_error(401, "unauthenticated");
}

#[test]
fn uploads_are_checked_hashed_never_deleted_and_refusals_change_nothing() {
    let p = Parties::new();
    let id = apply(&p.customer, "上传测试").summary.id;
    let path = format!("/api/projects/{id}/documents?kind=property_proof");
    let big = vec![b'%'; 20 * 1024 * 1024 + 1];
    p.customer
        .upload(&path, "application/pdf", &big)
        .assert_error(413, "payload_too_large");
    p.customer
        .upload(&path, "application/pdf", b"<html><script>alert(1)</script>")
        .assert_error(400, "validation");
    p.customer
        .upload(
            &format!("/api/projects/{id}/documents?kind=virus"),
            "application/pdf",
            PDF,
        )
        .assert_error(400, "validation");
    assert!(
        detail(&p.customer, id).documents.is_empty(),
        "nothing stored"
    );

    let first = upload(&p.customer, id, "property_proof");
    assert_eq!(first.sha256, format!("{:x}", Sha256::digest(PDF)));
    let (status, content_type, bytes) = p
        .utility
        .download(&format!("/api/projects/{id}/documents/{}", first.id));
    assert_eq!(
        (status, content_type.as_str(), bytes.as_slice()),
        (200, "application/pdf", PDF)
    );
    let newer: ProjectDocument = p
        .customer
        .upload(
            &format!("{path}&replaces={}", first.id),
            "application/pdf",
            b"%PDF-1.7 newer",
        )
        .assert_status(201)
        .json();
    let docs = detail(&p.customer, id).documents;
    assert_eq!(docs.len(), 2, "the old one is kept");
    let old = docs.iter().find(|d| d.id == first.id).unwrap();
    assert_eq!(old.superseded_by, Some(newer.id));

    // Refused actions change nothing: wrong party, missing documents, a superseded document.
    let before = detail(&p.utility, id);
    let post = |who: &Client, body: Value| who.post(&format!("/api/projects/{id}/actions"), &body);
    post(&p.customer, json!({ "action": "accept" })).assert_error(403, "forbidden");
    post(&p.utility, json!({ "action": "accept" })).assert_error(400, "validation");
    post(
        &p.utility,
        json!({ "action": "accept", "documents": [first.id] }),
    )
    .assert_error(400, "validation");
    post(&p.utility, json!({ "action": "energize" })).assert_error(409, "conflict");
    post(&p.utility, json!({ "action": "fly" })).assert_error(400, "validation");
    let after = detail(&p.utility, id);
    assert_eq!(
        (after.summary.stage, after.audit.len()),
        (before.summary.stage, before.audit.len())
    );
}

#[test]
fn an_overdue_limit_reminds_and_escalates_to_the_manager_once() {
    let p = Parties::new();
    let id = apply(&p.customer, "超期提醒测试").summary.id;
    act(&p.utility, id, Action::Accept, &[]);
    let admin = Client::demo("admin").at("2027-03-01T02:00:00Z");
    let manager = Client::demo("manager.gaoxin");
    let escalations = |inbox: &Inbox| {
        inbox
            .items
            .iter()
            .filter(|i| {
                i.link.as_deref() == Some(&format!("/projects/{id}"))
                    && i.title.zh == "报装项目已超期"
            })
            .count()
    };
    admin
        .post("/api/admin/project-reminders", &json!({}))
        .assert_status(200);
    let inbox: Inbox = manager.get("/api/inbox").assert_status(200).json();
    assert_eq!(escalations(&inbox), 1, "escalated to the hall's manager");
    admin
        .post("/api/admin/project-reminders", &json!({}))
        .assert_status(200);
    let inbox: Inbox = manager
        .post("/api/inbox/read", &json!({}))
        .assert_status(200)
        .json();
    assert_eq!(escalations(&inbox), 1, "once per run of the limit");
    assert_eq!(inbox.unread, 0);
}

#[test]
fn reports_cover_the_staffs_area_and_firms_show_their_record() {
    let gaoxin = Client::demo("manager.gaoxin");
    let (status, content_type, bytes) = gaoxin.download("/api/project-reports/durations.csv");
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/csv"));
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.lines().next().unwrap().contains("时限 limit"));
    let listed: Vec<ProjectSummary> = Client::demo("staff.xinghu.1").get("/api/projects").json();
    let xinghu = listed.first().expect("xinghu has demo projects");
    assert!(
        !text.contains(&format!("{},", xinghu.number)),
        "another hall's project"
    );
    let report: Value = gaoxin
        .get("/api/project-reports/on-time")
        .assert_status(200)
        .json();
    assert!(!report["clocks"].as_array().unwrap().is_empty());
    Client::demo("13800138003")
        .get("/api/project-reports/on-time")
        .assert_error(403, "forbidden");
    let firms: Vec<Firm> = Client::anonymous().get("/api/firms").json();
    assert!(
        firms.iter().any(|f| f.record.counted > 0),
        "past projects count"
    );
}

/// The reports read the runs kept on write for a period: the runs that finished in it and,
/// when it reaches today, the ones still going. Two projects of June 2029 (a window no other test
/// uses): one whose supply plan was issued in June, one still waiting for it. June's report shows
/// the first one's finished run only, a period up to "today" (mid-July) the second one's open run
/// (late by then), May's neither.
#[test]
fn reports_count_the_runs_of_the_chosen_period() {
    let at = |login: &str, day: &str| Client::demo(login).at(&format!("{day}T02:00:00Z"));
    let customer = at("13800138003", "2029-06-04");
    let (issued, waiting) = (
        apply(&customer, "报表期间测试厂房").summary,
        apply(&customer, "报表期间测试仓库").summary,
    );
    for id in [issued.id, waiting.id] {
        act(&at("staff.gaoxin.1", "2029-06-06"), id, Action::Accept, &[]);
    }
    act(
        &at("staff.gaoxin.1", "2029-06-08"),
        issued.id,
        Action::Survey,
        &[],
    );
    act(
        &at("staff.gaoxin.1", "2029-06-12"),
        issued.id,
        Action::IssuePlan,
        &[],
    );
    let manager = at("manager.gaoxin", "2029-07-16");
    let lines = |query: &str| -> Vec<String> {
        let (status, _, bytes) =
            manager.download(&format!("/api/project-reports/durations.csv?{query}"));
        assert_eq!(status, 200, "{query}");
        String::from_utf8(bytes)
            .unwrap()
            .lines()
            .filter(|l| {
                [&issued.number, &waiting.number]
                    .iter()
                    .any(|n| l.starts_with(&format!("{n},")))
            })
            .map(str::to_string)
            .collect()
    };
    // The one line of `number` in `found`, ending with `tail`.
    let only_line = |found: &[String], number: &str, tail: &str, why: &str| {
        assert_eq!(found.len(), 1, "{why}: {found:?}");
        assert!(
            found[0].starts_with(&format!("{number},")) && found[0].ends_with(tail),
            "{why}: {found:?}"
        );
    };
    only_line(
        &lines("from=2029-06-01&to=2029-06-30"),
        &issued.number,
        ",2029-06-06,2029-06-12,4,15,是 yes",
        "the supply plan, issued four working days after the application was accepted",
    );
    only_line(
        &lines("from=2029-07-01"),
        &waiting.number,
        ",2029-06-06,,28,15,否 no",
        "still waiting, 28 working days on",
    );
    assert!(lines("from=2029-05-01&to=2029-05-31").is_empty());
    // The rates count the same runs as the CSV (in a past period, all finished).
    let (_, _, bytes) =
        manager.download("/api/project-reports/durations.csv?from=2029-06-01&to=2029-06-30");
    let csv = String::from_utf8(bytes).unwrap();
    let finished: Vec<&str> = csv.lines().skip(1).collect();
    let report: Value = manager
        .get("/api/project-reports/on-time?from=2029-06-01&to=2029-06-30")
        .assert_status(200)
        .json();
    let sum = |field: &str| -> usize {
        report["clocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| usize::try_from(c[field].as_u64().unwrap()).unwrap())
            .sum()
    };
    assert_eq!(sum("counted"), finished.len(), "{report}");
    assert_eq!(
        sum("on_time"),
        finished.iter().filter(|l| l.ends_with(",是 yes")).count()
    );
    // Another hall's staff do not see them.
    let xinghu = at("staff.xinghu.1", "2029-07-16");
    let (_, _, bytes) = xinghu.download("/api/project-reports/durations.csv?from=2029-06-01");
    assert!(!String::from_utf8(bytes).unwrap().contains(&issued.number));
}

#[test]
fn a_report_period_that_is_not_one_is_refused() {
    let manager = Client::demo("manager.gaoxin");
    for path in [
        "/api/project-reports/on-time",
        "/api/project-reports/durations.csv",
    ] {
        manager
            .get(&format!("{path}?from=2026-13-01"))
            .assert_reason(400, "date");
        manager
            .get(&format!("{path}?from=2026-06-02&to=2026-06-01"))
            .assert_reason(400, "date_range");
        manager
            .get(&format!("{path}?from=2024-01-01&to=2026-01-01"))
            .assert_reason(400, "period_too_long");
    }
}
