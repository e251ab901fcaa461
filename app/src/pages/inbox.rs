//! `/inbox`: a user's project messages, newest first; opening the page marks them read.

use crate::api;
use crate::components::feedback::Loaded;
use crate::components::guard::SignedIn;
use crate::i18n::{say, t, Msg};
use crate::state::use_app;
use domain::expansion::api::InboxItem;
use domain::expansion::notify::NoticeKind;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn InboxPage() -> impl IntoView {
    view! {
        <h1>{t(Msg::InboxTitle)}</h1>
        <SignedIn><Messages/></SignedIn>
    }
}

#[component]
fn Messages() -> impl IntoView {
    let inbox = LocalResource::new(api::projects::read_inbox);
    view! {
        <Loaded resource=inbox content=move |inbox| {
            if inbox.items.is_empty() {
                return view! { <p class="empty">{t(Msg::InboxEmpty)}</p> }.into_any();
            }
            view! { <ul class="list">{inbox.items.into_iter().map(|item| view! { <Message item/> }).collect_view()}</ul> }.into_any()
        }/>
    }
}

fn lead(kind: NoticeKind) -> Msg {
    match kind {
        NoticeKind::YourTurn => Msg::NoticeYourTurn,
        NoticeKind::Progress => Msg::NoticeProgress,
        NoticeKind::Assigned => Msg::NoticeAssigned,
        NoticeKind::DueSoon => Msg::NoticeDueSoon,
        NoticeKind::Overdue => Msg::NoticeOverdue,
    }
}

#[component]
fn Message(item: InboxItem) -> impl IntoView {
    let app = use_app();
    let at = domain::hours::format_local_ms(item.at);
    let (kind, stage) = (item.kind, item.stage);
    view! {
        <li class="card" class:unread=!item.read data-testid="inbox-item">
            <A href=format!("/projects/{}", item.project_id) attr:class="card-link">
                {move || lead(kind).text(app.lang.get())}
                {item.number.clone()}" "{item.title.clone()}" · "{move || say(stage.words(), app.lang.get())}
            </A>
            <p class="meta">{at}</p>
        </li>
    }
}
