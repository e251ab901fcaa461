//! One hall: status, address and phone, the week's hours, the counters and what they serve,
//! planned outages, the live queue, the hall's posters and its notices.

use crate::components::book::BookAppointment;
use chrono::Datelike;
use domain::halls::HallDetail;
use domain::hours::to_local;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use ui::api;
use ui::components::broadcast::BroadcastBanner;
use ui::components::cards::NoticeList;
use ui::components::cards::{DayNote, SpecialDays, StatusBadge};
use ui::components::feedback::Loaded;
use ui::components::published::{Outages, Posters};
use ui::components::take_number::{LiveWaits, TakeNumber};
use ui::i18n::{business_msg, pick, t, Msg, WEEKDAYS};
use ui::live::use_queue_feed;
use ui::state::{now, use_app};

#[component]
pub fn HallPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let hall = LocalResource::new(move || {
        let id = id();
        async move { api::hall(&id).await }
    });
    let notices = LocalResource::new(move || {
        let id = id();
        async move { api::notices(Some(&id)).await }
    });
    view! {
        <Loaded resource=hall content=|hall| view! { <HallInfo hall/> }/>
        <Loaded resource=hall content=|hall| view! {
            <Outages hall=hall.summary.id.clone()/>
            <HallQueue hall=hall.clone()/>
            <Posters hall=hall.summary.id/>
        }/>
        <section aria-labelledby="hall-notices">
            <h2 id="hall-notices">{t(Msg::HallNotices)}</h2>
            <Loaded resource=notices content=|notices| view! { <NoticeList notices/> }/>
        </section>
    }
}

/// The live queue of the hall and the form to join it.
#[component]
fn HallQueue(hall: HallDetail) -> impl IntoView {
    let feed = use_queue_feed(hall.summary.id.clone());
    view! {
        <BroadcastBanner feed/>
        <div class="two-columns">
            <section aria-labelledby="queue-heading">
                <h2 id="queue-heading">{t(Msg::Waiting)}</h2>
                <LiveWaits feed/>
            </section>
            <section>
                <TakeNumber hall=hall.clone() feed/>
                <BookAppointment hall/>
                <p class="card video-help">
                    {t(Msg::VideoHelpLead)}" "
                    <a class="button big" href="/video" rel="external" data-testid="video-help">{t(Msg::VideoHelp)}</a>
                </p>
            </section>
        </div>
    }
}

#[component]
fn HallInfo(hall: HallDetail) -> impl IntoView {
    let lang = use_app().lang;
    let s = hall.summary;
    let today = to_local(now()).weekday().num_days_from_monday() as usize;
    let (name, name_en, address, address_en) = (s.name, s.name_en, s.address, s.address_en);
    let hours = hall.hours.0.into_iter().enumerate().map(|(i, day)| {
        let label = day.map(|h| h.label());
        view! {
            <tr class:today=i == today>
                <th scope="row">{t(WEEKDAYS[i])}</th>
                <td>{move || label.clone().unwrap_or_else(|| t(Msg::Closed)().to_string())}</td>
            </tr>
        }
    });
    let counters = hall.counters.into_iter().map(|c| {
        let kinds = c.serves.into_iter().map(|k| view! { <span class="tag">{t(business_msg(k))}</span> }).collect_view();
        view! { <li class="counter" data-testid="counter"><strong>{c.number}{t(Msg::CounterNo)}</strong>" "{kinds}</li> }
    });
    view! {
        <section class="hall-head">
            <h1>{move || pick(lang.get(), &name, &name_en).to_string()}</h1>
            <p><StatusBadge status=s.status/></p>
            <DayNote rule=s.today_rule/>
            <dl class="facts">
                <dt>{t(Msg::Address)}</dt><dd>{move || pick(lang.get(), &address, &address_en).to_string()}</dd>
                <dt>{t(Msg::Phone)}</dt><dd><a href=format!("tel:{}", s.phone)>{s.phone.clone()}</a></dd>
            </dl>
        </section>
        <div class="two-columns">
            <section aria-labelledby="hours-heading">
                <h2 id="hours-heading">{t(Msg::WeeklyHours)}</h2>
                <table class="hours">{hours.collect_view()}</table>
                <SpecialDays days=hall.special_days/>
            </section>
            <section aria-labelledby="counters-heading">
                <h2 id="counters-heading">{t(Msg::Counters)}</h2>
                <ul class="counters">{counters.collect_view()}</ul>
            </section>
        </div>
    }
}
