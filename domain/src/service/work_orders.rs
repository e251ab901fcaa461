//! Work orders (工单) of the 95598 kinds: fault repair, complaint, suggestion, consultation.
//! Each topic carries service commitments (`terms`: repair crews arrive within 45 minutes in
//! town, complainants hear the result within 5 working days...); the admin may change them, and
//! the staff board shows which orders are due soon or overdue. A complaint's reply is followed
//! by a callback (回访): a customer who is not satisfied reopens it.

use super::intake::{Channel, Intake};
use crate::error::{field_text, ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

pub mod escalations;
pub mod repair_times;
pub mod terms;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    RepairUrban,
    RepairRural,
    RepairRemote,
    MeterFault,
    Complaint,
    Suggestion,
    Consultation,
}

/// What a commitment promises by its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// The complainant contacted.
    Contact,
    /// A crew on site.
    Arrival,
    /// The power back on after a repair.
    Restore,
    /// The complainant given the result.
    Result,
    /// The fault fixed or the customer answered.
    Reply,
}

impl Milestone {
    pub const ALL: [Milestone; 5] = [
        Milestone::Contact,
        Milestone::Arrival,
        Milestone::Restore,
        Milestone::Result,
        Milestone::Reply,
    ];

    /// The milestone whose moment starts this one's clock; `None` = the order's filing.
    pub fn starts_after(self) -> Option<Milestone> {
        match self {
            Milestone::Restore => Some(Milestone::Arrival),
            _ => None,
        }
    }

    /// Whether reaching this milestone starts another one's clock.
    pub fn starts_clock(self) -> bool {
        Milestone::ALL
            .iter()
            .any(|m| m.starts_after() == Some(self))
    }

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Milestone::Contact => ("联系客户", "Customer contacted"),
            Milestone::Arrival => ("到达现场", "Crew on site"),
            Milestone::Restore => ("恢复供电", "Power restored"),
            Milestone::Result => ("答复结果", "Result given"),
            Milestone::Reply => ("处理答复", "Answered"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Department {
    RepairCrew,
    MeteringTeam,
    CustomerService,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::RepairUrban,
        Topic::RepairRural,
        Topic::RepairRemote,
        Topic::MeterFault,
        Topic::Complaint,
        Topic::Suggestion,
        Topic::Consultation,
    ];

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Topic::RepairUrban => ("故障报修（城区）", "Fault repair (town)"),
            Topic::RepairRural => ("故障报修（乡村）", "Fault repair (rural)"),
            Topic::RepairRemote => ("故障报修（边远地区）", "Fault repair (remote area)"),
            Topic::MeterFault => ("电表故障", "Meter fault"),
            Topic::Complaint => ("投诉", "Complaint"),
            Topic::Suggestion => ("建议", "Suggestion"),
            Topic::Consultation => ("咨询", "Consultation"),
        }
    }

    /// The first milestone the topic promises: the one its board deadline is about.
    pub fn milestone(self) -> Milestone {
        match self {
            _ if self.is_repair() => Milestone::Arrival,
            Topic::Complaint => Milestone::Contact,
            _ => Milestone::Reply,
        }
    }

    /// The milestone the reply reaches: the power back, the complaint's result, or the answer.
    pub fn answer(self) -> Milestone {
        match self {
            _ if self.is_repair() => Milestone::Restore,
            Topic::Complaint => Milestone::Result,
            _ => Milestone::Reply,
        }
    }

    /// A power fault: a crew arrives, then restores the supply.
    pub fn is_repair(self) -> bool {
        matches!(
            self,
            Topic::RepairUrban | Topic::RepairRural | Topic::RepairRemote
        )
    }

    /// A crew goes out: the order must record arrival before it is answered.
    pub fn needs_visit(self) -> bool {
        self.is_repair() || self == Topic::MeterFault
    }

    /// Where the order goes unless staff choose otherwise.
    pub fn department(self) -> Department {
        match self {
            _ if self.is_repair() => Department::RepairCrew,
            Topic::MeterFault => Department::MeteringTeam,
            _ => Department::CustomerService,
        }
    }
}

