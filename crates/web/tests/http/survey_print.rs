//! A survey printed: the summary report and the QR poster as real PDFs,
//! read back with poppler's pdftotext, and the QR code as a picture.

use axum::http::StatusCode;

use crate::support::pdf_text;
use crate::survey_exports::respond;
use crate::surveys::{launch, launch_in_mode, officer};

#[tokio::test]
async fn the_summary_report_prints_the_figures_of_the_page() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    for first in [1, 4, 5] {
        respond(&mut app, &id, "process-1", first).await;
    }
    let page = app.get(&format!("/staff/surveys/{id}")).await;
    assert!(
        page.text.contains(&format!("/staff/surveys/{id}/report.pdf?service=")),
        "the page links the PDF"
    );

    let pdf = app.get(&format!("/staff/surveys/{id}/report.pdf?service=&group=provinces")).await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.text);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    let text = pdf_text(&pdf.bytes);
    for expected in [
        "รายงานผลการสำรวจความพึงพอใจและความไม่พึงพอใจของผู้รับบริการ",
        "สำรวจความพึงพอใจปีงบประมาณ2570",
        "จำนวนผู้ตอบ3",
        "สัดส่วนความพึงพอใจรายด้าน",
        "ด้านกระบวนการ/ขั้นตอนการให้บริการ",
        "ความเพียงพอของกลุ่มตัวอย่าง",
        "ยังไม่มีแผนการปรับปรุง",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    // process-1 was answered 1, 4 and 5: dissatisfied 33.3 %, mean 3.33.
    assert!(text.contains("33.3") && text.contains("3.33"), "{text}");

    let thai = app.get(&format!("/staff/surveys/{id}/report.pdf?digits=thai")).await;
    let text = pdf_text(&thai.bytes);
    assert!(text.contains("จำนวนผู้ตอบ๓") && text.contains("๓๓.๓"), "{text}");
}

#[tokio::test]
async fn the_poster_and_the_qr_code_lead_to_the_survey() {
    let mut app = officer().await;
    let id = launch(&mut app).await;
    let poster = app.get(&format!("/staff/surveys/{id}/poster.pdf")).await;
    assert_eq!(poster.status, StatusCode::OK, "{}", poster.text);
    let text = pdf_text(&poster.bytes);
    assert!(text.contains("ร่วมตอบแบบสำรวจความพึงพอใจ"), "{text}");
    assert!(text.contains(&format!("/surveys/{id}")), "the address is printed: {text}");

    let png = app.get(&format!("/staff/surveys/{id}/qr.png")).await;
    assert_eq!(png.headers["content-type"], "image/png");
    assert!(png.bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let svg = app.get(&format!("/staff/surveys/{id}/qr.svg")).await;
    assert!(svg.text.starts_with("<svg"), "{}", svg.text);
}

#[tokio::test]
async fn a_token_survey_has_no_poster() {
    let mut app = officer().await;
    let id = launch_in_mode(&mut app, "token").await;
    let poster = app.get(&format!("/staff/surveys/{id}/poster.pdf")).await;
    assert_eq!(poster.status, StatusCode::CONFLICT);
    assert!(poster.text.contains("ลิงก์ส่วนตัว"), "{}", poster.text);
    let page = app.get(&format!("/staff/surveys/{id}")).await;
    assert!(!page.text.contains("poster.pdf"));
}
