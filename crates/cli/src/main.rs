//! `ruamjai`: the one binary. Each subcommand lives in its own file under
//! `commands/` with its options and a `run` function.

mod commands;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "ruamjai",
    version,
    about = "ร่วมใจ — the participation platform of a public ICT service center"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application and the JSON API.
    Serve(commands::serve::Opts),
    /// Load demo data (idempotent), then serve: what a newcomer runs first.
    Demo(commands::demo::Opts),
    /// Apply pending database migrations and exit.
    Migrate(commands::migrate::Opts),
    /// Manage staff accounts.
    #[command(subcommand)]
    User(commands::user::Command),
    /// Manage API bearer tokens.
    #[command(subcommand)]
    Token(commands::token::Command),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(commands::audit::Command),
    /// Evidence packs of the KPI rounds: make one, check one.
    #[command(subcommand)]
    Evidence(commands::evidence::Command),
    /// Copy a SQLite database to a file while it is in use.
    Backup(commands::backup::Opts),
    /// Satisfaction surveys: rebuild report cells from the answers.
    #[command(subcommand)]
    Satisfaction(commands::satisfaction::Command),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // One readable line for an administrator; causes follow after colons.
            eprintln!("error: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Readable lines on standard error, or JSON lines for a log collector with
/// `RUAMJAI_LOG_FORMAT=json`; `RUAMJAI_LOG` filters.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUAMJAI_LOG")
        .unwrap_or_else(|_| "info,sqlx=warn".into());
    let colours = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let logs =
        tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colours);
    if std::env::var("RUAMJAI_LOG_FORMAT").is_ok_and(|format| format == "json") {
        logs.json().flatten_event(true).with_current_span(true).with_span_list(false).init();
    } else {
        logs.init();
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    init_logging();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        match cli.command {
            Command::Serve(opts) => commands::serve::run(opts).await,
            Command::Demo(opts) => commands::demo::run(opts).await,
            Command::Migrate(opts) => commands::migrate::run(opts).await,
            Command::User(command) => commands::user::run(command).await,
            Command::Token(command) => commands::token::run(command).await,
            Command::Audit(command) => commands::audit::run(command).await,
            Command::Evidence(command) => commands::evidence::run(command).await,
            Command::Backup(opts) => commands::backup::run(opts).await,
            Command::Satisfaction(command) => commands::satisfaction::run(command).await,
        }
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn every_subcommand_parses_and_has_help() {
        Cli::command().debug_assert();
    }

    #[test]
    fn user_add_refuses_a_password_on_the_command_line() {
        let parsed = <Cli as clap::Parser>::try_parse_from([
            "ruamjai", "user", "add", "--email", "a@b.th", "--name", "n", "--role", "director",
        ]);
        assert!(parsed.is_err(), "--password-stdin is required");
    }
}
