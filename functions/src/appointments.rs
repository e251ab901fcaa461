//! Appointments: slots with their bookings, booking with a capacity check that cannot be raced,
//! a customer's own list, cancel and reschedule. Each booking gets a code to check in with at
//! the kiosk; arriving is in `arrivals`.

use crate::args;
use crate::crypto::random_bytes;
use crate::db::from_ms;
use crate::error::Result;
use crate::hall_calendar::hall_calendar;
use crate::http::{created, ok, parse_id, query_param, read_json};
use crate::router::Ctx;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use domain::halls::BusinessType;
use domain::hours::to_local;
use domain::queue::appointments::{
    arrival, check_bookable, code_from, slots_on, AppointmentState, AppointmentView, BookRequest,
    RescheduleRequest, Slot, SlotRules,
};
use domain::queue::QueueConfig;
use domain::wire::{from_wire_name, wire_name};
use domain::{ApiError, Reason};
use serde::Deserialize;
use worker::Response;

pub(crate) const SELECT: &str =
    "SELECT a.id, a.hall_id, h.name AS hall_name, a.business, a.start_at, a.state, a.ticket_id, a.code, a.customer_id \
    FROM appointments a JOIN halls h ON h.id = a.hall_id";
const HOLDING: &str = "state IN ('booked', 'arrived')";

#[derive(Deserialize)]
pub(crate) struct Row {
    pub id: i64,
    pub hall_id: String,
    hall_name: String,
    pub business: String,
    pub start_at: i64,
    state: String,
    ticket_id: Option<i64>,
    code: Option<String>,
    pub customer_id: i64,
}

pub(crate) fn parse<T: serde::de::DeserializeOwned>(text: &str, field: &str) -> Result<T> {
    from_wire_name(text)
        .ok_or_else(|| ApiError::validation(field, format!("unknown {field}: {text}")).into())
}

impl Row {
    fn view(self, now: DateTime<Utc>) -> Result<AppointmentView> {
        let (start, state): (DateTime<Utc>, AppointmentState) =
            (from_ms(self.start_at), parse(&self.state, "state")?);
        Ok(AppointmentView {
            arrival: (state == AppointmentState::Booked)
                .then(|| arrival(start, now, &QueueConfig::default())),
            business: parse(&self.business, "business")?,
            id: self.id,
            hall_id: self.hall_id,
            hall_name: self.hall_name,
            start,
            state,
            ticket_id: self.ticket_id.map(|t| t as u32),
            code: self.code,
        })
    }
}

/// The appointment id in the path.
pub(crate) fn path_id(ctx: &Ctx) -> Result<i64> {
    parse_id(ctx.matched.param(), "appointment")
}

/// The caller's own appointment, 404 for anyone else's so ids reveal nothing.
pub(crate) async fn own(ctx: &Ctx, id: i64) -> Result<Row> {
    let user = ctx.signed_in()?;
    let row: Option<Row> = ctx
        .db
        .first(
            &format!("{SELECT} WHERE a.id = ? AND a.customer_id = ?"),
            args![id, user.id],
        )
        .await?;
    row.ok_or_else(|| ApiError::not_found("appointment").into())
}

async fn hall_serves(ctx: &Ctx, hall: &str, business: BusinessType) -> Result<()> {
    let pattern = format!("%\"{}\"%", wire_name(&business));
    let row: Option<serde_json::Value> = ctx
        .db
        .first(
            "SELECT id FROM counters WHERE hall_id = ? AND serves_json LIKE ?",
            args![hall, pattern],
        )
        .await?;
    row.map(|_| ()).ok_or_else(|| {
        ApiError::validation("business", "this hall does not handle that business").into()
    })
}

pub async fn handle_slots(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let hours = hall_calendar(&ctx.db, &hall).await?;
    let business: BusinessType = parse(
        &query_param(&ctx.req, "business")?.unwrap_or_default(),
        "business",
    )?;
    let date = query_param(&ctx.req, "date")?.unwrap_or_default();
    let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d")
        .map_err(|_| ApiError::validation("date", "give the date as YYYY-MM-DD"))?;
    let rules = SlotRules::default();
    let starts: Vec<DateTime<Utc>> = slots_on(&hours, date, &rules)
        .into_iter()
        .filter(|s| *s > ctx.now)
        .collect();
    #[derive(Deserialize)]
    struct Count {
        start_at: i64,
        n: i64,
    }
    let (first, last) = (
        starts.first().map(|s| s.timestamp_millis()).unwrap_or(0),
        starts.last().map(|s| s.timestamp_millis()).unwrap_or(0),
    );
    let counts: Vec<Count> = ctx
        .db
        .all(
            &format!("SELECT start_at, COUNT(*) AS n FROM appointments WHERE hall_id = ? AND business = ? AND start_at BETWEEN ? AND ? AND {HOLDING} GROUP BY start_at"),
            args![&hall, wire_name(&business), first, last],
        )
        .await?;
    let slots: Vec<Slot> = starts
        .into_iter()
        .map(|start| {
            let booked = counts
                .iter()
                .find(|c| c.start_at == start.timestamp_millis())
                .map(|c| c.n as u32)
                .unwrap_or(0);
            Slot {
                start,
                capacity: rules.capacity,
                booked,
            }
        })
        .collect();
    ok(&slots)
}

