//! A project moving through its kind's process (`kinds`: at each stage, which party may take
//! which action, what it leads to, which documents its gate needs). `Project::act` is the only
//! way a project moves; returns and rework are steps like any other, so the history keeps them.

mod terms;

pub use terms::{Action, DocKind, Party, Stage};

use super::kinds::Process;
pub use super::kinds::{ProjectKind, Transition};
use crate::error::{ApiError, ApiResult};
use crate::firms::{Assignment, FirmKind};
use crate::Reason;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An action someone may take now and what its gate asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ActionOption {
    pub action: Action,
    pub documents: Vec<DocKind>,
    /// A reason is required (returns) or asked for (cancelling).
    pub comment: bool,
    /// The kinds of firm this action chooses.
    pub chooses: Vec<FirmKind>,
}

impl ActionOption {
    fn for_action(process: &Process, stage: Stage, action: Action) -> ActionOption {
        ActionOption {
            action,
            documents: process
                .transition(stage, action)
                .map(|t| t.documents.to_vec())
                .unwrap_or_default(),
            comment: action.is_return() || action == Action::Cancel,
            chooses: action.chooses().to_vec(),
        }
    }
}

/// One step in a project's history: kept for good, returns included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Step {
    pub from: Stage,
    pub action: Action,
    pub to: Stage,
    pub by: Party,
    pub on: NaiveDate,
    pub comment: Option<String>,
}

/// What comes with an action: the documents uploaded for its gate, a comment (required for a
/// return), and for a choice of firms, the assignments chosen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acting {
    pub documents: Vec<DocKind>,
    pub comment: Option<String>,
    pub firms: Vec<Assignment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Project {
    /// Which process it follows; stored projects from before the new-energy kinds are
    /// expansion projects.
    #[serde(default)]
    pub kind: ProjectKind,
    pub stage: Stage,
    pub low_voltage: bool,
    pub history: Vec<Step>,
    pub firms: BTreeMap<FirmKind, Assignment>,
}

fn forbidden(message: impl Into<String>) -> ApiError {
    ApiError::new(Reason::NotAParty, message)
}

impl Project {
    pub fn new(kind: ProjectKind) -> Project {
        Project {
            kind,
            stage: Stage::Application,
            low_voltage: false,
            history: Vec::new(),
            firms: BTreeMap::new(),
        }
    }

    /// The firms chosen for the project, accepted or not yet.
    pub fn firm_ids(&self) -> Vec<i64> {
        self.firms.values().map(|a| a.firm_id).collect()
    }

    fn has_done(&self, action: Action) -> bool {
        self.history.iter().any(|s| s.action == action)
    }

    /// A firm party may act only through an assignment it accepted, while still qualified.
    fn check_firm(&self, party: Party, today: NaiveDate) -> ApiResult<()> {
        let Some(kind) = party.firm_kind() else {
            return Ok(());
        };
        match self.firms.get(&kind) {
            Some(a) if a.accepted && a.is_qualified_on(today) => Ok(()),
            Some(a) if a.accepted => Err(forbidden(unqualified(a))),
            _ => Err(forbidden("your firm is not assigned to this project")),
        }
    }

    /// The firms a choice assigns (not yet accepted), each of a wanted kind and qualified today;
    /// none for other actions.
    fn chosen(
        action: Action,
        firms: &[Assignment],
        today: NaiveDate,
    ) -> ApiResult<Vec<Assignment>> {
        action
            .chooses()
            .iter()
            .map(|kind| {
                let chosen = firms.iter().find(|a| a.kind == *kind).ok_or_else(|| {
                    ApiError::validation("firms", format!("choose a {} firm", kind.as_str()))
                })?;
                if chosen.suspended {
                    return Err(ApiError::invalid(
                        "firms",
                        Reason::FirmUnavailable,
                        "that firm is suspended; choose another firm",
                    ));
                }
                if !chosen.is_qualified_on(today) {
                    return Err(ApiError::invalid(
                        "firms",
                        Reason::FirmUnavailable,
                        "that firm's qualification has expired; choose a qualified firm",
                    ));
                }
                Ok(Assignment {
                    accepted: false,
                    ..chosen.clone()
                })
            })
            .collect()
    }

