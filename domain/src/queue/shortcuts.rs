//! The counter's keyboard shortcuts: one key per step a clerk takes all day, so the counter
//! works without the mouse. A key does something only at the clerk's own counter and only when
//! its button is on screen; the buttons show their key.

use super::counters::CounterStatus;
use super::protocol::CounterView;
use super::requests::CounterAction;
use super::TicketState;

/// The keys, as the buttons show them.
pub const CALL_NEXT: char = 'N';
pub const START: char = 'S';
pub const RECALL: char = 'R';
pub const NO_SHOW: char = 'X';
pub const FINISH: char = 'F';

/// What `key` (either case) does at `counter` for the clerk `me`: nothing at a counter someone
/// else holds, or when the step is not the one on screen.
pub fn counter_shortcut(key: char, counter: &CounterView, me: i64) -> Option<CounterAction> {
    if counter.clerk.as_ref().map(|c| c.id) != Some(me) {
        return None;
    }
    let current = counter.current_id.zip(counter.current_state);
    match (key.to_ascii_uppercase(), current) {
        (CALL_NEXT, None) if counter.status == CounterStatus::Open => Some(CounterAction::CallNext),
        (START, Some((ticket, TicketState::Called))) => Some(CounterAction::Start { ticket }),
        (RECALL, Some((ticket, TicketState::Called))) => Some(CounterAction::Recall { ticket }),
        (NO_SHOW, Some((ticket, TicketState::Called))) => Some(CounterAction::NoShow { ticket }),
        (FINISH, Some((ticket, TicketState::Serving))) => Some(CounterAction::Finish { ticket }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::halls::BusinessType;
    use crate::queue::counters::Clerk;
    use crate::queue::TicketNumber;

    fn counter(clerk: Option<i64>, current: Option<TicketState>) -> CounterView {
        CounterView {
            number: 1,
            serves: vec![BusinessType::Payment],
            status: CounterStatus::Open,
            clerk: clerk.map(|id| Clerk {
                id,
                name: "王".into(),
            }),
            current: current.map(|_| TicketNumber {
                prefix: 'A',
                seq: 1,
            }),
            current_id: current.map(|_| 7),
            current_state: current,
        }
    }

    #[test]
    fn each_key_takes_the_step_on_screen_at_the_clerks_own_counter() {
        let free = counter(Some(5), None);
        assert_eq!(
            counter_shortcut('n', &free, 5),
            Some(CounterAction::CallNext)
        );
        assert_eq!(counter_shortcut('F', &free, 5), None, "nothing to finish");
        let called = counter(Some(5), Some(TicketState::Called));
        assert_eq!(counter_shortcut('N', &called, 5), None, "someone is called");
        assert_eq!(
            counter_shortcut('s', &called, 5),
            Some(CounterAction::Start { ticket: 7 })
        );
        assert_eq!(
            counter_shortcut('R', &called, 5),
            Some(CounterAction::Recall { ticket: 7 })
        );
        assert_eq!(
            counter_shortcut('x', &called, 5),
            Some(CounterAction::NoShow { ticket: 7 })
        );
        assert_eq!(counter_shortcut('f', &called, 5), None, "not started");
        let serving = counter(Some(5), Some(TicketState::Serving));
        assert_eq!(
            counter_shortcut('f', &serving, 5),
            Some(CounterAction::Finish { ticket: 7 })
        );
        assert_eq!(counter_shortcut('s', &serving, 5), None);
        assert_eq!(counter_shortcut('q', &serving, 5), None);
    }

    #[test]
    fn keys_do_nothing_at_a_counter_the_clerk_does_not_hold_or_that_is_paused() {
        assert_eq!(counter_shortcut('n', &counter(Some(6), None), 5), None);
        assert_eq!(counter_shortcut('n', &counter(None, None), 5), None);
        let mut paused = counter(Some(5), None);
        paused.status = CounterStatus::Paused {
            reason: "午休".into(),
        };
        assert_eq!(counter_shortcut('n', &paused, 5), None);
    }
}
