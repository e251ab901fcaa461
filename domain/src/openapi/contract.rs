//! What each endpoint takes and answers, by the wire types that travel: its JSON body or upload,
//! its query parameters, and its answer with the status of success. The document
//! (`openapi::document`) and the API tests' check of every answer read this one table.

use crate::routes::Endpoint;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

use crate::billing::accounts::{BindInput, UtilityAccount};
use crate::billing::bills::{Bill, BillDetail, BillRun, Usage};
use crate::billing::payments::{
    DecisionInput, GatewayNotice, LedgerEntry, PayInput, Payment, PaymentDetail,
};
use crate::consultations::{Thread, ThreadDetail, ThreadStart};
use crate::content::{ImageUploaded, Outage, OutageInput, Poster, PosterInput};
use crate::displays::{DeviceSeen, Display, DisplayCreated, DisplayInput};
use crate::files::FileRef;
use crate::firms::{Firm, FirmRequest, FirmSuspension};
use crate::follow_ups::{FollowUp, FollowUpBoard, FollowUpInput};
use crate::halls::business::{BusinessSetting, BusinessSettingRequest};
use crate::halls::edit::{CounterEdit, HallEdit};
use crate::halls::{BusinessType, Counter, HallDetail, HallSummary};
use crate::hours::calendar::{SpecialDay, SpecialDayRequest};
use crate::kiosk::{KioskAccount, KioskPayment, KioskVisit, VisitEnded, VisitInput};
use crate::notices::{Notice, NoticeInput};
use crate::notify::inbox::{Inbox, Unread};
use crate::notify::outbox::{ArchiveRun, DeliveryRun, OutboxMessage};
use crate::notify::push::{Subscribed, Subscription};
use crate::notify::Preferences;
use crate::operations::dashboard::Dashboard;
use crate::projects::bodies::{
    ActInput, CommentInput, ProjectApply, ProjectDetail, ProjectSummary,
};
use crate::projects::report::OnTimeReport;
use crate::queue::appointments::{
    AppointmentView, ArriveByCode, BookRequest, RescheduleRequest, Slot,
};
use crate::queue::board::{Board, BroadcastInput, DisplaySettings};
use crate::queue::counters::CounterState;
use crate::queue::protocol::{CallResult, TicketView};
use crate::queue::remote::{CodeRequest, CodeSent};
use crate::queue::requests::{CheckInRequest, CounterAction, RateRequest, TicketKey, WatchRequest};
use crate::service::applications::{AppActInput, AppRating, Application, ApplicationInput};
use crate::service::contacts::{CaseContact, CaseRef, LinkInput};
use crate::service::intake::Caller;
use crate::service::work_orders::escalations::{DepartmentHead, Escalation, HeadInput};
use crate::service::work_orders::repair_times::RepairMonth;
use crate::service::work_orders::terms::Term;
use crate::service::work_orders::{
    Department, OrderActInput, OrderInput, WorkOrder, WorkOrderDetail,
};
use crate::users::{
    ChangePasswordRequest, CreateUserRequest, LoginRequest, RegisterRequest, SessionInfo, User,
};
use crate::video::bodies::{
    CallRating, CallRecord, Callback, CallbackAsk, EndInput, HelpAsk, HelpCreated, HelpStatus,
    PresenceInput, RoomInfo, RoomKey, TransferInput,
};
use crate::video::desk::{DeskView, HelpRequest};

/// Makes the schema of one wire type (or a union of some) in the document's generator.
pub type Make = fn(&mut SchemaGenerator) -> Schema;

fn of<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<T>()
}

fn list<T: JsonSchema>(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<Vec<T>>()
}

/// What a request carries.
#[derive(Clone, Copy)]
pub enum Body {
    Empty,
    Json(Make),
    /// A file as the body, in one of the accepted types, its name in `x-file-name`.
    File(&'static [&'static str]),
}

/// What success answers.
#[derive(Clone, Copy)]
pub enum Answer {
    Json(Make),
    Csv,
    /// A stored file, in the type it was accepted as.
    File,
    /// A stored image, shown inline.
    Image,
}

/// The status of success.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Success {
    Ok,
    Created,
    /// 201 when something was made, 200 when the same request (its idempotency key) repeated.
    CreatedOrRepeated,
}

#[derive(Clone, Copy)]
pub enum Format {
    Text,
    Integer,
    /// YYYY-MM-DD
    Date,
    /// YYYY-MM
    Month,
    /// Present or absent: its value is not read.
    Flag,
    Schema(Make),
}

#[derive(Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub required: bool,
    pub format: Format,
    pub about: &'static str,
}

