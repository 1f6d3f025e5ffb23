//! API tests: the real router over real HTTP, each test with its own SQLite file.
mod accountability;
mod browser_safety;
mod charter;
mod dates;
mod helpers;
mod import;
mod municipalities;
mod reports;
mod requests;
mod services;
mod static_files;
mod status;
