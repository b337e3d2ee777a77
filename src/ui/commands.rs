//! Every user command with its label, tooltip and shortcuts, and the menus as lists of commands:
//! menus, buttons and keys are generated from here, so they never disagree.

use std::cmp::Reverse;

use egui::{Key, KeyboardShortcut, Modifiers, Response, Ui};

use super::Tab;
use super::i18n::{Lang, Tr};
use super::theme::ThemeChoice;

/// A command the user can give from a menu, a button or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// New budget.
    New,
    /// Open a file.
    Open,
    /// Save.
    Save,
    /// Save under a new name.
    SaveAs,
    /// Quit (asks about unsaved changes).
    Quit,
    /// Undo the last step.
    Undo,
    /// Redo.
    Redo,
    /// Enter presentation mode, or leave it.
    Present,
    /// Export the chart on screen as PNG.
    ExportChart,
    /// Export every chart as PNG.
    ExportAllCharts,
    /// Export the disclosure tables as an Excel workbook.
    ExportWorkbook,
    /// Import figures from an Excel workbook (with a preview first).
    ImportWorkbook,
    /// Attach last year's budget file as the comparison base.
    AttachLastYear,
    /// Load a 科目 catalogue (CSV or workbook) for the line picker.
    LoadCatalogue,
    /// Load a template file (and keep it in the templates folder).
    LoadTemplate,
    /// 以此为基础新建下一年度: write next year's budget from this one and open it.
    NewYear,
    /// Export the disclosure as a PDF.
    ExportPdf,
    /// Print the disclosure (a PDF opened in the system's viewer).
    Print,
    /// Print the appendix of expenditure charts in the PDF, or not (the template says by
    /// default).
    PdfCharts,
    /// Export the department's disclosure and each unit's, PDF and workbook, into a folder.
    ExportUnits,
    /// Export the workbook with the published tables only (no findings, no data for reading
    /// back), or the working workbook.
    WorkbookTablesOnly,
    /// Use the light or the dark theme.
    Theme(ThemeChoice),
    /// Use this UI language.
    Language(Lang),
    /// Show this tab.
    Tab(Tab),
    /// List every command with its shortcuts (Help menu).
    Shortcuts,
    /// Version, licence and the font's licence notice (Help menu).
    About,
}

const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

const fn keys(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// One entry of a menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuEntry {
    /// A command.
    Command(UiCommand),
    /// A line between groups.
    Separator,
    /// A heading over a group.
    Label(Tr),
    /// The recently opened files (filled in by the app).
    Recent,
}

/// The menu bar: each menu's title and entries, in order.
pub const MENUS: [(Tr, &[MenuEntry]); 4] = {
    use MenuEntry::{Command as C, Label, Recent, Separator};
    use UiCommand as U;
    [
        (
            Tr::MenuFile,
            &[
                C(U::New),
                C(U::Open),
                Recent,
                Separator,
                C(U::Save),
                C(U::SaveAs),
                Separator,
                C(U::ImportWorkbook),
                C(U::ExportWorkbook),
                C(U::WorkbookTablesOnly),
                C(U::AttachLastYear),
                C(U::LoadCatalogue),
                C(U::LoadTemplate),
                C(U::NewYear),
                Separator,
                C(U::ExportChart),
                C(U::ExportAllCharts),
                Separator,
                C(U::ExportPdf),
                C(U::ExportUnits),
                C(U::Print),
                C(U::PdfCharts),
                Separator,
                C(U::Quit),
            ],
        ),
        (Tr::MenuEdit, &[C(U::Undo), C(U::Redo)]),
        (
            Tr::MenuView,
            &[
                Label(Tr::Language),
                C(U::Language(Lang::Zh)),
                C(U::Language(Lang::En)),
                Separator,
                C(U::Theme(ThemeChoice::Light)),
                C(U::Theme(ThemeChoice::Dark)),
                Separator,
                C(U::Tab(Tab::Overview)),
                C(U::Tab(Tab::Tables)),
                C(U::Tab(Tab::Performance)),
                C(U::Tab(Tab::Assets)),
                C(U::Tab(Tab::Narrative)),
                Separator,
                C(U::Present),
            ],
        ),
        (Tr::MenuHelp, &[C(U::Shortcuts), Separator, C(U::About)]),
    ]
};

