//! `/work-orders/intake` (受理来电/来访): a 95598 agent or hall clerk takes a work order for a
//! caller or walk-in. They find the caller by mobile, 户号 or name (or write down a new
//! contact), say how the case came, and file it; the order lands in the customer's account
//! when the mobile or 户号 is theirs, and opens at once for the next step.

use domain::service::intake::{Caller, Channel, Intake};
use domain::service::work_orders::{OrderInput, Topic};
use domain::wire::{from_wire_name, wire_name, Wire};
use domain::Role;
use leptos::prelude::*;
use ui::api;
use ui::components::form::{form_error, FormError, TextField};
use ui::components::guard::SignedIn;
use ui::components::hall_select::HallSelect;
use ui::i18n::{say, t, Msg};
use ui::nav::use_go;
use ui::state::use_app;

#[component]
pub fn IntakePage() -> impl IntoView {
    view! {
        <h1>{t(Msg::IntakeTitle)}</h1>
        <SignedIn allow=|u| u.role.is_hall_staff() || u.role == Role::Admin>
            <IntakeForm/>
        </SignedIn>
    }
}

#[component]
fn IntakeForm() -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let chosen = RwSignal::new(None::<Caller>);
    let caller_name = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let account = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Phone);
    let topic = RwSignal::new(Topic::Complaint);
    let description = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let staff_hall = app.session.get_untracked().and_then(|u| u.hall_id);
    let hall = RwSignal::new(staff_hall.clone().unwrap_or_default());
    let error: FormError = RwSignal::new(None);
    let file = Action::new_local(move |input: &OrderInput| {
        let input = input.clone();
        async move { api::services::file_order(&input).await }
    });
    Effect::new(move |_| match file.value().get() {
        Some(Ok(d)) => go(&format!("/work-orders/{}", d.order.id)),
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let pick = Callback::new(move |caller: Caller| {
        phone.set(caller.phone.clone());
        account.set(caller.accounts.first().cloned().unwrap_or_default());
        chosen.set(Some(caller));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let for_customer = chosen.get_untracked().map(|c| c.customer_id);
        file.dispatch(OrderInput {
            topic: topic.get_untracked(),
            description: description.get_untracked(),
            location: location.get_untracked(),
            phone: phone.get_untracked(),
            hall_id: hall.get_untracked(),
            account: Some(account.get_untracked()),
            intake: Intake {
                channel: channel.get_untracked(),
                customer_id: for_customer,
                caller_name: for_customer.is_none().then(|| caller_name.get_untracked()),
            },
        });
    };
    let other = form_error(
        error,
        &[
            "description",
            "location",
            "phone",
            "hall_id",
            "account",
            "caller_name",
        ],
    );
    view! {
        <FindCaller pick/>
        <section class="card">
            <h2>{t(Msg::IntakeCase)}</h2>
            <form class="form" on:submit=submit data-testid="intake-form">
                {move || match chosen.get() {
                    Some(c) => view! {
                        <p class="lead" data-testid="intake-caller">
                            {t(Msg::Customer)}"："<strong>{c.name}</strong>" "{c.phone}" "
                            <button type="button" class="button" on:click=move |_| chosen.set(None)>{t(Msg::ChangeCaller)}</button>
                        </p>
                    }.into_any(),
                    None => view! {
                        <p class="hint">{t(Msg::NewContactHint)}</p>
                        <TextField label=Msg::CallerName name="caller_name" value=caller_name error scope="intake"/>
                    }.into_any(),
                }}
                <TextField label=Msg::MobileField name="phone" value=phone error kind="tel" scope="intake"/>
                <TextField label=Msg::AccountNumber name="account" value=account error required=false scope="intake"/>
                <Choice id="intake-channel" label=Msg::ChannelLabel value=channel options=Channel::TAKEN.to_vec() words=Channel::words/>
                <Choice id="intake-topic" label=Msg::Topic value=topic options=Topic::ALL.to_vec() words=Topic::words/>
                <TextField label=Msg::Description name="description" value=description error multiline=true scope="intake"/>
                <TextField label=Msg::Location name="location" value=location error scope="intake"/>
                <Show when=move || staff_hall.is_none()>
                    <HallSelect id="intake-hall" value=hall error/>
                </Show>
                {move || other.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="button primary big" disabled=move || file.pending().get()>{t(Msg::IntakeSubmit)}</button>
            </form>
        </section>
    }
}

/// A select over an enum's values, worded in the app's language.
#[component]
fn Choice<T>(
    id: &'static str,
    label: Msg,
    value: RwSignal<T>,
    options: Vec<T>,
    words: fn(T) -> (&'static str, &'static str),
) -> impl IntoView
where
    T: Copy + PartialEq + Wire + Send + Sync + 'static,
{
    let app = use_app();
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <select id=id data-testid=id
                on:change=move |ev| if let Some(k) = from_wire_name(&event_target_value(&ev)) { value.set(k) }>
                {options.into_iter().map(|k| view! {
                    <option value=wire_name(&k) selected=move || value.get() == k>{move || say(words(k), app.lang.get())}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The search: a mobile, 户号 or name, and the customers it finds, each to choose.
#[component]
fn FindCaller(pick: Callback<Caller>) -> impl IntoView {
    let q = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let find = Action::new_local(move |q: &String| {
        let q = q.clone();
        async move { api::services::callers(&q).await }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = find.value().get() {
            error.set(Some(e));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        find.dispatch(q.get_untracked());
    };
    view! {
        <section class="card">
            <h2>{t(Msg::FindCaller)}</h2>
            <form class="form inline" on:submit=submit data-testid="caller-search">
                <TextField label=Msg::CallerQuery name="q" value=q error scope="caller"/>
                <button type="submit" class="button primary" disabled=move || find.pending().get()>{t(Msg::Find)}</button>
            </form>
            {move || find.value().get().and_then(Result::ok).map(|found| {
                if found.is_empty() {
                    return view! { <p class="empty" data-testid="caller-none">{t(Msg::CallerNone)}</p> }.into_any();
                }
                view! {
                    <ul class="plain">
                        {found.into_iter().map(|c| {
                            let chosen = c.clone();
                            view! {
                                <li data-testid="caller">
                                    <strong>{c.name.clone()}</strong>" "{c.phone.clone()}" "
                                    <span class="meta">{c.accounts.join("、")}</span>" "
                                    <button type="button" class="button" data-testid="caller-pick"
                                        on:click=move |_| pick.run(chosen.clone())>{t(Msg::Choose)}</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}
