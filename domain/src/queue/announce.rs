//! What the hall TV says when a number is called, and which calls it still has to say.
//! Numbers are read digit by digit ("A 零一二"), as hall call systems do, so "A012" is never
//! heard as "A twelve"; every call is said twice, and a recall is said again.

use super::feed::QueueMessage;
use super::protocol::CallView;
use super::ticket::TicketNumber;
use std::collections::VecDeque;

/// Times each call is spoken.
pub const REPEATS: usize = 2;
/// Calls waiting to be spoken at most; older ones are dropped so a backlog never grows.
pub const MAX_PENDING: usize = 4;
/// Calls remembered as said, so a snapshot repeating them says nothing.
const REMEMBERED: usize = 32;

const ZH_DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Zh,
    En,
}

impl Voice {
    /// The BCP 47 tag the speech engine takes.
    pub fn lang(self) -> &'static str {
        match self {
            Voice::Zh => "zh-CN",
            Voice::En => "en-US",
        }
    }
}

/// One thing to say, in one voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utterance {
    pub voice: Voice,
    pub text: String,
}

fn digits(number: TicketNumber) -> String {
    format!("{:03}", number.seq)
}

/// "请 A 零一二 号到 3 号窗口".
pub fn call_text_zh(number: TicketNumber, counter: u32) -> String {
    let spoken: String = digits(number)
        .chars()
        .filter_map(|d| d.to_digit(10).map(|d| ZH_DIGITS[d as usize]))
        .collect();
    format!("请 {} {spoken} 号到 {counter} 号窗口", number.prefix)
}

/// "Number A 0 1 2, please go to counter 3".
pub fn call_text_en(number: TicketNumber, counter: u32) -> String {
    let spoken: Vec<String> = digits(number).chars().map(String::from).collect();
    format!(
        "Number {} {}, please go to counter {counter}",
        number.prefix,
        spoken.join(" ")
    )
}

/// Everything said for one call: Chinese twice, then English once when the hall wants it.
pub fn utterances(call: &CallView, english: bool) -> Vec<Utterance> {
    let zh = call_text_zh(call.number, call.counter);
    let mut said = vec![
        Utterance {
            voice: Voice::Zh,
            text: zh
        };
        REPEATS
    ];
    if english {
        said.push(Utterance {
            voice: Voice::En,
            text: call_text_en(call.number, call.counter),
        });
    }
    said
}

/// Which calls a display has yet to announce. A call is known by its change number, so a
/// recall is announced again while a snapshot repeating calls already said announces nothing. The first snapshot a display sees is history: it is shown,
/// not read out.
#[derive(Debug, Default)]
pub struct CallsToAnnounce {
    said: VecDeque<u64>,
    started: bool,
    pending: VecDeque<CallView>,
}

impl CallsToAnnounce {
    /// Takes in a feed message.
    pub fn receive(&mut self, message: &QueueMessage) {
        match message {
            QueueMessage::Called { call, .. } => self.add(call),
            QueueMessage::Snapshot(snapshot) => {
                let first = !self.started;
                self.started = true;
                // Oldest first, so calls missed while offline are said in order.
                for call in snapshot.recent_calls.iter().rev() {
                    if first {
                        self.remember(call);
                    } else {
                        self.add(call);
                    }
                }
            }
        }
    }

    fn add(&mut self, call: &CallView) {
        if !self.started || self.said.contains(&call.seq) {
            return;
        }
        self.remember(call);
        self.pending.push_back(call.clone());
        while self.pending.len() > MAX_PENDING {
            self.pending.pop_front();
        }
    }

    fn remember(&mut self, call: &CallView) {
        self.said.push_back(call.seq);
        while self.said.len() > REMEMBERED {
            self.said.pop_front();
        }
    }

    /// The next call to say, oldest first.
    pub fn take_next(&mut self) -> Option<CallView> {
        self.pending.pop_front()
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }
}

#[cfg(test)]
mod tests;
