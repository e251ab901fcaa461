//! `/projects/:id`: one connection project for any of its parties: where it stands and whose
//! turn it is, the timeline with due dates and the expected power-on date, what the viewer may
//! do now, the firms, the documents, comments and the full audit trail.

use crate::components::project_action::ProjectAction;
use crate::pages::projects::{due_text, whole_text};
use domain::hours::format_local_ms as when;
use domain::projects::bodies::{AuditEntry, AuditKind, ProjectDetail};
use domain::projects::schedule::StageState;
use domain::service::contacts::{Case, CaseRef};
use leptos::prelude::*;
use ui::api;
use ui::components::case_contacts::CaseContacts;
use ui::components::feedback::{Loaded, Loading};
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::components::guard::SignedIn;
use ui::i18n::{role_msg, say, t, Lang, Msg};
use ui::state::use_app;

#[component]
pub fn ProjectPage() -> impl IntoView {
    let id = ui::nav::path_id();
    let detail = LocalResource::new(move || api::projects::project(id()));
    let directory = LocalResource::new(api::firms);
    view! {
        <SignedIn>
            // Drawn once the firm directory is in as well: drawing again when it arrived would
            // reset the action forms, and an upload made in between would be lost.
            <Loaded resource=detail content=move |d| move || match directory.get() {
                None => view! { <Loading/> }.into_any(),
                Some(firms) => {
                    let firms = firms.unwrap_or_default();
                    let on_change = Callback::new(move |_| detail.refetch());
                    view! { <Project d=d.clone() firms on_change/> }.into_any()
                }
            }/>
        </SignedIn>
    }
}

