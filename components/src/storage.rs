//! Saving the state on this device (`localStorage`), only when the citizen presses the button,
//! and deleting it again. One entry per advisor: `adviesmodule:<advisor id>` holds the moment
//! of saving (ISO 8601, UTC) and the encoded state (the same text as a shared link), separated
//! by a newline. Nothing is written anywhere else; no cookies.

use advies_engine::catalogue::{self, Key};
use advies_engine::{Lang, format};
use leptos::prelude::*;
use leptos::web_sys::{Storage, js_sys};

/// The key of an advisor's entry.
pub fn key(advisor_id: &str) -> String {
    format!("adviesmodule:{advisor_id}")
}

/// Why the device storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// The browser does not allow storage here (private mode, settings, a sandboxed frame).
    Unavailable,
    /// The browser refused to write (full).
    WriteFailed,
}

impl StorageError {
    /// A message for the citizen.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            StorageError::Unavailable => Key::StorageUnavailable.get(lang),
            StorageError::WriteFailed => Key::StorageWriteFailed.get(lang),
        }
    }
}

fn storage() -> Result<Storage, StorageError> {
    window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or(StorageError::Unavailable)
}

/// What was saved: when, and the encoded state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// ISO 8601 moment of saving (UTC).
    pub at: String,
    /// The encoded state.
    pub text: String,
}

/// The text stored under `key`, if any.
pub fn read_item(key: &str) -> Result<Option<String>, StorageError> {
    storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Stores `value` under `key`.
pub fn write_item(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?
        .set_item(key, value)
        .map_err(|_| StorageError::WriteFailed)
}

/// Reads the saved entry, if any. Does not write.
pub fn load(advisor_id: &str) -> Result<Option<Saved>, StorageError> {
    let raw = read_item(&key(advisor_id))?;
    Ok(raw.map(|raw| match raw.split_once('\n') {
        Some((at, text)) => Saved {
            at: at.to_string(),
            text: text.to_string(),
        },
        None => Saved {
            at: String::new(),
            text: raw,
        },
    }))
}

/// Saves `text` now; returns what was saved.
pub fn save(advisor_id: &str, text: &str) -> Result<Saved, StorageError> {
    let at: String = js_sys::Date::new_0().to_iso_string().into();
    write_item(&key(advisor_id), &format!("{at}\n{text}"))?;
    Ok(Saved {
        at,
        text: text.to_string(),
    })
}

/// Deletes the entry.
pub fn delete(advisor_id: &str) -> Result<(), StorageError> {
    storage()?
        .remove_item(&key(advisor_id))
        .map_err(|_| StorageError::Unavailable)
}

/// A moment (ISO 8601) in the citizen's local time: "26 november 2026 om 23:58". The date
/// alone when `with_time` is false. Empty when `iso` is not a date.
pub fn local_moment(iso: &str, with_time: bool, lang: Lang) -> String {
    let d = js_sys::Date::new(&leptos::wasm_bindgen::JsValue::from_str(iso));
    local_date_text(&d, with_time, lang)
}

/// Today in the citizen's local time, as [`local_moment`] writes it.
pub fn now_text(with_time: bool, lang: Lang) -> String {
    local_date_text(&js_sys::Date::new_0(), with_time, lang)
}

fn local_date_text(d: &js_sys::Date, with_time: bool, lang: Lang) -> String {
    if d.get_time().is_nan() {
        return String::new();
    }
    let day = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    let date = format::date(&day, lang);
    if !with_time {
        return date;
    }
    let time = format!("{:02}:{:02}", d.get_hours(), d.get_minutes());
    catalogue::device_moment(lang, &date, &time)
}
