//! The staffing plan as a chart: for each hour with arrivals, the counters recommended (Erlang
//! A) beside the counters signed in (or, before sign-ins were recorded, those that served),
//! both per day. The full plan is the table under it, opened on demand.

use domain::operations::plan::StaffingRow;
use leptos::prelude::*;
use ui::components::bar_chart::ChartFigure;
use ui::i18n::{Lang, Msg};

const HEIGHT: f64 = 160.0;
const STEP: f64 = 36.0;
const WIDTH: f64 = 13.0;

/// One hour's pair of bars.
struct Hour {
    hour: u8,
    recommended: f64,
    staffed: f64,
}

/// The pooled rows (all business types): one per hour.
fn hours(rows: &[StaffingRow]) -> Vec<Hour> {
    rows.iter()
        .filter(|r| r.business.is_none())
        .map(|r| Hour {
            hour: r.hour,
            recommended: f64::from(r.erlang_a),
            staffed: r.staffed.unwrap_or(r.actual),
        })
        .collect()
}

#[component]
pub fn StaffingChart(rows: Vec<StaffingRow>, lang: Lang) -> impl IntoView {
    let hours = hours(&rows);
    let top = hours
        .iter()
        .map(|h| h.recommended.max(h.staffed))
        .fold(1.0, f64::max);
    let scale = move |v: f64| v / top * (HEIGHT - 10.0);
    let count = u32::try_from(hours.len()).unwrap_or(u32::MAX).max(1);
    let width = f64::from(count) * STEP;
    let (recommended, staffed) = (Msg::OpsRecommendedA.text(lang), Msg::OpsStaffed.text(lang));
    let bars = (0u32..)
        .zip(hours.iter())
        .map(|(i, h)| {
            let x = f64::from(i) * STEP + (STEP - 2.0 * WIDTH) / 2.0;
            let (hr, hs) = (scale(h.recommended), scale(h.staffed));
            let tip = format!(
                "{}:00 · {recommended} {} · {staffed} {:.1}",
                h.hour, h.recommended, h.staffed
            );
            view! {
                <g>
                    <title>{tip}</title>
                    <rect class="bar-peak" x=x y=HEIGHT - hr width=WIDTH height=hr/>
                    <rect class="bar-valley" x=x + WIDTH y=HEIGHT - hs width=WIDTH height=hs/>
                    <text class="chart-label" x=x + WIDTH y=HEIGHT + 16.0 text-anchor="middle">{format!("{}", h.hour)}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <ChartFigure testid="ops-staffing-chart" width plot=HEIGHT caption=Msg::OpsStaffingChart.text(lang)
            peak=recommended.to_string() valley=staffed.to_string()>
            {bars}
        </ChartFigure>
    }
}
