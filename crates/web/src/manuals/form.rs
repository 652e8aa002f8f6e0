//! The staff form of a manual: its fields are named as the API's JSON is
//! (`steps.3.duration.value`, rows counted from 1), so one parser reads
//! both and its errors point at the form's own fields.

use ruamjai_domain::manual::{DocumentInput, FeeInput, ListInput, Loose, ManualInput, StepInput};

/// Rows beyond this are ignored: the form never has this many, and a
/// crafted request must not make us allocate for row 1,000,000.
const ROWS_READ: usize = 60;

/// The manual as typed in the form. A ticked "none" box wins over rows.
pub(crate) fn manual_input(fields: &[(String, String)]) -> ManualInput {
    let mut input = ManualInput::default();
    let (mut documents, mut fees) = (Vec::new(), Vec::new());
    let (mut no_documents, mut no_fees) = (false, false);
    for (name, value) in fields {
        let value = value.clone();
        let mut parts = name.splitn(3, '.');
        let (section, row, field) = (parts.next().unwrap_or_default(), parts.next(), parts.next());
        let Some((row, field)) = row.and_then(|r| r.parse::<usize>().ok()).zip(field) else {
            match section {
                "responsible_unit" => input.responsible_unit = value,
                "legal_basis" => input.legal_basis = value,
                "criteria" => input.criteria = value,
                "complaint_channels" => input.complaint_channels = value,
                "notes" => input.notes = value,
                "documents_none" => no_documents = true,
                "fees_none" => no_fees = true,
                _ => {}
            }
            continue;
        };
        if row == 0 || row > ROWS_READ {
            continue;
        }
        match section {
            "steps" => set_step(at(&mut input.steps, row), field, value),
            "channels" => {
                let c = at(&mut input.channels, row);
                match field {
                    "place" => c.place = value,
                    "hours" => c.hours = value,
                    "contact" => c.contact = value,
                    _ => {}
                }
            }
            "documents" => {
                let d: &mut DocumentInput = at(&mut documents, row);
                match field {
                    "name" => d.name = value,
                    "copies" => d.copies = Loose::Text(value),
                    "note" => d.note = value,
                    _ => {}
                }
            }
            "fees" => {
                let f: &mut FeeInput = at(&mut fees, row);
                match field {
                    "item" => f.item = value,
                    "baht" => f.baht = Loose::Text(value),
                    _ => {}
                }
            }
            "forms" => {
                let f = at(&mut input.forms, row);
                match field {
                    "title" => f.title = value,
                    "url" => f.url = value,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    input.documents = if no_documents { ListInput::Word("none".into()) } else { ListInput::Items(documents) };
    input.fees = if no_fees { ListInput::Word("none".into()) } else { ListInput::Items(fees) };
    input
}

fn set_step(step: &mut StepInput, field: &str, value: String) {
    match field {
        "title" => step.title = value,
        "description" => step.description = value,
        "duration.value" => step.duration.value = Loose::Text(value),
        "duration.unit" => step.duration.unit = value,
        "responsible_unit" => step.responsible_unit = value,
        "kind" => step.kind = value,
        "then" => step.then = Loose::Text(value),
        "yes" => step.yes = Loose::Text(value),
        "no" => step.no = Loose::Text(value),
        _ => {}
    }
}

/// Row `row` (from 1), with blank rows made up to it.
fn at<T: Default>(rows: &mut Vec<T>, row: usize) -> &mut T {
    if rows.len() < row {
        rows.resize_with(row, T::default);
    }
    &mut rows[row - 1]
}

/// What the form shows: the manual's rows and a few blank ones to add more.
pub(crate) struct FormView {
    pub input: ManualInput,
    pub no_documents: bool,
    pub no_fees: bool,
    pub documents: Vec<DocumentInput>,
    pub fees: Vec<FeeInput>,
}

impl FormView {
    pub fn new(mut input: ManualInput) -> Self {
        let (no_documents, mut documents) = split(&input.documents);
        let (no_fees, mut fees) = split(&input.fees);
        pad(&mut input.steps, 3, 5);
        pad(&mut input.channels, 1, 2);
        pad(&mut documents, 2, 3);
        pad(&mut fees, 1, 2);
        pad(&mut input.forms, 1, 2);
        Self { input, no_documents, no_fees, documents, fees }
    }
}

fn split<T: Clone>(list: &ListInput<T>) -> (bool, Vec<T>) {
    match list {
        ListInput::Word(word) => (word.trim() == "none", Vec::new()),
        ListInput::Items(items) => (false, items.clone()),
    }
}

/// At least `blank` blank rows after the last, and `least` rows in all.
fn pad<T: Default>(rows: &mut Vec<T>, blank: usize, least: usize) {
    let target = (rows.len() + blank).max(least);
    rows.resize_with(target, T::default);
}

#[cfg(test)]
mod tests {
    use ruamjai_domain::manual::{Flow, Listing, Target, Unit};

    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn form_fields_become_the_manual_the_api_would_send() {
        let input = manual_input(&fields(&[
            ("csrf", "token"),
            ("responsible_unit", "ส่วนบริการ"),
            ("steps.1.title", "รับคำขอ"),
            ("steps.1.duration.value", "15"),
            ("steps.1.duration.unit", "minutes"),
            ("steps.2.title", "เอกสารครบหรือไม่"),
            ("steps.2.kind", "decision"),
            ("steps.2.duration.value", "1"),
            ("steps.2.duration.unit", "working_days"),
            ("steps.2.yes", "end"),
            ("steps.2.no", "1"),
            ("steps.3.title", ""),
            ("documents_none", "on"),
            ("documents.1.name", "ignored when none is ticked"),
            ("fees.1.item", "ค่าถ่ายเอกสาร"),
            ("fees.1.baht", "2"),
            ("steps.999999999.title", "far away rows are ignored"),
        ]));
        assert_eq!(input.steps.iter().filter(|s| !s.title.is_empty()).count(), 2);
        let manual = input.parse().unwrap();
        assert_eq!(manual.steps[0].duration.unit, Unit::Minutes);
        assert_eq!(manual.steps[1].flow, Flow::Decision { yes: Target::End, no: Target::Step(1) });
        assert_eq!(manual.documents, Listing::None);
        assert_eq!(manual.fees.items()[0].baht, 2);
    }

    #[test]
    fn a_bad_row_is_named_as_the_form_names_it() {
        let input = manual_input(&fields(&[
            ("steps.1.title", "รับคำขอ"),
            ("steps.1.duration.value", "-5"),
            ("steps.1.duration.unit", "minutes"),
        ]));
        let errors = input.parse().unwrap_err();
        assert_eq!(errors[0].0, "steps.1.duration.value");
    }

    #[test]
    fn the_form_offers_blank_rows_after_the_filled_ones() {
        let view = FormView::new(manual_input(&fields(&[("steps.1.title", "รับคำขอ")])));
        assert_eq!(view.input.steps.len(), 5, "at least five rows of steps");
        let many = ManualInput { steps: vec![StepInput::default(); 7], ..ManualInput::default() };
        assert_eq!(FormView::new(many).input.steps.len(), 10, "and three blank ones after the last");
    }
}
