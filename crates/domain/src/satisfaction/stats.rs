//! The statistics of a satisfaction report, defined exactly as evaluators
//! recompute them (issue 5, `domain.md`), from counts that merge by addition.
//!
//! Everything a report needs is a sum of integers: the count of each score,
//! and for Cronbach's alpha the sums and sums of squares of item scores and
//! total scores over complete respondents. Sums merge in any order to the
//! same value, so aggregate cells kept per survey × service × group ×
//! month give the same report as the raw answers, whichever cells a filter
//! picks and in whatever order they are added.

use std::ops::AddAssign;

/// Answers to one five-point item (or pooled over several): the count of
/// each score 1..=5, and of "not applicable", which no mean includes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScaleCounts {
    pub dist: [u64; 5],
    pub na: u64,
}

impl ScaleCounts {
    /// Counts one answer: `Some(1..=5)` a score, `None` not applicable.
    pub fn add(&mut self, score: Option<u8>) {
        match score {
            Some(s @ 1..=5) => self.dist[usize::from(s - 1)] += 1,
            Some(_) => {}
            None => self.na += 1,
        }
    }

    /// Answers with a score (not "not applicable").
    pub fn n(&self) -> u64 {
        self.dist.iter().sum()
    }

    fn sum(&self) -> u64 {
        (1..=5).zip(self.dist).map(|(score, count)| score * count).sum()
    }

    fn sum_of_squares(&self) -> u64 {
        (1..=5).zip(self.dist).map(|(score, count)| score * score * count).sum()
    }

    pub fn summary(&self, scheme: BandScheme) -> ScaleSummary {
        let n = self.n();
        let mean = (n > 0).then(|| self.sum() as f64 / n as f64);
        ScaleSummary {
            n,
            na: self.na,
            dist: self.dist,
            mean,
            sd: sample_sd(n, self.sum(), self.sum_of_squares()),
            satisfied_pct: percent(self.dist[3] + self.dist[4], n),
            dissatisfied_pct: percent(self.dist[0] + self.dist[1], n),
            mean_pct: mean.map(|m| m / 5.0 * 100.0),
            band: mean.map(|m| scheme.band(m)),
        }
    }
}

impl AddAssign for ScaleCounts {
    fn add_assign(&mut self, other: Self) {
        for (mine, theirs) in self.dist.iter_mut().zip(other.dist) {
            *mine += theirs;
        }
        self.na += other.na;
    }
}

/// An item's, a dimension's or the overall figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleSummary {
    /// Answers 1–5.
    pub n: u64,
    /// "Not applicable" answers.
    pub na: u64,
    /// Counts of 1, 2, 3, 4 and 5.
    pub dist: [u64; 5],
    pub mean: Option<f64>,
    /// Sample standard deviation (n − 1); `None` below two answers.
    pub sd: Option<f64>,
    /// Top-two box: 100 × (count of 4 and 5) / n.
    pub satisfied_pct: Option<f64>,
    /// Bottom-two box: 100 × (count of 1 and 2) / n.
    pub dissatisfied_pct: Option<f64>,
    /// The other satisfaction percentage in use: mean ÷ 5 × 100.
    pub mean_pct: Option<f64>,
    pub band: Option<Band>,
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| 100.0 * part as f64 / whole as f64)
}

/// √((Σx² − (Σx)²/n) / (n − 1)), from integer sums so that merged cells
/// give exactly the figure of the raw answers.
fn sample_sd(n: u64, sum: u64, sum_of_squares: u64) -> Option<f64> {
    sample_variance(n, sum, sum_of_squares).map(f64::sqrt)
}

fn sample_variance(n: u64, sum: u64, sum_of_squares: u64) -> Option<f64> {
    if n < 2 {
        return None;
    }
    // n·Σx² − (Σx)² is exact in integers (and never negative).
    let spread = u128::from(n) * u128::from(sum_of_squares) - u128::from(sum) * u128::from(sum);
    Some(spread as f64 / (n as f64 * (n - 1) as f64))
}

/// How a mean is read in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    VeryHigh,
    High,
    Moderate,
    Low,
    VeryLow,
}

impl Band {
    pub fn code(self) -> &'static str {
        match self {
            Self::VeryHigh => "very-high",
            Self::High => "high",
            Self::Moderate => "moderate",
            Self::Low => "low",
            Self::VeryLow => "very-low",
        }
    }
}

/// The two interpretation schemes in use in Thai agencies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BandScheme {
    /// Five equal bands 0.8 wide: 4.21–5.00, 3.41–4.20, 2.61–3.40, 1.81–2.60, 1.00–1.80.
    #[default]
    Equal,
    /// Bands 1.0 wide around the integers: 4.51–5.00, 3.51–4.50, 2.51–3.50, 1.51–2.50, 1.00–1.50.
    Rounded,
}

