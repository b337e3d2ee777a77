//! The integration tests, in one binary: each module was once a test file of its own. One binary
//! links once, where two dozen each linked the whole app (egui, typst, the workbook crates) again.

mod authoring;
mod cli;
mod common;
mod compare;
mod department_units;
mod editors;
mod file_browser;
mod file_format;
mod fuzz_money_path;
mod help;
mod killed_saves;
mod narrative;
mod narrative_ui;
mod packaging;
mod pdf;
mod properties;
mod putuo_figures;
mod rules;
mod safe_saving;
mod safety;
mod sample_figures;
mod shanghai_2024;
mod strict_loading;
mod template_editors;
mod template_files;
mod template_publication;
mod ui;
mod unit_breakdown;
mod weak_checks;
mod workbook_ui;
mod xlsx;
mod xlsx_official;