impl UiCommand {
    /// Every command.
    pub const ALL: [UiCommand; 32] = [
        UiCommand::New,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::SaveAs,
        UiCommand::Quit,
        UiCommand::Undo,
        UiCommand::Redo,
        UiCommand::Present,
        UiCommand::ExportChart,
        UiCommand::ExportAllCharts,
        UiCommand::ExportWorkbook,
        UiCommand::ImportWorkbook,
        UiCommand::AttachLastYear,
        UiCommand::LoadCatalogue,
        UiCommand::LoadTemplate,
        UiCommand::NewYear,
        UiCommand::ExportPdf,
        UiCommand::Print,
        UiCommand::PdfCharts,
        UiCommand::WorkbookTablesOnly,
        UiCommand::ExportUnits,
        UiCommand::Theme(ThemeChoice::Light),
        UiCommand::Theme(ThemeChoice::Dark),
        UiCommand::Language(Lang::Zh),
        UiCommand::Language(Lang::En),
        UiCommand::Tab(Tab::Overview),
        UiCommand::Tab(Tab::Tables),
        UiCommand::Tab(Tab::Performance),
        UiCommand::Tab(Tab::Assets),
        UiCommand::Tab(Tab::Narrative),
        UiCommand::Shortcuts,
        UiCommand::About,
    ];

