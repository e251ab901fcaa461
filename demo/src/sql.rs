//! Small helpers for writing SQL literals and demo password hashes.

use base64::{engine::general_purpose::STANDARD, Engine};
use domain::accounts::{PasswordHash, PBKDF2_ITERATIONS};
use sha2::{Digest, Sha256};

/// A SQL string literal.
pub fn text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

pub fn opt_text(s: Option<&str>) -> String {
    s.map(text).unwrap_or_else(|| "NULL".into())
}

/// The same hash format the Worker writes, with a salt derived from the login so the output
/// is reproducible. Real accounts get random salts.
pub fn password_hash(login: &str, password: &str) -> String {
    let salt = &Sha256::digest(format!("gridhall-demo-salt:{login}"))[..16];
    let mut hash = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt, PBKDF2_ITERATIONS, &mut hash);
    PasswordHash {
        iterations: PBKDF2_ITERATIONS,
        salt_b64: STANDARD.encode(salt),
        hash_b64: STANDARD.encode(hash),
    }
    .encode()
}
