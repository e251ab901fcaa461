//! What halls publish, as the home and hall pages show it: posters in their order and the
//! planned outages not yet over.

use crate::api;
use crate::i18n::{t, Msg};
use crate::state::now;
use domain::content::{Outage, Poster};
use domain::hours::format_local;
use leptos::prelude::*;

/// "2026-11-23 13:00 – 2026-11-23 15:00"
pub fn outage_window(o: &Outage) -> String {
    format!(
        "{} – {}",
        format_local(o.starts_at),
        format_local(o.ends_at)
    )
}

/// One poster: its image (with the title as its text) or its title and text.
#[component]
pub fn PosterCard(poster: Poster) -> impl IntoView {
    let image = poster.image_url();
    view! {
        <figure class="poster" data-testid="poster">
            {match image {
                Some(src) => view! { <img src=src alt=poster.title.clone()/> }.into_any(),
                None => view! { <h3>{poster.title.clone()}</h3> }.into_any(),
            }}
            <figcaption>
                {poster.image_key.is_some().then(|| view! { <strong>{poster.title.clone()}</strong> })}
                <p>{poster.body}</p>
            </figcaption>
        </figure>
    }
}

#[component]
pub fn Posters(#[prop(optional)] hall: Option<String>) -> impl IntoView {
    let posters = LocalResource::new(move || {
        let hall = hall.clone();
        async move {
            api::content::posters(hall.as_deref())
                .await
                .unwrap_or_default()
        }
    });
    view! {
        {move || posters.get().filter(|p| !p.is_empty()).map(|list| view! {
            <section aria-labelledby="posters-heading">
                <h2 id="posters-heading">{t(Msg::PostersTitle)}</h2>
                <div class="posters">
                    {list.into_iter().map(|poster| view! { <PosterCard poster/> }).collect_view()}
                </div>
            </section>
        })}
    }
}

#[component]
pub fn Outages(#[prop(optional)] hall: Option<String>) -> impl IntoView {
    let outages = LocalResource::new(move || {
        let hall = hall.clone();
        async move {
            api::content::outages(hall.as_deref())
                .await
                .unwrap_or_default()
        }
    });
    view! {
        {move || outages.get().filter(|o| !o.is_empty()).map(|list| view! {
            <section aria-labelledby="outages-heading">
                <h2 id="outages-heading">{t(Msg::OutagesTitle)}</h2>
                <OutageCards list/>
            </section>
        })}
    }
}

/// Planned outages as cards: the area, when, why; "now" on the ones under way.
#[component]
pub fn OutageCards(list: Vec<Outage>) -> impl IntoView {
    view! {
        <ul class="card-list">
            {list.into_iter().map(|o| {
                let ongoing = o.starts_at <= now();
                view! {
                    <li class="card outage" data-testid="outage">
                        <h3>
                            {ongoing.then(|| view! { <span class="badge state-published">{t(Msg::OutageNow)}</span>" " })}
                            {o.area.clone()}
                        </h3>
                        <p><strong>{outage_window(&o)}</strong></p>
                        <p>{o.reason.clone()}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
