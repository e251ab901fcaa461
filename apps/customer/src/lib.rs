//! The online hall's other public pages: a hall (live waits, take a number, book, contact;
//! `/halls/{id}`), tariffs with a calculator, guides and FAQ, planned outages, login and
//! register. The front door is the `home` app, a ticket the `ticket` app.

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::info::{GuidesPage, OutagesPage, TariffsPage};
use pages::{hall::HallPage, login::LoginPage, register::RegisterPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Customer>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/halls/:id") view=HallPage/>
                <Route path=path!("/tariffs") view=TariffsPage/>
                <Route path=path!("/guides") view=GuidesPage/>
                <Route path=path!("/outages") view=OutagesPage/>
                <Route path=path!("/login") view=LoginPage/>
                <Route path=path!("/register") view=RegisterPage/>
            </Routes>
        </Frame>
    }
}
