use crate::helpers::spawn_demo;
use gishe_server::admin::{self, AdminError};

#[tokio::test]
async fn reimporting_the_same_charter_keeps_every_id() {
    let app = spawn_demo().await;
    let before = app.get_json("/api/v1/municipalities/radomir/charter").await;
    let text = include_str!("../../data/charters/radomir.txt");
    admin::import_charter(&app.db, "radomir", "radomir.txt", text.as_bytes(), &[])
        .await
        .unwrap();
    let after = app.get_json("/api/v1/municipalities/radomir/charter").await;
    assert_eq!(before, after);
}

#[tokio::test]
async fn a_text_that_is_not_a_charter_is_refused_with_its_line_and_nothing_is_written() {
    let app = spawn_demo().await;
    let before = app.get_json("/api/v1/municipalities/radomir/charter").await;
    let html = "<!doctype html>\n<html><body><p>Здравейте</p></body></html>\n";
    let err = admin::import_charter(&app.db, "radomir", "page.html", html.as_bytes(), &[])
        .await
        .unwrap_err();
    let AdminError::Import(e) = &err else {
        panic!("expected an import error, got {err}")
    };
    assert!(e.to_string().contains("line 1"), "{e}");
    let after = app.get_json("/api/v1/municipalities/radomir/charter").await;
    assert_eq!(
        before, after,
        "a refused import must leave the charter as it was"
    );
}

#[tokio::test]
async fn a_translation_naming_unknown_ids_is_refused_and_nothing_is_written() {
    let app = spawn_demo().await;
    let before = app
        .get_json("/api/v1/municipalities/radomir/charter?lang=en")
        .await;
    let text = include_str!("../../data/charters/radomir.txt");
    let bad = "lang = \"en\"\n[texts]\n\"xx.title\" = \"Nope\"\n";
    let err = admin::import_charter(&app.db, "radomir", "radomir.txt", text.as_bytes(), &[bad])
        .await
        .unwrap_err();
    assert!(matches!(err, AdminError::Translation(_)), "{err}");
    let after = app
        .get_json("/api/v1/municipalities/radomir/charter?lang=en")
        .await;
    assert_eq!(before, after);
}

#[tokio::test]
async fn importing_for_an_unknown_municipality_is_refused() {
    let app = spawn_demo().await;
    let err = admin::import_charter(&app.db, "atlantis", "x.txt", b"I. A\n- b;\n", &[])
        .await
        .unwrap_err();
    assert!(matches!(err, AdminError::UnknownMunicipality(_)));
}

#[test]
fn every_demo_charter_text_has_an_english_translation() {
    use gishe_server::{charter_import, demo, profile::Profile};
    for (slug, profile) in demo::PROFILES {
        let profile = Profile::from_toml(profile).unwrap();
        let (_, text) = demo::charter(slug).unwrap();
        let charter = charter_import::parse_charter(text, &profile.import).unwrap();
        let (_, translated) =
            admin::parse_translation(demo::charter_translation(slug).unwrap(), &charter).unwrap();
        let missing: Vec<String> = charter
            .texts()
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| !translated.contains_key(k))
            .collect();
        assert!(missing.is_empty(), "{slug}: untranslated {missing:?}");
    }
}
