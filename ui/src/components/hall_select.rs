//! A labelled choice of hall ("the hall for your area"), with the API's error for `hall_id`.

use crate::api;
use crate::components::form::{field_error, FormError};
use crate::i18n::{pick, t, Msg};
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn HallSelect(
    id: &'static str,
    value: RwSignal<String>,
    error: FormError,
    /// A first choice meaning "any hall" (the whole city); without it a hall is required.
    #[prop(optional)]
    any: Option<Msg>,
) -> impl IntoView {
    let app = use_app();
    let halls = LocalResource::new(api::halls);
    let message = field_error(error, "hall_id");
    view! {
        <div class="field">
            <label for=id>{t(Msg::ProjectHall)}</label>
            <select id=id name="hall_id" data-testid=id required=any.is_none() on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">{move || any.map_or("—", |m| m.text(app.lang.get()))}</option>
                {move || halls.get().and_then(Result::ok).map(|list| list.into_iter().map(|h| {
                    let label = pick(app.lang.get(), &h.name, &h.name_en).to_string();
                    view! { <option value=h.id.clone()>{label}</option> }
                }).collect_view())}
            </select>
            <p class="field-note">{move || message.get().map(|text| view! { <span class="field-error">{text}</span> })}</p>
        </div>
    }
}
