//! Code and amount hygiene of the 功能分类 and 经济分类 lines.

use std::collections::HashSet;

use super::{Finding, Location, Rule, Severity, amount_with_unit};
use crate::model::codes::{self, CodeError, class_name_zh};
use crate::model::{Budget, Money, MoneyUnit, TableId};

struct LineView<'a> {
    code: &'a str,
    name: &'a str,
    amounts: Vec<Money>,
    has_children: bool,
}

pub(super) fn check(budget: &Budget, out: &mut Vec<Finding>) {
    let function: Vec<LineView<'_>> = budget
        .function_lines
        .iter()
        .enumerate()
        .map(|(i, l)| LineView {
            code: &l.code,
            name: &l.name,
            amounts: l
                .amounts
                .values()
                .flat_map(|s| [s.basic, s.project])
                .collect(),
            has_children: budget.function_lines.get(i + 1).is_some_and(|next| {
                next.code.len() > l.code.len() && next.code.starts_with(l.code.as_str())
            }),
        })
        .collect();
    check_lines(&function, TableId::Expenditure, budget.unit, true, out);
    let economic: Vec<LineView<'_>> = budget
        .economic
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| LineView {
            code: &l.code,
            name: &l.name,
            amounts: vec![l.amount],
            has_children: budget.economic.lines.get(i + 1).is_some_and(|next| {
                next.code.len() > l.code.len() && next.code.starts_with(l.code.as_str())
            }),
        })
        .collect();
    check_lines(&economic, TableId::BasicByEconomic, budget.unit, false, out);
}

fn at(table: TableId, code: &str) -> Location {
    Location::Table {
        table,
        code: Some(code.to_owned()),
    }
}

fn check_lines(
    lines: &[LineView<'_>],
    table: TableId,
    unit: MoneyUnit,
    is_function: bool,
    out: &mut Vec<Finding>,
) {
    let known: HashSet<&str> = lines.iter().map(|l| l.code).collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(lines.len());
    let title = table.title_zh();
    for line in lines {
        let code = line.code;
        match codes::validate_form(code) {
            Err(e) => {
                let (zh, en) = match e {
                    CodeError::NotDigits => ("只能是数字", "must be digits only"),
                    _ => ("须为3、5或7位", "must have 3, 5 or 7 digits"),
                };
                out.push(Finding {
                    severity: Severity::Error,
                    rule: Rule::CodeFormat,
                    location: at(table, code),
                    difference: None,
                    message_zh: format!("{title}：编码“{code}”{zh}"),
                    message_en: format!("{}: code “{code}” {en}", table.title_en()),
                });
            }
            Ok(_) => {
                if let Some(parent) = codes::parent(code)
                    && !known.contains(parent)
                {
                    out.push(Finding {
                        severity: Severity::Error,
                        rule: Rule::CodeParent,
                        location: at(table, code),
                        difference: None,
                        message_zh: format!("{title}：[{code}] 的上级科目 [{parent}] 不在表中"),
                        message_en: format!(
                            "{}: the parent [{parent}] of [{code}] is not in the table",
                            table.title_en()
                        ),
                    });
                }
                if is_function && code.len() == 3 && class_name_zh(code).is_none() {
                    out.push(Finding {
                        severity: Severity::Warning,
                        rule: Rule::CodeUnknownClass,
                        location: at(table, code),
                        difference: None,
                        message_zh: format!("{title}：[{code}] 不是标准支出功能分类的类"),
                        message_en: format!(
                            "{}: [{code}] is not a standard expenditure class",
                            table.title_en()
                        ),
                    });
                }
            }
        }
        if !seen.insert(code) {
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::CodeDuplicate,
                location: at(table, code),
                difference: None,
                message_zh: format!("{title}：编码 [{code}] 重复"),
                message_en: format!("{}: code [{code}] appears twice", table.title_en()),
            });
        }
        if line.name.trim().is_empty() {
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::NameEmpty,
                location: at(table, code),
                difference: None,
                message_zh: format!("{title}：[{code}] 没有名称"),
                message_en: format!("{}: [{code}] has no name", table.title_en()),
            });
        }
        if line
            .amounts
            .iter()
            .any(|a| a.value().is_sign_negative() && !a.is_zero())
        {
            out.push(Finding {
                severity: Severity::Error,
                rule: Rule::AmountNegative,
                location: at(table, code),
                difference: None,
                message_zh: format!("{title}：[{code}] 有负数金额"),
                message_en: format!("{}: [{code}] has a negative amount", table.title_en()),
            });
        }
        if line
            .amounts
            .iter()
            .any(|a| a.value().normalize().scale() > unit.decimals())
        {
            out.push(Finding {
                severity: Severity::Warning,
                rule: Rule::AmountPrecision,
                location: at(table, code),
                difference: None,
                message_zh: format!(
                    "{title}：[{code}] 的金额超过两位小数（单位{}）",
                    unit.label_zh()
                ),
                message_en: format!(
                    "{}: [{code}] has more than two decimals (unit {})",
                    table.title_en(),
                    unit.label_en()
                ),
            });
        }
        let own: Money = line.amounts.iter().sum();
        if line.has_children && !own.is_zero() {
            out.push(Finding {
                severity: Severity::Warning,
                rule: Rule::NotItemised,
                location: at(table, code),
                difference: Some((own, unit)),
                message_zh: format!(
                    "{title}：[{code}] 有 {} 未细化到下级科目",
                    amount_with_unit(own, unit, true)
                ),
                message_en: format!(
                    "{}: {} of [{code}] is not itemised into its sub-lines",
                    table.title_en(),
                    amount_with_unit(own, unit, false)
                ),
            });
        }
    }
}
