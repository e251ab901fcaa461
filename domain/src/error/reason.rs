//! Why a request was refused, as a word a program reads: the apps word each reason in the
//! user's language from their i18n table, and never read the English `message`. Each reason
//! belongs to one `ErrorCode`, so it also fixes the HTTP status.

use super::ErrorCode;
use serde::{Deserialize, Serialize};

macro_rules! reasons {
    ($($code:ident: $($reason:ident),+;)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Reason {
            $($($reason,)+)+
            /// A reason this build does not know (a newer server): worded by its code.
            #[serde(other)]
            Unknown,
        }

        impl Reason {
            /// Every reason, for the wording test and the API contract.
            pub const ALL: &'static [Reason] = &[$($(Reason::$reason,)+)+];

            pub fn code(self) -> ErrorCode {
                match self {
                    $($(Reason::$reason)|+ => ErrorCode::$code,)+
                    Reason::Unknown => ErrorCode::Internal,
                }
            }
        }
    };
}

reasons! {
    InvalidJson: InvalidJson;
    Validation:
        // The shape of the request.
        BadField, WebSocketOnly, BadSignal,
        // People and accounts.
        Phone, HallPhone, Password, WrongPassword, Name, Login, AccountNumber, AccountMismatch,
        AccountChoice, IdNumber, Email, HallChoice, RoleSetup, FirmKindFixed,
        // Texts, dates and times.
        Text, Date, DayHours, DateRange, PeriodTooLong,
        // Queue and appointments.
        Business, Prefix, ServiceMinutes, DailyCap, CounterNumber, Serves, TransferTarget,
        WatchAhead, Stars, SlotPassed, BeyondHorizon, NotASlot, UseBooking, Code,
        AppointmentCodeFormat,
        // Content and files.
        OutageNotice, PosterEmpty, UploadFirst, FileType, FileEmpty, PushSubscription,
        // Bills, applications, projects, firms.
        PaymentChoice, PaymentSignature, Capacity, ResidentialOnly, BusinessOnly, SamePlan,
        SuspendMonths, DocumentsMissing, DocumentChoice, FirmChoice, FirmUnavailable,
        QualificationExpired, CommitmentMinutes, Outcome,
        // Cases staff take for a caller.
        Channel, Caller, CallerQuery, Assignee, CaseNumber,
        // Made by the apps themselves, never sent by the server.
        PasswordsDiffer, PushRefused;
    Unauthenticated: LoginRequired, WrongLogin, PhoneOrLogin, KioskVisitOver;
    Forbidden:
        RoleForbidden, OtherHall, NotYours, CustomerOnly, StaffOnly, ManagerOnly, KioskNotPaired,
        OtherClerk, OtherAgent, NotAParty, NotInCall, CrossSite;
    NotFound:
        NotFound, UnknownEndpoint, AppointmentCode, NoTicketForPhone, NobodyWaiting,
        NoAccountsForPhone;
    MethodNotAllowed: MethodNotAllowed;
    Conflict:
        // Queue and counters.
        AlreadyHoldsTicket, HallClosed, NumbersGone, TicketNotWaiting, TicketDone,
        NothingToTell, NoPriorityToConfirm, NotServed, AlreadyRated, CounterBusy,
        CounterClosed, CounterPaused, LastCounter, CallAgainFirst, MarkNoShow, CallCooldown,
        NotAtCounter,
        // Appointments.
        Early, AppointmentReleased, AppointmentNotBooked, AlreadyBooked, SlotFull,
        // Any record.
        Stale, Withdrawn, AlreadyDone, Ended, NotEnded, Duplicate, PhoneTaken,
        // Bills and accounts.
        AlreadyBound, BindLimit, BillPaid, PaymentKeyReused, GatewayOnly,
        // Applications, work orders, projects.
        DocumentsNeeded, DocumentsClosed, FileLimit, CallbackFirst, NoContact, NotFinished, ProjectStep, FirmAccepted, TooLateToDecline,
        EnergizeNeedsAcceptance,
        // Video help.
        AlreadyWaiting, RequestNotWaiting, NoCallInProgress, AgentUnavailable, AlreadyWithAgent,
        ChatFull, FinishCallFirst, SetAvailableFirst, RoomOpen;
    PayloadTooLarge: TooLarge;
    RateLimited:
        TooManyLogins, TooManyCodes, CodeTooSoon, CodesFromNetwork, TooManyRequests,
        TooManyBindAttempts;
    Internal: Internal;
    Unreachable: Network;
}

