//! What one response adds to the report cells, and how cells read back as
//! a report. The store keeps the cells; this is the arithmetic.

use std::collections::BTreeMap;

use super::questionnaire::Questionnaire;
use super::response::{Answer, NewResponse, any_dissatisfied};
use super::stats::{AlphaSums, ScaleCounts};

/// The dimension key of the pooled "all five-point items" cells.
pub const ALL_ITEMS: &str = "";

/// One five-point item's share of a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDelta {
    pub item: String,
    /// `None`: not applicable.
    pub score: Option<u8>,
    /// The score again when the respondent scored every item of the
    /// dimension (for its alpha), and every five-point item (overall alpha).
    pub complete_in_dimension: Option<u64>,
    pub complete_overall: Option<u64>,
}

/// A dimension's (or, with [`ALL_ITEMS`], all items') share of a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionDelta {
    pub dimension: String,
    /// The total score, when every item of it was scored.
    pub complete_total: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    pub items: Vec<ItemDelta>,
    pub dimensions: Vec<DimensionDelta>,
    pub dissatisfied: bool,
}

/// What a checked response adds. Five-point items left unanswered (when
/// optional) add nothing; "not applicable" adds to `na`.
pub fn delta(questionnaire: &Questionnaire, response: &NewResponse) -> Delta {
    delta_of_answers(questionnaire, &response.answers)
}

/// What checked answers add (the cells' key says whose they are).
pub fn delta_of_answers(questionnaire: &Questionnaire, answers: &[(String, Answer)]) -> Delta {
    let answer = |code: &str| answers.iter().find(|(c, _)| c == code).map(|(_, a)| a);
    let score = |code: &str| match answer(code) {
        Some(Answer::Scale(score)) => *score,
        _ => None,
    };
    let scores = |codes: &mut dyn Iterator<Item = &str>| -> Option<u64> {
        codes.map(|code| score(code).map(u64::from)).sum::<Option<u64>>()
    };
    let overall = scores(&mut questionnaire.scale_items().map(|(_, i)| i.code.as_str()));
    let mut dimensions: Vec<DimensionDelta> = questionnaire
        .dimensions()
        .map(|d| DimensionDelta {
            dimension: d.code.clone(),
            complete_total: scores(&mut d.items.iter().map(|i| i.code.as_str())),
        })
        .collect();
    let items = questionnaire
        .scale_items()
        .filter(|(_, item)| answer(&item.code).is_some())
        .map(|(dimension, item)| {
            let score = score(&item.code);
            let complete =
                dimensions.iter().find(|d| d.dimension == dimension.code).and_then(|d| d.complete_total);
            ItemDelta {
                item: item.code.clone(),
                score,
                complete_in_dimension: complete.and(score.map(u64::from)),
                complete_overall: overall.and(score.map(u64::from)),
            }
        })
        .collect();
    dimensions.push(DimensionDelta { dimension: ALL_ITEMS.to_owned(), complete_total: overall });
    Delta { items, dimensions, dissatisfied: any_dissatisfied(answers) }
}

/// A five-point item's cells, summed over a selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ItemSums {
    pub counts: ScaleCounts,
    pub complete_sum: u64,
    pub complete_squares: u64,
    pub all_complete_sum: u64,
    pub all_complete_squares: u64,
}

/// A dimension's cells, summed over a selection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DimensionSums {
    pub complete: u64,
    pub total_sum: u64,
    pub total_squares: u64,
}

/// Everything a report reads, summed over the selected cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CellSums {
    pub items: BTreeMap<String, ItemSums>,
    /// By dimension code; [`ALL_ITEMS`] for all five-point items.
    pub dimensions: BTreeMap<String, DimensionSums>,
}

