//! App-wide state in one context: language, elder mode, the session, and toasts.
//! Language and elder mode persist in localStorage and are mirrored on <html>.

use crate::i18n::{Lang, Msg};
use domain::apps::App;
use domain::users::User;
use leptos::prelude::*;

const LANG_KEY: &str = "gridhall.lang";
const ELDER_KEY: &str = "gridhall.elder";
const TOAST_MS: u32 = 4000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub text: String,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// Which of the browser apps this is (`domain::apps`): links into the others navigate.
    pub app: App,
    pub lang: RwSignal<Lang>,
    pub elder: RwSignal<bool>,
    /// The signed-in user; `None` while loading or when signed out (see `session_ready`).
    pub session: RwSignal<Option<User>>,
    pub session_ready: RwSignal<bool>,
    pub toasts: RwSignal<Vec<Toast>>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

fn html_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

impl AppState {
    /// Creates the state from what was stored and keeps <html> and storage in step with it.
    pub fn provide(app: App) -> AppState {
        let state = AppState {
            app,
            lang: RwSignal::new(
                stored(LANG_KEY)
                    .map(|c| Lang::parse(&c))
                    .unwrap_or_default(),
            ),
            elder: RwSignal::new(stored(ELDER_KEY).as_deref() == Some("1")),
            session: RwSignal::new(None),
            session_ready: RwSignal::new(false),
            toasts: RwSignal::new(Vec::new()),
        };
        provide_context(state);
        Effect::new(move |_| {
            let lang = state.lang.get();
            store(LANG_KEY, lang.code());
            if let Some(html) = html_element() {
                let _ = html.set_attribute("lang", lang.code());
            }
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(Msg::AppName.text(lang));
            }
        });
        Effect::new(move |_| {
            let elder = state.elder.get();
            store(ELDER_KEY, if elder { "1" } else { "0" });
            if let Some(html) = html_element() {
                let _ = html.class_list().toggle_with_force("elder", elder);
            }
        });
        state
    }

    pub fn text(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get_untracked())
    }

    pub fn toast(&self, kind: ToastKind, text: impl Into<String>) {
        let id = js_sys::Date::now() as u64 ^ (js_sys::Math::random() * 1e6) as u64;
        self.toasts.update(|t| {
            t.push(Toast {
                id,
                kind,
                text: text.into(),
            })
        });
        let toasts = self.toasts;
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(TOAST_MS).await;
            toasts.update(|t| t.retain(|x| x.id != id));
        });
    }

    /// Tells the person what went wrong, in their language.
    pub fn error(&self, err: &domain::ApiError) {
        self.toast(
            ToastKind::Error,
            crate::api::describe(err, self.lang.get_untracked()),
        );
    }

    /// Asks yes or no in the browser's own dialog; no dialog counts as no.
    pub fn confirm(&self, msg: Msg) -> bool {
        web_sys::window()
            .and_then(|w| w.confirm_with_message(self.text(msg)).ok())
            .unwrap_or(false)
    }

    pub fn success(&self, msg: Msg) {
        self.toast(ToastKind::Success, self.text(msg));
    }
}

/// The browser's clock.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
