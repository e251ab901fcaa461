//! The names enums have on the wire ("payment", "green_channel"), for places that are not JSON
//! bodies: SQL columns, query strings, form values. One mapping, serde's, serves them all.

use serde::{de::DeserializeOwned, Serialize};

/// The JSON name of a unit variant; empty for values that are not a plain name.
pub fn wire_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The variant a JSON name stands for, if any.
pub fn from_wire_name<T: DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
}

/// A value with a wire name both ways (an enum of the API): lets a crate without serde of its
/// own bound on it.
pub trait Wire: Serialize + DeserializeOwned {}
impl<T: Serialize + DeserializeOwned> Wire for T {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::halls::BusinessType;
    use crate::queue::Priority;

    #[test]
    fn names_round_trip() {
        for b in BusinessType::ALL {
            assert_eq!(from_wire_name::<BusinessType>(&wire_name(&b)), Some(b));
        }
        assert_eq!(wire_name(&Priority::GreenChannel), "green_channel");
        assert_eq!(from_wire_name::<BusinessType>("haircut"), None);
    }
}
