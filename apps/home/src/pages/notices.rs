//! All published notices, filterable by hall.

use leptos::prelude::*;
use ui::api;
use ui::components::cards::NoticeList;
use ui::components::feedback::Loaded;
use ui::i18n::{pick, t, Msg};
use ui::state::use_app;

#[component]
pub fn NoticesPage() -> impl IntoView {
    let lang = use_app().lang;
    let hall = RwSignal::new(String::new());
    let halls = LocalResource::new(api::halls);
    let notices = LocalResource::new(move || {
        let hall = hall.get();
        async move { api::notices(Some(hall.as_str()).filter(|h| !h.is_empty())).await }
    });
    view! {
        <h1>{t(Msg::NoticesTitle)}</h1>
        <div class="field inline">
            <label for="notice-hall">{t(Msg::FilterHall)}</label>
            <select id="notice-hall" on:change=move |ev| hall.set(event_target_value(&ev))>
                <option value="">{t(Msg::AllHalls)}</option>
                {move || halls.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|h| {
                    let label = pick(lang.get(), &h.name, &h.name_en).to_string();
                    view! { <option value=h.id>{label}</option> }
                }).collect_view()}
            </select>
        </div>
        <Loaded resource=notices content=|notices| view! { <NoticeList notices/> }/>
    }
}
