pub mod audit;
pub mod backup;
pub mod demo;
pub mod evidence;
pub mod migrate;
pub mod satisfaction;
pub mod serve;
pub mod token;
pub mod user;

use clap::Args;
use ruamjai_store::Store;

/// The database option every command that touches data takes.
#[derive(Args, Debug, Clone)]
pub struct DatabaseOpts {
    /// `sqlite://FILE` (created when missing) or `postgres://USER@HOST:PORT/DB`.
    #[arg(long, env = "RUAMJAI_DATABASE_URL", default_value = "sqlite://ruamjai.db")]
    pub database: String,
}

impl DatabaseOpts {
    /// Opens the store, applying pending migrations.
    pub async fn open(&self) -> anyhow::Result<Store> {
        Store::open(&self.database)
            .await
            .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", redact(&self.database)))
    }

    /// The use cases over the database, for a command that changes it.
    pub async fn app(&self) -> anyhow::Result<ruamjai_app::App> {
        Ok(ruamjai_app::App::new(self.open().await?, ruamjai_app::Settings::default()))
    }
}

/// A database URL without its password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_in_database_urls_are_hidden() {
        assert_eq!(super::redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(super::redact("sqlite://x.db"), "sqlite://x.db");
    }
}
