//! Public reads that declare how long they may be kept (`cache-control: public, max-age=N`) are
//! served from the platform's cache (the Workers Cache API, in the data centre that answers)
//! for that long, so a busy hall's phones asking every few seconds cost one computation per
//! interval, not one per phone. Under the test clock a request that names its own time is
//! never served from or stored in the cache: its answer belongs to that time.

use crate::error::Result;
use crate::router::Ctx;
use std::future::Future;
use worker::{Cache, Response};

/// The cached answer to this GET, else `make`'s, stored for its `max-age`.
pub async fn cached<F>(ctx: &Ctx, make: F) -> Result<Response>
where
    F: Future<Output = Result<Response>>,
{
    let timed = crate::clock::test_clock_on(&ctx.env)
        && ctx.req.headers().get("x-test-now").ok().flatten().is_some();
    if timed {
        return make.await;
    }
    let url = ctx.req.url()?.to_string();
    let cache = Cache::default();
    if let Some(hit) = cache.get(url.as_str(), false).await? {
        return Ok(hit);
    }
    let mut response = make.await?;
    if response.status_code() == 200 {
        cache.put(url.as_str(), response.cloned()?).await?;
    }
    Ok(response)
}
