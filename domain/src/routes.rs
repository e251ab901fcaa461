//! Every API endpoint, its method and path pattern, and the matcher that turns a request line into
//! an endpoint with its path parameters. The Worker dispatches on `Endpoint` and the access policy
//! decides on it, so a route cannot exist without a policy entry.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    pub fn parse(s: &str) -> Option<Method> {
        match s.to_ascii_uppercase().as_str() {
            "GET" | "HEAD" => Some(Method::Get),
            "POST" => Some(Method::Post),
            "PUT" => Some(Method::Put),
            "DELETE" => Some(Method::Delete),
            _ => None,
        }
    }
}

macro_rules! endpoints {
    ($($name:ident => $method:ident $path:literal,)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Endpoint { $($name,)+ }

        impl Endpoint {
            pub const ALL: &'static [Endpoint] = &[$(Endpoint::$name,)+];

            pub fn method(self) -> Method {
                match self { $(Endpoint::$name => Method::$method,)+ }
            }

            /// The path pattern; `:name` segments are parameters.
            pub fn pattern(self) -> &'static str {
                match self { $(Endpoint::$name => $path,)+ }
            }
        }
    };
}

endpoints! {
    Health => Get "/api/health",
    Register => Post "/api/auth/register",
    Login => Post "/api/auth/login",
    Logout => Post "/api/auth/logout",
    Me => Get "/api/auth/me",
    ChangePassword => Put "/api/account/password",
    NotifyPreferencesGet => Get "/api/account/notifications",
    NotifyPreferencesSet => Put "/api/account/notifications",
    PushKey => Get "/api/push/key",
    PushSubscribe => Post "/api/push/subscriptions",
    PushUnsubscribe => Delete "/api/push/subscriptions/:id",
    HallList => Get "/api/halls",
    HallGet => Get "/api/halls/:hall",
    NoticeList => Get "/api/notices",
    FirmList => Get "/api/firms",
    FirmCreate => Post "/api/firms",
    FirmUpdate => Put "/api/firms/:id",
    FirmSuspend => Put "/api/firms/:id/suspension",
    StaffNoticeList => Get "/api/staff/notices",
    NoticeCreate => Post "/api/staff/notices",
    NoticeUpdate => Put "/api/staff/notices/:id",
    NoticeWithdraw => Post "/api/staff/notices/:id/withdraw",
    UserList => Get "/api/admin/users",
    UserCreate => Post "/api/admin/users",
    QueueSnapshot => Get "/api/halls/:hall/queue",
    TicketCreate => Post "/api/halls/:hall/tickets",
    PhoneCodeSend => Post "/api/phone-codes",
    PriorityConfirm => Post "/api/halls/:hall/priority-confirmations",
    TicketGet => Get "/api/halls/:hall/tickets/:ticket",
    TicketCancel => Post "/api/halls/:hall/tickets/:ticket/cancel",
    TicketRate => Post "/api/halls/:hall/tickets/:ticket/rating",
    TicketWatch => Put "/api/halls/:hall/tickets/:ticket/watch",
    CounterAct => Post "/api/halls/:hall/counters/:counter/actions",
    SlotList => Get "/api/halls/:hall/appointments/slots",
    AppointmentBook => Post "/api/halls/:hall/appointments",
    AppointmentMine => Get "/api/appointments",
    AppointmentCancel => Post "/api/appointments/:id/cancel",
    AppointmentReschedule => Put "/api/appointments/:id",
    AppointmentArrive => Post "/api/appointments/:id/arrive",
    AppointmentArriveByCode => Post "/api/halls/:hall/appointments/arrive",
    FollowUpList => Get "/api/halls/:hall/follow-ups",
    FollowUpUpdate => Put "/api/halls/:hall/follow-ups/:id",
    FollowUpOrder => Post "/api/halls/:hall/follow-ups/:id/work-order",
    HallBroadcast => Put "/api/halls/:hall/broadcast",
    HallSpecialDaySet => Put "/api/halls/:hall/special-days/:date",
    HallSpecialDayRemove => Delete "/api/halls/:hall/special-days/:date",
    HallUpdate => Put "/api/halls/:hall",
    HallCounterSet => Put "/api/halls/:hall/counters/:counter",
    HallCounterRemove => Delete "/api/halls/:hall/counters/:counter",
    HallBusinessSet => Put "/api/halls/:hall/business/:business",
    DisplaySettingsUpdate => Put "/api/halls/:hall/display-settings",
    DisplayList => Get "/api/halls/:hall/displays",
    DisplayCreate => Post "/api/halls/:hall/displays",
    DisplayRevoke => Post "/api/halls/:hall/displays/:id/revoke",
    DeviceHeartbeat => Post "/api/halls/:hall/devices/seen",
    PosterList => Get "/api/posters",
    PosterImage => Get "/api/poster-images/:key",
    StaffPosterList => Get "/api/staff/posters",
    PosterCreate => Post "/api/staff/posters",
    PosterUpdate => Put "/api/staff/posters/:id",
    PosterWithdraw => Post "/api/staff/posters/:id/withdraw",
    PosterImageUpload => Post "/api/staff/poster-images",
    OutageList => Get "/api/outages",
    StaffOutageList => Get "/api/staff/outages",
    OutageCreate => Post "/api/staff/outages",
    OutageWithdraw => Post "/api/staff/outages/:id/withdraw",
    VideoAsk => Post "/api/video/requests",
    VideoStatus => Get "/api/video/requests/:room",
    VideoCancel => Post "/api/video/requests/:room/cancel",
    VideoCallback => Post "/api/video/requests/:room/callback",
    VideoAccept => Post "/api/video/requests/:room/accept",
    VideoTransfer => Post "/api/video/requests/:room/transfer",
    VideoEnd => Post "/api/video/requests/:room/end",
    VideoDesk => Get "/api/video/desk",
    VideoPresence => Put "/api/video/presence",
    VideoRoom => Get "/api/video/rooms/:room",
    VideoFileUpload => Post "/api/video/rooms/:room/files",
    VideoFile => Get "/api/video/rooms/:room/files/:file",
    VideoRate => Post "/api/video/rooms/:room/rating",
    VideoCallsMine => Get "/api/video/calls",
    CallbackList => Get "/api/video/callbacks",
    CallbackDone => Post "/api/video/callbacks/:id/done",
    ThreadList => Get "/api/consultations",
    ThreadCreate => Post "/api/consultations",
    ThreadGet => Get "/api/consultations/:id",
    ThreadPost => Post "/api/consultations/:id/messages",
    ThreadFileUpload => Post "/api/consultations/:id/files",
    ThreadFile => Get "/api/consultations/:id/files/:file",
    ProjectList => Get "/api/projects",
    ProjectCreate => Post "/api/projects",
    ProjectGet => Get "/api/projects/:id",
    ProjectAct => Post "/api/projects/:id/actions",
    ProjectComment => Post "/api/projects/:id/comments",
    ProjectDocumentUpload => Post "/api/projects/:id/documents",
    ProjectDocument => Get "/api/projects/:id/documents/:doc",
    ProjectDurationsCsv => Get "/api/project-reports/durations.csv",
    ProjectOnTime => Get "/api/project-reports/on-time",
    ReminderRun => Post "/api/admin/project-reminders",
    BillNoticeRun => Post "/api/admin/bill-notices",
    InboxList => Get "/api/inbox",
    InboxRead => Post "/api/inbox/read",
    InboxUnread => Get "/api/inbox/unread",
    InboxReadOne => Post "/api/inbox/:id/read",
    OutboxList => Get "/api/admin/outbox",
    OutboxDeliver => Post "/api/admin/outbox/deliver",
    OutboxArchive => Post "/api/admin/outbox/archive",
    TicketHistoryArchive => Post "/api/admin/ticket-history/archive",
    UtilityAccountList => Get "/api/utility-accounts",
    UtilityAccountBind => Post "/api/utility-accounts",
    UtilityAccountUnbind => Delete "/api/utility-accounts/:number",
    BillList => Get "/api/utility-accounts/:number/bills",
    UsageGet => Get "/api/utility-accounts/:number/usage",
    LedgerGet => Get "/api/utility-accounts/:number/ledger",
    BillGet => Get "/api/bills/:id",
    PaymentCreate => Post "/api/payments",
    PaymentNotify => Post "/api/payments/notify",
    PaymentGet => Get "/api/payments/:id",
    PaymentSandbox => Post "/api/payments/:id/sandbox",
    ReceiptGet => Get "/api/receipts/:id",
    KioskVisitStart => Post "/api/halls/:hall/kiosk/visits",
    KioskVisitEnd => Delete "/api/kiosk/visit",
    KioskAccountGet => Get "/api/kiosk/visit/accounts/:number",
    KioskPaymentCreate => Post "/api/kiosk/visit/payments",
    KioskPaymentGet => Get "/api/kiosk/visit/payments/:id",
    KioskPaymentSandbox => Post "/api/kiosk/visit/payments/:id/sandbox",
    KioskApplicationCreate => Post "/api/kiosk/visit/applications",
    KioskApplicationDocumentUpload => Post "/api/kiosk/visit/applications/:id/documents",
    ApplicationList => Get "/api/applications",
    ApplicationCreate => Post "/api/applications",
    ApplicationGet => Get "/api/applications/:id",
    ApplicationAct => Post "/api/applications/:id/actions",
    ApplicationRate => Post "/api/applications/:id/rating",
    ApplicationDocumentUpload => Post "/api/applications/:id/documents",
    ApplicationDocument => Get "/api/applications/:id/documents/:file",
    WorkOrderList => Get "/api/work-orders",
    WorkOrderCreate => Post "/api/work-orders",
    WorkOrderGet => Get "/api/work-orders/:id",
    WorkOrderAct => Post "/api/work-orders/:id/actions",
    WorkOrderPhotoUpload => Post "/api/work-orders/:id/photos",
    WorkOrderPhoto => Get "/api/work-orders/:id/photos/:file",
    CallerFind => Get "/api/callers",
    CaseContactList => Get "/api/case-contacts",
    CaseContactLink => Post "/api/case-contacts",
    WorkOrderTermList => Get "/api/work-order-terms",
    WorkOrderTermUpdate => Put "/api/work-order-terms",
    EscalationList => Get "/api/work-order-escalations",
    RepairTimes => Get "/api/work-order-repair-times",
    EscalationRun => Post "/api/admin/work-order-escalations",
    DepartmentHeadList => Get "/api/department-heads",
    DepartmentHeadSet => Put "/api/department-heads/:department",
    OpsDashboard => Get "/api/ops/dashboard",
    LiveWait => Get "/api/live-wait",
    OpenApi => Get "/api/openapi.json",
}

