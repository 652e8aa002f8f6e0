//! A work manual revision on paper, in the layout Thai agencies print their
//! SOPs in: the words and order are the reader's locale, the facts are the
//! revision's (its signatures, its history, its content and hash).

use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::manual::{Flow, Target};
use ruamjai_domain::work_manual::control::{RevisionNumber, Standing};
use ruamjai_domain::work_manual::{StepKind, WorkManualContent, WorkStep};
use ruamjai_i18n::Locale;
use ruamjai_pdf::documents::report::{Row, Table, Width};
use ruamjai_pdf::documents::work_manual::{
    Approval, Cover, FlowRow, Pairs, Section, Signer, Symbol, WorkManual, Workflow,
};
use ruamjai_store::work_manuals::Duty;
use time::Date;

use super::view::{Detail, RevisionLine};
use crate::manuals::print::paragraphs;
use crate::manuals::words::{duration_text, total_text};
use crate::{Error, Result};

/// One revision of a manual, ready to print.
pub struct Printed<'a> {
    pub locale: Locale,
    pub catalog: &'a Catalog,
    pub detail: &'a Detail,
    pub line: &'a RevisionLine,
    pub content: WorkManualContent,
}

impl<'a> Printed<'a> {
    /// Revision `number` of the manual, which the caller has already been
    /// allowed to read.
    pub fn of(
        locale: Locale,
        catalog: &'a Catalog,
        detail: &'a Detail,
        number: RevisionNumber,
    ) -> Result<Self> {
        let line = detail.revisions.iter().find(|l| l.revision.number == number).ok_or(Error::NotFound)?;
        Ok(Self { locale, catalog, detail, line, content: line.revision.content()? })
    }

    /// The date the document carries: the day it took effect, else the day
    /// it was last saved, so the same revision always gives the same file.
    pub fn date(&self) -> Date {
        let revision = &self.line.revision;
        revision.effective_on.unwrap_or_else(|| bangkok_date(revision.updated_at))
    }

    /// An approved revision's document never changes until it is
    /// superseded (its watermark); a draft's changes with every save.
    pub fn is_final(&self) -> bool {
        matches!(self.line.standing, Standing::Scheduled | Standing::Effective | Standing::Superseded)
    }

    fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    fn label(&self) -> String {
        self.line.revision.number.label()
    }

    pub fn work_manual(&self) -> WorkManual {
        let record = &self.detail.record;
        let watermark = match self.line.standing {
            Standing::Superseded => Some(self.t("wm-pdf-obsolete")),
            Standing::Draft | Standing::InReview | Standing::Reviewed => Some(self.t("wm-pdf-draft")),
            Standing::Scheduled | Standing::Effective => None,
        };
        let mut header = self
            .locale
            .ta("wm-pdf-header", &[("code", record.code.clone().into()), ("revision", self.label().into())]);
        // Said in words too, for a copy printed without its watermark.
        if let Some(mark) = &watermark {
            header = format!("{header} · {mark}");
        }
        let c = &self.content;
        let text = |key: &str, body: &str| Section {
            heading: self.t(key),
            paragraphs: paragraphs(body),
            pairs: None,
        };
        let pairs = |key: &str, columns: [&str; 2], rows: Vec<(String, String)>| Section {
            heading: self.t(key),
            paragraphs: vec![],
            pairs: Some(Pairs { columns: columns.map(|k| self.t(k)), rows }),
        };
        let mut sections =
            vec![text("wm-section-objective", &c.objective), text("wm-section-scope", &c.scope)];
        if !c.definitions.is_empty() {
            let rows = c.definitions.iter().map(|d| (d.term.clone(), d.meaning.clone())).collect();
            sections.push(pairs("wm-section-definitions", ["wm-term", "wm-meaning"], rows));
        }
        if !c.responsibilities.is_empty() {
            let rows = c.responsibilities.iter().map(|r| (r.role.clone(), r.duties.clone())).collect();
            sections.push(pairs("wm-section-responsibilities", ["wm-role", "wm-duties"], rows));
        }
        let closing = [
            ("wm-section-standards", &c.standards),
            ("wm-section-monitoring", &c.monitoring),
            ("wm-section-references", &c.references),
        ]
        .into_iter()
        .filter(|(_, body)| !body.trim().is_empty())
        .map(|(key, body)| text(key, body))
        .chain(self.forms())
        .collect();
        WorkManual {
            cover: self.cover(),
            header,
            footer: self
                .locale
                .ta("wm-pdf-hash", &[("hash", self.line.revision.content_hash.clone().into())]),
            watermark,
            approval: self.approval(),
            history: self.history(),
            contents_heading: self.t("wm-pdf-contents"),
            sections,
            workflow: self.workflow(),
            closing,
        }
    }

    /// The forms by title, numbered: the files are on the site, the
    /// printed copy names them.
    fn forms(&self) -> Option<Section> {
        let forms = &self.content.forms;
        (!forms.is_empty()).then(|| Section {
            heading: self.t("wm-section-forms"),
            paragraphs: forms.iter().enumerate().map(|(i, f)| format!("{}. {}", i + 1, f.title)).collect(),
            pairs: None,
        })
    }

