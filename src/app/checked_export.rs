//! Publishing with errors asks first: the workbook, the PDF and printing say how many errors the
//! budget still has and offer the checks before anything is written.

use super::{BudgetApp, Dialog};
use crate::checks;

/// What the officer asked to put out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publication {
    /// File → 导出 Excel….
    Workbook,
    /// File → 导出 PDF….
    Pdf,
    /// File → 打印….
    Print,
}

impl BudgetApp {
    /// Starts `publication`, or asks first when the budget has errors.
    pub(super) fn export_checked(&mut self, publication: Publication) {
        self.doc.commit_pending();
        let (errors, _) = checks::counts(self.doc.findings());
        if errors > 0 {
            self.dialog = Some(Dialog::ExportWithErrors {
                errors,
                publication,
            });
        } else {
            self.export_unchecked(publication);
        }
    }

    /// Starts `publication` without looking at the checks (they were looked at).
    pub(super) fn export_unchecked(&mut self, publication: Publication) {
        match publication {
            Publication::Workbook => self.export_workbook(),
            Publication::Pdf => self.export_pdf(),
            Publication::Print => self.print(),
        }
    }
}
