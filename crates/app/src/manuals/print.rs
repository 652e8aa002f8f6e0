//! A published manual on paper: the manual with its flowchart drawn by the
//! PDF engine, and an A4 poster whose QR code leads to the manual page.
//! Both say the same as the manual page, in the same order and words.

use ruamjai_domain::calendar::bangkok_date;
use ruamjai_domain::catalog::{Catalog, Service};
use ruamjai_domain::manual::{Flow, Listing, Manual, Step, Target};
use ruamjai_pdf::documents::manual::{self, Block};
use ruamjai_pdf::documents::poster::Poster;
use ruamjai_pdf::documents::report::{Row, Table, Width};
use ruamjai_store::documents::Version;

use ruamjai_i18n::Locale;

use super::words::{chart, duration_text, fee_text, total_text, unit_text};

/// What a printed manual is made from.
pub struct Printed<'a> {
    pub locale: Locale,
    pub catalog: &'a Catalog,
    pub service: &'a Service,
    pub version: &'a Version,
    pub manual: &'a Manual,
    /// The manual page's address, printed and put in the poster's code.
    pub page_url: String,
    /// This site's address, before the paths of attached forms.
    pub site_url: String,
}

impl Printed<'_> {
    /// The day the version was published: the date the PDF carries, so the
    /// same version always gives the same document.
    pub fn date(&self) -> time::Date {
        bangkok_date(self.version.publish_at.unwrap_or(self.version.created_at))
    }

    fn t(&self, key: &str) -> String {
        self.locale.t(key)
    }

    fn name(&self) -> String {
        self.locale.pick(&self.service.name_th, &self.service.name_en).to_owned()
    }

    fn issued(&self) -> String {
        let when = self.version.publish_at.map(|at| self.locale.date(at)).unwrap_or_default();
        self.locale
            .ta("manual-pdf-issued", &[("revision", self.version.revision.into()), ("date", when.into())])
    }

    pub fn manual(&self) -> manual::Manual {
        let m = self.manual;
        let unit = unit_text(self.locale, self.catalog, self.service, m);
        manual::Manual {
            organization: self.t("office-name"),
            kicker: self.t("manual-kicker"),
            title: self.name(),
            facts: vec![
                (self.t("manual-total-time"), total_text(self.locale, m.total_duration())),
                (self.t("manual-section-fees"), fee_text(self.locale, m)),
            ],
            blocks: vec![
                text(self.t("manual-section-unit"), vec![unit], vec![]),
                text(self.t("manual-section-legal"), paragraphs(&m.legal_basis), vec![]),
                text(
                    self.t("manual-section-channels"),
                    vec![],
                    m.channels.iter().map(|c| self.channel(c)).collect(),
                ),
                text(self.t("manual-section-criteria"), paragraphs(&m.criteria), vec![]),
                self.steps(),
                self.documents(),
                text(self.t("manual-section-fees"), vec![fee_text(self.locale, m)], vec![]),
                text(self.t("manual-section-complaints"), paragraphs(&m.complaint_channels), vec![]),
                text(self.t("manual-section-forms"), vec![], m.forms.iter().map(|f| self.form(f)).collect()),
                text(self.t("manual-section-notes"), paragraphs(&m.notes), vec![]),
            ]
            .into_iter()
            .filter(|block| !is_empty(block))
            .collect(),
            source: self.locale.ta("manual-pdf-source", &[("url", self.page_url.clone().into())]),
            issued: self.issued(),
        }
    }

    fn channel(&self, c: &ruamjai_domain::manual::ServiceChannel) -> String {
        let mut parts = vec![c.place.clone()];
        if !c.hours.is_empty() {
            parts.push(format!("{}: {}", self.t("manual-hours"), c.hours));
        }
        if !c.contact.is_empty() {
            parts.push(format!("{}: {}", self.t("manual-contact"), c.contact));
        }
        parts.join(" · ")
    }

    fn form(&self, f: &ruamjai_domain::manual::FormLink) -> String {
        match f.url.as_str() {
            "" => f.title.clone(),
            path if path.starts_with('/') => format!("{} ({}{path})", f.title, self.site_url),
            url => format!("{} ({url})", f.title),
        }
    }

    fn steps(&self) -> Block {
        let m = self.manual;
        // One unit for every step goes under the table, not in each row.
        let units: Vec<&str> = m.steps.iter().map(|s| s.responsible_unit.as_str()).collect();
        let one_unit = units.windows(2).all(|w| w[0] == w[1]);
        let mut columns =
            vec![self.t("manual-step-number"), self.t("manual-step"), self.t("manual-step-duration")];
        let mut widths = vec![Width::Cm(1.0), Width::Share(1.0), Width::Cm(2.6)];
        if !one_unit {
            columns.push(self.t("manual-step-unit"));
            widths.push(Width::Share(0.45));
        }
        let rows = m
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let mut cells = vec![
                    (i + 1).to_string(),
                    self.step_text(step),
                    duration_text(self.locale, step.duration),
                ];
                if !one_unit {
                    cells.push(step.responsible_unit.clone());
                }
                Row { cells, strong: false }
            })
            .collect();
        let note = match units.first() {
            Some(unit) if one_unit && !unit.is_empty() => {
                self.locale.ta("manual-step-unit-all", &[("unit", (*unit).to_owned().into())])
            }
            _ => String::new(),
        };
        Block::Steps {
            heading: self.t("manual-section-steps"),
            total: format!(
                "{}: {}",
                self.t("manual-total-time"),
                total_text(self.locale, m.total_duration())
            ),
            chart: chart(self.locale, m),
            caption: self.t("manual-flowchart-caption"),
            table: Table { heading: String::new(), columns, widths, rows, empty: String::new(), note },
        }
    }

    /// The title, the description, and where the step leads when that is
    /// not simply the next one.
    fn step_text(&self, step: &Step) -> String {
        let mut text = step.title.clone();
        if !step.description.is_empty() {
            text = format!("{text} — {}", step.description);
        }
        let target = |t: Target| match t {
            Target::Step(n) => self.locale.ta("manual-to-step", &[("n", n.into())]),
            Target::End => self.t("flowchart-end"),
        };
        if let Flow::Decision { yes, no } = step.flow {
            text = format!(
                "{text} ({}: {}, {}: {})",
                self.t("flowchart-yes"),
                target(yes),
                self.t("flowchart-no"),
                target(no)
            );
        }
        text
    }

    fn documents(&self) -> Block {
        let heading = self.t("manual-section-documents");
        match &self.manual.documents {
            Listing::Items(documents) => {
                let items = documents
                    .iter()
                    .map(|d| {
                        let mut line = d.name.clone();
                        if let Some(copies) = d.copies {
                            line = format!(
                                "{line} — {}",
                                self.locale.ta("manual-copies", &[("count", copies.into())])
                            );
                        }
                        if !d.note.is_empty() {
                            line = format!("{line} ({})", d.note);
                        }
                        line
                    })
                    .collect();
                Block::Text { heading, paragraphs: vec![], items, numbered: true }
            }
            Listing::None | Listing::Unset => text(heading, vec![self.t("manual-no-documents")], vec![]),
        }
    }

    /// An A4 poster for the service counter: the service, its standard time
    /// and fee, and a code that opens the manual page.
    pub fn poster(&self) -> Poster {
        Poster {
            organization: self.t("office-name"),
            heading: self.t("poster-manual-heading"),
            heading_en: self.t("poster-manual-heading-second"),
            title: self.name(),
            lines: vec![
                format!(
                    "{}: {}",
                    self.t("manual-total-time"),
                    total_text(self.locale, self.manual.total_duration())
                ),
                format!("{}: {}", self.t("manual-section-fees"), fee_text(self.locale, self.manual)),
            ],
            instruction: self.t("poster-scan"),
            url: self.page_url.clone(),
            qr_alt: self.t("poster-qr-alt"),
            footer: vec![self.issued()],
        }
    }
}

fn text(heading: String, paragraphs: Vec<String>, items: Vec<String>) -> Block {
    Block::Text { heading, paragraphs, items, numbered: false }
}

/// The paragraphs of a section as staff typed them, blank lines between.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// Optional sections (forms, notes) left empty are left out, as on the page.
fn is_empty(block: &Block) -> bool {
    matches!(block, Block::Text { paragraphs, items, .. } if paragraphs.is_empty() && items.is_empty())
}
