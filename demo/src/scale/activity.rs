//! The generated city's activity: two years of tickets in the demo's halls, connection
//! projects with their steps and clock runs, work orders and applications.

use super::{insert, phone, GenAccount, Rng, CHUNK, FIRST_PROJECT, TICKET_DAYS};
use crate::billing::ms;
use crate::data::halls;
use crate::history::{facts_of_day, row};
use crate::projects::{firm, write_clock_runs, CLOCK_TOTALS_REBUILD};
use crate::sql::text;
use chrono::{Datelike, Days, NaiveDate};
use domain::billing::tariff::Plan;
use domain::firms::{Assignment, FirmKind};
use domain::projects::bodies::firm_ids_column;
use domain::projects::glance::Glance;
use domain::projects::kinds::{ProjectKind, EXPANSION};
use domain::projects::process::{Project, Step};
use domain::projects::schedule::path;
use domain::service::applications::{AppStatus, Request};
use domain::service::work_orders::{OrderStatus, Topic};
use domain::wire::wire_name;
use std::io::{self, Write};

/// Two years of each hall's days before the demo's four weeks, simulated as the demo's are.
pub fn write_tickets(out: &mut impl Write, today: NaiveDate, seed: u64) -> io::Result<()> {
    for (h, hall) in (0u64..).zip(halls().iter()) {
        for back in (crate::history::DAYS + 1)..=TICKET_DAYS {
            let day = today - Days::new(back);
            let facts = facts_of_day(
                hall,
                day,
                seed ^ (u64::try_from(day.num_days_from_ce()).unwrap_or(0) * 7 + h),
            );
            let rows: Vec<String> = facts.iter().map(row).collect();
            for chunk in rows.chunks(CHUNK) {
                writeln!(
                    out,
                    "INSERT OR IGNORE INTO ticket_facts (hall_id, day, ticket_id, business, priority, channel, issued_at, called_at, started_at, finished_at, outcome, counter, staff_id, stars) \
                     SELECT column1, column2, column3, column4, column5, column6, column7, column8, column9, column10, column11, column12, \
                     (SELECT id FROM users WHERE login = column13), column14 FROM (VALUES {});",
                    chunk.join(",")
                )?;
            }
        }
    }
    Ok(())
}

