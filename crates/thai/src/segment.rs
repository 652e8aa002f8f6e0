//! Cutting text into tokens: runs first, then each Thai run by maximal
//! matching against the dictionary.

use crate::cluster::{boundaries, is_thai_letter};
use crate::dictionary::Dictionary;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A Thai word of the dictionary.
    Thai,
    /// Thai letters that make no dictionary word (a name, a misspelling).
    UnknownThai,
    /// Latin letters or digits (Thai digits too): "LINE", "2569", "๑๒".
    Other,
    Space,
    Punctuation,
}

impl TokenKind {
    pub fn is_word(self) -> bool {
        matches!(self, Self::Thai | Self::UnknownThai | Self::Other)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Thai,
    Other,
    Space,
    Punctuation,
}

fn class(c: char) -> Class {
    if is_thai_letter(c) {
        Class::Thai
    } else if c.is_alphanumeric() {
        Class::Other
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Punctuation
    }
}

/// Cuts `text` into tokens that join back to it.
pub fn tokens<'a>(dictionary: &Dictionary, text: &'a str) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let kind = class(first);
        // Punctuation is one character per token; other runs go on while the class does.
        let end = if kind == Class::Punctuation {
            first.len_utf8()
        } else {
            rest.char_indices().find(|(_, c)| class(*c) != kind).map_or(rest.len(), |(at, _)| at)
        };
        let (run, after) = rest.split_at(end);
        match kind {
            Class::Thai => cut_thai(dictionary, run, Whole::Allowed, &mut out),
            Class::Other => out.push(Token { text: run, kind: TokenKind::Other }),
            Class::Space => out.push(Token { text: run, kind: TokenKind::Space }),
            Class::Punctuation => out.push(Token { text: run, kind: TokenKind::Punctuation }),
        }
        rest = after;
    }
    out
}

/// The best cut found so far up to a boundary.
#[derive(Debug, Clone, Copy)]
struct Step {
    /// (characters outside dictionary words, tokens): smaller is better.
    cost: (usize, usize),
    /// The boundary the last piece starts at.
    from: usize,
    /// Whether the last piece is a dictionary word.
    word: bool,
}

/// Whether a Thai run may come out as one dictionary word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    Allowed,
    /// Cutting a compound word into the words inside it.
    Refused,
}

/// The dictionary words a compound Thai word is made of, one level down:
/// ศูนย์เทคโนโลยีสารสนเทศ gives ศูนย์, เทคโนโลยีสารสนเทศ. A word that is not
/// made wholly of smaller dictionary words comes back whole.
pub fn sub_words<'a>(dictionary: &Dictionary, word: &'a str) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    if !word.is_empty() && word.chars().all(is_thai_letter) {
        cut_thai(dictionary, word, Whole::Refused, &mut out);
    }
    if out.len() < 2 || out.iter().any(|token| token.kind != TokenKind::Thai) {
        return tokens(dictionary, word);
    }
    out
}

