//! `ruamjai audit verify`: walk the hash chain and report the first broken link.

use clap::Subcommand;

use super::DatabaseOpts;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check every entry; exits with status 1 if the chain is broken.
    Verify(DatabaseOpts),
}

pub async fn run(command: Command) -> anyhow::Result<()> {
    let Command::Verify(db) = command;
    let store = db.open().await?;
    let report = store.verify_audit().await?;
    match report.first_break {
        None => {
            println!("audit log intact: {} entries verified", report.entries_checked);
            Ok(())
        }
        Some(broken) => {
            println!("audit log BROKEN: {broken}");
            std::process::exit(1);
        }
    }
}
