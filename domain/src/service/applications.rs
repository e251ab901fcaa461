//! Applications that change an account: rename or transfer (更名/过户), a tariff plan change,
//! suspension or capacity reduction (暂停/减容), and new connection or capacity increase (新装/
//! 增容), which become business-expansion projects. The others run accept → review → done, and
//! on approval their change is made to the account.

use crate::billing::accounts::Category;
use crate::billing::tariff::Plan;
use crate::error::{field_text, ApiError, ApiResult};
use crate::files::FileRef;
use crate::projects::bodies::{ProjectApply, ProjectKind};
use crate::Reason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppKind {
    RenameTransfer,
    TariffChange,
    Suspension,
    NewConnection,
    CapacityIncrease,
}

impl AppKind {
    pub const ALL: [AppKind; 5] = [
        AppKind::RenameTransfer,
        AppKind::TariffChange,
        AppKind::Suspension,
        AppKind::NewConnection,
        AppKind::CapacityIncrease,
    ];

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            AppKind::RenameTransfer => ("更名/过户", "Rename or transfer"),
            AppKind::TariffChange => ("峰谷电价变更", "Peak/valley tariff change"),
            AppKind::Suspension => ("暂停/减容", "Suspension or capacity reduction"),
            AppKind::NewConnection => ("新装", "New connection"),
            AppKind::CapacityIncrease => ("增容", "Capacity increase"),
        }
    }

    /// How many documents must be uploaded before staff can accept it.
    pub fn documents_needed(self) -> usize {
        match self {
            AppKind::RenameTransfer => 2,
            AppKind::Suspension => 1,
            _ => 0,
        }
    }

    pub fn becomes_project(self) -> bool {
        matches!(self, AppKind::NewConnection | AppKind::CapacityIncrease)
    }
}

/// The form as sent; which fields count depends on `kind`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApplicationInput {
    pub kind: Option<AppKind>,
    #[serde(default)]
    pub account: Option<String>,
    #[serde(default)]
    pub new_holder: Option<String>,
    #[serde(default)]
    pub id_number: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub plan: Option<Plan>,
    #[serde(default)]
    pub capacity_kva: Option<u32>,
    #[serde(default)]
    pub start_on: Option<NaiveDate>,
    #[serde(default)]
    pub months: Option<u32>,
    #[serde(default)]
    pub hall_id: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub dual_source: bool,
}

/// The account an application is about, as far as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFacts {
    pub category: Category,
    pub plan: Plan,
    pub capacity_kva: u32,
    pub address: String,
    pub hall_id: String,
}

/// A checked application: what is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum Request {
    RenameTransfer {
        new_holder: String,
        id_number: String,
        phone: String,
    },
    TariffChange {
        plan: Plan,
    },
    Suspension {
        /// 0: the whole supply suspended.
        capacity_kva: u32,
        start_on: NaiveDate,
        months: u32,
    },
    Project(ProjectApply),
}

impl Request {
    pub fn kind(&self) -> AppKind {
        match self {
            Request::RenameTransfer { .. } => AppKind::RenameTransfer,
            Request::TariffChange { .. } => AppKind::TariffChange,
            Request::Suspension { .. } => AppKind::Suspension,
            Request::Project(p) if p.kind == ProjectKind::NewConnection => AppKind::NewConnection,
            Request::Project(_) => AppKind::CapacityIncrease,
        }
    }
}

/// A mainland resident ID number: 17 digits and an ISO 7064 MOD 11-2 check character.
pub fn check_id_number(raw: &str) -> ApiResult<String> {
    let id = raw.trim().to_ascii_uppercase();
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = id.as_bytes();
    let valid = bytes.len() == 18 && bytes[..17].iter().all(u8::is_ascii_digit) && {
        let sum: u32 = bytes[..17]
            .iter()
            .zip(WEIGHTS)
            .map(|(b, w)| (b - b'0') as u32 * w)
            .sum();
        CHECK[(sum % 11) as usize] == bytes[17]
    };
    if !valid {
        return Err(ApiError::validation(
            "id_number",
            "enter the 18-character ID number exactly as on the ID card",
        ));
    }
    Ok(id)
}

