//! Everything that is neither `/api/*` nor `/ws/*`: a static file of the build, or a page. A
//! page gets the HTML entry of the app that draws it (`domain::apps`), so a deep link or a
//! reload works in every app; a moved page redirects; a missing file is a 404. Each answer
//! says what it serves, so `defences` can give it its policy: an entry's inline scripts are
//! allowed by their hashes, read from the entry itself.

use crate::error::Result;
use crate::http::error_response;
use domain::apps::{App, PageRoute};
use domain::security::headers::{inline_script_hashes, Served};
use domain::{ApiError, Reason};
use worker::{Env, Headers, Method, Request, Response, Url};

pub async fn handle_page(req: Request, env: Env) -> (Response, Served) {
    serve(req, env)
        .await
        .unwrap_or_else(|e| (error_response(&e.0), Served::Api))
}

async fn serve(req: Request, env: Env) -> Result<(Response, Served)> {
    if !matches!(req.method(), Method::Get | Method::Head) {
        return Err(ApiError::new(Reason::MethodNotAllowed, "pages are only read").into());
    }
    let url = req.url()?;
    match PageRoute::for_path(url.path()) {
        // The service worker asks for entries by path: they are pages all the same, always
        // answered whole (a 304 would update the cached entry's headers without its hashes).
        PageRoute::File => match App::of_entry(url.path()) {
            Some(app) => entry_page(&env, &url, app).await,
            None => {
                let file = env.assets("ASSETS")?.fetch_request(req).await?;
                if file.status_code() == 404 {
                    return Err(ApiError::new(Reason::NotFound, "no such file").into());
                }
                Ok((file, Served::Static))
            }
        },
        PageRoute::Moved(to) => {
            let mut target = url.clone();
            target.set_path(to);
            Ok((Response::redirect_with_status(target, 301)?, Served::Api))
        }
        PageRoute::Serve(app) => entry_page(&env, &url, app).await,
    }
}

/// An app's entry as a page: its inline scripts are allowed by their hashes. It names its
/// scripts by content hash, so it must itself be checked on every visit for a new deployment
/// to be seen (the service worker keeps it offline).
async fn entry_page(env: &Env, url: &Url, app: App) -> Result<(Response, Served)> {
    let mut entry = url.clone();
    entry.set_path(app.index_path());
    entry.set_query(None);
    let mut file = env.assets("ASSETS")?.fetch(entry.to_string(), None).await?;
    if file.status_code() != 200 {
        return Err(ApiError::internal(format!("{} is not built", app.index_path())).into());
    }
    let html = file.text().await?;
    let hashes = inline_script_hashes(&html);
    let headers = Headers::new();
    headers.set("content-type", "text/html; charset=utf-8")?;
    headers.set("cache-control", "no-cache")?;
    let page = Response::ok(html)?.with_headers(headers);
    Ok((page, Served::Page(app, hashes)))
}
