//! `/applications` (业务办理): a customer files an application with its documents, guided by
//! what to bring; their applications and how far each has got. Staff see their hall's.

use domain::billing::tariff::Plan;
use domain::hours::format_local_ms;
use domain::service::applications::{AppKind, Application, ApplicationInput};
use domain::service::guides::guide;
use domain::wire::{from_wire_name, wire_name};
use domain::Role;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::components::guard::SignedIn;
use ui::components::hall_select::HallSelect;
use ui::i18n::{say, t, Msg};
use ui::nav::use_go;
use ui::nav::Link;
use ui::state::{use_app, AppState};
use wasm_bindgen::JsCast;

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let app = use_app();
    let customer = move || app.session.get().is_some_and(|u| u.role == Role::Customer);
    let list = LocalResource::new(api::services::applications);
    view! {
        <h1>{move || if customer() { t(Msg::ApplicationsTitle)() } else { t(Msg::ApplicationsBoard)() }}</h1>
        <SignedIn allow=|u| u.role == Role::Customer || u.role.is_hall_staff() || u.role == Role::Admin>
            <Show when=customer><ApplyForm/></Show>
            <Loaded resource=list content=|list| view! { <ApplicationList list/> }/>
        </SignedIn>
    }
}

#[component]
fn ApplicationList(list: Vec<Application>) -> impl IntoView {
    let app = use_app();
    if list.is_empty() {
        return view! { <p class="empty">{t(Msg::ApplicationsEmpty)}</p> }.into_any();
    }
    view! {
        <ul class="list" data-testid="application-list">
            {list.into_iter().map(|a| {
                let (kind, status) = (a.kind, a.status);
                view! {
                    <li class="card" data-testid="application-row">
                        <Link href=format!("/applications/{}", a.id) class="card-link">
                            <strong>{a.number.clone()}" "{move || say(kind.words(), app.lang.get())}</strong>
                        </Link>
                        <p>
                            <span class="tag">{move || say(status.words(), app.lang.get())}</span>" "
                            <span class="meta">{a.customer_name.clone()}" · "{a.account.clone().unwrap_or_default()}" · "{format_local_ms(a.updated_at)}</span>
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Sends each of `files` with `upload`, in turn; a file the server refuses is said in a message
/// and the rest still go (the case they belong to is already filed).
pub async fn upload_each<T, Fut>(
    app: AppState,
    files: Vec<web_sys::File>,
    upload: impl Fn(web_sys::File) -> Fut,
) where
    Fut: std::future::Future<Output = Result<T, domain::ApiError>>,
{
    for file in files {
        if let Err(e) = upload(file).await {
            app.error(&e);
        }
    }
}

/// The files chosen in a form's file input.
pub fn chosen_files(id: &str) -> Vec<web_sys::File> {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let files = input.and_then(|i| i.files());
    files
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}

#[component]
fn ApplyForm() -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let accounts = LocalResource::new(api::services::accounts);
    let kind = RwSignal::new(AppKind::RenameTransfer);
    let account = RwSignal::new(String::new());
    let text = |init: &str| RwSignal::new(init.to_string());
    let (new_holder, id_number, phone) = (text(""), text(""), text(""));
    let (capacity, start_on, months) = (text(""), text(""), text("3"));
    let (title, address, hall) = (text(""), text(""), text(""));
    let plan = RwSignal::new(Plan::PeakValley);
    let error: FormError = RwSignal::new(None);
    // On success the application's page (or its project's) opens.
    let save = save_action(
        error,
        move |(input, files): (ApplicationInput, Vec<web_sys::File>)| {
            let go = go.clone();
            async move {
                let a = api::services::apply(&input).await?;
                upload_each(app, files, |file| async move {
                    api::services::upload_application_document(a.id, &file).await
                })
                .await;
                go(&match a.project_id {
                    Some(p) => format!("/projects/{p}"),
                    None => format!("/applications/{}", a.id),
                });
                Ok(())
            }
        },
        Callback::new(|()| {}),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let k = kind.get_untracked();
        let opt = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        let input = ApplicationInput {
            kind: Some(k),
            account: opt(account),
            new_holder: opt(new_holder),
            id_number: opt(id_number),
            phone: opt(phone),
            plan: Some(plan.get_untracked()),
            capacity_kva: capacity.get_untracked().trim().parse().ok(),
            start_on: start_on.get_untracked().parse().ok(),
            months: months.get_untracked().trim().parse().ok(),
            hall_id: opt(hall),
            address: opt(address),
            title: opt(title),
            dual_source: false,
        };
        submit(save, (input, chosen_files("application-files")));
    };
    let fields = &[
        "account",
        "new_holder",
        "id_number",
        "phone",
        "plan",
        "capacity_kva",
        "start_on",
        "months",
        "hall_id",
        "address",
        "title",
    ];
    let other = form_error(error, fields);
    let is = move |k: AppKind| kind.get() == k;
    view! {
        <section class="card">
            <h2>{t(Msg::ApplyNew)}</h2>
            <form class="form" on:submit=on_submit data-testid="application-form">
                <div class="field">
                    <label for="application-kind">{t(Msg::ApplicationKind)}</label>
                    <select id="application-kind" data-testid="application-kind"
                        on:change=move |ev| if let Some(k) = from_wire_name(&event_target_value(&ev)) { kind.set(k) }>
                        {AppKind::ALL.iter().map(|&k| view! {
                            <option value=wire_name(&k)>{move || say(k.words(), app.lang.get())}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Guide kind/>
                <Show when=move || !is(AppKind::NewConnection)>
                    <div class="field">
                        <label for="application-account">{t(Msg::AccountNumber)}</label>
                        <select id="application-account" name="account" on:change=move |ev| account.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {move || accounts.get().and_then(Result::ok).map(|list| list.into_iter().map(|a| {
                                view! { <option value=a.number.clone()>{a.number.clone()}" "{a.address.clone()}</option> }
                            }).collect_view())}
                        </select>
                        <FieldError error field="account"/>
                    </div>
                </Show>
                <Show when=move || is(AppKind::RenameTransfer)>
                    <TextField label=Msg::NewHolder name="new_holder" value=new_holder error scope="app"/>
                    <TextField label=Msg::IdNumber name="id_number" value=id_number error scope="app"/>
                    <TextField label=Msg::MobileField name="phone" value=phone error kind="tel" scope="app"/>
                </Show>
                <Show when=move || is(AppKind::TariffChange)>
                    <fieldset class="field">
                        <legend>{t(Msg::PlanWanted)}</legend>
                        {Plan::ALL.iter().map(|&p| view! {
                            <label class="check"><input type="radio" name="plan" checked=p == Plan::PeakValley
                                on:change=move |_| plan.set(p)/>{move || say(p.words(), app.lang.get())}</label>
                        }).collect_view()}
                        <FieldError error field="plan"/>
                    </fieldset>
                </Show>
                <Show when=move || is(AppKind::Suspension) || is(AppKind::CapacityIncrease) || is(AppKind::NewConnection)>
                    <TextField label=Msg::CapacityKva name="capacity_kva" value=capacity error kind="number" scope="app"/>
                </Show>
                <Show when=move || is(AppKind::Suspension)>
                    <TextField label=Msg::StartOn name="start_on" value=start_on error kind="date" scope="app"/>
                    <TextField label=Msg::Months name="months" value=months error kind="number" scope="app"/>
                </Show>
                <Show when=move || is(AppKind::NewConnection)>
                    <TextField label=Msg::ProjectTitleField name="title" value=title error scope="app"/>
                    <TextField label=Msg::ProjectAddress name="address" value=address error scope="app"/>
                    <HallSelect id="application-hall" value=hall error/>
                </Show>
                <Show when=move || !kind.get().becomes_project()>
                    <div class="field">
                        <label for="application-files">{t(Msg::Documents)}</label>
                        <input id="application-files" type="file" multiple accept="image/*,application/pdf"/>
                        <p class="hint">{move || Msg::DocumentsNeeded.text(app.lang.get()).replace("{}", &kind.get().documents_needed().to_string())}</p>
                    </div>
                </Show>
                {move || other.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="button primary big" disabled=move || save.pending().get()>{t(Msg::Submit)}</button>
            </form>
        </section>
    }
}

/// The error under a field that is not a `TextField` (a select, a radio group).
#[component]
pub fn FieldError(error: FormError, field: &'static str) -> impl IntoView {
    let message = ui::components::form::field_error(error, field);
    move || {
        message
            .get()
            .map(|text| view! { <p class="field-note"><span class="field-error">{text}</span></p> })
    }
}

/// What to bring and how long it takes, beside the form.
#[component]
pub fn Guide(kind: RwSignal<AppKind>) -> impl IntoView {
    let app = use_app();
    move || {
        let g = guide(kind.get());
        let lang = app.lang.get();
        view! {
            <aside class="guide" data-testid="guide">
                <p><strong>{Msg::BringThese.text(lang)}</strong></p>
                <ul>{g.documents.iter().map(|d| view! { <li>{say(*d, lang)}</li> }).collect_view()}</ul>
                <p class="meta">{say(g.time_limit, lang)}</p>
            </aside>
        }
    }
}
