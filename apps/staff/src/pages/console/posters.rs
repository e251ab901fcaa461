//! Posters for the hall TVs, the home page and the hall pages: a text or an uploaded image, a
//! window, the halls it shows in and its place in the rotation. Create, edit and take down.

use crate::components::manager::{
    save_content, state_and_window, submit_draft, withdraw, ContentRow, EditActions, Manager,
};
use domain::clock_text::local_input;
use domain::content::{Poster, PosterInput};
use domain::notices::NoticeState;
use domain::policy::{may_publish_for, Actor};
use domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, required_time, time_input, FormError, TextField};
use ui::i18n::{pick, t, Msg};
use ui::state::{now, use_app, AppState};

const FIELDS: &[&str] = &[
    "title",
    "body",
    "image",
    "image_key",
    "starts_at",
    "ends_at",
    "position",
];

fn actor(app: AppState) -> Option<Actor> {
    app.session.get_untracked().map(|u| Actor::of(&u))
}

/// The form's state; `editing` holds the id of the poster being edited.
#[derive(Clone, Copy)]
struct Draft {
    app: AppState,
    editing: RwSignal<Option<i64>>,
    /// Whether the form shows.
    open: RwSignal<bool>,
    halls: RwSignal<Vec<String>>,
    title: RwSignal<String>,
    body: RwSignal<String>,
    image_key: RwSignal<Option<String>>,
    starts: RwSignal<String>,
    ends: RwSignal<String>,
    position: RwSignal<String>,
}

impl Draft {
    fn new() -> Draft {
        let d = Draft {
            app: use_app(),
            editing: RwSignal::new(None),
            open: RwSignal::new(false),
            halls: RwSignal::new(Vec::new()),
            title: RwSignal::new(String::new()),
            body: RwSignal::new(String::new()),
            image_key: RwSignal::new(None),
            starts: RwSignal::new(String::new()),
            ends: RwSignal::new(String::new()),
            position: RwSignal::new(String::new()),
        };
        d.reset();
        d
    }

    /// Empty, starting now, for the manager's own hall.
    fn reset(&self) {
        let own = actor(self.app).and_then(|a| a.hall_id);
        self.editing.set(None);
        self.open.set(false);
        self.halls.set(own.into_iter().collect());
        self.title.set(String::new());
        self.body.set(String::new());
        self.image_key.set(None);
        self.starts.set(local_input(now()));
        self.ends.set(String::new());
        self.position.set("0".into());
    }

    fn load(&self, p: &Poster) {
        self.editing.set(Some(p.id));
        self.open.set(true);
        self.halls.set(p.hall_ids.clone());
        self.title.set(p.title.clone());
        self.body.set(p.body.clone());
        self.image_key.set(p.image_key.clone());
        self.starts.set(local_input(p.starts_at));
        self.ends
            .set(p.ends_at.map(local_input).unwrap_or_default());
        self.position.set(p.position.to_string());
    }

    fn input(&self) -> Result<PosterInput, ApiError> {
        let app = self.app;
        let position = self
            .position
            .get_untracked()
            .trim()
            .parse()
            .map_err(|_| ApiError::validation("position", app.text(Msg::BadNumber)))?;
        Ok(PosterInput {
            hall_ids: self.halls.get_untracked(),
            title: self.title.get_untracked(),
            body: self.body.get_untracked(),
            image_key: self.image_key.get_untracked(),
            starts_at: required_time(app, &self.starts.get_untracked(), "starts_at")?,
            ends_at: time_input(app, &self.ends.get_untracked(), "ends_at")?,
            position,
        })
    }
}

#[component]
pub fn PosterManager() -> impl IntoView {
    let posters = LocalResource::new(api::content::staff_posters);
    let draft = Draft::new();
    let on_saved = Callback::new(move |_| {
        draft.reset();
        posters.refetch();
    });
    view! {
        <Manager id="poster-manager" title=Msg::ManagePosters new=Msg::NewPoster open=draft.open
            form=move || view! { <PosterForm draft on_saved/> }
            list=move || view! { <Loaded resource=posters content=move |list| view! { <PosterList list draft on_changed=on_saved/> }/> }/>
    }
}

