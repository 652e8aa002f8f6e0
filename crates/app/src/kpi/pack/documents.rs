//! The documents of each piece of evidence, made at packing time the way
//! staff download them (the same composition, typeset or as a workbook),
//! and the files staff uploaded, each checked against the hash it was
//! stored with before the pack vouches for it.

use ruamjai_domain::calendar::FiscalHalf;
use ruamjai_domain::kpi::{Evidence, EvidenceFile, Round};
use ruamjai_domain::participation::report::Period;
use ruamjai_domain::work_manual::control::Standing;
use ruamjai_store::documents::DocumentKind;
use ruamjai_store::participation::AttachmentFile;
use ruamjai_store::satisfaction::ReportFilter;

use super::plan::file_name;
use super::{Bag, Packer, pdf_error, records};
use crate::manuals::print::Printed;
use crate::manuals::work;
use crate::participation::reports::{self, ReportWords};
use crate::satisfaction::{findings, improvements, summary};
use crate::{Error, Result};

impl Packer {
    pub(super) fn evidence(&mut self, bag: &mut Bag, folder: &str, evidence: &Evidence) -> Result<()> {
        match evidence {
            Evidence::ParticipationReport => self.participation(bag, folder),
            Evidence::Activity { id, .. } => self.activity(bag, folder, *id),
            Evidence::Survey { id, .. } => self.survey(bag, folder, *id),
            Evidence::ServiceStandards => self.standards(bag, folder),
            Evidence::Improvements => self.improvements(bag, folder),
            Evidence::CitizenManual { service } => self.citizen_manual(bag, folder, service),
            Evidence::WorkManual { id, .. } => self.work_manual(bag, folder, *id),
        }
    }

    /// A file uploaded with a sign-off or a value.
    pub(super) fn upload(&mut self, bag: &mut Bag, folder: &str, file: &EvidenceFile) -> Result<()> {
        let stored =
            self.block_on(async { Ok(self.app.store().indicator_evidence_file(self.year, file.id).await?) });
        let stored = stored.map_err(|_| missing(&file.name, file.id))?;
        self.stored_file(bag, folder, &format!("{}-", file.id), &stored)
    }

    /// A stored file, refused when its content is not what was stored.
    fn stored_file(
        &mut self,
        bag: &mut Bag,
        folder: &str,
        prefix: &str,
        file: &AttachmentFile,
    ) -> Result<()> {
        if ruamjai_bagit::sha256_hex(&file.content) != file.sha256 {
            return Err(Error::Internal(format!(
                "the evidence file “{}” (#{}) no longer matches the hash it was stored with; the pack is not made",
                file.meta.file_name, file.meta.id
            )));
        }
        let name = format!("{prefix}{}", file_name(&file.meta.file_name));
        self.add(bag, folder, &name, &file.content)
    }

    fn participation(&mut self, bag: &mut Bag, folder: &str) -> Result<()> {
        // The 6-month round reports the first half; the later rounds the year so far.
        let half = (self.round == Round::Six).then_some(FiscalHalf::First);
        let period = Period { year: self.year, half };
        let report = self.block_on(reports::of(&self.app, &self.reader, period))?;
        let words = ReportWords { locale: self.locale, catalog: &self.catalog };
        let xlsx = ruamjai_docs::participation::report_xlsx(&report, &words)
            .map_err(|e| Error::Internal(e.to_string()))?;
        self.add(bag, folder, &format!("participation-report-{}.xlsx", period.code()), &xlsx)
    }

    fn survey(&mut self, bag: &mut Bag, folder: &str, id: i64) -> Result<()> {
        let filter = ReportFilter::default();
        let found = self.block_on(findings::of(&self.app, &self.reader, id, &filter))?;
        let report = summary::document(&found, self.locale, &self.catalog, &filter, None, self.app.now());
        let pdf = self.render(&report)?;
        self.add(bag, folder, &format!("survey-{id}-report.pdf"), &pdf)
    }

    fn standards(&mut self, bag: &mut Bag, folder: &str) -> Result<()> {
        let lines = self.block_on(improvements::standards(&self.app, &self.reader, self.year))?;
        let report = records::standards(self.locale, &self.catalog, self.year, &lines, self.app.now());
        let pdf = self.render(&report)?;
        self.add(bag, folder, &format!("service-standards-{}.pdf", self.year.be()), &pdf)
    }

