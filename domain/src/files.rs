//! Uploaded files: what customers, staff and firms share in a call, a consultation thread, a
//! project or a case (photos of a bill or a meter, a scanned ID, a PDF form, drawings). Checked
//! by their first bytes, against the rules of where they go.

use crate::content::ImageKind;
use crate::error::{ApiError, ApiResult};
use crate::Reason;
use serde::{Deserialize, Serialize};

/// What an upload may be: how large, and which kinds beyond photos and PDFs.
#[derive(Debug, Clone, Copy)]
pub struct FileRules {
    pub max_bytes: usize,
    /// Further accepted kinds: leading bytes and content type.
    pub extra: &'static [(&'static [u8], &'static str)],
    /// What to send instead, for the refusal.
    pub accepted: &'static str,
}

impl FileRules {
    pub fn too_large(&self) -> String {
        format!(
            "the file is larger than {} MiB; send a smaller one",
            self.max_bytes / (1024 * 1024)
        )
    }

    /// The content type of an accepted file, by its bytes.
    pub fn content_type(&self, bytes: &[u8]) -> ApiResult<&'static str> {
        if bytes.len() > self.max_bytes {
            return Err(ApiError::new(Reason::TooLarge, self.too_large()));
        }
        if bytes.is_empty() {
            return Err(ApiError::invalid(
                "file",
                Reason::FileEmpty,
                "the file is empty",
            ));
        }
        if let Some(image) = ImageKind::sniff(bytes) {
            return Ok(image.content_type());
        }
        if bytes.starts_with(b"%PDF-") {
            return Ok("application/pdf");
        }
        if let Some((_, kind)) = self
            .extra
            .iter()
            .find(|(magic, _)| bytes.starts_with(magic))
        {
            return Ok(kind);
        }
        Err(ApiError::validation(
            "file",
            format!("send {}", self.accepted),
        ))
    }
}

/// Files shared in a call or a consultation.
pub const ATTACHMENTS: FileRules = FileRules {
    max_bytes: 10 * 1024 * 1024,
    extra: &[],
    accepted: "a photo (PNG, JPEG, WebP) or a PDF",
};

const NAME_MAX: usize = 100;

/// A file filed in a chat; `id` addresses it under its call or thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FileRef {
    pub id: String,
    pub name: String,
    pub content_type: String,
    pub size: u64,
}

/// The name to show for an upload: its last path part, without control characters, at most
/// 100 characters; "file" when nothing is left.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(NAME_MAX)
        .collect();
    let clean = clean.trim();
    if clean.is_empty() {
        "file".into()
    } else {
        clean.into()
    }
}

/// Room and file ids the Worker hands out: 32 hex digits.
pub fn is_random_id(id: &str) -> bool {
    id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn photos_and_pdfs_are_accepted_by_their_bytes() {
        assert_eq!(
            ATTACHMENTS.content_type(b"%PDF-1.7 ...").unwrap(),
            "application/pdf"
        );
        assert_eq!(
            ATTACHMENTS.content_type(b"\x89PNG\r\n\x1a\n....").unwrap(),
            "image/png"
        );
        let exe = ATTACHMENTS.content_type(b"MZ\x90\0").unwrap_err();
        assert_eq!(exe.field.as_deref(), Some("file"));
        assert_eq!(
            ATTACHMENTS.content_type(b"").unwrap_err().code,
            ErrorCode::Validation
        );
        let big = vec![b'%'; ATTACHMENTS.max_bytes + 1];
        assert_eq!(
            ATTACHMENTS.content_type(&big).unwrap_err().code,
            ErrorCode::PayloadTooLarge
        );
    }

    #[test]
    fn names_lose_their_paths_and_control_characters() {
        assert_eq!(display_name("C:\\Users\\me\\电费单.pdf"), "电费单.pdf");
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("a\u{0}b\n.png"), "ab.png");
        assert_eq!(display_name("  "), "file");
        assert_eq!(display_name(&"长".repeat(300)).chars().count(), 100);
    }

    #[test]
    fn file_ids_are_32_hex_digits() {
        assert!(is_random_id(&"a".repeat(32)));
        assert!(!is_random_id("../x"));
    }
}