    /// Menu label.
    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        let tr = match self {
            UiCommand::New => Tr::New,
            UiCommand::Open => Tr::Open,
            UiCommand::Save => Tr::Save,
            UiCommand::SaveAs => Tr::SaveAs,
            UiCommand::Quit => Tr::Quit,
            UiCommand::Undo => Tr::Undo,
            UiCommand::Redo => Tr::Redo,
            UiCommand::Theme(ThemeChoice::Light) => Tr::ThemeLight,
            UiCommand::Theme(ThemeChoice::Dark) => Tr::ThemeDark,
            UiCommand::Tab(tab) => return tab.label(lang),
            // Each language is named in itself, so a user can find theirs whatever is shown.
            UiCommand::Language(Lang::Zh) => return "简体中文",
            UiCommand::Language(Lang::En) => return "English",
            UiCommand::Present => return lang.pick("演示", "Present"),
            UiCommand::ExportChart => {
                return lang.pick("导出当前图表 PNG…", "Export chart as PNG…");
            }
            UiCommand::ExportAllCharts => {
                return lang.pick("导出全部图表 PNG…", "Export all charts as PNG…");
            }
            UiCommand::ExportWorkbook => return lang.pick("导出 Excel…", "Export Excel…"),
            UiCommand::ImportWorkbook => return lang.pick("导入 Excel…", "Import Excel…"),
            UiCommand::AttachLastYear => {
                return lang.pick("附加上年预算…", "Attach Last Year's Budget…");
            }
            UiCommand::LoadCatalogue => {
                return lang.pick("载入科目目录…", "Load 科目 Catalogue…");
            }
            UiCommand::LoadTemplate => return lang.pick("载入模板…", "Load Template…"),
            UiCommand::NewYear => {
                return lang.pick(
                    "以此为基础新建下一年度…",
                    "New Budget for Next Year from This…",
                );
            }
            UiCommand::ExportPdf => return lang.pick("导出 PDF…", "Export PDF…"),
            UiCommand::Print => return lang.pick("打印…", "Print…"),
            UiCommand::PdfCharts => {
                return lang.pick("PDF 附支出结构图", "Charts appendix in the PDF");
            }
            UiCommand::WorkbookTablesOnly => {
                return lang.pick("Excel 只含公开表", "Excel with the published tables only");
            }
            UiCommand::ExportUnits => {
                return lang.pick("导出全部单位…", "Export every unit…");
            }
            UiCommand::Shortcuts => return lang.pick("快捷键", "Keyboard Shortcuts"),
            UiCommand::About => return lang.pick("关于", "About"),
        };
        tr.get(lang)
    }

    /// The shorter text of a toolbar button (the Overview's), where it differs from the label.
    #[must_use]
    pub fn button_text(self, lang: Lang) -> &'static str {
        match self {
            UiCommand::Present => lang.pick("▶ 演示", "▶ Present"),
            UiCommand::ExportChart => lang.pick("导出 PNG…", "Export PNG…"),
            other => other.label(lang),
        }
    }

    /// What the command does, shown on hover.
    #[must_use]
    pub fn tooltip(self, lang: Lang) -> &'static str {
        match self {
            UiCommand::New => lang.pick("新建一份空白预算", "Start a new, empty budget"),
            UiCommand::Open => lang.pick("打开预算文件（.ron）", "Open a budget file (.ron)"),
            UiCommand::Save => lang.pick("保存到当前文件", "Save to the current file"),
            UiCommand::SaveAs => lang.pick("以新的文件名保存", "Save under a new file name"),
            UiCommand::Quit => lang.pick(
                "退出程序（先询问未保存的修改）",
                "Quit (asks about unsaved changes first)",
            ),
            UiCommand::Undo => lang.pick("撤销上一步修改", "Undo the last change"),
            UiCommand::Redo => lang.pick("重做刚撤销的修改", "Redo the change just undone"),
            UiCommand::Present => lang.pick(
                "全屏逐页演示图表：←/→ 翻页，Esc 退出",
                "Show the charts full screen, one per slide: ←/→ move, Esc leaves",
            ),
            UiCommand::ExportChart => lang.pick(
                "把当前图表写成 1920×1080 的 PNG 图片",
                "Write the chart on screen as a 1920×1080 PNG",
            ),
            UiCommand::ExportAllCharts => lang.pick(
                "把每张图表各写成一个 PNG 图片",
                "Write every chart as its own PNG",
            ),
            UiCommand::ExportWorkbook => lang.pick(
                "把各预算公开表、绩效目标表和审核结果写成 Excel 工作簿（合计为公式）",
                "Write the tables, forms and findings as an Excel workbook (totals as formulas)",
            ),
            UiCommand::ImportWorkbook => lang.pick(
                "从 Excel 工作簿读取各表数字，先预览再确认",
                "Read the tables' figures from an Excel workbook; preview before anything changes",
            ),
            UiCommand::ExportPdf => lang.pick(
                "把整份预算公开文件（封面、目录、报表、情况说明、绩效表、图表）写成 PDF",
                "Write the whole disclosure (cover, contents, tables, notes, forms, charts) as a PDF",
            ),
            UiCommand::Print => lang.pick(
                "生成 PDF 并用系统的 PDF 查看器打开，从查看器打印",
                "Make the PDF and open it in the system's PDF viewer, to print from there",
            ),
            UiCommand::PdfCharts => lang.pick(
                "导出和打印的 PDF 是否附支出结构图；默认按模板（有的模板的公开文本不附图）",
                "Whether the exported or printed PDF ends with the expenditure charts; by default as the template prints (some templates' documents have none)",
            ),
            UiCommand::ExportUnits => lang.pick(
                "把部门和每个预算单位的公开文本（PDF 和 Excel）写入所选文件所在的文件夹，文件名为“代码-名称”",
                "Write the department's disclosure and each unit's (PDF and workbook) into the chosen file's folder, named CODE-NAME",
            ),
            UiCommand::WorkbookTablesOnly => lang.pick(
                "导出的 Excel 只含公开的表（供发布）：不含审核结果，也不含导入时恢复说明、采购、资产等所需的数据",
                "The exported workbook holds the published tables only (to publish): no findings, and not the data that reading it back needs for the notes, procurement, assets and the rest",
            ),
            UiCommand::Theme(ThemeChoice::Light) => lang.pick("浅色界面", "Light interface"),
            UiCommand::Theme(ThemeChoice::Dark) => lang.pick("深色界面", "Dark interface"),
            UiCommand::Language(Lang::Zh) => lang.pick("界面使用简体中文", "Use Chinese"),
            UiCommand::Language(Lang::En) => lang.pick("界面使用英文", "Use English"),
            UiCommand::Tab(Tab::Overview) => {
                lang.pick("主要数据、图表和审核结果", "Key figures, charts and checks")
            }
            UiCommand::Tab(Tab::Tables) => lang.pick("预算公开表 1–11", "Disclosure tables 1–11"),
            UiCommand::Tab(Tab::Performance) => {
                lang.pick("项目支出绩效目标申报表", "Performance-target forms")
            }
            UiCommand::Tab(Tab::Assets) => lang.pick(
                "车辆、办公用房、政府采购、三公经费",
                "Vehicles, offices, procurement, \"three public\" costs",
            ),
            UiCommand::Tab(Tab::Narrative) => lang.pick(
                "按报表数字生成的情况说明",
                "The narrative written from the figures",
            ),
            UiCommand::Shortcuts => lang.pick(
                "列出全部命令及其快捷键",
                "List every command and its shortcuts",
            ),
            UiCommand::AttachLastYear => lang.pick(
                "打开上年的预算文件作为对比基数：逐行列出增减，情况说明按其计算变动",
                "Open last year's budget file as the base: line-by-line changes, and the narrative's changes computed from it",
            ),
            UiCommand::LoadTemplate => lang.pick(
                "载入公开模板文件（.ron），保存到模板文件夹；新建和部门概况中即可选用",
                "Load a disclosure template file (.ron) and keep it in the templates folder; New and the profile offer it",
            ),
            UiCommand::LoadCatalogue => lang.pick(
                "载入预算系统导出的科目（CSV 或 Excel，两列：编码、名称），新增科目时优先检索",
                "Load the 科目 your budget platform exports (CSV or Excel, two columns: code, name), searched first when adding a line",
            ),
            UiCommand::NewYear => lang.pick(
                "写出下一年度的预算文件：结构和文字沿用，本年数作为上年数，金额留空；本文件不变",
                "Write next year's budget file: structure and texts carried over, this year's figures as last year's, amounts empty; this file is unchanged",
            ),
            UiCommand::About => lang.pick(
                "版本、许可证和字体许可声明",
                "Version, licence and the font's licence notice",
            ),
        }
    }

    /// Its keyboard shortcuts, the one shown in menus first.
    #[must_use]
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            UiCommand::New => const { &[keys(CMD, Key::N)] },
            UiCommand::Open => const { &[keys(CMD, Key::O)] },
            UiCommand::Save => const { &[keys(CMD, Key::S)] },
            UiCommand::SaveAs => const { &[keys(CMD_SHIFT, Key::S)] },
            UiCommand::Quit => const { &[keys(CMD, Key::Q)] },
            UiCommand::Undo => const { &[keys(CMD, Key::Z)] },
            UiCommand::Redo => const { &[keys(CMD_SHIFT, Key::Z), keys(CMD, Key::Y)] },
            UiCommand::Present => const { &[keys(Modifiers::NONE, Key::F5)] },
            UiCommand::Tab(Tab::Overview) => const { &[keys(CMD, Key::Num1)] },
            UiCommand::Tab(Tab::Tables) => const { &[keys(CMD, Key::Num2)] },
            UiCommand::Tab(Tab::Performance) => const { &[keys(CMD, Key::Num3)] },
            UiCommand::Tab(Tab::Assets) => const { &[keys(CMD, Key::Num4)] },
            UiCommand::Tab(Tab::Narrative) => const { &[keys(CMD, Key::Num5)] },
            // F1 is where PC users look for help first.
            UiCommand::Shortcuts => const { &[keys(Modifiers::NONE, Key::F1)] },
            UiCommand::ExportWorkbook => const { &[keys(CMD, Key::E)] },
            UiCommand::ImportWorkbook => const { &[keys(CMD, Key::I)] },
            UiCommand::Print => const { &[keys(CMD, Key::P)] },
            UiCommand::ExportChart
            | UiCommand::ExportAllCharts
            | UiCommand::AttachLastYear
            | UiCommand::LoadCatalogue
            | UiCommand::LoadTemplate
            | UiCommand::NewYear
            | UiCommand::ExportPdf
            | UiCommand::PdfCharts
            | UiCommand::WorkbookTablesOnly
            | UiCommand::ExportUnits
            | UiCommand::Theme(_)
            | UiCommand::Language(_)
            | UiCommand::About => &[],
        }
    }

    /// The first shortcut as this platform writes it ("Ctrl+S"), or "" when there is none.
    #[must_use]
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .first()
            .map(|s| ctx.format_shortcut(s))
            .unwrap_or_default()
    }

    /// Every shortcut as this platform writes it, joined ("Ctrl+Shift+Z / Ctrl+Y"), or "" when
    /// there is none: the Help → 快捷键 list.
    #[must_use]
    pub fn all_shortcuts_text(self, ctx: &egui::Context) -> String {
        self.shortcuts()
            .iter()
            .map(|s| ctx.format_shortcut(s))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// The tooltip followed by the shortcut, for buttons, which have no room to show it.
    #[must_use]
    pub fn hover_text(self, ctx: &egui::Context, lang: Lang) -> String {
        let shortcut = self.shortcut_text(ctx);
        if shortcut.is_empty() {
            self.tooltip(lang).to_owned()
        } else {
            format!("{} ({shortcut})", self.tooltip(lang))
        }
    }

    /// A toolbar button for the command.
    pub fn button(self, ui: &mut Ui, lang: Lang) -> Response {
        let hover = self.hover_text(ui.ctx(), lang);
        ui.button(self.button_text(lang)).on_hover_text(hover)
    }

    /// Every (command, shortcut) pair, those with more modifiers first. egui matches modifiers
    /// logically (Ctrl+S also fires on Ctrl+Shift+S), so the more specific shortcut has to be
    /// consumed before its prefix; sorting by modifier count gives that order without keeping it
    /// by hand.
    #[must_use]
    pub fn by_precedence() -> Vec<(UiCommand, KeyboardShortcut)> {
        let mut pairs: Vec<(UiCommand, KeyboardShortcut)> = Self::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*c, *s)))
            .collect();
        pairs.sort_by_key(|(_, s)| Reverse(modifier_count(s.modifiers)));
        pairs
    }

    /// Commands whose shortcut was pressed this frame (their key events are consumed).
    pub fn pressed(ctx: &egui::Context) -> Vec<UiCommand> {
        let mut fired = Vec::new();
        ctx.input_mut(|input| {
            for (command, shortcut) in Self::by_precedence() {
                if input.consume_shortcut(&shortcut) && !fired.contains(&command) {
                    fired.push(command);
                }
            }
        });
        fired
    }
}

