//! What the app asks of the browser itself: this tab's storage, idempotency keys, the clock.
use gishe_api::calendar::UtcSeconds;
use leptos::prelude::window;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// This tab's `sessionStorage`: drafts and receipts never go to `localStorage` (they hold
/// personal numbers), so they are gone when the tab is closed.
fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// What this tab saved under `key`; nothing when there is none or it cannot be read (an older
/// version of the app wrote it, or the citizen's browser refuses storage).
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let json = session()?.get_item(key).ok()??;
    serde_json::from_str(&json).ok()
}

/// Saves `value` for this tab; a browser that refuses storage only loses the restore.
pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(s), Ok(json)) = (session(), serde_json::to_string(value)) {
        let _ = s.set_item(key, &json);
    }
}

pub fn forget(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// A fresh idempotency key from the browser's CSPRNG: made once per submission and reused by
/// every retry of it, so the server files it once.
pub fn new_idempotency_key() -> String {
    window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("gishe-{}-{}", js_sys::Date::now(), js_sys::Math::random()))
}

/// The browser's clock.
pub fn now() -> UtcSeconds {
    UtcSeconds((js_sys::Date::now() / 1000.0) as i64)
}
