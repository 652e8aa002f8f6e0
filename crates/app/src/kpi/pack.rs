//! The evidence pack of a fiscal year's round: one ZIP that is a BagIt bag
//! (RFC 8493), so the evaluating office can check it offline with any BagIt
//! tool. It holds the self-assessment report, the evaluation as the API
//! gives it, per step the documents the step rests on (typeset at packing
//! time) and the files staff uploaded, the audit entries of the period with
//! the chain's head, and a plain page listing it all.
//!
//! Packing runs on one blocking thread that reads from the store a piece at
//! a time and streams each file into the archive, so memory stays the same
//! however many files the year holds. The archive is written under a
//! temporary name and renamed when complete: a pack cut short never sits
//! where a finished one should.

mod audit_log;
mod documents;
mod index;
mod plan;
mod records;
pub mod verify;

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ruamjai_bagit::{BagInfo, BagWriter};
use ruamjai_domain::accounts::policy::{Action, Owner, Subject};
use ruamjai_domain::calendar::{FiscalYear, bangkok_date};
use ruamjai_domain::catalog::Catalog;
use ruamjai_domain::kpi::seal::{StepOutcome, outcomes};
use ruamjai_domain::kpi::{Evaluation, Round};
use ruamjai_i18n::Locale;
use tokio::runtime::Handle;

use self::plan::Item;
use super::sar;
use crate::{App, Caller, Error, Result};

/// The evaluation as the API gives it, in bytes: the web layer owns that
/// shape, so whoever packs hands it in.
pub type ApiJson = Arc<dyn Fn(&Evaluation, &Catalog) -> Vec<u8> + Send + Sync>;

/// How far a pack has got: items (documents, files) done of all, and the
/// bytes written so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
    pub bytes: u64,
}

/// Hears each step of a pack.
pub type OnProgress = Arc<dyn Fn(Progress) + Send + Sync>;

/// A finished pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub path: PathBuf,
    pub files: u64,
    pub bytes: u64,
    /// The SHA-256 of `manifest-sha256.txt`: what a seal keeps of the pack.
    pub manifest_sha256: String,
    pub audit_seq: i64,
    pub audit_head: String,
    /// The day the round was evaluated as of, and each step's result then.
    pub as_of: time::Date,
    pub steps: Vec<StepOutcome>,
}

/// Packs the round's evidence into `out`.
#[tracing::instrument(skip(app, caller, api_json, on_progress))]
pub async fn pack(
    app: &App,
    caller: &Caller,
    (year, round): (FiscalYear, Round),
    out: &Path,
    api_json: ApiJson,
    on_progress: OnProgress,
) -> Result<Packed> {
    caller.may(Subject::Indicator, Action::Read, Owner::Center)?;
    let sar = sar::sar(app, caller, year, round).await?;
    let catalog = app.catalog().await?;
    let (audit_seq, audit_head) = app.store().audit_head().await?;
    let until = end_of(sar.evaluation.as_of);
    let sign_offs = app.store().step_sign_offs(year, until).await?;
    let values = app.store().indicator_values(year, until).await?;
    let items = plan::items(&sar.evaluation, &plan::Uploads { sign_offs: &sign_offs, values: &values });
    let packer = Packer {
        // The caller may read the indicator and so its evidence; the pieces
        // are read as the Center, since evidence crosses every division and
        // nothing personal of the public goes in.
        app: app.clone(),
        reader: Caller::Command("evidence-pack"),
        runtime: Handle::current(),
        locale: Locale::Th,
        thai_digits: sar.thai_digits(),
        catalog,
        year,
        round,
        progress: Progress { total: items.len() as u64, ..Progress::default() },
        on_progress,
        listing: Vec::new(),
        audit: (audit_seq, audit_head),
        until,
    };
    let out = out.to_owned();
    tokio::task::spawn_blocking(move || packer.run(&sar, &items, &out, &api_json))
        .await
        .map_err(|e| Error::Internal(format!("the evidence pack stopped: {e}")))?
}

/// One file of the pack as the index lists it.
#[derive(Debug, Clone)]
struct Listed {
    folder: String,
    path: String,
    bytes: u64,
}

/// The state of one pack being written, on its blocking thread.
struct Packer {
    app: App,
    reader: Caller,
    runtime: Handle,
    locale: Locale,
    thai_digits: bool,
    catalog: Arc<Catalog>,
    year: FiscalYear,
    round: Round,
    progress: Progress,
    on_progress: OnProgress,
    listing: Vec<Listed>,
    audit: (i64, String),
    /// The end of the day the round was evaluated as of: what was in force then.
    until: time::OffsetDateTime,
}

type Bag = BagWriter<BufWriter<File>>;

impl Packer {
    fn run(mut self, sar: &sar::Sar, items: &[Item], out: &Path, api_json: &ApiJson) -> Result<Packed> {
        let partial = partial_path(out);
        let written = self.write(sar, items, &partial, api_json);
        match written {
            Ok(mut packed) => {
                std::fs::rename(&partial, out).map_err(io_error)?;
                packed.path = out.to_owned();
                Ok(packed)
            }
            Err(error) => {
                let _ = std::fs::remove_file(&partial);
                Err(error)
            }
        }
    }

