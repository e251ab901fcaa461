//! The message for each domain value the apps name: roles, kinds of business, notice states,
//! video channels, weekdays, time limits.

use super::{Lang, Msg};
use domain::halls::BusinessType;
use domain::notices::NoticeState;
use domain::service::work_orders::terms::Limit;
use domain::video::desk::Channel;
use domain::Role;

pub fn role_msg(role: Role) -> Msg {
    match role {
        Role::Customer => Msg::RoleCustomer,
        Role::HallStaff => Msg::RoleHallStaff,
        Role::HallManager => Msg::RoleHallManager,
        Role::Admin => Msg::RoleAdmin,
        Role::Design => Msg::RoleDesign,
        Role::Construction => Msg::RoleConstruction,
        Role::Test => Msg::RoleTest,
        Role::Supervision => Msg::RoleSupervision,
    }
}

pub fn channel_msg(channel: Channel) -> Msg {
    match channel {
        Channel::Video => Msg::VideoChannelVideo,
        Channel::Audio => Msg::VideoChannelAudio,
        Channel::Chat => Msg::VideoChannelChat,
    }
}

pub fn business_msg(kind: BusinessType) -> Msg {
    match kind {
        BusinessType::Payment => Msg::BizPayment,
        BusinessType::Expansion => Msg::BizExpansion,
        BusinessType::ChangeTransfer => Msg::BizChangeTransfer,
        BusinessType::Consultation => Msg::BizConsultation,
        BusinessType::Invoice => Msg::BizInvoice,
    }
}

pub fn notice_state_msg(state: NoticeState) -> Msg {
    match state {
        NoticeState::Scheduled => Msg::StateScheduled,
        NoticeState::Published => Msg::StatePublished,
        NoticeState::Expired => Msg::StateExpired,
        NoticeState::Withdrawn => Msg::StateWithdrawn,
    }
}

pub const WEEKDAYS: [Msg; 7] = [
    Msg::Mon,
    Msg::Tue,
    Msg::Wed,
    Msg::Thu,
    Msg::Fri,
    Msg::Sat,
    Msg::Sun,
];

/// A promise's limit as people say it: "45 分钟", "3 小时", "5 个工作日".
pub fn limit_text(limit: Limit, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match limit {
        Limit::Minutes(m) if m % 60 == 0 => {
            format!("{} {}", m / 60, if zh { "小时" } else { "h" })
        }
        Limit::Minutes(m) => format!("{m} {}", if zh { "分钟" } else { "min" }),
        Limit::WorkingDays(d) => {
            format!("{d} {}", if zh { "个工作日" } else { "working days" })
        }
    }
}
