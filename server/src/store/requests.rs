//! Queries for requests: create one exactly once (registry number, event, idempotency record)
//! inside the filer's write transaction ([`super::filer`]); the row, event and counter writes it is made of,
//! shared with the demonstration history; reading a request and its timeline; staff events.
use super::{Db, Tx};
use gishe_api::calendar::{ExpectedDate, UtcSeconds};

/// What a request is for: a service in a tier and its fee, or a report of some kind.
#[derive(Clone)]
pub struct Subject {
    /// `service`, or the kind of report.
    pub kind: &'static str,
    pub service_code: String,
    pub tier: &'static str,
    pub fee_cents: i64,
}

impl Subject {
    /// A report (complaint, signal, …): no service code, tier or fee of its own.
    pub fn report(kind: &'static str) -> Subject {
        Subject {
            kind,
            service_code: String::new(),
            tier: "",
            fee_cents: 0,
        }
    }
}

/// A submission to file, owned: it travels to the writer task ([`super::filer`]).
pub struct Creation {
    pub municipality_id: i64,
    pub registry_prefix: String,
    pub year: i32,
    pub subject: Subject,
    /// What was submitted, as JSON (personal data: never logged).
    pub body: String,
    pub submitted_at: UtcSeconds,
    pub expected: ExpectedDate,
    /// Seals the access code to the registry number once the number is taken.
    pub seal_access_code: Box<dyn Fn(&str) -> String + Send + Sync>,
    /// Idempotency: (scope, key) as sent, and the hash of the body.
    pub scope: String,
    pub key: String,
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
        "SELECT body_hash, nonce, response FROM idempotency_keys WHERE key_hash = $1",
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

/// Creates a request exactly once, inside the caller's write transaction (the filer's
/// savepoint): a key seen before is answered from its record and nothing is written.
/// `answer` turns the new registry number into the response body; that body is what a replay
/// of the same key returns.
pub async fn create_in(
    tx: &mut Tx<'_>,
    c: &Creation,
    answer: &(dyn Fn(&str) -> anyhow::Result<Vec<u8>> + Send + Sync),
) -> anyhow::Result<Outcome> {
    let key_hash = crate::idempotency::key_hash(&c.scope, &c.key);
    let seen: Option<(Vec<u8>, Vec<u8>, Vec<u8>)> = sqlx::query_as(
        "SELECT body_hash, nonce, response FROM idempotency_keys WHERE key_hash = $1",
    )
    .bind(&key_hash[..])
    .fetch_optional(&mut **tx)
    .await?;
    if let Some((body_hash, nonce, sealed)) = seen {
        if body_hash != c.body_hash {
            return Ok(Outcome::KeyReused);
        }
        return Ok(Outcome::Replayed(crate::idempotency::open(
            &c.scope, &c.key, &nonce, &sealed,
        )?));
    }
    let seq = take_numbers(tx, c.municipality_id, c.year, 1).await?;
    let registry_number =
        gishe_api::RegistryNumber::new(&c.registry_prefix, c.year, u32::try_from(seq)?).to_string();
    let sealed = (c.seal_access_code)(&registry_number);
    let request_id = next_id(tx).await?;
    insert_requests(
        tx,
        &[RequestRow {
            id: request_id,
            municipality_id: c.municipality_id,
            registry_number: &registry_number,
            subject: c.subject.clone(),
            submitted_at: c.submitted_at.0,
            expected_date: c.expected.date.to_string(),
            expected_time: c
                .expected
                .time
                .map(|t| format!("{:02}:{:02}", t.hour(), t.minute())),
            access_code_hash: &sealed,
            body: &c.body,
            status: gishe_api::RequestStatus::Registered.code(),
            synthetic: false,
        }],
    )
    .await?;
    insert_events(
        tx,
        &[EventRow {
            request_id,
            at: c.submitted_at.0,
            kind: gishe_api::EventKind::Registered.code(),
            actor: "citizen",
            note: None,
            reason: None,
            new_expected_date: None,
        }],
    )
    .await?;
    let response = answer(&registry_number)?;
    let (nonce, sealed) = crate::idempotency::seal(&c.scope, &c.key, &response)?;
    sqlx::query(
        "INSERT INTO idempotency_keys (key_hash, body_hash, request_id, nonce, response, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&key_hash[..])
    .bind(&c.body_hash[..])
    .bind(request_id)
    .bind(nonce)
    .bind(sealed)
    .bind(c.submitted_at.0)
    .execute(&mut **tx)
    .await?;
    Ok(Outcome::Created(response))
}

pub async fn count_for(db: &Db, municipality_id: i64) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE municipality_id = $1")
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

/// Stores an access code's new sealed form (after a key rotation or from a legacy hash).
pub async fn reseal_access_code(db: &Db, id: i64, sealed: &str) -> anyhow::Result<()> {
    sqlx::query("UPDATE requests SET access_code_hash = $1 WHERE id = $2")
        .bind(sealed)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn by_registry_number(db: &Db, number: &str) -> anyhow::Result<Option<StoredRequest>> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, municipality_id, registry_number, service_code, status, expected_date, expected_time, access_code_hash, body, kind
         FROM requests WHERE registry_number = $1",
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
type TimelineRow = (i64, String, Option<String>, Option<String>, Option<String>);

pub async fn timeline(db: &Db, request_id: i64) -> anyhow::Result<Vec<gishe_api::TimelineEvent>> {
    let rows: Vec<TimelineRow> = sqlx::query_as(
        "SELECT at, kind, reason, note, new_expected_date FROM request_events WHERE request_id = $1 ORDER BY at, id",
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
    let mut tx = super::begin_write(db).await?;
    let row: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, status, expected_date FROM requests WHERE registry_number = $1")
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
    let (note, reason) = (clean(&event.note), clean(&event.reason));
    insert_events(
        &mut tx,
        &[EventRow {
            request_id: id,
            at: now.0,
            kind: event.kind.code(),
            actor,
            note: note.as_deref(),
            reason: reason.as_deref(),
            new_expected_date: event.new_expected.map(|d| d.to_string()),
        }],
    )
    .await?;
    if event.kind == gishe_api::EventKind::DeadlineExtended {
        if let Some(d) = event.new_expected {
            sqlx::query(
                "UPDATE requests SET expected_date = $1, expected_time = NULL WHERE id = $2",
            )
            .bind(d.to_string())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
    }
    sqlx::query("UPDATE requests SET status = $1 WHERE id = $2")
        .bind(next.code())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(EventOutcome::Recorded(next))
}

// ---------------------------------------------------------------------------------------------
// The writes a filing is made of, shared with the demonstration history
// ---------------------------------------------------------------------------------------------

/// One row of `requests` as it is filed.
pub struct RequestRow<'a> {
    /// Given by the writer (see [`next_id`]), so that events can name it in the same batch.
    pub id: i64,
    pub municipality_id: i64,
    pub registry_number: &'a str,
    pub subject: Subject,
    pub submitted_at: i64,
    pub expected_date: String,
    pub expected_time: Option<String>,
    pub access_code_hash: &'a str,
    /// What was submitted, as JSON (personal data: never logged).
    pub body: &'a str,
    pub status: &'a str,
    /// Demonstration history rather than a real filing.
    pub synthetic: bool,
}

/// One entry of a request's append-only history.
pub struct EventRow<'a> {
    pub request_id: i64,
    pub at: i64,
    pub kind: &'a str,
    pub actor: &'a str,
    pub note: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub new_expected_date: Option<String>,
}

/// Rows per statement, under SQLite's limit of bound parameters.
const REQUEST_ROWS_PER_INSERT: usize = 400;
const EVENT_ROWS_PER_INSERT: usize = 1000;

/// Moves the municipality's counter for `year` on by `count` and returns the first of the
/// sequence numbers taken. Call it in a write transaction ([`super::begin_write`]) so that
/// numbers have no gaps and no repeats.
pub async fn take_numbers(
    tx: &mut Tx<'_>,
    municipality_id: i64,
    year: i32,
    count: i64,
) -> anyhow::Result<i64> {
    let last: i64 = sqlx::query_scalar(
        "INSERT INTO registry_counters (municipality_id, year, last) VALUES ($1, $2, $3)
         ON CONFLICT (municipality_id, year)
         DO UPDATE SET last = registry_counters.last + excluded.last RETURNING last",
    )
    .bind(municipality_id)
    .bind(year)
    .bind(count)
    .fetch_one(&mut **tx)
    .await?;
    Ok(last - count + 1)
}

/// The id the next request gets. The caller holds the write lock, so nobody else takes it
/// meanwhile.
pub async fn next_id(tx: &mut Tx<'_>) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM requests")
            .fetch_one(&mut **tx)
            .await?,
    )
}

pub async fn insert_requests(tx: &mut Tx<'_>, rows: &[RequestRow<'_>]) -> anyhow::Result<()> {
    for chunk in rows.chunks(REQUEST_ROWS_PER_INSERT) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO requests (id, municipality_id, registry_number, service_code, tier, \
             fee_cents, submitted_at, expected_date, expected_time, access_code_hash, body, \
             status, kind, synthetic) ",
        );
        q.push_values(chunk, |mut b, r| {
            b.push_bind(r.id)
                .push_bind(r.municipality_id)
                .push_bind(r.registry_number)
                .push_bind(r.subject.service_code.as_str())
                .push_bind(r.subject.tier)
                .push_bind(r.subject.fee_cents)
                .push_bind(r.submitted_at)
                .push_bind(r.expected_date.as_str())
                .push_bind(r.expected_time.as_deref())
                .push_bind(r.access_code_hash)
                .push_bind(r.body)
                .push_bind(r.status)
                .push_bind(r.subject.kind)
                .push_bind(i64::from(r.synthetic));
        });
        q.build().persistent(false).execute(&mut **tx).await?;
    }
    Ok(())
}

pub async fn insert_events(tx: &mut Tx<'_>, events: &[EventRow<'_>]) -> anyhow::Result<()> {
    for chunk in events.chunks(EVENT_ROWS_PER_INSERT) {
        let mut q = sqlx::QueryBuilder::new(
            "INSERT INTO request_events (request_id, at, kind, actor, note, reason, \
             new_expected_date) ",
        );
        q.push_values(chunk, |mut b, e| {
            b.push_bind(e.request_id)
                .push_bind(e.at)
                .push_bind(e.kind)
                .push_bind(e.actor)
                .push_bind(e.note)
                .push_bind(e.reason)
                .push_bind(e.new_expected_date.as_deref());
        });
        q.build().persistent(false).execute(&mut **tx).await?;
    }
    Ok(())
}

/// Requests and survey answers of the municipality that are demonstration history.
pub async fn synthetic_rows(tx: &mut Tx<'_>, municipality_id: i64) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM requests WHERE municipality_id = $1 AND synthetic = 1)
              + (SELECT COUNT(*) FROM feedback WHERE municipality_id = $1 AND synthetic = 1)",
    )
    .bind(municipality_id)
    .fetch_one(&mut **tx)
    .await?)
}
