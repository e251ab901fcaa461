//! The frame every app's pages sit in: the app state, the router, the site header, the main
//! landmark (the skip link's target) beside the workspace's navigation, and the toasts. Each
//! app's root is its `Routes` in a `Frame`.

use crate::components::feedback::ToastHost;
use crate::components::header::Header;
use crate::components::workspace::{my_sections, WorkspaceNav};
use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;

/// Which site header an app shows above its pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Chrome {
    /// The online hall's header: navigation, language, elder mode, the account.
    #[default]
    Site,
    /// The site header, except on a kiosk (`?kiosk=1`), which is full screen.
    UnlessKiosk,
    /// None: the hall's own screens.
    Bare,
}

#[component]
pub fn Frame(app: App, #[prop(optional)] chrome: Chrome, children: Children) -> impl IntoView {
    crate::start(app);
    view! {
        <Router>
            <SiteHeader chrome/>
            <Workspace>{children()}</Workspace>
            <ToastHost/>
        </Router>
    }
}

/// The main landmark, beside the workspace's navigation for staff and firms.
#[component]
fn Workspace(children: Children) -> impl IntoView {
    let mine = my_sections();
    view! {
        <div class="layout" class:with-workspace=move || !mine().is_empty()>
            <WorkspaceNav/>
            <main id="main" tabindex="-1">{children()}</main>
        </div>
    }
}

#[component]
fn SiteHeader(chrome: Chrome) -> impl IntoView {
    match chrome {
        Chrome::Site => view! { <Header/> }.into_any(),
        Chrome::UnlessKiosk => {
            let query = use_query_map();
            let on_kiosk = move || query.with(|q| q.get("kiosk").as_deref() == Some("1"));
            view! { <Show when=move || !on_kiosk()><Header/></Show> }.into_any()
        }
        Chrome::Bare => ().into_any(),
    }
}
