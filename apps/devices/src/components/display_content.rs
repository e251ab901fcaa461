//! What the hall TV shows around the queue: posters and notices in turn, and a ticker of the
//! planned outages. Each is fetched again every few minutes, so new content appears, and
//! content whose window closed goes, without anyone touching the TV.

use domain::content::Poster;
use domain::notices::Notice;
use leptos::prelude::*;
use ui::api;
use ui::components::published::{outage_window, PosterCard};
use ui::every::every;
use ui::i18n::{t, Msg};

/// Each slide stays this long before the next one.
const ROTATE_SECS: u64 = 12;
/// Published content is fetched again this often.
const REFRESH_SECS: u64 = 120;

/// A signal bumped every `REFRESH_SECS`, for resources to track.
fn refresh_tick() -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    every(REFRESH_SECS, move || {
        tick.update(|n| *n = n.wrapping_add(1))
    });
    tick
}

#[derive(Clone)]
enum Slide {
    Poster(Poster),
    Notice(Notice),
}

#[component]
pub fn DisplaySlides(hall: String) -> impl IntoView {
    let refresh = refresh_tick();
    let slides = LocalResource::new(move || {
        refresh.track();
        let hall = hall.clone();
        async move {
            let (posters, notices) = posters_and_notices(&hall).await;
            posters
                .into_iter()
                .map(Slide::Poster)
                .chain(notices.into_iter().map(Slide::Notice))
                .collect::<Vec<_>>()
        }
    });
    let turn = RwSignal::new(0usize);
    every(ROTATE_SECS, move || turn.update(|i| *i = i.wrapping_add(1)));
    let shown = move || {
        let list = slides.get()?;
        let slide = list.get(turn.get() % list.len().max(1))?.clone();
        Some(match slide {
            Slide::Poster(poster) => view! { <PosterCard poster/> }.into_any(),
            Slide::Notice(n) => view! {
                <article class="display-notice" data-testid="display-notice">
                    <h3>{n.title}</h3>
                    <p>{n.body}</p>
                </article>
            }
            .into_any(),
        })
    };
    view! { <section class="display-content" data-testid="display-slides">{shown}</section> }
}

/// Posters and notices for the hall, each empty when it cannot be read.
async fn posters_and_notices(hall: &str) -> (Vec<Poster>, Vec<Notice>) {
    let posters = api::content::posters(Some(hall)).await.unwrap_or_default();
    let notices = api::notices(Some(hall)).await.unwrap_or_default();
    (posters, notices)
}

#[component]
pub fn OutageTicker(hall: String) -> impl IntoView {
    let refresh = refresh_tick();
    let outages = LocalResource::new(move || {
        refresh.track();
        let hall = hall.clone();
        async move { api::content::outages(Some(&hall)).await.unwrap_or_default() }
    });
    view! {
        {move || outages.get().filter(|o| !o.is_empty()).map(|list| view! {
            <footer class="outage-ticker" data-testid="outage-ticker">
                <span class="broadcast-label">{t(Msg::OutageTicker)}</span>
                <div class="ticker-track">
                    <p class="ticker-text">
                        {list.into_iter().map(|o| view! {
                            <span class="ticker-item">{o.area.clone()}" · "{outage_window(&o)}" · "{o.reason.clone()}</span>
                        }).collect_view()}
                    </p>
                </div>
            </footer>
        })}
    }
}
