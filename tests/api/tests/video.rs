//! The video desk and call rooms against the live server: asking, the desk, accepting, the
//! room's door (403 on HTTP and WebSocket for anyone else), chat, files, transfer, the end with
//! its record, rating, and the callback offered when nobody answers.

use api_tests::{Client, Received};
use domain::files::FileRef;
use domain::video::bodies::{CallRecord, Callback, HelpCreated, HelpStatus, RoomInfo};
use domain::video::desk::{DeskView, HelpRequest, Presence, RequestState};
use domain::video::room::Seat;
use serde_json::{json, Value};

const PDF: &[u8] = b"%PDF-1.4\n% a bill\n";

fn ask(client: &Client, topic: &str, extra: Value) -> HelpCreated {
    let mut body = json!({ "topic": topic, "channel": "video" });
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    client
        .post("/api/video/requests", &body)
        .assert_status(201)
        .json()
}

fn available(agent: &Client) -> DeskView {
    agent
        .put("/api/video/presence", &json!({ "presence": "available" }))
        .assert_status(200)
        .json()
}

fn presence_of(view: &DeskView, name: &str) -> Presence {
    view.agents
        .iter()
        .find(|a| a.name == name)
        .map(|a| a.presence)
        .unwrap_or_else(|| panic!("{name} on the desk"))
}

fn desk(agent: &Client) -> DeskView {
    agent.get("/api/video/desk").assert_status(200).json()
}

fn room_path(room: &str, key: &str) -> String {
    format!("/ws/video/rooms/{room}?key={key}")
}

