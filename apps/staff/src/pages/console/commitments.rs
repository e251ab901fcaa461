//! The admin's service commitments: minutes to each work-order topic's milestone (a crew on
//! site, or an answer). New orders take the deadline in force when they are filed.

use domain::service::work_orders::Commitment;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn Commitments() -> impl IntoView {
    let list = LocalResource::new(api::services::commitments);
    view! {
        <section class="card">
            <h2>{t(Msg::CommitmentsTitle)}</h2>
            <Loaded resource=list content=|list| view! {
                <table data-testid="commitments"><tbody>
                    {list.into_iter().map(|c| view! { <Row c/> }).collect_view()}
                </tbody></table>
            }/>
        </section>
    }
}

#[component]
fn Row(c: Commitment) -> impl IntoView {
    let app = use_app();
    let minutes = RwSignal::new(c.minutes.to_string());
    let save = move |_| {
        let input = Commitment {
            topic: c.topic,
            minutes: minutes.get_untracked().trim().parse().unwrap_or(0),
        };
        spawn_local(async move {
            match api::services::set_commitment(&input).await {
                Ok(_) => app.success(Msg::Saved),
                Err(e) => app.error(&e),
            }
        });
    };
    view! {
        <tr>
            <td>{move || say(c.topic.words(), app.lang.get())}</td>
            <td><label>{t(Msg::Minutes)}" "<input type="number" min="5" bind:value=minutes/></label></td>
            <td><button class="button secondary" on:click=save>{t(Msg::Save)}</button></td>
        </tr>
    }
}
