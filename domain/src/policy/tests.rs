//! The role × endpoint table: every cell is stated, allow and deny alike.

use super::*;
use crate::roles::Role::*;
use Endpoint::*;

const A: Access = Access::Allow;
const U: Access = Access::Unauthenticated;
const F: Access = Access::Forbidden;

/// Columns: anonymous, customer, hall_staff, hall_manager, admin, design, construction, test, supervision.
const TABLE: &[(Endpoint, [Access; 9])] = &[
    (Health, [A, A, A, A, A, A, A, A, A]),
    (Register, [A, A, A, A, A, A, A, A, A]),
    (Login, [A, A, A, A, A, A, A, A, A]),
    (Logout, [A, A, A, A, A, A, A, A, A]),
    (Me, [A, A, A, A, A, A, A, A, A]),
    (ChangePassword, [U, A, A, A, A, A, A, A, A]),
    (NotifyPreferencesGet, [U, A, A, A, A, A, A, A, A]),
    (NotifyPreferencesSet, [U, A, A, A, A, A, A, A, A]),
    (PushKey, [A, A, A, A, A, A, A, A, A]),
    (PushSubscribe, [U, A, A, A, A, A, A, A, A]),
    (PushUnsubscribe, [U, A, A, A, A, A, A, A, A]),
    (HallList, [A, A, A, A, A, A, A, A, A]),
    (HallGet, [A, A, A, A, A, A, A, A, A]),
    (NoticeList, [A, A, A, A, A, A, A, A, A]),
    (FirmList, [A, A, A, A, A, A, A, A, A]),
    (FirmCreate, [U, F, F, F, A, F, F, F, F]),
    (FirmUpdate, [U, F, F, F, A, F, F, F, F]),
    (FirmSuspend, [U, F, F, F, A, F, F, F, F]),
    (StaffNoticeList, [U, F, F, A, A, F, F, F, F]),
    (NoticeCreate, [U, F, F, A, A, F, F, F, F]),
    (NoticeUpdate, [U, F, F, A, A, F, F, F, F]),
    (NoticeWithdraw, [U, F, F, A, A, F, F, F, F]),
    (UserList, [U, F, F, F, A, F, F, F, F]),
    (UserCreate, [U, F, F, F, A, F, F, F, F]),
    (QueueSnapshot, [A, A, A, A, A, A, A, A, A]),
    (TicketCreate, [A, A, A, A, A, A, A, A, A]),
    (PhoneCodeSend, [A, A, A, A, A, A, A, A, A]),
    (PriorityConfirm, [A, A, A, A, A, A, A, A, A]),
    (TicketGet, [A, A, A, A, A, A, A, A, A]),
    (TicketCancel, [A, A, A, A, A, A, A, A, A]),
    (TicketRate, [A, A, A, A, A, A, A, A, A]),
    (TicketWatch, [A, A, A, A, A, A, A, A, A]),
    (CounterAct, [U, F, A, A, A, F, F, F, F]),
    (SlotList, [A, A, A, A, A, A, A, A, A]),
    (AppointmentArriveByCode, [A, A, A, A, A, A, A, A, A]),
    (AppointmentBook, [U, A, F, F, F, F, F, F, F]),
    (AppointmentMine, [U, A, F, F, F, F, F, F, F]),
    (AppointmentCancel, [U, A, F, F, F, F, F, F, F]),
    (AppointmentReschedule, [U, A, F, F, F, F, F, F, F]),
    (AppointmentArrive, [U, A, F, F, F, F, F, F, F]),
    (FollowUpList, [U, F, A, A, A, F, F, F, F]),
    (FollowUpUpdate, [U, F, A, A, A, F, F, F, F]),
    (FollowUpOrder, [U, F, A, A, A, F, F, F, F]),
    (HallBroadcast, [U, F, F, A, A, F, F, F, F]),
    (HallSpecialDaySet, [U, F, F, A, A, F, F, F, F]),
    (HallSpecialDayRemove, [U, F, F, A, A, F, F, F, F]),
    (HallUpdate, [U, F, F, A, A, F, F, F, F]),
    (HallCounterSet, [U, F, F, A, A, F, F, F, F]),
    (HallCounterRemove, [U, F, F, A, A, F, F, F, F]),
    (HallBusinessSet, [U, F, F, A, A, F, F, F, F]),
    (DisplaySettingsUpdate, [U, F, F, A, A, F, F, F, F]),
    (DisplayList, [U, F, F, A, A, F, F, F, F]),
    (DisplayCreate, [U, F, F, A, A, F, F, F, F]),
    (DisplayRevoke, [U, F, F, A, A, F, F, F, F]),
    (DeviceHeartbeat, [A, A, A, A, A, A, A, A, A]),
    (PosterList, [A, A, A, A, A, A, A, A, A]),
    (PosterImage, [A, A, A, A, A, A, A, A, A]),
    (OutageList, [A, A, A, A, A, A, A, A, A]),
    (StaffPosterList, [U, F, F, A, A, F, F, F, F]),
    (PosterCreate, [U, F, F, A, A, F, F, F, F]),
    (PosterUpdate, [U, F, F, A, A, F, F, F, F]),
    (PosterWithdraw, [U, F, F, A, A, F, F, F, F]),
    (PosterImageUpload, [U, F, F, A, A, F, F, F, F]),
    (StaffOutageList, [U, F, F, A, A, F, F, F, F]),
    (OutageCreate, [U, F, F, A, A, F, F, F, F]),
    (OutageWithdraw, [U, F, F, A, A, F, F, F, F]),
    (VideoAsk, [A, A, A, A, A, A, A, A, A]),
    (VideoStatus, [A, A, A, A, A, A, A, A, A]),
    (VideoCancel, [A, A, A, A, A, A, A, A, A]),
    (VideoCallback, [A, A, A, A, A, A, A, A, A]),
    (VideoRoom, [A, A, A, A, A, A, A, A, A]),
    (VideoFileUpload, [A, A, A, A, A, A, A, A, A]),
    (VideoFile, [A, A, A, A, A, A, A, A, A]),
    (VideoRate, [A, A, A, A, A, A, A, A, A]),
    (VideoCallsMine, [U, A, F, F, F, F, F, F, F]),
    (VideoAccept, [U, F, A, A, A, F, F, F, F]),
    (VideoTransfer, [U, F, A, A, A, F, F, F, F]),
    (VideoEnd, [U, F, A, A, A, F, F, F, F]),
    (VideoDesk, [U, F, A, A, A, F, F, F, F]),
    (VideoPresence, [U, F, A, A, A, F, F, F, F]),
    (CallbackList, [U, F, A, A, A, F, F, F, F]),
    (CallbackDone, [U, F, A, A, A, F, F, F, F]),
    (ThreadList, [U, A, A, A, A, F, F, F, F]),
    (ThreadCreate, [U, A, F, F, F, F, F, F, F]),
    (ThreadGet, [U, A, A, A, A, F, F, F, F]),
    (ThreadPost, [U, A, A, A, A, F, F, F, F]),
    (ThreadFileUpload, [U, A, A, A, A, F, F, F, F]),
    (ThreadFile, [U, A, A, A, A, F, F, F, F]),
    (ProjectList, [U, A, A, A, A, A, A, A, A]),
    (ProjectCreate, [U, A, F, F, F, F, F, F, F]),
    (ProjectGet, [U, A, A, A, A, A, A, A, A]),
    (ProjectAct, [U, A, A, A, A, A, A, A, A]),
    (ProjectComment, [U, A, A, A, A, A, A, A, A]),
    (ProjectDocumentUpload, [U, A, A, A, A, A, A, A, A]),
    (ProjectDocument, [U, A, A, A, A, A, A, A, A]),
    (ProjectDurationsCsv, [U, F, A, A, A, F, F, F, F]),
    (ProjectOnTime, [U, F, A, A, A, F, F, F, F]),
    (ReminderRun, [U, F, F, F, A, F, F, F, F]),
    (BillNoticeRun, [U, F, F, F, A, F, F, F, F]),
    (InboxList, [U, A, A, A, A, A, A, A, A]),
    (InboxRead, [U, A, A, A, A, A, A, A, A]),
    (InboxUnread, [U, A, A, A, A, A, A, A, A]),
    (InboxReadOne, [U, A, A, A, A, A, A, A, A]),
    (OutboxList, [U, F, F, F, A, F, F, F, F]),
    (OutboxDeliver, [U, F, F, F, A, F, F, F, F]),
    (OutboxArchive, [U, F, F, F, A, F, F, F, F]),
    (TicketHistoryArchive, [U, F, F, F, A, F, F, F, F]),
    (UtilityAccountList, [U, A, F, F, F, F, F, F, F]),
    (UtilityAccountBind, [U, A, F, F, F, F, F, F, F]),
    (UtilityAccountUnbind, [U, A, F, F, F, F, F, F, F]),
    (BillList, [U, A, F, F, F, F, F, F, F]),
    (UsageGet, [U, A, F, F, F, F, F, F, F]),
    (LedgerGet, [U, A, F, F, F, F, F, F, F]),
    (BillGet, [U, A, F, F, F, F, F, F, F]),
    (PaymentCreate, [U, A, F, F, F, F, F, F, F]),
    (PaymentGet, [U, A, F, F, F, F, F, F, F]),
    (PaymentSandbox, [U, A, F, F, F, F, F, F, F]),
    (PaymentNotify, [A, A, A, A, A, A, A, A, A]),
    (ReceiptGet, [A, A, A, A, A, A, A, A, A]),
    (KioskVisitStart, [A, A, A, A, A, A, A, A, A]),
    (KioskVisitEnd, [A, A, A, A, A, A, A, A, A]),
    (KioskAccountGet, [A, A, A, A, A, A, A, A, A]),
    (KioskPaymentCreate, [A, A, A, A, A, A, A, A, A]),
    (KioskPaymentGet, [A, A, A, A, A, A, A, A, A]),
    (KioskPaymentSandbox, [A, A, A, A, A, A, A, A, A]),
    (KioskApplicationCreate, [A, A, A, A, A, A, A, A, A]),
    (KioskApplicationDocumentUpload, [A, A, A, A, A, A, A, A, A]),
    (ApplicationCreate, [U, A, F, F, F, F, F, F, F]),
    (ApplicationRate, [U, A, F, F, F, F, F, F, F]),
    (WorkOrderCreate, [U, A, A, A, A, F, F, F, F]),
    (CallerFind, [U, F, A, A, A, F, F, F, F]),
    (CaseContactList, [U, A, A, A, A, A, A, A, A]),
    (CaseContactLink, [U, F, A, A, A, F, F, F, F]),
    (ApplicationList, [U, A, A, A, A, F, F, F, F]),
    (ApplicationGet, [U, A, A, A, A, F, F, F, F]),
    (ApplicationAct, [U, A, A, A, A, F, F, F, F]),
    (ApplicationDocumentUpload, [U, A, A, A, A, F, F, F, F]),
    (ApplicationDocument, [U, A, A, A, A, F, F, F, F]),
    (WorkOrderList, [U, A, A, A, A, F, F, F, F]),
    (WorkOrderGet, [U, A, A, A, A, F, F, F, F]),
    (WorkOrderAct, [U, A, A, A, A, F, F, F, F]),
    (WorkOrderPhotoUpload, [U, A, A, A, A, F, F, F, F]),
    (WorkOrderPhoto, [U, A, A, A, A, F, F, F, F]),
    (WorkOrderTermList, [A, A, A, A, A, A, A, A, A]),
    (WorkOrderTermUpdate, [U, F, F, F, A, F, F, F, F]),
    (EscalationList, [U, F, A, A, A, F, F, F, F]),
    (RepairTimes, [U, F, A, A, A, F, F, F, F]),
    (EscalationRun, [U, F, F, F, A, F, F, F, F]),
    (DepartmentHeadList, [U, F, F, F, A, F, F, F, F]),
    (DepartmentHeadSet, [U, F, F, F, A, F, F, F, F]),
    (OpsDashboard, [U, F, F, A, A, F, F, F, F]),
    (LiveWait, [A, A, A, A, A, A, A, A, A]),
    (OpenApi, [A, A, A, A, A, A, A, A, A]),
];

