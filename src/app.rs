//! The desktop app.

use std::path::PathBuf;

use anyhow::Result;

/// Starts the desktop app, opening `file` or the bundled sample.
///
/// # Errors
/// When the window cannot be created.
pub fn run(file: Option<PathBuf>) -> Result<()> {
    let budget = match &file {
        Some(path) => crate::io::load(path)?,
        None => crate::sample::sample_budget()?,
    };
    let derived = crate::calc::derive(&budget);
    let title = format!("{} {}", budget.profile.department_name, budget.profile.year);
    let total = derived.summary.total.format_grouped(2);
    eframe::run_native(
        "Budget Studio",
        eframe::NativeOptions::default(),
        Box::new(move |_cc| Ok(Box::new(Minimal { title, total }))),
    )
    .map_err(|e| anyhow::anyhow!("{e}"))
}

struct Minimal {
    title: String,
    total: String,
}

impl eframe::App for Minimal {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.title);
            ui.label(&self.total);
        });
    }
}
