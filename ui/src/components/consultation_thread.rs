//! One consultation thread as either side sees it: the messages (files as download links),
//! a reply box and a button to send a photo or a PDF. Refreshed every 10 seconds.

use crate::api;
use crate::components::chat_parts::{message_body, ChatInput, FilePicker};
use crate::every::every;
use crate::i18n::{t, Msg};
use crate::state::use_app;
use domain::consultations::{Side, ThreadDetail, ThreadMessage};
use domain::service::contacts::ContactKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn ConsultationThread(id: i64, #[prop(into)] on_change: Callback<()>) -> impl IntoView {
    let app = use_app();
    let detail = RwSignal::new(None::<ThreadDetail>);
    let load = move || {
        spawn_local(async move {
            match api::consultations::thread(id).await {
                Ok(d) => {
                    detail.set(Some(d));
                    on_change.run(());
                }
                Err(e) => app.error(&e),
            }
        })
    };
    load();
    every(10, load);
    let text = RwSignal::new(String::new());
    let send = move |words: String| {
        spawn_local(async move {
            match api::consultations::reply(id, &words).await {
                Ok(d) => {
                    text.set(String::new());
                    detail.set(Some(d));
                }
                Err(e) => app.error(&e),
            }
        });
    };
    let upload = move |file: web_sys::File| {
        spawn_local(async move {
            match api::consultations::share_file(id, &file).await {
                Ok(_) => load(),
                Err(e) => app.error(&e),
            }
        });
    };
    let line = move |m: ThreadMessage| {
        let body = message_body(m.text, m.file, |file| {
            api::consultations::file_url(id, file)
        });
        let side = if m.from == Side::Agent {
            "from-agent"
        } else {
            "from-customer"
        };
        view! { <li class=side><strong>{m.author}": "</strong>{body}</li> }
    };
    view! {
        <section class="card consult-thread" data-testid="consult-thread">
            <h3>{move || detail.get().map(|d| d.thread.subject)}</h3>
            <ol class="chat-lines" aria-live="polite" data-testid="consult-lines">
                {move || detail.get().map(|d| d.messages.into_iter().map(line).collect_view())}
            </ol>
            <ChatInput id=format!("reply-{id}") value=text on_send=send/>
            <FilePicker on_file=upload/>
            <Show when=move || app.session.get().is_some_and(|u| u.role != domain::Role::Customer)>
                <FileOnCase id/>
            </Show>
        </section>
    }
}

/// The agent files the consultation on a case by its number (GD…, SQ…, YK…).
#[component]
fn FileOnCase(id: i64) -> impl IntoView {
    let app = use_app();
    let number = RwSignal::new(String::new());
    let file = Action::new_local(move |number: &String| {
        let number = number.clone();
        async move {
            match api::consultations::file_on_case(
                ContactKind::Consultation,
                &id.to_string(),
                &number,
            )
            .await
            {
                Ok(_) => app.success(Msg::FiledOnCase),
                Err(e) => app.error(&e),
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        file.dispatch(number.get_untracked());
    };
    let field = format!("case-{id}");
    view! {
        <form class="inline-form" on:submit=submit>
            <label for=field.clone()>{t(Msg::CaseNumberField)}</label>
            <input id=field required bind:value=number data-testid="consult-case-number"/>
            <button type="submit" class="button" disabled=move || file.pending().get()>{t(Msg::FileOnCase)}</button>
        </form>
    }
}

/// A thread in a list: its subject, customer, and the unread count as a badge.
#[component]
pub fn ThreadRow(
    thread: domain::consultations::Thread,
    selected: RwSignal<Option<i64>>,
) -> impl IntoView {
    let id = thread.id;
    view! {
        <li data-testid="consult-row">
            <button type="button" class="link-button" aria-pressed=move || (selected.get() == Some(id)).to_string()
                on:click=move |_| selected.set(Some(id))>
                {thread.subject}" · "{thread.customer_name}
            </button>
            {(thread.unread > 0).then(|| view! { <span class="badge" data-testid="unread">{thread.unread}</span> })}
        </li>
    }
}
