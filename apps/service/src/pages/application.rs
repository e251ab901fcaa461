//! `/applications/:id`: one application: what was asked, its documents, its progress, and the
//! next steps for whoever may take them (staff accept, approve or reject with a reason; the
//! customer may cancel before it is accepted or add documents, and rates it once decided).

use crate::components::progress::{Progress, Step};
use crate::pages::applications::chosen_files;
use domain::service::applications::{AppActInput, AppAction, AppStatus, Application, Request};
use domain::service::contacts::{Case, CaseRef};
use leptos::prelude::*;
use ui::api;
use ui::components::case_contacts::CaseContacts;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::components::guard::SignedIn;
use ui::components::rating::{RatingForm, RatingTarget};
use ui::i18n::{say, t, Lang, Msg};
use ui::nav::path_id;
use ui::state::use_app;

#[component]
pub fn ApplicationPage() -> impl IntoView {
    let id = path_id();
    let detail = LocalResource::new(move || api::services::application(id()));
    view! {
        <SignedIn>
            <Loaded resource=detail content=move |a| view! { <Detail a on_change=Callback::new(move |_| detail.refetch())/> }/>
        </SignedIn>
    }
}

/// The request's fields as (label, value) lines.
fn request_lines(request: &Request, lang: Lang) -> Vec<(Msg, String)> {
    match request {
        Request::RenameTransfer {
            new_holder,
            id_number,
            phone,
        } => vec![
            (Msg::NewHolder, new_holder.clone()),
            (
                Msg::IdNumber,
                format!("{}…{}", &id_number[..6], &id_number[14..]),
            ),
            (Msg::MobileField, phone.clone()),
        ],
        Request::TariffChange { plan } => {
            vec![(Msg::PlanWanted, say(plan.words(), lang).to_string())]
        }
        Request::Suspension {
            capacity_kva,
            start_on,
            months,
        } => vec![
            (Msg::CapacityKva, capacity_kva.to_string()),
            (Msg::StartOn, start_on.to_string()),
            (Msg::Months, months.to_string()),
        ],
        Request::Project(p) => vec![
            (Msg::ProjectAddress, p.address.clone()),
            (Msg::CapacityKva, p.capacity_kva.to_string()),
        ],
    }
}

#[component]
fn Detail(a: Application, on_change: Callback<()>) -> impl IntoView {
    let app = use_app();
    let id = a.id;
    let on_rated = on_change;
    let reason = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let problem = form_error(error, &[]);
    let act = save_action(
        error,
        move |input: AppActInput| async move { api::services::act_on_application(id, &input).await },
        Callback::new(move |_| on_change.run(())),
    );
    // Each chosen file in turn; the first refusal stops the rest and says why.
    let add = save_action(
        error,
        move |files: Vec<web_sys::File>| async move {
            for file in &files {
                api::services::upload_application_document(id, file).await?;
            }
            Ok(())
        },
        Callback::new(move |()| on_change.run(())),
    );
    let busy = move || act.pending().get() || add.pending().get();
    let (kind, status) = (a.kind, a.status);
    let customer = app
        .session
        .get_untracked()
        .is_some_and(|u| u.role == domain::Role::Customer);
    let may_rate = customer && status.is_finished() && a.stars.is_none();
    let needs_reason = a.options.contains(&AppAction::Reject);
    view! {
        <h1>{a.number.clone()}" "{move || say(kind.words(), app.lang.get())}</h1>
        <p class="lead"><span class="tag" data-testid="application-status">{move || say(status.words(), app.lang.get())}</span></p>
        <section class="card">
            <dl class="facts">
                <dt>{t(Msg::AccountNumber)}</dt><dd>{a.account.clone().unwrap_or_else(|| "—".into())}</dd>
                <dt>{t(Msg::Customer)}</dt><dd>{a.customer_name.clone()}</dd>
                {a.stars.map(|s| view! { <dt>{t(Msg::Rating)}</dt><dd data-testid="application-rating">{"★".repeat(usize::from(s))}" "{a.rating_comment.clone().unwrap_or_default()}</dd> })}
                {request_lines(&a.request, app.lang.get_untracked()).into_iter().map(|(label, value)| view! { <dt>{t(label)}</dt><dd>{value}</dd> }).collect_view()}
            </dl>
            {a.project_id.map(|p| view! { <p><a class="button secondary" href=format!("/projects/{p}")>{t(Msg::OpenProject)}</a></p> })}
        </section>
        <section class="card">
            <h2>{t(Msg::Documents)}</h2>
            <ul data-testid="application-documents">
                {a.documents.iter().map(|d| view! {
                    <li><a href=api::services::application_document_url(id, &d.id) download="">{d.name.clone()}</a></li>
                }).collect_view()}
            </ul>
            <Show when=move || status == AppStatus::Submitted>
                <input id="more-documents" type="file" multiple accept="image/*,application/pdf"/>
                <button class="button secondary" disabled=busy on:click=move |_| submit(add, chosen_files("more-documents"))>{t(Msg::AddDocuments)}</button>
            </Show>
        </section>
        <CaseContacts case=CaseRef { kind: Case::Application, id }/>
        {may_rate.then(|| view! { <RatingForm target=RatingTarget::Application(id) on_rated/> })}
        <Progress testid="application-events" steps=a.events.into_iter().map(|e| Step { label: e.status.words(), actor: e.actor, at: e.at, note: e.note }).collect()/>
        {(!a.options.is_empty()).then(|| view! {
            <section class="card" data-testid="application-actions">
                {needs_reason.then(|| view! {
                    <label>{t(Msg::RejectReason)}<input type="text" bind:value=reason/></label>
                })}
                <p class="form-error" role="alert">{move || problem.get()}</p>
                <div class="actions">
                    {a.options.iter().map(|&action| view! {
                        <button class=if action == AppAction::Reject || action == AppAction::Cancel { "button secondary" } else { "button primary" }
                            disabled=busy
                            on:click=move |_| submit(act, AppActInput { action, reason: Some(reason.get_untracked()) })>{move || say(action.words(), app.lang.get())}</button>
                    }).collect_view()}
                </div>
            </section>
        })}
    }
}
