//! `/services/:number`: one bound account: its bills with their breakdown, paying several at
//! once (with an optional top-up), the usage charts and the ledger.

use crate::components::new_energy::NewEnergy;
use crate::components::usage::UsageCharts;
use domain::billing::accounts::{Category, UtilityAccount};
use domain::billing::bills::{Bill, BillStatus};
use domain::billing::payments::{EntryKind, PayInput};
use domain::billing::yuan;
use domain::hours::format_local_ms;
use domain::Role;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use ui::api;
use ui::components::charge::{choose_bill, overdue, ChargeTable};
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn UtilityAccountPage() -> impl IntoView {
    let params = use_params_map();
    let number = move || params.read().get("number").unwrap_or_default();
    let account = LocalResource::new(move || {
        let number = number();
        async move {
            let list = api::services::accounts().await?;
            list.into_iter()
                .find(|a| a.number == number)
                .ok_or_else(|| domain::ApiError::not_found("bound account"))
        }
    });
    view! {
        <SignedIn allow=|u| u.role == Role::Customer>
            <Loaded resource=account content=move |a| view! { <Account a/> }/>
        </SignedIn>
    }
}

#[component]
fn Account(a: UtilityAccount) -> impl IntoView {
    let app = use_app();
    let number = a.number.clone();
    let bills = LocalResource::new({
        let number = number.clone();
        move || {
            let number = number.clone();
            async move { api::services::bills(&number).await }
        }
    });
    let category = a.category;
    let homes = (category == Category::Residential).then(|| a.clone());
    view! {
        <h1>{t(Msg::AccountNumber)}" "{a.number.clone()}</h1>
        <p class="lead">{a.holder_name.clone()}" · "{a.address.clone()}" · "
            {move || say(a.plan.words(), app.lang.get())}</p>
        <Loaded resource=bills content=move |list| view! { <Bills list category number=a.number.clone()/> }/>
        <UsageCharts number=number.clone()/>
        {homes.map(|account| view! { <NewEnergy account/> })}
        <Ledger number/>
        <p><a href="/tariffs" rel="external">{t(Msg::TariffsTitle)}" →"</a></p>
    }
}

#[component]
fn Bills(list: Vec<Bill>, category: Category, number: String) -> impl IntoView {
    let app = use_app();
    // What is owed comes first, with the pay bar; paid bills fold away below it.
    let (owed, paid): (Vec<Bill>, Vec<Bill>) = list
        .into_iter()
        .partition(|b| b.status == BillStatus::Unpaid);
    let unpaid: Vec<i64> = owed.iter().map(|b| b.id).collect();
    let chosen = RwSignal::new(unpaid.clone());
    let top_up = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let key = StoredValue::new(api::idempotency_key("pay"));
    let amounts = StoredValue::new(
        owed.iter()
            .map(|b| (b.id, b.amount_fen))
            .collect::<Vec<_>>(),
    );
    let top_up_fen =
        move || (top_up.get().trim().parse::<f64>().unwrap_or(0.0) * 100.0).round() as i64;
    let total = move || {
        amounts.with_value(|all| {
            chosen
                .get()
                .iter()
                .filter_map(|id| all.iter().find(|(b, _)| b == id))
                .map(|(_, a)| a)
                .sum::<i64>()
        }) + top_up_fen()
    };
    let pay = move |_| {
        let input = PayInput {
            account: number.clone(),
            bill_ids: chosen.get_untracked(),
            top_up_fen: top_up_fen(),
            idempotency_key: key.get_value(),
        };
        busy.set(true);
        spawn_local(async move {
            match api::services::pay(&input).await {
                Ok(p) => {
                    let _ = web_sys::window().map(|w| w.location().set_href(&p.checkout_url));
                }
                Err(e) => {
                    app.error(&e);
                    busy.set(false);
                }
            }
        });
    };
    view! {
        <section class="card">
            <h2>{t(Msg::BillsTitle)}</h2>
            {unpaid.is_empty().then(|| view! { <p class="empty" data-testid="all-paid">{t(Msg::AllPaid)}</p> })}
            <ul class="list bill-list" data-testid="bill-list">
                {owed.into_iter().map(|b| view! { <BillRow b category chosen/> }).collect_view()}
            </ul>
            <div class="pay-bar">
                <label>{t(Msg::TopUp)}
                    <input type="number" min="0" step="0.01" inputmode="decimal" bind:value=top_up data-testid="top-up"/>
                </label>
                <p class="big-figure">{t(Msg::PayTotal)}" ¥"<strong data-testid="pay-total">{move || yuan(total())}</strong></p>
                <button class="button primary big" data-testid="pay" disabled=move || busy.get() || total() <= 0 on:click=pay>
                    {t(Msg::PayNow)}
                </button>
            </div>
            <details class="paid-bills">
                <summary>{t(Msg::PaidBills)}" ("{paid.len()}")"</summary>
                <ul class="list bill-list">
                    {paid.into_iter().map(|b| view! { <BillRow b category chosen/> }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

#[component]
fn BillRow(b: Bill, category: Category, chosen: RwSignal<Vec<i64>>) -> impl IntoView {
    let id = b.id;
    let charge = b.charge(category);
    let overdue = overdue(&b);
    let paid = b.status == BillStatus::Paid;
    let toggle = choose_bill(chosen, id);
    view! {
        <li class="bill" class:overdue=overdue data-testid="bill">
            <label class="check">
                <input type="checkbox" checked=!paid disabled=paid on:change=toggle/>
                <strong>{b.period.clone()}</strong>" ¥"{yuan(b.amount_fen)}" · "{b.kwh()}" kWh"
            </label>
            <span class=if paid { "tag" } else { "tag late" }>
                {move || if paid { t(Msg::BillPaid)() } else if overdue { t(Msg::BillOverdue)() } else { t(Msg::BillUnpaid)() }}
            </span>
            <span class="meta">" "{t(Msg::DueOn)}" "{b.due_on.to_string()}</span>
            <details>
                <summary>{t(Msg::BillBreakdown)}</summary>
                <ChargeTable charge/>
            </details>
        </li>
    }
}

#[component]
fn Ledger(number: String) -> impl IntoView {
    let ledger = LocalResource::new(move || {
        let number = number.clone();
        async move { api::services::ledger(&number).await }
    });
    view! {
        <section class="card">
            <details>
                <summary><h2 class="inline">{t(Msg::LedgerTitle)}</h2></summary>
                <Loaded resource=ledger content=|entries| view! {
                    <div class="table-scroll" tabindex="0"><table data-testid="ledger"><tbody>
                        {entries.into_iter().rev().map(|e| view! { <tr>
                            <td>{format_local_ms(e.at)}</td>
                            <td>{if e.kind == EntryKind::Bill { t(Msg::LedgerBill)() } else { t(Msg::LedgerPayment)() }}" "{e.reference}</td>
                            <td>{yuan(e.amount_fen)}</td>
                            <td>{t(Msg::Balance)}" "{yuan(e.balance_fen)}</td>
                        </tr> }).collect_view()}
                    </tbody></table></div>
                }/>
            </details>
        </section>
    }
}