    fn cover(&self) -> Cover {
        let record = &self.detail.record;
        let division =
            self.catalog.division(&record.division_code).map(|d| self.locale.pick(&d.name_th, &d.name_en));
        let service =
            self.catalog.service(&record.service_code).map(|s| self.locale.pick(&s.name_th, &s.name_en));
        let effective = match self.line.revision.effective_on {
            Some(on) => self.locale.day(&on),
            None => self.t("wm-not-yet"),
        };
        let (title, subtitle) = match self.locale {
            Locale::En if !record.title_en.is_empty() => (&record.title_en, &record.title_th),
            _ => (&record.title_th, &record.title_en),
        };
        Cover {
            organization: self.t("office-name"),
            division: division.unwrap_or(&record.division_code).to_owned(),
            kicker: self.t("wm-title"),
            title: title.clone(),
            subtitle: subtitle.clone(),
            facts: vec![
                (self.t("wm-code"), record.code.clone()),
                (self.t("wm-revision"), self.label()),
                (self.t("wm-effective-date"), effective),
                (self.t("wm-service"), service.unwrap_or(&record.service_code).to_owned()),
            ],
        }
    }

    fn approval(&self) -> Approval {
        let signers = Duty::ALL
            .into_iter()
            .map(|duty| {
                let signed = self.line.revision.signature(duty);
                Signer {
                    duty: self.t(&format!("wm-{}", duty.code())),
                    name: signed.map(|s| s.name.clone()).unwrap_or_default(),
                    position: signed.map(|s| s.job_title.clone()).unwrap_or_default(),
                    date: signed.map(|s| self.locale.date(s.signed_at)).unwrap_or_default(),
                }
            })
            .collect();
        Approval {
            heading: self.t("wm-pdf-approval"),
            signers,
            sign_label: self.t("wm-pdf-sign"),
            date_label: self.t("wm-pdf-date"),
        }
    }

    /// This revision and every approved one before it, oldest first.
    fn history(&self) -> Table {
        let this = self.line.revision.number;
        let rows = self
            .detail
            .revisions
            .iter()
            .map(|l| &l.revision)
            .filter(|r| r.number == this || (r.number < this && r.effective_on.is_some()))
            .map(|r| Row {
                cells: vec![
                    r.number.label(),
                    r.effective_on.map(|on| self.locale.day(&on)).unwrap_or_else(|| self.t("wm-not-yet")),
                    r.change_summary.clone(),
                    r.signature(Duty::Approver).map(|s| s.name.clone()).unwrap_or_default(),
                ],
                strong: false,
            })
            .collect();
        Table {
            heading: self.t("wm-revisions"),
            columns: vec![
                self.t("wm-pdf-history-number"),
                self.t("wm-effective-date"),
                self.t("wm-change-summary"),
                self.t("wm-approver"),
            ],
            widths: vec![Width::Cm(1.6), Width::Share(0.45), Width::Share(1.0), Width::Share(0.5)],
            rows,
            ..Table::default()
        }
    }

    fn workflow(&self) -> Workflow {
        let steps = &self.content.steps;
        let rows = steps.iter().enumerate().map(|(i, step)| self.row(i, step, steps.len())).collect();
        let mut totals =
            vec![self.locale.ta(
                "wm-pdf-total",
                &[("total", total_text(self.locale, self.content.total_duration()).into())],
            )];
        if let Some(promise) = &self.detail.promise {
            totals.push(format!(
                "{}: {}",
                self.t("wm-promised-time"),
                total_text(self.locale, promise.promised)
            ));
            if promise.exceeded {
                totals.push(self.t("wm-exceeds-promise"));
            }
        }
        Workflow {
            heading: self.t("wm-section-steps"),
            columns: [
                "wm-pdf-number",
                "wm-pdf-chart",
                "wm-field-detail",
                "wm-field-duration",
                "wm-field-responsible",
                "wm-field-standard",
                "wm-field-forms",
            ]
            .map(|k| self.t(k)),
            rows,
            totals,
            legend: [
                (Symbol::Terminator, "wm-pdf-legend-terminator"),
                (Symbol::Process, "wm-pdf-legend-process"),
                (Symbol::Decision, "wm-pdf-legend-decision"),
                (Symbol::Document, "wm-pdf-legend-document"),
            ]
            .into_iter()
            .map(|(symbol, key)| (symbol, self.t(key)))
            .collect(),
        }
    }

    /// Step `i` (from 0) of `count`: its symbol, where it leads, its columns.
    fn row(&self, i: usize, step: &WorkStep, count: usize) -> FlowRow {
        let below = Target::Step(i as u32 + 2);
        let arrow_down = i + 1 < count && step.next.targets().contains(&below);
        let to = |target: Target| match target {
            Target::Step(n) => self.locale.ta("wm-pdf-goes-to", &[("n", n.into())]),
            Target::End => self.t("wm-kind-end"),
        };
        let branches = match step.next {
            Flow::Decision { yes, no } => {
                format!("{} {} · {} {}", self.t("flowchart-yes"), to(yes), self.t("flowchart-no"), to(no))
            }
            Flow::Task { then } if then != below && step.kind != StepKind::End => to(then),
            Flow::Task { .. } => String::new(),
        };
        let symbol = match step.kind {
            StepKind::Start | StepKind::End => Symbol::Terminator,
            StepKind::Process => Symbol::Process,
            StepKind::Decision => Symbol::Decision,
            StepKind::Document => Symbol::Document,
        };
        FlowRow {
            number: (i + 1).to_string(),
            symbol,
            label: step.title.clone(),
            branches,
            arrow_down,
            detail: if step.detail.is_empty() { step.title.clone() } else { step.detail.clone() },
            duration: if step.duration.value == 0 {
                String::new()
            } else {
                duration_text(self.locale, step.duration)
            },
            responsible: step.responsible.clone(),
            standard: step.standard.clone(),
            forms: step.forms.clone(),
        }
    }
}
