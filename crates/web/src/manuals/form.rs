//! The staff form of a manual as shown: its rows and a few blank ones to
//! add more (`ManualInput::from_fields` reads it back).

use ruamjai_domain::manual::{DocumentInput, FeeInput, ListInput, ManualInput};

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
    use ruamjai_domain::manual::{ManualInput, StepInput};

    use super::*;

    #[test]
    fn the_form_offers_blank_rows_after_the_filled_ones() {
        let view = FormView::new(ManualInput::from_fields(&[("steps.1.title".into(), "รับคำขอ".into())]));
        assert_eq!(view.input.steps.len(), 5, "at least five rows of steps");
        let many = ManualInput { steps: vec![StepInput::default(); 7], ..ManualInput::default() };
        assert_eq!(FormView::new(many).input.steps.len(), 10, "and three blank ones after the last");
    }
}
