//! Every UI string, in Chinese (the default) and English. Domain vocabulary (table titles, income
//! sources, indicator kinds) lives with the model types that name it.

use serde::{Deserialize, Serialize};

/// The UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// 简体中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// True for Chinese.
    #[must_use]
    pub fn zh(self) -> bool {
        self == Lang::Zh
    }

    /// Picks the string for this language.
    #[must_use]
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        if self.zh() { zh } else { en }
    }

    /// The language the app shows, for a widget that is not handed it (the app sets it each
    /// frame with [`Lang::set`]).
    #[must_use]
    pub fn of(ctx: &egui::Context) -> Lang {
        ctx.data(|d| d.get_temp::<Lang>(egui::Id::unique("budget-studio-lang")))
            .unwrap_or_default()
    }

    /// Makes `self` the language [`Lang::of`] gives.
    pub fn set(self, ctx: &egui::Context) {
        ctx.data_mut(|d| d.insert_temp(egui::Id::unique("budget-studio-lang"), self));
    }

    /// The colon after a label: full-width in Chinese, `": "` in English.
    #[must_use]
    pub fn colon(self) -> &'static str {
        self.pick("：", ": ")
    }
}

/// The side of a two-language message ("中文 / English", as the library's errors are written)
/// for `lang`; a message in one language is returned as it is.
#[must_use]
pub fn one_language(message: &str, lang: Lang) -> String {
    match message.split_once(" / ") {
        Some((zh, en)) if !zh.is_ascii() => if lang.zh() { zh } else { en }.to_owned(),
        _ => message.to_owned(),
    }
}

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A UI string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Tr { $($key),* }

        impl Tr {
            /// The string in `lang`.
            #[must_use]
            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Tr::$key, Lang::Zh) => $zh, (Tr::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    AppName => "预算编制工作室", "Budget Studio";
    MenuFile => "文件", "File";
    MenuEdit => "编辑", "Edit";
    MenuView => "视图", "View";
    MenuHelp => "帮助", "Help";
    New => "新建…", "New…";
    Open => "打开…", "Open…";
    OpenRecent => "最近打开", "Open Recent";
    NoRecent => "（无）", "(none)";
    Save => "保存", "Save";
    SaveAs => "另存为…", "Save As…";
    Quit => "退出", "Quit";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    Language => "语言", "Language";
    ThemeDark => "深色主题", "Dark theme";
    ThemeLight => "浅色主题", "Light theme";
    TabOverview => "概览", "Overview";
    TabTables => "报表", "Tables";
    TabPerformance => "绩效目标", "Performance targets";
    TabAssets => "资产", "Assets";
    TabNarrative => "情况说明", "Narrative";
    NarrativeHint => "按报表数字生成；点击数字定位到报表行，点击底色文字修改", "Written from the tables; click a figure to go to its row, a shaded text to edit it";
    NarrativeWriteReason => "请写明原因", "write the reason";
    NarrativeClickToEdit => "点击修改", "click to edit";
    NarrativeEdited => "修改情况说明", "Edit narrative";
    LastYearBase => "对比基数", "Base";
    CompareColumns => "显示上年对比列", "Show last year's columns";
    CompareColumnsHint => "上年预算数取自附加的上年预算文件，按科目编码对应；上年有、本年无的科目列在情况说明页的逐行比较中", "Last year's figures come from the attached budget file, matched by code; lines only last year had are listed line by line on the Narrative tab";
    CompareColumnsNeedBase => "附加上年预算后可显示上年对比列（文件 → 附加上年预算…）", "Attach last year's budget to show its columns (File → Attach last year's budget…)";
    CompareChart => "本年与上年预算对比（按类）", "This year against last year, by class";
    LastYearFromFile => "本文件所记上年数", "last-year figures in this file";
    LastYearDetach => "取消附加", "Detach";
    LastYearAttached => "已附加上年预算", "Attached last year's budget";
    LastYearUnreadable => "无法读取上年预算", "Cannot read last year's budget";
    LastYearChanges => "与上年预算逐行比较", "Line by line against last year";
    LastYearCodeChange => "可能的编码变更（按编码比较，未合并）：", "Possible code change (compared by code, not merged):";
    LastYearNoChanges => "各行与上年相同。", "Every line is as last year.";
    LastYearCode => "编码", "Code";
    LastYearName => "名称", "Name";
    LastYearLast => "上年", "Last year";
    LastYearThis => "本年", "This year";
    LastYearChange => "增减", "Change";
    LastYearPercent => "增减率", "%";
    LastYearStatus => "状态", "Status";
    Unit => "单位", "Unit";
    Year => "年度", "Year";
    Department => "部门", "Department";
    TotalExpenditure => "支出合计", "Total expenditure";
    Basic => "基本支出", "Basic";
    Project => "项目支出", "Project";
    Share => "占比", "Share";
    LastYear => "上年", "Last year";
    Change => "增减", "Change";
    ByClass => "按功能分类（类）", "By function class";
    KeyFigures => "主要数据", "Key figures";
    Checks => "审核", "Checks";
    NoFindings => "未发现问题。", "No findings.";
    ClickToJump => "点击定位到相关位置", "Click to go there";
    Code => "科目编码", "Code";
    Name => "科目名称", "Name";
    Total => "合计", "Total";
    Amount => "金额", "Amount";
    Note => "备注", "Note";
    ReadOnlyTable => "本表由其他表自动生成，只读。", "Derived from other tables; read-only.";
    EmptyTable => "本表无数据。", "This table has no data.";
    AddLine => "新增科目", "Add line";
    RemoveLine => "删除科目", "Remove line";
    NewCode => "编码", "Code";
    NewName => "名称", "Name";
    Add => "添加", "Add";
    Cancel => "取消", "Cancel";
    Ok => "确定", "OK";
    SelectedLine => "选中科目", "Selected line";
    Rename => "修改名称", "Rename";
    NarrativeText => "情况说明", "Explanations";
    ProfileSection => "部门概况", "Profile";
    BaseFigures => "上年数", "Last year's figures";
    ProfileHint => "概况中的文字随 PDF 与工作簿发布；离开输入框即保存为一步，可撤销。", "The profile is published with the PDF and the workbook; leaving a field saves it as one undoable step.";
    Identity => "部门信息", "Department";
    YearInvalid => "年度须为 1990–2200 之间的整数；未保存。", "The year must be a whole number from 1990 to 2200; not saved.";
    Responsibilities => "部门主要职能", "Main responsibilities";
    ResponsibilitiesLead => "职能引言", "Sentence before the duties";
    Duty => "职责", "Duty";
    AddDuty => "添加职责", "Add a duty";
    UnitCode => "单位编码", "Unit code";
    UnitName => "单位名称", "Unit name";
    UnitKindHeading => "单位性质", "Kind";
    AddUnit => "添加预算单位", "Add a budget unit";
    Organisation => "机构设置", "Organisation";
    ProfileNotes => "内部备注（不公开）", "Internal remarks (not published)";
    Glossary => "名词解释", "Glossary";
    Term => "名词", "Term";
    Definition => "解释", "Definition";
    AddTerm => "添加名词", "Add a term";
    EditProfile => "修改部门概况", "Edit the profile";
    MoveUp => "上移", "Move up";
    Remove => "删除", "Remove";
    BaseFiguresHint => "未附加上年预算文件时，情况说明中的增减以这里的上年数为基数。", "Without last year's file attached, the changes in the explanations are computed against these figures.";
    BaseFiguresNote => "上年数来源说明", "Where last year's figures come from";
    BaseFiguresElsewhere => "三公经费、机关运行经费、政府采购的上年数在资产页录入。", "Last year's 三公, operating costs and procurement are entered on the Assets tab.";
    ClearFigure => "清除", "Clear";
    ClearFigureHint => "不填上年数：情况说明不写与上年比较。", "No figure: the explanations make no comparison.";
    FileExistsTitle => "文件已存在", "The file exists";
    FileExistsBody => "已有同名文件。替换它吗？原文件将保留为 .bak 副本。", "A file of this name exists. Replace it? The old file is kept as a .bak copy.";
    Replace => "替换", "Replace";
    NewYearFailed => "无法新建下一年度", "Could not start next year's budget";
    NewYearSameFile => "下一年度的文件不能写在当前打开的文件上，请另选文件名。", "Next year's budget cannot replace the open file; choose another name.";
    NewYearWritten => "已写出下一年度预算", "Next year's budget written";
    RecordedBase => "本文件记录的上年预算（由上年文件结转）", "Last year's budget as this file records it (carried over)";
    CatalogueSearch => "检索科目", "Find a line";
    CatalogueSearchHint => "输入编码开头或名称中的字，点击结果即添加（缺少的类、款一并添加）", "Type the start of a code or part of a name; a click adds the line with any 类 and 款 it needs";
    CatalogueAllPresent => "匹配的科目都已在本预算中；其他科目可在下面直接填写编码和名称。", "Every matching line is in the budget already; type another code and name below.";
    CatalogueNothing => "科目目录中没有匹配的科目，可在下面直接填写编码和名称。", "Nothing in the catalogue matches; type the code and name below.";
    CatalogueMissingParent => "科目目录中没有上级科目，请先添加", "The catalogue lacks the parent line; add it first:";
    LineSources => "本科目分收入来源", "This line by income source";
    IncomeSourceHeading => "收入来源", "Income source";
    ParentLineHint => "本科目有下级科目，金额在下级科目中录入，本行为汇总。", "This line has sub-lines: amounts are entered on them and summed here.";
    ExportWithErrorsTitle => "预算还有错误", "The budget still has errors";
    ShowChecks => "查看审核结果", "Show the checks";
    ExportAnyway => "仍然导出", "Export anyway";
    LineNote => "备注", "Note";
    LinePurpose => "用途", "Purpose";
    LinePurposeHint => "这笔钱主要用于什么，印入编制说明中本科目的段落（主要用于……）", "What the money is mainly for, printed in this line's paragraph of the notes (mainly for …)";
    LineExecuted => "上年执行数", "Executed last year";
    LineExecutedHint => "上年当年预算执行数（本表单位），编制说明中本科目的段落与之比较增减；空白为未知", "Last year's execution of this line (in the table's unit), which its paragraph of the notes compares with; blank when not known";
    LineReason => "变动原因", "Reason for the change";
    LineReasonHint => "本科目比上年执行数增减的主要原因，印在段落末（主要原因是：……）", "Why this line changed against last year's execution, printed at the end of its paragraph (the main reason is …)";
    LineNoteHint => "本行的说明（如印发口径），显示为名称旁的 ⓘ，不印入公开表", "A remark on this line (such as how it was printed), shown as ⓘ beside its name; not printed in the tables";
    NotItemisedSources => "未细化到下级科目的金额", "Amounts not itemised to sub-lines";
    NotItemisedHint => "本科目有下级科目，以上金额为未细化到下级科目的部分。", "This line has sub-lines; the amounts above are the part not itemised further.";
    MultiSourceHint => "本行有多个收入来源，请在对应的财政拨款表中编辑。", "This line has several income sources; edit it in the matching appropriation table.";
    EditHint => "点击末级科目的金额即可修改；回车确认，Esc 取消。", "Click a leaf amount to edit; Enter confirms, Esc cancels.";
    Refused => "输入无效，已保留原值", "Invalid input, old value kept";
    UnsavedTitle => "有未保存的修改", "Unsaved changes";
    UnsavedBody => "当前预算有未保存的修改。是否先保存？", "The budget has unsaved changes. Save them first?";
    SaveChanges => "保存", "Save";
    Discard => "不保存", "Discard";
    OpenFailed => "无法打开文件", "Cannot open the file";
    SaveFailed => "无法保存文件", "Cannot save the file";
    CurrentKept => "当前文档保持不变。", "The current document is unchanged.";
    Saved => "已保存", "Saved";
    Opened => "已打开", "Opened";
    Undone => "已撤销", "Undone";
    Redone => "已重做", "Redone";
    NothingToUndo => "没有可撤销的操作", "Nothing to undo";
    NothingToRedo => "没有可重做的操作", "Nothing to redo";
    NewBudgetTitle => "新建预算", "New budget";
    DepartmentCode => "部门编码", "Department code";
    DepartmentName => "部门名称", "Department name";
    Create => "创建", "Create";
    Untitled => "未命名", "Untitled";
    Modified => "已修改", "modified";
    FileBrowserOpen => "打开预算文件", "Open a budget file";
    FileBrowserSave => "保存预算文件", "Save the budget file";
    AttachLastYearTitle => "选择上年预算文件（作为对比基数）", "Choose last year's budget file (the comparison base)";
    Folder => "文件夹", "Folder";
    FileName => "文件名", "File name";
    Up => "上一级", "Up";
    NoDialog => "系统文件对话框不可用，改用内置文件浏览器。", "No system file dialog available; using the built-in browser.";
    Projects => "项目", "Projects";
    ImplementingUnit => "实施单位", "Implementing unit";
    YearFunds => "年度资金", "Year funds";
    PeriodFunds => "实施期资金", "Period funds";
    LinkedLine => "关联科目", "Linked line";
    Indicators => "绩效指标", "Indicators";
    PeriodGoal => "实施期目标", "Goal for the period";
    YearGoal => "年度目标", "Goal for the year";
    Level1 => "一级指标", "Level 1";
    Level2 => "二级指标", "Level 2";
    Level3 => "三级指标", "Level 3";
    Target => "指标值", "Target";
    ParsedAs => "解析为", "Understood as";
    Vehicles => "车辆", "Vehicles";
    OfficeArea => "办公用房面积", "Office area";
    SquareMetres => "平方米", "m²";
    Procurement => "政府采购", "Government procurement";
    Goods => "货物", "Goods";
    Works => "工程", "Works";
    Services => "服务", "Services";
    Sangong => "三公经费", "\"Three public\" costs";
    OperatingCosts => "机关运行经费", "Agency operating costs";
    Count => "数量", "Count";
    Kind => "类型", "Kind";
    AllUnits => "全部门", "Whole department";
    StaffCosts => "人员经费", "Staff costs";
    RunningCosts => "公用经费", "Running costs";
    IncomeBySource => "收入来源", "Income by source";
    Item => "项目", "Item";
    ThisYear => "本年", "This year";
    Income => "收入", "Income";
    Expenditure => "支出", "Expenditure";
    Subtotal => "小计", "Subtotal";
    Sample => "示例", "sample";
    Units => "预算单位", "Budget units";
    Template => "公开模板", "Template";
    NotStated => "未说明", "not stated";
    Forms => "绩效目标申报表", "Performance-target forms";
    Descriptions => "项目经费情况说明", "Project descriptions";
    Statement => "绩效目标设置情况", "Performance-target statement";
    Unnamed => "（未命名）", "(unnamed)";
    CopySuffix => "（副本）", " (copy)";
    AddDescription => "新增说明", "Add description";
    DuplicateItem => "复制", "Duplicate";
    DeleteItem => "删除", "Delete";
    AddDescriptionStep => "新增项目经费情况说明", "Add project description";
    DuplicateDescriptionStep => "复制项目经费情况说明", "Duplicate project description";
    DeleteDescriptionStep => "删除项目经费情况说明", "Delete project description";
    EditDescriptionStep => "修改项目经费情况说明", "Edit project description ";
    NoDescriptions => "尚无项目经费情况说明。", "No project descriptions yet.";
    ProjectName => "项目名称", "Project name";
    ProjectAmount => "项目金额", "Project amount";
    AmountNotPrinted => "点击填写；留空表示未印发金额", "Click to enter; blank: no amount printed";
    QuarterlyPlan => "分季度安排", "Quarterly plan";
    Quarter1 => "第一季度", "Q1";
    Quarter2 => "第二季度", "Q2";
    Quarter3 => "第三季度", "Q3";
    Quarter4 => "第四季度", "Q4";
    QuartersTotal => "各季度合计", "Quarters total";
    StatementUnits => "编报绩效目标的预算单位（个）", "Budget units reporting targets";
    StatementProjects => "编报绩效目标的项目（个）", "Projects with targets";
    StatementFunds => "涉及项目预算资金", "Their project funds";
    AddStatement => "填写绩效目标设置情况", "Add the statement";
    RemoveStatement => "删除本说明", "Remove the statement";
    NoStatement => "尚未填写绩效目标设置情况。", "No statement yet.";
    EditStatementStep => "修改绩效目标设置情况", "Edit performance-target statement";
    EmptyTableNote => "空表说明", "Note under the empty table";
    EmptyTableNoteHint => "印发在空表下方；清空即恢复模板的默认说明。", "Printed under the table; clear it to go back to the template's wording.";
    TemplateWording => "恢复默认说明", "Use the template's wording";
    EditNoteStep => "修改空表说明", "Edit empty-table note";
}

