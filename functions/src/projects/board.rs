//! The project board: the page of projects each party sees, the most urgent first, each
//! drawn from its row and its glance (`domain::projects::glance`), kept with the project on
//! every write, so a page of fifty reads no history.

use super::{party, summary, today, ProjectRow};
use crate::args;
use crate::board_page::{self, PAGE};
use crate::db::{Arg, Db};
use crate::error::Result;
use crate::http::{ok, query_param};
use crate::router::Ctx;
use chrono::NaiveDate;
use domain::calendar::Calendar;
use domain::policy::Actor;
use domain::projects::glance::Glance;
use domain::Role;
use serde::Deserialize;
use std::collections::HashMap;
use worker::Response;

/// A board row: the project's glance, not its history (`state_json` is read only for the rows
/// whose glance is missing or no longer holds, by `glances`).
const SELECT_BOARD: &str = "SELECT p.id, p.customer_id, u.name AS customer_name, p.hall_id, \
    p.title, p.address, p.kind, p.capacity_kva, p.dual_source, '' AS state_json, p.opened_on, \
    p.updated_at, p.account_no, p.glance FROM projects p JOIN users u ON u.id = p.customer_id";

/// The names of `SELECT_BOARD`'s columns, in `ProjectRow`'s order (for `Db::all_packed`).
const BOARD_COLUMNS: &str = "id, customer_id, customer_name, hall_id, title, address, kind, \
    capacity_kva, dual_source, state_json, opened_on, updated_at, account_no, glance";

#[derive(Deserialize)]
struct History {
    id: i64,
    state_json: String,
}

