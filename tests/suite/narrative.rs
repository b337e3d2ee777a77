//! The 情况说明 written from the figures: on the seed sample it states every figure of the seed's
//! own text, as printed and in the seed's order, with the officer's reasons kept; on the Putuo
//! sample its 编制说明 states the published figures.

#![allow(clippy::unwrap_used)]

use budget_studio::calc::derive;
use budget_studio::calc::narrative::{Link, OfficerField, Run, Value, narrative};
use budget_studio::checks::{self, Facts, Location};
use budget_studio::io::from_ron_str;
use budget_studio::model::sections::NarrativeText;
use budget_studio::model::{Budget, Figure, TableId};

fn sample(ron: &str) -> Budget {
    from_ron_str(ron, std::path::Path::new("sample.ron")).unwrap()
}

fn xinzhou() -> Budget {
    sample(include_str!(
        "../../sample_budgets/xinzhou-industry-2022.ron"
    ))
}

fn putuo() -> Budget {
    sample(include_str!(
        "../../sample_budgets/putuo-government-office-2025.ron"
    ))
}

/// Asserts that `text` holds each of `parts`, one after the other, and names the first missing.
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        match text[from..].find(part) {
            Some(at) => from += at + part.len(),
            None => panic!(
                "not found (in order) after byte {from}: {part}\n--- text ---\n{}",
                &text[from..]
            ),
        }
    }
}

#[test]
fn the_seed_text_is_written_from_the_figures_in_the_seeds_order() {
    let budget = xinzhou();
    let derived = derive(&budget);
    let text = narrative(&budget, &derived).to_text(true);
    assert_in_order(
        &text,
        &[
            "第三部分 2022 年度单位预算情况说明",
            // 一 收支变动, with the officer's two reasons as written.
            "一、单位预算收支数据变动情况及原因",
            "2022 年度预算收入总计 10441.41 万元，其中：本年收入 10441.41 万元，上年结转 0.00 万元，\
             比上年增加 8866.64 万元，增加 563.04%，\
             主要原因是 2022 年新增忻州市正通铁合金有限公司改革资金 9000 万元；",
            "本年单位预算支出总计 10441.41 万元，其中：本年预算安排 10441.41 万元，上年结转 0.00 万元，\
             比上年增加 8866.64 万元，增加 563.04%，\
             主要原因是忻州市正通铁合金有限公司改革资金预算增加 9000 万元。",
            // 二 收入.
            "二、收入预算情况说明",
            "2022 年度预算收入 10441.41 万元，主要包括一般公共预算拨款收入 10441.41 万元，占 100.00%；\
             政府性基金预算拨款收入 0.00 万元，占 0.00%；国有资本经营预算拨款收入 0.00 万元，占 0.00%；\
             财政专户管理资金收入 0.00 万元，占 0.00%；单位资金 0.00 万元，占 0.00%；\
             上年结转 0.00 万元，占 0.00%。",
            // 三 支出: 11.19% / 88.81%.
            "三、支出预算情况说明",
            "2022 年度支出预算 10441.41 万元，其中：基本支出 1168.84 万元，占 11.19%；\
             项目支出 9272.57 万元，占 88.81%。",
            // 四 财政拨款.
            "四、财政拨款收支预算总体情况说明",
            "2022 年度财政拨款收支总预算 10441.41 万元。收入为一般公共预算拨款 10441.41 万元",
            "支出包括：社会保障和就业支出 9292.71 万元、卫生健康支出 39.68 万元、农林水支出 8.25 万元、\
             资源勘探工业信息等支出 1014.42 万元、住房保障支出 86.35 万元。",
            // 五 一般公共预算: the change, then the five 类 shares.
            "五、一般公共预算支出情况说明",
            "（一）一般公共预算当年拨款规模变化情况",
            "2022 年度一般公共预算当年拨款 10441.41 万元，比上年增加 8866.64 万元，增加 563.04%。",
            "（二）一般公共预算当年拨款结构情况",
            "社会保障和就业支出 9292.71 万元，占比 88.99%；卫生健康支出 39.68 万元，占比 0.38%；\
             农林水支出 8.25 万元，占比 0.08%；资源勘探工业信息等支出 1014.42 万元，占比 9.72%；\
             住房保障支出 86.35 万元，占比 0.83%。",
            // 六 基本支出, the item lists in the officer's wording.
            "六、一般公共预算基本支出情况说明",
            "2022 年度一般公共预算基本支出 1168.84 万元，其中：人员经费 967.46 万元，主要包括：离休费、",
            "职工基本医疗保险缴费；公用经费 201.37 万元，主要包括：印刷费、",
            "劳务费等。",
            // 七 三公: 5 万元, 2 万元 less, each item.
            "七、“三公”经费增减变动原因说明",
            "“三公”经费预算共 5 万元，较 2021 年减少 2 万元。",
            "因公出国（境）费 0 万元，与上年相同；",
            "公务接待费 2 万元，较上年增加 1 万元；",
            "公务用车运行维护费 3 万元，较上年减少 3 万元；",
            "公务用车购置费 0 万元，与上年相同。",
            "按照市公务用车制度改革领导小组安排调配我局车辆后，现保有车辆 1 辆。",
            // 八 机关运行经费.
            "八、机关运行经费增减变动原因说明",
            "2022 年忻州市工业和信息化局机关及 1 个所属事业单位机关运行经费财政拨款预算为 152.52 万元，\
             比 2021 年预算增加 0.95 万元。",
            // 九 政府采购.
            "九、政府采购情况",
            "政府采购预算总额 51.78 万元，其中：政府采购货物预算 29.78 万元、政府采购工程预算 1.00 万元、\
             政府采购服务预算 21.00 万元。",
            // 十 绩效.
            "十、绩效管理情况",
            "2022 年忻州市工业和信息化局实行绩效目标管理的项目 8 个，涉及一般公共预算当年拨款 9269.17 万元。",
            "2022 年忻州市工业和信息化服务中心实行绩效目标管理的项目 3 个，涉及一般公共预算当年拨款 12.40 万元。",
            // 十一 资产.
            "十一、国有资产占有使用情况",
            "共有车辆 1 辆，为一般公务用车。",
            "办公用房面积为 8145 平方米。其中忻州市工业和信息化局办公用房面积 7650 平方米，\
             忻州市工业和信息化服务中心 495 平方米。",
            // 十二 其他说明, the officer's.
            "十二、其他说明",
            "无其他说明。",
        ],
    );
}

