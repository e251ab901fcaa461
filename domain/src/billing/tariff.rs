//! The residential tariff: three monthly tiers (阶梯电价) on a flat price, or peak and valley
//! prices (峰谷电价) with the same tier surcharges on top. Prices are in 厘 (0.001 yuan) per kWh so
//! every line is exact; the bill rounds once, half up, to fen.

use serde::{Deserialize, Serialize};

/// The account's pricing plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    /// One price all day.
    Flat,
    /// Peak 08:00–22:00, valley 22:00–08:00.
    PeakValley,
}

impl Plan {
    pub const ALL: [Plan; 2] = [Plan::Flat, Plan::PeakValley];

    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Plan::Flat => ("普通电价", "Standard price"),
            Plan::PeakValley => ("峰谷电价", "Peak/valley price"),
        }
    }
}

/// One tier: the kWh of the month up to `up_to` (inclusive; `None`: the rest) and what each
/// kWh in it costs above the first tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tier {
    pub up_to: Option<u32>,
    pub surcharge_li: i64,
}

/// The tariff in force, as published (see the tariffs page).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tariff {
    pub flat_li: i64,
    pub peak_li: i64,
    pub valley_li: i64,
    pub tiers: [Tier; 3],
}

/// The residential tariff the demo utility publishes.
pub const RESIDENTIAL: Tariff = Tariff {
    flat_li: 538,
    peak_li: 568,
    valley_li: 288,
    tiers: [
        Tier {
            up_to: Some(230),
            surcharge_li: 0,
        },
        Tier {
            up_to: Some(400),
            surcharge_li: 50,
        },
        Tier {
            up_to: None,
            surcharge_li: 300,
        },
    ],
};

/// What a line of the bill is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    Flat,
    Peak,
    Valley,
    /// The surcharge on the kWh in tier 2 or 3.
    Tier2,
    Tier3,
}

impl LineKind {
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            LineKind::Flat => ("电量电费", "Energy"),
            LineKind::Peak => ("峰时电量", "Peak energy"),
            LineKind::Valley => ("谷时电量", "Valley energy"),
            LineKind::Tier2 => ("第二档加价", "Tier 2 surcharge"),
            LineKind::Tier3 => ("第三档加价", "Tier 3 surcharge"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChargeLine {
    pub kind: LineKind,
    pub kwh: u32,
    pub price_li: i64,
    /// kWh × price, in 厘.
    pub amount_li: i64,
}

/// A month's charge, line by line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Charge {
    pub plan: Plan,
    pub lines: Vec<ChargeLine>,
    pub total_fen: i64,
}

fn line(kind: LineKind, kwh: u32, price_li: i64) -> ChargeLine {
    ChargeLine {
        kind,
        kwh,
        price_li,
        amount_li: kwh as i64 * price_li,
    }
}

impl Tariff {
    /// How many of `total` kWh fall in each tier.
    pub fn split(&self, total: u32) -> [u32; 3] {
        let mut floor = 0;
        let mut out = [0; 3];
        for (i, tier) in self.tiers.iter().enumerate() {
            let top = tier.up_to.unwrap_or(u32::MAX).max(floor);
            out[i] = total.clamp(floor, top) - floor;
            floor = top;
        }
        out
    }

    /// The charge for a month's peak and valley kWh under `plan`; lines with no kWh are left out.
    pub fn charge(&self, plan: Plan, peak_kwh: u32, valley_kwh: u32) -> Charge {
        let total = peak_kwh + valley_kwh;
        let mut lines = match plan {
            Plan::Flat => vec![line(LineKind::Flat, total, self.flat_li)],
            Plan::PeakValley => vec![
                line(LineKind::Peak, peak_kwh, self.peak_li),
                line(LineKind::Valley, valley_kwh, self.valley_li),
            ],
        };
        let [_, tier2, tier3] = self.split(total);
        lines.push(line(LineKind::Tier2, tier2, self.tiers[1].surcharge_li));
        lines.push(line(LineKind::Tier3, tier3, self.tiers[2].surcharge_li));
        lines.retain(|l| l.kwh > 0);
        let total_li: i64 = lines.iter().map(|l| l.amount_li).sum();
        Charge {
            plan,
            lines,
            total_fen: (total_li + 5) / 10,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(plan: Plan, peak: u32, valley: u32) -> i64 {
        RESIDENTIAL.charge(plan, peak, valley).total_fen
    }

    #[test]
    fn flat_tiers_match_hand_worked_bills() {
        // 200 × 0.538 = 107.60
        assert_eq!(total(Plan::Flat, 120, 80), 10_760);
        // 230 × 0.538 = 123.74 exactly at the top of tier 1
        assert_eq!(total(Plan::Flat, 230, 0), 12_374);
        // 300 × 0.538 + 70 × 0.05 = 161.40 + 3.50 = 164.90
        assert_eq!(total(Plan::Flat, 200, 100), 16_490);
        // 500 × 0.538 + 170 × 0.05 + 100 × 0.30 = 269.00 + 8.50 + 30.00 = 307.50
        assert_eq!(total(Plan::Flat, 300, 200), 30_750);
        assert_eq!(total(Plan::Flat, 0, 0), 0);
    }

    #[test]
    fn peak_valley_prices_carry_the_same_tier_surcharges() {
        // 180 × 0.568 + 120 × 0.288 + 70 × 0.05 = 102.24 + 34.56 + 3.50 = 140.30
        let charge = RESIDENTIAL.charge(Plan::PeakValley, 180, 120);
        assert_eq!(charge.total_fen, 14_030);
        let kinds: Vec<_> = charge.lines.iter().map(|l| (l.kind, l.kwh)).collect();
        assert_eq!(
            kinds,
            [
                (LineKind::Peak, 180),
                (LineKind::Valley, 120),
                (LineKind::Tier2, 70)
            ]
        );
        // 7 × 0.568 + 3 × 0.288 = 3.976 + 0.864 = 4.840
        assert_eq!(total(Plan::PeakValley, 7, 3), 484);
        // Rounds half up once: 1 × 0.568 + 1 × 0.288 = 0.856 → 0.86
        assert_eq!(total(Plan::PeakValley, 1, 1), 86);
    }

    #[test]
    fn tiers_split_the_month_without_overlap() {
        assert_eq!(RESIDENTIAL.split(0), [0, 0, 0]);
        assert_eq!(RESIDENTIAL.split(231), [230, 1, 0]);
        assert_eq!(RESIDENTIAL.split(400), [230, 170, 0]);
        assert_eq!(RESIDENTIAL.split(1000), [230, 170, 600]);
        for kwh in [0, 1, 229, 230, 231, 399, 400, 401, 5000] {
            assert_eq!(RESIDENTIAL.split(kwh).iter().sum::<u32>(), kwh);
        }
    }

    #[test]
    fn valley_use_is_cheaper_than_the_same_use_at_a_flat_price() {
        assert!(total(Plan::PeakValley, 100, 200) < total(Plan::Flat, 100, 200));
        assert!(total(Plan::PeakValley, 300, 0) > total(Plan::Flat, 300, 0));
    }
}