    fn write(
        &mut self,
        sar: &sar::Sar,
        items: &[Item],
        partial: &Path,
        api_json: &ApiJson,
    ) -> Result<Packed> {
        let file = File::create(partial).map_err(io_error)?;
        let mut bag = BagWriter::new(BufWriter::new(file), &self.bag_name()).map_err(bag_error)?;
        (self.on_progress)(self.progress);
        for item in items {
            match item {
                Item::Sar => self.sar(&mut bag, sar)?,
                Item::Json => {
                    let json = api_json(&sar.evaluation, &self.catalog);
                    self.add(&mut bag, "", "kpi.json", &json)?;
                }
                Item::Evidence { folder, evidence } => self.evidence(&mut bag, folder, evidence)?,
                Item::Upload { folder, file } => self.upload(&mut bag, folder, file)?,
                Item::Audit => self.audit_log(&mut bag)?,
                Item::Index => {
                    let page = index::page(self.locale, &self.bag_name(), &sar.evaluation, &self.listing);
                    self.add(&mut bag, "", "index.html", page.as_bytes())?;
                }
            }
            self.progress.done += 1;
            (self.on_progress)(self.progress);
        }
        let (bytes, files) = bag.oxum();
        let info = self.bag_info(&sar.evaluation);
        let (out, manifest_sha256) = bag.finish(&info).map_err(bag_error)?;
        let file = out.into_inner().map_err(|e| io_error(e.into_error()))?;
        file.sync_all().map_err(io_error)?;
        let (audit_seq, audit_head) = self.audit.clone();
        let (as_of, steps) = (sar.evaluation.as_of, outcomes(&sar.evaluation));
        Ok(Packed {
            path: partial.to_owned(),
            files,
            bytes,
            manifest_sha256,
            audit_seq,
            audit_head,
            as_of,
            steps,
        })
    }

    fn bag_name(&self) -> String {
        format!("ruamjai-kpi-{}-r{}", self.year.be(), self.round.months())
    }

    /// Streams one generated file into `folder`.
    fn add(&mut self, bag: &mut Bag, folder: &str, name: &str, bytes: &[u8]) -> Result<()> {
        let path = if folder.is_empty() { name.to_owned() } else { format!("{folder}/{name}") };
        let added = bag.add(&path, bytes).map_err(bag_error)?;
        self.listed(folder, &path, added.bytes);
        Ok(())
    }

    /// Counts a file written and lists it for the index.
    fn listed(&mut self, folder: &str, path: &str, bytes: u64) {
        self.progress.bytes += bytes;
        self.listing.push(Listed { folder: folder.to_owned(), path: path.to_owned(), bytes });
    }

    /// Waits on the store from the packing thread.
    fn block_on<T>(&self, future: impl Future<Output = Result<T>>) -> Result<T> {
        self.runtime.block_on(future)
    }

    fn render(&self, report: &ruamjai_pdf::documents::report::Report) -> Result<Vec<u8>> {
        let engine = ruamjai_pdf::shared().map_err(|e| Error::Internal(e.to_string()))?;
        report.render(engine, bangkok_date(self.app.now()), self.thai_digits).map_err(pdf_error)
    }

    fn sar(&mut self, bag: &mut Bag, sar: &sar::Sar) -> Result<()> {
        let report = sar::document(sar, self.locale, &self.catalog, self.app.now());
        let pdf = self.render(&report)?;
        self.add(bag, "", "sar.pdf", &pdf)
    }

    fn bag_info(&self, evaluation: &Evaluation) -> BagInfo {
        let t = |key: &str| self.locale.t(key);
        let supervisor =
            evaluation.indicators.first().map(|r| r.indicator.supervisor.clone()).unwrap_or_default();
        let (seq, head) = &self.audit;
        BagInfo::default()
            .with("Source-Organization", &t("office-name"))
            .with("Contact-Name", &supervisor.position_th)
            .with("Contact-Phone", &supervisor.phone)
            .with("External-Identifier", &self.bag_name())
            .with(
                "External-Description",
                &self.locale.ta(
                    "pack-description",
                    &[("year", self.year.be().into()), ("round", self.round.months().into())],
                ),
            )
            .with("Bagging-Date", &bangkok_date(self.app.now()).to_string())
            .with("Bag-Software-Agent", concat!("ruamjai ", env!("CARGO_PKG_VERSION")))
            .with("Ruamjai-Evaluated-As-Of", &evaluation.as_of.to_string())
            .with("Ruamjai-Audit-Head-Seq", &seq.to_string())
            .with("Ruamjai-Audit-Head-SHA256", head)
            .with(
                "Ruamjai-Personal-Data",
                &format!("{} / {}", t("pack-personal-data"), Locale::En.t("pack-personal-data")),
            )
    }
}

fn end_of(day: time::Date) -> time::OffsetDateTime {
    ruamjai_domain::calendar::bangkok_midnight(day.next_day().unwrap_or(day))
}

/// Where a pack is written until it is complete.
pub fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".part");
    out.with_file_name(name)
}

fn io_error(error: std::io::Error) -> Error {
    Error::Internal(format!("writing the evidence pack: {error}"))
}

fn bag_error(error: ruamjai_bagit::BagError) -> Error {
    Error::Internal(format!("writing the evidence pack: {error}"))
}

fn pdf_error(error: ruamjai_pdf::PdfError) -> Error {
    Error::Internal(format!("typesetting a document of the evidence pack: {error}"))
}
