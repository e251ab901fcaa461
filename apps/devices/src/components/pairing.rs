//! A hall device's pairing token: the TV and the kiosk are paired with a hall by a link with a
//! token the manager makes in the console. The token from the link is kept, so the device
//! stays paired across restarts.

use ui::state::{store, stored};

/// Where a device of `kind` ("display", "kiosk") keeps its token for `hall`.
pub fn token_key(kind: &str, hall: &str) -> String {
    match kind {
        // TVs paired before kiosks were keep their key.
        "display" => format!("gridhall.display.{hall}"),
        _ => format!("gridhall.{kind}.{hall}"),
    }
}

/// The pairing token: from the link the manager gave (kept for restarts), or kept before.
pub fn pairing_token(kind: &str, hall: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let from_link = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|q| q.get("token"))
        .filter(|t| !t.is_empty());
    if let Some(token) = &from_link {
        store(&token_key(kind, hall), token);
    }
    from_link.or_else(|| stored(&token_key(kind, hall)))
}