/// The 绩效目标设置情况 sentence as it will read, in `lang`.
#[must_use]
pub fn statement_sentence(
    units: u32,
    projects: u32,
    funds: &str,
    unit: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Zh => format!(
            "{units} 个预算单位编报绩效目标，编报绩效目标的项目 {projects} 个，涉及项目预算资金 {funds} {unit}。"
        ),
        Lang::En => {
            let (units_noun, verb) = if units == 1 {
                ("budget unit", "reports")
            } else {
                ("budget units", "report")
            };
            let projects_noun = if projects == 1 { "project" } else { "projects" };
            format!(
                "{units} {units_noun} {verb} performance targets for {projects} {projects_noun}, with project funds of {funds} {unit}."
            )
        }
    }
}

/// A label with its unit: "项目金额（万元）" / "Project amount (10k yuan)".
#[must_use]
pub fn with_unit(label: &str, unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{label}（{unit}）"),
        Lang::En => format!("{label} ({unit})"),
    }
}

/// "3 个错误" / "1 error" / "2 errors": a count of findings in `lang`, singular where English wants it.
#[must_use]
pub fn error_count(n: usize, lang: Lang) -> String {
    counted(n, lang, "错误", "error", "errors")
}

/// The same for warnings.
#[must_use]
pub fn warning_count(n: usize, lang: Lang) -> String {
    counted(n, lang, "警告", "warning", "warnings")
}

