//! What an administrator does: load a municipality's profile, import its charter and the
//! charter's translations, and (in demo mode) load the demonstration municipalities.
use crate::catalogue::{CatalogueError, CatalogueFile};
use crate::charter_import::{self, ImportError, ImportedCharter};
use crate::profile::{Profile, ProfileError};
use crate::store::{self, Db};
use gishe_api::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("{0}")]
    Profile(#[from] ProfileError),
    #[error("the charter cannot be imported: {0}")]
    Import(#[from] ImportError),
    #[error("no municipality with the slug {0:?}; load its profile first (gishe-server load-profile <file>)")]
    UnknownMunicipality(String),
    #[error("the service catalogue cannot be loaded: {0}")]
    Catalogue(#[from] CatalogueError),
    #[error("the translation file is not valid: {0}")]
    Translation(String),
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TranslationFile {
    lang: String,
    #[serde(default)]
    texts: BTreeMap<String, String>,
}

/// Parses a translation file and checks that every key names a text of the charter.
pub fn parse_translation(
    text: &str,
    charter: &ImportedCharter,
) -> Result<(Lang, BTreeMap<String, String>), AdminError> {
    let file: TranslationFile =
        toml::from_str(text).map_err(|e| AdminError::Translation(e.to_string()))?;
    let lang = Lang::parse(&file.lang)
        .filter(|l| *l != Lang::Bg)
        .ok_or_else(|| AdminError::Translation(format!("unsupported language {:?}", file.lang)))?;
    let known: HashSet<String> = charter.texts().into_iter().map(|(k, _)| k).collect();
    if let Some(unknown) = file.texts.keys().find(|k| !known.contains(*k)) {
        return Err(AdminError::Translation(format!(
            "the key {unknown:?} names no text of the charter"
        )));
    }
    Ok((lang, file.texts))
}

/// Imports a charter for an existing municipality, with its optional translations.
/// Nothing is written unless the text and every translation are valid.
pub async fn import_charter(
    db: &Db,
    slug: &str,
    source_name: &str,
    bytes: &[u8],
    translation_files: &[&str],
) -> Result<ImportedCharter, AdminError> {
    let municipality = store::municipalities::by_slug(db, slug)
        .await?
        .ok_or_else(|| AdminError::UnknownMunicipality(slug.to_string()))?;
    let charter = charter_import::parse_charter_bytes(bytes, &municipality.profile.import)?;
    let mut translations = BTreeMap::new();
    for file in translation_files {
        let (lang, texts) = parse_translation(file, &charter)?;
        translations.insert(lang, texts);
    }
    store::charters::replace(db, municipality.id, source_name, &charter, &translations).await?;
    Ok(charter)
}

/// Loads a municipality's service catalogue, replacing the one it had; nothing is written
/// unless the whole file is valid.
pub async fn load_catalogue(db: &Db, slug: &str, text: &str) -> Result<usize, AdminError> {
    let municipality = store::municipalities::by_slug(db, slug)
        .await?
        .ok_or_else(|| AdminError::UnknownMunicipality(slug.to_string()))?;
    let file = CatalogueFile::from_toml(text)?;
    store::services::replace(db, municipality.id, &file).await?;
    Ok(file.services.len())
}

/// Loads the demonstration municipalities with their charters, when the database is empty.
/// Returns whether anything was loaded.
pub async fn load_demo_if_empty(db: &Db) -> Result<bool, AdminError> {
    if store::municipalities::count(db).await? > 0 {
        return Ok(false);
    }
    for (position, (slug, text)) in crate::demo::PROFILES.iter().enumerate() {
        let profile = Profile::from_toml(text)?;
        store::municipalities::upsert(db, &profile, true, position as i64).await?;
        if let Some((name, charter)) = crate::demo::charter(slug) {
            let translations: Vec<&str> =
                crate::demo::charter_translation(slug).into_iter().collect();
            import_charter(db, slug, name, charter.as_bytes(), &translations).await?;
        }
        load_catalogue(db, slug, crate::demo::CATALOGUE).await?;
    }
    tracing::info!(
        count = crate::demo::PROFILES.len(),
        "loaded the demonstration municipalities"
    );
    Ok(true)
}