impl BandScheme {
    pub fn code(self) -> &'static str {
        match self {
            Self::Equal => "equal",
            Self::Rounded => "rounded",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Equal, Self::Rounded].into_iter().find(|s| s.code() == raw.trim())
    }

    /// The band of a mean as printed, to two decimals: the tables give
    /// bands by two-decimal bounds, so 4.205 reads as 4.21 and is very high.
    pub fn band(self, mean: f64) -> Band {
        let hundredths = (mean * 100.0).round() as i64;
        let lower_bounds = match self {
            Self::Equal => [421, 341, 261, 181],
            Self::Rounded => [451, 351, 251, 151],
        };
        let bands = [Band::VeryHigh, Band::High, Band::Moderate, Band::Low];
        lower_bounds
            .iter()
            .zip(bands)
            .find(|(bound, _)| hundredths >= **bound)
            .map_or(Band::VeryLow, |(_, b)| b)
    }
}

/// What Cronbach's alpha of a dimension needs, over the respondents who
/// answered every one of its `k` items with a score: their number, each
/// item's sum and sum of squares, and the sum and sum of squares of their
/// total scores.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlphaSums {
    pub respondents: u64,
    pub item_sums: Vec<u64>,
    pub item_squares: Vec<u64>,
    pub total_sum: u64,
    pub total_squares: u64,
}

impl AlphaSums {
    pub fn new(items: usize) -> Self {
        Self { item_sums: vec![0; items], item_squares: vec![0; items], ..Self::default() }
    }

    /// Counts one respondent's scores on the dimension's items, in order;
    /// a respondent with any item unanswered or not applicable is left out.
    pub fn add(&mut self, scores: &[Option<u8>]) {
        if scores.len() != self.item_sums.len() || scores.iter().any(|s| !matches!(s, Some(1..=5))) {
            return;
        }
        let scores: Vec<u64> = scores.iter().map(|s| u64::from(s.unwrap_or(0))).collect();
        let total: u64 = scores.iter().sum();
        self.respondents += 1;
        for (i, score) in scores.iter().enumerate() {
            self.item_sums[i] += score;
            self.item_squares[i] += score * score;
        }
        self.total_sum += total;
        self.total_squares += total * total;
    }

    /// α = k / (k − 1) × (1 − Σ var(item) / var(total)); `None` with fewer
    /// than two items or complete respondents, or when totals do not vary.
    pub fn alpha(&self) -> Option<f64> {
        let k = self.item_sums.len();
        let n = self.respondents;
        if k < 2 || n < 2 {
            return None;
        }
        let total_variance = sample_variance(n, self.total_sum, self.total_squares)?;
        if total_variance == 0.0 {
            return None;
        }
        let item_variances: f64 = self
            .item_sums
            .iter()
            .zip(&self.item_squares)
            .filter_map(|(sum, squares)| sample_variance(n, *sum, *squares))
            .sum();
        let k = k as f64;
        Some(k / (k - 1.0) * (1.0 - item_variances / total_variance))
    }
}

impl AddAssign<&AlphaSums> for AlphaSums {
    fn add_assign(&mut self, other: &AlphaSums) {
        if self.item_sums.is_empty() {
            *self = Self::new(other.item_sums.len());
        }
        self.respondents += other.respondents;
        for (mine, theirs) in self.item_sums.iter_mut().zip(&other.item_sums) {
            *mine += theirs;
        }
        for (mine, theirs) in self.item_squares.iter_mut().zip(&other.item_squares) {
            *mine += theirs;
        }
        self.total_sum += other.total_sum;
        self.total_squares += other.total_squares;
    }
}

/// Taro Yamane's sample size, n = N / (1 + N·e²), rounded up, with the
/// margin `e` in basis points (500 = 0.05, the default) so that it is exact:
/// N = 1,000 gives 286, and a very large N tends to 400.
pub fn yamane_required(population: u64, margin_basis_points: u32) -> u64 {
    let e_squared_denominator: u128 = 100_000_000; // (10⁴)²
    let e_squared_numerator = u128::from(margin_basis_points).pow(2);
    let numerator = u128::from(population) * e_squared_denominator;
    let denominator = e_squared_denominator + u128::from(population) * e_squared_numerator;
    u64::try_from(numerator.div_ceil(denominator)).unwrap_or(u64::MAX)
}

