//! Queries for service catalogues: replace a whole catalogue atomically, list and search it,
//! read one service.
use super::Db;
use crate::catalogue::{CatalogueFile, CategoryEntry, ServiceEntry};
use crate::search;

/// Replaces the municipality's catalogue in one transaction.
pub async fn replace(db: &Db, municipality_id: i64, file: &CatalogueFile) -> anyhow::Result<()> {
    let mut tx = db.begin().await?;
    sqlx::query("DELETE FROM services WHERE municipality_id = $1")
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM service_categories WHERE municipality_id = $1")
        .bind(municipality_id)
        .execute(&mut *tx)
        .await?;
    for (i, c) in file.categories.iter().enumerate() {
        sqlx::query("INSERT INTO service_categories (municipality_id, id, position, definition) VALUES ($1, $2, $3, $4)")
            .bind(municipality_id)
            .bind(&c.id)
            .bind(i as i64)
            .bind(serde_json::to_string(c)?)
            .execute(&mut *tx)
            .await?;
    }
    for (i, s) in file.services.iter().enumerate() {
        sqlx::query(
            "INSERT INTO services (municipality_id, code, category_id, position, search, definition) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(municipality_id)
        .bind(&s.code)
        .bind(&s.category)
        .bind(i as i64)
        .bind(search_text(s))
        .bind(serde_json::to_string(s)?)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// What search looks in: both languages of the name, summary and description, and the code.
fn search_text(s: &ServiceEntry) -> String {
    let mut parts = vec![
        s.code.as_str(),
        s.name.bg.as_str(),
        s.summary.bg.as_str(),
        s.description.bg.as_str(),
    ];
    parts.extend(
        [&s.name.en, &s.summary.en, &s.description.en]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    search::skeleton(&parts.join(" "))
}

pub async fn categories(db: &Db, municipality_id: i64) -> anyhow::Result<Vec<CategoryEntry>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT definition FROM service_categories WHERE municipality_id = $1 ORDER BY position",
    )
    .bind(municipality_id)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(d,)| Ok(serde_json::from_str(&d)?))
        .collect()
}

/// Services in catalogue order, filtered by category and by a search query.
pub async fn search(
    db: &Db,
    municipality_id: i64,
    query: Option<&str>,
    category: Option<&str>,
) -> anyhow::Result<Vec<ServiceEntry>> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT search, definition FROM services
         WHERE municipality_id = $1 AND ($2 IS NULL OR category_id = $2) ORDER BY position",
    )
    .bind(municipality_id)
    .bind(category)
    .fetch_all(db)
    .await?;
    let query = query.map(str::trim).filter(|q| !q.is_empty());
    let mut found: Vec<ServiceEntry> = rows
        .into_iter()
        .filter(|(skeleton, _)| query.is_none_or(|q| search::matches(skeleton, q)))
        .map(|(_, d)| serde_json::from_str(&d))
        .collect::<Result<_, _>>()?;
    // Services whose name matches come first, each group in catalogue order (the sort is stable).
    if let Some(q) = query {
        found.sort_by_key(|s| {
            let name = search::skeleton(&format!(
                "{} {}",
                s.name.bg,
                s.name.en.as_deref().unwrap_or("")
            ));
            !search::matches(&name, q)
        });
    }
    Ok(found)
}

pub async fn by_code(
    db: &Db,
    municipality_id: i64,
    code: &str,
) -> anyhow::Result<Option<ServiceEntry>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT definition FROM services WHERE municipality_id = $1 AND code = $2")
            .bind(municipality_id)
            .bind(code)
            .fetch_optional(db)
            .await?;
    row.map(|(d,)| Ok(serde_json::from_str(&d)?)).transpose()
}
