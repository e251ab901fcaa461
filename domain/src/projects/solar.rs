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

/// Each month's share of a year's generation, in thousandths (January first): summer makes
/// about twice what winter does.
pub const MONTH_SHARES: [u32; 12] = [55, 62, 78, 90, 102, 98, 112, 115, 92, 80, 63, 53];

/// A home uses about this share of what its roof makes (percent); the rest feeds the grid.
pub const SELF_USE_PERCENT: u32 = 30;

/// What a system of `capacity_kw` typically feeds into the grid in `month` (1–12), in kWh:
/// its share of the year's generation less what the home uses itself. The demo's feed-in.
pub fn typical_feed_in_kwh(capacity_kw: u32, month: u32) -> u32 {
    let share = month
        .checked_sub(1)
        .and_then(|i| MONTH_SHARES.get(usize::try_from(i).ok()?))
        .copied()
        .unwrap_or(0);
    let made = u64::from(expected_annual_kwh(capacity_kw)) * u64::from(share) / 1_000;
    let fed = made * u64::from(100 - SELF_USE_PERCENT) / 100;
    u32::try_from(fed).unwrap_or(u32::MAX)
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

    #[test]
    fn the_shares_make_a_year_and_july_feeds_in_twice_january() {
        assert_eq!(MONTH_SHARES.iter().sum::<u32>(), 1_000);
        let (january, july) = (typical_feed_in_kwh(10, 1), typical_feed_in_kwh(10, 7));
        assert_eq!((january, july), (423, 862));
        assert_eq!(typical_feed_in_kwh(10, 13), 0, "no thirteenth month");
        let year: u32 = (1..=12).map(|m| typical_feed_in_kwh(10, m)).sum();
        assert!((7_690..=7_700).contains(&year), "70% of 11,000: {year}");
    }
}
