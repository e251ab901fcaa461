//! Low ratings to follow up, whatever was rated (a counter visit, a video call, a work order):
//! open ones first, each with the customer's contact. Staff give one to a colleague, note what
//! the customer said, record the outcome, or open a work order from it.

use domain::follow_ups::{FollowOutcome, FollowUp, FollowUpBoard, FollowUpInput};
use domain::hours::format_local_ms;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{say, t, Msg};
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn FollowUps(hall: String) -> impl IntoView {
    let hall = StoredValue::new(hall);
    let board =
        LocalResource::new(move || async move { api::queue::follow_ups(&hall.get_value()).await });
    let changed = Callback::new(move |_| board.refetch());
    view! {
        <section aria-labelledby="follow-ups" data-testid="follow-ups">
            <h2 id="follow-ups">{t(Msg::FollowUps)}</h2>
            <Loaded resource=board content=move |b: FollowUpBoard| {
                if b.items.is_empty() {
                    return view! { <p class="empty">{t(Msg::NoFollowUps)}</p> }.into_any();
                }
                let colleagues = StoredValue::new(b.colleagues);
                view! {
                    <ul class="card-list">
                        {b.items.into_iter().map(|f| view! {
                            <Item f hall=hall.get_value() colleagues=colleagues.get_value() changed/>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            }/>
        </section>
    }
}

#[component]
fn Item(
    f: FollowUp,
    hall: String,
    colleagues: Vec<domain::follow_ups::Colleague>,
    changed: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let (id, rated, open) = (f.id, f.rated, f.resolved_at.is_none());
    let note = RwSignal::new(f.note.clone().unwrap_or_default());
    let assignee = RwSignal::new(f.assignee_id);
    let hall = StoredValue::new(hall);
    let update = Action::new_local(move |input: &FollowUpInput| {
        let input = input.clone();
        async move { api::queue::update_follow_up(&hall.get_value(), id, &input).await }
    });
    let order = Action::new_local(move |_: &()| async move {
        api::queue::follow_up_order(&hall.get_value(), id).await
    });
    Effect::new(move |_| {
        let result = update
            .value()
            .get()
            .map(|r| r.map(|_| ()))
            .or(order.value().get().map(|r| r.map(|_| ())));
        match result {
            Some(Ok(())) => changed.run(()),
            Some(Err(e)) => app.error(&e),
            None => {}
        }
    });
    let busy = move || update.pending().get() || order.pending().get();
    let record = move |outcome: Option<FollowOutcome>| {
        let text = note.get_untracked();
        update.dispatch(FollowUpInput {
            assignee_id: assignee.get_untracked(),
            note: (!text.trim().is_empty()).then_some(text),
            outcome,
        });
    };
    let contact = [f.customer_name.clone(), f.phone.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <li class="card" data-testid="follow-up">
            <h4>
                <span class="tag">{move || say(rated.words(), app.lang.get())}</span>" "
                {f.subject.clone()}" · "{"★".repeat(usize::from(f.stars))}
            </h4>
            <p data-testid="follow-up-comment">{f.comment.clone()}</p>
            <p class="meta">
                {format_local_ms(f.created_at)}
                {(!contact.is_empty()).then(|| view! { " · "{t(Msg::Customer)}" "{contact.clone()}" " })}
                {f.phone.clone().map(|p| view! { <a href=format!("tel:{p}")>{t(Msg::CallNow)}</a> })}
            </p>
            {f.work_order_id.map(|w| view! {
                <p><Link href=format!("/work-orders/{w}") testid="follow-up-order-link">{t(Msg::FollowUpOrderLink)}</Link></p>
            })}
            {if open {
                view! {
                    <div class="form">
                        <label>{t(Msg::AssignTo)}" "
                            <select data-testid="follow-up-assignee" on:change=move |ev| assignee.set(event_target_value(&ev).parse().ok())>
                                <option value="">"—"</option>
                                {colleagues.into_iter().map(|c| view! {
                                    <option value=c.id.to_string() selected=f.assignee_id == Some(c.id)>{c.name}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label>{t(Msg::FollowUpNote)}
                            <textarea rows="2" data-testid="follow-up-note" bind:value=note></textarea>
                        </label>
                        <div class="actions">
                            <button class="button secondary" data-testid="follow-up-save" disabled=busy
                                on:click=move |_| record(None)>{t(Msg::Save)}</button>
                            {FollowOutcome::ALL.into_iter().map(|o| view! {
                                <button class="button primary" data-testid=format!("follow-up-{}", domain::wire::wire_name(&o))
                                    disabled=busy on:click=move |_| record(Some(o))>{move || say(o.words(), app.lang.get())}</button>
                            }).collect_view()}
                            {(f.work_order_id.is_none() && f.phone.is_some()).then(|| view! {
                                <button class="button secondary" data-testid="follow-up-order" disabled=busy
                                    on:click=move |_| { order.dispatch(()); }>{t(Msg::FollowUpOpenOrder)}</button>
                            })}
                        </div>
                    </div>
                }.into_any()
            } else {
                view! {
                    <p>
                        <span class="badge" data-testid="follow-up-outcome">{f.outcome.map(|o| move || say(o.words(), app.lang.get()))}</span>" "
                        {f.assignee_name.clone()}" "{f.note.clone()}
                    </p>
                }.into_any()
            }}
        </li>
    }
}
