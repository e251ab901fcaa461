//! Notices a hall manager publishes: a window (start, optional end) and a withdrawal switch.
//! Whether a notice shows is derived from that window and the clock, never stored.

use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const TITLE_MAX: usize = 100;
pub const BODY_MAX: usize = 5000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeState {
    /// Its window has not started.
    Scheduled,
    Published,
    /// Its window has ended.
    Expired,
    Withdrawn,
}

/// What a manager submits to create or edit a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeInput {
    /// `None`: shown in every hall.
    pub hall_id: Option<String>,
    pub title: String,
    pub body: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Notice {
    pub id: i64,
    pub hall_id: Option<String>,
    pub hall_name: Option<String>,
    pub title: String,
    pub body: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
    pub state: NoticeState,
}

pub fn notice_state(
    starts_at: DateTime<Utc>,
    ends_at: Option<DateTime<Utc>>,
    withdrawn_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> NoticeState {
    if withdrawn_at.is_some() {
        NoticeState::Withdrawn
    } else if now < starts_at {
        NoticeState::Scheduled
    } else if ends_at.is_some_and(|end| now >= end) {
        NoticeState::Expired
    } else {
        NoticeState::Published
    }
}

impl NoticeInput {
    /// Trims the text fields and checks every rule; the first broken rule names its field.
    pub fn normalised(self) -> ApiResult<NoticeInput> {
        let title = self.title.trim().to_string();
        let body = self.body.trim().to_string();
        if title.is_empty() {
            return Err(ApiError::validation("title", "title is required"));
        }
        if title.chars().count() > TITLE_MAX {
            return Err(ApiError::validation(
                "title",
                format!("title is longer than {TITLE_MAX} characters"),
            ));
        }
        if body.is_empty() {
            return Err(ApiError::validation("body", "body is required"));
        }
        if body.chars().count() > BODY_MAX {
            return Err(ApiError::validation(
                "body",
                format!("body is longer than {BODY_MAX} characters"),
            ));
        }
        if self.ends_at.is_some_and(|end| end <= self.starts_at) {
            return Err(ApiError::validation(
                "ends_at",
                "the end must be after the start",
            ));
        }
        let hall_id = self
            .hall_id
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty());
        Ok(NoticeInput {
            hall_id,
            title,
            body,
            ..self
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
    }

    #[test]
    fn state_follows_the_window() {
        assert_eq!(
            notice_state(t(10), Some(t(12)), None, t(9)),
            NoticeState::Scheduled
        );
        assert_eq!(
            notice_state(t(10), Some(t(12)), None, t(10)),
            NoticeState::Published
        );
        assert_eq!(
            notice_state(t(10), Some(t(12)), None, t(12)),
            NoticeState::Expired
        );
        assert_eq!(
            notice_state(t(10), None, None, t(23)),
            NoticeState::Published
        );
        assert_eq!(
            notice_state(t(10), None, Some(t(11)), t(11)),
            NoticeState::Withdrawn
        );
    }

    fn input() -> NoticeInput {
        NoticeInput {
            hall_id: Some(" xinghu ".into()),
            title: "  停电通知 ".into(),
            body: "明日检修".into(),
            starts_at: t(10),
            ends_at: Some(t(12)),
        }
    }

    #[test]
    fn normalising_trims_text() {
        let n = input().normalised().unwrap();
        assert_eq!(
            (n.title.as_str(), n.hall_id.as_deref()),
            ("停电通知", Some("xinghu"))
        );
    }

    #[test]
    fn each_rule_names_its_field() {
        let field = |i: NoticeInput| i.normalised().unwrap_err().field.unwrap();
        assert_eq!(
            field(NoticeInput {
                title: "  ".into(),
                ..input()
            }),
            "title"
        );
        assert_eq!(
            field(NoticeInput {
                title: "字".repeat(TITLE_MAX + 1),
                ..input()
            }),
            "title"
        );
        assert_eq!(
            field(NoticeInput {
                body: "".into(),
                ..input()
            }),
            "body"
        );
        assert_eq!(
            field(NoticeInput {
                body: "b".repeat(BODY_MAX + 1),
                ..input()
            }),
            "body"
        );
        assert_eq!(
            field(NoticeInput {
                ends_at: Some(t(10)),
                ..input()
            }),
            "ends_at"
        );
        assert_eq!(
            field(NoticeInput {
                ends_at: Some(t(10) - Duration::hours(1)),
                ..input()
            }),
            "ends_at"
        );
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        assert!(NoticeInput {
            title: "字".repeat(TITLE_MAX),
            ..input()
        }
        .normalised()
        .is_ok());
    }
}
