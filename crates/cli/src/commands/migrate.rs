//! `ruamjai migrate`: bring the schema up to date and exit.

use clap::Args;
use ruamjai_store::Store;

use super::DatabaseOpts;

#[derive(Args, Debug)]
pub struct Opts {
    #[command(flatten)]
    pub db: DatabaseOpts,
}

pub async fn run(opts: Opts) -> anyhow::Result<()> {
    let store = Store::connect(&opts.db.database).await?;
    let applied = store.migrate().await?;
    println!("{applied} migration(s) applied; the schema is up to date.");
    Ok(())
}
