//! The menu bar, the tab bar and the keyboard shortcuts, all generated from
//! [`UiCommand`] and [`MENUS`]; and the status bar under them.

use std::borrow::Cow;
use std::path::PathBuf;

use egui::{Button, RadioButton, RichText, Ui};

use super::BudgetApp;
use super::files::Then;
use crate::ui::commands::{MENUS, MenuEntry, UiCommand};
use crate::ui::i18n::Tr;
use crate::ui::{self, Tab};

impl BudgetApp {
    /// Runs the commands whose shortcut was pressed, unless a dialog is waiting for an answer.
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        for command in UiCommand::pressed(ctx) {
            let typing = self.view.editing.is_some();
            if typing && matches!(command, UiCommand::Undo | UiCommand::Redo) {
                continue; // the text field's own undo handles it
            }
            self.command(ctx, command);
        }
    }

    /// The menus and, under them, the tabs.
    pub(super) fn menu_bar(&mut self, ui: &mut Ui) {
        let lang = self.view.lang;
        let ctx = ui.ctx().clone();
        let mut chosen: Option<UiCommand> = None;
        let mut open_recent: Option<PathBuf> = None;
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                for (title, entries) in MENUS {
                    ui.menu_button(title.get(lang), |ui| {
                        for entry in entries {
                            match entry {
                                MenuEntry::Command(command) => {
                                    if self.menu_item(ui, *command) {
                                        chosen = Some(*command);
                                    }
                                }
                                MenuEntry::Separator => {
                                    ui.separator();
                                }
                                MenuEntry::Label(text) => {
                                    ui.label(text.get(lang));
                                }
                                MenuEntry::Recent => {
                                    if let Some(path) = self.recent_menu(ui) {
                                        open_recent = Some(path);
                                    }
                                }
                            }
                        }
                    });
                }
            });
            ui.horizontal(|ui| {
                for tab in Tab::ALL {
                    let command = UiCommand::Tab(tab);
                    let text = RichText::new(command.label(lang)).size(16.0);
                    if ui
                        .selectable_label(self.view.tab == tab, text)
                        .on_hover_text(command.hover_text(&ctx, lang))
                        .clicked()
                    {
                        chosen = Some(command);
                    }
                }
            });
        });
        if let Some(path) = open_recent {
            self.request(&ctx, Then::Open(Some(path)));
        }
        if let Some(command) = chosen {
            self.command(&ctx, command);
        }
    }

    /// One menu item for `command`, with its shortcut; true when clicked. Commands that choose
    /// one of several settings show which is in force.
    fn menu_item(&self, ui: &mut Ui, command: UiCommand) -> bool {
        let lang = self.view.lang;
        let text = self.menu_text(command);
        let enabled = self.is_enabled(command);
        let shortcut = command.shortcut_text(ui.ctx());
        let response = match self.is_checked(command) {
            // A choice that is on or off, not one of several: a check box.
            Some(mut checked)
                if matches!(
                    command,
                    UiCommand::PdfCharts | UiCommand::WorkbookTablesOnly
                ) =>
            {
                ui.add_enabled(enabled, egui::Checkbox::new(&mut checked, text))
            }
            Some(checked) if shortcut.is_empty() => {
                ui.add_enabled(enabled, RadioButton::new(checked, text))
            }
            Some(checked) => ui.add_enabled(
                enabled,
                Button::selectable(checked, text).shortcut_text(shortcut),
            ),
            None => ui.add_enabled(enabled, Button::new(text).shortcut_text(shortcut)),
        };
        response.on_hover_text(command.tooltip(lang)).clicked()
    }

    /// The label, with what would be undone or redone ("撤销 修改 …").
    fn menu_text(&self, command: UiCommand) -> Cow<'static, str> {
        let label = command.label(self.view.lang);
        let step = match command {
            UiCommand::Undo => self.doc.undo_label(),
            UiCommand::Redo => self.doc.redo_label(),
            _ => None,
        };
        match step {
            Some(step) => Cow::Owned(format!("{label} {step}")),
            None => Cow::Borrowed(label),
        }
    }

    /// Undo and redo are greyed out when there is nothing to undo or redo.
    fn is_enabled(&self, command: UiCommand) -> bool {
        match command {
            UiCommand::Undo => self.doc.undo_label().is_some(),
            UiCommand::Redo => self.doc.redo_label().is_some(),
            UiCommand::ExportUnits => {
                crate::calc::units::has_unit_budgets(self.doc.file()) && self.unit_export.is_none()
            }
            _ => true,
        }
    }

    /// Whether a settings command is in force (`None` for commands that are actions).
    fn is_checked(&self, command: UiCommand) -> Option<bool> {
        match command {
            UiCommand::Theme(theme) => Some(self.view.theme == theme),
            UiCommand::Language(lang) => Some(self.view.lang == lang),
            UiCommand::Tab(tab) => Some(self.view.tab == tab),
            UiCommand::PdfCharts => Some(self.pdf_charts()),
            UiCommand::WorkbookTablesOnly => Some(self.view.workbook_tables_only),
            _ => None,
        }
    }

    /// The recent-files submenu; the path clicked, if any.
    fn recent_menu(&self, ui: &mut Ui) -> Option<PathBuf> {
        let lang = self.view.lang;
        let mut clicked = None;
        ui.menu_button(Tr::OpenRecent.get(lang), |ui| {
            if self.recent.is_empty() {
                ui.label(Tr::NoRecent.get(lang));
            }
            for path in &self.recent {
                if ui.button(path.display().to_string()).clicked() {
                    clicked = Some(path.clone());
                }
            }
        });
        clicked
    }

    /// Error and warning counts, the modified marker and the last message.
    pub(super) fn status_bar(&mut self, ui: &mut Ui) {
        let lang = self.view.lang;
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let (errors, warnings) = crate::checks::counts(self.doc.findings());
                let dark = ui.visuals().dark_mode;
                ui.colored_label(
                    ui::theme::error_colour(dark),
                    crate::ui::i18n::error_count(errors, lang),
                );
                ui.colored_label(
                    ui::theme::warning_colour(dark),
                    crate::ui::i18n::warning_count(warnings, lang),
                );
                ui.separator();
                if self.doc.is_modified() {
                    ui.label(RichText::new(Tr::Modified.get(lang)).italics());
                    ui.separator();
                }
                if let Some(status) = &self.status {
                    ui.label(status);
                }
            });
        });
    }
}