#[test]
fn a_call_from_ask_to_rating_with_chat_files_and_a_record() {
    let customer = Client::demo("13800138001");
    let agent = Client::demo("staff.binjiang.1");
    let stranger = Client::demo("13800138002");
    available(&agent);
    let topic = format!("电费咨询 {}", api_tests::fresh_mobile());
    let asked = ask(&customer, &topic, json!({}));
    assert!(asked.place.is_some());
    assert!(desk(&agent).waiting.iter().any(|r| r.topic == topic));

    let accepted: HelpRequest = agent
        .post(
            &format!("/api/video/requests/{}/accept", asked.room),
            &json!({}),
        )
        .assert_status(200)
        .json();
    assert!(matches!(accepted.state, RequestState::Assigned { .. }));
    let status: HelpStatus = customer
        .get(&format!("/api/video/requests/{}", asked.room))
        .assert_status(200)
        .json();
    assert_eq!(status.place, None, "no longer waiting");

    let info = |c: &Client| c.get(&format!("/api/video/rooms/{}", asked.room));
    assert_eq!(info(&customer).json::<RoomInfo>().seat, Seat::Customer);
    assert_eq!(info(&agent).json::<RoomInfo>().seat, Seat::Agent);
    info(&stranger).assert_error(403, "forbidden");
    info(&Client::anonymous()).assert_error(403, "forbidden");
    let path = room_path(&asked.room, "");
    assert_eq!(stranger.socket(&path).err(), Some(403), "a third party");

    let mut c = customer.socket(&path).expect("the customer gets in");
    assert_eq!(c.until("welcome")["seat"], "customer");
    let mut a = agent.socket(&path).expect("the agent gets in");
    assert_eq!(a.until("welcome")["present"], json!(["customer", "agent"]));
    assert_eq!(c.until("joined")["seat"], "agent");

    a.send(&json!({ "type": "offer", "sdp": "v=0", "fresh": true }));
    let relayed = c.until("relay");
    assert_eq!(
        (relayed["from"].clone(), relayed["signal"]["type"].clone()),
        (json!("agent"), json!("offer"))
    );
    c.send(&json!({ "type": "chat", "text": "我的电费为什么涨了？" }));
    assert_eq!(a.until("chat")["entry"]["text"], "我的电费为什么涨了？");
    assert_eq!(
        c.until("chat")["entry"]["from"],
        "customer",
        "filed for the sender too"
    );
    c.send(&json!({ "type": "chat", "text": "  " }));
    assert!(c.until("problem")["message"].as_str().is_some());

    let upload = format!("/api/video/rooms/{}/files", asked.room);
    let file: FileRef = agent
        .upload(&upload, "application/pdf", PDF)
        .assert_status(201)
        .json();
    assert_eq!(c.until("chat")["entry"]["file"]["id"], file.id);
    customer
        .upload(
            &upload,
            "application/octet-stream",
            b"MZ\x90\0not a document",
        )
        .assert_error(400, "validation");
    stranger
        .upload(&upload, "application/pdf", PDF)
        .assert_error(403, "forbidden");
    let download = format!("/api/video/rooms/{}/files/{}", asked.room, file.id);
    let (status, content_type, bytes) = customer.download(&download);
    assert_eq!(
        (status, content_type.as_str(), bytes.as_slice()),
        (200, "application/pdf", PDF)
    );
    assert_eq!(stranger.download(&download).0, 403);

    let end = format!("/api/video/requests/{}/end", asked.room);
    agent
        .post(&end, &json!({ "summary": " " }))
        .assert_error(400, "validation");
    stranger
        .post(&end, &json!({ "summary": "x" }))
        .assert_error(403, "forbidden");
    let record: CallRecord = agent
        .post(&end, &json!({ "summary": "解释了阶梯电价" }))
        .assert_status(200)
        .json();
    assert_eq!(record.summary, "解释了阶梯电价");
    assert_eq!(record.transcript.len(), 2, "the chat line and the file");
    assert_eq!(c.until("ended")["type"], "ended");
    assert_eq!(c.closed(), 4004);
    assert_eq!(
        presence_of(&desk(&agent), "钱伟"),
        Presence::Available,
        "free again"
    );
    assert_eq!(
        customer.socket(&path).err(),
        Some(409),
        "nobody gets back in"
    );
    assert_eq!(
        customer.download(&download).0,
        200,
        "files stay on the record"
    );

    let rate = format!("/api/video/rooms/{}/rating", asked.room);
    stranger
        .post(&rate, &json!({ "stars": 5 }))
        .assert_error(403, "forbidden");
    customer
        .post(&rate, &json!({ "stars": 9 }))
        .assert_error(400, "validation");
    customer
        .post(&rate, &json!({ "stars": 5, "comment": "很耐心" }))
        .assert_status(200);
    customer
        .post(&rate, &json!({ "stars": 4 }))
        .assert_error(409, "conflict");
    let mine: Vec<CallRecord> = customer.get("/api/video/calls").assert_status(200).json();
    let filed = mine
        .iter()
        .find(|r| r.room == asked.room)
        .expect("on the record");
    assert_eq!((filed.rating, filed.agent_name.as_str()), (Some(5), "钱伟"));
}

#[test]
fn a_kiosk_customer_enters_by_the_key_of_their_link() {
    let kiosk = Client::anonymous();
    let asked = ask(
        &kiosk,
        "缴费",
        json!({ "hall": "xinghu", "channel": "audio" }),
    );
    let status = |key: &str| kiosk.get(&format!("/api/video/requests/{}?key={key}", asked.room));
    status("").assert_error(403, "forbidden");
    status("wrong").assert_error(403, "forbidden");
    let seen: HelpStatus = status(&asked.key).assert_status(200).json();
    assert!(
        seen.request.customer_name.contains("星湖"),
        "{}",
        seen.request.customer_name
    );
    let cancel = format!("/api/video/requests/{}/cancel", asked.room);
    kiosk
        .post(&cancel, &json!({ "key": "wrong" }))
        .assert_error(403, "forbidden");
    let cancelled: HelpRequest = kiosk
        .post(&cancel, &json!({ "key": asked.key }))
        .assert_status(200)
        .json();
    assert_eq!(cancelled.state, RequestState::Cancelled);
    kiosk
        .post(&cancel, &json!({ "key": asked.key }))
        .assert_error(409, "conflict");
}

