//! Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291): what
//! a browser hands over when it subscribes, what the service worker receives, and the plain
//! bytes and text around the cryptography, which the Worker does with WebCrypto
//! (`functions/src/notify/webpush.rs`).

use crate::{ApiError, ApiResult};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{Deserialize, Serialize};

/// A browser's push subscription, as `PushSubscription.toJSON()` gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Subscription {
    pub endpoint: String,
    pub keys: SubscriptionKeys,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubscriptionKeys {
    /// The browser's P-256 public key, uncompressed (65 bytes), base64url.
    pub p256dh: String,
    /// The 16-byte authentication secret, base64url.
    pub auth: String,
}

/// A stored subscription's id, for unsubscribing this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Subscribed {
    pub id: i64,
}

/// The server's VAPID public key, for `pushManager.subscribe({ applicationServerKey })`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushKey {
    pub public_key: String,
}

/// What the service worker receives and shows; `link` is the page a tap opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushPayload {
    pub title: String,
    pub body: String,
    pub link: Option<String>,
    /// Notifications with one tag replace each other (a ticket's "N ahead" by its call).
    pub tag: String,
}

const MAX_ENDPOINT: usize = 2000;

/// The subscription's keys as bytes, once the subscription is one Gridhall can push to: an
/// https endpoint (or a loopback one, where `loopback_ok`, for tests), a 65-byte uncompressed
/// P-256 key and a 16-byte secret.
pub fn checked(s: &Subscription, loopback_ok: bool) -> ApiResult<(Vec<u8>, Vec<u8>)> {
    let loopback =
        s.endpoint.starts_with("http://127.0.0.1:") || s.endpoint.starts_with("http://localhost:");
    if s.endpoint.len() > MAX_ENDPOINT
        || !(s.endpoint.starts_with("https://") || (loopback_ok && loopback))
    {
        return Err(ApiError::validation(
            "endpoint",
            "the push endpoint must be an https address of a push service",
        ));
    }
    let p256dh = URL_SAFE_NO_PAD
        .decode(s.keys.p256dh.trim_end_matches('='))
        .ok()
        .filter(|k| k.len() == 65 && k[0] == 4)
        .ok_or_else(|| {
            ApiError::validation(
                "keys.p256dh",
                "p256dh must be an uncompressed P-256 public key",
            )
        })?;
    let auth = URL_SAFE_NO_PAD
        .decode(s.keys.auth.trim_end_matches('='))
        .ok()
        .filter(|k| k.len() == 16)
        .ok_or_else(|| ApiError::validation("keys.auth", "auth must be a 16-byte secret"))?;
    Ok((p256dh, auth))
}

/// The record size every message is sent with; one record holds any payload of ours.
pub const RECORD_SIZE: u32 = 4096;
/// HKDF info for the content-encryption key and the nonce (RFC 8188).
pub const CEK_INFO: &[u8] = b"Content-Encoding: aes128gcm\0";
pub const NONCE_INFO: &[u8] = b"Content-Encoding: nonce\0";

/// HKDF info for the input keying material: "WebPush: info\0" || ua_public || as_public.
pub fn key_info(ua_public: &[u8], as_public: &[u8]) -> Vec<u8> {
    [b"WebPush: info\0".as_slice(), ua_public, as_public].concat()
}

/// The aes128gcm header: salt (16) || record size (4, big-endian) || key id length (1) ||
/// key id (the application server's public key).
pub fn header(salt: &[u8; 16], as_public: &[u8]) -> Vec<u8> {
    let mut out = salt.to_vec();
    out.extend(RECORD_SIZE.to_be_bytes());
    out.push(u8::try_from(as_public.len()).unwrap_or(u8::MAX));
    out.extend(as_public);
    out
}

/// The single, last record's plaintext: the payload and the delimiter 0x02, no padding.
pub fn last_record(payload: &[u8]) -> Vec<u8> {
    let mut out = payload.to_vec();
    out.push(2);
    out
}

