//! The hall manager's screens: today's message for the TV and ticket pages, English calls, and
//! the TVs and kiosks paired to the hall (add one to get its link and QR code; revoke one to cut
//! it off), each with when it was last heard from and a warning when it has gone quiet.

use crate::components::manager::{withdraw, ContentRow};
use domain::displays::{DeviceKind, Display, DisplayCreated, HEARTBEAT_SECS};
use domain::hours::format_local;
use domain::queue::board::DisplaySettings;
use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::feedback::Loaded;
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::components::qr::{absolute_url, QrLink};
use ui::every::every;
use ui::i18n::{t, Msg};
use ui::live::use_queue_feed;
use ui::state::use_app;

#[component]
pub fn HallScreens(hall: String) -> impl IntoView {
    view! {
        <section aria-labelledby="hall-screens" data-testid="hall-screens">
            <h2 id="hall-screens">{t(Msg::ScreensTitle)}</h2>
            <Board hall=hall.clone()/>
            <Displays hall/>
        </section>
    }
}

/// The message and the English switch, shown as the hall's live board has them.
#[component]
fn Board(hall: String) -> impl IntoView {
    let app = use_app();
    let feed = use_queue_feed(hall.clone());
    let board = move || feed.snapshot.get().map(|s| s.board).unwrap_or_default();
    let text = RwSignal::new(String::new());
    let hall = StoredValue::new(hall);
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let publish = save_action(
        error,
        move |message: String| async move {
            api::displays::broadcast(&hall.get_value(), &message).await
        },
        Callback::new(move |_| text.set(String::new())),
    );
    let set_english = move |on: bool| {
        spawn_local(async move {
            let settings = DisplaySettings {
                announce_english: on,
            };
            if let Err(e) = api::displays::settings(&hall.get_value(), &settings).await {
                app.error(&e);
            }
        });
    };
    view! {
        <p data-testid="current-broadcast">
            {move || match board().broadcast {
                Some(b) => view! { <strong>{t(Msg::BroadcastLabel)}": "{b.text}</strong> }.into_any(),
                None => view! { <span class="meta">{t(Msg::BroadcastNone)}</span> }.into_any(),
            }}
        </p>
        <form class="form" on:submit=move |ev| { ev.prevent_default(); submit(publish, text.get_untracked()); }>
            <label class="field">
                <span>{t(Msg::BroadcastField)}</span>
                <input maxlength="200" bind:value=text/>
            </label>
            <p class="form-error" role="alert">{move || general.get()}</p>
            <div class="row">
                <button class="button" type="submit" disabled=move || publish.pending().get()>{t(Msg::BroadcastSet)}</button>
                <Show when=move || board().broadcast.is_some()>
                    <button class="button secondary" type="button" disabled=move || publish.pending().get() on:click=move |_| submit(publish, String::new())>
                        {t(Msg::BroadcastClear)}
                    </button>
                </Show>
            </div>
        </form>
        <label class="check">
            <input type="checkbox" prop:checked=move || board().announce_english
                on:change=move |ev| set_english(event_target_checked(&ev))/>
            {t(Msg::AnnounceEnglish)}
        </label>
    }
}

#[component]
fn Displays(hall: String) -> impl IntoView {
    let app = use_app();
    let hall = StoredValue::new(hall);
    let list =
        LocalResource::new(move || async move { api::displays::list(&hall.get_value()).await });
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(DeviceKind::Display);
    let created = RwSignal::new(None::<DisplayCreated>);
    let error: FormError = RwSignal::new(None);
    let general = form_error(error, &[]);
    let add = save_action(
        error,
        move |(name, kind): (String, DeviceKind)| async move {
            api::displays::create(&hall.get_value(), &name, kind).await
        },
        Callback::new(move |display: DisplayCreated| {
            name.set(String::new());
            created.set(Some(display));
            list.refetch();
        }),
    );
    let revoked = Callback::new(move |_| list.refetch());
    // Heartbeats come every minute: the list follows, so a device that goes quiet is flagged.
    every(HEARTBEAT_SECS.into(), move || list.refetch());
    let revoke = move |id: i64| {
        let hall = hall.get_value();
        let call = async move { api::displays::revoke(&hall, id).await };
        withdraw(app, Msg::ConfirmRevokeDisplay, call, revoked);
    };
    view! {
        <h3>{t(Msg::DisplaysTitle)}</h3>
        <form class="row" on:submit=move |ev| { ev.prevent_default(); submit(add, (name.get_untracked(), kind.get_untracked())); }>
            <label class="field">
                <span>{t(Msg::DisplayName)}</span>
                <input maxlength="40" bind:value=name/>
            </label>
            <label class="field">
                <span>{t(Msg::DeviceKindLabel)}</span>
                <select on:change=move |ev| kind.set(if event_target_value(&ev) == "kiosk" { DeviceKind::Kiosk } else { DeviceKind::Display })>
                    <option value="display">{t(Msg::DeviceKindDisplay)}</option>
                    <option value="kiosk">{t(Msg::DeviceKindKiosk)}</option>
                </select>
            </label>
            <button class="button" type="submit" disabled=move || add.pending().get()>{t(Msg::DisplayAdd)}</button>
        </form>
        <p class="form-error" role="alert">{move || general.get()}</p>
        {move || created.get().map(|c| {
            let link = absolute_url(&c.display.kind.pairing_path(&hall.get_value(), &c.token));
            view! {
                <div class="card pairing" data-testid="pairing">
                    <QrLink link=link.clone() caption=Msg::DisplayPairCaption testid="pairing-qr"/>
                    <p><a href=link.clone() target="_blank" data-testid="pair-link">{link.clone()}</a></p>
                </div>
            }
        })}
        <Loaded resource=list content=move |displays| view! {
            <ul class="card-list">
                {displays.into_iter().map(|d| view! { <DisplayRow display=d revoke/> }).collect_view()}
            </ul>
        }/>
    }
}

#[component]
fn DisplayRow(
    display: Display,
    revoke: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let seen = display
        .last_seen_at
        .and_then(chrono::DateTime::from_timestamp_millis)
        .map(format_local);
    let id = display.id;
    let kind = match display.kind {
        DeviceKind::Display => Msg::DeviceKindDisplay,
        DeviceKind::Kiosk => Msg::DeviceKindKiosk,
    };
    let meta = match seen {
        Some(at) => view! { {t(kind)}" · "{t(Msg::DisplayLastSeen)}" "{at} }.into_any(),
        None => view! { {t(kind)}" · "{t(Msg::DisplayNeverSeen)} }.into_any(),
    };
    let offline = display.offline;
    view! {
        <ContentRow testid="display-row" title=display.name meta>
            {offline.then(|| view! {
                <span class="badge closed" role="status" data-testid="device-offline" title=t(Msg::DeviceOfflineHint)>{t(Msg::DeviceOffline)}</span>
            })}
            {if display.revoked_at.is_some() {
                view! { <span class="badge">{t(Msg::DisplayRevokedTag)}</span> }.into_any()
            } else {
                view! { <button class="button secondary" on:click=move |_| revoke(id)>{t(Msg::DisplayRevoke)}</button> }.into_any()
            }}
        </ContentRow>
    }
}
