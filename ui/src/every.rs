//! Work repeated on a timer for as long as the component that started it lives.

use leptos::prelude::*;

/// Calls `f` every `secs` seconds until the current owner is cleaned up.
pub fn every(secs: u64, f: impl Fn() + 'static) {
    let handle = set_interval_with_handle(f, std::time::Duration::from_secs(secs));
    on_cleanup(move || {
        if let Ok(handle) = handle {
            handle.clear();
        }
    });
}