const COLUMNS: [Option<Role>; 9] = [
    None,
    Some(Customer),
    Some(HallStaff),
    Some(HallManager),
    Some(Admin),
    Some(Design),
    Some(Construction),
    Some(Test),
    Some(Supervision),
];

#[test]
fn table_matches_policy_in_every_cell() {
    for (endpoint, row) in TABLE {
        for (role, expected) in COLUMNS.iter().zip(row) {
            assert_eq!(
                decide(*role, *endpoint),
                *expected,
                "{endpoint:?} as {role:?}"
            );
        }
    }
}

#[test]
fn table_covers_every_endpoint_once() {
    for endpoint in Endpoint::ALL {
        let rows = TABLE.iter().filter(|(e, _)| e == endpoint).count();
        assert_eq!(
            rows, 1,
            "{endpoint:?} must have exactly one row in the table"
        );
    }
    assert_eq!(TABLE.len(), Endpoint::ALL.len());
}

#[test]
fn columns_cover_every_role() {
    for role in Role::ALL {
        assert!(COLUMNS.contains(&Some(role)), "{role:?} has no column");
    }
}

fn actor(role: Role, hall: Option<&str>) -> Actor {
    Actor {
        user_id: 1,
        role,
        hall_id: hall.map(str::to_string),
        firm_id: None,
    }
}

