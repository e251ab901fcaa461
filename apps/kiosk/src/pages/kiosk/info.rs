//! What the kiosk tells anyone, without identifying: planned outages for a street or estate,
//! typed or tapped, and the city's halls on a map drawn from their points (no map tiles from
//! the internet), each with today's hours, its queue now and how to get there.

use super::{Kiosk, Screen};
use domain::halls::map::layout;
use domain::halls::HallSummary;
use domain::operations::live_wait::LiveWait;
use leptos::prelude::*;
use ui::api;
use ui::components::cards::{today_label, StatusBadge};
use ui::components::feedback::{ErrorBox, Loaded};
use ui::components::published::OutageCards;
use ui::components::queue_labels::wait_text;
use ui::i18n::{pick, t, Msg};
use ui::state::use_app;

#[component]
pub fn OutagesScreen(kiosk: Kiosk) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let area = RwSignal::new(String::new());
    let upcoming = LocalResource::new(|| api::content::outages(None));
    let found = LocalResource::new(move || {
        let area = area.get();
        async move { api::content::search_outages(&area).await }
    });
    let choose = move |place: String| {
        typed.set(place.clone());
        area.set(place);
    };
    let places = move || {
        let mut places: Vec<String> = upcoming
            .get()
            .and_then(|r| r.ok())
            .unwrap_or_default()
            .into_iter()
            .map(|o| o.area)
            .collect();
        places.dedup();
        places
            .into_iter()
            .map(|place| {
                let shown = place.clone();
                view! {
                    <button type="button" class="button secondary" data-testid="outage-place"
                        on:click=move |_| choose(place.clone())>{shown}</button>
                }
            })
            .collect_view()
    };
    view! {
        <section class="kiosk-info">
            <h2>{t(Msg::KioskOutagesTitle)}</h2>
            <p class="kiosk-lead">{t(Msg::KioskOutagesLead)}</p>
            <form class="row" role="search" on:submit=move |ev| { ev.prevent_default(); area.set(typed.get_untracked()); }>
                <label class="field">
                    <span>{t(Msg::SearchArea)}</span>
                    <input type="search" data-testid="kiosk-outage-search" bind:value=typed/>
                </label>
                <button type="submit" class="button primary">{t(Msg::KioskSearch)}</button>
            </form>
            <div class="row kiosk-places">{places}</div>
            {move || found.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! { <p class="empty" data-testid="no-outages">{t(Msg::NoOutages)}</p> }.into_any(),
                Ok(list) => view! { <OutageCards list/> }.into_any(),
                Err(error) => view! { <ErrorBox error/> }.into_any(),
            })}
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

const MAP_WIDTH: f64 = 1000.0;
const MAP_HEIGHT: f64 = 640.0;
const MAP_MARGIN: f64 = 90.0;

#[component]
pub fn HallsScreen(kiosk: Kiosk) -> impl IntoView {
    let halls = LocalResource::new(api::halls);
    let waits = LocalResource::new(api::operations::live_wait);
    let chosen = RwSignal::new(kiosk.hall_id());
    view! {
        <section class="kiosk-info">
            <h2>{t(Msg::KioskHallsTitle)}</h2>
            <p class="kiosk-lead">{t(Msg::KioskHallsLead)}</p>
            <Loaded resource=halls content=move |halls| view! {
                <HallMap halls=halls.clone() here=kiosk.hall_id() chosen/>
                <ul class="card-list kiosk-halls">
                    {halls.into_iter().map(|h| view! { <HallRow hall=h waits chosen/> }).collect_view()}
                </ul>
            }/>
            {move || view! { <Directions hall=chosen.get()/> }}
            <button type="button" class="button secondary wide" on:click=move |_| kiosk.go(Screen::Start)>{t(Msg::KioskBack)}</button>
        </section>
    }
}

