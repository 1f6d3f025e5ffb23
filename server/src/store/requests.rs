//! Queries for requests: create one exactly once (registry number, event, idempotency record)
//! in a single immediate write transaction.
use super::Db;
use gishe_api::calendar::{ExpectedDate, UtcSeconds};
use gishe_api::{NewRequest, RequestReceipt};

pub struct Creation<'a> {
    pub municipality_id: i64,
    pub registry_prefix: &'a str,
    pub year: i32,
    pub request: &'a NewRequest,
    pub fee_cents: i64,
    pub submitted_at: UtcSeconds,
    pub expected: ExpectedDate,
    pub access_code: &'a str,
    pub access_code_hash: &'a str,
    /// Idempotency: (scope, key) as sent, and the hash of the body.
    pub scope: &'a str,
    pub key: &'a str,
    pub body_hash: [u8; 32],
}

pub enum Outcome {
    Created(RequestReceipt),
    /// The same key and body were seen before: the first answer, again.
    Replayed(Vec<u8>),
    /// The same key with another body.
    KeyReused,
}

pub async fn create(db: &Db, c: Creation<'_>) -> anyhow::Result<Outcome> {
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
        "INSERT INTO requests (municipality_id, registry_number, service_code, tier, fee_cents, submitted_at,
             expected_date, expected_time, access_code_hash, body)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(c.municipality_id)
    .bind(&registry_number)
    .bind(&c.request.service)
    .bind(c.request.tier.code())
    .bind(c.fee_cents)
    .bind(c.submitted_at.0)
    .bind(c.expected.date.to_string())
    .bind(expected_time)
    .bind(c.access_code_hash)
    .bind(serde_json::to_string(c.request)?)
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO request_events (request_id, at, kind, actor) VALUES (?, ?, 'registered', 'citizen')")
        .bind(request_id)
        .bind(c.submitted_at.0)
        .execute(&mut *tx)
        .await?;
    let receipt = RequestReceipt {
        registry_number,
        access_code: gishe_api::format_access_code(c.access_code),
        service: c.request.service.clone(),
        submitted_at: c.submitted_at,
        expected: c.expected,
        tier: c.request.tier,
        fee: gishe_api::money::Money { cents: c.fee_cents },
    };
    let (nonce, sealed) = crate::idempotency::seal(c.scope, c.key, &serde_json::to_vec(&receipt)?)?;
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
    Ok(Outcome::Created(receipt))
}

pub async fn count_for(db: &Db, municipality_id: i64) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM requests WHERE municipality_id = ?")
            .bind(municipality_id)
            .fetch_one(db)
            .await?,
    )
}
