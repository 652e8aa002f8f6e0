//! The arithmetic of a scorecard: a milestone indicator's level, a range
//! indicator's interpolated score, and the weighted composite.

use serde::{Deserialize, Serialize};

use super::decimal::Decimal;

/// The scale of a fiscal year's scorecard: how many levels, and what the
/// top level scores. The seed sheet scores 1–5 (five levels, top 5); later
/// frameworks score 0–100 in tiers (five levels, top 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scale {
    pub levels: u8,
    pub top: Decimal,
}

impl Default for Scale {
    fn default() -> Self {
        Self { levels: 5, top: Decimal::from_int(5) }
    }
}

impl Scale {
    /// The score of a level, on this scale (level 3 of 5 scores 3, or 60).
    pub fn score_of_level(self, level: Decimal) -> Decimal {
        let numerator = i128::from(level.ten_thousandths()) * i128::from(self.top.ten_thousandths());
        let denominator = i128::from(self.levels.max(1)) * 10_000 * 10_000;
        Decimal::ratio(numerator, denominator).unwrap_or_default()
    }
}

/// Whether a higher or a lower measured value is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Rising,
    Falling,
}

/// A milestone indicator's level: the highest n such that steps 1…n are all
/// met. A step met while an earlier one is not does not count.
pub fn milestone_level(met: &[bool]) -> u8 {
    let leading = met.iter().take_while(|m| **m).count();
    u8::try_from(leading).unwrap_or(u8::MAX)
}

/// The level a range indicator's value reaches, on a continuous scale:
/// `n` at the level-n target, interpolated linearly between two targets,
/// the top level at or beyond the last target, and `short_of_first` (0 or 1
/// as the indicator says) for a value short of the level-1 target.
///
/// `targets` are strictly monotonic in `direction` (the definition checks);
/// a falling indicator is the rising one of the negated figures.
pub fn range_level(
    targets: &[Decimal],
    direction: Direction,
    short_of_first: Decimal,
    value: Decimal,
) -> Decimal {
    let signed = |d: Decimal| match direction {
        Direction::Rising => i128::from(d.ten_thousandths()),
        Direction::Falling => -i128::from(d.ten_thousandths()),
    };
    let value = signed(value);
    let targets: Vec<i128> = targets.iter().copied().map(signed).collect();
    let (Some(first), Some(last)) = (targets.first(), targets.last()) else {
        return Decimal::ZERO;
    };
    if value < *first {
        return short_of_first;
    }
    let top = i64::try_from(targets.len()).unwrap_or(i64::MAX);
    if value >= *last {
        return Decimal::from_int(top);
    }
    for (index, pair) in targets.windows(2).enumerate() {
        let (low, high) = (pair[0], pair[1]);
        if value < high {
            let level = i128::try_from(index + 1).unwrap_or_default();
            // level + (value − low) / (high − low), over one common denominator.
            return Decimal::ratio(level * (high - low) + (value - low), high - low).unwrap_or_default();
        }
    }
    Decimal::from_int(top)
}

/// A weight and a score, as one line of a scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weighted {
    /// Percent of the scorecard (25 for indicator 4).
    pub weight: Decimal,
    pub score: Decimal,
}

impl Weighted {
    /// What the line contributes: score × weight ⁄ 100 (1.25 of 5 for a full
    /// indicator 4).
    pub fn points(self) -> Decimal {
        let numerator = i128::from(self.score.ten_thousandths()) * i128::from(self.weight.ten_thousandths());
        Decimal::ratio(numerator, 100 * 10_000 * 10_000).unwrap_or_default()
    }
}

