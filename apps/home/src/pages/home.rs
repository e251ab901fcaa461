//! The public home page: the halls with today's hours and whether they are open, and the latest notices.

use leptos::prelude::*;
use ui::api;
use ui::components::cards::{HallCard, NoticeList};
use ui::components::feedback::Loaded;
use ui::components::icons::{Icon, IconName};
use ui::components::published::{Outages, Posters};
use ui::i18n::{t, Msg};
use ui::nav::Link;

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
            <Link href="/services" class="quick"><Icon name=IconName::Lightbulb/>{t(Msg::ServicesTitle)}</Link>
            <Link href="/applications" class="quick"><Icon name=IconName::Document/>{t(Msg::NavApplications)}</Link>
            <Link href="/work-orders" class="quick"><Icon name=IconName::Wrench/>{t(Msg::NavWorkOrders)}</Link>
            <Link href="/tariffs" class="quick"><Icon name=IconName::Yuan/>{t(Msg::TariffsTitle)}</Link>
            <Link href="/guides" class="quick"><Icon name=IconName::Book/>{t(Msg::GuidesTitle)}</Link>
            <Link href="/outages" class="quick"><Icon name=IconName::Plug/>{t(Msg::OutagesTitle)}</Link>
            <Link href="/live-wait" class="quick"><Icon name=IconName::Clock/>{t(Msg::LiveWaitTitle)}</Link>
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
            <p><Link href="/notices">{t(Msg::AllNotices)}" →"</Link></p>
        </section>
        <Posters/>
    }
}