#[test]
fn managers_edit_only_their_own_halls_notices() {
    let manager = actor(HallManager, Some("xinghu"));
    assert!(may_manage_notice(&manager, Some("xinghu")));
    assert!(!may_manage_notice(&manager, Some("binjiang")));
    assert!(
        !may_manage_notice(&manager, None),
        "city-wide notices are the admin's"
    );
    let admin = actor(Admin, None);
    assert!(may_manage_notice(&admin, Some("xinghu")));
    assert!(may_manage_notice(&admin, None));
    for role in [Customer, HallStaff, Design, Construction, Test, Supervision] {
        assert!(
            !may_manage_notice(&actor(role, Some("xinghu")), Some("xinghu")),
            "{role:?}"
        );
    }
}

#[test]
fn content_for_several_halls_or_every_hall_is_the_admins() {
    let halls = |list: &[&str]| list.iter().map(|h| h.to_string()).collect::<Vec<_>>();
    let manager = actor(HallManager, Some("xinghu"));
    assert!(may_publish_for(&manager, &halls(&["xinghu"])));
    assert!(!may_publish_for(&manager, &halls(&["xinghu", "gaoxin"])));
    assert!(!may_publish_for(&manager, &halls(&["gaoxin"])));
    assert!(!may_publish_for(&manager, &[]), "every hall");
    let admin = actor(Admin, None);
    assert!(may_publish_for(&admin, &halls(&["xinghu", "gaoxin"])));
    assert!(may_publish_for(&admin, &[]));
    for role in [Customer, HallStaff, Design] {
        assert!(!may_publish_for(
            &actor(role, Some("xinghu")),
            &halls(&["xinghu"])
        ));
    }
}

