//! The authoring story: an officer builds a whole published budget from 文件 → 新建 in the app, by
//! the labels a screen reader reads, without a text editor and without loading the sample. The
//! saved file's `summary` must give the published figures of the bundled sample, and the story
//! counts what it took: every click, every text typed in one go and every key pressed.
//!
//! With `AUTHOR_OUT=PATH` set, the saved file is also written to `PATH` (to look at it, or to
//! open it in the app).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a story test panics with what it missed

#[path = "suite/common.rs"]
mod common;

use std::fmt;
use std::path::{Path, PathBuf};

use budget_studio::app::BudgetApp;
use budget_studio::ui::dialogs::DialogOutcome;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// What the story did, as an officer would count it.
#[derive(Default, Debug)]
struct Actions {
    clicks: usize,
    typed: usize,
    keys: usize,
}

impl Actions {
    fn total(&self) -> usize {
        self.clicks + self.typed + self.keys
    }
}

impl fmt::Display for Actions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} actions: {} clicks, {} texts typed, {} keys",
            self.total(),
            self.clicks,
            self.typed,
            self.keys
        )
    }
}

/// The app in a window tall enough to show a table's every row, and the count of what was done.
struct Story {
    h: Harness<'static, BudgetApp>,
    done: Actions,
}

impl Story {
    fn new(outcomes: Vec<DialogOutcome>) -> Self {
        let mut h = common::harness_sized(common::sample_app(outcomes), Vec2::new(1600.0, 2400.0));
        h.run_steps(2);
        Story {
            h,
            done: Actions::default(),
        }
    }

    fn from_file(path: &Path, outcomes: Vec<DialogOutcome>) -> Self {
        use budget_studio::app::Startup;
        use budget_studio::ui::dialogs::ScriptedDialogs;
        let dialogs = ScriptedDialogs {
            outcomes: outcomes.into(),
        };
        let app = BudgetApp::new(Startup::load(Some(path)), Box::new(dialogs));
        let mut h = common::harness_sized(app, Vec2::new(1600.0, 2400.0));
        h.run_steps(2);
        Story {
            h,
            done: Actions::default(),
        }
    }

    /// Clicks the widget labelled exactly `label`.
    fn click(&mut self, label: &str) {
        self.h.get_by_label(label).click();
        self.h.run_steps(2);
        self.done.clicks += 1;
    }

    /// Clicks the one widget whose label contains `part`.
    fn click_on(&mut self, part: &str) {
        self.h.get_by_label_contains(part).click();
        self.h.run_steps(2);
        self.done.clicks += 1;
    }

    /// Clicks the `n`th (from 0) of the widgets labelled `label` (one per row of a list).
    fn click_nth(&mut self, label: &str, n: usize) {
        self.h.get_all_by_label(label).nth(n).unwrap().click();
        self.h.run_steps(2);
        self.done.clicks += 1;
    }

    fn key(&mut self, modifiers: Modifiers, key: Key) {
        self.h.key_press_modifiers(modifiers, key);
        self.h.run_steps(2);
        self.done.keys += 1;
    }

    /// Clicks into a text field and types `text` (what it held is replaced).
    fn field(&mut self, label: &str, text: &str) {
        common::type_into_field(&mut self.h, label, text);
        self.done.clicks += 1;
        self.done.typed += 1;
    }

    /// A text field typed and then left with Tab, which commits it.
    fn field_then_leave(&mut self, label: &str, text: &str) {
        self.field(label, text);
        self.key(Modifiers::NONE, Key::Tab);
    }

    /// Clicks an amount cell, types the figure, presses Enter.
    fn cell(&mut self, label: &str, text: &str) {
        common::enter_into_cell(&mut self.h, label, text);
        self.done.clicks += 1;
        self.done.typed += 1;
        self.done.keys += 1;
    }

    /// 新增科目's search: the code typed, the catalogue's entry clicked (its parents come along).
    fn pick_line(&mut self, code: &str) {
        self.field("检索科目", code);
        self.click_on(&format!("[{code}] "));
    }

    /// A line the catalogue does not know, typed by code and name.
    fn type_line(&mut self, code: &str, name: &str) {
        self.field("编码", code);
        self.field("名称", name);
        self.click("添加");
    }

    fn open_tab(&mut self, tab: &str) {
        self.click(tab);
    }

