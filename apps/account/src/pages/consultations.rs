//! A customer's written consultations (`/consult`): start one (subject and question), see
//! the ones so far with unread answers marked, and open one to read and reply.

use leptos::prelude::*;
use leptos::task::spawn_local;
use ui::api;
use ui::components::consultation_thread::{ConsultationThread, ThreadRow};
use ui::components::form::{FormError, TextField};
use ui::components::guard::SignedIn;
use ui::every::every;
use ui::i18n::{t, Msg};

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    view! {
        <h1>{t(Msg::ConsultTitle)}</h1>
        <SignedIn allow=|u| u.role == domain::Role::Customer><Consultations/></SignedIn>
    }
}

#[component]
fn Consultations() -> impl IntoView {
    let query = leptos_router::hooks::use_query_map();
    // Started from a case's page: the consultation is filed on that case.
    let case = move || {
        let q = query.read_untracked();
        let kind = q
            .get("case_kind")
            .and_then(|k| domain::wire::from_wire_name(&k))?;
        let id = q.get("case_id")?.parse().ok()?;
        Some(domain::service::contacts::CaseRef { kind, id })
    };
    let threads = LocalResource::new(api::consultations::threads);
    every(15, move || threads.refetch());
    let selected = RwSignal::new(None::<i64>);
    let subject = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let error: FormError = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (s, q) = (subject.get_untracked(), text.get_untracked());
        spawn_local(async move {
            match api::consultations::start(&s, &q, case()).await {
                Ok(d) => {
                    subject.set(String::new());
                    text.set(String::new());
                    error.set(None);
                    threads.refetch();
                    selected.set(Some(d.thread.id));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    view! {
        <p class="lead">{t(Msg::ConsultLead)}</p>
        {move || case().is_some().then(|| view! { <p class="notice ok" data-testid="consult-case">{t(Msg::ConsultAboutCase)}</p> })}
        <form class="form card" on:submit=submit>
            <TextField label=Msg::ConsultSubject name="subject" value=subject error scope="consult"/>
            <TextField label=Msg::ConsultQuestion name="text" value=text error multiline=true scope="consult"/>
            <button type="submit" class="button primary">{t(Msg::ConsultSend)}</button>
        </form>
        <ul class="list">
            {move || threads.get().and_then(Result::ok).map(|list| list.into_iter()
                .map(|thread| view! { <ThreadRow thread selected/> }).collect_view())}
        </ul>
        {move || selected.get().map(|id| view! { <ConsultationThread id on_change=move || threads.refetch()/> })}
    }
}