fn counted(n: usize, lang: Lang, zh: &str, one: &str, many: &str) -> String {
    match lang {
        Lang::Zh => format!("{n} 个{zh}"),
        Lang::En if n == 1 => format!("{n} {one}"),
        Lang::En => format!("{n} {many}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_english_plurals() {
        assert_eq!(error_count(0, Lang::En), "0 errors");
        assert_eq!(error_count(1, Lang::En), "1 error");
        assert_eq!(warning_count(1, Lang::En), "1 warning");
        assert_eq!(warning_count(2, Lang::En), "2 warnings");
        assert_eq!(error_count(1, Lang::Zh), "1 个错误");
    }

    #[test]
    fn the_statement_reads_in_both_languages() {
        assert_eq!(
            statement_sentence(1, 11, "6,626.00", "万元", Lang::Zh),
            "1 个预算单位编报绩效目标，编报绩效目标的项目 11 个，涉及项目预算资金 6,626.00 万元。"
        );
        assert_eq!(
            statement_sentence(1, 1, "5.00", "10k yuan", Lang::En),
            "1 budget unit reports performance targets for 1 project, with project funds of 5.00 10k yuan."
        );
        assert!(
            statement_sentence(2, 3, "5.00", "10k yuan", Lang::En)
                .starts_with("2 budget units report")
        );
        assert_eq!(with_unit("Amount", "yuan", Lang::En), "Amount (yuan)");
        assert_eq!(with_unit("金额", "元", Lang::Zh), "金额（元）");
    }
}
