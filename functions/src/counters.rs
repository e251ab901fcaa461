//! A hall's counters as its manager sets them up: add one, change what it serves and what its
//! clerk is trained for, or take it away. Today's queue follows at once.

use crate::args;
use crate::error::Result;
use crate::halls::{hall_counters, managed_hall};
use crate::http::{ok, read_json};
use crate::queue::tell_queue;
use crate::router::Ctx;
use crate::users::audit;
use domain::halls::edit::{counter_number, CounterEdit};
use domain::halls::Counter;
use domain::queue::protocol::QueueCommand;
use domain::{ApiError, Reason};
use serde_json::json;
use worker::Response;

/// Adds the counter with the number in the path, or sets up the one there is.
pub async fn handle_set_counter(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let number = counter_number(ctx.matched.param_at(1))?;
    let edit: CounterEdit = read_json(&mut ctx.req).await?;
    let edit = edit.checked()?;
    let before = hall_counters(&ctx.db, &hall)
        .await?
        .into_iter()
        .find(|c| c.number == number);
    ctx.db
        .run(
            "INSERT INTO counters (hall_id, number, serves_json, trained_json) VALUES (?, ?, ?, ?) \
             ON CONFLICT(hall_id, number) DO UPDATE SET serves_json = excluded.serves_json, \
             trained_json = excluded.trained_json",
            args![
                &hall,
                number,
                serde_json::to_string(&edit.serves)?,
                serde_json::to_string(&edit.trained)?
            ],
        )
        .await?;
    let counter = hall_counters(&ctx.db, &hall)
        .await?
        .into_iter()
        .find(|c| c.number == number)
        .ok_or_else(|| ApiError::internal("the counter just written is missing"))?;
    tell_queue(
        ctx,
        &hall,
        QueueCommand::SetCounter {
            counter: counter.clone(),
        },
    )
    .await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "hall.counter.set",
        &format!("hall:{hall}:counter:{number}"),
        json!({ "before": before, "after": &counter }),
    )
    .await?;
    ok(&counter)
}

/// Takes a counter out of the hall: refused while a clerk is signed in at it, and for the
/// hall's last counter.
pub async fn handle_remove_counter(ctx: &mut Ctx) -> Result<Response> {
    let hall = managed_hall(ctx).await?;
    let number = counter_number(ctx.matched.param_at(1))?;
    let counters: Vec<Counter> = hall_counters(&ctx.db, &hall).await?;
    let before = counters
        .iter()
        .find(|c| c.number == number)
        .cloned()
        .ok_or_else(|| ApiError::not_found("counter"))?;
    if counters.len() == 1 {
        return Err(ApiError::new(
            Reason::LastCounter,
            "this is the hall's last counter; add another before taking it away",
        )
        .into());
    }
    // The queue refuses while the counter is in use; only then is it gone from D1.
    tell_queue(ctx, &hall, QueueCommand::RemoveCounter { counter: number }).await?;
    ctx.db
        .run(
            "DELETE FROM counters WHERE hall_id = ? AND number = ?",
            args![&hall, number],
        )
        .await?;
    audit(
        &ctx.db,
        Some(ctx.actor()?.user_id),
        "hall.counter.remove",
        &format!("hall:{hall}:counter:{number}"),
        json!({ "before": before }),
    )
    .await?;
    ok(&json!({ "removed": number }))
}