#[test]
fn where_the_seed_text_disagrees_with_its_table_the_derived_figure_is_written() {
    let budget = xinzhou();
    let derived = derive(&budget);
    let text = narrative(&budget, &derived).to_text(true);
    // The seed prints 公用经费 201.38; its economic table gives 201.37.
    assert!(text.contains("公用经费 201.37 万元"));
    assert!(!text.contains("201.38"));
    // …and the finding on the printed figure explains the difference.
    let findings = checks::run(&budget, &derived);
    let running = findings
        .iter()
        .find(|f| {
            matches!(&f.facts, Facts::StatedFigure { figure, .. } if *figure == Figure::RunningCosts)
        })
        .unwrap();
    assert_eq!(
        running.message(true),
        "公用经费：印发数 201.38 万元（情况说明六），按明细计算为 201.37 万元，相差 0.01 万元"
    );
}

#[test]
fn the_seed_reasons_are_the_officers_text_and_figures_link_to_their_rows() {
    let budget = xinzhou();
    let derived = derive(&budget);
    let doc = narrative(&budget, &derived);
    let officer: Vec<(NarrativeText, &str)> = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| &p.runs)
        .filter_map(|r| match r {
            Run::Officer {
                field: OfficerField::Narrative(field),
                text,
            } => Some((*field, text.as_str())),
            _ => None,
        })
        .collect();
    let fields: Vec<NarrativeText> = officer.iter().map(|(f, _)| *f).collect();
    assert_eq!(
        fields,
        vec![
            NarrativeText::ChangeReason,
            NarrativeText::ExpenditureReason,
            NarrativeText::StaffItems,
            NarrativeText::RunningItems,
            NarrativeText::SangongReason,
            // The seed gives no reason for the 0.95 increase of 机关运行经费: asked for, empty.
            NarrativeText::OperatingReason,
            NarrativeText::Other,
        ]
    );
    assert_eq!(
        doc.missing_officer_texts(),
        vec![NarrativeText::OperatingReason]
    );
    // The 88.99% share of 类 208 links to its row of table 5.
    let share = doc
        .figures()
        .find(|f| matches!(&f.value, Value::Percent(p) if p.to_string() == "88.99"))
        .unwrap();
    assert_eq!(
        share.link,
        Some(Link::Table {
            table: TableId::GeneralPublic,
            code: Some("208".into())
        })
    );
    // English renders the same structure.
    let en = doc.to_text(false);
    assert!(en.contains("12. Other notes"), "{en}");
    assert!(en.contains("10441.41 10k yuan"), "{en}");
    assert!(en.contains("88.99%"), "{en}");
}

