//! Unit tests of the narrative's wording and spacing on small budgets.

use super::*;
use crate::calc::derive;
use crate::model::money::m;

fn change_text(this: &str, last: &str, style: Style) -> String {
    let mut p = Para::new();
    p.t("收入", "income ");
    p.money(m(this), MoneyUnit::WanYuan, None);
    p.t("，", ", ");
    let words = ChangeWords {
        than_zh: "比上年".into(),
        same_zh: "与上年持平".into(),
        than_en: "on last year".into(),
        percent: true,
    };
    p.change(
        Change::new(m(this), m(last)),
        MoneyUnit::WanYuan,
        &words,
        None,
        false,
    );
    p.t("。", ".");
    let doc = NarrativeDoc {
        title: Words::fixed("", ""),
        sections: vec![Section {
            topic: super::Topic::Totals,
            number: None,
            heading: Words::fixed("", ""),
            paragraphs: vec![p.done()],
        }],
        style,
        numbering: crate::model::template::Numbering::ChineseComma,
    };
    doc.paragraph_to_text(&doc.sections[0].paragraphs[0], true)
}

const SPACED: Style = Style {
    spaced: true,
    grouped: false,
};

#[test]
fn changes_are_worded_by_direction() {
    assert_eq!(
        change_text("10441.41", "1574.77", SPACED),
        "收入 10441.41 万元，比上年增加 8866.64 万元，增加 563.04%。"
    );
    assert_eq!(
        change_text("1000", "1250", SPACED),
        "收入 1000.00 万元，比上年减少 250.00 万元，减少 20.00%。"
    );
    assert_eq!(
        change_text("5", "5", SPACED),
        "收入 5.00 万元，与上年持平。"
    );
    assert_eq!(
        change_text("5", "0", SPACED),
        "收入 5.00 万元，比上年新增 5.00 万元。"
    );
}

#[test]
fn shanghai_style_groups_and_does_not_space() {
    let style = Style {
        spaced: false,
        grouped: true,
    };
    assert_eq!(
        change_text("9101.68", "11491.20", style),
        "收入9,101.68万元，比上年减少2,389.52万元，减少20.79%。"
    );
}

#[test]
fn an_empty_budget_still_has_every_part_and_no_missing_reason() {
    let budget = Budget::new("999", "测试部门", 2022);
    let derived = derive(&budget);
    let doc = narrative(&budget, &derived);
    assert_eq!(doc.sections.len(), 12);
    assert!(doc.to_text(true).contains("十二、其他说明\n无其他说明。"));
    assert!(doc.missing_officer_texts().is_empty());
    assert!(doc.to_text(false).contains("12. Other notes"));
}

#[test]
fn a_change_without_reason_asks_for_one() {
    let mut budget = Budget::new("999", "测试部门", 2022);
    budget
        .operating_costs
        .entries
        .push(crate::model::UnitAmount {
            unit_code: String::new(),
            amount: m("10"),
            note: String::new(),
        });
    budget.operating_costs.last_year = Some(m("8"));
    let derived = derive(&budget);
    let doc = narrative(&budget, &derived);
    assert_eq!(
        doc.missing_officer_texts(),
        vec![NarrativeText::OperatingReason]
    );
    budget.narrative.operating_reason = "主要原因是人员增加。".into();
    let derived = derive(&budget);
    let doc = narrative(&budget, &derived);
    assert!(doc.missing_officer_texts().is_empty());
    assert!(
        doc.to_text(true)
            .contains("增加 2.00 万元。主要原因是人员增加。")
    );
}

#[test]
fn english_counts_agree_in_number() {
    let count = |n: u64, en: &'static str, zh: bool| {
        let words: &'static (&'static str, &'static str) = Box::leak(Box::new(("辆", en)));
        let run = FigureRun {
            value: Value::Count(n, words),
            link: None,
            trim_whole: false,
        };
        figure_text(&run, SPACED, zh)
    };
    assert_eq!(count(1, "vehicles", false), "1 vehicle");
    assert_eq!(count(2, "vehicles", false), "2 vehicles");
    assert_eq!(count(1, "agencies", false), "1 agency");
    assert_eq!(count(1, "budget units", false), "1 budget unit");
    assert_eq!(count(1, "vehicles", true), "1 辆");
}

