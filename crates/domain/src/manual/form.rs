//! The staff form of a citizen manual: its fields are named as the API's
//! JSON is (`steps.3.duration.value`, rows counted from 1), so one parser
//! reads both and its errors point at the form's own fields.

use super::input::{DocumentInput, FeeInput, ListInput, Loose, ManualInput, StepInput};

/// Rows beyond this are ignored: the form never has this many, and a
/// crafted request must not make us allocate for row 1,000,000.
const ROWS_READ: usize = 60;

impl ManualInput {
    /// The manual as the staff form sends it. A ticked "none" box wins over rows.
    pub fn from_fields(fields: &[(String, String)]) -> Self {
        let mut input = ManualInput::default();
        let (mut documents, mut fees) = (Vec::new(), Vec::new());
        let (mut no_documents, mut no_fees) = (false, false);
        for (name, value) in fields {
            let value = value.clone();
            let (section, row, field) = match form_field(name, ROWS_READ) {
                FormField::Whole(section) => {
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
                }
                FormField::Row(section, row, field) => (section, row, field),
                FormField::Beyond => continue,
            };
            match section {
                "steps" => set_step(row_at(&mut input.steps, row), field, value),
                "channels" => {
                    let c = row_at(&mut input.channels, row);
                    match field {
                        "place" => c.place = value,
                        "hours" => c.hours = value,
                        "contact" => c.contact = value,
                        _ => {}
                    }
                }
                "documents" => {
                    let d: &mut DocumentInput = row_at(&mut documents, row);
                    match field {
                        "name" => d.name = value,
                        "copies" => d.copies = Loose::Text(value),
                        "note" => d.note = value,
                        _ => {}
                    }
                }
                "fees" => {
                    let f: &mut FeeInput = row_at(&mut fees, row);
                    match field {
                        "item" => f.item = value,
                        "baht" => f.baht = Loose::Text(value),
                        _ => {}
                    }
                }
                "forms" => {
                    let f = row_at(&mut input.forms, row);
                    match field {
                        "title" => f.title = value,
                        "url" => f.url = value,
                        _ => {}
                    }
                }
                _ => {}
            }
        }
        input.documents =
            if no_documents { ListInput::Word("none".into()) } else { ListInput::Items(documents) };
        input.fees = if no_fees { ListInput::Word("none".into()) } else { ListInput::Items(fees) };
        input
    }
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

/// A form field's name, read as the API's path to the value.
pub(crate) enum FormField<'a> {
    /// A field of the whole form (`objective`).
    Whole(&'a str),
    /// Field `.2` of row `.1` (from 1) of section `.0` (`steps.3.duration.value`).
    Row(&'a str, usize, &'a str),
    /// A row past what the form can hold: a crafted request must not make
    /// us allocate for row 1,000,000.
    Beyond,
}

pub(crate) fn form_field(name: &str, rows_read: usize) -> FormField<'_> {
    let mut parts = name.splitn(3, '.');
    let (section, row, field) = (parts.next().unwrap_or_default(), parts.next(), parts.next());
    match row.and_then(|r| r.parse::<usize>().ok()).zip(field) {
        None => FormField::Whole(section),
        Some((row, _)) if row == 0 || row > rows_read => FormField::Beyond,
        Some((row, field)) => FormField::Row(section, row, field),
    }
}

/// Row `row` (from 1) of a form's rows, with blank rows made up to it.
pub(crate) fn row_at<T: Default>(rows: &mut Vec<T>, row: usize) -> &mut T {
    if rows.len() < row {
        rows.resize_with(row, T::default);
    }
    &mut rows[row - 1]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manual::{Flow, Listing, Target, Unit};

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| ((*n).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn form_fields_become_the_manual_the_api_would_send() {
        let input = ManualInput::from_fields(&fields(&[
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
        let input = ManualInput::from_fields(&fields(&[
            ("steps.1.title", "รับคำขอ"),
            ("steps.1.duration.value", "-5"),
            ("steps.1.duration.unit", "minutes"),
        ]));
        let errors = input.parse().unwrap_err();
        assert_eq!(errors[0].0, "steps.1.duration.value");
    }
}
