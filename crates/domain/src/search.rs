//! Words for full-text search of Thai, which is written without spaces:
//! the product's segmenter cuts both the indexed text and the query into
//! the same words, which each database's own full-text index then matches.

use std::collections::BTreeSet;

/// The distinct words of `text`, lower-cased, with the dictionary words
/// inside each compound, so that เทคโนโลยี finds ศูนย์เทคโนโลยีสารสนเทศ.
pub fn index_terms(text: &str) -> Vec<String> {
    let mut terms = BTreeSet::new();
    for token in ruamjai_thai::tokens(text).into_iter().filter(|t| t.kind.is_word()) {
        terms.insert(token.text.to_lowercase());
        for part in ruamjai_thai::sub_words(token.text) {
            for inner in ruamjai_thai::sub_words(part) {
                terms.insert(inner.to_lowercase());
            }
            terms.insert(part.to_lowercase());
        }
    }
    terms.into_iter().collect()
}

/// The words a query asks for, lower-cased, all of which must match. Common
/// function words are dropped unless the query is nothing else.
pub fn query_terms(query: &str) -> Vec<String> {
    let words: Vec<String> = ruamjai_thai::tokens(query)
        .into_iter()
        .filter(|t| t.kind.is_word())
        .map(|t| t.text.to_lowercase())
        .collect();
    let meaningful: Vec<String> = words.iter().filter(|w| !ruamjai_thai::is_stopword(w)).cloned().collect();
    let mut terms = if meaningful.is_empty() { words } else { meaningful };
    terms.dedup();
    terms.truncate(8);
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_are_indexed_with_the_words_inside_them() {
        let terms = index_terms("ติดต่อศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร ทาง LINE");
        for expected in ["ศูนย์", "เทคโนโลยี", "สารสนเทศ", "line", "ติดต่อ"]
        {
            assert!(terms.iter().any(|t| t == expected), "{expected} missing from {terms:?}");
        }
    }

    #[test]
    fn a_query_keeps_its_meaningful_words() {
        let terms = query_terms("ขอใช้บริการ VPN ของศูนย์");
        assert!(terms.contains(&"vpn".to_owned()) && terms.contains(&"บริการ".to_owned()), "{terms:?}");
        assert!(!terms.contains(&"ของ".to_owned()), "a function word is no search term: {terms:?}");
        assert_eq!(query_terms("ของ"), ["ของ"]);
        assert_eq!(query_terms("  "), Vec::<String>::new());
        assert!(query_terms("อีเมล").contains(&"อีเมล".to_owned()));
    }
}
