//! The signed-in pages of the online hall for customers:
//! account and password, appointments, services (accounts, bills, usage), payment and receipts,
//! the inbox and written consultations. Applications and work orders (`apps/service`) and
//! connection projects (`apps/projects`) have apps of their own.

mod components;
mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::inbox::InboxPage;
use pages::utility_account::UtilityAccountPage;
use pages::{
    account::AccountPage, appointments::AppointmentsPage, consultations::ConsultationsPage,
};
use pages::{pay::PayPage, receipt::ReceiptPage, services::ServicesPage};
use ui::components::frame::Frame;
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Account>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/account") view=AccountPage/>
                <Route path=path!("/appointments") view=AppointmentsPage/>
                <Route path=path!("/consult") view=ConsultationsPage/>
                <Route path=path!("/inbox") view=InboxPage/>
                <Route path=path!("/services") view=ServicesPage/>
                <Route path=path!("/services/:number") view=UtilityAccountPage/>
                <Route path=path!("/pay/:id") view=PayPage/>
                <Route path=path!("/payments/:id") view=ReceiptPage/>
            </Routes>
        </Frame>
    }
}
