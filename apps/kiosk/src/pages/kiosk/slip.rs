//! The acceptance slip of an application filed at the kiosk: its number, what it is, whose,
//! when, the photos sent with it and how long it takes, with a QR code to the application in
//! the customer's account. It prints on its own.

use super::Kiosk;
use domain::hours::format_local_ms;
use domain::service::applications::Application;
use domain::service::guides::guide;
use leptos::prelude::*;
use ui::components::qr::{absolute_url, QrLink};
use ui::components::receipt::print_page;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn SlipScreen(kiosk: Kiosk, filed: Application, photos: usize) -> impl IntoView {
    let lang = use_app().lang;
    let link = absolute_url(&format!("/applications/{}", filed.id));
    let kind = filed.kind;
    let missing = filed.documents.len().max(photos) < kind.documents_needed();
    view! {
        <section class="card kiosk-receipt" data-testid="kiosk-slip">
            <h2>{t(Msg::KioskSlipTitle)}</h2>
            <p class="ticket-number" data-testid="slip-number">{filed.number.clone()}</p>
            <dl class="facts">
                <dt>{t(Msg::KioskApplyWhich)}</dt><dd>{move || say(kind.words(), lang.get())}</dd>
                <dt>{t(Msg::HolderName)}</dt><dd>{filed.customer_name.clone()}</dd>
                <dt>{t(Msg::KioskFiledAt)}</dt><dd>{format_local_ms(filed.created_at)}</dd>
                <dt>{t(Msg::KioskPhotos)}</dt><dd data-testid="slip-photos">{photos}</dd>
                <dt>{t(Msg::KioskTimeLimit)}</dt><dd>{move || say(guide(kind).time_limit, lang.get())}</dd>
            </dl>
            {missing.then(|| view! { <p class="notice-inline">{t(Msg::KioskBringOriginals)}</p> })}
            <QrLink link caption=Msg::KioskScanApplication testid="slip-qr"/>
            <div class="row no-print">
                <button type="button" class="button secondary" on:click=|_| print_page()>{t(Msg::KioskPrintSlip)}</button>
                <button type="button" class="button primary" data-testid="kiosk-done" on:click=move |_| kiosk.finish()>{t(Msg::KioskDone)}</button>
            </div>
        </section>
    }
}
