use crate::helpers::{spawn_demo, spawn_empty};
use serde_json::json;

#[tokio::test]
async fn demo_lists_the_four_municipalities_in_order_marked_as_demo() {
    let app = spawn_demo().await;
    let list = app.get_json("/api/v1/municipalities").await;
    let slugs: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["ruse", "radomir", "kostinbrod", "nova-zagora"]);
    assert!(list
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["demo"] == true && m["has_charter"] == true));
    assert_eq!(list[1]["name"]["runs"][0]["text"], "Община Радомир");
    assert_eq!(list[1]["name"]["lang"], "bg");
}

#[tokio::test]
async fn names_come_in_english_when_asked_by_query_or_accept_language() {
    let app = spawn_demo().await;
    let list = app.get_json("/api/v1/municipalities?lang=en").await;
    assert_eq!(list[1]["name"]["runs"][0]["text"], "Radomir Municipality");
    assert_eq!(list[1]["name"]["lang"], "en");
    let res = app
        .client
        .get(app.url("/api/v1/municipalities"))
        .header("Accept-Language", "en-GB,en;q=0.9,bg;q=0.5")
        .send()
        .await
        .unwrap();
    let list: serde_json::Value = res.json().await.unwrap();
    assert_eq!(list[0]["name"]["runs"][0]["text"], "Ruse Municipality");
}

#[tokio::test]
async fn a_real_installation_starts_empty() {
    let app = spawn_empty().await;
    let list = app.get_json("/api/v1/municipalities").await;
    assert_eq!(list, serde_json::json!([]));
}

#[tokio::test]
async fn profile_gives_published_contacts_with_e164_phones_and_sources() {
    let app = spawn_demo().await;
    let m = app.get_json("/api/v1/municipalities/radomir").await;
    assert_eq!(m["registry_prefix"], "RDM");
    let dept = &m["departments"][0];
    assert_eq!(dept["name"]["runs"][0]["text"], "Деловодство");
    assert_eq!(dept["phones"][0]["value"], "+35977780381");
    assert_eq!(dept["phones"][0]["display"], "0777 80 381");
    assert_eq!(dept["phones"][0]["source"], "Харта на клиента, ред 97");
    assert_eq!(m["web"][0]["value"], "https://www.radomir.bg");
    // Not published in any source: absent, never invented.
    assert!(m["address"].is_null());
    assert!(m["opening_hours"].is_null());
    assert_eq!(m["emails"], serde_json::json!([]));
}

#[tokio::test]
async fn kostinbrod_profile_has_its_letterhead_contacts() {
    let app = spawn_demo().await;
    let m = app
        .get_json("/api/v1/municipalities/kostinbrod?lang=en")
        .await;
    assert_eq!(
        m["address"]["text"]["runs"][0]["text"],
        "1 Ohrid Street, 2230 Kostinbrod"
    );
    assert_eq!(m["phones"][0]["value"], "+35972168701");
    assert_eq!(m["phones"][1]["kind"], "fax");
    assert_eq!(m["emails"][0]["value"], "obshtina@kbrod.net");
    assert_eq!(m["certificates"][0]["text"]["lang"], "en");
}

#[tokio::test]
async fn unknown_slug_is_a_404_problem_with_a_stable_code() {
    let app = spawn_demo().await;
    for path in [
        "/api/v1/municipalities/atlantis",
        "/api/v1/municipalities/atlantis/charter",
    ] {
        let res = app.get(path).await;
        assert_eq!(res.status(), 404, "{path}");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
        let p: serde_json::Value = res.json().await.unwrap();
        assert_eq!(p["code"], "municipality-not-found");
        assert_eq!(
            p["type"],
            "https://gishe.bg/problems/municipality-not-found"
        );
        assert_eq!(p["status"], 404);
    }
}

#[tokio::test]
async fn unsupported_language_and_unknown_api_paths_are_4xx_problems() {
    let app = spawn_demo().await;
    let res = app.get("/api/v1/municipalities?lang=fr").await;
    assert_eq!(res.status(), 400);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["code"],
        "unsupported-language"
    );

    let res = app.get("/api/v1/nothing-here").await;
    assert_eq!(res.status(), 404);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["code"],
        "not-found"
    );

    let res = app
        .client
        .delete(app.url("/api/v1/municipalities"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    assert_eq!(
        res.json::<serde_json::Value>().await.unwrap()["code"],
        "method-not-allowed"
    );
}

#[tokio::test]
async fn openapi_document_lists_the_endpoints() {
    let app = spawn_demo().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/municipalities",
        "/municipalities/{slug}",
        "/municipalities/{slug}/charter",
    ] {
        assert!(
            doc["paths"][path]["get"].is_object(),
            "{path} missing from the OpenAPI document"
        );
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}

#[tokio::test]
async fn openapi_documents_every_answer_the_layers_give_and_the_limits_of_the_bodies() {
    let app = spawn_demo().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    let paths = doc["paths"].as_object().unwrap();
    let mut posts = 0;
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            for code in ["408", "414", "431"] {
                assert!(responses.contains_key(code), "{method} {path}: {code}");
            }
            if method == "post" {
                posts += 1;
                for code in ["400", "403", "413", "415", "422"] {
                    assert!(responses.contains_key(code), "{method} {path}: {code}");
                }
            }
            for p in op["parameters"].as_array().into_iter().flatten() {
                if p["name"] == "lang" {
                    assert_eq!(p["schema"]["enum"], json!(["bg", "en"]), "{method} {path}");
                    assert!(
                        responses.contains_key("400"),
                        "{method} {path}: 400 for a bad lang"
                    );
                }
            }
        }
    }
    assert_eq!(
        posts, 5,
        "requests, reports, feedback, status, staff events"
    );
    // A body's own schema first, then the rules between its fields.
    let schemas = &doc["components"]["schemas"];
    let feedback = &schemas["NewFeedback"]["allOf"];
    assert_eq!(feedback[0]["properties"]["overall"]["minimum"], 1);
    assert_eq!(feedback[0]["properties"]["overall"]["maximum"], 5);
    assert_eq!(
        feedback[1]["anyOf"][1]["required"],
        json!(["registry_number", "access_code"])
    );
    let report = &schemas["NewReport"]["allOf"];
    assert_eq!(report[0]["properties"]["text"]["maxLength"], 5000);
    assert_eq!(
        report[1]["anyOf"][0]["properties"]["kind"]["enum"],
        json!(["complaint", "praise"])
    );
}
