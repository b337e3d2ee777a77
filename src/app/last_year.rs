//! Attaching last year's budget as the comparison base (File → 附加上年预算…). The base is kept
//! in the app's state, not written into the budget: see [`crate::ui::last_year`].

use std::path::{Path, PathBuf};

use super::BudgetApp;
use super::dialogs::{Dialog, Purpose};
use crate::io;
use crate::ui::dialogs::{BrowseMode, DialogOutcome, FileBrowser};
use crate::ui::i18n::Tr;
use crate::ui::last_year::LastYearBase;

impl BudgetApp {
    /// Asks for last year's budget file.
    pub(super) fn attach_last_year(&mut self) {
        let dir = self.start_dir();
        match self.dialogs.pick_open(dir.as_deref()) {
            DialogOutcome::Chosen(path) => self.attach_last_year_from(&path),
            DialogOutcome::Cancelled => {}
            DialogOutcome::Unavailable => {
                let dir = dir.unwrap_or_else(|| PathBuf::from("."));
                self.dialog = Some(Dialog::Browser(
                    Box::new(FileBrowser::new(
                        BrowseMode::Open,
                        dir,
                        String::new(),
                        "ron",
                    )),
                    Purpose::AttachLastYear,
                ));
            }
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
