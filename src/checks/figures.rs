//! Figure rules: printed figures against derived ones, the economic table against basic
//! expenditure, 三公 against economic lines, vehicles against vehicle costs, office areas.

use super::{Finding, Location, Rule, Severity, amount_with_unit, severity_of};
use crate::calc::{Derived, figure_label};
use crate::model::economic::sangong_lines;
use crate::model::{Budget, Figure, IncomeSource, Money, TableId};

pub(super) fn check(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    stated(budget, derived, out);
    economic(budget, derived, out);
    sangong(budget, derived, out);
    assets(budget, out);
}

fn figure_location(figure: &Figure) -> Location {
    match figure {
        Figure::IncomeTotal | Figure::ExpenditureTotal | Figure::Income(_) => Location::Table {
            table: TableId::IncomeExpenditure,
            code: None,
        },
        Figure::Function { code, .. } => Location::Table {
            table: TableId::Expenditure,
            code: Some(code.clone()),
        },
        Figure::Economic(code) => Location::Table {
            table: TableId::BasicByEconomic,
            code: code.clone(),
        },
        Figure::StaffCosts | Figure::RunningCosts => Location::Table {
            table: TableId::BasicByEconomic,
            code: None,
        },
        Figure::ProjectFunds(_) => Location::Narrative,
    }
}

fn stated(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let unit = budget.unit;
    for stated in &budget.stated {
        let label_zh = figure_label(&stated.figure, true);
        let label_en = figure_label(&stated.figure, false);
        let source_zh = if stated.source.is_empty() {
            String::new()
        } else {
            format!("（{}）", stated.source)
        };
        let Some(value) = derived.figure(&stated.figure) else {
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::StatedFigure,
                location: figure_location(&stated.figure),
                difference: None,
                message_zh: format!("印发的 {label_zh}{source_zh} 对应的行不存在"),
                message_en: format!("the printed {label_en} names a row that does not exist"),
            });
            continue;
        };
        let difference = stated.value - value;
        // The app derives the figure from the detail; a print that disagrees is the published
        // document's own mistake, shown as a warning (DOMAIN: "a figure that the published
        // document itself gets wrong is a warning").
        if !difference.is_zero() {
            out.push(Finding {
                severity: Severity::Warning,
                rule: Rule::StatedFigure,
                location: figure_location(&stated.figure),
                difference: Some((difference, unit)),
                message_zh: format!(
                    "{label_zh}：印发数 {}{source_zh}，按明细计算为 {}，相差 {}",
                    amount_with_unit(stated.value, unit, true),
                    amount_with_unit(value, unit, true),
                    amount_with_unit(difference, unit, true)
                ),
                message_en: format!(
                    "{label_en}: printed {}, the detail adds up to {}, difference {}",
                    amount_with_unit(stated.value, unit, false),
                    amount_with_unit(value, unit, false),
                    amount_with_unit(difference, unit, false)
                ),
            });
        }
    }
}

fn economic(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    let unit = budget.unit;
    let econ = &derived.economic;
    let basic = derived.function.grand_of(IncomeSource::GeneralPublic).basic;
    if budget.economic.lines.is_empty() && basic.is_zero() {
        return;
    }
    let difference = econ.total - basic;
    if let Some(severity) = severity_of(difference, unit) {
        out.push(Finding {
            severity,
            rule: Rule::EconomicVsBasic,
            location: Location::Table {
                table: TableId::BasicByEconomic,
                code: None,
            },
            difference: Some((difference, unit)),
            message_zh: format!(
                "经济科目合计 {} 与一般公共预算基本支出 {} 相差 {}",
                amount_with_unit(econ.total, unit, true),
                amount_with_unit(basic, unit, true),
                amount_with_unit(difference, unit, true)
            ),
            message_en: format!(
                "economic classes total {} differs from general-public basic expenditure {} by {}",
                amount_with_unit(econ.total, unit, false),
                amount_with_unit(basic, unit, false),
                amount_with_unit(difference, unit, false)
            ),
        });
    }
    for (index, amount) in &econ.unclassified {
        let Some(line) = budget.economic.lines.get(*index) else {
            continue;
        };
        out.push(Finding {
            severity: Severity::Warning,
            rule: Rule::EconomicUnclassified,
            location: Location::Table {
                table: TableId::BasicByEconomic,
                code: Some(line.code.clone()),
            },
            difference: Some((*amount, unit)),
            message_zh: format!(
                "经济科目 [{}] 的 {} 无法归入人员经费或公用经费，请指定",
                line.code,
                amount_with_unit(*amount, unit, true)
            ),
            message_en: format!(
                "{} on economic line [{}] is neither staff nor running costs; choose one",
                amount_with_unit(*amount, unit, false),
                line.code
            ),
        });
    }
}

