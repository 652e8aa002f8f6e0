//! The engine end to end: a Thai document typeset, then read back with
//! poppler's `pdftotext` and `pdffonts`, as an evaluator's tools would.

mod support;

use support::{on_file, text_of};

use ruamjai_pdf::{Document, Engine, PdfError, strip_line_break_hints};

const TEMPLATE: &str = r#"
#import "/ruamjai.typ": *
#let data = json("/data.json")
#show: document-page.with(title: data.title, header: data.title)
= #data.title
#for p in data.paragraphs [#p #parbreak()]
#block(width: 3cm)[#data.narrow]
#pagebreak()
== #data.second
หน้าที่ #num(2) #data.count
"#;

fn render(data: serde_json::Value, thai_numerals: bool) -> Result<Vec<u8>, PdfError> {
    let engine = Engine::new().expect("the bundled fonts load");
    let date = time::macros::date!(2026 - 11 - 25);
    engine.render(Document { template: TEMPLATE, data, assets: vec![], date, thai_numerals })
}

fn sample() -> serde_json::Value {
    serde_json::json!({
        "title": "คู่มือสำหรับประชาชน",
        "paragraphs": ["ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร แจ้งผลการพิจารณาภายใน 7 วันทำการ"],
        "narrow": "อิเล็กทรอนิกส์ ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร",
        "second": "ขั้นตอนการให้บริการ",
        "count": "15 นาที",
    })
}

#[test]
fn thai_text_reads_back_in_order_with_nothing_invisible_in_it() {
    let pdf = render(sample(), false).expect("the document renders");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = text_of(&pdf);
    assert_eq!(strip_line_break_hints(&text), text, "no joiners in the text layer");
    let flat: String = text.split_whitespace().collect();
    let first = flat.find("คู่มือสำหรับประชาชน").expect("the title is there");
    let body = flat.find("แจ้งผลการพิจารณาภายใน7วันทำการ").expect("the body is there");
    let second = flat.find("ขั้นตอนการให้บริการ").expect("the second heading is there");
    assert!(first < body && body < second, "in reading order: {text}");
}

#[test]
fn narrow_columns_break_between_words_not_inside_them() {
    let text = text_of(&render(sample(), false).expect("renders"));
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    assert!(lines.iter().any(|l| l.contains("อิเล็กทรอนิกส์")), "a word stays whole: {lines:?}");
    assert!(lines.contains(&"เทคโนโลยี"), "a compound breaks between its words: {lines:?}");
    for broken in ["อิเล็ก", "เทคโนโล", "ศูนย์เทค"] {
        assert!(!lines.iter().any(|l| l.ends_with(broken)), "no line ends in {broken}: {lines:?}");
    }
}

#[test]
fn the_font_is_embedded() {
    let pdf = render(sample(), false).expect("renders");
    let fonts = on_file("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "fonts listed: {fonts}");
    for row in rows {
        assert!(row.contains("Laksaman"), "only the product's font: {row}");
        let columns: Vec<&str> = row.split_whitespace().collect();
        assert_eq!(columns[columns.len() - 5], "yes", "embedded: {row}");
    }
}

#[test]
fn page_numbers_and_numbers_can_be_thai_digits() {
    let arabic = text_of(&render(sample(), false).expect("renders"));
    assert!(arabic.contains("หน้า 2 / 2"), "{arabic}");
    let thai = text_of(&render(sample(), true).expect("renders"));
    assert!(thai.contains("หน้า ๒ / ๒"), "{thai}");
    assert!(thai.contains("หน้าที่ ๒ ๑๕ นาที"), "{thai}");
}

#[test]
fn a_missing_font_is_an_error_not_a_blank_document() {
    let engine = Engine::new().expect("fonts load");
    let date = time::macros::date!(2026 - 11 - 25);
    let template = "#set text(font: \"TH Sarabun Nowhere\")\nสวัสดี";
    let outcome = engine.render(Document {
        template,
        data: serde_json::json!({}),
        assets: vec![],
        date,
        thai_numerals: false,
    });
    let Err(PdfError::Typeset(message)) = outcome else { panic!("refused: {outcome:?}") };
    assert!(message.contains("font"), "{message}");
}

#[test]
fn a_template_error_says_what_went_wrong() {
    let engine = Engine::new().expect("fonts load");
    let date = time::macros::date!(2026 - 11 - 25);
    let template = "#let data = json(\"/data.json\")\n#data.missing";
    let outcome = engine.render(Document {
        template,
        data: serde_json::json!({}),
        assets: vec![],
        date,
        thai_numerals: false,
    });
    let Err(PdfError::Typeset(message)) = outcome else { panic!("refused: {outcome:?}") };
    assert!(message.contains("missing"), "{message}");
}

#[test]
fn characters_the_font_lacks_are_replaced_or_left_out_rather_than_failing_the_document() {
    let mut data = sample();
    data["paragraphs"] = serde_json::json!(["ยื่นคำขอ → ตรวจสอบ ✓ “ครบถ้วน” 😀 จบ"]);
    let pdf = render(data, false).expect("a document with arrows and emoji still prints");
    let flat: String = text_of(&pdf).split_whitespace().collect();
    assert!(flat.contains("ยื่นคำขอ->ตรวจสอบ"), "{flat}");
    assert!(flat.contains("ครบถ้วน") && flat.contains("จบ"), "{flat}");
}