impl Department {
    pub const ALL: [Department; 3] = [
        Department::RepairCrew,
        Department::MeteringTeam,
        Department::CustomerService,
    ];

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Department::RepairCrew => ("抢修班", "Repair crew"),
            Department::MeteringTeam => ("计量班", "Metering team"),
            Department::CustomerService => ("客户服务中心", "Customer service"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Submitted,
    Dispatched,
    Arrived,
    Replied,
    Closed,
    Cancelled,
}

impl OrderStatus {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            OrderStatus::Submitted => ("已提交", "Submitted"),
            OrderStatus::Dispatched => ("已派单", "Dispatched"),
            OrderStatus::Arrived => ("已到达现场", "Crew on site"),
            OrderStatus::Replied => ("已处理答复", "Handled and answered"),
            OrderStatus::Closed => ("已办结", "Closed"),
            OrderStatus::Cancelled => ("已撤销", "Cancelled"),
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, OrderStatus::Closed | OrderStatus::Cancelled)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrderAction {
    Dispatch,
    /// A complainant contacted (by phone or in person) before the result is ready.
    Contact,
    Arrive,
    Reply,
    /// The callback (回访) after the reply, with its `Outcome`.
    Callback,
    Close,
    Rate,
    Cancel,
}

/// What the callback after a reply found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Reached and satisfied: the order closes.
    Satisfied,
    /// Reached and not satisfied: the order reopens with the customer's reason.
    Unsatisfied,
    /// Not reached: the order waits for another try (or is closed after one).
    NotReached,
}

impl Outcome {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Outcome::Satisfied => ("回访满意", "Reached, satisfied"),
            Outcome::Unsatisfied => ("回访不满意", "Reached, not satisfied"),
            Outcome::NotReached => ("未联系上", "Could not reach"),
        }
    }
}

impl OrderAction {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            OrderAction::Dispatch => ("派单", "Dispatch"),
            OrderAction::Contact => ("已联系客户", "Customer contacted"),
            OrderAction::Arrive => ("到达现场", "Arrived on site"),
            OrderAction::Reply => ("处理答复", "Reply"),
            OrderAction::Callback => ("回访", "Call back"),
            OrderAction::Close => ("办结", "Close"),
            OrderAction::Rate => ("评价", "Rate"),
            OrderAction::Cancel => ("撤销", "Cancel"),
        }
    }

    /// The customer's own actions; the rest are the staff's.
    pub fn by_customer(self) -> bool {
        matches!(self, OrderAction::Rate | OrderAction::Cancel)
    }
}

pub const DESCRIPTION_MAX: usize = 500;
pub const REPLY_MAX: usize = 500;
pub const MAX_PHOTOS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OrderInput {
    pub topic: Topic,
    pub description: String,
    /// Where: street, building, what is seen.
    pub location: String,
    pub phone: String,
    pub hall_id: String,
    #[serde(default)]
    pub account: Option<String>,
    /// How the order came and for whom, when staff take it.
    #[serde(flatten)]
    pub intake: Intake,
}