#[test]
fn nobody_answering_in_five_minutes_offers_a_callback_that_agents_work_through() {
    let start = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let at = |minutes: i64| (start + minutes * 60_000).to_string();
    let kiosk = Client::anonymous().at(&at(0));
    let topic = format!("回电 {}", api_tests::fresh_mobile());
    let asked = ask(&kiosk, &topic, json!({ "channel": "chat" }));
    let status = |minutes: i64| -> HelpStatus {
        Client::anonymous()
            .at(&at(minutes))
            .get(&format!(
                "/api/video/requests/{}?key={}",
                asked.room, asked.key
            ))
            .assert_status(200)
            .json()
    };
    assert!(!status(4).callback_due);
    assert!(status(5).callback_due);
    let callback = format!("/api/video/requests/{}/callback", asked.room);
    kiosk
        .post(&callback, &json!({ "key": asked.key, "phone": "123" }))
        .assert_error(400, "validation");
    let filed: Callback = kiosk
        .post(
            &callback,
            &json!({ "key": asked.key, "phone": "13912345678" }),
        )
        .assert_status(201)
        .json();
    assert_eq!(filed.topic, topic);
    let status_now: HelpStatus = kiosk
        .get(&format!(
            "/api/video/requests/{}?key={}",
            asked.room, asked.key
        ))
        .json();
    assert!(matches!(
        status_now.request.state,
        RequestState::CallbackRequested { .. }
    ));

    let agent = Client::demo("staff.binjiang.2");
    let open: Vec<Callback> = agent.get("/api/video/callbacks").assert_status(200).json();
    assert!(open.iter().any(|c| c.id == filed.id && c.done_at.is_none()));
    let done = format!("/api/video/callbacks/{}/done", filed.id);
    let closed: Callback = agent.post(&done, &json!({})).assert_status(200).json();
    assert_eq!(closed.done_by.as_deref(), Some("何丽"));
    agent.post(&done, &json!({})).assert_error(409, "conflict");
    Client::demo("13800138003")
        .get("/api/video/callbacks")
        .assert_error(403, "forbidden");
}

#[test]
fn a_transfer_moves_the_call_with_its_chat_to_another_agent() {
    let customer = Client::demo("13800138003");
    let first = Client::demo("staff.gaoxin.1");
    let second = Client::demo("staff.xinghu.3");
    available(&first);
    available(&second);
    let asked = ask(&customer, "过户", json!({}));
    let accept = format!("/api/video/requests/{}/accept", asked.room);
    first.post(&accept, &json!({})).assert_status(200);
    second
        .post(&accept, &json!({}))
        .assert_error(409, "conflict");
    let path = room_path(&asked.room, "");
    let mut c = customer.socket(&path).unwrap();
    let mut a = first.socket(&path).unwrap();
    c.until("welcome");
    a.until("welcome");
    c.send(&json!({ "type": "chat", "text": "我要办过户" }));
    a.until("chat");
    assert_eq!(second.socket(&path).err(), Some(403), "not theirs yet");

    let transfer = format!("/api/video/requests/{}/transfer", asked.room);
    second
        .post(&transfer, &json!({ "to_agent": 1 }))
        .assert_error(403, "forbidden");
    let second_id = desk(&second)
        .agents
        .iter()
        .find(|x| x.name == "赵敏")
        .map(|x| x.id)
        .unwrap();
    first
        .post(&transfer, &json!({ "to_agent": second_id }))
        .assert_status(200);
    assert_eq!(a.closed(), 4003, "the first agent's screen leaves the call");
    c.until("transferred");
    let mut b = second.socket(&path).expect("the new agent gets in");
    let welcome = b.until("welcome");
    assert_eq!(
        welcome["transcript"][0]["text"], "我要办过户",
        "the chat goes along"
    );
    let view = desk(&first);
    assert_eq!(presence_of(&view, "刘洋"), Presence::Available);
    assert_eq!(presence_of(&view, "赵敏"), Presence::Busy);
    let end = format!("/api/video/requests/{}/end", asked.room);
    first
        .post(&end, &json!({ "summary": "x" }))
        .assert_error(403, "forbidden");
    second
        .post(&end, &json!({ "summary": "转交后办结" }))
        .assert_status(200);
}

