//! An activity from planning to the door, over HTTP: the officer's form, the
//! public registration with its code and QR code, check-in and walk-ins, the
//! API and the calendar feeds.

use axum::http::{Method, StatusCode};
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::local_input_value;
use serde_json::json;
use time::{Duration, OffsetDateTime};

use crate::support::{PASSWORD, TestApp};

fn at(days: i64) -> String {
    local_input_value(OffsetDateTime::now_utc() + Duration::days(days))
}

async fn officer() -> TestApp {
    let mut app = TestApp::new().await;
    app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    app.login("it@ict.go.th", PASSWORD).await;
    app
}

/// A seminar for provinces and the private sector, open for registration now.
pub(crate) async fn create_seminar(app: &mut TestApp, capacity: &str) -> String {
    let csrf = app.get("/staff/activities").await.csrf();
    let (starts, ends, opens, closes) = (at(7), at(8), at(-1), at(5));
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "สัมมนาความร่วมมือด้าน ICT กับจังหวัดและภาคเอกชน"),
        ("kind", "seminar"),
        ("starts_at", starts.as_str()),
        ("ends_at", ends.as_str()),
        ("venue", "ห้องประชุมชั้น 5 ศาลาว่าการกระทรวงมหาดไทย"),
        ("capacity", capacity),
        ("registration_opens_at", opens.as_str()),
        ("registration_closes_at", closes.as_str()),
        ("division", "information-technology"),
        ("groups", "provinces"),
        ("groups", "private-sector"),
        ("services", "video-conference"),
    ];
    let created = app.post_form("/staff/activities", &fields).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    created.header("location").rsplit('/').next().unwrap().to_owned()
}

async fn register(app: &mut TestApp, id: &str, name: &str, email: &str) -> crate::support::TestResponse {
    let page = format!("/activities/{id}");
    let csrf = app.get(&page).await.csrf();
    let fields = [("csrf", csrf.as_str()), ("name", name), ("group", "provinces"), ("email", email)];
    app.post_form(&page, &fields).await
}

#[tokio::test]
async fn a_citizen_registers_gets_a_code_and_qr_code_and_is_checked_in_at_the_door() {
    let mut app = officer().await;
    let id = create_seminar(&mut app, "50").await;
    let list = app.get("/activities").await;
    assert!(list.text.contains("สัมมนาความร่วมมือด้าน ICT") && list.text.contains("เปิดรับลงทะเบียน"));

    let done = register(&mut app, &id, "สมชาย ใจดี", "somchai@example.com").await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text);
    let link = done.header("location").to_owned();
    let ticket = app.get(&link).await;
    assert_eq!(ticket.header("cache-control"), "no-store");
    assert!(ticket.text.contains("ได้ที่นั่งแล้ว") && ticket.text.contains("<svg"), "{}", ticket.text);
    let code = ticket.text.split("id=\"registration-code\">").nth(1).unwrap()[..9].to_owned();
    let mail = app.state.store.outbox(1).await.unwrap().remove(0);
    assert_eq!(mail.recipient, "somchai@example.com");
    let token = link.split("t=").nth(1).unwrap().split('&').next().unwrap();
    assert!(mail.body.as_deref().unwrap().contains(&format!("/registration?t={token}")));
    assert!(mail.subject.contains(&code));

    let twice = register(&mut app, &id, "สมชาย อีกครั้ง", "SomChai@example.com").await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.text.contains("ลงทะเบียนกิจกรรมนี้ไว้แล้ว"), "{}", twice.text);

    let door = format!("/staff/activities/{id}/check-in");
    let page = app.get(&door).await;
    assert_eq!(page.header("permissions-policy"), "camera=(self)");
    let csrf = page.csrf();
    let ok = app.post_form(&door, &[("csrf", &csrf), ("code", &code.to_lowercase())]).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert!(ok.text.contains("ลงชื่อแล้ว") && ok.text.contains("สมชาย ใจดี"));
    let again = app.post_form(&door, &[("csrf", &csrf), ("code", &code)]).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.text.contains("ลงชื่อเข้าร่วมไปแล้ว"));
    let unknown = app.post_form(&door, &[("csrf", &csrf), ("code", "AAAA-AAAA")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.text.contains("ไม่พบการลงทะเบียน"));

    let walk_in = format!("/staff/activities/{id}/walk-in");
    let fields =
        [("csrf", csrf.as_str()), ("name", "สมหญิง"), ("group", "private-sector"), ("phone", "0812345678")];
    let walked = app.post_form(&walk_in, &fields).await;
    assert!(walked.text.contains("ลงทะเบียนหน้างานและลงชื่อแล้ว"), "{}", walked.text);
    let counts = app.state.store.activity_counts(id.parse().unwrap()).await.unwrap();
    assert_eq!((counts.registered, counts.walk_ins, counts.attended), (1, 1, 2));

    let cancel = app.post_form("/registration/cancel", &[("csrf", &csrf), ("t", token)]).await;
    assert_eq!(cancel.status, StatusCode::SEE_OTHER);
    assert!(app.get(&link).await.text.contains("ยกเลิกแล้ว"));
}

