//! Administrators define the year's indicators on pages: the form reads a
//! definition, saves what changed through the same checks as the API, and
//! keeps what was typed when it refuses.

use axum::http::StatusCode;
use ruamjai_domain::accounts::Role;
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::{Indicator, Kind, indicator4};
use time::OffsetDateTime;

use crate::support::{PASSWORD, TestApp};

fn this_year() -> i32 {
    FiscalYear::of(OffsetDateTime::now_utc()).be()
}

/// The form's fields as the page gives them, with `changes` typed over them.
fn typed<'a>(form: &'a [(String, String)], changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields: Vec<(&str, &str)> = form.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

/// The inputs, selected options and textareas of the first form with `action`.
fn form_fields(html: &str, action: &str) -> Vec<(String, String)> {
    let form = html
        .split(&format!(r#"action="{action}""#))
        .nth(1)
        .expect("the form")
        .split("</form>")
        .next()
        .unwrap();
    let attr = |tag: &str, name: &str| {
        tag.split(&format!(r#" {name}=""#)).nth(1).and_then(|rest| rest.split('"').next()).map(str::to_owned)
    };
    let mut fields = Vec::new();
    for tag in form.split('<').skip(1) {
        let unescape = |s: String| {
            s.replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        };
        if tag.starts_with("input") {
            let Some(name) = attr(tag, "name") else { continue };
            let checkbox = tag.contains(r#"type="checkbox""#);
            if !checkbox || tag.contains(" checked") {
                fields.push((name, unescape(attr(tag, "value").unwrap_or_default())));
            }
        } else if tag.starts_with("textarea") {
            let name = attr(tag, "name").unwrap();
            fields.push((name, unescape(tag.split_once('>').unwrap().1.to_owned())));
        } else if tag.starts_with("select") {
            let name = attr(tag, "name").unwrap();
            let select =
                form.split(&format!(r#"name="{name}""#)).nth(1).unwrap().split("</select>").next().unwrap();
            let chosen =
                select.split("<option").find(|o| o.contains(" selected")).or(select.split("<option").nth(1));
            fields.push((name, chosen.and_then(|o| attr(o, "value")).unwrap_or_default()));
        }
    }
    fields
}

#[tokio::test]
async fn an_administrator_changes_a_threshold_on_the_page_and_the_step_reads_it() {
    let mut app = TestApp::new().await;
    app.add_user("officer@ict.go.th", Role::Officer, Some("infrastructure")).await;
    app.login("officer@ict.go.th", PASSWORD).await;
    let year = this_year();
    let path = format!("/staff/kpi/{year}/indicators/4/definition");
    assert_eq!(app.get(&path).await.status, StatusCode::FORBIDDEN, "the definition is the administrators'");

    app.add_user("admin@ict.go.th", Role::Administrator, None).await;
    app.login("admin@ict.go.th", PASSWORD).await;
    let scorecard = app.get(&format!("/staff/kpi?year={year}")).await;
    assert!(scorecard.text.contains(&path), "the scorecard links each definition");
    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let form = form_fields(&page.text, &path);
    assert!(form.iter().any(|(n, v)| n == "step.1.criterion_th" && !v.is_empty()), "{form:?}");

    let refused =
        app.post_form(&path, &typed(&form, &[("weight", "120"), ("settings.s2_min_groups", "สาม")])).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains(r#"value="สาม""#), "what was typed is kept");
    let errors = refused.text.matches(r#"class="field-error""#).count();
    assert_eq!(errors, 1, "the setting that is not a number is named first; the weight waits for it");
    let refused = app.post_form(&path, &typed(&form, &[("weight", "120")])).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.text.contains("กรุณากรอกตัวเลขตั้งแต่ 0 ถึง 100"),
        "the weight's range is said: {}",
        refused.text
    );

    let saved =
        app.post_form(&path, &typed(&form, &[("settings.s2_min_groups", "5"), ("weight", "30")])).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.text);
    let definition = app.state.app.store().scorecard(FiscalYear::from_be(year)).await.unwrap();
    let four = &definition.indicators[0];
    assert_eq!(four.setting("s2_min_groups").map(|d| d.trimmed()), Some("5".to_owned()));
    assert_eq!(
        four.setting("s1_min_channels").map(|d| d.trimmed()),
        Some("3".to_owned()),
        "left empty: the default"
    );
    assert_eq!(four.weight.trimmed(), "30");
    let steps = |i: &Indicator| match &i.kind {
        Kind::Milestone { steps, .. } => steps.clone(),
        Kind::Range { .. } => Vec::new(),
    };
    assert_eq!(steps(four), steps(&indicator4::definition()), "the criteria and rules as they were");
    let indicator = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    assert!(indicator.text.contains("ต้องมีอย่างน้อย 5 กลุ่ม"), "step 2 reads the new threshold");
    let audit = app.state.app.store().recent_audit(1).await.unwrap();
    assert_eq!(audit[0].action, "define-indicator");
}

#[tokio::test]
async fn an_administrator_adds_a_range_indicator_and_starts_the_next_year_with_the_set() {
    let mut app = TestApp::new().await;
    app.add_user("admin@ict.go.th", Role::Administrator, None).await;
    app.login("admin@ict.go.th", PASSWORD).await;
    let year = this_year();
    let new = app.get(&format!("/staff/kpi/{year}/indicators/new?kind=range")).await;
    assert_eq!(new.status, StatusCode::OK);
    let action = format!("/staff/kpi/{year}/indicators/new");
    let form = form_fields(&new.text, &action);
    let targets = [("targets.1", "60"), ("targets.2", "65"), ("targets.3", "70"), ("targets.4", "75")];
    let mut changes =
        vec![("code", "2.1"), ("name_th", "ร้อยละความพึงพอใจ"), ("name_en", "Satisfaction"), ("weight", "20")];
    changes.extend(targets);
    changes.extend([("targets.5", "70"), ("measured", "satisfied_pct")]);
    let refused = app.post_form(&action, &typed(&form, &changes)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "targets that turn back are refused");
    assert!(refused.text.contains(r#"value="ร้อยละความพึงพอใจ""#));
    assert!(refused.text.contains("ค่าเป้าหมายต้องเพิ่มขึ้น"), "named at the targets");
    let last = changes.iter_mut().find(|(n, _)| *n == "targets.5").unwrap();
    last.1 = "80";
    let created = app.post_form(&action, &typed(&form, &changes)).await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.text);
    assert_eq!(created.header("location"), format!("/staff/kpi/{year}/indicators/2.1"));
    let again = app.post_form(&action, &typed(&form, &changes)).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY, "the code is taken");

    let csrf = app.get(&format!("/staff/kpi?year={year}")).await.csrf();
    let copied = app.post_form(&format!("/staff/kpi/{year}/copy-to-next"), &[("csrf", &csrf)]).await;
    assert_eq!(copied.status, StatusCode::SEE_OTHER);
    let next = app.state.app.store().scorecard(FiscalYear::from_be(year + 1)).await.unwrap();
    let codes: Vec<&str> = next.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(codes, ["4", "2.1"]);
    let twice = app.post_form(&format!("/staff/kpi/{year}/copy-to-next"), &[("csrf", &csrf)]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT, "a year already defined is not overwritten");
}

#[tokio::test]
async fn a_sign_off_and_an_entered_value_keep_their_evidence_files_for_every_reader() {
    let mut app = TestApp::new().await;
    let year = this_year();
    app.add_user("admin@ict.go.th", Role::Administrator, None).await;
    app.login("admin@ict.go.th", PASSWORD).await;
    let new = app.get(&format!("/staff/kpi/{year}/indicators/new?kind=range")).await;
    let action = format!("/staff/kpi/{year}/indicators/new");
    let mut changes = vec![
        ("code", "2.2"),
        ("name_th", "ร้อยละความสำเร็จของโครงการ"),
        ("name_en", "Projects"),
        ("weight", "10"),
    ];
    changes.extend([
        ("targets.1", "60"),
        ("targets.2", "70"),
        ("targets.3", "80"),
        ("targets.4", "90"),
        ("targets.5", "100"),
    ]);
    let form = form_fields(&new.text, &action);
    assert_eq!(app.post_form(&action, &typed(&form, &changes)).await.status, StatusCode::SEE_OTHER);

    app.add_user("officer@ict.go.th", Role::Officer, Some("infrastructure")).await;
    app.login("officer@ict.go.th", PASSWORD).await;
    let page = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    let csrf = page.csrf();
    let sign_off = format!("/staff/kpi/{year}/indicators/4/steps/5/sign-off");
    let fields = [("csrf", csrf.as_str()), ("met", "met"), ("reason", "ตรวจคู่มือครบทุกบริการแล้ว")];
    let memo: &[u8] = b"%PDF-1.4 memo";
    let refused = app.post_multipart(&sign_off, &fields, &[("evidence", "บันทึก.pdf", memo)]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "only the director signs off");

    app.add_user("director@ict.go.th", Role::Director, None).await;
    app.login("director@ict.go.th", PASSWORD).await;
    let csrf = app.get(&format!("/staff/kpi/{year}/indicators/4")).await.csrf();
    let fields = [("csrf", csrf.as_str()), ("met", "met"), ("reason", "ตรวจคู่มือครบทุกบริการแล้ว")];
    let text: &[u8] = b"not a document";
    let refused = app.post_multipart(&sign_off, &fields, &[("evidence", "notes.txt", text)]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text.contains("evidence-5-error"), "the files' field is named at step 5");
    let six: Vec<(&str, &str, &[u8])> = (0..6).map(|_| ("evidence", "บันทึก.pdf", memo)).collect();
    let refused = app.post_multipart(&sign_off, &fields, &six).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "five files at most");
    let signed = app.post_multipart(&sign_off, &fields, &[("evidence", "บันทึก.pdf", memo)]).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.text);

    app.add_user("infra-director@ict.go.th", Role::Collector, Some("infrastructure")).await;
    app.login("infra-director@ict.go.th", PASSWORD).await;
    let indicator = app.get(&format!("/staff/kpi/{year}/indicators/2.2")).await;
    let csrf = indicator.csrf();
    let values = format!("/staff/kpi/{year}/indicators/2.2/values");
    let photo: &[u8] = b"\xFF\xD8\xFF\xE0 photo";
    let bad = app.post_multipart(&values, &[("csrf", &csrf), ("round", "6"), ("value", "เก้าสิบ")], &[]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text.contains("value-value-error") && bad.text.contains(r#"value="เก้าสิบ""#));
    let entered = app
        .post_multipart(
            &values,
            &[("csrf", &csrf), ("round", "6"), ("value", "85"), ("note", "โครงการ 17 จาก 20")],
            &[("evidence", "รูปการประชุม.jpg", photo)],
        )
        .await;
    assert_eq!(entered.status, StatusCode::SEE_OTHER, "{}", entered.text);

    // An evaluator reads both files where the indicator shows them.
    app.add_user("committee@opdc.go.th", Role::Evaluator, None).await;
    app.login("committee@opdc.go.th", PASSWORD).await;
    let four = app.get(&format!("/staff/kpi/{year}/indicators/4")).await;
    let link = four
        .text
        .split(&format!("/staff/kpi/{year}/evidence/"))
        .nth(1)
        .expect("the sign-off's file is linked");
    let id = link.split('"').next().unwrap();
    let file = app.get(&format!("/staff/kpi/{year}/evidence/{id}")).await;
    assert_eq!((file.status, file.bytes.as_slice()), (StatusCode::OK, memo));
    assert_eq!(file.header("cache-control"), "private, no-store");
    let range = app.get(&format!("/staff/kpi/{year}/indicators/2.2")).await;
    assert!(range.text.contains("รูปการประชุม.jpg"), "the value's file is listed");
    assert!(!range.text.contains(r#"name="value""#), "evaluators read values, not enter them");
    assert_eq!(
        app.get(&format!("/staff/kpi/{}/evidence/{id}", year + 1)).await.status,
        StatusCode::NOT_FOUND,
        "another year's"
    );
    let sar = app.get(&format!("/staff/kpi/{year}/sar.pdf?round=12")).await;
    let text = crate::support::pdf_text(&sar.bytes);
    assert!(
        text.contains("บันทึก.pdf") && text.contains("รูปการประชุม.jpg"),
        "the report lists the files: {text}"
    );
    let audit = app.state.app.store().recent_audit(10).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "attach-file" && e.entity == "kpi-value"), "{audit:?}");
    assert!(audit.iter().any(|e| e.action == "attach-file" && e.entity == "kpi-sign-off"));
}
