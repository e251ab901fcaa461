//! The dashboard's headline figures (KPI tiles): each one's value over the range and its
//! change against the period of the same length before, and whether that change is for the
//! better. Counts change by a percentage of the earlier figure, minutes by minutes, shares by
//! percentage points and stars by stars.

use super::figures::Figures;

/// One headline figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kpi {
    Tickets,
    MeanWait,
    P90Wait,
    MeanService,
    WithinTmax,
    NoShow,
    Cancel,
    Stars,
}

/// How a figure is counted, which says how its change is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Count,
    Minutes,
    /// A share from 0 to 1, shown as a percentage.
    Share,
    Stars,
}

/// Whether a change is good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Better,
    Worse,
    /// Neither: more tickets is neither good nor bad, or nothing changed.
    Neutral,
}

/// A figure's change against the earlier period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Change {
    /// In the unit's own terms: percent for counts, minutes, percentage points, stars.
    pub by: f64,
    pub trend: Trend,
}

impl Kpi {
    pub const ALL: [Kpi; 8] = [
        Kpi::Tickets,
        Kpi::MeanWait,
        Kpi::P90Wait,
        Kpi::MeanService,
        Kpi::WithinTmax,
        Kpi::NoShow,
        Kpi::Cancel,
        Kpi::Stars,
    ];

    pub fn unit(self) -> Unit {
        match self {
            Kpi::Tickets => Unit::Count,
            Kpi::MeanWait | Kpi::P90Wait | Kpi::MeanService => Unit::Minutes,
            Kpi::WithinTmax | Kpi::NoShow | Kpi::Cancel => Unit::Share,
            Kpi::Stars => Unit::Stars,
        }
    }

    /// The figure, if the period has one (no tickets, no mean wait).
    pub fn of(self, f: &Figures) -> Option<f64> {
        match self {
            Kpi::Tickets => Some(f64::from(f.tickets)),
            Kpi::MeanWait => f.mean_wait,
            Kpi::P90Wait => f.p90_wait,
            Kpi::MeanService => f.mean_service,
            Kpi::WithinTmax => f.within_tmax,
            Kpi::NoShow => f.no_show_rate(),
            Kpi::Cancel => f.cancel_rate(),
            Kpi::Stars => f.mean_stars,
        }
    }

    /// Whether more is better (`Some(true)`), worse (`Some(false)`) or neither.
    fn more_is_better(self) -> Option<bool> {
        match self {
            Kpi::Tickets | Kpi::MeanService => None,
            Kpi::WithinTmax | Kpi::Stars => Some(true),
            Kpi::MeanWait | Kpi::P90Wait | Kpi::NoShow | Kpi::Cancel => Some(false),
        }
    }

    /// The change from `before` to `now`, or `None` when either period has no figure (or a
    /// count grew from nothing, which has no percentage).
    pub fn change(self, now: &Figures, before: &Figures) -> Option<Change> {
        let (now, before) = (self.of(now)?, self.of(before)?);
        let by = match self.unit() {
            Unit::Count if before == 0.0 => return None,
            Unit::Count => (now - before) / before * 100.0,
            Unit::Share => (now - before) * 100.0,
            Unit::Minutes | Unit::Stars => now - before,
        };
        // Changes too small to show are no change.
        let shown = match self.unit() {
            Unit::Count | Unit::Share => (by * 10.0).round() / 10.0,
            Unit::Minutes | Unit::Stars => (by * 100.0).round() / 100.0,
        };
        let trend = match self.more_is_better() {
            _ if shown == 0.0 => Trend::Neutral,
            None => Trend::Neutral,
            Some(more_better) if (shown > 0.0) == more_better => Trend::Better,
            Some(_) => Trend::Worse,
        };
        Some(Change { by: shown, trend })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(tickets: u32, no_shows: u32, mean_wait: Option<f64>) -> Figures {
        Figures {
            tickets,
            no_shows,
            mean_wait,
            ..Figures::default()
        }
    }

    #[test]
    fn counts_change_by_percent_and_are_neither_good_nor_bad() {
        let c = Kpi::Tickets
            .change(&figures(120, 0, None), &figures(100, 0, None))
            .unwrap();
        assert_eq!(
            c,
            Change {
                by: 20.0,
                trend: Trend::Neutral
            }
        );
        assert_eq!(
            Kpi::Tickets.change(&figures(5, 0, None), &figures(0, 0, None)),
            None
        );
    }

    #[test]
    fn shorter_waits_are_better_and_more_no_shows_worse() {
        let now = figures(100, 10, Some(6.5));
        let before = figures(100, 5, Some(8.0));
        assert_eq!(
            Kpi::MeanWait.change(&now, &before),
            Some(Change {
                by: -1.5,
                trend: Trend::Better
            })
        );
        // 10% against 5%: five percentage points, for the worse.
        assert_eq!(
            Kpi::NoShow.change(&now, &before),
            Some(Change {
                by: 5.0,
                trend: Trend::Worse
            })
        );
    }

    #[test]
    fn no_figure_in_either_period_means_no_change_and_equal_is_neutral() {
        assert_eq!(
            Kpi::MeanWait.change(&figures(0, 0, None), &figures(9, 0, Some(3.0))),
            None
        );
        let same = figures(10, 1, Some(4.0));
        assert_eq!(
            Kpi::MeanWait.change(&same, &same),
            Some(Change {
                by: 0.0,
                trend: Trend::Neutral
            })
        );
    }
}
