//! The Worker's settings: a secret (production credentials) or else a plain variable of the same
//! name; an empty value counts as unset.

use worker::Env;

pub fn setting(env: &Env, name: &str) -> Option<String> {
    env.secret(name)
        .map(|s| s.to_string())
        .or_else(|_| env.var(name).map(|v| v.to_string()))
        .ok()
        .filter(|v| !v.is_empty())
}