/// Each row's glance as of `today`. A project whose glance is missing (written before migration
/// 0035) or no longer holds (a firm's qualification ran out) gets one from its history, read
/// for those rows only; a missing one is kept unless the project was written since.
async fn glances(db: &Db, rows: &[ProjectRow], today: NaiveDate) -> Result<Vec<Glance>> {
    let kept: Vec<Option<Glance>> = rows
        .iter()
        .map(|r| {
            r.glance
                .as_deref()
                .and_then(|g| serde_json::from_str::<Glance>(g).ok())
                .filter(|g| g.holds_on(today))
        })
        .collect();
    let stale: Vec<i64> = rows
        .iter()
        .zip(&kept)
        .filter(|(_, g)| g.is_none())
        .map(|(r, _)| r.id)
        .collect();
    let mut histories = HashMap::new();
    if !stale.is_empty() {
        let read: Vec<History> = db
            .all(
                "SELECT id, state_json FROM projects WHERE id IN (SELECT value FROM json_each(?))",
                args![serde_json::to_string(&stale)?],
            )
            .await?;
        histories.extend(read.into_iter().map(|h| (h.id, h.state_json)));
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut writes = Vec::new();
    for (row, kept) in rows.iter().zip(kept) {
        if let Some(glance) = kept {
            out.push(glance);
            continue;
        }
        let row = ProjectRow {
            state_json: histories.remove(&row.id).unwrap_or_default(),
            ..row.clone()
        };
        let glance = Glance::of(&row.project()?, row.dual(), row.opened()?, today);
        if row.glance.is_none() {
            writes.push(db.statement(
                "UPDATE projects SET glance = ? WHERE id = ? AND glance IS NULL AND state_json = ?",
                args![serde_json::to_string(&glance)?, row.id, &row.state_json],
            )?);
        }
        out.push(glance);
    }
    db.batch(writes).await?;
    Ok(out)
}

/// Which projects a list shows the caller: their own, their firm's, their hall's, or all.
fn scope(actor: &Actor) -> (String, Vec<Arg>) {
    match actor.role {
        Role::Admin => ("1 = 1".into(), args![]),
        Role::Customer => ("p.customer_id = ?".into(), args![actor.user_id]),
        Role::HallStaff | Role::HallManager => {
            ("p.hall_id = ?".into(), args![actor.hall_id.clone()])
        }
        _ => (
            "p.id IN (SELECT project_id FROM project_firms WHERE firm_id = ?)".into(),
            args![actor.firm_id.unwrap_or(-1)],
        ),
    }
}

/// The board's page: the `board_page::PAGE` most urgent of the projects `actor` may see, narrowed by
/// `filter` (`board_page`). The order comes from the clock runs kept on write (`clocks`): a
/// running clock's `late_from` is its due day plus one, so the overdue come first, then by days
/// left (the open runs by hall and due day); projects whose clock is not running (the
/// customer's turn, finished) follow, the latest first (the projects by hall and time).
async fn load_board(
    db: &Db,
    actor: &Actor,
    filter: &str,
    values: Vec<Arg>,
) -> Result<Vec<ProjectRow>> {
    // `shown` has plain `?` parameters and appears in both parts: its values go in twice.
    let (shown, mut args) = shown_to(actor, filter, values);
    args.extend(args.clone());
    let running = format!(
        "SELECT r.project_id AS id, r.late_from AS k1, 0 AS k2 FROM project_clock_runs r \
         JOIN projects p ON p.id = r.project_id JOIN users u ON u.id = p.customer_id \
         WHERE r.finished IS NULL AND r.hall_id = p.hall_id AND {shown} ORDER BY r.late_from LIMIT {PAGE}"
    );
    let waiting = format!(
        "SELECT p.id, 0 AS k1, -p.updated_at AS k2 FROM projects p JOIN users u ON u.id = p.customer_id \
         WHERE {shown} AND NOT EXISTS (SELECT 1 FROM project_clock_runs r \
         WHERE r.project_id = p.id AND r.finished IS NULL) ORDER BY p.updated_at DESC LIMIT {PAGE}"
    );
    let page = board_page::ids(&running, &waiting, PAGE);
    db.all_packed(
        &format!("{SELECT_BOARD} WHERE p.id IN ({page})"),
        BOARD_COLUMNS,
        args,
    )
    .await
}

/// The condition for the projects `actor` may see narrowed by `filter`, and its values.
fn shown_to(actor: &Actor, filter: &str, mut values: Vec<Arg>) -> (String, Vec<Arg>) {
    let (clause, mut args) = scope(actor);
    args.append(&mut values);
    (format!("{clause} AND {filter}"), args)
}

/// `?stage=&hall=&q=&overdue=1`: overdue first, then by days left, then the latest.
pub async fn handle_list(ctx: &mut Ctx) -> Result<Response> {
    let actor = ctx.actor()?;
    let mut filter = vec!["1 = 1".to_string()];
    let mut values = Vec::new();
    if let Some(stage) = query_param(&ctx.req, "stage")? {
        filter.push("p.stage = ?".into());
        values.push(stage.into());
    }
    if let Some(hall) = query_param(&ctx.req, "hall")? {
        filter.push("p.hall_id = ?".into());
        values.push(hall.into());
    }
    if let Some(q) = query_param(&ctx.req, "q")? {
        let like = format!("%{}%", q.trim());
        let id = q
            .rsplit('-')
            .next()
            .and_then(|n| n.trim().parse::<i64>().ok())
            .unwrap_or(-1);
        filter.push("(p.title LIKE ? OR p.address LIKE ? OR u.name LIKE ? OR p.id = ?)".into());
        values.extend([
            like.clone().into(),
            like.clone().into(),
            like.into(),
            id.into(),
        ]);
    }
    let overdue_only = query_param(&ctx.req, "overdue")?.is_some();
    let rows = load_board(&ctx.db, &actor, &filter.join(" AND "), values).await?;
    let calendar = Calendar::china();
    let day = today(ctx.now);
    let glances = glances(&ctx.db, &rows, day).await?;
    let viewer = party(&actor);
    let mut list = rows
        .iter()
        .zip(&glances)
        .map(|(row, g)| summary(&calendar, row, g, g.is_turn_of(viewer), day))
        .collect::<Result<Vec<_>>>()?;
    if overdue_only {
        list.retain(|s| s.due.is_some_and(|d| d.standing.is_overdue()));
    }
    list.sort_by_key(|s| {
        let left = s.due.map_or(i64::MAX, |d| d.standing.left);
        (left >= 0, left, -s.updated_at)
    });
    ok(&list)
}
