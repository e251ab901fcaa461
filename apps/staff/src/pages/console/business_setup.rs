//! How the hall offers each business type, for its manager: the ticket letter, the usual
//! minutes per customer (the wait estimate's start until the day has data) and the numbers a
//! day. Customers see "today's numbers are gone" once a limit is reached.

use domain::halls::business::{BusinessSetting, BusinessSettingRequest};
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::i18n::{business_msg, t, Msg};
use ui::state::use_app;

const FIELDS: &[&str] = &["prefix", "service_minutes", "daily_cap"];

#[component]
pub fn BusinessSetup(hall: String) -> impl IntoView {
    let hall = StoredValue::new(hall);
    let detail = LocalResource::new(move || async move { api::hall(&hall.get_value()).await });
    view! {
        <section aria-labelledby="business-setup" data-testid="business-setup">
            <h2 id="business-setup">{t(Msg::BusinessSetup)}</h2>
            <p class="hint">{t(Msg::BusinessSetupHint)}</p>
            <Loaded resource=detail content=move |d| {
                let rows = d.business.all().iter().map(|&setting| view! {
                    <BusinessForm hall=hall.get_value() setting/>
                }).collect_view();
                view! { <div class="card-list">{rows}</div> }
            }/>
        </section>
    }
}

#[component]
fn BusinessForm(hall: String, setting: BusinessSetting) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let business = setting.business;
    let prefix = RwSignal::new(setting.prefix.to_string());
    let minutes = RwSignal::new(setting.service_minutes.to_string());
    let cap = RwSignal::new(setting.daily_cap.map(|c| c.to_string()).unwrap_or_default());
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let save = save_action(
        error,
        move |request: BusinessSettingRequest| async move {
            api::reference::set_business(&hall.get_value(), business, &request).await
        },
        Callback::new(move |saved: BusinessSetting| {
            prefix.set(saved.prefix.to_string());
            app.success(Msg::BusinessSaved);
        }),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let number = |field: &str, text: String| {
            text.trim()
                .parse::<u32>()
                .map_err(|_| domain::ApiError::validation(field, "a whole number"))
        };
        let cap_text = cap.get_untracked();
        let parsed = number("service_minutes", minutes.get_untracked()).and_then(|m| {
            let cap = match cap_text.trim() {
                "" => None,
                text => Some(number("daily_cap", text.into())?),
            };
            Ok((m, cap))
        });
        let (service_minutes, daily_cap) = match parsed {
            Ok(values) => values,
            Err(e) => return error.set(Some(e)),
        };
        let request = BusinessSettingRequest {
            prefix: prefix.get_untracked(),
            service_minutes,
            daily_cap,
        };
        submit(save, request);
    };
    let scope = match business {
        domain::halls::BusinessType::Payment => "business-payment",
        domain::halls::BusinessType::Expansion => "business-expansion",
        domain::halls::BusinessType::ChangeTransfer => "business-change",
        domain::halls::BusinessType::Consultation => "business-consultation",
        domain::halls::BusinessType::Invoice => "business-invoice",
    };
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid=scope>
            <h3>{t(business_msg(business))}</h3>
            <div class="row">
                <TextField scope label=Msg::TicketPrefix name="prefix" value=prefix error/>
                <TextField scope label=Msg::ServiceMinutes name="service_minutes" value=minutes error kind="number"/>
                <TextField scope label=Msg::DailyCap name="daily_cap" value=cap error kind="number" required=false/>
            </div>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button secondary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
        </form>
    }
}
