//! The public home page: the halls with today's hours and whether they are open, and the latest notices.

use crate::api;
use crate::components::cards::{HallCard, NoticeCard};
use crate::components::feedback::Loaded;
use crate::components::published::{Outages, Posters};
use crate::i18n::{t, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

const LATEST: usize = 3;

#[component]
pub fn HomePage() -> impl IntoView {
    let halls = LocalResource::new(api::halls);
    let notices = LocalResource::new(|| api::notices(None));
    view! {
        <section class="hero">
            <h1>{t(Msg::AppName)}</h1>
            <p class="lead">{t(Msg::HomeLead)}</p>
        </section>
        <nav class="quick-links card-grid" aria-label=t(Msg::QuickServices) data-testid="quick-links">
            <A href="/services" attr:class="quick">"💡 "{t(Msg::ServicesTitle)}</A>
            <A href="/applications" attr:class="quick">"📝 "{t(Msg::NavApplications)}</A>
            <A href="/work-orders" attr:class="quick">"🔧 "{t(Msg::NavWorkOrders)}</A>
            <A href="/tariffs" attr:class="quick">"💴 "{t(Msg::TariffsTitle)}</A>
            <A href="/guides" attr:class="quick">"📖 "{t(Msg::GuidesTitle)}</A>
            <A href="/outages" attr:class="quick">"🔌 "{t(Msg::OutagesTitle)}</A>
            <A href="/live-wait" attr:class="quick">"⏱ "{t(Msg::LiveWaitTitle)}</A>
        </nav>
        <Outages/>
        <section aria-labelledby="halls-heading">
            <h2 id="halls-heading">{t(Msg::HallsTitle)}</h2>
            <Loaded resource=halls content=|halls| view! {
                <ul class="card-grid" data-testid="hall-list">
                    {halls.into_iter().map(|hall| view! { <HallCard hall/> }).collect_view()}
                </ul>
            }/>
        </section>
        <section aria-labelledby="notices-heading">
            <h2 id="notices-heading">{t(Msg::LatestNotices)}</h2>
            <Loaded resource=notices content=|notices| view! { <NoticeList notices=notices.into_iter().take(LATEST).collect()/> }/>
            <p><A href="/notices">{t(Msg::AllNotices)}" →"</A></p>
        </section>
        <Posters/>
    }
}

/// A list of notices, or a line saying there are none.
#[component]
pub fn NoticeList(notices: Vec<domain::notices::Notice>) -> impl IntoView {
    if notices.is_empty() {
        return view! { <p class="empty">{t(Msg::NoNotices)}</p> }.into_any();
    }
    view! {
        <ul class="card-list" data-testid="notice-list">
            {notices.into_iter().map(|notice| view! { <NoticeCard notice/> }).collect_view()}
        </ul>
    }
    .into_any()
}
