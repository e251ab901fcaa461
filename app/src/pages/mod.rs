//! One module per route.

pub mod account;
pub mod application;
pub mod applications;
pub mod appointments;
pub mod consult;
pub mod display;
pub mod hall;
pub mod home;
pub mod inbox;
pub mod info;
pub mod kiosk;
pub mod live_wait;
pub mod login;
pub mod not_found;
pub mod notices;
pub mod operations;
pub mod pay;
pub mod project;
pub mod projects;
pub mod receipt;
pub mod register;
pub mod services;
pub mod staff;
pub mod ticket;
pub mod utility_account;
pub mod video;
pub mod video_call;
pub mod work_order;
pub mod work_orders;

/// The numeric `:id` of the current path (0 when it is not a number, which the API answers
/// with 404).
pub fn path_id() -> impl Fn() -> i64 + Copy {
    use leptos::prelude::Read;
    let params = leptos_router::hooks::use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }
}
