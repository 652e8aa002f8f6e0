//! Hand-checked comparisons: what a reader of both revisions would mark.

use super::*;
use crate::manual::{Target, Unit};
use crate::work_manual::StepKind;

fn change(op: Op, text: &str) -> TextChange {
    TextChange { op, text: text.to_owned() }
}

#[test]
fn thai_text_is_compared_word_by_word() {
    // "submit the request within 3 days" → "submit the request within 5 working days"
    let changes = text_changes("ยื่นคำขอภายใน 3 วัน", "ยื่นคำขอภายใน 5 วันทำการ");
    assert_eq!(
        changes,
        [
            change(Op::Equal, "ยื่นคำขอภายใน "),
            change(Op::Delete, "3"),
            change(Op::Insert, "5"),
            change(Op::Equal, " "),
            change(Op::Delete, "วัน"),
            change(Op::Insert, "วันทำการ"),
        ],
        "วันทำการ (working day) is one word, not วัน (day) with something added"
    );
}

#[test]
fn a_word_changed_inside_a_spaceless_sentence_is_marked_alone() {
    // "the officer checks the documents" → "the division chief checks the documents"
    let changes = text_changes("เจ้าหน้าที่ตรวจสอบเอกสาร", "หัวหน้าส่วนตรวจสอบเอกสาร");
    assert_eq!(
        changes,
        [change(Op::Delete, "เจ้าหน้าที่"), change(Op::Insert, "หัวหน้าส่วน"), change(Op::Equal, "ตรวจสอบเอกสาร")]
    );
}

#[test]
fn the_newer_text_is_the_runs_without_the_deletions() {
    let (old, new) = ("รับเรื่องร้องเรียนทางโทรศัพท์และอีเมล", "รับเรื่องร้องเรียนทางไลน์ โทรศัพท์ และอีเมล");
    let changes = text_changes(old, new);
    let rebuilt: String = changes.iter().filter(|c| c.op != Op::Delete).map(|c| c.text.as_str()).collect();
    let original: String = changes.iter().filter(|c| c.op != Op::Insert).map(|c| c.text.as_str()).collect();
    assert_eq!((rebuilt.as_str(), original.as_str()), (new, old));
    assert!(text_changes(old, old).iter().all(|c| c.op == Op::Equal));
}

fn step(title: &str, days: u32) -> WorkStep {
    WorkStep {
        title: title.into(),
        detail: String::new(),
        kind: StepKind::Process,
        responsible: "เจ้าหน้าที่".into(),
        duration: Duration { value: days, unit: Unit::WorkingDays },
        standard: String::new(),
        forms: String::new(),
        next: Flow::Task { then: Target::End },
    }
}

fn chained(mut steps: Vec<WorkStep>) -> Vec<WorkStep> {
    let count = steps.len() as u32;
    for (i, s) in steps.iter_mut().enumerate() {
        let n = i as u32 + 2;
        s.next = Flow::Task { then: if n <= count { Target::Step(n) } else { Target::End } };
    }
    steps
}

#[test]
fn steps_are_matched_by_title_and_their_changed_fields_listed() {
    let old = WorkManualContent {
        steps: chained(vec![step("รับคำขอ", 1), step("ตรวจสอบ", 2), step("ติดตั้ง", 2), step("แจ้งผล", 1)]),
        ..WorkManualContent::default()
    };
    let mut new_steps = vec![step("รับคำขอ", 1), step("ลงทะเบียน", 1), step("ตรวจสอบ", 3), step("ติดตั้ง", 2)];
    new_steps[3].responsible = "ช่างเทคนิค".into();
    let new = WorkManualContent { steps: chained(new_steps), ..WorkManualContent::default() };
    let steps = compare(&old, &new).steps;
    let summary: Vec<(u32, StepChangeKind, &str, Vec<&str>)> = steps
        .iter()
        .map(|s| (s.number, s.change, s.title.as_str(), s.fields.iter().map(|f| f.field).collect()))
        .collect();
    assert_eq!(
        summary,
        [
            (2, StepChangeKind::Added, "ลงทะเบียน", vec![]),
            (3, StepChangeKind::Changed, "ตรวจสอบ", vec!["duration"]),
            (4, StepChangeKind::Changed, "ติดตั้ง", vec!["responsible", "next"]),
            (4, StepChangeKind::Removed, "แจ้งผล", vec![]),
        ],
        "renumbering alone is no change; leading to the end instead of แจ้งผล is"
    );
    let duration = &steps[1].fields[0];
    assert_eq!(duration.from, Value::Duration(Duration { value: 2, unit: Unit::WorkingDays }));
    assert_eq!(duration.to, Value::Duration(Duration { value: 3, unit: Unit::WorkingDays }));
}

#[test]
fn identical_revisions_compare_as_no_change() {
    let content = WorkManualContent {
        objective: "เพื่อให้บริการเป็นมาตรฐานเดียวกัน".into(),
        steps: chained(vec![step("รับคำขอ", 1)]),
        ..WorkManualContent::default()
    };
    assert!(compare(&content, &content.clone()).is_empty());
    let mut changed = content.clone();
    changed.objective = "เพื่อให้บริการรวดเร็วและเป็นมาตรฐานเดียวกัน".into();
    let comparison = compare(&content, &changed);
    assert!(!comparison.is_empty());
    assert_eq!(comparison.sections[0].name, Section::Objective);
    assert!(comparison.sections[0].changes.contains(&change(Op::Insert, "รวดเร็วและ")), "{comparison:?}");
}
