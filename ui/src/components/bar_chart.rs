//! A stacked bar chart in SVG: two series per bar (valley and peak kWh, served and not), with
//! an optional third drawn beside it (a rooftop's feed-in), a label under each bar (or every
//! few bars when there are many). It scales to its container, so it stays readable in
//! elder mode; the numbers are also in a table below it for screen readers.

use crate::i18n::{t, Msg};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub top: u32,
    pub bottom: u32,
    /// The series beside the stack, when the chart has one.
    pub beside: Option<u32>,
}

/// What the two parts of a bar are, and the unit of their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Series {
    pub top: Msg,
    pub bottom: Msg,
    pub unit: &'static str,
    /// What the bars beside the stacks are, if any.
    pub beside: Option<Msg>,
}

impl Series {
    pub const KWH: Series = Series {
        top: Msg::UsagePeak,
        bottom: Msg::UsageValley,
        unit: " kWh",
        beside: None,
    };

    /// Use and, beside it, what a rooftop fed into the grid.
    pub const KWH_FEED_IN: Series = Series {
        beside: Some(Msg::UsageFeedIn),
        ..Series::KWH
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
        .map(|b| (b.top + b.bottom).max(b.beside.unwrap_or(0)))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    // With a series beside, each stack takes the left half of its slot and that series the right.
    let (stack, beside) = match series.beside {
        Some(_) => (WIDTH / 2.0, WIDTH / 2.0),
        None => (WIDTH, 0.0),
    };
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
            let fed = b.beside.filter(|_| beside > 0.0).map(|v| {
                let h = scale(v);
                view! { <rect class="bar-beside" x=x + stack y=HEIGHT - h width=beside height=h/> }
            });
            let label = (i % label_every == 0).then(|| {
                view! { <text class="chart-label" x=x + WIDTH / 2.0 y=HEIGHT + 16.0 text-anchor="middle">{b.label.clone()}</text> }
            });
            view! {
                <g>
                    <title>{tip}</title>
                    <rect class="bar-valley" x=x y=HEIGHT - hv width=stack height=hv/>
                    <rect class="bar-peak" x=x y=HEIGHT - hv - hp width=stack height=hp/>
                    {fed}
                    {label}
                </g>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|b| {
            let beside = b
                .beside
                .filter(|_| series.beside.is_some())
                .map(|v| view! { <td>{v}</td> });
            view! { <tr><td>{b.label}</td><td>{b.top}</td><td>{b.bottom}</td>{beside}</tr> }
        })
        .collect_view();
    let beside_head = series.beside.map(|m| view! { <th>{t(m)}</th> });
    let beside_swatch = series
        .beside
        .map(|m| Signal::derive(move || t(m)().to_string()));
    view! {
        <div class="chart-block" data-testid=testid>
            <ChartFigure width plot=HEIGHT caption=caption peak=Signal::derive(move || t(series.top)().to_string())
                valley=Signal::derive(move || t(series.bottom)().to_string()) beside=beside_swatch>
                {rects}
            </ChartFigure>
            <details class="chart-table">
                <summary>{t(Msg::ChartTable)}</summary>
                <table><thead><tr><th></th><th>{t(series.top)}</th><th>{t(series.bottom)}</th>{beside_head}</tr></thead>
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
    /// The swatch of a series drawn beside the stacks, if the chart has one.
    #[prop(default = None)]
    beside: Option<Signal<String>>,
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
                {beside.map(|b| view! { <span class="legend"><span class="swatch bar-beside"></span>{b}</span> })}
            </figcaption>
        </figure>
    }
}