/// The origin of an endpoint, the JWT's audience: "https://push.example.net".
pub fn audience(endpoint: &str) -> Option<String> {
    let (scheme, rest) = endpoint.split_once("://")?;
    let host = rest.split('/').next().filter(|h| !h.is_empty())?;
    Some(format!("{scheme}://{host}"))
}

/// The VAPID JWT's signing input: base64url(header) "." base64url(claims).
pub fn jwt_signing_input(audience: &str, expires_secs: i64, subject: &str) -> String {
    let header = serde_json::json!({ "typ": "JWT", "alg": "ES256" });
    let claims = serde_json::json!({ "aud": audience, "exp": expires_secs, "sub": subject });
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn from_b64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 8291, Appendix A.
    const AS_PUBLIC: &str =
        "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    const SALT: &str = "DGv6ra1nlYgDCS1FRnbzlw";

    #[test]
    fn the_header_is_laid_out_as_rfc_8291_shows() {
        let salt: [u8; 16] = from_b64url(SALT).unwrap().try_into().unwrap();
        let header = header(&salt, &from_b64url(AS_PUBLIC).unwrap());
        assert_eq!(header.len(), 16 + 4 + 1 + 65);
        // The example's message begins with these 86 bytes (its last base64 character also
        // carries the first bits of the ciphertext, so compare the 114 before it).
        let message_start = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";
        assert_eq!(&b64url(&header)[..114], &message_start[..114]);
        assert_eq!(&header[16..21], &[0, 0, 16, 0, 65]);
    }

    #[test]
    fn the_key_info_joins_both_public_keys() {
        let info = key_info(&[4; 65], &[4; 65]);
        assert!(info.starts_with(b"WebPush: info\0"));
        assert_eq!(info.len(), 14 + 130);
        assert_eq!(last_record(b"hi"), b"hi\x02");
    }

    fn subscription(endpoint: &str, p256dh: &[u8], auth: &[u8]) -> Subscription {
        Subscription {
            endpoint: endpoint.into(),
            keys: SubscriptionKeys {
                p256dh: b64url(p256dh),
                auth: b64url(auth),
            },
        }
    }

    #[test]
    fn only_a_well_formed_https_subscription_is_kept() {
        let mut key = vec![4u8; 65];
        key[1] = 9;
        let good = subscription("https://fcm.googleapis.com/fcm/send/abc", &key, &[1; 16]);
        assert_eq!(checked(&good, false).unwrap().0, key);
        let field = |s: &Subscription, loopback| checked(s, loopback).unwrap_err().field;
        let local = subscription("http://127.0.0.1:8789/push/1", &key, &[1; 16]);
        assert_eq!(field(&local, false).as_deref(), Some("endpoint"));
        assert!(checked(&local, true).is_ok(), "loopback only for tests");
        let short = subscription("https://push.example/x", &key[..33], &[1; 16]);
        assert_eq!(field(&short, false).as_deref(), Some("keys.p256dh"));
        let secret = subscription("https://push.example/x", &key, &[1; 8]);
        assert_eq!(field(&secret, false).as_deref(), Some("keys.auth"));
    }

    #[test]
    fn the_audience_is_the_endpoints_origin() {
        assert_eq!(
            audience("https://updates.push.services.mozilla.com/wpush/v2/gAAA").as_deref(),
            Some("https://updates.push.services.mozilla.com")
        );
        assert_eq!(
            audience("http://127.0.0.1:8789/push/1").as_deref(),
            Some("http://127.0.0.1:8789")
        );
        assert_eq!(audience("nonsense"), None);
        let input = jwt_signing_input("https://a.example", 1_800_000_000, "mailto:ops@example.com");
        let (head, claims) = input.split_once('.').unwrap();
        let claims: serde_json::Value =
            serde_json::from_slice(&from_b64url(claims).unwrap()).unwrap();
        assert_eq!(claims["aud"], "https://a.example");
        assert_eq!(
            from_b64url(head).unwrap(),
            br#"{"alg":"ES256","typ":"JWT"}"#
        );
    }
}
