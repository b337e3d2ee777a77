//! Every finding's message in Chinese.

use super::super::facts::Facts;
use super::*;
use rust_decimal::Decimal;

pub(super) fn chinese(facts: &Facts, template: &Template) -> String {
    let a = |value: Money, unit: MoneyUnit| amount(value, unit, true);
    match facts {
        Facts::CodeFormat { table, code, error } => {
            let reason = match error {
                CodeError::NotDigits => "只能是数字",
                _ => "须为3、5或7位",
            };
            format!("{}：编码“{code}”{reason}", template.title(*table, true))
        }
        Facts::CodeParent {
            table,
            code,
            parent,
        } => format!(
            "{}：[{code}] 的上级科目 [{parent}] 不在表中",
            template.title(*table, true)
        ),
        Facts::CodeUnknownClass { table, code } => {
            format!(
                "{}：[{code}] 不是标准支出功能分类的类",
                template.title(*table, true)
            )
        }
        Facts::CodeNameDiffers {
            table,
            code,
            name,
            catalogue,
        } => format!(
            "{}：[{code}] 名称为“{name}”，科目目录为“{catalogue}”；请选中该科目后在“修改名称”中更正",
            template.title(*table, true)
        ),
        Facts::CodeDuplicate { table, code } => {
            format!("{}：编码 [{code}] 重复", template.title(*table, true))
        }
        Facts::NameEmpty { table, code } => {
            format!("{}：[{code}] 没有名称", template.title(*table, true))
        }
        Facts::AmountNegative { table, code } => {
            format!("{}：[{code}] 有负数金额", template.title(*table, true))
        }
        Facts::AmountPrecision { table, code, unit } => format!(
            "{}：[{code}] 的金额超过两位小数（单位{}）",
            template.title(*table, true),
            unit.label_zh()
        ),
        Facts::NotItemised {
            table,
            code,
            amount,
            unit,
        } => format!(
            "{}：[{code}] 有 {} 未细化到下级科目",
            template.title(*table, true),
            a(*amount, *unit)
        ),
        Facts::StatedRowMissing { figure, source } => format!(
            "印发的 {}{} 对应的行不存在",
            figure_label(figure, true),
            source_zh(source)
        ),
        Facts::StatedFigure {
            figure,
            source,
            printed,
            derived,
            difference,
            unit,
        } => format!(
            "{}：印发数 {}{}，按明细计算为 {}，相差 {}",
            figure_label(figure, true),
            a(*printed, *unit),
            source_zh(source),
            a(*derived, *unit),
            a(*difference, *unit)
        ),
        Facts::EconomicVsBasic {
            economic,
            basic,
            difference,
            unit,
        } => format!(
            "经济科目合计 {} 与一般公共预算基本支出 {} 相差 {}",
            a(*economic, *unit),
            a(*basic, *unit),
            a(*difference, *unit)
        ),
        Facts::EconomicUnclassified { code, amount, unit } => format!(
            "经济科目 [{code}] 的 {} 无法归入人员经费或公用经费，请指定",
            a(*amount, *unit)
        ),
        Facts::SangongVsEconomic {
            item,
            amount,
            must_equal,
            code,
            economic,
            difference,
            unit,
        } => format!(
            "三公经费“{}” {} {}经济科目 [{code}] 的 {}，相差 {}",
            item.label_zh(),
            a(*amount, *unit),
            if *must_equal {
                "应等于"
            } else {
                "不应小于"
            },
            a(*economic, *unit),
            a(*difference, *unit)
        ),
        Facts::VehicleCostsWithoutVehicles { running, unit } => format!(
            "没有登记公务用车，却安排了公务用车运行维护费 {}",
            a(*running, *unit)
        ),
        Facts::OfficeAreaTotal { stated, total } => {
            format!("办公用房面积合计印发 {stated} 平方米，各单位相加为 {total} 平方米")
        }
        Facts::ProjectFundsSum {
            project: name,
            span,
            stated,
            sources,
            difference,
        } => format!(
            "“{}”{} {} 与各来源之和 {} 相差 {}",
            project(name, true),
            match span {
                Span::Period => "实施期资金总额",
                Span::Year => "年度资金总额",
            },
            a(*stated, MoneyUnit::Yuan),
            a(*sources, MoneyUnit::Yuan),
            a(*difference, MoneyUnit::Yuan)
        ),
        Facts::ProjectYearExceedsPeriod { project: name } => {
            format!("“{}”年度资金超过实施期资金总额", project(name, true))
        }
        Facts::ProjectUnitUnknown {
            project: name,
            unit_code,
        } => format!(
            "“{}”的实施单位“{unit_code}”不是本部门的预算单位",
            project(name, true)
        ),
        Facts::ProjectFieldEmpty {
            project: name,
            field,
        } => format!("“{}”未填写{}", project(name, true), field.label_zh()),
        Facts::ProjectIndicatorGroups {
            project: name,
            span,
            missing,
        } => {
            let list: Vec<&str> = missing.iter().map(|g| g.label_zh()).collect();
            format!(
                "“{}”{}绩效指标缺少：{}",
                project(name, true),
                span_zh(*span),
                list.join("、")
            )
        }
        Facts::DescriptionQuarters {
            project: name,
            quarters,
            amount: printed,
            unit,
        } => format!(
            "“{}”的分季度安排合计 {}，与项目预算 {} 不符",
            project(name, true),
            a(*quarters, *unit),
            a(*printed, *unit)
        ),
        Facts::PerformanceStatement {
            funds,
            expenditure,
            difference,
            unit,
        } => {
            if difference.value().is_sign_negative() {
                format!(
                    "编报绩效目标的项目资金 {} 少于项目支出 {}，有 {} 未编报绩效目标",
                    a(*funds, *unit),
                    a(*expenditure, *unit),
                    a(difference.abs(), *unit)
                )
            } else {
                format!(
                    "编报绩效目标的项目资金 {} 超过项目支出 {}，相差 {}",
                    a(*funds, *unit),
                    a(*expenditure, *unit),
                    a(*difference, *unit)
                )
            }
        }
        Facts::UnitWithoutBudget { unit_name } => format!(
            "部门的数字由各单位汇总，但“{unit_name}”没有本单位的预算（未标为不单列预算），其收支不在任何表中"
        ),
        Facts::UnitCodeTwice { code, names } => {
            format!("单位代码 {code} 用了两次以上：{}", names.join("、"))
        }
        Facts::OperatingScope { unit_name } => {
            format!("机关运行经费只含行政单位和参公事业单位，“{unit_name}”是事业单位")
        }
        Facts::ProjectsVsProjectExpenditure {
            funds,
            per_unit,
            expenditure,
            difference,
            unit,
        } => {
            let units: Vec<String> = per_unit
                .iter()
                .map(|(name, value)| format!("{name} {}", a(*value, *unit)))
                .collect();
            format!(
                "绩效目标表年度资金合计 {}（{}）与预算项目支出 {} 相差 {}",
                a(*funds, *unit),
                units.join("，"),
                a(*expenditure, *unit),
                a(*difference, *unit)
            )
        }
        Facts::ProjectLinkMissing {
            project: name,
            code,
        } => format!("“{}”关联的功能科目 [{code}] 不存在", project(name, true)),
        Facts::ProjectVsLine {
            code,
            funds,
            line,
            difference,
            unit,
        } => format!(
            "关联 [{code}] 的绩效项目年度资金 {} 与该科目项目支出 {} 相差 {}",
            a(*funds, *unit),
            a(*line, *unit),
            a(*difference, *unit)
        ),
        Facts::Placeholder { place, mark } => {
            format!("{}中留有占位文字“{mark}”", place_zh(place))
        }
        Facts::YearInText {
            place,
            year,
            budget_year,
        } => format!("{}提到{year}年，预算年度是{budget_year}年", place_zh(place)),
        Facts::SectionMissing(section) => format!("缺少{}", section_zh(*section)),
        Facts::ReasonMissing(text) => format!(
            "情况说明写有“{}”的变动，但没有写明原因（主要原因是……）",
            place_zh(&TextPlace::Narrative(*text))
        ),
        Facts::LineReasonMissing { code } => {
            format!("[{code}] 的段落写有比上年执行数的增减，但本科目没有写明原因（主要原因是……）")
        }
        Facts::StatedPercent {
            figure,
            source,
            printed,
            derived,
            from_rounded,
        } => match derived {
            Some(d) => format!(
                "{}：印发为{}{}，按数字计算为{}{}",
                figure_label(figure, true),
                signed_percent_zh(*printed),
                source_zh(source),
                signed_percent_zh(*d),
                if *from_rounded {
                    "（印发数系用取整后的万元数相除所得）"
                } else {
                    ""
                }
            ),
            None => format!(
                "{}：印发为{}{}，但上年执行数未填或为零，无法计算百分比",
                figure_label(figure, true),
                signed_percent_zh(*printed),
                source_zh(source)
            ),
        },
        Facts::EconomicScheme { code, scheme } => format!(
            "{}：[{code}] 不属于本表采用的{}（{}），两套经济分类不能混用",
            template.title(TableId::BasicByEconomic, true),
            scheme.label_zh(),
            scheme_prefix(*scheme)
        ),
        Facts::DepartmentCodeEmpty => "概况：主管部门代码为空，本模板须印出".to_owned(),
        Facts::UnitCodeEmpty { name } => format!("概况：预算单位“{name}”没有单位代码"),
        Facts::IncomeOutsideColumns {
            code,
            source,
            amount,
            unit,
        } => format!(
            "[{code}] 有{}收入 {}，但本文件的表格没有这一收入列，该金额不会被印出",
            source.label_zh(),
            a(*amount, *unit)
        ),
        Facts::TotalOutOfRange {
            table,
            amount,
            unit,
        } => format!(
            "{}：合计 {} 达到金额上限（10^15 元），无法准确计算",
            template.title(*table, true),
            a(*amount, *unit)
        ),
    }
}

/// `增加46.19%`, `减少57.14%`, `持平`.
fn signed_percent_zh(p: Decimal) -> String {
    if p.is_zero() {
        "持平".to_owned()
    } else if p.is_sign_negative() {
        format!("减少{:.2}%", p.abs())
    } else {
        format!("增加{p:.2}%")
    }
}
