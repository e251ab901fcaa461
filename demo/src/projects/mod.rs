//! Demo connection projects: one at every stage of the full path, one on the low-voltage path,
//! one cancelled, then a rooftop PV and an EV charger at every stage of theirs. Every other one
//! with a limit is overdue (some PV and EV ones on their whole-process clock too), and every
//! project past design review had its first design returned. Dated back from today so
//! "overdue" stays true.

use crate::sql::{opt_text, text};
use chrono::{DateTime, Duration, NaiveDate};
use domain::calendar::Calendar;
use domain::firms::{Assignment, FirmKind};
use domain::projects::bodies::firm_ids_column;
use domain::projects::glance::Glance;
use domain::projects::kinds::ProjectKind;
use domain::projects::process::{Acting, Action, Party, Project, Stage};
use domain::projects::schedule::{clock, path, typical_days};
use domain::wire::wire_name;
use std::fmt::Write;

mod homes;
mod records;

use homes::HOMES;
pub use homes::{SOLAR_ACCOUNT, SOLAR_KVA, SOLAR_MONTHS};
pub use records::{write_clock_runs, CLOCK_TOTALS_REBUILD};

/// (customer login, hall, manager login, title, address, kVA)
const CUSTOMERS: &[(&str, &str, &str, &str, &str, i64)] = &[
    (
        "13900139000",
        "gaoxin",
        "manager.gaoxin",
        "二期厂房新装",
        "江城市高新区创新路 66 号二期",
        1250,
    ),
    (
        "13800138001",
        "xinghu",
        "manager.xinghu",
        "桂花巷商铺增容",
        "江城市星湖区桂花巷 7 号",
        160,
    ),
    (
        "13800138003",
        "gaoxin",
        "manager.gaoxin",
        "创新路 18 号充电桩",
        "江城市高新区创新路 18 号 6 幢",
        250,
    ),
    (
        "13800138002",
        "binjiang",
        "manager.binjiang",
        "江南大道店铺新装",
        "江城市滨江区江南大道 300 弄 2 号",
        100,
    ),
];

pub fn firm(kind: FirmKind, n: usize) -> (i64, &'static str, &'static str) {
    match kind {
        FirmKind::Design if n.is_multiple_of(2) => (1, "2028-06-30", "design.jcdl"),
        FirmKind::Design => (2, "2027-12-31", "design.hengyuan"),
        FirmKind::Construction => (3, "2028-03-31", "build.xinghu"),
        FirmKind::Test => (5, "2028-09-30", "test.jcsy"),
        FirmKind::Supervision => (6, "2027-10-31", "supervise.zhengheng"),
    }
}

/// Today in China by the system clock.
pub fn china_today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    DateTime::from_timestamp(secs + 8 * 3600, 0)
        .unwrap_or_default()
        .date_naive()
}