#[component]
fn PosterForm(draft: Draft, on_saved: Callback<()>) -> impl IntoView {
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let image_error = ui::components::form::field_error(error, "image");
    let uploading = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = ui::components::form::chosen_file(&ev) else {
            return;
        };
        uploading.set(true);
        spawn_local(async move {
            match api::content::upload_image(&file).await {
                Ok(uploaded) => {
                    draft.image_key.set(Some(uploaded.key));
                    error.set(None);
                }
                Err(e) => error.set(Some(ApiError {
                    field: Some("image".into()),
                    ..e
                })),
            }
            uploading.set(false);
        });
    };
    let save = save_content(
        error,
        |input: PosterInput| async move { api::content::create_poster(&input).await },
        |id, input: PosterInput| async move { api::content::update_poster(id, &input).await },
        Msg::PosterSaved,
        on_saved,
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit_draft(save, error, draft.editing.get_untracked(), draft.input());
    };
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="poster-form">
            <h3>{move || if draft.editing.get().is_some() { t(Msg::EditPoster)() } else { t(Msg::NewPoster)() }}</h3>
            <TextField scope="poster" label=Msg::PosterTitle name="title" value=draft.title error/>
            <TextField scope="poster" label=Msg::PosterBody name="body" value=draft.body error multiline=true required=false/>
            <div class="field">
                <label for="field-image">{t(Msg::PosterImage)}</label>
                <input id="field-image" type="file" accept="image/png,image/jpeg,image/webp" on:change=on_file/>
                <p class="field-note">
                    {move || if uploading.get() { Some(t(Msg::PosterUploading)().to_string()) } else { None }}
                    {move || image_error.get().map(|e| view! { <span class="field-error">{e}</span> })}
                    {move || draft.image_key.get().map(|_| view! { <span class="hint" data-testid="image-ready">{t(Msg::PosterImageReady)}</span> })}
                </p>
            </div>
            <HallChoice draft/>
            <div class="row">
                <TextField scope="poster" label=Msg::StartsAt name="starts_at" value=draft.starts error kind="datetime-local"/>
                <TextField scope="poster" label=Msg::EndsAt name="ends_at" value=draft.ends error kind="datetime-local" required=false/>
                <TextField scope="poster" label=Msg::PosterPosition name="position" value=draft.position error kind="number"/>
            </div>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <button type="submit" class="button primary" data-testid="poster-submit" disabled=move || uploading.get() || save.pending().get()>
                    {move || if draft.editing.get().is_some() { t(Msg::Save)() } else { t(Msg::Publish)() }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_saved.run(())>{t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}

/// One box per hall the user may target; an admin ticking none means every hall.
#[component]
fn HallChoice(draft: Draft) -> impl IntoView {
    let lang = use_app().lang;
    let halls = LocalResource::new(api::halls);
    let boxes = move || {
        let actor = actor(draft.app)?;
        let list = halls.get()?.ok()?;
        Some(list.into_iter()
            .filter(|h| may_publish_for(&actor, std::slice::from_ref(&h.id)))
            .map(|h| {
                let (id, label) = (h.id.clone(), pick(lang.get(), &h.name, &h.name_en).to_string());
                let checked = { let id = id.clone(); move || draft.halls.get().contains(&id) };
                let toggle = move |ev| {
                    let on = event_target_checked(&ev);
                    draft.halls.update(|list| {
                        list.retain(|x| *x != id);
                        if on { list.push(id.clone()); }
                    });
                };
                view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle/>{label}</label> }
            })
            .collect_view())
    };
    view! {
        <fieldset class="field">
            <legend>{t(Msg::PosterHalls)}</legend>
            <div class="row">{boxes}</div>
        </fieldset>
    }
}

#[component]
fn PosterList(list: Vec<Poster>, draft: Draft, on_changed: Callback<()>) -> impl IntoView {
    let app = use_app();
    let withdraw = move |id: i64| {
        let call = api::content::withdraw_poster(id);
        withdraw(app, Msg::ConfirmWithdrawPoster, call, on_changed)
    };
    let lang = app.lang.get_untracked();
    let rows = list.into_iter().map(|p| {
        let editable = p.state != NoticeState::Withdrawn
            && actor(app).is_some_and(|a| may_publish_for(&a, &p.hall_ids));
        let halls = if p.hall_ids.is_empty() { Msg::CityWide.text(lang).to_string() } else { p.hall_ids.join(", ") };
        let meta = view! {
            <span class="tag">{halls}</span>" "{state_and_window(p.state, p.starts_at, p.ends_at, lang)}" · #"{p.position}
        };
        let (id, poster) = (p.id, p.clone());
        view! {
            <ContentRow testid="staff-poster" title=p.title.clone() meta=meta.into_any()>
                {editable.then(|| view! {
                    <EditActions on_edit=Callback::new(move |_| draft.load(&poster)) on_withdraw=Callback::new(move |_| withdraw(id))/>
                })}
            </ContentRow>
        }
    });
    view! { <ul class="card-list">{rows.collect_view()}</ul> }
}
