//! Account rules: what a valid login, password and name are; how a password hash is written down;
//! and how failed logins are throttled.

use crate::error::{ApiError, ApiResult};
use serde::{Deserialize, Serialize};

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
pub const NAME_MAX: usize = 40;
/// PBKDF2-HMAC-SHA256 iterations. 100,000 is also the most WebCrypto on Workers accepts.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
/// How long a session lasts after login.
pub const SESSION_DAYS: i64 = 14;

/// A mainland China mobile number: 11 digits starting 13–19. Spaces and dashes are dropped first.
pub fn normalise_mobile(input: &str) -> ApiResult<String> {
    let digits: String = input.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let digits = digits.strip_prefix("+86").unwrap_or(&digits);
    let valid = digits.len() == 11
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.starts_with('1')
        && matches!(digits.as_bytes()[1], b'3'..=b'9');
    if valid {
        Ok(digits.to_string())
    } else {
        Err(ApiError::validation(
            "phone",
            "enter an 11-digit mainland mobile number, e.g. 13800138000",
        ))
    }
}

pub fn check_password(password: &str) -> ApiResult<()> {
    let len = password.chars().count();
    if len < PASSWORD_MIN {
        return Err(ApiError::validation(
            "password",
            format!("the password needs at least {PASSWORD_MIN} characters"),
        ));
    }
    if len > PASSWORD_MAX {
        return Err(ApiError::validation(
            "password",
            format!("the password may have at most {PASSWORD_MAX} characters"),
        ));
    }
    let has_letter = password.chars().any(|c| c.is_alphabetic());
    let has_digit = password.chars().any(|c| c.is_ascii_digit());
    if !(has_letter && has_digit) {
        return Err(ApiError::validation(
            "password",
            "the password needs both letters and digits",
        ));
    }
    Ok(())
}

pub fn normalise_name(name: &str) -> ApiResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::validation("name", "name is required"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(ApiError::validation(
            "name",
            format!("name may have at most {NAME_MAX} characters"),
        ));
    }
    Ok(name.to_string())
}

/// A login for staff made by an admin: 3–32 of a–z, 0–9, '.', '_' or '-'; or a mobile number.
pub fn normalise_login(login: &str) -> ApiResult<String> {
    let login = login.trim().to_ascii_lowercase();
    if let Ok(mobile) = normalise_mobile(&login) {
        return Ok(mobile);
    }
    let valid_chars = login
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
    if (3..=32).contains(&login.len()) && valid_chars {
        Ok(login)
    } else {
        Err(ApiError::validation(
            "login",
            "use 3–32 letters, digits, '.', '_' or '-', or a mobile number",
        ))
    }
}

/// `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash {
    pub iterations: u32,
    pub salt_b64: String,
    pub hash_b64: String,
}

impl PasswordHash {
    const SCHEME: &'static str = "pbkdf2-sha256";

    pub fn encode(&self) -> String {
        format!(
            "{}${}${}${}",
            Self::SCHEME,
            self.iterations,
            self.salt_b64,
            self.hash_b64
        )
    }

    pub fn parse(s: &str) -> Option<PasswordHash> {
        let mut parts = s.split('$');
        if parts.next()? != Self::SCHEME {
            return None;
        }
        let iterations = parts.next()?.parse().ok().filter(|&i| i > 0)?;
        let salt_b64 = parts.next()?.to_string();
        let hash_b64 = parts.next()?.to_string();
        parts.next().is_none().then_some(PasswordHash {
            iterations,
            salt_b64,
            hash_b64,
        })
    }
}

/// Compares two byte strings in time that depends only on their length.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A limit on failed logins for one key (an account or an IP address) within a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    pub max_failures: u32,
    pub window_ms: i64,
}

pub const ACCOUNT_THROTTLE: Throttle = Throttle {
    max_failures: 5,
    window_ms: 15 * 60 * 1000,
};
pub const IP_THROTTLE: Throttle = Throttle {
    max_failures: 30,
    window_ms: 15 * 60 * 1000,
};

