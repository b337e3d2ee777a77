//! The disclosure as a PDF from the app: 导出 PDF… asks where and writes it; 打印… writes it to a
//! temporary file and hands it to the system's PDF viewer, which prints. Where no viewer can be
//! started, a message says where the PDF is.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use super::BudgetApp;
use super::dialogs::{Dialog, Purpose};
use crate::io::pdf::{PdfOptions, export};
use crate::ui::dialogs::FileKind;

/// How long the opener may take to report that it found no viewer: `xdg-open`, `open` and
/// `start` hand the file over and return at once when they succeed.
const OPENER_GRACE: Duration = Duration::from_millis(1500);

/// Starts the system's opener on `path`.
fn spawn_opener(path: &Path) -> std::io::Result<Child> {
    if cfg!(target_os = "windows") {
        // `start` is a shell built-in; the empty title keeps a quoted path from being taken as one.
        Command::new("cmd")
            .args(["/C", "start", ""])
            .arg(path)
            .spawn()
    } else if cfg!(target_os = "macos") {
        Command::new("open").arg(path).spawn()
    } else {
        Command::new("xdg-open").arg(path).spawn()
    }
}

/// Opens `path` with the system's viewer. `Err` when no opener ran or it reported a failure
/// within [`OPENER_GRACE`]; an opener still running then is taken as having handed the file over.
pub fn open_with_viewer(path: &Path) -> Result<(), String> {
    let mut child = spawn_opener(path).map_err(|e| e.to_string())?;
    let started = Instant::now();
    while started.elapsed() < OPENER_GRACE {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(status.to_string()),
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(e.to_string()),
        }
    }
    // Still running: the viewer opened through it. Reap it in the background.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// Where 打印… puts the PDF it hands to the viewer: one file per budget name in a folder of the
/// system's temporary directory, replaced on the next print.
fn print_path(stem: &str) -> PathBuf {
    std::env::temp_dir()
        .join("budget-studio-print")
        .join(format!("{stem}.pdf"))
}

impl BudgetApp {
    fn pdf_stem(&self) -> String {
        Path::new(self.doc.name())
            .file_stem()
            .map_or_else(|| "budget".to_owned(), |s| s.to_string_lossy().into_owned())
    }

    /// Whether the PDF prints the charts appendix: as the officer chose, else as the template
    /// prints.
    pub(super) fn pdf_charts(&self) -> bool {
        self.view
            .pdf_charts
            .unwrap_or(self.doc.budget().template().outline.chart_appendix)
    }

    fn pdf_options(&self) -> PdfOptions {
        PdfOptions {
            zh: self.view.lang.zh(),
            charts: Some(self.pdf_charts()),
            // The changes the Narrative tab states: against the attached file, if any.
            against: self.view.base.as_ref().map(|b| b.summary.clone()),
        }
    }

    /// 导出 PDF…: asks for a file name, then writes the disclosure.
    pub(super) fn export_pdf(&mut self) {
        let name = format!("{}.pdf", self.pdf_stem());
        if let Some(path) = self.ask_path(FileKind::Pdf, name, Purpose::ExportPdf) {
            self.export_pdf_to(&path);
        }
    }

    /// Writes the disclosure as a PDF to `path`.
    pub fn export_pdf_to(&mut self, path: &Path) {
        let lang = self.view.lang;
        let started = Instant::now();
        match export(
            self.doc.budget(),
            self.doc.derived(),
            path,
            &self.pdf_options(),
        ) {
            Ok(()) => {
                log::info!("PDF written in {:.2} s", started.elapsed().as_secs_f64());
                self.set_status(format!(
                    "{} {}",
                    lang.pick("已导出", "Exported"),
                    path.display()
                ));
            }
            Err(e) => self.report_failure(lang.pick("导出 PDF 失败", "PDF export failed"), &e),
        }
    }

    /// 打印…: writes the disclosure to a temporary PDF and opens it with the system's viewer.
    pub(super) fn print(&mut self) {
        let lang = self.view.lang;
        let path = print_path(&self.pdf_stem());
        if let Some(dir) = path.parent()
            && let Err(e) = std::fs::create_dir_all(dir)
        {
            let message = format!("{}: {e}", dir.display());
            self.report_failure(lang.pick("打印失败", "Printing failed"), &message);
            return;
        }
        if let Err(e) = export(
            self.doc.budget(),
            self.doc.derived(),
            &path,
            &self.pdf_options(),
        ) {
            self.report_failure(lang.pick("打印失败", "Printing failed"), &e);
            return;
        }
        match open_with_viewer(&path) {
            Ok(()) => self.set_status(format!(
                "{} {}",
                lang.pick(
                    "已在 PDF 查看器中打开，请从查看器打印：",
                    "Opened in the PDF viewer; print from there:"
                ),
                path.display()
            )),
            Err(reason) => {
                log::warn!("no PDF viewer for {}: {reason}", path.display());
                self.dialog = Some(Dialog::Message(
                    lang.pick("未找到 PDF 查看器", "No PDF viewer found")
                        .to_owned(),
                    format!(
                        "{}\n{}",
                        lang.pick(
                            "PDF 已生成，请用 PDF 阅读器打开并打印：",
                            "The PDF was written; open it with a PDF reader to print it:"
                        ),
                        path.display()
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_file_lives_in_the_temporary_folder() {
        let p = print_path("xinzhou-industry-2022");
        assert!(p.starts_with(std::env::temp_dir()));
        assert_eq!(
            p.file_name().and_then(|n| n.to_str()),
            Some("xinzhou-industry-2022.pdf")
        );
    }
}
