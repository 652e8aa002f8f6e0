//! The records a pack prints that have no download of their own: an
//! activity's record (what it was, who was invited and came, by group, its
//! minutes, photos and follow-ups), the service standards against what was
//! measured, the improvement actions with their effect, and a work
//! manual's acknowledgement list. Members of the public appear by their
//! organisation and group only; officials by name.

use ruamjai_domain::calendar::{DateStyle, FiscalYear, format_date};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::engagement::outcome::FollowUpStatus;
use ruamjai_i18n::{LabelKey, Locale, Names};
use ruamjai_pdf::documents::report::{Report, Row, Table, Width};
use ruamjai_store::engagement::{Activity, ActivityCounts, FollowUp, InvitationLine, PhotoMeta};
use ruamjai_store::satisfaction::{Improvement, StandardLine};
use time::OffsetDateTime;

use crate::engagement::{activities, invitations, outcomes};
use crate::manuals::work::Detail;
use crate::satisfaction::effect::Effect;
use crate::{App, Caller, Result};

fn row<const N: usize>(cells: [String; N]) -> Row {
    Row { cells: cells.into(), strong: false }
}

fn issued(locale: Locale, at: OffsetDateTime) -> String {
    locale.ta("survey-pdf-issued", &[("when", format_date(at, DateStyle::Long, locale == Locale::Th).into())])
}

fn table(heading: String, columns: Vec<String>, widths: Vec<Width>, rows: Vec<Row>, empty: String) -> Table {
    Table { heading, columns, widths, rows, empty, note: String::new() }
}

/// Everything the record of one activity shows.
pub(super) struct ActivityRecord {
    pub activity: Activity,
    pub counts: ActivityCounts,
    pub invited: Vec<InvitationLine>,
    pub photos: Vec<PhotoMeta>,
    pub follow_ups: Vec<FollowUp>,
}

pub(super) async fn activity_record(app: &App, caller: &Caller, id: i64) -> Result<ActivityRecord> {
    let (activity, counts) = activities::detail(app, caller, id).await?;
    let (_, photos, follow_ups) = outcomes::of(app, caller, id).await?;
    let invited = invitations::list(app, caller, id).await?;
    Ok(ActivityRecord { activity, counts, invited, photos, follow_ups })
}

