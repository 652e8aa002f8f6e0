//! `ruamjai backup --to FILE`: a consistent copy of a live SQLite database.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use ruamjai_store::Backend;

use super::DatabaseOpts;

#[derive(Args, Debug)]
pub struct Opts {
    /// The file to write; it must not exist yet.
    #[arg(long)]
    to: PathBuf,
    #[command(flatten)]
    db: DatabaseOpts,
}

pub async fn run(opts: Opts) -> anyhow::Result<()> {
    if Backend::of_url(&opts.db.database)? == Backend::Postgres {
        anyhow::bail!(
            "backup copies SQLite databases. For PostgreSQL use its own tools, e.g. \
             `pg_dump --format=custom --file=ruamjai.dump DATABASE_URL`"
        );
    }
    anyhow::ensure!(!opts.to.exists(), "{} already exists", opts.to.display());
    let store = opts.db.open().await?;
    let target = opts.to.to_str().context("the backup path must be valid UTF-8")?;
    store.backup_sqlite_to(target).await?;
    println!("backed up to {}", opts.to.display());
    Ok(())
}
