//! The customer's appointments: when, where, what arriving now would mean, and check-in,
//! change of time and cancellation.

use domain::hours::format_local;
use domain::queue::appointments::{AppointmentState, AppointmentView, Arrival};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::components::slots::SlotPicker;
use ui::i18n::{business_msg, t, Msg};
use ui::nav::use_go;
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn AppointmentsPage() -> impl IntoView {
    view! { <SignedIn allow=|u| u.role == domain::Role::Customer><MyAppointments/></SignedIn> }
}

#[component]
fn MyAppointments() -> impl IntoView {
    let list = LocalResource::new(api::appointments::mine);
    let changed = Callback::new(move |_| list.refetch());
    view! {
        <section class="narrow">
            <h1>{t(Msg::MyAppointments)}</h1>
            <Loaded resource=list content=move |items| {
                if items.is_empty() {
                    return view! { <p class="empty">{t(Msg::NoAppointments)}</p> }.into_any();
                }
                view! { <ul class="card-list">{items.into_iter().map(|a| view! { <AppointmentCard a changed/> }).collect_view()}</ul> }.into_any()
            }/>
        </section>
    }
}

fn arrival_text(arrival: Option<Arrival>) -> Option<String> {
    let lang = use_app().lang.get();
    Some(match arrival? {
        Arrival::TooEarly { from } => {
            format!("{} {}", Msg::ArriveFrom.text(lang), format_local(from))
        }
        Arrival::OnTime => Msg::ArriveOnTime.text(lang).to_string(),
        Arrival::Late => Msg::ArriveLate.text(lang).to_string(),
        Arrival::Released => Msg::ArriveReleased.text(lang).to_string(),
    })
}

#[component]
fn AppointmentCard(a: AppointmentView, changed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let rescheduling = RwSignal::new(false);
    let id = a.id;
    let state = match a.state {
        AppointmentState::Booked => Msg::ApptBooked,
        AppointmentState::Arrived => Msg::ApptArrived,
        AppointmentState::Cancelled => Msg::ApptCancelled,
    };
    let can_arrive = matches!(a.arrival, Some(Arrival::OnTime | Arrival::Late));
    let booked = a.state == AppointmentState::Booked;
    let hall = a.hall_id.clone();
    let ticket_href = a
        .ticket_id
        .map(|t| format!("/halls/{}/tickets/{t}", a.hall_id));
    let fail = move |e: domain::ApiError| app.error(&e);
    let arrive = move |_| {
        let (hall, go) = (hall.clone(), go.clone());
        spawn_local(async move {
            match api::appointments::arrive(id).await {
                Ok(ticket) => {
                    let key = ticket.key.map(|k| format!("?key={k}")).unwrap_or_default();
                    go(&format!("/halls/{hall}/tickets/{}{key}", ticket.id));
                }
                Err(e) => fail(e),
            }
        });
    };
    let cancel = move |_| {
        spawn_local(async move {
            match api::appointments::cancel(id).await {
                Ok(_) => {
                    app.success(Msg::AppointmentCancelled);
                    changed.run(());
                }
                Err(e) => fail(e),
            }
        });
    };
    let reschedule = Callback::new(move |start| {
        spawn_local(async move {
            match api::appointments::reschedule(id, start).await {
                Ok(_) => {
                    app.success(Msg::Rescheduled);
                    changed.run(());
                }
                Err(e) => fail(e),
            }
        });
    });
    let business = a.business;
    let hall_id = a.hall_id.clone();
    view! {
        <li class="card appointment" data-testid="appointment">
            <h3>{a.hall_name.clone()}" · "{t(business_msg(a.business))}</h3>
            <p><time>{format_local(a.start)}</time>" "<span class="badge">{t(state)}</span></p>
            <p class="meta" data-testid="arrival">{move || arrival_text(a.arrival)}</p>
            {a.code.clone().filter(|_| booked).map(|code| view! {
                <p class="appointment-code">{t(Msg::AppointmentCode)}" "<strong data-testid="appointment-code">{code}</strong></p>
            })}
            <div class="row">
                <Show when=move || can_arrive>
                    <button class="button primary" on:click=arrive.clone() data-testid="arrive">{t(Msg::Arrive)}</button>
                </Show>
                {ticket_href.map(|href| view! { <Link href=href class="button secondary">{t(Msg::ViewTicket)}</Link> })}
                <Show when=move || booked>
                    <button class="button secondary" on:click=move |_| rescheduling.update(|r| *r = !*r)>{t(Msg::Reschedule)}</button>
                    <button class="button danger" on:click=cancel>{t(Msg::CancelAppointment)}</button>
                </Show>
            </div>
            <Show when=move || rescheduling.get()>
                <SlotPicker hall=hall_id.clone() business=Signal::derive(move || business) on_pick=reschedule/>
            </Show>
        </li>
    }
}
