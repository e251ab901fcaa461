//! The call quality warning: inbound packet loss sampled every second; a share above 5% three
//! samples running warns, and one good sample clears it. Brief bursts of loss do not.

/// Totals of inbound RTP packets so far, as `getStats()` reports them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PacketTotals {
    pub received: f64,
    pub lost: f64,
}

const POOR_LOSS: f64 = 0.05;
const POOR_RUNS: u32 = 3;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QualityWatch {
    last: PacketTotals,
    poor_runs: u32,
}

impl QualityWatch {
    /// Takes the next sample; whether to show the warning now.
    pub fn sample(&mut self, now: PacketTotals) -> bool {
        let received = now.received - self.last.received;
        let lost = (now.lost - self.last.lost).max(0.0);
        self.last = now;
        let sent = received + lost;
        let loss = if sent > 0.0 { lost / sent } else { 0.0 };
        self.poor_runs = if loss > POOR_LOSS {
            self.poor_runs + 1
        } else {
            0
        };
        self.poor_runs >= POOR_RUNS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(received: f64, lost: f64) -> PacketTotals {
        PacketTotals { received, lost }
    }

    #[test]
    fn sustained_loss_warns_and_a_good_second_clears_it() {
        let mut q = QualityWatch::default();
        assert!(!q.sample(totals(100.0, 0.0)));
        assert!(!q.sample(totals(180.0, 10.0)), "one bad second");
        assert!(!q.sample(totals(260.0, 20.0)));
        assert!(q.sample(totals(340.0, 30.0)), "three running");
        assert!(!q.sample(totals(440.0, 30.0)), "cleared");
    }

    #[test]
    fn a_short_burst_does_not_warn() {
        let mut q = QualityWatch::default();
        q.sample(totals(100.0, 0.0));
        assert!(!q.sample(totals(150.0, 50.0)));
        assert!(!q.sample(totals(250.0, 50.0)));
        assert!(!q.sample(totals(350.0, 51.0)));
    }
}