/// The best cut of a Thai run: fewest characters outside dictionary words,
/// then fewest tokens; adjacent unknown pieces become one token.
fn cut_thai<'a>(dictionary: &Dictionary, run: &'a str, whole: Whole, out: &mut Vec<Token<'a>>) {
    let cuts = boundaries(run);
    // best[k]: the best cut of run[..cuts[k]].
    let mut best: Vec<Option<Step>> = vec![None; cuts.len()];
    best[0] = Some(Step { cost: (0, 0), from: 0, word: true });
    for from in 0..cuts.len() - 1 {
        let Some(Step { cost: (unknown, count), .. }) = best[from] else { continue };
        let start = cuts[from];
        let mut relax = |to: usize, cost: (usize, usize), word: bool| {
            if best[to].is_none_or(|step| cost < step.cost) {
                best[to] = Some(Step { cost, from, word });
            }
        };
        for length in dictionary.prefix_lengths(&run[start..]) {
            if whole == Whole::Refused && length == run.len() {
                continue;
            }
            if let Ok(to) = cuts.binary_search(&(start + length)) {
                relax(to, (unknown, count + 1), true);
            }
        }
        let cluster = run[start..cuts[from + 1]].chars().count();
        relax(from + 1, (unknown + cluster, count + 1), false);
    }
    let mut pieces = Vec::new();
    let mut at = cuts.len() - 1;
    while at > 0 {
        let Step { from, word, .. } = best[at].expect("every cut is reachable one cluster at a time");
        pieces.push((cuts[from], cuts[at], word));
        at = from;
    }
    pieces.reverse();
    let mut merged: Vec<(usize, usize, bool)> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match merged.last_mut() {
            Some(last) if !last.2 && !piece.2 => last.1 = piece.1,
            _ => merged.push(piece),
        }
    }
    out.extend(merged.into_iter().map(|(start, end, word)| Token {
        text: &run[start..end],
        kind: if word { TokenKind::Thai } else { TokenKind::UnknownThai },
    }));
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::{tokens, words};

    #[test]
    fn cuts_thai_text_into_dictionary_words() {
        assert_eq!(words("แจ้งผลการพิจารณา"), ["แจ้ง", "ผล", "การพิจารณา"]);
        assert_eq!(words("รอสายนานเกินไป"), ["รอ", "สาย", "นาน", "เกินไป"]);
    }

    #[test]
    fn a_compound_word_gives_the_words_inside_it() {
        assert_eq!(
            crate::sub_words("ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร"),
            ["ศูนย์", "เทคโนโลยีสารสนเทศ", "และ", "การสื่อสาร"]
        );
        assert_eq!(crate::sub_words("เทคโนโลยีสารสนเทศ"), ["เทคโนโลยี", "สารสนเทศ"]);
        assert_eq!(crate::sub_words("นาน"), ["นาน"]);
        assert_eq!(crate::sub_words("LINE"), ["LINE"]);
    }

    #[test]
    fn clusters_keep_vowels_and_marks_with_their_consonant() {
        assert_eq!(crate::clusters("เทคโนโลยี").collect::<Vec<_>>(), ["เท", "ค", "โน", "โล", "ยี"]);
    }

    #[test]
    fn long_words_the_line_breaker_got_wrong_stay_whole() {
        assert!(words("ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร").len() <= 2);
        assert!(words("ระบบอิเล็กทรอนิกส์").contains(&"อิเล็กทรอนิกส์"));
    }

    #[test]
    fn the_products_own_words_are_words() {
        assert!(words("ระบบประชุมทางไกลหลุดบ่อย").contains(&"ประชุมทางไกล"));
    }

    #[test]
    fn latin_words_digits_spaces_and_punctuation_are_their_own_tokens() {
        assert_eq!(words("แจ้งทาง LINE ได้ไหม? ปี 2569"), ["แจ้ง", "ทาง", "LINE", "ได้", "ไหม", "ปี", "2569"]);
    }

    #[test]
    fn letters_outside_the_dictionary_stay_together() {
        let unknown: Vec<_> =
            tokens("คุณสมชายฟฟฟ").into_iter().filter(|t| t.kind == crate::TokenKind::UnknownThai).collect();
        assert_eq!(unknown.len(), 1, "{unknown:?}");
    }

    proptest! {
        #[test]
        fn tokens_join_back_to_the_text(text in "[ก-๛a-zA-Z0-9 .,!?\u{0E00}-\u{0E7F}]{0,80}") {
            let joined: String = tokens(&text).iter().map(|t| t.text).collect();
            prop_assert_eq!(joined, text);
        }

        #[test]
        fn no_token_starts_with_a_vowel_or_mark_that_belongs_before_it(text in "[ก-ฮะ-ฺเ-๎]{1,40}") {
            let tokens = tokens(&text);
            for token in tokens.iter().skip(1) {
                let first = token.text.chars().next().unwrap();
                prop_assert!(!matches!(first, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}' | '\u{0E47}'..='\u{0E4E}'), "{tokens:?}");
            }
        }
    }
}
