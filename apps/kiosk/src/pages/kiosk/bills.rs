//! One account at the kiosk: the bills it owes, each with its breakdown and all chosen to pay
//! at first, and its last twelve months of use as a chart.

use super::{Kiosk, Screen};
use domain::billing::bills::BillDetail;
use domain::billing::payments::PayInput;
use domain::billing::yuan;
use domain::kiosk::{KioskAccount, KioskPayment};
use leptos::prelude::*;
use ui::api;
use ui::components::bar_chart::{Bar, BarChart, Series};
use ui::components::charge::{choose_bill, overdue, ChargeTable};
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn BillsScreen(kiosk: Kiosk, number: String) -> impl IntoView {
    let account = LocalResource::new(move || {
        let (number, visit) = (number.clone(), kiosk.visit_token().unwrap_or_default());
        async move { api::kiosk::account(&number, &visit).await }
    });
    let several = kiosk
        .visit
        .with_untracked(|v| v.as_ref().is_some_and(|v| v.accounts.len() > 1));
    view! {
        <section class="kiosk-bills" data-testid="kiosk-account-bills">
            <Loaded resource=account content=move |a| view! { <Account kiosk a/> }/>
            <div class="row">
                {several.then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| kiosk.go(Screen::Accounts)>{t(Msg::KioskBack)}</button>
                })}
                <button type="button" class="button secondary" data-testid="kiosk-done" on:click=move |_| kiosk.finish()>{t(Msg::KioskDone)}</button>
            </div>
        </section>
    }
}

#[component]
fn Account(kiosk: Kiosk, a: KioskAccount) -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(a.owed.iter().map(|b| b.bill.id).collect::<Vec<i64>>());
    let amounts: Vec<(i64, i64)> = a
        .owed
        .iter()
        .map(|b| (b.bill.id, b.bill.amount_fen))
        .collect();
    let total = move || {
        let chosen = chosen.get();
        amounts
            .iter()
            .filter(|(id, _)| chosen.contains(id))
            .map(|(_, fen)| fen)
            .sum::<i64>()
    };
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let number = a.account.number.clone();
    let pay = save_action(
        error,
        move |input: PayInput| async move {
            api::kiosk::pay(&input, &kiosk.visit_token().unwrap_or_default()).await
        },
        Callback::new(move |payment: KioskPayment| kiosk.go(Screen::Pay(payment))),
    );
    let pay_chosen = move |_| {
        let input = PayInput {
            account: number.clone(),
            bill_ids: chosen.get_untracked(),
            top_up_fen: 0,
            idempotency_key: ui::api::idempotency_key("kiosk-pay"),
        };
        submit(pay, input);
    };
    let months: Vec<Bar> = a
        .months
        .iter()
        .map(|m| Bar {
            label: m.period.get(2..).unwrap_or_default().to_string(),
            top: m.peak_kwh,
            bottom: m.valley_kwh,
            beside: None,
        })
        .collect();
    let owes = !a.owed.is_empty();
    view! {
        <h2 data-testid="kiosk-holder">{a.account.holder_name.clone()}" · "{a.account.number.clone()}</h2>
        <p class="meta">{a.account.address.clone()}</p>
        {if owes {
            view! {
                <ul class="card-list kiosk-owed">
                    {a.owed.into_iter().map(|b| view! { <OwedBill b chosen/> }).collect_view()}
                </ul>
                <p class="form-error" role="alert">{move || general.get()}</p>
                <button type="button" class="button primary wide kiosk-big" data-testid="kiosk-pay"
                    disabled=move || pay.pending().get() || chosen.get().is_empty() on:click=pay_chosen>
                    {t(Msg::KioskPayChosen)}" ¥"{move || yuan(total())}
                </button>
            }.into_any()
        } else {
            view! { <p class="notice-inline" data-testid="kiosk-all-paid">{t(Msg::AllPaid)}</p> }.into_any()
        }}
        <BarChart bars=months series=Series::KWH caption=Msg::KioskUsageYear.text(app.lang.get_untracked()) testid="kiosk-usage"/>
    }
}

#[component]
fn OwedBill(b: BillDetail, chosen: RwSignal<Vec<i64>>) -> impl IntoView {
    let overdue = overdue(&b.bill);
    let toggle = choose_bill(chosen, b.bill.id);
    view! {
        <li class="card bill" class:overdue=overdue data-testid="kiosk-bill">
            <label class="check">
                <input type="checkbox" checked=true on:change=toggle/>
                <strong>{b.bill.period.clone()}</strong>" ¥"{yuan(b.bill.amount_fen)}" · "{b.bill.kwh()}" kWh"
            </label>
            <span class=if overdue { "tag late" } else { "tag" }>
                {if overdue { t(Msg::BillOverdue) } else { t(Msg::BillUnpaid) }}
            </span>
            <span class="meta">" "{t(Msg::DueOn)}" "{b.bill.due_on.to_string()}</span>
            <ChargeTable charge=b.charge/>
        </li>
    }
}
