//! The browser apps and which paths each one answers. The site is split by audience so that a
//! page downloads only the code its audience uses: the Worker serves each app's `index.html`
//! for its paths, and a link to another app's path is an ordinary navigation.

/// One browser app: its own HTML entry, JavaScript and WebAssembly under `/apps/{name}/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum App {
    /// The online hall's front door: the halls (`/`), notices, the public live wait.
    Home,
    /// A live queue ticket, as a kiosk receipt's QR code or the hall page opens it.
    Ticket,
    /// The online hall's other public pages: a hall, tariffs, guides, outages, login, register.
    Customer,
    /// The online hall's signed-in pages for customers: accounts, bills and usage, payment,
    /// appointments, the inbox, consultations.
    Account,
    /// Service requests (`domain::service`): applications and work orders, and their boards.
    Service,
    /// Connection projects (业扩报装) for every party: customer, firms and the utility's board.
    Projects,
    /// The staff workspace: counter console, content, video desk, operations, admin.
    Staff,
    /// The hall's TV without a login, once paired.
    Devices,
    /// The hall's self-service kiosk without a login, once paired.
    Kiosk,
    /// Video help: the device check, the waiting room and the call.
    Video,
}

/// What the Worker does with a request that is not for the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageRoute {
    /// Serve this app's `index.html`; its router draws the page (or its own 404).
    Serve(App),
    /// A page that moved: a permanent redirect to its new path.
    Moved(&'static str),
    /// A file name (it has an extension): the static files answer it, or a plain 404, never
    /// an app's HTML in place of a script or an image.
    File,
}

impl App {
    pub const ALL: [App; 10] = [
        App::Home,
        App::Ticket,
        App::Customer,
        App::Account,
        App::Service,
        App::Projects,
        App::Staff,
        App::Devices,
        App::Kiosk,
        App::Video,
    ];

    pub fn name(self) -> &'static str {
        match self {
            App::Home => "home",
            App::Ticket => "ticket",
            App::Customer => "customer",
            App::Account => "account",
            App::Service => "service",
            App::Projects => "projects",
            App::Staff => "staff",
            App::Devices => "devices",
            App::Kiosk => "kiosk",
            App::Video => "video",
        }
    }

    /// The app's first page, where its 404 page leads back to (the hall devices have none of
    /// their own: a lost kiosk or TV is sent to the online hall).
    pub fn home(self) -> &'static str {
        match self {
            App::Staff => "/staff",
            _ => "/",
        }
    }

    /// Where the app's HTML entry is among the static files.
    pub fn index_path(self) -> &'static str {
        match self {
            App::Home => "/apps/home/index.html",
            App::Ticket => "/apps/ticket/index.html",
            App::Customer => "/apps/customer/index.html",
            App::Account => "/apps/account/index.html",
            App::Service => "/apps/service/index.html",
            App::Projects => "/apps/projects/index.html",
            App::Staff => "/apps/staff/index.html",
            App::Devices => "/apps/devices/index.html",
            App::Kiosk => "/apps/kiosk/index.html",
            App::Video => "/apps/video/index.html",
        }
    }

    /// The app whose HTML entry is at `path` (the service worker asks for entries by path).
    pub fn of_entry(path: &str) -> Option<App> {
        App::ALL.into_iter().find(|app| app.index_path() == path)
    }

    /// The app that draws `path` (a path without query or fragment).
    pub fn for_path(path: &str) -> App {
        let mut segments = path.trim_start_matches('/').split('/');
        let first = segments.next().unwrap_or("");
        if first == "halls" && segments.nth(1) == Some("tickets") {
            return App::Ticket;
        }
        SECTIONS
            .iter()
            .find(|(section, _)| *section == first)
            .map(|(_, app)| *app)
            .unwrap_or(App::Home)
    }

    /// The app of a link's target: a path, or a path with a query or fragment.
    pub fn for_href(href: &str) -> App {
        let path = href.split(['?', '#']).next().unwrap_or("");
        App::for_path(path)
    }

    /// Whether a link from this app leads out of it (an ordinary navigation then): into
    /// another app, or to the API (a JSON document or a file).
    pub fn leaves_for(self, href: &str) -> bool {
        href.starts_with("/api/") || App::for_href(href) != self
    }
}

/// The first path segment of each app's pages; `/halls/{hall}/tickets/…` is the ticket's, and
/// every other path the front door's (which has `/` and answers unknown paths with its 404).
/// The service worker (web/sw.js) keeps the same table to answer page requests offline; a
/// test below holds the two together.
pub const SECTIONS: [(&str, App); 22] = [
    ("notices", App::Home),
    ("live-wait", App::Home),
    ("halls", App::Customer),
    ("tariffs", App::Customer),
    ("guides", App::Customer),
    ("outages", App::Customer),
    ("login", App::Customer),
    ("register", App::Customer),
    ("account", App::Account),
    ("appointments", App::Account),
    ("consult", App::Account),
    ("inbox", App::Account),
    ("projects", App::Projects),
    ("services", App::Account),
    ("pay", App::Account),
    ("payments", App::Account),
    ("applications", App::Service),
    ("work-orders", App::Service),
    ("staff", App::Staff),
    ("display", App::Devices),
    ("kiosk", App::Kiosk),
    ("video", App::Video),
];