/// The halls at their points on a plain drawing of the city; this kiosk's hall is marked.
#[component]
fn HallMap(halls: Vec<HallSummary>, here: String, chosen: RwSignal<String>) -> impl IntoView {
    let lang = use_app().lang;
    let placed: Vec<HallSummary> = halls.into_iter().filter(|h| h.point.is_some()).collect();
    let points: Vec<_> = placed.iter().filter_map(|h| h.point).collect();
    let spots = layout(&points, MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN);
    let markers = placed
        .into_iter()
        .zip(spots)
        .map(|(h, (x, y))| {
            let is_here = h.id == here;
            let id = h.id.clone();
            let (name, name_en) = (h.name.clone(), h.name_en.clone());
            view! {
                <g class="map-hall" class:here=is_here data-testid="map-hall" on:click=move |_| chosen.set(id.clone())>
                    <circle cx=x cy=y r=if is_here { 22 } else { 16 }/>
                    <text x=x y=y - 30.0 text-anchor="middle">{move || pick(lang.get(), &name, &name_en).to_string()}</text>
                    {is_here.then(|| view! { <text class="map-here" x=x y=y + 46.0 text-anchor="middle">{t(Msg::KioskYouAreHere)}</text> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="kiosk-map">
            <svg viewBox=format!("0 0 {MAP_WIDTH} {MAP_HEIGHT}") role="img" aria-label=t(Msg::KioskHallsTitle) data-testid="hall-map">
                <rect class="map-land" x="0" y="0" width=MAP_WIDTH height=MAP_HEIGHT rx="24"/>
                {markers}
            </svg>
        </figure>
    }
}

/// One hall in the list under the map: tap to see how to get there.
#[component]
fn HallRow(
    hall: HallSummary,
    waits: LocalResource<Result<LiveWait, domain::ApiError>>,
    chosen: RwSignal<String>,
) -> impl IntoView {
    let app = use_app();
    let id = hall.id.clone();
    let today = today_label(&hall);
    let queue = {
        let id = hall.id.clone();
        move || {
            let live = waits.get()?.ok()?;
            let row = live.halls.into_iter().find(|w| w.hall_id == id)?;
            let wait = row
                .wait
                .map(|r| wait_text(r, app.lang.get()))
                .unwrap_or_default();
            Some(format!("{} {} {wait}", row.waiting, app.text(Msg::People)))
        }
    };
    let (name, name_en) = (hall.name.clone(), hall.name_en.clone());
    let is_chosen = {
        let id = id.clone();
        move || chosen.get() == id
    };
    view! {
        <li class="card" data-testid="kiosk-hall">
            <button type="button" class="kiosk-business" aria-pressed=move || is_chosen().to_string()
                on:click=move |_| chosen.set(id.clone())>
                <span class="kiosk-business-name">{move || pick(app.lang.get(), &name, &name_en).to_string()}</span>
                <span class="kiosk-business-wait"><StatusBadge status=hall.status.clone()/>" "{today}</span>
                <span class="kiosk-business-wait" data-testid="kiosk-hall-queue">{queue}</span>
            </button>
        </li>
    }
}

/// The chosen hall's address, phone, bus lines and parking.
#[component]
fn Directions(hall: String) -> impl IntoView {
    let lang = use_app().lang;
    let detail = LocalResource::new(move || {
        let id = hall.clone();
        async move { api::hall(&id).await }
    });
    view! {
        <Loaded resource=detail content=move |h| {
            let s = h.summary;
            view! {
                <section class="card" data-testid="kiosk-directions">
                    <h3>{pick(lang.get_untracked(), &s.name, &s.name_en).to_string()}" · "{t(Msg::KioskGettingThere)}</h3>
                    <dl class="facts">
                        <dt>{t(Msg::HallAddress)}</dt><dd>{pick(lang.get_untracked(), &s.address, &s.address_en).to_string()}</dd>
                        <dt>{t(Msg::HallPhone)}</dt><dd>{s.phone.clone()}</dd>
                        <dt>{t(Msg::HallTransit)}</dt><dd data-testid="hall-transit">{h.directions.transit.clone()}</dd>
                        <dt>{t(Msg::HallParking)}</dt><dd data-testid="hall-parking">{h.directions.parking.clone()}</dd>
                    </dl>
                </section>
            }
        }/>
    }
}