impl ActivityRecord {
    pub(super) fn document(&self, locale: Locale, catalog: &Catalog, now: OffsetDateTime) -> Report {
        let names = Names { locale, catalog };
        let (a, c) = (&self.activity, &self.counts);
        let th = locale == Locale::Th;
        let list = |codes: &[String], name: &dyn Fn(&str) -> String| {
            codes.iter().map(|code| name(code)).collect::<Vec<_>>().join(", ")
        };
        let facts = vec![
            (locale.t("activity-kind"), locale.t(&a.kind.label_key())),
            (
                locale.t("activity-when"),
                format!(
                    "{} – {}",
                    format_date(a.starts_at, DateStyle::Long, th),
                    format_date(a.ends_at, DateStyle::Long, th)
                ),
            ),
            (locale.t("activity-venue"), a.venue.clone()),
            (
                locale.t("activity-division"),
                a.division_code.as_deref().map(|d| names.division(d)).unwrap_or_default(),
            ),
            (locale.t("activity-for"), list(&a.group_codes, &|g| names.group(g))),
            (locale.t("activity-services"), list(&a.service_codes, &|s| names.service(s))),
            (locale.t("activity-field-status"), locale.t(&a.status.label_key())),
            (
                locale.t("activity-counts"),
                locale.ta(
                    "pack-activity-counts",
                    &[
                        ("registered", c.registered.into()),
                        ("walk_ins", c.walk_ins.into()),
                        ("attended", c.attended.into()),
                    ],
                ),
            ),
        ];
        let by_group = c
            .by_group
            .iter()
            .map(|g| row([names.group(&g.group_code), g.registered.to_string(), g.attended.to_string()]))
            .collect();
        let invited = self
            .invited
            .iter()
            .map(|line| {
                let registered = if line.registered { locale.t("pack-yes") } else { locale.t("pack-no") };
                row([
                    line.organisation.clone(),
                    names.group(&line.group_code),
                    locale.day(&line.invited_at.date()),
                    registered,
                ])
            })
            .collect();
        let minutes = a.minutes.iter().filter(|m| !m.trim().is_empty()).map(|m| row([m.clone()])).collect();
        let follow_ups = self
            .follow_ups
            .iter()
            .map(|f| {
                let status = match f.status {
                    FollowUpStatus::Open => locale.t("follow-up-open"),
                    FollowUpStatus::Done => locale.t("follow-up-done"),
                };
                row([f.what.clone(), f.owner.clone(), locale.day(&f.due_on), status])
            })
            .collect();
        let photos = self
            .photos
            .iter()
            .enumerate()
            .map(|(n, p)| row([format!("{}. {}", n + 1, p.file_name)]))
            .collect();
        let none = locale.t("pack-none");
        Report {
            organization: locale.t("office-name"),
            title: locale.t("pack-activity-title"),
            subtitle: a.title.clone(),
            facts,
            chart: None,
            tables: vec![
                table(
                    locale.t("activity-by-group"),
                    vec![locale.t("pack-group"), locale.t("activity-places"), locale.t("activity-attended")],
                    vec![Width::Share(1.0), Width::Cm(3.0), Width::Cm(3.0)],
                    by_group,
                    none.clone(),
                ),
                table(
                    locale.t("invitations-title"),
                    vec![
                        locale.t("pack-organisation"),
                        locale.t("pack-group"),
                        locale.t("invitations-invited-at"),
                        locale.t("invitations-registered"),
                    ],
                    vec![Width::Share(1.0), Width::Share(0.8), Width::Cm(3.5), Width::Cm(2.5)],
                    invited,
                    none.clone(),
                ),
                table(
                    locale.t("outcome-minutes"),
                    vec![locale.t("outcome-minutes-label")],
                    vec![Width::Share(1.0)],
                    minutes,
                    none.clone(),
                ),
                table(
                    locale.t("outcome-follow-ups"),
                    vec![
                        locale.t("follow-up-what"),
                        locale.t("follow-up-owner"),
                        locale.t("follow-up-due"),
                        locale.t("activity-field-status"),
                    ],
                    vec![Width::Share(1.0), Width::Share(0.5), Width::Cm(3.5), Width::Cm(2.5)],
                    follow_ups,
                    none.clone(),
                ),
                table(
                    locale.t("outcome-photos"),
                    vec![locale.t("pack-file")],
                    vec![Width::Share(1.0)],
                    photos,
                    none,
                ),
            ],
            notes: vec![locale.t("pack-activity-note")],
            issued: issued(locale, now),
        }
    }
}

