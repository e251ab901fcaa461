//! The connection process as a table: at each stage, which party may take which action, what
//! the action leads to, and which documents its gate needs. `Project::act` is the only way a
//! project moves; returns and rework are steps like any other, so the history keeps them.

use crate::error::{ApiError, ApiResult};
use crate::firms::{Assignment, FirmKind};
use crate::Reason;
use crate::Role;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Submitted; the utility checks and accepts it.
    Application,
    SiteSurvey,
    SupplyPlan,
    /// The customer picks a design firm from the qualified ones; it must accept.
    DesignFirmChoice,
    Design,
    DesignReview,
    /// The customer picks construction, test and supervision firms; each must accept.
    FirmsChoice,
    Construction,
    /// The supervision firm checks the work is ready for the utility's inspection.
    SupervisorCheck,
    MidInspection,
    /// Construction goes on after the mid-construction inspection.
    Finishing,
    ElectricalTest,
    CompletionAcceptance,
    Contract,
    MeterInstall,
    Energizing,
    Energized,
    Cancelled,
}

impl Stage {
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Energized | Stage::Cancelled)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Accept,
    /// Low voltage: accepted straight to the contract, then meter and power.
    AcceptLowVoltage,
    Survey,
    IssuePlan,
    ChooseDesignFirm,
    SubmitDesign,
    PassDesign,
    ReturnDesign,
    ChooseFirms,
    ReportProgress,
    RequestMidInspection,
    ConfirmForInspection,
    ReturnToConstruction,
    PassMidInspection,
    ReturnMidInspection,
    CompleteConstruction,
    SubmitTestReport,
    PassAcceptance,
    ReturnAcceptance,
    SignContract,
    InstallMeter,
    Energize,
    Cancel,
    /// A firm takes on its assignment (it may then act on the project) or turns it down.
    AcceptAssignment,
    DeclineAssignment,
}

impl Action {
    /// A return sends work back and must say why.
    pub fn is_return(self) -> bool {
        matches!(
            self,
            Action::ReturnDesign
                | Action::ReturnToConstruction
                | Action::ReturnMidInspection
                | Action::ReturnAcceptance
        )
    }
}

/// The six parties of a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Customer,
    Utility,
    Design,
    Construction,
    Test,
    Supervision,
}

impl Party {
    pub const ALL: [Party; 6] = [
        Party::Customer,
        Party::Utility,
        Party::Design,
        Party::Construction,
        Party::Test,
        Party::Supervision,
    ];

    pub fn of(role: Role) -> Option<Party> {
        match role {
            Role::Customer => Some(Party::Customer),
            Role::HallStaff | Role::HallManager | Role::Admin => Some(Party::Utility),
            Role::Design => Some(Party::Design),
            Role::Construction => Some(Party::Construction),
            Role::Test => Some(Party::Test),
            Role::Supervision => Some(Party::Supervision),
        }
    }

