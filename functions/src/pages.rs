//! Page requests: every path that is neither a static file nor `/api/*` or `/ws/*` gets the
//! HTML entry of the app that draws it (`domain::apps`), so a deep link or a reload works in
//! every app; a moved page redirects; a missing file is a 404.

use crate::error::Result;
use crate::http::error_response;
use domain::apps::PageRoute;
use domain::{ApiError, Reason};
use worker::{Env, Headers, Method, Request, Response};

pub async fn handle_page(req: Request, env: Env) -> Response {
    serve(req, env)
        .await
        .unwrap_or_else(|e| error_response(&e.0))
}

async fn serve(req: Request, env: Env) -> Result<Response> {
    if !matches!(req.method(), Method::Get | Method::Head) {
        return Err(ApiError::new(Reason::MethodNotAllowed, "pages are only read").into());
    }
    let url = req.url()?;
    match PageRoute::for_path(url.path()) {
        PageRoute::MissingFile => Err(ApiError::new(Reason::NotFound, "no such file").into()),
        PageRoute::Moved(to) => {
            let mut target = url.clone();
            target.set_path(to);
            Ok(Response::redirect_with_status(target, 301)?)
        }
        PageRoute::Serve(app) => {
            let mut entry = url.clone();
            entry.set_path(app.index_path());
            entry.set_query(None);
            let asset = env.assets("ASSETS")?.fetch(entry.to_string(), None).await?;
            if asset.status_code() != 200 {
                return Err(
                    ApiError::internal(format!("{} is not built", app.index_path())).into(),
                );
            }
            // The entry names its scripts by content hash; it must itself be checked on every
            // visit so that a new deployment is seen (the service worker keeps it offline).
            let headers = Headers::new();
            headers.set("content-type", "text/html; charset=utf-8")?;
            headers.set("cache-control", "no-cache")?;
            Ok(Response::from_body(asset.body().clone())?.with_headers(headers))
        }
    }
}
