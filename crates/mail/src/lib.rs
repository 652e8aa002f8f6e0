//! Sends the outbox by SMTP.
//!
//! Mail is queued by the store in the transaction that causes it; this crate
//! claims what is due, sends it to the organisation's relay and records the
//! result, so a crash or an unreachable relay never loses a message. Plain
//! SMTP, with AUTH when configured: government networks send through an
//! internal relay, which carries mail onward over TLS.

use std::time::Duration;

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, Message};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use ruamjai_store::Store;
use ruamjai_store::mail::QueuedMail;
use time::OffsetDateTime;

/// Messages claimed per round.
const BATCH: i64 = 50;

#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// User and password, when the relay asks for AUTH.
    pub credentials: Option<(String, String)>,
    /// The sender, for example `ศูนย์เทคโนโลยีสารสนเทศฯ <noreply@moi.go.th>`.
    pub from: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the sender address {0:?} is not a valid mailbox")]
    InvalidFrom(String),
    #[error("database: {0}")]
    Store(#[from] ruamjai_store::StoreError),
}

/// What one round of sending did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
}

pub struct Sender {
    store: Store,
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Sender {
    pub fn new(store: Store, settings: &SmtpSettings) -> Result<Self, MailError> {
        let from = settings.from.parse().map_err(|_| MailError::InvalidFrom(settings.from.clone()))?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(settings.host.as_str())
            .port(settings.port)
            .timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = &settings.credentials {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self { store, transport: builder.build(), from })
    }

    /// Sends every message that is due now.
    pub async fn send_due(&self) -> Result<Round, MailError> {
        let mut round = Round::default();
        loop {
            let batch = self.store.claim_due_mail(OffsetDateTime::now_utc(), BATCH).await?;
            if batch.is_empty() {
                return Ok(round);
            }
            for mail in &batch {
                match self.send(mail).await {
                    Ok(()) => {
                        self.store.mail_sent(mail.id, OffsetDateTime::now_utc()).await?;
                        round.sent += 1;
                    }
                    Err(error) => {
                        // The recipient is personal data: the id is enough to find it.
                        tracing::warn!(id = mail.id, %error, "sending mail failed; will retry");
                        self.store.mail_failed(mail.id, &error, OffsetDateTime::now_utc()).await?;
                        round.failed += 1;
                    }
                }
            }
        }
    }

    async fn send(&self, mail: &QueuedMail) -> Result<(), String> {
        let to: Mailbox = mail.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject.as_str())
            .header(ContentType::TEXT_PLAIN)
            // Base64 keeps Thai intact through any relay.
            .body(
                Body::new_with_encoding(mail.body.clone(), ContentTransferEncoding::Base64)
                    .map_err(|_| "encoding")?,
            )
            .map_err(|e| format!("message: {e}"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| e.to_string())
    }

    /// Sends what is due every `every`, until the task is dropped.
    pub async fn run(self, every: Duration) {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match self.send_due().await {
                Ok(Round { sent: 0, failed: 0 }) => {}
                Ok(round) => tracing::info!(sent = round.sent, failed = round.failed, "outbox sent"),
                Err(error) => tracing::warn!(%error, "outbox round failed"),
            }
        }
    }
}
