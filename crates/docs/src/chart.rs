//! Charts as SVG for the web (browsers shape Thai in SVG correctly; see the
//! PDF notes for why PDFs draw their own). Each chart carries a title and a
//! description, and the page shows the same figures in a table beside it.

use std::fmt::Write;

/// One bar: its label and the counts of its three parts.
pub struct Bar<'a> {
    pub label: &'a str,
    /// Dissatisfied (1–2), neutral (3), satisfied (4–5).
    pub parts: [u64; 3],
}

/// The words of the chart.
pub struct StackedText<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// The names of the three parts, in order.
    pub parts: [&'a str; 3],
}

const WIDTH: u32 = 640;
const ROW: u32 = 46;
const BAR: u32 = 18;
const COLOURS: [&str; 3] = ["#b3261e", "#9aa3ad", "#1b7f3b"];

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Horizontal bars of 100 %, each split into its three parts, the label
/// above each bar and the shares written in each part wide enough to hold them.
pub fn stacked_bars(bars: &[Bar<'_>], words: &StackedText<'_>) -> String {
    let legend = 28;
    let height = legend + ROW * u32::try_from(bars.len()).unwrap_or(0) + 4;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif" font-size="13"><title id="chart-title">{}</title><desc id="chart-desc">{}</desc>"#,
        escape(words.title),
        escape(words.description)
    );
    let mut x = 0;
    for (part, colour) in words.parts.iter().zip(COLOURS) {
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="4" width="14" height="14" fill="{colour}"/><text x="{}" y="16">{}</text>"#,
            x + 18,
            escape(part)
        );
        x += 40 + 9 * u32::try_from(part.chars().count()).unwrap_or(10);
    }
    for (row, bar) in (0_u32..).zip(bars) {
        let top = legend + row * ROW;
        let _ = write!(svg, r#"<text x="0" y="{}">{}</text>"#, top + 13, escape(bar.label));
        let total: u64 = bar.parts.iter().sum();
        let mut left = 0.0_f64;
        for ((count, colour), part) in bar.parts.iter().zip(COLOURS).zip(words.parts) {
            if total == 0 {
                break;
            }
            let share = *count as f64 / total as f64;
            let width = share * f64::from(WIDTH);
            let _ = write!(
                svg,
                r#"<rect x="{left:.1}" y="{}" width="{width:.1}" height="{BAR}" fill="{colour}"><title>{}: {:.1}%</title></rect>"#,
                top + 20,
                escape(part),
                share * 100.0
            );
            if width >= 44.0 {
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{}" fill="#fff" font-size="12">{:.0}%</text>"##,
                    left + 4.0,
                    top + 34,
                    share * 100.0
                );
            }
            left += width;
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_split_into_their_shares_with_words_for_screen_readers() {
        let words = StackedText {
            title: "ความพึงพอใจรายด้าน",
            description: "ด้าน <ขั้นตอน>",
            parts: ["ไม่พอใจ", "เฉยๆ", "พอใจ"],
        };
        let svg = stacked_bars(&[Bar { label: "ด้านขั้นตอน", parts: [1, 1, 2] }], &words);
        assert!(svg.contains("<title id=\"chart-title\">ความพึงพอใจรายด้าน</title>"));
        assert!(svg.contains("ด้าน &lt;ขั้นตอน&gt;"), "text is escaped");
        assert!(svg.contains("width=\"160.0\"") && svg.contains("width=\"320.0\""), "{svg}");
        assert!(svg.contains("<title>พอใจ: 50.0%</title>"));
    }

    #[test]
    fn a_bar_without_answers_draws_nothing() {
        let words = StackedText { title: "t", description: "d", parts: ["a", "b", "c"] };
        assert!(!stacked_bars(&[Bar { label: "x", parts: [0, 0, 0] }], &words).contains("<title>a"));
    }
}
