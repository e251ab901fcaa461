//! A customer who took a number from home and asked for the green channel confirms it at the
//! kiosk with the phone number the ticket was taken with: being in the hall is what counts.

use super::{Kiosk, Screen};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn ConfirmScreen(kiosk: Kiosk) -> impl IntoView {
    let (hall, token) = (kiosk.hall_id(), kiosk.token.get_value());
    let app = use_app();
    let phone = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (hall, token) = (hall.clone(), token.clone());
        busy.set(true);
        spawn_local(async move {
            match api::queue::confirm_at_kiosk(&hall, &phone.get_untracked(), &token).await {
                Ok(_) => {
                    app.success(Msg::PriorityConfirmed);
                    kiosk.finish();
                }
                Err(e) => app.error(&e),
            }
            busy.set(false);
        });
    };
    view! {
        <section class="narrow">
            <h2>{t(Msg::KioskConfirmGreen)}</h2>
            <form class="form card row" on:submit=submit data-testid="kiosk-confirm">
                <div class="field">
                    <label for="kiosk-confirm-phone">{t(Msg::MobileNumber)}</label>
                    <input id="kiosk-confirm-phone" type="tel" inputmode="numeric" maxlength="11" autocomplete="off" bind:value=phone/>
                </div>
                <button type="submit" class="button primary" disabled=move || busy.get()>{t(Msg::KioskConfirmButton)}</button>
            </form>
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}