/// Failures counted since `window_start` (epoch ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FailureWindow {
    pub window_start: i64,
    pub failures: u32,
}

impl Throttle {
    /// Seconds until the key may try again, or `None` when it may try now.
    pub fn retry_after(&self, window: Option<FailureWindow>, now_ms: i64) -> Option<i64> {
        let w = window?;
        let ends = w.window_start + self.window_ms;
        (w.failures >= self.max_failures && now_ms < ends).then(|| ((ends - now_ms) + 999) / 1000)
    }

    /// The window after one more failure: a stale window starts afresh.
    pub fn record_failure(&self, window: Option<FailureWindow>, now_ms: i64) -> FailureWindow {
        match window {
            Some(w) if now_ms < w.window_start + self.window_ms => FailureWindow {
                failures: w.failures + 1,
                ..w
            },
            _ => FailureWindow {
                window_start: now_ms,
                failures: 1,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn mobile_numbers() {
        assert_eq!(normalise_mobile("138 0013 8000").unwrap(), "13800138000");
        assert_eq!(normalise_mobile("+86-19912345678").unwrap(), "19912345678");
        for bad in [
            "",
            "12800138000",
            "1380013800",
            "138001380001",
            "1380013800a",
            "23800138000",
        ] {
            assert_eq!(
                normalise_mobile(bad).unwrap_err().field.as_deref(),
                Some("phone"),
                "{bad}"
            );
        }
    }

    #[test]
    fn passwords_need_length_letters_and_digits() {
        assert!(check_password("gridhall2026").is_ok());
        assert!(check_password("电力营业厅2026").is_ok());
        for bad in ["short1", "onlyletters", "1234567890", &"a1".repeat(65)] {
            assert!(check_password(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn logins_are_lowercased_names_or_mobiles() {
        assert_eq!(normalise_login(" Manager.XH ").unwrap(), "manager.xh");
        assert_eq!(normalise_login("138 0013 8000").unwrap(), "13800138000");
        for bad in ["ab", "has space", "名字", &"x".repeat(33)] {
            assert!(normalise_login(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn password_hash_round_trips_and_rejects_other_forms() {
        let h = PasswordHash {
            iterations: PBKDF2_ITERATIONS,
            salt_b64: "c2FsdA==".into(),
            hash_b64: "aGFzaA==".into(),
        };
        assert_eq!(PasswordHash::parse(&h.encode()), Some(h));
        for bad in [
            "",
            "bcrypt$10$a$b",
            "pbkdf2-sha256$x$a$b",
            "pbkdf2-sha256$0$a$b",
            "pbkdf2-sha256$1$a$b$c",
        ] {
            assert_eq!(PasswordHash::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn throttle_blocks_after_the_limit_until_the_window_ends() {
        let t = Throttle {
            max_failures: 3,
            window_ms: 60_000,
        };
        let mut w = None;
        for i in 0..3 {
            assert_eq!(t.retry_after(w, 1000 + i), None);
            w = Some(t.record_failure(w, 1000 + i));
        }
        assert_eq!(t.retry_after(w, 2000), Some(59));
        assert_eq!(t.retry_after(w, 61_000), None, "window over");
        assert_eq!(
            t.record_failure(w, 61_000),
            FailureWindow {
                window_start: 61_000,
                failures: 1
            }
        );
    }

    proptest! {
        #[test]
        fn constant_time_eq_agrees_with_eq(a in proptest::collection::vec(any::<u8>(), 0..8), b in proptest::collection::vec(any::<u8>(), 0..8)) {
            prop_assert_eq!(constant_time_eq(&a, &b), a == b);
        }

        #[test]
        fn throttle_never_blocks_below_the_limit(failures in 0u32..5, start in 0i64..1_000_000, later in 0i64..2_000_000) {
            let w = FailureWindow { window_start: start, failures };
            prop_assert_eq!(ACCOUNT_THROTTLE.retry_after(Some(w), start + later), None);
        }
    }
}
