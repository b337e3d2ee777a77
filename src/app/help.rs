//! The Help menu's dialogs: 快捷键, every command with its shortcuts, generated from
//! [`MENUS`] so it never disagrees with the menus and keys; and 关于, the version, the licence
//! and the notice the bundled font's licence asks for.

use egui::{RichText, ScrollArea, Ui};

use crate::ui::commands::{MENUS, MenuEntry};
use crate::ui::i18n::{Lang, Tr};

/// The font's copyright notice and licence, shipped with the font as the SIL OFL requires.
const FONT_LICENCE: &str = include_str!("../../assets/fonts/LICENSE-OFL.txt");

/// Draws the shortcut list; false once the user closes it.
pub(super) fn shortcuts(ui: &mut Ui, lang: Lang) -> bool {
    ui.heading(lang.pick("快捷键一览", "All keyboard shortcuts"));
    let ctx = ui.ctx().clone();
    ui.set_width(560.0);
    // As tall as the window allows, from the first frame: a list that grows into its height
    // over several frames moves the OK button away from under the pointer.
    let height = (ui.ctx().content_rect().height() - 220.0).clamp(160.0, 460.0);
    ScrollArea::vertical()
        .max_height(height)
        .min_scrolled_height(height)
        .show(ui, |ui| {
            // Grouped as in the menu bar, so a command is found where the user already knows it.
            for (title, entries) in MENUS {
                ui.add_space(6.0);
                ui.label(RichText::new(title.get(lang)).strong());
                egui::Grid::new(("shortcuts", title.get(Lang::En)))
                    .num_columns(2)
                    .min_col_width(220.0)
                    .striped(true)
                    .show(ui, |ui| {
                        for entry in entries {
                            let MenuEntry::Command(command) = entry else {
                                continue;
                            };
                            ui.label(command.label(lang))
                                .on_hover_text(command.tooltip(lang));
                            let keys = command.all_shortcuts_text(&ctx);
                            if keys.is_empty() {
                                ui.weak("—");
                            } else {
                                ui.monospace(keys);
                            }
                            ui.end_row();
                        }
                    });
            }
        });
    ui.add_space(6.0);
    !ui.button(Tr::Ok.get(lang)).clicked()
}

/// Draws the About dialog; false once the user closes it.
pub(super) fn about(ui: &mut Ui, lang: Lang) -> bool {
    ui.heading(Tr::AppName.get(lang));
    ui.label(format!(
        "{} {}",
        lang.pick("版本", "Version"),
        env!("CARGO_PKG_VERSION")
    ));
    ui.label(lang.pick(
        "编制、审核和展示部门预算公开。",
        "Prepare, check and present a department's budget disclosure.",
    ));
    ui.add_space(6.0);
    ui.label(format!(
        "{}{}",
        lang.pick("许可证：", "Licence: "),
        env!("CARGO_PKG_LICENSE")
    ));
    ui.add(
        egui::Label::new(lang.pick(
            "界面和导出图片中的中文字体是 Noto Sans CJK SC 的子集，© 2014-2021 Adobe，\
             依 SIL Open Font License 1.1 授权。",
            "The Chinese font of the interface and the exported images is a subset of \
             Noto Sans CJK SC, © 2014-2021 Adobe, licensed under the SIL Open Font License 1.1.",
        ))
        .wrap(),
    );
    egui::CollapsingHeader::new(lang.pick("字体许可证全文", "Font licence in full")).show(
        ui,
        |ui| {
            // Its full height at once, for the same reason as the shortcut list's.
            ScrollArea::vertical()
                .max_height(280.0)
                .min_scrolled_height(280.0)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(FONT_LICENCE).small()).wrap());
                });
        },
    );
    if let Some(dir) = eframe::storage_dir(super::APP_ID) {
        // Where window size, language and recent files are kept: what support asks first,
        // and on Windows a folder users rarely find on their own.
        ui.add(
            egui::Label::new(format!(
                "{}{}",
                lang.pick("设置保存在：", "Settings are kept in: "),
                dir.display()
            ))
            .wrap(),
        );
        ui.add(
            egui::Label::new(format!(
                "{}{}",
                lang.pick(
                    "公开模板文件夹（启动时载入其中的 .ron 文件）：",
                    "Templates folder (its .ron files are loaded at start): "
                ),
                crate::io::templates::folder(&dir).display()
            ))
            .wrap(),
        );
    }
    ui.add_space(6.0);
    !ui.button(Tr::Ok.get(lang)).clicked()
}
