//! The staff and firm workspace: one section per job, each at its own path, so a bookmark or a
//! notification opens it. Each role sees its sections in the order of its day; the first is
//! where the role lands. Most sections are pages of the staff app; applications, work orders
//! and projects are the pages of their own apps, reached from the same side navigation.

use crate::roles::Role;
use crate::routes::Endpoint;

/// One job's place in the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// A clerk's counter: the current ticket, the big actions, who waits.
    Counter,
    /// Today's hall: the counters and who serves them (managers), the follow-ups to ring back.
    Today,
    /// The video help desk: calls waiting and the call in progress.
    Video,
    /// Written consultations from customers.
    Consultations,
    /// Notices, posters and planned outages.
    Content,
    /// The hall's TV displays and kiosks: pairing, settings, the broadcast line.
    Screens,
    /// The hall's reference data: details, hours, special days, counters, business types.
    Setup,
    /// Figures: volume, waits, staffing, the video desk, deadlines.
    Operations,
    /// Staff accounts and the directory of firms.
    Accounts,
    /// Work-order commitments and department heads.
    Rules,
    /// Messages sent to customers and staff, and what became of them.
    Outbox,
    /// Applications (another app).
    Applications,
    /// Repair and complaint work orders (another app).
    WorkOrders,
    /// Connection projects (another app).
    Projects,
}

impl Section {
    pub const ALL: [Section; 14] = [
        Section::Counter,
        Section::Today,
        Section::Video,
        Section::Consultations,
        Section::Content,
        Section::Screens,
        Section::Setup,
        Section::Operations,
        Section::Accounts,
        Section::Rules,
        Section::Outbox,
        Section::Applications,
        Section::WorkOrders,
        Section::Projects,
    ];

    /// Where the section lives.
    pub fn path(self) -> &'static str {
        match self {
            Section::Counter => "/staff/counter",
            Section::Today => "/staff/today",
            Section::Video => "/staff/video",
            Section::Consultations => "/staff/consultations",
            Section::Content => "/staff/content",
            Section::Screens => "/staff/screens",
            Section::Setup => "/staff/setup",
            Section::Operations => "/staff/operations",
            Section::Accounts => "/staff/accounts",
            Section::Rules => "/staff/rules",
            Section::Outbox => "/staff/outbox",
            Section::Applications => "/applications",
            Section::WorkOrders => "/work-orders",
            Section::Projects => "/projects",
        }
    }

    /// The section at `path` (a staff-app path such as `/staff/content`).
    pub fn at(path: &str) -> Option<Section> {
        let path = path.trim_end_matches('/');
        Section::ALL.into_iter().find(|s| s.path() == path)
    }

    /// The endpoint a role must be allowed to see the section's main list; the server refuses
    /// anyone else, so the navigation never offers a section that would only say "forbidden".
    pub fn needs(self) -> Endpoint {
        match self {
            Section::Counter => Endpoint::CounterAct,
            Section::Today => Endpoint::FollowUpList,
            Section::Video | Section::Consultations => Endpoint::VideoDesk,
            Section::Content => Endpoint::StaffNoticeList,
            Section::Screens => Endpoint::DisplayList,
            Section::Setup => Endpoint::HallUpdate,
            Section::Operations => Endpoint::OpsDashboard,
            Section::Accounts => Endpoint::UserList,
            Section::Rules => Endpoint::WorkOrderTermUpdate,
            Section::Outbox => Endpoint::OutboxList,
            Section::Applications => Endpoint::ApplicationList,
            Section::WorkOrders => Endpoint::WorkOrderList,
            Section::Projects => Endpoint::ProjectList,
        }
    }
}

/// A role's sections in the order of its day; the first is where it lands. Customers have no
/// workspace (their pages are the online hall's).
pub fn sections(role: Role) -> &'static [Section] {
    use Section::*;
    match role {
        Role::Customer => &[],
        Role::HallStaff => &[
            Counter,
            Today,
            Video,
            Consultations,
            Applications,
            WorkOrders,
            Projects,
        ],
        Role::HallManager => &[
            Today,
            Content,
            Screens,
            Setup,
            Operations,
            Video,
            Consultations,
            Applications,
            WorkOrders,
            Projects,
        ],
        Role::Admin => &[
            Operations,
            Content,
            Accounts,
            Rules,
            Outbox,
            Video,
            Consultations,
            Applications,
            WorkOrders,
            Projects,
        ],
        Role::Design | Role::Construction | Role::Test | Role::Supervision => &[Projects],
    }
}

/// Where a role lands when it opens the workspace.
pub fn first(role: Role) -> Option<Section> {
    sections(role).first().copied()
}

/// Whether `role` has `section` in its workspace.
pub fn has(role: Role, section: Section) -> bool {
    sections(role).contains(&section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::apps::App;
    use crate::policy::{decide, Access};

    #[test]
    fn every_section_a_role_sees_is_one_the_server_lets_it_use() {
        for role in Role::ALL {
            for section in sections(role) {
                assert_eq!(
                    decide(Some(role), section.needs()),
                    Access::Allow,
                    "{role:?} sees {section:?}"
                );
            }
        }
    }

    #[test]
    fn each_role_lands_on_the_first_job_of_its_day() {
        assert_eq!(first(Role::HallStaff), Some(Section::Counter));
        assert_eq!(first(Role::HallManager), Some(Section::Today));
        assert_eq!(first(Role::Admin), Some(Section::Operations));
        assert_eq!(first(Role::Design), Some(Section::Projects));
        assert_eq!(first(Role::Customer), None);
    }

    #[test]
    fn staff_sections_are_staff_app_pages_and_paths_are_unique() {
        for section in Section::ALL {
            assert_eq!(Section::at(section.path()), Some(section));
            let on_staff_app = App::for_path(section.path()) == App::Staff;
            let elsewhere = matches!(
                section,
                Section::Applications | Section::WorkOrders | Section::Projects
            );
            assert_eq!(on_staff_app, !elsewhere, "{section:?}");
        }
        assert_eq!(Section::at("/staff/content/"), Some(Section::Content));
        assert_eq!(Section::at("/staff"), None);
    }
}
