//! Queries for municipalities and their profiles.
use super::Db;
use crate::profile::Profile;

#[derive(Debug, Clone)]
pub struct StoredMunicipality {
    pub id: i64,
    pub profile: Profile,
    pub demo: bool,
    pub has_charter: bool,
    pub has_services: bool,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    profile: String,
    demo: bool,
    has_charter: bool,
    has_services: bool,
}

const SELECT: &str = "SELECT m.id, m.profile, m.demo,
        EXISTS (SELECT 1 FROM charter_imports c WHERE c.municipality_id = m.id) AS has_charter,
        EXISTS (SELECT 1 FROM services s WHERE s.municipality_id = m.id) AS has_services
    FROM municipalities m";

impl TryFrom<Row> for StoredMunicipality {
    type Error = anyhow::Error;
    fn try_from(r: Row) -> anyhow::Result<Self> {
        Ok(StoredMunicipality {
            id: r.id,
            profile: serde_json::from_str(&r.profile)?,
            demo: r.demo,
            has_charter: r.has_charter,
            has_services: r.has_services,
        })
    }
}

pub async fn list(db: &Db) -> anyhow::Result<Vec<StoredMunicipality>> {
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} ORDER BY m.position, m.name_bg"))
        .fetch_all(db)
        .await?;
    rows.into_iter().map(TryInto::try_into).collect()
}

pub async fn by_slug(db: &Db, slug: &str) -> anyhow::Result<Option<StoredMunicipality>> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE m.slug = $1"))
        .bind(slug)
        .fetch_optional(db)
        .await?;
    row.map(TryInto::try_into).transpose()
}

/// The slug of the municipality with this id (a stored request names its municipality by id).
pub async fn slug_by_id(db: &Db, id: i64) -> anyhow::Result<String> {
    Ok(
        sqlx::query_scalar("SELECT slug FROM municipalities WHERE id = $1")
            .bind(id)
            .fetch_one(db)
            .await?,
    )
}

pub async fn count(db: &Db) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM municipalities")
        .fetch_one(db)
        .await?)
}

/// Creates the municipality or replaces its profile; returns its id. Refuses a registry-number
/// prefix another municipality already uses: numbers must never collide.
pub async fn upsert(db: &Db, profile: &Profile, demo: bool, position: i64) -> anyhow::Result<i64> {
    let prefix = profile.effective_registry_prefix();
    if let Some(other) = list(db)
        .await?
        .into_iter()
        .find(|m| m.profile.slug != profile.slug && m.profile.effective_registry_prefix() == prefix)
    {
        anyhow::bail!("the registry prefix {prefix} is already used by {}: give this municipality another registry_prefix", other.profile.slug);
    }
    let json = serde_json::to_string(profile)?;
    let id = sqlx::query_scalar(&format!(
        "INSERT INTO municipalities (slug, name_bg, name_en, profile, demo, position)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (slug) DO UPDATE SET name_bg = excluded.name_bg, name_en = excluded.name_en,
             profile = excluded.profile, demo = excluded.demo, position = excluded.position,
             updated_at = {}
         RETURNING id",
        super::sqlite::NOW_TEXT
    ))
    .bind(&profile.slug)
    .bind(&profile.name.bg)
    .bind(&profile.name.en)
    .bind(json)
    .bind(demo)
    .bind(position)
    .fetch_one(db)
    .await?;
    Ok(id)
}