#[test]
fn staff_work_only_at_their_own_halls_counters() {
    assert!(may_work_hall(&actor(HallStaff, Some("xinghu")), "xinghu"));
    assert!(may_work_hall(&actor(HallManager, Some("xinghu")), "xinghu"));
    assert!(!may_work_hall(&actor(HallStaff, Some("xinghu")), "gaoxin"));
    assert!(may_work_hall(&actor(Admin, None), "gaoxin"));
    for role in [Customer, Design, Construction, Test, Supervision] {
        assert!(
            !may_work_hall(&actor(role, Some("xinghu")), "xinghu"),
            "{role:?}"
        );
    }
}

#[test]
fn managers_run_only_their_own_hall() {
    assert!(may_manage_hall(
        &actor(HallManager, Some("xinghu")),
        "xinghu"
    ));
    assert!(!may_manage_hall(
        &actor(HallManager, Some("xinghu")),
        "gaoxin"
    ));
    assert!(!may_manage_hall(
        &actor(HallStaff, Some("xinghu")),
        "xinghu"
    ));
    assert!(may_manage_hall(&actor(Admin, None), "gaoxin"));
}

#[test]
fn the_console_lists_a_managers_hall_and_everything_for_the_admin() {
    assert_eq!(
        console_hall(&actor(HallManager, Some("xinghu"))),
        Some("xinghu")
    );
    assert_eq!(console_hall(&actor(Admin, Some("xinghu"))), None);
}

