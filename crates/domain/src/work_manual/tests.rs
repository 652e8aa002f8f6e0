use serde_json::json;

use super::control::{Change, RevisionNumber};
use super::*;
use crate::manual::{Flow, Target};

fn input(value: serde_json::Value) -> WorkManualInput {
    serde_json::from_value(value).expect("the API's shape")
}

fn complete() -> serde_json::Value {
    json!({
        "objective": "เพื่อให้การติดตั้งระบบเป็นไปตามมาตรฐาน",
        "scope": "ตั้งแต่รับคำขอจนส่งมอบระบบ",
        "definitions": [{"term": "ผู้ขอ", "meaning": "หน่วยงานที่ขอใช้บริการ"}],
        "responsibilities": [{"role": "เจ้าหน้าที่", "duties": "ตรวจสอบคำขอ"}],
        "steps": [
            {"title": "เริ่ม", "kind": "start"},
            {"title": "รับคำขอ", "responsible": "เจ้าหน้าที่", "duration": {"value": 30, "unit": "minutes"}},
            {"title": "เอกสารครบหรือไม่", "kind": "decision", "duration": {"value": 1, "unit": "working_days"}, "yes": 4, "no": 2},
            {"title": "ติดตั้ง", "duration": {"value": "2", "unit": "working_days"}, "standard": "ทดสอบผ่านทุกข้อ"},
            {"title": "จบ", "kind": "end"}
        ],
        "standards": "ติดตั้งเสร็จภายใน 3 วันทำการ",
        "monitoring": "หัวหน้าส่วนตรวจรายเดือน",
        "change_summary": "ฉบับแรก"
    })
}

#[test]
fn a_complete_draft_parses_into_its_sections_and_steps() {
    let draft = input(complete()).parse().unwrap();
    let content = &draft.content;
    assert!(content.missing().is_empty());
    assert_eq!(content.steps.len(), 5);
    assert_eq!(content.steps[0].kind, StepKind::Start);
    assert_eq!(content.steps[0].duration.value, 0, "a terminator given no time takes none");
    assert_eq!(content.steps[1].next, Flow::Task { then: Target::Step(3) }, "on to the following step");
    assert_eq!(content.steps[2].next, Flow::Decision { yes: Target::Step(4), no: Target::Step(2) });
    assert_eq!(content.steps[4].next, Flow::Task { then: Target::End });
    assert_eq!(draft.change, Change::Major);
    assert!(draft.requires_reading, "reading again is asked unless the author says otherwise");
    let total = content.total_duration();
    assert_eq!((total.working_days, total.minutes), (3, 30), "along the usual path");
}

#[test]
fn an_empty_draft_saves_but_misses_each_required_section() {
    let draft = input(json!({})).parse().unwrap();
    let missing: Vec<_> = draft.content.missing().into_iter().map(Section::code).collect();
    assert_eq!(missing, ["objective", "scope", "responsibilities", "steps", "standards", "monitoring"]);
    assert_eq!(draft.content.missing_errors()[0], ("objective".to_owned(), FieldError::Required));
}

#[test]
fn unknown_fields_are_refused_by_name() {
    let error = serde_json::from_value::<WorkManualInput>(json!({"objectives": "typo"})).unwrap_err();
    assert!(error.to_string().contains("objectives"), "{error}");
}

#[test]
fn each_bad_field_is_named_as_the_api_names_it() {
    let mut body = complete();
    body["steps"][1]["duration"] = json!({"value": -5, "unit": "minutes"});
    body["steps"][2]["yes"] = json!(9);
    body["definitions"][0]["term"] = json!("");
    body["scope"] = json!("ก".repeat(input::SECTION_MAX + 1));
    let errors = input(body).parse().unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(fields, ["scope", "definitions.1.term", "steps.2.duration.value", "steps.3.yes"]);
    assert_eq!(errors[0].1, FieldError::TooLong { max: input::SECTION_MAX });
    assert_eq!(errors[3].1, FieldError::OutOfRange { min: 1, max: 5 });
}

#[test]
fn absurd_durations_and_too_many_steps_are_refused() {
    let mut body = complete();
    body["steps"][1]["duration"] = json!({"value": 5000, "unit": "minutes"});
    let errors = input(body).parse().unwrap_err();
    assert_eq!(errors, [("steps.2.duration.value".to_owned(), FieldError::OutOfRange { min: 0, max: 1440 })]);
    let many: Vec<_> = (0..=input::MAX_STEPS)
        .map(|n| json!({"title": format!("ขั้น {n}"), "duration": {"value": 1, "unit": "hours"}}))
        .collect();
    let errors = input(json!({ "steps": many })).parse().unwrap_err();
    assert_eq!(errors, [("steps".to_owned(), FieldError::TooManyRows { max: input::MAX_STEPS })]);
}

