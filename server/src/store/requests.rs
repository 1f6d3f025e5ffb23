//! Queries for requests: create one exactly once (registry number, event, idempotency record)
//! in a single immediate write transaction.
use super::Db;
use gishe_api::calendar::{ExpectedDate, UtcSeconds};

pub struct Creation<'a> {
    pub municipality_id: i64,
    pub registry_prefix: &'a str,
    pub year: i32,
    /// `service`, or the kind of report.
    pub kind: &'a str,
    pub service_code: &'a str,
    pub tier: &'a str,
    pub fee_cents: i64,
    /// What was submitted, as JSON (personal data: never logged).
    pub body: String,
    pub submitted_at: UtcSeconds,
    pub expected: ExpectedDate,
    pub access_code_hash: &'a str,
    /// Idempotency: (scope, key) as sent, and the hash of the body.
    pub scope: &'a str,
    pub key: &'a str,
    pub body_hash: [u8; 32],
}

pub enum Outcome {
    /// The answer to send, made by the caller from the new registry number.
    Created(Vec<u8>),
    /// The same key and body were seen before: the first answer, again.
    Replayed(Vec<u8>),
    /// The same key with another body.
    KeyReused,
}

/// A submission seen before: its first answer (same body) or a refusal (other body). Checked
/// before anything else, so a retry is answered even if the catalogue changed since.
pub async fn replay(
    db: &Db,
    scope: &str,
    key: &str,
    body_hash: &[u8; 32],
) -> anyhow::Result<Option<Outcome>> {
    let key_hash = crate::idempotency::key_hash(scope, key);
    let seen: Option<(Vec<u8>, Vec<u8>, Vec<u8>)> = sqlx::query_as(
        "SELECT body_hash, nonce, response FROM idempotency_keys WHERE key_hash = ?",
    )
    .bind(&key_hash[..])
    .fetch_optional(db)
    .await?;
    Ok(match seen {
        None => None,
        Some((stored, _, _)) if stored != body_hash[..] => Some(Outcome::KeyReused),
        Some((_, nonce, sealed)) => Some(Outcome::Replayed(crate::idempotency::open(
            scope, key, &nonce, &sealed,
        )?)),
    })
}

/// Creates a request exactly once. `answer` turns the new registry number into the response
/// body; that body is what a replay of the same key returns.
pub async fn create(
    db: &Db,
    c: Creation<'_>,
    answer: impl FnOnce(&str) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<Outcome> {
    let key_hash = crate::idempotency::key_hash(c.scope, c.key);
    // IMMEDIATE takes the write lock first: concurrent submissions queue instead of failing
    // with a busy snapshot, and a duplicate sees the first one's idempotency record.
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let seen: Option<(Vec<u8>, Vec<u8>, Vec<u8>)> = sqlx::query_as(
        "SELECT body_hash, nonce, response FROM idempotency_keys WHERE key_hash = ?",
    )
    .bind(&key_hash[..])
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((body_hash, nonce, sealed)) = seen {
        tx.rollback().await?;
        if body_hash != c.body_hash {
            return Ok(Outcome::KeyReused);
        }
        return Ok(Outcome::Replayed(crate::idempotency::open(
            c.scope, c.key, &nonce, &sealed,
        )?));
    }
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO registry_counters (municipality_id, year, last) VALUES (?, ?, 1)
         ON CONFLICT (municipality_id, year) DO UPDATE SET last = last + 1 RETURNING last",
    )
    .bind(c.municipality_id)
    .bind(c.year)
    .fetch_one(&mut *tx)
    .await?;
    let registry_number = format!("{}-{}-{seq:06}", c.registry_prefix, c.year);
    let expected_time = c
        .expected
        .time
        .map(|t| format!("{:02}:{:02}", t.hour(), t.minute()));
    let request_id: i64 = sqlx::query_scalar(
        "INSERT INTO requests (municipality_id, registry_number, kind, service_code, tier, fee_cents, submitted_at,
             expected_date, expected_time, access_code_hash, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(c.municipality_id)
    .bind(&registry_number)
    .bind(c.kind)
    .bind(c.service_code)
    .bind(c.tier)
    .bind(c.fee_cents)
    .bind(c.submitted_at.0)
    .bind(c.expected.date.to_string())
    .bind(expected_time)
    .bind(c.access_code_hash)
    .bind(&c.body)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO request_events (request_id, at, kind, actor) VALUES (?, ?, 'registered', 'citizen')")
        .bind(request_id)
        .bind(c.submitted_at.0)
        .execute(&mut *tx)
        .await?;
    let response = answer(&registry_number)?;
    let (nonce, sealed) = crate::idempotency::seal(c.scope, c.key, &response)?;
    sqlx::query(
        "INSERT INTO idempotency_keys (key_hash, body_hash, request_id, nonce, response, created_at) VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&key_hash[..])
    .bind(&c.body_hash[..])
    .bind(request_id)
    .bind(nonce)
    .bind(sealed)
    .bind(c.submitted_at.0)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Outcome::Created(response))
}

pub async fn count_for(db: &Db, municipality_id: i64) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE municipality_id = ?")
            .bind(municipality_id)
            .fetch_one(db)
            .await?,
    )
}

