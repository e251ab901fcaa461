//! The online hall's front door (网上营业厅), what a phone opens first: the halls with today's
//! hours and live waits, outages, notices and posters (`/`), all notices (`/notices`) and the
//! public live wait of every hall (`/live-wait`). Kept small: it is the first download.

mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::{home::HomePage, live_wait::LiveWaitPage, notices::NoticesPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Home>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=HomePage/>
                <Route path=path!("/notices") view=NoticesPage/>
                <Route path=path!("/live-wait") view=LiveWaitPage/>
            </Routes>
        </Frame>
    }
}
