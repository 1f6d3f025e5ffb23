//! Storage: the database, its migrations, and one module of queries per resource. All SQL of
//! the server lives here. Queries use `$1` placeholders and table-qualified upserts so that
//! they run on PostgreSQL too; what only SQLite understands is kept in [`sqlite`].
pub mod accountability;
pub mod charters;
pub mod feedback;
pub mod filer;
pub mod municipalities;
pub mod requests;
pub mod services;
pub mod sqlite;
pub mod staff;

pub use sqlite::{begin_write, connect, Backend, Db, Tx};
