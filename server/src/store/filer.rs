//! Group commit for submissions: one task files every application and report, as many as are
//! waiting in one write transaction, so that concurrent citizens queue in this process instead
//! of polling SQLite's write lock.
//!
//! Why: with the lock taken by another connection, `BEGIN IMMEDIATE` waits in SQLite's busy
//! handler, which sleeps 1, 2, 5, 10 … 100 ms between tries. At 32 concurrent submissions that
//! sleeping, not the work (≈ 1 ms) or the `fsync` (< 1 ms here), made the p99 over 500 ms. One
//! writer never meets a taken lock from its own side, and a batch costs one commit — one
//! `fsync` of the WAL with `synchronous = FULL` — however many it holds.
//!
//! Each submission runs inside its own savepoint: one that fails is rolled back alone and
//! answered with its error; the others commit. Nobody is answered before the commit that holds
//! their request has returned, so a 201 still means "on disk". A submission whose client went
//! away meanwhile is filed all the same; its retry is answered from the idempotency record.
use super::requests::{create_in, Creation, Outcome};
use super::{begin_write, Db};
use sqlx::Acquire;
use tokio::sync::{mpsc, oneshot};

/// The most submissions one transaction holds (a few ms of work).
const MAX_BATCH: usize = 64;
/// Submissions that may wait for the writer before senders wait too.
const QUEUE: usize = 1024;

/// Makes the answer to send from the new registry number.
pub type Answer = Box<dyn FnOnce(&str) -> anyhow::Result<Vec<u8>> + Send>;

struct Job {
    creation: Creation,
    answer: Answer,
    reply: oneshot::Sender<anyhow::Result<Outcome>>,
}

/// The handle submissions are filed through; cheap to clone.
#[derive(Clone)]
pub struct Filer {
    jobs: mpsc::Sender<Job>,
}

impl Filer {
    /// Starts the writer on the current Tokio runtime.
    pub fn start(db: Db) -> Filer {
        let (jobs, queue) = mpsc::channel(QUEUE);
        tokio::spawn(run(db, queue));
        Filer { jobs }
    }

    /// Files one submission exactly once (see [`super::requests::create_in`]) and returns once
    /// the transaction that holds it has committed.
    pub async fn file(&self, creation: Creation, answer: Answer) -> anyhow::Result<Outcome> {
        let (reply, answered) = oneshot::channel();
        self.jobs
            .send(Job {
                creation,
                answer,
                reply,
            })
            .await
            .map_err(|_| anyhow::anyhow!("the submission writer has stopped"))?;
        answered
            .await
            .map_err(|_| anyhow::anyhow!("the submission writer dropped a submission"))?
    }
}

async fn run(db: Db, mut queue: mpsc::Receiver<Job>) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let jobs = std::mem::take(&mut batch);
        // A batch runs as its own task: should it panic, its senders see their reply dropped
        // (a 500 for them) and the writer goes on with the next batch.
        let _ = tokio::spawn(commit(db.clone(), jobs)).await;
    }
}

async fn commit(db: Db, jobs: Vec<Job>) {
    let mut tx = match begin_write(&db).await {
        Ok(tx) => tx,
        Err(e) => {
            let why = format!("{e:#}");
            for job in jobs {
                let _ = job.reply.send(Err(anyhow::anyhow!("{why}")));
            }
            return;
        }
    };
    let mut filed = Vec::with_capacity(jobs.len());
    for job in jobs {
        let outcome = match tx.begin().await {
            Ok(mut savepoint) => match create_in(&mut savepoint, job.creation, job.answer).await {
                Ok(outcome) => savepoint
                    .commit()
                    .await
                    .map(|()| outcome)
                    .map_err(Into::into),
                // Dropping the savepoint rolls back to it.
                Err(e) => Err(e),
            },
            Err(e) => Err(e.into()),
        };
        match outcome {
            Ok(outcome) => filed.push((job.reply, outcome)),
            Err(e) => {
                let _ = job.reply.send(Err(e));
            }
        }
    }
    match tx.commit().await {
        Ok(()) => {
            for (reply, outcome) in filed {
                let _ = reply.send(Ok(outcome));
            }
        }
        Err(e) => {
            let why = format!("{e:#}");
            for (reply, _) in filed {
                let _ = reply.send(Err(anyhow::anyhow!("commit failed: {why}")));
            }
        }
    }
}
