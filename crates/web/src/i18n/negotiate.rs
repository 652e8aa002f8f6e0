//! Which language a request gets.
//!
//! Web pages are Thai unless the visitor chose English with the switch (a
//! cookie): a civil servant's browser set to English must not turn the
//! product English by itself. API clients may also ask for English with
//! `Accept-Language`, since they have no switch to click.

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;

use super::Locale;

pub const LANG_COOKIE: &str = "rj_lang";

/// The language of an HTML page: the switch's choice, else Thai.
pub fn page_locale(headers: &HeaderMap) -> Locale {
    chosen(headers).unwrap_or_default()
}

/// The language of an API response: the switch's choice, else English when
/// the client's first preference is English, else Thai.
pub fn api_locale(headers: &HeaderMap) -> Locale {
    chosen(headers).unwrap_or_else(|| {
        let prefers_english = headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
            .is_some_and(|first| first.trim().to_ascii_lowercase().starts_with("en"));
        if prefers_english { Locale::En } else { Locale::Th }
    })
}

fn chosen(headers: &HeaderMap) -> Option<Locale> {
    crate::auth::cookie(headers, LANG_COOKIE).and_then(Locale::parse)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.parse().unwrap(), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn pages_are_thai_whatever_the_browser_language() {
        assert_eq!(page_locale(&headers(&[("accept-language", "en-US,en;q=0.9")])), Locale::Th);
        assert_eq!(page_locale(&headers(&[("cookie", "rj_lang=en")])), Locale::En);
    }

    #[test]
    fn api_clients_may_ask_for_english() {
        assert_eq!(api_locale(&headers(&[("accept-language", "en-US,en;q=0.9")])), Locale::En);
        assert_eq!(api_locale(&headers(&[("accept-language", "th-TH,en;q=0.5")])), Locale::Th);
        assert_eq!(api_locale(&headers(&[])), Locale::Th);
    }
}
