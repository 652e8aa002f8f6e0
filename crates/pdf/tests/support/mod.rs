//! Reading a PDF back with poppler's tools, as an evaluator would.
#![allow(dead_code)]

use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .stderr(Stdio::inherit())
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed (Debian package poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} failed");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs a poppler tool on `pdf` saved to a file of its own (pdffonts cannot
/// read standard input; tests run in parallel).
pub fn on_file(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!("ruamjai-pdf-{}-{n}.pdf", std::process::id()));
    std::fs::write(&path, pdf).expect("write the PDF");
    let path_arg = path.to_str().expect("UTF-8 path").to_owned();
    let mut all: Vec<&str> = vec![&path_arg];
    all.extend_from_slice(args);
    let out = poppler(tool, &all);
    std::fs::remove_file(path).ok();
    out
}

pub fn text_of(pdf: &[u8]) -> String {
    on_file("pdftotext", &["-"], pdf)
}

/// The date the sample documents carry.
pub const DATE: time::Date = time::macros::date!(2026 - 11 - 25);

/// The words of the text layer, without line breaks in the way.
pub fn flat(pdf: &[u8]) -> String {
    text_of(pdf).split_whitespace().collect()
}

/// Asserts that `parts` stand in `text` in this order.
pub fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..].find(part).unwrap_or_else(|| panic!("{part} after byte {from} in {text}"));
        from += at + part.len();
    }
}
