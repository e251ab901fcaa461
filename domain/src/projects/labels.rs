//! The words for stages, actions, documents, parties and clocks, in Chinese and English: used
//! by the app's screens, the SMS texts and the CSV report alike.

use super::deadlines::Node;
use super::kinds::ProjectKind;
use super::process::{Action, DocKind, Party, Stage};
use super::schedule::Clock;
use super::whole::ConnectionClass;
use crate::wire::{from_wire_name, wire_name};

/// (Chinese, English)
pub type Words = (&'static str, &'static str);

impl Stage {
    pub fn words(self) -> Words {
        use Stage::*;
        match self {
            Application => ("申请受理", "Application"),
            SiteSurvey => ("现场勘查", "Site survey"),
            SupplyPlan => ("供电方案答复", "Supply plan"),
            DesignFirmChoice => ("选择设计单位", "Choosing a design firm"),
            Design => ("工程设计", "Design"),
            DesignReview => ("设计审查", "Design review"),
            FirmsChoice => ("选择施工、试验、监理单位", "Choosing the other firms"),
            Construction => ("工程施工", "Construction"),
            SupervisorCheck => ("监理确认", "Supervisor's check"),
            MidInspection => ("中间检查", "Mid-construction inspection"),
            Finishing => ("竣工前施工", "Construction to completion"),
            ElectricalTest => ("电气试验", "Electrical test"),
            CompletionAcceptance => ("竣工检验", "Completion acceptance"),
            Contract => ("签订供用电合同", "Supply contract"),
            AccessPlan => ("接入方案及并网意见函", "Access plan"),
            InstallerChoice => ("选择安装单位", "Choosing an installer"),
            Installation => ("光伏安装", "Installation"),
            GridAcceptance => ("并网验收及调试", "Acceptance test and commissioning"),
            PurchaseAgreement => ("签订购售电合同", "Purchase agreement"),
            MeterInstall => ("装表", "Meter installation"),
            Energizing => ("接电", "Energizing"),
            Energized => ("已送电", "Energized"),
            Cancelled => ("已撤销", "Cancelled"),
        }
    }
}

impl ProjectKind {
    pub fn words(self) -> Words {
        match self {
            ProjectKind::NewConnection => ("新装", "New connection"),
            ProjectKind::CapacityIncrease => ("增容", "Capacity increase"),
            ProjectKind::RooftopPv => ("分布式光伏并网", "Rooftop PV"),
            ProjectKind::EvCharger => ("充电桩报装", "EV charger"),
        }
    }
}

impl ConnectionClass {
    pub fn words(self) -> Words {
        match self {
            ConnectionClass::Residential => ("居民", "Homes"),
            ConnectionClass::LowVoltage => ("低压非居民", "Low-voltage businesses"),
            ConnectionClass::HighVoltageSingle => ("高压单电源", "High voltage, single source"),
            ConnectionClass::HighVoltageDual => ("高压双电源", "High voltage, dual source"),
        }
    }
}

impl Action {
    pub fn words(self) -> Words {
        use Action::*;
        match self {
            Accept => ("受理申请", "Accept the application"),
            AcceptLowVoltage => ("受理（低压简易流程）", "Accept (low-voltage path)"),
            Survey => ("完成现场勘查", "Complete the site survey"),
            IssuePlan => ("答复供电方案", "Issue the supply plan"),
            ChooseDesignFirm => ("选定设计单位", "Choose the design firm"),
            SubmitDesign => ("提交设计文件", "Submit the design"),
            PassDesign => ("设计审查通过", "Pass the design"),
            ReturnDesign => ("设计退回修改", "Return the design for rework"),
            ChooseFirms => ("选定施工、试验、监理单位", "Choose the firms"),
            ReportProgress => ("报送施工进度", "Report progress"),
            RequestMidInspection => ("申请中间检查", "Ask for the mid-construction inspection"),
            ConfirmForInspection => ("监理确认可检查", "Confirm ready for inspection"),
            ReturnToConstruction => ("监理退回整改", "Send back to construction"),
            PassMidInspection => ("中间检查通过", "Pass the mid-construction inspection"),
            ReturnMidInspection => ("中间检查退回整改", "Return after the inspection"),
            CompleteConstruction => ("报送竣工", "Report completion"),
            SubmitTestReport => ("提交试验报告", "Submit the test report"),
            PassAcceptance => ("竣工检验通过", "Pass completion acceptance"),
            ReturnAcceptance => ("竣工检验退回整改", "Return after completion acceptance"),
            SignContract => ("签订合同", "Sign the contract"),
            InstallMeter => ("完成装表", "Install the meter"),
            Energize => ("送电", "Energize"),
            IssueAccessPlan => ("答复接入方案", "Issue the access plan"),
            ChooseInstaller => ("选定安装单位", "Choose the installer"),
            CompleteInstallation => ("报送安装完成", "Report the installation done"),
            PassGridAcceptance => ("并网验收通过", "Pass the acceptance test"),
            ReturnGridAcceptance => ("并网验收退回整改", "Return after the acceptance test"),
            SignPurchaseAgreement => ("签订购售电合同", "Sign the purchase agreement"),
            Cancel => ("撤销申请", "Cancel the project"),
            AcceptAssignment => ("接受委托", "Accept the assignment"),
            DeclineAssignment => ("拒绝委托", "Decline the assignment"),
        }
    }
}

