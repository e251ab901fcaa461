//! The pieces a call's chat and a consultation thread share: a message's body (its text, or a
//! file as a download link), the box to write in, and the button to send a photo or a PDF.

use crate::components::icons::{Icon, IconName};
use crate::i18n::{t, Msg};
use domain::files::FileRef;
use leptos::prelude::*;

/// A message's text, or its file as a link to `href` with its name and size.
pub fn message_body(
    text: Option<String>,
    file: Option<FileRef>,
    href: impl Fn(&str) -> String,
) -> AnyView {
    match (text, file) {
        (Some(text), _) => view! { <span class="text">{text}</span> }.into_any(),
        (None, Some(file)) => view! {
            <a class="file" href=href(&file.id) download=file.name.clone()>
                <Icon name=IconName::Paperclip/>
                {format!("{} ({} KB)", file.name, file.size.div_ceil(1024))}
            </a>
        }
        .into_any(),
        (None, None) => ().into_any(),
    }
}

/// One line to write and a send button; Enter sends. `on_send` gets the trimmed text.
#[component]
pub fn ChatInput(
    /// The input's id, unique on the page.
    id: String,
    value: RwSignal<String>,
    #[prop(into)] on_send: Callback<String>,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = value.get_untracked().trim().to_string();
        if !text.is_empty() {
            on_send.run(text);
        }
    };
    view! {
        <form class="chat-form" on:submit=submit>
            <label class="visually-hidden" for=id.clone()>{t(Msg::VideoChatPlaceholder)}</label>
            <input id=id type="text" maxlength="2000" autocomplete="off" required bind:value=value
                placeholder=move || t(Msg::VideoChatPlaceholder)()/>
            <button type="submit" class="button primary">{t(Msg::VideoSend)}</button>
        </form>
    }
}

/// A button that opens the file chooser for a photo or a PDF and hands over the chosen file.
#[component]
pub fn FilePicker(
    #[prop(into)] on_file: Callback<web_sys::File>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let chosen = move |ev: leptos::ev::Event| {
        let Some(file) = crate::components::form::chosen_file(&ev) else {
            return;
        };
        // Cleared, so choosing the same file again sends it again.
        event_target::<web_sys::HtmlInputElement>(&ev).set_value("");
        on_file.run(file);
    };
    view! {
        <label class="button file-button">
            {t(Msg::VideoSendFile)}
            <input type="file" accept="image/png,image/jpeg,image/webp,application/pdf" data-testid=testid
                class="visually-hidden" on:change=chosen/>
        </label>
    }
}
