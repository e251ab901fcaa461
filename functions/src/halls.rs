//! Halls: the public list and one hall's details with its counters.

use crate::args;
use crate::db::Db;
use crate::error::Result;
use crate::hall_business::{hall_business_from, hall_business_query};
use crate::hall_calendar::{follow_today, forget, special_days_from, special_days_query};
use crate::http::{ok, read_json};
use crate::router::Ctx;
use crate::users::audit;
use chrono::{DateTime, Utc};
use domain::halls::edit::HallEdit;
use domain::halls::map::{Directions, MapPoint};
use domain::halls::{BusinessType, Counter, HallDetail, HallSummary};
use domain::hours::calendar::{HallCalendar, SpecialDay};
use domain::hours::{to_local, Days, WeeklyHours};
use domain::policy::may_manage_hall;
use domain::{ApiError, Reason};
use serde::Deserialize;
use serde_json::json;
use worker::{D1PreparedStatement, D1Result, Response};

#[derive(Deserialize)]
struct HallRow {
    id: String,
    name: String,
    name_en: String,
    district: String,
    address: String,
    address_en: String,
    phone: String,
    hours_json: String,
    lat_e6: Option<i32>,
    lng_e6: Option<i32>,
    transit: String,
    parking: String,
}

#[derive(Deserialize)]
struct CounterRow {
    id: i64,
    number: i64,
    serves_json: String,
    trained_json: Option<String>,
}

const HALL_COLUMNS: &str = "id, name, name_en, district, address, address_en, phone, hours_json, \
     lat_e6, lng_e6, transit, parking";

impl HallRow {
    /// The hall's calendar from this row and its special days.
    fn calendar(&self, specials: Vec<SpecialDay>) -> Result<HallCalendar> {
        let weekly: WeeklyHours = serde_json::from_str(&self.hours_json)?;
        Ok(HallCalendar::new(weekly, specials))
    }

    fn directions(&self) -> Directions {
        Directions {
            transit: self.transit.clone(),
            parking: self.parking.clone(),
        }
    }

    fn summary(self, calendar: &HallCalendar, now: DateTime<Utc>) -> HallSummary {
        let point = self
            .lat_e6
            .zip(self.lng_e6)
            .map(|(lat_e6, lng_e6)| MapPoint { lat_e6, lng_e6 });
        HallSummary {
            point,
            today: calendar.today(now),
            status: calendar.status(now),
            today_rule: calendar.rule_on(to_local(now).date_naive()),
            id: self.id,
            name: self.name,
            name_en: self.name_en,
            district: self.district,
            address: self.address,
            address_en: self.address_en,
            phone: self.phone,
        }
    }
}

/// The hall's name, or 404 when there is no such hall.
pub async fn hall_name(db: &Db, hall_id: &str) -> Result<String> {
    let row: Option<HallRow> = db
        .first(
            &format!("SELECT {HALL_COLUMNS} FROM halls WHERE id = ?"),
            args![hall_id],
        )
        .await?;
    row.map(|r| r.name)
        .ok_or_else(|| ApiError::not_found("hall").into())
}

/// The hall in the path, if it exists and the caller runs it.
pub async fn managed_hall(ctx: &Ctx) -> Result<String> {
    let hall = ctx.matched.param().to_string();
    hall_name(&ctx.db, &hall).await?;
    if !may_manage_hall(&ctx.actor()?, &hall) {
        return Err(ApiError::new(Reason::OtherHall, "you may only manage your own hall").into());
    }
    Ok(hall)
}

/// Whether the hall's TVs say calls in English too.
pub async fn announces_in_english(db: &Db, hall_id: &str) -> Result<bool> {
    #[derive(serde::Deserialize)]
    struct Row {
        announce_english: i64,
    }
    let row: Option<Row> = db
        .first(
            "SELECT announce_english FROM halls WHERE id = ?",
            args![hall_id],
        )
        .await?;
    Ok(row.is_some_and(|r| r.announce_english != 0))
}

pub async fn handle_list_halls(ctx: &mut Ctx) -> Result<Response> {
    ok(&hall_summaries(&ctx.db, ctx.now).await?)
}

