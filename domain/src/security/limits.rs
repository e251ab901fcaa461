//! Limits on what may be done without signing in (and on guessing, signed in or not): each
//! limit counts requests, or failed ones, per network address, mobile number, login or user,
//! in a window, in one store (the Worker's `login_failures` table) and with one wording:
//! "too many …; try again in N minute(s)", 429. The API contract lists each endpoint's limits
//! from this table.

use crate::accounts::{Throttle, ACCOUNT_THROTTLE, IP_THROTTLE};
use crate::queue::appointments::CODE_THROTTLE;
use crate::queue::remote::{CODES_PER_ADDRESS, CODES_PER_PHONE, CODE_GAP, WRONG_CODES};
use crate::routes::Endpoint;
use crate::Reason;

/// What a limit is counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// The caller's network address, as Cloudflare reports it.
    Address,
    /// The mobile number the request is for.
    Phone,
    /// The login name tried.
    Login,
    /// The signed-in user.
    User,
}

/// Which requests a limit counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Every request, granted or not.
    Every,
    /// Only refused ones (a wrong password, a wrong code, an account that does not match).
    Failure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// The prefix of its keys in the store; unique per limit.
    pub name: &'static str,
    pub per: Per,
    pub counted: Counted,
    pub throttle: Throttle,
    pub reason: Reason,
    /// What is counted, for the refusal: "too many {what}".
    pub what: &'static str,
}

const HOUR_MS: i64 = 60 * 60 * 1000;

impl Limit {
    /// The store's key for `subject` (an address, a number, a login or a user id).
    pub fn key(&self, subject: &str) -> String {
        format!("{}:{subject}", self.name)
    }

    /// The message of a refusal that ends in `secs` seconds.
    pub fn refusal(&self, secs: i64) -> String {
        let minutes = (secs + 59) / 60;
        format!("too many {}; try again in {minutes} minute(s)", self.what)
    }

    /// "at most 10 registrations from this network in 60 minutes (per network address;
    /// too_many_requests)", for the contract.
    pub fn describe(&self) -> String {
        let per = match self.per {
            Per::Address => "network address",
            Per::Phone => "mobile number",
            Per::Login => "login",
            Per::User => "signed-in user",
        };
        let minutes = self.throttle.window_ms / 60_000;
        format!(
            "at most {} {} in {minutes} minutes (per {per}; {})",
            self.throttle.max_failures,
            self.what,
            crate::wire::wire_name(&self.reason)
        )
    }
}

pub const LOGINS_PER_ACCOUNT: Limit = Limit {
    name: "account",
    per: Per::Login,
    counted: Counted::Failure,
    throttle: ACCOUNT_THROTTLE,
    reason: Reason::TooManyLogins,
    what: "failed logins",
};
pub const LOGINS_PER_ADDRESS: Limit = Limit {
    name: "ip",
    per: Per::Address,
    counted: Counted::Failure,
    throttle: IP_THROTTLE,
    reason: Reason::TooManyLogins,
    what: "failed logins",
};
pub const REGISTRATIONS_PER_ADDRESS: Limit = Limit {
    name: "register-ip",
    per: Per::Address,
    counted: Counted::Every,
    throttle: Throttle {
        max_failures: 10,
        window_ms: HOUR_MS,
    },
    reason: Reason::TooManyRequests,
    what: "registrations from this network",
};
pub const CODE_GAP_PER_PHONE: Limit = Limit {
    name: "code-gap",
    per: Per::Phone,
    counted: Counted::Every,
    throttle: CODE_GAP,
    reason: Reason::CodeTooSoon,
    what: "codes for this number",
};
pub const CODES_PER_PHONE_DAY: Limit = Limit {
    name: "code-day",
    per: Per::Phone,
    counted: Counted::Every,
    throttle: CODES_PER_PHONE,
    reason: Reason::CodeTooSoon,
    what: "codes for this number today",
};
pub const CODES_PER_ADDRESS_DAY: Limit = Limit {
    name: "code-ip",
    per: Per::Address,
    counted: Counted::Every,
    throttle: CODES_PER_ADDRESS,
    reason: Reason::CodesFromNetwork,
    what: "codes from this network today",
};
pub const WRONG_CODES_PER_PHONE: Limit = Limit {
    name: "code-wrong",
    per: Per::Phone,
    counted: Counted::Failure,
    throttle: WRONG_CODES,
    reason: Reason::TooManyCodes,
    what: "wrong codes",
};
/// Remote and signed-in check-ins; the hall's paired kiosk and its staff are not counted.
pub const TICKETS_PER_ADDRESS: Limit = Limit {
    name: "ticket-ip",
    per: Per::Address,
    counted: Counted::Every,
    throttle: Throttle {
        max_failures: 30,
        window_ms: HOUR_MS,
    },
    reason: Reason::TooManyRequests,
    what: "numbers taken from this network",
};
pub const WRONG_BOOKING_CODES: Limit = Limit {
    name: "booking-code-ip",
    per: Per::Address,
    counted: Counted::Failure,
    throttle: CODE_THROTTLE,
    reason: Reason::TooManyCodes,
    what: "wrong booking codes",
};
pub const VIDEO_PER_ADDRESS: Limit = Limit {
    name: "video-ip",
    per: Per::Address,
    counted: Counted::Every,
    throttle: Throttle {
        max_failures: 20,
        window_ms: HOUR_MS,
    },
    reason: Reason::TooManyRequests,
    what: "video help requests from this network",
};
pub const VIDEO_PER_PHONE: Limit = Limit {
    name: "video-phone",
    per: Per::Phone,
    counted: Counted::Every,
    throttle: Throttle {
        max_failures: 10,
        window_ms: 24 * HOUR_MS,
    },
    reason: Reason::TooManyRequests,
    what: "video help requests for this number",
};
pub const BIND_FAILURES_PER_USER: Limit = Limit {
    name: "bind-user",
    per: Per::User,
    counted: Counted::Failure,
    throttle: ACCOUNT_THROTTLE,
    reason: Reason::TooManyBindAttempts,
    what: "account numbers and names that did not match",
};
pub const BIND_FAILURES_PER_ADDRESS: Limit = Limit {
    name: "bind-ip",
    per: Per::Address,
    counted: Counted::Failure,
    throttle: IP_THROTTLE,
    reason: Reason::TooManyBindAttempts,
    what: "account numbers and names that did not match",
};

