use super::*;
use crate::ErrorCode;

const MIN: i64 = 60_000;

fn desk_with_agents(available: &[i64]) -> Desk {
    let mut d = Desk::default();
    for &a in available {
        d.set_presence(a, Presence::Available);
    }
    d
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
    let (a, first) = d.ask(Some(10), "电费咨询", Channel::Video, 0).unwrap();
    let (b, second) = d.ask(None, "报装进度", Channel::Chat, MIN).unwrap();
    let (c, _) = d.ask(None, "发票", Channel::Audio, 2 * MIN).unwrap();
    assert!(first && !second, "only joining an empty queue rings");
    assert_eq!(d.place(a.id).unwrap().ahead, 0);
    let place = d.place(c.id).unwrap();
    assert_eq!(place.ahead, 2);
    assert_eq!((place.wait.low_minutes, place.wait.high_minutes), (6, 12));
    d.accept(1, a.id).unwrap();
    assert_eq!(d.place(b.id).unwrap().ahead, 0);
    assert_eq!(d.place(a.id), None, "no longer waiting");
}

#[test]
fn bad_requests_are_refused() {
    let mut d = Desk::default();
    assert_eq!(
        d.ask(None, "  ", Channel::Video, 0)
            .unwrap_err()
            .field
            .as_deref(),
        Some("topic")
    );
    d.ask(Some(10), "咨询", Channel::Video, 0).unwrap();
    assert_eq!(
        d.ask(Some(10), "again", Channel::Video, 0)
            .unwrap_err()
            .code,
        ErrorCode::Conflict
    );
}

#[test]
fn an_agent_must_be_available_to_accept_and_is_busy_until_the_call_ends() {
    let mut d = desk_with_agents(&[1]);
    d.set_presence(2, Presence::Away);
    let (r, _) = d.ask(None, "咨询", Channel::Video, 0).unwrap();
    assert_eq!(d.accept(2, r.id).unwrap_err().code, ErrorCode::Conflict);
    assert_eq!(
        d.accept(1, r.id).unwrap().state,
        RequestState::Assigned { agent: 1 }
    );
    assert_eq!(d.agents[&1], Presence::Busy);
    let (next, _) = d.ask(None, "咨询", Channel::Video, 0).unwrap();
    assert_eq!(
        d.accept(1, next.id).unwrap_err().code,
        ErrorCode::Conflict,
        "busy"
    );
    assert_eq!(d.accept(1, r.id).unwrap_err().code, ErrorCode::Conflict);
    d.finish(r.id).unwrap();
    assert_eq!(d.agents[&1], Presence::Available);
    assert_eq!(d.finish(r.id).unwrap_err().code, ErrorCode::Conflict);
}

#[test]
fn a_transfer_frees_the_first_agent_and_busies_the_second() {
    let mut d = desk_with_agents(&[1, 2]);
    let (r, _) = d.ask(None, "咨询", Channel::Video, 0).unwrap();
    assert_eq!(
        d.transfer(r.id, 2).unwrap_err().code,
        ErrorCode::Conflict,
        "not in a call yet"
    );
    d.accept(1, r.id).unwrap();
    assert_eq!(
        d.transfer(r.id, 2).unwrap().state,
        RequestState::Assigned { agent: 2 }
    );
    assert_eq!(
        (d.agents[&1], d.agents[&2]),
        (Presence::Available, Presence::Busy)
    );
    d.set_presence(3, Presence::Away);
    assert_eq!(d.transfer(r.id, 3).unwrap_err().code, ErrorCode::Conflict);
}

#[test]
fn nobody_answering_in_five_minutes_offers_a_callback() {
    let mut d = Desk::default();
    let (r, _) = d.ask(None, "咨询", Channel::Video, 0).unwrap();
    assert!(!d.callback_due(r.id, 5 * MIN - 1));
    assert!(d.callback_due(r.id, 5 * MIN));
    assert_eq!(
        d.request_callback(r.id, "12345").unwrap_err().code,
        ErrorCode::Validation
    );
    let called_back = d.request_callback(r.id, "138 0013 8000").unwrap();
    assert_eq!(
        called_back.state,
        RequestState::CallbackRequested {
            phone: "13800138000".into()
        }
    );
    assert!(!d.callback_due(r.id, 10 * MIN), "no longer waiting");
    assert_eq!(d.cancel(r.id).unwrap_err().code, ErrorCode::Conflict);
}
