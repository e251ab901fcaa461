//! Arriving for an appointment turns the booking into a ticket, ahead of walk-ins when it is
//! within its window: from the customer's own list in the app, or by the booking's code at the
//! hall's kiosk without signing in.

use crate::appointments::{own, parse, path_id, still_booked, Row, SELECT};
use crate::args;
use crate::db::from_ms;
use crate::error::Result;
use crate::http::client_ip;
use crate::http::{created, read_json};
use crate::limits;
use crate::queue::{check_open, send};
use crate::router::Ctx;
use domain::hours::format_local;
use domain::queue::appointments::{arrival, Arrival, ArriveByCode};
use domain::queue::protocol::{QueueCommand, TicketView, Viewer};
use domain::queue::{Channel, CheckIn, Priority, QueueConfig};
use domain::security::limits::WRONG_BOOKING_CODES;
use domain::{ApiError, Reason};
use worker::Response;

pub async fn handle_arrive(ctx: &mut Ctx) -> Result<Response> {
    let row = own(ctx, path_id(ctx)?).await?;
    arrive(ctx, row).await
}

pub async fn handle_arrive_by_code(ctx: &mut Ctx) -> Result<Response> {
    let hall = ctx.matched.param().to_string();
    let code = read_json::<ArriveByCode>(&mut ctx.req).await?.code()?;
    let address = client_ip(&ctx.req);
    limits::refuse_if_reached(&ctx.db, &[(&WRONG_BOOKING_CODES, &address)]).await?;
    let row: Option<Row> = ctx
        .db
        .first(
            &format!("{SELECT} WHERE a.hall_id = ? AND a.code = ? AND a.state = 'booked'"),
            args![&hall, &code],
        )
        .await?;
    let Some(row) = row else {
        limits::count(&ctx.db, &[(&WRONG_BOOKING_CODES, &address)]).await?;
        return Err(ApiError::new(
            Reason::AppointmentCode,
            "no open booking at this hall has that code; check the code on your booking",
        )
        .into());
    };
    arrive(ctx, row).await
}

/// Checks the booking in: on time it goes ahead of walk-ins, late it joins them, too early or
/// released it is refused with what to do.
async fn arrive(ctx: &Ctx, row: Row) -> Result<Response> {
    still_booked(&row)?;
    let priority = match arrival(from_ms(row.start_at), ctx.now, &QueueConfig::default()) {
        Arrival::TooEarly { from } => {
            return Err(ApiError::new(
                Reason::Early,
                format!("you are early; please check in from {}", format_local(from)),
            )
            .into())
        }
        Arrival::Released => {
            return Err(ApiError::new(
                Reason::AppointmentReleased,
                "this appointment was released after its hold period; please take a number",
            )
            .into())
        }
        Arrival::OnTime => Priority::Appointment,
        Arrival::Late => Priority::Normal,
    };
    check_open(ctx, &row.hall_id).await?;
    let check_in = CheckIn {
        business: parse(&row.business, "business")?,
        channel: Channel::Appointment,
        priority,
        customer_id: Some(row.customer_id),
        phone: None,
        idempotency_key: Some(format!("appointment-{}", row.id)),
        account_manager: None,
        requested: None,
    };
    let command = QueueCommand::CheckIn {
        check_in,
        key: crate::crypto::new_token()?,
    };
    let mut response = send(ctx, &row.hall_id, command, Viewer::staff()).await?;
    if !(200..300).contains(&response.status_code()) {
        return Ok(response);
    }
    let ticket: TicketView = response.json().await?;
    ctx.db
        .run(
            "UPDATE appointments SET state = 'arrived', ticket_id = ?, updated_at = ? WHERE id = ?",
            args![ticket.id as i64, ctx.now.timestamp_millis(), row.id],
        )
        .await?;
    created(&ticket)
}
