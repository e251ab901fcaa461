//! Repair times month by month against the published commitments: for each area, the average
//! minutes to the crew on site and to the power back, beside the limit, marked when over it.

use crate::i18n::{say, Lang, Msg};
use domain::service::work_orders::repair_times::{Average, RepairMonth};
use leptos::prelude::*;

fn cell(a: Average, lang: Lang) -> impl IntoView {
    let limit = a.limit_minutes.map_or(String::new(), |l| format!(" / {l}"));
    let text = match a.mean_minutes {
        Some(mean) => format!(
            "{mean:.0}{limit} {} ({} {})",
            Msg::Minutes.text(lang),
            a.count,
            Msg::RepairOrders.text(lang)
        ),
        None => format!("—{limit} {}", Msg::Minutes.text(lang)),
    };
    let over = a.kept() == Some(false);
    view! { <td class:late=over>{text}{over.then(|| format!(" · {}", Msg::RepairOver.text(lang)))}</td> }
}

#[component]
pub fn RepairTimes(rows: Vec<RepairMonth>, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" data-testid="repair-times">
            <h2>{Msg::RepairTimesTitle.text(lang)}</h2>
            <div class="table-scroll" tabindex="0">
                <table>
                    <thead><tr>
                        <th scope="col">{Msg::RepairMonth.text(lang)}</th>
                        <th scope="col">{Msg::RepairArea.text(lang)}</th>
                        <th scope="col">{Msg::RepairArrival.text(lang)}</th>
                        <th scope="col">{Msg::RepairRestore.text(lang)}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr data-testid="repair-row">
                                <td>{r.month.clone()}</td>
                                <td>{say(r.topic.words(), lang)}</td>
                                {cell(r.arrival, lang)}
                                {cell(r.restore, lang)}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