const fn optional(name: &'static str, format: Format, about: &'static str) -> Param {
    Param {
        name,
        required: false,
        format,
        about,
    }
}

const fn required(name: &'static str, format: Format, about: &'static str) -> Param {
    Param {
        name,
        required: true,
        format,
        about,
    }
}

#[derive(Clone, Copy)]
pub struct Contract {
    pub body: Body,
    pub answer: Answer,
    pub success: Success,
    pub query: &'static [Param],
}

impl Contract {
    fn get(answer: Make) -> Contract {
        Contract {
            body: Body::Empty,
            answer: Answer::Json(answer),
            success: Success::Ok,
            query: &[],
        }
    }

    fn send(body: Make, answer: Make) -> Contract {
        Contract {
            body: Body::Json(body),
            ..Contract::get(answer)
        }
    }

    fn created(self) -> Contract {
        Contract {
            success: Success::Created,
            ..self
        }
    }

    fn created_or_repeated(self) -> Contract {
        Contract {
            success: Success::CreatedOrRepeated,
            ..self
        }
    }

    fn query(self, query: &'static [Param]) -> Contract {
        Contract { query, ..self }
    }

    fn file(answer: Answer) -> Contract {
        Contract {
            body: Body::Empty,
            answer,
            success: Success::Ok,
            query: &[],
        }
    }

    fn upload(accepts: &'static [&'static str], answer: Make) -> Contract {
        Contract {
            body: Body::File(accepts),
            ..Contract::get(answer)
        }
        .created()
    }
}

const IMAGES: &[&str] = &["image/png", "image/jpeg", "image/webp"];
const IMAGES_AND_PDF: &[&str] = &["image/png", "image/jpeg", "image/webp", "application/pdf"];

const HALL: Param = optional("hall", Format::Text, "a hall's id: only what it published");
const KEY: Param = optional(
    "key",
    Format::Text,
    "the key the ticket or call was answered with, for who has no account",
);
const RECEIPT_KEY: Param = optional(
    "key",
    Format::Text,
    "the key printed on a kiosk payment's receipt as a QR code",
);

fn counter_acted(g: &mut SchemaGenerator) -> Schema {
    let (call, counter, ticket) = (
        of::<CallResult>(g),
        of::<CounterState>(g),
        of::<TicketView>(g),
    );
    json_schema!({
        "description": "call_next answers the call and why this ticket; sign_in, pause, resume, close and serves the counter; every other action the ticket.",
        "oneOf": [call, counter, ticket]
    })
}

fn removed_id(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "object", "required": ["removed"], "properties": {"removed": {"type": "integer"}}})
}

fn removed_date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "object", "required": ["removed"], "properties": {"removed": {"type": "string", "format": "date"}}})
}

fn unbound(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "object", "required": ["unbound"], "properties": {"unbound": {"type": "string"}}})
}

fn rated(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "object", "required": ["stars"], "properties": {"stars": {"type": "integer", "minimum": 1, "maximum": 5}}})
}

fn filed_on(g: &mut SchemaGenerator) -> Schema {
    let case = of::<CaseRef>(g);
    json_schema!({"type": "object", "required": ["case"], "properties": {"case": case}})
}

fn document(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": "object", "description": "This document: OpenAPI 3.1."})
}

const SLOT_LIST_QUERY: &[Param] = &[
    required(
        "business",
        Format::Schema(of::<BusinessType>),
        "the business to book",
    ),
    required("date", Format::Date, "the day"),
];

const OUTAGE_LIST_QUERY: &[Param] = &[
    HALL,
    optional("area", Format::Text, "part of a street or estate's name"),
];

const PROJECT_LIST_QUERY: &[Param] = &[
    optional("stage", Format::Text, "only projects at this stage"),
    HALL,
    optional(
        "q",
        Format::Text,
        "part of a project's number, name or address",
    ),
    optional("overdue", Format::Flag, "only projects past a deadline"),
];

const PROJECT_DOCUMENT_UPLOAD_QUERY: &[Param] = &[
    required(
        "kind",
        Format::Text,
        "the kind of document (design_drawings, …)",
    ),
    optional(
        "replaces",
        Format::Integer,
        "the document this one replaces",
    ),
];

const USAGE_GET_QUERY: &[Param] = &[optional(
    "period",
    Format::Month,
    "the month whose days to show (the latest bill's by default)",
)];

const CALLER_FIND_QUERY: &[Param] = &[required(
    "q",
    Format::Text,
    "a mobile number, a 10-digit account number, or the start of a name",
)];

const CASE_CONTACT_LIST_QUERY: &[Param] = &[
    required("kind", Format::Text, "project, application or work_order"),
    required("id", Format::Integer, "the case's id"),
];

