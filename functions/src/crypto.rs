//! Password hashing (PBKDF2-SHA256 through WebCrypto), session tokens and SHA-256, using the
//! runtime's native crypto rather than hashing in wasm.

use crate::error::Result;
use base64::{engine::general_purpose::STANDARD, engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use domain::accounts::{constant_time_eq, PasswordHash, PBKDF2_ITERATIONS};
use domain::ApiError;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey};

fn crypto() -> Result<Crypto> {
    let value = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).map_err(js_error)?;
    Ok(value.unchecked_into())
}

fn js_error(e: JsValue) -> crate::error::Error {
    worker::console_error!("crypto error: {e:?}");
    ApiError::internal("something went wrong on our side; please try again").into()
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_error)?;
    Ok(bytes)
}

/// A new id for a file or a call room: 16 random bytes as 32 hex digits.
pub fn random_hex() -> Result<String> {
    Ok(random_bytes::<16>()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// A new session token: 32 random bytes, URL-safe base64.
pub fn new_token() -> Result<String> {
    Ok(URL_SAFE_NO_PAD.encode(random_bytes::<32>()?))
}

pub async fn sha256_hex(text: &str) -> Result<String> {
    sha256_bytes_hex(text.as_bytes()).await
}

pub async fn sha256_bytes_hex(bytes: &[u8]) -> Result<String> {
    let promise = crypto()?
        .subtle()
        .digest_with_str_and_u8_array("SHA-256", bytes)
        .map_err(js_error)?;
    let digest = Uint8Array::new(&JsFuture::from(promise).await.map_err(js_error)?).to_vec();
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
}

async fn pbkdf2(password: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>> {
    let subtle = crypto()?.subtle();
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let key_data = Uint8Array::from(password.as_bytes());
    let key_promise = subtle
        .import_key_with_str("raw", &key_data, "PBKDF2", false, &usages)
        .map_err(js_error)?;
    let key: CryptoKey = JsFuture::from(key_promise)
        .await
        .map_err(js_error)?
        .unchecked_into();
    let params = Object::new();
    for (k, v) in [
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("iterations", JsValue::from_f64(iterations as f64)),
        ("salt", Uint8Array::from(salt).into()),
    ] {
        Reflect::set(&params, &JsValue::from_str(k), &v).map_err(js_error)?;
    }
    let bits = subtle
        .derive_bits_with_object(&params, &key, 256)
        .map_err(js_error)?;
    Ok(Uint8Array::new(&JsFuture::from(bits).await.map_err(js_error)?).to_vec())
}

pub async fn hash_password(password: &str) -> Result<String> {
    let salt = random_bytes::<16>()?;
    let hash = pbkdf2(password, &salt, PBKDF2_ITERATIONS).await?;
    Ok(PasswordHash {
        iterations: PBKDF2_ITERATIONS,
        salt_b64: STANDARD.encode(salt),
        hash_b64: STANDARD.encode(hash),
    }
    .encode())
}

/// True when `password` matches `stored`. A malformed stored hash never matches.
pub async fn verify_password(password: &str, stored: &str) -> Result<bool> {
    let Some(parsed) = PasswordHash::parse(stored) else {
        return Ok(false);
    };
    let (Ok(salt), Ok(expected)) = (
        STANDARD.decode(&parsed.salt_b64),
        STANDARD.decode(&parsed.hash_b64),
    ) else {
        return Ok(false);
    };
    let actual = pbkdf2(password, &salt, parsed.iterations.min(PBKDF2_ITERATIONS)).await?;
    Ok(constant_time_eq(&actual, &expected))
}
