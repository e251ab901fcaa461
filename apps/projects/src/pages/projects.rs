//! `/projects`: a customer's connection projects with the application form; a firm's assigned
//! projects; the utility's board with filters, search, the CSV report and on-time rates. Each
//! list puts overdue projects first and marks the ones waiting for the viewer.

use domain::projects::bodies::{ProjectApply, ProjectKind, ProjectSummary};
use domain::projects::process::Stage;
use domain::projects::report::Rate;
use domain::projects::schedule::Due;
use domain::projects::whole::WholeClock;
use domain::Role;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{submit, FormError, TextField};
use ui::components::guard::SignedIn;
use ui::components::hall_select::HallSelect;
use ui::components::project_apply::apply_action;
use ui::i18n::{say, t, Lang, Msg};
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn ProjectsPage() -> impl IntoView {
    let app = use_app();
    let role = move || app.session.get().map(|u| u.role);
    let title = move || match role() {
        Some(Role::Customer) => Msg::ProjectsMine,
        Some(r) if r.is_firm() => Msg::ProjectsFirm,
        _ => Msg::ProjectsBoard,
    };
    view! {
        <h1>{move || title().text(app.lang.get())}</h1>
        <SignedIn>
            {move || match role() {
                Some(Role::Customer) => view! { <ApplyForm/><ProjectList board=false/><FirmDirectory/> }.into_any(),
                Some(r) if r.is_firm() => view! { <ProjectList board=false/> }.into_any(),
                _ => view! { <ProjectList board=true/><OnTime/><FirmDirectory/> }.into_any(),
            }}
        </SignedIn>
    }
}

/// "剩 3 个工作日" or "已超期 2 个工作日".
pub fn due_text(due: &Due, lang: Lang) -> String {
    let left = due.standing.left;
    let msg = if left < 0 { Msg::DueOver } else { Msg::DueLeft };
    format!(
        "{} · {}",
        due.standing.due,
        msg.text(lang).replace("{}", &left.abs().to_string())
    )
}

/// "全流程 4/5 个工作日" or "全流程超时 2 个工作日".
pub fn whole_text(whole: &WholeClock, lang: Lang) -> String {
    if whole.is_overdue() {
        Msg::WholeOver
            .text(lang)
            .replace("{}", &(-whole.left).to_string())
    } else {
        Msg::WholeUsed
            .text(lang)
            .replace("{u}", &whole.used.to_string())
            .replace("{l}", &whole.limit.to_string())
    }
}

