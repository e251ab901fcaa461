//! The one access policy. `decide` answers for every endpoint and role (or no session);
//! the resource rules below it answer the questions a route alone cannot (whose hall is this?).

use crate::roles::Role;
use crate::routes::Endpoint;
use crate::users::User;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Allow,
    /// No session where one is needed: 401.
    Unauthenticated,
    /// Signed in, but this role may not: 403.
    Forbidden,
}

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Public,
    SignedIn,
    Roles(&'static [Role]),
}

const NOTICE_EDITORS: &[Role] = &[Role::HallManager, Role::Admin];
const ADMINS: &[Role] = &[Role::Admin];
const COUNTER_STAFF: &[Role] = &[Role::HallStaff, Role::HallManager, Role::Admin];
const CUSTOMERS: &[Role] = &[Role::Customer];
/// Everyone who may take video calls: counter staff double as the video desk's agents.
const AGENTS: &[Role] = COUNTER_STAFF;
/// The two sides of a written consultation.
const CONSULTATION: &[Role] = &[
    Role::Customer,
    Role::HallStaff,
    Role::HallManager,
    Role::Admin,
];

pub fn audience(endpoint: Endpoint) -> Audience {
    use Endpoint::*;
    match endpoint {
        Health | Register | Login | Logout | Me | HallList | HallGet | NoticeList | FirmList => {
            Audience::Public
        }
        // What halls publish: posters (and their images) and planned outages.
        PosterList | PosterImage | OutageList => Audience::Public,
        // Tickets are taken at kiosks and by QR code without an account; the ticket's owner or
        // the holder of its key may see and act on it (see queue::protocol::Viewer).
        QueueSnapshot | TicketCreate | TicketGet | TicketCancel | TicketRate | TicketWatch => {
            Audience::Public
        }
        // Confirming a phone for a remote ticket without an account (limited per number and
        // address); the hall's paired kiosk confirming a priority (its token decides).
        PhoneCodeSend | PriorityConfirm => Audience::Public,
        // A paired TV or kiosk says it is alive (its token decides which, if any).
        DeviceHeartbeat => Audience::Public,
        CounterAct => Audience::Roles(COUNTER_STAFF),
        SlotList => Audience::Public,
        // A kiosk checks in a booking by its code, which only the booking's owner was shown.
        AppointmentArriveByCode => Audience::Public,
        // Low ratings open follow-ups for the hall's manager (and the admin).
        // The hall's staff follow up its low ratings (own hall: see follow_ups::own_hall).
        FollowUpList | FollowUpUpdate | FollowUpOrder => Audience::Roles(COUNTER_STAFF),
        // The hall's screens: the day's message, English calls, and pairing TVs.
        HallBroadcast | DisplaySettingsUpdate | DisplayList | DisplayCreate | DisplayRevoke => {
            Audience::Roles(NOTICE_EDITORS)
        }
        // The hall's calendar: extra hours and closures (the manager's own hall, see
        // may_manage_hall).
        HallSpecialDaySet | HallSpecialDayRemove => Audience::Roles(NOTICE_EDITORS),
        // The hall's reference data: address, phone and hours, counters, and how it offers
        // each business type (again the manager's own hall).
        HallUpdate | HallCounterSet | HallCounterRemove | HallBusinessSet => {
            Audience::Roles(NOTICE_EDITORS)
        }
        // The directory of firms: the administrator adds, renews and suspends.
        FirmCreate | FirmUpdate | FirmSuspend => Audience::Roles(ADMINS),
        // Customers book for themselves; each appointment is then its owner's alone.
        AppointmentBook
        | AppointmentMine
        | AppointmentCancel
        | AppointmentReschedule
        | AppointmentArrive => Audience::Roles(CUSTOMERS),
        ChangePassword | NotifyPreferencesGet | NotifyPreferencesSet | PushSubscribe
        | PushUnsubscribe => Audience::SignedIn,
        PushKey => Audience::Public,
        StaffNoticeList | NoticeCreate | NoticeUpdate | NoticeWithdraw => {
            Audience::Roles(NOTICE_EDITORS)
        }
        StaffPosterList | PosterCreate | PosterUpdate | PosterWithdraw | PosterImageUpload
        | StaffOutageList | OutageCreate | OutageWithdraw => Audience::Roles(NOTICE_EDITORS),
        UserList | UserCreate => Audience::Roles(ADMINS),
        // Kiosk customers have no account: the room's key or its owner's session decides (see
        // video::room::Room::who), so these are open to all and refused by the room.
        VideoAsk | VideoStatus | VideoCancel | VideoCallback | VideoRoom | VideoFileUpload
        | VideoFile | VideoRate => Audience::Public,
        VideoCallsMine => Audience::Roles(CUSTOMERS),
        VideoAccept | VideoTransfer | VideoEnd | VideoDesk | VideoPresence | CallbackList
        | CallbackDone => Audience::Roles(AGENTS),
        // Customers write; agents answer. Each thread is its customer's (see may_read_thread).
        ThreadCreate => Audience::Roles(CUSTOMERS),
        ThreadList | ThreadGet | ThreadPost | ThreadFileUpload | ThreadFile => {
            Audience::Roles(CONSULTATION)
        }
        // All six parties work on projects; each sees only its own (see may_see_project).
        ProjectList
        | ProjectGet
        | ProjectAct
        | ProjectComment
        | ProjectDocumentUpload
        | ProjectDocument
        | InboxList
        | InboxRead
        | InboxUnread
        | InboxReadOne => Audience::SignedIn,
        ProjectCreate => Audience::Roles(CUSTOMERS),
        // Reports cover the staff's own hall, or every hall for the admin.
        ProjectDurationsCsv | ProjectOnTime => Audience::Roles(COUNTER_STAFF),
        ReminderRun | BillNoticeRun | EscalationRun | OutboxList | OutboxDeliver
        | OutboxArchive | TicketHistoryArchive => Audience::Roles(ADMINS),
        // A customer's accounts, bills and payments are theirs alone.
        UtilityAccountList | UtilityAccountBind | UtilityAccountUnbind | BillList | UsageGet
        | LedgerGet | BillGet | PaymentCreate | PaymentGet | PaymentSandbox => {
            Audience::Roles(CUSTOMERS)
        }
        // The gateway proves itself by its signature (see billing::payments::signature).
        PaymentNotify => Audience::Public,
        // A kiosk payment's receipt, by the key printed on it as a QR code.
        ReceiptGet => Audience::Public,
        // A customer at the hall's paired kiosk: the kiosk's token starts a visit, the visit's
        // token opens its accounts, bills, payments and applications (kiosk::VISIT_ENDPOINTS).
        KioskVisitStart
        | KioskVisitEnd
        | KioskAccountGet
        | KioskPaymentCreate
        | KioskPaymentGet
        | KioskPaymentSandbox
        | KioskApplicationCreate
        | KioskApplicationDocumentUpload => Audience::Public,
        // Customers file; their hall's staff handle them (see may_see_case).
        ApplicationCreate | ApplicationRate => Audience::Roles(CUSTOMERS),
        // Customers file online; agents and clerks take orders for callers (service::intake).
        WorkOrderCreate => Audience::Roles(CONSULTATION),
        CallerFind => Audience::Roles(COUNTER_STAFF),
        // Whoever may see the case sees its contacts (case_contacts::check_sees); agents file them.
        CaseContactList => Audience::SignedIn,
        CaseContactLink => Audience::Roles(AGENTS),
        ApplicationList
        | ApplicationGet
        | ApplicationAct
        | ApplicationDocumentUpload
        | ApplicationDocument
        | WorkOrderList
        | WorkOrderGet
        | WorkOrderAct
        | WorkOrderPhotoUpload
        | WorkOrderPhoto => Audience::Roles(CONSULTATION),
        // The promises are public; the admin sets them.
        WorkOrderTermList => Audience::Public,
        WorkOrderTermUpdate | DepartmentHeadList | DepartmentHeadSet => Audience::Roles(ADMINS),
        EscalationList | RepairTimes => Audience::Roles(COUNTER_STAFF),
        // A manager sees their hall's figures; the admin any hall's and the city's.
        OpsDashboard => Audience::Roles(NOTICE_EDITORS),
        // Open data: each hall's line now, and the API's own description.
        LiveWait | OpenApi => Audience::Public,
    }
}

