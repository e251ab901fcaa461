//! Web Push from the Worker, with the runtime's WebCrypto: the payload encrypted for the
//! subscription (aes128gcm, RFC 8291: an ephemeral ECDH key, HKDF, AES-128-GCM) and the request
//! signed for the push service (VAPID, RFC 8292: an ES256 JWT). The keys are settings:
//! `VAPID_PUBLIC_KEY` (the uncompressed P-256 point, base64url), `VAPID_PRIVATE_KEY` (its
//! private scalar `d`, base64url) and `VAPID_SUBJECT` (a mailto: or https: contact).

use super::Failure;
use crate::settings::setting;
use domain::notify::push::{
    audience, b64url, from_b64url, header, jwt_signing_input, key_info, last_record, CEK_INFO,
    NONCE_INFO,
};
use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

/// A JWT lives this long; push services accept at most 24 hours.
const JWT_SECONDS: i64 = 12 * 3600;

struct Vapid {
    public: Vec<u8>,
    private_d: String,
    subject: String,
}

fn vapid(env: &Env) -> Option<Vapid> {
    let public = from_b64url(&setting(env, "VAPID_PUBLIC_KEY")?).filter(|k| k.len() == 65)?;
    Some(Vapid {
        public,
        private_d: setting(env, "VAPID_PRIVATE_KEY")?,
        subject: setting(env, "VAPID_SUBJECT")
            .unwrap_or_else(|| "mailto:support@jiangcheng-power.example".into()),
    })
}

pub fn configured(env: &Env) -> bool {
    vapid(env).is_some()
}

/// The public key browsers subscribe with, when push is set up.
pub fn public_key(env: &Env) -> Option<String> {
    vapid(env).map(|v| b64url(&v.public))
}

fn failed(e: JsValue) -> Failure {
    Failure::retry(format!("crypto: {e:?}"))
}

fn subtle() -> Result<SubtleCrypto, Failure> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).map_err(failed)?;
    Ok(crypto.unchecked_into::<web_sys::Crypto>().subtle())
}

fn object(pairs: &[(&str, JsValue)]) -> Result<Object, Failure> {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).map_err(failed)?;
    }
    Ok(o)
}

async fn resolve(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, Failure> {
    JsFuture::from(promise.map_err(failed)?)
        .await
        .map_err(failed)
}

fn bytes(v: &[u8]) -> JsValue {
    Uint8Array::from(v).into()
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|u| JsValue::from_str(u)).collect()
}

