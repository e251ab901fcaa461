//! The account page's notification settings: SMS, push and e-mail on or off for each topic,
//! the e-mail address, and quiet hours. The inbox always has every message.

use domain::notify::{Preferences, Topic, TopicChannels};
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{t, Msg};
use ui::state::use_app;

fn topic_msg(topic: Topic) -> Msg {
    match topic {
        Topic::Queue => Msg::TopicQueue,
        Topic::Applications => Msg::TopicApplications,
        Topic::WorkOrders => Msg::TopicWorkOrders,
        Topic::Projects => Msg::TopicProjects,
        Topic::Payments => Msg::TopicPayments,
        Topic::Bills => Msg::TopicBills,
        Topic::Outages => Msg::TopicOutages,
        Topic::Broadcasts => Msg::TopicBroadcasts,
    }
}

#[component]
pub fn NotifySettings() -> impl IntoView {
    let stored = LocalResource::new(api::notify::preferences);
    view! {
        <section aria-labelledby="notify-settings" data-testid="notify-settings">
            <h2 id="notify-settings">{t(Msg::NotifySettings)}</h2>
            <p class="hint">{t(Msg::NotifySettingsLead)}</p>
            <Loaded resource=stored content=move |prefs| view! { <SettingsForm prefs/> }/>
            {ui::push::supported().then(|| view! { <ThisDevice/> })}
        </section>
    }
}

/// Push to this phone or computer as well: on, or off again.
#[component]
fn ThisDevice() -> impl IntoView {
    let app = use_app();
    let on = RwSignal::new(ui::push::subscribed_here());
    let toggle = Action::new_local(move |turn_on: &bool| {
        let turn_on = *turn_on;
        async move {
            if turn_on {
                ui::push::subscribe().await.map(|_| true)
            } else {
                ui::push::unsubscribe().await.map(|_| false)
            }
        }
    });
    Effect::new(move |_| match toggle.value().get() {
        Some(Ok(now_on)) => {
            on.set(now_on);
            app.success(if now_on { Msg::PushOn } else { Msg::PushOff });
        }
        Some(Err(e)) => app.error(&e),
        None => {}
    });
    view! {
        <div class="row" data-testid="push-device">
            <p>{move || if on.get() { t(Msg::PushOnHere) } else { t(Msg::PushLead) }}</p>
            <button type="button" class="button secondary" disabled=move || toggle.pending().get()
                on:click=move |_| { toggle.dispatch(!on.get_untracked()); }>
                {move || if on.get() { t(Msg::PushTurnOff) } else { t(Msg::PushTurnOn) }}
            </button>
        </div>
    }
}

/// Each channel's switch in a topic's choices, with its label.
type Switch = (Msg, fn(&mut TopicChannels) -> &mut bool);
const SWITCHES: [Switch; 3] = [
    (Msg::NotifySms, |c| &mut c.sms),
    (Msg::NotifyPush, |c| &mut c.push),
    (Msg::NotifyEmail, |c| &mut c.email),
];

#[component]
fn SettingsForm(prefs: Preferences) -> impl IntoView {
    let app = use_app();
    let prefs = RwSignal::new(prefs);
    let save = Action::new_local(|p: &Preferences| {
        let p = p.clone();
        async move { api::notify::set_preferences(&p).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => app.success(Msg::NotifySettingsSaved),
        Some(Err(e)) => app.error(&e),
        None => {}
    });
    let rows = Topic::ALL
        .into_iter()
        .map(|topic| {
            let boxes = SWITCHES
            .into_iter()
            .map(|(label, wants)| {
                let checked = move || prefs.with(|p| *wants(&mut p.for_topic(topic)));
                let toggle = move |ev| {
                    let on = event_target_checked(&ev);
                    prefs.update(|p| {
                        if let Some(c) = p.topics.iter_mut().find(|c| c.topic == topic) {
                            *wants(c) = on;
                        }
                    });
                };
                view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=checked on:change=toggle/>
                        {t(label)}
                    </label>
                }
            })
            .collect_view();
            view! {
                <fieldset class="row" data-testid=format!("notify-{}", domain::wire::wire_name(&topic))>
                    <legend>{t(topic_msg(topic))}</legend>
                    {boxes}
                </fieldset>
            }
        })
        .collect_view();
    let email = move || prefs.with(|p| p.email.clone().unwrap_or_default());
    let set_email = move |ev| {
        let address = event_target_value(&ev);
        prefs.update(|p| p.email = Some(address).filter(|a| !a.trim().is_empty()));
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save.dispatch(prefs.get_untracked());
    };
    view! {
        // Our own words for a wrong address, not the browser's bubble.
        <form class="form card" novalidate on:submit=submit>
            {rows}
            <label>
                {t(Msg::NotifyEmailAddress)}
                <input type="email" name="email" autocomplete="email" prop:value=email on:change=set_email/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || prefs.with(|p| p.quiet_hours)
                    on:change=move |ev| prefs.update(|p| p.quiet_hours = event_target_checked(&ev))/>
                {t(Msg::NotifyQuietHours)}
            </label>
            <button type="submit" class="button primary" disabled=move || save.pending().get()>{t(Msg::Save)}</button>
        </form>
    }
}
