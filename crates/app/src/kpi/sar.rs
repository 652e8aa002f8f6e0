//! The self-assessment report (รายงานผลการประเมินตนเอง) of a reporting
//! round as a formal document: per indicator its weight, definition,
//! supervisor and collectors, the criteria with what each step came to, the
//! result and score, what the collectors wrote for the round, and the
//! numbered list of evidence.

use std::sync::Arc;

use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::{DateStyle, FiscalYear, bangkok_date, format_date};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::kpi::{Contact, Evaluation, IndicatorResult, JudgedBy, Kind, Narrative, Round};
use ruamjai_i18n::{Locale, Names};
use ruamjai_pdf::documents::report::{Report, Row, Table, Width};
use ruamjai_store::kpi::narratives::RoundNarrative;
use time::OffsetDateTime;

use crate::{App, Caller, Result};

/// A round's evaluation, as it stood when the round closed (or today, for
/// a round still open), with the collectors' narratives of that round.
pub struct Sar {
    pub round: Round,
    pub evaluation: Arc<Evaluation>,
    pub narratives: Vec<RoundNarrative>,
}

impl Sar {
    /// Whether the year's first indicator asks for Thai digits in print.
    pub fn thai_digits(&self) -> bool {
        self.evaluation.indicators.iter().any(|i| i.indicator.thai_digits)
    }
}

pub async fn sar(app: &App, caller: &Caller, year: FiscalYear, round: Round) -> Result<Sar> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    let today = bangkok_date(app.now());
    let evaluation = super::evaluate(app, caller, year, Some(round.closes_on(year).min(today))).await?;
    let narratives = app.store().narratives(year).await?.into_iter().filter(|n| n.round == round).collect();
    Ok(Sar { round, evaluation, narratives })
}

/// The report in `locale`.
pub fn document(sar: &Sar, locale: Locale, catalog: &Catalog, issued: OffsetDateTime) -> Report {
    let names = Names { locale, catalog };
    let evaluation = &sar.evaluation;
    let year = evaluation.fiscal_year;
    let th = locale == Locale::Th;
    let day = |d: time::Date| format_date(ruamjai_domain::calendar::bangkok_midnight(d), DateStyle::Long, th);
    let mut facts = vec![
        (locale.t("sar-period"), format!("{} – {}", day(year.first_day()), day(sar.round.closes_on(year)))),
        (locale.t("kpi-as-of-day"), day(evaluation.as_of)),
        (locale.t("kpi-composite"), evaluation.composite().map_or_else(|| "—".to_owned(), |c| c.to_string())),
    ];
    if !evaluation.weights_add_up() {
        facts.push((locale.t("kpi-weights-warning"), format!("{} %", evaluation.weights().trimmed())));
    }
    let mut tables = Vec::new();
    for result in &evaluation.indicators {
        let narrative = sar.narratives.iter().find(|n| n.code == result.indicator.code).map(|n| &n.narrative);
        tables.push(definition_table(locale, result));
        tables.push(criteria_table(locale, result));
        tables.push(narrative_table(locale, narrative));
        tables.push(evidence_table(&names, year, result));
    }
    Report {
        organization: locale.t("office-name"),
        title: locale.t("sar-title"),
        subtitle: locale
            .ta("sar-subtitle", &[("round", sar.round.months().into()), ("year", year.be().into())]),
        facts,
        chart: None,
        tables,
        notes: vec![locale.t("sar-note-rounds"), locale.t("kpi-scorecard-explained")],
        issued: locale.ta("survey-pdf-issued", &[("when", format_date(issued, DateStyle::Long, th).into())]),
    }
}

fn row<const N: usize>(cells: [String; N]) -> Row {
    Row { cells: cells.into(), strong: false }
}

fn contact(locale: Locale, contact: &Contact) -> String {
    let position = locale.pick(&contact.position_th, &contact.position_en);
    if contact.phone.is_empty() { position.to_owned() } else { format!("{position} ({})", contact.phone) }
}

fn definition_table(locale: Locale, result: &IndicatorResult) -> Table {
    let i = &result.indicator;
    let outcome = match (result.level, result.value) {
        (Some(level), _) => {
            locale.ta("sar-level-of", &[("level", level.into()), ("steps", result.steps.len().into())])
        }
        (None, Some(value)) => {
            let unit = match &i.kind {
                Kind::Range { unit_th, unit_en, .. } => locale.pick(unit_th, unit_en).to_owned(),
                Kind::Milestone { .. } => String::new(),
            };
            format!("{} {unit}", value.trimmed()).trim_end().to_owned()
        }
        (None, None) => locale.t("sar-not-measured"),
    };
    let collectors: Vec<String> = i.collectors.iter().map(|c| contact(locale, c)).collect();
    Table {
        heading: format!("{} {}: {}", locale.t("kpi-indicator"), i.code, locale.pick(&i.name_th, &i.name_en)),
        columns: vec![locale.t("sar-topic"), locale.t("sar-detail")],
        widths: vec![Width::Share(0.3), Width::Share(1.0)],
        rows: vec![
            row([locale.t("kpi-weight"), format!("{} %", i.weight.trimmed())]),
            row([locale.t("sar-description"), locale.pick(&i.description_th, &i.description_en).to_owned()]),
            row([locale.t("sar-source"), locale.pick(&i.source_th, &i.source_en).to_owned()]),
            row([locale.t("kpi-supervisor"), contact(locale, &i.supervisor)]),
            row([locale.t("kpi-collectors"), collectors.join("\n")]),
            row([locale.t("kpi-result"), outcome]),
            Row { cells: vec![locale.t("kpi-score"), result.score.to_string()], strong: true },
            row([locale.t("kpi-weighted"), result.weighted().points().to_string()]),
        ],
        empty: String::new(),
        note: String::new(),
    }
}