/// A request as the status check and staff see it.
pub struct StoredRequest {
    pub id: i64,
    pub municipality_id: i64,
    pub registry_number: String,
    pub service_code: String,
    pub status: String,
    pub expected_date: String,
    pub expected_time: Option<String>,
    pub access_code_hash: String,
    pub body: String,
    /// `service` or the kind of report.
    pub kind: String,
}

type Row = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
);

pub async fn by_registry_number(db: &Db, number: &str) -> anyhow::Result<Option<StoredRequest>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, municipality_id, registry_number, service_code, status, expected_date, expected_time, access_code_hash, body, kind
         FROM requests WHERE registry_number = ?",
    )
    .bind(number)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| StoredRequest {
        id: r.0,
        municipality_id: r.1,
        registry_number: r.2,
        service_code: r.3,
        status: r.4,
        expected_date: r.5,
        expected_time: r.6,
        access_code_hash: r.7,
        body: r.8,
        kind: r.9,
    }))
}

/// at, kind, reason, note, new expected date.
type EventRow = (i64, String, Option<String>, Option<String>, Option<String>);

pub async fn timeline(db: &Db, request_id: i64) -> anyhow::Result<Vec<gishe_api::TimelineEvent>> {
    let rows: Vec<EventRow> = sqlx::query_as(
        "SELECT at, kind, reason, note, new_expected_date FROM request_events WHERE request_id = ? ORDER BY at, id",
    )
    .bind(request_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(at, kind, reason, note, date)| {
            Some(gishe_api::TimelineEvent {
                at: UtcSeconds(at),
                kind: gishe_api::EventKind::from_code(&kind)?,
                reason,
                note,
                new_expected: date.and_then(|d| gishe_api::calendar::Date::parse_iso(&d).ok()),
            })
        })
        .collect())
}

pub enum EventOutcome {
    Recorded(gishe_api::RequestStatus),
    NotFound,
    Refused(gishe_api::TransitionError),
}

/// Records a staff event under the state machine, in one immediate transaction: the history
/// is append-only, and the request's status and expected date follow it.
pub async fn add_event(
    db: &Db,
    number: &str,
    event: &gishe_api::NewEvent,
    actor: &str,
    now: UtcSeconds,
) -> anyhow::Result<EventOutcome> {
    let mut tx = db.begin_with("BEGIN IMMEDIATE").await?;
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, status, expected_date FROM requests WHERE registry_number = ?")
            .bind(number)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((id, status, expected)) = row else {
        return Ok(EventOutcome::NotFound);
    };
    let status = gishe_api::RequestStatus::from_code(&status)
        .ok_or_else(|| anyhow::anyhow!("request {number} has an unknown status {status:?}"))?;
    let expected = gishe_api::calendar::Date::parse_iso(&expected)
        .map_err(|_| anyhow::anyhow!("request {number} has a malformed expected date"))?;
    let next = match gishe_api::apply_event(
        status,
        event.kind,
        expected,
        event.reason.as_deref(),
        event.new_expected,
        event.note.as_deref(),
    ) {
        Ok(s) => s,
        Err(e) => return Ok(EventOutcome::Refused(e)),
    };
    let clean = |t: &Option<String>| {
        t.as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    sqlx::query(
        "INSERT INTO request_events (request_id, at, kind, actor, note, reason, new_expected_date) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(now.0)
    .bind(event.kind.code())
    .bind(actor)
    .bind(clean(&event.note))
    .bind(clean(&event.reason))
    .bind(event.new_expected.map(|d| d.to_string()))
    .execute(&mut *tx)
    .await?;
    if event.kind == gishe_api::EventKind::DeadlineExtended {
        if let Some(d) = event.new_expected {
            sqlx::query("UPDATE requests SET expected_date = ?, expected_time = NULL WHERE id = ?")
                .bind(d.to_string())
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    sqlx::query("UPDATE requests SET status = ? WHERE id = ?")
        .bind(next.code())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(EventOutcome::Recorded(next))
}
