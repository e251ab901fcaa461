//! `/inbox`: a person's messages of every case kind, newest first, unread ones marked. Opening
//! one marks it read and goes to its case; "mark all as read" clears the header's count.

use domain::notify::inbox::{Inbox, InboxItem};
use domain::notify::texts::Lang;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::i18n::{t, Msg};
use ui::nav::use_go;
use ui::state::use_app;

#[component]
pub fn InboxPage() -> impl IntoView {
    view! {
        <h1>{t(Msg::InboxTitle)}</h1>
        <SignedIn><Messages/></SignedIn>
    }
}

#[component]
fn Messages() -> impl IntoView {
    let inbox = LocalResource::new(api::notify::inbox);
    let read_all = Action::new_local(|_: &()| api::notify::read_all());
    Effect::new(move |_| {
        if let Some(Ok(_)) = read_all.value().get() {
            inbox.refetch();
        }
    });
    view! {
        <Loaded resource=inbox content=move |inbox: Inbox| {
            if inbox.items.is_empty() {
                return view! { <p class="empty">{t(Msg::InboxEmpty)}</p> }.into_any();
            }
            let unread = inbox.unread > 0;
            view! {
                <Show when=move || unread>
                    <button class="secondary" data-testid="inbox-read-all"
                        disabled=move || read_all.pending().get()
                        on:click=move |_| { read_all.dispatch(()); }>
                        {t(Msg::InboxReadAll)}
                    </button>
                </Show>
                <ul class="list">{inbox.items.into_iter().map(|item| view! { <Message item/> }).collect_view()}</ul>
            }.into_any()
        }/>
    }
}

#[component]
fn Message(item: InboxItem) -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let lang = move || {
        if app.lang.get() == ui::i18n::Lang::En {
            Lang::En
        } else {
            Lang::Zh
        }
    };
    let at = domain::hours::format_local_ms(item.at);
    let (id, link, read) = (item.id, item.link.clone(), item.read);
    let (title, body) = (item.title.clone(), item.body.clone());
    let open = move |_| {
        let link = link.clone();
        let go = go.clone();
        leptos::task::spawn_local(async move {
            if !read {
                // The case opens either way; the count catches up on the next page.
                let _ = api::notify::read_one(id).await;
            }
            if let Some(link) = link {
                go(&link);
            }
        });
    };
    view! {
        <li class="card" class:unread=!read data-testid="inbox-item">
            <button class="card-link plain" on:click=open>
                <strong>{move || title.get(lang()).to_string()}</strong>
                <span class="body">{move || body.get(lang()).to_string()}</span>
            </button>
            <p class="meta">{at}</p>
        </li>
    }
}
