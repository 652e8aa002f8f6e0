//! The one Thai word segmenter of ruamjai. Thai is written without spaces
//! between words; search indexing, the term analysis of survey comments and
//! the line breaks of printed documents all need the same words, so they all
//! ask here.
//!
//! The method is dictionary maximal matching (as PyThaiNLP's `newmm`): split
//! the text into runs of Thai and of everything else, then cut each Thai run
//! into dictionary words, choosing the cut with the fewest characters left
//! outside any word and then the fewest words. Cuts fall only between Thai
//! character clusters, so a vowel or a tone mark never starts a word.

mod cluster;
mod dictionary;
mod segment;

pub use dictionary::Dictionary;
pub use segment::{Token, TokenKind};

use std::sync::OnceLock;

/// The product's dictionary, loaded on first use (≈ 62,000 words).
pub fn dictionary() -> &'static Dictionary {
    static SHARED: OnceLock<Dictionary> = OnceLock::new();
    SHARED.get_or_init(Dictionary::builtin)
}

/// Cuts `text` into tokens that join back to `text`.
pub fn tokens(text: &str) -> Vec<Token<'_>> {
    segment::tokens(dictionary(), text)
}

/// The dictionary words a compound word is made of, one level down, for
/// search and for line breaks in narrow columns: ศูนย์เทคโนโลยีสารสนเทศ gives
/// ศูนย์ and เทคโนโลยีสารสนเทศ, which gives เทคโนโลยี and สารสนเทศ. A word
/// not made wholly of smaller dictionary words comes back whole.
pub fn sub_words(word: &str) -> Vec<&str> {
    segment::sub_words(dictionary(), word).into_iter().map(|t| t.text).collect()
}

/// The character clusters of `text`: a consonant with its vowels and tone
/// marks. A line may break, or a word be cut, only between them.
pub fn clusters(text: &str) -> impl Iterator<Item = &str> {
    cluster::boundaries(text).windows(2).map(|w| &text[w[0]..w[1]]).collect::<Vec<_>>().into_iter()
}

/// The words of `text`: its Thai words and other words (Latin letters or
/// digits), without spaces and punctuation.
pub fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().filter(|t| t.kind.is_word()).map(|t| t.text).collect()
}

/// Replaces the ASCII digits 0–9 with Thai digits ๐–๙ (U+0E50–U+0E59);
/// everything else is kept as it is.
pub fn thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x0E50 + d).expect("Thai digits are valid chars"),
            _ => c,
        })
        .collect()
}

/// A word that says little on its own ("และ", "ที่", "ไม่"): left out of term counts.
pub fn is_stopword(word: &str) -> bool {
    dictionary().is_stopword(word)
}
