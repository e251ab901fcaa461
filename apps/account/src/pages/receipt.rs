//! `/payments/:id`: the e-receipt of a paid payment, laid out to print on one page. Signed in,
//! the payer's own; with `?key=` (the QR code printed on a kiosk receipt), anyone's who holds it.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::guard::SignedIn;
use ui::components::receipt::{print_page, PaymentReceipt};
use ui::i18n::{t, Msg};
use ui::nav::path_id;

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let id = path_id();
    let key = use_query_map()
        .read_untracked()
        .get("key")
        .filter(|k| !k.is_empty());
    match key {
        Some(key) => {
            let detail = LocalResource::new(move || {
                let key = key.clone();
                let id = id();
                async move { api::kiosk::receipt(id, &key).await }
            });
            view! { <Loaded resource=detail content=|d| view! { <PaymentReceipt d/> }/> }.into_any()
        }
        None => {
            let detail = LocalResource::new(move || api::services::payment(id()));
            view! {
                <SignedIn>
                    <Loaded resource=detail content=|d| {
                        let account = format!("/services/{}", d.payment.account);
                        view! {
                            <PaymentReceipt d>
                                <button class="button primary" on:click=|_| print_page()>{t(Msg::Print)}</button>
                                <a class="button secondary" href=account>{t(Msg::BackToAccount)}</a>
                            </PaymentReceipt>
                        }
                    }/>
                </SignedIn>
            }
            .into_any()
        }
    }
}
