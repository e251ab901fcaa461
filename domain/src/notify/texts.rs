//! Every notification's words, in Chinese and English together (a kind without both does not
//! compile): a title for the inbox and push, a body, and the SMS, which names the sender and
//! fits one 70-character segment where the facts allow.

use super::queue::QueueNotice;
use super::Topic;
use crate::billing::yuan;
use crate::projects::labels::Words;
use crate::projects::notify::NoticeKind;

/// The sender every SMS starts with.
pub const SENDER_ZH: &str = "【江城供电】";
pub const SENDER_EN: &str = "[Jiangcheng Power] ";
/// One SMS segment in UCS-2, which any Chinese text needs.
pub const SMS_SEGMENT: usize = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// What happened, with the facts its words need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Queue {
        number: String,
        notice: QueueNotice,
    },
    ApplicationStep {
        id: i64,
        status: Words,
    },
    WorkOrderStep {
        id: i64,
        status: Words,
    },
    /// A connection project's step, turn or deadline, as told to one party.
    Project {
        number: String,
        kind: NoticeKind,
        stage: Words,
    },
    PaymentReceipt {
        account: String,
        fen: i64,
    },
    BillIssued {
        account: String,
        month: String,
        fen: i64,
    },
    BillOverdue {
        account: String,
        fen: i64,
    },
    PlannedOutage {
        area: String,
        day: String,
        from: String,
        until: String,
    },
    Broadcast {
        text: String,
    },
    /// The code that confirms a mobile number for a remote ticket.
    PhoneCode {
        code: String,
    },
    /// To an account manager: their key account took a number and is on the way.
    KeyAccountArrived {
        customer: String,
        number: String,
        hall: String,
    },
    /// To an account manager: their key account identified at the hall's self-service kiosk.
    KeyAccountAtKiosk {
        customer: String,
        hall: String,
    },
    /// To a department head and the hall's managers: a work order missed a deadline.
    WorkOrderOverdue {
        number: String,
        topic: Words,
        milestone: Words,
    },
}

/// A message's words in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub title: String,
    pub body: String,
}

struct Both {
    zh: Text,
    en: Text,
}

fn both(zh: (&str, String), en: (&str, String)) -> Both {
    Both {
        zh: Text {
            title: zh.0.to_string(),
            body: zh.1,
        },
        en: Text {
            title: en.0.to_string(),
            body: en.1,
        },
    }
}

impl Message {
    pub fn topic(&self) -> Topic {
        match self {
            Message::Queue { .. } => Topic::Queue,
            Message::ApplicationStep { .. } => Topic::Applications,
            Message::WorkOrderStep { .. } | Message::WorkOrderOverdue { .. } => Topic::WorkOrders,
            Message::Project { .. } => Topic::Projects,
            Message::PaymentReceipt { .. } => Topic::Payments,
            Message::BillIssued { .. } | Message::BillOverdue { .. } => Topic::Bills,
            Message::PlannedOutage { .. } => Topic::Outages,
            Message::Broadcast { .. } => Topic::Broadcasts,
            Message::KeyAccountArrived { .. }
            | Message::KeyAccountAtKiosk { .. }
            | Message::PhoneCode { .. } => Topic::Queue,
        }
    }

    /// The title and body in `lang`.
    pub fn words(&self, lang: Lang) -> Text {
        let both = self.both();
        match lang {
            Lang::Zh => both.zh,
            Lang::En => both.en,
        }
    }

    /// The SMS in `lang`: the sender, then the body.
    pub fn sms(&self, lang: Lang) -> String {
        let body = self.words(lang).body;
        match lang {
            Lang::Zh => format!("{SENDER_ZH}{body}"),
            Lang::En => format!("{SENDER_EN}{body}"),
        }
    }

