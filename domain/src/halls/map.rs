//! Where the halls are and how to get there: each hall's point (latitude and longitude in
//! millionths of a degree), and its bus lines and parking, which its manager keeps. The kiosk
//! draws the city's halls from their points on a plain SVG map: no map tiles from the internet.

use crate::error::{field_text, ApiResult};
use serde::{Deserialize, Serialize};

pub const DIRECTIONS_MAX: usize = 200;

/// A point on the earth, in millionths of a degree (integers, so halls compare exactly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MapPoint {
    pub lat_e6: i32,
    pub lng_e6: i32,
}

/// How to get to a hall, as its manager writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Directions {
    /// Bus and metro lines and their stops, e.g. "公交 12、58 路 湖滨路站".
    #[serde(default)]
    pub transit: String,
    /// Where to park, e.g. "地下停车场 B1，办理业务免费 1 小时".
    #[serde(default)]
    pub parking: String,
}

impl Directions {
    pub fn checked(&self) -> ApiResult<Directions> {
        let optional = |field: &str, value: &str, what: &str| -> ApiResult<String> {
            if value.trim().is_empty() {
                Ok(String::new())
            } else {
                field_text(field, value, DIRECTIONS_MAX, what)
            }
        };
        Ok(Directions {
            transit: optional("transit", &self.transit, "the bus and metro lines")?,
            parking: optional("parking", &self.parking, "the parking")?,
        })
    }
}

/// Where each point falls on a `width` × `height` drawing with `margin` on every side: the
/// points' bounding box scaled evenly to fit (north up, east right). Longitude degrees are
/// shortened by the cosine of the middle latitude, so distances look as they are.
pub fn layout(points: &[MapPoint], width: f64, height: f64, margin: f64) -> Vec<(f64, f64)> {
    let Some(first) = points.first() else {
        return Vec::new();
    };
    let (mut south, mut north, mut west, mut east) =
        (first.lat_e6, first.lat_e6, first.lng_e6, first.lng_e6);
    for p in points {
        south = south.min(p.lat_e6);
        north = north.max(p.lat_e6);
        west = west.min(p.lng_e6);
        east = east.max(p.lng_e6);
    }
    let (middle_lat, middle_lng) = (
        (f64::from(south) + f64::from(north)) / 2.0,
        (f64::from(west) + f64::from(east)) / 2.0,
    );
    let squeeze = (middle_lat / 1e6).to_radians().cos();
    let span_x = (f64::from(east - west) * squeeze).max(1.0);
    let span_y = f64::from(north - south).max(1.0);
    let scale = ((width - 2.0 * margin) / span_x).min((height - 2.0 * margin) / span_y);
    // Centred on the drawing: what the scale leaves over on one axis is shared on both sides.
    points
        .iter()
        .map(|p| {
            let x = width / 2.0 + (f64::from(p.lng_e6) - middle_lng) * squeeze * scale;
            let y = height / 2.0 - (f64::from(p.lat_e6) - middle_lat) * scale;
            (x, y)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lng: f64) -> MapPoint {
        MapPoint {
            lat_e6: (lat * 1e6) as i32,
            lng_e6: (lng * 1e6) as i32,
        }
    }

    #[test]
    fn halls_fit_the_drawing_with_north_up_and_east_right() {
        let points = [at(30.25, 120.15), at(30.20, 120.20), at(30.28, 120.10)];
        let placed = layout(&points, 800.0, 600.0, 40.0);
        for (x, y) in &placed {
            assert!((40.0 - 1e-6..=760.0 + 1e-6).contains(x), "{x}");
            assert!((40.0 - 1e-6..=560.0 + 1e-6).contains(y), "{y}");
        }
        let (west, east) = (placed[2].0, placed[1].0);
        assert!(west < placed[0].0 && placed[0].0 < east, "east is right");
        let (north, south) = (placed[2].1, placed[1].1);
        assert!(north < placed[0].1 && placed[0].1 < south, "north is up");
    }

    #[test]
    fn one_hall_sits_in_the_middle_and_none_draws_nothing() {
        assert_eq!(layout(&[], 800.0, 600.0, 40.0), Vec::new());
        let (x, y) = layout(&[at(30.25, 120.15)], 800.0, 600.0, 40.0)[0];
        assert!((x - 400.0).abs() < 1.0 && (y - 300.0).abs() < 1.0);
    }

    #[test]
    fn directions_are_optional_short_texts() {
        let fine = Directions {
            transit: " 公交 12 路 湖滨路站 ".into(),
            parking: String::new(),
        };
        assert_eq!(fine.checked().unwrap().transit, "公交 12 路 湖滨路站");
        let long = Directions {
            transit: "路".repeat(DIRECTIONS_MAX + 1),
            parking: String::new(),
        };
        assert_eq!(
            long.checked().unwrap_err().field.as_deref(),
            Some("transit")
        );
    }
}
