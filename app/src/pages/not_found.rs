use crate::i18n::{t, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="narrow center">
            <h1>{t(Msg::NotFoundTitle)}</h1>
            <p>{t(Msg::NotFoundText)}</p>
            <A href="/" attr:class="button primary">{t(Msg::BackHome)}</A>
        </section>
    }
}
