//! Demonstration history: months of synthetic requests, reports, their histories and survey
//! answers for a demonstration municipality, so its published accountability has something to
//! show. Every row is marked `synthetic = 1` and written in the shapes real use writes.
//!
//! Only municipalities loaded with the `demo` flag get it: a real installation publishes
//! figures from real data only.
//!
//! The history is a function of the seed and of the clock's "now": the same seed
//! on the same day gives the same rows, except for the access-code hash.
use super::planner::{Offered, Plan, Planner};
use crate::clock::Clock;
use crate::store::requests::{EventRow, RequestRow, Subject};
use crate::store::{self, Db};
use gishe_api::calendar::Adjustments;
use gishe_api::RegistryNumber;
use std::collections::BTreeMap;

/// What a generation wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Service requests.
    pub requests: u32,
    /// Complaints, signals, proposals and praise.
    pub reports: u32,
    /// Survey answers.
    pub feedback: u32,
}

/// The longest history one call writes.
pub const MAX_MONTHS: u32 = 120;

/// Fills `months` of history up to the clock's now for the demonstration municipality `slug`:
/// nothing is dated after it, and whatever was not finished by then stays open.
pub async fn generate(
    db: &Db,
    clock: &Clock,
    slug: &str,
    months: u32,
    seed: u64,
) -> anyhow::Result<Summary> {
    let now = clock.now();
    if !(1..=MAX_MONTHS).contains(&months) {
        anyhow::bail!("the history can cover 1 to {MAX_MONTHS} months, not {months}");
    }
    let m = store::municipalities::by_slug(db, slug)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no municipality with the slug {slug:?}"))?;
    if !m.demo {
        anyhow::bail!(
            "{slug} is not a demonstration municipality: published figures of a real \
             installation come from real data only"
        );
    }
    let services = store::services::search(db, m.id, None, None)
        .await?
        .services
        .into_iter()
        .filter_map(Offered::from_entry)
        .collect::<Vec<_>>();
    if services.is_empty() {
        anyhow::bail!("{slug} has no service catalogue to make history with");
    }

    let town = m
        .profile
        .name
        .bg
        .trim_start_matches("Община ")
        .trim()
        .to_string();
    let adjustments = Adjustments::builtin();
    let mut planner = Planner::new(seed, slug, months, now, &adjustments, services, town);
    let mut plans = planner.plan();
    plans.sort_by_key(|p| p.submitted_at);

    // No code opens a synthetic request: nobody was ever told one.
    let code_hash = crate::access_code::UNUSABLE;

    write(
        db,
        m.id,
        &m.profile.effective_registry_prefix(),
        code_hash,
        &plans,
    )
    .await?;
    let reports = plans.iter().filter(|p| p.kind != "service").count() as u32;
    Ok(Summary {
        requests: plans.len() as u32 - reports,
        reports,
        feedback: plans.iter().filter(|p| p.feedback.is_some()).count() as u32,
    })
}

/// Writes the plans (sorted by submission) in one write transaction: registry numbers
/// continue the municipality's counters, which are moved on in the same transaction.
async fn write(
    db: &Db,
    municipality_id: i64,
    prefix: &str,
    code_hash: &str,
    plans: &[Plan],
) -> anyhow::Result<()> {
    let mut tx = store::begin_write(db).await?;
    let existing = store::requests::synthetic_rows(&mut tx, municipality_id).await?;
    if existing > 0 {
        anyhow::bail!("this municipality already has demonstration history ({existing} rows)");
    }
    // Ids are given here, so events and answers can name their request in multi-row inserts;
    // the write lock is held, so nobody else takes them meanwhile.
    let first_id = store::requests::next_id(&mut tx).await?;
    // Each year's numbers are taken at once; plans are in submission order, so they are
    // numbered in it.
    let mut per_year: BTreeMap<i32, i64> = BTreeMap::new();
    for plan in plans {
        *per_year.entry(plan.year).or_insert(0) += 1;
    }
    let mut next_seq: BTreeMap<i32, i64> = BTreeMap::new();
    for (year, count) in per_year {
        let first = store::requests::take_numbers(&mut tx, municipality_id, year, count).await?;
        next_seq.insert(year, first);
    }
    let mut numbers = Vec::with_capacity(plans.len());
    for plan in plans {
        let seq = next_seq.entry(plan.year).or_insert(1);
        numbers.push(RegistryNumber::new(prefix, plan.year, u32::try_from(*seq)?).to_string());
        *seq += 1;
    }

    let id = |i: usize| first_id + i as i64;
    let rows: Vec<RequestRow> = plans
        .iter()
        .zip(&numbers)
        .enumerate()
        .map(|(i, (plan, number))| RequestRow {
            id: id(i),
            municipality_id,
            registry_number: number,
            subject: Subject {
                kind: plan.kind,
                service_code: plan.service_code.clone(),
                tier: plan.tier,
                fee_cents: plan.fee_cents,
            },
            submitted_at: plan.submitted_at,
            expected_date: plan.expected_date.to_string(),
            expected_time: plan.expected_time.clone(),
            access_code_hash: code_hash,
            body: &plan.body,
            status: plan.status.code(),
            synthetic: true,
        })
        .collect();
    store::requests::insert_requests(&mut tx, &rows).await?;

    let events: Vec<EventRow> = plans
        .iter()
        .enumerate()
        .flat_map(|(i, plan)| {
            plan.events.iter().map(move |e| EventRow {
                request_id: id(i),
                at: e.at,
                kind: e.kind.code(),
                actor: e.actor,
                note: e.note,
                reason: e.reason,
                new_expected_date: e.new_expected.map(|d| d.to_string()),
            })
        })
        .collect();
    store::requests::insert_events(&mut tx, &events).await?;

    let answers: Vec<store::feedback::Answer> = plans
        .iter()
        .enumerate()
        .filter_map(|(i, plan)| {
            plan.feedback.as_ref().map(|f| store::feedback::Answer {
                municipality_id,
                submitted_at: f.at,
                ratings: f.ratings,
                comment: f.comment,
                request_id: f.tied.then_some(id(i)),
                synthetic: true,
            })
        })
        .collect();
    store::feedback::insert_many(&mut tx, &answers).await?;
    tx.commit().await?;
    Ok(())
}