#[test]
fn a_missing_reason_is_a_hygiene_finding() {
    let budget = xinzhou();
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    let missing: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == checks::Rule::ReasonMissing)
        .collect();
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(missing[0].location, Location::Narrative);
    assert_eq!(
        missing[0].message(true),
        "情况说明写有“机关运行经费说明”的变动，但没有写明原因（主要原因是……）"
    );
    assert_eq!(
        missing[0].message(false),
        "the narrative states a change but the operating-costs explanation giving its reason is empty"
    );
}

#[test]
fn the_putuo_preparation_notes_state_the_published_figures() {
    let budget = putuo();
    let derived = derive(&budget);
    let text = narrative(&budget, &derived).to_text(true);
    assert_in_order(
        &text,
        &[
            "2025年部门预算编制说明",
            "2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，\
             比2024年预算减少2,389.52万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。",
            "支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。\
             财政拨款支出预算中，一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元；\
             政府性基金拨款支出预算0万元，比2024年预算持平；国有资本经营预算拨款支出预算0万元，比2024年预算持平。",
            "财政拨款收入支出减少的主要原因是项目调整。",
            "财政拨款支出主要内容如下：",
            "1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元",
            "2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,614万元",
            "3. “一般公共服务支出-政府办公厅（室）及相关机构事务-事业运行”科目380.73万元",
            "4. “一般公共服务支出-政府办公厅（室）及相关机构事务-其他政府办公厅（室）及相关机构事务支出”科目2,012万元",
            "5. “社会保障和就业支出-行政事业单位养老支出-行政单位离退休”科目155.42万元",
            "6. “社会保障和就业支出-行政事业单位养老支出-机关事业单位基本养老保险缴费支出”科目176.32万元",
            "7. “社会保障和就业支出-行政事业单位养老支出-机关事业单位职业年金缴费支出”科目88.16万元",
            "8. “社会保障和就业支出-行政事业单位养老支出-其他行政事业单位养老支出”科目1.48万元",
            "9. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元",
            "10. “卫生健康支出-行政事业单位医疗-事业单位医疗”科目31.42万元",
            "11. “住房保障支出-住房改革支出-住房公积金”科目174.14万元",
            "12. “住房保障支出-住房改革支出-购房补贴”科目186.77万元",
            "其他相关情况说明",
            "2025年“三公”经费预算数为867.50万元，与2024年预算持平。",
            "（一）因公出国（境）费839万元，与2024年预算持平。",
            "（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；\
             公务用车运行费0万元，与2024年预算持平。",
            "（三）公务接待费28.50万元，与2024年预算持平。",
            "2025年上海市普陀区人民政府办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。",
            "2025年本部门政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算34万元。",
            "2025年本部门面向中小企业预留政府采购项目预算金额34万元，其中，预留给小型和微型企业的政府采购项目预算为34万元。",
            "本部门1个预算单位开展了2025年项目预算绩效目标编报工作，编报绩效目标的项目11个，涉及项目预算资金6,626万元。",
            "截至2024年8月31日，上海市普陀区人民政府办公室共有车辆0辆，其中：部级领导干部用车0辆、",
            "其他用车0辆；单价100万元（含）以上设备（不含车辆）0台（套）。",
            "2025年部门预算安排购置车辆0辆，其中：部级领导干部用车0辆、",
        ],
    );
    // Nothing the text needs from the officer is missing.
    assert!(
        narrative(&budget, &derived)
            .missing_officer_texts()
            .is_empty()
    );
}

/// A last-year file without 机关运行经费 gives that figure no base: the text states this year's
/// amount and no change (it said “比2024年预算新增213.28万元”).
#[test]
fn a_section_last_years_file_lacks_is_not_new() {
    let dir = tempfile::tempdir().unwrap();
    let putuo = format!(
        "{}/sample_budgets/putuo-government-office-2025.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&putuo).unwrap();
    let start = text.find("    operating_costs: (").unwrap();
    let entries = start + text[start..].find("entries: [").unwrap();
    let end = entries + text[entries..].find("\n        ],").unwrap();
    let without = format!("{}entries: [{}", &text[..entries], &text[end..]);
    let last = dir.path().join("last.ron");
    std::fs::write(&last, without.replacen("year: 2025", "year: 2024", 1)).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_budget-studio"))
        .args(["narrative", &putuo, "--last-year", last.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(
        text.contains("财政拨款的机关运行经费预算为213.28万元。"),
        "{text}"
    );
    assert!(!text.contains("新增213.28"), "{text}");
}
