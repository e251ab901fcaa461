//! `/live-wait` (实时排队): every hall's line now — how many wait and how long someone checking
//! in now may wait, per business — refreshed every few seconds. The same figures are open data
//! at `/api/live-wait` (described in `/api/openapi.json`).

use domain::hours::format_local_ms;
use domain::operations::live_wait::{HallWait, LiveWait, MAX_AGE_SECONDS};
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::queue_labels::wait_text;
use ui::every::every;
use ui::i18n::{business_msg, pick, t, Msg};
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn LiveWaitPage() -> impl IntoView {
    let live = LocalResource::new(api::operations::live_wait);
    every(MAX_AGE_SECONDS as u64, move || live.refetch());
    view! {
        <h1>{t(Msg::LiveWaitTitle)}</h1>
        <Loaded resource=live content=move |live| view! { <Halls live/> }/>
        <p class="field-note">{t(Msg::LiveWaitData)}" "<a href="/api/live-wait" rel="external">"/api/live-wait"</a>" · "
            <a href="/api/openapi.json" rel="external">"OpenAPI"</a></p>
    }
}

#[component]
fn Halls(live: LiveWait) -> impl IntoView {
    view! {
        <p class="meta" data-testid="live-updated">{t(Msg::LiveWaitUpdated)}" "{format_local_ms(live.at)}</p>
        <ul class="card-grid live-halls" data-testid="live-halls">
            {live.halls.into_iter().map(|hall| view! { <HallLine hall/> }).collect_view()}
        </ul>
    }
}

#[component]
fn HallLine(hall: HallWait) -> impl IntoView {
    let app = use_app();
    let href = format!("/halls/{}", hall.hall_id);
    move || {
        let lang = app.lang.get();
        let name = pick(lang, &hall.name, &hall.name_en).to_string();
        let summary = match (hall.open, hall.wait) {
            (false, _) => Msg::LiveWaitClosed.text(lang).to_string(),
            (true, Some(range)) => {
                format!("{} {}", Msg::WaitRange.text(lang), wait_text(range, lang))
            }
            (true, None) => Msg::LiveWaitNoCounter.text(lang).to_string(),
        };
        let types = hall.by_type.iter().map(|ty| {
            let wait = ty.wait.map_or("—".to_string(), |r| wait_text(r, lang));
            view! { <tr><th scope="row">{business_msg(ty.business).text(lang)}</th><td>{ty.waiting}</td><td>{wait}</td></tr> }
        }).collect_view();
        view! {
            <li class="card" data-testid="live-hall" data-hall=hall.hall_id.clone()>
                <h2><Link href=href.clone()>{name}</Link></h2>
                <p class="big-figure"><span data-testid="live-waiting">{hall.waiting}</span>" "{Msg::LiveWaitPeople.text(lang)}</p>
                <p data-testid="live-range">{summary}</p>
                {hall.inside_share_last_week.map(|share| view! {
                    <p class="meta" data-testid="live-accuracy">{Msg::LiveAccuracy.text(lang)}" "{format!("{:.0}%", share * 100.0)}</p>
                })}
                <table>
                    <thead><tr><th>{Msg::ChooseBusiness.text(lang)}</th><th>{Msg::Waiting.text(lang)}</th><th>{Msg::WaitRange.text(lang)}</th></tr></thead>
                    <tbody>{types}</tbody>
                </table>
            </li>
        }
    }
}
