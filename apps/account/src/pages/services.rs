//! `/services` (我的用电): the customer's bound accounts with what they owe, an arrears reminder
//! for overdue bills, binding a new account by number and holder name, and unbinding.

use domain::billing::accounts::{BindInput, UtilityAccount};
use domain::billing::yuan;
use domain::Role;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, FormError, TextField};
use ui::components::guard::SignedIn;
use ui::i18n::{say, t, Msg};
use ui::nav::Link;
use ui::state::use_app;

#[component]
pub fn ServicesPage() -> impl IntoView {
    let changed = RwSignal::new(0u32);
    let accounts = LocalResource::new(move || {
        changed.track();
        api::services::accounts()
    });
    view! {
        <h1>{t(Msg::ServicesTitle)}</h1>
        <SignedIn allow=|u| u.role == Role::Customer>
            <Loaded resource=accounts content=move |list| view! { <Accounts list changed/> }/>
            <BindForm changed/>
        </SignedIn>
    }
}

#[component]
fn Accounts(list: Vec<UtilityAccount>, changed: RwSignal<u32>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="empty">{t(Msg::AccountsEmpty)}</p> }.into_any();
    }
    view! {
        <ul class="card-grid" data-testid="account-list">
            {list.into_iter().map(|a| view! { <AccountCard a changed/> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn AccountCard(a: UtilityAccount, changed: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let number = a.number.clone();
    let unbind = move |_| {
        if !app.confirm(Msg::UnbindConfirm) {
            return;
        }
        let number = number.clone();
        spawn_local(async move {
            match api::services::unbind(&number).await {
                Ok(_) => changed.update(|n| *n += 1),
                Err(e) => app.error(&e),
            }
        });
    };
    let (category, plan) = (a.category, a.plan);
    view! {
        <li class="card account-card" data-testid="account-card">
            <h2>{t(Msg::AccountNumber)}" "{a.number.clone()}</h2>
            <p>{a.holder_name.clone()}" · "{a.address.clone()}</p>
            <p class="meta">
                {move || say(category.words(), app.lang.get())}" · "{move || say(plan.words(), app.lang.get())}
            </p>
            {(a.overdue_bills > 0).then(|| view! {
                <p class="alert" role="alert" data-testid="arrears">
                    {move || Msg::ArrearsReminder.text(app.lang.get()).replace("{}", &a.overdue_bills.to_string())}
                </p>
            })}
            <p class="big-figure">
                {t(Msg::Unpaid)}" ¥"<strong data-testid="unpaid">{yuan(a.unpaid_fen)}</strong>
                <span class="meta">" · "{t(Msg::Balance)}" ¥"{yuan(a.balance_fen)}</span>
            </p>
            <div class="actions">
                <Link href=format!("/services/{}", a.number) class="button primary">{t(Msg::BillsAndPay)}</Link>
                <button class="button secondary" on:click=unbind>{t(Msg::Unbind)}</button>
            </div>
        </li>
    }
}

#[component]
fn BindForm(changed: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let number = RwSignal::new(String::new());
    let holder = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = BindInput {
            number: number.get_untracked(),
            holder_name: holder.get_untracked(),
        };
        spawn_local(async move {
            match api::services::bind(&input).await {
                Ok(_) => {
                    error.set(None);
                    number.set(String::new());
                    holder.set(String::new());
                    app.success(Msg::BoundOk);
                    changed.update(|n| *n += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let other = form_error(error, &["number", "holder_name"]);
    view! {
        <section class="card">
            <h2>{t(Msg::BindTitle)}</h2>
            <form class="form" on:submit=submit data-testid="bind-form">
                <TextField label=Msg::AccountNumber name="number" value=number error hint=Msg::AccountNumberHint scope="bind"/>
                <TextField label=Msg::HolderName name="holder_name" value=holder error scope="bind"/>
                {move || other.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
                <button type="submit" class="button primary">{t(Msg::Bind)}</button>
            </form>
        </section>
    }
}
