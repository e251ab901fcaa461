//! What applications and work orders share when a request names one: reading its row by id
//! (404 when there is none) and refusing a caller who may not see it (404 too, so ids cannot
//! be probed).

use crate::args;
use crate::error::Result;
use crate::http::parse_id;
use crate::router::Ctx;
use domain::policy::Actor;
use serde::de::DeserializeOwned;

/// A kind of case, as its list's row.
pub trait CaseRow: DeserializeOwned {
    /// Its name in a 404 ("work order").
    const KIND: &'static str;
    /// Its row's statement, and the column its id is (`a.id`).
    const SELECT: &'static str;
    const ID: &'static str;

    /// Refuses `actor` unless they may see this case.
    async fn check_sees(&self, ctx: &Ctx, actor: &Actor) -> Result<()>;
}

/// Case `id`'s row, or 404.
pub async fn load<R: CaseRow>(ctx: &Ctx, id: i64) -> Result<R> {
    let sql = format!("{} WHERE {} = ?", R::SELECT, R::ID);
    ctx.db.found(&sql, args![id], R::KIND).await
}

/// Case `id`, if the caller may see it, and who the caller is.
pub async fn readable_id<R: CaseRow>(ctx: &Ctx, id: i64) -> Result<(Actor, R)> {
    let actor = ctx.actor()?;
    let row: R = load(ctx, id).await?;
    row.check_sees(ctx, &actor).await?;
    Ok((actor, row))
}

/// The case in the path, if the caller may see it.
pub async fn readable<R: CaseRow>(ctx: &Ctx) -> Result<(Actor, R)> {
    readable_id(ctx, parse_id(ctx.matched.param(), R::KIND)?).await
}
