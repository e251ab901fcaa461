//! The admin names the head of each department (repair crew, metering team, customer service):
//! an overdue work order of that department is escalated to them as well as to the hall's
//! managers.

use domain::service::work_orders::escalations::HeadInput;
use domain::service::work_orders::Department;
use domain::wire::wire_name;
use domain::Role;
use leptos::prelude::*;
use ui::api;
use ui::components::feedback::Loaded;
use ui::i18n::{say, t, Msg};
use ui::state::use_app;

#[component]
pub fn DepartmentHeads() -> impl IntoView {
    let heads = LocalResource::new(api::services::department_heads);
    let staff = LocalResource::new(|| api::users(String::new()));
    view! {
        <section class="card" data-testid="department-heads">
            <h2>{t(Msg::DepartmentHeadsTitle)}</h2>
            <p class="hint">{t(Msg::DepartmentHeadsHint)}</p>
            <Loaded resource=heads content=move |heads| view! {
                <Loaded resource=staff content=move |users| {
                    let staff: Vec<(i64, String)> = users
                        .into_iter()
                        .filter(|u| u.role.is_hall_staff() || u.role == Role::Admin)
                        .map(|u| (u.id, u.name))
                        .collect();
                    let heads = heads.clone();
                    view! {
                        <table><tbody>
                            {Department::ALL.into_iter().map(|department| {
                                let current = heads.iter().find(|h| h.department == department).map(|h| h.user_id);
                                view! { <Head department current staff=staff.clone()/> }
                            }).collect_view()}
                        </tbody></table>
                    }
                }/>
            }/>
        </section>
    }
}

#[component]
fn Head(department: Department, current: Option<i64>, staff: Vec<(i64, String)>) -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(current);
    let save = Action::new_local(move |_: &()| {
        let input = chosen.get_untracked().map(|user_id| HeadInput { user_id });
        async move {
            let Some(input) = input else { return };
            match api::services::set_department_head(department, &input).await {
                Ok(_) => app.success(Msg::Saved),
                Err(e) => app.error(&e),
            }
        }
    });
    let id = format!("head-{}", wire_name(&department));
    view! {
        <tr>
            <td><label for=id.clone()>{move || say(department.words(), app.lang.get())}</label></td>
            <td>
                <select id=id data-testid=format!("head-{}", wire_name(&department))
                    on:change=move |ev| chosen.set(event_target_value(&ev).parse().ok())>
                    <option value="">"—"</option>
                    {staff.into_iter().map(|(id, name)| view! {
                        <option value=id.to_string() selected=current == Some(id)>{name}</option>
                    }).collect_view()}
                </select>
            </td>
            <td><button class="button secondary" disabled=move || save.pending().get() || chosen.get().is_none()
                on:click=move |_| { save.dispatch(()); }>{t(Msg::Save)}</button></td>
        </tr>
    }
}
