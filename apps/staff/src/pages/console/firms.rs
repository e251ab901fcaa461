//! The directory of firms for the administrator: add a firm, renew or correct its
//! qualification, suspend it with a reason or reinstate it. A renewal lets the firm act on its
//! projects again at once.

use chrono::NaiveDate;
use domain::firms::{Firm, FirmKind, FirmRequest};
use domain::wire::{from_wire_name, wire_name};
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::i18n::{role_msg, t, Msg};
use ui::state::{now, use_app};

const FIELDS: &[&str] = &[
    "name",
    "grade",
    "qualification_no",
    "qualification_expires",
    "contact",
    "phone",
];

#[component]
pub fn FirmManager() -> impl IntoView {
    let firms = LocalResource::new(api::firms);
    let refetch = Callback::new(move |_| firms.refetch());
    view! {
        <section aria-labelledby="firm-manager" data-testid="firm-manager">
            <h2 id="firm-manager">{t(Msg::FirmManager)}</h2>
            <p class="hint">{t(Msg::FirmManagerHint)}</p>
            <details class="card">
                <summary>{t(Msg::AddFirm)}</summary>
                <FirmForm firm=None on_saved=refetch/>
            </details>
            <Loaded resource=firms content=move |list| {
                let rows = list.into_iter().map(|firm| view! { <FirmRow firm on_changed=refetch/> }).collect_view();
                view! { <ul class="card-list">{rows}</ul> }
            }/>
        </section>
    }
}

fn status(firm: &Firm) -> Msg {
    let today = domain::hours::to_local(now()).date_naive();
    match (&firm.suspended, firm.qualification_expires < today) {
        (Some(_), _) => Msg::FirmSuspended,
        (None, true) => Msg::FirmExpired,
        (None, false) => Msg::FirmQualified,
    }
}

#[component]
fn FirmRow(firm: Firm, on_changed: Callback<()>) -> impl IntoView {
    let id = firm.id;
    let reason = RwSignal::new(String::new());
    let suspended = firm.suspended.clone();
    let error: FormError = RwSignal::new(None);
    let problem = form_error(error, &[]);
    let suspension = save_action(
        error,
        move |reason: Option<String>| async move { api::reference::suspend_firm(id, reason).await },
        Callback::new(move |_| on_changed.run(())),
    );
    let set_suspension = move |reason: Option<String>| submit(suspension, reason);
    let busy = move || suspension.pending().get();
    let action = match suspended.clone() {
        Some(_) => view! {
            <button type="button" class="button secondary" disabled=busy on:click=move |_| set_suspension(None)>{t(Msg::ReinstateFirm)}</button>
        }
        .into_any(),
        None => view! {
            <div class="row">
                <input aria-label=t(Msg::SuspendReason) placeholder=t(Msg::SuspendReason) bind:value=reason/>
                <button type="button" class="button danger" disabled=busy on:click=move |_| set_suspension(Some(reason.get_untracked()))>{t(Msg::SuspendFirm)}</button>
            </div>
        }
        .into_any(),
    };
    let meta = format!(
        "{} · {} · {} {}",
        firm.grade, firm.qualification_no, firm.qualification_expires, firm.contact
    );
    view! {
        <li class="card" data-testid="firm-row">
            <h3>{firm.name.clone()}" · "{t(role_msg(firm.kind.role()))}</h3>
            <p class="meta"><strong data-testid="firm-status">{t(status(&firm))}</strong>" · "{meta}{suspended.map(|r| format!(" · {r}"))}</p>
            {action}
            <p class="form-error" role="alert">{move || problem.get()}</p>
            <details>
                <summary>{t(Msg::RenewFirm)}</summary>
                <FirmForm firm=Some(firm) on_saved=on_changed/>
            </details>
        </li>
    }
}

/// Adds a firm (`firm: None`) or changes one; a renewal is a new number and expiry date.
#[component]
fn FirmForm(firm: Option<Firm>, on_saved: Callback<()>) -> impl IntoView {
    let app = use_app();
    let id = firm.as_ref().map(|f| f.id);
    let text = |f: fn(&Firm) -> String| RwSignal::new(firm.as_ref().map(f).unwrap_or_default());
    let name = text(|f| f.name.clone());
    let grade = text(|f| f.grade.clone());
    let number = text(|f| f.qualification_no.clone());
    let expires = text(|f| f.qualification_expires.to_string());
    let contact = text(|f| f.contact.clone());
    let phone = text(|f| f.phone.clone());
    let kind = RwSignal::new(firm.as_ref().map_or(FirmKind::Design, |f| f.kind));
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let scope = if id.is_some() {
        "firm-edit"
    } else {
        "firm-add"
    };
    let save = save_action(
        error,
        move |request: FirmRequest| async move {
            match id {
                Some(id) => api::reference::update_firm(id, &request).await,
                None => api::reference::create_firm(&request).await,
            }
        },
        Callback::new(move |_| {
            app.success(Msg::FirmSaved);
            on_saved.run(());
        }),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Ok(until) = NaiveDate::parse_from_str(expires.get_untracked().trim(), "%Y-%m-%d")
        else {
            let bad = domain::ApiError::validation("qualification_expires", "YYYY-MM-DD");
            return error.set(Some(bad));
        };
        let request = FirmRequest {
            name: name.get_untracked(),
            kind: kind.get_untracked(),
            grade: grade.get_untracked(),
            qualification_no: number.get_untracked(),
            qualification_expires: until,
            contact: contact.get_untracked(),
            phone: phone.get_untracked(),
        };
        submit(save, request);
    };
    let kinds = FirmKind::ALL
        .into_iter()
        .map(|k| view! { <option value=wire_name(&k) selected=move || kind.get() == k>{t(role_msg(k.role()))}</option> })
        .collect_view();
    let kind_id = format!("field-{scope}-kind");
    view! {
        <form class="form" on:submit=on_submit novalidate data-testid=scope>
            <TextField scope label=Msg::FirmName name="name" value=name error/>
            <div class="field">
                <label for=kind_id.clone()>{t(Msg::FirmKindLabel)}</label>
                <select id=kind_id disabled=id.is_some() on:change=move |ev| {
                    if let Some(k) = from_wire_name(&event_target_value(&ev)) { kind.set(k) }
                }>{kinds}</select>
            </div>
            <TextField scope label=Msg::FirmGrade name="grade" value=grade error/>
            <TextField scope label=Msg::FirmQualificationNo name="qualification_no" value=number error/>
            <TextField scope label=Msg::FirmExpires name="qualification_expires" value=expires error kind="date"/>
            <TextField scope label=Msg::FirmContact name="contact" value=contact error/>
            <TextField scope label=Msg::HallPhone name="phone" value=phone error kind="tel"/>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
        </form>
    }
}
