//! What every Gridhall browser app shares: the API client, the i18n core and messages, the
//! app state (language, elder mode, session, toasts), navigation across the apps, the live
//! queue feed and its socket, WebRTC for video calls, and the components several apps use.
//! Each app (`apps/*`) holds its own pages and routes and links only what it uses.

pub mod alerts;
pub mod api;
pub mod call;
pub mod components;
pub mod every;
pub mod i18n;
pub mod live;
pub mod nav;
pub mod push;
pub mod socket;
pub mod speech;
pub mod state;

use leptos::prelude::*;
use leptos::task::spawn_local;
use state::AppState;

/// Starts a browser app: mounts its root on the page, then removes the plain-HTML shell that
/// `index.html` painted while the app downloaded (`#shell`, where there is one).
pub fn mount<F, N>(root: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    // Panic messages only in debug builds: the hook and its formatting weigh on every download.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(root);
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
}

/// Like [`mount`], once the shell has painted what the person came for: a shell that fetches
/// its own first content (the ticket page's number) sets `window.shellPainted` to a promise
/// that settles once that is on screen, or at once on failure, so the app never races it off
/// the page before it was seen.
pub fn mount_after_shell<F, N>(root: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    use wasm_bindgen::JsCast;
    let painted = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"shellPainted".into()).ok())
        .and_then(|v| v.dyn_into::<js_sys::Promise>().ok());
    match painted {
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            mount(root);
        }),
        None => mount(root),
    }
}

/// Creates the app state for `app` and loads the session; each app's root calls it first.
pub fn start(app: domain::apps::App) -> AppState {
    let state = AppState::provide(app);
    spawn_local(async move {
        // No session and a failed request look the same to the user: signed out.
        state.session.set(api::me().await.ok().and_then(|s| s.user));
        state.session_ready.set(true);
    });
    state
}
