//! How a hall offers each business type: the letter on its tickets, the minutes a counter
//! usually spends on one customer (the estimator's prior until the day has data), and how many
//! numbers it gives out a day. The manager sets them; halls start from the standard values.

use super::BusinessType;
use crate::error::{ApiError, ApiResult};
use serde::{Deserialize, Serialize};

pub const SERVICE_MINUTES_MAX: u32 = 120;
pub const DAILY_CAP_MAX: u32 = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BusinessSetting {
    pub business: BusinessType,
    pub prefix: char,
    pub service_minutes: u32,
    /// Numbers given out a day by kiosk and remote check-in; `None` is no limit. Appointments
    /// were promised a time and never count against it.
    pub daily_cap: Option<u32>,
}

impl BusinessSetting {
    pub fn standard(business: BusinessType) -> BusinessSetting {
        BusinessSetting {
            business,
            prefix: business.ticket_prefix(),
            service_minutes: business.default_service_minutes(),
            daily_cap: None,
        }
    }
}

/// One setting per business type, in `BusinessType::ALL` order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(try_from = "Vec<BusinessSetting>", into = "Vec<BusinessSetting>")]
pub struct BusinessSettings(Vec<BusinessSetting>);

impl Default for BusinessSettings {
    fn default() -> Self {
        BusinessSettings(
            BusinessType::ALL
                .into_iter()
                .map(BusinessSetting::standard)
                .collect(),
        )
    }
}

impl TryFrom<Vec<BusinessSetting>> for BusinessSettings {
    type Error = String;

    /// The stored ones over the standard ones; types not stored keep the standard values.
    fn try_from(stored: Vec<BusinessSetting>) -> Result<Self, String> {
        let mut settings = BusinessSettings::default();
        for s in stored {
            settings.0[s.business.index()] = s;
        }
        Ok(settings)
    }
}

impl From<BusinessSettings> for Vec<BusinessSetting> {
    fn from(settings: BusinessSettings) -> Self {
        settings.0
    }
}

impl BusinessSettings {
    pub fn get(&self, business: BusinessType) -> &BusinessSetting {
        &self.0[business.index()]
    }

    pub fn all(&self) -> &[BusinessSetting] {
        &self.0
    }

    /// Replaces one type's setting after checking it against the others: each letter names
    /// one type only, so a number always says which line it is in.
    pub fn set(&mut self, setting: BusinessSetting) -> ApiResult<()> {
        if let Some(other) = self
            .0
            .iter()
            .find(|s| s.business != setting.business && s.prefix == setting.prefix)
        {
            return Err(ApiError::validation(
                "prefix",
                format!(
                    "letter {} is already used by {}; choose another",
                    setting.prefix,
                    crate::wire::wire_name(&other.business)
                ),
            ));
        }
        self.0[setting.business.index()] = setting;
        Ok(())
    }
}

/// What a manager sends for one business type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BusinessSettingRequest {
    pub prefix: String,
    pub service_minutes: u32,
    #[serde(default)]
    pub daily_cap: Option<u32>,
}

impl BusinessSettingRequest {
    /// The setting for `business`, or a 400 naming the field to correct.
    pub fn setting(&self, business: BusinessType) -> ApiResult<BusinessSetting> {
        let mut letters = self.prefix.trim().chars();
        let prefix = match (letters.next(), letters.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => c.to_ascii_uppercase(),
            _ => {
                return Err(ApiError::validation(
                    "prefix",
                    "give one letter A–Z for the ticket numbers",
                ))
            }
        };
        if !(1..=SERVICE_MINUTES_MAX).contains(&self.service_minutes) {
            return Err(ApiError::validation(
                "service_minutes",
                format!("give the usual minutes per customer, 1 to {SERVICE_MINUTES_MAX}"),
            ));
        }
        if self
            .daily_cap
            .is_some_and(|cap| !(1..=DAILY_CAP_MAX).contains(&cap))
        {
            return Err(ApiError::validation(
                "daily_cap",
                format!("give 1 to {DAILY_CAP_MAX} numbers a day, or leave it empty for no limit"),
            ));
        }
        Ok(BusinessSetting {
            business,
            prefix,
            service_minutes: self.service_minutes,
            daily_cap: self.daily_cap,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BusinessType::*;

    fn request(prefix: &str, minutes: u32, cap: Option<u32>) -> BusinessSettingRequest {
        BusinessSettingRequest {
            prefix: prefix.into(),
            service_minutes: minutes,
            daily_cap: cap,
        }
    }

    #[test]
    fn standard_settings_are_the_types_own() {
        let s = BusinessSettings::default();
        assert_eq!(s.get(Expansion).prefix, 'B');
        assert_eq!(s.get(Expansion).service_minutes, 15);
        assert_eq!(s.get(Payment).daily_cap, None);
    }

    #[test]
    fn requests_are_checked_field_by_field() {
        let ok = request(" f ", 4, Some(80)).setting(Payment).unwrap();
        assert_eq!(
            (ok.prefix, ok.service_minutes, ok.daily_cap),
            ('F', 4, Some(80))
        );
        let field = |r: BusinessSettingRequest| r.setting(Payment).unwrap_err().field.unwrap();
        assert_eq!(field(request("AB", 4, None)), "prefix");
        assert_eq!(field(request("甲", 4, None)), "prefix");
        assert_eq!(field(request("", 4, None)), "prefix");
        assert_eq!(field(request("A", 0, None)), "service_minutes");
        assert_eq!(field(request("A", 121, None)), "service_minutes");
        assert_eq!(field(request("A", 3, Some(0))), "daily_cap");
    }

    #[test]
    fn a_letter_names_one_type_only() {
        let mut s = BusinessSettings::default();
        let taken = request("B", 3, None).setting(Payment).unwrap();
        assert_eq!(s.set(taken).unwrap_err().field.as_deref(), Some("prefix"));
        assert_eq!(
            s.get(Payment).prefix,
            'A',
            "a refused change changes nothing"
        );
        s.set(request("A", 5, Some(40)).setting(Payment).unwrap())
            .unwrap();
        assert_eq!(s.get(Payment).daily_cap, Some(40));
    }

    #[test]
    fn stored_settings_fill_in_over_the_standard_ones() {
        let json = r#"[{"business":"invoice","prefix":"F","service_minutes":6,"daily_cap":30}]"#;
        let s: BusinessSettings = serde_json::from_str(json).unwrap();
        assert_eq!(s.get(Invoice).prefix, 'F');
        assert_eq!(s.get(Payment), &BusinessSetting::standard(Payment));
        assert_eq!(s.all().len(), BusinessType::ALL.len());
    }
}
