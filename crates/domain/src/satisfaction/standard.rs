//! The built-in standard Thai questionnaire: the five dimensions of
//! `domain.md` (22 five-point items), the 0–10 recommendation, and the two
//! open questions that make dissatisfaction speak: 25 items.

use super::questionnaire::{Item, ItemKind, Questionnaire, Section};

pub const DISSATISFIED_ITEM: &str = "what-dissatisfied";
pub const IMPROVE_ITEM: &str = "what-to-improve";

type Texts = &'static [(&'static str, &'static str)];

const DIMENSIONS: [(&str, &str, &str, Texts); 5] = [
    (
        "process",
        "ด้านกระบวนการ/ขั้นตอนการให้บริการ",
        "Service process and steps",
        &[
            ("ขั้นตอนการให้บริการไม่ยุ่งยากซับซ้อน", "The steps of the service are simple"),
            ("ระยะเวลาการให้บริการเป็นไปตามที่กำหนด", "The service takes the time it promises"),
            ("ให้บริการตามลำดับก่อนหลังอย่างเป็นธรรม", "People are served fairly, in order"),
            ("แจ้งความคืบหน้าและผลการให้บริการอย่างชัดเจน", "Progress and results are told clearly"),
        ],
    ),
    (
        "staff",
        "ด้านเจ้าหน้าที่/บุคลากรผู้ให้บริการ",
        "Staff",
        &[
            ("เจ้าหน้าที่ให้บริการด้วยความสุภาพ เป็นมิตร", "Staff are polite and friendly"),
            ("เจ้าหน้าที่มีความรู้ ตอบคำถามได้ตรงประเด็น", "Staff know their work and answer to the point"),
            ("เจ้าหน้าที่เต็มใจและกระตือรือร้นในการให้บริการ", "Staff are willing and eager to help"),
            ("เจ้าหน้าที่ให้บริการอย่างเท่าเทียม ไม่เลือกปฏิบัติ", "Staff serve everyone equally"),
            ("เจ้าหน้าที่ซื่อสัตย์สุจริต ไม่เรียกรับสิ่งตอบแทน", "Staff are honest and ask for nothing in return"),
        ],
    ),
    (
        "channels",
        "ด้านช่องทางการให้บริการ",
        "Service channels",
        &[
            ("มีช่องทางการให้บริการหลากหลายเพียงพอ", "There are enough ways to get the service"),
            (
                "ติดต่อเจ้าหน้าที่ทางโทรศัพท์ อีเมล หรือออนไลน์ได้สะดวก",
                "Staff are easy to reach by phone, e-mail or online",
            ),
            (
                "ข้อมูลบริการบนเว็บไซต์ครบถ้วนและเป็นปัจจุบัน",
                "The service information on the website is complete and current",
            ),
            ("มีช่องทางรับฟังความคิดเห็นและข้อร้องเรียน", "There are channels for comments and complaints"),
        ],
    ),
    (
        "facilities",
        "ด้านสิ่งอำนวยความสะดวก",
        "Facilities",
        &[
            ("ระบบและอุปกรณ์ที่ให้บริการพร้อมใช้งาน", "The systems and equipment work when needed"),
            ("มีคู่มือ ป้าย หรือคำแนะนำที่เข้าใจง่าย", "Manuals, signs and guidance are easy to understand"),
            ("สถานที่ให้บริการสะอาดและเป็นระเบียบ", "The service point is clean and orderly"),
            ("ระบบออนไลน์ใช้งานได้ง่ายบนโทรศัพท์มือถือ", "The online system is easy to use on a phone"),
        ],
    ),
    (
        "quality",
        "ด้านคุณภาพการให้บริการ",
        "Quality of the service and its results",
        &[
            ("ได้รับบริการที่ถูกต้อง ครบถ้วน ตรงความต้องการ", "The service was correct, complete and what I needed"),
            ("ปัญหาหรือความต้องการได้รับการแก้ไขจนแล้วเสร็จ", "My problem or request was resolved"),
            ("บริการมีความเสถียรและเชื่อถือได้", "The service is stable and reliable"),
            ("นำผลของบริการไปใช้ประโยชน์ได้จริง", "I could make real use of what the service delivered"),
            ("ความพึงพอใจโดยรวมต่อการให้บริการ", "Overall satisfaction with the service"),
        ],
    ),
];

/// The standard questionnaire, the same on every call.
pub fn standard() -> Questionnaire {
    let mut sections: Vec<Section> = DIMENSIONS
        .iter()
        .map(|(code, title_th, title_en, items)| Section {
            code: (*code).to_owned(),
            title_th: (*title_th).to_owned(),
            title_en: (*title_en).to_owned(),
            items: items
                .iter()
                .enumerate()
                .map(|(i, (th, en))| item(&format!("{code}-{}", i + 1), th, en, ItemKind::Scale, true))
                .collect(),
        })
        .collect();
    sections.push(Section {
        code: "comments".into(),
        title_th: "ความคิดเห็นและข้อเสนอแนะ".into(),
        title_en: "Comments and suggestions".into(),
        items: vec![
            item(
                "recommend",
                "ท่านจะแนะนำบริการนี้ให้ผู้อื่นมากน้อยเพียงใด (0 = ไม่แนะนำเลย, 10 = แนะนำอย่างยิ่ง)",
                "How likely are you to recommend this service to others? (0 = not at all, 10 = extremely)",
                ItemKind::Recommendation,
                false,
            ),
            item(DISSATISFIED_ITEM, "สิ่งที่ท่านไม่พึงพอใจ", "What dissatisfied you", ItemKind::LongText, false),
            item(IMPROVE_ITEM, "สิ่งที่ควรปรับปรุง", "What should we improve", ItemKind::LongText, false),
        ],
    });
    Questionnaire { sections }
}

fn item(code: &str, th: &str, en: &str, kind: ItemKind, required: bool) -> Item {
    Item { code: code.to_owned(), text_th: th.to_owned(), text_en: en.to_owned(), kind, required }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_standard_questionnaire_has_the_five_dimensions_and_twenty_five_items() {
        let q = standard();
        let dimensions: Vec<_> = q.dimensions().map(|d| d.code.as_str()).collect();
        assert_eq!(dimensions, ["process", "staff", "channels", "facilities", "quality"]);
        assert_eq!(q.items().count(), 25);
        assert_eq!(q.scale_items().count(), 22);
        let mut codes: Vec<_> = q.items().map(|i| i.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 25, "item codes are unique");
        assert!(q.item(DISSATISFIED_ITEM).is_some_and(|i| !i.required));
    }
}
