//! Service guides (办事指南): for each application, what to bring, the steps and the time it
//! takes; and the questions customers ask most. Shown on the guides page and beside each form.

use super::applications::AppKind;
use crate::projects::labels::Words;

pub struct Guide {
    pub kind: AppKind,
    pub documents: &'static [Words],
    pub steps: &'static [Words],
    pub time_limit: Words,
}

const ID_CARD: Words = ("户主有效身份证明", "The holder's ID card");

pub const GUIDES: &[Guide] = &[
    Guide {
        kind: AppKind::RenameTransfer,
        documents: &[
            ID_CARD,
            ("新户主身份证明", "The new holder's ID card"),
            ("房屋产权证明或租赁合同", "Property deed or lease"),
        ],
        steps: &[
            (
                "在线填写新户主信息并上传材料",
                "Fill in the new holder online and upload the documents",
            ),
            (
                "营业厅受理并审核材料",
                "The hall accepts and checks the documents",
            ),
            (
                "结清电费后变更户名",
                "The name changes once the bills are settled",
            ),
        ],
        time_limit: ("1 个工作日内办结", "Done within 1 working day"),
    },
    Guide {
        kind: AppKind::TariffChange,
        documents: &[ID_CARD],
        steps: &[
            (
                "在线选择峰谷电价或普通电价",
                "Choose peak/valley or standard prices online",
            ),
            ("营业厅审核", "The hall reviews it"),
            (
                "下一个抄表周期起执行，每年可变更一次",
                "Applies from the next meter reading; once a year",
            ),
        ],
        time_limit: ("3 个工作日内办结", "Done within 3 working days"),
    },
    Guide {
        kind: AppKind::Suspension,
        documents: &[
            ("营业执照", "Business licence"),
            (
                "经办人身份证明及授权委托书",
                "The agent's ID and power of attorney",
            ),
        ],
        steps: &[
            ("提前 5 个工作日提出申请", "Apply 5 working days ahead"),
            (
                "营业厅受理，现场加封设备",
                "The hall accepts it and seals the equipment on site",
            ),
            (
                "暂停期满自动恢复，最长 6 个月",
                "Supply resumes when it ends; at most 6 months",
            ),
        ],
        time_limit: ("5 个工作日内办结", "Done within 5 working days"),
    },
    Guide {
        kind: AppKind::NewConnection,
        documents: &[
            ID_CARD,
            (
                "房屋产权证明或土地使用证明",
                "Property deed or land-use certificate",
            ),
            ("企业客户：营业执照", "Businesses: business licence"),
        ],
        steps: &[
            ("在线申请，营业厅受理", "Apply online; the hall accepts it"),
            ("现场勘查并答复供电方案", "Site survey and supply plan"),
            (
                "高压客户：设计、施工、检验",
                "High voltage: design, construction, inspection",
            ),
            ("装表接电", "Meter installed and power on"),
        ],
        time_limit: (
            "低压居民 5 个工作日，高压按各环节时限",
            "Low-voltage homes 5 working days; high voltage by each stage's limit",
        ),
    },
    Guide {
        kind: AppKind::CapacityIncrease,
        documents: &[
            ("营业执照", "Business licence"),
            ("增容用电设备清单", "List of the new equipment"),
        ],
        steps: &[
            ("在线申请，营业厅受理", "Apply online; the hall accepts it"),
            ("现场勘查并答复供电方案", "Site survey and supply plan"),
            (
                "设计、施工、检验后增容送电",
                "Design, construction and inspection, then more power",
            ),
        ],
        time_limit: (
            "按业扩报装各环节时限",
            "By each business-expansion stage's limit",
        ),
    },
];

pub fn guide(kind: AppKind) -> &'static Guide {
    GUIDES
        .iter()
        .find(|g| g.kind == kind)
        .expect("every kind has a guide")
}

/// (question, answer)
pub const FAQ: &[(Words, Words)] = &[
    (
        ("怎样查到我的户号？", "Where do I find my account number?"),
        (
            "户号是 10 位数字，印在电费账单和缴费凭证的左上角。",
            "It is the 10-digit number at the top left of your bill and receipts.",
        ),
    ),
    (
        ("阶梯电价怎么计算？", "How do tiered prices work?"),
        (
            "每月用电 230 千瓦时以内按基础电价；231–400 千瓦时部分每千瓦时加 0.05 元；超过 400 千瓦时部分加 0.30 元。",
            "Up to 230 kWh a month at the base price; each kWh from 231 to 400 costs 0.05 yuan more; above 400, 0.30 yuan more.",
        ),
    ),
    (
        ("峰谷电价划算吗？", "Is the peak/valley price worth it?"),
        (
            "晚上 22 点到早上 8 点用电多（如电动车、热水器）时更省钱。可用电费计算器对比。",
            "It saves money if you use much power from 22:00 to 08:00 (e-bikes, water heaters). Compare with the bill calculator.",
        ),
    ),
    (
        ("缴费后多久到账？", "When does a payment arrive?"),
        (
            "支付成功即时到账，可随时下载电子收据。",
            "At once; the e-receipt is ready to print as soon as it is paid.",
        ),
    ),
    (
        ("停电了怎么办？", "What if the power goes off?"),
        (
            "先查看停电公告；不在公告范围内的，请在线故障报修，城区抢修人员 45 分钟内到达。",
            "Check the outage notices first; otherwise report a fault online: in town a crew arrives within 45 minutes.",
        ),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_application_has_a_guide_with_documents_and_steps() {
        for kind in AppKind::ALL {
            let g = guide(kind);
            assert!(!g.documents.is_empty() && !g.steps.is_empty(), "{kind:?}");
        }
        assert!(FAQ.len() >= 5);
    }
}
