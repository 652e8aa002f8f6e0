use super::*;

fn step(title: &str, value: &str, unit: &str) -> StepInput {
    StepInput {
        title: title.to_owned(),
        duration: DurationInput { value: Loose::Text(value.to_owned()), unit: unit.to_owned() },
        ..StepInput::default()
    }
}

fn decision(title: &str, yes: &str, no: &str) -> StepInput {
    StepInput {
        kind: "decision".to_owned(),
        yes: Loose::Text(yes.to_owned()),
        no: Loose::Text(no.to_owned()),
        ..step(title, "10", "minutes")
    }
}

fn complete() -> ManualInput {
    ManualInput {
        responsible_unit: "ส่วนบริการ".to_owned(),
        legal_basis: "ระเบียบกระทรวงมหาดไทย".to_owned(),
        channels: vec![ChannelInput { place: "ชั้น 3".to_owned(), ..ChannelInput::default() }],
        criteria: "เป็นหน่วยงานในสังกัด".to_owned(),
        steps: vec![
            step("รับคำขอ", "15", "minutes"),
            decision("เอกสารครบถ้วนหรือไม่", "3", "4"),
            StepInput {
                then: Loose::Text("end".to_owned()), ..step("ดำเนินการ", "2", "working_days")
            },
            step("แจ้งให้ส่งเอกสารเพิ่ม", "1", "days"),
        ],
        documents: ListInput::Word("none".to_owned()),
        fees: ListInput::Items(vec![FeeInput {
            item: "ค่าถ่ายเอกสาร".to_owned(), baht: Loose::Integer(1)
        }]),
        complaint_channels: "โทร 1567".to_owned(),
        ..ManualInput::default()
    }
}

fn fields(input: &ManualInput) -> Vec<String> {
    input.parse().unwrap_err().into_iter().map(|(field, _)| field).collect()
}

#[test]
fn a_complete_manual_parses_with_defaults_for_the_next_step() {
    let manual = complete().parse().unwrap();
    assert!(manual.missing().is_empty());
    assert_eq!(manual.steps[0].flow, Flow::Task { then: Target::Step(2) });
    assert_eq!(manual.steps[1].flow, Flow::Decision { yes: Target::Step(3), no: Target::Step(4) });
    assert_eq!(manual.steps[3].flow, Flow::Task { then: Target::End });
    assert_eq!(manual.documents, Listing::None);
    assert_eq!(manual.fees.items()[0].baht, 1);
    assert_eq!(manual.total_duration().working_days, 2);
}

#[test]
fn blank_rows_are_skipped_and_numbering_follows_the_filled_ones() {
    let mut input = complete();
    input.steps.insert(1, step(" ", "", ""));
    input.channels.push(ChannelInput::default());
    let manual = input.parse().unwrap();
    assert_eq!(manual.steps.len(), 4);
    assert_eq!(manual.channels.len(), 1);
}

#[test]
fn a_negative_or_absurd_duration_names_its_field() {
    let mut input = complete();
    input.steps[0].duration.value = Loose::Integer(-5);
    input.steps[2].duration = DurationInput { value: Loose::Integer(900), unit: "working_days".to_owned() };
    let errors = input.parse().unwrap_err();
    assert_eq!(
        errors,
        [
            ("steps.1.duration.value".to_owned(), FieldError::OutOfRange { min: 0, max: 1_440 }),
            ("steps.3.duration.value".to_owned(), FieldError::OutOfRange { min: 0, max: 260 }),
        ]
    );
}

#[test]
fn an_unknown_unit_or_a_fraction_is_refused() {
    let mut input = complete();
    input.steps[0].duration.unit = "weeks".to_owned();
    input.steps[2].duration.value = Loose::Real(1.5);
    let errors = input.parse().unwrap_err();
    assert_eq!(errors[0], ("steps.1.duration.unit".to_owned(), FieldError::UnknownChoice));
    assert_eq!(errors[1], ("steps.3.duration.value".to_owned(), FieldError::NotANumber));
}

