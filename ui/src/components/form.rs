//! Form fields with labels and per-field errors from the API.

use crate::api::describe;
use crate::i18n::Msg;
use crate::state::{use_app, AppState};
use domain::ApiError;
use leptos::prelude::*;

/// The error of the last submit, shared by a form's fields and its top-level message.
pub type FormError = RwSignal<Option<ApiError>>;

/// The error text for `field`, when the last error was about it.
pub fn field_error(error: FormError, field: &'static str) -> Signal<Option<String>> {
    let app = use_app();
    Signal::derive(move || {
        error
            .get()
            .filter(|e| e.field.as_deref() == Some(field))
            .map(|e| describe(&e, app.lang.get()))
    })
}

/// The error text when it is not about any one field of `fields`.
pub fn form_error(error: FormError, fields: &'static [&'static str]) -> Signal<Option<String>> {
    let app = use_app();
    Signal::derive(move || {
        error
            .get()
            .filter(|e| !e.field.as_deref().is_some_and(|f| fields.contains(&f)))
            .map(|e| describe(&e, app.lang.get()))
    })
}

#[component]
pub fn TextField(
    label: Msg,
    /// The API's name for the field, used as the input's name and to find its error.
    name: &'static str,
    value: RwSignal<String>,
    error: FormError,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<Msg>,
    #[prop(optional)] multiline: bool,
    #[prop(default = true)] required: bool,
    /// Tells this form's field ids from another's on the same page.
    #[prop(optional)]
    scope: Option<&'static str>,
) -> impl IntoView {
    let app = use_app();
    let id = match scope {
        Some(scope) => format!("field-{scope}-{name}"),
        None => format!("field-{name}"),
    };
    let message = field_error(error, name);
    let described = format!("{id}-note");
    let input = if multiline {
        view! { <textarea id=id.clone() name=name rows="6" required=required bind:value=value
            aria-invalid=move || message.get().is_some().to_string() aria-describedby=described.clone()></textarea> }
        .into_any()
    } else {
        view! { <input id=id.clone() name=name type=kind autocomplete=autocomplete required=required bind:value=value
            aria-invalid=move || message.get().is_some().to_string() aria-describedby=described.clone()/> }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label.text(app.lang.get())}</label>
            {input}
            <p class="field-note" id=described>
                {move || match message.get() {
                    Some(text) => view! { <span class="field-error">{text}</span> }.into_any(),
                    None => hint.map(|h| view! { <span class="hint">{move || h.text(app.lang.get())}</span> }).into_any(),
                }}
            </p>
        </div>
    }
}

/// A `datetime-local` field's value as a time in the hall's zone; empty is `None`, and a value
/// that is not a time is a validation error on `field`. Takes the app state rather than
/// looking it up, so submit handlers and tasks may call it.
pub fn time_input(
    app: AppState,
    value: &str,
    field: &str,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, ApiError> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    domain::clock_text::parse_local_input(value)
        .map(Some)
        .ok_or_else(|| ApiError::validation(field, app.text(Msg::BadTime)))
}

/// A required `datetime-local` field.
pub fn required_time(
    app: AppState,
    value: &str,
    field: &str,
) -> Result<chrono::DateTime<chrono::Utc>, ApiError> {
    time_input(app, value, field)?
        .ok_or_else(|| ApiError::validation(field, app.text(Msg::BadTime)))
}

/// The file just chosen in a file input, from its change event.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    event_target::<web_sys::HtmlInputElement>(ev)
        .files()
        .and_then(|f| f.get(0))
}

/// A form's save as an `Action`: `save` runs with the submitted input, its error is shown on
/// the form (`error`, cleared on success), and `done` gets what the server answered. Disable
/// the submit button on `pending()` and submit through `submit`, so a double click saves once.
pub fn save_action<I, O, Fut>(
    error: FormError,
    save: impl Fn(I) -> Fut + 'static,
    done: Callback<O>,
) -> Action<I, ()>
where
    I: Clone + 'static,
    O: 'static,
    Fut: std::future::Future<Output = Result<O, ApiError>> + 'static,
{
    Action::new_local(move |input: &I| {
        let saving = save(input.clone());
        async move {
            match saving.await {
                Ok(saved) => {
                    error.set(None);
                    done.run(saved);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    })
}

/// Dispatches `input` unless a save of this form is still on its way.
pub fn submit<I: 'static>(action: Action<I, ()>, input: I) {
    if !action.pending().get_untracked() {
        action.dispatch_local(input);
    }
}
