//! The hall's own screens, which need no login and show no site navigation: the TV display
//! (`/display/{hall}`, once paired) and the self-service kiosk (`/kiosk/{hall}`).

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::{display::DisplayPage, kiosk::KioskPage};
use ui::components::frame::{Chrome, Frame};
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Devices chrome=Chrome::Bare>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/display/:hall") view=DisplayPage/>
                <Route path=path!("/kiosk/:hall") view=KioskPage/>
            </Routes>
        </Frame>
    }
}