impl OrderInput {
    /// The order as filed; `by_staff` when an agent or clerk takes it for a caller.
    pub fn checked(&self, by_staff: bool) -> ApiResult<OrderInput> {
        Ok(OrderInput {
            intake: self.intake.checked(by_staff)?,
            description: field_text(
                "description",
                &self.description,
                DESCRIPTION_MAX,
                "what happened",
            )?,
            location: field_text("location", &self.location, 120, "where it is")?,
            phone: crate::accounts::normalise_mobile(&self.phone)?,
            account: self.account.clone().filter(|a| !a.trim().is_empty()),
            ..self.clone()
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OrderActInput {
    pub action: OrderAction,
    #[serde(default)]
    pub department: Option<Department>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub stars: Option<u8>,
    /// A callback's outcome; `text` then gives the customer's reason when unsatisfied.
    #[serde(default)]
    pub outcome: Option<Outcome>,
}

/// What an accepted action changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderChange {
    pub status: OrderStatus,
    pub department: Option<Department>,
    /// The milestones reached now.
    pub met: Vec<Milestone>,
    pub reply: Option<String>,
    pub rating: Option<(u8, String)>,
    /// The callback's outcome and, when unsatisfied, the customer's reason.
    pub callback: Option<(Outcome, Option<String>)>,
}

impl OrderChange {
    /// Reopened by an unsatisfied callback: the result is owed again.
    pub fn reopened(&self) -> bool {
        matches!(self.callback, Some((Outcome::Unsatisfied, _)))
    }
}

/// The part of an order its rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderState {
    pub topic: Topic,
    pub status: OrderStatus,
    pub department: Option<Department>,
    pub rated: bool,
    /// A complainant was contacted (the contact commitment is met).
    pub contacted: bool,
    /// Callbacks since the last reply that did not reach the customer.
    pub unreached: u32,
}

fn refuse(what: &str) -> ApiError {
    ApiError::new(
        Reason::Stale,
        format!("{what}; reload to see the order as it is now"),
    )
}

impl OrderState {
    /// Applies `input` by the customer (`by_customer`) or staff, or says why not.
    pub fn apply(&self, input: &OrderActInput, by_customer: bool) -> ApiResult<OrderChange> {
        use OrderAction as A;
        use OrderStatus as S;
        if input.action.by_customer() != by_customer {
            return Err(if by_customer {
                ApiError::new(
                    Reason::StaffOnly,
                    "only the utility's staff handle an order",
                )
            } else {
                ApiError::new(
                    Reason::CustomerOnly,
                    "only the customer who filed the order may do this",
                )
            });
        }
        let mut change = OrderChange {
            status: self.status,
            department: self.department,
            met: Vec::new(),
            reply: None,
            rating: None,
            callback: None,
        };
        let complaint = self.topic == Topic::Complaint;
        match (input.action, self.status) {
            (A::Dispatch, S::Submitted | S::Dispatched) => {
                change.status = S::Dispatched;
                change.department = Some(input.department.unwrap_or(self.topic.department()));
            }
            (A::Contact, S::Dispatched) if complaint && !self.contacted => {
                change.met.push(Milestone::Contact);
            }
            (A::Arrive, S::Dispatched) if self.topic.needs_visit() => {
                change.status = S::Arrived;
                change
                    .met
                    .extend(self.topic.is_repair().then_some(Milestone::Arrival));
            }
            (A::Reply, S::Dispatched) if self.topic.needs_visit() => {
                return Err(refuse("record the crew's arrival first"));
            }
            (A::Reply, S::Dispatched | S::Arrived) => {
                let text = input.text.as_deref().unwrap_or("");
                change.reply = Some(field_text("text", text, REPLY_MAX, "the reply")?);
                change.status = S::Replied;
                // Giving a complaint's result is also its first contact.
                if self.topic == Topic::Complaint && !self.contacted {
                    change.met.push(Milestone::Contact);
                }
                change.met.push(self.topic.answer());
            }
            (A::Callback, S::Replied) => {
                let outcome = input.outcome.ok_or_else(|| {
                    ApiError::validation(
                        "outcome",
                        "say whether the customer was reached and satisfied",
                    )
                })?;
                let reason = match outcome {
                    Outcome::Unsatisfied => Some(field_text(
                        "text",
                        input.text.as_deref().unwrap_or(""),
                        REPLY_MAX,
                        "why the customer is not satisfied",
                    )?),
                    _ => None,
                };
                change.status = match outcome {
                    Outcome::Satisfied => S::Closed,
                    Outcome::Unsatisfied => S::Dispatched,
                    Outcome::NotReached => S::Replied,
                };
                change.callback = Some((outcome, reason));
            }
            (A::Close, S::Replied) if complaint && self.unreached == 0 => {
                return Err(ApiError::new(
                    Reason::CallbackFirst,
                    "call the complainant back first; close it after a try that did not reach them",
                ));
            }
            (A::Close, S::Replied) => change.status = S::Closed,
            (A::Cancel, S::Submitted) => change.status = S::Cancelled,
            (A::Rate, S::Closed) if !self.rated => {
                let stars = input.stars.unwrap_or(0);
                if !(1..=5).contains(&stars) {
                    return Err(ApiError::validation("stars", "give 1 to 5 stars"));
                }
                let comment = input.text.as_deref().unwrap_or("").trim();
                if comment.chars().count() > REPLY_MAX {
                    return Err(ApiError::validation(
                        "text",
                        format!("a comment is at most {REPLY_MAX} characters"),
                    ));
                }
                change.rating = Some((stars, comment.to_string()));
            }
            (A::Rate, S::Closed) => return Err(refuse("this order is rated already")),
            (action, status) => {
                return Err(refuse(&format!(
                    "an order that is {} cannot be given \"{}\"",
                    status.words().1.to_lowercase(),
                    action.words().1.to_lowercase()
                )))
            }
        }
        Ok(change)
    }

    /// The actions that would succeed now for the customer or for staff.
    pub fn options(&self, by_customer: bool) -> Vec<OrderAction> {
        use OrderAction::*;
        [
            Dispatch, Contact, Arrive, Reply, Callback, Close, Rate, Cancel,
        ]
        .into_iter()
        .filter(|&action| {
            let input = OrderActInput {
                action,
                department: None,
                text: Some("-".into()),
                stars: Some(5),
                outcome: Some(Outcome::NotReached),
            };
            self.apply(&input, by_customer).is_ok()
        })
        .collect()
    }
}

/// Where an order stands against its commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueState {
    OnTime,
    /// A quarter of the time or less is left.
    DueSoon,
    Overdue,
    Met,
    Missed,
    /// Cancelled before anything was due.
    None,
}

impl DueState {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            DueState::OnTime => ("时限内", "On time"),
            DueState::DueSoon => ("即将超时", "Due soon"),
            DueState::Overdue => ("已超时", "Overdue"),
            DueState::Met => ("按时完成", "Met"),
            DueState::Missed => ("超时完成", "Met late"),
            DueState::None => ("—", "—"),
        }
    }

    /// Orders the board: overdue first, then due soon.
    pub fn urgency(self) -> u8 {
        match self {
            DueState::Overdue => 0,
            DueState::DueSoon => 1,
            DueState::OnTime => 2,
            _ => 3,
        }
    }
}

