//! What a hall shows besides its queue: posters (an image or a text, each with a window, the
//! halls it targets, and its place in the rotation) and planned outages (area, time, reason).
//! Both show on the hall TV, the home page and the hall pages while their window is open.

use crate::error::{ApiError, ApiResult};
use crate::notices::NoticeState;
use crate::Reason;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const POSTER_TITLE_MAX: usize = 60;
pub const POSTER_BODY_MAX: usize = 500;
pub const AREA_MAX: usize = 200;
pub const REASON_MAX: usize = 500;
/// Largest poster image accepted.
pub const MAX_IMAGE_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PosterInput {
    /// The halls it shows in; empty: every hall.
    pub hall_ids: Vec<String>,
    pub title: String,
    /// The text of a text poster, or a caption under an image.
    pub body: String,
    /// An uploaded image (see `ImageKind`), or none for a text poster.
    pub image_key: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    /// Lower shows first.
    pub position: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Poster {
    pub id: i64,
    pub hall_ids: Vec<String>,
    pub title: String,
    pub body: String,
    pub image_key: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: Option<DateTime<Utc>>,
    pub position: i32,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub state: NoticeState,
}

impl Poster {
    /// Where the app loads its image.
    pub fn image_url(&self) -> Option<String> {
        self.image_key
            .as_ref()
            .map(|k| format!("/api/poster-images/{k}"))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OutageInput {
    /// `None`: shown in every hall.
    pub hall_id: Option<String>,
    /// The streets or estates without power.
    pub area: String,
    pub reason: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    /// Confirms an outage announced with less than 7 days' notice cannot wait (a fault, a
    /// safety risk); without it such an outage is refused.
    #[serde(default)]
    pub urgent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Outage {
    pub id: i64,
    pub hall_id: Option<String>,
    pub area: String,
    pub reason: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    /// Announced with less than 7 days' notice, its urgency confirmed by the publisher.
    #[serde(default)]
    pub urgent: bool,
}

/// An uploaded poster image's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImageUploaded {
    pub key: String,
}

fn text(value: &str, field: &str, max: usize, required: bool) -> ApiResult<String> {
    let value = value.trim();
    if required && value.is_empty() {
        return Err(ApiError::invalid(
            field,
            Reason::Text,
            format!("{field} is required"),
        ));
    }
    if value.chars().count() > max {
        return Err(ApiError::invalid(
            field,
            Reason::Text,
            format!("{field} is longer than {max} characters"),
        ));
    }
    Ok(value.to_string())
}

fn window(starts_at: DateTime<Utc>, ends_at: Option<DateTime<Utc>>) -> ApiResult<()> {
    if ends_at.is_some_and(|end| end <= starts_at) {
        return Err(ApiError::validation(
            "ends_at",
            "the end must be after the start",
        ));
    }
    Ok(())
}

impl PosterInput {
    /// Trimmed, with halls sorted and deduplicated; a poster needs an image or a text.
    pub fn normalised(self) -> ApiResult<PosterInput> {
        let title = text(&self.title, "title", POSTER_TITLE_MAX, true)?;
        let body = text(&self.body, "body", POSTER_BODY_MAX, false)?;
        let image_key = self.image_key.filter(|k| !k.trim().is_empty());
        if let Some(key) = &image_key {
            if !is_image_key(key) {
                return Err(ApiError::validation("image_key", "upload the image first"));
            }
        }
        if image_key.is_none() && body.is_empty() {
            return Err(ApiError::invalid(
                "body",
                Reason::PosterEmpty,
                "a poster needs an image or a text",
            ));
        }
        window(self.starts_at, self.ends_at)?;
        let mut hall_ids: Vec<String> = self
            .hall_ids
            .iter()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .collect();
        hall_ids.sort();
        hall_ids.dedup();
        Ok(PosterInput {
            hall_ids,
            title,
            body,
            image_key,
            ..self
        })
    }
}

impl OutageInput {
    pub fn normalised(self) -> ApiResult<OutageInput> {
        let area = text(&self.area, "area", AREA_MAX, true)?;
        let reason = text(&self.reason, "reason", REASON_MAX, true)?;
        window(self.starts_at, Some(self.ends_at))?;
        let hall_id = self
            .hall_id
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty());
        Ok(OutageInput {
            hall_id,
            area,
            reason,
            ..self
        })
    }
}

/// The poster image formats accepted, told by their first bytes, not by what the upload claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Webp,
}

impl ImageKind {
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageKind::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageKind::Jpeg)
        } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
            Some(ImageKind::Webp)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Webp => "image/webp",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Webp => "webp",
        }
    }

    pub fn from_extension(ext: &str) -> Option<ImageKind> {
        [ImageKind::Png, ImageKind::Jpeg, ImageKind::Webp]
            .into_iter()
            .find(|k| k.extension() == ext)
    }
}

/// Checks an upload: not empty, within the size cap, and really one of the accepted images.
pub fn check_image(bytes: &[u8]) -> ApiResult<ImageKind> {
    if bytes.len() > MAX_IMAGE_BYTES {
        return Err(ApiError::new(
            Reason::TooLarge,
            "the image is larger than 5 MiB; make it smaller and upload it again",
        ));
    }
    ImageKind::sniff(bytes)
        .ok_or_else(|| ApiError::validation("image", "the file is not a PNG, JPEG or WebP image"))
}

/// Keys the upload hands out: 32 hex digits and an accepted extension, nothing else.
pub fn is_image_key(key: &str) -> bool {
    let Some((name, ext)) = key.split_once('.') else {
        return false;
    };
    name.len() == 32
        && name.bytes().all(|b| b.is_ascii_hexdigit())
        && ImageKind::from_extension(ext).is_some()
}

#[cfg(test)]
mod tests;
