//! Appointments: slots, booking within capacity, arrival windows, cancel and reschedule.
//! Each test takes its own Monday (weeks 10–19) on the server's test clock.

use api_tests::{monday, same_day_at, Client};
use domain::queue::appointments::{AppointmentState, AppointmentView, Arrival, Slot};
use domain::queue::protocol::TicketView;
use domain::queue::Priority;
use serde_json::json;

fn slot_start(day: &str, local: &str) -> String {
    same_day_at(day, local)
}

fn book(client: &Client, hall: &str, business: &str, start: &str) -> api_tests::Reply {
    client.post(
        &format!("/api/halls/{hall}/appointments"),
        &json!({ "business": business, "start": start }),
    )
}

#[test]
fn slots_cover_the_day_and_count_bookings() {
    let day = monday(10);
    let early = same_day_at(&day, "08:00");
    let date = &day[..10];
    let slots: Vec<Slot> = Client::anonymous()
        .at(&early)
        .get(&format!(
            "/api/halls/xinghu/appointments/slots?business=payment&date={date}"
        ))
        .assert_status(200)
        .json();
    assert_eq!(slots.len(), 18, "08:30 to 17:00 in half hours");
    assert!(slots.iter().all(|s| s.capacity == 2 && s.booked == 0));
    let customer = Client::demo("13800138001").at(&early);
    book(&customer, "xinghu", "payment", &slot_start(&day, "10:00")).assert_status(201);
    let slots: Vec<Slot> = Client::anonymous()
        .at(&early)
        .get(&format!(
            "/api/halls/xinghu/appointments/slots?business=payment&date={date}"
        ))
        .json();
    assert_eq!(slots.iter().map(|s| s.booked).sum::<u32>(), 1);
    let anon = Client::anonymous().at(&early);
    anon.get(&format!(
        "/api/halls/xinghu/appointments/slots?business=haircut&date={date}"
    ))
    .assert_error(400, "validation");
    anon.get("/api/halls/xinghu/appointments/slots?business=payment&date=tomorrow")
        .assert_error(400, "validation");
    anon.get(&format!(
        "/api/halls/atlantis/appointments/slots?business=payment&date={date}"
    ))
    .assert_error(404, "not_found");
}

#[test]
fn a_slot_takes_no_more_than_its_capacity() {
    let day = monday(11);
    let at = same_day_at(&day, "08:00");
    let start = slot_start(&day, "11:00");
    book(
        &Client::demo("13800138001").at(&at),
        "binjiang",
        "payment",
        &start,
    )
    .assert_status(201);
    book(
        &Client::demo("13800138002").at(&at),
        "binjiang",
        "payment",
        &start,
    )
    .assert_status(201);
    book(
        &Client::demo("13800138003").at(&at),
        "binjiang",
        "payment",
        &start,
    )
    .assert_error(409, "conflict");
    let again = book(
        &Client::demo("13800138001").at(&at),
        "binjiang",
        "payment",
        &slot_start(&day, "15:00"),
    );
    again.assert_error(409, "conflict");
}

