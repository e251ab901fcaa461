//! A QR code for a link, drawn as SVG in the page, with what scanning it does underneath.

use crate::i18n::{t, Msg};
use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::QrCode;

/// The address of `path` on this site, for links that leave the device (QR codes).
pub fn absolute_url(path: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{path}")
}

fn svg_for(link: &str) -> String {
    QrCode::new(link.as_bytes())
        .map(|code| {
            code.render::<svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

#[component]
pub fn QrLink(link: String, caption: Msg, #[prop(into)] testid: String) -> impl IntoView {
    view! {
        <figure class="qr" data-testid=testid data-link=link.clone()>
            <div class="qr-code" role="img" aria-label=t(caption) inner_html=svg_for(&link)></div>
            <figcaption>{t(caption)}</figcaption>
        </figure>
    }
}
