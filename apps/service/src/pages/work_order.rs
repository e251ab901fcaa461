//! `/work-orders/:id`: one work order: what was reported with its photos, each promise and where
//! it stands, every step taken, and the next step: staff dispatch, record the contact or the
//! crew's arrival, reply, call the customer back (satisfied, not satisfied: reopened, or not
//! reached) and close; the customer cancels early or rates the handling once it is closed.

use crate::components::progress::{Progress, Step};
use crate::pages::work_orders::due_class;
use domain::hours::format_local_ms;
use domain::service::contacts::{Case, CaseRef};
use domain::service::work_orders::{
    Department, OrderActInput, OrderAction, OrderDeadline, Outcome, WorkOrderDetail,
};
use domain::wire::{from_wire_name, wire_name};
use leptos::prelude::*;
use ui::api;
use ui::components::case_contacts::CaseContacts;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::i18n::{say, t, Msg};
use ui::nav::path_id;
use ui::state::use_app;

#[component]
pub fn WorkOrderPage() -> impl IntoView {
    let id = path_id();
    let detail = LocalResource::new(move || api::services::work_order(id()));
    view! {
        <SignedIn>
            <Loaded resource=detail content=move |d| view! { <Order d on_change=Callback::new(move |_| detail.refetch())/> }/>
        </SignedIn>
    }
}

#[component]
fn Order(d: WorkOrderDetail, on_change: Callback<()>) -> impl IntoView {
    let app = use_app();
    let o = d.order;
    let id = o.id;
    let (topic, status, due, channel) = (o.topic, o.status, o.due, o.channel);
    view! {
        <h1>{o.number.clone()}" "{move || say(topic.words(), app.lang.get())}</h1>
        <p class="lead">
            <span class="tag" data-testid="order-status">{move || say(status.words(), app.lang.get())}</span>" "
            <span class=due_class(due) data-testid="order-due">{move || say(due.words(), app.lang.get())}</span>
        </p>
        <section class="card">
            <dl class="facts">
                <dt>{t(Msg::Description)}</dt><dd>{o.description.clone()}</dd>
                <dt>{t(Msg::Location)}</dt><dd>{o.location.clone()}</dd>
                <dt>{t(Msg::Customer)}</dt><dd>{o.customer_name.clone()}" "{o.phone.clone()}</dd>
                <dt>{t(Msg::ChannelLabel)}</dt><dd data-testid="order-channel">{move || say(channel.words(), app.lang.get())}</dd>
                <dt>{t(Msg::Deadline)}</dt><dd>{format_local_ms(o.deadline_at)}</dd>
                {o.department.map(|dep| view! { <dt>{t(Msg::Department)}</dt><dd>{move || say(dep.words(), app.lang.get())}</dd> })}
                {o.reply.clone().map(|r| view! { <dt>{t(Msg::Reply)}</dt><dd data-testid="order-reply">{r}</dd> })}
                {o.stars.map(|s| view! { <dt>{t(Msg::Rating)}</dt><dd data-testid="order-rating">{"★".repeat(s as usize)}" "{o.rating_comment.clone().unwrap_or_default()}</dd> })}
            </dl>
            <div class="photos">
                {d.photos.iter().map(|p| view! {
                    <a href=api::services::photo_url(id, &p.id) target="_blank">
                        <img src=api::services::photo_url(id, &p.id) alt=p.name.clone() loading="lazy"/>
                    </a>
                }).collect_view()}
            </div>
        </section>
        <Deadlines deadlines=o.deadlines.clone()/>
        <OrderActions id options=o.options.clone() on_change/>
        <CaseContacts case=CaseRef { kind: Case::WorkOrder, id }/>
        <Progress testid="order-events" steps=d.events.into_iter().map(|e| Step { label: e.status.words(), actor: e.actor, at: e.at, note: e.note }).collect()/>
    }
}

