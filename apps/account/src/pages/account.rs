//! The signed-in user's account: who they are, their video calls, notification settings,
//! password change, log out.

use domain::users::ChangePasswordRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, FormError, TextField};
use ui::components::guard::SignedIn;
use ui::i18n::{role_msg, t, Msg};
use ui::nav::use_go;
use ui::state::use_app;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! { <SignedIn><AccountDetails/></SignedIn> }
}

#[component]
fn AccountDetails() -> impl IntoView {
    let app = use_app();
    let go = use_go();
    let user = move || app.session.get();
    let logout = move |_| {
        let go = go.clone();
        spawn_local(async move {
            // Signed out locally whatever the network says: the cookie is HttpOnly, the server ends it.
            let _ = api::logout().await;
            app.session.set(None);
            app.success(Msg::LoggedOut);
            go("/");
        });
    };
    view! {
        <section class="narrow">
            <h1>{t(Msg::AccountTitle)}</h1>
            {move || user().map(|u| view! {
                <dl class="facts">
                    <dt>{t(Msg::Name)}</dt><dd data-testid="account-name">{u.name.clone()}</dd>
                    <dt>{t(Msg::LoginName)}</dt><dd>{u.login.clone()}</dd>
                    <dt>{t(Msg::Role)}</dt><dd>{t(role_msg(u.role))}{u.key_account.then(|| view! { " · " {t(Msg::KeyAccount)} })}</dd>
                </dl>
            })}
            {move || (user().is_some_and(|u| u.role == domain::Role::Customer)).then(|| view! { <MyVideoCalls/> })}
            <super::notify_settings::NotifySettings/>
            <ChangePasswordForm/>
            <button class="button secondary wide" on:click=logout data-testid="logout">{t(Msg::Logout)}</button>
        </section>
    }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let app = use_app();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &["current_password", "new_password"]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ChangePasswordRequest {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        };
        spawn_local(async move {
            match api::change_password(&request).await {
                Ok(_) => {
                    error.set(None);
                    current.set(String::new());
                    new.set(String::new());
                    app.success(Msg::PasswordChanged);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <h2>{t(Msg::ChangePassword)}</h2>
            <TextField label=Msg::CurrentPassword name="current_password" value=current error kind="password" autocomplete="current-password"/>
            <TextField label=Msg::NewPassword name="new_password" value=new error kind="password" autocomplete="new-password" hint=Msg::PasswordHint/>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <button type="submit" class="button primary">{t(Msg::Save)}</button>
        </form>
    }
}

/// A customer's finished video calls: topic, agent, outcome and duration.
#[component]
fn MyVideoCalls() -> impl IntoView {
    let calls = LocalResource::new(api::video::my_calls);
    let content = |calls: Vec<domain::video::bodies::CallRecord>| {
        calls
            .into_iter()
            .map(|c| {
                let minutes = (c.duration_secs + 59) / 60;
                view! {
                    <li data-testid="video-record">
                        <strong>{c.topic}</strong>" · "{c.agent_name}
                        <p>{t(Msg::VideoSummary)}": "{c.summary}" · "{t(Msg::VideoDuration)}" "{minutes}" "{t(Msg::DeskMinutes)}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="video-calls-heading">
            <h2 id="video-calls-heading">{t(Msg::VideoMyCalls)}</h2>
            <ul class="list"><Loaded resource=calls content/></ul>
        </section>
    }
}
