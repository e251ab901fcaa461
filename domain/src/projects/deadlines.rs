//! The regulated time limits of the process's nodes, in working days, and where a node stands
//! against its limit on the working-day calendar.

use crate::calendar::Calendar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Node {
    /// Supply plan for a single-source connection.
    SupplyPlanSingle,
    /// Supply plan for a dual-source connection.
    SupplyPlanDual,
    DesignReview,
    MidConstructionInspection,
    CompletionAcceptance,
    /// Meter install and energizing, after completion acceptance.
    MeterAndEnergize,
    /// A home's new-energy connection (rooftop PV, EV charger): the site survey.
    HomeSurvey,
    /// Rooftop PV: the access plan and opinion letter.
    AccessPlan,
    /// Rooftop PV: the acceptance test and commissioning.
    GridAcceptance,
    /// A home's new-energy connection: the meter and power on.
    HomeMeter,
}

impl Node {
    /// The limit in working days.
    pub fn limit(self) -> u32 {
        match self {
            Node::SupplyPlanSingle => 15,
            Node::SupplyPlanDual => 30,
            Node::DesignReview => 10,
            Node::MidConstructionInspection
            | Node::CompletionAcceptance
            | Node::MeterAndEnergize => 5,
            // A home's stages fit the five working days residential connections are promised.
            Node::AccessPlan => 2,
            Node::HomeSurvey | Node::GridAcceptance | Node::HomeMeter => 1,
        }
    }
}

/// A node against its limit on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Standing {
    pub due: NaiveDate,
    pub used: u32,
    /// Working days left before the due date (0 on the day itself); negative when overdue.
    pub left: i64,
}

impl Standing {
    pub fn is_overdue(&self) -> bool {
        self.left < 0
    }

    /// Due within two working days: time to remind.
    pub fn is_due_soon(&self) -> bool {
        (0..=2).contains(&self.left)
    }
}

/// Where a step started on `started` with `limit` working days stands on `today`.
pub fn standing(calendar: &Calendar, limit: u32, started: NaiveDate, today: NaiveDate) -> Standing {
    let due = calendar.add_working_days(started, limit);
    let used = calendar.working_days_between(started, today);
    let left = if today <= due {
        calendar.working_days_between(today, due) as i64
    } else {
        -(calendar.working_days_between(due, today) as i64)
    };
    Standing { due, used, left }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_regulated_limits() {
        assert_eq!(Node::SupplyPlanSingle.limit(), 15);
        assert_eq!(Node::SupplyPlanDual.limit(), 30);
        assert_eq!(Node::DesignReview.limit(), 10);
        assert_eq!(Node::CompletionAcceptance.limit(), 5);
    }

    #[test]
    fn a_node_is_due_soon_then_overdue_in_working_days() {
        let c = Calendar::china();
        // Completion acceptance started Monday 16 November 2026: due Monday 23 November.
        let s = standing(
            &c,
            Node::CompletionAcceptance.limit(),
            d("2026-11-16"),
            d("2026-11-19"),
        );
        assert_eq!((s.due, s.used, s.left), (d("2026-11-23"), 3, 2));
        assert!(s.is_due_soon() && !s.is_overdue());
        let weekend = standing(
            &c,
            Node::CompletionAcceptance.limit(),
            d("2026-11-16"),
            d("2026-11-22"),
        );
        assert_eq!(weekend.left, 1, "the weekend does not count");
        let late = standing(
            &c,
            Node::CompletionAcceptance.limit(),
            d("2026-11-16"),
            d("2026-11-25"),
        );
        assert_eq!(late.left, -2);
        assert!(late.is_overdue());
    }
}
