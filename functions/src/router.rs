//! The one router: match the request to an `Endpoint`, load the session, ask the access policy,
//! then call the endpoint's handler. Every failure leaves here as a `{"error":…}` response.

use crate::error::Result;
use crate::http::error_response;
use crate::{
    admin, appointments, arrivals, auth, billing, case_contacts, check_in, clock, consultations,
    counters, db, displays, firms, follow_ups, hall_business, hall_calendar, halls, health, kiosk,
    notices, notify, operations, outages, phone_codes, posters, projects, publish, queue, service,
    video,
};
use chrono::{DateTime, Utc};
use domain::content::{Outage, Poster};
use domain::notices::Notice;
use domain::policy::{decide, Access, Actor};
use domain::routes::{match_route, Endpoint, Matched, Method, RouteError};
use domain::users::User;
use domain::{ApiError, Reason};
use worker::{Env, Request, Response};

/// What a handler gets: the request, the bindings, the matched route and the caller.
pub struct Ctx {
    pub req: Request,
    pub env: Env,
    pub db: db::Db,
    pub matched: Matched,
    pub user: Option<User>,
    pub now: DateTime<Utc>,
}

impl Ctx {
    /// The signed-in user; the policy has already refused anonymous callers where one is needed.
    pub fn signed_in(&self) -> Result<User> {
        self.user
            .clone()
            .ok_or_else(|| ApiError::new(Reason::LoginRequired, "please log in").into())
    }

    pub fn actor(&self) -> Result<Actor> {
        Ok(Actor::of(&self.signed_in()?))
    }
}

/// What the access policy says of `user` calling `endpoint`, as 401 or 403 when it refuses.
pub fn authorize(user: Option<&User>, endpoint: Endpoint) -> Result<()> {
    match decide(user.map(|u| u.role), endpoint) {
        Access::Allow => Ok(()),
        Access::Unauthenticated => {
            Err(ApiError::new(Reason::LoginRequired, "please log in").into())
        }
        Access::Forbidden => {
            Err(ApiError::new(Reason::RoleForbidden, "your role may not do this").into())
        }
    }
}

pub async fn handle_api(req: Request, env: Env) -> Response {
    match dispatch(req, env).await {
        Ok(resp) => resp,
        Err(e) => error_response(&e.0),
    }
}

