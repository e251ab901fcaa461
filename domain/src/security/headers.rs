//! The headers every response carries. A page (an app's HTML entry) gets a strict
//! Content-Security-Policy: scripts only from our origin, plus the few inline scripts the build
//! ships, each allowed by its SHA-256 and nothing else; wasm with `'wasm-unsafe-eval'`; the
//! API and its WebSockets on our origin only; never framed. Camera and microphone are allowed
//! only in the apps that run video help. Everything else (JSON, files, static scripts) may run
//! nothing at all.

use crate::apps::App;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Where a request was addressed: the scheme and host the browser sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub https: bool,
    /// The host with its port when it has one: `gridhall.example`, `127.0.0.1:8787`.
    pub host: String,
}

impl Site {
    /// `https://gridhall.example`, as a browser writes it in `Origin`.
    pub fn origin(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}", self.host)
    }

    /// Local development (`wrangler dev`): no HSTS, plain `ws:`.
    pub fn is_local(&self) -> bool {
        let name = self
            .host
            .rsplit_once(':')
            .map_or(self.host.as_str(), |(h, _)| h);
        matches!(name, "localhost" | "127.0.0.1" | "[::1]")
    }
}

/// What a response is, which decides its policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Served {
    /// An app's HTML entry, with the SHA-256 sources of the inline scripts it carries.
    Page(App, Vec<String>),
    /// A static file of the build: scripts, wasm, styles, icons, the service worker.
    Static,
    /// An API answer: JSON, a CSV, a stored file.
    Api,
}

/// The apps that open the camera and microphone: video help, and the staff console's desk.
pub fn uses_camera(app: App) -> bool {
    matches!(app, App::Video | App::Staff)
}

/// The headers for a response of this kind to this site, name and value.
pub fn for_response(served: &Served, site: &Site) -> Vec<(&'static str, String)> {
    let mut headers = vec![
        ("x-content-type-options", "nosniff".to_string()),
        (
            "referrer-policy",
            "strict-origin-when-cross-origin".to_string(),
        ),
        ("x-frame-options", "DENY".to_string()),
        ("cross-origin-opener-policy", "same-origin".to_string()),
        ("content-security-policy", policy(served, site)),
        ("permissions-policy", permissions(served).to_string()),
    ];
    if site.https && !site.is_local() {
        headers.push((
            "strict-transport-security",
            "max-age=31536000; includeSubDomains".to_string(),
        ));
    }
    headers
}

fn policy(served: &Served, site: &Site) -> String {
    let sockets = if site.https { "wss" } else { "ws" };
    let scripts = match served {
        Served::Page(_, hashes) => hashes.iter().map(|h| format!(" '{h}'")).collect(),
        Served::Static => String::new(),
        // JSON and stored files are data: nothing in them runs, even opened on their own.
        Served::Api => return "default-src 'none'; frame-ancestors 'none'; sandbox".to_string(),
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; \
         connect-src 'self' {sockets}://{host}; worker-src 'self'; manifest-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        host = site.host
    )
}

fn permissions(served: &Served) -> &'static str {
    match served {
        Served::Page(app, _) if uses_camera(*app) => {
            "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()"
        }
        // The kiosk photographs a customer's documents: its camera, and nothing else.
        Served::Page(App::Kiosk, _) => {
            "camera=(self), microphone=(), display-capture=(), geolocation=(), payment=(), usb=()"
        }
        _ => "camera=(), microphone=(), display-capture=(), geolocation=(), payment=(), usb=()",
    }
}

/// The CSP sources (`sha256-…`) of the inline `<script>` elements of an HTML document, in
/// order. A script with a `src` is not inline; its body, however blank, is not hashed.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        let tag = &after[..open_end];
        let body_and_rest = &after[open_end + 1..];
        let Some(close) = body_and_rest.find("</script>") else {
            break;
        };
        if !tag.contains(" src=") {
            let digest = Sha256::digest(&body_and_rest.as_bytes()[..close]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("sha256-{encoded}"));
        }
        rest = &body_and_rest[close + "</script>".len()..];
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(https: bool, host: &str) -> Site {
        Site {
            https,
            host: host.into(),
        }
    }

    fn header<'a>(headers: &'a [(&str, String)], name: &str) -> &'a str {
        headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name}"))
    }

    #[test]
    fn a_page_runs_only_our_scripts_and_its_hashed_inline_ones() {
        let headers = for_response(
            &Served::Page(App::Home, vec!["sha256-abc".to_string()]),
            &site(true, "gridhall.example"),
        );
        let csp = header(&headers, "content-security-policy");
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc';"));
        let scripts = csp.split(';').find(|d| d.contains("script-src")).unwrap();
        assert!(!scripts.contains("unsafe-inline") && !scripts.contains(" 'unsafe-eval'"));
        assert!(csp.contains("connect-src 'self' wss://gridhall.example;"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(header(&headers, "permissions-policy").starts_with("camera=()"));
        assert_eq!(
            header(&headers, "strict-transport-security"),
            "max-age=31536000; includeSubDomains"
        );
    }

    #[test]
    fn only_video_help_and_the_kiosk_may_open_the_camera_and_localhost_has_no_hsts() {
        let local = site(false, "127.0.0.1:8787");
        for app in App::ALL {
            let headers = for_response(&Served::Page(app, Vec::new()), &local);
            let policy = header(&headers, "permissions-policy");
            let camera = policy.starts_with("camera=(self)");
            assert_eq!(camera, uses_camera(app) || app == App::Kiosk, "{app:?}");
            let microphone = policy.contains("microphone=(self)");
            assert_eq!(microphone, uses_camera(app), "{app:?}");
            assert!(headers
                .iter()
                .all(|(n, _)| *n != "strict-transport-security"));
            assert!(header(&headers, "content-security-policy").contains("ws://127.0.0.1:8787"));
        }
        assert_eq!(
            site(false, "localhost:8787").origin(),
            "http://localhost:8787"
        );
        assert!(site(true, "localhost").is_local());
        assert!(!site(true, "gridhall.example").is_local());
    }

    #[test]
    fn api_answers_and_files_run_nothing() {
        let headers = for_response(&Served::Api, &site(true, "gridhall.example"));
        assert_eq!(
            header(&headers, "content-security-policy"),
            "default-src 'none'; frame-ancestors 'none'; sandbox"
        );
        assert_eq!(header(&headers, "x-content-type-options"), "nosniff");
        assert_eq!(
            header(&headers, "referrer-policy"),
            "strict-origin-when-cross-origin"
        );
    }

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_are_not() {
        let html = "<head><script>a()</script><script type=\"module\">\nb()\n</script>\
                    <script src=\"/x.js\"></script><script>if(1)c()</script></head>";
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes.len(), 3);
        assert_eq!(
            hashes[0],
            "sha256-".to_string()
                + &base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"a()"))
        );
        assert_eq!(
            inline_script_hashes("<p>no scripts</p>"),
            Vec::<String>::new()
        );
        assert_eq!(
            inline_script_hashes("<script>unclosed"),
            Vec::<String>::new()
        );
    }
}
