//! Who hears of what on a project: after each step, the party whose turn it now is, the firms
//! just chosen, and the customer, who follows every move; SMS for the key nodes. Reminders go
//! to the holder when a limit is near, escalations to the hall's managers once it has passed.

use super::process::{Action, Party, Stage, Step};
use super::schedule::{holder, Due};
use crate::firms::FirmKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// The project waits for the recipient.
    YourTurn,
    /// Something happened the recipient follows.
    Progress,
    /// The recipient's firm was chosen and must accept or decline.
    Assigned,
    DueSoon,
    /// Past its limit: escalated to the hall's managers.
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    Customer,
    Firm(FirmKind),
    /// Everyone working at the project's hall.
    HallStaff,
    HallManagers,
}

impl Recipient {
    pub fn of(party: Party) -> Recipient {
        match party.firm_kind() {
            Some(kind) => Recipient::Firm(kind),
            None if party == Party::Customer => Recipient::Customer,
            None => Recipient::HallStaff,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Notification {
    pub to: Recipient,
    pub kind: NoticeKind,
    /// Also sent as an SMS (a key node).
    pub sms: bool,
}

/// Steps the customer is told of by SMS too.
fn is_key_node(action: Action) -> bool {
    use Action::*;
    matches!(
        action,
        Accept
            | AcceptLowVoltage
            | IssuePlan
            | PassDesign
            | ReturnDesign
            | PassAcceptance
            | ReturnAcceptance
            | Energize
            | Cancel
    )
}

pub fn after_step(step: &Step) -> Vec<Notification> {
    let mut out: Vec<Notification> = step
        .action
        .chooses()
        .iter()
        .map(|&kind| Notification {
            to: Recipient::Firm(kind),
            kind: NoticeKind::Assigned,
            sms: true,
        })
        .collect();
    if let Some(next) = holder(step.to).filter(|h| *h != step.by) {
        let to = Recipient::of(next);
        if !out.iter().any(|n| n.to == to) {
            out.push(Notification {
                to,
                kind: NoticeKind::YourTurn,
                sms: to == Recipient::Customer && is_key_node(step.action),
            });
        }
    }
    if step.by != Party::Customer && !out.iter().any(|n| n.to == Recipient::Customer) {
        out.push(Notification {
            to: Recipient::Customer,
            kind: NoticeKind::Progress,
            sms: is_key_node(step.action),
        });
    }
    out
}

/// The reminders a stage's standing calls for: due soon to whoever holds it; overdue to them
/// and, as an escalation, to the hall's managers.
pub fn reminders(stage: Stage, due: &Due) -> Vec<Notification> {
    let Some(to) = holder(stage).map(Recipient::of) else {
        return Vec::new();
    };
    let notify = |to, kind| Notification {
        to,
        kind,
        sms: false,
    };
    if due.standing.is_overdue() && to == Recipient::HallStaff {
        // The hall's staff include its managers.
        vec![notify(to, NoticeKind::Overdue)]
    } else if due.standing.is_overdue() {
        vec![
            notify(to, NoticeKind::Overdue),
            notify(Recipient::HallManagers, NoticeKind::Overdue),
        ]
    } else if due.standing.is_due_soon() {
        vec![notify(to, NoticeKind::DueSoon)]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn step(action: Action, from: Stage, to: Stage, by: Party) -> Step {
        Step {
            from,
            action,
            to,
            by,
            on: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            comment: None,
        }
    }

    #[test]
    fn the_next_holder_and_the_customer_hear_of_a_step() {
        let n = after_step(&step(
            Action::ReturnDesign,
            Stage::DesignReview,
            Stage::Design,
            Party::Utility,
        ));
        assert_eq!(n[0].to, Recipient::Firm(FirmKind::Design));
        assert_eq!(n[0].kind, NoticeKind::YourTurn);
        assert_eq!(n[1].to, Recipient::Customer);
        assert!(n[1].sms, "a return is a key node");
    }

    #[test]
    fn chosen_firms_are_asked_to_accept_and_the_customer_is_not_told_of_their_own_step() {
        let n = after_step(&step(
            Action::ChooseFirms,
            Stage::FirmsChoice,
            Stage::Construction,
            Party::Customer,
        ));
        let kinds: Vec<_> = n.iter().map(|n| (n.to, n.kind)).collect();
        assert_eq!(
            kinds,
            [
                (
                    Recipient::Firm(FirmKind::Construction),
                    NoticeKind::Assigned
                ),
                (Recipient::Firm(FirmKind::Test), NoticeKind::Assigned),
                (Recipient::Firm(FirmKind::Supervision), NoticeKind::Assigned),
            ]
        );
        // A rooftop's installer is asked to accept the same way.
        let n = after_step(&step(
            Action::ChooseInstaller,
            Stage::InstallerChoice,
            Stage::Installation,
            Party::Customer,
        ));
        assert_eq!(
            n.iter().map(|n| (n.to, n.kind)).collect::<Vec<_>>(),
            [(
                Recipient::Firm(FirmKind::Construction),
                NoticeKind::Assigned
            )]
        );
    }

    #[test]
    fn limits_near_remind_the_holder_and_passed_ones_escalate_to_managers() {
        use crate::projects::deadlines::{Node, Standing};
        use crate::projects::schedule::Clock;
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let due = |left| Due {
            clock: Clock::Node(Node::DesignReview),
            limit: 10,
            started: day,
            standing: Standing {
                due: day,
                used: 0,
                left,
            },
        };
        let soon = reminders(Stage::DesignReview, &due(1));
        assert_eq!(
            (soon.len(), soon[0].to, soon[0].kind),
            (1, Recipient::HallStaff, NoticeKind::DueSoon)
        );
        assert!(reminders(Stage::DesignReview, &due(6)).is_empty());
        let utility_late = reminders(Stage::DesignReview, &due(-1));
        assert_eq!(
            utility_late.len(),
            1,
            "the managers are among the hall's staff"
        );
        let late: Vec<_> = reminders(Stage::Design, &due(-1))
            .iter()
            .map(|n| n.to)
            .collect();
        assert_eq!(
            late,
            [Recipient::Firm(FirmKind::Design), Recipient::HallManagers]
        );
    }

    #[test]
    fn the_customer_gets_an_sms_when_power_is_on() {
        let n = after_step(&step(
            Action::Energize,
            Stage::Energizing,
            Stage::Energized,
            Party::Utility,
        ));
        assert_eq!(n.len(), 1);
        assert!(n[0].sms && n[0].to == Recipient::Customer);
        let sms = crate::notify::texts::Message::Project {
            number: "YK2026-0001".into(),
            kind: n[0].kind,
            stage: Stage::Energized.words(),
        }
        .sms(crate::notify::texts::Lang::Zh);
        assert!(sms.contains("已送电"), "{sms}");
    }
}
