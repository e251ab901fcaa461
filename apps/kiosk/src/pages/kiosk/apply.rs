//! Applications at the kiosk, one question per screen in large type: which application, what
//! to bring (read from the guide), the questions that application asks, photos of the
//! documents, a last look, then the acceptance slip to print, with its number and a QR code to
//! the application in the customer's account. The customer identified by a texted code, so
//! the application and its progress are theirs.

use super::{Kiosk, Screen};
use crate::components::camera::{Camera, Photos};
use domain::billing::tariff::Plan;
use domain::service::applications::{AppKind, Application, ApplicationInput};
use domain::service::guides::guide;
use domain::ApiError;
use leptos::prelude::*;
use ui::api;
use ui::components::form::form_error;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

/// What the kiosk offers; a capacity increase is a project the online hall guides better.
const KINDS: [AppKind; 4] = [
    AppKind::RenameTransfer,
    AppKind::TariffChange,
    AppKind::Suspension,
    AppKind::NewConnection,
];

/// One screen of the application.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Ask {
    Kind,
    Guide,
    Account,
    NewHolder,
    IdNumber,
    Phone,
    Plan,
    Capacity,
    StartOn,
    Months,
    Address,
    Photos,
    Review,
}

/// The screens of an application of `kind`, in order.
fn screens(kind: Option<AppKind>) -> Vec<Ask> {
    use Ask::*;
    let questions: &[Ask] = match kind {
        Some(AppKind::RenameTransfer) => &[Account, NewHolder, IdNumber, Phone],
        Some(AppKind::TariffChange) => &[Account, Plan],
        Some(AppKind::Suspension) => &[Account, Capacity, StartOn, Months],
        Some(AppKind::NewConnection) => &[Address, Capacity],
        _ => &[],
    };
    [Kind, Guide]
        .into_iter()
        .chain(questions.iter().copied())
        .chain([Photos, Review])
        .collect()
}

