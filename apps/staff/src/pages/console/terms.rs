//! The admin's service commitments: for each work-order topic, each milestone it promises
//! (contact, arrival, restoration, result, answer) and its limit, in minutes or working days.
//! New orders take the terms in force when they are filed.

use domain::service::work_orders::terms::{Limit, Term};
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn Terms() -> impl IntoView {
    let list = LocalResource::new(api::services::terms);
    view! {
        <section class="card">
            <h2>{t(Msg::CommitmentsTitle)}</h2>
            <Loaded resource=list content=|list| view! {
                <table data-testid="commitments"><tbody>
                    {list.into_iter().map(|term| view! { <Row term/> }).collect_view()}
                </tbody></table>
            }/>
        </section>
    }
}

#[component]
fn Row(term: Term) -> impl IntoView {
    let app = use_app();
    let (value, in_days) = match term.limit {
        Limit::Minutes(m) => (m, false),
        Limit::WorkingDays(d) => (d, true),
    };
    let amount = RwSignal::new(value.to_string());
    let days = RwSignal::new(in_days);
    let save = Action::new_local(move |_: &()| {
        let amount = amount.get_untracked().trim().parse().unwrap_or(0);
        let limit = if days.get_untracked() {
            Limit::WorkingDays(amount)
        } else {
            Limit::Minutes(amount)
        };
        let input = Term { limit, ..term };
        async move {
            match api::services::set_term(&input).await {
                Ok(_) => app.success(Msg::Saved),
                Err(e) => app.error(&e),
            }
        }
    });
    view! {
        <tr>
            <td>{move || say(term.topic.words(), app.lang.get())}</td>
            <td>{move || say(term.milestone.words(), app.lang.get())}</td>
            <td>
                <label>{t(Msg::TermLimit)}" "<input type="number" min="1" bind:value=amount/></label>
                " "
                <select aria-label=move || Msg::TermUnit.text(app.lang.get())
                    on:change=move |ev| days.set(event_target_value(&ev) == "days")>
                    <option value="minutes" selected=!in_days>{t(Msg::Minutes)}</option>
                    <option value="days" selected=in_days>{t(Msg::WorkingDays)}</option>
                </select>
            </td>
            <td><button class="button secondary" disabled=move || save.pending().get()
                on:click=move |_| { save.dispatch(()); }>{t(Msg::Save)}</button></td>
        </tr>
    }
}
