//! The product's font, compiled into the binary: Laksaman (TLWG), a
//! redrawing of TH Sarabun New, the typeface of Thai official documents.
//! Licence: GPL-2+ with the font exception (embedding it does not make a
//! document GPL); see `fonts/README.md`.

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

use crate::PdfError;

const FILES: [(&str, &[u8]); 2] = [
    ("Laksaman.ttf", include_bytes!("../fonts/Laksaman.ttf")),
    ("Laksaman-Bold.ttf", include_bytes!("../fonts/Laksaman-Bold.ttf")),
];

/// Every face of the product's font, with the book Typst selects from.
pub(crate) fn load() -> Result<(FontBook, Vec<Font>), PdfError> {
    let mut fonts = Vec::new();
    for (name, data) in FILES {
        let before = fonts.len();
        fonts.extend(Font::iter(Bytes::new(data)));
        if fonts.len() == before {
            return Err(PdfError::Font(name));
        }
    }
    let book = FontBook::from_fonts(&fonts);
    Ok((book, fonts))
}

/// `text` with every character the font cannot draw replaced by a near
/// equivalent it can ("→" by "->"), or left out (emoji). Staff type such
/// characters; a PDF/A file may not fall back to another font, and a manual
/// must still print.
pub(crate) fn printable(font: &Font, text: &str) -> String {
    let covers = |c: char| c.is_whitespace() || c.is_control() || font.info().coverage.contains(c as u32);
    if text.chars().all(covers) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if covers(c) {
            out.push(c);
            continue;
        }
        let substitute = match c {
            '→' | '⇒' | '➔' => "->",
            '←' | '⇐' => "<-",
            '↔' => "<->",
            '•' | '●' | '▪' | '◦' => "-",
            '–' | '—' | '−' => "-",
            '“' | '”' | '„' => "\"",
            '‘' | '’' => "'",
            '…' => "...",
            '✓' | '✔' => "/",
            '×' => "x",
            _ => "",
        };
        out.extend(substitute.chars().filter(|s| covers(*s)));
    }
    out
}
