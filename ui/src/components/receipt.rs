//! The e-receipt of a paid payment, laid out to print on one page: on the customer's receipt
//! page and printed at the kiosk. `children` are the buttons under it (not printed).

use crate::i18n::{t, Msg};
use domain::billing::payments::{PaymentDetail, PaymentStatus};
use domain::billing::yuan;
use domain::hours::format_local_ms;
use leptos::prelude::*;

#[component]
pub fn PaymentReceipt(
    d: PaymentDetail,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let p = d.payment;
    if p.status != PaymentStatus::Paid {
        return view! { <p class="alert" role="alert">{t(Msg::ReceiptNotPaid)}</p> }.into_any();
    }
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
                {d.bills.into_iter().map(|b| view! { <tr data-testid="receipt-bill">
                    <td>{t(Msg::BillFor)}" "{b.period.clone()}</td><td>{b.kwh()}" kWh"</td><td>"¥"{yuan(b.amount_fen)}</td>
                </tr> }).collect_view()}
                {(p.top_up_fen > 0).then(|| view! { <tr><td colspan="2">{t(Msg::TopUp)}</td><td>"¥"{yuan(p.top_up_fen)}</td></tr> })}
                <tr><th colspan="2">{t(Msg::PayTotal)}</th><th data-testid="receipt-total">"¥"{yuan(p.amount_fen)}</th></tr>
            </tbody></table>
            {children.map(|c| view! { <div class="actions no-print">{c()}</div> })}
        </article>
    }
    .into_any()
}

/// Prints the page (the print layout hides what is marked `no-print`).
pub fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
