//! The hall's own screens, which need no login and show no site navigation: the TV display
//! (`/display/{hall}`, once paired) and the self-service kiosk (`/kiosk/{hall}`).

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{display::DisplayPage, kiosk::KioskPage};
use ui::components::feedback::ToastHost;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    ui::start(App::Devices);
    view! {
        <Router>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/display/:hall") view=DisplayPage/>
                    <Route path=path!("/kiosk/:hall") view=KioskPage/>
                </Routes>
            </main>
            <ToastHost/>
        </Router>
    }
}
