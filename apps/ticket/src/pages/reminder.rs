//! "Tell me when N are ahead" and "when I am called": the hall's queue sends an SMS to the
//! phone given here (or at the kiosk) and writes to the inbox of a signed-in customer, so the
//! page need not stay open; while it is open, the page alerts too.

use super::ticket::reminder_key;
use domain::notify::queue::{Watch, MAX_AHEAD};
use domain::queue::requests::WatchRequest;
use leptos::prelude::*;
use ui::alerts;
use ui::api;
use ui::components::rating::TicketRef;
use ui::i18n::{t, Msg};
use ui::state::{store, use_app};

/// The form's state and its save, made once per page: the ticket card is drawn anew with every
/// change of the queue, and what the customer is typing must survive that.
#[derive(Clone, Copy)]
pub struct ReminderForm {
    wanted: RwSignal<String>,
    on_call: RwSignal<bool>,
    phone: RwSignal<String>,
    /// The server holds a watch for the ticket.
    set: RwSignal<bool>,
    save: Action<WatchRequest, Result<domain::queue::protocol::TicketView, domain::ApiError>>,
    at: StoredValue<TicketRef>,
}

impl ReminderForm {
    pub fn new(at: &TicketRef) -> ReminderForm {
        let app = use_app();
        let (hall, id) = (at.hall.clone(), at.id);
        let save = Action::new_local(move |req: &WatchRequest| {
            let (hall, req) = (hall.clone(), req.clone());
            async move { api::queue::watch(&hall, id, &req).await }
        });
        let set = RwSignal::new(false);
        Effect::new(move |_| match save.value().get() {
            Some(Ok(_)) => {
                set.set(true);
                app.success(Msg::NotifySaved);
            }
            Some(Err(e)) => app.error(&e),
            None => {}
        });
        ReminderForm {
            wanted: RwSignal::new("3".into()),
            on_call: RwSignal::new(true),
            phone: RwSignal::new(String::new()),
            set,
            save,
            at: StoredValue::new(at.clone()),
        }
    }

    /// Shows what the server holds, the first time the ticket comes with a watch.
    pub fn adopt(&self, watch: Option<Watch>) {
        if let (Some(w), false) = (watch, self.set.get_untracked()) {
            self.set.set(true);
            self.wanted
                .set(w.ahead_at.map(|n| n.to_string()).unwrap_or_default());
            self.on_call.set(w.on_call);
        }
    }

    fn submit(&self) {
        alerts::ask_permission();
        let at = self.at.get_value();
        let ahead_at = self.wanted.get_untracked().trim().parse::<u32>().ok();
        if let Some(n) = ahead_at {
            store(&reminder_key(&at), &n.to_string());
        }
        self.save.dispatch(WatchRequest {
            ahead_at,
            on_call: self.on_call.get_untracked(),
            phone: Some(self.phone.get_untracked()).filter(|p| !p.trim().is_empty()),
            key: at.key,
        });
    }
}

#[component]
pub fn Reminder(form: ReminderForm, has_phone: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit();
    };
    view! {
        <form class="form card" on:submit=submit data-testid="reminder">
            <div class="field">
                <label for="remind-n">{t(Msg::NotifyWhen)}</label>
                <input id="remind-n" type="number" min="0" max=MAX_AHEAD.to_string() inputmode="numeric" bind:value=form.wanted/>
            </div>
            <label class="check">
                <input type="checkbox" bind:checked=form.on_call/>
                {t(Msg::NotifyOnCall)}
            </label>
            <div class="field">
                <label for="remind-phone">{t(Msg::NotifyPhone)}</label>
                <input id="remind-phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="20" bind:value=form.phone
                    placeholder=move || if has_phone.get() { app.text(Msg::NotifyPhoneKept) } else { "" }/>
                <p class="hint">{t(Msg::NotifyPhoneHint)}</p>
            </div>
            <button type="submit" class="button secondary" disabled=move || form.save.pending().get()>{t(Msg::NotifySet)}</button>
            <Show when=move || form.set.get()>
                <p class="meta" role="status" data-testid="reminder-set">{t(Msg::NotifyIsSet)}</p>
            </Show>
        </form>
    }
}
