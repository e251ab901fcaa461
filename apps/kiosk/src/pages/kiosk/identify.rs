//! Who is at the kiosk: the account number (户号) and the holder's name, as on the bill, or a
//! mobile number and the code texted to it. For bills, one account goes straight to its bills
//! and several are listed to choose from; an application needs the texted code, and goes on to
//! its questions.

use super::{Kiosk, Purpose, Screen};
use domain::billing::yuan;
use domain::kiosk::{KioskVisit, VisitInput};
use leptos::prelude::*;
use ui::api;
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[derive(Clone, Copy, PartialEq)]
enum Way {
    Account,
    Phone,
}

#[component]
pub fn IdentifyScreen(kiosk: Kiosk, purpose: Purpose) -> impl IntoView {
    let apply = purpose == Purpose::Apply;
    let way = RwSignal::new(if apply { Way::Phone } else { Way::Account });
    let tab = move |this: Way, label: Msg, testid: &'static str| {
        view! {
            <button type="button" class="button kiosk-tab" data-testid=testid
                class:primary=move || way.get() == this class:secondary=move || way.get() != this
                aria-pressed=move || (way.get() == this).to_string() on:click=move |_| way.set(this)>
                {t(label)}
            </button>
        }
    };
    view! {
        <section class="narrow kiosk-identify" data-testid="kiosk-identify">
            <h2>{t(Msg::KioskWhoAreYou)}</h2>
            <p class="kiosk-lead">{t(if apply { Msg::KioskWhoLeadApply } else { Msg::KioskWhoLead })}</p>
            {(!apply).then(|| view! {
                <div class="row kiosk-tabs">
                    {tab(Way::Account, Msg::KioskByAccount, "by-account")}
                    {tab(Way::Phone, Msg::KioskByPhone, "by-phone")}
                </div>
            })}
            {move || match way.get() {
                Way::Account => view! { <ByAccount kiosk purpose/> }.into_any(),
                Way::Phone => view! { <ByPhone kiosk purpose/> }.into_any(),
            }}
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

/// Starts the visit and goes on: to the application, or to the one account's bills, or to
/// the list of several.
fn identified(kiosk: Kiosk, purpose: Purpose) -> Callback<KioskVisit> {
    Callback::new(move |visit: KioskVisit| {
        let next = match (purpose, visit.accounts.as_slice()) {
            (Purpose::Apply, _) => Screen::Apply,
            (Purpose::Bills, [one]) => Screen::Bills(one.number.clone()),
            (Purpose::Bills, _) => Screen::Accounts,
        };
        kiosk.visit.set(Some(visit));
        kiosk.go(next);
    })
}

fn start_visit(kiosk: Kiosk, purpose: Purpose, error: FormError) -> Action<VisitInput, ()> {
    save_action(
        error,
        move |input: VisitInput| async move {
            api::kiosk::start(&kiosk.hall_id(), &input, &kiosk.token.get_value()).await
        },
        identified(kiosk, purpose),
    )
}

#[component]
fn ByAccount(kiosk: Kiosk, purpose: Purpose) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let start = start_visit(kiosk, purpose, error);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = VisitInput {
            number: Some(number.get_untracked()),
            holder_name: Some(name.get_untracked()),
            ..VisitInput::default()
        };
        submit(start, input);
    };
    view! {
        <form class="form card" on:submit=send data-testid="identify-account">
            <div class="field">
                <label for="kiosk-number-input">{t(Msg::KioskAccountNumber)}</label>
                <input id="kiosk-number-input" inputmode="numeric" maxlength="12" autocomplete="off" bind:value=number/>
            </div>
            <div class="field">
                <label for="kiosk-holder">{t(Msg::KioskHolderName)}</label>
                <input id="kiosk-holder" autocomplete="off" maxlength="60" bind:value=name/>
            </div>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary wide" disabled=move || start.pending().get()>{t(Msg::KioskLookUp)}</button>
        </form>
    }
}

#[component]
fn ByPhone(kiosk: Kiosk, purpose: Purpose) -> impl IntoView {
    let app = use_app();
    let phone = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let start = start_visit(kiosk, purpose, error);
    let send_code = Action::new_local(move |phone: &String| {
        let phone = phone.clone();
        async move { api::queue::send_code(&phone).await }
    });
    Effect::new(move || match send_code.value().get() {
        Some(Ok(_)) => sent.set(true),
        Some(Err(e)) => app.error(&e),
        None => {}
    });
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = VisitInput {
            phone: Some(phone.get_untracked()),
            code: Some(code.get_untracked()),
            ..VisitInput::default()
        };
        submit(start, input);
    };
    view! {
        <form class="form card" on:submit=send data-testid="identify-phone">
            <div class="field">
                <label for="kiosk-id-phone">{t(Msg::MobileNumber)}</label>
                <input id="kiosk-id-phone" type="tel" inputmode="numeric" maxlength="11" autocomplete="off" bind:value=phone/>
            </div>
            <button type="button" class="button secondary wide" disabled=move || send_code.pending().get()
                on:click=move |_| { send_code.dispatch(phone.get_untracked()); }>
                {move || if sent.get() { t(Msg::KioskCodeSent)() } else { t(Msg::KioskSendCode)() }}
            </button>
            <div class="field">
                <label for="kiosk-id-code">{t(Msg::KioskCode)}</label>
                <input id="kiosk-id-code" inputmode="numeric" maxlength="6" autocomplete="one-time-code" bind:value=code/>
            </div>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary wide" disabled=move || start.pending().get()>{t(Msg::KioskLookUp)}</button>
        </form>
    }
}

/// The accounts a phone's customer has bound, to choose one.
#[component]
pub fn AccountsScreen(kiosk: Kiosk) -> impl IntoView {
    let accounts = move || kiosk.visit.get().map(|v| v.accounts).unwrap_or_default();
    view! {
        <section class="narrow">
            <h2>{t(Msg::KioskChooseAccount)}</h2>
            <div class="kiosk-businesses">
                {move || accounts().into_iter().map(|a| {
                    let number = a.number.clone();
                    view! {
                        <button type="button" class="kiosk-business" data-testid="kiosk-account"
                            on:click=move |_| kiosk.go(Screen::Bills(number.clone()))>
                            <span class="kiosk-business-name">{a.number.clone()}</span>
                            <span class="kiosk-business-wait">{a.address.clone()}" · "{t(Msg::KioskOwes)}" ¥"{yuan(a.unpaid_fen)}</span>
                        </button>
                    }
                }).collect_view()}
            </div>
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.finish()>{t(Msg::KioskDone)}</button>
        </section>
    }
}
