//! The staff workspace: the console (counter, video desk, content, screens, accounts, outbox,
//! commitments) and operations (dashboard, staffing).

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{console::StaffPage, operations::OperationsPage};
use ui::components::feedback::ToastHost;
use ui::components::header::Header;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    ui::start(App::Staff);
    view! {
        <Router>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/staff") view=StaffPage/>
                    <Route path=path!("/staff/operations") view=OperationsPage/>
                </Routes>
            </main>
            <ToastHost/>
        </Router>
    }
}