pub fn decide(role: Option<Role>, endpoint: Endpoint) -> Access {
    match (audience(endpoint), role) {
        (Audience::Public, _) => Access::Allow,
        (_, None) => Access::Unauthenticated,
        (Audience::SignedIn, Some(_)) => Access::Allow,
        (Audience::Roles(roles), Some(role)) if roles.contains(&role) => Access::Allow,
        (Audience::Roles(_), Some(_)) => Access::Forbidden,
    }
}

/// What the policy needs to know about the acting user beyond the role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
    pub hall_id: Option<String>,
    /// The firm a firm user works for.
    pub firm_id: Option<i64>,
}

impl Actor {
    pub fn of(user: &User) -> Actor {
        Actor {
            user_id: user.id,
            role: user.role,
            hall_id: user.hall_id.clone(),
            firm_id: user.firm_id,
        }
    }
}

/// `may_publish_for` of a notice or an outage: one hall, or all halls when `hall_id` is `None`.
pub fn may_manage_notice(actor: &Actor, notice_hall: Option<&str>) -> bool {
    let halls: Vec<String> = notice_hall.map(str::to_string).into_iter().collect();
    may_publish_for(actor, &halls)
}

/// Whose published content (notices, posters, outages) the console lists: `None`, everyone's,
/// for the admin; otherwise the user's own hall (with what is published for every hall).
pub fn console_hall(actor: &Actor) -> Option<&str> {
    if actor.role == Role::Admin {
        None
    } else {
        actor.hall_id.as_deref()
    }
}

