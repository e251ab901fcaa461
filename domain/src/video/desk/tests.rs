use super::*;
use crate::ErrorCode;

const MIN: i64 = 60_000;

fn desk_with_agents(available: &[i64]) -> Desk {
    let mut d = Desk::default();
    for &a in available {
        d.set_presence(a, &format!("agent {a}"), Presence::Available)
            .unwrap();
    }
    d
}

fn asking(room: &str, customer_id: Option<i64>, topic: &str, channel: Channel) -> Asking {
    Asking {
        room: room.into(),
        customer_id,
        customer_name: "张伟".into(),
        hall: None,
        topic: topic.into(),
        channel,
        phone: None,
    }
}

fn ask(d: &mut Desk, room: &str, now: i64) -> HelpRequest {
    d.ask(asking(room, None, "咨询", Channel::Video), now)
        .unwrap()
        .0
}

#[test]
fn the_pre_call_check_picks_the_channel_down_the_ladder() {
    assert_eq!(Channel::from_devices(true, true), Channel::Video);
    assert_eq!(Channel::from_devices(false, true), Channel::Audio);
    assert_eq!(Channel::from_devices(true, false), Channel::Chat);
    assert_eq!(Channel::from_devices(false, false), Channel::Chat);
}

#[test]
fn requests_wait_in_order_with_a_place_and_a_range() {
    let mut d = desk_with_agents(&[1, 2]);
    let (_, first) = d
        .ask(asking("a", Some(10), "电费咨询", Channel::Video), 0)
        .unwrap();
    let (_, second) = d
        .ask(asking("b", None, "报装进度", Channel::Chat), MIN)
        .unwrap();
    ask(&mut d, "c", 2 * MIN);
    assert!(first && !second, "only joining an empty queue rings");
    assert_eq!(d.place("a").unwrap().ahead, 0);
    let place = d.place("c").unwrap();
    assert_eq!(place.ahead, 2);
    assert_eq!((place.wait.low_minutes, place.wait.high_minutes), (6, 12));
    d.accept(1, "a", 3 * MIN).unwrap();
    assert_eq!(d.place("b").unwrap().ahead, 0);
    assert_eq!(d.place("a"), None, "no longer waiting");
    let view = d.view(false);
    assert_eq!(
        view.waiting
            .iter()
            .map(|r| r.room.as_str())
            .collect::<Vec<_>>(),
        ["b", "c"]
    );
    assert_eq!(view.in_call[0].accepted_at, Some(3 * MIN));
}

#[test]
fn bad_requests_are_refused() {
    let mut d = Desk::default();
    let err = d
        .ask(asking("a", None, "  ", Channel::Video), 0)
        .unwrap_err();
    assert_eq!(err.field.as_deref(), Some("topic"));
    d.ask(asking("b", Some(10), "咨询", Channel::Video), 0)
        .unwrap();
    let again = d.ask(asking("c", Some(10), "again", Channel::Video), 0);
    assert_eq!(again.unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(d.cancel("nope").unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn an_agent_must_be_available_to_accept_and_is_busy_until_the_call_ends() {
    let mut d = desk_with_agents(&[1]);
    d.set_presence(2, "away", Presence::Away).unwrap();
    ask(&mut d, "r", 0);
    assert_eq!(d.accept(2, "r", 0).unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(
        d.accept(1, "r", 0).unwrap().state,
        RequestState::Assigned { agent: 1 }
    );
    assert_eq!(d.agents[&1].presence, Presence::Busy);
    let refused = d.set_presence(1, "agent 1", Presence::Away);
    assert_eq!(refused.unwrap_err().code, ErrorCode::Conflict, "in a call");
    ask(&mut d, "next", 0);
    assert_eq!(
        d.accept(1, "next", 0).unwrap_err().code,
        ErrorCode::Conflict,
        "busy"
    );
    assert_eq!(
        d.finish("r", 2, false).unwrap_err().code,
        ErrorCode::Forbidden
    );
    d.finish("r", 1, false).unwrap();
    assert_eq!(d.agents[&1].presence, Presence::Available);
    assert_eq!(
        d.finish("r", 1, false).unwrap_err().code,
        ErrorCode::Conflict
    );
}

#[test]
fn busy_is_not_for_agents_to_choose() {
    let mut d = Desk::default();
    let err = d.set_presence(1, "a", Presence::Busy).unwrap_err();
    assert_eq!(err.field.as_deref(), Some("presence"));
}

#[test]
fn a_transfer_frees_the_first_agent_and_busies_the_second() {
    let mut d = desk_with_agents(&[1, 2]);
    ask(&mut d, "r", 0);
    assert_eq!(
        d.transfer("r", 1, false, 2).unwrap_err().code,
        ErrorCode::Conflict,
        "not in a call yet"
    );
    d.accept(1, "r", 0).unwrap();
    assert_eq!(
        d.transfer("r", 2, false, 2).unwrap_err().code,
        ErrorCode::Forbidden,
        "only the call's agent"
    );
    assert_eq!(
        d.transfer("r", 1, false, 1).unwrap_err().code,
        ErrorCode::Conflict
    );
    assert_eq!(
        d.transfer("r", 1, false, 2).unwrap().state,
        RequestState::Assigned { agent: 2 }
    );
    assert_eq!(
        (d.agents[&1].presence, d.agents[&2].presence),
        (Presence::Available, Presence::Busy)
    );
    d.set_presence(3, "c", Presence::Away).unwrap();
    assert_eq!(
        d.transfer("r", 99, true, 3).unwrap_err().code,
        ErrorCode::Conflict,
        "a supervisor may, but not to someone away"
    );
    d.transfer("r", 99, true, 1).unwrap();
}

#[test]
fn nobody_answering_in_five_minutes_offers_a_callback() {
    let mut d = Desk::default();
    ask(&mut d, "r", 0);
    assert!(!d.callback_due("r", 5 * MIN - 1));
    assert!(d.callback_due("r", 5 * MIN));
    assert_eq!(
        d.request_callback("r", "12345").unwrap_err().code,
        ErrorCode::Validation
    );
    let called_back = d.request_callback("r", "138 0013 8000").unwrap();
    assert_eq!(
        called_back.state,
        RequestState::CallbackRequested {
            phone: "13800138000".into()
        }
    );
    assert!(!d.callback_due("r", 10 * MIN), "no longer waiting");
    assert_eq!(d.cancel("r").unwrap_err().code, ErrorCode::Conflict);
}

#[test]
fn a_closed_desk_sets_an_idle_agent_away_but_not_one_in_a_call() {
    let mut d = desk_with_agents(&[1, 2]);
    ask(&mut d, "r", 0);
    d.accept(1, "r", 0).unwrap();
    d.went_offline(1);
    d.went_offline(2);
    assert_eq!(d.agents[&1].presence, Presence::Busy);
    assert_eq!(d.agents[&2].presence, Presence::Away);
}

#[test]
fn finished_requests_are_forgotten_after_an_hour() {
    let mut d = Desk::default();
    ask(&mut d, "old", 0);
    d.cancel("old").unwrap();
    ask(&mut d, "waiting", 0);
    ask(&mut d, "new", 61 * MIN);
    assert!(d.request("old").is_none());
    assert!(d.request("waiting").is_some());
}
