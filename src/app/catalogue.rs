//! File → 载入科目目录…: the 科目 an officer's budget platform exports, searched before the
//! built-in catalogue when a line is added. The catalogue belongs to the session, not to the
//! budget file.

use std::path::Path;

use super::BudgetApp;
use super::dialogs::Purpose;
use crate::io::catalogue;
use crate::ui::dialogs::FileKind;

impl BudgetApp {
    /// Asks for a catalogue file.
    pub(super) fn load_catalogue(&mut self) {
        if let Some(path) =
            self.ask_path(FileKind::Catalogue, String::new(), Purpose::LoadCatalogue)
        {
            self.load_catalogue_from(&path);
        }
    }

    /// Reads the catalogue at `path`; a file with a bad row is reported (its line and what was
    /// expected) and the catalogue in use stays as it was.
    pub fn load_catalogue_from(&mut self, path: &Path) {
        let lang = self.view.lang;
        match catalogue::load(path) {
            Ok(loaded) => {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let n = loaded.len();
                self.set_status(if lang.zh() {
                    format!("已载入科目目录 {name}：{n} 个科目，新增科目时优先检索")
                } else {
                    format!(
                        "Loaded the catalogue {name}: {n} codes, searched first when adding a line"
                    )
                });
                self.view.catalogue = Some(loaded);
            }
            Err(e) => self.report_failure(
                lang.pick("科目目录未载入", "The catalogue was not loaded"),
                &e.describe(lang.zh()),
            ),
        }
    }
}