#[test]
fn booking_refuses_bad_slots_and_other_roles() {
    let day = monday(12);
    let at = same_day_at(&day, "09:00");
    let customer = Client::demo("13800138002").at(&at);
    let field = |reply: api_tests::Reply| {
        reply.assert_error(400, "validation");
        reply.body["error"]["field"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        field(book(
            &customer,
            "xinghu",
            "payment",
            &slot_start(&day, "10:15")
        )),
        "start"
    );
    assert_eq!(
        field(book(
            &customer,
            "xinghu",
            "payment",
            &slot_start(&day, "08:30")
        )),
        "start",
        "already past"
    );
    let sunday = format!(
        "{}T02:00:00Z",
        chrono::NaiveDate::parse_from_str(&day[..10], "%Y-%m-%d").unwrap()
            + chrono::Duration::days(6)
    );
    assert_eq!(
        field(book(&customer, "gaoxin", "payment", &sunday)),
        "start",
        "closed on Sundays"
    );
    let far = format!(
        "{}T02:00:00Z",
        chrono::NaiveDate::parse_from_str(&day[..10], "%Y-%m-%d").unwrap()
            + chrono::Duration::days(21)
    );
    assert_eq!(
        field(book(&customer, "gaoxin", "payment", &far)),
        "start",
        "beyond the booking horizon"
    );
    assert_eq!(
        field(book(
            &customer,
            "gaoxin",
            "haircut",
            &slot_start(&day, "10:00")
        )),
        ""
    );
    book(
        &Client::anonymous().at(&at),
        "gaoxin",
        "payment",
        &slot_start(&day, "10:00"),
    )
    .assert_error(401, "unauthenticated");
    book(
        &Client::demo("staff.gaoxin.1").at(&at),
        "gaoxin",
        "payment",
        &slot_start(&day, "10:00"),
    )
    .assert_error(403, "forbidden");
    let mine: Vec<AppointmentView> = customer.get("/api/appointments").assert_status(200).json();
    assert!(
        mine.iter()
            .all(|a| !a.start.to_rfc3339().starts_with(&day[..10])),
        "refusals booked nothing"
    );
}

#[test]
fn arrival_inside_the_window_goes_ahead_of_walk_ins() {
    let day = monday(13);
    let customer = Client::demo("13800138003").at(&same_day_at(&day, "08:00"));
    let booked: AppointmentView =
        book(&customer, "gaoxin", "expansion", &slot_start(&day, "10:00"))
            .assert_status(201)
            .json();
    assert_eq!(
        booked.arrival,
        Some(Arrival::TooEarly {
            from: slot_start(&day, "09:45").parse().unwrap()
        })
    );
    let too_early = customer.post(
        &format!("/api/appointments/{}/arrive", booked.id),
        &json!({}),
    );
    too_early.assert_error(409, "conflict");
    assert!(too_early.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("09:45"));

    let on_time = Client::demo("13800138003").at(&same_day_at(&day, "09:50"));
    let ticket: TicketView = on_time
        .post(
            &format!("/api/appointments/{}/arrive", booked.id),
            &json!({}),
        )
        .assert_status(201)
        .json();
    assert_eq!(ticket.priority, Priority::Appointment);
    on_time
        .post(
            &format!("/api/appointments/{}/arrive", booked.id),
            &json!({}),
        )
        .assert_error(409, "conflict");
    let mine: Vec<AppointmentView> = on_time.get("/api/appointments").assert_status(200).json();
    let arrived = mine.iter().find(|a| a.id == booked.id).unwrap();
    assert_eq!(
        (arrived.state, arrived.ticket_id),
        (AppointmentState::Arrived, Some(ticket.id))
    );
}

#[test]
fn late_arrivals_queue_as_walk_ins_and_released_slots_are_refused() {
    let day = monday(14);
    let first = Client::demo("13800138001").at(&same_day_at(&day, "08:00"));
    let late: AppointmentView = book(&first, "xinghu", "consultation", &slot_start(&day, "10:00"))
        .assert_status(201)
        .json();
    let second = Client::demo("13800138002").at(&same_day_at(&day, "08:00"));
    let released: AppointmentView = book(
        &second,
        "xinghu",
        "consultation",
        &slot_start(&day, "10:00"),
    )
    .assert_status(201)
    .json();
    let ticket: TicketView = Client::demo("13800138001")
        .at(&same_day_at(&day, "10:20"))
        .post(&format!("/api/appointments/{}/arrive", late.id), &json!({}))
        .assert_status(201)
        .json();
    assert_eq!(ticket.priority, Priority::Normal);
    let refused = Client::demo("13800138002")
        .at(&same_day_at(&day, "10:31"))
        .post(
            &format!("/api/appointments/{}/arrive", released.id),
            &json!({}),
        );
    refused.assert_error(409, "conflict");
    assert!(refused.body["error"]["message"]
        .as_str()
        .unwrap()
        .contains("released"));
}

#[test]
fn cancel_and_reschedule_are_the_owners_and_respect_capacity() {
    let day = monday(15);
    let at = same_day_at(&day, "08:00");
    let owner = Client::demo("13800138001").at(&at);
    let mine: AppointmentView = book(&owner, "binjiang", "expansion", &slot_start(&day, "14:00"))
        .assert_status(201)
        .json();
    Client::demo("13800138002")
        .at(&at)
        .post(&format!("/api/appointments/{}/cancel", mine.id), &json!({}))
        .assert_error(404, "not_found");
    Client::demo("staff.binjiang.1")
        .at(&at)
        .post(&format!("/api/appointments/{}/cancel", mine.id), &json!({}))
        .assert_error(403, "forbidden");
    // Fill 15:00, then try to move there.
    book(
        &Client::demo("13800138002").at(&at),
        "binjiang",
        "expansion",
        &slot_start(&day, "15:00"),
    )
    .assert_status(201);
    book(
        &Client::demo("13800138003").at(&at),
        "binjiang",
        "expansion",
        &slot_start(&day, "15:00"),
    )
    .assert_status(201);
    owner
        .put(
            &format!("/api/appointments/{}", mine.id),
            &json!({ "start": slot_start(&day, "15:00") }),
        )
        .assert_error(409, "conflict");
    let moved: AppointmentView = owner
        .put(
            &format!("/api/appointments/{}", mine.id),
            &json!({ "start": slot_start(&day, "16:00") }),
        )
        .assert_status(200)
        .json();
    assert_eq!(
        moved.start,
        slot_start(&day, "16:00")
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
    );
    let cancelled: AppointmentView = owner
        .post(&format!("/api/appointments/{}/cancel", mine.id), &json!({}))
        .assert_status(200)
        .json();
    assert_eq!(cancelled.state, AppointmentState::Cancelled);
    owner
        .post(&format!("/api/appointments/{}/cancel", mine.id), &json!({}))
        .assert_error(409, "conflict");
    owner
        .post("/api/appointments/999999/arrive", &json!({}))
        .assert_error(404, "not_found");
}

#[test]
fn a_booking_checks_in_at_the_kiosk_by_its_code() {
    let day = monday(16);
    let customer = Client::demo("13800138002").at(&same_day_at(&day, "08:00"));
    let booked: AppointmentView =
        book(&customer, "binjiang", "invoice", &slot_start(&day, "10:30"))
            .assert_status(201)
            .json();
    let code = booked.code.expect("a new booking has a code");
    assert!(
        code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()),
        "{code}"
    );
    let arrive = |at: &str, hall: &str, code: &str| {
        Client::anonymous().at(&same_day_at(&day, at)).post(
            &format!("/api/halls/{hall}/appointments/arrive"),
            &json!({ "code": code }),
        )
    };

    arrive("10:00", "binjiang", &code).assert_error(409, "conflict");
    arrive("10:20", "binjiang", "12 34").assert_error(400, "validation");
    arrive("10:20", "binjiang", "").assert_error(400, "validation");
    let wrong = if code == "000000" { "000001" } else { "000000" };
    arrive("10:20", "binjiang", wrong).assert_error(404, "not_found");
    arrive("10:20", "xinghu", &code).assert_error(404, "not_found");
    arrive("10:20", "atlantis", &code).assert_error(404, "not_found");
    let mine: Vec<AppointmentView> = customer.get("/api/appointments").json();
    assert_eq!(
        mine.iter().find(|a| a.id == booked.id).unwrap().state,
        AppointmentState::Booked,
        "refused check-ins change nothing"
    );

    let ticket: TicketView = arrive(
        "10:20",
        "binjiang",
        &format!("{} {}", &code[..3], &code[3..]),
    )
    .assert_status(201)
    .json();
    assert_eq!(ticket.priority, Priority::Appointment);
    assert!(ticket.key.is_some(), "the kiosk gets the ticket's link");
    arrive("10:21", "binjiang", &code).assert_error(404, "not_found");
    let mine: Vec<AppointmentView> = customer.get("/api/appointments").json();
    let arrived = mine.iter().find(|a| a.id == booked.id).unwrap();
    assert_eq!(
        (arrived.state, arrived.ticket_id),
        (AppointmentState::Arrived, Some(ticket.id))
    );
}
