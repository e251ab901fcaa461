//! The self-service kiosk in the hall, once paired (an unpaired or revoked kiosk shows only how
//! to pair it). From its start screen a customer takes a number, checks in a booking, rates a
//! service or confirms a green channel (`ticket`, `confirm`), or says who they are
//! (`identify`) to see and pay their bills (`bills`, `pay`) or to file an application
//! (`apply`, `slip`), or looks up planned outages and the city's halls (`info`). Nothing personal is kept in the
//! browser: the visit lives in memory and is ended on "done", after a minute untouched, and when
//! the next customer identifies.

mod apply;
mod bills;
mod confirm;
mod identify;
mod info;
mod pay;
mod slip;
mod start;
mod ticket;

use crate::components::read_aloud::ReadAloudButton;
use domain::displays::DeviceKind;
use domain::halls::HallDetail;
use domain::kiosk::{KioskPayment, KioskVisit};
use domain::queue::protocol::TicketView;
use domain::service::applications::Application;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use ui::api;
use ui::components::device_head::DeviceHead;
use ui::components::feedback::Loaded;
use ui::components::pairing::{pairing_token, use_paired_device, PairedDevice, Unpaired};
use ui::every::every;
use ui::i18n::{Lang, Msg};
use ui::live::QueueFeed;
use ui::state::use_app;

/// Untouched this long, the kiosk goes back to a clean start screen.
const IDLE_MS: f64 = 60_000.0;

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Start,
    /// A number just taken, to print or carry away by QR code.
    Ticket(TicketView),
    Arrive,
    Rate,
    /// A remote ticket's green channel confirmed by its phone (`confirm`).
    Confirm,
    /// Who is at the kiosk: 户号 and name, or a phone and a texted code; then on to `Purpose`.
    Identify(Purpose),
    /// The visit's accounts, when there are several to choose from.
    Accounts,
    /// One account: what it owes, and its last months.
    Bills(String),
    /// A payment: the scan-to-pay step, then the receipt.
    Pay(KioskPayment),
    /// An application, one question per screen.
    Apply,
    /// An application filed: its acceptance slip, and how many photos went with it.
    Slip(Application, usize),
    /// Planned outages, by street or estate.
    Outages,
    /// The city's halls on a map, and how to get to each.
    Halls,
}

/// What the customer identifies for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Purpose {
    /// Bills and payment: 户号 and name will do.
    Bills,
    /// An application: a mobile confirmed by a texted code, so its progress reaches them.
    Apply,
}

/// The kiosk as every screen sees it.
#[derive(Clone, Copy)]
pub struct Kiosk {
    pub hall: StoredValue<HallDetail>,
    /// The kiosk's own pairing token.
    pub token: StoredValue<String>,
    pub screen: RwSignal<Screen>,
    /// The customer who identified, while their visit lasts.
    pub visit: RwSignal<Option<KioskVisit>>,
    pub feed: QueueFeed,
    /// The app's language, set back to Chinese for the next person.
    pub lang: RwSignal<Lang>,
}

impl Kiosk {
    pub fn hall_id(&self) -> String {
        self.hall.with_value(|h| h.summary.id.clone())
    }

    pub fn go(&self, screen: Screen) {
        self.screen.set(screen);
    }

    /// Where a customer who wants `purpose` goes: straight there when they have identified
    /// well enough, else to say who they are.
    pub fn start(&self, purpose: Purpose) {
        let known = self.visit.with_untracked(|v| match (v, purpose) {
            (Some(_), Purpose::Bills) => true,
            (Some(v), Purpose::Apply) => v.by_phone,
            (None, _) => false,
        });
        self.go(match (known, purpose) {
            (false, _) => Screen::Identify(purpose),
            (true, Purpose::Bills) => Screen::Accounts,
            (true, Purpose::Apply) => Screen::Apply,
        });
    }

    /// The visit's token; none before the customer identifies.
    pub fn visit_token(&self) -> Option<String> {
        self.visit
            .with_untracked(|v| v.as_ref().map(|v| v.token.clone()))
    }

