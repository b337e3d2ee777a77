//! PNG export from the app: asks where (native dialog or the in-app browser), then writes the
//! chart on screen or every chart through the same rasteriser the command line uses.

use std::path::Path;

use super::BudgetApp;
use super::dialogs::Purpose;
use crate::io;
use crate::ui::dialogs::FileKind;

impl BudgetApp {
    /// Asks for a PNG file name, then exports for `purpose` (the chart on screen, or all).
    pub(super) fn export(&mut self, purpose: Purpose) {
        let stem = Path::new(self.doc.name())
            .file_stem()
            .map_or_else(|| "budget".to_owned(), |s| s.to_string_lossy().into_owned());
        let name = match purpose {
            Purpose::ExportChart => format!("{stem}-{}.png", self.view.chart.slug()),
            _ => format!("{stem}.png"),
        };
        if let Some(path) = self.ask_path(FileKind::Png, name, purpose.clone()) {
            match purpose {
                Purpose::ExportAll => self.export_all_to(&path),
                _ => self.export_chart_to(&path),
            }
        }
    }

    /// Writes the chart on screen (with its drill-down) as a 1920×1080 PNG.
    pub fn export_chart_to(&mut self, path: &Path) {
        let lang = self.view.lang;
        let drill = self.view.drill.last().map(String::as_str);
        let result = io::charts::export_chart(
            self.doc.budget(),
            self.doc.derived(),
            self.view.chart,
            drill,
            path,
            lang.zh(),
            self.view.theme.is_dark(),
        );
        match result {
            Ok(()) => self.set_status(format!(
                "{} {}",
                lang.pick("已导出", "Exported"),
                path.display()
            )),
            Err(e) => self.report_failure(lang.pick("导出失败", "Export failed"), &e),
        }
    }

    /// Writes every chart as PNG files named after `path`.
    pub fn export_all_to(&mut self, path: &Path) {
        let lang = self.view.lang;
        match io::charts::export_all(
            self.doc.budget(),
            self.doc.derived(),
            path,
            lang.zh(),
            self.view.theme.is_dark(),
        ) {
            Ok(files) => self.set_status(format!(
                "{} {} × PNG ({})",
                lang.pick("已导出", "Exported"),
                files.len(),
                path.parent()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            )),
            Err(e) => self.report_failure(lang.pick("导出失败", "Export failed"), &e),
        }
    }
}
