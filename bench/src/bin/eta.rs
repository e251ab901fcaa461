//! How good are the wait estimates? Seeded days of the seeds' hall (λ ≈ 2.35/min, peaks 9–11 and
//! 15–17, six counters) on the real engine: the wait predicted at check-in against the wait that
//! followed, and against the baseline (people ahead × mean service ÷ open counters).

use bench::{write_result, Target};
use domain::queue::sim::{run, seeds_hall_profile, SimReport};

const SEEDS: [u64; 3] = [2026, 11, 95598];

fn main() {
    let mut all = SimReport::default();
    for seed in SEEDS {
        let report = run(&seeds_hall_profile(seed));
        all.max_waiting = all.max_waiting.max(report.max_waiting);
        all.outcomes.extend(report.outcomes);
    }
    let (mae, baseline) = (all.mae_estimate(), all.mae_baseline());
    let pass = write_result(
        "eta",
        &[
            ("tickets", all.outcomes.len() as f64),
            ("mean_wait_min", all.mean_wait()),
            ("max_waiting", all.max_waiting as f64),
            ("mae_estimate_min", mae),
            ("mae_baseline_min", baseline),
            ("improvement_over_baseline", 1.0 - mae / baseline),
            ("range_coverage", all.coverage()),
            ("mean_range_width_min", all.mean_range_width()),
        ],
        &[
            ("mae_estimate_min", Target::Max(2.0)),
            ("improvement_over_baseline", Target::Min(0.30)),
            ("range_coverage", Target::Min(0.80)),
        ],
    );
    std::process::exit(if pass { 0 } else { 1 });
}
