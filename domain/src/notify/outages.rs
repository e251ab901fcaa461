//! Who a planned outage reaches: the rule that picks the bound accounts to tell, and the notice
//! the utility's published commitments require (7 days before a planned outage).
//!
//! An outage's area lists places, separated by 、，,；; — a street with an optional range of
//! house numbers ("湖滨路 1–20 号") or an estate ("梅园新村", "湖滨花园小区"). An account is
//! reached when its address names one of the places (spaces and a trailing 小区 aside) and, for
//! a place with numbers, the number that follows the name in the address is in the range.

use chrono::{DateTime, Duration, Utc};

/// Days of notice a planned outage must be published with; less needs a confirmed urgency.
pub const NOTICE_DAYS: i64 = 7;

/// One place of an area: its name and the house numbers it covers, if it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub numbers: Option<(u32, u32)>,
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn leading_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n = s.get(..end)?.parse().ok()?;
    Some((n, &s[end..]))
}

/// The places `area` names; a piece too short to be a name (under two characters) is left out.
pub fn places(area: &str) -> Vec<Place> {
    area.split(['、', '，', ',', '；', ';'])
        .filter_map(|piece| {
            let piece = squeeze(piece);
            let cut = piece
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(piece.len());
            let name = piece[..cut].trim_end_matches("小区").to_string();
            if name.chars().count() < 2 {
                return None;
            }
            let numbers = leading_number(&piece[cut..]).map(|(from, rest)| {
                let rest = rest.trim_start_matches(['–', '-', '~', '—', '至']);
                match leading_number(rest) {
                    Some((to, _)) if to >= from => (from, to),
                    _ => (from, from),
                }
            });
            Some(Place { name, numbers })
        })
        .collect()
}

/// Whether an outage over `area` reaches the account at `address`.
pub fn affects(area: &str, address: &str) -> bool {
    let address = squeeze(address);
    places(area).iter().any(|place| {
        address
            .match_indices(&place.name)
            .any(|(at, name)| match place.numbers {
                None => true,
                Some((from, to)) => leading_number(&address[at + name.len()..])
                    .is_some_and(|(n, _)| (from..=to).contains(&n)),
            })
    })
}

/// Whether an outage starting at `starts_at`, published at `now`, has less notice than the
/// commitments require.
pub fn is_short_notice(now: DateTime<Utc>, starts_at: DateTime<Utc>) -> bool {
    starts_at - now < Duration::days(NOTICE_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_lists_streets_with_numbers_and_estates() {
        assert_eq!(
            places("星湖路 1–199 号、湖滨花园小区；文昌路 21 号, x"),
            [
                Place {
                    name: "星湖路".into(),
                    numbers: Some((1, 199))
                },
                Place {
                    name: "湖滨花园".into(),
                    numbers: None
                },
                Place {
                    name: "文昌路".into(),
                    numbers: Some((21, 21))
                },
            ]
        );
    }

    #[test]
    fn an_address_on_a_listed_street_within_its_numbers_is_reached() {
        let area = "湖滨路 1-20 号、梅园新村";
        assert!(affects(area, "江城市星湖区湖滨路 12 号 3 单元 501"));
        assert!(affects(area, "江城市星湖区湖滨路20号"));
        assert!(!affects(area, "江城市星湖区湖滨路 21 号"), "past the range");
        assert!(!affects(area, "江城市星湖区湖滨路"), "no number to check");
        assert!(
            affects(area, "江城市星湖区梅园新村 4 幢 302"),
            "the estate, whatever number"
        );
        assert!(!affects(area, "江城市星湖区桂花巷 7 号"));
    }

    #[test]
    fn similar_names_do_not_match_by_accident() {
        // 星湖区湖滨路 contains neither 星湖路 nor 湖滨花园.
        assert!(!affects(
            "星湖路 1–199 号、湖滨花园小区",
            "江城市星湖区湖滨路 12 号"
        ));
        assert!(affects("湖滨花园小区", "江城市星湖区湖滨花园 3 幢"));
    }

    #[test]
    fn less_than_seven_days_is_short_notice() {
        let now = DateTime::parse_from_rfc3339("2026-12-01T02:00:00Z")
            .unwrap()
            .to_utc();
        assert!(is_short_notice(now, now + Duration::days(6)));
        assert!(!is_short_notice(now, now + Duration::days(7)));
    }
}
