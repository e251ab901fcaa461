//! Shows its children only to a signed-in user the check accepts; sends others to log in.

use crate::components::feedback::Loading;
use crate::i18n::{t, Msg};
use crate::nav::use_go;
use crate::state::use_app;
use domain::users::User;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SignedIn(
    #[prop(default = |_| true)] allow: fn(&User) -> bool,
    children: ChildrenFn,
) -> impl IntoView {
    let app = use_app();
    let location = use_location();
    let go = use_go();
    Effect::new(move |_| {
        if app.session_ready.get() && app.session.get().is_none() {
            let next = js_sys::encode_uri_component(&location.pathname.get_untracked());
            go(&format!("/login?next={next}"));
        }
    });
    move || match (app.session_ready.get(), app.session.get()) {
        (false, _) => view! { <Loading/> }.into_any(),
        (true, None) => view! { <p class="notice-inline">{t(Msg::PleaseLogin)}</p> }.into_any(),
        (true, Some(user)) if allow(&user) => children().into_any(),
        (true, Some(_)) => {
            view! { <p class="error-box" role="alert">{t(Msg::NotAllowed)}</p> }.into_any()
        }
    }
}
