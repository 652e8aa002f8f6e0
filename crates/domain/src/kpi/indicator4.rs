//! Indicator 4 of the seed sheet, predefined for every fiscal year: the
//! level of success in improving the IT support process, five cumulative
//! steps judged by the rules over the live work of the five milestones.

use std::collections::BTreeMap;

use super::decimal::Decimal;
use super::indicator::{Contact, Indicator, Kind, Step};
use super::rules::Rule;

pub const CODE: &str = "4";

const STEPS: [(&str, &str, Rule); 5] = [
    (
        "มีระบบ/วิธีการในการเปิดช่องทางให้กลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสียเข้ามามีส่วนร่วมในการดำเนินงาน",
        "A system or method that opens channels for service recipients and stakeholders to take part in the work",
        Rule::Channels,
    ),
    (
        "มีกิจกรรมสร้างความสัมพันธ์กับกลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสีย",
        "Activities that build relationships with service recipients and stakeholders",
        Rule::Relationships,
    ),
    (
        "มีการวัดผลความพึงพอใจและความไม่พึงพอใจของกลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสียเพื่อนำมาปรับปรุงมาตรฐานงานบริการของ ศสส.สป.",
        "Satisfaction and dissatisfaction of service recipients and stakeholders measured and used to improve the Center's service standards",
        Rule::Satisfaction,
    ),
    (
        "มีการจัดทำแผนภูมิหรือคู่มือการติดต่อราชการโดยประกาศให้กลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสียทราบ",
        "A flowchart or manual for contacting the agency, announced to service recipients and stakeholders",
        Rule::CitizenManuals,
    ),
    (
        "มีการจัดทำ/ปรับปรุงคู่มือการทำงานของบุคลากรในการให้บริการ",
        "Work manuals for the staff who deliver the services created or updated",
        Rule::WorkManuals,
    ),
];

/// The six division directors the sheet names as data collectors, by
/// position and office phone (real people are added by an administrator).
const COLLECTORS: [(&str, &str, &str); 6] = [
    (
        "ผู้อำนวยการส่วนติดตามประเมินผลฯ ศสส.สป.",
        "Director, Monitoring and Evaluation division",
        "0 2697 9972 (51124)",
    ),
    ("ผู้อำนวยการส่วนโครงสร้างพื้นฐาน ศสส.สป.", "Director, Infrastructure division", "0 2282 6582 (51450)"),
    (
        "ผู้อำนวยการส่วนเทคโนโลยีการสื่อสาร ศสส.สป.",
        "Director, Communication Technology division",
        "0 2282 6585 (59908)",
    ),
    (
        "ผู้อำนวยการส่วนเทคโนโลยีสารสนเทศ ศสส.สป.",
        "Director, Information Technology division",
        "0 2697 9901 (51134)",
    ),
    ("ผู้อำนวยการส่วนยุทธศาสตร์ฯ ศสส.สป.", "Director, Strategy division", "0 2281 1567 (51420)"),
    ("ผู้อำนวยการส่วนอำนวยการ ศสส.สป.", "Director, General Administration division", "0 2282 6580 (51410)"),
];

/// Indicator 4 with the sheet's texts and people, and the default settings.
pub fn definition() -> Indicator {
    let contact = |(th, en, phone): (&str, &str, &str)| Contact {
        position_th: th.to_owned(),
        position_en: en.to_owned(),
        phone: phone.to_owned(),
    };
    Indicator {
        code: CODE.to_owned(),
        name_th: "ระดับความสำเร็จของการปรับปรุงกระบวนการสนับสนุนเทคโนโลยีสารสนเทศ".to_owned(),
        name_en: "Level of success in improving the IT support process".to_owned(),
        description_th: "การปรับปรุงกระบวนการสนับสนุนเทคโนโลยีสารสนเทศ หมายถึง งานบริการของศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สป. \
             มีระบบ/วิธีการในการเปิดช่องทางให้กลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสียเข้ามามีส่วนร่วมในการดำเนินงาน \
             มีกิจกรรมสร้างความสัมพันธ์กับกลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสีย \
             มีการวัดผลความพึงพอใจและความไม่พึงพอใจของกลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสียเพื่อนำมาปรับปรุงมาตรฐานงานบริการ \
             มีการจัดทำแผนภูมิหรือคู่มือการติดต่อราชการโดยประกาศให้กลุ่มผู้รับบริการและผู้มีส่วนได้ส่วนเสียทราบ \
             และมีการจัดทำ/ปรับปรุงคู่มือการทำงานของบุคลากรในการให้บริการ"
            .to_owned(),
        description_en: "The Center's services have channels for service recipients and stakeholders to take part, \
             relationship-building activities with them, measured satisfaction and dissatisfaction used to improve \
             the service standards, an announced flowchart or manual for contacting the agency, and created or \
             updated work manuals for the staff who deliver the services."
            .to_owned(),
        weight: Decimal::from_int(25),
        kind: Kind::Milestone {
            steps: STEPS
                .iter()
                .map(|(th, en, rule)| Step {
                    criterion_th: (*th).to_owned(),
                    criterion_en: (*en).to_owned(),
                    rule: Some(*rule),
                })
                .collect(),
            settings: BTreeMap::new(),
        },
        supervisor: contact((
            "ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร สป.",
            "Director of the ICT Center",
            "0 2282 6581 (51401)",
        )),
        collectors: COLLECTORS.into_iter().map(contact).collect(),
        source_th: "ผลการดำเนินงานของศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร".to_owned(),
        source_en: "The operational results of the ICT Center".to_owned(),
        thai_digits: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kpi::score::Scale;

    #[test]
    fn the_predefined_indicator_is_valid_with_the_issue_s_defaults() {
        let four = definition();
        assert_eq!(four.check(Scale::default()), Ok(()));
        let settings: Vec<(&str, String)> =
            four.settings().into_iter().map(|(n, v)| (n, v.trimmed())).collect();
        let expected = [
            ("s1_min_channels", "3"),
            ("s1_min_answered_pct", "80"),
            ("s2_min_activities", "1"),
            ("s2_min_groups", "3"),
            ("s3_min_actions", "1"),
            ("s5_min_acknowledged_pct", "80"),
        ];
        assert_eq!(settings, expected.map(|(n, v)| (n, v.to_owned())));
        assert_eq!(four.weight.trimmed(), "25");
    }
}
