use api_tests::{fresh_mobile, Client, DEMO_PASSWORD};
use domain::users::SessionInfo;
use domain::Role;
use serde_json::json;

fn register(client: &Client, phone: &str) -> SessionInfo {
    client
        .post(
            "/api/auth/register",
            &json!({ "phone": phone, "password": "Sunshine2026", "name": "测试用户" }),
        )
        .assert_status(201)
        .json()
}

#[test]
fn registering_signs_the_customer_in_with_a_safe_cookie() {
    let client = Client::anonymous();
    let phone = fresh_mobile();
    let reply = client.post(
        "/api/auth/register",
        &json!({ "phone": phone, "password": "Sunshine2026", "name": " 测试用户 " }),
    );
    reply.assert_status(201);
    let cookie = reply.set_cookie.clone().expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    let me: SessionInfo = client.get("/api/auth/me").assert_status(200).json();
    let user = me.user.expect("signed in");
    assert_eq!(
        (user.role, user.name.as_str(), user.login.as_str()),
        (Role::Customer, "测试用户", phone.as_str())
    );
}

#[test]
fn a_registered_number_cannot_register_again() {
    let phone = fresh_mobile();
    register(&Client::anonymous(), &phone);
    let again = Client::anonymous().post(
        "/api/auth/register",
        &json!({ "phone": phone, "password": "Other2026x", "name": "别人" }),
    );
    again.assert_error(409, "conflict");
}

#[test]
fn registration_checks_each_field() {
    let client = Client::anonymous();
    let cases = [
        (
            json!({ "phone": "12345", "password": "Sunshine2026", "name": "A" }),
            "phone",
        ),
        (
            json!({ "phone": fresh_mobile(), "password": "short1", "name": "A" }),
            "password",
        ),
        (
            json!({ "phone": fresh_mobile(), "password": "onlyletters", "name": "A" }),
            "password",
        ),
        (
            json!({ "phone": fresh_mobile(), "password": "Sunshine2026", "name": "   " }),
            "name",
        ),
    ];
    for (body, field) in cases {
        let reply = client.post("/api/auth/register", &body);
        reply.assert_error(400, "validation");
        assert_eq!(reply.body["error"]["field"], field, "{body}");
    }
    client
        .post(
            "/api/auth/register",
            &json!({ "phone": 13800000000u64, "password": "x" }),
        )
        .assert_error(400, "validation");
    client
        .raw("POST", "/api/auth/register", "{not json".into())
        .assert_error(400, "invalid_json");
    let me: SessionInfo = client.get("/api/auth/me").json();
    assert!(me.user.is_none(), "failed registrations sign nobody in");
}

#[test]
fn every_demo_role_can_log_in() {
    let logins = [
        ("admin", Role::Admin),
        ("manager.xinghu", Role::HallManager),
        ("staff.xinghu.1", Role::HallStaff),
        ("13800138001", Role::Customer),
        ("design.jcdl", Role::Design),
        ("build.xinghu", Role::Construction),
        ("test.jcsy", Role::Test),
        ("supervise.zhengheng", Role::Supervision),
    ];
    for (login, role) in logins {
        let me: SessionInfo = Client::demo(login).get("/api/auth/me").json();
        assert_eq!(me.user.map(|u| u.role), Some(role), "{login}");
    }
    let vip: SessionInfo = Client::demo("13900139000").get("/api/auth/me").json();
    assert!(vip.user.is_some_and(|u| u.key_account));
}

#[test]
fn wrong_password_is_401_and_logout_ends_the_session() {
    Client::anonymous()
        .post(
            "/api/auth/login",
            &json!({ "login": "13800138002", "password": "Wrong2026x" }),
        )
        .assert_error(401, "unauthenticated");
    let client = Client::demo("13800138002");
    client
        .post("/api/auth/logout", &json!({}))
        .assert_status(200);
    let me: SessionInfo = client.get("/api/auth/me").json();
    assert!(me.user.is_none());
    client
        .put(
            "/api/account/password",
            &json!({ "current_password": DEMO_PASSWORD, "new_password": "New2026pass" }),
        )
        .assert_error(401, "unauthenticated");
}

#[test]
fn repeated_failures_lock_the_account_for_a_while() {
    let phone = fresh_mobile();
    register(&Client::anonymous(), &phone);
    let attacker = Client::anonymous();
    for _ in 0..5 {
        attacker
            .post(
                "/api/auth/login",
                &json!({ "login": phone, "password": "Guess2026x" }),
            )
            .assert_error(401, "unauthenticated");
    }
    // Even the right password is refused until the window ends.
    attacker
        .post(
            "/api/auth/login",
            &json!({ "login": phone, "password": "Sunshine2026" }),
        )
        .assert_error(429, "rate_limited");
}

#[test]
fn changing_the_password_needs_the_current_one() {
    let phone = fresh_mobile();
    let client = Client::anonymous();
    register(&client, &phone);
    let wrong = client.put(
        "/api/account/password",
        &json!({ "current_password": "Nope2026x", "new_password": "Brighter2027" }),
    );
    wrong.assert_error(400, "validation");
    assert_eq!(wrong.body["error"]["field"], "current_password");
    client
        .put(
            "/api/account/password",
            &json!({ "current_password": "Sunshine2026", "new_password": "weak" }),
        )
        .assert_error(400, "validation");
    client
        .put(
            "/api/account/password",
            &json!({ "current_password": "Sunshine2026", "new_password": "Brighter2027" }),
        )
        .assert_status(200);
    Client::signed_in(&phone, "Brighter2027");
    Client::anonymous()
        .post(
            "/api/auth/login",
            &json!({ "login": phone, "password": "Sunshine2026" }),
        )
        .assert_error(401, "unauthenticated");
}