#[component]
fn ProjectList(board: bool) -> impl IntoView {
    let app = use_app();
    let stage = RwSignal::new(String::new());
    let q = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let list = LocalResource::new(move || {
        let (s, text, late) = (stage.get(), q.get(), overdue.get());
        async move { api::projects::list(&s, &text, late).await }
    });
    // Every stage of every kind, once, in process order.
    let mut stages: Vec<Stage> = Vec::new();
    for stage in ProjectKind::ALL.iter().flat_map(|k| k.process().stages()) {
        if !stages.contains(&stage) {
            stages.push(stage);
        }
    }
    view! {
        <Show when=move || board>
            <div class="inline-form card" role="search">
                <label>{t(Msg::FilterStage)}
                    <select data-testid="filter-stage" on:change=move |ev| stage.set(event_target_value(&ev))>
                        <option value="">{t(Msg::FilterAll)}</option>
                        {stages.iter().map(|s| {
                            let value = domain::wire::wire_name(s);
                            let s = *s;
                            view! { <option value=value>{move || say(s.words(), app.lang.get())}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label>{t(Msg::SearchProjects)}
                    <input type="search" data-testid="project-search" on:change=move |ev| q.set(event_target_value(&ev))/>
                </label>
                <label class="check"><input type="checkbox" data-testid="filter-overdue"
                    on:change=move |ev| overdue.set(event_target_checked(&ev))/>{t(Msg::FilterOverdue)}</label>
            </div>
        </Show>
        <Loaded resource=list content=move |projects| {
            if projects.is_empty() {
                return view! { <p class="empty">{t(Msg::ProjectsEmpty)}</p> }.into_any();
            }
            view! { <ul class="list project-list">{projects.into_iter().map(|p| view! { <ProjectRow p/> }).collect_view()}</ul> }.into_any()
        }/>
    }
}

#[component]
fn ProjectRow(p: ProjectSummary) -> impl IntoView {
    let app = use_app();
    let late = p.due.is_some_and(|d| d.standing.is_overdue())
        || p.whole.as_ref().is_some_and(WholeClock::is_overdue);
    let href = format!("/projects/{}", p.id);
    view! {
        <li class="card project-row" class:overdue=late data-testid="project-row">
            <Link href=href class="card-link">
                <strong>{p.number.clone()}" "{p.title.clone()}</strong>
            </Link>
            <p class="meta">{move || say(p.kind.words(), app.lang.get())}" · "{p.customer_name.clone()}" · "{p.address.clone()}</p>
            <p>
                <span class="tag" data-testid="project-stage">{move || say(p.stage.words(), app.lang.get())}</span>
                {p.holder.map(|h| view! { " "<span class="meta">{t(Msg::ProjectHolder)}": "{move || say(h.words(), app.lang.get())}</span> })}
                {p.due.map(|d| view! { " "<span class:warning=d.standing.is_overdue()>{move || due_text(&d, app.lang.get())}</span> })}
                {p.whole.map(|w| view! { " · "<span class:warning=w.is_overdue() data-testid="whole-clock">{let w = w.clone(); move || whole_text(&w, app.lang.get())}</span> })}
                {p.my_turn.then(|| view! { " "<span class="badge">{t(Msg::MyTurn)}</span> })}
            </p>
        </li>
    }
}

#[component]
fn ApplyForm() -> impl IntoView {
    let app = use_app();
    let title = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let capacity = RwSignal::new(String::from("100"));
    let hall = RwSignal::new(String::new());
    let increase = RwSignal::new(false);
    let dual = RwSignal::new(false);
    let error: FormError = RwSignal::new(None);
    // On success the project's page opens, so nothing is left to do when the save is done.
    let save = apply_action(error);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ProjectApply {
            title: title.get_untracked(),
            address: address.get_untracked(),
            hall_id: hall.get_untracked(),
            kind: if increase.get_untracked() {
                ProjectKind::CapacityIncrease
            } else {
                ProjectKind::NewConnection
            },
            capacity_kva: capacity.get_untracked().trim().parse().unwrap_or(0),
            dual_source: dual.get_untracked(),
            account: None,
        };
        submit(save, input);
    };
    view! {
        <details class="card">
            <summary class="button primary" data-testid="apply-open">{t(Msg::ProjectApplyTitle)}</summary>
            <form class="form" on:submit=on_submit>
                <TextField label=Msg::ProjectTitleField name="title" value=title error scope="apply"/>
                <TextField label=Msg::ProjectAddress name="address" value=address error scope="apply"/>
                <HallSelect id="apply-hall" value=hall error/>
                <fieldset class="field">
                    <legend>{t(Msg::ProjectKindField)}</legend>
                    <label class="check"><input type="radio" name="kind" checked on:change=move |_| increase.set(false)/>{t(Msg::ProjectKindNew)}</label>
                    <label class="check"><input type="radio" name="kind" on:change=move |_| increase.set(true)/>{t(Msg::ProjectKindIncrease)}</label>
                </fieldset>
                <TextField label=Msg::ProjectCapacity name="capacity_kva" value=capacity error kind="number" scope="apply"/>
                <label class="check"><input type="checkbox" on:change=move |ev| dual.set(event_target_checked(&ev))/>{t(Msg::ProjectDual)}</label>
                {move || error.get().filter(|e| e.field.is_none())
                    .map(|e| view! { <p class="form-error" role="alert">{ui::api::describe(&e, app.lang.get())}</p> })}
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::ProjectSubmit)}</button>
            </form>
        </details>
    }
}

/// The on-time rates and the durations CSV over a period: the last 30 days unless one is chosen.
#[component]
fn OnTime() -> impl IntoView {
    let app = use_app();
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let period = RwSignal::new((String::new(), String::new()));
    let report = LocalResource::new(move || {
        let (from, to) = period.get();
        api::projects::on_time(from, to)
    });
    let show = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        period.set((from.get_untracked(), to.get_untracked()));
    };
    let csv = move || {
        let (from, to) = period.get();
        api::projects::durations_csv(&from, &to)
    };
    view! {
        <section class="card">
            <h2>{t(Msg::OnTimeTitle)}</h2>
            <p class="meta">{t(Msg::ReportPeriodHint)}</p>
            <form class="inline-form" on:submit=show data-testid="report-period">
                <div class="field"><label for="report-from">{t(Msg::OpsFrom)}</label>
                    <input id="report-from" type="date" data-testid="report-from" on:change=move |ev| from.set(event_target_value(&ev))/></div>
                <div class="field"><label for="report-to">{t(Msg::OpsTo)}</label>
                    <input id="report-to" type="date" data-testid="report-to" on:change=move |ev| to.set(event_target_value(&ev))/></div>
                <button type="submit" class="button primary" data-testid="report-show">{t(Msg::OpsShow)}</button>
                <a class="button secondary" href=csv download="" data-testid="durations-csv">{t(Msg::ExportCsv)}</a>
            </form>
            <Loaded resource=report content=move |r| {
                if r.clocks.is_empty() && r.whole.is_empty() {
                    return view! { <p class="empty">{t(Msg::ReportEmpty)}</p> }.into_any();
                }
                view! {
                    <div class="table-scroll" tabindex="0"><table data-testid="on-time">
                        <tbody>
                            {r.clocks.into_iter().map(|c| view! { <tr>
                                <td>{move || say(c.clock.words(), app.lang.get())}</td>
                                <td>{t(Msg::OnTimeRate)}" "{percent(c.rate)}</td>
                            </tr> }).collect_view()}
                            {r.whole.into_iter().map(|w| view! { <tr data-testid="on-time-whole">
                                <td>{t(Msg::WholeProcess)}" · "{move || say(w.class.words(), app.lang.get())}</td>
                                <td>{t(Msg::OnTimeRate)}" "{percent(w.rate)}</td>
                            </tr> }).collect_view()}
                            {r.firms.into_iter().map(|f| view! { <tr>
                                <td>{f.name.clone()}</td>
                                <td>{t(Msg::OnTimeRate)}" "{percent(f.rate)}</td>
                            </tr> }).collect_view()}
                        </tbody>
                    </table></div>
                }.into_any()
            }/>
        </section>
    }
}

