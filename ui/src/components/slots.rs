//! Picking an appointment slot: a business, a date within the next week, and a time with room.

use crate::api;
use crate::i18n::{business_msg, t, Msg, WEEKDAYS};
use crate::state::now;
use chrono::{DateTime, Datelike, Duration, Utc};
use domain::clock_text;
use domain::halls::BusinessType;
use domain::hours::to_local;
use leptos::prelude::*;

const DAYS_SHOWN: i64 = 7;

#[component]
pub fn SlotPicker(
    hall: String,
    business: Signal<BusinessType>,
    on_pick: Callback<DateTime<Utc>>,
) -> impl IntoView {
    let today = to_local(now()).date_naive();
    let date = RwSignal::new(today);
    let hall = StoredValue::new(hall);
    let slots = LocalResource::new(move || {
        let (b, d) = (business.get(), date.get());
        async move { api::appointments::slots(&hall.get_value(), b, &clock_text::date(d)).await }
    });
    let days = (0..DAYS_SHOWN).map(|i| {
        let day = today + Duration::days(i);
        let label = move || {
            format!(
                "{} {}",
                clock_text::month_day(day),
                WEEKDAYS[day.weekday().num_days_from_monday() as usize]
                    .text(crate::state::use_app().lang.get())
            )
        };
        view! { <option value=clock_text::date(day)>{label}</option> }
    });
    let times = move || {
        match slots.get() {
        None => view! { <p class="loading">{t(Msg::Loading)}</p> }.into_any(),
        Some(Ok(list)) if !list.is_empty() => {
            view! {
                <div class="slots" role="group" aria-label=t(Msg::ChooseSlot)>
                    {list.into_iter().map(|slot| {
                        let left = slot.capacity.saturating_sub(slot.booked);
                        let time = clock_text::local_clock(slot.start);
                        view! {
                            <button type="button" class="button secondary slot" disabled=left == 0 data-testid="slot"
                                on:click=move |_| on_pick.run(slot.start)>
                                <strong>{time}</strong>
                                <span class="meta">{move || if left == 0 { t(Msg::Full)().to_string() } else { format!("{} {left}", t(Msg::SeatsLeft)()) }}</span>
                            </button>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        Some(_) => view! { <p class="empty">{t(Msg::NoSlots)}</p> }.into_any(),
    }
    };
    view! {
        <div class="field">
            <label for="slot-date">{t(Msg::Date)}</label>
            <select id="slot-date" on:change=move |ev| if let Ok(d) = event_target_value(&ev).parse() { date.set(d) }>{days.collect_view()}</select>
        </div>
        <p class="meta">{move || t(business_msg(business.get()))()}</p>
        {times}
    }
}
