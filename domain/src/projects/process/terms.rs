//! The words of the process: its stages, the actions that move a project, the six parties and
//! the kinds of document a gate asks for. Which of them a kind of project uses, and how, is in
//! its process (`kinds`).

use crate::firms::FirmKind;
use crate::Role;
use serde::{Deserialize, Serialize};

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
    /// Rooftop PV: the utility's access plan and opinion letter.
    AccessPlan,
    /// Rooftop PV: the customer picks a qualified firm to install it; it must accept.
    InstallerChoice,
    Installation,
    /// Rooftop PV: the utility's acceptance test and commissioning.
    GridAcceptance,
    /// Rooftop PV: the customer signs the power purchase agreement.
    PurchaseAgreement,
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
    IssueAccessPlan,
    ChooseInstaller,
    CompleteInstallation,
    PassGridAcceptance,
    ReturnGridAcceptance,
    SignPurchaseAgreement,
    Cancel,
    /// A firm takes on its assignment (it may then act on the project) or turns it down.
    AcceptAssignment,
    DeclineAssignment,
}

impl Action {
    /// The kinds of firm this action chooses.
    pub fn chooses(self) -> &'static [FirmKind] {
        match self {
            Action::ChooseDesignFirm => &[FirmKind::Design],
            Action::ChooseFirms => &[
                FirmKind::Construction,
                FirmKind::Test,
                FirmKind::Supervision,
            ],
            Action::ChooseInstaller => &[FirmKind::Construction],
            _ => &[],
        }
    }

    /// A return sends work back and must say why.
    pub fn is_return(self) -> bool {
        matches!(
            self,
            Action::ReturnDesign
                | Action::ReturnToConstruction
                | Action::ReturnMidInspection
                | Action::ReturnAcceptance
                | Action::ReturnGridAcceptance
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
    /// Rooftop PV: the right to use the roof, and the neighbours' or owners' consent.
    RoofRights,
    NeighbourConsent,
    AccessPlan,
    /// The utility's grid-connection opinion letter (并网意见函).
    OpinionLetter,
    InstallationReport,
    CommissioningRecord,
    PurchaseAgreement,
    /// EV charger: the right to the parking space, and the property manager's consent.
    ParkingRights,
    PropertyConsent,
}
