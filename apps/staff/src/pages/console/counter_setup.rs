//! The hall's counters as its manager sets them up: what each serves, what its clerk may help
//! with when idle (the overflow rule), a new counter, or one taken away. Today's queue follows
//! at once; moving a counter for the rest of today only is `hall_counters`.

use domain::halls::edit::CounterEdit;
use domain::halls::{BusinessType, Counter};
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::i18n::{business_msg, t, Msg};
use ui::state::use_app;

#[component]
pub fn CounterSetup(hall: String) -> impl IntoView {
    let hall = StoredValue::new(hall);
    let detail = LocalResource::new(move || async move { api::hall(&hall.get_value()).await });
    let refetch = Callback::new(move |_| detail.refetch());
    view! {
        <section aria-labelledby="counter-setup" data-testid="counter-setup">
            <h2 id="counter-setup">{t(Msg::CounterSetup)}</h2>
            <p class="hint">{t(Msg::CounterSetupHint)}</p>
            <Loaded resource=detail content=move |d| {
                let rows = d.counters.into_iter().map(|counter| view! {
                    <CounterForm hall=hall.get_value() counter on_changed=refetch/>
                }).collect_view();
                view! { <div class="card-list">{rows}</div> }
            }/>
            <AddCounter hall=hall.get_value() on_added=refetch/>
        </section>
    }
}

/// Checkboxes for each business type, bound to a list; the children are the legend.
#[component]
pub fn TypeChoice(chosen: RwSignal<Vec<BusinessType>>, children: Children) -> impl IntoView {
    let boxes = BusinessType::ALL
        .into_iter()
        .map(|business| {
            let checked = move || chosen.with(|c| c.contains(&business));
            let toggle = move |ev| {
                let on = event_target_checked(&ev);
                chosen.update(|c| {
                    c.retain(|&b| b != business);
                    if on {
                        c.push(business);
                    }
                });
            };
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=checked on:change=toggle/>
                    {t(business_msg(business))}
                </label>
            }
        })
        .collect_view();
    view! { <fieldset class="row"><legend>{children()}</legend>{boxes}</fieldset> }
}

#[component]
fn CounterForm(hall: String, counter: Counter, on_changed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let number = counter.number;
    let serves = RwSignal::new(counter.serves);
    let trained = RwSignal::new(counter.trained);
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let save = save_action(
        error,
        move |edit: CounterEdit| async move {
            api::reference::set_counter(&hall.get_value(), number, &edit).await
        },
        Callback::new(move |saved: Counter| {
            trained.set(saved.trained);
            app.success(Msg::CounterSetupSaved);
        }),
    );
    let remove = save_action(
        error,
        move |()| async move { api::reference::remove_counter(&hall.get_value(), number).await },
        Callback::new(move |_| {
            app.success(Msg::CounterRemoved);
            on_changed.run(());
        }),
    );
    let busy = move || save.pending().get() || remove.pending().get();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edit = CounterEdit {
            serves: serves.get_untracked(),
            trained: trained.get_untracked(),
        };
        submit(save, edit);
    };
    let lang = app.lang.get_untracked();
    view! {
        <form class="form card" on:submit=on_submit data-testid=format!("counter-setup-{number}")>
            <h3>{ui::components::queue_labels::counter_text(number, lang)}</h3>
            <TypeChoice chosen=serves>{t(Msg::CounterServesLabel)}</TypeChoice>
            <TypeChoice chosen=trained>{t(Msg::CounterTrained)}</TypeChoice>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <button type="submit" class="button secondary" disabled=busy>{t(Msg::Save)}</button>
                <button type="button" class="button danger" disabled=busy on:click=move |_| submit(remove, ())>{t(Msg::RemoveCounter)}</button>
            </div>
        </form>
    }
}

#[component]
fn AddCounter(hall: String, on_added: Callback<()>) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let number = RwSignal::new(String::new());
    let serves = RwSignal::new(Vec::new());
    let error: FormError = RwSignal::new(None);
    let save = save_action(
        error,
        move |(n, edit): (u32, CounterEdit)| async move {
            api::reference::set_counter(&hall.get_value(), n, &edit).await
        },
        Callback::new(move |_| {
            number.set(String::new());
            serves.set(Vec::new());
            app.success(Msg::CounterSetupSaved);
            on_added.run(());
        }),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let edit = CounterEdit {
            serves: serves.get_untracked(),
            trained: BusinessType::ALL.to_vec(),
        };
        let Ok(n) = number.get_untracked().trim().parse::<u32>() else {
            return error.set(Some(domain::ApiError::validation("counter", "1 to 99")));
        };
        submit(save, (n, edit));
    };
    let general = form_error(error, &["counter"]);
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="add-counter">
            <h3>{t(Msg::AddCounter)}</h3>
            <TextField scope="add-counter" label=Msg::CounterNumber name="counter" value=number error kind="number"/>
            <TypeChoice chosen=serves>{t(Msg::CounterServesLabel)}</TypeChoice>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::AddCounter)}</button>
        </form>
    }
}
