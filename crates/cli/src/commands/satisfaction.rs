//! `ruamjai satisfaction recompute`: rebuild a campaign's report cells from
//! its raw answers (after a repair, or to check them), and say whether the
//! report changed.

use clap::{Args, Subcommand};
use ruamjai_store::audit::Actor;
use ruamjai_store::satisfaction::ReportFilter;

use super::DatabaseOpts;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Rebuild the aggregate cells of one campaign, or of all, from the answers.
    Recompute(RecomputeOpts),
}

#[derive(Args, Debug)]
pub struct RecomputeOpts {
    /// The campaign's id; every campaign when left out.
    #[arg(long)]
    pub campaign: Option<i64>,
    #[command(flatten)]
    pub db: DatabaseOpts,
}

pub async fn run(command: Command) -> anyhow::Result<()> {
    let Command::Recompute(opts) = command;
    let store = opts.db.open().await?;
    let ids = match opts.campaign {
        Some(id) => vec![id],
        None => store.campaigns().await?.into_iter().map(|c| c.id).collect(),
    };
    let actor = Actor::command("satisfaction recompute");
    for id in ids {
        let before = store.cell_sums(id, &ReportFilter::default()).await?;
        let counted = store.recompute_cells(&actor, id).await?;
        let after = store.cell_sums(id, &ReportFilter::default()).await?;
        let verdict = if before == after { "cells unchanged" } else { "cells CORRECTED" };
        println!("campaign {id}: {counted} responses recounted, {verdict}");
    }
    Ok(())
}
