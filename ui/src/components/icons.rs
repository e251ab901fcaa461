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
    /// A counter and the clerk behind it.
    Counter,
    /// A day on the calendar.
    Calendar,
    /// Video calls.
    Camera,
    /// Written conversations.
    Chat,
    /// Announcements: notices, posters, outages.
    Megaphone,
    /// Screens: the hall's TV and kiosks.
    Screen,
    /// Settings.
    Sliders,
    /// Figures.
    Chart,
    /// People and their accounts.
    People,
    /// Rules and commitments.
    Clipboard,
    /// Messages sent.
    Mail,
    /// Projects.
    Folder,
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
            IconName::Counter => {
                "M12 9a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6.5 15a5.5 5.5 0 0 1 11 0M3 15h18v6H3z"
            }
            IconName::Calendar => "M4 5h16v16H4zM4 10h16M8 3v4M16 3v4",
            IconName::Camera => "M3 7h12v10H3zM15 10.5l6-3.5v10l-6-3.5",
            IconName::Chat => "M4 5h16v11H9l-5 4z",
            IconName::Megaphone => "M3 10v4h3l8 5V5l-8 5zM18 9a4 4 0 0 1 0 6",
            IconName::Screen => "M3 4h18v12H3zM8 20h8M12 16v4",
            IconName::Sliders => "M4 6h16M4 12h16M4 18h16M9 4v4M15 10v4M7 16v4",
            IconName::Chart => "M3 20h18M5 20v-8M10 20V5M15 20v-11M20 20v-5",
            IconName::People => {
                "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14a6 6 0 0 1 3.5 6"
            }
            IconName::Clipboard => "M8 3h8v3H8zM6 4.5H4V21h16V4.5h-2M8.5 13l2.5 2.5 4.5-5",
            IconName::Mail => "M3 5h18v14H3zM3 6l9 7 9-7",
            IconName::Folder => "M3 5h6l2 2.5h10V19H3z",
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
