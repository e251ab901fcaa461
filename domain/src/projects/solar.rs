//! What a rooftop PV system is expected to make in a year, from its capacity: a simple estimate
//! a customer can check. East China's rooftops see about 1,100 equivalent full-load hours a year
//! (irradiation of about 1,300 kWh/m² times a performance ratio of about 0.85), so each kW of
//! capacity makes about 1,100 kWh. Shading, tilt and orientation move it by a fifth either way.

/// Equivalent full-load hours a year of a rooftop system in the utility's area.
pub const FULL_LOAD_HOURS: u32 = 1_100;

/// Expected generation in kWh a year of a system of `capacity_kw`.
pub fn expected_annual_kwh(capacity_kw: u32) -> u32 {
    capacity_kw.saturating_mul(FULL_LOAD_HOURS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_kilowatts_make_about_nine_thousand_kwh_a_year() {
        assert_eq!(expected_annual_kwh(8), 8_800);
        assert_eq!(expected_annual_kwh(0), 0);
        assert_eq!(expected_annual_kwh(u32::MAX), u32::MAX, "never overflows");
    }
}
