//! `/payments/:id`: the e-receipt of a paid payment, laid out to print on one page.

use domain::billing::payments::{PaymentDetail, PaymentStatus};
use domain::billing::yuan;
use domain::hours::format_local_ms;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::i18n::{t, Msg};
use ui::nav::path_id;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let id = path_id();
    let detail = LocalResource::new(move || api::services::payment(id()));
    view! {
        <SignedIn>
            <Loaded resource=detail content=|d| view! { <Receipt d/> }/>
        </SignedIn>
    }
}

#[component]
fn Receipt(d: PaymentDetail) -> impl IntoView {
    let p = d.payment;
    if p.status != PaymentStatus::Paid {
        return view! { <p class="alert" role="alert">{t(Msg::ReceiptNotPaid)}</p> }.into_any();
    }
    let print = |_| {
        let _ = web_sys::window().map(|w| w.print());
    };
    view! {
        <article class="card receipt" data-testid="receipt">
            <h1>{t(Msg::ReceiptTitle)}</h1>
            <p class="meta">{t(Msg::Utility)}</p>
            <dl class="facts">
                <dt>{t(Msg::ReceiptNo)}</dt><dd data-testid="receipt-no">{p.receipt_no.clone().unwrap_or_default()}</dd>
                <dt>{t(Msg::PaidAt)}</dt><dd>{p.settled_at.map(format_local_ms).unwrap_or_default()}</dd>
                <dt>{t(Msg::AccountNumber)}</dt><dd>{p.account.clone()}</dd>
                <dt>{t(Msg::HolderName)}</dt><dd>{d.holder_name.clone()}</dd>
                <dt>{t(Msg::Address)}</dt><dd>{d.address.clone()}</dd>
            </dl>
            <table class="breakdown"><tbody>
                {d.bills.into_iter().map(|b| view! { <tr>
                    <td>{t(Msg::BillFor)}" "{b.period.clone()}</td><td>{b.kwh()}" kWh"</td><td>"¥"{yuan(b.amount_fen)}</td>
                </tr> }).collect_view()}
                {(p.top_up_fen > 0).then(|| view! { <tr><td colspan="2">{t(Msg::TopUp)}</td><td>"¥"{yuan(p.top_up_fen)}</td></tr> })}
                <tr><th colspan="2">{t(Msg::PayTotal)}</th><th data-testid="receipt-total">"¥"{yuan(p.amount_fen)}</th></tr>
            </tbody></table>
            <div class="actions no-print">
                <button class="button primary" on:click=print>{t(Msg::Print)}</button>
                <a class="button secondary" href=format!("/services/{}", p.account)>{t(Msg::BackToAccount)}</a>
            </div>
        </article>
    }
    .into_any()
}
