//! The staff workspace: the console (counter, video desk, content, screens, accounts, outbox,
//! commitments) and operations (dashboard, staffing).

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::{console::StaffPage, operations::OperationsPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Staff>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/staff") view=StaffPage/>
                <Route path=path!("/staff/operations") view=OperationsPage/>
            </Routes>
        </Frame>
    }
}