impl Reason {
    /// The reason a validation error about `field` has unless its site names another: most
    /// fields fail one way, and the form wording for that field says how to fill it.
    pub fn for_field(field: &str) -> Reason {
        match field {
            "phone" => Reason::Phone,
            "password" | "new_password" => Reason::Password,
            "current_password" => Reason::WrongPassword,
            "name" => Reason::Name,
            "login" => Reason::Login,
            "number" | "holder_name" => Reason::AccountNumber,
            "account" => Reason::AccountChoice,
            "id_number" => Reason::IdNumber,
            "email" => Reason::Email,
            "hall_id" => Reason::HallChoice,
            "role" | "firm_id" => Reason::RoleSetup,
            "date" | "period" | "start_on" => Reason::Date,
            "open" | "close" | "hours" => Reason::DayHours,
            "ends_at" | "from" | "tmax" => Reason::DateRange,
            "business" => Reason::Business,
            "prefix" => Reason::Prefix,
            "service_minutes" => Reason::ServiceMinutes,
            "daily_cap" => Reason::DailyCap,
            "counter" => Reason::CounterNumber,
            "serves" => Reason::Serves,
            "to" => Reason::TransferTarget,
            "ahead_at" => Reason::WatchAhead,
            "stars" => Reason::Stars,
            "code" => Reason::Code,
            "urgent" => Reason::OutageNotice,
            "image_key" => Reason::UploadFirst,
            "file" | "image" => Reason::FileType,
            "endpoint" | "keys.p256dh" | "keys.auth" => Reason::PushSubscription,
            "bill_ids" | "top_up_fen" => Reason::PaymentChoice,
            "x-signature" => Reason::PaymentSignature,
            "capacity_kva" => Reason::Capacity,
            "months" => Reason::SuspendMonths,
            "plan" => Reason::SamePlan,
            "documents" => Reason::DocumentsMissing,
            "replaces" => Reason::DocumentChoice,
            "firms" => Reason::FirmChoice,
            "qualification_expires" => Reason::QualificationExpired,
            "minutes" | "limit" => Reason::CommitmentMinutes,
            "outcome" => Reason::Outcome,
            "signal" | "points" | "colour" => Reason::BadSignal,
            "title" | "body" | "text" | "subject" | "summary" | "topic" | "comment" | "reason"
            | "note" | "address" | "address_en" | "contact" | "grade" | "qualification_no"
            | "description" | "location" | "name_en" | "reply" | "transit" | "parking" => {
                Reason::Text
            }
            _ => Reason::BadField,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_travel_as_snake_case_words_and_unknown_ones_are_kept() {
        assert_eq!(
            serde_json::to_value(Reason::SlotFull).unwrap(),
            serde_json::json!("slot_full")
        );
        let later: Reason = serde_json::from_value(serde_json::json!("added_later")).unwrap();
        assert_eq!(later, Reason::Unknown);
    }

    #[test]
    fn every_reason_is_listed_once_and_field_reasons_are_validation() {
        let mut seen = std::collections::HashSet::new();
        for reason in Reason::ALL {
            assert!(seen.insert(reason), "{reason:?} twice");
        }
        for field in ["phone", "title", "unknown_field", "to", "date"] {
            assert_eq!(Reason::for_field(field).code(), ErrorCode::Validation);
        }
    }
}