/// Every hall in display order, open or closed at `now` by its calendar.
pub async fn hall_summaries(db: &Db, now: DateTime<Utc>) -> Result<Vec<HallSummary>> {
    let sql = format!("SELECT {HALL_COLUMNS} FROM halls ORDER BY sort_order, id");
    let results = db
        .reads(vec![
            db.statement(&sql, vec![])?,
            special_days_query(db, None)?,
        ])
        .await?;
    let [halls, specials] = results.as_slice() else {
        return Err(ApiError::internal("the halls' reads came back incomplete").into());
    };
    let rows: Vec<HallRow> = halls.results()?;
    let mut specials = special_days_from(specials)?;
    rows.into_iter()
        .map(|r| {
            let calendar = r.calendar(specials.remove(&r.id).unwrap_or_default())?;
            Ok(r.summary(&calendar, now))
        })
        .collect()
}

/// The hall's counters in number order, with the business each serves and its clerk is
/// trained for.
pub async fn hall_counters(db: &Db, hall_id: &str) -> Result<Vec<Counter>> {
    let result = hall_counters_query(db, hall_id)?.all().await?;
    hall_counters_from(&result)
}

fn hall_counters_query(db: &Db, hall_id: &str) -> Result<D1PreparedStatement> {
    db.statement(
        "SELECT id, number, serves_json, trained_json FROM counters WHERE hall_id = ? ORDER BY number",
        args![hall_id],
    )
}

fn hall_counters_from(result: &D1Result) -> Result<Vec<Counter>> {
    let rows: Vec<CounterRow> = result.results()?;
    rows.into_iter()
        .map(|c| {
            let serves: Vec<BusinessType> = serde_json::from_str(&c.serves_json)?;
            let trained = match &c.trained_json {
                Some(json) => serde_json::from_str(json)?,
                None => BusinessType::ALL.to_vec(),
            };
            Ok(Counter {
                id: c.id,
                number: u32::try_from(c.number).map_err(|_| ApiError::not_found("counter"))?,
                serves,
                trained,
            })
        })
        .collect()
}

pub async fn handle_get_hall(ctx: &mut Ctx) -> Result<Response> {
    let id = ctx.matched.param().to_string();
    let db = &ctx.db;
    // One round trip for the four reads.
    let sql = format!("SELECT {HALL_COLUMNS} FROM halls WHERE id = ?");
    let results = db
        .reads(vec![
            db.statement(&sql, args![&id])?,
            hall_counters_query(db, &id)?,
            special_days_query(db, Some(&id))?,
            hall_business_query(db, &id)?,
        ])
        .await?;
    let [hall, counters, specials, business] = results.as_slice() else {
        return Err(ApiError::internal("the hall's reads came back incomplete").into());
    };
    let row = hall
        .results::<HallRow>()?
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::not_found("hall"))?;
    let counters = hall_counters_from(counters)?;
    let mut specials = special_days_from(specials)?;
    let business = hall_business_from(business)?;
    let calendar = row.calendar(specials.remove(&id).unwrap_or_default())?;
    let today = to_local(ctx.now).date_naive();
    let special_days = calendar
        .specials
        .values()
        .filter(|s| s.date >= today)
        .cloned()
        .collect();
    ok(&HallDetail {
        directions: row.directions(),
        hours: calendar.weekly.clone(),
        summary: row.summary(&calendar, ctx.now),
        counters,
        special_days,
        business,
    })
}

/// The manager changes the hall's address, phone or weekly hours; today's closing follows.
pub async fn handle_update_hall(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let edit: HallEdit = read_json(&mut ctx.req).await?;
    let edit = edit.checked()?;
    let before: Option<HallRow> = ctx
        .db
        .first(
            &format!("SELECT {HALL_COLUMNS} FROM halls WHERE id = ?"),
            args![&hall],
        )
        .await?;
    ctx.db
        .run(
            "UPDATE halls SET address = ?, address_en = ?, phone = ?, hours_json = ?, \
             transit = COALESCE(?, transit), parking = COALESCE(?, parking) WHERE id = ?",
            args![
                &edit.address,
                &edit.address_en,
                &edit.phone,
                serde_json::to_string(&edit.hours)?,
                edit.directions.as_ref().map(|d| &d.transit),
                edit.directions.as_ref().map(|d| &d.parking),
                &hall
            ],
        )
        .await?;
    forget(&hall);
    follow_today(ctx, &hall, to_local(ctx.now).date_naive()).await?;
    let before = before.map(|b| json!({ "address": b.address, "address_en": b.address_en, "phone": b.phone, "hours": b.hours_json, "transit": b.transit, "parking": b.parking }));
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "hall.update",
        &format!("hall:{hall}"),
        json!({ "before": before, "after": &edit }),
    )
    .await?;
    ok(&edit)
}
