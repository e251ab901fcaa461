//! The public information pages: `/tariffs` (the published prices and a bill calculator that
//! uses the same tariff code as the bills), `/guides` (what each application needs, and the
//! questions asked most) and `/outages` (planned outages, searchable by street or estate).

use domain::billing::tariff::{Plan, Tariff, RESIDENTIAL};
use domain::billing::{li_yuan, yuan};
use domain::projects::bodies::ProjectKind;
use domain::service::applications::AppKind;
use domain::service::guides::{guide, FAQ};
use leptos::prelude::*;
use ui::api;
use ui::components::home_guide::HomeGuide;
use ui::components::published::OutageCards;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn TariffsPage() -> impl IntoView {
    let t3 = RESIDENTIAL.tiers;
    view! {
        <h1>{t(Msg::TariffsTitle)}</h1>
        <section class="card">
            <h2>{t(Msg::ResidentialTariff)}</h2>
            <div class="table-scroll" tabindex="0"><table data-testid="tariff-table">
                <thead><tr><th></th><th>{t(Msg::UsageMonthlyKwh)}</th><th>{t(Msg::PricePerKwh)}</th></tr></thead>
                <tbody>
                    <tr><td>{t(Msg::Tier1)}</td><td>"0–"{t3[0].up_to.unwrap_or(0)}</td><td>{li_yuan(RESIDENTIAL.flat_li)}</td></tr>
                    <tr><td>{t(Msg::Tier2)}</td><td>{t3[0].up_to.unwrap_or(0) + 1}"–"{t3[1].up_to.unwrap_or(0)}</td><td>"+"{li_yuan(t3[1].surcharge_li)}</td></tr>
                    <tr><td>{t(Msg::Tier3)}</td><td>">"{t3[1].up_to.unwrap_or(0)}</td><td>"+"{li_yuan(t3[2].surcharge_li)}</td></tr>
                    <tr><td>{t(Msg::UsagePeak)}" 08:00–22:00"</td><td>"—"</td><td>{li_yuan(RESIDENTIAL.peak_li)}</td></tr>
                    <tr><td>{t(Msg::UsageValley)}" 22:00–08:00"</td><td>"—"</td><td>{li_yuan(RESIDENTIAL.valley_li)}</td></tr>
                </tbody>
            </table></div>
            <p class="hint">{t(Msg::TariffNote)}</p>
        </section>
        <Calculator tariff=RESIDENTIAL/>
    }
}

#[component]
fn Calculator(tariff: Tariff) -> impl IntoView {
    let app = use_app();
    let peak = RwSignal::new(String::from("200"));
    let valley = RwSignal::new(String::from("100"));
    let kwh = |s: RwSignal<String>| s.get().trim().parse::<u32>().unwrap_or(0).min(100_000);
    let charge = move |plan: Plan| tariff.charge(plan, kwh(peak), kwh(valley));
    view! {
        <section class="card" data-testid="calculator">
            <h2>{t(Msg::Calculator)}</h2>
            <div class="inline-form">
                <label>{t(Msg::UsagePeak)}" (kWh)"<input type="number" min="0" inputmode="numeric" bind:value=peak data-testid="calc-peak"/></label>
                <label>{t(Msg::UsageValley)}" (kWh)"<input type="number" min="0" inputmode="numeric" bind:value=valley data-testid="calc-valley"/></label>
            </div>
            <ul class="card-grid">
                {Plan::ALL.iter().map(|&plan| view! {
                    <li class="card">
                        <h3>{move || say(plan.words(), app.lang.get())}</h3>
                        <p class="big-figure">"¥"<strong data-testid=format!("calc-{}", domain::wire::wire_name(&plan))>{move || yuan(charge(plan).total_fen)}</strong></p>
                        <ul>{move || charge(plan).lines.into_iter().map(|l| view! {
                            <li>{say(l.kind.words(), app.lang.get())}": "{l.kwh}" × "{li_yuan(l.price_li)}</li>
                        }).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
pub fn GuidesPage() -> impl IntoView {
    let app = use_app();
    view! {
        <h1>{t(Msg::GuidesTitle)}</h1>
        {AppKind::ALL.iter().map(|&kind| {
            let g = guide(kind);
            view! {
                <section class="card" data-testid="service-guide">
                    <h2>{move || say(kind.words(), app.lang.get())}</h2>
                    <h3>{t(Msg::BringThese)}</h3>
                    <ul>{g.documents.iter().map(|d| view! { <li>{move || say(*d, app.lang.get())}</li> }).collect_view()}</ul>
                    <h3>{t(Msg::Steps)}</h3>
                    <ol>{g.steps.iter().map(|s| view! { <li>{move || say(*s, app.lang.get())}</li> }).collect_view()}</ol>
                    <p class="meta">{move || say(g.time_limit, app.lang.get())}</p>
                    <a class="button secondary" href="/applications" rel="external">{t(Msg::ApplyOnline)}</a>
                </section>
            }
        }).collect_view()}
        {[ProjectKind::RooftopPv, ProjectKind::EvCharger].into_iter().map(|kind| view! {
            <section class="card" data-testid="home-guide">
                <h2>{move || say(kind.words(), app.lang.get())}</h2>
                <HomeGuide kind/>
                <p class="meta">{t(Msg::NewEnergyLead)}</p>
                <a class="button secondary" href="/services" rel="external">{t(Msg::ApplyOnline)}</a>
            </section>
        }).collect_view()}
        <section class="card">
            <h2>{t(Msg::FaqTitle)}</h2>
            {FAQ.iter().map(|(q, a)| view! {
                <details class="faq"><summary>{move || say(*q, app.lang.get())}</summary><p>{move || say(*a, app.lang.get())}</p></details>
            }).collect_view()}
        </section>
    }
}

#[component]
pub fn OutagesPage() -> impl IntoView {
    let area = RwSignal::new(String::new());
    let found = LocalResource::new(move || {
        let area = area.get();
        async move { api::content::search_outages(&area).await }
    });
    view! {
        <h1>{t(Msg::OutagesTitle)}</h1>
        <form class="inline-form card" role="search" on:submit=|ev| ev.prevent_default()>
            <label>{t(Msg::SearchArea)}
                <input type="search" data-testid="outage-search" on:change=move |ev| area.set(event_target_value(&ev))/>
            </label>
        </form>
        {move || found.get().map(|r| match r {
            Ok(list) if list.is_empty() => view! { <p class="empty" data-testid="no-outages">{t(Msg::NoOutages)}</p> }.into_any(),
            Ok(list) => view! { <OutageCards list/> }.into_any(),
            Err(e) => view! { <ui::components::feedback::ErrorBox error=e/> }.into_any(),
        })}
    }
}