#[component]
fn Project(
    d: ProjectDetail,
    firms: Vec<domain::firms::Firm>,
    on_change: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let lang = move || app.lang.get();
    let s = d.summary.clone();
    let id = s.id;
    let comment = RwSignal::new(String::new());
    let comment_error: FormError = RwSignal::new(None);
    let comment_problem = form_error(comment_error, &[]);
    let save_comment = save_action(
        comment_error,
        move |text: String| async move { api::projects::comment(id, &text).await },
        Callback::new(move |_| {
            comment.set(String::new());
            on_change.run(());
        }),
    );
    let send_comment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(save_comment, comment.get_untracked());
    };
    let split = Msg::DaysSplit
        .text(lang())
        .replace("{u}", &d.schedule.utility_days.to_string())
        .replace("{c}", &d.schedule.customer_days.to_string());
    let actions = d.actions.clone();
    view! {
        <h1>{s.number.clone()}" "{s.title.clone()}</h1>
        <p class="meta">{move || say(s.kind.words(), lang())}" · "{s.customer_name.clone()}" · "{s.address.clone()}" · "{s.capacity_kva}" kVA"</p>
        {s.expected_annual_kwh.map(|kwh| view! { <p data-testid="expected-generation">{t(Msg::ExpectedGeneration)}": "{kwh}" kWh"</p> })}
        <p class="lead">
            <span class="tag" data-testid="project-stage">{move || say(s.stage.words(), lang())}</span>
            {s.holder.map(|h| view! { " "{t(Msg::ProjectHolder)}": "<strong data-testid="project-holder">{move || say(h.words(), lang())}</strong> })}
            {s.due.map(|due| view! { " · "<span class:warning=due.standing.is_overdue()>{move || due_text(&due, lang())}</span> })}
        </p>

        <section class="card" aria-labelledby="actions-title">
            <h2 id="actions-title">{t(Msg::ActionsTitle)}</h2>
            {if actions.is_empty() {
                view! { <p class="empty">{t(Msg::ActionsNone)}</p> }.into_any()
            } else {
                actions.into_iter().map(|option| view! {
                    <ProjectAction project=id option directory=firms.clone() on_done=Callback::new(move |_| on_change.run(()))/>
                }).collect_view().into_any()
            }}
        </section>

        <section class="card">
            <h2>{t(Msg::Timeline)}</h2>
            {d.schedule.energize_on.map(|day| view! { <p><strong>{t(Msg::EnergizeOn)}": "<span data-testid="energize-on">{day.to_string()}</span></strong></p> })}
            <p class="meta">{split}</p>
            {s.whole.clone().map(|w| {
                let over = w.is_overdue();
                let text = { let w = w.clone(); move || whole_text(&w, lang()) };
                let source = move || Msg::WholeSource.text(lang()).replace("{s}", &w.source).replace("{d}", &w.in_force_from.to_string());
                view! {
                    <p><strong class:warning=over data-testid="project-whole">{text}</strong></p>
                    <p class="meta">{source}</p>
                }
            })}
            <ol class="timeline">
                {d.schedule.stages.iter().map(|st| {
                    let class = match st.state { StageState::Done => "done", StageState::Current => "current", StageState::ToCome => "to-come" };
                    let (stage, holder, limit, date) = (st.stage, st.holder, st.limit, st.date);
                    view! { <li class=class aria-current=(st.state == StageState::Current).then_some("step")>
                        <strong>{move || say(stage.words(), lang())}</strong>" "
                        <span class="meta">{date.to_string()}
                            {holder.map(|h| view! { " · "{move || say(h.words(), lang())} })}
                            {limit.map(|l| view! { " · "{move || Msg::LimitDays.text(lang()).replace("{}", &l.to_string())} })}
                        </span>
                    </li> }
                }).collect_view()}
            </ol>
        </section>

        <section class="card">
            <h2>{t(Msg::FirmsTitle)}</h2>
            <ul class="list">{d.firms.iter().map(|f| {
                let (name, kind, accepted) = (f.name.clone(), f.kind, f.accepted);
                view! { <li>{move || role_msg(kind.role()).text(lang())}": "{name}" · "
                    {move || if accepted { Msg::FirmAccepted.text(lang()) } else { Msg::FirmPending.text(lang()) }}</li> }
            }).collect_view()}</ul>
        </section>

        <section class="card">
            <h2>{t(Msg::DocumentsTitle)}</h2>
            <div class="table-scroll" tabindex="0"><table data-testid="documents"><tbody>
                {d.documents.iter().map(|doc| {
                    let (kind, href) = (doc.kind, api::projects::document_url(id, doc.id));
                    view! { <tr class:superseded=doc.superseded_by.is_some()>
                        <td>{move || say(kind.words(), lang())}</td>
                        <td><a href=href download="">{doc.name.clone()}</a></td>
                        <td>{doc.uploaded_by.clone()}" · "{when(doc.uploaded_at)}</td>
                        <td class="meta" title=doc.sha256.clone()>"SHA-256 "{doc.sha256.get(..12).unwrap_or_default().to_string()}"…"</td>
                        <td>{doc.superseded_by.map(|_| view! { <span class="tag">{t(Msg::Superseded)}</span> })}</td>
                    </tr> }
                }).collect_view()}
            </tbody></table></div>
        </section>

        <CaseContacts case=CaseRef { kind: Case::Project, id }/>

        <section class="card">
            <h2>{t(Msg::CommentsTitle)}</h2>
            <form class="inline-form" on:submit=send_comment>
                <label class="visually-hidden" for="project-comment">{t(Msg::CommentAdd)}</label>
                <input id="project-comment" required bind:value=comment data-testid="comment-text"/>
                <button type="submit" class="button secondary" disabled=move || save_comment.pending().get()>{t(Msg::CommentAdd)}</button>
            </form>
            <p class="form-error" role="alert">{move || comment_problem.get()}</p>
        </section>

        <section class="card">
            <h2>{t(Msg::AuditTitle)}</h2>
            <div class="table-scroll" tabindex="0"><table data-testid="audit"><tbody>
                {d.audit.iter().rev().map(|e| view! { <AuditRow e=e.clone()/> }).collect_view()}
            </tbody></table></div>
        </section>
    }
}

/// What an audit entry did, in words.
fn what(e: &AuditEntry, lang: Lang) -> String {
    let before_after = match (e.from, e.to) {
        (Some(from), Some(to)) => {
            format!(" ({} → {})", say(from.words(), lang), say(to.words(), lang))
        }
        _ => String::new(),
    };
    let head = match (e.kind, e.action) {
        (AuditKind::Step, Some(action)) => say(action.words(), lang).to_string(),
        (AuditKind::Opened, _) => Msg::AuditOpened.text(lang).to_string(),
        (AuditKind::Upload, _) => Msg::AuditUpload.text(lang).to_string(),
        _ => Msg::AuditComment.text(lang).to_string(),
    };
    format!("{head}{before_after}")
}

#[component]
fn AuditRow(e: AuditEntry) -> impl IntoView {
    let app = use_app();
    let party = e.party;
    let (at, actor, text) = (when(e.at), e.actor.clone(), e.text.clone());
    view! {
        <tr data-testid="audit-row">
            <td>{at}</td>
            <td>{actor}" · "{move || say(party.words(), app.lang.get())}</td>
            <td>{move || what(&e, app.lang.get())}</td>
            <td>{text}</td>
        </tr>
    }
}
