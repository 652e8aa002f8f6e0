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

mod work_manual {
    use ruamjai_pdf::documents::work_manual::{
        Approval, Cover, FlowRow, Pairs, Section, Signer, Symbol, WorkManual, Workflow,
    };

    use super::*;

    fn row(number: usize, symbol: Symbol, label: &str, detail: &str, arrow_down: bool) -> FlowRow {
        FlowRow {
            number: number.to_string(),
            symbol,
            label: label.into(),
            branches: String::new(),
            arrow_down,
            detail: detail.into(),
            duration: "30 นาที".into(),
            responsible: "เจ้าหน้าที่ศูนย์ปฏิบัติการเครือข่าย".into(),
            standard: "ตรวจสอบให้ครบถ้วนภายในวันทำการเดียวกัน".into(),
            forms: "แบบคำขอใช้บริการ (ทส.01)".into(),
        }
    }

    /// A manual of `steps` workflow rows, so long ones run over several pages.
    pub(super) fn sample(steps: usize, obsolete: bool) -> WorkManual {
        let mut rows: Vec<FlowRow> = (1..=steps)
            .map(|n| {
                let (symbol, label) = match n {
                    1 => (Symbol::Terminator, "เริ่มต้น".to_owned()),
                    n if n == steps => (Symbol::Terminator, "สิ้นสุด".to_owned()),
                    n if n % 5 == 0 => (Symbol::Decision, "เอกสารครบถ้วนหรือไม่".to_owned()),
                    n if n % 7 == 0 => (Symbol::Document, "บันทึกข้อความเสนอผู้บังคับบัญชา".to_owned()),
                    n => (Symbol::Process, format!("ขั้นตอนที่ {n} ตรวจสอบสถานะการเชื่อมต่อเครือข่าย")),
                };
                row(
                    n,
                    symbol,
                    &label,
                    "รับแจ้งเหตุขัดข้องทางโทรศัพท์หรือระบบแจ้งเหตุ บันทึกรายละเอียดลงทะเบียนคุมงาน และตรวจสอบเบื้องต้นจากระบบเฝ้าระวังเครือข่าย",
                    n < steps,
                )
            })
            .collect();
        if steps >= 5 {
            rows[4].branches = "ใช่ ไปขั้นที่ 6 · ไม่ใช่ ไปขั้นที่ 3".into();
        }
        let pairs = |a: &str, b: &str, rows: &[(&str, &str)]| Pairs {
            columns: [a.into(), b.into()],
            rows: rows.iter().map(|(x, y)| ((*x).into(), (*y).into())).collect(),
        };
        let text = |heading: &str, body: &str| Section {
            heading: heading.into(),
            paragraphs: vec![body.into()],
            pairs: None,
        };
        WorkManual {
            cover: Cover {
                organization: "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย".into(),
                division: "ส่วนบริหารจัดการเครือข่าย".into(),
                kicker: "คู่มือการปฏิบัติงาน".into(),
                title: "การแก้ไขปัญหาระบบเครือข่ายสื่อสารข้อมูลเชื่อมโยงหน่วยงานในสังกัด".into(),
                subtitle: "Network incident handling".into(),
                facts: vec![
                    ("รหัสเอกสาร".into(), "WM-NET-NETWORK-01".into()),
                    ("แก้ไขครั้งที่".into(), "2".into()),
                    ("วันที่มีผลบังคับใช้".into(), "1 ธันวาคม 2569".into()),
                ],
            },
            header: "WM-NET-NETWORK-01 · แก้ไขครั้งที่ 2".into(),
            footer: "SHA-256 ของเนื้อหา: 3f9a0c1d2e".into(),
            watermark: obsolete.then(|| "ยกเลิกแล้ว".into()),
            approval: Approval {
                heading: "การอนุมัติเอกสาร".into(),
                signers: vec![
                    Signer {
                        duty: "ผู้จัดทำ".into(),
                        name: "นายสมชาย ใจดี".into(),
                        position: "นักวิชาการคอมพิวเตอร์ชำนาญการ".into(),
                        date: "10 พฤศจิกายน 2569".into(),
                    },
                    Signer {
                        duty: "ผู้ทบทวน".into(),
                        name: "นางสาวสุดา ตั้งใจ".into(),
                        position: "ผู้อำนวยการส่วน".into(),
                        date: "12 พฤศจิกายน 2569".into(),
                    },
                    Signer {
                        duty: "ผู้อนุมัติ".into(),
                        name: String::new(),
                        position: String::new(),
                        date: String::new(),
                    },
                ],
                sign_label: "ลงชื่อ".into(),
                date_label: "วันที่".into(),
            },
            history: Table {
                heading: "ประวัติการแก้ไข".into(),
                columns: vec!["ครั้งที่".into(), "วันที่มีผล".into(), "รายละเอียดการแก้ไข".into()],
                widths: vec![Width::Cm(1.6), Width::Share(0.4), Width::Share(1.0)],
                rows: vec![
                    Row {
                        cells: vec!["0".into(), "1 ตุลาคม 2568".into(), "จัดทำครั้งแรก".into()],
                        strong: false,
                    },
                    Row {
                        cells: vec!["2".into(), "1 ธันวาคม 2569".into(), "ปรับระยะเวลาตรวจสอบ".into()],
                        strong: false,
                    },
                ],
                ..Table::default()
            },
            contents_heading: "สารบัญ".into(),
            sections: vec![
                text("วัตถุประสงค์", "เพื่อให้การแก้ไขปัญหาเครือข่ายเป็นไปในแนวทางเดียวกัน"),
                text("ขอบเขต", "ครอบคลุมตั้งแต่รับแจ้งเหตุจนปิดงาน"),
                Section {
                    heading: "คำจำกัดความ".into(),
                    paragraphs: vec![],
                    pairs: Some(pairs("คำศัพท์", "ความหมาย", &[("NOC", "ศูนย์ปฏิบัติการเครือข่าย")])),
                },
                Section {
                    heading: "หน้าที่ความรับผิดชอบ".into(),
                    paragraphs: vec![],
                    pairs: Some(pairs("ตำแหน่ง", "หน้าที่", &[("ผู้อำนวยการส่วน", "กำกับและอนุมัติ")])),
                },
            ],
            workflow: Workflow {
                heading: "ขั้นตอนการปฏิบัติงาน".into(),
                columns: [
                    "ลำดับ".into(),
                    "ผังกระบวนการ".into(),
                    "รายละเอียดงาน".into(),
                    "ระยะเวลา".into(),
                    "ผู้รับผิดชอบ".into(),
                    "มาตรฐานคุณภาพ / จุดควบคุม".into(),
                    "เอกสารที่เกี่ยวข้อง".into(),
                ],
                rows,
                totals: vec!["ระยะเวลารวม 2 วันทำการ 30 นาที".into()],
                legend: vec![
                    (Symbol::Terminator, "จุดเริ่มต้นและสิ้นสุด".into()),
                    (Symbol::Process, "การปฏิบัติงาน".into()),
                    (Symbol::Decision, "การตัดสินใจ".into()),
                    (Symbol::Document, "เอกสาร".into()),
                ],
            },
            closing: vec![
                text("มาตรฐานงาน", "แก้ไขเหตุขัดข้องให้แล้วเสร็จภายใน 4 ชั่วโมง"),
                text("การติดตามประเมินผล", "รายงานผลทุกเดือน"),
                text("เอกสารอ้างอิง", "ระเบียบกระทรวงมหาดไทย"),
            ],
        }
    }

