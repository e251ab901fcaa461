//! The shape every message gateway shares: a JSON POST to the URL in one setting. 2xx is
//! sent; 4xx other than 408 and 429 is a refusal for good; anything else is tried again.

use super::Failure;
use crate::settings::setting;
use worker::{Env, Fetch, Headers, Method, Request, RequestInit};

/// A gateway: the setting that holds its URL, and its name in error messages.
pub struct Gateway {
    pub setting: &'static str,
    pub name: &'static str,
}

impl Gateway {
    pub fn configured(&self, env: &Env) -> bool {
        setting(env, self.setting).is_some()
    }

    pub async fn post(&self, env: &Env, payload: &serde_json::Value) -> Result<(), Failure> {
        let Some(url) = setting(env, self.setting) else {
            return Err(Failure::permanent(format!(
                "no {} is configured ({})",
                self.name, self.setting
            )));
        };
        let headers = Headers::new();
        let _ = headers.set("content-type", "application/json");
        let mut init = RequestInit::new();
        init.with_method(Method::Post)
            .with_headers(headers)
            .with_body(Some(payload.to_string().into()));
        let request = Request::new_with_init(&url, &init)
            .map_err(|e| Failure::permanent(format!("bad {}: {e}", self.setting)))?;
        let response = Fetch::Request(request)
            .send()
            .await
            .map_err(|e| Failure::retry(format!("{} unreachable: {e}", self.name)))?;
        Failure::of_status(response.status_code(), self.name)
    }
}
