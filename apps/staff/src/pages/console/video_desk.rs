//! The video desk in the staff console: my status (available or away; busy while in a call),
//! customers waiting with their topic, channel and wait (live, with a chime when someone joins
//! an empty queue), accepting one, my call, calls in progress (a supervisor may join), and the
//! callbacks left when nobody answered.

use super::agent_call::{AgentCall, SupervisorCall};
use super::callbacks::Callbacks;
use domain::policy::is_supervisor;
use domain::video::desk::{DeskView, HelpRequest, Presence, RequestState};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;
use ui::alerts::chime;
use ui::api;
use ui::every::every;
use ui::i18n::channel_msg;
use ui::i18n::{t, Msg};
use ui::socket::{open_socket, SocketOptions};
use ui::state::{now, use_app};

fn presence_msg(p: Presence) -> Msg {
    match p {
        Presence::Available => Msg::DeskAvailable,
        Presence::Busy => Msg::DeskBusy,
        Presence::Away => Msg::DeskAway,
    }
}

/// The desk as the server last sent it.
fn use_desk_feed() -> RwSignal<DeskView> {
    let desk = RwSignal::new(DeskView::default());
    open_socket(SocketOptions {
        path: "/ws/video/desk".into(),
        on_open: Rc::new(|| {}),
        on_message: Rc::new(move |text| {
            if let Ok(view) = serde_json::from_str::<DeskView>(&text) {
                if view.rang {
                    chime();
                }
                desk.set(view);
            }
        }),
        on_close: Rc::new(|_| {}),
        final_codes: &[],
    });
    desk
}

#[component]
pub fn VideoDesk() -> impl IntoView {
    let app = use_app();
    let me = move || app.session.get().map(|u| u.id).unwrap_or_default();
    let supervisor = move || app.session.get().is_some_and(|u| is_supervisor(u.role));
    let desk = use_desk_feed();
    let my_presence = Memo::new(move |_| {
        desk.with(|d| d.agents.iter().find(|a| a.id == me()).map(|a| a.presence))
            .unwrap_or(Presence::Away)
    });
    let my_call = Memo::new(move |_| {
        desk.with(|d| {
            d.in_call
                .iter()
                .find(|r| r.state == RequestState::Assigned { agent: me() })
                .map(|r| r.room.clone())
        })
    });
    let joined = RwSignal::new(None::<String>);
    let set_presence = move |p: Presence| {
        spawn_local(async move {
            match api::video::set_presence(p).await {
                Ok(view) => desk.set(view),
                Err(e) => app.error(&e),
            }
        });
    };
    let presence_button = move |p: Presence| {
        view! {
            <button type="button" class="button" aria-pressed=move || (my_presence.get() == p).to_string()
                disabled=move || my_presence.get() == Presence::Busy on:click=move |_| set_presence(p)>{t(presence_msg(p))}</button>
        }
    };
    view! {
        <section class="card video-desk" aria-labelledby="desk-heading" data-testid="video-desk">
            <h2 id="desk-heading">{t(Msg::DeskTitle)}</h2>
            <div class="toolbar" role="group" aria-label=move || t(Msg::DeskStatus)()>
                <span>{t(Msg::DeskStatus)}": "<strong data-testid="my-presence">{move || t(presence_msg(my_presence.get()))()}</strong></span>
                {presence_button(Presence::Available)}
                {presence_button(Presence::Away)}
            </div>
            {move || my_call.get().map(|room| view! { <AgentCall room desk/> })}
            {move || joined.get().map(|room| view! { <SupervisorCall room on_leave=move || joined.set(None)/> })}
            <h3>{t(Msg::DeskWaiting)}</h3>
            <WaitingList desk can_accept=Signal::derive(move || my_presence.get() == Presence::Available)/>
            <Show when=supervisor>
                <h3>{t(Msg::DeskInCall)}</h3>
                <ul class="list">
                    <For each=move || desk.get().in_call key=|r| r.room.clone() let:r>
                        <li>{r.customer_name.clone()}" · "{r.topic.clone()}" "
                            <button type="button" class="button" on:click=move |_| joined.set(Some(r.room.clone()))>{t(Msg::DeskJoin)}</button>
                        </li>
                    </For>
                </ul>
            </Show>
            <Callbacks/>
        </section>
    }
}

#[component]
fn WaitingList(desk: RwSignal<DeskView>, can_accept: Signal<bool>) -> impl IntoView {
    let app = use_app();
    let accept = move |room: String| {
        spawn_local(async move {
            if let Err(e) = api::video::accept(&room).await {
                app.error(&e);
            }
        });
    };
    // Waiting times move on without the desk changing.
    let tick = RwSignal::new(0u32);
    every(20, move || tick.update(|t| *t += 1));
    let row = move |r: HelpRequest| {
        let created = r.created_at;
        let waited = move || {
            tick.track();
            (now().timestamp_millis() - created).max(0) / 60_000
        };
        let room = r.room.clone();
        view! {
            <li class="request" data-testid="desk-request">
                <strong>{r.customer_name.clone()}</strong>" · "<span class="topic">{r.topic.clone()}</span>" · "
                {t(channel_msg(r.channel))}" · "{t(Msg::DeskWaited)}" "{waited}" "{t(Msg::DeskMinutes)}" "
                <button type="button" class="button primary" disabled=move || !can_accept.get()
                    on:click=move |_| accept(room.clone())>{t(Msg::DeskAccept)}</button>
            </li>
        }
    };
    view! {
        <Show when=move || !desk.with(|d| d.waiting.is_empty()) fallback=|| view! { <p class="meta">{t(Msg::DeskNoneWaiting)}</p> }>
            <ol class="list">
                <For each=move || desk.get().waiting key=|r| r.room.clone() children=row/>
            </ol>
        </Show>
    }
}
