//! Rating a finished service, at a counter, by video or an application: one to five stars and
//! an optional comment. Used on the ticket page, at the kiosk, after a video call and on a
//! decided application.

use crate::api;
use crate::i18n::{t, Msg};
use crate::state::use_app;
use domain::queue::requests::RateRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A ticket as a page addresses it: its hall, its id, and the key from its link.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketRef {
    pub hall: String,
    pub id: u32,
    pub key: Option<String>,
}

/// What is being rated.
#[derive(Debug, Clone, PartialEq)]
pub enum RatingTarget {
    Ticket(TicketRef),
    Call { room: String, key: String },
    Application(i64),
}

impl RatingTarget {
    async fn rate(&self, stars: u8, comment: String) -> Result<(), domain::ApiError> {
        match self {
            RatingTarget::Ticket(at) => {
                let request = RateRequest {
                    stars,
                    comment,
                    key: at.key.clone(),
                };
                api::queue::rate(&at.hall, at.id, &request)
                    .await
                    .map(|_| ())
            }
            RatingTarget::Call { room, key } => api::video::rate(room, key, stars, &comment)
                .await
                .map(|_| ()),
            RatingTarget::Application(id) => {
                let rating = domain::service::applications::AppRating { stars, comment };
                api::services::rate_application(*id, &rating)
                    .await
                    .map(|_| ())
            }
        }
    }
}

#[component]
pub fn RatingForm(
    #[prop(into)] target: RatingTarget,
    #[prop(default = Msg::RateService)] title: Msg,
    #[prop(optional)] on_rated: Option<Callback<()>>,
) -> impl IntoView {
    let app = use_app();
    let stars = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (target, stars, comment) = (
            target.clone(),
            stars.get_untracked(),
            comment.get_untracked(),
        );
        spawn_local(async move {
            match target.rate(stars, comment).await {
                Ok(_) => {
                    app.success(Msg::ThanksRating);
                    if let Some(done) = on_rated {
                        done.run(());
                    }
                }
                Err(e) => app.error(&e),
            }
        });
    };
    let buttons = (1..=5u8)
        .map(|n| view! {
            <button type="button" class="star" aria-pressed=move || (stars.get() >= n).to_string() on:click=move |_| stars.set(n)
                aria-label=move || format!("{n} {}", t(Msg::Stars)())>"★"</button>
        })
        .collect_view();
    view! {
        <form class="form card" on:submit=submit data-testid="rating">
            <h2>{t(title)}</h2>
            <div class="stars" role="group">{buttons}</div>
            <div class="field">
                <label for="rating-comment">{t(Msg::Comment)}</label>
                <textarea id="rating-comment" rows="3" bind:value=comment></textarea>
            </div>
            <button type="submit" class="button primary" disabled=move || stars.get() == 0>{t(Msg::SubmitRating)}</button>
        </form>
    }
}

impl From<TicketRef> for RatingTarget {
    fn from(at: TicketRef) -> Self {
        RatingTarget::Ticket(at)
    }
}
