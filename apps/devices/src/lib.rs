//! The hall TV (`/display/{hall}`, once paired): no login and no site navigation. The kiosk is
//! the other hall device (`apps/kiosk`); they share the pairing and the device heading
//! (`ui::components::pairing`, `device_head`).

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::display::DisplayPage;
use ui::components::frame::{Chrome, Frame};
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Devices chrome=Chrome::Bare>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/display/:hall") view=DisplayPage/>
            </Routes>
        </Frame>
    }
}