#[tokio::test]
async fn the_officer_form_names_every_wrong_field_and_keeps_what_was_typed() {
    let mut app = officer().await;
    let csrf = app.get("/staff/activities").await.csrf();
    let (starts, ends) = (at(7), at(6));
    let fields = [
        ("csrf", csrf.as_str()),
        ("title", "ประชุมผู้ใช้บริการ"),
        ("kind", "party"),
        ("starts_at", starts.as_str()),
        ("ends_at", ends.as_str()),
        ("venue", "ห้อง 1"),
        ("capacity", "ห้าสิบ"),
        ("registration_opens_at", "พรุ่งนี้"),
        ("registration_closes_at", ""),
    ];
    let refused = app.post_form("/staff/activities", &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in ["ไม่มีตัวเลือกนี้", "ตัวเลขจำนวนเต็ม", "วันที่ไม่ถูกต้อง", "ประชุมผู้ใช้บริการ"]
    {
        assert!(refused.text.contains(message), "{message}: {}", refused.text);
    }
    assert!(
        app.state
            .store
            .activities(ruamjai_store::engagement::ActivityFilter::Upcoming(OffsetDateTime::now_utc()))
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_api_creates_registers_waitlists_counts_and_checks_in() {
    let mut app = TestApp::new().await;
    let officer = app.add_user("it@ict.go.th", Role::Officer, Some("information-technology")).await;
    let token = app.token_for(&officer).await;
    let now = OffsetDateTime::now_utc();
    let rfc =
        |d: i64| (now + Duration::days(d)).format(&time::format_description::well_known::Rfc3339).unwrap();
    let body = json!({
        "title": "อบรมการใช้ระบบประชุมทางไกล", "kind": "training",
        "starts_at": rfc(7), "ends_at": rfc(8), "venue": "ออนไลน์", "capacity": 1,
        "group_ids": ["provinces"], "service_ids": ["video-conference"],
        "registration_opens_at": rfc(-1), "registration_closes_at": rfc(5)
    });
    let created = app
        .send(Method::POST, "/api/v1/staff/activities", "application/json", body.to_string(), Some(&token))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let id = created.json()["id"].as_i64().unwrap();
    assert!(created.json()["public_url"].as_str().unwrap().ends_with(&format!("/activities/{id}")));

    let registrations = format!("/api/v1/activities/{id}/registrations");
    let person = |n: u32| {
        json!({"name": format!("ผู้เข้าอบรม {n}"), "email": format!("p{n}@example.com"), "group_id": "provinces"}).to_string()
    };
    let first = app.send(Method::POST, &registrations, "application/json", person(1), None).await;
    assert_eq!((first.status, first.json()["status"].as_str()), (StatusCode::CREATED, Some("registered")));
    let second = app.send(Method::POST, &registrations, "application/json", person(2), None).await;
    assert_eq!(second.json()["status"], "waitlisted");
    let again = app.send(Method::POST, &registrations, "application/json", person(1), None).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let nobody = app
        .send(
            Method::POST,
            &registrations,
            "application/json",
            json!({"name": "x", "group_id": "provinces"}).to_string(),
            None,
        )
        .await;
    assert_eq!(nobody.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(nobody.json()["errors"][0]["field"], "email");

    let check_ins = format!("/api/v1/staff/activities/{id}/check-ins");
    let code = first.json()["code"].as_str().unwrap().to_owned();
    let checked = app
        .send(Method::POST, &check_ins, "application/json", json!({"code": code}).to_string(), Some(&token))
        .await;
    assert_eq!(checked.status, StatusCode::CREATED, "{}", checked.text);
    let twice = app
        .send(Method::POST, &check_ins, "application/json", json!({"code": code}).to_string(), Some(&token))
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let waitlisted = second.json()["code"].as_str().unwrap().to_owned();
    let refused = app
        .send(
            Method::POST,
            &check_ins,
            "application/json",
            json!({"code": waitlisted}).to_string(),
            Some(&token),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);

    let detail = app
        .send(Method::GET, &format!("/api/v1/staff/activities/{id}"), "application/json", "", Some(&token))
        .await;
    let counts = &detail.json()["counts"];
    assert_eq!(
        (counts["registered"].as_i64(), counts["waitlisted"].as_i64(), counts["attended"].as_i64()),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(counts["by_group"][0]["group_id"], "provinces");
    let listed = app
        .send(
            Method::GET,
            &format!("/api/v1/staff/activities/{id}/registrations"),
            "application/json",
            "",
            Some(&token),
        )
        .await;
    assert_eq!(listed.json().as_array().unwrap().len(), 2);
    let upcoming = app.get("/api/v1/activities").await;
    assert_eq!(upcoming.json()[0]["registration"], "full");
}

#[tokio::test]
async fn calendar_feeds_are_icalendar_for_all_and_for_one() {
    let mut app = officer().await;
    let id = create_seminar(&mut app, "50").await;
    for path in ["/activities.ics".to_owned(), format!("/activities/{id}.ics")] {
        let feed = app.get(&path).await;
        assert_eq!(feed.status, StatusCode::OK);
        assert!(feed.header("content-type").starts_with("text/calendar"));
        let unfolded = feed.text.replace("\r\n ", "");
        assert!(
            unfolded.contains("BEGIN:VEVENT\r\n") && unfolded.contains("SUMMARY:สัมมนาความร่วมมือด้าน ICT"),
            "{unfolded}"
        );
        assert!(unfolded.contains(&format!("UID:activity-{id}@")));
    }
    assert_eq!(app.get("/activities/nope.ics").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_cancelled_activity_takes_no_registrations() {
    let mut app = officer().await;
    let id = create_seminar(&mut app, "50").await;
    let csrf = app.get(&format!("/staff/activities/{id}")).await.csrf();
    let set = app
        .post_form(&format!("/staff/activities/{id}/status"), &[("csrf", &csrf), ("status", "cancelled")])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/activities/{id}")).await;
    assert!(page.text.contains("ไม่เปิดรับ") && !page.text.contains("name=\"email\""));
    let body = json!({"name": "x", "email": "x@example.com", "group_id": "provinces"}).to_string();
    let refused = app
        .send(Method::POST, &format!("/api/v1/activities/{id}/registrations"), "application/json", body, None)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// A 4 × 4 orange PNG.
const PNG: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 4, 8, 2, 0, 0, 0, 38,
    147, 9, 41, 0, 0, 0, 16, 73, 68, 65, 84, 120, 156, 99, 248, 223, 192, 0, 71, 12, 196, 113, 0, 126, 162,
    23, 241, 93, 161, 96, 5, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

#[tokio::test]
async fn after_the_event_minutes_photos_and_follow_ups_are_recorded_and_the_year_report_shows_them() {
    let mut app = officer().await;
    let id = create_seminar(&mut app, "50").await;
    register(&mut app, &id, "สมชาย ใจดี", "somchai@example.com").await;
    let outcomes = format!("/staff/activities/{id}/outcomes");
    let csrf = app.get(&outcomes).await.csrf();
    let set = format!("/staff/activities/{id}/status");
    app.post_form(&set, &[("csrf", &csrf), ("status", "held")]).await;

    let minutes = app
        .post_form(
            &format!("/staff/activities/{id}/minutes"),
            &[("csrf", &csrf), ("minutes", "ที่ประชุมเห็นชอบแนวทาง")],
        )
        .await;
    assert_eq!(minutes.status, StatusCode::SEE_OTHER);
    let photos = format!("/staff/activities/{id}/photos");
    let pdf =
        app.post_multipart(&photos, &[("csrf", &csrf)], &[("photos", "minutes.pdf", b"%PDF-1.4 x")]).await;
    assert_eq!(pdf.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(pdf.text.contains("รับเฉพาะรูปภาพ"));
    let uploaded = app.post_multipart(&photos, &[("csrf", &csrf)], &[("photos", "ภาพหมู่.png", PNG)]).await;
    assert_eq!(uploaded.status, StatusCode::SEE_OTHER, "{}", uploaded.text);
    let page = app.get(&outcomes).await;
    assert!(page.text.contains("ที่ประชุมเห็นชอบแนวทาง"));
    let thumb_path =
        page.text.split("src=\"").find(|s| s.contains("/thumbnail")).unwrap().split('"').next().unwrap();
    let thumb = app.get(thumb_path).await;
    assert_eq!(thumb.header("content-type"), "image/jpeg");

    let follow_ups = format!("/staff/activities/{id}/follow-ups");
    let missing = app.post_form(&follow_ups, &[("csrf", &csrf), ("what", "จัดอบรมรอบสอง")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields = [
        ("csrf", csrf.as_str()),
        ("what", "จัดอบรมรอบสอง"),
        ("owner", "ส่วนยุทธศาสตร์"),
        ("due_on", "2027-02-28"),
    ];
    assert_eq!(app.post_form(&follow_ups, &fields).await.status, StatusCode::SEE_OTHER);

    let year = ruamjai_domain::calendar::FiscalYear::of(OffsetDateTime::now_utc() + Duration::days(7)).be();
    let report = app.get(&format!("/staff/activities/report?year={year}")).await;
    assert!(report.text.contains("การสัมมนา") && report.text.contains("0 / 1"), "{}", report.text);
    let xlsx = app.get(&format!("/staff/activities/report.xlsx?year={year}")).await;
    assert!(xlsx.header("content-type").contains("spreadsheetml") && xlsx.text.starts_with("PK"));
    let sheet = app.get(&format!("/staff/activities/{id}/sign-in-sheet.xlsx")).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(sheet.text.starts_with("PK"));
}

#[tokio::test]
async fn an_officer_of_another_division_cannot_change_an_activity_over_the_api_or_the_form() {
    let mut app = officer().await;
    let id = create_seminar(&mut app, "50").await;
    let infra = app.add_user("infra@ict.go.th", Role::Officer, Some("infrastructure")).await;
    let token = app.token_for(&infra).await;
    let path = format!("/api/v1/staff/activities/{id}");
    let status = json!({"status": "cancelled"}).to_string();
    let refused =
        app.send(Method::PUT, &format!("{path}/status"), "application/json", status, Some(&token)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.text);
    let invite = json!({"group_ids": ["provinces"]}).to_string();
    let refused = app
        .send(Method::POST, &format!("{path}/invitations"), "application/json", invite, Some(&token))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let read = app.send(Method::GET, &path, "application/json", String::new(), Some(&token)).await;
    assert_eq!((read.status, read.json()["status"].as_str()), (StatusCode::OK, Some("planned")));

    app.forget_cookies();
    app.login("infra@ict.go.th", PASSWORD).await;
    let page = app.get(&format!("/staff/activities/{id}")).await;
    assert!(
        !page.text.contains(&format!("/staff/activities/{id}/edit")),
        "no edit link for another division"
    );
    assert_eq!(app.get(&format!("/staff/activities/{id}/edit")).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_sign_in_sheet_names_registrants_for_staff_and_not_for_evaluators() {
    use ruamjai_docs::table::{Format, read};
    let mut app = officer().await;
    let id = create_seminar(&mut app, "10").await;
    register(&mut app, &id, "นางสาวสุดา แก้วมณี", "suda@example.com").await;
    let path = format!("/staff/activities/{id}/sign-in-sheet.xlsx");
    let names = |bytes: &[u8]| read(bytes, Format::Xlsx).unwrap().concat().join("|");
    assert!(names(&app.get(&path).await.bytes).contains("สุดา"), "the door needs the names");

    app.add_user("eval@opdc.go.th", Role::Evaluator, None).await;
    app.forget_cookies();
    app.login("eval@opdc.go.th", PASSWORD).await;
    let sheet = app.get(&path).await;
    assert_eq!(sheet.status, StatusCode::OK);
    assert!(!names(&sheet.bytes).contains("สุดา"), "an evaluator reads how many came, not who");
}
