//! What customers ask of the utility online besides paying (`domain::service`): applications
//! that change an account, with their documents, and repair, complaint and other 95598 work
//! orders; hall staff see both as boards. Its own app so that the bills and payment pages a
//! customer opens most stay small.

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::{application::ApplicationPage, applications::ApplicationsPage};
use pages::{intake::IntakePage, work_order::WorkOrderPage, work_orders::WorkOrdersPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Service>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/applications") view=ApplicationsPage/>
                <Route path=path!("/applications/:id") view=ApplicationPage/>
                <Route path=path!("/work-orders") view=WorkOrdersPage/>
                <Route path=path!("/work-orders/intake") view=IntakePage/>
                <Route path=path!("/work-orders/:id") view=WorkOrderPage/>
            </Routes>
        </Frame>
    }
}
