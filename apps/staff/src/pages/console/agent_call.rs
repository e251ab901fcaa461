//! The agent's call: the call screen, transfer to an available colleague (the chat goes
//! along), and ending with a summary that files the call on the customer's record. A
//! supervisor who joins sees the same screen without media and may leave again.

use domain::video::desk::{Channel, DeskView, Presence};
use domain::video::signal::Signal;
use leptos::prelude::*;
use ui::api;
use ui::call::media::{self, DeviceChoice};
use ui::call::session::{use_call, CallOptions};
use ui::components::call_screen::CallScreen;
use ui::components::form::{form_error, save_action, submit, FormError};
use ui::i18n::{t, Msg};
use ui::state::use_app;

#[component]
pub fn AgentCall(room: String, desk: RwSignal<DeskView>) -> impl IntoView {
    let info_room = room.clone();
    let ready = LocalResource::new(move || {
        let room = info_room.clone();
        async move {
            let info = api::video::room(&room, "").await?;
            let local = media::for_channel(Channel::Video, &DeviceChoice::default()).await;
            Ok::<_, domain::ApiError>((info, local))
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || ready.get().and_then(Result::ok).map(|(info, local)| {
                let session = use_call(CallOptions { room: info.room.clone(), key: String::new(), ice: info.ice_servers, local });
                let summary = NodeRef::<leptos::html::Textarea>::new();
                let hang_up = move |_| {
                    session.send(&Signal::Hangup);
                    if let Some(field) = summary.get_untracked() {
                        let _ = field.focus();
                    }
                };
                view! {
                    <div class="agent-call" data-testid="agent-call">
                        <p class="meta">{info.details.customer_name.clone()}" · "{info.details.topic.clone()}</p>
                        <CallScreen session room=info.room.clone() key=String::new() on_hang_up=hang_up/>
                        <TransferForm room=info.room.clone() desk/>
                        <EndForm room=info.room.clone() summary/>
                    </div>
                }
            })}
        </Suspense>
    }
}

#[component]
fn TransferForm(room: String, desk: RwSignal<DeskView>) -> impl IntoView {
    let app = use_app();
    let me = move || app.session.get_untracked().map(|u| u.id);
    let to = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let problem = form_error(error, &[]);
    let room = StoredValue::new(room);
    let transfer = save_action(
        error,
        move |agent: i64| async move { api::video::transfer(&room.get_value(), agent).await },
        Callback::new(|_| {}),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Ok(agent) = to.get_untracked().parse::<i64>() {
            submit(transfer, agent);
        }
    };
    let options = move || {
        desk.get()
            .agents
            .into_iter()
            .filter(|a| a.presence == Presence::Available && Some(a.id) != me())
            .map(|a| view! { <option value=a.id.to_string()>{a.name}</option> })
            .collect_view()
    };
    view! {
        <form class="inline-form" on:submit=on_submit>
            <label for="transfer-to">{t(Msg::DeskTransferTo)}</label>
            <select id="transfer-to" on:change=move |ev| to.set(event_target_value(&ev))>
                <option value="">"—"</option>{options}
            </select>
            <button type="submit" class="button" disabled=move || transfer.pending().get()>{t(Msg::DeskTransfer)}</button>
        </form>
        <p class="form-error" role="alert">{move || problem.get()}</p>
    }
}

#[component]
fn EndForm(room: String, summary: NodeRef<leptos::html::Textarea>) -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let case_number = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let problem = form_error(error, &[]);
    let room = StoredValue::new(room);
    let end = save_action(
        error,
        move |(words, case): (String, String)| async move {
            api::video::end(&room.get_value(), &words, &case).await
        },
        Callback::new(move |_| app.success(Msg::DeskEnded)),
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit(end, (text.get_untracked(), case_number.get_untracked()));
    };
    view! {
        <form class="form" on:submit=on_submit>
            <div class="field">
                <label for="call-summary">{t(Msg::DeskEndTitle)}</label>
                <textarea id="call-summary" node_ref=summary rows="3" maxlength="1000" required bind:value=text></textarea>
            </div>
            <div class="field">
                <label for="call-case">{t(Msg::CaseNumberField)}</label>
                <input id="call-case" data-testid="call-case" bind:value=case_number/>
            </div>
            <p class="form-error" role="alert">{move || problem.get()}</p>
            <button type="submit" class="button primary" data-testid="end-call" disabled=move || end.pending().get()>{t(Msg::DeskEnd)}</button>
        </form>
    }
}

#[component]
pub fn SupervisorCall(room: String, #[prop(into)] on_leave: Callback<()>) -> impl IntoView {
    let session = use_call(CallOptions {
        room: room.clone(),
        key: String::new(),
        ice: Vec::new(),
        local: None,
    });
    let leave = move |_| {
        session.leave();
        on_leave.run(());
    };
    view! {
        <div class="agent-call">
            <CallScreen session room key=String::new() on_hang_up=leave/>
        </div>
    }
}