    fn both(&self) -> Both {
        match self {
            Message::Queue { number, notice } => queue_words(number, *notice),
            Message::ApplicationStep { id, status } => both(
                (
                    "业务申请有新进展",
                    format!("您的业务申请 {id} 号：{}。", status.0),
                ),
                (
                    "Application update",
                    format!("Your application {id}: {}.", status.1),
                ),
            ),
            Message::WorkOrderStep { id, status } => both(
                ("工单有新进展", format!("您的工单 {id} 号：{}。", status.0)),
                (
                    "Work order update",
                    format!("Your work order {id}: {}.", status.1),
                ),
            ),
            Message::Project {
                number,
                kind,
                stage,
            } => project_words(number, *kind, *stage),
            Message::PaymentReceipt { account, fen } => both(
                (
                    "缴费成功",
                    format!("户号 {account} 已缴费 {} 元，谢谢。", yuan(*fen)),
                ),
                (
                    "Payment received",
                    format!("Account {account}: ¥{} paid. Thank you.", yuan(*fen)),
                ),
            ),
            Message::BillIssued {
                account,
                month,
                fen,
            } => both(
                (
                    "电费账单已出",
                    format!(
                        "户号 {account} {month} 电费 {} 元，请按时缴纳。",
                        yuan(*fen)
                    ),
                ),
                (
                    "New electricity bill",
                    format!("Account {account}: {month} bill ¥{}.", yuan(*fen)),
                ),
            ),
            Message::BillOverdue { account, fen } => both(
                (
                    "电费已逾期",
                    format!("户号 {account} 电费 {} 元已逾期，请尽快缴纳。", yuan(*fen)),
                ),
                (
                    "Bill overdue",
                    format!(
                        "Account {account}: ¥{} is overdue. Please pay soon.",
                        yuan(*fen)
                    ),
                ),
            ),
            Message::PlannedOutage {
                area,
                day,
                from,
                until,
            } => both(
                (
                    "计划停电通知",
                    format!("{day} {from}-{until} {area}计划停电，请提前做好准备。"),
                ),
                (
                    "Planned outage",
                    format!("Power off {day} {from}-{until} in {area}. Please prepare."),
                ),
            ),
            Message::Broadcast { text } => both(
                ("营业厅通知", text.clone()),
                ("Hall announcement", text.clone()),
            ),
            Message::PhoneCode { code } => both(
                (
                    "取号验证码",
                    format!("您的取号验证码是 {code}，10 分钟内有效，请勿告诉他人。"),
                ),
                (
                    "Your code",
                    format!("Your code to take a number is {code}. It is valid for 10 minutes; do not share it."),
                ),
            ),
            Message::KeyAccountArrived {
                customer,
                number,
                hall,
            } => both(
                (
                    "大客户取号",
                    format!("您的大客户{customer}在{hall}取了 {number} 号，请签到窗口优先接待。"),
                ),
                (
                    "Key account arrived",
                    format!("Your key account {customer} took {number} at {hall}. Sign in at a counter to serve them first."),
                ),
            ),
            Message::KeyAccountAtKiosk { customer, hall } => both(
                (
                    "大客户到厅",
                    format!("您的大客户{customer}正在{hall}的自助机上办理业务，可前往接待。"),
                ),
                (
                    "Key account in the hall",
                    format!("Your key account {customer} is using the self-service kiosk at {hall}. You may go and help them."),
                ),
            ),
            Message::WorkOrderOverdue {
                number,
                topic,
                milestone,
            } => both(
                (
                    "工单超时督办",
                    format!("{}工单 {number}「{}」已超过承诺时限，请督办。", topic.0, milestone.0),
                ),
                (
                    "Overdue work order",
                    format!("{} order {number} is past its deadline for \"{}\"; please follow it up.", topic.1, milestone.1),
                ),
            ),
        }
    }
}

