//! Labels of codes in the page's language, from one place: services,
//! stakeholder groups and divisions from the cached catalog (`Names`, the
//! i18n crate's, so that documents composed in `app` name them alike), and
//! kinds, statuses, channels and phases from their message keys
//! (`LabelKey`, read by `Page::label`).

pub use ruamjai_i18n::{LabelKey, Names};
