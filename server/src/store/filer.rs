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
//! A batch commits whole or not at all; when one submission in it fails, the batch is filed
//! again one by one, so that the failing one is refused alone and the others commit. Nobody is answered before the commit that holds
//! their request has returned, so a 201 still means "on disk". A submission whose client went
//! away meanwhile is filed all the same; its retry is answered from the idempotency record.
use super::requests::{create_in, Creation, Outcome};
use super::{begin_write, Db};
use tokio::sync::{mpsc, oneshot};

/// The most submissions one transaction holds (a few ms of work).
const MAX_BATCH: usize = 64;
/// Submissions that may wait for the writer before senders wait too.
const QUEUE: usize = 1024;

/// Makes the answer to send from the new registry number.
/// Called again if its batch is filed anew (see [`commit`]), so it may not consume anything.
pub type Answer = Box<dyn Fn(&str) -> anyhow::Result<Vec<u8>> + Send + Sync>;

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
    // Together first; should one fail, the batch is rolled back and each is filed on its own,
    // so that only the failing one is refused. (Savepoints per submission would isolate it
    // too, but cost two more round trips to the database thread for every submission.)
    let outcomes = match file_together(&db, &jobs).await {
        Ok(outcomes) => outcomes,
        Err(_) => {
            let mut alone = Vec::with_capacity(jobs.len());
            for job in &jobs {
                alone.push(
                    file_together(&db, std::slice::from_ref(job))
                        .await
                        .map(|mut o| o.remove(0)),
                );
            }
            for (job, outcome) in jobs.into_iter().zip(alone) {
                let _ = job.reply.send(outcome);
            }
            return;
        }
    };
    for (job, outcome) in jobs.into_iter().zip(outcomes) {
        let _ = job.reply.send(Ok(outcome));
    }
}

/// Files `jobs` in one transaction: all of them, or none.
async fn file_together(db: &Db, jobs: &[Job]) -> anyhow::Result<Vec<Outcome>> {
    let mut tx = begin_write(db).await?;
    let mut outcomes = Vec::with_capacity(jobs.len());
    for job in jobs {
        outcomes.push(create_in(&mut tx, &job.creation, &*job.answer).await?);
    }
    tx.commit().await?;
    Ok(outcomes)
}