    fn improvements(&mut self, bag: &mut Bag, folder: &str) -> Result<()> {
        let actions = self.block_on(improvements::with_effects(&self.app, &self.reader, None))?;
        let report = records::improvements(self.locale, &self.catalog, &actions, self.app.now());
        let pdf = self.render(&report)?;
        self.add(bag, folder, "improvement-actions.pdf", &pdf)
    }

    fn activity(&mut self, bag: &mut Bag, folder: &str, id: i64) -> Result<()> {
        let record = self.block_on(records::activity_record(&self.app, &self.reader, id))?;
        let report = record.document(self.locale, &self.catalog, self.app.now());
        let pdf = self.render(&report)?;
        self.add(bag, folder, &format!("activity-{id}.pdf"), &pdf)?;
        for (n, photo) in record.photos.iter().enumerate() {
            let (_, bytes) = self.block_on(crate::engagement::outcomes::photo(
                &self.app,
                &self.reader,
                id,
                photo.id,
                false,
            ))?;
            let name = format!("activity-{id}-photo-{}-{}", n + 1, file_name(&photo.file_name));
            self.add(bag, folder, &name, &bytes)?;
        }
        Ok(())
    }

    fn citizen_manual(&mut self, bag: &mut Bag, folder: &str, service_code: &str) -> Result<()> {
        let app = self.app.clone();
        let store = app.store();
        let versions = self
            .block_on(async { Ok(store.current_versions(DocumentKind::CitizenManual, self.until).await?) })?;
        let version = versions
            .into_iter()
            .find(|v| v.document.service_code.as_deref() == Some(service_code))
            .ok_or(Error::NotFound)?;
        let service = self.catalog.service(service_code).ok_or(Error::NotFound)?.clone();
        let manual = version.manual()?;
        let site_url = self.app.public_url().trim_end_matches('/').to_owned();
        let printed = Printed {
            locale: self.locale,
            catalog: &self.catalog,
            service: &service,
            version: &version,
            manual: &manual,
            page_url: format!("{site_url}/services/{service_code}/manual"),
            site_url: site_url.clone(),
        };
        let engine = ruamjai_pdf::shared().map_err(|e| Error::Internal(e.to_string()))?;
        let pdf = printed.manual().render(engine, printed.date(), self.thai_digits).map_err(pdf_error)?;
        self.add(bag, folder, &format!("citizen-manual-{service_code}-rev-{}.pdf", version.revision), &pdf)?;
        let announcement = self.block_on(async { Ok(store.announcement(version.id).await?) })?;
        for meta in announcement.map(|a| a.evidence).unwrap_or_default() {
            let file = self.block_on(async { Ok(store.announcement_file(version.id, meta.id).await?) });
            let file = file.map_err(|_| missing(&meta.file_name, meta.id))?;
            self.stored_file(bag, folder, &format!("citizen-manual-{service_code}-announcement-"), &file)?;
        }
        Ok(())
    }

    fn work_manual(&mut self, bag: &mut Bag, folder: &str, id: i64) -> Result<()> {
        let detail = self.block_on(work::detail(&self.app, &self.reader, id))?;
        let engine = ruamjai_pdf::shared().map_err(|e| Error::Internal(e.to_string()))?;
        let (first, last) = (self.year.first_day(), self.year.last_day());
        // Every revision that took effect in the year, and the one in force.
        let of_year = detail.revisions.iter().filter(|line| {
            let in_year = line.revision.effective_on.is_some_and(|d| d >= first && d <= last);
            in_year
                && matches!(line.standing, Standing::Effective | Standing::Superseded | Standing::Scheduled)
                || line.standing == Standing::Effective
        });
        let code = file_name(&detail.record.code);
        for line in of_year {
            let printed = work::Printed::of(self.locale, &self.catalog, &detail, line.revision.number)?;
            let pdf =
                printed.work_manual().render(engine, printed.date(), self.thai_digits).map_err(pdf_error)?;
            self.add(bag, folder, &format!("{code}-rev-{}.pdf", line.revision.number.label()), &pdf)?;
        }
        let report = records::acknowledgements(self.locale, &self.catalog, &detail, self.app.now());
        let pdf = self.render(&report)?;
        self.add(bag, folder, &format!("{code}-acknowledgements.pdf"), &pdf)
    }
}

fn missing(name: &str, id: i64) -> Error {
    Error::Internal(format!(
        "the evidence file “{name}” (#{id}) is missing from the store; the pack is not made"
    ))
}
