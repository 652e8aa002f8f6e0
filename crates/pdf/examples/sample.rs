//! Renders a sample page of Thai text, to look at while changing the house
//! style: `cargo run -p ruamjai-pdf --example sample -- /tmp/sample.pdf`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| "sample.pdf".into());
    let engine = ruamjai_pdf::Engine::new()?;
    let template = r#"
#import "/ruamjai.typ": *
#let data = json("/data.json")
#show: document-page.with(title: data.title, header: data.title)
= #data.title
#for p in data.paragraphs [#p #parbreak()]
#table(columns: (1fr, 4cm), [ขั้นตอน], [ระยะเวลา], ..data.steps.map(s => (s.name, s.time)).flatten())
#block(width: 3.2cm, stroke: 0.5pt, inset: 4pt)[#data.narrow]
"#;
    let data = serde_json::json!({
        "title": "คู่มือสำหรับประชาชน: การขอใช้บริการระบบสารสนเทศ",
        "paragraphs": [
            "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สำนักงานปลัดกระทรวงมหาดไทย ให้บริการระบบสารสนเทศแก่หน่วยงานในสังกัด แจ้งผลการพิจารณาภายใน 7 วันทำการ ผ่านไปรษณีย์อิเล็กทรอนิกส์ หรือ LINE Official Account ของศูนย์ฯ",
            "ผู้ขอรับบริการกรอกคำขอ แล้วยื่นคำขอพร้อมเอกสารประกอบ เจ้าหน้าที่ตรวจสอบความครบถ้วนของเอกสาร หากไม่ครบถ้วนจะแจ้งให้ผู้ขอรับบริการทราบทันที",
        ],
        "steps": [{"name": "ยื่นคำขอและตรวจสอบเอกสาร", "time": "15 นาที"}, {"name": "พิจารณาอนุมัติ", "time": "3 วันทำการ"}],
        "narrow": "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร อิเล็กทรอนิกส์ แจ้งผลการพิจารณา",
    });
    let date = time::Date::from_calendar_date(2026, time::Month::November, 25)?;
    let started = std::time::Instant::now();
    let pdf =
        engine.render(ruamjai_pdf::Document { template, data, assets: vec![], date, thai_numerals: true })?;
    eprintln!("{} bytes in {:?}", pdf.len(), started.elapsed());
    std::fs::write(out, pdf)?;
    Ok(())
}
