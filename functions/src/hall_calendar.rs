//! A hall's calendar as D1 holds it: the weekly hours on `halls`, the manager's special days in
//! `hall_special_days`, and the national holidays shipped with the code
//! (domain::hours::calendar). Check-in, appointments, the queue's closing and every hall page
//! read it here; managers set and remove special days.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::halls::managed_hall;
use crate::http::{ok, read_json};
use crate::queue::tell_queue;
use crate::router::Ctx;
use crate::users::audit;
use chrono::{NaiveDate, NaiveTime};
use domain::hours::calendar::{HallCalendar, SpecialDay, SpecialDayRequest};
use domain::hours::{to_local, DayHours, Days, WeeklyHours};
use domain::queue::protocol::QueueCommand;
use domain::ApiError;
use serde::Deserialize;
use serde_json::json;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use worker::{D1PreparedStatement, D1Result, Response};

/// How long an isolate trusts the calendar it read. Hours change a few times a year, while
/// every check-in and ticket request needs them: this keeps D1 out of the queue's hot path.
/// A manager's change clears the isolate's copy at once.
const CACHE_MS: i64 = 60_000;

thread_local! {
    static CACHE: RefCell<HashMap<String, (i64, HallCalendar)>> = RefCell::default();
}

#[derive(Deserialize)]
struct SpecialRow {
    hall_id: String,
    day: String,
    open: Option<String>,
    close: Option<String>,
    note: String,
}

impl SpecialRow {
    fn special_day(self) -> Result<SpecialDay> {
        let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M");
        let bad = |_| ApiError::internal("a stored special day is unreadable");
        let hours = match (self.open.as_deref(), self.close.as_deref()) {
            (Some(open), Some(close)) => Some(DayHours {
                open: time(open).map_err(bad)?,
                close: time(close).map_err(bad)?,
            }),
            _ => None,
        };
        Ok(SpecialDay {
            date: NaiveDate::parse_from_str(&self.day, "%Y-%m-%d").map_err(bad)?,
            hours,
            note: self.note,
        })
    }
}

/// Special days by hall; every hall's when `hall` is `None`. All of them: a hall sets apart a
/// few days a year, and one list serves requests at any time (the test clock included).
pub async fn special_days(
    db: &Db,
    hall: Option<&str>,
) -> Result<BTreeMap<String, Vec<SpecialDay>>> {
    let result = special_days_query(db, hall)?.all().await?;
    special_days_from(&result)
}

/// The statement of [`special_days`], to send with others in one round trip (`Db::reads`).
pub fn special_days_query(db: &Db, hall: Option<&str>) -> Result<D1PreparedStatement> {
    db.statement(
        "SELECT hall_id, day, open, close, note FROM hall_special_days \
         WHERE ?1 IS NULL OR hall_id = ?1 ORDER BY day",
        args![hall],
    )
}

/// [`special_days`] from its statement's result.
pub fn special_days_from(result: &D1Result) -> Result<BTreeMap<String, Vec<SpecialDay>>> {
    let rows: Vec<SpecialRow> = result.results()?;
    let mut by_hall: BTreeMap<String, Vec<SpecialDay>> = BTreeMap::new();
    for row in rows {
        let hall = row.hall_id.clone();
        by_hall.entry(hall).or_default().push(row.special_day()?);
    }
    Ok(by_hall)
}

/// The hall's calendar, or 404 when there is no such hall.
pub async fn hall_calendar(db: &Db, hall_id: &str) -> Result<HallCalendar> {
    let now_ms = crate::db::now().timestamp_millis();
    let cached = CACHE.with_borrow(|cache| {
        cache
            .get(hall_id)
            .filter(|(read_at, _)| now_ms - read_at < CACHE_MS)
            .map(|(_, calendar)| calendar.clone())
    });
    if let Some(calendar) = cached {
        return Ok(calendar);
    }
    #[derive(Deserialize)]
    struct Row {
        hours_json: String,
    }
    let row: Option<Row> = db
        .first("SELECT hours_json FROM halls WHERE id = ?", args![hall_id])
        .await?;
    let weekly: WeeklyHours =
        serde_json::from_str(&row.ok_or_else(|| ApiError::not_found("hall"))?.hours_json)?;
    let specials = special_days(db, Some(hall_id))
        .await?
        .remove(hall_id)
        .unwrap_or_default();
    let calendar = HallCalendar::new(weekly, specials);
    CACHE.with_borrow_mut(|cache| cache.insert(hall_id.into(), (now_ms, calendar.clone())));
    Ok(calendar)
}

/// The date in the path: today or later.
fn path_date(ctx: &Ctx) -> Result<NaiveDate> {
    let date = NaiveDate::parse_from_str(ctx.matched.param_at(1), "%Y-%m-%d")
        .map_err(|_| ApiError::validation("date", "give the date as YYYY-MM-DD"))?;
    if date < to_local(ctx.now).date_naive() {
        return Err(ApiError::validation("date", "choose today or a later day").into());
    }
    Ok(date)
}

/// Sets a day apart at the manager's hall: other hours, or closed.
pub async fn handle_set_special_day(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let date = path_date(ctx)?;
    let request: SpecialDayRequest = read_json(&mut ctx.req).await?;
    let day = request.special_day(date)?;
    let actor = ctx.actor()?;
    let clock = |t: NaiveTime| t.format("%H:%M").to_string();
    ctx.db
        .run(
            "INSERT INTO hall_special_days (hall_id, day, open, close, note, by_id, at) \
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(hall_id, day) DO UPDATE SET \
             open = excluded.open, close = excluded.close, note = excluded.note, \
             by_id = excluded.by_id, at = excluded.at",
            args![
                &hall,
                date.to_string(),
                day.hours.map(|h| clock(h.open)),
                day.hours.map(|h| clock(h.close)),
                &day.note,
                actor.user_id,
                ctx.now.timestamp_millis()
            ],
        )
        .await?;
    forget(&hall);
    follow_today(ctx, &hall, date).await?;
    let subject = format!("hall:{hall}:{date}");
    audit(
        &ctx.db,
        Some(actor.user_id),
        "hall.special_day.set",
        &subject,
        json!({ "after": &day }),
    )
    .await?;
    ok(&day)
}

/// Gives a special day back to the weekly hours and the national calendar.
pub async fn handle_remove_special_day(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let date = path_date(ctx)?;
    let written = ctx
        .db
        .run(
            "DELETE FROM hall_special_days WHERE hall_id = ? AND day = ?",
            args![&hall, date.to_string()],
        )
        .await?;
    if written.changes == 0 {
        return Err(ApiError::not_found("special day").into());
    }
    forget(&hall);
    follow_today(ctx, &hall, date).await?;
    let actor = ctx.actor()?;
    let subject = format!("hall:{hall}:{date}");
    audit(
        &ctx.db,
        Some(actor.user_id),
        "hall.special_day.remove",
        &subject,
        json!({}),
    )
    .await?;
    ok(&json!({ "removed": date }))
}

/// A change to today's hours tells today's queue when the hall now closes, so the counters still
/// signed in are signed out at the new time, not the old one.
pub async fn follow_today(ctx: &Ctx, hall: &str, date: NaiveDate) -> Result<()> {
    if date != to_local(ctx.now).date_naive() {
        return Ok(());
    }
    let closes_at = hall_calendar(&ctx.db, hall).await?.closes_on(date);
    tell_queue(ctx, hall, QueueCommand::SetClosing { closes_at }).await
}

/// This isolate reads the hall's calendar from D1 again on its next use.
pub fn forget(hall: &str) {
    CACHE.with_borrow_mut(|cache| cache.remove(hall));
}
