//! The staff console: what each staff role can do today. Managers and admins manage notices,
//! posters and planned outages, managers their hall's screens, calendar, details, counters and
//! business types; admins manage accounts and the directory of firms;
//! counter staff call numbers; admins also set the work-order commitments.

mod agent_call;
mod business_setup;
mod callbacks;
mod consultations;
mod counter;
mod counter_setup;
mod department_heads;
mod firms;
mod follow_ups;
mod hall_counters;
mod hall_setup;
mod notices;
mod outages;
mod outbox;
mod posters;
mod screens;
mod special_days;
mod terms;
mod users;
mod video_desk;

use domain::policy::{decide, Access};
use domain::routes::Endpoint;
use leptos::prelude::*;
use ui::components::guard::SignedIn;
use ui::components::header::may_use_console;
use ui::i18n::{role_msg, t, Msg};
use ui::state::use_app;

fn allowed(endpoint: Endpoint) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let app = use_app();
    move || {
        app.session
            .get()
            .is_some_and(|u| decide(Some(u.role), endpoint) == Access::Allow)
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    view! {
        <SignedIn allow=|u| may_use_console(u.role)>
            <Console/>
        </SignedIn>
    }
}

#[component]
fn Console() -> impl IntoView {
    let app = use_app();
    let who = move || {
        app.session
            .get()
            .map(|u| format!("{} · {}", u.name, role_msg(u.role).text(app.lang.get())))
    };
    let is_counter_staff = move || {
        app.session
            .get()
            .is_some_and(|u| u.role == domain::Role::HallStaff)
    };
    view! {
        <h1>{t(Msg::ConsoleTitle)}</h1>
        <p class="meta" data-testid="console-user">{who}</p>
        {move || app.session.get().and_then(|u| u.hall_id).filter(|_| is_counter_staff()).map(|hall| view! {
            <counter::CounterConsole hall=hall.clone()/>
            <follow_ups::FollowUps hall/>
        })}
        {move || app.session.get().filter(|u| u.role == domain::Role::HallManager).and_then(|u| u.hall_id).map(|hall| view! {
            <hall_counters::HallCounters hall=hall.clone()/>
            <special_days::SpecialDays hall=hall.clone()/>
            <hall_setup::HallSetup hall=hall.clone()/>
            <counter_setup::CounterSetup hall=hall.clone()/>
            <business_setup::BusinessSetup hall=hall.clone()/>
            <follow_ups::FollowUps hall=hall.clone()/>
            <screens::HallScreens hall/>
        })}
        <Show when=allowed(Endpoint::VideoDesk)><video_desk::VideoDesk/></Show>
        <Show when=allowed(Endpoint::VideoDesk)><consultations::ConsultInbox/></Show>
        <Show when=allowed(Endpoint::StaffNoticeList)><notices::NoticeManager/></Show>
        <Show when=allowed(Endpoint::StaffPosterList)><posters::PosterManager/></Show>
        <Show when=allowed(Endpoint::StaffOutageList)><outages::OutageManager/></Show>
        <Show when=allowed(Endpoint::UserList)><users::UserManager/></Show>
        <Show when=allowed(Endpoint::FirmCreate)><firms::FirmManager/></Show>
        <Show when=allowed(Endpoint::OutboxList)><outbox::Outbox/></Show>
        <Show when=allowed(Endpoint::WorkOrderTermUpdate)><terms::Terms/></Show>
        <Show when=allowed(Endpoint::DepartmentHeadSet)><department_heads::DepartmentHeads/></Show>
    }
}
