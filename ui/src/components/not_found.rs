//! The 404 page of whichever app is running, leading back to that app's first page.

use crate::i18n::{t, Msg};
use crate::nav::Link;
use crate::state::use_app;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let app = use_app().app;
    view! {
        <section class="narrow center" data-testid="not-found" data-app=app.name()>
            <h1>{t(Msg::NotFoundTitle)}</h1>
            <p>{t(Msg::NotFoundText)}</p>
            <Link href=app.home() class="button primary">{t(Msg::BackHome)}</Link>
        </section>
    }
}
