use crate::helpers::spawn_demo;
use serde_json::Value;

fn texts(v: &Value) -> Vec<&Value> {
    // Every Text object in a charter: titles, paragraphs, leads, items.
    let mut out = Vec::new();
    fn walk<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
        match v {
            Value::Object(m) if m.contains_key("runs") && m.contains_key("lang") => out.push(v),
            Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(v, &mut out);
    out
}

#[tokio::test]
async fn radomir_charter_has_sections_with_stable_ids_and_roles() {
    let app = spawn_demo().await;
    let c = app.get_json("/api/v1/municipalities/radomir/charter").await;
    assert_eq!(c["municipality"], "radomir");
    let ids: Vec<&str> = c["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["i", "ii", "iii", "iv"]);
    assert_eq!(c["sections"][1]["role"], "standards");
    assert_eq!(c["sections"][2]["role"], "duties");
    assert_eq!(c["sections"][1]["subsections"][0]["id"], "ii-1");
    // Bulgarian asked: every text is Bulgarian.
    assert!(texts(&c).iter().all(|t| t["lang"] == "bg"));
}

#[tokio::test]
async fn english_charter_marks_each_text_with_its_actual_language() {
    let app = spawn_demo().await;
    let c = app
        .get_json("/api/v1/municipalities/radomir/charter?lang=en")
        .await;
    assert_eq!(c["lang"], "en");
    let all = texts(&c);
    assert!(!all.is_empty());
    // Each text is either English (translated) or Bulgarian and says so: nothing else.
    assert!(all.iter().all(|t| t["lang"] == "en" || t["lang"] == "bg"));
    if c["translated"] == true {
        assert!(all.iter().any(|t| t["lang"] == "en"));
    } else {
        assert!(all.iter().all(|t| t["lang"] == "bg"));
    }
}

#[tokio::test]
async fn ruse_charter_has_no_web_page_leftovers() {
    let app = spawn_demo().await;
    let c = app.get_json("/api/v1/municipalities/ruse/charter").await;
    let body = c.to_string();
    assert!(!body.contains("Автор Община Русе"));
    assert!(!body.contains("kbit/s"));
    assert!(body.contains("спрямо заложените цели и показатели."));
}

#[tokio::test]
async fn nova_zagora_emphasis_is_a_strong_run_not_markup() {
    let app = spawn_demo().await;
    let c = app
        .get_json("/api/v1/municipalities/nova-zagora/charter")
        .await;
    let body = c.to_string();
    assert!(!body.contains("**"));
    assert!(!body.contains("<strong"));
    let strong: Vec<&Value> = texts(&c)
        .into_iter()
        .flat_map(|t| t["runs"].as_array().unwrap())
        .filter(|r| r["strong"] == true)
        .collect();
    assert!(strong.iter().any(|r| r["text"] == "сертификат по ISO 9001"));
}

#[tokio::test]
async fn charter_json_is_the_same_on_every_request() {
    let app = spawn_demo().await;
    let a = app
        .get_json("/api/v1/municipalities/kostinbrod/charter")
        .await;
    let b = app
        .get_json("/api/v1/municipalities/kostinbrod/charter")
        .await;
    assert_eq!(a, b);
}
