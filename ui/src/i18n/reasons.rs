//! The words for every refusal: `domain::Reason` to its message. The match has no fallback, so
//! a reason added to the domain does not compile until it is worded here.

use super::Msg;
use domain::{ApiError, ErrorCode, Reason};

/// What to tell a person about `err`: its reason, made more precise by the field where one
/// reason covers fields with wordings of their own.
pub fn error_msg(err: &ApiError) -> Msg {
    match (err.reason, err.field.as_deref()) {
        (Reason::Text, Some("address" | "address_en")) => Msg::ErrAddress,
        (Reason::Text, Some("note")) => Msg::ErrSpecialNote,
        (Reason::Text, Some("reason")) => Msg::ErrSuspendReason,
        (Reason::Text, Some("grade" | "qualification_no" | "contact")) => Msg::ErrFirmField,
        (Reason::DateRange, Some("from" | "to")) => Msg::ErrFromAfterTo,
        (Reason::DateRange, Some("tmax")) => Msg::ErrTmax,
        (Reason::Unknown, _) => code_msg(err.code),
        (reason, _) => reason_msg(reason),
    }
}

/// A reason this build does not know, worded by its code.
fn code_msg(code: ErrorCode) -> Msg {
    match code {
        ErrorCode::Unauthenticated => Msg::PleaseLogin,
        ErrorCode::Forbidden => Msg::ErrForbidden,
        ErrorCode::NotFound => Msg::ErrNotFound,
        ErrorCode::Conflict => Msg::ErrStale,
        ErrorCode::RateLimited => Msg::ErrTooMany,
        ErrorCode::PayloadTooLarge => Msg::ErrTooLarge,
        ErrorCode::Unreachable => Msg::ErrNetwork,
        ErrorCode::InvalidJson | ErrorCode::Validation | ErrorCode::MethodNotAllowed => {
            Msg::ErrBadField
        }
        ErrorCode::Internal => Msg::ErrServer,
    }
}

