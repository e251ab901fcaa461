//! Notices: the public list of what is published now, the console's list, and what a notice is
//! to the one publish path (`crate::publish`: create, edit and withdraw). Whether a notice shows
//! is decided by `domain::notices::notice_state`.

use crate::args;
use crate::db::{from_ms, Arg};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{ok, query_param};
use crate::publish::{one_hall, Editable, Published};
use crate::router::Ctx;
use chrono::{DateTime, Utc};
use domain::notices::{notice_state, Notice, NoticeInput, NoticeState};
use domain::policy::Actor;
use serde::Deserialize;
use worker::Response;

#[derive(Deserialize)]
pub struct NoticeRow {
    id: i64,
    hall_id: Option<String>,
    hall_name: Option<String>,
    title: String,
    body: String,
    starts_at: i64,
    ends_at: Option<i64>,
    withdrawn_at: Option<i64>,
    updated_at: i64,
}

const SELECT: &str =
    "SELECT n.id, n.hall_id, h.name AS hall_name, n.title, n.body, n.starts_at, n.ends_at, \
    n.withdrawn_at, n.updated_at FROM notices n LEFT JOIN halls h ON h.id = n.hall_id";

impl NoticeRow {
    fn into_notice(self, now: DateTime<Utc>) -> Notice {
        let (starts_at, ends_at, withdrawn_at) = (
            from_ms(self.starts_at),
            self.ends_at.map(from_ms),
            self.withdrawn_at.map(from_ms),
        );
        Notice {
            state: notice_state(starts_at, ends_at, withdrawn_at, now),
            id: self.id,
            hall_id: self.hall_id,
            hall_name: self.hall_name,
            title: self.title,
            body: self.body,
            starts_at,
            ends_at,
            withdrawn_at,
            updated_at: from_ms(self.updated_at),
        }
    }
}

/// Published notices, newest first; with `?hall=` only that hall's and the city-wide ones.
pub async fn handle_list_published(ctx: &mut Ctx) -> Result<Response> {
    let hall = query_param(&ctx.req, "hall")?;
    if let Some(hall) = &hall {
        hall_name(&ctx.db, hall).await?;
    }
    let now_ms = ctx.now.timestamp_millis();
    let rows: Vec<NoticeRow> = ctx
        .db
        .all(
            &format!(
                "{SELECT} WHERE n.withdrawn_at IS NULL AND n.starts_at <= ?1 AND (n.ends_at IS NULL OR n.ends_at > ?1) \
                 AND (?2 IS NULL OR n.hall_id IS NULL OR n.hall_id = ?2) ORDER BY n.starts_at DESC, n.id DESC LIMIT 100"
            ),
            args![now_ms, hall],
        )
        .await?;
    let notices: Vec<Notice> = rows
        .into_iter()
        .map(|r| r.into_notice(ctx.now))
        .filter(|n| n.state == NoticeState::Published)
        .collect();
    ok(&notices)
}

impl Published for Notice {
    const KIND: &'static str = "notice";
    type Input = NoticeInput;
    const WITHDRAW: &'static str =
        "UPDATE notices SET withdrawn_at = ?1, updated_at = ?1 WHERE id = ?2";

    fn checked(input: NoticeInput) -> Result<NoticeInput> {
        Ok(input.normalised()?)
    }
    fn input_halls(input: &NoticeInput) -> Vec<String> {
        one_hall(&input.hall_id)
    }
    fn halls(&self) -> Vec<String> {
        one_hall(&self.hall_id)
    }
    fn is_withdrawn(&self) -> bool {
        self.state == NoticeState::Withdrawn
    }
    fn id(&self) -> i64 {
        self.id
    }

    type Row = NoticeRow;
    const SELECT: &'static str = SELECT;
    const ID: &'static str = "n.id";
    fn from_row(row: NoticeRow, now: DateTime<Utc>) -> Notice {
        row.into_notice(now)
    }
    fn staff_list() -> String {
        "(?1 IS NULL OR n.hall_id IS NULL OR n.hall_id = ?1) ORDER BY n.starts_at DESC, n.id DESC"
            .into()
    }

    fn insert(
        input: &NoticeInput,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<(String, Vec<Arg>)> {
        let mut values = field_values(input);
        values.extend(args![actor.user_id, now.timestamp_millis()]);
        let sql = "INSERT INTO notices (hall_id, title, body, starts_at, ends_at, withdrawn_at, created_by, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?7)";
        Ok((sql.into(), values))
    }
}

impl Editable for Notice {
    fn update(input: &NoticeInput, id: i64, now: DateTime<Utc>) -> Result<(String, Vec<Arg>)> {
        let mut values = field_values(input);
        values.extend(args![now.timestamp_millis(), id]);
        let sql = "UPDATE notices SET hall_id = ?, title = ?, body = ?, starts_at = ?, ends_at = ?, updated_at = ? WHERE id = ?";
        Ok((sql.into(), values))
    }
}

/// The submitted fields in column order: hall_id, title, body, starts_at, ends_at.
fn field_values(input: &NoticeInput) -> Vec<Arg> {
    args![
        input.hall_id.as_deref(),
        &input.title,
        &input.body,
        input.starts_at.timestamp_millis(),
        input.ends_at.map(|t| t.timestamp_millis())
    ]
}
