//! Monthly bills and daily usage. A bill keeps the kWh and the plan it was issued under, so its
//! breakdown can always be shown again from the tariff.

use super::accounts::Category;
use super::tariff::{Charge, Plan, Tariff, RESIDENTIAL};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days from issue to the due date.
pub const DAYS_TO_PAY: i64 = 15;

/// Non-residential accounts: one price, no tiers (the demo's 一般工商业 price).
pub const COMMERCIAL: Tariff = Tariff {
    flat_li: 702,
    peak_li: 1053,
    valley_li: 351,
    tiers: [super::tariff::Tier {
        up_to: None,
        surcharge_li: 0,
    }; 3],
};

pub fn tariff_for(category: Category) -> &'static Tariff {
    match category {
        Category::Residential => &RESIDENTIAL,
        Category::Commercial | Category::Industrial => &COMMERCIAL,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BillStatus {
    Unpaid,
    Paid,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bill {
    pub id: i64,
    pub account: String,
    /// "2026-10"
    pub period: String,
    pub peak_kwh: u32,
    pub valley_kwh: u32,
    pub plan: Plan,
    pub amount_fen: i64,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub status: BillStatus,
    /// The payment that settled it.
    pub payment_id: Option<i64>,
}

impl Bill {
    pub fn kwh(&self) -> u32 {
        self.peak_kwh + self.valley_kwh
    }

    /// Days past the due date while unpaid; 0 otherwise.
    pub fn days_overdue(&self, today: NaiveDate) -> i64 {
        if self.status == BillStatus::Paid {
            return 0;
        }
        (today - self.due_on).num_days().max(0)
    }

    /// The breakdown, line by line, under the plan it was issued with.
    pub fn charge(&self, category: Category) -> Charge {
        tariff_for(category).charge(self.plan, self.peak_kwh, self.valley_kwh)
    }
}

/// A bill with its breakdown, for the bill page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BillDetail {
    pub bill: Bill,
    pub charge: Charge,
    pub address: String,
    pub holder_name: String,
}

/// The amount of the bill for a month's peak and valley kWh.
pub fn issue(category: Category, plan: Plan, peak_kwh: u32, valley_kwh: u32) -> i64 {
    tariff_for(category)
        .charge(plan, peak_kwh, valley_kwh)
        .total_fen
}

/// One day's metered use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DayUsage {
    pub day: NaiveDate,
    pub peak_kwh: u32,
    pub valley_kwh: u32,
}

/// One month's use and its bill amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MonthUsage {
    pub period: String,
    pub peak_kwh: u32,
    pub valley_kwh: u32,
    pub amount_fen: i64,
    /// What a rooftop PV on the account fed into the grid that month (its two-way meter's
    /// export register); 0 without one. Paid under the purchase agreement, not off the bill.
    #[serde(default)]
    pub feed_in_kwh: u32,
}

/// The usage page: up to 24 months, and the days of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Usage {
    pub account: String,
    pub months: Vec<MonthUsage>,
    /// The month `days` belong to.
    pub period: String,
    pub days: Vec<DayUsage>,
}

/// "2026-10" as the first day of that month, if it is one.
pub fn period_start(period: &str) -> Option<NaiveDate> {
    if period.len() != 7 {
        return None;
    }
    crate::clock_text::parse_date(&format!("{period}-01"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bill(due: &str, status: BillStatus) -> Bill {
        Bill {
            id: 1,
            account: "3301000001".into(),
            period: "2026-10".into(),
            peak_kwh: 180,
            valley_kwh: 120,
            plan: Plan::PeakValley,
            amount_fen: 14_030,
            issued_on: "2026-11-01".parse().unwrap(),
            due_on: due.parse().unwrap(),
            status,
            payment_id: None,
        }
    }

    #[test]
    fn a_bill_is_overdue_only_while_unpaid_after_its_due_date() {
        let today: NaiveDate = "2026-11-20".parse().unwrap();
        assert_eq!(
            bill("2026-11-16", BillStatus::Unpaid).days_overdue(today),
            4
        );
        assert_eq!(
            bill("2026-11-25", BillStatus::Unpaid).days_overdue(today),
            0
        );
        assert_eq!(bill("2026-11-16", BillStatus::Paid).days_overdue(today), 0);
    }

    #[test]
    fn a_bill_shows_its_breakdown_under_its_own_plan() {
        let b = bill("2026-11-16", BillStatus::Unpaid);
        assert_eq!(b.charge(Category::Residential).total_fen, b.amount_fen);
        assert_eq!(
            issue(Category::Residential, Plan::PeakValley, 180, 120),
            14_030
        );
        // Commercial: 300 × 0.702, no tiers.
        assert_eq!(issue(Category::Commercial, Plan::Flat, 200, 100), 21_060);
    }

    #[test]
    fn periods_parse_only_as_whole_months() {
        assert_eq!(period_start("2026-02"), "2026-02-01".parse().ok());
        assert_eq!(period_start("2026-13"), None);
        assert_eq!(period_start("2026-2"), None);
    }
}

/// Bills a notice run told of: newly issued, and fallen overdue.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BillRun {
    pub issued: u32,
    pub overdue: u32,
}