/// The screen that asks for `field`, to go back to when the server refuses it.
fn asked_by(field: &str) -> Option<Ask> {
    Some(match field {
        "account" => Ask::Account,
        "new_holder" => Ask::NewHolder,
        "id_number" => Ask::IdNumber,
        "phone" => Ask::Phone,
        "plan" => Ask::Plan,
        "capacity_kva" => Ask::Capacity,
        "start_on" => Ask::StartOn,
        "months" => Ask::Months,
        "address" => Ask::Address,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
struct Form {
    input: RwSignal<ApplicationInput>,
    at: RwSignal<usize>,
    error: RwSignal<Option<ApiError>>,
    photos: Photos,
}

impl Form {
    fn ask(&self) -> Ask {
        let kind = self.input.with(|i| i.kind);
        screens(kind)
            .get(self.at.get())
            .copied()
            .unwrap_or(Ask::Kind)
    }

    fn next(&self) {
        self.error.set(None);
        self.at.update(|a| *a += 1);
    }

    fn back(&self) {
        self.error.set(None);
        self.at.update(|a| *a = a.saturating_sub(1));
    }

    /// Goes to the screen that asks what the server refused, with its message.
    fn refused(&self, e: ApiError) {
        let kind = self.input.with_untracked(|i| i.kind);
        if let Some(at) = e
            .field
            .as_deref()
            .and_then(asked_by)
            .and_then(|ask| screens(kind).iter().position(|a| *a == ask))
        {
            self.at.set(at);
        }
        self.error.set(Some(e));
    }
}

#[component]
pub fn ApplyScreen(kiosk: Kiosk) -> impl IntoView {
    let form = Form {
        input: RwSignal::new(ApplicationInput {
            hall_id: Some(kiosk.hall_id()),
            ..ApplicationInput::default()
        }),
        at: RwSignal::new(0),
        error: RwSignal::new(None),
        photos: RwSignal::new_local(Vec::new()),
    };
    let general = form_error(form.error, &[]);
    view! {
        <section class="kiosk-apply" data-testid="kiosk-apply">
            {move || match form.ask() {
                Ask::Kind => view! { <ChooseKind form/> }.into_any(),
                Ask::Guide => view! { <Guide form/> }.into_any(),
                Ask::Account => view! { <ChooseAccount kiosk form/> }.into_any(),
                Ask::Plan => view! { <ChoosePlan form/> }.into_any(),
                Ask::Photos => view! { <TakePhotos form/> }.into_any(),
                Ask::Review => view! { <Review kiosk form/> }.into_any(),
                text => view! { <Question form ask=text/> }.into_any(),
            }}
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <Show when=move || { form.at.get() != 0 }>
                    <button type="button" class="button secondary" on:click=move |_| form.back()>{t(Msg::KioskPrevious)}</button>
                </Show>
                <button type="button" class="button secondary" on:click=move |_| kiosk.finish()>{t(Msg::KioskDone)}</button>
            </div>
        </section>
    }
}

#[component]
fn ChooseKind(form: Form) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <h2>{t(Msg::KioskApplyWhich)}</h2>
        <div class="kiosk-businesses">
            {KINDS.into_iter().map(|kind| view! {
                <button type="button" class="kiosk-business" data-testid="apply-kind"
                    on:click=move |_| { form.input.update(|i| i.kind = Some(kind)); form.next(); }>
                    <span class="kiosk-business-name">{move || say(kind.words(), lang.get())}</span>
                </button>
            }).collect_view()}
        </div>
    }
}

/// What to bring and how it goes, from the application's guide.
#[component]
fn Guide(form: Form) -> impl IntoView {
    let lang = use_app().lang;
    let kind = form
        .input
        .with_untracked(|i| i.kind)
        .unwrap_or(AppKind::RenameTransfer);
    let g = guide(kind);
    view! {
        <h2>{t(Msg::KioskBring)}</h2>
        <p class="kiosk-lead">{t(Msg::KioskBringLead)}</p>
        <ul class="kiosk-list" data-testid="kiosk-guide">
            {g.documents.iter().map(|d| view! { <li><label>{move || say(*d, lang.get())}</label></li> }).collect_view()}
        </ul>
        <p class="meta">{t(Msg::KioskTimeLimit)}" "{move || say(g.time_limit, lang.get())}</p>
        <button type="button" class="button primary wide kiosk-big" on:click=move |_| form.next()>{t(Msg::KioskNext)}</button>
    }
}

#[component]
fn ChooseAccount(kiosk: Kiosk, form: Form) -> impl IntoView {
    let accounts = kiosk
        .visit
        .with_untracked(|v| v.as_ref().map(|v| v.accounts.clone()).unwrap_or_default());
    view! {
        <h2>{t(Msg::KioskChooseAccount)}</h2>
        <div class="kiosk-businesses">
            {accounts.into_iter().map(|a| {
                let number = a.number.clone();
                view! {
                    <button type="button" class="kiosk-business" data-testid="apply-account"
                        on:click=move |_| { form.input.update(|i| i.account = Some(number.clone())); form.next(); }>
                        <span class="kiosk-business-name">{a.number.clone()}</span>
                        <span class="kiosk-business-wait">{a.holder_name.clone()}" · "{a.address.clone()}</span>
                    </button>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn ChoosePlan(form: Form) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <h2>{t(Msg::KioskWhichPlan)}</h2>
        <div class="kiosk-businesses">
            {Plan::ALL.into_iter().map(|plan| view! {
                <button type="button" class="kiosk-business"
                    on:click=move |_| { form.input.update(|i| i.plan = Some(plan)); form.next(); }>
                    <span class="kiosk-business-name">{move || say(plan.words(), lang.get())}</span>
                </button>
            }).collect_view()}
        </div>
    }
}

/// A question answered by typing: its label, what the keyboard offers, and where it goes.
fn question(ask: Ask, kind: Option<AppKind>) -> (Msg, &'static str) {
    match ask {
        Ask::NewHolder => (Msg::KioskNewHolder, "text"),
        Ask::IdNumber => (Msg::KioskIdNumber, "text"),
        Ask::Phone => (Msg::KioskNewHolderPhone, "tel"),
        Ask::Capacity if kind == Some(AppKind::NewConnection) => {
            (Msg::KioskCapacityWanted, "number")
        }
        Ask::Capacity => (Msg::KioskCapacityKept, "number"),
        Ask::StartOn => (Msg::KioskStartOn, "date"),
        Ask::Months => (Msg::KioskMonths, "number"),
        _ => (Msg::KioskAddress, "text"),
    }
}

fn answer(input: &ApplicationInput, ask: Ask) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    let number = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    match ask {
        Ask::NewHolder => text(&input.new_holder),
        Ask::IdNumber => text(&input.id_number),
        Ask::Phone => text(&input.phone),
        Ask::Capacity => number(input.capacity_kva),
        Ask::StartOn => input.start_on.map(|d| d.to_string()).unwrap_or_default(),
        Ask::Months => number(input.months),
        _ => text(&input.address),
    }
}

fn set_answer(input: &mut ApplicationInput, ask: Ask, value: String) {
    let value = value.trim().to_string();
    match ask {
        Ask::NewHolder => input.new_holder = Some(value),
        Ask::IdNumber => input.id_number = Some(value),
        Ask::Phone => input.phone = Some(value),
        Ask::Capacity => input.capacity_kva = value.parse().ok(),
        Ask::StartOn => input.start_on = value.parse().ok(),
        Ask::Months => input.months = value.parse().ok(),
        _ => input.address = Some(value),
    }
}

#[component]
fn Question(form: Form, ask: Ask) -> impl IntoView {
    let kind = form.input.with_untracked(|i| i.kind);
    let (label, kind_of_input) = question(ask, kind);
    let value = RwSignal::new(form.input.with_untracked(|i| answer(i, ask)));
    let go_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.input
            .update(|i| set_answer(i, ask, value.get_untracked()));
        form.next();
    };
    let inputmode = if kind_of_input == "number" || kind_of_input == "tel" {
        "numeric"
    } else {
        "text"
    };
    view! {
        <form class="form kiosk-question" on:submit=go_on data-testid="kiosk-question">
            <h2><label for="kiosk-answer">{t(label)}</label></h2>
            <input id="kiosk-answer" class="kiosk-answer" type=kind_of_input inputmode=inputmode autocomplete="off" bind:value=value/>
            <button type="submit" class="button primary wide kiosk-big">{t(Msg::KioskNext)}</button>
        </form>
    }
}

#[component]
fn TakePhotos(form: Form) -> impl IntoView {
    view! {
        <h2>{t(Msg::KioskPhotos)}</h2>
        <p class="kiosk-lead">{t(Msg::KioskPhotosLead)}</p>
        <Camera photos=form.photos/>
        <button type="button" class="button primary wide kiosk-big" on:click=move |_| form.next()>{t(Msg::KioskNext)}</button>
    }
}

/// The answers once more, then the application filed and its photos sent with it.
#[component]
fn Review(kiosk: Kiosk, form: Form) -> impl IntoView {
    let lang = use_app().lang;
    let input = form.input.get_untracked();
    let kind = input.kind.unwrap_or(AppKind::RenameTransfer);
    let answers = screens(input.kind)
        .into_iter()
        .filter(|a| {
            !matches!(
                a,
                Ask::Kind | Ask::Guide | Ask::Photos | Ask::Review | Ask::Account | Ask::Plan
            )
        })
        .map(|ask| {
            let (label, _) = question(ask, input.kind);
            view! { <dt>{t(label)}</dt><dd>{answer(&input, ask)}</dd> }
        })
        .collect_view();
    let send = Action::new_local(move |input: &ApplicationInput| {
        let mut input = input.clone();
        // A new connection's project is named by its address at the kiosk.
        if input.kind == Some(AppKind::NewConnection) && input.title.is_none() {
            input.title = input.address.as_ref().map(|a| a.chars().take(56).collect());
        }
        let visit = kiosk.visit_token().unwrap_or_default();
        let photos = form.photos.get_untracked();
        async move {
            let filed = api::kiosk::apply(&input, &visit).await?;
            // Filed is filed: a photo that does not go through is brought to the counter.
            let mut sent = 0;
            for photo in &photos {
                if api::kiosk::add_document(filed.id, photo, &visit)
                    .await
                    .is_ok()
                {
                    sent += 1;
                }
            }
            Ok::<(Application, usize), ApiError>((filed, sent))
        }
    });
    Effect::new(move || match send.value().get() {
        Some(Ok((filed, sent))) => kiosk.go(Screen::Slip(filed, sent)),
        Some(Err(e)) => form.refused(e),
        None => {}
    });
    view! {
        <h2>{t(Msg::KioskReview)}</h2>
        <dl class="facts" data-testid="kiosk-review">
            <dt>{t(Msg::KioskApplyWhich)}</dt><dd>{move || say(kind.words(), lang.get())}</dd>
            {input.account.clone().map(|a| view! { <dt>{t(Msg::AccountNumber)}</dt><dd>{a}</dd> })}
            {answers}
            <dt>{t(Msg::KioskPhotos)}</dt><dd>{form.photos.with_untracked(Vec::len)}</dd>
        </dl>
        <button type="button" class="button primary wide kiosk-big" data-testid="kiosk-submit-application"
            disabled=move || send.pending().get() on:click=move |_| { send.dispatch(form.input.get_untracked()); }>
            {t(Msg::KioskSubmitApplication)}
        </button>
    }
}
