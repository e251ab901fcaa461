//! Video help for customers, from a hall page or a kiosk: the topic and device check
//! (`/video`), then the waiting room and the call (`/video/{room}`). From a kiosk
//! (`?kiosk=1`) it shows no site navigation.

mod pages;

use domain::apps::App;
use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use pages::{video::VideoHelpPage, video_call::VideoCallPage};
use ui::components::frame::{Chrome, Frame};
use ui::components::not_found::NotFoundPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame app=App::Video chrome=Chrome::UnlessKiosk>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/video") view=VideoHelpPage/>
                <Route path=path!("/video/:room") view=VideoCallPage/>
            </Routes>
        </Frame>
    }
}
