//! Checks the Fluent messages: every message exists in both languages, none is empty, and
//! every message id the app's code names exists. Also reads Playwright's JSON totals.
use crate::Result;
use std::collections::BTreeSet;
use std::path::Path;

const LANGS: [&str; 2] = ["bg", "en"];

fn message_ids(dir: &Path) -> Result<(BTreeSet<String>, Vec<String>)> {
    use fluent_syntax::ast::Entry;
    let mut ids = BTreeSet::new();
    let mut problems = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        let resource = match fluent_syntax::parser::parse(text.as_str()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    let line = text[..e.pos.start.min(text.len())].lines().count().max(1);
                    problems.push(format!("{}:{line}: {:?}", file.display(), e.kind));
                }
                r
            }
        };
        for entry in resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    if m.value.is_none() && m.attributes.is_empty() {
                        problems.push(format!("{}: {id} is empty", file.display()));
                    }
                    if !ids.insert(id.clone()) {
                        problems.push(format!("{}: {id} is defined twice", file.display()));
                    }
                }
                Entry::Junk { content } => {
                    problems.push(format!(
                        "{}: not a message: {}",
                        file.display(),
                        content.trim()
                    ));
                }
                _ => {}
            }
        }
    }
    Ok((ids, problems))
}

/// Message ids named in the app's code: `tr!("…")`, `move_tr!("…")`, and the ids passed to
/// `t()` through tables (`=> "error-…"`, `_row("contacts-…"`).
fn ids_used_in(src: &Path) -> Result<BTreeSet<String>> {
    let mut used = BTreeSet::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(|e| e.to_string())? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
            for marker in [
                "tr!(\"",
                "move_tr!(\"",
                "=> \"",
                "_row(\"",
                "t(\"",
                "msg(\"",
            ] {
                for (at, _) in text.match_indices(marker) {
                    // `t("` must be the function t, not the end of `get("`.
                    let before = text[..at].chars().next_back();
                    if marker == "t(\"" && before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let id: String = text[at + marker.len()..]
                        .chars()
                        .take_while(|c| *c != '"')
                        .collect();
                    let kebab = id.contains('-')
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if kebab {
                        used.insert(id);
                    }
                }
            }
        }
    }
    Ok(used)
}

/// Returns (checks passed, checks failed), printing each failure.
pub fn check(root: &Path) -> Result<(u64, u64)> {
    let mut failures = Vec::new();
    let mut sets = Vec::new();
    for lang in LANGS {
        let (ids, problems) = message_ids(&root.join("locales").join(lang))?;
        failures.extend(problems);
        sets.push(ids);
    }
    for (i, lang) in LANGS.iter().enumerate() {
        let other = &sets[1 - i];
        for id in sets[i].difference(other) {
            failures.push(format!(
                "{id} is in locales/{lang} but missing in locales/{}",
                LANGS[1 - i]
            ));
        }
    }
    for id in ids_used_in(&root.join("src"))? {
        if !sets.iter().any(|s| s.contains(&id)) {
            failures.push(format!("the app uses {id}, which no locale defines"));
        }
    }
    for f in &failures {
        println!("locale check failed: {f}");
    }
    let checked = sets.iter().map(|s| s.len() as u64).sum::<u64>();
    println!("{checked} messages checked in {} languages", LANGS.len());
    Ok((u64::from(failures.is_empty()), failures.len() as u64))
}

/// (passed, failed) from Playwright's JSON report.
pub fn playwright_counts(report: &str) -> Option<(u64, u64)> {
    let v: serde_json::Value = serde_json::from_str(report).ok()?;
    let stats = v.get("stats")?;
    let n = |k: &str| stats.get(k).and_then(|x| x.as_u64()).unwrap_or(0);
    Some((n("expected") + n("flaky"), n("unexpected")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages_and_every_used_id_is_defined() {
        let (passed, failed) = check(&crate::root()).expect("locales readable");
        assert_eq!(failed, 0, "see the failures printed above");
        assert_eq!(passed, 1);
    }

    #[test]
    fn a_message_missing_in_one_language_is_reported() {
        let dir = std::env::temp_dir().join(format!("gishe-locale-test-{}", std::process::id()));
        for (lang, body) in [("bg", "a-b = А\nc-d = В\n"), ("en", "a-b = A\n")] {
            std::fs::create_dir_all(dir.join("locales").join(lang)).unwrap();
            std::fs::write(dir.join("locales").join(lang).join("x.ftl"), body).unwrap();
        }
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(dir.join("src/main.rs"), "tr!(\"a-b\"); tr!(\"e-f\");").unwrap();
        let (_, failed) = check(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(failed, 2, "c-d missing in en, e-f used but undefined");
    }

    #[test]
    fn a_fluent_syntax_error_is_reported_with_its_file_and_line() {
        let dir = std::env::temp_dir().join(format!("gishe-locale-syntax-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("x.ftl"),
            "a-b = A\nc-d = { $n ->\n    [one] one\n}\n",
        )
        .unwrap();
        let (ids, problems) = message_ids(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(ids.contains("a-b"));
        assert!(
            !problems.is_empty(),
            "a select without a default variant is an error"
        );
        assert!(problems[0].contains("x.ftl"), "{problems:?}");
    }

    #[test]
    fn playwright_totals_are_read_from_the_json_report() {
        let r = r#"{"stats":{"expected":7,"unexpected":2,"flaky":1,"skipped":0}}"#;
        assert_eq!(playwright_counts(r), Some((8, 2)));
    }
}