/// Pages that moved when the apps were split; old bookmarks keep working.
const MOVED: [(&str, &str); 1] = [("/operations", "/staff/operations")];

impl PageRoute {
    pub fn for_path(path: &str) -> PageRoute {
        let trimmed = path.trim_end_matches('/');
        let last = trimmed.rsplit('/').next().unwrap_or("");
        if last.contains('.') {
            return PageRoute::File;
        }
        MOVED
            .iter()
            .find(|(old, _)| *old == trimmed)
            .map(|(_, new)| PageRoute::Moved(new))
            .unwrap_or(PageRoute::Serve(App::for_path(path)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_audience_gets_its_app() {
        for (path, app) in [
            ("/", App::Home),
            ("", App::Home),
            ("/no/such/page", App::Home),
            ("/live-wait", App::Home),
            ("/halls/xinghu", App::Customer),
            ("/halls/xinghu/tickets/7", App::Ticket),
            ("/halls/xinghu/tickets", App::Ticket),
            ("/notices", App::Home),
            ("/tariffs", App::Customer),
            ("/login", App::Customer),
            ("/services", App::Account),
            ("/services/3301000001", App::Account),
            ("/projects/4", App::Projects),
            ("/pay/12", App::Account),
            ("/payments/12", App::Account),
            ("/work-orders/3", App::Service),
            ("/inbox", App::Account),
            ("/staffing", App::Home),
            ("/staff", App::Staff),
            ("/staff/", App::Staff),
            ("/staff/operations", App::Staff),
            ("/display/xinghu", App::Devices),
            ("/kiosk/gaoxin", App::Kiosk),
            ("/video", App::Video),
            ("/video/abc", App::Video),
            ("/videos", App::Home),
        ] {
            assert_eq!(App::for_path(path), app, "{path}");
        }
    }

    #[test]
    fn links_with_queries_and_fragments_find_their_app() {
        assert_eq!(App::for_href("/video?kiosk=1&hall=xinghu"), App::Video);
        assert_eq!(App::for_href("/staff#video-desk"), App::Staff);
        assert_eq!(App::for_href("/login?next=%2Fstaff"), App::Customer);
        assert_eq!(
            App::for_href("/halls/gaoxin/tickets/9?key=abc"),
            App::Ticket
        );
    }

    #[test]
    fn only_links_into_another_app_leave_it() {
        assert!(!App::Customer.leaves_for("/halls/xinghu"));
        assert!(App::Customer.leaves_for("/halls/xinghu/tickets/3?key=k"));
        assert!(App::Home.leaves_for("/halls/xinghu"));
        assert!(!App::Home.leaves_for("/notices"));
        assert!(App::Customer.leaves_for("/video"));
        assert!(!App::Staff.leaves_for("/staff/operations"));
        assert!(App::Staff.leaves_for("/projects/3"));
        assert!(App::Kiosk.leaves_for("/video?kiosk=1"));
        assert!(!App::Video.leaves_for("/video/room-1?key=k"));
        assert!(App::Customer.leaves_for("/api/live-wait"));
    }

    #[test]
    fn moved_pages_redirect_and_others_are_served() {
        assert_eq!(
            PageRoute::for_path("/operations"),
            PageRoute::Moved("/staff/operations")
        );
        assert_eq!(
            PageRoute::for_path("/operations/"),
            PageRoute::Moved("/staff/operations")
        );
        assert_eq!(
            PageRoute::for_path("/kiosk/xinghu"),
            PageRoute::Serve(App::Kiosk)
        );
    }

    #[test]
    fn a_missing_file_is_not_answered_with_a_page() {
        assert_eq!(
            PageRoute::for_path("/apps/staff/staff-app-0123.wasm"),
            PageRoute::File
        );
        assert_eq!(PageRoute::for_path("/favicon.ico"), PageRoute::File);
        assert_eq!(App::of_entry("/apps/video/index.html"), Some(App::Video));
        assert_eq!(App::of_entry("/apps/video/video-app.js"), None);
        assert_eq!(
            PageRoute::for_path("/halls/xinghu/tickets/12"),
            PageRoute::Serve(App::Ticket)
        );
    }

    #[test]
    fn the_service_worker_knows_the_same_sections() {
        let source = include_str!("../../web/sw.js");
        let start = source
            .find("const SECTIONS = ")
            .expect("web/sw.js has SECTIONS")
            + 17;
        let end = start + source[start..].find(';').expect("SECTIONS ends");
        let table: std::collections::BTreeMap<String, String> =
            serde_json::from_str(&source[start..end]).expect("SECTIONS is JSON");
        let ours: std::collections::BTreeMap<String, String> = SECTIONS
            .iter()
            .map(|(section, app)| (section.to_string(), app.name().to_string()))
            .collect();
        assert_eq!(table, ours);
    }

    #[test]
    fn every_app_has_its_own_entry() {
        let entries: std::collections::HashSet<_> =
            App::ALL.iter().map(|a| a.index_path()).collect();
        assert_eq!(entries.len(), App::ALL.len());
        for app in App::ALL {
            assert!(app.index_path().contains(app.name()));
        }
    }
}
