//! Which language a request gets. The words themselves, and the `Locale`
//! that picks them, are the `ruamjai-i18n` crate's.

mod negotiate;

pub use negotiate::{LANG_COOKIE, api_locale, page_locale};
pub use ruamjai_i18n::Locale;
#[cfg(test)]
pub(crate) use ruamjai_i18n::{EN_FTL, TH_FTL};

#[cfg(test)]
mod tests;
