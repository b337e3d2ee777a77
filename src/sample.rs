//! The bundled sample budget (the 2022 disclosure of 忻州市工业和信息化局), embedded in the binary so
//! the app opens it from any folder.

use std::path::Path;

use crate::io::{LoadError, from_ron_str};
use crate::model::Budget;

/// The sample's RON text.
pub const SAMPLE_RON: &str = include_str!("../sample_budgets/xinzhou-industry-2022.ron");

/// The sample's file name, shown as the document name.
pub const SAMPLE_NAME: &str = "xinzhou-industry-2022.ron";

/// Parses the bundled sample.
///
/// # Errors
/// Only if the bundled file is broken, which the tests rule out.
pub fn sample_budget() -> Result<Budget, LoadError> {
    from_ron_str(SAMPLE_RON, Path::new(SAMPLE_NAME))
}
