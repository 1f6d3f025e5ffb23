//! Queries for satisfaction survey answers: one at a time from the survey, many at once for
//! the demonstration history. A request gets at most one answer.
use super::{Backend, Db, Tx};

/// One survey answer as stored.
pub struct Answer<'a> {
    pub municipality_id: i64,
    pub submitted_at: i64,
    /// Courtesy, clarity, deadlines, accessibility, overall: 1–5 each.
    pub ratings: [i64; 5],
    pub comment: Option<&'a str>,
    /// The request it is tied to, if any.
    pub request_id: Option<i64>,
    pub synthetic: bool,
}

const COLUMNS: &str = "INSERT INTO feedback (municipality_id, submitted_at, courtesy, clarity, \
     deadlines, accessibility, overall, comment, request_id, synthetic) ";

/// Rows per statement, under SQLite's limit of bound parameters.
const ROWS_PER_INSERT: usize = 1000;

/// Records one answer; `false` when its request already has one.
pub async fn insert(db: &Db, a: &Answer<'_>) -> anyhow::Result<bool> {
    let mut q = sqlx::QueryBuilder::new(COLUMNS);
    push_values(&mut q, std::slice::from_ref(a));
    q.push(" ON CONFLICT (request_id) DO NOTHING");
    Ok(q.build().execute(db).await?.rows_affected() == 1)
}

/// Records many answers in the caller's transaction.
pub async fn insert_many(tx: &mut Tx<'_>, answers: &[Answer<'_>]) -> anyhow::Result<()> {
    for chunk in answers.chunks(ROWS_PER_INSERT) {
        let mut q = sqlx::QueryBuilder::new(COLUMNS);
        push_values(&mut q, chunk);
        q.build().persistent(false).execute(&mut **tx).await?;
    }
    Ok(())
}

fn push_values<'a>(q: &mut sqlx::QueryBuilder<'a, Backend>, answers: &'a [Answer<'a>]) {
    q.push_values(answers, |mut b, a| {
        b.push_bind(a.municipality_id).push_bind(a.submitted_at);
        for r in a.ratings {
            b.push_bind(r);
        }
        b.push_bind(a.comment)
            .push_bind(a.request_id)
            .push_bind(i64::from(a.synthetic));
    });
}
