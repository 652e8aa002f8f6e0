//! `ruamjai satisfaction recompute`: rebuild a survey's report cells from
//! its raw answers (after a repair, or to check them), and say whether the
//! report changed.

use clap::{Args, Subcommand};
use ruamjai_app::Caller;
use ruamjai_app::satisfaction::surveys;

use super::DatabaseOpts;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Rebuild the aggregate cells of one survey, or of all, from the answers.
    Recompute(RecomputeOpts),
}

#[derive(Args, Debug)]
pub struct RecomputeOpts {
    /// The survey's id; every survey when left out.
    #[arg(long)]
    pub survey: Option<i64>,
    #[command(flatten)]
    pub db: DatabaseOpts,
}

pub async fn run(command: Command) -> anyhow::Result<()> {
    let Command::Recompute(opts) = command;
    let app = opts.db.app().await?;
    let caller = Caller::Command("satisfaction recompute");
    let ids = match opts.survey {
        Some(id) => vec![id],
        None => surveys::list(&app, &caller).await?.into_iter().map(|c| c.id).collect(),
    };
    for id in ids {
        let (counted, agreed) = surveys::recompute(&app, &caller, id).await?;
        let verdict = if agreed { "cells unchanged" } else { "cells CORRECTED" };
        println!("survey {id}: {counted} responses recounted, {verdict}");
    }
    Ok(())
}