/// Each step with its criterion and what it came to; a range indicator's targets.
fn criteria_table(locale: Locale, result: &IndicatorResult) -> Table {
    let rows = match &result.indicator.kind {
        Kind::Milestone { steps, .. } => steps
            .iter()
            .zip(1u8..)
            .map(|(step, number)| {
                let en = if step.criterion_en.is_empty() { &step.criterion_th } else { &step.criterion_en };
                let outcome =
                    result.steps.iter().find(|s| s.number == number).map_or_else(String::new, |s| {
                        let verdict = locale.t(if s.met { "kpi-met" } else { "kpi-not-met" });
                        match (&s.sign_off, s.judged_by) {
                            (Some(sign_off), JudgedBy::SignOff) => {
                                format!(
                                    "{verdict}\n{} {}: {}",
                                    locale.t("kpi-signed-off"),
                                    sign_off.by,
                                    sign_off.reason
                                )
                            }
                            _ => verdict,
                        }
                    });
                row([number.to_string(), locale.pick(&step.criterion_th, en).to_owned(), outcome])
            })
            .collect(),
        Kind::Range { targets, .. } => targets
            .iter()
            .zip(1u8..)
            .map(|(target, level)| {
                let reached = result.score >= ruamjai_domain::kpi::Decimal::from_int(i64::from(level));
                let outcome = locale.t(if reached { "kpi-met" } else { "kpi-not-met" });
                row([level.to_string(), target.trimmed(), outcome])
            })
            .collect(),
    };
    Table {
        heading: locale.t("sar-criteria"),
        columns: vec![locale.t("kpi-level"), locale.t("sar-criterion"), locale.t("sar-outcome")],
        widths: vec![Width::Cm(1.5), Width::Share(1.0), Width::Share(0.45)],
        rows,
        empty: String::new(),
        note: String::new(),
    }
}

fn narrative_table(locale: Locale, narrative: Option<&Narrative>) -> Table {
    let empty = Narrative::default();
    let n = narrative.unwrap_or(&empty);
    let text = |t: &str| if t.is_empty() { locale.t("sar-not-written") } else { t.to_owned() };
    Table {
        heading: locale.t("sar-narrative"),
        columns: vec![locale.t("sar-topic"), locale.t("sar-detail")],
        widths: vec![Width::Share(0.3), Width::Share(1.0)],
        rows: vec![
            row([locale.t("sar-performance"), text(&n.performance)]),
            row([locale.t("sar-explanation"), text(&n.explanation)]),
            row([locale.t("sar-factors"), text(&n.factors)]),
            row([locale.t("sar-obstacles"), text(&n.obstacles)]),
        ],
        empty: String::new(),
        note: String::new(),
    }
}

/// Every piece of evidence the steps rest on, once, numbered in step order,
/// with the files of the director's sign-offs and of an entered value.
fn evidence_table(names: &Names<'_>, year: FiscalYear, result: &IndicatorResult) -> Table {
    let locale = names.locale;
    let mut seen = Vec::new();
    for step in &result.steps {
        let files = step.sign_off.iter().flat_map(|s| &s.files).map(|f| f.name.clone());
        for title in step.verdict.evidence.iter().map(|e| names.evidence(year.be(), e)).chain(files) {
            if !seen.iter().any(|(_, t)| *t == title) {
                seen.push((step.number, title));
            }
        }
    }
    // A range indicator's entered value rests on its own files.
    seen.extend(result.value_files.iter().map(|f| (0, f.name.clone())));
    Table {
        heading: locale.t("sar-evidence"),
        columns: vec![locale.t("sar-number"), locale.t("kpi-evidence"), locale.t("kpi-step")],
        widths: vec![Width::Cm(1.2), Width::Share(1.0), Width::Cm(2.0)],
        rows: seen
            .into_iter()
            .zip(1..)
            .map(|((step, title), n): ((u8, String), u32)| {
                let step = if step == 0 { "—".to_owned() } else { step.to_string() };
                row([n.to_string(), title, step])
            })
            .collect(),
        empty: locale.t("sar-no-evidence"),
        note: String::new(),
    }
}
