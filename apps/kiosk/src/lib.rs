//! The hall's self-service kiosk (`/kiosk/{hall}`), once paired by the hall's manager: no login
//! and no site navigation. The TV is the other hall device (`apps/devices`); they share the
//! pairing and the device heading (`ui::components::pairing`, `device_head`).

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::kiosk::KioskPage;
use ui::components::frame::{Chrome, Frame};
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Kiosk chrome=Chrome::Bare>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/kiosk/:hall") view=KioskPage/>
            </Routes>
        </Frame>
    }
}
