//! Erlang C: the M/M/c queue behind the staffing recommendation. With arrivals `λ` per minute,
//! a mean service of `1/μ` minutes and `c` open counters, the offered load is `a = λ/μ` Erlangs;
//! a customer waits at all with probability `C(c, a)` and waits at most `t` minutes with
//! probability `1 − C·e^{−(cμ−λ)t}`. The recommendation is the fewest counters that serve a
//! target share within the longest tolerable wait (Tmax).

/// Erlang B by its stable recursion `B(0)=1, B(k)=a·B(k−1)/(k + a·B(k−1))`.
pub fn erlang_b(counters: u32, load: f64) -> f64 {
    (1..=counters).fold(1.0, |b, k| load * b / (k as f64 + load * b))
}

/// The probability that an arrival waits; 1 when the counters cannot keep up (`c ≤ a`).
pub fn erlang_c(counters: u32, load: f64) -> f64 {
    let c = counters as f64;
    if c <= load {
        return 1.0;
    }
    let b = erlang_b(counters, load);
    c * b / (c - load * (1.0 - b))
}

/// One hour's demand for one kind of business.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Demand {
    pub arrivals_per_minute: f64,
    pub service_minutes: f64,
}

impl Demand {
    pub fn load(&self) -> f64 {
        self.arrivals_per_minute * self.service_minutes
    }

    /// The share served within `t` minutes with `counters` open.
    pub fn service_level(&self, counters: u32, t: f64) -> f64 {
        let load = self.load();
        if counters as f64 <= load {
            return 0.0;
        }
        let mu = 1.0 / self.service_minutes;
        let c = erlang_c(counters, load);
        1.0 - c * (-(counters as f64 * mu - self.arrivals_per_minute) * t).exp()
    }

    /// The mean wait in minutes (`C / (cμ − λ)`), infinite when the counters cannot keep up.
    pub fn mean_wait(&self, counters: u32) -> f64 {
        let load = self.load();
        if counters as f64 <= load {
            return f64::INFINITY;
        }
        let mu = 1.0 / self.service_minutes;
        erlang_c(counters, load) / (counters as f64 * mu - self.arrivals_per_minute)
    }

    /// The fewest counters that serve `share` of customers within `tmax` minutes (none with no
    /// arrivals), capped at `most`.
    pub fn counters_needed(&self, share: f64, tmax: f64, most: u32) -> u32 {
        if self.arrivals_per_minute <= 0.0 {
            return 0;
        }
        (1..=most)
            .find(|&c| self.service_level(c, tmax) >= share)
            .unwrap_or(most)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn erlang_c_matches_published_tables() {
        // Exact small cases: C(1, a) = a; C(2, 1) = 1/3; C(3, 2) = 4/9.
        assert!(close(erlang_c(1, 0.5), 0.5, 1e-12));
        assert!(close(erlang_c(2, 1.0), 1.0 / 3.0, 1e-12));
        assert!(close(erlang_c(3, 2.0), 4.0 / 9.0, 1e-12));
        // Erlang C tables for 10 Erlangs: 11 agents 0.6821, 12 agents 0.4494, 13 agents 0.2853.
        assert!(
            close(erlang_c(11, 10.0), 0.6821, 5e-4),
            "{}",
            erlang_c(11, 10.0)
        );
        assert!(
            close(erlang_c(12, 10.0), 0.4494, 5e-4),
            "{}",
            erlang_c(12, 10.0)
        );
        assert!(
            close(erlang_c(13, 10.0), 0.2853, 5e-4),
            "{}",
            erlang_c(13, 10.0)
        );
        assert_eq!(erlang_c(10, 10.0), 1.0, "no spare capacity: everyone waits");
    }

    #[test]
    fn service_level_follows_the_waiting_time_distribution() {
        // Two counters, one arrival a minute, one-minute service: C = 1/3, and the share
        // served within t minutes is 1 − e^(−t)/3.
        let d = Demand {
            arrivals_per_minute: 1.0,
            service_minutes: 1.0,
        };
        assert!(close(d.service_level(2, 0.0), 2.0 / 3.0, 1e-12));
        assert!(close(
            d.service_level(2, 1.0),
            1.0 - (-1.0f64).exp() / 3.0,
            1e-12
        ));
        assert!(close(d.mean_wait(2), 1.0 / 3.0, 1e-12));
        // 48 Erlangs (12 a minute, 4-minute service) for 80% within 20 seconds: 53 counters
        // serve 75.2%, 54 serve 81.7%.
        let busy = Demand {
            arrivals_per_minute: 12.0,
            service_minutes: 4.0,
        };
        assert!(close(busy.service_level(54, 1.0 / 3.0), 0.8172, 1e-3));
        assert_eq!(busy.counters_needed(0.8, 1.0 / 3.0, 200), 54);
        assert_eq!(busy.service_level(48, 1.0), 0.0, "no spare capacity");
    }

    #[test]
    fn more_counters_never_serve_worse_and_waits_shrink() {
        let d = Demand {
            arrivals_per_minute: 2.35,
            service_minutes: 5.0,
        };
        let mut last = (0.0, f64::INFINITY);
        for c in 12..30 {
            let (level, wait) = (d.service_level(c, 15.0), d.mean_wait(c));
            assert!(level >= last.0 && wait <= last.1, "{c}");
            last = (level, wait);
        }
        assert_eq!(
            Demand {
                arrivals_per_minute: 0.0,
                service_minutes: 5.0
            }
            .counters_needed(0.8, 15.0, 20),
            0
        );
        assert_eq!(d.counters_needed(0.999_999, 0.0, 20), 20, "capped");
    }
}