    fn render(manual: &WorkManual, thai_numerals: bool) -> Vec<u8> {
        let pdf = manual.render(&Engine::new().unwrap(), DATE, thai_numerals).unwrap();
        // RUAMJAI_KEEP_PDF=/tmp/wm.pdf cargo test -p ruamjai-pdf --test documents work_manual
        if let Ok(path) = std::env::var("RUAMJAI_KEEP_PDF") {
            std::fs::write(path, &pdf).unwrap();
        }
        pdf
    }

    #[test]
    fn a_work_manual_reads_cover_approval_history_contents_sections_and_workflow_in_order() {
        let text = flat(&render(&sample(12, false), false));
        in_order(
            &text,
            &[
                "คู่มือการปฏิบัติงาน",
                "การแก้ไขปัญหาระบบเครือข่าย",
                "WM-NET-NETWORK-01",
                "การอนุมัติเอกสาร",
                "ประวัติการแก้ไข",
                "จัดทำครั้งแรก",
                "สารบัญ",
                "1.วัตถุประสงค์",
                "5.ขั้นตอนการปฏิบัติงาน",
                "8.เอกสารอ้างอิง",
                "1.วัตถุประสงค์",
                "เพื่อให้การแก้ไขปัญหาเครือข่าย",
                "ศูนย์ปฏิบัติการเครือข่าย",
                "5.ขั้นตอนการปฏิบัติงาน",
                "ใช่ไปขั้นที่6·ไม่ใช่ไปขั้นที่3",
                "ระยะเวลารวม2วันทำการ30นาที",
                "8.เอกสารอ้างอิง",
                "ระเบียบกระทรวงมหาดไทย",
            ],
        );
        for signed in ["ผู้จัดทำ", "ผู้ทบทวน", "ผู้อนุมัติ", "นายสมชายใจดี", "ผู้อำนวยการส่วน", "ลงชื่อ"]
        {
            assert!(text.contains(signed), "the approval block has {signed}");
        }
        let listed = text.find("5.ขั้นตอนการปฏิบัติงาน").unwrap() + "5.ขั้นตอนการปฏิบัติงาน".len();
        assert!(text[listed..].trim_start_matches('.').starts_with('5'), "the contents give its page");
        assert!(text.contains("หน้า2/8") && text.contains("หน้า8/8"), "page x of y");
        assert_eq!(
            text.matches("WM-NET-NETWORK-01·แก้ไขครั้งที่2").count(),
            7,
            "a running header after the cover"
        );
        assert_eq!(text.matches("SHA-256ของเนื้อหา:3f9a0c1d2e").count(), 8, "the hash at every foot");
        assert!(!text.contains("ยกเลิกแล้ว"), "a revision in force has no watermark");
    }

