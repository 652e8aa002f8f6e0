//! The word list: sorted, so the words that continue a prefix are one
//! contiguous range, narrowed a character at a time.

const WORDS: &str = include_str!("../data/words_th.txt");
const OWN_WORDS: &str = include_str!("../data/ruamjai_words.txt");
const STOPWORDS: &str = include_str!("../data/stopwords_th.txt");

#[derive(Debug)]
pub struct Dictionary {
    /// Sorted by bytes, without duplicates.
    words: Vec<&'static str>,
    stopwords: Vec<&'static str>,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

impl Dictionary {
    /// PyThaiNLP's word list with the product's own words.
    pub fn builtin() -> Self {
        Self::from_words(lines(WORDS).chain(lines(OWN_WORDS)), lines(STOPWORDS))
    }

    pub fn from_words(
        words: impl IntoIterator<Item = &'static str>,
        stopwords: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        let mut words: Vec<&'static str> = words.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        let mut stopwords: Vec<&'static str> = stopwords.into_iter().collect();
        stopwords.sort_unstable();
        stopwords.dedup();
        Self { words, stopwords }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.binary_search(&word).is_ok()
    }

    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.binary_search(&word).is_ok()
    }

    /// The byte lengths of the dictionary words `text` starts with, shortest first.
    pub(crate) fn prefix_lengths(&self, text: &str) -> Vec<usize> {
        let mut found = Vec::new();
        let (mut lo, mut hi) = (0, self.words.len());
        for (at, c) in text.char_indices() {
            let prefix = &text[..at + c.len_utf8()];
            lo += self.words[lo..hi].partition_point(|w| *w < prefix);
            hi = lo + self.words[lo..hi].partition_point(|w| w.starts_with(prefix));
            if lo == hi {
                break;
            }
            if self.words[lo] == prefix {
                found.push(prefix.len());
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_a_text_starts_with() {
        let d = Dictionary::from_words(["การ", "การบริการ", "บริการ", "กา"], []);
        assert_eq!(d.prefix_lengths("การบริการดี"), ["กา".len(), "การ".len(), "การบริการ".len()]);
        assert!(d.prefix_lengths("ดี").is_empty());
    }

    #[test]
    fn the_builtin_list_has_the_corpus_and_the_products_words() {
        let d = Dictionary::builtin();
        assert!(d.len() > 60_000);
        assert!(d.contains("บริการ") && d.contains("ประชุมทางไกล"));
        assert!(d.is_stopword("และ") && !d.is_stopword("บริการ"));
    }
}