    /// Opens the table `title` (numbered as the list of tables shows it).
    fn open_table(&mut self, title: &str) {
        // The list's entry; the table open beside it may carry the same heading.
        self.click_nth(title, 0);
    }

    /// Saves with Ctrl+S (the scripted dialog answers with the path).
    fn save(&mut self) {
        self.key(Modifiers::COMMAND, Key::S);
        self.h.run_steps(3);
    }

    fn assert_clean_status(&self) {
        if let Some(status) = self.h.state().status() {
            assert!(!status.contains("输入无效"), "{status}");
        }
    }
}

/// `budget-studio summary FILE`, as printed.
fn summary(path: &Path) -> String {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let code = budget_studio::cli::summary(path, false, true, &mut out, &mut err).unwrap();
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
    String::from_utf8(out).unwrap()
}

/// The summary without its list of performance forms (the story writes one form of the eleven).
fn without_forms(summary: &str) -> Vec<&str> {
    let mut in_forms = false;
    summary
        .lines()
        .filter(|l| {
            if l.starts_with("绩效目标管理项目") {
                in_forms = true;
                return false;
            }
            if in_forms && l.starts_with("  ") {
                return false;
            }
            in_forms = false;
            true
        })
        .collect()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_budgets")
        .join(name)
}

fn keep_output(saved: &Path) {
    if let Some(out) = std::env::var_os("AUTHOR_OUT") {
        std::fs::copy(saved, &out).unwrap();
    }
}

