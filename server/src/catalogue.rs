//! Service catalogues: the editable TOML file a municipality keeps, validated on load and
//! turned into the API's types. The form of each service is generated from its `field`s.
use crate::profile::Localized;
use gishe_api::calendar::Deadline;
use gishe_api::money::Money;
use gishe_api::UrgencyTier;
use gishe_api::{
    Category, DeliveryMethod, FieldDef, FieldKind, FieldOption, Lang, Service, ServiceSummary,
    Text, Tier,
};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    #[serde(default, rename = "category")]
    pub categories: Vec<CategoryEntry>,
    #[serde(default, rename = "service")]
    pub services: Vec<ServiceEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryEntry {
    pub id: String,
    pub name: Localized,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceEntry {
    pub code: String,
    pub category: String,
    pub name: Localized,
    /// Other words citizens use for the service, for search only.
    #[serde(default)]
    pub keywords: Keywords,
    pub summary: Localized,
    pub description: Localized,
    #[serde(default)]
    pub legal_basis: Vec<Localized>,
    pub department: Option<Localized>,
    pub result_collection: Option<Localized>,
    #[serde(default)]
    pub documents: Vec<Localized>,
    pub tiers: Vec<TierEntry>,
    pub delivery: Vec<DeliveryMethod>,
    #[serde(default)]
    pub channels: Vec<Localized>,
    #[serde(default, rename = "field")]
    pub fields: Vec<FieldEntry>,
}

/// Words and phrases a citizen may search with that the name does not hold: synonyms,
/// everyday wording, what the service is for ("адресна регистрация" for an address
/// certificate), in both languages. Search looks at both, whatever the interface language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keywords {
    #[serde(default)]
    pub bg: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierEntry {
    pub tier: UrgencyTier,
    /// In euro, with at most two decimals: "5.00".
    pub fee: String,
    pub deadline: Deadline,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldEntry {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub label: Localized,
    pub hint: Option<Localized>,
    #[serde(default)]
    pub required: bool,
    pub max_length: Option<u32>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    #[serde(default)]
    pub not_in_future: bool,
    #[serde(default)]
    pub options: Vec<OptionEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionEntry {
    pub value: String,
    pub label: Localized,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CatalogueError {
    #[error("the catalogue is not valid TOML: {0}")]
    Toml(String),
    #[error("service {service}: {problem}")]
    Service { service: String, problem: String },
    #[error("category {0:?} is defined twice")]
    DuplicateCategory(String),
}

/// Parses a fee written in euro ("5", "5.0", "12.50") into cents.
pub fn parse_fee(text: &str) -> Option<Money> {
    let t = text.trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().ok()?
    };
    Some(Money {
        cents: whole.checked_mul(100)?.checked_add(frac)?,
    })
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

impl CatalogueFile {
    pub fn from_toml(text: &str) -> Result<CatalogueFile, CatalogueError> {
        let file: CatalogueFile =
            toml::from_str(text).map_err(|e| CatalogueError::Toml(e.to_string()))?;
        file.validate()?;
        Ok(file)
    }

    pub fn validate(&self) -> Result<(), CatalogueError> {
        let mut categories = HashSet::new();
        for c in &self.categories {
            if !categories.insert(c.id.as_str()) {
                return Err(CatalogueError::DuplicateCategory(c.id.clone()));
            }
        }
        let mut codes = HashSet::new();
        for s in &self.services {
            let fail = |problem: String| CatalogueError::Service {
                service: s.code.clone(),
                problem,
            };
            if !is_id(&s.code) || !codes.insert(s.code.as_str()) {
                return Err(fail("the code is empty, not a-z0-9-, or used twice".into()));
            }
            if !categories.contains(s.category.as_str()) {
                return Err(fail(format!("unknown category {:?}", s.category)));
            }
            if s.tiers.is_empty() {
                return Err(fail("no urgency tier".into()));
            }
            let mut tiers = HashSet::new();
            for t in &s.tiers {
                if !tiers.insert(t.tier) {
                    return Err(fail(format!("tier {:?} twice", t.tier)));
                }
                if parse_fee(&t.fee).is_none() {
                    return Err(fail(format!(
                        "fee {:?} is not an amount in euro such as \"5.00\"",
                        t.fee
                    )));
                }
            }
            if s.delivery.is_empty() {
                return Err(fail("no way to receive the result".into()));
            }
            let mut ids = HashSet::new();
            for f in &s.fields {
                if !is_id(&f.id) || !ids.insert(f.id.as_str()) {
                    return Err(fail(format!(
                        "field id {:?} is not a-z0-9- or used twice",
                        f.id
                    )));
                }
                f.kind().map_err(|p| fail(format!("field {}: {p}", f.id)))?;
            }
        }
        Ok(())
    }

    pub fn category(&self, id: &str, lang: Lang) -> Option<Category> {
        self.categories
            .iter()
            .find(|c| c.id == id)
            .map(|c| Category {
                id: c.id.clone(),
                name: c.name.text(lang),
            })
    }
}

impl FieldEntry {
    fn options(&self, lang: Lang) -> Vec<FieldOption> {
        self.options
            .iter()
            .map(|o| FieldOption {
                value: o.value.clone(),
                label: o.label.text(lang),
            })
            .collect()
    }

    /// The field's kind with its limits; the text says what is wrong with the definition.
    pub fn kind(&self) -> Result<FieldKind, String> {
        self.kind_in(Lang::Bg)
    }

    fn kind_in(&self, lang: Lang) -> Result<FieldKind, String> {
        let needs_options = |k: FieldKind| {
            if self.options.len() < 2 {
                Err("a choice needs at least two options".to_string())
            } else {
                Ok(k)
            }
        };
        match self.kind.as_str() {
            "text" => Ok(FieldKind::Text {
                max_length: self.max_length.unwrap_or(200),
            }),
            "long-text" => Ok(FieldKind::LongText {
                max_length: self.max_length.unwrap_or(2000),
            }),
            "number" => Ok(FieldKind::Number {
                min: self.min,
                max: self.max,
            }),
            "date" => Ok(FieldKind::Date {
                not_in_future: self.not_in_future,
            }),
            "single-choice" => needs_options(FieldKind::SingleChoice {
                options: self.options(lang),
            }),
            "multiple-choice" => needs_options(FieldKind::MultipleChoice {
                options: self.options(lang),
                min: self.min.and_then(|m| u32::try_from(m).ok()),
                max: self.max.and_then(|m| u32::try_from(m).ok()),
            }),
            "yes-no" => Ok(FieldKind::YesNo),
            other => Err(format!("unknown type {other:?}")),
        }
    }
}

fn texts(list: &[Localized], lang: Lang) -> Vec<Text> {
    list.iter().map(|l| l.text(lang)).collect()
}

impl ServiceEntry {
    pub fn tiers(&self) -> Vec<Tier> {
        self.tiers
            .iter()
            .filter_map(|t| {
                Some(Tier {
                    tier: t.tier,
                    fee: parse_fee(&t.fee)?,
                    deadline: t.deadline,
                })
            })
            .collect()
    }

    pub fn summary(&self, lang: Lang) -> ServiceSummary {
        ServiceSummary {
            code: self.code.clone(),
            name: self.name.text(lang),
            category: self.category.clone(),
            summary: self.summary.text(lang),
            fee_from: self.tiers().iter().map(|t| t.fee).min_by_key(|m| m.cents),
        }
    }

    pub fn to_api(
        &self,
        municipality: &str,
        demo: bool,
        category: Category,
        lang: Lang,
    ) -> Service {
        Service {
            code: self.code.clone(),
            municipality: municipality.to_string(),
            demo,
            name: self.name.text(lang),
            category,
            summary: self.summary.text(lang),
            description: self.description.text(lang),
            legal_basis: texts(&self.legal_basis, lang),
            department: self.department.as_ref().map(|d| d.text(lang)),
            result_collection: self.result_collection.as_ref().map(|d| d.text(lang)),
            documents: texts(&self.documents, lang),
            tiers: self.tiers(),
            delivery: self.delivery.clone(),
            channels: texts(&self.channels, lang),
            fields: self
                .fields
                .iter()
                .filter_map(|f| {
                    Some(FieldDef {
                        id: f.id.clone(),
                        label: f.label.text(lang),
                        hint: f.hint.as_ref().map(|h| h.text(lang)),
                        required: f.required,
                        kind: f.kind_in(lang).ok()?,
                    })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_in_euro_become_cents() {
        assert_eq!(parse_fee("5"), Some(Money { cents: 500 }));
        assert_eq!(parse_fee("5.5"), Some(Money { cents: 550 }));
        assert_eq!(parse_fee("12.05"), Some(Money { cents: 1205 }));
        assert_eq!(parse_fee("1.234"), None);
        assert_eq!(parse_fee("-3"), None);
        assert_eq!(parse_fee("5,00"), None);
        assert_eq!(parse_fee(""), None);
    }

    #[test]
    fn the_demo_catalogue_has_at_least_12_services_in_4_categories_all_valid() {
        let file =
            CatalogueFile::from_toml(crate::demo::CATALOGUE).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            file.services.len() >= 12,
            "{} services",
            file.services.len()
        );
        let used: HashSet<&str> = file.services.iter().map(|s| s.category.as_str()).collect();
        assert!(used.len() >= 4, "{used:?}");
        for s in &file.services {
            assert!(
                s.name.en.is_some() && s.description.en.is_some(),
                "{}: English missing",
                s.code
            );
            assert!(!s.documents.is_empty(), "{}: no documents", s.code);
            assert!(
                !s.keywords.bg.is_empty() && !s.keywords.en.is_empty(),
                "{}: keywords missing in a language",
                s.code
            );
        }
        let kinds: HashSet<&str> = file
            .services
            .iter()
            .flat_map(|s| s.fields.iter().map(|f| f.kind.as_str()))
            .collect();
        for k in [
            "text",
            "long-text",
            "number",
            "date",
            "single-choice",
            "multiple-choice",
            "yes-no",
        ] {
            assert!(kinds.contains(k), "no service uses a {k} field");
        }
    }

    #[test]
    fn a_service_with_an_unknown_category_or_bad_fee_is_refused_with_its_code() {
        let base = r#"
[[category]]
id = "civil"
name = { bg = "Гражданска регистрация" }
[[service]]
code = "2079"
category = "CATEGORY"
name = { bg = "Удостоверение за наследници" }
summary = { bg = "а" }
description = { bg = "б" }
delivery = ["counter"]
tiers = [{ tier = "ordinary", fee = "FEE", deadline = { unit = "calendar-days", amount = 7 } }]
"#;
        let ok = base.replace("CATEGORY", "civil").replace("FEE", "5.00");
        assert!(CatalogueFile::from_toml(&ok).is_ok());
        let err =
            CatalogueFile::from_toml(&base.replace("CATEGORY", "nope").replace("FEE", "5.00"))
                .unwrap_err();
        assert!(
            matches!(err, CatalogueError::Service { ref service, .. } if service == "2079"),
            "{err}"
        );
        let err =
            CatalogueFile::from_toml(&base.replace("CATEGORY", "civil").replace("FEE", "5,00"))
                .unwrap_err();
        assert!(err.to_string().contains("fee"), "{err}");
    }
}
