//! Paying at the kiosk: the payment provider's scan-to-pay step (a QR code of its checkout,
//! and in the sandbox its confirm and decline buttons, as a payment terminal shows them), then
//! the receipt to print, with a QR code to the same receipt on the customer's phone.

use super::{Kiosk, Screen};
use domain::billing::payments::{Decision, Payment, PaymentStatus};
use domain::billing::yuan;
use domain::kiosk::{receipt_path, KioskPayment};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::qr::{absolute_url, QrLink};
use ui::components::receipt::{print_page, PaymentReceipt};
use ui::every::every;
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn PayScreen(kiosk: Kiosk, payment: KioskPayment) -> impl IntoView {
    let key = payment.receipt_key.clone();
    let current = RwSignal::new(payment.payment);
    let id = current.with_untracked(|p| p.id);
    // A real gateway settles when the customer pays on their phone: the kiosk looks again.
    // (The screen may be gone by the time the timer fires: then there is nothing to do.)
    every(3, move || {
        if current.try_with_untracked(|p| p.status) != Some(PaymentStatus::Pending) {
            return;
        }
        let visit = kiosk.visit_token().unwrap_or_default();
        spawn_local(async move {
            if let Ok(d) = api::kiosk::payment(id, &visit).await {
                current.try_set(d.payment);
            }
        });
    });
    view! {
        <section class="narrow kiosk-pay">
            {move || match current.with(|p| p.status) {
                PaymentStatus::Pending => view! { <ScanToPay kiosk current/> }.into_any(),
                PaymentStatus::Declined => view! {
                    <p class="notice-inline" role="status" data-testid="kiosk-declined">{t(Msg::PaymentDeclined)}</p>
                    <button type="button" class="button primary wide"
                        on:click=move |_| kiosk.go(Screen::Bills(current.with_untracked(|p| p.account.clone())))>
                        {t(Msg::KioskBack)}
                    </button>
                }.into_any(),
                PaymentStatus::Paid => view! { <Paid kiosk id key=key.clone()/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ScanToPay(kiosk: Kiosk, current: RwSignal<Payment>) -> impl IntoView {
    let app = use_app();
    let p = current.get_untracked();
    let decide = Action::new_local(move |decision: &Decision| {
        let (decision, id) = (*decision, p.id);
        let visit = kiosk.visit_token().unwrap_or_default();
        async move { api::kiosk::sandbox(id, decision, &visit).await }
    });
    Effect::new(move || match decide.value().get() {
        Some(Ok(paid)) => current.set(paid),
        Some(Err(e)) => app.error(&e),
        None => {}
    });
    let sandbox = p.provider == "sandbox";
    view! {
        <div class="card sandbox" data-testid="kiosk-scan-to-pay">
            <h2>{t(Msg::KioskScanToPay)}</h2>
            <p class="big-figure">"¥"<strong data-testid="kiosk-amount">{yuan(p.amount_fen)}</strong></p>
            <QrLink link=absolute_url(&p.checkout_url) caption=Msg::KioskScanToPayHint testid="checkout-qr"/>
            {sandbox.then(|| view! {
                <p class="meta">{t(Msg::SandboxNote)}</p>
                <div class="row">
                    <button type="button" class="button primary big" data-testid="sandbox-confirm"
                        disabled=move || decide.pending().get() on:click=move |_| { decide.dispatch(Decision::Confirm); }>
                        {t(Msg::SandboxConfirm)}
                    </button>
                    <button type="button" class="button secondary big" disabled=move || decide.pending().get()
                        on:click=move |_| { decide.dispatch(Decision::Decline); }>
                        {t(Msg::SandboxDecline)}
                    </button>
                </div>
            })}
        </div>
    }
}

/// The receipt, printed as it is shown, with the QR code of its page.
#[component]
fn Paid(kiosk: Kiosk, id: i64, key: String) -> impl IntoView {
    let detail = LocalResource::new(move || {
        let visit = kiosk.visit_token().unwrap_or_default();
        async move { api::kiosk::payment(id, &visit).await }
    });
    let link = absolute_url(&receipt_path(id, &key));
    view! {
        <div class="kiosk-receipt" data-testid="kiosk-payment-receipt">
            <Loaded resource=detail content=|d| view! { <PaymentReceipt d/> }/>
            <QrLink link caption=Msg::KioskScanReceipt testid="receipt-qr"/>
        </div>
        <div class="row no-print">
            <button type="button" class="button secondary" on:click=|_| print_page()>{t(Msg::KioskPrintReceipt)}</button>
            <button type="button" class="button primary" data-testid="kiosk-done" on:click=move |_| kiosk.finish()>{t(Msg::KioskDone)}</button>
        </div>
    }
}
