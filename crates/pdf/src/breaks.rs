//! Thai line breaks, decided by the product's segmenter instead of Typst's.
//!
//! Typst breaks Thai lines with ICU4X's LSTM model, which sometimes breaks
//! inside words (ศูนย์เทคโนโล|ยีสารสนเทศ, อิเล็ก|ทรอนิกส์). So every Thai word
//! is marked: ZERO WIDTH SPACE (U+200B) before it and WORD JOINER (U+2060)
//! between its clusters. The house style (`templates/ruamjai.typ`) turns
//! each marked word into an unbreakable box without the marks, so lines
//! break between words only and the text layer stays clean. Compounds
//! longer than a narrow column may break between the dictionary words they
//! are made of; a word wider than its column still wraps inside its box,
//! indented by what precedes it on the line, so columns must be wide enough
//! for their longest word. Without the house style the marks are invisible,
//! and `strip_line_break_hints` takes them out.

use ruamjai_thai::{TokenKind, clusters, sub_words, tokens};
use serde_json::Value;

const JOINER: char = '\u{2060}';
const BREAK: char = '\u{200B}';

/// A word longer than this many clusters may break between its sub-words.
const LONG_WORD: usize = 6;

/// Steers the line breaks of every string inside `value`.
pub fn steer_line_breaks(value: &mut Value) {
    map_strings(value, &|text| if has_thai(text) { steer(text) } else { text.to_owned() });
}

/// Rewrites every string inside `value` with `f`.
pub(crate) fn map_strings(value: &mut Value, f: &dyn Fn(&str) -> String) {
    match value {
        Value::String(text) => *text = f(text),
        Value::Array(items) => items.iter_mut().for_each(|v| map_strings(v, f)),
        Value::Object(fields) => fields.values_mut().for_each(|v| map_strings(v, f)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// `text` without the invisible characters `steer_line_breaks` put in.
pub fn strip_line_break_hints(text: &str) -> String {
    text.chars().filter(|c| *c != JOINER && *c != BREAK).collect()
}

fn has_thai(text: &str) -> bool {
    text.chars().any(|c| ('\u{0E01}'..='\u{0E5B}').contains(&c))
}

fn is_thai(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Thai | TokenKind::UnknownThai)
}

fn steer(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for token in tokens(text) {
        if is_thai(token.kind) {
            push_word(token.text, &mut out);
        } else {
            out.push_str(token.text);
        }
    }
    out
}

/// One Thai word: unbreakable, unless it is a long compound, whose parts
/// are then placed as words of their own.
fn push_word(word: &str, out: &mut String) {
    let parts = if clusters(word).count() > LONG_WORD { sub_words(word) } else { vec![word] };
    if parts.len() > 1 {
        parts.into_iter().for_each(|part| push_word(part, out));
        return;
    }
    out.push(BREAK);
    for (i, cluster) in clusters(word).enumerate() {
        if i > 0 {
            out.push(JOINER);
        }
        out.push_str(cluster);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        steer(text).replace(JOINER, "").replace(BREAK, "|").trim_start_matches('|').to_owned()
    }

    #[test]
    fn breaks_fall_between_words_only() {
        assert_eq!(shown("แจ้งผลการพิจารณา"), "แจ้ง|ผล|การพิจารณา");
        assert_eq!(steer("นาน"), "\u{200B}นา\u{2060}น");
    }

    #[test]
    fn long_compounds_may_break_between_their_words() {
        assert_eq!(shown("ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"), "ศูนย์|เทคโนโลยี|สารสนเทศ|และ|การสื่อสาร");
        assert_eq!(shown("อิเล็กทรอนิกส์"), "อิเล็กทรอนิกส์");
    }

    #[test]
    fn other_text_is_left_alone() {
        assert_eq!(steer("LINE @moi 2569"), "LINE @moi 2569");
        assert_eq!(shown("ติดต่อ LINE ได้"), "ติดต่อ LINE |ได้");
    }

    #[test]
    fn the_hints_strip_back_to_the_original() {
        let text = "ศูนย์เทคโนโลยีสารสนเทศ แจ้งผลการพิจารณา ภายใน 7 วัน";
        assert_eq!(strip_line_break_hints(&steer(text)), text);
    }

    #[test]
    fn every_string_in_the_data_is_steered() {
        let mut data = serde_json::json!({"a": ["แจ้งผล"], "b": {"c": "แจ้งผล"}, "n": 3});
        steer_line_breaks(&mut data);
        assert_eq!(data["a"][0], steer("แจ้งผล"));
        assert_eq!(data["b"]["c"], steer("แจ้งผล"));
        assert_eq!(data["n"], 3);
    }
}
