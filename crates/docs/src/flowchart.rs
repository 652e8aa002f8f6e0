//! A manual's flowchart as accessible SVG: a title and a description for
//! screen readers, boxes for tasks, diamonds for decisions, rounded ends,
//! arrows with their "yes"/"no". The page puts a text list of the steps
//! beside it; the PDF draws the same layout with Typst's shapes.

use std::fmt::Write;

use ruamjai_domain::manual::flowchart::{Chart, Node, Shape};

use crate::chart::escape;

/// The SVG of a laid-out chart; `title` and `description` are read aloud.
pub fn svg(chart: &Chart, title: &str, description: &str) -> String {
    let mut svg = String::with_capacity(4_096);
    let _ = write!(
        svg,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-labelledby="fc-title fc-desc" class="flowchart"><title id="fc-title">{}</title><desc id="fc-desc">{}</desc><defs><marker id="fc-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 10 5 0 10z" fill="#1f2937"/></marker></defs><g font-family="'Sarabun','Noto Sans Thai','Leelawadee UI','Tahoma',sans-serif" font-size="11" fill="#111827">"##,
        escape(title),
        escape(description),
        w = chart.width,
        h = chart.height,
    );
    for arrow in &chart.arrows {
        let points: Vec<String> = arrow.points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            svg,
            r##"<polyline points="{}" fill="none" stroke="#1f2937" stroke-width="1.2" marker-end="url(#fc-arrow)"/>"##,
            points.join(" ")
        );
        if let Some(label) = &arrow.label {
            let anchor = if label.x < arrow.points[0].0 { "end" } else { "start" };
            let _ = write!(
                svg,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" font-size="10" font-weight="bold">{}</text>"#,
                label.x,
                label.y,
                escape(&label.text)
            );
        }
    }
    for node in &chart.nodes {
        shape(&mut svg, node);
        text(&mut svg, node);
    }
    svg.push_str("</g></svg>");
    svg
}

fn shape(svg: &mut String, n: &Node) {
    let style = r##"fill="#ffffff" stroke="#1f2937" stroke-width="1.2""##;
    let _ = match n.shape {
        Shape::Terminal => write!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="{:.1}" fill="#e0f2fe" stroke="#1f2937" stroke-width="1.2"/>"##,
            n.x,
            n.y,
            n.width,
            n.height,
            n.height / 2.0
        ),
        Shape::Task => write!(
            svg,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" {style}/>"#,
            n.x, n.y, n.width, n.height
        ),
        Shape::Decision => {
            let (cx, cy) = (n.x + n.width / 2.0, n.y + n.height / 2.0);
            write!(
                svg,
                r##"<polygon points="{cx:.1},{:.1} {:.1},{cy:.1} {cx:.1},{:.1} {:.1},{cy:.1}" fill="#fef9c3" stroke="#1f2937" stroke-width="1.2"/>"##,
                n.y,
                n.x + n.width,
                n.y + n.height,
                n.x
            )
        }
    };
}

fn text(svg: &mut String, n: &Node) {
    let line_height = 13.0;
    let count = n.lines.len() + usize::from(!n.note.is_empty());
    let cx = n.x + n.width / 2.0;
    let first = n.y + n.height / 2.0 - (count as f32 - 1.0) * line_height / 2.0 + 4.0;
    for (i, line) in n.lines.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text x="{cx:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            first + i as f32 * line_height,
            escape(line)
        );
    }
    if !n.note.is_empty() {
        let _ = write!(
            svg,
            r##"<text x="{cx:.1}" y="{:.1}" text-anchor="middle" font-size="10" fill="#374151">{}</text>"##,
            first + n.lines.len() as f32 * line_height,
            escape(&n.note)
        );
    }
}

#[cfg(test)]
mod tests {
    use ruamjai_domain::manual::flowchart::{Metrics, Words, layout};
    use ruamjai_domain::manual::{Duration, Flow, Step, Target, TotalDuration, Unit};

    use super::*;

    fn step(title: &str, flow: Flow) -> Step {
        Step {
            title: title.to_owned(),
            description: String::new(),
            duration: Duration { value: 1, unit: Unit::Hours },
            responsible_unit: String::new(),
            flow,
        }
    }

    #[test]
    fn the_chart_has_its_words_shapes_and_arrows_with_text_escaped() {
        let steps = [
            step("ตรวจ <เอกสาร>", Flow::Decision { yes: Target::Step(2), no: Target::End }),
            step("อนุมัติ", Flow::Task { then: Target::End }),
        ];
        let words = Words {
            start: "เริ่ม",
            end: "จบ",
            yes: "ใช่",
            no: "ไม่",
            duration: &|d| format!("{} ชม.", d.value),
            total: &|t| format!("รวม {} ชม.", t.hours),
        };
        let chart =
            layout(&steps, TotalDuration { hours: 2, ..TotalDuration::default() }, &words, Metrics::STANDARD);
        let svg = svg(&chart, "ผังขั้นตอน", "2 ขั้นตอน");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"<title id="fc-title">ผังขั้นตอน</title>"#));
        assert!(svg.contains("1. ตรวจ &lt;เอกสาร&gt;"), "escaped");
        assert_eq!(svg.matches("<polygon").count(), 1, "one decision");
        assert_eq!(svg.matches("<polyline").count(), 4, "start→1, yes, no, 2→end");
        assert!(svg.contains(">ไม่</text>") && svg.contains(">รวม 2 ชม.</text>"));
    }
}
