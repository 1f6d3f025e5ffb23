//! Demonstration municipalities: their content built into the binary, so `serve --demo` works
//! from any directory, and the synthetic history that gives their accountability figures.
mod filings;
pub mod history;
mod office;
mod planner;
mod rng;
mod texts;

pub use history::{generate, Summary, MAX_MONTHS};

/// The demo municipalities' profiles, in the order the app offers them.
pub const PROFILES: [(&str, &str); 4] = [
    ("ruse", include_str!("../../data/municipalities/ruse.toml")),
    (
        "radomir",
        include_str!("../../data/municipalities/radomir.toml"),
    ),
    (
        "kostinbrod",
        include_str!("../../data/municipalities/kostinbrod.toml"),
    ),
    (
        "nova-zagora",
        include_str!("../../data/municipalities/nova-zagora.toml"),
    ),
];

/// Charter texts by slug: (source name, text).
pub fn charter(slug: &str) -> Option<(&'static str, &'static str)> {
    Some(match slug {
        "ruse" => ("ruse.txt", include_str!("../../data/charters/ruse.txt")),
        "radomir" => (
            "radomir.txt",
            include_str!("../../data/charters/radomir.txt"),
        ),
        "kostinbrod" => (
            "kostinbrod.txt",
            include_str!("../../data/charters/kostinbrod.txt"),
        ),
        "nova-zagora" => (
            "nova-zagora.txt",
            include_str!("../../data/charters/nova-zagora.txt"),
        ),
        _ => return None,
    })
}

/// English translations of the charters, written for the demo.
pub fn charter_translation(slug: &str) -> Option<&'static str> {
    Some(match slug {
        "ruse" => include_str!("../../data/charters/ruse.en.toml"),
        "radomir" => include_str!("../../data/charters/radomir.en.toml"),
        "kostinbrod" => include_str!("../../data/charters/kostinbrod.en.toml"),
        "nova-zagora" => include_str!("../../data/charters/nova-zagora.en.toml"),
        _ => return None,
    })
}

/// The demonstration service catalogue, shared by the demo municipalities.
pub const CATALOGUE: &str = include_str!("../../data/services/demo-catalogue.toml");
