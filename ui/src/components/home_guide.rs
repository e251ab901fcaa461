//! The service guide of a home's solar or charger connection, read from its process
//! (`domain::projects::guide`): what to bring, the steps with whose turn each is, and the
//! whole-process limit. On the guides page and beside the account page's application form.

use crate::i18n::{say, t, Msg};
use crate::state::{now, use_app};
use domain::hours::to_local;
use domain::projects::bodies::ProjectKind;
use domain::projects::guide::home_guide;
use leptos::prelude::*;

#[component]
pub fn HomeGuide(kind: ProjectKind) -> impl IntoView {
    let app = use_app();
    let lang = move || app.lang.get();
    let guide = home_guide(kind, to_local(now()).date_naive());
    let limit = guide.whole.map(|w| w.days);
    view! {
        <h3>{t(Msg::NewEnergyBring)}</h3>
        <ul>{guide.documents.iter().map(|d| { let d = *d; view! { <li>{move || say(d.words(), lang())}</li> } }).collect_view()}</ul>
        <h3>{t(Msg::NewEnergySteps)}</h3>
        <ol>{guide.steps.iter().map(|&(stage, holder)| view! {
            <li>{move || say(stage.words(), lang())}
                {holder.map(|h| view! { <span class="meta">" · "{move || say(h.words(), lang())}</span> })}</li>
        }).collect_view()}</ol>
        {limit.map(|days| view! { <p><strong>{move || Msg::NewEnergyLimit.text(lang()).replace("{}", &days.to_string())}</strong></p> })}
    }
}
