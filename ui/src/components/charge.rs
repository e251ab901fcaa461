//! A bill's breakdown (each tier or time band's kWh, price and amount, and the total), and the
//! pieces a list of bills to pay shares: choosing bills and telling the overdue ones.

use crate::i18n::{say, t, Msg};
use crate::state::use_app;
use domain::billing::tariff::Charge;
use domain::billing::{li_yuan, yuan};
use leptos::prelude::*;

/// A checkbox's change handler that adds bill `id` to `chosen` or takes it out.
pub fn choose_bill(chosen: RwSignal<Vec<i64>>, id: i64) -> impl Fn(leptos::ev::Event) + Copy {
    move |ev| {
        let on = event_target_checked(&ev);
        chosen.update(|c| {
            c.retain(|x| *x != id);
            if on {
                c.push(id);
            }
        });
    }
}

/// Whether `bill` is past its due date today (China time).
pub fn overdue(bill: &domain::billing::bills::Bill) -> bool {
    let today = crate::state::now()
        .with_timezone(&domain::hours::china_tz())
        .date_naive();
    bill.days_overdue(today) > 0
}

#[component]
pub fn ChargeTable(charge: Charge) -> impl IntoView {
    let app = use_app();
    view! {
        <table class="breakdown" data-testid="charge">
            <tbody>
                {charge.lines.into_iter().map(|l| view! { <tr>
                    <td>{move || say(l.kind.words(), app.lang.get())}</td>
                    <td>{l.kwh}" kWh × "{li_yuan(l.price_li)}</td>
                    <td>"¥"{li_yuan(l.amount_li)}</td>
                </tr> }).collect_view()}
                <tr><th colspan="2">{t(Msg::PayTotal)}</th><th>"¥"{yuan(charge.total_fen)}</th></tr>
            </tbody>
        </table>
    }
}