#[test]
fn a_cycle_the_work_cannot_leave_is_refused_but_a_loop_back_with_a_way_out_is_not() {
    let step = |title: &str, extra: serde_json::Value| {
        let mut s = json!({"title": title, "duration": {"value": 1, "unit": "hours"}});
        s.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        s
    };
    let trapped = json!({"steps": [
        step("รับ", json!({})),
        step("ตรวจ", json!({"kind": "decision", "yes": 3, "no": 1})),
        step("แก้", json!({"then": 2})),
    ]});
    let errors = input(trapped).parse().unwrap_err();
    assert_eq!(errors, [("steps.2".to_owned(), FieldError::StepLoop)], "the usual path never ends");
    let trapped_aside = json!({"steps": [
        step("รับ", json!({})),
        step("ตรวจ", json!({"kind": "decision", "yes": "end", "no": 3})),
        step("แก้", json!({})),
        step("ตรวจซ้ำ", json!({"then": 3})),
    ]});
    let errors = input(trapped_aside).parse().unwrap_err();
    assert_eq!(errors, [("steps.3".to_owned(), FieldError::StepLoop)], "the no branch never ends");
    let with_exit = json!({"steps": [
        step("รับ", json!({})),
        step("ตรวจ", json!({"kind": "decision", "yes": "end", "no": 1})),
    ]});
    assert!(input(with_exit).parse().is_ok());
}

#[test]
fn a_minor_change_needs_its_reason() {
    let errors = input(json!({"change": "minor"})).parse().unwrap_err();
    assert_eq!(errors, [("change_reason".to_owned(), FieldError::Required)]);
    let draft = input(json!({"change": "minor", "change_reason": "แก้คำผิด"})).parse().unwrap();
    assert_eq!(draft.change, Change::Minor { reason: "แก้คำผิด".into() });
    let errors = input(json!({"change": "huge"})).parse().unwrap_err();
    assert_eq!(errors, [("change".to_owned(), FieldError::UnknownChoice)]);
}

#[test]
fn the_audience_is_roles_within_divisions() {
    assert_eq!(Audience::new(vec![], vec![]), Err(FieldError::Required));
    let officers_of_infra = Audience::new(vec![Role::Officer], vec!["infrastructure".into()]).unwrap();
    assert!(officers_of_infra.includes(Role::Officer, Some("infrastructure")));
    assert!(!officers_of_infra.includes(Role::Officer, Some("strategy")));
    assert!(!officers_of_infra.includes(Role::Collector, Some("infrastructure")));
    let all_of_infra = Audience::new(vec![], vec!["infrastructure".into()]).unwrap();
    assert!(all_of_infra.includes(Role::Collector, Some("infrastructure")));
    assert!(!all_of_infra.includes(Role::Director, None));
}

#[test]
fn document_codes_are_suggested_and_checked() {
    assert_eq!(DocumentCode::suggested("infra", "s01", 2).as_str(), "WM-INFRA-S01-02");
    assert_eq!(DocumentCode::parse(" wm-infra-s01-02 ").unwrap().as_str(), "WM-INFRA-S01-02");
    assert_eq!(DocumentCode::parse("WM/1"), Err(FieldError::InvalidDocumentCode));
    assert_eq!(DocumentCode::parse("คู่มือ"), Err(FieldError::InvalidDocumentCode));
    assert_eq!(DocumentCode::parse(""), Err(FieldError::Required));
}

#[test]
fn the_hash_changes_with_the_content_and_the_revision_and_nothing_else() {
    let content = input(complete()).parse().unwrap().content;
    let code = DocumentCode::parse("WM-INFRA-S01-01").unwrap();
    let first = RevisionNumber::FIRST;
    let hash = content_hash(&code, ("ติดตั้ง", "Installation"), first, &content);
    assert_eq!(hash.len(), 64);
    assert_eq!(hash, content_hash(&code, ("ติดตั้ง", "Installation"), first, &content.clone()), "stable");
    let mut changed = content.clone();
    changed.scope.push('.');
    assert_ne!(hash, content_hash(&code, ("ติดตั้ง", "Installation"), first, &changed));
    let next = RevisionNumber { number: 1, correction: 0 };
    assert_ne!(hash, content_hash(&code, ("ติดตั้ง", "Installation"), next, &content));
}

