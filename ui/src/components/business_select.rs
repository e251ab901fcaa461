//! Choosing a business type: the one select every form uses, and which types a hall offers.

use crate::i18n::{business_msg, t, Msg};
use domain::halls::{BusinessType, HallDetail};
use domain::wire::{from_wire_name, wire_name};
use leptos::prelude::*;

/// Business types some counter of the hall serves, in the standard order.
pub fn served_types(hall: &HallDetail) -> Vec<BusinessType> {
    BusinessType::ALL
        .into_iter()
        .filter(|b| hall.counters.iter().any(|c| c.serves.contains(b)))
        .collect()
}

/// A select bound to `value`. Give `id` for a `<label for>`, or `aria_label` when there is none.
#[component]
pub fn BusinessSelect(
    types: Vec<BusinessType>,
    value: RwSignal<BusinessType>,
    #[prop(optional)] id: Option<&'static str>,
    #[prop(optional)] aria_label: Option<Msg>,
) -> impl IntoView {
    let options = types
        .into_iter()
        .map(|b| view! { <option value=wire_name(&b) selected=move || value.get() == b>{t(business_msg(b))}</option> })
        .collect_view();
    view! {
        <select id=id aria-label=aria_label.map(t) on:change=move |ev| {
            if let Some(b) = from_wire_name(&event_target_value(&ev)) { value.set(b) }
        }>{options}</select>
    }
}
