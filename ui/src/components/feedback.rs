//! Loading, error and toast displays.

use crate::api::describe;
use crate::i18n::{t, Msg};
use crate::state::{use_app, ToastKind};
use domain::ApiError;
use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true"></span>{t(Msg::Loading)}</p> }
}

/// An error with a "try again" button when there is something to retry.
#[component]
pub fn ErrorBox(
    error: ApiError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="error-box" role="alert">
            <p>{move || describe(&error, app.lang.get())}</p>
            {on_retry.map(|retry| view! {
                <button class="button secondary" on:click=move |_| retry.run(())>{t(Msg::Retry)}</button>
            })}
        </div>
    }
}

/// Renders `content` with the value of a loaded resource, a spinner before, an error box on failure.
#[component]
pub fn Loaded<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    content: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Ok(value)) => content(value).into_any(),
        Some(Err(error)) => {
            view! { <ErrorBox error on_retry=move |_| resource.refetch()/> }.into_any()
        }
    }
}

#[component]
pub fn ToastHost() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || app.toasts.get() key=|toast| toast.id let:toast>
                <div class=move || if toast.kind == ToastKind::Error { "toast error" } else { "toast success" }>
                    <span>{toast.text.clone()}</span>
                    <button class="toast-close" aria-label=t(Msg::Close)
                        on:click=move |_| app.toasts.update(|list| list.retain(|x| x.id != toast.id))>"×"</button>
                </div>
            </For>
        </div>
    }
}
