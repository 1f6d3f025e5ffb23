//! Turns `data/calendar-adjustments.toml` into Rust data (`$OUT_DIR/builtin_adjustments.rs`), so
//! the bundled adjustments need no TOML parser at run time and the wasm app carries none.
use std::fmt::Write as _;
use std::path::Path;

const FILE: &str = "data/calendar-adjustments.toml";

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    day: Vec<Day>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Day {
    date: toml::Value,
    kind: String,
    #[serde(default)]
    note: String,
}

fn main() -> Result<(), String> {
    println!("cargo:rerun-if-changed={FILE}");
    let text = std::fs::read_to_string(FILE).map_err(|e| format!("{FILE}: {e}"))?;
    let file: File = toml::from_str(&text).map_err(|e| format!("{FILE}: {e}"))?;
    let mut out =
        String::from("const BUILTIN_ADJUSTMENTS: &[(i32, u8, u8, AdjustmentKind, &str)] = &[\n");
    let mut seen = std::collections::BTreeSet::new();
    for day in &file.day {
        let (y, m, d) = ymd(&day.date)
            .ok_or_else(|| format!("{FILE}: {} is not an existing YYYY-MM-DD date", day.date))?;
        if !seen.insert((y, m, d)) {
            return Err(format!(
                "{FILE}: {y:04}-{m:02}-{d:02} is listed more than once"
            ));
        }
        let kind = match day.kind.as_str() {
            "day-off" => "AdjustmentKind::DayOff",
            "working-day" => "AdjustmentKind::WorkingDay",
            other => {
                return Err(format!(
                    "{FILE}: kind {other:?} is neither \"day-off\" nor \"working-day\""
                ))
            }
        };
        let _ = writeln!(out, "    ({y}, {m}, {d}, {kind}, {:?}),", day.note);
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").map_err(|e| e.to_string())?)
        .join("builtin_adjustments.rs");
    std::fs::write(&dest, out).map_err(|e| format!("{}: {e}", dest.display()))
}

/// A quoted `"YYYY-MM-DD"` or a bare TOML date, if it names a day that exists.
fn ymd(value: &toml::Value) -> Option<(i32, u8, u8)> {
    let (y, m, d) = match value {
        toml::Value::String(s) => {
            let b = s.as_bytes();
            if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
                return None;
            }
            (
                s[0..4].parse().ok()?,
                s[5..7].parse().ok()?,
                s[8..10].parse().ok()?,
            )
        }
        toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
            let date = dt.date?;
            (i32::from(date.year), date.month, date.day)
        }
        _ => return None,
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}
