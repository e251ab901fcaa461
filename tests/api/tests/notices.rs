use api_tests::Client;
use domain::notices::{Notice, NoticeState};
use serde_json::{json, Value};

fn iso_in_hours(hours: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let at = now + hours * 3600;
    // RFC 3339 in UTC without pulling a date crate into the tests.
    let (days, secs) = (at.div_euclid(86_400), at.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn notice(title: &str, hall: Value, starts_in_hours: i64) -> Value {
    json!({ "hall_id": hall, "title": title, "body": "测试内容", "starts_at": iso_in_hours(starts_in_hours), "ends_at": null })
}

fn public_titles(hall: Option<&str>) -> Vec<String> {
    let path = hall
        .map(|h| format!("/api/notices?hall={h}"))
        .unwrap_or("/api/notices".into());
    let list: Vec<Notice> = Client::anonymous().get(&path).assert_status(200).json();
    list.into_iter().map(|n| n.title).collect()
}

#[test]
fn a_manager_publishes_edits_and_withdraws_a_notice() {
    let manager = Client::demo("manager.xinghu");
    let created: Notice = manager
        .post(
            "/api/staff/notices",
            &notice("API 发布测试", json!("xinghu"), -1),
        )
        .assert_status(201)
        .json();
    assert_eq!(created.state, NoticeState::Published);
    assert!(public_titles(None).contains(&"API 发布测试".to_string()));
    assert!(public_titles(Some("xinghu")).contains(&"API 发布测试".to_string()));
    assert!(
        !public_titles(Some("binjiang")).contains(&"API 发布测试".to_string()),
        "another hall's notice"
    );

    let edited: Notice = manager
        .put(
            &format!("/api/staff/notices/{}", created.id),
            &notice("API 编辑后", json!("xinghu"), -1),
        )
        .assert_status(200)
        .json();
    assert_eq!(edited.title, "API 编辑后");

    let withdrawn: Notice = manager
        .post(
            &format!("/api/staff/notices/{}/withdraw", created.id),
            &json!({}),
        )
        .assert_status(200)
        .json();
    assert_eq!(withdrawn.state, NoticeState::Withdrawn);
    assert!(!public_titles(None).contains(&"API 编辑后".to_string()));
    manager
        .post(
            &format!("/api/staff/notices/{}/withdraw", created.id),
            &json!({}),
        )
        .assert_error(409, "conflict");
    manager
        .put(
            &format!("/api/staff/notices/{}", created.id),
            &notice("复活", json!("xinghu"), -1),
        )
        .assert_error(409, "conflict");
}

#[test]
fn a_scheduled_notice_shows_only_inside_its_window() {
    let manager = Client::demo("manager.binjiang");
    let future: Notice = manager
        .post(
            "/api/staff/notices",
            &notice("明天的公告", json!("binjiang"), 24),
        )
        .assert_status(201)
        .json();
    assert_eq!(future.state, NoticeState::Scheduled);
    assert!(!public_titles(None).contains(&"明天的公告".to_string()));
    let mut expired = notice("已结束的公告", json!("binjiang"), -3);
    expired["ends_at"] = json!(iso_in_hours(-1));
    let expired: Notice = manager
        .post("/api/staff/notices", &expired)
        .assert_status(201)
        .json();
    assert_eq!(expired.state, NoticeState::Expired);
    assert!(!public_titles(None).contains(&"已结束的公告".to_string()));
}

#[test]
fn managers_only_touch_their_own_hall() {
    let manager = Client::demo("manager.gaoxin");
    manager
        .post("/api/staff/notices", &notice("越权", json!("xinghu"), -1))
        .assert_error(403, "forbidden");
    manager
        .post("/api/staff/notices", &notice("全市", Value::Null, -1))
        .assert_error(403, "forbidden");
    let theirs: Notice = Client::demo("manager.xinghu")
        .post("/api/staff/notices", &notice("星湖的", json!("xinghu"), -1))
        .assert_status(201)
        .json();
    manager
        .put(
            &format!("/api/staff/notices/{}", theirs.id),
            &notice("改掉", json!("gaoxin"), -1),
        )
        .assert_error(403, "forbidden");
    manager
        .post(
            &format!("/api/staff/notices/{}/withdraw", theirs.id),
            &json!({}),
        )
        .assert_error(403, "forbidden");
    let admin = Client::demo("admin");
    admin
        .post("/api/staff/notices", &notice("全市公告", Value::Null, -1))
        .assert_status(201);
}

#[test]
fn bad_notice_input_is_refused_and_changes_nothing() {
    let manager = Client::demo("manager.xinghu");
    // Every refused request carries this marker; none may end up stored. Other tests add
    // notices at the same time, so counting would race.
    let marker = format!("REFUSED-{}", api_tests::fresh_mobile());
    let with_marker = |title: &str, hall: Value, starts_in_hours: i64| {
        let mut n = notice(title, hall, starts_in_hours);
        n["body"] = json!(marker);
        n
    };
    let mut bad_window = with_marker("窗口", json!("xinghu"), -1);
    bad_window["ends_at"] = json!(iso_in_hours(-2));
    let cases: Vec<(Value, &str)> = vec![
        (with_marker("", json!("xinghu"), -1), "title"),
        (with_marker(&"长".repeat(101), json!("xinghu"), -1), "title"),
        (
            json!({ "hall_id": "xinghu", "title": marker, "body": " ", "starts_at": iso_in_hours(0) }),
            "body",
        ),
        (bad_window, "ends_at"),
    ];
    for (body, field) in cases {
        let reply = manager.post("/api/staff/notices", &body);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field);
    }
    manager
        .post("/api/staff/notices", &json!({ "title": marker }))
        .assert_error(400, "validation");
    manager
        .post(
            "/api/staff/notices",
            &json!({ "hall_id": 5, "title": marker, "body": "b", "starts_at": "yesterday" }),
        )
        .assert_error(400, "validation");
    manager
        .raw("POST", "/api/staff/notices", format!("[\"{marker}\", 2"))
        .assert_error(400, "invalid_json");
    let huge = json!({ "hall_id": "xinghu", "title": marker, "body": "x".repeat(1024 * 1024 + 10), "starts_at": iso_in_hours(0) });
    manager
        .post("/api/staff/notices", &huge)
        .assert_error(413, "payload_too_large");
    Client::demo("admin")
        .post(
            "/api/staff/notices",
            &with_marker("无此厅", json!("atlantis"), -1),
        )
        .assert_error(404, "not_found");
    manager
        .put(
            "/api/staff/notices/999999",
            &with_marker("无", json!("xinghu"), -1),
        )
        .assert_error(404, "not_found");
    manager
        .put(
            "/api/staff/notices/abc",
            &with_marker("无", json!("xinghu"), -1),
        )
        .assert_error(404, "not_found");
    manager
        .post("/api/staff/notices/999999/withdraw", &json!({}))
        .assert_error(404, "not_found");
    let stored: Vec<Notice> = Client::demo("admin")
        .get("/api/staff/notices")
        .assert_status(200)
        .json();
    assert!(
        !stored
            .iter()
            .any(|n| n.title.contains(&marker) || n.body.contains(&marker)),
        "refused requests change nothing"
    );
}

#[test]
fn the_public_list_checks_its_hall_filter() {
    Client::anonymous()
        .get("/api/notices?hall=atlantis")
        .assert_error(404, "not_found");
    assert!(
        public_titles(None).contains(&"网上营业厅上线".to_string()),
        "demo notice"
    );
}
