//! Erlang A (M/M/c+M): Erlang C with customers who give up. Each waiting customer leaves after
//! an exponential patience (the seeds: about 13–14 minutes), so a hall short of counters has a
//! long but finite queue instead of an endless one. Computed exactly on the birth–death chain
//! of how many are in the hall; the waiting-time distribution by uniformisation.

use super::staffing::Demand;

/// States whose probability falls below this share of the total are dropped.
const NEGLIGIBLE: f64 = 1e-13;
/// A bound on the chain's length, far above any hall's queue.
const MOST_STATES: usize = 20_000;
/// A bound on the uniformised jumps, far above any hall's hour: the sum always ends.
const MOST_JUMPS: f64 = 50_000.0;

/// One hour's demand with customers who leave after `patience_minutes` on average.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ImpatientDemand {
    pub demand: Demand,
    pub patience_minutes: f64,
}

impl ImpatientDemand {
    fn rates(&self) -> (f64, f64, f64) {
        (
            self.demand.arrivals_per_minute,
            1.0 / self.demand.service_minutes,
            1.0 / self.patience_minutes,
        )
    }

    /// The probabilities of 0, 1, 2, … customers in the hall (served or waiting), normalised.
    fn in_hall(&self, counters: u32) -> Vec<f64> {
        let (lambda, mu, theta) = self.rates();
        let c = counters as usize;
        let mut p = vec![1.0];
        let mut total = 1.0;
        for n in 1..MOST_STATES {
            let leaving = n.min(c) as f64 * mu + n.saturating_sub(c) as f64 * theta;
            let next = p[n - 1] * lambda / leaving;
            p.push(next);
            total += next;
            if n > c && next < NEGLIGIBLE * total {
                break;
            }
        }
        p.iter_mut().for_each(|x| *x /= total);
        p
    }

    /// The share of arrivals who leave without being served: `θ·E[queue] / λ`.
    pub fn abandon_share(&self, counters: u32) -> f64 {
        let (lambda, _, theta) = self.rates();
        if lambda <= 0.0 {
            return 0.0;
        }
        let c = counters as usize;
        let queue: f64 = self
            .in_hall(counters)
            .iter()
            .enumerate()
            .map(|(n, p)| n.saturating_sub(c) as f64 * p)
            .sum();
        theta * queue / lambda
    }

    /// The share of arrivals whose service starts within `t` minutes; those who give up count
    /// as not served in time.
    pub fn service_level(&self, counters: u32, t: f64) -> f64 {
        let (lambda, mu, theta) = self.rates();
        if !(lambda > 0.0 && mu.is_finite() && theta.is_finite() && t.is_finite()) {
            // No arrivals, instant service or instant departures: nobody waits in the line.
            return 1.0;
        }
        let c = counters as usize;
        let p = self.in_hall(counters);
        let at_once: f64 = p.iter().take(c).sum();
        // An arrival finding c + k in the hall has k ahead of it in the line.
        let ahead: Vec<f64> = p.iter().skip(c).copied().collect();
        if ahead.is_empty() || counters == 0 {
            return at_once;
        }
        at_once + served_within(&ahead, counters as f64 * mu, theta, t)
    }

    /// The fewest counters that serve `share` within `tmax` minutes, capped at `most`.
    pub fn counters_needed(&self, share: f64, tmax: f64, most: u32) -> u32 {
        if self.demand.arrivals_per_minute <= 0.0 {
            return 0;
        }
        (1..=most)
            .find(|&c| self.service_level(c, tmax) >= share)
            .unwrap_or(most)
    }
}

