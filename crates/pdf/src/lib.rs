//! The PDF engine of ruamjai: Typst embedded as a library.
//!
//! A document is a Typst template (in `templates/`) filled with data given
//! as JSON. The engine carries the product's Thai font, so a fresh machine
//! needs nothing installed, and it steers Typst's Thai line breaks with the
//! product's one word segmenter (see `breaks`). Rendering is CPU-bound and
//! takes tens of milliseconds: callers run it off their async threads and
//! cache what does not change.

mod breaks;
pub mod documents;
mod engine;
mod fonts;
mod world;

pub use breaks::{steer_line_breaks, strip_line_break_hints};
pub use engine::{Document, Engine, PdfError, thai_digits_but_addresses};

use std::sync::OnceLock;

/// The engine of this process, made on first use: fonts are parsed once.
pub fn shared() -> Result<&'static Engine, &'static PdfError> {
    static ENGINE: OnceLock<Result<Engine, PdfError>> = OnceLock::new();
    ENGINE.get_or_init(Engine::new).as_ref()
}