/// Every paragraph a template may reword is written with the figures, in the order, that the
/// template format's list of paragraphs gives; and every listed paragraph is written by one of
/// the samples, as they are, without other notes and against a base that changes every figure.
#[test]
fn worded_paragraphs_use_the_listed_figures_in_order() {
    use crate::model::template::wording::{PARAGRAPHS, spec};
    let read =
        |text| crate::io::ron_file::parse_current(text, std::path::Path::new("s.ron")).unwrap();
    let xinzhou = read(crate::sample::SAMPLE_RON);
    let mut no_other = xinzhou.clone();
    no_other.narrative.other.clear();
    let putuo = read(include_str!(
        "../../../sample_budgets/putuo-government-office-2025.ron"
    ));
    // A unit without 机关运行经费 (operating_none).
    let welfare = read(include_str!(
        "../../../sample_budgets/putuo-welfare-home-2024.ron"
    ));
    let mut seen = Vec::new();
    for budget in [xinzhou, no_other, putuo, welfare] {
        let derived = derive(&budget);
        let mut changed = derived.summary.clone();
        changed.income_change = Some(Change::new(m("1"), m("2")));
        for summary in [&derived.summary, &changed] {
            let c = common::Ctx::new(&budget, &derived, summary);
            let kind = budget.template().narrative.outline;
            match kind {
                NarrativeOutline::TwelveSections => drop(twelve_sections::outline(&c)),
                NarrativeOutline::ExplanationAndOtherNotes => {
                    drop(explanation_notes::outline(&c));
                }
            }
            let seen_here = c.seen.borrow();
            for (id, names, (zh, en)) in seen_here.iter() {
                // Every writing of a paragraph has the same words (what lets a template's
                // wording be found the outline's own once).
                for (other, _, words) in seen_here.iter() {
                    assert!(other != id || *words == (zh.clone(), en.clone()), "{id}");
                }
                if std::env::var_os("DUMP_WORDING").is_some() && !seen.contains(&(kind, *id)) {
                    println!("WORDING {kind:?} (paragraph: {id:?}, zh: {zh:?}, en: {en:?}),");
                }
                let spec = spec(kind, id).unwrap_or_else(|| panic!("{id} is not listed"));
                assert_eq!(names.as_slice(), spec.figures, "{id}");
                seen.push((kind, *id));
            }
        }
    }
    for p in PARAGRAPHS {
        assert!(
            seen.contains(&(p.outline, p.id)),
            "no sample writes {}",
            p.id
        );
    }
}

/// The 机关运行经费 sentence counts a 参公 unit as 参公, never as a 机关 or an 事业单位: 万里街道
/// 2024 (1 行政, 1 参公, 4 事业) prints 下属1家机关和1家参公事业单位; without 参公 units the
/// sentence counts the 事业单位 (普陀区政府办公室 2025: 下属1家机关和1家事业单位).
#[test]
fn civil_service_units_are_counted_as_such() {
    use crate::model::{BudgetUnit, UnitKind};
    let text = include_str!("../../../sample_budgets/putuo-government-office-2025.ron");
    let mut budget =
        crate::io::ron_file::parse_current(text, std::path::Path::new("p.ron")).unwrap();
    let sentence = |b: &crate::model::Budget| {
        let doc = narrative(b, &derive(b)).to_text(true);
        doc.lines()
            .find(|l| l.contains("机关运行经费预算为"))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(sentence(&budget).contains("下属1家机关和1家事业单位"));
    let unit = |code: &str, kind| BudgetUnit {
        code: code.into(),
        name: format!("单位{code}"),
        kind,
        merged: false,
        budget: None,
    };
    budget
        .profile
        .units
        .push(unit("1", UnitKind::CivilServiceManaged));
    for code in ["2", "3", "4"] {
        budget.profile.units.push(unit(code, UnitKind::Institution));
    }
    let s = sentence(&budget);
    assert!(s.contains("下属1家机关和1家参公事业单位财政拨款"), "{s}");
}

/// A 项's paragraph compares its 财政拨款 with last year's execution (not last year's budget),
/// the percent from the exact figures, and ends with the reason: 万里街道 2024's first 项
/// (2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%).
#[test]
fn a_line_is_compared_with_last_years_execution() {
    use crate::model::template::TemplateId;
    let text = include_str!("../../../sample_budgets/putuo-government-office-2025.ron");
    let mut budget =
        crate::io::ron_file::parse_current(text, std::path::Path::new("p.ron")).unwrap();
    budget.template = TemplateId::parse("ShanghaiDistrict2024").unwrap();
    let item = |b: &crate::model::Budget, n: &str| {
        let doc = narrative(b, &derive(b)).to_text(true);
        doc.lines()
            .find(|l| l.starts_with(n))
            .unwrap_or_default()
            .to_owned()
    };
    let first = "1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”";
    // No execution entered: the amount and what it is for, as before.
    assert_eq!(
        item(&budget, "1. "),
        format!("{first}1202.95万元，主要用于行政单位的基本支出。")
    );
    let i = budget.function_line_index("2010301").unwrap();
    let line = &mut budget.function_lines[i];
    line.purpose = "行政运行".into();
    line.executed_last_year = Some(m("14020000"));
    assert_eq!(
        item(&budget, "1. "),
        format!(
            "{first}1202.95万元，主要用于行政运行。2024年当年预算执行数为1402.00万元，\
             2025年预算安排1202.95万元，比2024年预算执行数减少14.20%。"
        )
    );
    // The change wants a reason: its run is there, empty, until written.
    let derived = derive(&budget);
    let doc = narrative(&budget, &derived);
    let reasons: Vec<_> = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(|p| &p.runs)
        .filter_map(|r| match r {
            Run::Officer {
                field: OfficerField::LineReason(code),
                text,
            } => Some((code.clone(), text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(reasons, [("2010301".to_owned(), String::new())]);
    budget.function_lines[i].reason = "人员调整".into();
    assert!(item(&budget, "1. ").ends_with("减少14.20%。主要原因是：人员调整。"));
    // Unchanged, and nothing executed last year.
    budget.function_lines[i].executed_last_year = Some(m("12029501.84"));
    assert!(item(&budget, "1. ").contains("比2024年预算执行数持平。"));
    budget.function_lines[i].executed_last_year = Some(m("0"));
    assert!(
        item(&budget, "1. ").contains("比2024年预算执行数增加1202.95万元。"),
        "{}",
        item(&budget, "1. ")
    );
}