/// A work order as listed and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkOrder {
    pub id: i64,
    /// GD2026-000012
    pub number: String,
    pub topic: Topic,
    pub status: OrderStatus,
    pub description: String,
    pub location: String,
    pub phone: String,
    pub hall_id: String,
    pub account: Option<String>,
    pub customer_name: String,
    pub channel: Channel,
    pub department: Option<Department>,
    pub created_at: i64,
    /// Every deadline the order was given, in the order they fall due.
    pub deadlines: Vec<OrderDeadline>,
    /// The leading deadline (the first still owed, else the last): the board's sort.
    pub deadline_at: i64,
    pub due: DueState,
    /// When the complainant was first contacted.
    pub contacted_at: Option<i64>,
    /// The last callback's outcome.
    pub callback: Option<Outcome>,
    pub reply: Option<String>,
    pub stars: Option<u8>,
    pub rating_comment: Option<String>,
    /// What the viewer may do now.
    pub options: Vec<OrderAction>,
}

/// A deadline with where it stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OrderDeadline {
    #[serde(flatten)]
    pub deadline: terms::Deadline,
    pub state: DueState,
}

pub fn order_number(year: i32, id: i64) -> String {
    format!("GD{year}-{id:06}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OrderEvent {
    pub at: i64,
    pub actor: String,
    pub action: Option<OrderAction>,
    pub status: OrderStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkOrderDetail {
    pub order: WorkOrder,
    pub events: Vec<OrderEvent>,
    pub photos: Vec<crate::files::FileRef>,
}

#[cfg(test)]
mod tests;