pub async fn handle_book(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let body: BookRequest = read_json(&mut ctx.req).await?;
    let user = ctx.signed_in()?;
    let hours = hall_calendar(&ctx.db, &hall).await?;
    hall_serves(ctx, &hall, body.business).await?;
    let rules = SlotRules::default();
    check_bookable(&hours, body.start, ctx.now, &rules)?;
    let day_start = to_local(body.start)
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|d| d.and_local_timezone(domain::hours::china_tz()).single());
    let day_start = day_start.map(|d| d.timestamp_millis()).unwrap_or(0);
    let same_day: Option<serde_json::Value> = ctx
        .db
        .first(
            "SELECT id FROM appointments WHERE customer_id = ? AND hall_id = ? AND state = 'booked' AND start_at >= ? AND start_at < ?",
            args![user.id, &hall, day_start, day_start + Duration::days(1).num_milliseconds()],
        )
        .await?;
    if same_day.is_some() {
        return Err(ApiError::new(
            Reason::AlreadyBooked,
            "you already have an appointment at this hall that day; reschedule it instead",
        )
        .into());
    }
    let now_ms = ctx.now.timestamp_millis();
    // A fresh code free among the hall's open bookings; the insert checks again, so two
    // bookings racing for one code cannot both get it.
    let mut attempts = 0;
    let written = loop {
        let code = code_from(u32::from_le_bytes(random_bytes::<4>()?));
        let written = ctx
            .db
            .run(
                &format!(
                    "INSERT INTO appointments (hall_id, business, customer_id, start_at, state, created_at, updated_at, code) \
                     SELECT ?1, ?2, ?3, ?4, 'booked', ?5, ?5, ?7 \
                     WHERE (SELECT COUNT(*) FROM appointments WHERE hall_id = ?1 AND business = ?2 AND start_at = ?4 AND {HOLDING}) < ?6 \
                     AND NOT EXISTS (SELECT 1 FROM appointments WHERE hall_id = ?1 AND code = ?7 AND state = 'booked')"
                ),
                args![&hall, wire_name(&body.business), user.id, body.start.timestamp_millis(), now_ms, rules.capacity as i64, &code],
            )
            .await?;
        attempts += 1;
        if written.changes > 0 || attempts == 5 || !code_taken(ctx, &hall, &code).await? {
            break written;
        }
    };
    if written.changes == 0 {
        return Err(
            ApiError::new(Reason::SlotFull, "that slot is full; please choose another").into(),
        );
    }
    let row = own(ctx, written.last_row_id).await?;
    created(&row.view(ctx.now)?)
}

async fn code_taken(ctx: &Ctx, hall: &str, code: &str) -> Result<bool> {
    let row: Option<serde_json::Value> = ctx
        .db
        .first(
            "SELECT id FROM appointments WHERE hall_id = ? AND code = ? AND state = 'booked'",
            args![hall, code],
        )
        .await?;
    Ok(row.is_some())
}

pub async fn handle_mine(ctx: &mut Ctx) -> Result<Response> {
    let user = ctx.signed_in()?;
    let since = (ctx.now - Duration::days(7)).timestamp_millis();
    let rows: Vec<Row> = ctx
        .db
        .all(
            &format!("{SELECT} WHERE a.customer_id = ? AND a.start_at >= ? ORDER BY a.start_at"),
            args![user.id, since],
        )
        .await?;
    ok(&rows
        .into_iter()
        .map(|r| r.view(ctx.now))
        .collect::<Result<Vec<_>>>()?)
}

pub(crate) fn still_booked(row: &Row) -> Result<()> {
    if row.state != "booked" {
        return Err(ApiError::new(
            Reason::AppointmentNotBooked,
            format!("this appointment is {}, not booked", row.state),
        )
        .into());
    }
    Ok(())
}

pub async fn handle_cancel(ctx: &mut Ctx) -> Result<Response> {
    let row = own(ctx, path_id(ctx)?).await?;
    still_booked(&row)?;
    ctx.db
        .run(
            "UPDATE appointments SET state = 'cancelled', updated_at = ? WHERE id = ?",
            args![ctx.now.timestamp_millis(), row.id],
        )
        .await?;
    ok(&own(ctx, row.id).await?.view(ctx.now)?)
}

pub async fn handle_reschedule(ctx: &mut Ctx) -> Result<Response> {
    let body: RescheduleRequest = read_json(&mut ctx.req).await?;
    let row = own(ctx, path_id(ctx)?).await?;
    still_booked(&row)?;
    let rules = SlotRules::default();
    check_bookable(
        &hall_calendar(&ctx.db, &row.hall_id).await?,
        body.start,
        ctx.now,
        &rules,
    )?;
    let written = ctx
        .db
        .run(
            &format!(
                "UPDATE appointments SET start_at = ?1, updated_at = ?2 WHERE id = ?3 AND \
                 (SELECT COUNT(*) FROM appointments WHERE hall_id = ?4 AND business = ?5 AND start_at = ?1 AND id <> ?3 AND {HOLDING}) < ?6"
            ),
            args![body.start.timestamp_millis(), ctx.now.timestamp_millis(), row.id, &row.hall_id, &row.business, rules.capacity as i64],
        )
        .await?;
    if written.changes == 0 {
        return Err(
            ApiError::new(Reason::SlotFull, "that slot is full; please choose another").into(),
        );
    }
    ok(&own(ctx, row.id).await?.view(ctx.now)?)
}