/// The probability mass that reaches a counter within `t`, starting with `ahead[k]` the mass of
/// a waiting customer with k others before it. With k ahead, the line moves at `cμ + kθ` (a
/// service ends or someone ahead gives up); the customer itself gives up at `θ`. Uniformised:
/// the mass after m jumps, weighted by the Poisson chance of m jumps within `t`.
fn served_within(ahead: &[f64], serving_rate: f64, theta: f64, t: f64) -> f64 {
    let most = ahead.len() - 1;
    let uniform = serving_rate + (most + 1) as f64 * theta;
    let mean_jumps = uniform * t;
    let mut mass = ahead.to_vec();
    let (mut served, mut result) = (0.0, 0.0);
    let mut log_weight = -mean_jumps; // ln P(0 jumps)
    let mut weight_seen = 0.0;
    let last = (mean_jumps + 12.0 * mean_jumps.sqrt() + 30.0).min(MOST_JUMPS) as usize;
    for m in 0..=last {
        let weight = log_weight.exp();
        result += weight * served;
        weight_seen += weight;
        if weight_seen > 1.0 - 1e-12 {
            break;
        }
        // One jump of the uniformised chain.
        let mut next = vec![0.0; mass.len()];
        for (k, &x) in mass.iter().enumerate() {
            let advance = (serving_rate + k as f64 * theta) / uniform;
            let stay = 1.0 - advance - theta / uniform;
            if k == 0 {
                served += x * advance;
            } else {
                next[k - 1] += x * advance;
            }
            next[k] += x * stay;
        }
        mass = next;
        log_weight += mean_jumps.ln() - ((m + 1) as f64).ln();
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn impatient(arrivals: f64, service: f64, patience: f64) -> ImpatientDemand {
        ImpatientDemand {
            demand: Demand {
                arrivals_per_minute: arrivals,
                service_minutes: service,
            },
            patience_minutes: patience,
        }
    }

    #[test]
    fn degenerate_hours_answer_at_once() {
        // Service recorded as instant (started and finished in the same second), no arrivals,
        // or no patience at all: nothing to wait for, and no endless sum.
        assert_eq!(impatient(2.0, 0.0, 13.5).service_level(1, 15.0), 1.0);
        assert_eq!(impatient(0.0, 2.0, 13.5).counters_needed(0.8, 15.0, 40), 0);
        assert!(impatient(2.0, 2.0, 0.0).service_level(1, 15.0).is_finite());
    }

    #[test]
    fn endless_patience_is_erlang_c() {
        let patient = impatient(2.0, 2.5, 1e7);
        for c in 6..10 {
            for t in [0.0, 1.0, 5.0] {
                let (a, c_level) = (
                    patient.service_level(c, t),
                    patient.demand.service_level(c, t),
                );
                assert!((a - c_level).abs() < 1e-4, "c={c} t={t}: {a} vs {c_level}");
            }
        }
    }

    #[test]
    fn one_counter_with_patience_equal_to_service_is_poisson() {
        // With θ = μ and one counter every state leaves at nμ: the number in the hall is
        // Poisson(a), so P(wait) = 1 − e^(−a) and P(give up) = (a − 1 + e^(−a)) / a.
        let a: f64 = 1.5;
        let d = impatient(a, 1.0, 1.0);
        assert!((d.service_level(1, 0.0) - (-a).exp()).abs() < 1e-9);
        assert!((d.abandon_share(1) - (a - 1.0 + (-a).exp()) / a).abs() < 1e-9);
    }

    #[test]
    fn a_short_hall_keeps_a_finite_line_and_loses_customers() {
        // 2.8 a minute at 2.5 minutes each is 7 Erlangs: five counters cannot keep up, and
        // with 13.5 minutes' patience the line settles while many give up.
        let d = impatient(2.8, 2.5, 13.5);
        let lost = d.abandon_share(5);
        assert!(lost > 0.2 && lost < 0.4, "{lost}");
        assert!(d.abandon_share(9) < 0.03);
        let levels: Vec<f64> = (5..12).map(|c| d.service_level(c, 5.0)).collect();
        assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{levels:?}");
        // Those who stay are served sooner than Erlang C predicts: one counter fewer.
        assert_eq!(d.counters_needed(0.8, 5.0, 30), 7);
        assert_eq!(d.demand.counters_needed(0.8, 5.0, 30), 8);
    }
}