    /// `pdftotext -layout` keeps the table's columns side by side.
    #[test]
    fn the_workflow_table_reads_back_in_its_columns_with_thai_broken_between_words() {
        let pdf = render(&sample(12, false), false);
        let layout = support::on_file("pdftotext", &["-layout", "-f", "5", "-l", "5", "-"], &pdf);
        let header = layout.lines().find(|l| l.contains("ผังกระบวนการ")).expect("the header row");
        let columns = ["ลำดับ", "ผังกระบวนการ", "รายละเอียดงาน", "ระยะเวลา", "ผู้รับผิดชอบ", "เอกสารที่เกี่ยวข้อง"];
        let at: Vec<usize> =
            columns.iter().map(|c| header.find(c).unwrap_or_else(|| panic!("{c}"))).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "side by side, in order: {header}");
        assert!(layout.contains("มาตรฐานคุณภาพ"), "{layout}");
        // Each line of the page without the gaps pdftotext puts between
        // columns and before some tone marks: every word of the detail is
        // whole on one line, so no line broke inside a word.
        let lines: Vec<String> = layout.lines().map(|l| l.split_whitespace().collect()).collect();
        let detail = "รับแจ้งเหตุขัดข้องทางโทรศัพท์หรือระบบแจ้งเหตุ บันทึกรายละเอียดลงทะเบียนคุมงาน";
        for word in ruamjai_thai::words(detail).into_iter().filter(|w| w.chars().count() >= 4) {
            assert!(lines.iter().any(|l| l.contains(word)), "{word} is broken across lines:\n{layout}");
        }
        assert!(lines.iter().any(|l| l.starts_with("1เริ่มต้น")), "the first row draws the start");
    }

    #[test]
    fn a_superseded_revision_prints_under_its_obsolete_watermark() {
        let pdf = render(&sample(6, true), false);
        // Turned text reads back in content order only.
        let raw = support::on_file("pdftotext", &["-raw", "-"], &pdf);
        let pages = raw.matches('\u{c}').count();
        assert_eq!(raw.matches("ยกเลิกแล้ว").count(), pages, "on every page: {raw}");
    }

    /// The Word copy's parts, read back as Word reads them.
    fn docx_part(docx: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a ZIP");
        let mut part = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the DOCX"));
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut part, &mut xml).unwrap();
        xml
    }

    /// The text of the runs, in order, without the markup.
    fn runs(xml: &str) -> String {
        xml.split("<w:t")
            .skip(1)
            .filter_map(|t| t.split_once('>'))
            .map(|(_, rest)| rest.split("</w:t>").next().unwrap_or(""))
            .collect()
    }

    #[test]
    fn the_word_copy_has_the_same_cover_sections_and_workflow_columns_with_page_numbers() {
        let docx = sample(12, false).docx(&|t| t.to_owned()).unwrap();
        // RUAMJAI_KEEP_DOCX=/tmp/wm.docx cargo test -p ruamjai-pdf --test documents work_manual
        if let Ok(path) = std::env::var("RUAMJAI_KEEP_DOCX") {
            std::fs::write(path, &docx).unwrap();
        }
        let document = docx_part(&docx, "word/document.xml");
        assert!(document.contains("w:tblLayout w:type=\"fixed\""), "Word keeps the workflow's column widths");
        let body = runs(&document);
        in_order(
            &body,
            &[
                "คู่มือการปฏิบัติงาน",
                "การแก้ไขปัญหาระบบเครือข่ายสื่อสารข้อมูลเชื่อมโยงหน่วยงานในสังกัด",
                "รหัสเอกสาร: WM-NET-NETWORK-01",
                "การอนุมัติเอกสาร",
                "( นายสมชาย ใจดี )",
                "ประวัติการแก้ไข",
                "สารบัญ",
                "1. วัตถุประสงค์",
                "5. ขั้นตอนการปฏิบัติงาน",
                "ลำดับ",
                "ผังกระบวนการ",
                "เอกสารที่เกี่ยวข้อง",
                "[จุดเริ่มต้นและสิ้นสุด] เริ่มต้น",
                "[การตัดสินใจ] เอกสารครบถ้วนหรือไม่ (ใช่ ไปขั้นที่ 6 · ไม่ใช่ ไปขั้นที่ 3)",
                "ระยะเวลารวม 2 วันทำการ 30 นาที",
                "8. เอกสารอ้างอิง",
            ],
        );
        let header = (1..=3).map(|n| format!("word/header{n}.xml")).find_map(|name| {
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx[..])).unwrap();
            archive.by_name(&name).is_ok().then(|| docx_part(&docx, &name))
        });
        let header = header.expect("a running header");
        assert!(runs(&header).contains("WM-NET-NETWORK-01 · แก้ไขครั้งที่ 2"), "{header}");
        assert!(header.contains("PAGE") && header.contains("NUMPAGES"), "page x of y: {header}");
        assert!(docx_part(&docx, "word/styles.xml").contains("TH Sarabun New"));
    }

    #[test]
    fn the_word_copy_of_a_superseded_revision_says_so_and_can_use_thai_digits() {
        let docx = sample(6, true).docx(&|t| ruamjai_thai::thai_digits(t)).unwrap();
        let body = runs(&docx_part(&docx, "word/document.xml"));
        assert!(body.contains("ยกเลิกแล้ว"), "{body}");
        assert!(body.contains("๑ ธันวาคม ๒๕๖๙"), "{body}");
    }
}
