//! A bound account's new-energy applications: rooftop PV and a home EV charger, each with its
//! guide (`HomeGuide`) and a short form; rooftop PV shows its expected generation as the size is typed. Applying
//! opens the new project's page.

use domain::billing::accounts::UtilityAccount;
use domain::projects::bodies::{ProjectApply, ProjectKind};
use domain::projects::solar::expected_annual_kwh;
use leptos::prelude::*;
use ui::components::form::{submit, FormError, TextField};
use ui::components::home_guide::HomeGuide;
use ui::components::project_apply::apply_action;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn NewEnergy(account: UtilityAccount) -> impl IntoView {
    view! {
        <section class="card" data-testid="new-energy" aria-labelledby="new-energy-title">
            <h2 id="new-energy-title">{t(Msg::NewEnergyTitle)}</h2>
            <p class="meta">{t(Msg::NewEnergyLead)}</p>
            <HomeApply kind=ProjectKind::RooftopPv account=account.clone()/>
            <HomeApply kind=ProjectKind::EvCharger account/>
        </section>
    }
}

#[component]
fn HomeApply(kind: ProjectKind, account: UtilityAccount) -> impl IntoView {
    let app = use_app();
    let lang = move || app.lang.get();
    let pv = kind == ProjectKind::RooftopPv;
    let (open, size_label, scope) = if pv {
        (Msg::NewEnergyApplyPv, Msg::PvCapacity, "pv")
    } else {
        (Msg::NewEnergyApplyEv, Msg::EvCapacity, "ev")
    };
    let capacity = RwSignal::new(String::from(if pv { "8" } else { "7" }));
    // An account the utility has not yet put in a hall's area cannot apply online: no hall
    // would run the project (`UtilityAccount::hall_id`).
    let hall = account.hall_id.clone();
    let no_hall = hall.is_empty();
    let error: FormError = RwSignal::new(None);
    let save = apply_action(error);
    let (number, address) = (account.number.clone(), account.address.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ProjectApply {
            title: say(kind.words(), app.lang.get_untracked()).to_string(),
            address: address.clone(),
            hall_id: hall.clone(),
            kind,
            capacity_kva: capacity.get_untracked().trim().parse().unwrap_or(0),
            dual_source: false,
            account: Some(number.clone()),
        };
        submit(save, input);
    };
    let estimate = move || {
        let kw: u32 = capacity.get().trim().parse().ok()?;
        Some(
            Msg::PvEstimate
                .text(lang())
                .replace("{}", &expected_annual_kwh(kw).to_string()),
        )
    };
    view! {
        <details class="card" data-testid=format!("apply-{scope}")>
            <summary class="button primary">{t(open)}</summary>
            <HomeGuide kind/>
            <Show when=move || !no_hall fallback=|| view! { <p class="notice">{t(Msg::NewEnergyNoHall)}</p> }>
            <form class="form" on:submit=on_submit.clone()>
                <TextField label=size_label name="capacity_kva" value=capacity error kind="number" scope/>
                {pv.then(|| view! { <p data-testid="pv-estimate">{estimate}</p> })}
                {move || error.get().filter(|e| e.field.is_none())
                    .map(|e| view! { <p class="form-error" role="alert">{ui::api::describe(&e, lang())}</p> })}
                <button type="submit" class="button primary" data-testid=format!("submit-{scope}")
                    disabled=move || save.pending().get()>{t(Msg::ProjectSubmit)}</button>
            </form>
            </Show>
        </details>
    }
}
