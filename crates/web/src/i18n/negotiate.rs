//! Which language a request gets: the switch's cookie, else the API client's
//! `Accept-Language` when it prefers English, else Thai.

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;

use super::Locale;

pub const LANG_COOKIE: &str = "rj_lang";

pub fn locale_from_headers(headers: &HeaderMap) -> Locale {
    if let Some(locale) = crate::auth::cookie(headers, LANG_COOKIE).and_then(Locale::parse) {
        return locale;
    }
    let prefers_english = headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .is_some_and(|first| first.trim().to_ascii_lowercase().starts_with("en"));
    if prefers_english { Locale::En } else { Locale::Th }
}
