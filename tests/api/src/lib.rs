//! A small HTTP client for the API tests: one cookie jar per `Client`, JSON in and out, and
//! replies whose status is checked by the test, never turned into an error.
//! The server is the one at `GRIDHALL_URL` (scripts/with-server.sh starts it).

pub mod contract;
pub mod projects;
pub mod queue;
pub mod sink;

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::cell::RefCell;

/// Every demo account's password (demo/src/data.rs).
pub const DEMO_PASSWORD: &str = "Gridhall2026";

pub fn base_url() -> String {
    std::env::var("GRIDHALL_URL").expect("GRIDHALL_URL must point at a running server: run `make test`, or `make dev` and `GRIDHALL_URL=http://127.0.0.1:8787 make api`")
}

pub struct Client {
    agent: ureq::Agent,
    base: String,
    cookie: RefCell<Option<String>>,
    /// Sent as `x-test-now`: the time the server acts at (the server runs with TEST_CLOCK=1).
    clock: RefCell<Option<String>>,
    /// Sent with every request (`with_header`).
    headers: RefCell<Vec<(String, String)>>,
    /// Sent as `origin` (a browser on our pages); `from_origin` changes or removes it.
    origin: RefCell<Option<String>>,
    /// Sent as `cf-connecting-ip` unless `with_header` names another: each client is one
    /// person on a network of their own, so the limits per address are theirs alone.
    address: String,
}

/// A GET's answer with its headers (names in lower case).
#[derive(Debug)]
pub struct Fetched {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Fetched {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub body: Value,
    pub set_cookie: Option<String>,
}

impl Reply {
    pub fn json<T: DeserializeOwned>(&self) -> T {
        serde_json::from_value(self.body.clone())
            .unwrap_or_else(|e| panic!("unexpected body {}: {e}", self.body))
    }

    /// Asserts the `{"error":{"code","reason","message"}}` shape with this status and code, and
    /// a reason the apps know how to word that belongs to that code.
    #[track_caller]
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "body: {}", self.body);
        assert_eq!(self.body["error"]["code"], code, "body: {}", self.body);
        assert!(
            self.body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "error needs a message: {}",
            self.body
        );
        let reason: domain::Reason = serde_json::from_value(self.body["error"]["reason"].clone())
            .unwrap_or_else(|e| {
                panic!("error needs a reason: {e}: {}", self.body);
            });
        assert!(
            reason != domain::Reason::Unknown
                && serde_json::to_value(reason.code()).unwrap() == code,
            "reason {reason:?} is not a known reason of {code}: {}",
            self.body
        );
    }

    /// Asserts a refusal with this status and this reason (`"slot_full"`).
    #[track_caller]
    pub fn assert_reason(&self, status: u16, reason: &str) {
        let code = serde_json::to_value(
            serde_json::from_value::<domain::Reason>(reason.into())
                .expect("a reason")
                .code(),
        )
        .unwrap();
        self.assert_error(status, code.as_str().expect("a code"));
        assert_eq!(self.body["error"]["reason"], reason, "body: {}", self.body);
    }

    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(self.status, status, "body: {}", self.body);
        self
    }
}

impl Client {
    pub fn anonymous() -> Client {
        Client {
            agent: ureq::AgentBuilder::new().redirects(0).build(),
            base: base_url(),
            cookie: RefCell::new(None),
            clock: RefCell::new(None),
            headers: RefCell::new(Vec::new()),
            origin: RefCell::new(Some(base_url())),
            address: fresh_address(),
        }
    }

    /// Sends `origin` as the request's origin, or none (a page of another site, a program).
    pub fn from_origin(self, origin: Option<&str>) -> Client {
        *self.origin.borrow_mut() = origin.map(str::to_string);
        self
    }

    /// Sends `name: value` with every later request (e.g. `cf-connecting-ip`, the caller's
    /// address as Cloudflare reports it, for limits per address).
    pub fn with_header(self, name: &str, value: &str) -> Client {
        self.headers
            .borrow_mut()
            .push((name.to_string(), value.to_string()));
        self
    }

    /// A client signed in as `login`; panics when the login fails.
    pub fn signed_in(login: &str, password: &str) -> Client {
        let client = Client::anonymous();
        client
            .post(
                "/api/auth/login",
                &serde_json::json!({ "login": login, "password": password }),
            )
            .assert_status(200);
        client
    }

    pub fn demo(login: &str) -> Client {
        Client::signed_in(login, DEMO_PASSWORD)
    }

    /// Makes every later request act at `rfc3339` on the server's clock.
    pub fn at(self, rfc3339: &str) -> Client {
        *self.clock.borrow_mut() = Some(rfc3339.to_string());
        self
    }

