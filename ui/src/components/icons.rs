//! Gridhall's own icons, drawn inline as SVG in the text's colour, so they show on every system
//! (emoji need a font many machines lack, and rendered as empty boxes there). Each is a few
//! strokes on a 24 × 24 grid; a label always stands beside an icon, so icons are hidden from
//! screen readers.

use leptos::prelude::*;

/// The icons there are, by what they stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconName {
    /// Electricity: the brand mark.
    Bolt,
    /// Services and help.
    Lightbulb,
    /// Applications and forms.
    Document,
    /// Repairs and work orders.
    Wrench,
    /// Prices and tariffs.
    Yuan,
    /// Guides.
    Book,
    /// Power supply and outages.
    Plug,
    /// An attached file.
    Paperclip,
    /// Waiting times.
    Clock,
}

impl IconName {
    /// The strokes: SVG path data on the 24 × 24 grid.
    fn path(self) -> &'static str {
        match self {
            IconName::Bolt => "M13 2 4 14h7l-1 8 9-12h-7z",
            IconName::Lightbulb => {
                "M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9V16h7v-2.1A6 6 0 0 0 12 3z"
            }
            IconName::Document => "M14 3H6v18h12V7zM14 3v4h4M8.5 12h7M8.5 16h7",
            IconName::Wrench => {
                "M14.5 6.5a4 4 0 0 0-5 5L3.5 17.5l3 3 6-6a4 4 0 0 0 5-5l-2.5 2.5-2.5-.5-.5-2.5z"
            }
            IconName::Yuan => "M6 4l6 7 6-7M12 11v9M7.5 13h9M7.5 16.5h9",
            IconName::Book => "M5 4h11a2 2 0 0 1 2 2v14H7a2 2 0 0 1-2-2zM5 18a2 2 0 0 1 2-2h11",
            IconName::Plug => "M9 3v5M15 3v5M6.5 8h11v3a5.5 5.5 0 0 1-11 0zM12 16.5V21",
            IconName::Clock => "M12 21a8.5 8.5 0 1 0 0-17 8.5 8.5 0 0 0 0 17zM12 8v4.5l3 2M10 2.5h4",
            IconName::Paperclip => "M20 11.5l-8 8a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7L9.7 17a1.7 1.7 0 0 1-2.4-2.4l7.2-7.2",
        }
    }
}

#[component]
pub fn Icon(name: IconName) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"
            focusable="false" fill="none" stroke="currentColor" stroke-width="2"
            stroke-linecap="round" stroke-linejoin="round">
            <path d=name.path()/>
        </svg>
    }
}
