//! Cross-site requests refused: a request that changes something must come from a page of our
//! own origin. Browsers say where a request comes from in `Origin` (every POST, PUT and DELETE
//! a page makes) or, failing that, `Sec-Fetch-Site`; a request with neither is refused, so a
//! program that is no browser sends `Origin` itself. The one exception is the payment
//! gateway's notice, which proves itself by its signature instead.
//! A WebSocket is opened by a GET; one opened from another site's page is refused too.

use crate::routes::{Endpoint, Method};
use crate::{ApiError, ApiResult, Reason};

/// Endpoints that other sites' servers call, each proving itself another way.
pub const FROM_ELSEWHERE: &[Endpoint] = &[Endpoint::PaymentNotify];

/// Whether a request of `method` to `endpoint`, from `origin` or `fetch_site` (the request's
/// `Origin` and `Sec-Fetch-Site` headers), may proceed on a site whose origin is `own`.
pub fn check(
    method: Method,
    endpoint: Endpoint,
    own: &str,
    origin: Option<&str>,
    fetch_site: Option<&str>,
) -> ApiResult<()> {
    if method == Method::Get || FROM_ELSEWHERE.contains(&endpoint) {
        return Ok(());
    }
    let same = match (origin, fetch_site) {
        (Some(origin), _) => origin == own,
        (None, Some(site)) => site == "same-origin",
        (None, None) => false,
    };
    if same {
        Ok(())
    } else {
        Err(refusal())
    }
}

/// Whether a WebSocket may open: browsers always send `Origin` on one; a foreign page's is
/// refused. A program that is no browser sends none and carries no one's cookies.
pub fn check_socket(own: &str, origin: Option<&str>) -> ApiResult<()> {
    match origin {
        Some(origin) if origin != own => Err(refusal()),
        _ => Ok(()),
    }
}

fn refusal() -> ApiError {
    ApiError::new(
        Reason::CrossSite,
        "this request did not come from Gridhall's own pages; open Gridhall and try there",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    const OWN: &str = "https://gridhall.example";

    #[test]
    fn writes_come_from_our_own_pages() {
        let post = |origin, site| check(Method::Post, Endpoint::TicketCreate, OWN, origin, site);
        assert_eq!(post(Some(OWN), None), Ok(()));
        assert_eq!(
            post(Some(OWN), Some("cross-site")),
            Ok(()),
            "Origin decides"
        );
        assert_eq!(post(None, Some("same-origin")), Ok(()));
        for (origin, site) in [
            (Some("https://evil.example"), Some("same-origin")),
            (Some("null"), None),
            (Some("http://gridhall.example"), None),
            (None, Some("same-site")),
            (None, Some("cross-site")),
            (None, Some("none")),
            (None, None),
        ] {
            let refused = post(origin, site).unwrap_err();
            assert_eq!(refused.reason, Reason::CrossSite, "{origin:?} {site:?}");
            assert_eq!(refused.code, ErrorCode::Forbidden);
        }
    }

    #[test]
    fn reads_and_the_gateway_notice_are_not_asked() {
        let evil = Some("https://evil.example");
        assert_eq!(check(Method::Get, Endpoint::Me, OWN, evil, None), Ok(()));
        assert_eq!(
            check(Method::Post, Endpoint::PaymentNotify, OWN, None, None),
            Ok(())
        );
        for method in [Method::Put, Method::Delete] {
            let any = Endpoint::ALL
                .iter()
                .find(|e| e.method() == method)
                .copied()
                .unwrap();
            assert!(check(method, any, OWN, evil, None).is_err());
        }
    }

    #[test]
    fn sockets_refuse_only_a_foreign_page() {
        assert_eq!(check_socket(OWN, Some(OWN)), Ok(()));
        assert_eq!(check_socket(OWN, None), Ok(()));
        assert!(check_socket(OWN, Some("https://evil.example")).is_err());
    }
}
