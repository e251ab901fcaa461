//! The web's defences, as a browser and an attacker meet them: the headers on every kind of
//! answer, writes from other sites refused (and changing nothing), and the limits on what may
//! be done without signing in or by guessing.

use api_tests::queue::check_in;
use api_tests::{fresh_address, fresh_mobile, monday, Client};
use domain::security::headers::inline_script_hashes;
use serde_json::{json, Value};

const EVIL: &str = "https://evil.example";

#[test]
fn every_answer_carries_the_defences() {
    let client = Client::anonymous();
    for path in [
        "/",
        "/video",
        "/api/halls",
        "/sw.js",
        "/icon.svg",
        "/no-such.js",
    ] {
        let answer = client.fetch(path);
        assert_eq!(
            answer.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            answer.header("referrer-policy"),
            Some("strict-origin-when-cross-origin"),
            "{path}"
        );
        assert_eq!(answer.header("x-frame-options"), Some("DENY"), "{path}");
        let csp = answer.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("'unsafe-eval'"), "{path}: {csp}");
        // Served over plain HTTP on loopback: no HSTS here (the unit tests cover HTTPS).
        assert_eq!(answer.header("strict-transport-security"), None, "{path}");
    }
    let api = client.fetch("/api/halls");
    assert_eq!(
        api.header("content-security-policy"),
        Some("default-src 'none'; frame-ancestors 'none'; sandbox")
    );
    assert_eq!(client.fetch("/no-such.js").status, 404);
}

#[test]
fn a_page_runs_only_our_scripts_and_the_inline_ones_it_ships() {
    let client = Client::anonymous();
    for (path, camera) in [
        ("/", false),
        ("/video", true),
        ("/staff", true),
        // The kiosk photographs documents, but hears nothing.
        ("/kiosk/xinghu", true),
        ("/display/xinghu", false),
    ] {
        let page = client.fetch(path);
        assert_eq!(page.status, 200, "{path}");
        let html = String::from_utf8(page.body.clone()).expect("an HTML page");
        let csp = page.header("content-security-policy").expect("a CSP");
        let scripts = csp
            .split(';')
            .find(|d| d.trim_start().starts_with("script-src"))
            .expect("script-src");
        let inline = inline_script_hashes(&html);
        assert!(!inline.is_empty(), "{path} ships its loader inline");
        for hash in &inline {
            assert!(
                scripts.contains(&format!("'{hash}'")),
                "{path}: {hash} not in {scripts}"
            );
        }
        assert!(!scripts.contains("unsafe-inline"), "{path}: {scripts}");
        assert!(scripts.contains("'wasm-unsafe-eval'"));
        let permissions = page.header("permissions-policy").expect("permissions");
        assert_eq!(
            permissions.starts_with("camera=(self)"),
            camera,
            "{path}: {permissions}"
        );
        assert!(permissions.contains("geolocation=()"));
        assert_eq!(
            permissions.contains("microphone=(self)"),
            !path.starts_with("/kiosk") && camera,
            "{path}: {permissions}"
        );
    }
    // The service worker asks for the entries by path: the same policy with the same hashes.
    let entry = client.fetch("/apps/home/index.html");
    let html = String::from_utf8(entry.body.clone()).expect("HTML");
    let csp = entry.header("content-security-policy").expect("a CSP");
    assert!(inline_script_hashes(&html)
        .iter()
        .all(|h| csp.contains(h.as_str())));
}

#[test]
fn a_write_from_another_site_is_refused_and_changes_nothing() {
    let customer = Client::fresh_customer();
    let ask = json!({ "subject": "电费咨询", "text": "我的电费为什么变高了？" });
    let before: Value = customer.get("/api/consultations").assert_status(200).json();

    let customer = customer.from_origin(Some(EVIL));
    customer
        .post("/api/consultations", &ask)
        .assert_reason(403, "cross_site");
    customer
        .put("/api/account/notifications", &json!({}))
        .assert_reason(403, "cross_site");
    // A program that says nothing of where it comes from is refused too, unless the browser's
    // Sec-Fetch-Site vouches for our own origin.
    let customer = customer.from_origin(None);
    customer
        .post("/api/consultations", &ask)
        .assert_reason(403, "cross_site");
    let cross = customer.with_header("sec-fetch-site", "cross-site");
    cross
        .post("/api/consultations", &ask)
        .assert_reason(403, "cross_site");
    assert_eq!(
        cross
            .get("/api/consultations")
            .assert_status(200)
            .json::<Value>(),
        before,
        "reads are answered; nothing was filed"
    );
    let same = Client::fresh_customer()
        .from_origin(None)
        .with_header("sec-fetch-site", "same-origin");
    same.post("/api/consultations", &ask).assert_status(201);
    // The payment gateway's notice proves itself by its signature, from wherever it comes.
    Client::anonymous()
        .from_origin(None)
        .post_signed("/api/payments/notify", "{}", "bad")
        .assert_error(400, "validation");
}