/// The one hall-scope rule of published content (notices, posters, outages): an item is
/// published for a list of halls (empty: every hall). Managers publish for their own hall only;
/// several halls or all of them are the admin's.
pub fn may_publish_for(actor: &Actor, halls: &[String]) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::HallManager => {
            !halls.is_empty() && halls.iter().all(|h| actor.hall_id.as_deref() == Some(h))
        }
        _ => false,
    }
}

/// Hall managers and the admin may join any call visibly, and transfer or end it.
pub fn is_supervisor(role: Role) -> bool {
    NOTICE_EDITORS.contains(&role)
}

/// A consultation thread is its customer's and every agent's (the agents share one inbox).
pub fn may_read_thread(actor: &Actor, thread_customer: i64) -> bool {
    match actor.role {
        Role::Customer => actor.user_id == thread_customer,
        role => AGENTS.contains(&role),
    }
}

/// Who is on a connection project: its customer, the hall whose area it is in, the firms
/// chosen for it (accepted or not yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectParties<'a> {
    pub customer_id: i64,
    pub hall_id: &'a str,
    pub firm_ids: &'a [i64],
}

/// Customers see their own projects, a firm only those it is chosen for, hall staff their
/// hall's area, the admin all.
pub fn may_see_project(actor: &Actor, project: &ProjectParties) -> bool {
    match actor.role {
        Role::Customer | Role::HallStaff | Role::HallManager | Role::Admin => {
            may_see_case(actor, project.customer_id, project.hall_id)
        }
        _ => actor
            .firm_id
            .is_some_and(|firm| project.firm_ids.contains(&firm)),
    }
}

/// A customer's application or work order: theirs, their hall's staff's, and the admin's.
pub fn may_see_case(actor: &Actor, customer_id: i64, hall_id: &str) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Customer => actor.user_id == customer_id,
        Role::HallStaff | Role::HallManager => actor.hall_id.as_deref() == Some(hall_id),
        _ => false,
    }
}

/// Managers run their own hall (follow-ups, settings); an admin runs every hall.
pub fn may_manage_hall(actor: &Actor, hall: &str) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::HallManager => actor.hall_id.as_deref() == Some(hall),
        _ => false,
    }
}

/// Staff work at the counters of their own hall; an admin may act anywhere.
pub fn may_work_hall(actor: &Actor, hall: &str) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::HallStaff | Role::HallManager => actor.hall_id.as_deref() == Some(hall),
        _ => false,
    }
}

#[cfg(test)]
mod tests;
