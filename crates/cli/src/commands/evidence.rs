//! `ruamjai evidence pack` and `ruamjai evidence verify`: a round's
//! evidence as one BagIt ZIP, and the check an evaluator runs on it.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use ruamjai_app::kpi::pack::{self, verify};
use ruamjai_app::{App, Caller, Settings};
use ruamjai_domain::calendar::FiscalYear;
use ruamjai_domain::kpi::Round;

use super::{DatabaseOpts, redact};

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Pack a round's evidence into one ZIP that is a BagIt bag.
    Pack(PackOpts),
    /// Check a pack: every hash, the tag manifest, Payload-Oxum and the audit
    /// chain; with --database also that its head is in the live chain.
    /// Exits with status 1 naming each failing file.
    Verify(VerifyOpts),
}

#[derive(Args, Debug)]
pub struct PackOpts {
    #[command(flatten)]
    db: DatabaseOpts,
    /// Fiscal year, Buddhist Era (2570).
    #[arg(long)]
    fiscal_year: i32,
    /// The round: 6, 9 or 12 months.
    #[arg(long)]
    round: String,
    /// The ZIP to write (written under FILE.part until complete).
    #[arg(long)]
    out: PathBuf,
    /// The address the public reaches the site at, printed in the manuals.
    #[arg(long, env = "RUAMJAI_PUBLIC_URL")]
    public_url: Option<String>,
}

#[derive(Args, Debug)]
pub struct VerifyOpts {
    /// The pack to check.
    file: PathBuf,
    /// Also check the pack's audit head against this database's chain.
    #[arg(long)]
    database: Option<String>,
}

pub async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Pack(opts) => pack(opts).await,
        Command::Verify(opts) => verify(opts).await,
    }
}

fn bar(length: u64, template: &str) -> ProgressBar {
    let bar = ProgressBar::new(length);
    bar.set_style(ProgressStyle::with_template(template).expect("a valid template").progress_chars("=> "));
    bar
}

async fn pack(opts: PackOpts) -> anyhow::Result<()> {
    let round = Round::parse(&opts.round).map_err(|_| anyhow::anyhow!("--round must be 6, 9 or 12"))?;
    let year = FiscalYear::from_be(opts.fiscal_year);
    let mut settings = Settings::default();
    if let Some(url) = opts.public_url {
        settings.public_url = url;
    }
    let app = App::new(opts.db.open().await?, settings);
    let progress = bar(0, "{bar:40} {pos}/{len} {msg}");
    let shown = progress.clone();
    let on_progress: pack::OnProgress = Arc::new(move |p: pack::Progress| {
        shown.set_length(p.total);
        shown.set_position(p.done);
        shown.set_message(indicatif::HumanBytes(p.bytes).to_string());
    });
    let caller = Caller::Command("evidence pack");
    let packed =
        pack::pack(&app, &caller, (year, round), &opts.out, ruamjai_web::pack_json(), on_progress).await;
    progress.finish_and_clear();
    let packed = packed.with_context(|| format!("packing {}", redact(&opts.db.database)))?;
    println!(
        "packed {}: {} files, {}, manifest sha256 {}, audit head {} {}",
        packed.path.display(),
        packed.files,
        indicatif::HumanBytes(packed.bytes),
        packed.manifest_sha256,
        packed.audit_seq,
        packed.audit_head
    );
    Ok(())
}

async fn verify(opts: VerifyOpts) -> anyhow::Result<()> {
    let size = std::fs::metadata(&opts.file).with_context(|| opts.file.display().to_string())?.len();
    let progress = bar(size, "{bar:40} {bytes}/{total_bytes} {bytes_per_sec}");
    let shown = progress.clone();
    let file = opts.file.clone();
    let started = std::time::Instant::now();
    let checked =
        tokio::task::spawn_blocking(move || verify::verify(&file, |bytes| shown.inc(bytes))).await??;
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let mut holds = checked.holds();
    for problem in checked.problems() {
        println!("FAILED: {problem}");
    }
    if let (Some(url), Some(head)) = (&opts.database, &checked.head) {
        let store = DatabaseOpts { database: url.clone() }.open().await?;
        let live = verify::against_live(&store, head).await?;
        if live.head_in_chain {
            println!("the pack's audit head (entry {}) is in the live chain", head.0);
            for changed in &live.changed_since {
                println!(
                    "changed since packing: {} {} ({} changes, last “{}” at {})",
                    changed.entity, changed.entity_id, changed.changes, changed.last_action, changed.last_at
                );
            }
        } else {
            println!(
                "FAILED: the pack's audit head (entry {}) is not in the live chain of {}",
                head.0,
                redact(url)
            );
            holds = false;
        }
    }
    if !holds {
        bail!("{} does not hold", opts.file.display());
    }
    println!(
        "pack valid: {} files, {} of payload, {} audit entries recomputed; read {} in {seconds:.2} s ({}/s)",
        checked.bag.files,
        indicatif::HumanBytes(checked.bag.bytes),
        checked.audit_entries,
        indicatif::HumanBytes(size),
        indicatif::HumanBytes((size as f64 / seconds.max(1e-9)) as u64)
    );
    Ok(())
}
