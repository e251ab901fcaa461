//! `/pay/:id`: the sandbox payment provider's page, standing in locally for a real gateway's
//! checkout: it shows the amount and the merchant and lets the payer confirm or decline. A
//! settled payment goes on to its e-receipt.

use domain::billing::payments::{Decision, PaymentDetail, PaymentStatus};
use domain::billing::yuan;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::i18n::{t, Msg};
use ui::nav::use_go;
use ui::state::use_app;

#[component]
pub fn PayPage() -> impl IntoView {
    let id = ui::nav::path_id();
    let detail = LocalResource::new(move || api::services::payment(id()));
    view! {
        <SignedIn>
            <Loaded resource=detail content=|d| view! { <Sandbox d/> }/>
        </SignedIn>
    }
}

#[component]
fn Sandbox(d: PaymentDetail) -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let id = d.payment.id;
    let busy = RwSignal::new(false);
    let receipt = format!("/payments/{id}");
    let account = d.payment.account.clone();
    let decide = move |decision: Decision| {
        let (go, receipt) = (go.clone(), receipt.clone());
        let back = format!("/services/{account}");
        busy.set(true);
        spawn_local(async move {
            match api::services::sandbox(id, decision).await {
                Ok(p) if p.status == PaymentStatus::Paid => go(&receipt),
                Ok(_) => {
                    app.success(Msg::PaymentDeclined);
                    go(&back);
                }
                Err(e) => {
                    app.error(&e);
                    busy.set(false);
                }
            }
        });
    };
    let (confirm, decline) = (decide.clone(), decide);
    view! {
        <section class="card sandbox" data-testid="sandbox">
            <p class="tag">{t(Msg::SandboxNote)}</p>
            <h1>{t(Msg::SandboxTitle)}</h1>
            <p>{t(Msg::Merchant)}": "{t(Msg::Utility)}</p>
            <p>{t(Msg::AccountNumber)}" "{d.payment.account.clone()}" · "{d.holder_name.clone()}</p>
            <p class="big-figure">"¥"<strong data-testid="sandbox-amount">{yuan(d.payment.amount_fen)}</strong></p>
            {(d.payment.status == PaymentStatus::Paid).then(|| view! {
                <p><a class="button primary" href=format!("/payments/{id}")>{t(Msg::ReceiptTitle)}</a></p>
            })}
            {(d.payment.status == PaymentStatus::Declined).then(|| view! { <p class="alert">{t(Msg::PaymentDeclined)}</p> })}
            {(d.payment.status == PaymentStatus::Pending).then(|| view! {
                <div class="actions">
                    <button class="button primary big" data-testid="sandbox-confirm" disabled=move || busy.get()
                        on:click=move |_| confirm(Decision::Confirm)>{t(Msg::SandboxConfirm)}</button>
                    <button class="button secondary big" data-testid="sandbox-decline" disabled=move || busy.get()
                        on:click=move |_| decline(Decision::Decline)>{t(Msg::SandboxDecline)}</button>
                </div>
            })}
        </section>
    }
}