fn project_words(number: &str, kind: NoticeKind, (zh, en): Words) -> Both {
    match kind {
        NoticeKind::YourTurn => both(
            (
                "轮到您办理",
                format!("报装项目 {number} 已进入“{zh}”，请登录网上营业厅办理。"),
            ),
            (
                "Your turn",
                format!("Project {number} is at {en} and waits for you."),
            ),
        ),
        NoticeKind::Progress => both(
            (
                "报装项目有新进展",
                format!("您的报装项目 {number} 当前进度：{zh}。"),
            ),
            (
                "Project update",
                format!("Your project {number} is now at {en}."),
            ),
        ),
        NoticeKind::Assigned => both(
            (
                "贵单位被选中",
                format!("贵单位被选为报装项目 {number} 的承接单位，请登录接受或拒绝。"),
            ),
            (
                "Your firm was chosen",
                format!("Your firm was chosen for project {number}. Please accept or decline."),
            ),
        ),
        NoticeKind::DueSoon => both(
            (
                "报装项目即将到期",
                format!("报装项目 {number} 的“{zh}”即将到期，请尽快办理。"),
            ),
            (
                "Project step due soon",
                format!("Project {number}: {en} is due soon."),
            ),
        ),
        NoticeKind::Overdue => both(
            (
                "报装项目已超期",
                format!("报装项目 {number} 的“{zh}”已超期，请督办。"),
            ),
            (
                "Project step overdue",
                format!("Project {number}: {en} is overdue."),
            ),
        ),
    }
}

