//! Attaching last year's budget as the comparison base (File → 附加上年预算…). The base is kept
//! in the app's state, not written into the budget: see [`crate::ui::last_year`].

use std::path::Path;

use super::Dialog;
use super::files::Then;

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

    /// File → 以此为基础新建下一年度: asks where to write next year's budget.
    pub(super) fn new_year(&mut self, ctx: &egui::Context) {
        self.doc.commit_pending();
        let b = self.doc.budget();
        let name = format!(
            "{}-{}.ron",
            b.profile.department_name,
            b.profile.year.saturating_add(1)
        );
        if let Some(path) = self.ask_path(FileKind::Budget, name, Purpose::NewYear) {
            // The system's save dialog has asked before choosing an existing file.
            self.new_year_to(ctx, &path, true);
        }
    }

    /// Writes next year's budget to `path` and opens it (asking first about unsaved changes).
    /// The open file is never the target; an existing file is replaced only when `replace`.
    pub(super) fn new_year_to(&mut self, ctx: &egui::Context, path: &Path, replace: bool) {
        let lang = self.view.lang;
        let same = self.doc.path().is_some_and(|open| {
            open == path
                || matches!((open.canonicalize(), path.canonicalize()), (Ok(a), Ok(b)) if a == b)
        });
        if same {
            self.report_failure(Tr::NewYearFailed.get(lang), &Tr::NewYearSameFile.get(lang));
            return;
        }
        if path.exists() && !replace {
            self.dialog = Some(Dialog::ReplaceNewYear(path.to_owned()));
            return;
        }
        let next = crate::calc::roll::next_year(self.doc.file(), self.doc.derived());
        if let Err(e) = io::save(&next, path) {
            self.report_failure(Tr::NewYearFailed.get(lang), &e);
            return;
        }
        self.set_status(format!(
            "{}{}{}",
            Tr::NewYearWritten.get(lang),
            lang.colon(),
            path.display()
        ));
        self.request(ctx, Then::Open(Some(path.to_owned())));
    }
}
