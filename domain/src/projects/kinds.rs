//! The kinds of connection project and each one's process, as data: the transition table (which
//! party takes which action at each stage, where it leads, what its gate needs), the stages in
//! order, the clock each stage runs on, where a declined firm sends the project back, and what
//! must have happened before power is on. `Project::act` and the schedule read only these
//! tables, so a new kind is a new table.

use super::deadlines::Node;
use super::process::{Action, DocKind, Party, Stage};
use super::schedule::Clock;
use crate::firms::FirmKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectKind {
    /// 新装
    #[default]
    NewConnection,
    /// 增容
    CapacityIncrease,
    /// 分布式光伏并网: a home's rooftop solar, connected to feed the grid.
    RooftopPv,
    /// 充电桩报装: a home charger for an electric car, on its own meter.
    EvCharger,
}

impl ProjectKind {
    pub const ALL: [ProjectKind; 4] = [
        ProjectKind::NewConnection,
        ProjectKind::CapacityIncrease,
        ProjectKind::RooftopPv,
        ProjectKind::EvCharger,
    ];

    pub fn process(self) -> &'static Process {
        match self {
            ProjectKind::NewConnection | ProjectKind::CapacityIncrease => &EXPANSION,
            ProjectKind::RooftopPv => &ROOFTOP_PV,
            ProjectKind::EvCharger => &EV_CHARGER,
        }
    }

    /// A home's own connection (the new-energy kinds): residential limits apply.
    pub fn is_residential(self) -> bool {
        matches!(self, ProjectKind::RooftopPv | ProjectKind::EvCharger)
    }
}

pub struct Transition {
    pub from: Stage,
    pub action: Action,
    pub by: Party,
    pub to: Stage,
    pub documents: &'static [DocKind],
}

/// One kind's process.
pub struct Process {
    pub transitions: &'static [Transition],
    /// The stages in order, ending energized.
    pub path: &'static [Stage],
    /// The stages after a low-voltage acceptance, where the kind has that shortcut.
    pub low_voltage_path: Option<&'static [Stage]>,
    /// The clock each timed stage runs on (a supply plan's is the dual-source one when the
    /// project has two sources).
    pub clocks: &'static [(Stage, Clock)],
    /// Where a firm declining its assignment sends the project: (firm, while at, back to).
    pub declines: &'static [(FirmKind, Stage, Stage)],
    /// Before power is on, one action of each group must be in the history.
    pub energize_needs: &'static [&'static [Action]],
    /// What `energize_needs` asks, for the refusal.
    pub energize_refusal: &'static str,
}

impl Process {
    /// The rule for `action` at `stage`, if there is one.
    pub fn transition(&self, stage: Stage, action: Action) -> Option<&'static Transition> {
        self.transitions
            .iter()
            .find(|t| t.from == stage && t.action == action)
    }

    pub fn clock(&self, stage: Stage, dual_source: bool) -> Option<Clock> {
        let (_, clock) = self.clocks.iter().find(|(s, _)| *s == stage)?;
        Some(match clock {
            Clock::Node(Node::SupplyPlanSingle) if dual_source => Clock::Node(Node::SupplyPlanDual),
            other => *other,
        })
    }

    /// The stages a project goes through, in order.
    pub fn path(&self, low_voltage: bool) -> &'static [Stage] {
        match self.low_voltage_path {
            Some(short) if low_voltage => short,
            _ => self.path,
        }
    }

    /// Where declining sends the project, if `kind` may still decline at `stage`.
    pub fn declined(&self, kind: FirmKind, stage: Stage) -> Option<Stage> {
        self.declines
            .iter()
            .find(|(k, at, _)| *k == kind && *at == stage)
            .map(|(_, _, back)| *back)
    }

    /// Whether any gate of the process asks for `kind` of document.
    pub fn asks_for(&self, kind: DocKind) -> bool {
        self.transitions.iter().any(|t| t.documents.contains(&kind))
    }

    /// Every stage any path of the process reaches.
    pub fn stages(&self) -> impl Iterator<Item = Stage> + '_ {
        let short = self.low_voltage_path.unwrap_or(&[]);
        self.path
            .iter()
            .chain(short.iter().filter(|s| !self.path.contains(s)))
            .copied()
    }
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