/// A matched request: the endpoint and its path parameters in pattern order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub endpoint: Endpoint,
    pub params: Vec<String>,
}

impl Matched {
    /// The first path parameter.
    pub fn param(&self) -> &str {
        self.param_at(0)
    }

    /// The path parameter at `index`, in pattern order.
    pub fn param_at(&self, index: usize) -> &str {
        self.params.get(index).map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouteError {
    NotFound,
    /// The path exists but not with this method.
    MethodNotAllowed,
}

pub fn match_route(method: Method, path: &str) -> Result<Matched, RouteError> {
    let mut path_exists = false;
    for &endpoint in Endpoint::ALL {
        if let Some(params) = match_pattern(endpoint.pattern(), path) {
            if endpoint.method() == method {
                return Ok(Matched { endpoint, params });
            }
            path_exists = true;
        }
    }
    Err(if path_exists {
        RouteError::MethodNotAllowed
    } else {
        RouteError::NotFound
    })
}

fn match_pattern(pattern: &str, path: &str) -> Option<Vec<String>> {
    let path = path
        .strip_suffix('/')
        .filter(|p| !p.is_empty())
        .unwrap_or(path);
    let mut pattern_parts = pattern.split('/');
    let mut path_parts = path.split('/');
    let mut params = Vec::new();
    loop {
        match (pattern_parts.next(), path_parts.next()) {
            (None, None) => return Some(params),
            (Some(p), Some(s)) if p.starts_with(':') && !s.is_empty() => params.push(s.to_string()),
            (Some(p), Some(s)) if p == s => {}
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_static_and_parameter_paths() {
        let m = match_route(Method::Get, "/api/halls").unwrap();
        assert_eq!(m.endpoint, Endpoint::HallList);
        let m = match_route(Method::Get, "/api/halls/xinghu/").unwrap();
        assert_eq!((m.endpoint, m.param()), (Endpoint::HallGet, "xinghu"));
        let m = match_route(Method::Post, "/api/staff/notices/7/withdraw").unwrap();
        assert_eq!((m.endpoint, m.param()), (Endpoint::NoticeWithdraw, "7"));
    }

    #[test]
    fn tells_unknown_paths_from_wrong_methods() {
        assert_eq!(
            match_route(Method::Get, "/api/nope"),
            Err(RouteError::NotFound)
        );
        assert_eq!(
            match_route(Method::Get, "/api/halls/a/b"),
            Err(RouteError::NotFound)
        );
        assert_eq!(
            match_route(Method::Get, "/api/halls//"),
            Err(RouteError::NotFound)
        );
        assert_eq!(
            match_route(Method::Delete, "/api/halls"),
            Err(RouteError::MethodNotAllowed)
        );
    }

    #[test]
    fn every_pattern_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for e in Endpoint::ALL {
            assert!(
                seen.insert((e.method(), e.pattern())),
                "{e:?} repeats a route"
            );
            assert!(e.pattern().starts_with("/api/"));
        }
    }
}