const REPAIR_TIMES_QUERY: &[Param] = &[
    optional("months", Format::Text, "comma-separated YYYY-MM months"),
    optional(
        "hall_id",
        Format::Text,
        "a hall (staff: their own by default)",
    ),
];

const OPS_DASHBOARD_QUERY: &[Param] = &[
    HALL,
    optional("from", Format::Date, "the first day"),
    optional("to", Format::Date, "the last day"),
    optional("tmax", Format::Integer, "the wait target in minutes"),
];

const USER_QUERY: &[Param] = &[optional(
    "q",
    Format::Text,
    "the start of a login or mobile number (without it: staff and firm accounts)",
)];

const REPORT_PERIOD_QUERY: &[Param] = &[
    optional(
        "from",
        Format::Date,
        "the first day (30 days before `to` by default)",
    ),
    optional("to", Format::Date, "the last day (today by default)"),
];

/// The contract of `endpoint`.
pub fn of_endpoint(endpoint: Endpoint) -> Contract {
    use Endpoint::*;
    type C = Contract;
    match endpoint {
        Health => C::get(of::<crate::users::Health>),
        Register => C::send(of::<RegisterRequest>, of::<SessionInfo>).created(),
        Login => C::send(of::<LoginRequest>, of::<SessionInfo>),
        Logout | Me => C::get(of::<SessionInfo>),
        ChangePassword => C::send(of::<ChangePasswordRequest>, of::<SessionInfo>),
        NotifyPreferencesGet => C::get(of::<Preferences>),
        NotifyPreferencesSet => C::send(of::<Preferences>, of::<Preferences>),
        PushKey => C::get(of::<crate::notify::push::PushKey>),
        PushSubscribe => C::send(of::<Subscription>, of::<Subscribed>).created(),
        PushUnsubscribe => C::get(removed_id),
        HallList => C::get(list::<HallSummary>),
        HallGet => C::get(of::<HallDetail>),
        NoticeList => C::get(list::<Notice>).query(&[HALL]),
        FirmList => C::get(list::<Firm>),
        FirmCreate => C::send(of::<FirmRequest>, of::<Firm>).created(),
        FirmUpdate => C::send(of::<FirmRequest>, of::<Firm>),
        FirmSuspend => C::send(of::<FirmSuspension>, of::<Firm>),
        StaffNoticeList => C::get(list::<Notice>),
        NoticeCreate => C::send(of::<NoticeInput>, of::<Notice>).created(),
        NoticeUpdate => C::send(of::<NoticeInput>, of::<Notice>),
        NoticeWithdraw => C::get(of::<Notice>),
        UserList => C::get(list::<User>).query(USER_QUERY),
        UserCreate => C::send(of::<CreateUserRequest>, of::<User>).created(),
        QueueSnapshot => C::get(of::<crate::queue::protocol::QueueSnapshot>),
        TicketCreate => C::send(of::<CheckInRequest>, of::<TicketView>).created_or_repeated(),
        PhoneCodeSend => C::send(of::<CodeRequest>, of::<CodeSent>),
        PriorityConfirm => C::send(of::<CodeRequest>, of::<TicketView>),
        TicketGet => C::get(of::<TicketView>).query(&[KEY]),
        TicketCancel => C::send(of::<TicketKey>, of::<TicketView>),
        TicketRate => C::send(of::<RateRequest>, of::<TicketView>),
        TicketWatch => C::send(of::<WatchRequest>, of::<TicketView>),
        CounterAct => C::send(of::<CounterAction>, counter_acted),
        SlotList => C::get(list::<Slot>).query(SLOT_LIST_QUERY),
        AppointmentBook => C::send(of::<BookRequest>, of::<AppointmentView>).created(),
        AppointmentMine => C::get(list::<AppointmentView>),
        AppointmentCancel => C::get(of::<AppointmentView>),
        AppointmentReschedule => C::send(of::<RescheduleRequest>, of::<AppointmentView>),
        AppointmentArrive => C::get(of::<TicketView>).created_or_repeated(),
        AppointmentArriveByCode => {
            C::send(of::<ArriveByCode>, of::<TicketView>).created_or_repeated()
        }
        FollowUpList => C::get(of::<FollowUpBoard>),
        FollowUpUpdate => C::send(of::<FollowUpInput>, of::<FollowUp>),
        FollowUpOrder => C::get(of::<FollowUp>).created(),
        HallBroadcast => C::send(of::<BroadcastInput>, of::<Board>),
        HallSpecialDaySet => C::send(of::<SpecialDayRequest>, of::<SpecialDay>),
        HallSpecialDayRemove => C::get(removed_date),
        HallUpdate => C::send(of::<HallEdit>, of::<HallEdit>),
        HallCounterSet => C::send(of::<CounterEdit>, of::<Counter>),
        HallCounterRemove => C::get(removed_id),
        HallBusinessSet => C::send(of::<BusinessSettingRequest>, of::<BusinessSetting>),
        DisplaySettingsUpdate => C::send(of::<DisplaySettings>, of::<Board>),
        DisplayList => C::get(list::<Display>),
        DisplayCreate => C::send(of::<DisplayInput>, of::<DisplayCreated>).created(),
        DisplayRevoke => C::get(of::<Display>),
        DeviceHeartbeat => C::get(of::<DeviceSeen>),
        PosterList => C::get(list::<Poster>).query(&[HALL]),
        PosterImage => C::file(Answer::Image),
        StaffPosterList => C::get(list::<Poster>),
        PosterCreate => C::send(of::<PosterInput>, of::<Poster>).created(),
        PosterUpdate => C::send(of::<PosterInput>, of::<Poster>),
        PosterWithdraw => C::get(of::<Poster>),
        PosterImageUpload => C::upload(IMAGES, of::<ImageUploaded>),
        OutageList => C::get(list::<Outage>).query(OUTAGE_LIST_QUERY),
        StaffOutageList => C::get(list::<Outage>),
        OutageCreate => C::send(of::<OutageInput>, of::<Outage>).created(),
        OutageWithdraw => C::get(of::<Outage>),
        VideoAsk => C::send(of::<HelpAsk>, of::<HelpCreated>).created(),
        VideoStatus => C::get(of::<HelpStatus>).query(&[KEY]),
        VideoCancel => C::send(of::<RoomKey>, of::<HelpRequest>),
        VideoCallback => C::send(of::<CallbackAsk>, of::<Callback>).created(),
        VideoAccept => C::get(of::<HelpRequest>),
        VideoTransfer => C::send(of::<TransferInput>, of::<HelpRequest>),
        VideoEnd => C::send(of::<EndInput>, of::<CallRecord>),
        VideoDesk => C::get(of::<DeskView>),
        VideoPresence => C::send(of::<PresenceInput>, of::<DeskView>),
        VideoRoom => C::get(of::<RoomInfo>).query(&[KEY]),
        VideoFileUpload => C::upload(IMAGES_AND_PDF, of::<FileRef>).query(&[KEY]),
        VideoFile => C::file(Answer::File).query(&[KEY]),
        VideoRate => C::send(of::<CallRating>, rated),
        VideoCallsMine => C::get(list::<CallRecord>),
        CallbackList => C::get(list::<Callback>),
        CallbackDone => C::get(of::<Callback>),
        ThreadList => C::get(list::<Thread>),
        ThreadCreate => C::send(of::<ThreadStart>, of::<ThreadDetail>).created(),
        ThreadGet => C::get(of::<ThreadDetail>),
        ThreadPost => C::send(of::<crate::consultations::ThreadPost>, of::<ThreadDetail>).created(),
        ThreadFileUpload => C::upload(IMAGES_AND_PDF, of::<FileRef>),
        ThreadFile => C::file(Answer::File),
        ProjectList => C::get(list::<ProjectSummary>).query(PROJECT_LIST_QUERY),
        ProjectCreate => C::send(of::<ProjectApply>, of::<ProjectDetail>).created(),
        ProjectGet => C::get(of::<ProjectDetail>),
        ProjectAct => C::send(of::<ActInput>, of::<ProjectDetail>),
        ProjectComment => C::send(of::<CommentInput>, of::<ProjectDetail>).created(),
        ProjectDocumentUpload => C::upload(
            IMAGES_AND_PDF,
            of::<crate::projects::bodies::ProjectDocument>,
        )
        .query(PROJECT_DOCUMENT_UPLOAD_QUERY),
        ProjectDocument => C::file(Answer::File),
        ProjectDurationsCsv => C::file(Answer::Csv).query(REPORT_PERIOD_QUERY),
        ProjectOnTime => C::get(of::<OnTimeReport>).query(REPORT_PERIOD_QUERY),
        ReminderRun => C::get(of::<crate::projects::bodies::ReminderRun>),
        BillNoticeRun => C::get(of::<BillRun>),
        InboxList | InboxRead => C::get(of::<Inbox>),
        InboxUnread | InboxReadOne => C::get(of::<Unread>),
        OutboxList => C::get(list::<OutboxMessage>),
        OutboxDeliver => C::get(of::<DeliveryRun>),
        OutboxArchive | TicketHistoryArchive => C::get(of::<ArchiveRun>),
        UtilityAccountList => C::get(list::<UtilityAccount>),
        UtilityAccountBind => C::send(of::<BindInput>, of::<UtilityAccount>).created(),
        UtilityAccountUnbind => C::get(unbound),
        BillList => C::get(list::<Bill>),
        UsageGet => C::get(of::<Usage>).query(USAGE_GET_QUERY),
        LedgerGet => C::get(list::<LedgerEntry>),
        BillGet => C::get(of::<BillDetail>),
        PaymentCreate => C::send(of::<PayInput>, of::<Payment>).created_or_repeated(),
        PaymentNotify => C::send(of::<GatewayNotice>, of::<Payment>),
        PaymentGet => C::get(of::<PaymentDetail>),
        PaymentSandbox => C::send(of::<DecisionInput>, of::<Payment>),
        ReceiptGet => C::get(of::<PaymentDetail>).query(&[RECEIPT_KEY]),
        KioskVisitStart => C::send(of::<VisitInput>, of::<KioskVisit>).created(),
        KioskVisitEnd => C::get(of::<VisitEnded>),
        KioskAccountGet => C::get(of::<KioskAccount>),
        KioskPaymentCreate => C::send(of::<PayInput>, of::<KioskPayment>).created_or_repeated(),
        KioskPaymentGet => C::get(of::<PaymentDetail>),
        KioskPaymentSandbox => C::send(of::<DecisionInput>, of::<Payment>),
        KioskApplicationCreate => C::send(of::<ApplicationInput>, of::<Application>).created(),
        KioskApplicationDocumentUpload => C::upload(IMAGES_AND_PDF, of::<FileRef>),
        ApplicationList => C::get(list::<Application>),
        ApplicationCreate => C::send(of::<ApplicationInput>, of::<Application>).created(),
        ApplicationGet => C::get(of::<Application>),
        ApplicationAct => C::send(of::<AppActInput>, of::<Application>),
        ApplicationRate => C::send(of::<AppRating>, of::<Application>),
        ApplicationDocumentUpload => C::upload(IMAGES_AND_PDF, of::<FileRef>),
        ApplicationDocument => C::file(Answer::File),
        WorkOrderList => C::get(list::<WorkOrder>),
        WorkOrderCreate => C::send(of::<OrderInput>, of::<WorkOrderDetail>).created(),
        WorkOrderGet => C::get(of::<WorkOrderDetail>),
        WorkOrderAct => C::send(of::<OrderActInput>, of::<WorkOrderDetail>),
        WorkOrderPhotoUpload => C::upload(IMAGES, of::<FileRef>),
        WorkOrderPhoto => C::file(Answer::File),
        CallerFind => C::get(list::<Caller>).query(CALLER_FIND_QUERY),
        CaseContactList => C::get(list::<CaseContact>).query(CASE_CONTACT_LIST_QUERY),
        CaseContactLink => C::send(of::<LinkInput>, filed_on).created(),
        WorkOrderTermList => C::get(list::<Term>),
        WorkOrderTermUpdate => C::send(of::<Term>, list::<Term>),
        EscalationList => C::get(list::<Escalation>),
        RepairTimes => C::get(list::<RepairMonth>).query(REPAIR_TIMES_QUERY),
        EscalationRun => C::get(of::<crate::service::work_orders::escalations::EscalationRun>),
        DepartmentHeadList => C::get(list::<DepartmentHead>),
        DepartmentHeadSet => C::send(of::<HeadInput>, list::<DepartmentHead>),
        OpsDashboard => C::get(of::<Dashboard>).query(OPS_DASHBOARD_QUERY),
        LiveWait => C::get(of::<crate::operations::live_wait::LiveWait>),
        OpenApi => C::get(document),
    }
}

/// A path parameter's schema, by its name in the route table, with an example from the demo
/// data (so a generated request can reach a real hall or record).
pub fn path_param(name: &str, generator: &mut SchemaGenerator) -> Schema {
    match name {
        "id" | "ticket" | "counter" | "doc" => {
            json_schema!({"type": "integer", "minimum": 1, "examples": [1]})
        }
        "date" => json_schema!({"type": "string", "format": "date", "examples": ["2030-01-07"]}),
        "business" => of::<BusinessType>(generator),
        "department" => of::<Department>(generator),
        "number" => {
            json_schema!({"type": "string", "pattern": "^[0-9]{10}$", "examples": ["3301000006"]})
        }
        "hall" => json_schema!({"type": "string", "minLength": 1, "examples": ["xinghu"]}),
        _ => json_schema!({"type": "string", "minLength": 1}),
    }
}
