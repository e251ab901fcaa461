//! Low ratings followed up: every rating of two stars or fewer, whatever was rated (a counter
//! visit, a video call, a work order), lands on one list for its hall with the customer's
//! contact. Someone is assigned, calls back and records what came of it; a complaint that
//! needs work becomes a work order.

use crate::error::{field_text, ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

/// Ratings at or below this many stars open a follow-up.
pub const LOW_STARS: u8 = 2;

pub fn is_low(stars: u8) -> bool {
    stars <= LOW_STARS
}

/// What the customer rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rated {
    /// A visit to a counter: the ticket.
    Counter,
    VideoCall,
    WorkOrder,
    Application,
}

impl Rated {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Rated::Counter => ("窗口服务", "Counter service"),
            Rated::VideoCall => ("视频客服", "Video call"),
            Rated::WorkOrder => ("工单处理", "Work order"),
            Rated::Application => ("业务办理", "Application"),
        }
    }
}

/// What the follow-up came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FollowOutcome {
    /// The customer was called back and heard.
    CalledBack,
    /// The cause was put right.
    Resolved,
    /// Nobody answered: it stays open for another try.
    NotReached,
}

impl FollowOutcome {
    pub const ALL: [FollowOutcome; 3] = [
        FollowOutcome::CalledBack,
        FollowOutcome::Resolved,
        FollowOutcome::NotReached,
    ];

    /// Whether the follow-up is done with this outcome.
    pub fn closes(self) -> bool {
        self != FollowOutcome::NotReached
    }

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            FollowOutcome::CalledBack => ("已回访", "Called back"),
            FollowOutcome::Resolved => ("已解决", "Resolved"),
            FollowOutcome::NotReached => ("未联系上", "Could not reach"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FollowUp {
    pub id: i64,
    pub hall_id: String,
    pub rated: Rated,
    /// The ticket number, the call's topic or the order's number.
    pub subject: String,
    /// The page of what was rated, where there is one.
    pub link: Option<String>,
    pub stars: u8,
    pub comment: String,
    pub customer_name: Option<String>,
    pub phone: Option<String>,
    pub created_at: i64,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    pub note: Option<String>,
    pub outcome: Option<FollowOutcome>,
    pub resolved_at: Option<i64>,
    /// The work order opened from it.
    pub work_order_id: Option<i64>,
}

/// A colleague a follow-up can be given to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Colleague {
    pub id: i64,
    pub name: String,
}

/// The hall's follow-ups, open ones first, and who may take them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FollowUpBoard {
    pub items: Vec<FollowUp>,
    pub colleagues: Vec<Colleague>,
}

pub const NOTE_MAX: usize = 300;

/// A change to an open follow-up: who has it, a note, and (when there is one) the outcome.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FollowUpInput {
    #[serde(default)]
    pub assignee_id: Option<i64>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub outcome: Option<FollowOutcome>,
}

impl FollowUpInput {
    pub fn checked(&self) -> ApiResult<FollowUpInput> {
        if self.assignee_id.is_none() && self.note.is_none() && self.outcome.is_none() {
            return Err(ApiError::invalid(
                "outcome",
                Reason::Outcome,
                "assign the follow-up, add a note or record its outcome",
            ));
        }
        let note = match &self.note {
            Some(note) => Some(field_text("note", note, NOTE_MAX, "the note")?),
            None => None,
        };
        Ok(FollowUpInput {
            note,
            ..self.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_stars_or_fewer_are_followed_up() {
        assert_eq!((1..=5).filter(|&s| is_low(s)).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn only_reaching_the_customer_closes_a_follow_up() {
        let closing: Vec<_> = FollowOutcome::ALL
            .into_iter()
            .filter(|o| o.closes())
            .collect();
        assert_eq!(
            closing,
            [FollowOutcome::CalledBack, FollowOutcome::Resolved]
        );
    }

    #[test]
    fn a_change_says_something_and_its_note_is_plain_text() {
        let none = FollowUpInput::default().checked().unwrap_err();
        assert_eq!(none.reason, Reason::Outcome);
        let blank = FollowUpInput {
            note: Some("  ".into()),
            ..FollowUpInput::default()
        };
        assert_eq!(blank.checked().unwrap_err().field.as_deref(), Some("note"));
        let long = FollowUpInput {
            note: Some("字".repeat(NOTE_MAX + 1)),
            ..FollowUpInput::default()
        };
        assert!(long.checked().is_err());
        let noted = FollowUpInput {
            note: Some(" 已致电道歉 ".into()),
            outcome: Some(FollowOutcome::CalledBack),
            ..FollowUpInput::default()
        };
        assert_eq!(noted.checked().unwrap().note.as_deref(), Some("已致电道歉"));
    }
}
