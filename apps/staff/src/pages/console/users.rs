//! The administrator's account list and the form that creates staff, manager, admin and firm accounts.

use crate::components::manager::Manager;
use domain::users::{CreateUserRequest, User};
use domain::Role;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError, TextField};
use ui::i18n::{pick, role_msg, t, Msg};
use ui::state::use_app;

const FIELDS: &[&str] = &[
    "login", "name", "password", "role", "phone", "hall_id", "firm_id",
];

#[component]
pub fn UserManager() -> impl IntoView {
    let q = RwSignal::new(String::new());
    let users = LocalResource::new(move || api::users(q.get()));
    let open = RwSignal::new(false);
    let on_created = Callback::new(move |_| {
        open.set(false);
        users.refetch();
    });
    let on_cancel = Callback::new(move |_| open.set(false));
    view! {
        <Manager id="user-manager" title=Msg::UsersTitle new=Msg::NewUser open
            form=move || view! { <NewUserForm on_created on_cancel/> }
            list=move || view! {
                <div class="field" role="search">
                    <label for="user-search">{t(Msg::UserSearch)}</label>
                    <input id="user-search" type="search" data-testid="user-search"
                        on:change=move |ev| q.set(event_target_value(&ev))/>
                    <p class="hint">{t(Msg::UserSearchHint)}</p>
                </div>
                <Loaded resource=users content=|list| view! { <UserTable list/> }/>
            }/>
    }
}

#[component]
fn UserTable(list: Vec<User>) -> impl IntoView {
    let rows = list.into_iter().map(|u| {
        let place = u.hall_id.clone().or(u.firm_id.map(|f| format!("#{f}"))).unwrap_or_default();
        view! { <tr><td>{u.login}</td><td>{u.name}</td><td>{t(role_msg(u.role))}</td><td>{place}</td></tr> }
    });
    view! {
        <div class="table-scroll" tabindex="0">
            <table class="data" data-testid="user-table">
                <thead><tr><th>{t(Msg::LoginName)}</th><th>{t(Msg::Name)}</th><th>{t(Msg::Role)}</th><th>{t(Msg::Hall)}" / "{t(Msg::Firm)}</th></tr></thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
}

#[component]
fn NewUserForm(on_created: Callback<()>, on_cancel: Callback<()>) -> impl IntoView {
    let app = use_app();
    let (login, name, password, phone) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let role = RwSignal::new(Role::HallStaff);
    let hall = RwSignal::new(String::new());
    let firm = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, FIELDS);
    let halls = LocalResource::new(api::halls);
    let firms = LocalResource::new(api::firms);

    let save = save_action(
        error,
        |request: CreateUserRequest| async move { api::create_user(&request).await },
        Callback::new(move |_| {
            for field in [login, name, password, phone] {
                field.set(String::new());
            }
            app.success(Msg::UserCreated);
            on_created.run(());
        }),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let role = role.get_untracked();
        let request = CreateUserRequest {
            login: login.get_untracked(),
            name: name.get_untracked(),
            password: password.get_untracked(),
            role,
            phone: Some(phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            hall_id: role
                .needs_hall()
                .then(|| hall.get_untracked())
                .filter(|h| !h.is_empty()),
            firm_id: if role.is_firm() {
                firm.get_untracked().parse().ok()
            } else {
                None
            },
        };
        submit(save, request);
    };
    let roles = Role::ALL
        .into_iter()
        .filter(|r| *r != Role::Customer)
        .map(|r| {
            view! {
                <option value=r.as_str() selected=move || role.get() == r>{t(role_msg(r))}</option>
            }
        })
        .collect_view();
    let hall_options = move || {
        halls
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|h| {
                let label = pick(app.lang.get(), &h.name, &h.name_en).to_string();
                view! { <option value=h.id>{label}</option> }
            })
            .collect_view()
    };
    let firm_options = move || {
        firms
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| f.kind.role() == role.get())
            .map(|f| view! { <option value=f.id.to_string()>{f.name}</option> })
            .collect_view()
    };
    view! {
        <form class="form card" on:submit=on_submit novalidate data-testid="user-form">
            <h3>{t(Msg::NewUser)}</h3>
            <div class="row">
                <TextField label=Msg::LoginName name="login" value=login error/>
                <TextField label=Msg::Name name="name" value=name error/>
            </div>
            <div class="row">
                <TextField label=Msg::Password name="password" value=password error kind="password" autocomplete="new-password" hint=Msg::PasswordHint/>
                <TextField label=Msg::MobileNumber name="phone" value=phone error kind="tel" required=false/>
            </div>
            <div class="row">
                <div class="field">
                    <label for="user-role">{t(Msg::Role)}</label>
                    <select id="user-role" on:change=move |ev| if let Some(r) = Role::parse(&event_target_value(&ev)) { role.set(r) }>{roles}</select>
                </div>
                <Show when=move || role.get().needs_hall()>
                    <div class="field">
                        <label for="user-hall">{t(Msg::Hall)}</label>
                        <select id="user-hall" on:change=move |ev| hall.set(event_target_value(&ev))>
                            <option value="">{t(Msg::None)}</option>{hall_options}
                        </select>
                    </div>
                </Show>
                <Show when=move || role.get().is_firm()>
                    <div class="field">
                        <label for="user-firm">{t(Msg::Firm)}</label>
                        <select id="user-firm" on:change=move |ev| firm.set(event_target_value(&ev))>
                            <option value="">{t(Msg::None)}</option>{firm_options}
                        </select>
                    </div>
                </Show>
            </div>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
                <button type="button" class="button secondary" on:click=move |_| on_cancel.run(())>{t(Msg::Cancel)}</button>
            </div>
        </form>
    }
}
