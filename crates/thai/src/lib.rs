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

/// The words of `text`: its Thai words and other words (Latin letters or
/// digits), without spaces and punctuation.
pub fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().filter(|t| t.kind.is_word()).map(|t| t.text).collect()
}

/// A word that says little on its own ("และ", "ที่", "ไม่"): left out of term counts.
pub fn is_stopword(word: &str) -> bool {
    dictionary().is_stopword(word)
}
