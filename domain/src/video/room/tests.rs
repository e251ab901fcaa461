use super::*;
use crate::ErrorCode;

const CUSTOMER: i64 = 10;
const AGENT: i64 = 20;

fn user(id: i64, role: Role) -> Entrant {
    Entrant {
        user_id: Some(id),
        role: Some(role),
        key: None,
    }
}

fn by_key(key: &str) -> Entrant {
    Entrant {
        key: Some(key.into()),
        ..Entrant::default()
    }
}

fn room() -> Room {
    let mut r = Room::new("r1", Some(CUSTOMER), "secret-key");
    r.assign(AGENT);
    r
}

fn chat() -> Signal {
    Signal::Chat {
        text: "您好".into(),
    }
}

fn offer() -> Signal {
    Signal::Offer {
        sdp: "v=0".into(),
        fresh: true,
    }
}

#[test]
fn the_customer_and_the_assigned_agent_get_in_and_the_call_goes_live() {
    let mut r = room();
    let c = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    assert_eq!((c.seat, r.state), (Seat::Customer, RoomState::Waiting));
    let a = r.join(&user(AGENT, Role::HallStaff)).unwrap();
    assert_eq!((a.seat, r.state), (Seat::Agent, RoomState::Live));
    assert_ne!(c.connection, a.connection);
}

#[test]
fn a_kiosk_customer_gets_in_by_the_key_of_their_link() {
    let mut r = Room::new("r2", None, "kiosk-key");
    assert_eq!(r.join(&by_key("kiosk-key")).unwrap().seat, Seat::Customer);
    assert_eq!(
        r.seat_for(&by_key("wrong")).unwrap_err().code,
        ErrorCode::Forbidden
    );
    assert_eq!(
        r.seat_for(&by_key("")).unwrap_err().code,
        ErrorCode::Forbidden
    );
}

#[test]
fn anyone_else_is_refused() {
    let r = room();
    for e in [
        user(99, Role::Customer),
        user(21, Role::HallStaff),
        user(30, Role::Design),
        Entrant::default(),
    ] {
        assert_eq!(
            r.seat_for(&e).unwrap_err().code,
            ErrorCode::Forbidden,
            "{e:?}"
        );
    }
}

#[test]
fn a_supervisor_joins_visibly_and_may_only_chat() {
    let mut r = room();
    let c = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    let a = r.join(&user(AGENT, Role::HallStaff)).unwrap();
    let s = r.join(&user(5, Role::HallManager)).unwrap();
    assert_eq!(s.seat, Seat::Supervisor);
    assert!(
        r.present.iter().any(|p| p.seat == Seat::Supervisor),
        "everyone sees them"
    );
    assert_eq!(
        r.recipients(s.connection, &chat()).unwrap(),
        vec![c.connection, a.connection]
    );
    assert_eq!(
        r.recipients(s.connection, &offer()).unwrap_err().code,
        ErrorCode::Forbidden
    );
    // Media passes between customer and agent only.
    assert_eq!(
        r.recipients(c.connection, &offer()).unwrap(),
        vec![a.connection]
    );
    assert_eq!(
        r.recipients(c.connection, &chat()).unwrap(),
        vec![a.connection, s.connection]
    );
}

#[test]
fn a_reconnect_replaces_the_old_connection() {
    let mut r = room();
    let first = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    let again = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    assert_eq!(again.replaced, Some(first.connection));
    assert_eq!(r.present.len(), 1);
    assert_eq!(r.seat_of(first.connection), None);
    // The old socket closing later changes nothing.
    assert_eq!(r.leave(first.connection), None);
    assert_eq!(r.seat_of(again.connection), Some(Seat::Customer));
}

#[test]
fn leaving_tells_the_others_and_frees_the_seat() {
    let mut r = room();
    r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    let a = r.join(&user(AGENT, Role::HallStaff)).unwrap();
    assert_eq!(
        r.leave(a.connection),
        Some(RoomMessage::Left { seat: Seat::Agent })
    );
    assert_eq!(
        r.recipients(a.connection, &chat()).unwrap_err().code,
        ErrorCode::Forbidden
    );
}

#[test]
fn a_transfer_hands_the_room_to_another_agent_and_drops_the_old_one() {
    let mut r = room();
    let c = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    let a = r.join(&user(AGENT, Role::HallStaff)).unwrap();
    r.receive(c.connection, chat(), 1).unwrap();
    assert_eq!(r.transfer(AGENT).unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(r.transfer(21).unwrap(), Some(a.connection));
    assert_eq!(r.state, RoomState::Waiting);
    assert_eq!(
        r.seat_for(&user(AGENT, Role::HallStaff)).unwrap_err().code,
        ErrorCode::Forbidden
    );
    let b = r.join(&user(21, Role::HallStaff)).unwrap();
    assert_eq!((b.seat, r.state), (Seat::Agent, RoomState::Live));
    let RoomMessage::Welcome { transcript, .. } = r.welcome(b.seat) else {
        panic!("a welcome")
    };
    assert_eq!(transcript.len(), 1, "the new agent sees the chat so far");
}

#[test]
fn an_ended_call_lets_nobody_back_in() {
    let mut r = room();
    let c = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    let a = r.join(&user(AGENT, Role::HallStaff)).unwrap();
    let mut closed = r.end();
    closed.sort();
    assert_eq!(closed, vec![c.connection, a.connection]);
    assert_eq!(
        r.join(&user(CUSTOMER, Role::Customer)).unwrap_err().code,
        ErrorCode::Conflict
    );
}

#[test]
fn bad_signals_are_refused_before_anyone_hears_them() {
    let mut r = room();
    let c = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    r.join(&user(AGENT, Role::HallStaff)).unwrap();
    let empty = Signal::Chat { text: " ".into() };
    assert_eq!(
        r.recipients(c.connection, &empty).unwrap_err().code,
        ErrorCode::Validation
    );
}

#[test]
fn chat_is_filed_and_heard_by_everyone_while_negotiation_is_relayed() {
    let mut r = room();
    let c = r.join(&user(CUSTOMER, Role::Customer)).unwrap();
    let a = r.join(&user(AGENT, Role::HallStaff)).unwrap();
    let (to, message) = r.receive(c.connection, chat(), 7).unwrap();
    assert_eq!(
        to,
        vec![c.connection, a.connection],
        "the sender sees it filed"
    );
    let RoomMessage::Chat { entry } = message else {
        panic!("chat")
    };
    assert_eq!((entry.at, entry.from), (7, Seat::Customer));
    let (to, message) = r.receive(a.connection, offer(), 8).unwrap();
    assert_eq!(to, vec![c.connection]);
    assert!(matches!(
        message,
        RoomMessage::Relay {
            from: Seat::Agent,
            ..
        }
    ));
    let file = FileRef {
        id: "f".repeat(32),
        name: "电费单.pdf".into(),
        content_type: "application/pdf".into(),
        size: 10,
    };
    r.share(Seat::Agent, file, 9).unwrap();
    assert_eq!(r.transcript.len(), 2);
}

#[test]
fn after_the_end_participants_are_still_known_for_the_record() {
    let mut r = room();
    r.end();
    assert_eq!(
        r.who(&user(CUSTOMER, Role::Customer)).unwrap(),
        Seat::Customer
    );
    assert_eq!(r.who(&by_key("secret-key")).unwrap(), Seat::Customer);
    assert_eq!(
        r.who(&user(99, Role::Customer)).unwrap_err().code,
        ErrorCode::Forbidden
    );
}