/// New connections and capacity increases (业扩报装): design, construction, inspections.
#[rustfmt::skip]
pub const EXPANSION: Process = Process {
    transitions: &[
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
    ],
    path: &[
        S::Application, S::SiteSurvey, S::SupplyPlan, S::DesignFirmChoice, S::Design,
        S::DesignReview, S::FirmsChoice, S::Construction, S::SupervisorCheck, S::MidInspection,
        S::Finishing, S::ElectricalTest, S::CompletionAcceptance, S::Contract, S::MeterInstall,
        S::Energizing, S::Energized,
    ],
    low_voltage_path: Some(&[S::Application, S::Contract, S::MeterInstall, S::Energizing, S::Energized]),
    clocks: &[
        (S::SiteSurvey, Clock::Node(Node::SupplyPlanSingle)),
        (S::SupplyPlan, Clock::Node(Node::SupplyPlanSingle)),
        (S::Design, Clock::Task(S::Design)),
        (S::DesignReview, Clock::Node(Node::DesignReview)),
        (S::Construction, Clock::Task(S::Construction)),
        (S::SupervisorCheck, Clock::Task(S::SupervisorCheck)),
        (S::MidInspection, Clock::Node(Node::MidConstructionInspection)),
        (S::Finishing, Clock::Task(S::Finishing)),
        (S::ElectricalTest, Clock::Task(S::ElectricalTest)),
        (S::CompletionAcceptance, Clock::Node(Node::CompletionAcceptance)),
        (S::MeterInstall, Clock::Node(Node::MeterAndEnergize)),
        (S::Energizing, Clock::Node(Node::MeterAndEnergize)),
    ],
    declines: &[
        (FirmKind::Design, S::Design, S::DesignFirmChoice),
        (FirmKind::Construction, S::Construction, S::FirmsChoice),
        (FirmKind::Test, S::Construction, S::FirmsChoice),
        (FirmKind::Supervision, S::Construction, S::FirmsChoice),
    ],
    energize_needs: &[&[A::SignContract], &[A::PassAcceptance, A::AcceptLowVoltage]],
    energize_refusal: "energizing needs completion acceptance and a signed contract",
};

/// Rooftop solar (分布式光伏并网): the utility plans the access, a qualified firm installs, the
/// utility tests and commissions it, the customer signs the purchase agreement, then the
/// two-way meter goes in and the system is connected.
#[rustfmt::skip]
pub const ROOFTOP_PV: Process = Process {
    transitions: &[
        t(S::Application, A::Accept, P::Utility, S::SiteSurvey, &[D::IdentityProof, D::RoofRights, D::NeighbourConsent]),
        t(S::SiteSurvey, A::Survey, P::Utility, S::AccessPlan, &[D::SurveyReport]),
        t(S::AccessPlan, A::IssueAccessPlan, P::Utility, S::InstallerChoice, &[D::AccessPlan, D::OpinionLetter]),
        t(S::InstallerChoice, A::ChooseInstaller, P::Customer, S::Installation, &[]),
        t(S::Installation, A::CompleteInstallation, P::Construction, S::GridAcceptance, &[D::InstallationReport]),
        t(S::GridAcceptance, A::PassGridAcceptance, P::Utility, S::PurchaseAgreement, &[D::AcceptanceRecord, D::CommissioningRecord]),
        t(S::GridAcceptance, A::ReturnGridAcceptance, P::Utility, S::Installation, &[D::AcceptanceRecord]),
        t(S::PurchaseAgreement, A::SignPurchaseAgreement, P::Customer, S::MeterInstall, &[D::PurchaseAgreement]),
        t(S::MeterInstall, A::InstallMeter, P::Utility, S::Energizing, &[D::MeterPhoto]),
        t(S::Energizing, A::Energize, P::Utility, S::Energized, &[]),
    ],
    path: &[
        S::Application, S::SiteSurvey, S::AccessPlan, S::InstallerChoice, S::Installation,
        S::GridAcceptance, S::PurchaseAgreement, S::MeterInstall, S::Energizing, S::Energized,
    ],
    low_voltage_path: None,
    clocks: &[
        (S::SiteSurvey, Clock::Node(Node::HomeSurvey)),
        (S::AccessPlan, Clock::Node(Node::AccessPlan)),
        (S::Installation, Clock::Task(S::Installation)),
        (S::GridAcceptance, Clock::Node(Node::GridAcceptance)),
        (S::MeterInstall, Clock::Node(Node::HomeMeter)),
        (S::Energizing, Clock::Node(Node::HomeMeter)),
    ],
    declines: &[(FirmKind::Construction, S::Installation, S::InstallerChoice)],
    energize_needs: &[&[A::SignPurchaseAgreement], &[A::PassGridAcceptance]],
    energize_refusal: "connecting needs the acceptance test and a signed purchase agreement",
};

/// A home EV charger (充电桩报装): a survey, its own meter, power on.
#[rustfmt::skip]
pub const EV_CHARGER: Process = Process {
    transitions: &[
        t(S::Application, A::Accept, P::Utility, S::SiteSurvey, &[D::IdentityProof, D::ParkingRights, D::PropertyConsent]),
        t(S::SiteSurvey, A::Survey, P::Utility, S::MeterInstall, &[D::SurveyReport]),
        t(S::MeterInstall, A::InstallMeter, P::Utility, S::Energizing, &[D::MeterPhoto]),
        t(S::Energizing, A::Energize, P::Utility, S::Energized, &[]),
    ],
    path: &[S::Application, S::SiteSurvey, S::MeterInstall, S::Energizing, S::Energized],
    low_voltage_path: None,
    clocks: &[
        (S::SiteSurvey, Clock::Node(Node::HomeSurvey)),
        (S::MeterInstall, Clock::Node(Node::HomeMeter)),
        (S::Energizing, Clock::Node(Node::HomeMeter)),
    ],
    declines: &[],
    energize_needs: &[&[A::Survey], &[A::InstallMeter]],
    energize_refusal: "power goes on after the survey and the meter",
};