fn queue_words(number: &str, notice: QueueNotice) -> Both {
    match notice {
        QueueNotice::Ahead { ahead: 0 } => both(
            (
                "马上轮到您",
                format!("您的号码 {number} 前面已无人等候，请到叫号区等候。"),
            ),
            (
                "You are next",
                format!("Ticket {number}: you are next. Please come to the counters."),
            ),
        ),
        QueueNotice::Ahead { ahead } => both(
            (
                "快轮到您了",
                format!("您的号码 {number} 前面还有 {ahead} 位，请返回营业厅。"),
            ),
            (
                "Almost your turn",
                format!("Ticket {number}: {ahead} ahead of you. Please come back to the hall."),
            ),
        ),
        QueueNotice::Called { counter } => both(
            (
                "请到窗口办理",
                format!("您的号码 {number} 已叫到，请到 {counter} 号窗口办理。"),
            ),
            (
                "Your number is called",
                format!("Ticket {number}, please go to counter {counter}."),
            ),
        ),
        QueueNotice::MissedCall { counter } => both(
            (
                "您已过号",
                format!("{number} 号已叫过未到，请立即到 {counter} 号窗口，否则号码作废。"),
            ),
            (
                "You missed your call",
                format!("Ticket {number} was called. Go to counter {counter} now or it lapses."),
            ),
        ),
        QueueNotice::CancelledByHall => both(
            (
                "号码已取消",
                format!("您的号码 {number} 已被营业厅取消，如需办理请重新取号。"),
            ),
            (
                "Ticket cancelled",
                format!("The hall cancelled ticket {number}. Take a new number if needed."),
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind, with facts as long as they get in practice.
    fn every_kind() -> Vec<Message> {
        let queue = |notice| Message::Queue {
            number: "A123".into(),
            notice,
        };
        vec![
            queue(QueueNotice::Ahead { ahead: 0 }),
            queue(QueueNotice::Ahead { ahead: 15 }),
            queue(QueueNotice::Called { counter: 12 }),
            queue(QueueNotice::MissedCall { counter: 12 }),
            queue(QueueNotice::CancelledByHall),
            Message::ApplicationStep {
                id: 123456,
                status: ("已受理，正在审核", "accepted, under review"),
            },
            Message::WorkOrderStep {
                id: 123456,
                status: (
                    "已派单，抢修人员正在赶往现场",
                    "dispatched, the crew is on its way",
                ),
            },
            Message::Project {
                number: "YK2026-0001".into(),
                kind: NoticeKind::YourTurn,
                stage: ("竣工检验", "acceptance test"),
            },
            Message::Project {
                number: "YK2026-0001".into(),
                kind: NoticeKind::Progress,
                stage: ("供电方案答复", "supply plan"),
            },
            Message::Project {
                number: "YK2026-0001".into(),
                kind: NoticeKind::Assigned,
                stage: ("设计", "design"),
            },
            Message::Project {
                number: "YK2026-0001".into(),
                kind: NoticeKind::DueSoon,
                stage: ("供电方案答复", "supply plan"),
            },
            Message::Project {
                number: "YK2026-0001".into(),
                kind: NoticeKind::Overdue,
                stage: ("供电方案答复", "supply plan"),
            },
            Message::PaymentReceipt {
                account: "3301000001".into(),
                fen: 1_234_567,
            },
            Message::BillIssued {
                account: "3301000001".into(),
                month: "2026-11".into(),
                fen: 1_234_567,
            },
            Message::KeyAccountAtKiosk {
                customer: "江城精密制造有限公司".into(),
                hall: "高新营业厅".into(),
            },
            Message::BillOverdue {
                account: "3301000001".into(),
                fen: 1_234_567,
            },
            Message::PlannedOutage {
                area: "湖滨路锦绣花园小区".into(),
                day: "12-09".into(),
                from: "08:00".into(),
                until: "17:00".into(),
            },
            Message::KeyAccountArrived {
                customer: "江城精密制造有限公司".into(),
                number: "A012".into(),
                hall: "高新营业厅".into(),
            },
            Message::WorkOrderOverdue {
                number: "GD2026-000123".into(),
                topic: ("故障报修（边远地区）", "Fault repair (remote area)"),
                milestone: ("恢复供电", "Power restored"),
            },
            Message::PhoneCode {
                code: "123456".into(),
            },
        ]
    }

    #[test]
    fn every_chinese_sms_names_the_sender_and_fits_one_segment() {
        for m in every_kind() {
            let sms = m.sms(Lang::Zh);
            assert!(sms.starts_with(SENDER_ZH), "{sms}");
            assert!(
                sms.chars().count() <= SMS_SEGMENT,
                "{} chars: {sms}",
                sms.chars().count()
            );
        }
    }

    #[test]
    fn every_kind_has_both_languages_and_english_titles_are_english() {
        for m in every_kind() {
            let (zh, en) = (m.words(Lang::Zh), m.words(Lang::En));
            assert!(!zh.title.is_empty() && !zh.body.is_empty());
            assert!(!en.title.is_empty() && !en.body.is_empty());
            // The facts may be Chinese (a street, a stage's name); the words around them not.
            assert!(en.title.is_ascii(), "{}", en.title);
            let sms = m.sms(Lang::En);
            let limit = if sms.is_ascii() { 160 } else { SMS_SEGMENT * 2 };
            assert!(sms.chars().count() <= limit, "{sms}");
        }
    }

    #[test]
    fn queue_texts_say_what_the_customer_must_do() {
        let ahead = Message::Queue {
            number: "A012".into(),
            notice: QueueNotice::Ahead { ahead: 2 },
        };
        assert_eq!(
            ahead.sms(Lang::Zh),
            "【江城供电】您的号码 A012 前面还有 2 位，请返回营业厅。"
        );
        let called = Message::Queue {
            number: "A012".into(),
            notice: QueueNotice::Called { counter: 3 },
        };
        assert_eq!(
            called.sms(Lang::Zh),
            "【江城供电】您的号码 A012 已叫到，请到 3 号窗口办理。"
        );
        assert_eq!(
            called.sms(Lang::En),
            "[Jiangcheng Power] Ticket A012, please go to counter 3."
        );
    }

    #[test]
    fn each_message_belongs_to_its_topic() {
        let topics: Vec<Topic> = every_kind().iter().map(Message::topic).collect();
        for topic in Topic::ALL.iter().filter(|t| **t != Topic::Broadcasts) {
            assert!(topics.contains(topic), "{topic:?} has no message");
        }
        let hall = Message::Broadcast {
            text: "系统维护，暂停取号 10 分钟".into(),
        };
        assert_eq!(hall.topic(), Topic::Broadcasts);
        assert_eq!(hall.words(Lang::En).body, "系统维护，暂停取号 10 分钟");
    }
}
