//! One way to publish content: notices, posters and outages are each a `Published` kind, and
//! their create, update and withdraw go through the handlers here. Every write checks the one
//! hall-scope rule (`domain::policy::may_publish_for`: a manager publishes for their own hall,
//! several halls or every hall are the admin's) against the halls the item had and the halls it
//! will have, refuses to change what was withdrawn, and leaves its trail in the audit log.

use crate::db::{Arg, Db};
use crate::error::Result;
use crate::halls::hall_name;
use crate::http::{created, ok, parse_id, read_json};
use crate::router::Ctx;
use crate::users::audit;
use chrono::{DateTime, Utc};
use domain::policy::{console_hall, may_publish_for, Actor};
use domain::{ApiError, Reason};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::json;
use worker::Response;

/// A kind of published content, as its table holds it.
pub trait Published: Serialize + Sized {
    /// Its name in the audit log (`notice.create`, `notice:12`) and in a 404 ("notice").
    const KIND: &'static str;
    /// What a manager may edit, checked (`normalised`).
    type Input: DeserializeOwned;
    /// The statement that marks it withdrawn, from `?1` the time and `?2` the id.
    const WITHDRAW: &'static str;

    /// The submitted input, normalised and its fields checked.
    fn checked(input: Self::Input) -> Result<Self::Input>;
    /// Refuses an input the caller may publish that cannot be published `now` (an outage too
    /// soon to be told); checked after the hall scope.
    fn admissible(_input: &Self::Input, _now: DateTime<Utc>) -> Result<()> {
        Ok(())
    }
    /// The halls the input publishes for (empty: every hall).
    fn input_halls(input: &Self::Input) -> Vec<String>;
    /// The halls it is published for (empty: every hall).
    fn halls(&self) -> Vec<String>;
    fn is_withdrawn(&self) -> bool;
    fn id(&self) -> i64;

    /// Its table's row, read by `SELECT` and the condition `{ID} = ?`.
    type Row: DeserializeOwned;
    const SELECT: &'static str;
    const ID: &'static str = "id";
    fn from_row(row: Self::Row, now: DateTime<Utc>) -> Self;
    /// The console's list after `SELECT … WHERE`: what a manager of hall `?1` sees (`?1` NULL
    /// for the admin: everything), in the console's order.
    fn staff_list() -> String;
    /// The insert and its values (`actor` created it at `now`).
    fn insert(input: &Self::Input, actor: &Actor, now: DateTime<Utc>)
        -> Result<(String, Vec<Arg>)>;
    /// What follows its publication (an outage tells the customers it reaches).
    async fn published(&self, _ctx: &Ctx) -> Result<()> {
        Ok(())
    }
}

/// A kind whose items are edited in place (an outage customers were told of is withdrawn and
/// announced again instead).
pub trait Editable: Published {
    /// The update of item `id` and its values.
    fn update(input: &Self::Input, id: i64, now: DateTime<Utc>) -> Result<(String, Vec<Arg>)>;
}

/// Item `id` of kind `T` as of `now`, or 404.
pub async fn load<T: Published>(db: &Db, id: i64, now: DateTime<Utc>) -> Result<T> {
    let sql = format!("{} WHERE {} = ?", T::SELECT, T::ID);
    let row: T::Row = db.found(&sql, crate::args![id], T::KIND).await?;
    Ok(T::from_row(row, now))
}

/// The console's list of kind `T`: a manager's hall and what every hall shares; all for an
/// admin.
pub async fn handle_list_for_staff<T: Published>(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let hall = console_hall(&actor);
    let sql = format!("{} WHERE {} LIMIT 500", T::SELECT, T::staff_list());
    let rows: Vec<T::Row> = ctx.db.all(&sql, crate::args![hall]).await?;
    let items: Vec<T> = rows.into_iter().map(|r| T::from_row(r, ctx.now)).collect();
    ok(&items)
}