/// `count` projects opened over two years, each taken along the main path as far as today.
pub fn write_projects(
    out: &mut impl Write,
    count: u64,
    customers: &[u64],
    hall_ids: &[&'static str],
    today: NaiveDate,
    rng: &mut Rng,
) -> io::Result<()> {
    let stages = path(ProjectKind::NewConnection, false);
    for i in 0..count {
        let id = FIRST_PROJECT + i;
        let customer = *rng.pick(customers);
        let hall = *rng.pick(hall_ids);
        let opened = today - Days::new(rng.below(730));
        let mut project = Project::new(ProjectKind::NewConnection);
        for kind in FirmKind::ALL {
            let (firm_id, until, _) = firm(kind, usize::try_from(i).unwrap_or(0));
            project.firms.insert(
                kind,
                Assignment {
                    kind,
                    firm_id,
                    qualification_expires: until.parse().unwrap_or(today),
                    accepted: true,
                    suspended: false,
                },
            );
        }
        let mut on = opened;
        let mut events = vec![format!(
            "({id}, {}, {customer}, 'customer', 'opened', NULL, NULL, 'application', NULL)",
            ms(opened, 9)
        )];
        // Every step in turn, 1–12 days apart, up to today: older projects are connected, the
        // last few months' are on their way (about 90 days from application to power).
        for pair in stages.windows(2) {
            let Some(rule) = EXPANSION
                .transitions
                .iter()
                .find(|t| t.from == pair[0] && t.to == pair[1])
            else {
                break;
            };
            let next = on + Days::new(1 + rng.below(12));
            if next > today {
                break;
            }
            on = next;
            project.history.push(Step {
                from: rule.from,
                action: rule.action,
                to: rule.to,
                by: rule.by,
                on,
                comment: None,
            });
            project.stage = rule.to;
            events.push(format!(
                "({id}, {}, {customer}, {}, 'step', {}, {}, {}, NULL)",
                ms(on, 10),
                text(&wire_name(&rule.by)),
                text(&wire_name(&rule.action)),
                text(&wire_name(&rule.from)),
                text(&wire_name(&rule.to))
            ));
        }
        let state = serde_json::to_string(&project).map_err(io::Error::other)?;
        let glance = serde_json::to_string(&Glance::of(&project, false, opened, today))
            .map_err(io::Error::other)?;
        writeln!(
            out,
            "INSERT OR IGNORE INTO projects (id, customer_id, hall_id, title, address, kind, capacity_kva, dual_source, stage, firm_ids, state_json, glance, opened_on, created_at, updated_at) \
             VALUES ({id}, {customer}, {}, '新装用电（{id}）', '江城市高新大道 {i} 号', 'new_connection', 250, 0, {}, {}, {}, {}, '{opened}', {}, {});",
            text(hall), text(&wire_name(&project.stage)), text(&firm_ids_column(&project)), text(&state), text(&glance), ms(opened, 9), ms(on, 10)
        )?;
        insert(out, "INSERT INTO project_events (project_id, at, user_id, party, kind, action, from_stage, to_stage, text)", &events)?;
        let mut runs = String::new();
        write_clock_runs(
            &mut runs,
            i64::try_from(id).unwrap_or(i64::MAX),
            hall,
            &format!("新装用电（{id}）"),
            &project,
            false,
            opened,
        );
        for line in runs.lines() {
            writeln!(out, "{line}")?;
        }
    }
    // The totals of finished runs, added up again over every project (as the demo's are).
    out.write_all(CLOCK_TOTALS_REBUILD.as_bytes())
}

/// Work orders and applications of generated customers about their accounts, spread over two
/// years, in every status.
pub fn write_cases(
    out: &mut impl Write,
    list: &[GenAccount],
    today: NaiveDate,
    rng: &mut Rng,
) -> io::Result<()> {
    let bound: Vec<&GenAccount> = list.iter().filter(|a| a.user.is_some()).collect();
    if bound.is_empty() {
        return Ok(());
    }
    let pick = |rng: &mut Rng| {
        let a = *rng.pick(&bound);
        let at = ms(today - Days::new(1 + rng.below(730)), 9)
            + i64::try_from(rng.below(28_800_000)).unwrap_or(0);
        (a, a.user.unwrap_or(0), at)
    };
    let topics = [
        (Topic::RepairUrban, "家里突然停电，邻居家有电"),
        (Topic::MeterFault, "电表显示异常，读数不走"),
        (Topic::Complaint, "抢修人员迟迟未到"),
        (Topic::Consultation, "咨询峰谷电价怎么办理"),
        (Topic::Suggestion, "建议营业厅周末延长时间"),
    ];
    let statuses = [
        OrderStatus::Submitted,
        OrderStatus::Dispatched,
        OrderStatus::Replied,
        OrderStatus::Closed,
        OrderStatus::Closed,
        OrderStatus::Cancelled,
    ];
    // A hall settles its cases within days: only the last fortnight's may still be open.
    let settled_before = ms(today - Days::new(14), 0);
    let mut orders = Vec::new();
    for _ in 0..list.len() / 10 {
        let (a, user, at) = pick(rng);
        let (topic, words) = *rng.pick(&topics);
        let status = if at < settled_before {
            *rng.pick(&statuses[3..])
        } else {
            *rng.pick(&statuses)
        };
        orders.push(format!(
            "({user}, 'web', {}, {}, '江城市{}号', '{}', {}, {}, {}, {at}, {})",
            text(&wire_name(&topic)),
            text(words),
            &a.number[6..],
            phone(user),
            text(a.hall),
            text(&a.number),
            text(&wire_name(&status)),
            at + 3_600_000
        ));
    }
    insert(out, "INSERT INTO work_orders (customer_id, channel, topic, description, location, phone, hall_id, account, status, created_at, updated_at)", &orders)?;
    let statuses = [
        AppStatus::Submitted,
        AppStatus::Accepted,
        AppStatus::Done,
        AppStatus::Done,
        AppStatus::Rejected,
        AppStatus::Cancelled,
    ];
    let mut applications = Vec::new();
    for _ in 0..list.len() / 5 {
        let (a, user, at) = pick(rng);
        let request = match rng.below(3) {
            0 => Request::TariffChange {
                plan: Plan::PeakValley,
            },
            1 => Request::Suspension {
                capacity_kva: 0,
                start_on: today,
                months: 1 + u32::try_from(rng.below(6)).unwrap_or(0),
            },
            _ => Request::RenameTransfer {
                new_holder: a.name.clone(),
                id_number: "11010519491231002X".into(),
                phone: phone(user),
            },
        };
        let status = if at < settled_before {
            *rng.pick(&statuses[2..])
        } else {
            *rng.pick(&statuses)
        };
        applications.push(format!(
            "({user}, {}, {}, {}, {}, {}, {at}, {})",
            text(&wire_name(&request.kind())),
            text(&a.number),
            text(a.hall),
            text(&serde_json::to_string(&request).map_err(io::Error::other)?),
            text(&wire_name(&status)),
            at + 3_600_000
        ));
    }
    insert(out, "INSERT INTO applications (customer_id, kind, number, hall_id, request_json, status, created_at, updated_at)", &applications)
}