async fn dispatch(req: Request, env: Env) -> Result<Response> {
    let method = Method::parse(req.method().as_ref())
        .ok_or_else(|| ApiError::new(Reason::MethodNotAllowed, "method not allowed"))?;
    let matched = match_route(method, &req.path()).map_err(|e| match e {
        RouteError::NotFound => ApiError::new(Reason::UnknownEndpoint, "no such API endpoint"),
        RouteError::MethodNotAllowed => ApiError::new(
            Reason::MethodNotAllowed,
            "this endpoint does not take that method",
        ),
    })?;
    crate::defences::refuse_cross_site(&req, method, matched.endpoint)?;
    let db = db::Db::new(&env)?;
    let now = clock::request_time(&req, &env);
    // Sessions expire by the real clock, whatever time a test has the request act at.
    let user = auth::session_user(&db, &req, db::now().timestamp_millis()).await?;
    authorize(user.as_ref(), matched.endpoint)?;
    let mut ctx = Ctx {
        req,
        env,
        db,
        matched,
        user,
        now,
    };
    use Endpoint::*;
    match ctx.matched.endpoint {
        Health => health::handle_health(&mut ctx).await,
        Register => auth::handle_register(&mut ctx).await,
        Login => auth::handle_login(&mut ctx).await,
        Logout => auth::handle_logout(&mut ctx).await,
        Me => auth::handle_me(&mut ctx).await,
        ChangePassword => auth::handle_change_password(&mut ctx).await,
        NotifyPreferencesGet => notify::preferences::handle_get(&mut ctx).await,
        NotifyPreferencesSet => notify::preferences::handle_set(&mut ctx).await,
        PushKey => notify::subscriptions::handle_key(&mut ctx).await,
        PushSubscribe => notify::subscriptions::handle_subscribe(&mut ctx).await,
        PushUnsubscribe => notify::subscriptions::handle_unsubscribe(&mut ctx).await,
        HallList => halls::handle_list_halls(&mut ctx).await,
        HallGet => halls::handle_get_hall(&mut ctx).await,
        NoticeList => notices::handle_list_published(&mut ctx).await,
        FirmList => firms::handle_list_firms(&mut ctx).await,
        FirmCreate => firms::handle_create_firm(&mut ctx).await,
        FirmUpdate => firms::handle_update_firm(&mut ctx).await,
        FirmSuspend => firms::handle_suspend_firm(&mut ctx).await,
        StaffNoticeList => publish::handle_list_for_staff::<Notice>(&mut ctx).await,
        NoticeCreate => publish::handle_create::<Notice>(&mut ctx).await,
        NoticeUpdate => publish::handle_update::<Notice>(&mut ctx).await,
        NoticeWithdraw => publish::handle_withdraw::<Notice>(&mut ctx).await,
        UserList => admin::handle_list_users(&mut ctx).await,
        UserCreate => admin::handle_create_user(&mut ctx).await,
        QueueSnapshot => queue::handle_snapshot(&mut ctx).await,
        TicketCreate => check_in::handle_check_in(&mut ctx).await,
        PhoneCodeSend => phone_codes::handle_send_code(&mut ctx).await,
        PriorityConfirm => check_in::handle_confirm_at_kiosk(&mut ctx).await,
        TicketGet => queue::handle_get_ticket(&mut ctx).await,
        TicketCancel => queue::handle_cancel_ticket(&mut ctx).await,
        TicketRate => queue::handle_rate_ticket(&mut ctx).await,
        TicketWatch => queue::handle_watch_ticket(&mut ctx).await,
        CounterAct => queue::handle_counter_action(&mut ctx).await,
        SlotList => appointments::handle_slots(&mut ctx).await,
        AppointmentBook => appointments::handle_book(&mut ctx).await,
        AppointmentMine => appointments::handle_mine(&mut ctx).await,
        AppointmentCancel => appointments::handle_cancel(&mut ctx).await,
        AppointmentReschedule => appointments::handle_reschedule(&mut ctx).await,
        AppointmentArrive => arrivals::handle_arrive(&mut ctx).await,
        AppointmentArriveByCode => arrivals::handle_arrive_by_code(&mut ctx).await,
        FollowUpList => follow_ups::handle_list(&mut ctx).await,
        FollowUpUpdate => follow_ups::handle_update(&mut ctx).await,
        FollowUpOrder => follow_ups::handle_order(&mut ctx).await,
        HallBroadcast => displays::handle_broadcast(&mut ctx).await,
        HallSpecialDaySet => hall_calendar::handle_set_special_day(&mut ctx).await,
        HallSpecialDayRemove => hall_calendar::handle_remove_special_day(&mut ctx).await,
        HallUpdate => halls::handle_update_hall(&mut ctx).await,
        HallCounterSet => counters::handle_set_counter(&mut ctx).await,
        HallCounterRemove => counters::handle_remove_counter(&mut ctx).await,
        HallBusinessSet => hall_business::handle_set_business(&mut ctx).await,
        DisplaySettingsUpdate => displays::handle_settings(&mut ctx).await,
        DisplayList => displays::handle_list(&mut ctx).await,
        DisplayCreate => displays::handle_create(&mut ctx).await,
        DisplayRevoke => displays::handle_revoke(&mut ctx).await,
        DeviceHeartbeat => displays::handle_heartbeat(&mut ctx).await,
        PosterList => posters::handle_list_published(&mut ctx).await,
        PosterImage => posters::handle_image(&mut ctx).await,
        StaffPosterList => publish::handle_list_for_staff::<Poster>(&mut ctx).await,
        PosterCreate => publish::handle_create::<Poster>(&mut ctx).await,
        PosterUpdate => publish::handle_update::<Poster>(&mut ctx).await,
        PosterWithdraw => publish::handle_withdraw::<Poster>(&mut ctx).await,
        PosterImageUpload => posters::handle_upload_image(&mut ctx).await,
        OutageList => outages::handle_list_upcoming(&mut ctx).await,
        StaffOutageList => publish::handle_list_for_staff::<Outage>(&mut ctx).await,
        OutageCreate => publish::handle_create::<Outage>(&mut ctx).await,
        OutageWithdraw => publish::handle_withdraw::<Outage>(&mut ctx).await,
        VideoAsk => video::customer::handle_ask(&mut ctx).await,
        VideoStatus => video::customer::handle_status(&mut ctx).await,
        VideoCancel => video::customer::handle_cancel(&mut ctx).await,
        VideoCallback => video::customer::handle_callback(&mut ctx).await,
        VideoRoom => video::customer::handle_room(&mut ctx).await,
        VideoRate => video::customer::handle_rate(&mut ctx).await,
        VideoCallsMine => video::customer::handle_calls_mine(&mut ctx).await,
        VideoFileUpload => video::call_files::handle_upload(&mut ctx).await,
        VideoFile => video::call_files::handle_download(&mut ctx).await,
        VideoAccept => video::agent::handle_accept(&mut ctx).await,
        VideoTransfer => video::agent::handle_transfer(&mut ctx).await,
        VideoEnd => video::agent::handle_end(&mut ctx).await,
        VideoDesk => video::agent::handle_desk(&mut ctx).await,
        VideoPresence => video::agent::handle_presence(&mut ctx).await,
        CallbackList => video::agent::handle_callbacks(&mut ctx).await,
        CallbackDone => video::agent::handle_callback_done(&mut ctx).await,
        ThreadList => consultations::handle_list(&mut ctx).await,
        ThreadCreate => consultations::handle_create(&mut ctx).await,
        ThreadGet => consultations::handle_get(&mut ctx).await,
        ThreadPost => consultations::handle_post(&mut ctx).await,
        ThreadFileUpload => consultations::handle_upload(&mut ctx).await,
        ThreadFile => consultations::handle_download(&mut ctx).await,
        ProjectList => projects::handle_list(&mut ctx).await,
        ProjectCreate => projects::handle_create(&mut ctx).await,
        ProjectGet => projects::handle_get(&mut ctx).await,
        ProjectAct => projects::handle_act(&mut ctx).await,
        ProjectComment => projects::handle_comment(&mut ctx).await,
        ProjectDocumentUpload => projects::handle_upload(&mut ctx).await,
        ProjectDocument => projects::handle_download(&mut ctx).await,
        ProjectDurationsCsv => projects::handle_durations_csv(&mut ctx).await,
        ProjectOnTime => projects::handle_on_time(&mut ctx).await,
        ReminderRun => projects::handle_reminders(&mut ctx).await,
        BillNoticeRun => billing::notices::handle_run(&mut ctx).await,
        InboxList => notify::inbox::handle_inbox(&mut ctx).await,
        InboxRead => notify::inbox::handle_read_all(&mut ctx).await,
        InboxUnread => notify::inbox::handle_unread(&mut ctx).await,
        InboxReadOne => notify::inbox::handle_read_one(&mut ctx).await,
        OutboxList => notify::inbox::handle_outbox(&mut ctx).await,
        OutboxDeliver => notify::courier::handle_deliver(&mut ctx).await,
        OutboxArchive => notify::archive::handle_run(&mut ctx).await,
        TicketHistoryArchive => crate::hall_queue::archive::handle_run(&mut ctx).await,
        UtilityAccountList => billing::handle_list(&mut ctx).await,
        UtilityAccountBind => billing::handle_bind(&mut ctx).await,
        UtilityAccountUnbind => billing::handle_unbind(&mut ctx).await,
        BillList => billing::handle_bills(&mut ctx).await,
        UsageGet => billing::handle_usage(&mut ctx).await,
        LedgerGet => billing::handle_ledger(&mut ctx).await,
        BillGet => billing::handle_bill(&mut ctx).await,
        PaymentCreate => billing::payments::handle_create(&mut ctx).await,
        PaymentNotify => billing::payments::handle_notify(&mut ctx).await,
        PaymentGet => billing::payments::handle_get(&mut ctx).await,
        PaymentSandbox => billing::payments::handle_sandbox(&mut ctx).await,
        ReceiptGet => billing::payments::handle_receipt(&mut ctx).await,
        KioskVisitStart => kiosk::handle_start(&mut ctx).await,
        KioskVisitEnd => kiosk::handle_end(&mut ctx).await,
        KioskAccountGet => kiosk::handle_account(&mut ctx).await,
        KioskPaymentCreate => kiosk::handle_pay(&mut ctx).await,
        KioskPaymentGet => kiosk::handle_payment(&mut ctx).await,
        KioskPaymentSandbox => kiosk::handle_sandbox(&mut ctx).await,
        KioskApplicationCreate => kiosk::applications::handle_create(&mut ctx).await,
        KioskApplicationDocumentUpload => kiosk::applications::handle_upload(&mut ctx).await,
        ApplicationList => service::applications::handle_list(&mut ctx).await,
        ApplicationCreate => service::applications::handle_create(&mut ctx).await,
        ApplicationGet => service::applications::handle_get(&mut ctx).await,
        ApplicationRate => service::applications::handle_rate(&mut ctx).await,
        ApplicationAct => service::applications::handle_act(&mut ctx).await,
        ApplicationDocumentUpload => service::applications::handle_upload(&mut ctx).await,
        ApplicationDocument => service::applications::handle_download(&mut ctx).await,
        WorkOrderList => service::work_orders::handle_list(&mut ctx).await,
        WorkOrderCreate => service::work_orders::handle_create(&mut ctx).await,
        WorkOrderGet => service::work_orders::handle_get(&mut ctx).await,
        WorkOrderAct => service::work_orders::handle_act(&mut ctx).await,
        WorkOrderPhotoUpload => service::work_orders::handle_upload(&mut ctx).await,
        WorkOrderPhoto => service::work_orders::handle_download(&mut ctx).await,
        WorkOrderTermList => service::work_orders::deadlines::handle_terms(&mut ctx).await,
        WorkOrderTermUpdate => service::work_orders::deadlines::handle_set_term(&mut ctx).await,
        CaseContactList => case_contacts::handle_list(&mut ctx).await,
        CaseContactLink => case_contacts::handle_link(&mut ctx).await,
        CallerFind => service::work_orders::intake::handle_callers(&mut ctx).await,
        EscalationList => service::work_orders::deadlines::handle_escalations(&mut ctx).await,
        EscalationRun => service::work_orders::deadlines::handle_run_escalations(&mut ctx).await,
        RepairTimes => service::work_orders::repair_times::handle_repair_times(&mut ctx).await,
        DepartmentHeadList => {
            service::work_orders::deadlines::handle_department_heads(&mut ctx).await
        }
        DepartmentHeadSet => {
            service::work_orders::deadlines::handle_set_department_head(&mut ctx).await
        }
        OpsDashboard => operations::handle_dashboard(&mut ctx).await,
        LiveWait => operations::handle_live_wait(&mut ctx).await,
        OpenApi => operations::handle_openapi(&mut ctx).await,
    }
}
