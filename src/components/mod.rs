//! Reusable pieces, named after what the citizen sees.
pub mod contact_card;
pub mod field_errors;
pub mod form;
pub mod in_page_link;
pub mod layout;
pub mod load_state;
pub mod page_heading;
pub mod receipt;
pub mod rich_text;
pub mod summary_list;
