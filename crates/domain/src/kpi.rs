//! The indicators the Center is scored on (ตัวชี้วัด), as data: each fiscal
//! year has a scorecard of weighted indicators, milestone or range, on the
//! year's scale. Indicator 4 comes predefined, its five steps judged by rules
//! over the live work of the five milestones; a director's sign-off may
//! decide a step instead, with a reason.
//!
//! Every printed figure is an exact four-place [`Decimal`].

pub mod decimal;
pub mod evaluation;
pub mod indicator;
pub mod indicator4;
pub mod narrative;
pub mod rules;
pub mod score;
pub mod seal;
pub mod verdict;

pub use decimal::Decimal;
pub use evaluation::{
    Assessment, Evaluation, EvidenceFile, IndicatorResult, JudgedBy, Round, SignOff, StepResult,
};
pub use indicator::{Contact, Indicator, Kind, Measured, Step};
pub use narrative::Narrative;
pub use rules::{Rule, Settings};
pub use score::{Direction, Scale};
pub use verdict::{Evidence, Fact, FactValue, Gap, Named, Verdict};
