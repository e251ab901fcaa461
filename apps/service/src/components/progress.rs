//! A case's progress (an application's or a work order's): each step with who took it, when,
//! and its note, oldest first.

use domain::hours::format_local_ms;
use domain::projects::labels::Words;
use leptos::prelude::*;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

pub struct Step {
    pub label: Words,
    pub actor: String,
    pub at: i64,
    pub note: Option<String>,
}

#[component]
pub fn Progress(steps: Vec<Step>, testid: &'static str) -> impl IntoView {
    let app = use_app();
    view! {
        <section class="card">
            <h2>{t(Msg::Progress)}</h2>
            <ol class="timeline" data-testid=testid>
                {steps.into_iter().map(|s| view! { <li class="done">
                    <strong>{move || say(s.label, app.lang.get())}</strong>
                    " · "{s.actor}" · "{format_local_ms(s.at)}
                    {s.note.map(|n| view! { <p>{n}</p> })}
                </li> }).collect_view()}
            </ol>
        </section>
    }
}
