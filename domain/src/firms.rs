//! Third-party firms in business expansion and their qualifications.

use crate::roles::Role;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
    pub record: crate::expansion::report::Rate,
}

impl Firm {
    pub fn is_qualified_on(&self, day: NaiveDate) -> bool {
        day <= self.qualification_expires
    }
}

/// A firm chosen for a project: which, until when it is qualified, and whether it accepted
/// (only then may it act on the project).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub kind: FirmKind,
    pub firm_id: i64,
    pub qualification_expires: NaiveDate,
    pub accepted: bool,
}

impl Assignment {
    pub fn is_qualified_on(&self, day: NaiveDate) -> bool {
        day <= self.qualification_expires
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_map_to_their_roles() {
        for kind in FirmKind::ALL {
            assert_eq!(kind.role().as_str(), kind.as_str());
            assert_eq!(FirmKind::parse(kind.as_str()), Some(kind));
        }
    }
}
