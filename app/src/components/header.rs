//! The top bar: brand, navigation, language switch, elder mode, and the session link.

use crate::i18n::{t, Lang, Msg};
use crate::state::use_app;
use domain::policy::{decide, Access};
use domain::routes::Endpoint;
use leptos::prelude::*;
use leptos_router::components::A;

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
    view! {
        <a class="skip-link" href="#main">{t(Msg::SkipToContent)}</a>
        <header class="top-bar">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"⚡"</span>
                <span class="brand-name">{t(Msg::AppName)}</span>
                <span class="brand-utility elder-hide">{t(Msg::Utility)}</span>
            </A>
            <nav class="main-nav" aria-label="main">
                <A href="/">{t(Msg::NavHome)}</A>
                <A href="/notices">{t(Msg::NavNotices)}</A>
                <Show when=console><A href="/staff">{t(Msg::NavConsole)}</A></Show>
                <Show when=move || app.session.get().is_some_and(|u| matches!(u.role, domain::Role::HallManager | domain::Role::Admin))>
                    <A href="/operations">{t(Msg::OpsNav)}</A>
                </Show>
                <Show when=move || app.session.get().is_some_and(|u| u.role == domain::Role::Customer)>
                    <A href="/services">{t(Msg::ServicesTitle)}</A>
                    <A href="/appointments">{t(Msg::MyAppointments)}</A>
                    <A href="/consult">{t(Msg::ConsultTitle)}</A>
                </Show>
                <Show when=move || app.session.get().is_some_and(|u| !u.role.is_firm())>
                    <A href="/applications">{t(Msg::NavApplications)}</A>
                    <A href="/work-orders">{t(Msg::NavWorkOrders)}</A>
                </Show>
                <Show when=move || app.session.get().is_some()>
                    <A href="/projects">{t(Msg::NavProjects)}</A>
                    <A href="/inbox">{t(Msg::NavInbox)}</A>
                </Show>
                <Show when=move || app.session_ready.get()>
                    {move || match app.session.get() {
                        Some(user) => view! { <A href="/account" attr:data-testid="account-link">{user.name}</A> }.into_any(),
                        None => view! { <A href="/login">{t(Msg::NavLogin)}</A> }.into_any(),
                    }}
                </Show>
            </nav>
            <div class="prefs">
                <button class="pref" on:click=toggle_lang aria-label=t(Msg::LangSwitchLabel) data-testid="lang-switch">
                    {t(Msg::LangSwitch)}
                </button>
                <button class="pref" on:click=toggle_elder aria-pressed=move || app.elder.get().to_string() data-testid="elder-toggle">
                    {t(Msg::ElderMode)}
                </button>
            </div>
        </header>
    }
}
