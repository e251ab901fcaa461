//! How long people wait before giving up, from the hall's own history. Every waiting spell
//! ends in a call (the person waited at least that long) or in giving up (a cancellation
//! before the call, or a no-show). With exponential patience, the best estimate of its mean
//! is the total time waited over the number who gave up (maximum likelihood with censoring).
//! The estimator uses it to expect a share of those ahead to leave.

use serde::{Deserialize, Serialize};

/// Below this many who gave up the history says too little: everyone is expected to stay.
const LEAST_GAVE_UP: u32 = 20;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Patience {
    /// Minutes waited by everyone, until their first call or until they gave up.
    pub waited_minutes: f64,
    pub gave_up: u32,
}

impl Patience {
    /// A waiting spell ended in a call after `waited` minutes.
    pub fn called(&mut self, waited: f64) {
        self.waited_minutes += waited.max(0.0);
    }

    /// A waiting spell ended in giving up after `waited` minutes.
    pub fn gave_up(&mut self, waited: f64) {
        self.waited_minutes += waited.max(0.0);
        self.gave_up += 1;
    }

    /// A called ticket turned out to be a no-show: they had given up (their wait was counted
    /// at the call).
    pub fn no_show(&mut self) {
        self.gave_up += 1;
    }

    /// The mean patience in minutes, once the history says enough.
    pub fn mean_minutes(&self) -> Option<f64> {
        (self.gave_up >= LEAST_GAVE_UP).then(|| self.waited_minutes / f64::from(self.gave_up))
    }

    /// The chance that someone waiting now is still there `minutes` from now (memoryless).
    pub fn stays(&self, minutes: f64) -> f64 {
        self.mean_minutes()
            .map_or(1.0, |mean| (-minutes.max(0.0) / mean).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue::sim::Rng;

    #[test]
    fn everyone_stays_until_the_history_says_otherwise() {
        let mut p = Patience::default();
        p.gave_up(5.0);
        assert_eq!(p.mean_minutes(), None);
        assert_eq!(p.stays(30.0), 1.0);
    }

    #[test]
    fn the_estimate_finds_the_true_mean_patience_despite_the_calls() {
        // Patience exponential with mean 13.5 minutes; each person is called after a wait
        // uniform in 0–20 minutes unless they gave up first.
        let mut rng = Rng::new(7);
        let mut p = Patience::default();
        for _ in 0..20_000 {
            let patience = rng.exponential(1.0 / 13.5);
            let call = rng.unit() * 20.0;
            if patience < call {
                p.gave_up(patience);
            } else {
                p.called(call);
            }
        }
        let mean = p.mean_minutes().unwrap();
        assert!((mean - 13.5).abs() < 0.5, "{mean}");
        assert!((p.stays(13.5) - (-1.0f64).exp()).abs() < 0.02);
    }
}
