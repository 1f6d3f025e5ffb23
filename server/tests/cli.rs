//! The `gishe-server` command as an administrator runs it, against a real SQLite file.
use std::process::Command;

fn server(db: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gishe-server"));
    cmd.env("GISHE_DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("GISHE_LOG", "error");
    cmd
}

#[test]
fn load_profile_then_import_refuses_a_non_charter_naming_the_line_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("admin.db");
    let data =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/municipalities/radomir.toml");

    let out = server(&db).arg("load-profile").arg(&data).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("imported the charter of radomir: 4 sections, 7 subsections"),
        "{stdout}"
    );

    let bad = dir.path().join("minutes.txt");
    std::fs::write(&bad, "Протокол от заседание\n\nПрисъстваха всички членове на комисията, които обсъдиха дневния ред в подробности и решиха да отложат въпроса за следващото заседание.\n").unwrap();
    let out = server(&db)
        .args(["import-charter", "--municipality", "radomir"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("minutes.txt"), "{stderr}");
    assert!(
        stderr.contains("line "),
        "the error names the line: {stderr}"
    );

    // The charter imported first is still there, whole.
    let out = server(&db).arg("load-profile").arg(&data).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("4 sections"));
}

#[test]
fn import_for_a_municipality_without_a_profile_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("admin.db");
    let charter = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/charters/ruse.txt");
    let out = server(&db)
        .args(["import-charter", "--municipality", "ruse"])
        .arg(&charter)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("load-profile"));
}

#[test]
fn staff_tokens_are_shown_once_listed_without_the_secret_and_revoked() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("staff.db");
    let out = server(&db)
        .args(["staff", "token", "create", "--name", "Деловодство 1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let token = stdout.lines().last().unwrap().trim().to_string();
    assert!(token.starts_with("gst_") && token.len() == 68, "{stdout}");

    let out = server(&db)
        .args(["staff", "token", "list"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains("Деловодство 1") && listed.contains("active"),
        "{listed}"
    );
    assert!(!listed.contains(&token), "the token itself is never listed");

    let out = server(&db)
        .args(["staff", "token", "revoke", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed = String::from_utf8_lossy(
        &server(&db)
            .args(["staff", "token", "list"])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(listed.contains("revoked"), "{listed}");
    let again = server(&db)
        .args(["staff", "token", "revoke", "1"])
        .output()
        .unwrap();
    assert!(!again.status.success(), "revoking twice is an error");
}

#[test]
fn a_staff_event_from_the_cli_follows_the_state_machine() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("staff.db");
    let out = server(&db)
        .args(["staff", "event", "RDM-2026-000001", "--kind", "in_progress"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no request RDM-2026-000001"));
    let out = server(&db)
        .args(["staff", "event", "garbage", "--kind", "in_progress"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a registry number"));
    let out = server(&db)
        .args(["staff", "event", "RDM-2026-000001", "--kind", "teleported"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown event kind"));
}

#[test]
fn a_second_municipality_with_the_same_registry_prefix_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("prefix.db");
    let first = dir.path().join("a.toml");
    let second = dir.path().join("b.toml");
    std::fs::write(
        &first,
        "slug = \"alpha\"\nregistry_prefix = \"ALP\"\n[name]\nbg = \"Община Алфа\"\n",
    )
    .unwrap();
    std::fs::write(
        &second,
        "slug = \"alpine\"\n[name]\nbg = \"Община Алпийска\"\n",
    )
    .unwrap();
    assert!(server(&db)
        .arg("load-profile")
        .arg(&first)
        .output()
        .unwrap()
        .status
        .success());
    let out = server(&db)
        .arg("load-profile")
        .arg(&second)
        .output()
        .unwrap();
    assert!(!out.status.success(), "ALP would be used twice");
    assert!(String::from_utf8_lossy(&out.stderr).contains("ALP"));
}
