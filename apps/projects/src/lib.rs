//! Connection projects (业扩报装) for all six parties: the customer's applications and progress,
//! the design, construction, test and supervision firms' assigned work, and the utility's board.
//! Its own app because firms use nothing else, and the project workflow (stages, uploads, the
//! audit trail) would otherwise weigh on every customer page.

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::{project::ProjectPage, projects::ProjectsPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Projects>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/projects") view=ProjectsPage/>
                <Route path=path!("/projects/:id") view=ProjectPage/>
            </Routes>
        </Frame>
    }
}