/// Σ weight × score ⁄ Σ weight, rounded once at the end; `None` when no
/// indicator carries weight.
pub fn composite(lines: &[Weighted]) -> Option<Decimal> {
    let numerator: i128 = lines
        .iter()
        .map(|l| i128::from(l.weight.ten_thousandths()) * i128::from(l.score.ten_thousandths()))
        .sum();
    let weights: i128 = lines.iter().map(|l| i128::from(l.weight.ten_thousandths())).sum();
    Decimal::ratio(numerator, weights * 10_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(raw: &str) -> Decimal {
        Decimal::parse(raw).unwrap()
    }

    fn targets(raw: [&str; 5]) -> Vec<Decimal> {
        raw.map(d).to_vec()
    }

    #[test]
    fn the_level_stops_at_the_first_step_not_met() {
        assert_eq!(milestone_level(&[]), 0);
        assert_eq!(milestone_level(&[false, true, true, true, true]), 0);
        assert_eq!(milestone_level(&[true, true, false, true, true]), 2, "steps 4 and 5 do not count");
        assert_eq!(milestone_level(&[true, true, true, true, false]), 4);
        assert_eq!(milestone_level(&[true; 5]), 5);
    }

    #[test]
    fn a_rising_range_interpolates_between_its_targets() {
        // Satisfaction %: 60, 65, 70, 75, 80 for levels 1–5.
        let t = targets(["60", "65", "70", "75", "80"]);
        let level = |v: &str| range_level(&t, Direction::Rising, Decimal::ZERO, d(v)).to_string();
        assert_eq!(level("60"), "1.0000", "at the level-1 target");
        assert_eq!(level("70"), "3.0000", "at a target");
        assert_eq!(level("72.5"), "3.5000", "half way: 3 + 2.5 / 5");
        assert_eq!(level("73"), "3.6000");
        // 3 + 1/3 = 3.3333…
        assert_eq!(level("71.6667"), "3.3333");
        assert_eq!(level("80"), "5.0000", "at the last target");
        assert_eq!(level("97"), "5.0000", "beyond the last target");
        assert_eq!(level("59.9999"), "0.0000", "short of the first target");
        assert_eq!(range_level(&t, Direction::Rising, Decimal::from_int(1), d("10")).to_string(), "1.0000");
    }

    #[test]
    fn a_falling_range_scores_lower_values_higher() {
        // Days to resolve: 15, 12, 9, 6, 3 for levels 1–5.
        let t = targets(["15", "12", "9", "6", "3"]);
        let level = |v: &str| range_level(&t, Direction::Falling, Decimal::ZERO, d(v)).to_string();
        assert_eq!(level("15"), "1.0000");
        assert_eq!(level("10"), "2.6667", "2 + (12 − 10) / 3");
        assert_eq!(level("3"), "5.0000");
        assert_eq!(level("1"), "5.0000");
        assert_eq!(level("16"), "0.0000");
    }

    #[test]
    fn uneven_steps_interpolate_within_their_own_pair() {
        let t = targets(["1", "2", "4", "8", "16"]);
        let level = |v: &str| range_level(&t, Direction::Rising, Decimal::ZERO, d(v)).to_string();
        assert_eq!(level("3"), "2.5000");
        assert_eq!(level("6"), "3.5000");
        assert_eq!(level("10"), "4.2500");
    }

    #[test]
    fn the_composite_weighs_each_score() {
        // Hand-computed: (25 × 4 + 25 × 3.5 + 30 × 5 + 20 × 2.25) ⁄ 100 = 3.825.
        let lines = [
            Weighted { weight: d("25"), score: d("4") },
            Weighted { weight: d("25"), score: d("3.5") },
            Weighted { weight: d("30"), score: d("5") },
            Weighted { weight: d("20"), score: d("2.25") },
        ];
        assert_eq!(composite(&lines), Some(d("3.825")));
        assert_eq!(lines[0].points(), d("1"));
        assert_eq!(Weighted { weight: d("25"), score: d("5") }.points(), d("1.25"), "at most 1.25 of 5");
        // Weights not adding to 100 still divide by their own sum: (10 × 1 + 20 × 2) ⁄ 30 = 1.6667.
        let short =
            [Weighted { weight: d("10"), score: d("1") }, Weighted { weight: d("20"), score: d("2") }];
        assert_eq!(composite(&short), Some(d("1.6667")));
        assert_eq!(composite(&[]), None);
        // Rounded once, at the end: (1 × 1 + 2 × 0.0001) ⁄ 3 = 0.33340.
        let tiny =
            [Weighted { weight: d("1"), score: d("1") }, Weighted { weight: d("2"), score: d("0.0001") }];
        assert_eq!(composite(&tiny), Some(d("0.3334")));
    }

    #[test]
    fn a_scale_maps_levels_to_its_own_scores() {
        assert_eq!(Scale::default().score_of_level(d("3.5")), d("3.5"));
        let hundred = Scale { levels: 5, top: d("100") };
        assert_eq!(hundred.score_of_level(d("3.5")), d("70"));
        assert_eq!(hundred.score_of_level(d("5")), d("100"));
    }
}
