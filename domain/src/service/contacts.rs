//! Contacts filed on the case: a video call or a written consultation about a connection
//! project, an application or a work order is linked to it, when started from that case's page
//! or by the agent naming its number, and is listed on the case for everyone who may see it.

use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

/// The kinds of case a contact can be filed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Case {
    Project,
    Application,
    WorkOrder,
}

/// One case: its kind and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseRef {
    pub kind: Case,
    pub id: i64,
}

impl CaseRef {
    /// The case a number shown to people names: YK2026-0007 (project), SQ2026-000003
    /// (application), GD2026-000012 (work order).
    pub fn from_number(number: &str) -> ApiResult<CaseRef> {
        let number = number.trim().to_ascii_uppercase();
        let refused = || {
            ApiError::invalid(
                "case_number",
                Reason::CaseNumber,
                "enter a number such as GD2026-000012, SQ2026-000003 or YK2026-0007",
            )
        };
        let kind = match number.get(..2) {
            Some("YK") => Case::Project,
            Some("SQ") => Case::Application,
            Some("GD") => Case::WorkOrder,
            _ => return Err(refused()),
        };
        let (year, id) = number[2..].split_once('-').ok_or_else(refused)?;
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if year.len() != 4 || !digits(year) || !digits(id) {
            return Err(refused());
        }
        let id = id.parse().map_err(|_| refused())?;
        Ok(CaseRef { kind, id })
    }
}

/// How the customer was in touch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    VideoCall,
    Consultation,
}

impl ContactKind {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            ContactKind::VideoCall => ("视频客服", "Video call"),
            ContactKind::Consultation => ("在线咨询", "Written consultation"),
        }
    }
}

/// A contact as the case's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CaseContact {
    pub kind: ContactKind,
    /// The call's room or the consultation's id.
    pub reference: String,
    /// When it was asked for or opened.
    pub at: i64,
    /// What the customer said it was about.
    pub topic: String,
    pub customer_name: String,
    /// Who answered, once someone has.
    pub agent_name: Option<String>,
    /// The agent's summary of a finished call.
    pub summary: Option<String>,
}

/// An agent files a contact on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LinkInput {
    pub kind: ContactKind,
    pub reference: String,
    /// The case's number as people see it.
    pub case_number: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_names_its_case() {
        assert_eq!(
            CaseRef::from_number(" gd2026-000012 "),
            Ok(CaseRef {
                kind: Case::WorkOrder,
                id: 12
            })
        );
        assert_eq!(
            CaseRef::from_number("SQ2026-000003").map(|c| c.kind),
            Ok(Case::Application)
        );
        assert_eq!(
            CaseRef::from_number("YK2026-0007"),
            Ok(CaseRef {
                kind: Case::Project,
                id: 7
            })
        );
        for bad in [
            "",
            "GD",
            "GD2026",
            "XX2026-000001",
            "GD26-1",
            "GD2026-",
            "GD2026-1a",
            "工单",
        ] {
            assert_eq!(
                CaseRef::from_number(bad).unwrap_err().reason,
                Reason::CaseNumber,
                "{bad}"
            );
        }
    }
}
