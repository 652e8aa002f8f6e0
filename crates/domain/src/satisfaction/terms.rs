//! What dissatisfied respondents wrote, counted word by word: the open
//! answers of every respondent who gave any five-point item 1 or 2, cut into
//! words by the product's one Thai segmenter, and the words most of them used,
//! per dimension they scored low and overall.

use std::collections::{BTreeMap, BTreeSet};

use super::questionnaire::Questionnaire;
use super::tally::ALL_ITEMS;

/// A dissatisfied respondent's open answers and low scores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DissatisfiedComment {
    pub response_id: i64,
    /// The five-point items scored 1 or 2.
    pub low_items: Vec<String>,
    /// The open answers, by item code, in questionnaire order.
    pub texts: Vec<(String, String)>,
}

impl DissatisfiedComment {
    /// The dimensions with an item scored 1 or 2.
    pub fn low_dimensions<'q>(&self, questionnaire: &'q Questionnaire) -> BTreeSet<&'q str> {
        questionnaire
            .scale_items()
            .filter(|(_, item)| self.low_items.contains(&item.code))
            .map(|(dimension, _)| dimension.code.as_str())
            .collect()
    }
}

/// A word and how many respondents used it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    pub term: String,
    pub respondents: u64,
}

/// The top terms of a dimension ([`ALL_ITEMS`] for every comment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionTerms {
    pub dimension: String,
    /// Respondents whose comments were read for this dimension.
    pub respondents: u64,
    pub terms: Vec<TermCount>,
}

/// The words of a text worth counting: no stop words, no lone letters, no
/// bare numbers; Latin words lower-cased so "LINE" and "line" are one.
pub fn countable_words(text: &str) -> BTreeSet<String> {
    ruamjai_thai::words(text)
        .into_iter()
        .filter(|w| w.chars().count() >= 2 && !ruamjai_thai::is_stopword(w))
        .filter(|w| !w.chars().all(|c| c.is_numeric()))
        .map(str::to_lowercase)
        .collect()
}

/// The `limit` words used by most respondents, overall first and then per
/// dimension in questionnaire order (dimensions nobody scored low are left
/// out). Ties go in the words' alphabetical order.
pub fn top_terms(
    questionnaire: &Questionnaire,
    comments: &[DissatisfiedComment],
    limit: usize,
) -> Vec<DimensionTerms> {
    let mut counts: BTreeMap<&str, (u64, BTreeMap<String, u64>)> = BTreeMap::new();
    for comment in comments {
        let words: BTreeSet<String> =
            comment.texts.iter().flat_map(|(_, text)| countable_words(text)).collect();
        if words.is_empty() {
            continue;
        }
        let low = comment.low_dimensions(questionnaire);
        for dimension in std::iter::once(ALL_ITEMS).chain(low) {
            let (respondents, terms) = counts.entry(dimension).or_default();
            *respondents += 1;
            for word in &words {
                *terms.entry(word.clone()).or_default() += 1;
            }
        }
    }
    let order = std::iter::once(ALL_ITEMS).chain(questionnaire.dimensions().map(|d| d.code.as_str()));
    order
        .filter_map(|dimension| {
            let (respondents, terms) = counts.remove(dimension)?;
            let mut terms: Vec<TermCount> =
                terms.into_iter().map(|(term, respondents)| TermCount { term, respondents }).collect();
            terms.sort_by(|a, b| b.respondents.cmp(&a.respondents).then_with(|| a.term.cmp(&b.term)));
            terms.truncate(limit);
            Some(DimensionTerms { dimension: dimension.to_owned(), respondents, terms })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::satisfaction::standard::{DISSATISFIED_ITEM, standard};

    fn comment(id: i64, low: &[&str], text: &str) -> DissatisfiedComment {
        DissatisfiedComment {
            response_id: id,
            low_items: low.iter().map(|s| (*s).to_owned()).collect(),
            texts: vec![(DISSATISFIED_ITEM.to_owned(), text.to_owned())],
        }
    }

    #[test]
    fn counts_each_word_once_per_respondent_without_stop_words() {
        let words = countable_words("รอสายนานมาก รอนานมาก และ 15 นาที LINE line");
        assert_eq!(
            words.into_iter().collect::<Vec<_>>(),
            ["line", "นาที", "นาน", "รอ", "สาย"].map(String::from),
            "มาก and และ are stop words; 15 is a number"
        );
    }

    #[test]
    fn ranks_words_by_respondents_overall_and_per_low_dimension() {
        let q = standard();
        let process = q.dimensions().find(|d| d.code == "process").unwrap();
        let staff = q.dimensions().find(|d| d.code == "staff").unwrap();
        let (p, s) = (process.items[0].code.as_str(), staff.items[0].code.as_str());
        let comments = [
            comment(1, &[p], "รอสายนานเกินไป"),
            comment(2, &[p], "รอคิวนาน"),
            comment(3, &[s], "เจ้าหน้าที่พูดไม่สุภาพ รอนาน"),
            comment(4, &[p, s], ""),
        ];
        let top = top_terms(&q, &comments, 2);
        assert_eq!(top[0].dimension, ALL_ITEMS);
        assert_eq!(top[0].respondents, 3, "a respondent who wrote nothing is not counted");
        assert_eq!(
            top[0].terms,
            [
                TermCount { term: "นาน".into(), respondents: 3 },
                TermCount { term: "รอ".into(), respondents: 3 }
            ]
        );
        let process_terms = top.iter().find(|t| t.dimension == "process").unwrap();
        assert_eq!(process_terms.respondents, 2);
        let staff_terms = top.iter().find(|t| t.dimension == "staff").unwrap();
        assert_eq!(staff_terms.respondents, 1);
        assert_eq!(staff_terms.terms.len(), 2);
        assert!(top.iter().all(|t| t.dimension != "facilities"), "nobody scored it low");
    }
}
