//! Applying for a connection project, from the projects page or an account's page: the save
//! opens the new project's page (in the projects app) once the server has it.

use crate::api;
use crate::components::form::{save_action, FormError};
use crate::nav::use_go;
use domain::projects::bodies::ProjectApply;
use leptos::prelude::*;

pub fn apply_action(error: FormError) -> Action<ProjectApply, ()> {
    let go = use_go();
    save_action(
        error,
        move |input: ProjectApply| {
            let go = go.clone();
            async move {
                let id = api::projects::apply(&input).await?;
                go(&format!("/projects/{id}"));
                Ok(())
            }
        },
        Callback::new(|()| {}),
    )
}
