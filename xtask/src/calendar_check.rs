//! Holds our working-day calendar for 2020–2035 against the maintained `holidays` package
//! (PyPI, pinned): when a government decision reaches that package and its pin is bumped, this
//! check fails until `api/data/calendar-adjustments.toml` lists the decision too.
use crate::Result;
use gishe_api::calendar::{is_working_day, Adjustments, Date};
use std::collections::BTreeSet;
use std::process::Command;

const HOLIDAYS_VERSION: &str = "0.109";
const FIRST_YEAR: i32 = 2020;
const LAST_YEAR: i32 = 2035;

// Prints the weekdays that are days off and the weekend days that are working days, in
// Bulgaria, one ISO date a line, prefixed with `off ` or `work `.
const SCRIPT: &str = r#"
import sys, holidays
first, last = int(sys.argv[1]), int(sys.argv[2])
bg = holidays.country_holidays("BG", years=range(first, last + 1))
for d in sorted(bg):
    if d.weekday() < 5:
        print("off", d.isoformat())
for d in sorted(getattr(bg, "weekend_workdays", ())):
    print("work", d.isoformat())
"#;

fn ours() -> (BTreeSet<String>, BTreeSet<String>) {
    let adjustments = Adjustments::builtin();
    let (mut off, mut work) = (BTreeSet::new(), BTreeSet::new());
    let (Some(first), Some(last)) = (Date::new(FIRST_YEAR, 1, 1), Date::new(LAST_YEAR, 12, 31))
    else {
        return (off, work);
    };
    let mut d = first;
    while d <= last {
        let working = is_working_day(d, &adjustments);
        if !d.is_weekend() && !working {
            off.insert(d.to_string());
        }
        if d.is_weekend() && working {
            work.insert(d.to_string());
        }
        d = d.add_days(1);
    }
    (off, work)
}

/// Returns (passed, failed): one check for days off, one for working weekend days.
pub fn check() -> Result<(u64, u64)> {
    let python = crate::python::with_package("holidays", HOLIDAYS_VERSION)?;
    let out = Command::new(&python)
        .args([
            "-c",
            SCRIPT,
            &FIRST_YEAR.to_string(),
            &LAST_YEAR.to_string(),
        ])
        .output()
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    if !out.status.success() {
        return Err(format!(
            "the holidays script failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let theirs = |prefix: &str| -> BTreeSet<String> {
        text.lines()
            .filter_map(|l| l.strip_prefix(prefix))
            .map(str::to_string)
            .collect()
    };
    let (our_off, our_work) = ours();
    let mut result = (0, 0);
    for (what, ours, theirs) in [
        ("weekdays off", our_off, theirs("off ")),
        ("working weekend days", our_work, theirs("work ")),
    ] {
        if ours == theirs {
            println!(
                "ok: {what} {FIRST_YEAR}–{LAST_YEAR} agree ({} days)",
                ours.len()
            );
            result.0 += 1;
        } else {
            println!(
                "FAILED: {what} {FIRST_YEAR}–{LAST_YEAR} differ from holidays {HOLIDAYS_VERSION}:\n  only ours: {:?}\n  only theirs: {:?}\n  (a new decision? list it in api/data/calendar-adjustments.toml)",
                ours.difference(&theirs).collect::<Vec<_>>(),
                theirs.difference(&ours).collect::<Vec<_>>()
            );
            result.1 += 1;
        }
    }
    Ok(result)
}
