//! The product's documents typeset from their data.

mod support;

use ruamjai_pdf::Engine;
use ruamjai_pdf::documents::poster::Poster;
use ruamjai_pdf::documents::report::{Bar, Chart, Report, Row, Table, Width};
use support::text_of;

const DATE: time::Date = time::macros::date!(2026 - 11 - 25);

/// The words of the text layer, without line breaks in the way.
fn flat(pdf: &[u8]) -> String {
    text_of(pdf).split_whitespace().collect()
}

fn in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let at = text[from..].find(part).unwrap_or_else(|| panic!("{part} after byte {from} in {text}"));
        from += at + part.len();
    }
}

#[test]
fn a_poster_carries_its_call_title_and_address_which_keeps_its_digits() {
    let poster = Poster {
        organization: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร".into(),
        heading: "ร่วมตอบแบบสำรวจความพึงพอใจ".into(),
        heading_en: "Tell us how we served you".into(),
        title: "สำรวจความพึงพอใจ ปีงบประมาณ 2570".into(),
        lines: vec!["เปิดรับถึง 30 กันยายน 2570".into()],
        instruction: "สแกนคิวอาร์โค้ดด้วยกล้องโทรศัพท์".into(),
        url: "https://ruamjai.example/surveys/7".into(),
        qr_alt: "คิวอาร์โค้ด".into(),
        footer: vec!["ไม่เก็บข้อมูลที่ระบุตัวท่าน".into()],
    };
    let qr =
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>"#;
    let pdf = poster.render(&Engine::new().unwrap(), qr.into(), DATE, true).unwrap();
    in_order(
        &flat(&pdf),
        &["ร่วมตอบแบบสำรวจความพึงพอใจ", "Tellus", "ปีงบประมาณ๒๕๗๐", "สแกน", "https://ruamjai.example/surveys/7"],
    );
}

fn report() -> Report {
    Report {
        organization: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร".into(),
        title: "รายงานผลการสำรวจความพึงพอใจ".into(),
        subtitle: "ปีงบประมาณ 2570".into(),
        facts: vec![("จำนวนผู้ตอบ".into(), "1,250".into())],
        chart: Some(Chart {
            heading: "สัดส่วนความพึงพอใจรายด้าน".into(),
            legend: ["ไม่พึงพอใจ".into(), "ปานกลาง".into(), "พึงพอใจ".into()],
            bars: vec![Bar {
                label: "ด้านกระบวนการ".into(), shares: [12.5, 20.0, 67.5]
            }],
        }),
        tables: vec![
            Table {
                heading: "รายด้าน".into(),
                columns: vec!["ด้าน".into(), "ค่าเฉลี่ย".into()],
                widths: vec![Width::Share(1.0), Width::Cm(2.0)],
                rows: vec![
                    Row {
                        cells: vec!["ด้านกระบวนการ".into(), "4.21".into()], strong: false
                    },
                    Row { cells: vec!["ภาพรวม".into(), "4.10".into()], strong: true },
                ],
                empty: String::new(),
                note: "ไม่นับคำตอบไม่เกี่ยวข้อง".into(),
            },
            Table {
                heading: "แผนปรับปรุง".into(), empty: "ยังไม่มีแผนปรับปรุง".into(), ..Table::default()
            },
        ],
        notes: vec!["ส่วนเบี่ยงเบนมาตรฐานแบบตัวอย่าง".into()],
        issued: "ออกรายงานเมื่อ 25 พฤศจิกายน 2569".into(),
    }
}

#[test]
fn a_report_reads_in_order_with_its_chart_tables_and_notes() {
    let pdf = report().render(&Engine::new().unwrap(), DATE, false).unwrap();
    in_order(
        &flat(&pdf),
        &[
            "รายงานผลการสำรวจความพึงพอใจ",
            "จำนวนผู้ตอบ1,250",
            "สัดส่วนความพึงพอใจรายด้าน",
            "ด้านกระบวนการ",
            "67.5",
            "รายด้าน",
            "ด้านกระบวนการ4.21",
            "ภาพรวม4.10",
            "ไม่นับคำตอบไม่เกี่ยวข้อง",
            "แผนปรับปรุง",
            "ยังไม่มีแผนปรับปรุง",
            "ส่วนเบี่ยงเบนมาตรฐานแบบตัวอย่าง",
            "ออกรายงานเมื่อ",
        ],
    );
}

#[test]
fn a_report_in_thai_digits_has_no_arabic_digit_left() {
    let pdf = report().render(&Engine::new().unwrap(), DATE, true).unwrap();
    let text = flat(&pdf);
    assert!(text.contains("๑,๒๕๐") && text.contains("๖๗.๕") && text.contains("๔.๒๑"), "{text}");
    assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
}