    /// Clean for the next person: the visit ended on the server and forgotten here, the start
    /// screen in Chinese.
    pub fn finish(&self) {
        if let Some(token) = self.visit_token() {
            // Whatever the answer, the token is gone from here; the server ends it in ten
            // minutes anyway.
            spawn_local(async move {
                let _ = api::kiosk::end(&token).await;
            });
        }
        self.visit.set(None);
        self.screen.set(Screen::Start);
        self.lang.set(Lang::Zh);
    }
}

#[component]
pub fn KioskPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("hall")
        .unwrap_or_default();
    let content = match pairing_token(DeviceKind::Kiosk, &id) {
        Some(token) => view! { <PairedKiosk hall=id token/> }.into_any(),
        None => view! { <Unpaired kind=DeviceKind::Kiosk/> }.into_any(),
    };
    view! { <div class="kiosk">{content}</div> }
}

/// The kiosk while its token holds: the server knows it by the token on each request.
#[component]
fn PairedKiosk(hall: String, token: String) -> impl IntoView {
    let device = use_paired_device(DeviceKind::Kiosk, &hall, &token, None);
    // Elder mode is the kiosk's default: large type and targets for everyone.
    use_app().elder.set(true);
    let detail = LocalResource::new(move || {
        let id = hall.clone();
        async move { api::hall(&id).await }
    });
    let token = StoredValue::new(token);
    view! {
        <Show when=move || !device.refused.get() fallback=|| view! { <Unpaired kind=DeviceKind::Kiosk/> }>
            <DeviceHead title=Msg::KioskTitle lang_switch=true>
                <ReadAloudButton/>
            </DeviceHead>
            <Loaded resource=detail content=move |hall| view! { <Screens hall token=token.get_value() device/> }/>
        </Show>
    }
}

#[component]
fn Screens(hall: HallDetail, token: String, device: PairedDevice) -> impl IntoView {
    let kiosk = Kiosk {
        hall: StoredValue::new(hall),
        token: StoredValue::new(token),
        screen: RwSignal::new(Screen::Start),
        visit: RwSignal::new(None),
        feed: device.feed,
        lang: use_app().lang,
    };
    let last_touch = reset_when_idle(kiosk);
    let touched = move || last_touch.set_value(Some(js_sys::Date::now()));
    view! {
        <div class="kiosk-screen" on:pointerdown=move |_| touched() on:keydown=move |_| touched() on:input=move |_| touched()>
            {move || match kiosk.screen.get() {
                Screen::Start => view! { <start::StartScreen kiosk/> }.into_any(),
                Screen::Confirm => view! { <confirm::ConfirmScreen kiosk/> }.into_any(),
                Screen::Ticket(ticket) => view! { <ticket::TicketScreen kiosk ticket/> }.into_any(),
                Screen::Arrive => view! { <ticket::ArriveScreen kiosk/> }.into_any(),
                Screen::Rate => view! { <ticket::RateScreen kiosk/> }.into_any(),
                Screen::Identify(purpose) => view! { <identify::IdentifyScreen kiosk purpose/> }.into_any(),
                Screen::Accounts => view! { <identify::AccountsScreen kiosk/> }.into_any(),
                Screen::Bills(number) => view! { <bills::BillsScreen kiosk number/> }.into_any(),
                Screen::Pay(payment) => view! { <pay::PayScreen kiosk payment/> }.into_any(),
                Screen::Apply => view! { <apply::ApplyScreen kiosk/> }.into_any(),
                Screen::Slip(filed, photos) => view! { <slip::SlipScreen kiosk filed photos/> }.into_any(),
                Screen::Outages => view! { <info::OutagesScreen kiosk/> }.into_any(),
                Screen::Halls => view! { <info::HallsScreen kiosk/> }.into_any(),
            }}
        </div>
    }
}

/// The time of the last touch since the kiosk was last clean. A minute after it, the kiosk is
/// made clean for the next person: no number, phone, account or rating is left.
fn reset_when_idle(kiosk: Kiosk) -> StoredValue<Option<f64>> {
    let last_touch = StoredValue::new(None);
    let check = move || {
        let idle = last_touch
            .get_value()
            .is_some_and(|at: f64| js_sys::Date::now() - at >= IDLE_MS);
        if idle {
            last_touch.set_value(None);
            kiosk.finish();
        }
    };
    every(5, check);
    last_touch
}
