//! Overdue work orders reported up: each deadline past due and unmet is escalated once, to the
//! hall's managers and the head of the order's department, and listed for them.

use super::{Department, Milestone, Topic};
use serde::{Deserialize, Serialize};

/// An escalated deadline, as the escalation list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Escalation {
    pub order_id: i64,
    pub number: String,
    pub topic: Topic,
    pub hall_id: String,
    pub department: Option<Department>,
    pub milestone: Milestone,
    pub round: u32,
    pub due_at: i64,
    pub escalated_at: i64,
    /// Met since (late): still listed, so the list shows what was followed up.
    pub met_at: Option<i64>,
}

/// What a sweep did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EscalationRun {
    pub escalated: usize,
}

/// A department's head, as the admin names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DepartmentHead {
    pub department: Department,
    pub user_id: i64,
    #[serde(default)]
    pub name: String,
}

/// The admin names a head: a member of staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HeadInput {
    pub user_id: i64,
}
