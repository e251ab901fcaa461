use api_tests::{fresh_mobile, Client};
use domain::users::{SessionInfo, User};
use domain::Role;
use serde_json::json;

fn unique_login(prefix: &str) -> String {
    format!("{prefix}.{}", &fresh_mobile()[3..])
}

#[test]
fn an_admin_creates_a_staff_account_that_can_log_in() {
    let admin = Client::demo("admin");
    let login = unique_login("staff");
    let body = json!({ "login": login, "name": "新同事", "password": "Counter2026", "role": "hall_staff", "hall_id": "binjiang" });
    let user: User = admin
        .post("/api/admin/users", &body)
        .assert_status(201)
        .json();
    assert_eq!(
        (user.role, user.hall_id.as_deref()),
        (Role::HallStaff, Some("binjiang"))
    );
    let me: SessionInfo = Client::signed_in(&login, "Counter2026")
        .get("/api/auth/me")
        .json();
    assert_eq!(me.user.map(|u| u.id), Some(user.id));
    let all: Vec<User> = admin.get("/api/admin/users").assert_status(200).json();
    assert!(all.iter().any(|u| u.login == login));
    admin
        .post("/api/admin/users", &body)
        .assert_error(409, "conflict");
}

#[test]
fn an_admin_creates_a_firm_user_for_a_firm_of_the_same_kind() {
    let admin = Client::demo("admin");
    let ok = json!({ "login": unique_login("design"), "name": "设计师", "password": "Drawing2026", "role": "design", "firm_id": 1 });
    admin.post("/api/admin/users", &ok).assert_status(201);
    let wrong_kind = json!({ "login": unique_login("design"), "name": "设计师", "password": "Drawing2026", "role": "design", "firm_id": 3 });
    let reply = admin.post("/api/admin/users", &wrong_kind);
    reply.assert_error(400, "validation");
    assert_eq!(reply.body["error"]["field"], "firm_id");
}

#[test]
fn account_creation_checks_its_fields() {
    let admin = Client::demo("admin");
    let base = |role: &str| json!({ "login": unique_login("x"), "name": "某人", "password": "Secret2026", "role": role });
    let cases = [
        (base("hall_staff"), 400, "hall_id"),
        (base("construction"), 400, "firm_id"),
        (base("customer"), 400, "role"),
        (
            {
                let mut b = base("admin");
                b["hall_id"] = json!("xinghu");
                b
            },
            400,
            "role",
        ),
        (
            {
                let mut b = base("admin");
                b["login"] = json!("a b");
                b
            },
            400,
            "login",
        ),
        (
            {
                let mut b = base("admin");
                b["password"] = json!("123");
                b
            },
            400,
            "password",
        ),
        (
            {
                let mut b = base("admin");
                b["phone"] = json!("999");
                b
            },
            400,
            "phone",
        ),
    ];
    for (body, status, field) in cases {
        let reply = admin.post("/api/admin/users", &body);
        reply.assert_error(status, "validation");
        assert_eq!(reply.body["error"]["field"], field, "{body}");
    }
    let mut unknown_hall = base("hall_manager");
    unknown_hall["hall_id"] = json!("atlantis");
    admin
        .post("/api/admin/users", &unknown_hall)
        .assert_error(404, "not_found");
    let mut unknown_firm = base("test");
    unknown_firm["firm_id"] = json!(999);
    admin
        .post("/api/admin/users", &unknown_firm)
        .assert_error(404, "not_found");
    admin
        .post("/api/admin/users", &json!({ "login": "x" }))
        .assert_error(400, "validation");
    admin
        .post(
            "/api/admin/users",
            &json!({ "login": "abc", "name": "n", "password": "Secret2026", "role": "root" }),
        )
        .assert_error(400, "validation");
}

/// The list is the staff and the firms' people, never the customers (a city has hundreds of
/// thousands); a customer is found by the start of their mobile number.
#[test]
fn the_account_list_shows_the_workforce_and_finds_customers_by_login() {
    let admin = Client::demo("admin");
    let all: Vec<User> = admin.get("/api/admin/users").assert_status(200).json();
    assert!(all.iter().any(|u| u.login == "staff.xinghu.1"));
    assert!(all.iter().any(|u| u.role == Role::Design));
    assert!(all.iter().all(|u| u.role != Role::Customer), "no customers");
    let found: Vec<User> = admin
        .get("/api/admin/users?q=1380013800")
        .assert_status(200)
        .json();
    assert!(found.iter().any(|u| u.login == "13800138001"));
    assert!(found.iter().all(|u| u.login.starts_with("1380013800")));
    let none: Vec<User> = admin
        .get("/api/admin/users?q=%E6%97%A0%E6%AD%A4%E4%BA%BA")
        .assert_status(200)
        .json();
    assert!(none.is_empty());
    Client::demo("manager.xinghu")
        .get("/api/admin/users?q=138")
        .assert_error(403, "forbidden");
}