impl CellSums {
    /// Adds one response's delta, as the store adds it to a cell.
    pub fn add(&mut self, delta: &Delta) {
        for d in &delta.items {
            let sums = self.items.entry(d.item.clone()).or_default();
            sums.counts.add(d.score);
            if let Some(score) = d.complete_in_dimension {
                sums.complete_sum += score;
                sums.complete_squares += score * score;
            }
            if let Some(score) = d.complete_overall {
                sums.all_complete_sum += score;
                sums.all_complete_squares += score * score;
            }
        }
        for d in &delta.dimensions {
            if let Some(total) = d.complete_total {
                let sums = self.dimensions.entry(d.dimension.clone()).or_default();
                sums.complete += 1;
                sums.total_sum += total;
                sums.total_squares += total * total;
            }
        }
    }

    /// The alpha sums of a dimension, or of all items with [`ALL_ITEMS`].
    pub fn alpha_sums(&self, questionnaire: &Questionnaire, dimension: &str) -> AlphaSums {
        let overall = dimension == ALL_ITEMS;
        let items: Vec<&str> = questionnaire
            .scale_items()
            .filter(|(d, _)| overall || d.code == dimension)
            .map(|(_, i)| i.code.as_str())
            .collect();
        let totals = self.dimensions.get(dimension).copied().unwrap_or_default();
        let item = |code: &str| self.items.get(code).copied().unwrap_or_default();
        let pick = |s: ItemSums| {
            if overall {
                (s.all_complete_sum, s.all_complete_squares)
            } else {
                (s.complete_sum, s.complete_squares)
            }
        };
        AlphaSums {
            respondents: totals.complete,
            item_sums: items.iter().map(|c| pick(item(c)).0).collect(),
            item_squares: items.iter().map(|c| pick(item(c)).1).collect(),
            total_sum: totals.total_sum,
            total_squares: totals.total_squares,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::satisfaction::response::{AnswerInput, ResponseInput};
    use crate::satisfaction::standard::standard;

    fn response(score: impl Fn(&str) -> &'static str) -> NewResponse {
        let answers = standard()
            .scale_items()
            .map(|(_, i)| (i.code.clone(), AnswerInput::One(score(&i.code).into())))
            .collect();
        ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers }
            .check(&standard())
            .unwrap()
    }

    #[test]
    fn a_not_applicable_answer_counts_as_such_and_leaves_the_respondent_out_of_alpha() {
        let q = standard();
        let delta = delta(&q, &response(|code| if code == "staff-2" { "na" } else { "4" }));
        let staff_2 = delta.items.iter().find(|d| d.item == "staff-2").unwrap();
        assert_eq!((staff_2.score, staff_2.complete_in_dimension), (None, None));
        let staff_1 = delta.items.iter().find(|d| d.item == "staff-1").unwrap();
        assert_eq!((staff_1.complete_in_dimension, staff_1.complete_overall), (None, None));
        let process_1 = delta.items.iter().find(|d| d.item == "process-1").unwrap();
        assert_eq!((process_1.complete_in_dimension, process_1.complete_overall), (Some(4), None));
        let totals: Vec<_> =
            delta.dimensions.iter().map(|d| (d.dimension.as_str(), d.complete_total)).collect();
        assert_eq!(totals[0], ("process", Some(16)));
        assert_eq!(totals[1], ("staff", None));
        assert_eq!(totals[5], (ALL_ITEMS, None));
    }

    #[test]
    fn summed_cells_give_the_alpha_of_the_raw_answers() {
        let q = standard();
        let patterns: [fn(&str) -> &'static str; 4] = [
            |c| if c.ends_with('1') { "5" } else { "4" },
            |c| if c.starts_with("staff") { "3" } else { "4" },
            |_| "2",
            |c| if c.ends_with('2') { "5" } else { "3" },
        ];
        let mut cells = CellSums::default();
        let mut raw = AlphaSums::new(4);
        for pattern in patterns {
            let r = response(pattern);
            cells.add(&delta(&q, &r));
            raw.add(&["process-1", "process-2", "process-3", "process-4"].map(|c| r.score(c)));
        }
        assert_eq!(cells.alpha_sums(&q, "process"), raw);
        assert!(cells.alpha_sums(&q, ALL_ITEMS).alpha().is_some());
        assert_eq!(cells.items["process-1"].counts.n(), 4);
    }
}
