//! Fair remote tickets: who may take a number from away from the hall, and what they may ask
//! for. A signed-in customer may; anyone else confirms a mobile number with a code sent by SMS,
//! within limits per number and per network address. Priority asked for from home waits as
//! normal until someone at the hall confirms it (see `HallQueue::confirm_priority`).

use super::ticket::{Channel, Priority};
use crate::accounts::Throttle;
use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

/// A code is good for ten minutes, and for one ticket.
pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;
const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// One code a minute per number,
pub const CODE_GAP: Throttle = Throttle {
    max_failures: 1,
    window_ms: 60 * 1000,
};
/// five a day per number (five remote tickets a day without an account),
pub const CODES_PER_PHONE: Throttle = Throttle {
    max_failures: 5,
    window_ms: DAY_MS,
};
/// and twenty a day per network address.
pub const CODES_PER_ADDRESS: Throttle = Throttle {
    max_failures: 20,
    window_ms: DAY_MS,
};
/// Wrong codes for one number before it must wait.
pub const WRONG_CODES: Throttle = Throttle {
    max_failures: 5,
    window_ms: 15 * 60 * 1000,
};

/// Asks for a code to be sent to `phone`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CodeRequest {
    pub phone: String,
}

/// The code was sent; it expires at `expires_at` (epoch ms).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CodeSent {
    pub expires_at: i64,
}

/// Six digits as typed: spaces around them are forgiven, anything else is a 400.
pub fn typed_code(code: Option<&str>) -> ApiResult<String> {
    let code = code.map(str::trim).unwrap_or_default();
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        Ok(code.to_string())
    } else {
        Err(ApiError::validation(
            "code",
            "enter the 6-digit code we sent to your phone",
        ))
    }
}

/// Who checks in, as the rules for a ticket need to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// The hall's own paired kiosk: the customer is in the hall.
    Kiosk,
    SignedIn,
    /// Anyone else, with a phone number the code just confirmed.
    ConfirmedPhone,
}

/// The priority a ticket starts with and the one it asks for: at the kiosk what the customer
/// chose counts at once; from away it waits to be confirmed at the hall.
pub fn starting_priority(caller: Caller, wanted: Option<Priority>) -> (Priority, Option<Priority>) {
    match (caller, wanted) {
        (_, None) => (Priority::Normal, None),
        (Caller::Kiosk, Some(p)) => (p, None),
        (_, Some(p)) => (Priority::Normal, Some(p)),
    }
}

/// What a check-in needs besides its body: a kiosk channel needs the kiosk, anything else a
/// session or a confirmed phone.
pub fn caller(
    channel: Channel,
    paired_kiosk: bool,
    signed_in: bool,
    phone: Option<&str>,
) -> ApiResult<Caller> {
    match channel {
        Channel::Kiosk if paired_kiosk => Ok(Caller::Kiosk),
        Channel::Kiosk => Err(ApiError::new(
            Reason::KioskNotPaired,
            "this kiosk is not paired with the hall; ask the hall manager for its link",
        )),
        _ if signed_in => Ok(Caller::SignedIn),
        _ if phone.is_some() => Ok(Caller::ConfirmedPhone),
        _ => Err(ApiError::new(
            Reason::PhoneOrLogin,
            "log in, or give your mobile number and the code we text to it",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_paired_kiosk_checks_in_as_the_kiosk() {
        assert_eq!(caller(Channel::Kiosk, true, false, None), Ok(Caller::Kiosk));
        let claimed = caller(Channel::Kiosk, false, true, None).unwrap_err();
        assert_eq!(claimed.code, crate::ErrorCode::Forbidden);
        assert_eq!(
            caller(Channel::Remote, false, true, None),
            Ok(Caller::SignedIn)
        );
        let nobody = caller(Channel::Remote, false, false, None).unwrap_err();
        assert_eq!(nobody.code, crate::ErrorCode::Unauthenticated);
        assert_eq!(
            caller(Channel::Remote, false, false, Some("13800138000")),
            Ok(Caller::ConfirmedPhone)
        );
    }

    #[test]
    fn priority_from_away_waits_for_the_hall() {
        let green = Some(Priority::GreenChannel);
        assert_eq!(
            starting_priority(Caller::Kiosk, green),
            (Priority::GreenChannel, None)
        );
        assert_eq!(
            starting_priority(Caller::SignedIn, green),
            (Priority::Normal, green)
        );
        assert_eq!(
            starting_priority(Caller::ConfirmedPhone, Some(Priority::KeyAccount)),
            (Priority::Normal, Some(Priority::KeyAccount))
        );
        assert_eq!(
            starting_priority(Caller::SignedIn, None),
            (Priority::Normal, None)
        );
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(typed_code(Some(" 123456 ")).unwrap(), "123456");
        for bad in [
            None,
            Some(""),
            Some("12345"),
            Some("12345a"),
            Some("1234567"),
        ] {
            assert_eq!(typed_code(bad).unwrap_err().field.as_deref(), Some("code"));
        }
    }

    #[test]
    fn a_number_gets_one_code_a_minute_and_five_a_day() {
        let mut window = None;
        for i in 0..5 {
            let at = i * 61_000;
            assert_eq!(CODES_PER_PHONE.retry_after(window, at), None);
            window = Some(CODES_PER_PHONE.record_failure(window, at));
        }
        assert!(CODES_PER_PHONE.retry_after(window, 400_000).is_some());
        let gap = Some(CODE_GAP.record_failure(None, 0));
        assert!(CODE_GAP.retry_after(gap, 30_000).is_some());
        assert_eq!(CODE_GAP.retry_after(gap, 60_000), None);
    }
}
