//! Queries for service catalogues: replace a whole catalogue atomically, list and search it,
//! read one service.
use super::Db;
use crate::catalogue::{CatalogueFile, CategoryEntry, ServiceEntry};
use crate::profile::Localized;
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
        .bind(
            search_document(s, file.categories.iter().find(|c| c.id == s.category)).to_stored(),
        )
        .bind(serde_json::to_string(s)?)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A text in both languages, the English when there is one.
fn both(l: &Localized) -> [Option<&str>; 2] {
    [Some(l.bg.as_str()), l.en.as_deref()]
}

/// What search looks in, by weight: the name in both languages and the code; the keywords in
/// both languages; the summary, description and category name in both languages.
pub fn search_document(s: &ServiceEntry, category: Option<&CategoryEntry>) -> search::Document {
    let name: Vec<&str> = both(&s.name)
        .into_iter()
        .flatten()
        .chain([s.code.as_str()])
        .collect();
    let keywords: Vec<&str> = s
        .keywords
        .bg
        .iter()
        .chain(&s.keywords.en)
        .map(String::as_str)
        .collect();
    let text: Vec<&str> = [&s.summary, &s.description]
        .into_iter()
        .chain(category.map(|c| &c.name))
        .flat_map(both)
        .flatten()
        .collect();
    search::Document::new(&name, &keywords, &text)
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

/// What a search found: the services that match, best first; when none does, the nearest.
#[derive(Debug, Default)]
pub struct Found {
    pub services: Vec<ServiceEntry>,
    /// Only when `services` is empty and there was a query: the closest the catalogue has.
    pub nearest: Vec<ServiceEntry>,
}

/// How many nearest services are offered when nothing matches.
const NEAREST: usize = 3;

/// Services filtered by category and found by a search query: without a query all of them
/// in catalogue order, with one the matches best first (ties in catalogue order).
pub async fn search(
    db: &Db,
    municipality_id: i64,
    query: Option<&str>,
    category: Option<&str>,
) -> anyhow::Result<Found> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT search, definition FROM services
         WHERE municipality_id = $1 AND ($2 IS NULL OR category_id = $2) ORDER BY position",
    )
    .bind(municipality_id)
    .bind(category)
    .fetch_all(db)
    .await?;
    let services: Vec<ServiceEntry> = rows
        .iter()
        .map(|(_, d)| serde_json::from_str(d))
        .collect::<Result<_, _>>()?;
    let query = search::Query::parse(query.unwrap_or(""));
    if query.is_empty() {
        return Ok(Found {
            services,
            nearest: Vec::new(),
        });
    }
    // A row stored by an older version of search is indexed again from its definition.
    let mut categories = None;
    let mut docs = Vec::with_capacity(rows.len());
    for ((stored, _), s) in rows.iter().zip(&services) {
        let doc = match search::Document::from_stored(stored) {
            Some(doc) => doc,
            None => {
                if categories.is_none() {
                    categories = Some(self::categories(db, municipality_id).await?);
                }
                let category = categories.iter().flatten().find(|c| c.id == s.category);
                search_document(s, category)
            }
        };
        docs.push(doc);
    }
    let pick = |positions: Vec<usize>| positions.into_iter().map(|i| services[i].clone()).collect();
    let found: Vec<ServiceEntry> = pick(search::rank(&query, &docs));
    if found.is_empty() {
        return Ok(Found {
            services: found,
            nearest: pick(search::nearest(&query, &docs, NEAREST)),
        });
    }
    Ok(Found {
        services: found,
        nearest: Vec::new(),
    })
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