/// Each promise the order carries: what, by when, and where it stands.
#[component]
fn Deadlines(deadlines: Vec<OrderDeadline>) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card">
            <h2>{t(Msg::Deadlines)}</h2>
            <ul class="plain">
                {deadlines.into_iter().map(|d| {
                    let (milestone, state) = (d.deadline.milestone, d.state);
                    view! {
                        <li data-testid="order-deadline">
                            <strong>{move || say(milestone.words(), app.lang.get())}</strong>" "
                            {t(Msg::Deadline)}" "{format_local_ms(d.deadline.due_at)}" "
                            <span class=due_class(state)>{move || say(state.words(), app.lang.get())}</span>
                            {d.deadline.met_at.map(|at| view! { " · "{t(Msg::MetAt)}" "{format_local_ms(at)} })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn OrderActions(id: i64, options: Vec<OrderAction>, on_change: Callback<()>) -> impl IntoView {
    let app = use_app();
    if options.is_empty() {
        return ().into_any();
    }
    let text = RwSignal::new(String::new());
    let stars = RwSignal::new(5u8);
    let department = RwSignal::new(None::<Department>);
    let act = Action::new_local(move |&(action, outcome): &(OrderAction, Option<Outcome>)| {
        let input = OrderActInput {
            action,
            department: department.get_untracked(),
            text: Some(text.get_untracked()),
            stars: Some(stars.get_untracked()),
            outcome,
        };
        async move {
            match api::services::act_on_order(id, &input).await {
                Ok(_) => on_change.run(()),
                Err(e) => app.error(&e),
            }
        }
    });
    let has = |a: OrderAction| options.contains(&a);
    let (dispatching, calling_back, rating) = (
        has(OrderAction::Dispatch),
        has(OrderAction::Callback),
        has(OrderAction::Rate),
    );
    let replying = has(OrderAction::Reply);
    let writing = replying || rating || calling_back;
    let note = move || match (rating, calling_back) {
        (true, _) => t(Msg::RatingComment)(),
        (_, true) if !replying => t(Msg::CallbackReason)(),
        _ => t(Msg::Reply)(),
    };
    // A callback is one button per outcome; the other actions one button each.
    let buttons: Vec<(OrderAction, Option<Outcome>)> = options
        .iter()
        .flat_map(|&action| match action {
            OrderAction::Callback => [
                Outcome::Satisfied,
                Outcome::Unsatisfied,
                Outcome::NotReached,
            ]
            .map(|o| (action, Some(o)))
            .to_vec(),
            _ => vec![(action, None)],
        })
        .collect();
    view! {
        <section class="card" data-testid="order-actions">
            {dispatching.then(|| view! {
                <label>{t(Msg::Department)}" "
                    <select data-testid="order-department" on:change=move |ev| department.set(from_wire_name(&event_target_value(&ev)))>
                        <option value="">"—"</option>
                        {Department::ALL.iter().map(|&d| view! {
                            <option value=wire_name(&d)>{move || say(d.words(), app.lang.get())}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            {rating.then(|| view! {
                <fieldset class="stars">
                    <legend>{t(Msg::Rating)}</legend>
                    {(1..=5u8).map(|n| view! {
                        <label class="check"><input type="radio" name="stars" checked=n == 5 on:change=move |_| stars.set(n)/>{"★".repeat(n as usize)}</label>
                    }).collect_view()}
                </fieldset>
            })}
            {writing.then(|| view! {
                <label>{note}
                    <textarea rows="3" data-testid="order-text" bind:value=text></textarea>
                </label>
            })}
            <div class="actions">
                {buttons.into_iter().map(|(action, outcome)| {
                    let testid = match outcome {
                        Some(o) => format!("order-callback-{}", wire_name(&o)),
                        None => format!("order-{}", wire_name(&action)),
                    };
                    let words = outcome.map_or(action.words(), Outcome::words);
                    view! {
                        <button class=if action == OrderAction::Cancel { "button secondary" } else { "button primary" }
                            data-testid=testid disabled=move || act.pending().get()
                            on:click=move |_| { act.dispatch((action, outcome)); }>{move || say(words, app.lang.get())}</button>
                    }
                }).collect_view()}
            </div>
        </section>
    }
    .into_any()
}
