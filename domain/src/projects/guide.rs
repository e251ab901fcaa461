//! A project kind's service guide (办事指南), read from its process so the two cannot differ:
//! the documents its application needs, its steps in order with whose turn each is, and its
//! whole-process limit.

use super::kinds::ProjectKind;
use super::process::{Action, DocKind, Party, Stage};
use super::schedule::holder;
use super::whole::{limit_on, ConnectionClass, WholeLimit, WHOLE_LIMITS};
use chrono::NaiveDate;

pub struct KindGuide {
    pub kind: ProjectKind,
    /// What to bring: the documents the utility's acceptance needs.
    pub documents: &'static [DocKind],
    /// The stages after the application, in order, each with whose turn it is.
    pub steps: Vec<(Stage, Option<Party>)>,
    /// The limit in force for a home's connection applied for `today`.
    pub whole: Option<&'static WholeLimit>,
}

/// The guide of a home's `kind` of connection (rooftop PV, EV charger) on `today`.
pub fn home_guide(kind: ProjectKind, today: NaiveDate) -> KindGuide {
    let process = kind.process();
    KindGuide {
        kind,
        documents: process
            .transition(Stage::Application, Action::Accept)
            .map_or(&[], |t| t.documents),
        steps: process
            .path
            .iter()
            .skip(1)
            .map(|&s| (s, holder(s)))
            .collect(),
        whole: limit_on(WHOLE_LIMITS, ConnectionClass::Residential, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pv_guide_asks_for_the_roof_and_the_neighbours_and_promises_five_days() {
        let g = home_guide(
            ProjectKind::RooftopPv,
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        );
        assert!(g.documents.contains(&DocKind::RoofRights));
        assert!(g.documents.contains(&DocKind::NeighbourConsent));
        assert_eq!(
            g.steps.first(),
            Some(&(Stage::SiteSurvey, Some(Party::Utility)))
        );
        assert_eq!(g.steps.last(), Some(&(Stage::Energized, None)));
        assert!(g
            .steps
            .contains(&(Stage::Installation, Some(Party::Construction))));
        assert_eq!(g.whole.map(|w| w.days), Some(5));
        let ev = home_guide(
            ProjectKind::EvCharger,
            NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        );
        assert!(ev.documents.contains(&DocKind::ParkingRights));
        assert_eq!(ev.steps.len(), 4);
    }
}
