//! Rolling service times per business type: a running mean for the first samples, then an
//! exponentially weighted one, so the estimate follows the day (a slow afternoon, a new clerk).

use crate::halls::BusinessType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Samples after which the mean becomes exponentially weighted.
const WARM_UP: u32 = 10;
/// Weight of a new sample once warmed up.
const ALPHA: f64 = 0.15;
/// Coefficient of variation assumed before there is data.
const PRIOR_CV: f64 = 0.6;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Rolling {
    pub samples: u32,
    pub mean_minutes: f64,
    pub variance: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceStats(pub BTreeMap<BusinessType, Rolling>);

impl ServiceStats {
    /// The hall's usual minutes for a type, used until the day's first service of it.
    pub fn set_prior(&mut self, business: BusinessType, minutes: f64) {
        let prior = Rolling {
            samples: 0,
            mean_minutes: minutes,
            variance: 0.0,
        };
        let r = self.0.entry(business).or_insert(prior);
        if r.samples == 0 {
            *r = prior;
        }
    }

    pub fn record(&mut self, business: BusinessType, minutes: f64) {
        let minutes = minutes.clamp(0.1, 240.0);
        let r = self.0.entry(business).or_insert(Rolling {
            samples: 0,
            mean_minutes: minutes,
            variance: 0.0,
        });
        r.samples += 1;
        let weight = if r.samples <= WARM_UP {
            1.0 / r.samples as f64
        } else {
            ALPHA
        };
        let delta = minutes - r.mean_minutes;
        r.mean_minutes += weight * delta;
        r.variance = (1.0 - weight) * (r.variance + weight * delta * delta);
    }

    /// The expected minutes of one service; the type's default until there is data.
    pub fn mean(&self, business: BusinessType) -> f64 {
        self.0
            .get(&business)
            .map(|r| r.mean_minutes)
            .unwrap_or(business.default_service_minutes() as f64)
    }

    /// The spread of one service in minutes; a prior until a few samples exist.
    pub fn sd(&self, business: BusinessType) -> f64 {
        match self.0.get(&business) {
            Some(r) if r.samples >= 3 => r.variance.sqrt(),
            _ => self.mean(business) * PRIOR_CV,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::halls::BusinessType::Payment;

    #[test]
    fn defaults_until_data_then_follows_samples() {
        let mut s = ServiceStats::default();
        assert_eq!(s.mean(Payment), 3.0);
        for _ in 0..5 {
            s.record(Payment, 2.0);
        }
        assert!((s.mean(Payment) - 2.0).abs() < 1e-9);
        assert!(s.sd(Payment) < 1e-9);
        for _ in 0..40 {
            s.record(Payment, 6.0);
        }
        assert!(
            (s.mean(Payment) - 6.0).abs() < 0.1,
            "follows a slower afternoon: {}",
            s.mean(Payment)
        );
    }

    #[test]
    fn a_hall_prior_holds_until_the_first_service() {
        let mut s = ServiceStats::default();
        s.set_prior(Payment, 5.0);
        assert_eq!(s.mean(Payment), 5.0);
        assert!((s.sd(Payment) - 3.0).abs() < 1e-9);
        s.record(Payment, 2.0);
        assert_eq!(s.mean(Payment), 2.0, "the first sample replaces the prior");
        s.set_prior(Payment, 9.0);
        assert_eq!(s.mean(Payment), 2.0, "a prior never overrides data");
    }
}
