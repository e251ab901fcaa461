//! What a manager may change about their hall: its address, phone, weekly hours and directions, and its
//! counters (what each serves and what its clerk is trained for). Each request is checked
//! here and answers with the field to correct.

use super::map::Directions;
use super::BusinessType;
use crate::error::{field_text, ApiError, ApiResult};
use crate::hours::WeeklyHours;
use crate::Reason;
use serde::{Deserialize, Serialize};

pub const ADDRESS_MAX: usize = 80;
/// Counters are numbered as their signs are, 1 to 99.
pub const COUNTER_NUMBER_MAX: u32 = 99;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HallEdit {
    pub address: String,
    pub address_en: String,
    pub phone: String,
    pub hours: WeeklyHours,
    /// Bus lines and parking; left out, they stay as they are.
    #[serde(default)]
    pub directions: Option<Directions>,
}

impl HallEdit {
    /// The edit with its text trimmed, or a 400 naming the field to correct.
    pub fn checked(&self) -> ApiResult<HallEdit> {
        self.hours
            .validate()
            .map_err(|message| ApiError::validation("hours", message))?;
        Ok(HallEdit {
            address: field_text("address", &self.address, ADDRESS_MAX, "the address")?,
            address_en: field_text(
                "address_en",
                &self.address_en,
                ADDRESS_MAX,
                "the address in English",
            )?,
            phone: hall_phone(&self.phone)?,
            hours: self.hours.clone(),
            directions: self
                .directions
                .as_ref()
                .map(Directions::checked)
                .transpose()?,
        })
    }
}

/// A hall's public number: a landline with its area code or a service line such as 95598;
/// digits with spaces or dashes between them.
pub fn hall_phone(input: &str) -> ApiResult<String> {
    let phone = input.trim();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
    if allowed && (5..=16).contains(&digits) && phone.starts_with(|c: char| c.is_ascii_digit()) {
        Ok(phone.to_string())
    } else {
        Err(ApiError::invalid(
            "phone",
            Reason::HallPhone,
            "enter a phone number with its area code, e.g. 0571-95598-01",
        ))
    }
}

/// A counter as the manager sets it up: the business types it calls and those its clerk may
/// take from other lines when none of its own wait.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CounterEdit {
    pub serves: Vec<BusinessType>,
    pub trained: Vec<BusinessType>,
}

impl CounterEdit {
    /// The edit with repeats removed and what it serves among what it is trained for, or a 400.
    pub fn checked(&self) -> ApiResult<CounterEdit> {
        let serves = distinct(&self.serves);
        if serves.is_empty() {
            return Err(ApiError::validation(
                "serves",
                "choose at least one business type for the counter",
            ));
        }
        let mut trained = distinct(&self.trained);
        for b in &serves {
            if !trained.contains(b) {
                trained.push(*b);
            }
        }
        trained.sort();
        Ok(CounterEdit { serves, trained })
    }
}

/// The counter number in a path: 1 to 99.
pub fn counter_number(text: &str) -> ApiResult<u32> {
    text.parse::<u32>()
        .ok()
        .filter(|n| (1..=COUNTER_NUMBER_MAX).contains(n))
        .ok_or_else(|| {
            ApiError::validation(
                "counter",
                format!("counters are numbered 1 to {COUNTER_NUMBER_MAX}"),
            )
        })
}

fn distinct(types: &[BusinessType]) -> Vec<BusinessType> {
    let mut out = types.to_vec();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hours::DayHours;
    use BusinessType::*;

    fn edit() -> HallEdit {
        HallEdit {
            address: " 星湖路 1 号 ".into(),
            address_en: "1 Xinghu Road".into(),
            phone: "0571-95598-01".into(),
            hours: WeeklyHours::weekdays_and_saturday(DayHours::new((8, 30), (17, 30)), None),
            directions: None,
        }
    }

    #[test]
    fn a_hall_edit_is_trimmed_or_names_its_bad_field() {
        assert_eq!(edit().checked().unwrap().address, "星湖路 1 号");
        let field = |e: HallEdit| e.checked().unwrap_err().field.unwrap();
        assert_eq!(
            field(HallEdit {
                address: " ".into(),
                ..edit()
            }),
            "address"
        );
        assert_eq!(
            field(HallEdit {
                phone: "call us".into(),
                ..edit()
            }),
            "phone"
        );
        assert_eq!(
            field(HallEdit {
                phone: "12".into(),
                ..edit()
            }),
            "phone"
        );
        let backwards = WeeklyHours::weekdays_and_saturday(DayHours::new((18, 0), (9, 0)), None);
        assert_eq!(
            field(HallEdit {
                hours: backwards,
                ..edit()
            }),
            "hours"
        );
        assert!(hall_phone("95598").is_ok());
    }

    #[test]
    fn a_counter_serves_something_it_is_trained_for() {
        let e = CounterEdit {
            serves: vec![Payment, Payment],
            trained: vec![Invoice],
        }
        .checked()
        .unwrap();
        assert_eq!(e.serves, vec![Payment]);
        assert_eq!(e.trained, vec![Payment, Invoice]);
        let none = CounterEdit {
            serves: vec![],
            trained: vec![Payment],
        }
        .checked();
        assert_eq!(none.unwrap_err().field.as_deref(), Some("serves"));
    }

    #[test]
    fn counter_numbers_are_those_on_signs() {
        assert_eq!(counter_number("7").unwrap(), 7);
        for bad in ["0", "100", "-1", "x", ""] {
            assert!(counter_number(bad).is_err(), "{bad}");
        }
    }
}
