//! The self-service kiosk. Ticket taking arrives with the queue and kiosk issues.

use crate::i18n::Msg;
use crate::pages::display::hall_device_page;
use leptos::prelude::*;

#[component]
pub fn KioskPage() -> impl IntoView {
    hall_device_page(Msg::KioskTitle)
}
