//! A stacked bar chart in SVG: two series per bar (valley and peak kWh, served and not), a
//! label under each bar (or every few bars when there are many). It scales to its container, so it stays readable in
//! elder mode; the numbers are also in a table below it for screen readers.

use crate::i18n::{t, Msg};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub top: u32,
    pub bottom: u32,
}

/// What the two parts of a bar are, and the unit of their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series {
    pub top: Msg,
    pub bottom: Msg,
    pub unit: &'static str,
}

impl Series {
    pub const KWH: Series = Series {
        top: Msg::UsagePeak,
        bottom: Msg::UsageValley,
        unit: " kWh",
    };
}

const HEIGHT: f64 = 200.0;
const STEP: f64 = 28.0;
const WIDTH: f64 = 20.0;
const AXIS: f64 = 24.0;

#[component]
pub fn BarChart(
    bars: Vec<Bar>,
    series: Series,
    #[prop(into)] caption: String,
    testid: &'static str,
) -> impl IntoView {
    let top = bars
        .iter()
        .map(|b| b.top + b.bottom)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let scale = move |value: u32| value as f64 / top * (HEIGHT - 10.0);
    let label_every = bars.len().div_ceil(12).max(1);
    let width = bars.len().max(1) as f64 * STEP;
    let rects = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let x = i as f64 * STEP + (STEP - WIDTH) / 2.0;
            let (hv, hp) = (scale(b.bottom), scale(b.top));
            let tip = format!("{}: {}{}", b.label, b.top + b.bottom, series.unit);
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
        .map(|b| view! { <tr><td>{b.label}</td><td>{b.top}</td><td>{b.bottom}</td></tr> })
        .collect_view();
    view! {
        <div class="chart-block" data-testid=testid>
            <ChartFigure width plot=HEIGHT caption=caption peak=Signal::derive(move || t(series.top)().to_string())
                valley=Signal::derive(move || t(series.bottom)().to_string())>
                {rects}
            </ChartFigure>
            <details class="chart-table">
                <summary>{t(Msg::ChartTable)}</summary>
                <table><thead><tr><th></th><th>{t(series.top)}</th><th>{t(series.bottom)}</th></tr></thead>
                <tbody>{rows}</tbody></table>
            </details>
        </div>
    }
}

/// A chart's frame: the SVG (`plot` high, the labels' row under it) with its axis, and the
/// caption with the swatches of its two series (`peak` dark, `valley` light).
#[component]
pub fn ChartFigure(
    #[prop(optional)] testid: Option<&'static str>,
    width: f64,
    plot: f64,
    #[prop(into)] caption: String,
    #[prop(into)] peak: Signal<String>,
    #[prop(into)] valley: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <figure class="chart" data-testid=testid>
            <svg viewBox=format!("0 0 {width} {}", plot + AXIS) role="img" aria-label=caption.clone()
                preserveAspectRatio="xMinYMin meet">
                <line class="chart-axis" x1="0" x2=width y1=plot y2=plot/>
                {children()}
            </svg>
            <figcaption>
                {caption}" "
                <span class="legend"><span class="swatch bar-peak"></span>{peak}</span>
                <span class="legend"><span class="swatch bar-valley"></span>{valley}</span>
            </figcaption>
        </figure>
    }
}
