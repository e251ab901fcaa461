//! Who is at the kiosk. A visit begins when a customer identifies: by 户号 and the holder's
//! name (the same rule and throttle as binding an account online) or by a mobile number
//! confirmed with a texted code (then the accounts that phone's customer has bound). It ends on
//! "done", after `VISIT_MS`, when the next customer starts, or when the kiosk is revoked. Its
//! token lives only in the kiosk's memory and opens that visit's accounts, bills and payments.

use crate::accounts::normalise_mobile;
use crate::billing::accounts::{BindInput, UtilityAccount};
use crate::billing::bills::{BillDetail, MonthUsage};
use crate::billing::payments::Payment;
use crate::error::{ApiError, ApiResult};
use crate::routes::Endpoint;
use serde::{Deserialize, Serialize};

/// A visit's token stops working this long after it began, whatever the kiosk does.
pub const VISIT_MS: i64 = 10 * 60_000;
/// The months of use the kiosk charts.
pub const CHART_MONTHS: usize = 12;
/// The header the kiosk sends a visit's token in.
pub const VISIT_HEADER: &str = "x-kiosk-visit";

/// The endpoints a visit's token opens (in `VISIT_HEADER`); without a live visit they answer
/// 401 `kiosk_visit_over`, whoever calls.
pub const VISIT_ENDPOINTS: [Endpoint; 7] = [
    Endpoint::KioskVisitEnd,
    Endpoint::KioskAccountGet,
    Endpoint::KioskPaymentCreate,
    Endpoint::KioskPaymentGet,
    Endpoint::KioskPaymentSandbox,
    Endpoint::KioskApplicationCreate,
    Endpoint::KioskApplicationDocumentUpload,
];

/// How the customer says who they are: `number` and `holder_name`, or `phone` and `code`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VisitInput {
    #[serde(default)]
    pub number: Option<String>,
    #[serde(default)]
    pub holder_name: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// The code texted to `phone` (see the phone-code endpoint).
    #[serde(default)]
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identify {
    Account(BindInput),
    Phone { phone: String, code: String },
}

impl VisitInput {
    pub fn identify(&self) -> ApiResult<Identify> {
        if self.number.is_some() || self.holder_name.is_some() {
            let input = BindInput {
                number: self.number.clone().unwrap_or_default(),
                holder_name: self.holder_name.clone().unwrap_or_default(),
            };
            return Ok(Identify::Account(input.checked()?));
        }
        let Some(phone) = &self.phone else {
            return Err(ApiError::validation(
                "number",
                "enter the account number and the holder's name, or a mobile number",
            ));
        };
        let phone = normalise_mobile(phone)?;
        let code = self.code.clone().unwrap_or_default();
        Ok(Identify::Phone { phone, code })
    }
}

/// A visit begun: its token (shown this once) and the accounts it may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KioskVisit {
    pub token: String,
    pub accounts: Vec<UtilityAccount>,
    /// A key account: its account manager has been told the customer is in the hall.
    pub key_account: bool,
    /// The customer confirmed a mobile: applications at the kiosk are filed in their name.
    pub by_phone: bool,
    pub expires_at: i64,
}

/// The answer to "done": the visit's token no longer opens anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VisitEnded {
    pub ended: bool,
}

/// One account at the kiosk: the bills it owes with their breakdown, and its last months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KioskAccount {
    pub account: UtilityAccount,
    /// Unpaid bills, oldest first.
    pub owed: Vec<BillDetail>,
    /// Up to `CHART_MONTHS`, oldest first.
    pub months: Vec<MonthUsage>,
}

/// A payment made at the kiosk, with the key to its receipt page (shown this once, for the
/// receipt's QR code: whoever holds the printed receipt may open it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KioskPayment {
    pub payment: Payment,
    pub receipt_key: String,
}

/// The receipt page of a kiosk payment, opened from its QR code.
pub fn receipt_path(payment: i64, key: &str) -> String {
    format!("/payments/{payment}?key={key}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_identifies_by_account_and_name_or_by_phone() {
        let by_account = VisitInput {
            number: Some("3301 000010".into()),
            holder_name: Some(" 孙桂兰 ".into()),
            ..VisitInput::default()
        };
        assert_eq!(
            by_account.identify().unwrap(),
            Identify::Account(BindInput {
                number: "3301000010".into(),
                holder_name: "孙桂兰".into()
            })
        );
        let by_phone = VisitInput {
            phone: Some("138 0013 8002".into()),
            code: Some("123456".into()),
            ..VisitInput::default()
        };
        assert_eq!(
            by_phone.identify().unwrap(),
            Identify::Phone {
                phone: "13800138002".into(),
                code: "123456".into()
            }
        );
        let half = VisitInput {
            number: Some("3301000010".into()),
            ..VisitInput::default()
        };
        assert_eq!(
            half.identify().unwrap_err().field.as_deref(),
            Some("holder_name")
        );
        let nothing = VisitInput::default().identify().unwrap_err();
        assert_eq!(nothing.field.as_deref(), Some("number"));
        let bad_phone = VisitInput {
            phone: Some("12345".into()),
            ..VisitInput::default()
        };
        assert_eq!(
            bad_phone.identify().unwrap_err().field.as_deref(),
            Some("phone")
        );
    }
}
