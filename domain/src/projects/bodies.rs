//! Request and response bodies of the connection projects' endpoints.

pub use super::kinds::ProjectKind;
use super::process::{Action, ActionOption, DocKind, Party, Project, Stage};
use super::schedule::{Due, Schedule};
use super::whole::WholeClock;
use crate::error::{field_text as text, ApiError, ApiResult};
use crate::files::FileRules;
use crate::firms::FirmKind;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Project documents: drawings, reports, photos; at most 20 MiB, PDFs, photos or DWG drawings.
pub const DOCUMENTS: FileRules = FileRules {
    max_bytes: 20 * 1024 * 1024,
    extra: &[(b"AC10", "image/vnd.dwg")],
    accepted: "a PDF, a photo (PNG, JPEG, WebP) or a DWG drawing",
};

/// A project's public reference, e.g. YK2026-0007: the year it opened and its id.
pub fn project_number(opened_on: &str, id: i64) -> String {
    format!("YK{}-{id:04}", opened_on.get(..4).unwrap_or(""))
}

/// The chosen firms as stored for visibility queries: ",1,5," (searched with LIKE '%,5,%').
pub fn firm_ids_column(project: &Project) -> String {
    let ids: String = project
        .firm_ids()
        .iter()
        .map(|id| format!("{id},"))
        .collect();
    format!(",{ids}")
}

/// A customer's application for a new connection or more capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectApply {
    pub title: String,
    pub address: String,
    /// The hall whose area the address is in; its staff run the project.
    pub hall_id: String,
    pub kind: ProjectKind,
    pub capacity_kva: u32,
    #[serde(default)]
    pub dual_source: bool,
    /// The customer's bound account (户号) it connects to: required for a home's solar or
    /// charger, which the account's page applies for.
    #[serde(default)]
    pub account: Option<String>,
}

pub const MAX_CAPACITY_KVA: u32 = 100_000;
/// A home's rooftop PV or charger connects at low voltage: at most this much.
pub const HOME_MAX_KVA: u32 = 50;

impl ProjectApply {
    pub fn checked(self) -> ApiResult<ProjectApply> {
        let title = text("title", &self.title, 60, "a name for the project")?;
        let address = text("address", &self.address, 120, "the address to connect")?;
        if !(1..=MAX_CAPACITY_KVA).contains(&self.capacity_kva) {
            return Err(ApiError::validation(
                "capacity_kva",
                format!("enter the capacity in kVA, 1 to {MAX_CAPACITY_KVA}"),
            ));
        }
        if self.kind.is_residential() && self.capacity_kva > HOME_MAX_KVA {
            return Err(ApiError::validation(
                "capacity_kva",
                format!("a home's solar or charger connection is at most {HOME_MAX_KVA} kVA; apply for a new connection for more"),
            ));
        }
        if self.kind.is_residential() && self.dual_source {
            return Err(ApiError::validation(
                "dual_source",
                "a home's solar or charger connection has one source",
            ));
        }
        let account = self
            .account
            .as_deref()
            .map(|a| text("account", a, 20, "the account number"))
            .transpose()?;
        if self.kind.is_residential() && account.is_none() {
            return Err(ApiError::validation(
                "account",
                "apply from the page of the account (户号) to connect it to",
            ));
        }
        Ok(ProjectApply {
            title,
            address,
            account,
            ..self
        })
    }
}

/// An action as sent: the uploaded documents it attaches (by id), a reason, the firms chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActInput {
    pub action: Action,
    #[serde(default)]
    pub documents: Vec<i64>,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub firms: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommentInput {
    pub text: String,
}

impl CommentInput {
    pub fn checked(&self) -> ApiResult<String> {
        text("text", &self.text, 1000, "a comment")
    }
}

/// A project in a list: enough to sort, filter and see whose turn it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectSummary {
    pub id: i64,
    /// The public reference, e.g. YK2026-0007.
    pub number: String,
    pub title: String,
    pub address: String,
    pub hall_id: String,
    pub customer_name: String,
    pub kind: ProjectKind,
    pub capacity_kva: u32,
    pub dual_source: bool,
    /// The bound account it connects to, when it was applied for from one.
    pub account: Option<String>,
    /// Rooftop PV: the generation a year its capacity is expected to make (`solar`).
    pub expected_annual_kwh: Option<u32>,
    pub stage: Stage,
    pub holder: Option<Party>,
    pub stage_since: NaiveDate,
    pub due: Option<Due>,
    /// The whole process against its limit, counting the days the utility holds it.
    pub whole: Option<WholeClock>,
    /// The viewer has something to do on it.
    pub my_turn: bool,
    pub opened_on: NaiveDate,
    pub updated_at: i64,
}

/// A firm on a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectFirm {
    pub kind: FirmKind,
    pub firm_id: i64,
    pub name: String,
    pub accepted: bool,
}

