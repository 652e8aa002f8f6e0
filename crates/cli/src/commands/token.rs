//! `ruamjai token create`: a new API bearer token, printed once.

use anyhow::Context;
use clap::{Args, Subcommand};
use ruamjai_app::{Caller, accounts};
use ruamjai_domain::accounts::Email;

use super::DatabaseOpts;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a token for an account and print it; only its hash is kept.
    Create(CreateOpts),
}

#[derive(Args, Debug)]
pub struct CreateOpts {
    #[arg(long)]
    email: String,
    /// What the token is for, shown in the audit log.
    #[arg(long, default_value = "api")]
    label: String,
    #[command(flatten)]
    db: DatabaseOpts,
}

pub async fn run(command: Command) -> anyhow::Result<()> {
    let Command::Create(opts) = command;
    let email = Email::parse(&opts.email).context("--email")?;
    let app = opts.db.app().await?;
    let token = accounts::issue_token(&app, &Caller::Command("token create"), &email, &opts.label)
        .await
        .with_context(|| format!("no token for {}", email.as_str()))?;
    println!("{token}");
    eprintln!("This token is shown once. Send it as `Authorization: Bearer <token>`.");
    Ok(())
}
