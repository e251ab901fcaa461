//! A stacked bar chart in SVG: valley kWh at the bottom, peak on top, a label under each bar
//! (or every few bars when there are many). It scales to its container, so it stays readable in
//! elder mode; the numbers are also in a table below it for screen readers.

use crate::i18n::{t, Msg};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub peak: u32,
    pub valley: u32,
}

const HEIGHT: f64 = 200.0;
const STEP: f64 = 28.0;
const WIDTH: f64 = 20.0;
const AXIS: f64 = 24.0;

#[component]
pub fn BarChart(
    bars: Vec<Bar>,
    #[prop(into)] caption: String,
    testid: &'static str,
) -> impl IntoView {
    let top = bars
        .iter()
        .map(|b| b.peak + b.valley)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = move |kwh: u32| kwh as f64 / top * (HEIGHT - 10.0);
    let label_every = bars.len().div_ceil(12).max(1);
    let width = bars.len().max(1) as f64 * STEP;
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let x = i as f64 * STEP + (STEP - WIDTH) / 2.0;
            let (hv, hp) = (scale(b.valley), scale(b.peak));
            let tip = format!("{}: {} kWh", b.label, b.peak + b.valley);
            let label = (i % label_every == 0).then(|| {
                view! { <text class="chart-label" x=x + WIDTH / 2.0 y=HEIGHT + 16.0 text-anchor="middle">{b.label.clone()}</text> }
            });
            view! {
                <g>
                    <title>{tip}</title>
                    <rect class="bar-valley" x=x y=HEIGHT - hv width=WIDTH height=hv/>
                    <rect class="bar-peak" x=x y=HEIGHT - hv - hp width=WIDTH height=hp/>
                    {label}
                </g>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|b| view! { <tr><td>{b.label}</td><td>{b.peak}</td><td>{b.valley}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart" data-testid=testid>
            <svg viewBox=format!("0 0 {width} {}", HEIGHT + AXIS) role="img" aria-label=caption.clone()
                preserveAspectRatio="xMinYMin meet">
                <line class="chart-axis" x1="0" x2=width y1=HEIGHT y2=HEIGHT/>
                {rects}
            </svg>
            <figcaption>
                {caption}" "
                <span class="legend"><span class="swatch bar-peak"></span>{t(Msg::UsagePeak)}</span>
                <span class="legend"><span class="swatch bar-valley"></span>{t(Msg::UsageValley)}</span>
            </figcaption>
            <details>
                <summary>{t(Msg::ChartTable)}</summary>
                <table><thead><tr><th></th><th>{t(Msg::UsagePeak)}</th><th>{t(Msg::UsageValley)}</th></tr></thead>
                <tbody>{rows}</tbody></table>
            </details>
        </figure>
    }
}
