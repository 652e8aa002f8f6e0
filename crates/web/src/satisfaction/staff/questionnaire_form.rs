//! The staff editor's fields read as a questionnaire: what the Center's own
//! questionnaires are typed as in the browser (the API sends them whole).

use ruamjai_domain::satisfaction::drafting::{ChoiceInput, ItemInput, QuestionnaireInput, SectionInput};

/// Rows beyond these are ignored: the editor never has this many, and a
/// crafted request must not make us allocate for row 1,000,000.
const SECTIONS_READ: usize = 20;
const ITEMS_READ: usize = 100;

/// The editor's fields (`sections.2.items.3.text_th`, counted from 1):
/// the name, and the questions with rows ticked "remove" left out and the
/// rest in the order typed in their "order" boxes.
pub(crate) fn form_input(fields: &[(String, String)]) -> (String, QuestionnaireInput) {
    let mut name = String::new();
    let mut sections: Vec<(SectionInput, Vec<Row>)> = Vec::new();
    for (field, value) in fields {
        if field == "name" {
            name.clone_from(value);
            continue;
        }
        let mut parts = field.splitn(5, '.');
        let (Some("sections"), Some(s)) = (parts.next(), parts.next().and_then(|n| n.parse::<usize>().ok()))
        else {
            continue;
        };
        if s == 0 || s > SECTIONS_READ {
            continue;
        }
        let (section, rows) = at(&mut sections, s);
        match (parts.next(), parts.next().and_then(|n| n.parse::<usize>().ok()), parts.next()) {
            (Some("code"), None, None) => section.code.clone_from(value),
            (Some("title_th"), None, None) => section.title_th.clone_from(value),
            (Some("title_en"), None, None) => section.title_en.clone_from(value),
            (Some("items"), Some(i), Some(key)) if (1..=ITEMS_READ).contains(&i) => {
                at(rows, i).set(key, value)
            }
            _ => {}
        }
    }
    let sections = sections
        .into_iter()
        .map(|(mut section, rows)| {
            let kept = rows.into_iter().enumerate().filter(|(_, r)| !r.remove && !r.is_blank());
            let mut kept: Vec<(usize, Row)> = kept.collect();
            // A row moved to a place comes before the row already there.
            kept.sort_by_key(|(at, r)| {
                let place = r.order.map_or(*at + 1, |n| n as usize);
                (place, place == *at + 1, *at)
            });
            let kept = kept.into_iter().map(|(_, r)| r);
            section.items = kept.map(|r| r.item).collect();
            section
        })
        .filter(|s: &SectionInput| {
            !(s.code.is_empty()
                && s.title_th.trim().is_empty()
                && s.title_en.trim().is_empty()
                && s.items.is_empty())
        })
        .collect();
    (name, QuestionnaireInput { sections })
}

/// An item row of the editor.
#[derive(Default)]
struct Row {
    item: ItemInput,
    order: Option<u32>,
    remove: bool,
}

impl Row {
    /// A row of the editor left empty: the blank rows it offers for adding.
    fn is_blank(&self) -> bool {
        self.item.code.is_empty()
            && self.item.text_th.trim().is_empty()
            && self.item.text_en.trim().is_empty()
    }

    fn set(&mut self, key: &str, value: &str) {
        match key {
            "code" => self.item.code = value.trim().to_owned(),
            "text_th" => self.item.text_th = value.to_owned(),
            "text_en" => self.item.text_en = value.to_owned(),
            "kind" => self.item.kind = value.to_owned(),
            "required" => self.item.required = true,
            "options" => self.item.options = ChoiceInput::from_lines(value),
            "order" => self.order = value.trim().parse().ok(),
            "remove" => self.remove = true,
            _ => {}
        }
    }
}

fn at<T: Default>(rows: &mut Vec<T>, row: usize) -> &mut T {
    if rows.len() < row {
        rows.resize_with(row, T::default);
    }
    &mut rows[row - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(fields: &[(&str, &str)]) -> Vec<(String, String)> {
        fields.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn the_editor_fields_read_as_sections_of_items_in_the_order_typed() {
        let (name, input) = form_input(&pairs(&[
            ("name", "แบบสอบถาม"),
            ("sections.1.title_th", "ด้านบริการ"),
            ("sections.1.items.1.code", "q1"),
            ("sections.1.items.1.text_th", "รวดเร็ว"),
            ("sections.1.items.1.order", "2"),
            ("sections.1.items.2.text_th", "สุภาพ"),
            ("sections.1.items.2.order", "1"),
            ("sections.1.items.2.required", "on"),
            ("sections.1.items.3.text_th", "ข้อที่ลบ"),
            ("sections.1.items.3.remove", "on"),
            ("sections.2.items.1.text_th", "ติดต่อทางใด"),
            ("sections.2.items.1.kind", "single-choice"),
            ("sections.2.items.2.kind", "scale"),
            ("sections.2.items.1.options", "โทรศัพท์ | Phone\r\n\r\nอีเมล\n"),
            ("sections.999.title_th", "ไกลเกินไป"),
        ]));
        assert_eq!(name, "แบบสอบถาม");
        let texts: Vec<_> =
            input.sections[0].items.iter().map(|i| (i.text_th.as_str(), i.required)).collect();
        assert_eq!(texts, [("สุภาพ", true), ("รวดเร็ว", false)]);
        let options = &input.sections[1].items[0].options;
        assert_eq!(
            options.iter().map(|c| (c.text_th.as_str(), c.text_en.as_str())).collect::<Vec<_>>(),
            [("โทรศัพท์", "Phone"), ("อีเมล", "")]
        );
        assert_eq!(input.sections[1].items[0].options_lines(), "โทรศัพท์ | Phone\nอีเมล");
        assert_eq!(input.sections[1].items.len(), 1, "a row left blank is nothing");
        assert_eq!(input.sections.len(), 2);
    }
}
