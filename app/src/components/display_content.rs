//! What the hall TV shows around the queue: the hall's published notices, one at a time.

use crate::api;
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// Each notice stays this long before the next one.
const ROTATE_SECS: u64 = 12;
/// Published content is fetched again this often, so a new notice appears without a restart.
const REFRESH_SECS: u64 = 300;

/// Calls `f` every `secs` while the component lives.
fn every(secs: u64, f: impl Fn() + 'static) {
    let handle = set_interval_with_handle(f, std::time::Duration::from_secs(secs));
    on_cleanup(move || {
        if let Ok(handle) = handle {
            handle.clear();
        }
    });
}

#[component]
pub fn DisplayNotices(hall: String) -> impl IntoView {
    let refresh = RwSignal::new(0u32);
    let notices = LocalResource::new(move || {
        refresh.track();
        let hall = hall.clone();
        async move { api::notices(Some(&hall)).await.unwrap_or_default() }
    });
    let turn = RwSignal::new(0usize);
    every(ROTATE_SECS, move || turn.update(|i| *i = i.wrapping_add(1)));
    every(REFRESH_SECS, move || refresh.update(|n| *n += 1));
    let shown = move || {
        let list = notices.get()?;
        let n = list.get(turn.get() % list.len().max(1))?.clone();
        Some(view! {
            <article class="display-notice" data-testid="display-notice">
                <h3>{n.title}</h3>
                <p>{n.body}</p>
            </article>
        })
    };
    view! {
        <section class="display-content" aria-labelledby="display-notices">
            <h2 id="display-notices">{t(Msg::NavNotices)}</h2>
            {shown}
        </section>
    }
}
