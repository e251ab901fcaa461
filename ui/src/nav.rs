//! Moving between pages across the apps (`domain::apps`): within the running app the router
//! draws the page; a path of another app is an ordinary navigation, which keeps the session
//! (a cookie) and the language and elder mode (localStorage).

use crate::state::use_app;
use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// `rel="external"` for a link into another app, so the router leaves it to the browser.
pub fn rel(here: App, href: &str) -> Option<&'static str> {
    here.leaves_for(href).then_some("external")
}

/// A link that the router follows within the app and the browser follows to another app.
#[component]
pub fn Link(
    #[prop(into)] href: String,
    #[prop(optional, into)] class: Option<&'static str>,
    #[prop(optional, into)] testid: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let rel = rel(use_app().app, &href);
    view! { <A href=href attr:class=class attr:rel=rel attr:data-testid=testid>{children()}</A> }
}

/// A function that goes to a path: the router within the app, the browser to another app.
pub fn use_go() -> impl Fn(&str) + Clone + 'static {
    let here = use_app().app;
    let navigate = use_navigate();
    move |path: &str| {
        if !here.leaves_for(path) {
            navigate(path, Default::default());
        } else if let Some(window) = web_sys::window() {
            let _ = window.location().assign(path);
        }
    }
}

/// The numeric `:id` of the current path (0 when it is not a number, which the API answers
/// with 404).
pub fn path_id() -> impl Fn() -> i64 + Copy {
    use leptos::prelude::Read;
    let params = leptos_router::hooks::use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }
}
