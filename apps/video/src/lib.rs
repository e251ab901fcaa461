//! Video help for customers, from a hall page or a kiosk: the topic and device check
//! (`/video`), then the waiting room and the call (`/video/{room}`). From a kiosk
//! (`?kiosk=1`) it shows no site navigation.

mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;
use pages::{video::VideoHelpPage, video_call::VideoCallPage};
use ui::components::feedback::ToastHost;
use ui::components::header::Header;
use ui::components::not_found::NotFoundPage;

/// A kiosk's video help is full screen: no site navigation.
#[component]
fn SiteHeader() -> impl IntoView {
    let query = use_query_map();
    let on_kiosk = move || query.with(|q| q.get("kiosk").as_deref() == Some("1"));
    view! { <Show when=move || !on_kiosk()><Header/></Show> }
}

#[component]
pub fn App() -> impl IntoView {
    ui::start(App::Video);
    view! {
        <Router>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/video") view=VideoHelpPage/>
                    <Route path=path!("/video/:room") view=VideoCallPage/>
                </Routes>
            </main>
            <ToastHost/>
        </Router>
    }
}