    pub fn get(&self, path: &str) -> Reply {
        self.send("GET", path, None, "application/json")
    }

    /// A clerk signed in at the counter of `hall` that serves the most business types, on the
    /// day of `at`, so the hall's waits (and "N ahead") are known: estimates count only open
    /// counters. Xinghu's counter 6 serves all five; Gaoxin's 3 payment, consultation and
    /// invoices; Binjiang's 1 payment and invoices.
    pub fn staff_the_hall(hall: &str, at: &str) {
        let (clerk, counter) = match hall {
            "xinghu" => ("staff.xinghu.2", 6),
            "gaoxin" => ("staff.gaoxin.2", 3),
            _ => ("staff.binjiang.1", 1),
        };
        Client::demo(clerk).at(at).sign_in_at(hall, counter);
    }

    /// This customer's remote invoice ticket at `hall`, watched with `wishes`, with a clerk
    /// signed in there (`staff_the_hall`) so it has a place in the queue.
    pub fn watched_remote_ticket(
        &self,
        hall: &str,
        at: &str,
        wishes: Value,
    ) -> domain::queue::protocol::TicketView {
        Client::staff_the_hall(hall, at);
        let t: domain::queue::protocol::TicketView = self
            .post(
                &format!("/api/halls/{hall}/tickets"),
                &serde_json::json!({ "business": "invoice", "channel": "remote" }),
            )
            .assert_status(201)
            .json();
        self.put(
            &format!("/api/halls/{hall}/tickets/{}/watch", t.id),
            &wishes,
        )
        .assert_status(200);
        t
    }

    /// Signs this member of staff in at a counter, which opens with them: a day's counters
    /// start closed.
    pub fn sign_in_at(self, hall: &str, counter: u32) -> Client {
        self.post(
            &format!("/api/halls/{hall}/counters/{counter}/actions"),
            &serde_json::json!({ "action": "sign_in" }),
        )
        .assert_status(200);
        self
    }

    pub fn post(&self, path: &str, body: &Value) -> Reply {
        self.send("POST", path, Some(body.to_string()), "application/json")
    }

    pub fn put(&self, path: &str, body: &Value) -> Reply {
        self.send("PUT", path, Some(body.to_string()), "application/json")
    }

    pub fn delete(&self, path: &str) -> Reply {
        self.send("DELETE", path, None, "application/json")
    }

    /// Posts `body` with an `x-signature` header, as a payment gateway does.
    pub fn post_signed(&self, path: &str, body: &str, signature: &str) -> Reply {
        let result = self
            .request("POST", path, "application/json")
            .set("x-signature", signature)
            .send_string(body);
        self.reply("POST", path, result)
    }

    /// A newly registered customer, signed in.
    pub fn fresh_customer() -> Client {
        Client::registered(&fresh_mobile(), "测试用户")
    }

    /// A customer just registered with `phone` and `name`, signed in.
    pub fn registered(phone: &str, name: &str) -> Client {
        let client = Client::anonymous();
        client
            .post(
                "/api/auth/register",
                &serde_json::json!({ "phone": phone, "password": "Sunshine2026", "name": name }),
            )
            .assert_status(201);
        client
    }

    /// A new customer who bound account `number` of `holder`.
    pub fn bound_to(number: &str, holder: &str) -> Client {
        let client = Client::fresh_customer();
        client
            .post(
                "/api/utility-accounts",
                &serde_json::json!({ "number": number, "holder_name": holder }),
            )
            .assert_status(201);
        client
    }

    /// Sends a raw body as it is (never as the kiosk), for malformed and oversized requests.
    pub fn raw(&self, method: &str, path: &str, body: String) -> Reply {
        let result = self
            .request(method, path, "application/json")
            .send_string(&body);
        self.reply(method, path, result)
    }

    /// Sends bytes as they are (an upload), with their content type.
    pub fn upload(&self, path: &str, content_type: &str, bytes: &[u8]) -> Reply {
        let result = self.request("POST", path, content_type).send_bytes(bytes);
        self.reply("POST", path, result)
    }

    /// A file: its status, content type and bytes.
    pub fn download(&self, path: &str) -> (u16, String, Vec<u8>) {
        let fetched = self.fetch(path);
        let content_type = fetched
            .header("content-type")
            .unwrap_or_default()
            .to_string();
        (fetched.status, content_type, fetched.body)
    }

    /// A GET as a browser would make it, with every header of the answer.
    pub fn fetch(&self, path: &str) -> Fetched {
        let response = match self.request("GET", path, "application/json").call() {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {path}: transport error {e}"),
        };
        let status = response.status();
        let headers = response
            .headers_names()
            .into_iter()
            .map(|name| {
                let value = response.header(&name).unwrap_or_default().to_string();
                (name, value)
            })
            .collect();
        let mut body = Vec::new();
        std::io::Read::read_to_end(&mut response.into_reader(), &mut body).expect("a body");
        Fetched {
            status,
            headers,
            body,
        }
    }

