//! Gridhall's single-page app: the shell (header, toasts, routes) and the session bootstrap.

mod alerts;
mod api;
mod call;
mod components;
mod every;
mod i18n;
mod live;
mod pages;
mod socket;
mod speech;
mod state;

use components::feedback::ToastHost;
use components::header::Header;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use pages::appointments::AppointmentsPage;
use pages::ticket::TicketPage;
use pages::{
    account::AccountPage, display::DisplayPage, hall::HallPage, home::HomePage, kiosk::KioskPage,
};
use pages::{application::ApplicationPage, applications::ApplicationsPage};
use pages::{consult::ConsultPage, video::VideoHelpPage, video_call::VideoCallPage};
use pages::{inbox::InboxPage, project::ProjectPage, projects::ProjectsPage};
use pages::{info::GuidesPage, info::OutagesPage, info::TariffsPage};
use pages::{live_wait::LiveWaitPage, operations::OperationsPage};
use pages::{
    login::LoginPage, not_found::NotFoundPage, notices::NoticesPage, register::RegisterPage,
    staff::StaffPage,
};
use pages::{pay::PayPage, receipt::ReceiptPage, services::ServicesPage};
use pages::{
    utility_account::UtilityAccountPage, work_order::WorkOrderPage, work_orders::WorkOrdersPage,
};
use state::AppState;

/// The hall's TV and kiosk (also its video help) are full-screen devices: no site navigation.
#[component]
fn SiteHeader() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let on_device = move || {
        let path = location.pathname.get();
        path.starts_with("/display/")
            || path.starts_with("/kiosk/")
            || location.search.get().contains("kiosk=1")
    };
    view! { <Show when=move || !on_device()><Header/></Show> }
}

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::provide();
    spawn_local(async move {
        // No session and a failed request look the same to the user: signed out.
        app.session.set(api::me().await.ok().and_then(|s| s.user));
        app.session_ready.set(true);
    });
    view! {
        <Router>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/register") view=RegisterPage/>
                    <Route path=path!("/account") view=AccountPage/>
                    <Route path=path!("/halls/:id") view=HallPage/>
                    <Route path=path!("/halls/:hall/tickets/:id") view=TicketPage/>
                    <Route path=path!("/notices") view=NoticesPage/>
                    <Route path=path!("/appointments") view=AppointmentsPage/>
                    <Route path=path!("/staff") view=StaffPage/>
                    <Route path=path!("/display/:hall") view=DisplayPage/>
                    <Route path=path!("/kiosk/:hall") view=KioskPage/>
                    <Route path=path!("/consult") view=ConsultPage/>
                    <Route path=path!("/video") view=VideoHelpPage/>
                    <Route path=path!("/video/:room") view=VideoCallPage/>
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
                    <Route path=path!("/tariffs") view=TariffsPage/>
                    <Route path=path!("/guides") view=GuidesPage/>
                    <Route path=path!("/outages") view=OutagesPage/>
                    <Route path=path!("/operations") view=OperationsPage/>
                    <Route path=path!("/live-wait") view=LiveWaitPage/>
                </Routes>
            </main>
            <ToastHost/>
        </Router>
    }
}
