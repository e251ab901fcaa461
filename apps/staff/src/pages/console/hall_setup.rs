//! The hall's details for its manager: address, phone and the weekly hours. Saving changes
//! the hall page, the kiosk and today's closing at once; holidays and special days stay as
//! they are (see `special_days`).

use chrono::NaiveTime;
use domain::clock_text::clock;
use domain::halls::edit::HallEdit;
use domain::halls::map::Directions;
use domain::halls::HallDetail;
use domain::hours::{DayHours, WeeklyHours};
use domain::ApiError;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::i18n::{t, Msg, WEEKDAYS};
use ui::state::use_app;

const FIELDS: &[&str] = &["address", "address_en", "phone", "transit", "parking"];

#[component]
pub fn HallSetup(hall: String) -> impl IntoView {
    let detail = LocalResource::new(move || {
        let hall = hall.clone();
        async move { api::hall(&hall).await }
    });
    view! {
        <section aria-labelledby="hall-setup" data-testid="hall-setup">
            <h2 id="hall-setup">{t(Msg::HallSetup)}</h2>
            <p class="hint">{t(Msg::HallSetupHint)}</p>
            <Loaded resource=detail content=|hall| view! { <HallForm hall/> }/>
        </section>
    }
}

/// One day's row: closed, or open from–to as "HH:MM".
#[derive(Clone, Copy)]
struct DayRow {
    closed: RwSignal<bool>,
    open: RwSignal<String>,
    close: RwSignal<String>,
}

impl DayRow {
    fn new(hours: Option<DayHours>) -> DayRow {
        let text = |t: Option<NaiveTime>| RwSignal::new(t.map(clock).unwrap_or_default());
        DayRow {
            closed: RwSignal::new(hours.is_none()),
            open: text(hours.map(|h| h.open)),
            close: text(hours.map(|h| h.close)),
        }
    }

    /// The day's hours, or a 400-shaped error about the hours.
    fn hours(self) -> Result<Option<DayHours>, ApiError> {
        if self.closed.get_untracked() {
            return Ok(None);
        }
        let time = |v: RwSignal<String>| {
            NaiveTime::parse_from_str(v.get_untracked().trim(), "%H:%M")
                .map_err(|_| ApiError::validation("hours", "give the time as HH:MM"))
        };
        Ok(Some(DayHours {
            open: time(self.open)?,
            close: time(self.close)?,
        }))
    }
}

#[component]
fn HallForm(hall: HallDetail) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(hall.summary.id.clone());
    let address = RwSignal::new(hall.summary.address.clone());
    let address_en = RwSignal::new(hall.summary.address_en.clone());
    let phone = RwSignal::new(hall.summary.phone.clone());
    let transit = RwSignal::new(hall.directions.transit.clone());
    let parking = RwSignal::new(hall.directions.parking.clone());
    let days: [DayRow; 7] = std::array::from_fn(|i| DayRow::new(hall.hours.0[i]));
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let save = save_action(
        error,
        move |edit: HallEdit| async move { api::reference::update_hall(&id.get_value(), &edit).await },
        Callback::new(move |_| app.success(Msg::HallSaved)),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut week = [None; 7];
        for (slot, day) in week.iter_mut().zip(days) {
            match day.hours() {
                Ok(hours) => *slot = hours,
                Err(e) => return error.set(Some(e)),
            }
        }
        let edit = HallEdit {
            address: address.get_untracked(),
            address_en: address_en.get_untracked(),
            phone: phone.get_untracked(),
            hours: WeeklyHours(week),
            directions: Some(Directions {
                transit: transit.get_untracked(),
                parking: parking.get_untracked(),
            }),
        };
        submit(save, edit);
    };
    let rows = days
        .into_iter()
        .zip(WEEKDAYS)
        .enumerate()
        .map(|(i, (day, name))| {
            let open_id = format!("hours-{i}-open");
            let close_id = format!("hours-{i}-close");
            view! {
                <tr data-testid="hours-row">
                    <th scope="row">{t(name)}</th>
                    <td><label class="check"><input type="checkbox" bind:checked=day.closed/>{t(Msg::DayClosed)}</label></td>
                    <td>
                        <label class="visually-hidden" for=open_id.clone()>{t(Msg::SpecialOpens)}</label>
                        <input id=open_id type="time" bind:value=day.open disabled=move || day.closed.get()/>
                    </td>
                    <td>
                        <label class="visually-hidden" for=close_id.clone()>{t(Msg::SpecialCloses)}</label>
                        <input id=close_id type="time" bind:value=day.close disabled=move || day.closed.get()/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="hall-form">
            <TextField scope="hall" label=Msg::HallAddress name="address" value=address error/>
            <TextField scope="hall" label=Msg::HallAddressEn name="address_en" value=address_en error/>
            <TextField scope="hall" label=Msg::HallPhone name="phone" value=phone error kind="tel"/>
            <TextField scope="hall" label=Msg::HallTransit name="transit" value=transit error/>
            <TextField scope="hall" label=Msg::HallParking name="parking" value=parking error/>
            <table class="hours">
                <caption>{t(Msg::WeeklyHours)}</caption>
                <thead><tr><th></th><th>{t(Msg::DayClosed)}</th><th>{t(Msg::SpecialOpens)}</th><th>{t(Msg::SpecialCloses)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
        </form>
    }
}
