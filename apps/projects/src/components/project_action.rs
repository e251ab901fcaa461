//! One action a party may take on a project, as a small form: an upload for each document its
//! gate asks for, a firm to choose for each kind it chooses, a reason where one is needed.

use domain::firms::{Firm, FirmKind};
use domain::projects::bodies::{ActInput, ProjectDetail};
use domain::projects::process::{ActionOption, DocKind};
use domain::wire::wire_name;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use ui::api;
use ui::components::form::{save_action, submit, FormError};
use ui::i18n::{role_msg, say, t, Msg};
use ui::state::use_app;

fn today() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
        .get(..10)
        .unwrap_or_default()
        .to_string()
}

#[component]
pub fn ProjectAction(
    project: i64,
    option: ActionOption,
    directory: Vec<Firm>,
    on_done: Callback<ProjectDetail>,
) -> impl IntoView {
    let app = use_app();
    let uploaded = RwSignal::new(BTreeMap::<DocKind, i64>::new());
    let today = today();
    let qualified = move |kind: FirmKind| -> Vec<Firm> {
        directory
            .iter()
            .filter(|f| f.kind == kind && f.qualification_expires.to_string() >= today)
            .cloned()
            .collect()
    };
    let chosen = RwSignal::new(
        option
            .chooses
            .iter()
            .filter_map(|k| qualified(*k).first().map(|f| (*k, f.id)))
            .collect::<BTreeMap<FirmKind, i64>>(),
    );
    let comment = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let uploading = RwSignal::new(false);
    let action = option.action;
    let name = wire_name(&action);
    let upload = move |kind: DocKind, ev: leptos::ev::Event| {
        let Some(file) = ui::components::form::chosen_file(&ev) else {
            return;
        };
        uploading.set(true);
        spawn_local(async move {
            match api::projects::upload_document(project, &kind.as_str(), &file).await {
                Ok(doc) => uploaded.update(|u| {
                    u.insert(kind, doc.id);
                }),
                Err(e) => error.set(Some(e)),
            }
            uploading.set(false);
        });
    };
    let save = save_action(
        error,
        move |input: ActInput| async move { api::projects::act(project, &input).await },
        on_done,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ActInput {
            action,
            documents: uploaded.get_untracked().into_values().collect(),
            comment: Some(comment.get_untracked()).filter(|c| !c.trim().is_empty()),
            firms: chosen.get_untracked().into_values().collect(),
        };
        submit(save, input);
    };
    view! {
        <form class="card form project-action" data-testid=format!("action-{name}") on:submit=on_submit>
            <h3>{move || say(action.words(), app.lang.get())}</h3>
            {option.documents.iter().map(|&kind| view! {
                <div class="field">
                    <label>
                        {t(Msg::UploadFor)}" "{move || say(kind.words(), app.lang.get())}
                        <input type="file" data-testid=format!("upload-{}", kind.as_str())
                            accept="application/pdf,image/png,image/jpeg,image/webp,.dwg"
                            on:change=move |ev| upload(kind, ev)/>
                    </label>
                    {move || uploaded.get().contains_key(&kind).then(|| view! { <span class="tag" data-testid="uploaded">{t(Msg::Uploaded)}</span> })}
                </div>
            }).collect_view()}
            {option.chooses.iter().map(|&kind| view! {
                <div class="field">
                    <label>
                        {t(Msg::ChooseFirm)}" ("{move || role_msg(kind.role()).text(app.lang.get())}")"
                        <select data-testid=format!("choose-{}", kind.as_str())
                            on:change=move |ev| {
                                if let Ok(id) = event_target_value(&ev).parse() {
                                    chosen.update(|c| { c.insert(kind, id); });
                                }
                            }>
                            {qualified(kind).into_iter().map(|f| view! {
                                <option value=f.id.to_string()>{format!("{} · {} · {}", f.name, f.grade, f.qualification_expires)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                </div>
            }).collect_view()}
            {option.comment.then(|| view! {
                <div class="field">
                    <label>{t(Msg::Reason)}<textarea rows="3" data-testid="action-comment" bind:value=comment></textarea></label>
                </div>
            })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{ui::api::describe(&e, app.lang.get())}</p> })}
            <button type="submit" class="button primary" disabled=move || uploading.get() || save.pending().get()>{t(Msg::Submit)}</button>
        </form>
    }
}
