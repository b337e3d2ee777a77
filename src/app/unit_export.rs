//! 导出全部单位…: the department's disclosure and each unit's, PDF and workbook, written on the
//! cores in the background with a progress bar; it can be cancelled between documents and ends
//! with what was written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use super::BudgetApp;
use super::dialogs::{Dialog, Purpose};
use crate::calc::derive;
use crate::calc::units::all_disclosures;
use crate::checks;
use crate::ui::dialogs::FileKind;

/// Each file written, or why it was not, in the order they ended.
type Written = Arc<Mutex<Vec<(PathBuf, Result<(), String>)>>>;

/// An export of every unit under way.
pub struct UnitExport {
    /// Documents written so far (a disclosure counts twice: PDF and workbook).
    done: Arc<AtomicUsize>,
    /// How many there are to write.
    total: usize,
    /// Asked to stop: no document is started after this.
    cancel: Arc<AtomicBool>,
    /// What was written, or why not, in order.
    written: Written,
    handle: Option<JoinHandle<()>>,
    /// Where.
    dir: PathBuf,
}

impl BudgetApp {
    /// File → 导出全部单位…: asks where (a file in the folder), then starts.
    pub(super) fn export_units(&mut self) {
        self.doc.commit_pending();
        let name = format!(
            "{}.pdf",
            crate::calc::units::file_stem(
                &self.doc.file().profile.department_code,
                &self.doc.file().profile.department_name
            )
        );
        if let Some(path) = self.ask_path(FileKind::Pdf, name, Purpose::ExportUnits) {
            self.export_units_to(&path);
        }
    }

    /// Writes every disclosure into `path`'s folder, in the background.
    pub fn export_units_to(&mut self, path: &Path) {
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned);
        let list = all_disclosures(self.doc.file());
        let zh = self.view.lang.zh();
        let charts = Some(self.pdf_charts());
        let jobs: Vec<(PathBuf, bool, crate::model::Budget)> = list
            .into_iter()
            .flat_map(|(stem, b)| {
                [
                    (dir.join(format!("{stem}.pdf")), true, b.clone()),
                    (dir.join(format!("{stem}.xlsx")), false, b),
                ]
            })
            .collect();
        let total = jobs.len();
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let written: Written = Arc::new(Mutex::new(Vec::new()));
        let (d, c, w) = (done.clone(), cancel.clone(), written.clone());
        let handle = std::thread::spawn(move || {
            crate::io::batch::run_all(
                &jobs,
                |(_, _, b)| b.function_lines.len(),
                &c,
                |(to, pdf, budget)| {
                    let derived = derive(budget);
                    if *pdf {
                        let options = crate::io::pdf::PdfOptions {
                            zh,
                            charts,
                            against: None,
                        };
                        crate::io::pdf::export(budget, &derived, to, &options)
                            .map_err(|e| e.to_string())
                    } else {
                        let findings = checks::run(budget, &derived);
                        crate::io::xlsx::export(
                            budget,
                            &derived,
                            &findings,
                            to,
                            &crate::io::xlsx::ExportOptions {
                                tables_only: true,
                                ..Default::default()
                            },
                        )
                        .map_err(|e| e.to_string())
                    }
                },
                |i, result| {
                    if let (Ok(mut all), Some((to, _, _))) = (w.lock(), jobs.get(i)) {
                        all.push((to.clone(), result));
                    }
                    d.fetch_add(1, Ordering::Relaxed);
                },
            );
        });
        self.unit_export = Some(UnitExport {
            done,
            total,
            cancel,
            written,
            handle: Some(handle),
            dir,
        });
    }

    /// The progress window while the export runs; the summary when it ends.
    pub(super) fn unit_export_ui(&mut self, ctx: &egui::Context) {
        let lang = self.view.lang;
        let Some(job) = self.unit_export.as_mut() else {
            return;
        };
        let done = job.done.load(Ordering::Relaxed);
        let finished = job.handle.as_ref().is_none_or(JoinHandle::is_finished);
        if !finished {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            egui::Window::new(lang.pick("导出全部单位", "Export every unit"))
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
                .show(ctx, |ui| {
                    ui.label(job.dir.display().to_string());
                    let fraction = done as f32 / job.total.max(1) as f32;
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .text(format!("{done} / {}", job.total))
                            .desired_width(360.0),
                    );
                    let stopping = job.cancel.load(Ordering::Relaxed);
                    if ui
                        .add_enabled(!stopping, egui::Button::new(lang.pick("取消", "Cancel")))
                        .clicked()
                    {
                        job.cancel.store(true, Ordering::Relaxed);
                    }
                });
            return;
        }
        if let Some(handle) = job.handle.take() {
            let _ = handle.join();
        }
        let written = job.written.lock().map(|w| w.clone()).unwrap_or_default();
        let cancelled = job.cancel.load(Ordering::Relaxed);
        let total = job.total;
        self.unit_export = None;
        let ok = written.iter().filter(|(_, r)| r.is_ok()).count();
        let mut lines = vec![if lang.zh() {
            format!(
                "已写入 {ok} / {total} 个文件{}",
                if cancelled { "（已取消）" } else { "" }
            )
        } else {
            format!(
                "{ok} of {total} files written{}",
                if cancelled { " (cancelled)" } else { "" }
            )
        }];
        for (path, result) in written {
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            // The bundled font has no check marks: words say it.
            lines.push(match (result, lang.zh()) {
                (Ok(()), _) => format!("· {name}"),
                (Err(e), true) => format!("· {name}：未写入（{e}）"),
                (Err(e), false) => format!("· {name}: not written ({e})"),
            });
        }
        self.dialog = Some(Dialog::Message(
            lang.pick("导出全部单位", "Export every unit").to_owned(),
            lines.join("\n"),
        ));
    }
}
