//! The product's documents typeset from their data.

mod support;

use ruamjai_pdf::Engine;
use ruamjai_pdf::documents::poster::Poster;
use ruamjai_pdf::documents::report::{Bar, Chart, Report, Row, Table, Width};
use support::{DATE, flat, in_order};

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

mod manual {
    use ruamjai_domain::manual::flowchart::{Metrics, Words, layout};
    use ruamjai_domain::manual::{Duration, Flow, Step, Target, Unit, total_duration};
    use ruamjai_pdf::documents::manual::{Block, Manual};

    use super::*;

    fn step(title: &str, value: u32, unit: Unit, flow: Flow) -> Step {
        Step {
            title: title.into(),
            description: String::new(),
            duration: Duration { value, unit },
            responsible_unit: "ฝ่ายบริการ".into(),
            flow,
        }
    }

    fn steps() -> Vec<Step> {
        vec![
            step("ยื่นคำขอ", 15, Unit::Minutes, Flow::Task { then: Target::Step(2) }),
            step(
                "ตรวจสอบความครบถ้วนของเอกสาร",
                1,
                Unit::WorkingDays,
                Flow::Decision { yes: Target::Step(3), no: Target::Step(4) },
            ),
            step("อนุมัติและแจ้งผลการพิจารณา", 2, Unit::WorkingDays, Flow::Task { then: Target::End }),
            step("แจ้งให้แก้ไขเอกสาร", 30, Unit::Minutes, Flow::Task { then: Target::Step(1) }),
        ]
    }

    fn render(thai_numerals: bool) -> Vec<u8> {
        let steps = steps();
        let words = Words {
            start: "เริ่มต้น",
            end: "สิ้นสุด",
            yes: "ใช่",
            no: "ไม่ใช่",
            duration: &|d| format!("{} หน่วย", d.value),
            total: &|t| format!("รวม {} วันทำการ", t.working_days),
        };
        let chart = layout(&steps, total_duration(&steps).unwrap(), &words, Metrics::STANDARD);
        let text = |heading: &str, paragraphs: &[&str], items: &[&str]| Block::Text {
            heading: heading.into(),
            paragraphs: paragraphs.iter().map(|p| (*p).into()).collect(),
            items: items.iter().map(|i| (*i).into()).collect(),
            numbered: true,
        };
        let manual = Manual {
            organization: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร".into(),
            kicker: "คู่มือสำหรับประชาชน".into(),
            title: "การขอใช้บริการระบบสารสนเทศ".into(),
            facts: vec![("ฉบับที่".into(), "2".into())],
            blocks: vec![
                text("หน่วยงานที่รับผิดชอบ", &["ฝ่ายบริการ"], &[]),
                Block::Steps {
                    heading: "ขั้นตอนและระยะเวลา".into(),
                    total: "รวม 3 วันทำการ 15 นาที".into(),
                    chart,
                    caption: "แผนผังขั้นตอน".into(),
                    table: Table {
                        columns: vec!["ที่".into(), "ขั้นตอน".into(), "ระยะเวลา".into()],
                        widths: vec![Width::Cm(1.0), Width::Share(1.0), Width::Cm(3.0)],
                        rows: steps
                            .iter()
                            .enumerate()
                            .map(|(i, s)| Row {
                                cells: vec![
                                    (i + 1).to_string(),
                                    s.title.clone(),
                                    s.duration.value.to_string(),
                                ],
                                strong: false,
                            })
                            .collect(),
                        ..Table::default()
                    },
                },
                text("เอกสารที่ต้องใช้", &[], &["บัตรประจำตัวเจ้าหน้าที่ของรัฐ"]),
            ],
            source: "https://ruamjai.example/services/S01/manual".into(),
            issued: "ประกาศใช้เมื่อ 10 ตุลาคม 2569".into(),
        };
        let pdf = manual.render(&Engine::new().unwrap(), DATE, thai_numerals).unwrap();
        // To look at the page while changing the template:
        // RUAMJAI_KEEP_PDF=/tmp/manual.pdf cargo test -p ruamjai-pdf --test documents manual
        if let Ok(path) = std::env::var("RUAMJAI_KEEP_PDF") {
            std::fs::write(path, &pdf).unwrap();
        }
        pdf
    }

    #[test]
    fn a_manual_reads_in_order_with_its_flowchart_drawn_in_shaped_text() {
        let text = flat(&render(false));
        in_order(
            &text,
            &[
                "คู่มือสำหรับประชาชน",
                "การขอใช้บริการระบบสารสนเทศ",
                "หน่วยงานที่รับผิดชอบ",
                "ขั้นตอนและระยะเวลา",
                // The steps in a table, then in the chart's boxes, top to
                // bottom, as real text.
                "ยื่นคำขอ",
                "ตรวจสอบความครบถ้วนของเอกสาร",
                "แจ้งให้แก้ไขเอกสาร",
                "เริ่มต้น",
                "1.ยื่นคำขอ",
                "2.ตรวจสอบความครบถ้วน",
                "3.อนุมัติและแจ้งผลการพิจารณา",
                "4.แจ้งให้แก้ไขเอกสาร",
                "สิ้นสุด",
                "รวม3วันทำการ",
                "แผนผังขั้นตอน",
                "เอกสารที่ต้องใช้",
                "บัตรประจำตัวเจ้าหน้าที่ของรัฐ",
                "https://ruamjai.example/services/S01/manual",
                "ประกาศใช้เมื่อ",
            ],
        );
        assert!(text.contains("ใช่") && text.contains("ไม่ใช่"), "the decision's branches are labelled");
    }

    #[test]
    fn a_manual_embeds_only_the_products_font_even_in_its_flowchart() {
        let fonts = support::on_file("pdffonts", &[], &render(false));
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty(), "{fonts}");
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert!(row.contains("Laksaman") && columns[columns.len() - 5] == "yes", "{row}");
        }
    }

    #[test]
    fn a_manual_in_thai_digits_numbers_its_steps_in_thai_but_keeps_its_address() {
        let text = flat(&render(true));
        assert!(text.contains("๒.ตรวจสอบ"), "{text}");
        assert!(text.contains("https://ruamjai.example/services/S01/manual"), "{text}");
    }
}
