//! An improvement action's effect as one sentence: the mean and the
//! dissatisfied share before and after, or that it waits to be measured again.

use ruamjai_app::satisfaction::effect::{Effect, Figures};
use ruamjai_i18n::Locale;

fn mean(f: &Figures) -> String {
    f.mean.map_or_else(|| "—".to_owned(), |m| format!("{m:.2}"))
}

fn dissatisfied(f: &Figures) -> String {
    f.dissatisfied_pct.map_or_else(|| "—".to_owned(), |p| format!("{p:.1}"))
}

/// `None` for an action no figure follows (one from a comment).
pub(crate) fn sentence(locale: Locale, effect: &Effect) -> Option<String> {
    let Effect::Measured { before, after } = effect else { return None };
    let then = [("before_mean", mean(before).into()), ("before_dissatisfied", dissatisfied(before).into())];
    Some(match after {
        Some(later) => {
            let now = [
                ("survey", later.survey.clone().into()),
                ("after_mean", mean(&later.after).into()),
                ("after_dissatisfied", dissatisfied(&later.after).into()),
            ];
            locale.ta("improvement-effect-remeasured", &[then.as_slice(), now.as_slice()].concat())
        }
        None => locale.ta("improvement-effect-pending", &then),
    })
}
