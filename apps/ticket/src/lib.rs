//! A live queue ticket (`/halls/{hall}/tickets/{id}?key=…`), the page a kiosk receipt's QR code
//! and the hall page open: the number, people ahead and a wait range, a reminder, the call,
//! cancel and rating. Offline it shows the ticket as last seen. Kept small for phones.

mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::ticket::TicketPage;
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Ticket>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/halls/:hall/tickets/:id") view=TicketPage/>
            </Routes>
        </Frame>
    }
}