#[test]
fn a_decision_needs_both_branches() {
    let mut input = complete();
    input.steps[1].no = Loose::default();
    assert_eq!(input.parse().unwrap_err(), [("steps.2.no".to_owned(), FieldError::Required)]);
    input.steps[1].yes = Loose::default();
    assert_eq!(fields(&input), ["steps.2.yes", "steps.2.no"]);
}

#[test]
fn a_branch_must_lead_to_an_existing_other_step() {
    let mut input = complete();
    input.steps[1].no = Loose::Integer(9);
    input.steps[2].then = Loose::Integer(3);
    let errors = input.parse().unwrap_err();
    assert_eq!(errors[0], ("steps.2.no".to_owned(), FieldError::OutOfRange { min: 1, max: 4 }));
    assert_eq!(errors[1], ("steps.3.then".to_owned(), FieldError::SelfReference));
}

#[test]
fn a_usual_path_that_loops_or_a_step_nothing_reaches_is_refused() {
    let mut input = complete();
    input.steps[2].then = Loose::Text("1".to_owned());
    assert_eq!(input.parse().unwrap_err(), [("steps.1".to_owned(), FieldError::StepLoop)]);
    let mut input = complete();
    input.steps[1] = step("ตรวจสอบ", "1", "hours");
    assert_eq!(input.parse().unwrap_err(), [("steps.4".to_owned(), FieldError::Unreachable)]);
}

#[test]
fn lists_say_none_or_list_items_and_nothing_else() {
    let mut input = complete();
    input.documents = ListInput::Word("nothing".to_owned());
    input.fees = ListInput::Items(vec![FeeInput {
        item: "ค่าบริการ".to_owned(),
        baht: Loose::Text("ฟรี".to_owned()),
    }]);
    assert_eq!(fields(&input), ["documents", "fees.1.baht"]);
    input.documents = ListInput::Items(vec![DocumentInput::default()]);
    input.fees = ListInput::Word(String::new());
    let manual = input.parse().unwrap();
    assert_eq!((manual.documents, manual.fees), (Listing::Unset, Listing::Unset));
}

#[test]
fn form_addresses_are_web_addresses_or_site_paths() {
    let mut input = complete();
    input.forms = vec![
        FormInput { title: "แบบคำขอ".to_owned(), url: "/files/form.pdf".to_owned() },
        FormInput { title: "ตัวอย่าง".to_owned(), url: "javascript:alert(1)".to_owned() },
    ];
    assert_eq!(fields(&input), ["forms.2.url"]);
}

#[test]
fn the_api_shape_deserializes_numbers_and_words() {
    let input: ManualInput = serde_json::from_str(
        r#"{"steps": [{"title": "รับเรื่อง", "duration": {"value": 30, "unit": "minutes"}},
                      {"title": "ตอบ?", "kind": "decision", "duration": {"value": 1, "unit": "hours"},
                       "yes": "end", "no": 1}],
            "documents": "none", "fees": [{"item": "ค่าธรรมเนียม", "baht": 50}]}"#,
    )
    .unwrap();
    let manual = input.parse().unwrap();
    assert_eq!(manual.steps[1].flow, Flow::Decision { yes: Target::End, no: Target::Step(1) });
    assert_eq!(manual.fees.items()[0].baht, 50);
}

#[test]
fn a_manual_shown_in_the_form_parses_back_to_itself() {
    let mut input = complete();
    input.steps.push(decision("ผ่านการตรวจ?", "end", "1"));
    input.steps[0].then = Loose::Text("2".to_owned());
    input.documents = ListInput::Items(vec![DocumentInput {
        name: "บัตรประชาชน".to_owned(),
        copies: Loose::Integer(2),
        note: "สำเนา".to_owned(),
    }]);
    input.fees = ListInput::Word("none".to_owned());
    input.forms =
        vec![FormInput { title: "แบบคำขอ".to_owned(), url: "/files/form.pdf".to_owned() }];
    let manual = input.parse().unwrap();
    assert_eq!(ManualInput::from(&manual).parse().unwrap(), manual);

    let mut unset = manual.clone();
    unset.documents = Listing::Unset;
    assert_eq!(ManualInput::from(&unset).parse().unwrap(), unset, "an unset list stays unset");
}