/// HKDF-SHA-256: `len` bytes from `ikm` with `salt` and `info`.
async fn hkdf(
    s: &SubtleCrypto,
    salt: &[u8],
    ikm: &[u8],
    info: &[u8],
    len: u32,
) -> Result<Vec<u8>, Failure> {
    let key: CryptoKey = resolve(s.import_key_with_str(
        "raw",
        &Uint8Array::from(ikm),
        "HKDF",
        false,
        &usages(&["deriveBits"]),
    ))
    .await?
    .unchecked_into();
    let params = object(&[
        ("name", "HKDF".into()),
        ("hash", "SHA-256".into()),
        ("salt", bytes(salt)),
        ("info", bytes(info)),
    ])?;
    let bits = resolve(s.derive_bits_with_object(&params, &key, len * 8)).await?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// The request body for a subscription: the aes128gcm header, then the one encrypted record.
async fn encrypt(ua_public: &[u8], auth: &[u8], payload: &[u8]) -> Result<Vec<u8>, Failure> {
    let s = subtle()?;
    let ecdh = object(&[("name", "ECDH".into()), ("namedCurve", "P-256".into())])?;
    let pair = resolve(s.generate_key_with_object(&ecdh, true, &usages(&["deriveBits"]))).await?;
    let get = |name: &str| -> Result<CryptoKey, Failure> {
        Ok(Reflect::get(&pair, &JsValue::from_str(name))
            .map_err(failed)?
            .unchecked_into())
    };
    let (private, public) = (get("privateKey")?, get("publicKey")?);
    let as_public = Uint8Array::new(&resolve(s.export_key("raw", &public)).await?).to_vec();
    let ua_key: CryptoKey = resolve(s.import_key_with_object(
        "raw",
        &Uint8Array::from(ua_public),
        &ecdh,
        false,
        &usages(&[]),
    ))
    .await?
    .unchecked_into();
    let derive = object(&[("name", "ECDH".into()), ("public", ua_key.into())])?;
    let shared =
        Uint8Array::new(&resolve(s.derive_bits_with_object(&derive, &private, 256)).await?)
            .to_vec();
    let ikm = hkdf(&s, auth, &shared, &key_info(ua_public, &as_public), 32).await?;
    let salt: [u8; 16] = crate::crypto::random_bytes().map_err(|e| Failure::retry(e.0.message))?;
    let cek = hkdf(&s, &salt, &ikm, CEK_INFO, 16).await?;
    let nonce = hkdf(&s, &salt, &ikm, NONCE_INFO, 12).await?;
    let aes: CryptoKey = resolve(s.import_key_with_str(
        "raw",
        &Uint8Array::from(cek.as_slice()),
        "AES-GCM",
        false,
        &usages(&["encrypt"]),
    ))
    .await?
    .unchecked_into();
    let gcm = object(&[("name", "AES-GCM".into()), ("iv", bytes(&nonce))])?;
    let sealed =
        resolve(s.encrypt_with_object_and_u8_array(&gcm, &aes, &last_record(payload))).await?;
    let mut body = header(&salt, &as_public);
    body.extend(Uint8Array::new(&sealed).to_vec());
    Ok(body)
}

thread_local! {
    /// Headers already signed, per push service origin, with when they expire (seconds): one
    /// signature serves every push to a service for most of a JWT's life.
    static SIGNED: RefCell<HashMap<String, (String, i64)>> = RefCell::new(HashMap::new());
}

/// A signed header is used until this long before its JWT expires.
const RESIGN_BEFORE_SECONDS: i64 = 3600;

/// The `Authorization` header: an ES256 JWT for the endpoint's origin, and the public key.
async fn authorization(v: &Vapid, endpoint: &str) -> Result<String, Failure> {
    let aud = audience(endpoint)
        .ok_or_else(|| Failure::permanent("the endpoint has no origin".into()))?;
    let now = crate::db::now().timestamp();
    let cached = SIGNED.with_borrow(|signed| {
        signed
            .get(&aud)
            .filter(|(_, expires)| expires - now > RESIGN_BEFORE_SECONDS)
            .map(|(header, _)| header.clone())
    });
    if let Some(header) = cached {
        return Ok(header);
    }
    let expires = now + JWT_SECONDS;
    let header = sign(v, &aud, expires).await?;
    SIGNED.with_borrow_mut(|signed| signed.insert(aud, (header.clone(), expires)));
    Ok(header)
}

async fn sign(v: &Vapid, aud: &str, expires: i64) -> Result<String, Failure> {
    let s = subtle()?;
    let jwk = object(&[
        ("kty", "EC".into()),
        ("crv", "P-256".into()),
        ("d", v.private_d.as_str().into()),
        ("x", b64url(&v.public[1..33]).into()),
        ("y", b64url(&v.public[33..65]).into()),
        ("ext", true.into()),
    ])?;
    let ecdsa = object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())])?;
    let key: CryptoKey =
        resolve(s.import_key_with_object("jwk", &jwk, &ecdsa, false, &usages(&["sign"])))
            .await?
            .unchecked_into();
    let input = jwt_signing_input(aud, expires, &v.subject);
    let params = object(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())])?;
    let signature =
        resolve(s.sign_with_object_and_u8_array(&params, &key, input.as_bytes())).await?;
    let jwt = format!("{input}.{}", b64url(&Uint8Array::new(&signature).to_vec()));
    Ok(format!("vapid t={jwt}, k={}", b64url(&v.public)))
}

/// Pushes `payload` (JSON) to one subscription. `urgent` asks the push service to wake the
/// device at once (a queue call) rather than when convenient.
pub async fn send(
    env: &Env,
    endpoint: &str,
    p256dh: &str,
    auth: &str,
    payload: &str,
    urgent: bool,
) -> Result<(), Failure> {
    let v = vapid(env)
        .ok_or_else(|| Failure::permanent("push is not set up (no VAPID keys)".into()))?;
    let (Some(ua_public), Some(auth)) = (from_b64url(p256dh), from_b64url(auth)) else {
        return Err(Failure::gone(
            "the subscription's keys are malformed".into(),
        ));
    };
    let body = encrypt(&ua_public, &auth, payload.as_bytes()).await?;
    let headers = Headers::new();
    for (k, val) in [
        ("authorization", authorization(&v, endpoint).await?),
        ("content-encoding", "aes128gcm".into()),
        ("content-type", "application/octet-stream".into()),
        ("ttl", if urgent { "600" } else { "86400" }.into()),
        ("urgency", if urgent { "high" } else { "normal" }.into()),
    ] {
        headers
            .set(k, &val)
            .map_err(|e| Failure::retry(e.to_string()))?;
    }
    let mut init = RequestInit::new();
    init.with_method(Method::Post)
        .with_headers(headers)
        .with_body(Some(bytes(&body)));
    let request = Request::new_with_init(endpoint, &init)
        .map_err(|e| Failure::gone(format!("bad endpoint: {e}")))?;
    let response = Fetch::Request(request)
        .send()
        .await
        .map_err(|e| Failure::retry(format!("push service unreachable: {e}")))?;
    Failure::of_status(response.status_code(), "push service")
}