#[test]
fn a_consultation_is_its_customers_and_every_agents() {
    assert!(may_read_thread(&actor(Customer, None), 1));
    let mut other = actor(Customer, None);
    other.user_id = 2;
    assert!(!may_read_thread(&other, 1));
    assert!(may_read_thread(&actor(HallStaff, Some("gaoxin")), 1));
    assert!(!may_read_thread(&actor(Design, None), 1));
}

/// Who sees project 1 of customer 10 in xinghu, with design firm 1 and test firm 5 chosen.
#[test]
fn each_party_sees_only_its_projects() {
    let project = ProjectParties {
        customer_id: 10,
        hall_id: "xinghu",
        firm_ids: &[1, 5],
    };
    let person = |role: Role, user_id: i64, hall: Option<&str>, firm: Option<i64>| Actor {
        user_id,
        role,
        hall_id: hall.map(str::to_string),
        firm_id: firm,
    };
    let cases = [
        (person(Customer, 10, None, None), true),
        (person(Customer, 11, None, None), false),
        (person(HallStaff, 2, Some("xinghu"), None), true),
        (person(HallManager, 3, Some("xinghu"), None), true),
        (person(HallStaff, 4, Some("gaoxin"), None), false),
        (person(HallManager, 5, Some("gaoxin"), None), false),
        (person(Admin, 6, None, None), true),
        (person(Design, 7, None, Some(1)), true),
        (person(Design, 8, None, Some(2)), false),
        (person(Test, 9, None, Some(5)), true),
        (person(Construction, 12, None, Some(3)), false),
        (person(Supervision, 13, None, Some(6)), false),
        (person(Supervision, 14, None, None), false),
    ];
    for (actor, sees) in cases {
        assert_eq!(may_see_project(&actor, &project), sees, "{actor:?}");
    }
}

#[test]
fn a_case_is_its_customers_their_halls_and_the_admins() {
    let actor = |role: Role, user_id: i64, hall: Option<&str>| Actor {
        user_id,
        role,
        hall_id: hall.map(str::to_string),
        firm_id: Some(1),
    };
    assert!(may_see_case(&actor(Customer, 10, None), 10, "xinghu"));
    assert!(!may_see_case(&actor(Customer, 11, None), 10, "xinghu"));
    assert!(may_see_case(
        &actor(HallStaff, 2, Some("xinghu")),
        10,
        "xinghu"
    ));
    assert!(!may_see_case(
        &actor(HallManager, 3, Some("gaoxin")),
        10,
        "xinghu"
    ));
    assert!(may_see_case(&actor(Admin, 4, None), 10, "xinghu"));
    assert!(!may_see_case(&actor(Design, 5, None), 10, "xinghu"));
}
