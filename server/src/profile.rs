//! Municipality profiles: the editable TOML file an administrator keeps per municipality.
//!
//! Every field is optional. A fact taken from a published document names it in `source`;
//! a fact no source gives is left out and shown as not published, never invented.
use crate::charter_import::Hints;
use gishe_api::{Contact, ContactKind, Department, Fact, Lang, Municipality, SourcedContact, Text};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub slug: String,
    pub name: Localized,
    /// Prefix of this municipality's registry numbers, e.g. `RDM`.
    pub registry_prefix: Option<String>,
    /// Path of the charter text, relative to the profile file.
    pub charter: Option<String>,
    /// Path of the service catalogue (TOML), relative to the profile file.
    pub catalogue: Option<String>,
    /// Translations of the charter, by language code, relative to the profile file.
    #[serde(default)]
    pub charter_translations: std::collections::BTreeMap<String, String>,
    pub address: Option<Localized>,
    pub counter: Option<Localized>,
    pub opening_hours: Option<Localized>,
    #[serde(default)]
    pub phones: Vec<PhoneEntry>,
    #[serde(default)]
    pub emails: Vec<AddressEntry>,
    #[serde(default)]
    pub web: Vec<AddressEntry>,
    #[serde(default)]
    pub certificates: Vec<Localized>,
    #[serde(default)]
    pub departments: Vec<DepartmentEntry>,
    #[serde(default)]
    pub import: Hints,
}

/// A text in Bulgarian with an optional English translation and where it was published.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub bg: String,
    pub en: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhoneEntry {
    /// As published, e.g. `0777 / 80 381`.
    pub number: String,
    #[serde(default)]
    pub fax: bool,
    pub label: Option<Localized>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddressEntry {
    pub address: String,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentEntry {
    pub id: String,
    pub name: Localized,
    #[serde(default)]
    pub phones: Vec<PhoneEntry>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("the profile is not valid TOML: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("the slug {0:?} is not valid: use 2–40 lowercase Latin letters, digits and hyphens")]
    Slug(String),
    #[error("the slug {0:?} is reserved for a page of the app")]
    ReservedSlug(String),
    #[error("the phone number {0:?} is not a Bulgarian phone number")]
    Phone(String),
    #[error("the registry prefix {0:?} must be 2–5 capital Latin letters")]
    RegistryPrefix(String),
}

/// Slugs the app uses for its own pages.
pub const RESERVED_SLUGS: [&str; 5] = ["accessibility", "privacy", "settings", "api", "assets"];

impl Profile {
    pub fn from_toml(text: &str) -> Result<Profile, ProfileError> {
        let profile: Profile = toml::from_str(text)?;
        profile.validate()?;
        Ok(profile)
    }

    /// The prefix of this municipality's registry numbers: the profile's, else the slug's first
    /// letters in capitals.
    pub fn effective_registry_prefix(&self) -> String {
        self.registry_prefix.clone().unwrap_or_else(|| {
            self.slug
                .chars()
                .filter(char::is_ascii_alphabetic)
                .take(3)
                .collect::<String>()
                .to_ascii_uppercase()
        })
    }

    pub fn validate(&self) -> Result<(), ProfileError> {
        let s = &self.slug;
        let ok = (2..=40).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if !ok {
            return Err(ProfileError::Slug(s.clone()));
        }
        if RESERVED_SLUGS.contains(&s.as_str()) {
            return Err(ProfileError::ReservedSlug(s.clone()));
        }
        let p = self.effective_registry_prefix();
        if !(2..=5).contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ProfileError::RegistryPrefix(p));
        }
        let all_phones = self
            .phones
            .iter()
            .chain(self.departments.iter().flat_map(|d| d.phones.iter()));
        for phone in all_phones {
            if normalize_bg_phone(&phone.number).is_none() {
                return Err(ProfileError::Phone(phone.number.clone()));
            }
        }
        Ok(())
    }

    /// The profile as the API shows it, in `lang` where a translation exists.
    pub fn to_api(
        &self,
        lang: Lang,
        demo: bool,
        has_charter: bool,
        has_services: bool,
    ) -> Municipality {
        Municipality {
            slug: self.slug.clone(),
            name: self.name.text(lang),
            demo,
            has_charter,
            has_services,
            registry_prefix: self.registry_prefix.clone(),
            address: self.address.as_ref().map(|l| l.fact(lang)),
            counter: self.counter.as_ref().map(|l| l.fact(lang)),
            opening_hours: self.opening_hours.as_ref().map(|l| l.fact(lang)),
            phones: self.phones.iter().filter_map(|p| p.to_api(lang)).collect(),
            emails: self
                .emails
                .iter()
                .map(|e| {
                    sourced(
                        ContactKind::Email,
                        e.address.trim(),
                        e.address.trim(),
                        None,
                        &e.source,
                    )
                })
                .collect(),
            web: self
                .web
                .iter()
                .map(|w| {
                    let url = web_url(&w.address);
                    let display = url
                        .trim_start_matches("https://")
                        .trim_start_matches("http://");
                    sourced(
                        ContactKind::Web,
                        display.trim_end_matches('/'),
                        &url,
                        None,
                        &w.source,
                    )
                })
                .collect(),
            certificates: self.certificates.iter().map(|c| c.fact(lang)).collect(),
            departments: self
                .departments
                .iter()
                .map(|d| Department {
                    id: d.id.clone(),
                    name: d.name.text(lang),
                    phones: d.phones.iter().filter_map(|p| p.to_api(lang)).collect(),
                })
                .collect(),
        }
    }
}

impl Localized {
    pub fn text(&self, lang: Lang) -> Text {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => Text::from_marked(Lang::En, en),
            _ => Text::from_marked(Lang::Bg, &self.bg),
        }
    }

    fn fact(&self, lang: Lang) -> Fact {
        Fact {
            text: self.text(lang),
            source: self.source.clone(),
        }
    }
}

