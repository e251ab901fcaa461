//! Notice management: the list with each notice's state, and the form to create or edit one,
//! opened on demand.

use crate::components::manager::{
    save_content, state_and_window, submit_draft, withdraw, ContentRow, EditActions, Manager,
};
use domain::clock_text::local_input;
use domain::notices::{Notice, NoticeInput, NoticeState};
use domain::policy::{may_manage_notice, Actor};
use domain::ApiError;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, required_time, time_input, FormError, TextField};
use ui::i18n::{pick, t, Msg};
use ui::state::{now, use_app, AppState};

const FIELDS: &[&str] = &["hall_id", "title", "body", "starts_at", "ends_at"];

/// The form's state; `editing` holds the id of the notice being edited.
#[derive(Clone, Copy)]
struct Draft {
    app: AppState,
    editing: RwSignal<Option<i64>>,
    /// Whether the form shows.
    open: RwSignal<bool>,
    hall: RwSignal<String>,
    title: RwSignal<String>,
    body: RwSignal<String>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
}

impl Draft {
    fn reset(&self, default_hall: String) {
        self.editing.set(None);
        self.open.set(false);
        self.hall.set(default_hall);
        self.title.set(String::new());
        self.body.set(String::new());
        self.starts.set(local_input(now()));
        self.ends.set(String::new());
    }

    fn load(&self, n: &Notice) {
        self.editing.set(Some(n.id));
        self.open.set(true);
        self.hall.set(n.hall_id.clone().unwrap_or_default());
        self.title.set(n.title.clone());
        self.body.set(n.body.clone());
        self.starts.set(local_input(n.starts_at));
        self.ends
            .set(n.ends_at.map(local_input).unwrap_or_default());
    }

    fn input(&self) -> Result<NoticeInput, ApiError> {
        let app = self.app;
        let starts_at = required_time(app, &self.starts.get_untracked(), "starts_at")?;
        let ends_at = time_input(app, &self.ends.get_untracked(), "ends_at")?;
        let hall = self.hall.get_untracked();
        Ok(NoticeInput {
            hall_id: (!hall.is_empty()).then_some(hall),
            title: self.title.get_untracked(),
            body: self.body.get_untracked(),
            starts_at,
            ends_at,
        })
    }
}

#[component]
pub fn NoticeManager() -> impl IntoView {
    let app = use_app();
    let notices = LocalResource::new(api::staff_notices);
    let own_hall = move || {
        app.session
            .get_untracked()
            .and_then(|u| u.hall_id)
            .unwrap_or_default()
    };
    let draft = Draft {
        app,
        editing: RwSignal::new(None),
        open: RwSignal::new(false),
        hall: RwSignal::new(own_hall()),
        title: RwSignal::new(String::new()),
        body: RwSignal::new(String::new()),
        starts: RwSignal::new(local_input(now())),
        ends: RwSignal::new(String::new()),
    };
    let on_saved = Callback::new(move |_| {
        draft.reset(own_hall());
        notices.refetch();
    });
    view! {
        <Manager id="notice-manager" title=Msg::ManageNotices new=Msg::NewNotice open=draft.open
            form=move || view! { <NoticeForm draft on_saved/> }
            list=move || view! { <Loaded resource=notices content=move |list| view! { <NoticeTable list draft on_changed=on_saved/> }/> }/>
    }
}

#[component]
fn NoticeForm(draft: Draft, on_saved: Callback<()>) -> impl IntoView {
    let app = use_app();
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let halls = LocalResource::new(api::halls);
    let is_admin = move || {
        app.session
            .get()
            .is_some_and(|u| u.role == domain::Role::Admin)
    };
    let save = save_content(
        error,
        |input: NoticeInput| async move { api::create_notice(&input).await },
        |id, input: NoticeInput| async move { api::update_notice(id, &input).await },
        Msg::NoticePublished,
        on_saved,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_draft(save, error, draft.editing.get_untracked(), draft.input());
    };
    let hall_options = move || {
        let user = app.session.get();
        halls.get().and_then(Result::ok).unwrap_or_default().into_iter()
            .filter(|h| user.as_ref().is_some_and(|u| may_manage_notice(&Actor::of(u), Some(&h.id))))
            .map(|h| {
                let label = pick(app.lang.get(), &h.name, &h.name_en).to_string();
                view! { <option value=h.id.clone() selected=move || draft.hall.get() == h.id>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="notice-form">
            <h3>{move || if draft.editing.get().is_some() { t(Msg::EditNotice)() } else { t(Msg::NewNotice)() }}</h3>
            <div class="field">
                <label for="field-hall_id">{t(Msg::NoticeHall)}</label>
                <select id="field-hall_id" name="hall_id" on:change=move |ev| draft.hall.set(event_target_value(&ev))>
                    <Show when=is_admin><option value="" selected=move || draft.hall.get().is_empty()>{t(Msg::CityWide)}</option></Show>
                    {hall_options}
                </select>
            </div>
            <TextField label=Msg::NoticeTitle name="title" value=draft.title error/>
            <TextField label=Msg::NoticeBody name="body" value=draft.body error multiline=true/>
            <div class="row">
                <TextField label=Msg::StartsAt name="starts_at" value=draft.starts error kind="datetime-local"/>
                <TextField label=Msg::EndsAt name="ends_at" value=draft.ends error kind="datetime-local" required=false/>
            </div>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <button type="submit" class="button primary" data-testid="notice-submit" disabled=move || save.pending().get()>
                    {move || if draft.editing.get().is_some() { t(Msg::Save)() } else { t(Msg::Publish)() }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_saved.run(())>{t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}

#[component]
fn NoticeTable(list: Vec<Notice>, draft: Draft, on_changed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let withdrawn = Callback::new(move |_| {
        app.success(Msg::NoticeWithdrawn);
        on_changed.run(());
    });
    let withdraw = move |id: i64| {
        withdraw(
            app,
            Msg::ConfirmWithdraw,
            api::withdraw_notice(id),
            withdrawn,
        )
    };
    let lang = app.lang.get_untracked();
    let rows = list.into_iter().map(|n| {
        let editable = app.session.get_untracked().is_some_and(|u| may_manage_notice(&Actor::of(&u), n.hall_id.as_deref()))
            && n.state != NoticeState::Withdrawn;
        let hall = n.hall_name.clone().unwrap_or_else(|| Msg::CityWide.text(lang).to_string());
        let meta = view! { <span class="tag">{hall}</span>" "{state_and_window(n.state, n.starts_at, n.ends_at, lang)} };
        let (id, notice) = (n.id, n.clone());
        view! {
            <ContentRow testid="staff-notice" title=n.title.clone() meta=meta.into_any()>
                {editable.then(|| view! {
                    <EditActions on_edit=Callback::new(move |_| draft.load(&notice)) on_withdraw=Callback::new(move |_| withdraw(id))/>
                })}
            </ContentRow>
        }
    });
    view! { <ul class="card-list">{rows.collect_view()}</ul> }
}