    fn request(&self, method: &str, path: &str, content_type: &str) -> ureq::Request {
        let mut request = self
            .agent
            .request(method, &format!("{}{path}", self.base))
            .set("content-type", content_type)
            .set("cf-connecting-ip", &self.address);
        // As a browser on one of our pages sends it (writes from elsewhere are refused).
        if let Some(origin) = self.origin.borrow().as_ref() {
            request = request.set("origin", origin);
        }
        if let Some(cookie) = self.cookie.borrow().as_ref() {
            request = request.set("cookie", cookie);
        }
        if let Some(now) = self.clock.borrow().as_ref() {
            request = request.set("x-test-now", now);
        }
        for (name, value) in self.headers.borrow().iter() {
            request = request.set(name, value);
        }
        request
    }

    /// Every JSON request goes through here but `raw`'s. A kiosk check-in (`"channel": "kiosk"`
    /// posted to a hall's tickets) is sent as the hall's paired kiosk sends it, with its
    /// token: the tests take numbers "at the kiosk" as the hall's own machine would.
    fn send(&self, method: &str, path: &str, body: Option<String>, content_type: &str) -> Reply {
        let mut request = self.request(method, path, content_type);
        let own_token = self
            .headers
            .borrow()
            .iter()
            .any(|(n, _)| n == "x-device-token");
        if let Some(hall) = kiosk_check_in(method, path, body.as_deref()).filter(|_| !own_token) {
            if let Some(token) = kiosk_token(hall) {
                request = request.set("x-device-token", &token);
            }
        }
        let result = match body {
            Some(b) => request.send_string(&b),
            None => request.call(),
        };
        self.reply(method, path, result)
    }

    fn reply(
        &self,
        method: &str,
        path: &str,
        result: Result<ureq::Response, ureq::Error>,
    ) -> Reply {
        let response = match result {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{method} {path}: transport error {e}"),
        };
        let status = response.status();
        let set_cookie = response.header("set-cookie").map(str::to_string);
        if let Some(cookie) = set_cookie.as_deref().and_then(|c| c.split(';').next()) {
            *self.cookie.borrow_mut() = Some(cookie.to_string());
        }
        let text = response.into_string().unwrap_or_default();
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        contract::check(method, path, status, &body);
        Reply {
            status,
            body,
            set_cookie,
        }
    }
}

/// The hall of a kiosk check-in: a POST of a kiosk-channel body to `/api/halls/:hall/tickets`.
fn kiosk_check_in<'a>(method: &str, path: &'a str, body: Option<&str>) -> Option<&'a str> {
    let hall = path.strip_prefix("/api/halls/")?.strip_suffix("/tickets")?;
    let body: Value = serde_json::from_str(body?).ok()?;
    (method == "POST" && !hall.contains('/') && body["channel"] == "kiosk").then_some(hall)
}

/// The token of a kiosk paired with `hall` (a kiosk pairs as a TV does), made by its manager
/// once per test process; none for a hall that does not exist.
pub fn kiosk_token(hall: &str) -> Option<String> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static TOKENS: OnceLock<Mutex<HashMap<String, String>>> = OnceLock::new();
    let mut tokens = TOKENS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(token) = tokens.get(hall) {
        return Some(token.clone());
    }
    let manager = Client::anonymous();
    let login =
        serde_json::json!({ "login": format!("manager.{hall}"), "password": DEMO_PASSWORD });
    if manager.post("/api/auth/login", &login).status != 200 {
        return None;
    }
    let created = manager.post(
        &format!("/api/halls/{hall}/displays"),
        &serde_json::json!({ "name": "API test kiosk" }),
    );
    created.assert_status(201);
    let token = created.body["token"].as_str()?.to_string();
    tokens.insert(hall.to_string(), token.clone());
    Some(token)
}

/// A network address no other client uses (`10.x.y.z`).
pub fn fresh_address() -> String {
    let n = fresh_mobile();
    format!("10.{}.{}.{}", &n[5..7], &n[7..9], &n[9..11])
}

/// A mobile number nobody has registered yet in this run.
pub fn fresh_mobile() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    // Every test runs in a process of its own: mix the clock, the process and a counter
    // (splitmix64), so numbers spread over all 10^8 rather than over the microseconds of a
    // second, where two processes met about once a run.
    let mut z = nanos
        ^ (u64::from(std::process::id()) << 40)
        ^ NEXT
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    format!("158{:08}", z % 100_000_000)
}