/// A stored document: never deleted; a newer one of its kind may supersede it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectDocument {
    pub id: i64,
    pub kind: DocKind,
    pub name: String,
    pub content_type: String,
    pub size: u64,
    pub sha256: String,
    pub uploaded_by: String,
    pub party: Party,
    pub uploaded_at: i64,
    /// The step it was filed with at a gate; none while it waits to be used.
    pub step_event: Option<i64>,
    pub superseded_by: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Opened,
    Step,
    Upload,
    Comment,
}

/// One line of the audit trail: who did what, when, and the stage before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub party: Party,
    pub kind: AuditKind,
    pub action: Option<Action>,
    pub from: Option<Stage>,
    pub to: Option<Stage>,
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProjectDetail {
    pub summary: ProjectSummary,
    pub project: Project,
    pub firms: Vec<ProjectFirm>,
    pub schedule: Schedule,
    pub documents: Vec<ProjectDocument>,
    pub audit: Vec<AuditEntry>,
    /// What the viewer may do now.
    pub actions: Vec<ActionOption>,
}

/// The reminders a run sent: due-soon reminders to the holder, overdue escalations to managers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReminderRun {
    pub due_soon: u32,
    pub overdue: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn documents_are_checked_by_their_bytes_up_to_20_mib() {
        assert_eq!(
            DOCUMENTS.content_type(b"AC1032....").unwrap(),
            "image/vnd.dwg"
        );
        assert_eq!(
            DOCUMENTS.content_type(b"%PDF-1.4").unwrap(),
            "application/pdf"
        );
        let html = DOCUMENTS.content_type(b"<html><script>").unwrap_err();
        assert_eq!(html.code, ErrorCode::Validation);
        assert!(html.message.contains("DWG"));
        let big = vec![b'%'; DOCUMENTS.max_bytes + 1];
        let err = DOCUMENTS.content_type(&big).unwrap_err();
        assert_eq!(err.code, ErrorCode::PayloadTooLarge);
        assert!(err.message.contains("20 MiB"));
    }

    #[test]
    fn a_home_connection_is_small_and_single_source() {
        let apply = |kind, capacity_kva, dual_source| ProjectApply {
            title: "屋顶光伏".into(),
            address: "桂花巷 7 号".into(),
            hall_id: "xinghu".into(),
            kind,
            capacity_kva,
            dual_source,
            account: Some("3301000001".into()),
        };
        assert!(apply(ProjectKind::RooftopPv, 8, false).checked().is_ok());
        let unbound = ProjectApply {
            account: None,
            ..apply(ProjectKind::EvCharger, 7, false)
        };
        assert_eq!(
            unbound.checked().unwrap_err().field.as_deref(),
            Some("account")
        );
        let big = apply(ProjectKind::EvCharger, 51, false)
            .checked()
            .unwrap_err();
        assert_eq!(big.field.as_deref(), Some("capacity_kva"));
        let dual = apply(ProjectKind::RooftopPv, 8, true)
            .checked()
            .unwrap_err();
        assert_eq!(dual.field.as_deref(), Some("dual_source"));
        assert!(apply(ProjectKind::NewConnection, 51, true)
            .checked()
            .is_ok());
    }

    #[test]
    fn numbers_and_the_firm_column_are_stable() {
        assert_eq!(project_number("2026-11-22", 7), "YK2026-0007");
        let mut p = Project::new(ProjectKind::NewConnection);
        assert_eq!(firm_ids_column(&p), ",");
        for (kind, id) in [(FirmKind::Design, 1), (FirmKind::Test, 5)] {
            p.firms.insert(
                kind,
                crate::firms::Assignment {
                    kind,
                    firm_id: id,
                    qualification_expires: NaiveDate::MAX,
                    accepted: true,
                    suspended: false,
                },
            );
        }
        assert_eq!(firm_ids_column(&p), ",1,5,");
    }

    #[test]
    fn an_application_needs_a_name_an_address_and_a_sensible_capacity() {
        let apply = ProjectApply {
            title: " 厂房新装 ".into(),
            address: "江城市高新区创新路 66 号".into(),
            hall_id: "gaoxin".into(),
            kind: ProjectKind::NewConnection,
            capacity_kva: 630,
            dual_source: false,
            account: None,
        };
        assert_eq!(apply.clone().checked().unwrap().title, "厂房新装");
        let none = ProjectApply {
            capacity_kva: 0,
            ..apply.clone()
        };
        assert_eq!(
            none.checked().unwrap_err().field.as_deref(),
            Some("capacity_kva")
        );
        let blank = ProjectApply {
            address: " ".into(),
            ..apply
        };
        assert_eq!(
            blank.checked().unwrap_err().field.as_deref(),
            Some("address")
        );
    }
}
