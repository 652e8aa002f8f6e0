//! A survey's report: per item, per dimension and overall, per group's
//! sample adequacy, and the weakest items by dissatisfaction.

use super::questionnaire::Questionnaire;
use super::stats::{BandScheme, DEFAULT_MARGIN_BASIS_POINTS, ScaleCounts, ScaleSummary, yamane_required};
use super::tally::{ALL_ITEMS, CellSums};

#[derive(Debug, Clone, PartialEq)]
pub struct ItemFigures {
    pub item: String,
    pub dimension: String,
    pub summary: ScaleSummary,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DimensionFigures {
    /// [`ALL_ITEMS`] for the overall figures.
    pub dimension: String,
    pub summary: ScaleSummary,
    pub alpha: Option<f64>,
}

/// Responses of a group against the sample it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupFigures {
    pub group: String,
    pub population: Option<u64>,
    /// Taro Yamane at e = 0.05, when the population is known.
    pub required: Option<u64>,
    pub achieved: u64,
}

impl GroupFigures {
    pub fn adequate(&self) -> Option<bool> {
        self.required.map(|required| self.achieved >= required)
    }
}

/// How many responses (and dissatisfied ones) a selection holds, by group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCount {
    pub group: String,
    pub population: Option<u64>,
    pub responses: u64,
    pub dissatisfied: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SatisfactionReport {
    pub responses: u64,
    /// Respondents with any five-point answer of 1 or 2.
    pub dissatisfied_responses: u64,
    pub items: Vec<ItemFigures>,
    pub dimensions: Vec<DimensionFigures>,
    pub overall: DimensionFigures,
    pub groups: Vec<GroupFigures>,
}

impl SatisfactionReport {
    pub fn build(
        questionnaire: &Questionnaire,
        sums: &CellSums,
        groups: &[GroupCount],
        scheme: BandScheme,
    ) -> Self {
        let counts = |code: &str| sums.items.get(code).map(|s| s.counts).unwrap_or_default();
        let items = questionnaire
            .scale_items()
            .map(|(d, i)| ItemFigures {
                item: i.code.clone(),
                dimension: d.code.clone(),
                summary: counts(&i.code).summary(scheme),
            })
            .collect();
        let pooled = |dimension: &str| {
            let mut pool = ScaleCounts::default();
            questionnaire
                .scale_items()
                .filter(|(d, _)| dimension == ALL_ITEMS || d.code == dimension)
                .for_each(|(_, i)| pool += counts(&i.code));
            DimensionFigures {
                dimension: dimension.to_owned(),
                summary: pool.summary(scheme),
                alpha: sums.alpha_sums(questionnaire, dimension).alpha(),
            }
        };
        Self {
            responses: groups.iter().map(|g| g.responses).sum(),
            dissatisfied_responses: groups.iter().map(|g| g.dissatisfied).sum(),
            items,
            dimensions: questionnaire.dimensions().map(|d| pooled(&d.code)).collect(),
            overall: pooled(ALL_ITEMS),
            groups: groups
                .iter()
                .map(|g| GroupFigures {
                    group: g.group.clone(),
                    population: g.population,
                    required: g.population.map(|n| yamane_required(n, DEFAULT_MARGIN_BASIS_POINTS)),
                    achieved: g.responses,
                })
                .collect(),
        }
    }

    /// The figures of an item or a dimension by code ([`ALL_ITEMS`]: overall).
    pub fn summary_of(&self, code: &str) -> Option<&ScaleSummary> {
        if code == ALL_ITEMS {
            return Some(&self.overall.summary);
        }
        let item = self.items.iter().find(|i| i.item == code).map(|i| &i.summary);
        item.or_else(|| self.dimensions.iter().find(|d| d.dimension == code).map(|d| &d.summary))
    }

    /// Items with answers, the most dissatisfying first (ties: the lower mean first).
    pub fn weakest(&self, count: usize) -> Vec<&ItemFigures> {
        let mut answered: Vec<&ItemFigures> = self.items.iter().filter(|i| i.summary.n > 0).collect();
        answered.sort_by(|a, b| {
            let key =
                |i: &ItemFigures| (i.summary.dissatisfied_pct.unwrap_or(0.0), -i.summary.mean.unwrap_or(0.0));
            key(b).partial_cmp(&key(a)).unwrap_or(std::cmp::Ordering::Equal)
        });
        answered.truncate(count);
        answered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::satisfaction::response::{AnswerInput, ResponseInput};
    use crate::satisfaction::standard::standard;
    use crate::satisfaction::tally::delta;

    #[test]
    fn a_report_pools_dimensions_ranks_weak_items_and_judges_samples() {
        let q = standard();
        let mut sums = CellSums::default();
        for (process_2, rest) in [("1", "4"), ("2", "5"), ("4", "4")] {
            let answers = q
                .scale_items()
                .map(|(_, i)| {
                    (
                        i.code.clone(),
                        AnswerInput::One(if i.code == "process-2" { process_2 } else { rest }.into()),
                    )
                })
                .collect();
            let response =
                ResponseInput { group: "provinces".into(), service: "video-conference".into(), answers };
            sums.add(&delta(&q, &response.check(&q).unwrap()));
        }
        let groups = [
            GroupCount { group: "provinces".into(), population: Some(76), responses: 3, dissatisfied: 2 },
            GroupCount { group: "public".into(), population: None, responses: 0, dissatisfied: 0 },
        ];
        let report = SatisfactionReport::build(&q, &sums, &groups, BandScheme::Equal);
        assert_eq!((report.responses, report.dissatisfied_responses), (3, 2));
        let process = &report.dimensions[0];
        // process: 4 items × 3 answers = 12: 1, 2, 4 on item 2 and nine of 4, 5, 4.
        assert_eq!(process.summary.n, 12);
        assert_eq!(process.summary.dist, [1, 1, 0, 7, 3]);
        assert_eq!(report.weakest(1)[0].item, "process-2");
        assert!((report.weakest(1)[0].summary.dissatisfied_pct.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(report.overall.summary.n, 66);
        // N = 76: 76 / (1 + 76 × 0.0025) = 63.87 → 64.
        assert_eq!((report.groups[0].required, report.groups[0].adequate()), (Some(64), Some(false)));
        assert_eq!(report.groups[1].adequate(), None);
        assert_eq!(report.summary_of("process-2").unwrap().dist, [1, 1, 0, 1, 0]);
        assert_eq!(report.summary_of("process").unwrap().n, 12);
        assert_eq!(report.summary_of(ALL_ITEMS).unwrap().n, 66);
        assert!(report.summary_of("no-such-code").is_none());
    }
}