fn required<T: Clone>(value: &Option<T>, field: &str, what: &str) -> ApiResult<T> {
    value
        .clone()
        .ok_or_else(|| ApiError::validation(field, format!("enter {what}")))
}

/// Longest suspension at once, in months.
pub const MAX_SUSPENSION_MONTHS: u32 = 6;

impl ApplicationInput {
    /// The request, checked field by field against the account (for all kinds but a new
    /// connection) and `today`.
    pub fn checked(&self, account: Option<&AccountFacts>, today: NaiveDate) -> ApiResult<Request> {
        let kind = required(&self.kind, "kind", "which application this is")?;
        let account = account.filter(|_| kind != AppKind::NewConnection);
        let text = |value: &Option<String>, field: &str, max: usize, what: &str| {
            field_text(field, value.as_deref().unwrap_or(""), max, what)
        };
        match (kind, account) {
            (AppKind::RenameTransfer, Some(_)) => Ok(Request::RenameTransfer {
                new_holder: text(&self.new_holder, "new_holder", 60, "the new holder's name")?,
                id_number: check_id_number(self.id_number.as_deref().unwrap_or(""))?,
                phone: crate::accounts::normalise_mobile(self.phone.as_deref().unwrap_or(""))?,
            }),
            (AppKind::TariffChange, Some(a)) => {
                if a.category != Category::Residential {
                    return Err(ApiError::invalid(
                        "account",
                        Reason::ResidentialOnly,
                        "peak/valley prices are for residential accounts",
                    ));
                }
                let plan = required(&self.plan, "plan", "the plan you want")?;
                if plan == a.plan {
                    return Err(ApiError::validation(
                        "plan",
                        "the account is on this plan already",
                    ));
                }
                Ok(Request::TariffChange { plan })
            }
            (AppKind::Suspension, Some(a)) => {
                if a.category == Category::Residential {
                    return Err(ApiError::invalid(
                        "account",
                        Reason::BusinessOnly,
                        "suspension and capacity reduction are for business accounts",
                    ));
                }
                let capacity_kva =
                    required(&self.capacity_kva, "capacity_kva", "the capacity to keep")?;
                if capacity_kva >= a.capacity_kva {
                    return Err(ApiError::validation(
                        "capacity_kva",
                        format!(
                            "keep less than the present {} kVA (0 suspends it all)",
                            a.capacity_kva
                        ),
                    ));
                }
                let start_on = required(&self.start_on, "start_on", "the first day")?;
                if start_on <= today {
                    return Err(ApiError::validation(
                        "start_on",
                        "start from tomorrow or later",
                    ));
                }
                let months = required(&self.months, "months", "for how many months")?;
                if !(1..=MAX_SUSPENSION_MONTHS).contains(&months) {
                    return Err(ApiError::validation(
                        "months",
                        format!("suspend for 1 to {MAX_SUSPENSION_MONTHS} months"),
                    ));
                }
                Ok(Request::Suspension {
                    capacity_kva,
                    start_on,
                    months,
                })
            }
            (AppKind::CapacityIncrease, Some(a)) => {
                let capacity_kva =
                    required(&self.capacity_kva, "capacity_kva", "the new capacity")?;
                if capacity_kva <= a.capacity_kva {
                    return Err(ApiError::validation(
                        "capacity_kva",
                        format!("ask for more than the present {} kVA", a.capacity_kva),
                    ));
                }
                let apply = ProjectApply {
                    title: self.title.clone().unwrap_or_else(|| "增容".into()),
                    address: a.address.clone(),
                    hall_id: a.hall_id.clone(),
                    kind: ProjectKind::CapacityIncrease,
                    capacity_kva,
                    dual_source: self.dual_source,
                    account: self.account.clone(),
                };
                Ok(Request::Project(apply.checked()?))
            }
            (AppKind::NewConnection, _) => {
                let apply = ProjectApply {
                    title: self.title.clone().unwrap_or_default(),
                    address: self.address.clone().unwrap_or_default(),
                    hall_id: required(&self.hall_id, "hall_id", "the hall for your area")?,
                    kind: ProjectKind::NewConnection,
                    capacity_kva: self.capacity_kva.unwrap_or(0),
                    dual_source: self.dual_source,
                    account: None,
                };
                Ok(Request::Project(apply.checked()?))
            }
            (_, None) => Err(ApiError::validation(
                "account",
                "choose one of your bound accounts",
            )),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppStatus {
    Submitted,
    Accepted,
    Done,
    Rejected,
    Cancelled,
    /// Became a business-expansion project.
    Forwarded,
}

impl AppStatus {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            AppStatus::Submitted => ("已提交", "Submitted"),
            AppStatus::Accepted => ("已受理，审核中", "Accepted, under review"),
            AppStatus::Done => ("已办结", "Done"),
            AppStatus::Rejected => ("未通过", "Not approved"),
            AppStatus::Cancelled => ("已撤销", "Cancelled"),
            AppStatus::Forwarded => ("已转入业扩报装", "Now a connection project"),
        }
    }

    /// Decided either way: the customer may rate how it was handled.
    pub fn is_finished(self) -> bool {
        matches!(self, AppStatus::Done | AppStatus::Rejected)
    }
}

/// The customer's rating of a finished application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppRating {
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppAction {
    Accept,
    Approve,
    Reject,
    Cancel,
}

impl AppAction {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            AppAction::Accept => ("受理", "Accept"),
            AppAction::Approve => ("审核通过并办结", "Approve and complete"),
            AppAction::Reject => ("不予通过", "Reject"),
            AppAction::Cancel => ("撤销申请", "Cancel"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppActInput {
    pub action: AppAction,
    #[serde(default)]
    pub reason: Option<String>,
}

/// The next status, or why not. `documents` is how many are uploaded.
pub fn next_status(
    kind: AppKind,
    status: AppStatus,
    input: &AppActInput,
    by_customer: bool,
    documents: usize,
) -> ApiResult<AppStatus> {
    use AppAction as A;
    use AppStatus as S;
    if (input.action == A::Cancel) != by_customer {
        return Err(ApiError::new(
            Reason::CustomerOnly,
            "customers may only cancel; staff handle the rest",
        ));
    }
    match (input.action, status) {
        (A::Accept, S::Submitted) if documents < kind.documents_needed() => Err(ApiError::new(
            Reason::DocumentsNeeded,
            format!(
                "this application needs {} documents before it can be accepted",
                kind.documents_needed()
            ),
        )),
        (A::Accept, S::Submitted) => Ok(S::Accepted),
        (A::Approve, S::Accepted) => Ok(S::Done),
        (A::Reject, S::Submitted | S::Accepted) => {
            field_text(
                "reason",
                input.reason.as_deref().unwrap_or(""),
                200,
                "the reason",
            )?;
            Ok(S::Rejected)
        }
        (A::Cancel, S::Submitted) => Ok(S::Cancelled),
        _ => Err(ApiError::new(
            Reason::Stale,
            "the application is not at that step; reload to see where it is",
        )),
    }
}

/// The actions that would succeed now.
pub fn options(
    kind: AppKind,
    status: AppStatus,
    by_customer: bool,
    documents: usize,
) -> Vec<AppAction> {
    [
        AppAction::Accept,
        AppAction::Approve,
        AppAction::Reject,
        AppAction::Cancel,
    ]
    .into_iter()
    .filter(|&action| {
        let input = AppActInput {
            action,
            reason: Some("-".into()),
        };
        next_status(kind, status, &input, by_customer, documents).is_ok()
    })
    .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppEvent {
    pub at: i64,
    pub actor: String,
    pub status: AppStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Application {
    pub id: i64,
    /// SQ2026-000003
    pub number: String,
    pub kind: AppKind,
    pub account: Option<String>,
    pub request: Request,
    pub status: AppStatus,
    pub hall_id: String,
    pub customer_name: String,
    pub created_at: i64,
    pub updated_at: i64,
    pub project_id: Option<i64>,
    pub documents: Vec<FileRef>,
    pub events: Vec<AppEvent>,
    pub options: Vec<AppAction>,
    #[serde(default)]
    pub stars: Option<u8>,
    #[serde(default)]
    pub rating_comment: Option<String>,
}

pub fn application_number(year: i32, id: i64) -> String {
    format!("SQ{year}-{id:06}")
}

#[cfg(test)]
mod tests;
