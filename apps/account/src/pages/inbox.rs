//! `/inbox`: a user's project messages, newest first; opening the page marks them read.

use domain::expansion::api::InboxItem;
use domain::expansion::notify::NoticeKind;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::i18n::{say, t, Msg};
use ui::nav::Link;
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
            <Link href=format!("/projects/{}", item.project_id) class="card-link">
                {move || lead(kind).text(app.lang.get())}
                {item.number.clone()}" "{item.title.clone()}" · "{move || say(stage.words(), app.lang.get())}
            </Link>
            <p class="meta">{at}</p>
        </li>
    }
}
