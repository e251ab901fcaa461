//! Appointments: bookable slots within opening hours, capacity per slot, and what an arrival
//! means at a given moment: ahead of walk-ins inside the window (default −15/+10 min), as a
//! walk-in when late, and refused once the slot was released (default 30 min after its start).
//! Whether a booking is released is derived from the clock, never stored.

use super::config::QueueConfig;
use crate::error::{ApiError, ApiResult};
use crate::hours::{china_tz, to_local, Days};
use crate::Reason;
use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SlotRules {
    pub slot_minutes: u32,
    /// Bookings per business type per slot.
    pub capacity: u32,
    /// How many days ahead one may book.
    pub horizon_days: u32,
}

impl Default for SlotRules {
    fn default() -> Self {
        SlotRules {
            slot_minutes: 30,
            capacity: 2,
            horizon_days: 14,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AppointmentState {
    Booked,
    Arrived,
    Cancelled,
}

/// What arriving now would mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Arrival {
    /// Before the window: come back from `from`.
    TooEarly { from: DateTime<Utc> },
    /// Inside the window: checked in ahead of walk-ins.
    OnTime,
    /// After the window but within the hold: checked in as a walk-in.
    Late,
    /// Past the hold: the slot was given up.
    Released,
}

pub fn arrival(slot_start: DateTime<Utc>, now: DateTime<Utc>, config: &QueueConfig) -> Arrival {
    let from = slot_start - Duration::minutes(config.appointment_early_minutes as i64);
    let on_time_until = slot_start + Duration::minutes(config.appointment_late_minutes as i64);
    let held_until = slot_start + Duration::minutes(config.appointment_hold_minutes as i64);
    if now < from {
        Arrival::TooEarly { from }
    } else if now <= on_time_until {
        Arrival::OnTime
    } else if now <= held_until {
        Arrival::Late
    } else {
        Arrival::Released
    }
}

/// A booking still holds its place: booked and not yet released.
pub fn holds_place(
    state: AppointmentState,
    slot_start: DateTime<Utc>,
    now: DateTime<Utc>,
    config: &QueueConfig,
) -> bool {
    match state {
        AppointmentState::Booked => arrival(slot_start, now, config) != Arrival::Released,
        AppointmentState::Arrived => true,
        AppointmentState::Cancelled => false,
    }
}

/// The slot starts of one local date, each a whole slot inside the opening hours.
/// None on a day the hall is closed (a public holiday, a special closure).
pub fn slots_on(hours: &impl Days, date: NaiveDate, rules: &SlotRules) -> Vec<DateTime<Utc>> {
    let Some(day) = hours.hours_on(date) else {
        return Vec::new();
    };
    let step = Duration::minutes(rules.slot_minutes as i64);
    let mut slots = Vec::new();
    let mut start = date.and_time(day.open);
    while start + step <= date.and_time(day.close) {
        if let Some(at) = start.and_local_timezone(china_tz()).single() {
            slots.push(at.with_timezone(&Utc));
        }
        start += step;
    }
    slots
}

/// Checks that `start` is a slot one may book now: a real slot of that day, not past, and
/// within the booking horizon.
pub fn check_bookable(
    hours: &impl Days,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    rules: &SlotRules,
) -> ApiResult<()> {
    if start <= now {
        return Err(ApiError::invalid(
            "start",
            Reason::SlotPassed,
            "choose a time that has not passed",
        ));
    }
    let local = to_local(start);
    if local.date_naive() > to_local(now).date_naive() + Duration::days(rules.horizon_days as i64) {
        return Err(ApiError::invalid(
            "start",
            Reason::BeyondHorizon,
            format!("appointments open {} days ahead", rules.horizon_days),
        ));
    }
    let exact = local.second() == 0 && local.nanosecond() == 0;
    if !exact || !slots_on(hours, local.date_naive(), rules).contains(&start) {
        return Err(ApiError::invalid(
            "start",
            Reason::NotASlot,
            "that is not a slot of this hall; pick one from the list",
        ));
    }
    Ok(())
}

/// A slot as the booking page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub capacity: u32,
    pub booked: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BookRequest {
    pub business: crate::halls::BusinessType,
    pub start: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RescheduleRequest {
    pub start: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AppointmentView {
    pub id: i64,
    pub hall_id: String,
    pub hall_name: String,
    pub business: crate::halls::BusinessType,
    pub start: DateTime<Utc>,
    pub state: AppointmentState,
    /// What arriving now would mean; `None` once arrived or cancelled.
    pub arrival: Option<Arrival>,
    /// The ticket it became on arrival, for the ticket page.
    pub ticket_id: Option<u32>,
    /// Six digits to check in with at the hall's kiosk, without signing in.
    pub code: Option<String>,
}

/// Checking in for an appointment at a kiosk by its code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArriveByCode {
    pub code: String,
}

impl ArriveByCode {
    /// The code as stored: six digits, spaces allowed in between.
    pub fn code(&self) -> crate::error::ApiResult<String> {
        let digits: String = self.code.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == CODE_DIGITS && digits.chars().all(|c| c.is_ascii_digit()) {
            Ok(digits)
        } else {
            Err(crate::error::ApiError::invalid(
                "code",
                crate::Reason::AppointmentCodeFormat,
                "the appointment code has 6 digits; it is on your booking",
            ))
        }
    }
}

pub const CODE_DIGITS: usize = 6;

/// A code from random bits: six digits, leading zeros kept.
pub fn code_from(random: u32) -> String {
    format!("{:06}", random % 1_000_000)
}

/// Wrong codes from one address: a kiosk sees typos, not a million guesses.
pub const CODE_THROTTLE: crate::accounts::Throttle = crate::accounts::Throttle {
    max_failures: 20,
    window_ms: 15 * 60 * 1000,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::calendar::HallCalendar;
    use crate::hours::{DayHours, WeeklyHours};
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        china_tz()
            .with_ymd_and_hms(2026, 11, d, h, m, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn hours() -> WeeklyHours {
        WeeklyHours::weekdays_and_saturday(DayHours::new((8, 30), (17, 30)), None)
    }

    #[test]
    fn arrival_depends_on_the_window_and_the_hold() {
        let slot = at(23, 10, 0);
        let config = QueueConfig::default();
        assert_eq!(
            arrival(slot, at(23, 9, 44), &config),
            Arrival::TooEarly {
                from: at(23, 9, 45)
            }
        );
        assert_eq!(arrival(slot, at(23, 9, 45), &config), Arrival::OnTime);
        assert_eq!(arrival(slot, at(23, 10, 10), &config), Arrival::OnTime);
        assert_eq!(arrival(slot, at(23, 10, 11), &config), Arrival::Late);
        assert_eq!(arrival(slot, at(23, 10, 30), &config), Arrival::Late);
        assert_eq!(arrival(slot, at(23, 10, 31), &config), Arrival::Released);
    }

    #[test]
    fn a_released_booking_frees_its_place() {
        let slot = at(23, 10, 0);
        let config = QueueConfig::default();
        assert!(holds_place(
            AppointmentState::Booked,
            slot,
            at(23, 10, 30),
            &config
        ));
        assert!(!holds_place(
            AppointmentState::Booked,
            slot,
            at(23, 10, 31),
            &config
        ));
        assert!(holds_place(
            AppointmentState::Arrived,
            slot,
            at(23, 12, 0),
            &config
        ));
        assert!(!holds_place(
            AppointmentState::Cancelled,
            slot,
            at(23, 9, 0),
            &config
        ));
    }

    #[test]
    fn no_slots_on_a_public_holiday_and_weekday_slots_on_a_make_up_saturday() {
        let hall = HallCalendar::new(hours(), vec![]);
        let rules = SlotRules::default();
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert!(slots_on(&hall, date("2026-10-05"), &rules).is_empty());
        assert_eq!(
            slots_on(&hall, date("2026-10-10"), &rules),
            slots_on(&hall, date("2026-10-12"), &rules)
                .iter()
                .map(|s| *s - Duration::days(2))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn slots_fill_the_opening_hours() {
        let slots = slots_on(
            &hours(),
            NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            &SlotRules::default(),
        );
        assert_eq!(slots.len(), 18, "08:30 to 17:30 in half hours");
        assert_eq!(slots[0], at(23, 8, 30));
        assert_eq!(*slots.last().unwrap(), at(23, 17, 0));
        assert!(
            slots_on(
                &hours(),
                NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
                &SlotRules::default()
            )
            .is_empty(),
            "closed Sunday"
        );
    }

    #[test]
    fn only_future_real_slots_within_the_horizon_are_bookable() {
        let now = at(23, 9, 0);
        let rules = SlotRules::default();
        assert!(check_bookable(&hours(), at(23, 10, 0), now, &rules).is_ok());
        for bad in [at(23, 8, 30), at(23, 10, 15), at(23, 17, 30), at(29, 10, 0)] {
            assert_eq!(
                check_bookable(&hours(), bad, now, &rules)
                    .unwrap_err()
                    .field
                    .as_deref(),
                Some("start"),
                "{bad}"
            );
        }
        let far = china_tz()
            .with_ymd_and_hms(2026, 12, 9, 10, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert!(check_bookable(&hours(), far, now, &rules)
            .unwrap_err()
            .message
            .contains("14 days"));
    }

    #[test]
    fn codes_have_six_digits_and_typing_spaces_is_fine() {
        assert_eq!(code_from(42), "000042");
        assert_eq!(code_from(u32::MAX), "967295");
        let typed = |code: &str| ArriveByCode { code: code.into() }.code();
        assert_eq!(typed("123 456").unwrap(), "123456");
        for bad in ["12345", "1234567", "12a456", ""] {
            assert_eq!(typed(bad).unwrap_err().field.as_deref(), Some("code"));
        }
    }
}