pub const DEFAULT_MARGIN_BASIS_POINTS: u32 = 500;

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(scores: &[Option<u8>]) -> ScaleCounts {
        let mut counts = ScaleCounts::default();
        scores.iter().for_each(|s| counts.add(*s));
        counts
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn an_item_is_summarised_as_evaluators_compute_it_by_hand() {
        // 5, 4, 4, 3, 2, N/A: n = 5, mean = 18/5 = 3.6,
        // sd = √(((1.4)² + 2(0.4)² + (0.6)² + (1.6)²)/4) = √(5.2/4) = √1.3.
        let summary = counts(&[Some(5), Some(4), Some(4), Some(3), Some(2), None]).summary(BandScheme::Equal);
        assert_eq!((summary.n, summary.na, summary.dist), (5, 1, [0, 1, 1, 2, 1]));
        assert!(close(summary.mean, 3.6));
        assert!(close(summary.sd, 1.3_f64.sqrt()));
        assert!(close(summary.satisfied_pct, 60.0));
        assert!(close(summary.dissatisfied_pct, 20.0));
        assert!(close(summary.mean_pct, 72.0));
        assert_eq!(summary.band, Some(Band::High));
    }

    #[test]
    fn no_answers_or_one_answer_leave_the_undefined_figures_empty() {
        let none = counts(&[None, None]).summary(BandScheme::Equal);
        assert_eq!((none.n, none.na, none.mean, none.sd, none.satisfied_pct), (0, 2, None, None, None));
        let one = counts(&[Some(4)]).summary(BandScheme::Equal);
        assert_eq!((one.mean, one.sd), (Some(4.0), None));
    }

    #[test]
    fn bands_follow_the_printed_two_decimal_bounds_of_both_schemes() {
        let equal = |m| BandScheme::Equal.band(m);
        assert_eq!(
            [equal(5.0), equal(4.21), equal(4.205), equal(4.2049)],
            [Band::VeryHigh, Band::VeryHigh, Band::VeryHigh, Band::High]
        );
        assert_eq!(
            [equal(3.41), equal(3.40), equal(2.61), equal(1.81), equal(1.80)],
            [Band::High, Band::Moderate, Band::Moderate, Band::Low, Band::VeryLow]
        );
        let rounded = |m| BandScheme::Rounded.band(m);
        assert_eq!(
            [rounded(4.51), rounded(4.50), rounded(1.51), rounded(1.50)],
            [Band::VeryHigh, Band::High, Band::Low, Band::VeryLow]
        );
    }

    #[test]
    fn cronbachs_alpha_matches_a_hand_computed_example() {
        // Three items, four respondents:
        //   (4,5,4) (3,4,3) (5,5,4) (2,3,2); totals 13, 10, 14, 7.
        // item variances 5/3, 11/12, 11/12 (sum 7/2); total variance 10;
        // α = 3/2 × (1 − (7/2)/10) = 3/2 × 13/20 = 39/40.
        let mut sums = AlphaSums::new(3);
        for r in [[4, 5, 4], [3, 4, 3], [5, 5, 4], [2, 3, 2]] {
            sums.add(&r.map(Some));
        }
        sums.add(&[Some(5), None, Some(5)]);
        assert_eq!(sums.respondents, 4, "an incomplete respondent is left out");
        assert!(close(sums.alpha(), 39.0 / 40.0), "{:?}", sums.alpha());
        let mut one = AlphaSums::new(3);
        one.add(&[Some(4), Some(4), Some(4)]);
        assert_eq!(one.alpha(), None);
        assert_eq!(AlphaSums::new(1).alpha(), None);
    }

    #[test]
    fn taro_yamane_gives_the_figures_of_the_sheet() {
        assert_eq!(yamane_required(1_000, DEFAULT_MARGIN_BASIS_POINTS), 286);
        assert_eq!(yamane_required(100, DEFAULT_MARGIN_BASIS_POINTS), 80);
        assert_eq!(yamane_required(0, DEFAULT_MARGIN_BASIS_POINTS), 0);
        assert_eq!(yamane_required(10_000_000, DEFAULT_MARGIN_BASIS_POINTS), 400);
    }

    proptest::proptest! {
        #[test]
        fn cells_merged_in_any_order_give_the_figures_of_the_raw_answers(
            answers in proptest::collection::vec(proptest::collection::vec(proptest::option::of(1_u8..=5), 3), 0..60),
            cuts in proptest::collection::vec(0_usize..60, 0..6),
        ) {
            let mut whole_counts = ScaleCounts::default();
            let mut whole_alpha = AlphaSums::new(3);
            for respondent in &answers {
                respondent.iter().for_each(|s| whole_counts.add(*s));
                whole_alpha.add(respondent);
            }
            // Split the respondents into cells at arbitrary points, then add the cells back in reverse.
            let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c.min(answers.len())).collect();
            bounds.extend([0, answers.len()]);
            bounds.sort_unstable();
            let mut merged_counts = ScaleCounts::default();
            let mut merged_alpha = AlphaSums::default();
            for pair in bounds.windows(2).rev() {
                let mut cell_counts = ScaleCounts::default();
                let mut cell_alpha = AlphaSums::new(3);
                for respondent in &answers[pair[0]..pair[1]] {
                    respondent.iter().for_each(|s| cell_counts.add(*s));
                    cell_alpha.add(respondent);
                }
                merged_counts += cell_counts;
                merged_alpha += &cell_alpha;
            }
            proptest::prop_assert_eq!(merged_counts, whole_counts);
            proptest::prop_assert_eq!(merged_counts.summary(BandScheme::Equal), whole_counts.summary(BandScheme::Equal));
            proptest::prop_assert_eq!(merged_alpha.alpha(), whole_alpha.alpha());
        }
    }
}
