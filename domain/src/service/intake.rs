//! Staff taking a case for someone else: a 95598 agent on the phone, a clerk with a walk-in.
//! The caller is found by mobile, 户号 or name, or written down as a new contact; the channel
//! the case came by is kept on it. A customer sees the case in their account when it was filed
//! for them, or when its mobile or 户号 is theirs.

use crate::accounts::{normalise_mobile, normalise_name};
use crate::billing::accounts::NUMBER_DIGITS;
use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

/// How a case reached the utility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Filed by the customer online.
    #[default]
    Web,
    /// A call to 95598 or the hall.
    Phone,
    /// A walk-in at a counter.
    Hall,
    Kiosk,
    Video,
}

impl Channel {
    pub const ALL: [Channel; 5] = [
        Channel::Web,
        Channel::Phone,
        Channel::Hall,
        Channel::Kiosk,
        Channel::Video,
    ];

    /// The channels staff record a case from: everything but the customer's own filing.
    pub const TAKEN: [Channel; 4] = [
        Channel::Phone,
        Channel::Hall,
        Channel::Kiosk,
        Channel::Video,
    ];

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Channel::Web => ("网上提交", "Filed online"),
            Channel::Phone => ("电话受理", "By phone"),
            Channel::Hall => ("营业厅受理", "At the hall"),
            Channel::Kiosk => ("自助终端", "At a kiosk"),
            Channel::Video => ("视频客服", "Video call"),
        }
    }
}

/// Who a staff-taken case is for: a registered customer, or a new contact by name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Intake {
    #[serde(default)]
    pub channel: Channel,
    /// The customer found by the lookup.
    #[serde(default)]
    pub customer_id: Option<i64>,
    /// A caller with no account: the name they gave.
    #[serde(default)]
    pub caller_name: Option<String>,
}

impl Intake {
    /// The intake as filed: a customer files for themselves online; staff say how the case came
    /// and for whom.
    pub fn checked(&self, by_staff: bool) -> ApiResult<Intake> {
        if !by_staff {
            if self.channel != Channel::Web
                || self.customer_id.is_some()
                || self.caller_name.is_some()
            {
                return Err(ApiError::invalid(
                    "channel",
                    Reason::Channel,
                    "customers file their own cases online",
                ));
            }
            return Ok(Intake::default());
        }
        if self.channel == Channel::Web {
            return Err(ApiError::invalid(
                "channel",
                Reason::Channel,
                "say how the case came: phone, hall, kiosk or video",
            ));
        }
        let caller_name = match (&self.customer_id, &self.caller_name) {
            (Some(_), _) => None,
            (None, Some(name)) => Some(
                normalise_name(name)
                    .map_err(|e| ApiError::invalid("caller_name", Reason::Caller, e.message))?,
            ),
            (None, None) => {
                return Err(ApiError::invalid(
                    "caller_name",
                    Reason::Caller,
                    "choose the caller found by the search, or give a new contact's name",
                ))
            }
        };
        Ok(Intake {
            channel: self.channel,
            customer_id: self.customer_id,
            caller_name,
        })
    }
}

/// What staff typed to find a caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallerQuery {
    Phone(String),
    /// A 户号.
    Account(String),
    /// Part of a name.
    Name(String),
}

impl CallerQuery {
    pub fn parse(q: &str) -> ApiResult<CallerQuery> {
        let squeezed: String = q.chars().filter(|c| !c.is_whitespace()).collect();
        let refused = |_| {
            ApiError::invalid(
                "q",
                Reason::CallerQuery,
                format!("enter an 11-digit mobile, a {NUMBER_DIGITS}-digit 户号 or a name"),
            )
        };
        if squeezed.len() == NUMBER_DIGITS && squeezed.chars().all(|c| c.is_ascii_digit()) {
            Ok(CallerQuery::Account(squeezed))
        } else if squeezed.chars().any(|c| c.is_ascii_digit()) {
            normalise_mobile(&squeezed)
                .map(CallerQuery::Phone)
                .map_err(refused)
        } else {
            normalise_name(q).map(CallerQuery::Name).map_err(refused)
        }
    }
}

/// A customer the lookup found, with the accounts they bound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Caller {
    pub customer_id: i64,
    pub name: String,
    pub phone: String,
    #[serde(default)]
    pub accounts: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customers_file_only_their_own_cases_online() {
        assert_eq!(Intake::default().checked(false), Ok(Intake::default()));
        let for_someone = Intake {
            customer_id: Some(7),
            ..Intake::default()
        };
        assert_eq!(
            for_someone.checked(false).unwrap_err().reason,
            Reason::Channel
        );
        let by_phone = Intake {
            channel: Channel::Phone,
            ..Intake::default()
        };
        assert_eq!(by_phone.checked(false).unwrap_err().reason, Reason::Channel);
    }

    #[test]
    fn staff_say_the_channel_and_who_it_is_for() {
        let web = Intake {
            customer_id: Some(7),
            ..Intake::default()
        };
        assert_eq!(web.checked(true).unwrap_err().reason, Reason::Channel);
        let nobody = Intake {
            channel: Channel::Phone,
            ..Intake::default()
        };
        assert_eq!(nobody.checked(true).unwrap_err().reason, Reason::Caller);
        let blank = Intake {
            caller_name: Some("  ".into()),
            ..nobody.clone()
        };
        assert_eq!(
            blank.checked(true).unwrap_err().field.as_deref(),
            Some("caller_name")
        );
        let new_contact = Intake {
            caller_name: Some(" 王大爷 ".into()),
            ..nobody.clone()
        };
        assert_eq!(
            new_contact.checked(true).unwrap().caller_name.as_deref(),
            Some("王大爷")
        );
        let found = Intake {
            customer_id: Some(7),
            caller_name: Some("ignored".into()),
            ..nobody
        };
        assert_eq!(found.checked(true).unwrap().caller_name, None);
    }

    #[test]
    fn a_query_is_a_mobile_an_account_or_a_name() {
        assert_eq!(
            CallerQuery::parse("139 0013 9000"),
            Ok(CallerQuery::Phone("13900139000".into()))
        );
        let account = "1".repeat(NUMBER_DIGITS);
        assert_eq!(
            CallerQuery::parse(&account),
            Ok(CallerQuery::Account(account))
        );
        assert_eq!(
            CallerQuery::parse(" 张 "),
            Ok(CallerQuery::Name("张".into()))
        );
        assert_eq!(
            CallerQuery::parse("12345").unwrap_err().reason,
            Reason::CallerQuery
        );
        assert_eq!(
            CallerQuery::parse("").unwrap_err().reason,
            Reason::CallerQuery
        );
    }
}
