//! The workspace's side navigation (a bottom bar on phones): the signed-in role's sections
//! (`domain::workspace`), each a link with its icon. It shows in the apps staff and firms work
//! in; customers have no sections and see none.

use crate::components::icons::{Icon, IconName};
use crate::i18n::{t, Msg};
use crate::nav::Link;
use crate::state::use_app;
use domain::apps::App;
use domain::workspace::{sections, Section};
use leptos::prelude::*;

/// The apps whose pages are part of the workspace.
pub fn in_workspace(app: App) -> bool {
    matches!(app, App::Staff | App::Service | App::Projects)
}

/// The section's name, in the navigation and as its page's heading.
pub fn label(section: Section) -> Msg {
    match section {
        Section::Counter => Msg::SectionCounter,
        Section::Today => Msg::SectionToday,
        Section::Video => Msg::SectionVideo,
        Section::Consultations => Msg::SectionConsultations,
        Section::Content => Msg::SectionContent,
        Section::Screens => Msg::SectionScreens,
        Section::Setup => Msg::SectionSetup,
        Section::Operations => Msg::OpsNav,
        Section::Accounts => Msg::SectionAccounts,
        Section::Rules => Msg::SectionRules,
        Section::Outbox => Msg::SectionOutbox,
        Section::Applications => Msg::NavApplications,
        Section::WorkOrders => Msg::NavWorkOrders,
        Section::Projects => Msg::NavProjects,
    }
}

fn icon(section: Section) -> IconName {
    match section {
        Section::Counter => IconName::Counter,
        Section::Today => IconName::Calendar,
        Section::Video => IconName::Camera,
        Section::Consultations => IconName::Chat,
        Section::Content => IconName::Megaphone,
        Section::Screens => IconName::Screen,
        Section::Setup => IconName::Sliders,
        Section::Operations => IconName::Chart,
        Section::Accounts => IconName::People,
        Section::Rules => IconName::Clipboard,
        Section::Outbox => IconName::Mail,
        Section::Applications => IconName::Document,
        Section::WorkOrders => IconName::Wrench,
        Section::Projects => IconName::Folder,
    }
}

/// The signed-in user's sections, or nothing for a customer, a visitor or an app outside the
/// workspace.
pub fn my_sections() -> impl Fn() -> &'static [Section] + Copy + Send + Sync + 'static {
    let app = use_app();
    move || match app.session.get() {
        Some(user) if in_workspace(app.app) => sections(user.role),
        _ => &[],
    }
}

#[component]
pub fn WorkspaceNav() -> impl IntoView {
    let mine = my_sections();
    move || {
        let list = mine();
        (!list.is_empty()).then(|| {
            view! {
                <nav class="workspace-nav" aria-label=t(Msg::WorkspaceNav) data-testid="workspace-nav">
                    {list.iter().map(|&section| view! {
                        <Link href=section.path()>
                            <Icon name=icon(section)/>
                            <span class="workspace-label">{t(label(section))}</span>
                        </Link>
                    }).collect_view()}
                </nav>
            }
        })
    }
}