/// `n` working days before `day`.
fn back(calendar: &Calendar, day: NaiveDate, n: u32) -> NaiveDate {
    let mut d = day;
    let mut left = n;
    while left > 0 {
        d -= Duration::days(1);
        if calendar.is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// The actions that take a `kind` project from application to `target` on its route, with a
/// design return when `rework` and the route passes design review.
fn actions_to(kind: ProjectKind, target: Stage, low_voltage: bool, rework: bool) -> Vec<Action> {
    let route = path(kind, low_voltage);
    let end = route.iter().position(|s| *s == target).unwrap_or(0);
    let mut out = Vec::new();
    for pair in route[..=end].windows(2) {
        let rule = kind
            .process()
            .transitions
            .iter()
            .find(|t| t.from == pair[0] && t.to == pair[1])
            .expect("the path follows the table");
        if rule.action == Action::PassDesign && rework {
            out.extend([Action::ReturnDesign, Action::SubmitDesign]);
        }
        out.push(rule.action);
        if !rule.action.chooses().is_empty() {
            out.push(Action::AcceptAssignment);
        }
    }
    out
}

struct Demo {
    id: i64,
    kind: ProjectKind,
    target: Stage,
    low_voltage: bool,
    cancelled: bool,
}

fn demos() -> Vec<Demo> {
    let mut out: Vec<Demo> = path(ProjectKind::NewConnection, false)
        .iter()
        .enumerate()
        .map(|(i, stage)| Demo {
            id: i as i64 + 1,
            kind: ProjectKind::NewConnection,
            target: *stage,
            low_voltage: false,
            cancelled: false,
        })
        .collect();
    let next = out.len() as i64 + 1;
    out.push(Demo {
        id: next,
        kind: ProjectKind::NewConnection,
        target: Stage::MeterInstall,
        low_voltage: true,
        cancelled: false,
    });
    out.push(Demo {
        id: next + 1,
        kind: ProjectKind::NewConnection,
        target: Stage::SiteSurvey,
        low_voltage: false,
        cancelled: true,
    });
    for kind in [ProjectKind::RooftopPv, ProjectKind::EvCharger] {
        for &target in path(kind, false) {
            out.push(Demo {
                id: out.len() as i64 + 1,
                kind,
                target,
                low_voltage: false,
                cancelled: false,
            });
        }
    }
    out
}

pub fn write_projects(out: &mut String) {
    let calendar = Calendar::china();
    let today = china_today();
    for demo in demos() {
        let n = demo.id as usize;
        let home = demo.kind.is_residential();
        let connected_pv = demo.kind == ProjectKind::RooftopPv && demo.target == Stage::Energized;
        let (customer, hall, manager, title, address, kva, account) = if home {
            let h = if connected_pv {
                &HOMES[HOMES.len() - 1]
            } else {
                &HOMES[n % HOMES.len()]
            };
            let (title, kva) = match demo.kind {
                ProjectKind::EvCharger => ("家用充电桩", 7),
                _ => ("屋顶光伏", i64::from(h.roof_kva)),
            };
            (
                h.login,
                h.hall,
                h.manager,
                title,
                h.address,
                kva,
                Some(h.account),
            )
        } else {
            let (customer, hall, manager, title, address, kva) = CUSTOMERS[n % CUSTOMERS.len()];
            (customer, hall, manager, title, address, kva, None)
        };
        let dual = !home && n.is_multiple_of(5);
        let mut actions = actions_to(
            demo.kind,
            demo.target,
            demo.low_voltage,
            n.is_multiple_of(3),
        );
        if demo.cancelled {
            actions.push(Action::Cancel);
        }
        // The current stage began `ago` working days back: past its limit every other time.
        let ago = match clock(demo.kind, demo.target, false) {
            Some(c) if n.is_multiple_of(2) => c.limit() + 2,
            _ if connected_pv => SOLAR_MONTHS * 22,
            _ => 1,
        };
        let mut day = back(&calendar, today, ago);
        let mut dates = vec![day];
        for action in actions.iter().rev().skip(1) {
            let stage = demo
                .kind
                .process()
                .transitions
                .iter()
                .find(|t| t.action == *action)
                .map_or(Stage::Application, |t| t.to);
            day = back(&calendar, day, typical_days(demo.kind, stage).max(1));
            dates.push(day);
        }
        dates.reverse();
        let opened = back(&calendar, dates.first().copied().unwrap_or(today), 1);
        let mut project = Project::new(demo.kind);
        let mut events = String::new();
        for (i, (action, on)) in actions.iter().zip(&dates).enumerate() {
            let acting = Acting {
                documents: project
                    .process()
                    .transition(project.stage, *action)
                    .map(|t| t.documents.to_vec())
                    .unwrap_or_default(),
                comment: action
                    .is_return()
                    .then(|| "图纸与供电方案的计量方式不一致，请修改后重新提交。".to_string()),
                firms: FirmKind::ALL
                    .iter()
                    .map(|k| {
                        let (id, until, _) = firm(*k, n);
                        Assignment {
                            kind: *k,
                            firm_id: id,
                            qualification_expires: until.parse().unwrap(),
                            accepted: false,
                            suspended: false,
                        }
                    })
                    .collect(),
            };
            // Each firm accepts in turn: one AcceptAssignment per chosen firm.
            let repeats = if *action == Action::AcceptAssignment {
                project.firms.values().filter(|a| !a.accepted).count()
            } else {
                1
            };
            for _ in 0..repeats {
                let by = actor(&project, *action);
                let from = project.stage;
                project
                    .act(*action, by, acting.clone(), *on)
                    .unwrap_or_else(|e| panic!("demo {}: {action:?}: {e:?}", demo.id));
                let login = match by.firm_kind() {
                    Some(kind) => firm(kind, n).2,
                    None if by == Party::Customer => customer,
                    None => manager,
                };
                let at = on
                    .and_hms_opt(2, 0, 0)
                    .unwrap()
                    .and_utc()
                    .timestamp_millis()
                    + i as i64 * 60_000;
                let _ = writeln!(
                    events,
                    "INSERT OR IGNORE INTO project_events (id, project_id, at, user_id, party, kind, action, from_stage, to_stage, text) \
                     VALUES ({event}, {id}, {at}, (SELECT id FROM users WHERE login = {}), {}, 'step', {}, {}, {}, {});",
                    text(login), name(by), name(*action), name(from), name(project.stage), opt_text(project.history.last().and_then(|s| s.comment.as_deref())),
                    id = demo.id, event = demo.id * 1000 + project.history.len() as i64
                );
            }
        }
        let opened_at = opened
            .and_hms_opt(1, 0, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        let kind = wire_name(&match demo.kind {
            ProjectKind::NewConnection if n.is_multiple_of(2) => ProjectKind::CapacityIncrease,
            other => other,
        });
        let title = format!("{title}（{}）", demo.target.words().0);
        let _ = writeln!(
            out,
            "INSERT OR IGNORE INTO projects (id, customer_id, hall_id, title, address, kind, capacity_kva, dual_source, stage, firm_ids, state_json, glance, opened_on, created_at, updated_at, account_no) \
             VALUES ({id}, (SELECT id FROM users WHERE login = {}), {}, {}, {}, '{kind}', {kva}, {}, {}, {}, {}, {}, {}, {opened_at}, {opened_at}, {});",
            text(customer), text(hall), text(&title), text(address),
            i64::from(dual), name(project.stage), text(&firm_ids_column(&project)),
            text(&serde_json::to_string(&project).expect("a project serialises")),
            text(&serde_json::to_string(&Glance::of(&project, dual, opened, today)).expect("a glance serialises")),
            text(&opened.to_string()),
            opt_text(account),
            id = demo.id
        );
        write_clock_runs(out, demo.id, hall, &title, &project, dual, opened);
        // Its audit trail, under ids of its own (project × 1000 + step) so a second load adds none.
        let _ = write!(
            out,
            "INSERT OR IGNORE INTO project_events (id, project_id, at, user_id, party, kind, to_stage) \
             VALUES ({event}, {id}, {opened_at}, (SELECT id FROM users WHERE login = {c}), 'customer', 'opened', 'application');\n{events}",
            id = demo.id, event = demo.id * 1000, c = text(customer)
        );
    }
    out.push_str(CLOCK_TOTALS_REBUILD);
}

/// Who takes `action` now: the table's party, the customer cancelling, a chosen firm accepting.
fn actor(project: &Project, action: Action) -> Party {
    match action {
        Action::AcceptAssignment => project
            .firms
            .values()
            .find(|a| !a.accepted)
            .and_then(|a| Party::of(a.kind.role()))
            .unwrap_or(Party::Design),
        Action::Cancel => Party::Customer,
        _ => project
            .process()
            .transition(project.stage, action)
            .map_or(Party::Utility, |t| t.by),
    }
}

/// A unit variant's wire name as a SQL literal.
fn name<T: serde::Serialize>(value: T) -> String {
    text(&wire_name(&value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_projects_reach_every_stage() {
        let mut sql = String::new();
        write_projects(&mut sql);
        for kind in ProjectKind::ALL {
            for stage in path(kind, false) {
                assert!(sql.contains(&name(*stage)), "{stage:?}");
            }
        }
        assert!(sql.contains("'rooftop_pv'") && sql.contains("'ev_charger'"));
        assert!(sql.contains("'cancelled'"));
        assert!(sql.contains("return_design"));
    }
}