    /// The firm kind a firm party works as.
    pub fn firm_kind(self) -> Option<FirmKind> {
        match self {
            Party::Design => Some(FirmKind::Design),
            Party::Construction => Some(FirmKind::Construction),
            Party::Test => Some(FirmKind::Test),
            Party::Supervision => Some(FirmKind::Supervision),
            Party::Customer | Party::Utility => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    IdentityProof,
    PropertyProof,
    SurveyReport,
    SupplyPlan,
    DesignDrawings,
    ReviewOpinion,
    StageReport,
    SupervisionReport,
    InspectionRecord,
    CompletionReport,
    TestReport,
    AcceptanceRecord,
    SignedContract,
    MeterPhoto,
}

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
    fn for_action(stage: Stage, action: Action) -> ActionOption {
        ActionOption {
            action,
            documents: transition(stage, action)
                .map(|t| t.documents.to_vec())
                .unwrap_or_default(),
            comment: action.is_return() || action == Action::Cancel,
            chooses: match action {
                Action::ChooseDesignFirm => vec![FirmKind::Design],
                Action::ChooseFirms => vec![
                    FirmKind::Construction,
                    FirmKind::Test,
                    FirmKind::Supervision,
                ],
                _ => Vec::new(),
            },
        }
    }
}

pub struct Transition {
    pub from: Stage,
    pub action: Action,
    pub by: Party,
    pub to: Stage,
    pub documents: &'static [DocKind],
}

const fn t(
    from: Stage,
    action: Action,
    by: Party,
    to: Stage,
    documents: &'static [DocKind],
) -> Transition {
    Transition {
        from,
        action,
        by,
        to,
        documents,
    }
}

use Action as A;
use DocKind as D;
use Party as P;
use Stage as S;

/// Every move a project can make (cancelling aside, which any stage short of the end allows the
/// customer and the utility).
#[rustfmt::skip]
pub const TRANSITIONS: &[Transition] = &[
    t(S::Application, A::Accept, P::Utility, S::SiteSurvey, &[D::IdentityProof, D::PropertyProof]),
    t(S::Application, A::AcceptLowVoltage, P::Utility, S::Contract, &[D::IdentityProof, D::PropertyProof]),
    t(S::SiteSurvey, A::Survey, P::Utility, S::SupplyPlan, &[D::SurveyReport]),
    t(S::SupplyPlan, A::IssuePlan, P::Utility, S::DesignFirmChoice, &[D::SupplyPlan]),
    t(S::DesignFirmChoice, A::ChooseDesignFirm, P::Customer, S::Design, &[]),
    t(S::Design, A::SubmitDesign, P::Design, S::DesignReview, &[D::DesignDrawings]),
    t(S::DesignReview, A::PassDesign, P::Utility, S::FirmsChoice, &[D::ReviewOpinion]),
    t(S::DesignReview, A::ReturnDesign, P::Utility, S::Design, &[D::ReviewOpinion]),
    t(S::FirmsChoice, A::ChooseFirms, P::Customer, S::Construction, &[]),
    t(S::Construction, A::ReportProgress, P::Construction, S::Construction, &[D::StageReport]),
    t(S::Construction, A::RequestMidInspection, P::Construction, S::SupervisorCheck, &[D::StageReport]),
    t(S::SupervisorCheck, A::ConfirmForInspection, P::Supervision, S::MidInspection, &[D::SupervisionReport]),
    t(S::SupervisorCheck, A::ReturnToConstruction, P::Supervision, S::Construction, &[D::SupervisionReport]),
    t(S::MidInspection, A::PassMidInspection, P::Utility, S::Finishing, &[D::InspectionRecord]),
    t(S::MidInspection, A::ReturnMidInspection, P::Utility, S::Construction, &[D::InspectionRecord]),
    t(S::Finishing, A::ReportProgress, P::Construction, S::Finishing, &[D::StageReport]),
    t(S::Finishing, A::CompleteConstruction, P::Construction, S::ElectricalTest, &[D::CompletionReport]),
    t(S::ElectricalTest, A::SubmitTestReport, P::Test, S::CompletionAcceptance, &[D::TestReport]),
    t(S::CompletionAcceptance, A::PassAcceptance, P::Utility, S::Contract, &[D::AcceptanceRecord]),
    t(S::CompletionAcceptance, A::ReturnAcceptance, P::Utility, S::Finishing, &[D::AcceptanceRecord]),
    t(S::Contract, A::SignContract, P::Customer, S::MeterInstall, &[D::SignedContract]),
    t(S::MeterInstall, A::InstallMeter, P::Utility, S::Energizing, &[D::MeterPhoto]),
    t(S::Energizing, A::Energize, P::Utility, S::Energized, &[]),
];

/// The rule for `action` at `stage`, if there is one.
pub fn transition(stage: Stage, action: Action) -> Option<&'static Transition> {
    TRANSITIONS
        .iter()
        .find(|t| t.from == stage && t.action == action)
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
    pub stage: Stage,
    pub low_voltage: bool,
    pub history: Vec<Step>,
    pub firms: BTreeMap<FirmKind, Assignment>,
}

fn forbidden(message: impl Into<String>) -> ApiError {
    ApiError::new(Reason::NotAParty, message)
}

impl Project {
    pub fn new() -> Project {
        Project {
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
        let wanted = ActionOption::for_action(Stage::Application, action).chooses;
        wanted
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
        let rule = transition(self.stage, action).ok_or_else(|| {
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
                "energizing needs completion acceptance and a signed contract",
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
        let candidates = TRANSITIONS
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
                let option = ActionOption::for_action(self.stage, action);
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

    fn may_energize(&self) -> bool {
        self.has_done(Action::SignContract)
            && (self.low_voltage || self.has_done(Action::PassAcceptance))
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
            let back = match (kind, self.stage) {
                (FirmKind::Design, Stage::Design) => Stage::DesignFirmChoice,
                (FirmKind::Design, _) => {
                    return Err(ApiError::new(
                        Reason::TooLateToDecline,
                        "too late to decline",
                    ))
                }
                (_, Stage::Construction) => Stage::FirmsChoice,
                _ => {
                    return Err(ApiError::new(
                        Reason::TooLateToDecline,
                        "too late to decline",
                    ))
                }
            };
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

impl Default for Project {
    fn default() -> Self {
        Project::new()
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
