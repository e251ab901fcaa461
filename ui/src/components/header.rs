//! The top bar: brand, navigation, language switch, elder mode, and the session link.

use crate::components::icons::{Icon, IconName};
use crate::components::workspace::my_sections;
use crate::i18n::{t, Lang, Msg};
use crate::nav::Link;
use crate::state::use_app;
use domain::policy::{decide, Access};
use domain::routes::Endpoint;
use leptos::prelude::*;

/// Staff console entry shows for roles that may use at least one console endpoint.
pub fn may_use_console(role: domain::Role) -> bool {
    role.is_hall_staff() || decide(Some(role), Endpoint::StaffNoticeList) == Access::Allow
}

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let toggle_lang = move |_| {
        app.lang
            .update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
    };
    let toggle_elder = move |_| app.elder.update(|e| *e = !*e);
    let console = move || app.session.get().is_some_and(|u| may_use_console(u.role));
    let mine = my_sections();
    let outside_workspace = move || mine().is_empty();
    // The inbox's unread count, asked once the session is known to be someone's.
    let unread = LocalResource::new(move || {
        let signed_in = app.session.get().is_some();
        async move {
            if signed_in {
                crate::api::notify::unread()
                    .await
                    .map(|u| u.unread)
                    .unwrap_or(0)
            } else {
                0
            }
        }
    });
    let badge = move || unread.get().filter(|n| *n > 0);
    view! {
        <a class="skip-link" href="#main">{t(Msg::SkipToContent)}</a>
        <header class="top-bar">
            <Link href="/" class="brand">
                <span class="brand-mark"><Icon name=IconName::Bolt/></span>
                <span class="brand-name">{t(Msg::AppName)}</span>
                <span class="brand-utility elder-hide">{t(Msg::Utility)}</span>
            </Link>
            <nav class="main-nav" aria-label="main">
                <Link href="/">{t(Msg::NavHome)}</Link>
                <Link href="/notices">{t(Msg::NavNotices)}</Link>
                <Show when=console><Link href="/staff">{t(Msg::NavConsole)}</Link></Show>
                <Show when=move || app.session.get().is_some_and(|u| u.role == domain::Role::Customer)>
                    <Link href="/services">{t(Msg::ServicesTitle)}</Link>
                    <Link href="/appointments">{t(Msg::MyAppointments)}</Link>
                    <Link href="/consult">{t(Msg::ConsultTitle)}</Link>
                </Show>
                // In the workspace these are sections of its side navigation.
                <Show when=move || app.session.get().is_some_and(|u| !u.role.is_firm()) && outside_workspace()>
                    <Link href="/applications">{t(Msg::NavApplications)}</Link>
                    <Link href="/work-orders">{t(Msg::NavWorkOrders)}</Link>
                </Show>
                <Show when=move || app.session.get().is_some() && outside_workspace()>
                    <Link href="/projects">{t(Msg::NavProjects)}</Link>
                </Show>
                <Show when=move || app.session.get().is_some()>
                    <Link href="/inbox" testid="inbox-link">
                        {t(Msg::NavInbox)}
                        {move || badge().map(|n| view! {
                            <span class="badge" data-testid="unread-count">{n}<span class="visually-hidden">" "{t(Msg::InboxUnreadBadge)}</span></span>
                        })}
                    </Link>
                </Show>
                <Show when=move || app.session_ready.get()>
                    {move || match app.session.get() {
                        Some(user) => view! { <Link href="/account" testid="account-link">{user.name}</Link> }.into_any(),
                        None => view! { <Link href="/login">{t(Msg::NavLogin)}</Link> }.into_any(),
                    }}
                </Show>
            </nav>
            <div class="prefs">
                // The name starts with the words on the button, as speech control expects.
                <button class="pref" on:click=toggle_lang data-testid="lang-switch">
                    {t(Msg::LangSwitch)}<span class="visually-hidden">" "{t(Msg::LangSwitchLabel)}</span>
                </button>
                <button class="pref" on:click=toggle_elder aria-pressed=move || app.elder.get().to_string() data-testid="elder-toggle">
                    {t(Msg::ElderMode)}
                </button>
            </div>
        </header>
    }
}
