//! Booking an appointment on the hall page.

use domain::halls::{BusinessType, HallDetail};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::business_select::{served_types, BusinessSelect};
use ui::components::slots::SlotPicker;
use ui::i18n::{t, Msg};
use ui::nav::use_go;
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn BookAppointment(hall: HallDetail) -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let types = served_types(&hall);
    let business = RwSignal::new(types.first().copied().unwrap_or(BusinessType::Payment));
    let hall_id = hall.summary.id.clone();
    let login_href = format!("/login?next=/halls/{hall_id}");
    let pick_hall = hall_id.clone();
    let on_pick = Callback::new(move |start| {
        let (hall, go) = (pick_hall.clone(), go.clone());
        spawn_local(async move {
            match api::appointments::book(&hall, business.get_untracked(), start).await {
                Ok(_) => {
                    app.success(Msg::Booked);
                    go("/appointments");
                }
                Err(e) => app.error(&e),
            }
        });
    });
    let signed_in = move || {
        app.session
            .get()
            .is_some_and(|u| u.role == domain::Role::Customer)
    };
    view! {
        <section class="card" aria-labelledby="book-heading" data-testid="book">
            <h3 id="book-heading">{t(Msg::BookTitle)}</h3>
            <Show when=signed_in fallback=move || view! { <Link href=login_href.clone() class="button secondary">{t(Msg::LoginToBook)}</Link> }>
                <div class="field">
                    <label for="book-business">{t(Msg::ChooseBusiness)}</label>
                    <BusinessSelect id="book-business" types=types.clone() value=business/>
                </div>
                <SlotPicker hall=hall_id.clone() business=business.into() on_pick/>
            </Show>
        </section>
    }
}