pub fn reason_msg(reason: Reason) -> Msg {
    use Reason as R;
    match reason {
        R::InvalidJson
        | R::BadField
        | R::WebSocketOnly
        | R::BadSignal
        | R::MethodNotAllowed
        | R::PaymentSignature => Msg::ErrBadField,
        R::Phone => Msg::ErrPhone,
        R::HallPhone => Msg::ErrHallPhone,
        R::Password => Msg::ErrPassword,
        R::WrongPassword => Msg::ErrWrongPassword,
        R::Name => Msg::ErrName,
        R::Login => Msg::ErrLogin,
        R::AccountNumber => Msg::ErrAccountNumber,
        R::AccountMismatch => Msg::ErrAccountBind,
        R::AccountChoice => Msg::ErrAccountChoice,
        R::IdNumber => Msg::ErrIdNumber,
        R::Email => Msg::ErrEmail,
        R::HallChoice => Msg::ErrHallChoice,
        R::RoleSetup => Msg::ErrRoleSetup,
        R::FirmKindFixed => Msg::ErrFirmKindFixed,
        R::Text => Msg::ErrText,
        R::Date => Msg::ErrDate,
        R::DayHours => Msg::ErrDayHours,
        R::DateRange => Msg::ErrEndBeforeStart,
        R::PeriodTooLong => Msg::ErrPeriodTooLong,
        R::Business => Msg::ErrBusiness,
        R::Prefix => Msg::ErrPrefix,
        R::ServiceMinutes => Msg::ErrServiceMinutes,
        R::DailyCap => Msg::ErrDailyCap,
        R::CounterNumber => Msg::ErrCounterNumber,
        R::Serves => Msg::ErrServes,
        R::TransferTarget => Msg::ErrTransferTarget,
        R::WatchAhead => Msg::ErrWatchAhead,
        R::Stars => Msg::ErrStars,
        R::SlotPassed => Msg::ErrSlotPassed,
        R::BeyondHorizon => Msg::ErrBeyondHorizon,
        R::NotASlot => Msg::ErrNotASlot,
        R::UseBooking => Msg::ErrUseBooking,
        R::Code => Msg::ErrCode,
        R::AppointmentCodeFormat | R::AppointmentCode => Msg::ErrAppointmentCode,
        R::OutageNotice => Msg::ErrOutageNotice,
        R::PosterEmpty => Msg::ErrPosterEmpty,
        R::UploadFirst => Msg::ErrUploadFirst,
        R::FileType => Msg::ErrFileType,
        R::FileEmpty => Msg::ErrFileEmpty,
        R::PushSubscription | R::PushRefused => Msg::ErrPush,
        R::PaymentChoice => Msg::ErrPaymentChoice,
        R::Capacity => Msg::ErrCapacity,
        R::ResidentialOnly => Msg::ErrResidentialOnly,
        R::BusinessOnly => Msg::ErrBusinessOnly,
        R::SamePlan => Msg::ErrSamePlan,
        R::SuspendMonths => Msg::ErrSuspendMonths,
        R::DocumentsMissing => Msg::ErrDocumentsMissing,
        R::DocumentChoice => Msg::ErrDocumentChoice,
        R::FirmChoice => Msg::ErrFirmChoice,
        R::FirmUnavailable => Msg::ErrFirmUnavailable,
        R::QualificationExpired => Msg::ErrFirmExpires,
        R::CommitmentMinutes => Msg::ErrCommitmentMinutes,
        R::PasswordsDiffer => Msg::PasswordsDiffer,
        R::LoginRequired => Msg::PleaseLogin,
        R::WrongLogin => Msg::ErrWrongLogin,
        R::PhoneOrLogin => Msg::ErrPhoneOrLogin,
        R::RoleForbidden => Msg::ErrForbidden,
        R::OtherHall => Msg::ErrOtherHall,
        R::NotYours => Msg::ErrNotYours,
        R::CustomerOnly => Msg::ErrCustomerOnly,
        R::StaffOnly => Msg::ErrStaffOnly,
        R::ManagerOnly => Msg::ErrManagerOnly,
        R::KioskNotPaired => Msg::KioskUnpaired,
        R::OtherClerk => Msg::ErrOtherClerk,
        R::OtherAgent => Msg::ErrOtherAgent,
        R::NotAParty => Msg::ErrNotAParty,
        R::NotInCall => Msg::ErrNotInCall,
        R::CrossSite => Msg::ErrCrossSite,
        R::NotFound | R::UnknownEndpoint => Msg::ErrNotFound,
        R::NoTicketForPhone => Msg::ErrNoTicketForPhone,
        R::NoAccountsForPhone => Msg::ErrNoAccountsForPhone,
        R::KioskVisitOver => Msg::ErrKioskVisitOver,
        R::NobodyWaiting => Msg::ErrNobodyWaiting,
        R::AlreadyHoldsTicket => Msg::ErrAlreadyHoldsTicket,
        R::HallClosed => Msg::ErrHallClosed,
        R::NumbersGone => Msg::NumbersGoneHint,
        R::TicketNotWaiting => Msg::ErrTicketNotWaiting,
        R::TicketDone => Msg::ErrTicketDone,
        R::NothingToTell => Msg::ErrNothingToTell,
        R::NoPriorityToConfirm => Msg::ErrNoPriority,
        R::NotServed => Msg::ErrNotServed,
        R::AlreadyRated => Msg::ErrAlreadyRated,
        R::CounterBusy => Msg::ErrCounterBusy,
        R::CounterClosed => Msg::ErrCounterClosed,
        R::CounterPaused => Msg::ErrCounterPaused,
        R::LastCounter => Msg::ErrLastCounter,
        R::CallAgainFirst => Msg::ErrCallAgainFirst,
        R::MarkNoShow => Msg::ErrMarkNoShow,
        R::CallCooldown => Msg::ErrCallCooldown,
        R::NotAtCounter => Msg::ErrNotAtCounter,
        R::Early => Msg::ErrEarly,
        R::AppointmentReleased => Msg::ErrAppointmentReleased,
        R::AppointmentNotBooked => Msg::ErrAppointmentNotBooked,
        R::AlreadyBooked => Msg::ErrAlreadyBooked,
        R::SlotFull => Msg::ErrSlotFull,
        R::Stale | R::ProjectStep | R::RoomOpen => Msg::ErrStale,
        R::Withdrawn => Msg::ErrWithdrawn,
        R::AlreadyDone => Msg::ErrAlreadyDone,
        R::Ended => Msg::ErrEnded,
        R::NotEnded => Msg::ErrNotEnded,
        R::Duplicate => Msg::ErrDuplicate,
        R::PhoneTaken => Msg::ErrTaken,
        R::AlreadyBound => Msg::ErrAlreadyBound,
        R::BindLimit => Msg::ErrBindLimit,
        R::BillPaid => Msg::ErrBillPaid,
        R::PaymentKeyReused | R::GatewayOnly => Msg::ErrPaymentAgain,
        R::DocumentsNeeded => Msg::ErrDocumentsNeeded,
        R::DocumentsClosed => Msg::ErrDocumentsClosed,
        R::FileLimit => Msg::ErrFileLimit,
        R::CallbackFirst => Msg::ErrCallbackFirst,
        R::Outcome => Msg::ErrOutcome,
        R::Channel => Msg::ErrChannel,
        R::CaseNumber => Msg::ErrCaseNumber,
        R::NotFinished => Msg::ErrNotFinished,
        R::Assignee => Msg::ErrAssignee,
        R::NoContact => Msg::ErrNoContact,
        R::Caller => Msg::ErrCaller,
        R::CallerQuery => Msg::ErrCallerQuery,
        R::FirmAccepted => Msg::ErrFirmAccepted,
        R::TooLateToDecline => Msg::ErrTooLateToDecline,
        R::EnergizeNeedsAcceptance => Msg::ErrEnergize,
        R::AlreadyWaiting => Msg::ErrAlreadyWaiting,
        R::RequestNotWaiting => Msg::ErrRequestNotWaiting,
        R::NoCallInProgress => Msg::ErrNoCall,
        R::AgentUnavailable => Msg::ErrAgentUnavailable,
        R::AlreadyWithAgent => Msg::ErrAlreadyWithAgent,
        R::ChatFull => Msg::ErrChatFull,
        R::FinishCallFirst => Msg::ErrFinishCallFirst,
        R::SetAvailableFirst => Msg::ErrSetAvailableFirst,
        R::TooLarge => Msg::ErrTooLarge,
        R::TooManyLogins => Msg::ErrRateLimited,
        R::TooManyCodes => Msg::ErrTooManyCodes,
        R::CodeTooSoon => Msg::ErrCodeTooSoon,
        R::CodesFromNetwork => Msg::ErrCodesFromNetwork,
        R::TooManyRequests => Msg::ErrTooManyRequests,
        R::TooManyBindAttempts => Msg::ErrTooManyBindAttempts,
        R::Internal | R::Unknown => Msg::ErrServer,
        R::Network => Msg::ErrNetwork,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every reason the server can give has words in both languages, and they differ (a
    /// Chinese text that is really the English one is a missing translation).
    #[test]
    fn every_reason_is_worded_in_both_languages() {
        for &reason in Reason::ALL {
            let msg = reason_msg(reason);
            let (zh, en) = (msg.text(Lang::Zh), msg.text(Lang::En));
            assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{reason:?}");
            assert_ne!(zh, en, "{reason:?} has no Chinese wording");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{reason:?}: {zh}"
            );
        }
    }

    #[test]
    fn a_reason_from_a_newer_server_is_worded_by_its_code() {
        let err: ApiError = serde_json::from_value(serde_json::json!({
            "code": "conflict", "reason": "something_new", "message": "in English"
        }))
        .unwrap();
        assert_eq!(error_msg(&err), Msg::ErrStale);
    }
}
