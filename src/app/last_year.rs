//! Attaching last year's budget as the comparison base (File → 附加上年预算…). The base is kept
//! in the app's state, not written into the budget: see [`crate::ui::last_year`].

use std::path::Path;

use super::BudgetApp;
use super::dialogs::Purpose;
use crate::io;
use crate::ui::dialogs::FileKind;
use crate::ui::i18n::Tr;
use crate::ui::last_year::LastYearBase;

impl BudgetApp {
    /// Asks for last year's budget file.
    pub(super) fn attach_last_year(&mut self) {
        if let Some(path) = self.ask_path(FileKind::Budget, String::new(), Purpose::AttachLastYear)
        {
            self.attach_last_year_from(&path);
        }
    }

    /// Reads last year's budget from `path` and compares the open budget with it; a file that
    /// cannot be read is reported and the base left as it was.
    pub fn attach_last_year_from(&mut self, path: &Path) {
        let lang = self.view.lang;
        match io::load_file(path) {
            Ok(loaded) => {
                let mut base = LastYearBase::new(path.to_owned(), loaded.budget);
                base.refresh(&self.doc);
                self.view.base = Some(Box::new(base));
                self.set_status(format!(
                    "{} {}",
                    Tr::LastYearAttached.get(lang),
                    path.display()
                ));
            }
            Err(e) => {
                self.report_failure(Tr::LastYearUnreadable.get(lang), &e.describe(lang.zh()));
            }
        }
    }
}
