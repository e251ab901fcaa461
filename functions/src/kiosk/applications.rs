//! Applications at the kiosk: the visit acts as its customer, who identified by a texted code
//! (so the application, its progress and its messages are theirs, in their online account),
//! through the online hall's own application handlers. A visit by 户号 and name has no customer
//! to file for, and is asked to confirm a mobile.

use super::visit;
use crate::error::Result;
use crate::router::Ctx;
use crate::service::applications;
use crate::users::find_by_id;
use domain::{ApiError, Reason};
use worker::Response;

/// Signs the visit's customer in for this one request.
async fn as_customer(ctx: &mut Ctx) -> Result<()> {
    let visit = visit(ctx).await?;
    let Some(user) = visit.user_id else {
        return Err(ApiError::new(
            Reason::PhoneOrLogin,
            "to apply at the kiosk, confirm your mobile with a texted code: the application's progress is sent to it",
        )
        .into());
    };
    let row = find_by_id(&ctx.db, user)
        .await?
        .ok_or_else(|| ApiError::not_found("customer"))?;
    ctx.user = Some(row.to_user()?);
    Ok(())
}

/// Files an application as the visit's customer.
pub async fn handle_create(ctx: &mut Ctx) -> Result<Response> {
    as_customer(ctx).await?;
    applications::handle_create(ctx).await
}

/// Adds a document (a photo from the kiosk's camera) to the customer's application.
pub async fn handle_upload(ctx: &mut Ctx) -> Result<Response> {
    as_customer(ctx).await?;
    applications::handle_upload(ctx).await
}