/// The halls of content published for one hall or, with `None`, every hall.
pub fn one_hall(hall: &Option<String>) -> Vec<String> {
    hall.iter().cloned().collect()
}

/// Refuses unless `actor` may publish for `halls`; an unknown hall is 404.
pub async fn check_scope(db: &Db, actor: &Actor, halls: &[String]) -> Result<()> {
    if !may_publish_for(actor, halls) {
        let message = if halls.is_empty() {
            "only an administrator may publish for every hall"
        } else {
            "you may only publish for your own hall"
        };
        return Err(ApiError::new(Reason::OtherHall, message).into());
    }
    for hall in halls {
        hall_name(db, hall).await?;
    }
    Ok(())
}

async fn trail<T: Published>(
    ctx: &Ctx,
    actor: &Actor,
    verb: &str,
    id: i64,
    detail: serde_json::Value,
) -> Result<()> {
    let kind = T::KIND;
    audit(
        &ctx.db,
        Some(actor.user_id),
        &format!("{kind}.{verb}"),
        &format!("{kind}:{id}"),
        detail,
    )
    .await
}

fn refuse_withdrawn<T: Published>(item: &T, what: &str) -> Result<()> {
    if item.is_withdrawn() {
        let kind = T::KIND;
        return Err(ApiError::new(Reason::Withdrawn, format!("this {kind} {what}")).into());
    }
    Ok(())
}

pub async fn handle_create<T: Published>(ctx: &mut Ctx) -> Result<Response> {
    let input = T::checked(read_json::<T::Input>(&mut ctx.req).await?)?;
    let actor = ctx.actor()?;
    check_scope(&ctx.db, &actor, &T::input_halls(&input)).await?;
    T::admissible(&input, ctx.now)?;
    let (sql, values) = T::insert(&input, &actor, ctx.now)?;
    let written = ctx.db.run(&sql, values).await?;
    let item = load::<T>(&ctx.db, written.last_row_id, ctx.now).await?;
    item.published(ctx).await?;
    trail::<T>(ctx, &actor, "create", item.id(), json!({ "after": item })).await?;
    created(&item)
}

pub async fn handle_update<T: Editable>(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), T::KIND)?;
    let input = T::checked(read_json::<T::Input>(&mut ctx.req).await?)?;
    let actor = ctx.actor()?;
    let before = load::<T>(&ctx.db, id, ctx.now).await?;
    check_scope(&ctx.db, &actor, &before.halls()).await?;
    check_scope(&ctx.db, &actor, &T::input_halls(&input)).await?;
    refuse_withdrawn(&before, "was withdrawn; create a new one instead")?;
    T::admissible(&input, ctx.now)?;
    let (sql, values) = T::update(&input, id, ctx.now)?;
    ctx.db.run(&sql, values).await?;
    changed(ctx, &actor, "update", before).await
}

pub async fn handle_withdraw<T: Published>(ctx: &mut Ctx) -> Result<Response> {
    let id = parse_id(ctx.matched.param(), T::KIND)?;
    let actor = ctx.actor()?;
    let before = load::<T>(&ctx.db, id, ctx.now).await?;
    check_scope(&ctx.db, &actor, &before.halls()).await?;
    refuse_withdrawn(&before, "is already withdrawn")?;
    ctx.db
        .run(T::WITHDRAW, crate::args![ctx.now.timestamp_millis(), id])
        .await?;
    changed(ctx, &actor, "withdraw", before).await
}

/// Answers with the item as it is now, its change (`verb`) from `before` on the audit trail.
async fn changed<T: Published>(
    ctx: &Ctx,
    actor: &Actor,
    verb: &str,
    before: T,
) -> Result<Response> {
    let id = before.id();
    let after = load::<T>(&ctx.db, id, ctx.now).await?;
    trail::<T>(
        ctx,
        actor,
        verb,
        id,
        json!({ "before": before, "after": after }),
    )
    .await?;
    ok(&after)
}