/// 忻州市工业和信息化局 2022, from 新建 to the saved file.
#[test]
fn xinzhou_is_built_from_nothing_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("xinzhou.ron");
    let mut s = Story::new(vec![DialogOutcome::Chosen(saved.clone())]);

    // 文件 → 新建: the department, the year, the template (山西 is the first).
    s.key(Modifiers::COMMAND, Key::N);
    s.field("部门编码", "402");
    s.field("部门名称", "忻州市工业和信息化局");
    s.field("年度", "2022");
    s.click("创建");

    // 部门概况: the units first, so that forms and assets can name them.
    s.open_tab("情况说明");
    s.click("部门概况");
    s.field_then_leave(
        "职能引言",
        "忻州市工业和信息化局是主管全市工业和信息化工作的市政府工作部门，主要职责是：",
    );
    s.click("添加职责");
    s.field_then_leave(
        "职责 1",
        "贯彻执行国家、省在工业和信息化、国有资产监督管理、民营经济发展促进、大数据应用等领域的法律法规和方针政策。",
    );
    s.click("添加预算单位");
    s.field("单位编码 1", "402001");
    s.field_then_leave("单位名称 1", "忻州市工业和信息化局");
    s.click("添加预算单位");
    s.field("单位编码 2", "402002");
    s.field_then_leave("单位名称 2", "忻州市工业和信息化服务中心");
    s.click_nth("事业单位", 1);
    s.field_then_leave(
        "机构设置",
        "忻州市工信局部门预算单位共 2 个，局本级为行政单位，下属二级单位 1 个事业单位，忻州市工业和信息化服务中心。",
    );

    // 上年数: the base of the 增加/减少 sentences.
    s.click("上年数");
    s.cell("上年收入合计", "1574.77");
    s.cell("上年支出合计", "1574.77");
    s.cell("上年一般公共预算", "1574.77");

    // The 功能分类 lines, picked from the catalogue; amounts typed in the 预算支出总表.
    s.open_tab("报表");
    s.open_table("预算公开表3 预算支出总表");
    s.click("新增科目");
    for (code, basic, project) in [
        ("2080505", "90.71", ""),
        ("2080699", "", "9000"),
        ("2089999", "", "202"),
        ("2101101", "37.82", ""),
        ("2101102", "1.86", ""),
        ("2130599", "", "8.25"),
        ("2150501", "675.94", "0.72"),
        ("2150502", "", "40"),
        ("2150550", "29.88", ""),
        ("2150599", "", "5"),
        ("21508", "246.28", ""),
        ("221", "86.35", ""),
    ] {
        s.pick_line(code);
        if !basic.is_empty() {
            s.cell(&format!("[{code}] 基本支出"), basic);
        }
        if !project.is_empty() {
            s.cell(&format!("[{code}] 项目支出"), project);
        }
    }
    // [215] prints 16.60 of project money not itemised to a 款: typed on the 类 itself.
    s.click("215");
    s.click_on("未细化到下级科目的金额 [215]");
    s.cell("[215] 一般公共预算 项目支出", "16.60");
    s.assert_clean_status();

    // The economic lines of 基本支出.
    s.open_table("预算公开表6 一般公共预算安排基本支出分经济科目表");
    s.click("新增科目");
    for (code, amount) in [
        ("50101", "573.48"),
        ("50102", "124.26"),
        ("50103", "80.71"),
        ("50201", "146.09"),
        ("50202", "7"),
        ("50203", "17"),
        ("50205", "11"),
        ("50206", "2"),
        ("50208", "3"),
        ("50209", "1.50"),
        ("50299", "0.10"),
        ("50306", "12.17"),
        ("50501", "40.13"),
        ("50502", ""),
        ("509", "148.88"),
    ] {
        s.pick_line(code);
        if !amount.is_empty() {
            s.cell(&format!("[{code}] 金额"), amount);
        }
    }
    // Printed under 50502 with a code of its own that no catalogue has.
    s.type_line("5050299", "商品和服务支出");
    s.cell("[5050299] 金额", "1.51");
    s.assert_clean_status();

    // 三公, this year and last.
    s.open_table("预算公开表10 一般公共预算“三公”经费支出情况统计表");
    s.cell("公务接待费 本年", "2");
    s.cell("②公务用车运行维护费 本年", "3");
    s.cell("公务接待费 上年", "1");
    s.cell("②公务用车运行维护费 上年", "6");

    // 机关运行经费, this year and last.
    s.open_table("预算公开表11 机关运行经费预算财政拨款情况统计表");
    s.cell("全部门 金额", "152.52");
    s.cell("上年 金额", "151.57");

    // Assets: 政府采购, vehicles and office space.
    s.open_tab("资产");
    s.cell("政府采购 货物", "29.78");
    s.cell("政府采购 工程", "1");
    s.cell("政府采购 服务", "21");
    // One vehicle of the usual kind is what 添加车辆 adds.
    s.click("添加车辆");
    s.click("添加单位面积");
    s.click("添加单位面积");
    s.cell("办公用房面积 忻州市工业和信息化局", "7650");
    s.cell("办公用房面积 忻州市工业和信息化服务中心", "495");

    // One performance form.
    s.open_tab("绩效目标");
    s.click("新增项目");
    s.field_then_leave("项目名称", "工业项目建设领导小组办公室工作经费");
    s.cell("实施期资金 市县(区)财政资金", "300000");
    s.cell("年度资金 市县(区)财政资金", "300000");
    s.click("添加指标 · 年度目标");
    s.field_then_leave("年度目标 三级指标 1", "调度的工业重点项目数量");
    s.field_then_leave("年度目标 指标值 1", ">500 个");
    s.assert_clean_status();

    s.save();
    assert!(saved.exists(), "Ctrl+S wrote the file");
    assert!(!s.h.state().document().is_modified());
    keep_output(&saved);

    let built = summary(&saved);
    let published = summary(&sample("xinzhou-industry-2022.ron"));
    assert_eq!(without_forms(&built), without_forms(&published));
    assert!(built.contains("车辆: 1 / 办公用房: 8145 m²"), "{built}");
    assert!(
        built.contains("402001 忻州市工业和信息化局: 1 个，30.00 万元（300,000 元）"),
        "{built}"
    );
    eprintln!("Xinzhou from 新建: {}", s.done);
}

/// The summary without its title and without the lines about last year (a rolled-forward budget
/// compares with the year it came from, the published one with the year before).
fn this_years_figures(summary: &str) -> Vec<&str> {
    summary
        .lines()
        .skip(1)
        .filter(|l| !l.contains("上年"))
        .collect()
}

