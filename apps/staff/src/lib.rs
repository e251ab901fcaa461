//! The staff workspace: `/staff` sends each role to its first section; each section
//! (`domain::workspace`) is a page of its own at `/staff/{section}`.

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::console::{Landing, SectionPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Staff>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/staff") view=Landing/>
                <Route path=path!("/staff/:section") view=SectionPage/>
            </Routes>
        </Frame>
    }
}