/// 10:00 China time on the `week`-th Monday (week < 20) of this run's block of weeks from
/// 2030-01-07, for the server's test clock: the halls are open, each test that takes its own
/// week has the hall's queue to itself, and a rerun against the same server gets fresh days.
/// Queue tests take weeks 0–9, appointment tests 10–19.
pub fn monday(week: i64) -> String {
    assert!((0..20).contains(&week));
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64
        / 60
        % 400;
    let day = chrono::NaiveDate::from_ymd_opt(2030, 1, 7).expect("a date")
        + chrono::Duration::weeks(run * 20 + week);
    format!("{day}T02:00:00Z")
}

/// The same day as `monday_10am` at another local time, "HH:MM" in China time.
pub fn same_day_at(monday_10am: &str, local_hh_mm: &str) -> String {
    let (h, m) = local_hh_mm.split_once(':').expect("HH:MM");
    let (h, m): (i64, i64) = (h.parse().expect("hour"), m.parse().expect("minute"));
    let utc_minutes = h * 60 + m - 8 * 60;
    format!(
        "{}T{:02}:{:02}:00Z",
        &monday_10am[..10],
        utc_minutes.div_euclid(60),
        utc_minutes.rem_euclid(60)
    )
}

/// A WebSocket to the server, with the client's cookie; reads wait at most 5 s.
pub struct Socket(tungstenite::WebSocket<std::net::TcpStream>);

impl Client {
    /// Opens a WebSocket at `path`, or returns the HTTP status the upgrade was refused with.
    pub fn socket(&self, path: &str) -> Result<Socket, u16> {
        use tungstenite::client::IntoClientRequest;
        let url = format!("{}{path}", self.base.replacen("http", "ws", 1));
        let mut request = url.as_str().into_client_request().expect("a socket URL");
        if let Some(cookie) = self.cookie.borrow().as_ref() {
            request
                .headers_mut()
                .insert("cookie", cookie.parse().expect("a cookie header"));
        }
        for (name, value) in self.headers.borrow().iter() {
            let name: tungstenite::http::HeaderName = name.parse().expect("a header name");
            request
                .headers_mut()
                .insert(name, value.parse().expect("a header value"));
        }
        let host = self.base.trim_start_matches("http://");
        let stream = std::net::TcpStream::connect(host).expect("the server is up");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .expect("a timeout");
        match tungstenite::client(request, stream) {
            Ok((ws, _)) => Ok(Socket(ws)),
            Err(tungstenite::HandshakeError::Failure(tungstenite::Error::Http(resp))) => {
                Err(resp.status().as_u16())
            }
            Err(e) => panic!("socket {path}: {e}"),
        }
    }
}

/// How a socket's next message turned out.
#[derive(Debug, PartialEq)]
pub enum Received {
    Json(Value),
    /// The server closed the socket with this code.
    Closed(u16),
}

impl Socket {
    pub fn send(&mut self, message: &Value) {
        self.0
            .send(tungstenite::Message::text(message.to_string()))
            .expect("sent");
    }

    /// The next JSON message or the close, skipping pongs; panics after 5 s of silence.
    pub fn receive(&mut self) -> Received {
        loop {
            match self.0.read() {
                Ok(tungstenite::Message::Text(text)) if text.as_str() == "pong" => {}
                Ok(tungstenite::Message::Text(text)) => {
                    return Received::Json(serde_json::from_str(text.as_str()).expect("JSON"))
                }
                Ok(tungstenite::Message::Close(frame)) => {
                    return Received::Closed(frame.map(|f| u16::from(f.code)).unwrap_or(1005))
                }
                Ok(_) => {}
                Err(tungstenite::Error::ConnectionClosed) => return Received::Closed(1006),
                Err(e) => panic!("socket read: {e}"),
            }
        }
    }

    /// Reads until a message of this `type` arrives (or panics at a close or silence).
    pub fn until(&mut self, kind: &str) -> Value {
        loop {
            match self.receive() {
                Received::Json(v) if v["type"] == kind => return v,
                Received::Json(_) => {}
                Received::Closed(code) => panic!("closed with {code} before a {kind}"),
            }
        }
    }

    /// Reads until the server closes the socket; the close code.
    pub fn closed(&mut self) -> u16 {
        loop {
            if let Received::Closed(code) = self.receive() {
                return code;
            }
        }
    }
}

/// The admin's archive run of `what` (`outbox`, `ticket-events`) as the morning cron makes it,
/// as of `at`.
pub fn archive_run(what: &str, at: &str) -> domain::notify::outbox::ArchiveRun {
    Client::demo("admin")
        .at(at)
        .post(
            &format!("/api/admin/{what}/archive"),
            &serde_json::json!({}),
        )
        .assert_status(200)
        .json()
}
