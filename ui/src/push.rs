//! Web Push on this device: subscribe through the service worker's push manager with the
//! server's VAPID key, and hand the subscription to the server, which then pushes a person's
//! notices here too (web/sw.js shows them). Where push is not set up or not supported, none of
//! this shows.

use crate::api;
use crate::state::{forget, store, stored};
use domain::notify::push::{PushKey, Subscribed, Subscription};
use domain::{ApiError, Reason};
use js_sys::{Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const STORED_ID: &str = "gridhall.push.subscription";

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether this browser can receive push at all.
pub fn supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    get(&window, "PushManager").is_some() && get(&window.navigator(), "serviceWorker").is_some()
}

/// Whether this device already gave the server a subscription.
pub fn subscribed_here() -> bool {
    stored(STORED_ID).is_some()
}

fn refused(message: &str) -> ApiError {
    ApiError::new(Reason::PushRefused, message)
}

async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, ApiError> {
    let f: Function = get(target, method)
        .ok_or_else(|| refused("this browser cannot receive notifications"))?
        .unchecked_into();
    let result = match args {
        [] => f.call0(target),
        [a] => f.call1(target, a),
        _ => f.apply(target, &args.iter().collect()),
    }
    .map_err(|_| refused("this browser refused to receive notifications"))?;
    JsFuture::from(Promise::resolve(&result))
        .await
        .map_err(|_| refused("notifications were not allowed on this device"))
}

/// Asks for permission, subscribes this device and registers it with the server.
pub async fn subscribe() -> Result<Subscribed, ApiError> {
    let key: PushKey = api::notify::push_key().await?;
    let window = web_sys::window().ok_or_else(|| refused("no window"))?;
    let permission = call(
        &get(&window, "Notification").unwrap_or(JsValue::NULL),
        "requestPermission",
        &[],
    )
    .await?;
    if permission.as_string().as_deref() != Some("granted") {
        return Err(refused("notifications were not allowed on this device"));
    }
    let workers =
        get(&window.navigator(), "serviceWorker").ok_or_else(|| refused("no service worker"))?;
    let registration = JsFuture::from(Promise::resolve(
        &get(&workers, "ready").unwrap_or(JsValue::NULL),
    ))
    .await
    .map_err(|_| refused("the service worker is not ready"))?;
    let manager = get(&registration, "pushManager").ok_or_else(|| refused("no push manager"))?;
    let options = Object::new();
    let _ = Reflect::set(&options, &"userVisibleOnly".into(), &JsValue::TRUE);
    let _ = Reflect::set(
        &options,
        &"applicationServerKey".into(),
        &key.public_key.as_str().into(),
    );
    let subscription = call(&manager, "subscribe", &[options.into()]).await?;
    let json: String = JSON::stringify(&subscription)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| refused("the subscription could not be read"))?;
    let subscription: Subscription =
        serde_json::from_str(&json).map_err(|_| refused("the subscription could not be read"))?;
    let subscribed = api::notify::subscribe_push(&subscription).await?;
    store(STORED_ID, &subscribed.id.to_string());
    Ok(subscribed)
}

/// Stops pushes to this device.
pub async fn unsubscribe() -> Result<(), ApiError> {
    if let Some(id) = stored(STORED_ID).and_then(|v| v.parse::<i64>().ok()) {
        api::notify::unsubscribe_push(id).await?;
    }
    forget(STORED_ID);
    Ok(())
}