/// Every limit, for the contract and the test that their names differ.
pub const ALL: [&Limit; 13] = [
    &LOGINS_PER_ACCOUNT,
    &LOGINS_PER_ADDRESS,
    &REGISTRATIONS_PER_ADDRESS,
    &CODE_GAP_PER_PHONE,
    &CODES_PER_PHONE_DAY,
    &CODES_PER_ADDRESS_DAY,
    &WRONG_CODES_PER_PHONE,
    &TICKETS_PER_ADDRESS,
    &WRONG_BOOKING_CODES,
    &VIDEO_PER_ADDRESS,
    &VIDEO_PER_PHONE,
    &BIND_FAILURES_PER_USER,
    &BIND_FAILURES_PER_ADDRESS,
];

/// The limits an endpoint applies.
pub fn of(endpoint: Endpoint) -> &'static [&'static Limit] {
    use Endpoint::*;
    match endpoint {
        Login => &[&LOGINS_PER_ACCOUNT, &LOGINS_PER_ADDRESS],
        Register => &[&REGISTRATIONS_PER_ADDRESS],
        PhoneCodeSend => &[
            &CODE_GAP_PER_PHONE,
            &CODES_PER_PHONE_DAY,
            &CODES_PER_ADDRESS_DAY,
        ],
        TicketCreate => &[&TICKETS_PER_ADDRESS, &WRONG_CODES_PER_PHONE],
        AppointmentArriveByCode => &[&WRONG_BOOKING_CODES],
        VideoAsk => &[&VIDEO_PER_ADDRESS, &VIDEO_PER_PHONE],
        UtilityAccountBind => &[&BIND_FAILURES_PER_USER, &BIND_FAILURES_PER_ADDRESS],
        // At the kiosk the "user" of the binding limit is the kiosk itself.
        KioskVisitStart => &[
            &BIND_FAILURES_PER_USER,
            &BIND_FAILURES_PER_ADDRESS,
            &WRONG_CODES_PER_PHONE,
        ],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn each_limit_has_its_own_keys_and_is_applied_somewhere() {
        let mut names = std::collections::HashSet::new();
        for limit in ALL {
            assert!(names.insert(limit.name), "{} twice", limit.name);
            assert_eq!(
                limit.reason.code(),
                ErrorCode::RateLimited,
                "{}",
                limit.name
            );
            assert!(
                Endpoint::ALL.iter().any(|e| of(*e).contains(&limit)),
                "{} is applied nowhere",
                limit.name
            );
        }
        assert_eq!(
            REGISTRATIONS_PER_ADDRESS.key("10.0.0.1"),
            "register-ip:10.0.0.1"
        );
    }

    #[test]
    fn every_public_write_is_limited() {
        use crate::policy::{audience, Audience};
        use crate::routes::Method;
        // Public writes on something the caller already holds a key to are not counted:
        // a ticket's or a call room's own actions, a kiosk's token, the gateway's signature.
        let keyed = [
            Endpoint::Logout,
            Endpoint::TicketCancel,
            Endpoint::TicketRate,
            Endpoint::TicketWatch,
            Endpoint::PriorityConfirm,
            Endpoint::DeviceHeartbeat,
            Endpoint::VideoCancel,
            Endpoint::VideoCallback,
            Endpoint::VideoFileUpload,
            Endpoint::VideoRate,
            Endpoint::PaymentNotify,
        ];
        let keyed = |e: &Endpoint| keyed.contains(e) || crate::kiosk::VISIT_ENDPOINTS.contains(e);
        for &e in Endpoint::ALL {
            if e.method() != Method::Get && audience(e) == Audience::Public && !keyed(&e) {
                assert!(!of(e).is_empty(), "{e:?} is a public write without a limit");
            }
        }
    }

    #[test]
    fn refusals_and_descriptions_read_plainly() {
        assert_eq!(
            TICKETS_PER_ADDRESS.refusal(61),
            "too many numbers taken from this network; try again in 2 minute(s)"
        );
        assert_eq!(
            REGISTRATIONS_PER_ADDRESS.describe(),
            "at most 10 registrations from this network in 60 minutes (per network address; too_many_requests)"
        );
    }
}