fn sangong(budget: &Budget, derived: &Derived, out: &mut Vec<Finding>) {
    if budget.economic.lines.is_empty() {
        return;
    }
    let table_unit = budget.unit;
    let lines = sangong_lines(budget.economic.scheme);
    for (item, amount) in budget.sangong.this_year.items() {
        let code = lines[item.index()];
        let item_amount = budget.sangong.unit.convert(amount, table_unit);
        let econ_amount = derived.economic.amount(code);
        let difference = item_amount - econ_amount;
        let broken = if budget.sangong.all_basic {
            !difference.is_zero()
        } else {
            difference < Money::ZERO
        };
        if !broken {
            continue;
        }
        let severity = severity_of(difference, table_unit).unwrap_or(Severity::Error);
        let relation_zh = if budget.sangong.all_basic {
            "应等于"
        } else {
            "不应小于"
        };
        let relation_en = if budget.sangong.all_basic {
            "should equal"
        } else {
            "should be at least"
        };
        out.push(Finding {
            severity,
            rule: Rule::SangongVsEconomic,
            location: Location::Table {
                table: TableId::Sangong,
                code: None,
            },
            difference: Some((difference, table_unit)),
            message_zh: format!(
                "三公经费“{}” {} {}经济科目 [{code}] 的 {}，相差 {}",
                item.label_zh(),
                amount_with_unit(item_amount, table_unit, true),
                relation_zh,
                amount_with_unit(econ_amount, table_unit, true),
                amount_with_unit(difference, table_unit, true)
            ),
            message_en: format!(
                "\"three public\" {} {} {} economic line [{code}] {}, difference {}",
                item.label_en(),
                amount_with_unit(item_amount, table_unit, false),
                relation_en,
                amount_with_unit(econ_amount, table_unit, false),
                amount_with_unit(difference, table_unit, false)
            ),
        });
    }
}

fn assets(budget: &Budget, out: &mut Vec<Finding>) {
    let running = budget.sangong.this_year.vehicle_running;
    if budget.assets.vehicle_count() == 0 && !running.is_zero() {
        out.push(Finding {
            severity: Severity::Warning,
            rule: Rule::VehiclesVsCosts,
            location: Location::Assets,
            difference: None,
            message_zh: format!(
                "没有登记公务用车，却安排了公务用车运行维护费 {}",
                amount_with_unit(running, budget.sangong.unit, true)
            ),
            message_en: format!(
                "no vehicles are listed, yet vehicle running costs of {} are budgeted",
                amount_with_unit(running, budget.sangong.unit, false)
            ),
        });
    }
    if let Some(stated) = budget.assets.stated_total_area {
        let total = budget.assets.total_area();
        if stated != total {
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::OfficeAreaTotal,
                location: Location::Assets,
                difference: None,
                message_zh: format!(
                    "办公用房面积合计印发 {stated} 平方米，各单位相加为 {total} 平方米"
                ),
                message_en: format!(
                    "office area printed as {stated} m², the units add up to {total} m²"
                ),
            });
        }
    }
}
