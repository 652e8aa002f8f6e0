use super::*;
use crate::manual::steps::tests::{decision, task, with_a_refusal_branch};
use crate::manual::steps::{Unit, total_duration};

fn words() -> Words<'static> {
    Words {
        start: "เริ่มต้น",
        end: "สิ้นสุด",
        yes: "ใช่",
        no: "ไม่ใช่",
        duration: &|d| format!("{} {:?}", d.value, d.unit),
        total: &|t| format!("รวม {}", t.working_days),
    }
}

fn chart(steps: &[Step]) -> Chart {
    layout(steps, total_duration(steps).unwrap(), &words(), Metrics::STANDARD)
}

#[test]
fn steps_stand_in_order_between_start_and_end() {
    let chart = chart(&with_a_refusal_branch());
    let shapes: Vec<_> = chart.nodes.iter().map(|n| (n.shape, n.number)).collect();
    assert_eq!(shapes[0], (Shape::Terminal, None));
    assert_eq!(shapes[2], (Shape::Decision, Some(2)));
    assert_eq!(shapes[6], (Shape::Terminal, None));
    assert!(chart.nodes.windows(2).all(|w| w[0].y + w[0].height < w[1].y), "rows overlap");
    assert_eq!(chart.nodes[1].lines, ["1. รับคำขอ"]);
    assert_eq!(chart.nodes[1].note, "15 Minutes");
    assert_eq!(chart.nodes[6].note, "รวม 2");
    let last = chart.nodes.last().unwrap();
    assert!((chart.height - (last.y + last.height + Metrics::STANDARD.margin)).abs() < 0.01);
}

#[test]
fn the_next_row_is_straight_down_and_other_targets_go_around() {
    let chart = chart(&with_a_refusal_branch());
    // start→1, 1→2, 2 yes→3, 2 no→5, 3→4, 4→end, 5→end
    let bends: Vec<usize> = chart.arrows.iter().map(|a| a.points.len()).collect();
    assert_eq!(bends, [2, 2, 2, 4, 2, 4, 2]);
    let no = &chart.arrows[3];
    assert_eq!(no.label.as_ref().unwrap().text, "ไม่ใช่");
    let column_right = chart.nodes[1].x + chart.nodes[1].width;
    assert!(no.points[1].0 > column_right, "a no answer goes around on the right");
    let skip = &chart.arrows[5];
    assert!(skip.points[1].0 < chart.nodes[1].x, "the usual path goes around on the left");
    assert!(chart.width >= no.points[1].0 + Metrics::STANDARD.margin);
}

#[test]
fn arrows_over_shared_rows_take_separate_lanes() {
    let steps = vec![
        decision("ตรวจสอบ", Target::Step(2), Target::Step(4)),
        decision("อนุมัติหรือไม่", Target::Step(3), Target::End),
        task("ดำเนินการ", 1, Unit::Hours, Target::End),
        task("แจ้งกลับ", 1, Unit::Hours, Target::End),
    ];
    let chart = chart(&steps);
    let right_lanes: Vec<f32> = chart
        .arrows
        .iter()
        .filter(|a| a.label.as_ref().is_some_and(|l| l.text == "ไม่ใช่"))
        .map(|a| a.points[1].0)
        .collect();
    assert_eq!(right_lanes.len(), 2);
    assert_ne!(right_lanes[0], right_lanes[1]);
}

#[test]
fn a_decision_whose_answers_both_lead_next_still_draws_two_arrows() {
    let steps =
        vec![decision("ตรวจสอบ", Target::Step(2), Target::Step(2)), task("ทำ", 1, Unit::Hours, Target::End)];
    let chart = chart(&steps);
    assert_eq!(chart.arrows.len(), 4);
    assert_eq!(chart.arrows[2].points.len(), 4);
}

#[test]
fn wrapping_breaks_between_words_and_keeps_every_character() {
    let text = "ตรวจสอบความถูกต้องครบถ้วนของเอกสารประกอบคำขอใช้บริการ";
    let lines = wrap(text, 12);
    assert!(lines.len() > 1);
    assert_eq!(lines.concat(), text);
    assert!(lines.iter().all(|l| ruamjai_thai::clusters(l).count() <= 12), "{lines:?}");
    assert!(!lines.iter().any(|l| l.ends_with("ตรวจ") || l.starts_with("สอบ")), "{lines:?}");
    assert_eq!(wrap("ขอรหัส VPN ผ่าน LINE", 40), ["ขอรหัส VPN ผ่าน LINE"]);
}
