//! Work orders (工单) of the 95598 kinds: fault repair, complaint, suggestion, consultation.
//! Each topic carries a service commitment (repair crews arrive within 45 minutes in town, meter
//! faults are fixed within 8 hours...); the utility may change the minutes, and the staff board
//! shows which orders are due soon or overdue.

use crate::error::{field_text, ApiError, ApiResult};
use crate::ErrorCode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    RepairUrban,
    RepairRural,
    MeterFault,
    Complaint,
    Suggestion,
    Consultation,
}

/// What the commitment promises by its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// A crew on site.
    Arrival,
    /// The fault fixed or the customer answered.
    Reply,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Department {
    RepairCrew,
    MeteringTeam,
    CustomerService,
}

impl Topic {
    pub const ALL: [Topic; 6] = [
        Topic::RepairUrban,
        Topic::RepairRural,
        Topic::MeterFault,
        Topic::Complaint,
        Topic::Suggestion,
        Topic::Consultation,
    ];

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Topic::RepairUrban => ("故障报修（城区）", "Fault repair (town)"),
            Topic::RepairRural => ("故障报修（乡村）", "Fault repair (rural)"),
            Topic::MeterFault => ("电表故障", "Meter fault"),
            Topic::Complaint => ("投诉", "Complaint"),
            Topic::Suggestion => ("建议", "Suggestion"),
            Topic::Consultation => ("咨询", "Consultation"),
        }
    }

    pub fn milestone(self) -> Milestone {
        match self {
            Topic::RepairUrban | Topic::RepairRural => Milestone::Arrival,
            _ => Milestone::Reply,
        }
    }

    /// A crew goes out: the order must record arrival before it is answered.
    pub fn needs_visit(self) -> bool {
        matches!(
            self,
            Topic::RepairUrban | Topic::RepairRural | Topic::MeterFault
        )
    }

    /// The commitment until the utility sets its own.
    pub fn default_minutes(self) -> u32 {
        match self {
            Topic::RepairUrban => 45,
            Topic::RepairRural => 90,
            Topic::MeterFault => 8 * 60,
            Topic::Complaint => 24 * 60,
            Topic::Suggestion => 3 * 24 * 60,
            Topic::Consultation => 24 * 60,
        }
    }

    /// Where the order goes unless staff choose otherwise.
    pub fn department(self) -> Department {
        match self {
            Topic::RepairUrban | Topic::RepairRural => Department::RepairCrew,
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

/// A topic's commitment, as configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub topic: Topic,
    pub minutes: u32,
}

/// Commitments run from 5 minutes to 30 days.
pub const COMMITMENT_MINUTES: std::ops::RangeInclusive<u32> = 5..=30 * 24 * 60;

impl Commitment {
    pub fn checked(self) -> ApiResult<Commitment> {
        if !COMMITMENT_MINUTES.contains(&self.minutes) {
            return Err(ApiError::validation(
                "minutes",
                "a commitment is between 5 minutes and 30 days (43200 minutes)",
            ));
        }
        Ok(self)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[serde(rename_all = "snake_case")]
pub enum OrderAction {
    Dispatch,
    Arrive,
    Reply,
    Close,
    Rate,
    Cancel,
}

impl OrderAction {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            OrderAction::Dispatch => ("派单", "Dispatch"),
            OrderAction::Arrive => ("到达现场", "Arrived on site"),
            OrderAction::Reply => ("处理答复", "Reply"),
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
pub struct OrderInput {
    pub topic: Topic,
    pub description: String,
    /// Where: street, building, what is seen.
    pub location: String,
    pub phone: String,
    pub hall_id: String,
    #[serde(default)]
    pub account: Option<String>,
}

impl OrderInput {
    pub fn checked(&self) -> ApiResult<OrderInput> {
        Ok(OrderInput {
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
pub struct OrderActInput {
    pub action: OrderAction,
    #[serde(default)]
    pub department: Option<Department>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub stars: Option<u8>,
}

/// What an accepted action changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderChange {
    pub status: OrderStatus,
    pub department: Option<Department>,
    /// The commitment's milestone was reached now.
    pub meets_milestone: bool,
    pub reply: Option<String>,
    pub rating: Option<(u8, String)>,
}

/// The part of an order its rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderState {
    pub topic: Topic,
    pub status: OrderStatus,
    pub department: Option<Department>,
    pub rated: bool,
}

fn refuse(what: &str) -> ApiError {
    ApiError::conflict(format!("{what}; reload to see the order as it is now"))
}

impl OrderState {
    /// Applies `input` by the customer (`by_customer`) or staff, or says why not.
    pub fn apply(&self, input: &OrderActInput, by_customer: bool) -> ApiResult<OrderChange> {
        use OrderAction as A;
        use OrderStatus as S;
        if input.action.by_customer() != by_customer {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                if by_customer {
                    "only the utility's staff handle an order"
                } else {
                    "only the customer who filed the order may do this"
                },
            ));
        }
        let mut change = OrderChange {
            status: self.status,
            department: self.department,
            meets_milestone: false,
            reply: None,
            rating: None,
        };
        match (input.action, self.status) {
            (A::Dispatch, S::Submitted | S::Dispatched) => {
                change.status = S::Dispatched;
                change.department = Some(input.department.unwrap_or(self.topic.department()));
            }
            (A::Arrive, S::Dispatched) if self.topic.needs_visit() => {
                change.status = S::Arrived;
                change.meets_milestone = self.topic.milestone() == Milestone::Arrival;
            }
            (A::Reply, S::Dispatched) if self.topic.needs_visit() => {
                return Err(refuse("record the crew's arrival first"));
            }
            (A::Reply, S::Dispatched | S::Arrived) => {
                let text = input.text.as_deref().unwrap_or("");
                change.reply = Some(field_text("text", text, REPLY_MAX, "the reply")?);
                change.status = S::Replied;
                change.meets_milestone = self.topic.milestone() == Milestone::Reply;
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
        [Dispatch, Arrive, Reply, Close, Rate, Cancel]
            .into_iter()
            .filter(|&action| {
                let input = OrderActInput {
                    action,
                    department: None,
                    text: Some("-".into()),
                    stars: Some(5),
                };
                self.apply(&input, by_customer).is_ok()
            })
            .collect()
    }
}

/// Where an order stands against its commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// The state at `now` (ms) of an order filed at `created` with `minutes` to its milestone.
pub fn due_state(
    created: i64,
    minutes: u32,
    met_at: Option<i64>,
    cancelled: bool,
    now: i64,
) -> DueState {
    let deadline = created + minutes as i64 * 60_000;
    match met_at {
        Some(at) if at <= deadline => DueState::Met,
        Some(_) => DueState::Missed,
        None if cancelled => DueState::None,
        None if now > deadline => DueState::Overdue,
        None if (deadline - now) * 4 <= minutes as i64 * 60_000 => DueState::DueSoon,
        None => DueState::OnTime,
    }
}

/// A work order as listed and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    pub department: Option<Department>,
    pub created_at: i64,
    pub deadline_at: i64,
    pub met_at: Option<i64>,
    pub due: DueState,
    pub reply: Option<String>,
    pub stars: Option<u8>,
    pub rating_comment: Option<String>,
    /// What the viewer may do now.
    pub options: Vec<OrderAction>,
}

pub fn order_number(year: i32, id: i64) -> String {
    format!("GD{year}-{id:06}")
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderEvent {
    pub at: i64,
    pub actor: String,
    pub action: Option<OrderAction>,
    pub status: OrderStatus,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkOrderDetail {
    pub order: WorkOrder,
    pub events: Vec<OrderEvent>,
    pub photos: Vec<crate::video::files::FileRef>,
}

#[cfg(test)]
mod tests;
