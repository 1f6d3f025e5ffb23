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

/// What citizens type, and the service each must find among the first three results: Cyrillic,
/// Latin typed officially and informally, plural and inflected forms, one or two wrong
/// letters, synonyms kept as keywords in the catalogue, English, and another word order.
const SEARCH_TABLE: [(&str, &str); 96] = [
    // The name's own words, in Cyrillic.
    ("наследници", "2016"),
    ("удостоверение за наследници", "2016"),
    ("скица", "2027"),
    ("дубликат на акт за раждане", "2076"),
    ("раждане", "2076"),
    ("постоянен адрес", "2128"),
    ("настоящ адрес", "1997"),
    ("семейно положение", "2018"),
    ("акт за смърт", "2034"),
    ("данъчна оценка", "2396"),
    ("липса на задължения", "1998"),
    ("сметосъбиране", "9410"),
    ("виза за проектиране", "2083"),
    ("търпимост", "2084"),
    ("преместваем обект", "1989"),
    ("работно време", "3087"),
    ("категоризация на заведение", "2088"),
    ("таксиметров превоз", "2069"),
    // Singular, plural and definite forms the names do not hold.
    ("наследник", "2016"),
    ("наследниците", "2016"),
    ("удостоверения за наследници", "2016"),
    ("скици на имоти", "2027"),
    ("скицата на имота", "2027"),
    ("данъчната оценка на имота", "2396"),
    ("заведения", "2088"),
    ("строежи", "2084"),
    ("задълженията", "1998"),
    ("адреси", "2128"),
    ("препис от акта за смърт", "2034"),
    ("разрешения за таксита", "2069"),
    ("категоризацията на заведенията", "2088"),
    ("удостоверението за семейното положение", "2018"),
    // One or two wrong, missing, doubled or swapped letters.
    ("наслединци", "2016"),
    ("удостоверние за наследници", "2016"),
    ("търпимсот", "2084"),
    ("категоризакия", "2088"),
    ("сметосъбиранне", "9410"),
    ("таксиметоров", "2069"),
    ("семейно полжение", "2018"),
    ("преместваем обкет", "1989"),
    ("данъчна оцнека", "2396"),
    ("дубликад раждане", "2076"),
    // Latin, official transliteration.
    ("naslednitsi", "2016"),
    ("udostoverenie za naslednitsi", "2016"),
    ("skitsa na imot", "2027"),
    ("semeyno polozhenie", "2018"),
    ("postoyanen adres", "2128"),
    ("nastoyasht adres", "1997"),
    ("danachna otsenka", "2396"),
    ("tarpimost na stroezh", "2084"),
    ("kategorizatsiya", "2088"),
    ("taksimetrov prevoz", "2069"),
    // Latin, typed informally.
    ("naslednici", "2016"),
    ("skica", "2027"),
    ("semejno polojenie", "2018"),
    ("nastoqsht adres", "1997"),
    ("zadaljenia", "1998"),
    ("danychna ocenka", "2396"),
    ("turpimost", "2084"),
    ("smetosabirane", "9410"),
    ("razreshenie za taksi", "2069"),
    ("viza za proektirane", "2083"),
    ("udostoverenie za rajdane dublikat", "2076"),
    // Synonyms and everyday words, kept as keywords.
    ("адресна регистрация", "2128"),
    ("адресна регистрация", "1997"),
    ("наследство", "2016"),
    ("боклук", "9410"),
    ("такса смет", "9410"),
    ("павилион", "1989"),
    ("брак", "2018"),
    ("незаконен строеж", "2084"),
    ("кадастър", "2027"),
    ("ресторант", "2088"),
    ("дългове", "1998"),
    ("adresna registracia", "2128"),
    // English.
    ("certificate of heirs", "2016"),
    ("certificates of heirs", "2016"),
    ("inheritance", "2016"),
    ("address registration", "2128"),
    ("address registration", "1997"),
    ("birth certificate", "2076"),
    ("marriage", "2018"),
    ("garbage fee", "9410"),
    ("taxi", "2069"),
    ("kiosk", "1989"),
    ("opening hours", "3087"),
    ("property valuation", "2396"),
    ("tax debts", "1998"),
    ("sketch of a plot", "2027"),
    ("death certificate", "2034"),
    ("certficate of heirs", "2016"),
    ("inheritence", "2016"),
    // Another word order.
    ("наследници удостоверение", "2016"),
    ("адрес постоянен", "2128"),
    ("имот скица", "2027"),
    ("heirs certificate", "2016"),
];

#[tokio::test]
async fn search_finds_what_citizens_type_in_the_top_three_for_every_query_of_the_table() {
    let app = spawn_demo().await;
    let mut misses = Vec::new();
    for (q, code) in SEARCH_TABLE {
        let url = format!("/api/v1/municipalities/ruse/services?q={}", urlencode(q));
        let found = codes(&app.get_json(&url).await);
        if !found.iter().take(3).any(|c| c == code) {
            misses.push(format!("{q:?} → {found:?}, expected {code}"));
        }
    }
    let hits = SEARCH_TABLE.len() - misses.len();
    println!(
        "search hit rate: {hits}/{} = {:.1} %",
        SEARCH_TABLE.len(),
        100.0 * hits as f64 / SEARCH_TABLE.len() as f64
    );
    assert!(SEARCH_TABLE.len() >= 60);
    assert!(misses.is_empty(), "missed:\n{}", misses.join("\n"));
}

#[tokio::test]
async fn a_search_that_finds_nothing_offers_the_nearest_services() {
    let app = spawn_demo().await;
    let url = format!(
        "/api/v1/municipalities/ruse/services?q={}",
        urlencode("разрешение за куче")
    );
    let c = app.get_json(&url).await;
    assert_eq!(c["services"], serde_json::json!([]));
    let nearest: Vec<&str> = c["nearest"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert!(!nearest.is_empty() && nearest.len() <= 3, "{nearest:?}");
    assert!(
        nearest.contains(&"1989") || nearest.contains(&"2069"),
        "{nearest:?}"
    );
    // Categories stay listed so the citizen can browse instead.
    assert!(!c["categories"].as_array().unwrap().is_empty());
    // Something found: no nearest; nothing near at all: none invented.
    let c = app
        .get_json("/api/v1/municipalities/ruse/services?q=skica")
        .await;
    assert_eq!(c["nearest"], serde_json::json!([]));
    let c = app
        .get_json("/api/v1/municipalities/ruse/services?q=zzzqqq")
        .await;
    assert_eq!(c["services"], serde_json::json!([]));
    assert_eq!(c["nearest"], serde_json::json!([]));
}

#[tokio::test]
async fn results_are_ranked_by_name_then_keywords_and_are_the_same_every_time() {
    let app = spawn_demo().await;
    let url = "/api/v1/municipalities/ruse/services?q=adres";
    let first = codes(&app.get_json(url).await);
    // Both address certificates are named for the word; the rest only mention it.
    let mut top: Vec<&str> = first.iter().take(2).map(String::as_str).collect();
    top.sort_unstable();
    assert_eq!(top, ["1997", "2128"], "{first:?}");
    for _ in 0..3 {
        assert_eq!(codes(&app.get_json(url).await), first);
    }
}
