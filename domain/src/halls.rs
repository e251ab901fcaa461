//! Halls, their counters and the business types counters serve.

pub mod business;
pub mod edit;
pub mod map;

use crate::hours::calendar::{DayRule, SpecialDay};
use crate::hours::{DayHours, OpenStatus, WeeklyHours};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BusinessType {
    /// 缴费: bills and payments.
    Payment,
    /// 业扩报装: new connection and capacity increase.
    Expansion,
    /// 变更过户: rename, ownership transfer, tariff change.
    ChangeTransfer,
    /// 咨询: questions and guidance.
    Consultation,
    /// 发票: invoices and receipts.
    Invoice,
}

impl BusinessType {
    pub const ALL: [BusinessType; 5] = [
        BusinessType::Payment,
        BusinessType::Expansion,
        BusinessType::ChangeTransfer,
        BusinessType::Consultation,
        BusinessType::Invoice,
    ];

    /// Its position in `ALL`, for tables indexed by business.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The letter in front of ticket numbers of this type.
    pub fn ticket_prefix(self) -> char {
        match self {
            BusinessType::Payment => 'A',
            BusinessType::Expansion => 'B',
            BusinessType::ChangeTransfer => 'C',
            BusinessType::Consultation => 'D',
            BusinessType::Invoice => 'E',
        }
    }

    /// Minutes a counter usually spends on one customer of this type, before real data exists.
    pub fn default_service_minutes(self) -> u32 {
        match self {
            BusinessType::Payment => 3,
            BusinessType::Expansion => 15,
            BusinessType::ChangeTransfer => 10,
            BusinessType::Consultation => 5,
            BusinessType::Invoice => 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Counter {
    pub id: i64,
    /// The number on the sign above the counter.
    pub number: u32,
    pub serves: Vec<BusinessType>,
    /// The types its clerk may take from another line when none of `serves` wait.
    #[serde(default = "every_business_type")]
    pub trained: Vec<BusinessType>,
}

fn every_business_type() -> Vec<BusinessType> {
    BusinessType::ALL.to_vec()
}

/// A hall as the hall list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HallSummary {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub district: String,
    pub address: String,
    pub address_en: String,
    pub phone: String,
    /// Today's hours in the hall's time, `None` when closed all day.
    pub today: Option<DayHours>,
    pub status: OpenStatus,
    /// Why today has those hours: the usual week, a public holiday, a make-up working day, or
    /// a day the manager set apart.
    #[serde(default)]
    pub today_rule: DayRule,
    /// Where the hall is, for the kiosk's map; none until it is set.
    #[serde(default)]
    pub point: Option<map::MapPoint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HallDetail {
    #[serde(flatten)]
    pub summary: HallSummary,
    pub hours: WeeklyHours,
    pub counters: Vec<Counter>,
    /// The days ahead the manager set apart, soonest first.
    #[serde(default)]
    pub special_days: Vec<SpecialDay>,
    /// How the hall offers each business type: ticket letter, usual minutes, daily numbers.
    #[serde(default)]
    pub business: business::BusinessSettings,
    /// Bus lines and parking, as the manager writes them.
    #[serde(default)]
    pub directions: map::Directions,
}
