//! Planned outages: where, when and why, for the hall TVs, the home page and the hall pages.
//! A manager announces them for their own hall; the admin for one hall or all.

use crate::components::manager::{withdraw, ContentRow, Manager};
use domain::clock_text::local_input;
use domain::content::{Outage, OutageInput};
use domain::notices::NoticeState;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, required_time, save_action, submit, FormError, TextField};
use ui::components::published::outage_window;
use ui::i18n::{notice_state_msg, pick, t, Msg};
use ui::state::{now, use_app};

const FIELDS: &[&str] = &["hall_id", "area", "reason", "starts_at", "ends_at"];

#[component]
pub fn OutageManager() -> impl IntoView {
    let outages = LocalResource::new(api::content::staff_outages);
    let open = RwSignal::new(false);
    let changed = Callback::new(move |_| outages.refetch());
    let on_saved = Callback::new(move |_| {
        open.set(false);
        outages.refetch();
    });
    view! {
        <Manager id="outage-manager" title=Msg::ManageOutages new=Msg::NewOutage open
            form=move || view! { <OutageForm on_saved on_cancel=Callback::new(move |_| open.set(false))/> }
            list=move || view! { <Loaded resource=outages content=move |list| view! { <OutageList list on_changed=changed/> }/> }/>
    }
}

#[component]
fn OutageForm(on_saved: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let app = use_app();
    let own = app.session.get_untracked().and_then(|u| u.hall_id);
    let is_admin = app
        .session
        .get_untracked()
        .is_some_and(|u| u.role == domain::Role::Admin);
    let hall = RwSignal::new(own.clone().unwrap_or_default());
    let (area, reason) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (starts, ends) = (
        RwSignal::new(local_input(now())),
        RwSignal::new(String::new()),
    );
    let urgent = RwSignal::new(false);
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let halls = LocalResource::new(api::halls);
    let save = save_action(
        error,
        |input: OutageInput| async move { api::content::create_outage(&input).await },
        Callback::new(move |_| {
            area.set(String::new());
            reason.set(String::new());
            urgent.set(false);
            app.success(Msg::OutageSaved);
            on_saved.run(());
        }),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input =
            required_time(app, &starts.get_untracked(), "starts_at").and_then(|starts_at| {
                Ok(OutageInput {
                    hall_id: Some(hall.get_untracked()).filter(|h| !h.is_empty()),
                    area: area.get_untracked(),
                    reason: reason.get_untracked(),
                    starts_at,
                    ends_at: required_time(app, &ends.get_untracked(), "ends_at")?,
                    urgent: urgent.get_untracked(),
                })
            });
        match input {
            Ok(input) => submit(save, input),
            Err(e) => error.set(Some(e)),
        }
    };
    let hall_options = move || {
        halls.get().and_then(Result::ok).unwrap_or_default().into_iter()
            .filter(|h| is_admin || own.as_deref() == Some(h.id.as_str()))
            .map(|h| {
                let label = pick(app.lang.get(), &h.name, &h.name_en).to_string();
                view! { <option value=h.id.clone() selected=move || hall.get() == h.id>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="outage-form">
            <h3>{t(Msg::NewOutage)}</h3>
            <div class="field">
                <label for="field-outage-hall">{t(Msg::NoticeHall)}</label>
                <select id="field-outage-hall" on:change=move |ev| hall.set(event_target_value(&ev))>
                    {is_admin.then(|| view! { <option value="" selected=move || hall.get().is_empty()>{t(Msg::CityWide)}</option> })}
                    {hall_options}
                </select>
            </div>
            <TextField scope="outage" label=Msg::OutageArea name="area" value=area error/>
            <TextField scope="outage" label=Msg::OutageReason name="reason" value=reason error/>
            <div class="row">
                <TextField scope="outage" label=Msg::StartsAt name="starts_at" value=starts error kind="datetime-local"/>
                <TextField scope="outage" label=Msg::OutageEnds name="ends_at" value=ends error kind="datetime-local"/>
            </div>
            <p class="hint">{t(Msg::OutageNoticeHint)}</p>
            <label class="check">
                <input type="checkbox" bind:checked=urgent data-testid="outage-urgent"/>
                {t(Msg::OutageUrgent)}
            </label>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <button type="submit" class="button primary" data-testid="outage-submit" disabled=move || save.pending().get()>{t(Msg::Publish)}</button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>{t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}

#[component]
fn OutageList(list: Vec<Outage>, on_changed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let withdraw = move |id: i64| {
        let call = api::content::withdraw_outage(id);
        withdraw(app, Msg::ConfirmWithdrawOutage, call, on_changed)
    };
    let rows = list.into_iter().map(|o| {
        let open = o.withdrawn_at.is_none() && o.ends_at > now();
        let closed = if o.withdrawn_at.is_some() { NoticeState::Withdrawn } else { NoticeState::Expired };
        let id = o.id;
        let meta = view! { {outage_window(&o)}" · "{o.reason.clone()} };
        view! {
            <ContentRow testid="staff-outage" title=o.area.clone() meta=meta.into_any()>
                {if open {
                    view! { <button class="button danger" on:click=move |_| withdraw(id)>{t(Msg::Withdraw)}</button> }.into_any()
                } else {
                    view! { <span class="badge">{t(notice_state_msg(closed))}</span> }.into_any()
                }}
            </ContentRow>
        }
    });
    view! { <ul class="card-list">{rows.collect_view()}</ul> }
}