/// 上海市普陀区人民政府办公室: next year's budget started from the 2025 sample with 以此为基础新建下一年度,
/// then written in the app (amounts in 元, codes in three columns, a 参公 unit, the 项目经费情况说明).
#[test]
fn putuo_is_built_from_last_years_file_in_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("putuo-2026.ron");
    let mut s = Story::from_file(
        &sample("putuo-government-office-2025.ron"),
        vec![DialogOutcome::Chosen(next.clone())],
    );

    s.click("文件");
    s.click_on("以此为基础新建下一年度");
    assert_eq!(s.h.state().document().path(), Some(next.as_path()));
    assert_eq!(s.h.state().document().budget().profile.year, 2026);
    assert!(s.h.state().document().derived().summary.total.is_zero());

    // 部门概况: a unit managed as civil service (参公) joins; the carried texts stay.
    s.open_tab("情况说明");
    s.click("部门概况");
    s.click("添加预算单位");
    s.field_then_leave("单位名称 3", "示例参公事业单位");
    s.click_nth("参公事业单位", 2);

    // 表3: the 功能分类 amounts, in 元, on the lines carried over.
    s.open_tab("报表");
    s.open_table("3. 2026年部门支出预算总表");
    for (code, basic, project) in [
        ("2010301", "11919501.84", "110000"),
        ("2010302", "", "46140000"),
        ("2010350", "3767295.58", "40000"),
        ("2010399", "", "20120000"),
        ("2080501", "1554220", ""),
        ("2080505", "1763159.52", ""),
        ("2080506", "881579.76", ""),
        ("2080599", "14820", ""),
        ("2101101", "782855.28", ""),
        ("2101102", "314218.15", ""),
        ("2210201", "1741445.22", ""),
        ("2210203", "1867680", ""),
    ] {
        if !basic.is_empty() {
            s.cell(&format!("[{code}] 基本支出"), basic);
        }
        if !project.is_empty() {
            s.cell(&format!("[{code}] 项目支出"), project);
        }
    }
    s.assert_clean_status();

    // 表8: 基本支出 by economic class.
    s.open_table("8. 2026年部门一般公共预算基本支出部门预算经济分类预算表");
    for (code, amount) in [
        ("30101", "2540192"),
        ("30102", "9572367"),
        ("30107", "2335998"),
        ("30108", "1763159.52"),
        ("30109", "881579.76"),
        ("30110", "1097073.43"),
        ("30112", "45013.88"),
        ("30113", "1741445.22"),
        ("30199", "1193509"),
        ("30201", "259400"),
        ("30202", "20000"),
        ("30204", "2000"),
        ("30207", "30000"),
        ("30211", "50000"),
        ("30215", "10000"),
        ("30216", "30000"),
        ("30217", "185000"),
        ("30226", "30000"),
        ("30228", "248117.54"),
        ("30229", "483840"),
        ("30239", "379600"),
        ("30299", "204820"),
        ("30301", "114940"),
        ("30302", "1188720"),
        ("31002", "200000"),
    ] {
        s.cell(&format!("[{code}] 合计"), amount);
    }
    s.assert_clean_status();

    // 表9: 三公 and 机关运行经费, in 万元.
    s.open_table("9. 2026年部门“三公”经费和机关运行经费预算表");
    s.cell("预算数 因公出国(境)费", "839");
    s.cell("预算数 公务接待费", "28.50");
    s.cell("预算数 机关运行经费预算数", "213.28");

    // 政府采购 and its reserved shares.
    s.open_tab("资产");
    s.cell("政府采购 服务", "34");
    s.cell("政府采购 面向中小企业预留", "34");
    s.cell("政府采购 其中：小微企业", "34");

    // The 项目经费情况说明 carried over: its period is next year's now.
    s.open_tab("绩效目标");
    s.field_then_leave("实施周期", "2026全年度。");
    s.assert_clean_status();

    s.key(Modifiers::COMMAND, Key::S);
    assert!(!s.h.state().document().is_modified());
    keep_output(&next);

    let built = summary(&next);
    let published = summary(&sample("putuo-government-office-2025.ron"));
    assert_eq!(this_years_figures(&built), this_years_figures(&published));
    assert!(
        built.starts_with("上海市普陀区人民政府办公室 2026"),
        "{built}"
    );
    // Last year is the file it came from, figure for figure.
    assert!(
        built.contains("收入合计: 91,016,775.35\n  上年 91,016,775.35，持平"),
        "{built}"
    );
    let b = budget_studio::io::load_file(&next).unwrap().budget;
    assert_eq!(
        b.descriptions[0].period, "2026全年度。",
        "the description's text was edited"
    );
    assert!(
        b.profile
            .units
            .iter()
            .any(|u| u.kind == budget_studio::model::UnitKind::CivilServiceManaged)
    );
    eprintln!("Putuo from last year's file: {}", s.done);
}
