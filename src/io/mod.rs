//! Reading and writing budgets: the RON file format and safe saving.

pub mod charts;
mod layout;
pub mod ron_file;
mod writer;
pub mod xlsx;

pub use ron_file::{LoadError, SaveError, from_ron_str, load, save, to_ron_string};
