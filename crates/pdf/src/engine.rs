//! Rendering a document: its template, the house style, its data and its
//! assets go into a fresh in-memory world; Typst lays it out and writes a
//! tagged PDF/A-2u file with the font embedded.

use std::collections::HashMap;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::breaks::{map_strings, steer_line_breaks};
use crate::fonts;
use crate::world::{DocumentWorld, MAIN, file_id};

/// The house style every template imports as `/ruamjai.typ`.
const HOUSE_STYLE: &str = include_str!("templates/ruamjai.typ");

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
    #[error("document data is not JSON: {0}")]
    Data(#[from] serde_json::Error),
    #[error("typesetting failed: {0}")]
    Typeset(String),
}

/// What the engine keeps between documents: the standard library and the
/// fonts, parsed once.
pub(crate) struct Shared {
    pub(crate) library: LazyHash<Library>,
    pub(crate) book: LazyHash<FontBook>,
    pub(crate) fonts: Vec<Font>,
}

pub struct Engine {
    shared: Shared,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("fonts", &self.shared.fonts.len()).finish()
    }
}

/// One document to render.
#[derive(Debug)]
pub struct Document<'a> {
    /// The Typst source of the document; it reads `/data.json`.
    pub template: &'a str,
    /// The document's data. Every string in it has its Thai line breaks
    /// steered before Typst sees it.
    pub data: serde_json::Value,
    /// Other files the template reads, by absolute path ("/qr.svg").
    pub assets: Vec<(&'a str, Vec<u8>)>,
    /// The date the document is issued on: its metadata and `datetime.today()`.
    pub date: time::Date,
    /// Thai digits (๐–๙) for every number, as some official documents want
    /// (web and e-mail addresses keep theirs).
    pub thai_numerals: bool,
}

impl<'a> Document<'a> {
    /// A template's document with `data` as its `/data.json` and no other files.
    pub fn of(
        template: &'a str,
        data: &impl serde::Serialize,
        date: time::Date,
        thai_numerals: bool,
    ) -> Result<Self, PdfError> {
        Ok(Self { template, data: serde_json::to_value(data)?, assets: vec![], date, thai_numerals })
    }
}

impl Engine {
    pub fn new() -> Result<Self, PdfError> {
        let (book, fonts) = fonts::load()?;
        let shared = Shared { library: LazyHash::new(Library::default()), book: LazyHash::new(book), fonts };
        Ok(Self { shared })
    }

    /// Typesets `document` into PDF bytes.
    pub fn render(&self, document: Document<'_>) -> Result<Vec<u8>, PdfError> {
        let mut data = document.data;
        let face = &self.shared.fonts[0];
        map_strings(&mut data, &|text| fonts::printable(face, text));
        if document.thai_numerals {
            map_strings(&mut data, &thai_digits_but_addresses);
        }
        steer_line_breaks(&mut data);
        let options = serde_json::json!({ "thai-numerals": document.thai_numerals });
        let mut files = HashMap::new();
        files.insert(file_id(MAIN), Bytes::from_string(document.template.to_owned()));
        files.insert(file_id("/ruamjai.typ"), Bytes::new(HOUSE_STYLE.as_bytes()));
        files.insert(file_id("/data.json"), Bytes::new(serde_json::to_vec(&data)?));
        files.insert(file_id("/options.json"), Bytes::new(serde_json::to_vec(&options)?));
        for (path, bytes) in document.assets {
            files.insert(file_id(path), Bytes::new(bytes));
        }
        let today = typst_date(document.date);
        let world = DocumentWorld::new(&self.shared, files, today);
        let warned = typst::compile::<PagedDocument>(&world);
        refuse_font_fallback(&warned.warnings)?;
        let paged = warned.output.map_err(|errors| PdfError::Typeset(describe(&errors)))?;
        let export = PdfOptions {
            ident: Smart::Auto,
            creator: Smart::Custom(Some("ruamjai".into())),
            timestamp: Some(Timestamp::new_utc(today)),
            standards: PdfStandards::new(&[PdfStandard::A_2u])
                .map_err(|e| PdfError::Typeset(e.message().to_string()))?,
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&paged, &export).map_err(|e| PdfError::Typeset(describe(&e)))?;
        // Typst memoizes across compilations in a global cache; keep only
        // what recent documents used so a long-running server stays small.
        typst::comemo::evict(10);
        Ok(pdf)
    }
}

/// `text` in Thai digits, unless it is an address, whose digits are typed.
pub fn thai_digits_but_addresses(text: &str) -> String {
    if is_address(text) { text.to_owned() } else { ruamjai_thai::thai_digits(text) }
}

/// A web or e-mail address: its digits are typed, never Thai.
fn is_address(text: &str) -> bool {
    text.contains("://") || (text.contains('@') && !text.contains(char::is_whitespace))
}

fn typst_date(date: time::Date) -> Datetime {
    Datetime::from_ymd(date.year(), date.month().into(), date.day()).expect("a time::Date is a valid date")
}

/// A document set in a fallback font would print Thai as boxes: refuse it.
fn refuse_font_fallback(warnings: &[SourceDiagnostic]) -> Result<(), PdfError> {
    let font_trouble: Vec<_> = warnings.iter().filter(|w| w.message.contains("font")).cloned().collect();
    if font_trouble.is_empty() { Ok(()) } else { Err(PdfError::Typeset(describe(&font_trouble))) }
}

fn describe(diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| {
            let kind = if d.severity == Severity::Error { "error" } else { "warning" };
            let hints = d.hints.iter().map(|h| format!(" (hint: {})", h.v)).collect::<String>();
            format!("{kind}: {}{hints}", d.message)
        })
        .collect::<Vec<_>>()
        .join("; ")
}
