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