/// How many modifier keys a shortcut needs (Ctrl and the platform's command key count once).
fn modifier_count(m: Modifiers) -> usize {
    [m.alt, m.shift, m.ctrl || m.command, m.mac_cmd]
        .into_iter()
        .filter(|held| *held)
        .count()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use egui::{Event, RawInput};

    use super::*;

    /// The commands fired by one key press with `modifiers` held, as a real keyboard sends it.
    fn fire(modifiers: Modifiers, key: Key) -> Vec<UiCommand> {
        let ctx = egui::Context::default();
        let input = RawInput {
            events: vec![Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers,
            }],
            ..RawInput::default()
        };
        let mut fired = Vec::new();
        let mut output = ctx.run_ui(input, |ui| fired = UiCommand::pressed(ui.ctx()));
        // No renderer takes the font texture here; say so, or egui complains when it is dropped.
        output.textures_delta.clear();
        fired
    }

    /// Ctrl as a PC keyboard reports it: both `ctrl` and the platform-neutral `command`.
    const CTRL: Modifiers = Modifiers::CTRL.plus(Modifiers::COMMAND);
    const CTRL_SHIFT: Modifiers = CTRL.plus(Modifiers::SHIFT);

    #[test]
    fn each_shortcut_gives_its_own_command_not_its_prefix() {
        let cases = [
            (CTRL_SHIFT, Key::S, UiCommand::SaveAs),
            (CTRL, Key::S, UiCommand::Save),
            (CTRL_SHIFT, Key::Z, UiCommand::Redo),
            (CTRL, Key::Z, UiCommand::Undo),
            (CTRL, Key::Y, UiCommand::Redo),
            (Modifiers::NONE, Key::F5, UiCommand::Present),
            (CTRL, Key::Num2, UiCommand::Tab(Tab::Tables)),
        ];
        for (modifiers, key, expected) in cases {
            assert_eq!(fire(modifiers, key), [expected], "{modifiers:?} {key:?}");
        }
        assert!(
            fire(Modifiers::NONE, Key::S).is_empty(),
            "S alone is typing"
        );
    }

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = HashSet::new();
        for (command, shortcut) in UiCommand::by_precedence() {
            assert!(seen.insert(shortcut), "{command:?} reuses {shortcut:?}");
        }
    }

    #[test]
    fn every_command_is_in_exactly_one_menu_and_has_texts() {
        let in_menus: Vec<UiCommand> = MENUS
            .iter()
            .flat_map(|(_, entries)| entries.iter())
            .filter_map(|e| match e {
                MenuEntry::Command(c) => Some(*c),
                _ => None,
            })
            .collect();
        for command in UiCommand::ALL {
            let n = in_menus.iter().filter(|c| **c == command).count();
            assert_eq!(n, 1, "{command:?} is in {n} menus");
            for lang in [Lang::Zh, Lang::En] {
                assert!(!command.label(lang).is_empty(), "{command:?}");
                assert!(!command.tooltip(lang).is_empty(), "{command:?}");
            }
        }
        assert_eq!(in_menus.len(), UiCommand::ALL.len());
    }
}
