//! Log in with a mobile number (customers) or a staff login, then go where the user was headed.

use domain::users::{LoginRequest, User};
use domain::workspace::first;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_query_map;
use ui::api;
use ui::components::form::{form_error, FormError, TextField};
use ui::i18n::{t, Msg};
use ui::nav::use_go;
use ui::nav::Link;
use ui::state::use_app;

/// Where to go after logging in: the page that asked, else the first section of the user's
/// workspace (staff and firms), else home.
pub fn landing(user: &User, next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//"))
        .unwrap_or_else(|| {
            first(user.role)
                .map(|section| section.path())
                .unwrap_or("/")
                .into()
        })
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let go = use_go();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let general = form_error(error, &[]);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = LoginRequest {
            login: login.get_untracked(),
            password: password.get_untracked(),
        };
        let go = go.clone();
        busy.set(true);
        spawn_local(async move {
            match api::login(&request).await {
                Ok(session) => {
                    error.set(None);
                    if let Some(user) = session.user {
                        app.toast(
                            ui::state::ToastKind::Success,
                            format!("{}{}", app.text(Msg::Welcome), user.name),
                        );
                        let next = query.get_untracked().get("next");
                        app.session.set(Some(user.clone()));
                        go(&landing(&user, next));
                    }
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="narrow">
            <h1>{t(Msg::LoginTitle)}</h1>
            <form on:submit=submit class="form" novalidate>
                <TextField label=Msg::LoginField name="login" value=login error autocomplete="username"/>
                <TextField label=Msg::Password name="password" value=password error kind="password" autocomplete="current-password"/>
                <p class="form-error" role="alert">{move || general.get()}</p>
                <button type="submit" class="button primary wide" disabled=move || busy.get()>{t(Msg::LoginButton)}</button>
            </form>
            <p>{t(Msg::NoAccount)}" "<Link href="/register">{t(Msg::NavRegister)}</Link></p>
        </section>
    }
}
