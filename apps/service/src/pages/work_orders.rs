//! `/work-orders` (报修投诉): a customer reports a fault, complains, suggests or asks, with
//! photos and where it is, and sees the promise that applies; their orders and how each stands.
//! Staff see their hall's board: overdue first, then due soon, with a status filter.

use crate::pages::applications::{chosen_files, upload_each};
use domain::hours::format_local_ms;
use domain::service::work_orders::{DueState, OrderInput, Topic, WorkOrder};
use domain::wire::{from_wire_name, wire_name};
use domain::Role;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::components::guard::SignedIn;
use ui::components::hall_select::HallSelect;
use ui::components::repair_times::RepairTimes;
use ui::i18n::{say, t, Msg};
use ui::nav::use_go;
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn WorkOrdersPage() -> impl IntoView {
    let app = use_app();
    let customer = move || app.session.get().is_some_and(|u| u.role == Role::Customer);
    let list = LocalResource::new(api::services::work_orders);
    let open_only = RwSignal::new(false);
    view! {
        <h1>{move || if customer() { t(Msg::WorkOrdersTitle)() } else { t(Msg::WorkOrdersBoard)() }}</h1>
        <SignedIn allow=|u| u.role == Role::Customer || u.role.is_hall_staff() || u.role == Role::Admin>
            <Show when=customer><OrderForm/></Show>
            <Show when=move || !customer()>
                <p><Link href="/work-orders/intake" class="button primary big" testid="intake-link">{t(Msg::IntakeLink)}</Link></p>
                <BoardRepairTimes/>
                <BoardEscalations/>
                <label class="check"><input type="checkbox" data-testid="open-only"
                    on:change=move |ev| open_only.set(event_target_checked(&ev))/>{t(Msg::OpenOnly)}</label>
            </Show>
            <Loaded resource=list content=move |list| view! { <OrderList list open_only/> }/>
        </SignedIn>
    }
}

/// This month's and last month's repair times beside the promise, above the staff board.
#[component]
fn BoardRepairTimes() -> impl IntoView {
    let app = use_app();
    let times = LocalResource::new(|| api::services::repair_times(2));
    view! {
        <Loaded resource=times content=move |rows| view! { <RepairTimes rows lang=app.lang.get()/> }/>
    }
}

