//! The signed-in pages of the online hall, for customers and the firms on their projects:
//! account and password, appointments, services (accounts, bills, usage), payment and receipts,
//! applications, work orders, connection projects, the inbox and written consultations.

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::{account::AccountPage, appointments::AppointmentsPage, consult::ConsultPage};
use pages::{application::ApplicationPage, applications::ApplicationsPage};
use pages::{inbox::InboxPage, project::ProjectPage, projects::ProjectsPage};
use pages::{pay::PayPage, receipt::ReceiptPage, services::ServicesPage};
use pages::{
    utility_account::UtilityAccountPage, work_order::WorkOrderPage, work_orders::WorkOrdersPage,
};
use ui::components::feedback::ToastHost;
use ui::components::header::Header;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    ui::start(App::Account);
    view! {
        <Router>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/account") view=AccountPage/>
                    <Route path=path!("/appointments") view=AppointmentsPage/>
                    <Route path=path!("/consult") view=ConsultPage/>
                    <Route path=path!("/projects") view=ProjectsPage/>
                    <Route path=path!("/projects/:id") view=ProjectPage/>
                    <Route path=path!("/inbox") view=InboxPage/>
                    <Route path=path!("/services") view=ServicesPage/>
                    <Route path=path!("/services/:number") view=UtilityAccountPage/>
                    <Route path=path!("/pay/:id") view=PayPage/>
                    <Route path=path!("/payments/:id") view=ReceiptPage/>
                    <Route path=path!("/applications") view=ApplicationsPage/>
                    <Route path=path!("/applications/:id") view=ApplicationPage/>
                    <Route path=path!("/work-orders") view=WorkOrdersPage/>
                    <Route path=path!("/work-orders/:id") view=WorkOrderPage/>
                </Routes>
            </main>
            <ToastHost/>
        </Router>
    }
}