#[test]
fn a_manager_joins_visibly_and_may_only_chat() {
    let customer = Client::demo("13800138002");
    let agent = Client::demo("staff.xinghu.2");
    let manager = Client::demo("manager.xinghu");
    available(&agent);
    let asked = ask(&customer, "投诉", json!({}));
    agent
        .post(
            &format!("/api/video/requests/{}/accept", asked.room),
            &json!({}),
        )
        .assert_status(200);
    let path = room_path(&asked.room, "");
    let mut c = customer.socket(&path).unwrap();
    c.until("welcome");
    let mut m = manager.socket(&path).expect("a supervisor may join");
    assert_eq!(m.until("welcome")["seat"], "supervisor");
    assert_eq!(
        c.until("joined")["seat"],
        "supervisor",
        "everyone sees them"
    );
    m.send(&json!({ "type": "offer", "sdp": "v=0" }));
    assert!(m.until("problem")["message"]
        .as_str()
        .unwrap()
        .contains("supervisor"));
    m.send(&json!({ "type": "chat", "text": "我是值班长" }));
    assert_eq!(c.until("chat")["entry"]["from"], "supervisor");
    manager
        .post(
            &format!("/api/video/requests/{}/end", asked.room),
            &json!({ "summary": "值班长办结" }),
        )
        .assert_status(200);
}

#[test]
fn agents_desks_hear_of_new_requests_at_once() {
    let agent = Client::demo("staff.xinghu.1");
    available(&agent);
    let mut feed = agent.socket("/ws/video/desk").expect("an agent's desk");
    let Received::Json(first) = feed.receive() else {
        panic!("a desk")
    };
    assert!(first["waiting"].is_array());
    let topic = format!("实时 {}", api_tests::fresh_mobile());
    let asked = ask(&Client::anonymous(), &topic, json!({}));
    loop {
        let Received::Json(view) = feed.receive() else {
            panic!("open")
        };
        if view["waiting"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["topic"] == topic)
        {
            break;
        }
    }
    Client::anonymous()
        .post(
            &format!("/api/video/requests/{}/cancel", asked.room),
            &json!({ "key": asked.key }),
        )
        .assert_status(200);
    assert_eq!(
        Client::demo("13800138001").socket("/ws/video/desk").err(),
        Some(403)
    );
    assert_eq!(
        Client::anonymous().socket("/ws/video/desk").err(),
        Some(401)
    );
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let customer = Client::demo("13800138001");
    customer
        .post(
            "/api/video/requests",
            &json!({ "topic": " ", "channel": "video" }),
        )
        .assert_error(400, "validation");
    customer
        .post(
            "/api/video/requests",
            &json!({ "topic": "x", "channel": "hologram" }),
        )
        .assert_error(400, "validation");
    customer
        .raw("POST", "/api/video/requests", "{".into())
        .assert_error(400, "invalid_json");
    customer
        .post(
            "/api/video/requests",
            &json!({ "topic": "x", "channel": "video", "hall": "nowhere" }),
        )
        .assert_error(404, "not_found");
    customer
        .get("/api/video/rooms/not-a-room")
        .assert_error(404, "not_found");
    customer
        .get(&format!("/api/video/rooms/{}", "0".repeat(32)))
        .assert_error(404, "not_found");
    let agent = Client::demo("staff.gaoxin.2");
    agent
        .put("/api/video/presence", &json!({ "presence": "busy" }))
        .assert_error(400, "validation");
    agent
        .put("/api/video/presence", &json!({ "presence": "away" }))
        .assert_status(200);
    let asked = ask(&Client::anonymous(), "离开", json!({}));
    agent
        .post(
            &format!("/api/video/requests/{}/accept", asked.room),
            &json!({}),
        )
        .assert_error(409, "conflict");
    Client::anonymous()
        .post(
            &format!("/api/video/requests/{}/cancel", asked.room),
            &json!({ "key": asked.key }),
        )
        .assert_status(200);
}
