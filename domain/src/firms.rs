//! Third-party firms in business expansion and their qualifications.

use crate::error::{field_text, ApiError, ApiResult};
use crate::halls::edit::hall_phone;
use crate::roles::Role;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FirmKind {
    Design,
    Construction,
    Test,
    Supervision,
}

impl FirmKind {
    pub const ALL: [FirmKind; 4] = [
        FirmKind::Design,
        FirmKind::Construction,
        FirmKind::Test,
        FirmKind::Supervision,
    ];

    /// The role a user of a firm of this kind has.
    pub fn role(self) -> Role {
        match self {
            FirmKind::Design => Role::Design,
            FirmKind::Construction => Role::Construction,
            FirmKind::Test => Role::Test,
            FirmKind::Supervision => Role::Supervision,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FirmKind::Design => "design",
            FirmKind::Construction => "construction",
            FirmKind::Test => "test",
            FirmKind::Supervision => "supervision",
        }
    }

    pub fn parse(s: &str) -> Option<FirmKind> {
        FirmKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Firm {
    pub id: i64,
    pub name: String,
    pub kind: FirmKind,
    /// Qualification grade, e.g. "甲级" or "承装二级".
    pub grade: String,
    pub qualification_no: String,
    pub qualification_expires: NaiveDate,
    pub contact: String,
    pub phone: String,
    /// Its past on-time record on the projects it worked on.
    #[serde(default)]
    pub record: crate::projects::report::Rate,
    /// Why the administrator suspended it; a suspended firm may neither be chosen nor act.
    #[serde(default)]
    pub suspended: Option<String>,
}

impl Firm {
    pub fn is_qualified_on(&self, day: NaiveDate) -> bool {
        self.suspended.is_none() && day <= self.qualification_expires
    }
}

pub const FIRM_TEXT_MAX: usize = 60;

/// What the administrator sends to add a firm or change one: renewing a qualification is a
/// change of its number and expiry date. A firm's kind never changes: its users act as it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FirmRequest {
    pub name: String,
    pub kind: FirmKind,
    pub grade: String,
    pub qualification_no: String,
    pub qualification_expires: NaiveDate,
    pub contact: String,
    pub phone: String,
}

impl FirmRequest {
    /// The request with its text trimmed, or a 400 naming the field to correct. A
    /// qualification must still run on `today`.
    pub fn checked(&self, today: NaiveDate) -> ApiResult<FirmRequest> {
        if self.qualification_expires < today {
            return Err(ApiError::validation(
                "qualification_expires",
                "that qualification has already expired; enter the renewed one's expiry date",
            ));
        }
        Ok(FirmRequest {
            name: field_text("name", &self.name, FIRM_TEXT_MAX, "the firm's name")?,
            kind: self.kind,
            grade: field_text("grade", &self.grade, 20, "the qualification grade")?,
            qualification_no: field_text(
                "qualification_no",
                &self.qualification_no,
                40,
                "the qualification number",
            )?,
            qualification_expires: self.qualification_expires,
            contact: field_text("contact", &self.contact, 20, "a contact person")?,
            phone: hall_phone(&self.phone)?,
        })
    }
}

/// Suspends a firm with the reason, or lifts the suspension (`reason: None`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FirmSuspension {
    #[serde(default)]
    pub reason: Option<String>,
}

impl FirmSuspension {
    pub fn checked(&self) -> ApiResult<Option<String>> {
        self.reason
            .as_deref()
            .map(|r| field_text("reason", r, FIRM_TEXT_MAX, "why the firm is suspended"))
            .transpose()
    }
}

/// A firm chosen for a project: which, until when it is qualified, and whether it accepted
/// (only then may it act on the project).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignment {
    pub kind: FirmKind,
    pub firm_id: i64,
    pub qualification_expires: NaiveDate,
    pub accepted: bool,
    /// The firm is suspended now (read from the directory when the project is acted on).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub suspended: bool,
}

impl Assignment {
    pub fn is_qualified_on(&self, day: NaiveDate) -> bool {
        !self.suspended && day <= self.qualification_expires
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> FirmRequest {
        FirmRequest {
            name: " 江城电力设计院 ".into(),
            kind: FirmKind::Design,
            grade: "甲级".into(),
            qualification_no: "A133001234".into(),
            qualification_expires: NaiveDate::from_ymd_opt(2028, 6, 30).unwrap(),
            contact: "王工".into(),
            phone: "13900000001".into(),
        }
    }

    #[test]
    fn firm_requests_are_trimmed_or_name_their_bad_field() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        assert_eq!(request().checked(today).unwrap().name, "江城电力设计院");
        let field = |r: FirmRequest| r.checked(today).unwrap_err().field.unwrap();
        let lapsed = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(
            field(FirmRequest {
                qualification_expires: lapsed,
                ..request()
            }),
            "qualification_expires"
        );
        assert_eq!(
            field(FirmRequest {
                grade: "".into(),
                ..request()
            }),
            "grade"
        );
        assert_eq!(
            field(FirmRequest {
                phone: "none".into(),
                ..request()
            }),
            "phone"
        );
        let blank = FirmSuspension {
            reason: Some("  ".into()),
        };
        assert_eq!(
            blank.checked().unwrap_err().field.as_deref(),
            Some("reason")
        );
    }

    #[test]
    fn a_suspended_firm_is_not_qualified() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut a = Assignment {
            kind: FirmKind::Test,
            firm_id: 1,
            qualification_expires: NaiveDate::MAX,
            accepted: true,
            suspended: false,
        };
        assert!(a.is_qualified_on(day));
        a.suspended = true;
        assert!(!a.is_qualified_on(day));
    }

    #[test]
    fn kinds_map_to_their_roles() {
        for kind in FirmKind::ALL {
            assert_eq!(kind.role().as_str(), kind.as_str());
            assert_eq!(FirmKind::parse(kind.as_str()), Some(kind));
        }
    }
}