/// The qualified firms customers choose from, openly: qualification, contact and record.
#[component]
fn FirmDirectory() -> impl IntoView {
    let app = use_app();
    let firms = LocalResource::new(api::firms);
    view! {
        <section class="card">
            <h2>{t(Msg::FirmDirectory)}</h2>
            <Loaded resource=firms content=move |list| view! {
                <div class="table-scroll" tabindex="0"><table data-testid="firm-directory"><tbody>
                    {list.into_iter().map(|f: domain::firms::Firm| {
                        let role = ui::i18n::role_msg(f.kind.role());
                        view! { <tr>
                            <td>{f.name.clone()}</td>
                            <td>{move || role.text(app.lang.get())}" · "{f.grade.clone()}</td>
                            <td>{f.qualification_no.clone()}" · "{t(Msg::ValidUntil)}" "{f.qualification_expires.to_string()}</td>
                            <td>{f.contact.clone()}" "{f.phone.clone()}</td>
                            <td>{t(Msg::OnTimeRate)}" "{percent(f.record)}</td>
                        </tr> }
                    }).collect_view()}
                </tbody></table></div>
            }/>
        </section>
    }
}

/// "80% (4/5)", or a dash before anything was counted.
fn percent(rate: Rate) -> String {
    rate.percent().map_or("—".into(), |p| {
        format!("{p}% ({}/{})", rate.on_time, rate.counted)
    })
}