impl PhoneEntry {
    fn to_api(&self, lang: Lang) -> Option<SourcedContact> {
        let value = normalize_bg_phone(&self.number)?;
        let kind = if self.fax {
            ContactKind::Fax
        } else {
            ContactKind::Phone
        };
        let label = self.label.as_ref().map(|l| l.text(lang));
        Some(sourced(
            kind,
            &display_bg_phone(&self.number),
            &value,
            label,
            &self.source,
        ))
    }
}

fn sourced(
    kind: ContactKind,
    display: &str,
    value: &str,
    label: Option<Text>,
    source: &Option<String>,
) -> SourcedContact {
    SourcedContact {
        contact: Contact {
            kind,
            label,
            display: display.to_string(),
            value: value.to_string(),
        },
        source: source.clone(),
    }
}

fn web_url(address: &str) -> String {
    let a = address.trim().trim_start_matches('<').trim_end_matches('>');
    if a.starts_with("http://") || a.starts_with("https://") {
        a.to_string()
    } else {
        format!("https://{a}")
    }
}

/// A Bulgarian phone number as published (`0777 / 80 381`, `0721 68701`, `+359 2 …`)
/// in E.164 form (`+35977780381`), for tap-to-call links.
pub fn normalize_bg_phone(published: &str) -> Option<String> {
    let digits: String = published.chars().filter(|c| c.is_ascii_digit()).collect();
    let national = if let Some(rest) = digits.strip_prefix("00359") {
        rest.to_string()
    } else if published.trim_start().starts_with('+') {
        digits.strip_prefix("359")?.to_string()
    } else {
        digits.strip_prefix('0')?.to_string()
    };
    // Bulgarian national significant numbers have 8 or 9 digits (Sofia 2 + 7, others 8–9).
    if !(7..=9).contains(&national.len()) || national.starts_with('0') {
        return None;
    }
    Some(format!("+359{national}"))
}

/// The published number with its separators tidied: `0777 / 80 381` → `0777 80 381`.
pub fn display_bg_phone(published: &str) -> String {
    published
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_phone_numbers_become_e164() {
        assert_eq!(
            normalize_bg_phone("0777 / 80 381").as_deref(),
            Some("+35977780381")
        );
        assert_eq!(
            normalize_bg_phone("0777/ 80 147").as_deref(),
            Some("+35977780147")
        );
        assert_eq!(
            normalize_bg_phone("0721 68701").as_deref(),
            Some("+35972168701")
        );
        assert_eq!(
            normalize_bg_phone("+359 2 123 4567").as_deref(),
            Some("+35921234567")
        );
        assert_eq!(normalize_bg_phone("12345"), None);
        assert_eq!(normalize_bg_phone("not a phone"), None);
    }

    #[test]
    fn display_form_drops_slashes_and_extra_spaces() {
        assert_eq!(display_bg_phone("0777 / 80 381"), "0777 80 381");
        assert_eq!(display_bg_phone("0777/ 80 147"), "0777 80 147");
    }

    #[test]
    fn reserved_and_malformed_slugs_are_refused() {
        let mut p = Profile {
            slug: "settings".into(),
            ..Default::default()
        };
        assert!(matches!(p.validate(), Err(ProfileError::ReservedSlug(_))));
        p.slug = "Ruse".into();
        assert!(matches!(p.validate(), Err(ProfileError::Slug(_))));
        p.slug = "nova-zagora".into();
        assert!(p.validate().is_ok());
    }

    #[test]
    fn english_falls_back_to_bulgarian_and_says_so() {
        let l = Localized {
            bg: "Деловодство".into(),
            en: None,
            source: None,
        };
        let t = l.text(Lang::En);
        assert_eq!(t.lang, Lang::Bg);
        assert_eq!(t.to_plain(), "Деловодство");
    }

    #[test]
    fn every_demo_profile_parses_and_validates() {
        for (slug, text) in crate::demo::PROFILES {
            let p = Profile::from_toml(text).unwrap_or_else(|e| panic!("{slug}: {e}"));
            assert_eq!(&p.slug, slug);
        }
    }
}
