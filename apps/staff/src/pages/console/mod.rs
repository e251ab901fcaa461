//! The staff workspace's sections (`domain::workspace`), one page each: a clerk's counter,
//! today's hall (counters and follow-ups), the video desk and consultations, content (notices,
//! posters, outages), screens and kiosks, the hall's setup, operations, accounts and firms, the
//! work-order commitments and the outbox.

mod agent_call;
mod business_setup;
mod callbacks;
mod consultations;
mod counter;
mod counter_setup;
mod counter_waiting;
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

use domain::users::User;
use domain::workspace::{first, has, Section};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use ui::components::guard::SignedIn;
use ui::components::header::may_use_console;
use ui::components::not_found::NotFoundPage;
use ui::components::workspace::label;
use ui::i18n::{role_msg, t, Msg};
use ui::nav::use_go;
use ui::state::use_app;

/// `/staff`: sends the signed-in role to the first section of its day.
#[component]
pub fn Landing() -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let go = use_go();
    Effect::new(move |_| {
        let Some(section) = app.session.get().and_then(|u| first(u.role)) else {
            return;
        };
        if section.path().starts_with("/staff/") {
            let replace = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(section.path(), replace);
        } else {
            go(section.path());
        }
    });
    view! {
        <h1>{t(Msg::ConsoleTitle)}</h1>
        <SignedIn allow=|u| may_use_console(u.role)>
            <ui::components::feedback::Loading/>
        </SignedIn>
    }
}

/// `/staff/{section}`: one job's page, for a role that has that section.
#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    let section = move || {
        let name = params.with(|p| p.get("section")).unwrap_or_default();
        Section::at(&format!("/staff/{name}"))
    };
    move || match section() {
        None => view! { <NotFoundPage/> }.into_any(),
        Some(section) => view! {
            <h1>{t(label(section))}</h1>
            <Who/>
            <SignedIn>
                <Allowed section/>
            </SignedIn>
        }
        .into_any(),
    }
}

/// Who is signed in, under the section's heading.
#[component]
fn Who() -> impl IntoView {
    let app = use_app();
    let who = move || {
        app.session
            .get()
            .map(|u| format!("{} · {}", u.name, role_msg(u.role).text(app.lang.get())))
    };
    view! { <p class="meta" data-testid="console-user">{who}</p> }
}

/// The section's parts, or "not allowed" for a role without it.
#[component]
fn Allowed(section: Section) -> impl IntoView {
    let app = use_app();
    move || {
        let user = app.session.get()?;
        if !has(user.role, section) {
            return Some(
                view! { <p class="error-box" role="alert">{t(Msg::NotAllowed)}</p> }.into_any(),
            );
        }
        Some(parts(section, &user))
    }
}

/// What each section holds. The hall's sections need the user's hall.
fn parts(section: Section, user: &User) -> AnyView {
    let hall = user.hall_id.clone().unwrap_or_default();
    let manager = user.role == domain::Role::HallManager;
    match section {
        Section::Counter => view! { <counter::CounterConsole hall/> }.into_any(),
        Section::Today => view! {
            {manager.then(|| view! { <hall_counters::HallCounters hall=hall.clone()/> })}
            <follow_ups::FollowUps hall=hall.clone()/>
        }
        .into_any(),
        Section::Video => view! { <video_desk::VideoDesk/> }.into_any(),
        Section::Consultations => view! { <consultations::ConsultInbox/> }.into_any(),
        Section::Content => view! {
            <notices::NoticeManager/>
            <posters::PosterManager/>
            <outages::OutageManager/>
        }
        .into_any(),
        Section::Screens => view! { <screens::HallScreens hall/> }.into_any(),
        Section::Setup => view! {
            <hall_setup::HallSetup hall=hall.clone()/>
            <special_days::SpecialDays hall=hall.clone()/>
            <counter_setup::CounterSetup hall=hall.clone()/>
            <business_setup::BusinessSetup hall/>
        }
        .into_any(),
        Section::Operations => view! { <crate::pages::operations::Operations/> }.into_any(),
        Section::Accounts => view! { <users::UserManager/><firms::FirmManager/> }.into_any(),
        Section::Rules => view! { <terms::Terms/><department_heads::DepartmentHeads/> }.into_any(),
        Section::Outbox => view! { <outbox::Outbox/> }.into_any(),
        // Pages of other apps: the navigation links there, never here.
        Section::Applications | Section::WorkOrders | Section::Projects => {
            view! { <NotFoundPage/> }.into_any()
        }
    }
}
