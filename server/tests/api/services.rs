use crate::helpers::{spawn_demo, spawn_empty};
use serde_json::Value;

fn codes(c: &Value) -> Vec<String> {
    c["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap().to_string())
        .collect()
}

fn names(c: &Value) -> Vec<String> {
    c["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"]["runs"][0]["text"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn the_demo_catalogue_has_at_least_12_services_in_4_categories() {
    let app = spawn_demo().await;
    let c = app
        .get_json("/api/v1/municipalities/radomir/services")
        .await;
    assert_eq!(c["demo"], true);
    assert!(codes(&c).len() >= 12);
    let used: std::collections::HashSet<&str> = c["services"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["category"].as_str().unwrap())
        .collect();
    assert!(used.len() >= 4, "{used:?}");
    // The home page can tell the citizen there is a catalogue.
    let m = app.get_json("/api/v1/municipalities/radomir").await;
    assert_eq!(m["has_services"], true);
}

#[tokio::test]
async fn search_ignores_case_and_finds_cyrillic_from_official_and_informal_latin() {
    let app = spawn_demo().await;
    let expected = names(&app.get_json("/api/v1/municipalities/ruse/services?q=%D0%BD%D0%B0%D1%81%D0%BB%D0%B5%D0%B4%D0%BD%D0%B8%D1%86%D0%B8").await);
    assert!(
        !expected.is_empty(),
        "наследници finds the certificate of heirs"
    );
    // A service named for the words comes before services that only mention them.
    assert!(expected[0].contains("наследници"), "{expected:?}");
    for q in [
        "НАСЛЕДНИЦИ",
        "Наследници",
        "naslednitsi",
        "naslednici",
        "NASLEDNICI",
    ] {
        let url = format!("/api/v1/municipalities/ruse/services?q={}", urlencode(q));
        assert_eq!(names(&app.get_json(&url).await), expected, "query {q}");
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn a_category_filter_lists_only_that_category_and_search_narrows_it() {
    let app = spawn_demo().await;
    let all = app
        .get_json("/api/v1/municipalities/kostinbrod/services")
        .await;
    let category = all["categories"][0]["id"].as_str().unwrap().to_string();
    let filtered = app
        .get_json(&format!(
            "/api/v1/municipalities/kostinbrod/services?category={category}"
        ))
        .await;
    let in_category: Vec<&Value> = all["services"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["category"] == category.as_str())
        .collect();
    assert_eq!(
        filtered["services"].as_array().unwrap().len(),
        in_category.len()
    );
    assert!(filtered["services"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["category"] == category.as_str()));
    // Categories are always all listed, so the citizen can switch.
    assert_eq!(filtered["categories"], all["categories"]);
    let none = app
        .get_json(&format!(
            "/api/v1/municipalities/kostinbrod/services?category={category}&q=zzzzqqq"
        ))
        .await;
    assert_eq!(none["services"], serde_json::json!([]));
}

#[tokio::test]
async fn one_service_has_tiers_documents_and_typed_fields() {
    let app = spawn_demo().await;
    let c = app
        .get_json("/api/v1/municipalities/radomir/services")
        .await;
    let code = codes(&c)[0].clone();
    let s = app
        .get_json(&format!(
            "/api/v1/municipalities/radomir/services/{code}?lang=en"
        ))
        .await;
    assert_eq!(s["code"], code.as_str());
    assert_eq!(s["municipality"], "radomir");
    assert_eq!(s["name"]["lang"], "en");
    let tiers = s["tiers"].as_array().unwrap();
    assert!(!tiers.is_empty());
    for t in tiers {
        assert!(t["fee"].as_i64().unwrap() >= 0, "fees are integer cents");
        assert!(["hours", "calendar-days", "working-days", "months"]
            .contains(&t["deadline"]["unit"].as_str().unwrap()));
    }
    assert!(!s["documents"].as_array().unwrap().is_empty());
    assert!(s["delivery"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == "counter"));
}

#[tokio::test]
async fn unknown_service_category_and_overlong_queries_are_4xx_problems() {
    let app = spawn_demo().await;
    for (path, status, code) in [
        (
            "/api/v1/municipalities/radomir/services/9999999",
            404,
            "service-not-found",
        ),
        (
            "/api/v1/municipalities/radomir/services?category=nope",
            404,
            "category-not-found",
        ),
        (
            "/api/v1/municipalities/atlantis/services",
            404,
            "municipality-not-found",
        ),
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), status, "{path}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        assert_eq!(res.json::<Value>().await.unwrap()["code"], code, "{path}");
    }
    let long = "а".repeat(201);
    let res = app
        .get(&format!(
            "/api/v1/municipalities/radomir/services?q={}",
            urlencode(&long)
        ))
        .await;
    assert_eq!(res.status(), 400);
    assert_eq!(res.json::<Value>().await.unwrap()["code"], "query-too-long");
}

#[tokio::test]
async fn a_real_installation_without_a_catalogue_says_it_has_none() {
    let app = spawn_empty().await;
    let profile =
        gishe_server::profile::Profile::from_toml(gishe_server::demo::PROFILES[1].1).unwrap();
    gishe_server::store::municipalities::upsert(&app.db, &profile, false, 0)
        .await
        .unwrap();
    let m = app.get_json("/api/v1/municipalities/radomir").await;
    assert_eq!(m["has_services"], false);
    let c = app
        .get_json("/api/v1/municipalities/radomir/services")
        .await;
    assert_eq!(c["services"], serde_json::json!([]));
    assert_eq!(c["demo"], false);
}