fn measured(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

fn target(locale: Locale, value: Option<f64>, met: Option<bool>, sign: &str) -> String {
    let Some(value) = value else { return "—".to_owned() };
    let verdict = match met {
        Some(true) => format!(" ({})", locale.t("standard-met")),
        Some(false) => format!(" ({})", locale.t("standard-not-met")),
        None => String::new(),
    };
    format!("{sign} {value:.1}{verdict}")
}

/// Every service's standard of the year beside what was measured.
pub(super) fn standards(
    locale: Locale,
    catalog: &Catalog,
    year: FiscalYear,
    lines: &[StandardLine],
    now: OffsetDateTime,
) -> Report {
    let names = Names { locale, catalog };
    let pct = |permille: Option<u16>| permille.map(|p| f64::from(p) / 10.0);
    let rows = lines
        .iter()
        .flat_map(|line| {
            let m = line.measured();
            let v = line.target.verdicts(&m);
            [
                Row { cells: vec![names.numbered_service(Some(&line.service_code))], strong: true },
                row([
                    locale.t("standard-satisfied"),
                    measured(m.satisfied_pct),
                    target(locale, pct(line.target.satisfied_min_permille), v.satisfied, "≥"),
                ]),
                row([
                    locale.t("standard-dissatisfied"),
                    measured(m.dissatisfied_pct),
                    target(locale, pct(line.target.dissatisfied_max_permille), v.dissatisfied, "≤"),
                ]),
                row([
                    locale.t("standard-reply"),
                    measured(m.in_time_pct),
                    line.reply_days
                        .map(|d| format!("{} {d}", locale.t("standard-reply-target")))
                        .unwrap_or_default(),
                ]),
                row([
                    locale.t("standard-resolution"),
                    measured(m.median_resolution_days),
                    target(locale, line.target.resolution_days.map(f64::from), v.resolution, "≤"),
                ]),
            ]
        })
        .collect();
    Report {
        organization: locale.t("office-name"),
        title: locale.t("standards-title"),
        subtitle: locale.ta("pack-year", &[("year", year.be().into())]),
        facts: Vec::new(),
        chart: None,
        tables: vec![table(
            locale.t("standards-title"),
            vec![locale.t("pack-measure"), locale.t("pack-measured"), locale.t("pack-target")],
            vec![Width::Share(1.0), Width::Cm(2.5), Width::Cm(4.5)],
            rows,
            locale.t("pack-none"),
        )],
        notes: vec![locale.t("standards-lead"), locale.t("standards-explained")],
        issued: issued(locale, now),
    }
}

/// The improvement actions, each with what it changed.
pub(super) fn improvements(
    locale: Locale,
    catalog: &Catalog,
    actions: &[(Improvement, Effect)],
    now: OffsetDateTime,
) -> Report {
    let names = Names { locale, catalog };
    let rows = actions
        .iter()
        .map(|(action, effect)| {
            let status = locale.t(&format!("improvement-status-{}", action.status.code().replace('_', "-")));
            row([
                action.what.clone(),
                names.numbered_service(action.service_code.as_deref()),
                format!("{status} · {} %", action.progress),
                effect.sentence(locale).unwrap_or_else(|| "—".to_owned()),
            ])
        })
        .collect();
    Report {
        organization: locale.t("office-name"),
        title: locale.t("pack-improvements-title"),
        subtitle: String::new(),
        facts: Vec::new(),
        chart: None,
        tables: vec![table(
            locale.t("pack-improvements-title"),
            vec![
                locale.t("improvement-what"),
                locale.t("pack-service"),
                locale.t("improvement-progress"),
                locale.t("improvement-effect"),
            ],
            vec![Width::Share(1.0), Width::Share(0.6), Width::Cm(3.5), Width::Share(1.0)],
            rows,
            locale.t("pack-none"),
        )],
        notes: Vec::new(),
        issued: issued(locale, now),
    }
}

/// Who acknowledged each revision of a work manual, and who has yet to
/// read the one in force.
pub(super) fn acknowledgements(
    locale: Locale,
    catalog: &Catalog,
    detail: &Detail,
    now: OffsetDateTime,
) -> Report {
    let names = Names { locale, catalog };
    let division = |code: &Option<String>| code.as_deref().map(|d| names.division(d)).unwrap_or_default();
    let read = detail
        .acknowledgements
        .iter()
        .map(|a| {
            row([a.name.clone(), division(&a.division_code), a.number.to_string(), locale.datetime(a.at)])
        })
        .collect();
    let missing = detail
        .effective()
        .map(|line| {
            let number = line.revision.number.number;
            detail
                .missing_readers(number)
                .iter()
                .map(|r| row([r.name.clone(), division(&r.division_code)]))
                .collect()
        })
        .unwrap_or_default();
    let record = &detail.record;
    Report {
        organization: locale.t("office-name"),
        title: locale.t("pack-acknowledgements-title"),
        subtitle: format!("{} {}", record.code, locale.pick(&record.title_th, &record.title_en)),
        facts: vec![(locale.t("pack-service"), names.numbered_service(Some(&record.service_code)))],
        chart: None,
        tables: vec![
            table(
                locale.t("wm-acknowledged"),
                vec![
                    locale.t("pack-name"),
                    locale.t("contact-division"),
                    locale.t("pack-revision"),
                    locale.t("pack-when"),
                ],
                vec![Width::Share(1.0), Width::Share(1.0), Width::Cm(2.0), Width::Cm(4.5)],
                read,
                locale.t("pack-none"),
            ),
            table(
                locale.t("pack-not-yet-read"),
                vec![locale.t("pack-name"), locale.t("contact-division")],
                vec![Width::Share(1.0), Width::Share(1.0)],
                missing,
                locale.t("pack-none"),
            ),
        ],
        notes: Vec::new(),
        issued: issued(locale, now),
    }
}