/// The deadlines escalated to the hall's managers and department heads, newest first.
#[component]
fn BoardEscalations() -> impl IntoView {
    let app = use_app();
    let list = LocalResource::new(api::services::escalations);
    view! {
        <section class="card" data-testid="escalations">
            <h2>{t(Msg::EscalationsTitle)}</h2>
            <Loaded resource=list content=move |list| {
                if list.is_empty() {
                    return view! { <p class="empty">{t(Msg::EscalationsEmpty)}</p> }.into_any();
                }
                view! {
                    <ul class="plain">
                        {list.into_iter().map(|e| {
                            let (topic, milestone) = (e.topic, e.milestone);
                            view! {
                                <li data-testid="escalation">
                                    <Link href=format!("/work-orders/{}", e.order_id)>{e.number.clone()}</Link>" "
                                    {move || say(topic.words(), app.lang.get())}" · "
                                    <strong>{move || say(milestone.words(), app.lang.get())}</strong>" "
                                    {t(Msg::Deadline)}" "{format_local_ms(e.due_at)}" · "
                                    {t(Msg::EscalatedAt)}" "{format_local_ms(e.escalated_at)}
                                    {e.met_at.map(|at| view! { " · "{t(Msg::MetLate)}" "{format_local_ms(at)} })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </section>
    }
}

pub fn due_class(due: DueState) -> &'static str {
    match due {
        DueState::Overdue | DueState::Missed => "tag late",
        DueState::DueSoon => "tag soon",
        _ => "tag",
    }
}

#[component]
fn OrderList(list: Vec<WorkOrder>, open_only: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    if list.is_empty() {
        return view! { <p class="empty">{t(Msg::WorkOrdersEmpty)}</p> }.into_any();
    }
    view! {
        <ul class="list" data-testid="order-list">
            {list.into_iter().map(|o| {
                let (topic, status, due, open) = (o.topic, o.status, o.due, o.status.is_open());
                view! {
                    <li class="card" class:overdue=due == DueState::Overdue data-testid="order-row"
                        class:hidden=move || open_only.get() && !open>
                        <Link href=format!("/work-orders/{}", o.id) class="card-link">
                            <strong>{o.number.clone()}" "{move || say(topic.words(), app.lang.get())}</strong>
                        </Link>
                        <p>{o.description.clone()}</p>
                        <p>
                            <span class="tag" data-testid="order-status">{move || say(status.words(), app.lang.get())}</span>" "
                            <span class=due_class(due) data-testid="order-due">{move || say(due.words(), app.lang.get())}</span>
                            <span class="meta">" "{t(Msg::Deadline)}" "{format_local_ms(o.deadline_at)}" · "{o.location.clone()}</span>
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn OrderForm() -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let terms = LocalResource::new(api::services::terms);
    let topic = RwSignal::new(Topic::RepairUrban);
    let description = RwSignal::new(String::new());
    let location = RwSignal::new(String::new());
    let phone = RwSignal::new(
        app.session
            .get_untracked()
            .and_then(|u| u.phone)
            .unwrap_or_default(),
    );
    let hall = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    // On success the order's page opens.
    let save = save_action(
        error,
        move |(input, photos): (OrderInput, Vec<web_sys::File>)| {
            let go = go.clone();
            async move {
                let d = api::services::file_order(&input).await?;
                let order = d.order.id;
                upload_each(app, photos, |file| async move {
                    api::services::upload_photo(order, &file).await
                })
                .await;
                go(&format!("/work-orders/{}", d.order.id));
                Ok(())
            }
        },
        Callback::new(|()| {}),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = OrderInput {
            topic: topic.get_untracked(),
            description: description.get_untracked(),
            location: location.get_untracked(),
            phone: phone.get_untracked(),
            hall_id: hall.get_untracked(),
            account: None,
            intake: Default::default(),
        };
        submit(save, (input, chosen_files("order-photos")));
    };
    let promise = move || {
        let lang = app.lang.get();
        let list = terms.get().and_then(Result::ok)?;
        let parts: Vec<String> = list
            .iter()
            .filter(|term| term.topic == topic.get())
            .map(|term| {
                let what = ui::i18n::pick(lang, term.milestone.words().0, term.milestone.words().1);
                format!("{what} {}", ui::i18n::limit_text(term.limit, lang))
            })
            .collect();
        (!parts.is_empty()).then(|| format!("{}{}", Msg::Promise.text(lang), parts.join("；")))
    };
    let other = form_error(error, &["description", "location", "phone", "hall_id"]);
    view! {
        <section class="card">
            <h2>{t(Msg::NewWorkOrder)}</h2>
            <form class="form" on:submit=on_submit data-testid="order-form">
                <div class="field">
                    <label for="order-topic">{t(Msg::Topic)}</label>
                    <select id="order-topic" data-testid="order-topic"
                        on:change=move |ev| if let Some(k) = from_wire_name(&event_target_value(&ev)) { topic.set(k) }>
                        {Topic::ALL.iter().map(|&k| view! {
                            <option value=wire_name(&k)>{move || say(k.words(), app.lang.get())}</option>
                        }).collect_view()}
                    </select>
                    <p class="hint" data-testid="promise">{promise}</p>
                </div>
                <TextField label=Msg::Description name="description" value=description error multiline=true scope="order"/>
                <TextField label=Msg::Location name="location" value=location error scope="order"/>
                <TextField label=Msg::MobileField name="phone" value=phone error kind="tel" scope="order"/>
                <HallSelect id="order-hall" value=hall error/>
                <div class="field">
                    <label for="order-photos">{t(Msg::Photos)}</label>
                    <input id="order-photos" type="file" multiple accept="image/*"/>
                </div>
                {move || other.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="button primary big" disabled=move || save.pending().get()>{t(Msg::Submit)}</button>
            </form>
        </section>
    }
}
