//! Customer self-registration with a mainland mobile number; signs the customer in.

use domain::users::RegisterRequest;
use domain::{ApiError, Reason};
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::form::{form_error, FormError, TextField};
use ui::i18n::{t, Msg};
use ui::nav::use_go;
use ui::nav::Link;
use ui::state::{use_app, ToastKind};

const FIELDS: &[&str] = &["phone", "name", "password", "confirm"];

#[component]
pub fn RegisterPage() -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let phone = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let general = form_error(error, FIELDS);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if password.get_untracked() != confirm.get_untracked() {
            error.set(Some(ApiError::invalid(
                "confirm",
                Reason::PasswordsDiffer,
                "the passwords do not match",
            )));
            return;
        }
        let request = RegisterRequest {
            phone: phone.get_untracked(),
            name: name.get_untracked(),
            password: password.get_untracked(),
        };
        let go = go.clone();
        busy.set(true);
        spawn_local(async move {
            match api::register(&request).await {
                Ok(session) => {
                    error.set(None);
                    if let Some(user) = session.user {
                        app.toast(
                            ToastKind::Success,
                            format!("{}{}", app.text(Msg::Welcome), user.name),
                        );
                        app.session.set(Some(user));
                    }
                    go("/");
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
        });
    };

    view! {
        <section class="narrow">
            <h1>{t(Msg::RegisterTitle)}</h1>
            <form on:submit=submit class="form" novalidate>
                <TextField label=Msg::MobileNumber name="phone" value=phone error kind="tel" autocomplete="tel"/>
                <TextField label=Msg::Name name="name" value=name error autocomplete="name"/>
                <TextField label=Msg::Password name="password" value=password error kind="password" autocomplete="new-password" hint=Msg::PasswordHint/>
                <TextField label=Msg::PasswordConfirm name="confirm" value=confirm error kind="password" autocomplete="new-password"/>
                <p class="form-error" role="alert">{move || general.get()}</p>
                <button type="submit" class="button primary wide" disabled=move || busy.get()>{t(Msg::RegisterButton)}</button>
            </form>
            <p>{t(Msg::HaveAccount)}" "<Link href="/login">{t(Msg::NavLogin)}</Link></p>
        </section>
    }
}