    /// Takes `action` as `by` on `today`; the new stage, or why not (nothing changes then).
    pub fn act(
        &mut self,
        action: Action,
        by: Party,
        acting: Acting,
        today: NaiveDate,
    ) -> ApiResult<Stage> {
        match action {
            Action::Cancel => return self.cancel(by, acting.comment, today),
            Action::AcceptAssignment | Action::DeclineAssignment => {
                return self.respond(action, by, today)
            }
            _ => {}
        }
        let rule = self
            .process()
            .transition(self.stage, action)
            .ok_or_else(|| {
                ApiError::new(
                    Reason::ProjectStep,
                    format!("{action:?} is not possible at {:?}", self.stage),
                )
            })?;
        if rule.by != by {
            return Err(forbidden(format!(
                "{action:?} is the {:?}'s to take",
                rule.by
            )));
        }
        self.check_firm(by, today)?;
        if let Some(missing) = rule
            .documents
            .iter()
            .find(|d| !acting.documents.contains(d))
        {
            return Err(ApiError::validation(
                "documents",
                format!("attach the {missing:?}"),
            ));
        }
        let comment = acting
            .comment
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        if action.is_return() && comment.is_none() {
            return Err(ApiError::invalid(
                "comment",
                Reason::Text,
                "say what must be reworked",
            ));
        }
        let chosen = Self::chosen(action, &acting.firms, today)?;
        if rule.to == Stage::Energized && !self.may_energize() {
            return Err(ApiError::new(
                Reason::EnergizeNeedsAcceptance,
                self.process().energize_refusal,
            ));
        }
        if action == Action::AcceptLowVoltage {
            self.low_voltage = true;
        }
        for firm in chosen {
            self.firms.insert(firm.kind, firm);
        }
        self.record(action, by, rule.to, comment, today);
        Ok(rule.to)
    }

    /// What `by` may do now, each with what its gate asks for: exactly the actions that would
    /// succeed given those documents, a reason and the firms to choose.
    pub fn options(&self, by: Party, today: NaiveDate) -> Vec<ActionOption> {
        let process = self.process();
        let candidates = process
            .transitions
            .iter()
            .filter(|t| t.from == self.stage && t.by == by)
            .map(|t| t.action)
            .chain([
                Action::AcceptAssignment,
                Action::DeclineAssignment,
                Action::Cancel,
            ]);
        candidates
            .filter_map(|action| {
                let option = ActionOption::for_action(process, self.stage, action);
                let acting = Acting {
                    documents: option.documents.clone(),
                    comment: Some("-".into()),
                    firms: option
                        .chooses
                        .iter()
                        .map(|&kind| Assignment {
                            kind,
                            firm_id: 0,
                            qualification_expires: NaiveDate::MAX,
                            accepted: false,
                            suspended: false,
                        })
                        .collect(),
                };
                self.clone().act(action, by, acting, today).ok()?;
                Some(option)
            })
            .collect()
    }

    pub fn process(&self) -> &'static Process {
        self.kind.process()
    }

    /// Everything the process asks for before power is on has been done.
    pub fn may_energize(&self) -> bool {
        self.process()
            .energize_needs
            .iter()
            .all(|group| group.iter().any(|&a| self.has_done(a)))
    }

    /// A chosen firm answers its assignment. Declining sends the project back to the choice,
    /// which is only possible before the work it was chosen for has moved on.
    fn respond(&mut self, action: Action, by: Party, today: NaiveDate) -> ApiResult<Stage> {
        let kind = by
            .firm_kind()
            .ok_or_else(|| forbidden("only a chosen firm answers an assignment"))?;
        let assignment = self
            .firms
            .get_mut(&kind)
            .ok_or_else(|| forbidden("your firm is not assigned to this project"))?;
        if assignment.accepted {
            return Err(ApiError::new(
                Reason::FirmAccepted,
                "your firm has already accepted",
            ));
        }
        if !assignment.is_qualified_on(today) {
            return Err(forbidden(unqualified(assignment)));
        }
        let to = if action == Action::AcceptAssignment {
            assignment.accepted = true;
            self.stage
        } else {
            let back = self
                .process()
                .declined(kind, self.stage)
                .ok_or_else(|| ApiError::new(Reason::TooLateToDecline, "too late to decline"))?;
            self.firms.remove(&kind);
            back
        };
        self.record(action, by, to, None, today);
        Ok(to)
    }

    fn cancel(&mut self, by: Party, comment: Option<String>, today: NaiveDate) -> ApiResult<Stage> {
        if !matches!(by, Party::Customer | Party::Utility) {
            return Err(forbidden("only the customer or the utility may cancel"));
        }
        if self.stage.is_final() {
            return Err(ApiError::new(
                Reason::Ended,
                "this project has already ended",
            ));
        }
        self.record(Action::Cancel, by, Stage::Cancelled, comment, today);
        Ok(Stage::Cancelled)
    }

    fn record(
        &mut self,
        action: Action,
        by: Party,
        to: Stage,
        comment: Option<String>,
        on: NaiveDate,
    ) {
        self.history.push(Step {
            from: self.stage,
            action,
            to,
            by,
            on,
            comment,
        });
        self.stage = to;
    }
}

/// Why a firm may not act on its assignment.
fn unqualified(a: &Assignment) -> &'static str {
    if a.suspended {
        "your firm is suspended; the utility's administrator can tell you why"
    } else {
        "your firm's qualification has expired"
    }
}

#[cfg(test)]
mod tests;
