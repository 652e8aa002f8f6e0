//! `ruamjai user add|list|disable|enable`.

use std::io::Read;

use anyhow::Context;
use clap::{Args, Subcommand};
use ruamjai_app::{Caller, accounts};
use ruamjai_domain::accounts::{Email, Password, Role};
use ruamjai_domain::catalog::{Code, Name};
use ruamjai_store::accounts::NewUser;

use super::DatabaseOpts;

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Add a staff account; the password is read from standard input.
    Add(AddOpts),
    /// List staff accounts.
    List(DatabaseOpts),
    /// Disable an account: its sessions and tokens stop working at once.
    Disable(EmailOpts),
    /// Enable a disabled account again.
    Enable(EmailOpts),
}

#[derive(Args, Debug)]
pub struct AddOpts {
    #[arg(long)]
    email: String,
    #[arg(long)]
    name: String,
    /// administrator, director, collector, officer or evaluator.
    #[arg(long)]
    role: String,
    /// Division code (needed for collectors and officers), e.g. `infrastructure`.
    #[arg(long)]
    division: Option<String>,
    /// Read the password from standard input (the only way: never on the command line).
    #[arg(long, required = true)]
    password_stdin: bool,
    #[command(flatten)]
    db: DatabaseOpts,
}

#[derive(Args, Debug)]
pub struct EmailOpts {
    #[arg(long)]
    email: String,
    #[command(flatten)]
    db: DatabaseOpts,
}

pub async fn run(command: Command) -> anyhow::Result<()> {
    match command {
        Command::Add(opts) => add(opts).await,
        Command::List(db) => list(db).await,
        Command::Disable(opts) => set_disabled(opts, true).await,
        Command::Enable(opts) => set_disabled(opts, false).await,
    }
}

async fn add(opts: AddOpts) -> anyhow::Result<()> {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).context("reading the password from standard input")?;
    let password = Password::parse(input.trim_end_matches(['\n', '\r'])).context("password")?;
    let new = NewUser {
        email: Email::parse(&opts.email).context("--email")?,
        name: Name::parse(&opts.name).context("--name")?,
        role: Role::parse(&opts.role).context("--role")?,
        division: opts.division.as_deref().map(Code::parse).transpose().context("--division")?,
        password_hash: String::new(),
    };
    let app = opts.db.app().await?;
    let user = accounts::add_user(&app, &Caller::Command("user add"), new, password).await?;
    println!("added {} ({}) with id {}", user.email, user.role.as_str(), user.id);
    Ok(())
}

async fn list(db: DatabaseOpts) -> anyhow::Result<()> {
    let store = db.open().await?;
    for user in store.list_users().await? {
        let status = if user.disabled { "disabled" } else { "active" };
        let division = user.division_code.as_deref().unwrap_or("-");
        println!(
            "{:<36} {:<14} {:<26} {:<9} {}",
            user.email,
            user.role.as_str(),
            division,
            status,
            user.name
        );
    }
    Ok(())
}

async fn set_disabled(opts: EmailOpts, disabled: bool) -> anyhow::Result<()> {
    let email = Email::parse(&opts.email).context("--email")?;
    let app = opts.db.app().await?;
    let action = if disabled { "user disable" } else { "user enable" };
    let user = accounts::set_disabled(&app, &Caller::Command(action), &email, disabled).await?;
    println!("{} is now {}", user.email, if user.disabled { "disabled" } else { "active" });
    Ok(())
}