impl DocKind {
    pub fn words(self) -> Words {
        use DocKind::*;
        match self {
            IdentityProof => ("身份证明", "Proof of identity"),
            PropertyProof => ("产权证明", "Proof of property"),
            SurveyReport => ("勘查报告", "Survey report"),
            SupplyPlan => ("供电方案", "Supply plan"),
            DesignDrawings => ("设计图纸", "Design drawings"),
            ReviewOpinion => ("审查意见", "Review opinion"),
            StageReport => ("施工阶段报告", "Stage report"),
            SupervisionReport => ("监理报告", "Supervision report"),
            InspectionRecord => ("中间检查记录", "Inspection record"),
            CompletionReport => ("竣工报告", "Completion report"),
            TestReport => ("电气试验报告", "Electrical test report"),
            AcceptanceRecord => ("竣工检验记录", "Acceptance record"),
            SignedContract => ("已签合同", "Signed contract"),
            MeterPhoto => ("装表照片", "Meter photo"),
            RoofRights => ("屋顶产权证明", "Proof of roof rights"),
            NeighbourConsent => ("邻里或业主同意书", "Neighbours' consent"),
            AccessPlan => ("接入方案", "Access plan"),
            OpinionLetter => ("并网意见函", "Opinion letter"),
            InstallationReport => ("安装完成报告", "Installation report"),
            CommissioningRecord => ("并网调试记录", "Commissioning record"),
            PurchaseAgreement => ("已签购售电合同", "Signed purchase agreement"),
            ParkingRights => ("车位产权或使用证明", "Proof of parking-space rights"),
            PropertyConsent => ("物业同意书", "Property manager's consent"),
        }
    }

    pub const ALL: [DocKind; 23] = [
        DocKind::IdentityProof,
        DocKind::PropertyProof,
        DocKind::SurveyReport,
        DocKind::SupplyPlan,
        DocKind::DesignDrawings,
        DocKind::ReviewOpinion,
        DocKind::StageReport,
        DocKind::SupervisionReport,
        DocKind::InspectionRecord,
        DocKind::CompletionReport,
        DocKind::TestReport,
        DocKind::AcceptanceRecord,
        DocKind::SignedContract,
        DocKind::MeterPhoto,
        DocKind::RoofRights,
        DocKind::NeighbourConsent,
        DocKind::AccessPlan,
        DocKind::OpinionLetter,
        DocKind::InstallationReport,
        DocKind::CommissioningRecord,
        DocKind::PurchaseAgreement,
        DocKind::ParkingRights,
        DocKind::PropertyConsent,
    ];

    /// The snake_case name used in URLs and storage.
    pub fn as_str(self) -> String {
        wire_name(&self)
    }

    pub fn parse(s: &str) -> Option<DocKind> {
        from_wire_name(s)
    }
}

impl Party {
    pub fn words(self) -> Words {
        match self {
            Party::Customer => ("客户", "Customer"),
            Party::Utility => ("供电公司", "Utility"),
            Party::Design => ("设计单位", "Design firm"),
            Party::Construction => ("施工单位", "Construction firm"),
            Party::Test => ("试验单位", "Test firm"),
            Party::Supervision => ("监理单位", "Supervision firm"),
        }
    }
}

impl Clock {
    pub fn words(self) -> Words {
        match self {
            Clock::Node(Node::SupplyPlanSingle) => {
                ("供电方案答复（单电源）", "Supply plan (single source)")
            }
            Clock::Node(Node::SupplyPlanDual) => {
                ("供电方案答复（双电源）", "Supply plan (dual source)")
            }
            Clock::Node(Node::DesignReview) => ("设计审查", "Design review"),
            Clock::Node(Node::MidConstructionInspection) => {
                ("中间检查", "Mid-construction inspection")
            }
            Clock::Node(Node::CompletionAcceptance) => ("竣工检验", "Completion acceptance"),
            Clock::Node(Node::MeterAndEnergize) => ("装表接电", "Meter install and energize"),
            Clock::Node(Node::HomeSurvey) => ("现场勘查（居民）", "Site survey (home)"),
            Clock::Node(Node::AccessPlan) => ("接入方案答复", "Access plan"),
            Clock::Node(Node::GridAcceptance) => ("并网验收及调试", "Acceptance test"),
            Clock::Node(Node::HomeMeter) => ("装表接电（居民）", "Meter and power on (home)"),
            Clock::Task(stage) => stage.words(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_kinds_round_trip_by_name() {
        for kind in DocKind::ALL {
            assert_eq!(DocKind::parse(&kind.as_str()), Some(kind));
        }
        assert_eq!(DocKind::DesignDrawings.as_str(), "design_drawings");
        assert_eq!(DocKind::parse("virus"), None);
    }
}
