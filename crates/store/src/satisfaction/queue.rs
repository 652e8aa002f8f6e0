//! Group commit for survey responses. Responses that arrive while the
//! writer is busy wait together and then share one synced transaction, so
//! under load one sync serves a whole batch; each sender is answered only
//! after the commit that holds its response, so an acknowledgement still
//! means "on disk".

use tokio::sync::{mpsc, oneshot};

use super::responses::Incoming;
use crate::{Result, Store, StoreError};

/// The most responses one transaction takes: enough to amortize the sync,
/// few enough that the first in a batch does not wait long for the last.
const MAX_BATCH: usize = 256;
/// Responses that may wait for the writer before senders wait to queue.
const QUEUE_DEPTH: usize = 8192;

struct Job {
    incoming: Incoming,
    reply: oneshot::Sender<Result<i64>>,
}

/// The single writer of survey responses (cheap to clone).
#[derive(Clone, Debug)]
pub struct ResponseQueue {
    jobs: mpsc::Sender<Job>,
}

impl ResponseQueue {
    /// Starts the writer on the current Tokio runtime; it stops when the
    /// last clone of the queue is dropped.
    pub fn start(store: Store) -> Self {
        let (jobs, waiting) = mpsc::channel(QUEUE_DEPTH);
        tokio::spawn(write_batches(store, waiting));
        Self { jobs }
    }

    /// Records a response and returns its id once it is committed. Refusals
    /// are those of [`Store::record_response`].
    pub async fn record(&self, incoming: Incoming) -> Result<i64> {
        let (reply, answer) = oneshot::channel();
        let stopped = || StoreError::Database(sqlx::Error::PoolClosed);
        self.jobs.send(Job { incoming, reply }).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

async fn write_batches(store: Store, mut waiting: mpsc::Receiver<Job>) {
    let mut jobs = Vec::with_capacity(MAX_BATCH);
    while waiting.recv_many(&mut jobs, MAX_BATCH).await > 0 {
        write(&store, std::mem::take(&mut jobs)).await;
    }
}

async fn write(store: &Store, jobs: Vec<Job>) {
    let (batch, replies): (Vec<Incoming>, Vec<_>) = jobs.into_iter().map(|j| (j.incoming, j.reply)).unzip();
    match store.record_batch(&batch).await {
        Ok(outcomes) => {
            for (reply, outcome) in replies.into_iter().zip(outcomes) {
                // A sender that has gone away (a dropped connection) still
                // has its response recorded.
                let _ = reply.send(outcome);
            }
        }
        Err(failure) if batch.len() == 1 => {
            let _ = replies.into_iter().next().map(|reply| reply.send(Err(failure)));
        }
        Err(failure) => {
            // The database refused the batch as a whole; alone, each
            // response meets only its own fate.
            tracing::warn!(%failure, responses = batch.len(), "response batch failed; writing one by one");
            for (incoming, reply) in batch.into_iter().zip(replies) {
                let outcome = store.record_batch(std::slice::from_ref(&incoming)).await;
                let _ = reply.send(outcome.and_then(|mut outcomes| outcomes.remove(0)));
            }
        }
    }
}
