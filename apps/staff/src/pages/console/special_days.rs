//! The hall's calendar for its manager: days set apart from the weekly hours, such as a late
//! Saturday ("周六延时服务") or a closure. Public holidays and make-up working days need nothing
//! here: the hall follows the national calendar by itself.

use crate::components::manager::ContentRow;
use domain::hours::calendar::{SpecialDay, SpecialDayRequest};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::i18n::{t, Msg};
use ui::state::use_app;

/// Fields with their own input; an error about the hours as a whole shows above the button.
const FIELDS: &[&str] = &["date", "open", "close", "note"];

#[component]
pub fn SpecialDays(hall: String) -> impl IntoView {
    let hall = StoredValue::new(hall);
    let detail = LocalResource::new(move || async move { api::hall(&hall.get_value()).await });
    let refetch = Callback::new(move |_| detail.refetch());
    view! {
        <section aria-labelledby="special-days-manager" data-testid="special-days-manager">
            <h2 id="special-days-manager">{t(Msg::SpecialDays)}</h2>
            <p class="hint">{t(Msg::SpecialDaysHint)}</p>
            <SpecialDayForm hall=hall.get_value() on_saved=refetch/>
            <Loaded resource=detail content=move |d| view! {
                <SpecialDayList hall=hall.get_value() days=d.special_days on_changed=refetch/>
            }/>
        </section>
    }
}

#[component]
fn SpecialDayForm(hall: String, on_saved: Callback<()>) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let date = RwSignal::new(String::new());
    let (open, close) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let closed = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let save = save_action(
        error,
        move |(day, req): (String, SpecialDayRequest)| async move {
            api::set_special_day(&hall.get_value(), &day, &req).await
        },
        Callback::new(move |_| {
            note.set(String::new());
            app.success(Msg::SpecialDaySaved);
            on_saved.run(());
        }),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let time = |v: RwSignal<String>| {
            Some(v.get_untracked()).filter(|t| !t.is_empty() && !closed.get_untracked())
        };
        let req = SpecialDayRequest {
            open: time(open),
            close: time(close),
            note: note.get_untracked(),
        };
        submit(save, (date.get_untracked(), req));
    };
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="special-day-form">
            <TextField scope="special" label=Msg::SpecialDate name="date" value=date error kind="date"/>
            <label class="check">
                <input type="checkbox" bind:checked=closed data-testid="special-closed"/>
                {t(Msg::SpecialClosed)}
            </label>
            <Show when=move || !closed.get()>
                <div class="row">
                    <TextField scope="special" label=Msg::SpecialOpens name="open" value=open error kind="time" required=false/>
                    <TextField scope="special" label=Msg::SpecialCloses name="close" value=close error kind="time" required=false/>
                </div>
            </Show>
            <TextField scope="special" label=Msg::SpecialNote name="note" value=note error/>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
        </form>
    }
}

#[component]
fn SpecialDayList(hall: String, days: Vec<SpecialDay>, on_changed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let remove = move |date: String| {
        spawn_local(async move {
            match api::remove_special_day(&hall.get_value(), &date).await {
                Ok(_) => on_changed.run(()),
                Err(e) => app.error(&e),
            }
        });
    };
    let rows = days.into_iter().map(|d| {
        let date = d.date.to_string();
        let hours = d.hours.map(|h| h.label());
        let meta = view! { {move || hours.clone().unwrap_or_else(|| t(Msg::Closed)().to_string())}" · "{d.note.clone()} };
        view! {
            <ContentRow testid="staff-special-day" title=date.clone() meta=meta.into_any()>
                <button class="button danger" on:click=move |_| remove(date.clone())>{t(Msg::Remove)}</button>
            </ContentRow>
        }
    });
    view! { <ul class="card-list">{rows.collect_view()}</ul> }
}