#[test]
fn forms_are_read_by_row_and_a_manual_without_them_hashes_as_before_they_existed() {
    let mut raw = complete();
    raw["forms"] = json!([
        {"title": "แบบคำขอ (ทส.01)", "url": "/work-manuals/3/forms/7"},
        {"title": "", "url": ""},
        {"title": "", "url": "not an address"}
    ]);
    let errors = input(raw.clone()).parse().unwrap_err();
    // Rows are counted as filled: the blank second row is not one.
    let expected = [("forms.2.url", FieldError::UnknownChoice), ("forms.2.title", FieldError::Required)];
    assert_eq!(errors, expected.map(|(field, error)| (field.to_owned(), error)));
    raw["forms"].as_array_mut().unwrap().pop();
    let content = input(raw).parse().unwrap().content;
    assert_eq!(content.forms.len(), 1, "the blank row is left out");
    assert_eq!(content.section_text(Section::Forms), "แบบคำขอ (ทส.01)");
    let without = WorkManualContent { forms: Vec::new(), ..content };
    let canonical = serde_json::to_value(&without).unwrap();
    assert!(canonical.get("forms").is_none(), "no forms key, so approved revisions keep their hash");
}

#[test]
fn a_procedure_longer_than_the_public_promise_is_flagged() {
    let procedure = input(complete()).parse().unwrap().content.total_duration();
    let promised = |working_days| crate::manual::TotalDuration { working_days, ..Default::default() };
    assert!(promise(procedure, promised(3)).exceeded, "3 days and 30 minutes is more than 3 days");
    assert!(!promise(procedure, promised(4)).exceeded);
    let week = crate::manual::TotalDuration { days: 7, ..Default::default() };
    assert!(!promise(procedure, week).exceeded, "seven days hold five working days");
}

#[test]
fn a_draft_from_the_citizen_manual_keeps_its_steps_times_and_units() {
    use crate::manual::{DurationInput, Loose, ManualInput, StepInput as CitizenStep};
    let citizen = ManualInput {
        steps: vec![
            CitizenStep {
                title: "รับคำขอ".into(),
                duration: DurationInput { value: Loose::Integer(15), unit: "minutes".into() },
                responsible_unit: "ส่วนบริการ".into(),
                ..CitizenStep::default()
            },
            CitizenStep {
                title: "อนุมัติ".into(),
                duration: DurationInput { value: Loose::Integer(1), unit: "working_days".into() },
                ..CitizenStep::default()
            },
        ],
        ..ManualInput::default()
    }
    .parse()
    .unwrap();
    let draft = WorkManualContent::from_citizen_steps(&citizen.steps);
    assert_eq!(draft.steps.len(), 2);
    assert_eq!((draft.steps[0].title.as_str(), draft.steps[0].responsible.as_str()), ("รับคำขอ", "ส่วนบริการ"));
    assert_eq!(draft.steps[0].next, Flow::Task { then: Target::Step(2) });
    assert_eq!(draft.total_duration(), citizen.total_duration(), "the same time as promised");
    assert_eq!(draft.missing().len(), 5, "the rest is for staff to write");
}

#[test]
fn the_staff_form_reads_as_the_api_and_the_content_round_trips_through_it() {
    let pairs: Vec<(String, String)> = [
        ("csrf", "token"),
        ("objective", "เพื่อ"),
        ("steps.1.title", "รับคำขอ"),
        ("steps.1.duration.value", "15"),
        ("steps.1.duration.unit", "minutes"),
        ("steps.2.title", "ครบหรือไม่"),
        ("steps.2.kind", "decision"),
        ("steps.2.duration.value", "1"),
        ("steps.2.duration.unit", "hours"),
        ("steps.2.yes", "end"),
        ("steps.2.no", "1"),
        ("definitions.1.term", "ผู้ขอ"),
        ("definitions.1.meaning", "หน่วยงาน"),
        ("steps.999999999.title", "far rows are ignored"),
        ("change", "major"),
    ]
    .iter()
    .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
    .collect();
    let typed = WorkManualInput::from_fields(&pairs);
    assert!(!typed.requires_reading, "an unticked box sends nothing");
    let content = typed.parse().unwrap().content;
    assert_eq!(content.steps.len(), 2);
    assert_eq!(content.steps[1].next, Flow::Decision { yes: Target::End, no: Target::Step(1) });
    let again = WorkManualInput::from(&content).parse().unwrap().content;
    assert_eq!(again, content, "the form shows what parses back the same");
    let full = input(complete()).parse().unwrap().content;
    assert_eq!(WorkManualInput::from(&full).parse().unwrap().content, full);
}
