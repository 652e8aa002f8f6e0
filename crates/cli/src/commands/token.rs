//! `ruamjai token create`: a new API bearer token, printed once.

use anyhow::Context;
use clap::{Args, Subcommand};
use ruamjai_app::secrets::{random_token, token_hash};
use ruamjai_domain::accounts::Email;
use ruamjai_store::audit::Actor;

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
    let store = opts.db.open().await?;
    let user =
        store.user_by_email(&email).await.with_context(|| format!("no account for {}", email.as_str()))?;
    anyhow::ensure!(!user.disabled, "{} is disabled", email.as_str());
    let token = random_token();
    store
        .create_api_token(&Actor::command("token create"), user.id, &token_hash(&token), &opts.label)
        .await?;
    println!("{token}");
    eprintln!("This token is shown once. Send it as `Authorization: Bearer <token>`.");
    Ok(())
}