#[test]
fn a_socket_opened_from_another_site_is_refused() {
    let at = monday(8);
    let path = format!("/ws/halls/gaoxin?date={}", &at[..10]);
    let evil = Client::anonymous().with_header("origin", EVIL);
    assert_eq!(evil.socket(&path).err(), Some(403));
    let ours = Client::anonymous().with_header("origin", &api_tests::base_url());
    assert!(ours.socket(&path).is_ok());
}

#[test]
fn one_network_registers_ten_people_an_hour() {
    let network = fresh_address();
    let register = |phone: &str| {
        Client::anonymous()
            .with_header("cf-connecting-ip", &network)
            .post(
                "/api/auth/register",
                &json!({ "phone": phone, "password": "Sunshine2026", "name": "测试" }),
            )
    };
    for _ in 0..10 {
        register(&fresh_mobile()).assert_status(201);
    }
    let phone = fresh_mobile();
    let refused = register(&phone);
    refused.assert_reason(429, "too_many_requests");
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("try again in"));
    // Nothing was made: the same number registers from another network.
    Client::anonymous()
        .post(
            "/api/auth/register",
            &json!({ "phone": phone, "password": "Sunshine2026", "name": "测试" }),
        )
        .assert_status(201);
}

#[test]
fn one_network_takes_thirty_numbers_an_hour_but_the_hall_kiosk_is_not_counted() {
    // A day of its own far before every other test's (2030 on): thirty numbers given up at
    // once would teach the hall's wait estimate, for the four weeks after, that people leave.
    let at = "2029-06-06T02:00:00Z";
    let network = fresh_address();
    let customer = Client::fresh_customer()
        .with_header("cf-connecting-ip", &network)
        .at(at);
    let remote = json!({ "business": "payment", "channel": "remote" });
    for _ in 0..30 {
        let t = check_in(&customer, "binjiang", remote.clone());
        customer
            .post(
                &format!("/api/halls/binjiang/tickets/{}/cancel", t.id),
                &json!({}),
            )
            .assert_status(200);
    }
    customer
        .post("/api/halls/binjiang/tickets", &remote)
        .assert_reason(429, "too_many_requests");
    let kiosk = Client::anonymous()
        .with_header("cf-connecting-ip", &network)
        .at(at);
    check_in(
        &kiosk,
        "binjiang",
        json!({ "business": "payment", "channel": "kiosk" }),
    );
}

#[test]
fn video_help_is_limited_per_network_and_per_number() {
    let ask = |client: &Client, phone: Option<&str>| {
        let mut body = json!({ "topic": "限额测试", "channel": "video" });
        if let Some(phone) = phone {
            body["phone"] = json!(phone);
        }
        let reply = client.post("/api/video/requests", &body);
        if reply.status == 201 {
            let room = reply.body["room"].as_str().unwrap();
            let key = reply.body["key"].as_str().unwrap();
            client
                .post(
                    &format!("/api/video/requests/{room}/cancel"),
                    &json!({ "key": key }),
                )
                .assert_status(200);
        }
        reply
    };
    let network = Client::anonymous();
    for _ in 0..20 {
        ask(&network, None).assert_status(201);
    }
    ask(&network, None).assert_reason(429, "too_many_requests");

    let phone = fresh_mobile();
    for _ in 0..10 {
        ask(&Client::anonymous(), Some(&phone)).assert_status(201);
    }
    ask(&Client::anonymous(), Some(&phone)).assert_reason(429, "too_many_requests");
    ask(&Client::anonymous(), Some(&fresh_mobile())).assert_status(201);
}

fn bind(client: &Client, number: &str, holder: &str) -> api_tests::Reply {
    client.post(
        "/api/utility-accounts",
        &json!({ "number": number, "holder_name": holder }),
    )
}

#[test]
fn guessing_account_holders_is_stopped_per_person_and_per_network() {
    let guesser = Client::fresh_customer();
    for _ in 0..5 {
        bind(&guesser, "3301000006", "李四").assert_reason(400, "account_mismatch");
    }
    // Even the right name waits now: the guesses, not the last answer, are what count.
    let refused = bind(&guesser, "3301000006", "王芳");
    refused.assert_reason(429, "too_many_bind_attempts");

    let network = fresh_address();
    let mut failures = 0;
    while failures < 30 {
        let person = Client::fresh_customer().with_header("cf-connecting-ip", &network);
        for _ in 0..5 {
            bind(&person, "3301000007", "张三").assert_reason(400, "account_mismatch");
            failures += 1;
        }
    }
    let next = Client::fresh_customer().with_header("cf-connecting-ip", &network);
    bind(&next, "3301000007", "刘建华").assert_reason(429, "too_many_bind_attempts");
    bind(&Client::fresh_customer(), "3301000007", "刘建华").assert_status(201);
}
