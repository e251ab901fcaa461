use super::*;
use crate::queue::protocol::QueueSnapshot;

fn number(prefix: char, seq: u32) -> TicketNumber {
    TicketNumber { prefix, seq }
}

/// A call made by change `at` (the tests use one number for both).
fn call(ticket_id: u32, seq: u32, counter: u32, at: i64) -> CallView {
    CallView {
        seq: at as u64,
        ticket_id,
        number: number('A', seq),
        counter,
        at,
        recall: false,
    }
}

fn snapshot_with(calls: Vec<CallView>) -> QueueMessage {
    QueueMessage::Snapshot(QueueSnapshot {
        seq: 0,
        hall_id: "h".into(),
        day: "2026-11-23".into(),
        counters: vec![],
        by_type: vec![],
        waiting: vec![],
        recent_calls: calls,
        board: Default::default(),
    })
}

fn called(c: CallView) -> QueueMessage {
    QueueMessage::Called { seq: 1, call: c }
}

fn drain(calls: &mut CallsToAnnounce) -> Vec<u32> {
    std::iter::from_fn(|| calls.take_next())
        .map(|c| c.ticket_id)
        .collect()
}

#[test]
fn numbers_are_read_digit_by_digit() {
    assert_eq!(
        call_text_zh(number('A', 12), 3),
        "请 A 零一二 号到 3 号窗口"
    );
    assert_eq!(
        call_text_zh(number('E', 107), 12),
        "请 E 一零七 号到 12 号窗口"
    );
    assert_eq!(
        call_text_en(number('A', 12), 3),
        "Number A 0 1 2, please go to counter 3"
    );
}

#[test]
fn a_call_is_said_twice_in_chinese_and_once_in_english_when_the_hall_wants_it() {
    let c = call(1, 12, 3, 0);
    let zh = Utterance {
        voice: Voice::Zh,
        text: "请 A 零一二 号到 3 号窗口".into(),
    };
    assert_eq!(utterances(&c, false), vec![zh.clone(), zh.clone()]);
    let with_english = utterances(&c, true);
    assert_eq!(with_english.len(), 3);
    assert_eq!(with_english[2].voice.lang(), "en-US");
}

#[test]
fn the_first_snapshot_is_history_and_later_calls_are_said_once() {
    let mut calls = CallsToAnnounce::default();
    calls.receive(&snapshot_with(vec![call(2, 2, 1, 20), call(1, 1, 1, 10)]));
    assert_eq!(calls.pending(), 0);
    calls.receive(&called(call(3, 3, 2, 30)));
    // The snapshot that follows repeats the call: nothing more to say.
    calls.receive(&snapshot_with(vec![call(3, 3, 2, 30), call(2, 2, 1, 20)]));
    assert_eq!(drain(&mut calls), vec![3]);
}

#[test]
fn a_recall_is_said_again() {
    let mut calls = CallsToAnnounce::default();
    calls.receive(&snapshot_with(vec![]));
    calls.receive(&called(call(1, 1, 1, 10)));
    // Under a test clock a recall may come at the very same time: its change number differs.
    calls.receive(&called(CallView {
        recall: true,
        seq: 70,
        ..call(1, 1, 1, 10)
    }));
    assert_eq!(drain(&mut calls), vec![1, 1]);
}

#[test]
fn calls_missed_while_offline_are_said_in_order_from_the_next_snapshot() {
    let mut calls = CallsToAnnounce::default();
    calls.receive(&snapshot_with(vec![call(1, 1, 1, 10)]));
    calls.receive(&snapshot_with(vec![
        call(3, 3, 1, 30),
        call(2, 2, 2, 20),
        call(1, 1, 1, 10),
    ]));
    assert_eq!(drain(&mut calls), vec![2, 3]);
}

#[test]
fn a_backlog_keeps_only_the_newest_calls() {
    let mut calls = CallsToAnnounce::default();
    calls.receive(&snapshot_with(vec![]));
    for i in 0..100 {
        calls.receive(&called(call(i, i, 1, i as i64)));
    }
    assert_eq!(drain(&mut calls), vec![96, 97, 98, 99]);
}
