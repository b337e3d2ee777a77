//! The text of every finding, rendered from its [`Facts`]: one function per language, so a
//! message is worded in exactly one place and a new rule cannot forget a language.

use super::facts::{Facts, NarrativeText, Section, Span, TextPlace};
use crate::calc::figure_label;
use crate::model::codes::CodeError;
use crate::model::economic::EconScheme;
use crate::model::{Money, MoneyUnit, TableId, Template};

/// The message for `facts` in Chinese (`zh`) or English; tables are named as `template` titles
/// them.
#[must_use]
pub fn render(facts: &Facts, template: &Template, zh: bool) -> String {
    if zh {
        chinese(facts, template)
    } else {
        english(facts, template)
    }
}

/// An amount with its unit, as messages print it: `9.00 万元` / `9.00 (10k yuan)`.
fn amount(value: Money, unit: MoneyUnit, zh: bool) -> String {
    format!("{} {}", value.format_grouped(2), unit.label(zh))
}

/// A project as messages name it; a form without a name still has to be found.
fn project(name: &str, zh: bool) -> &str {
    match (name.is_empty(), zh) {
        (false, _) => name,
        (true, true) => "（未命名）",
        (true, false) => "(unnamed)",
    }
}

/// `（表3）` after a printed figure, or nothing when the document's place is not recorded.
fn source_zh(source: &str) -> String {
    if source.is_empty() {
        String::new()
    } else {
        format!("（{source}）")
    }
}

fn chinese(facts: &Facts, template: &Template) -> String {
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

fn english(facts: &Facts, template: &Template) -> String {
    let a = |value: Money, unit: MoneyUnit| amount(value, unit, false);
    match facts {
        Facts::CodeFormat { table, code, error } => {
            let reason = match error {
                CodeError::NotDigits => "must be digits only",
                _ => "must have 3, 5 or 7 digits",
            };
            format!("{}: code “{code}” {reason}", template.title(*table, false))
        }
        Facts::CodeParent {
            table,
            code,
            parent,
        } => format!(
            "{}: the parent [{parent}] of [{code}] is not in the table",
            template.title(*table, false)
        ),
        Facts::CodeUnknownClass { table, code } => format!(
            "{}: [{code}] is not a standard expenditure class",
            template.title(*table, false)
        ),
        Facts::CodeNameDiffers {
            table,
            code,
            name,
            catalogue,
        } => format!(
            "{}: [{code}] is named “{name}”, the catalogue says “{catalogue}”; select the line and correct it under Rename",
            template.title(*table, false)
        ),
        Facts::CodeDuplicate { table, code } => {
            format!(
                "{}: code [{code}] appears twice",
                template.title(*table, false)
            )
        }
        Facts::NameEmpty { table, code } => {
            format!("{}: [{code}] has no name", template.title(*table, false))
        }
        Facts::AmountNegative { table, code } => {
            format!(
                "{}: [{code}] has a negative amount",
                template.title(*table, false)
            )
        }
        Facts::AmountPrecision { table, code, unit } => format!(
            "{}: [{code}] has more than two decimals (unit {})",
            template.title(*table, false),
            unit.label_en()
        ),
        Facts::NotItemised {
            table,
            code,
            amount,
            unit,
        } => format!(
            "{}: {} of [{code}] is not itemised into its sub-lines",
            template.title(*table, false),
            a(*amount, *unit)
        ),
        Facts::StatedRowMissing { figure, .. } => format!(
            "the printed {} names a row that does not exist",
            figure_label(figure, false)
        ),
        Facts::StatedFigure {
            figure,
            printed,
            derived,
            difference,
            unit,
            ..
        } => format!(
            "{}: printed {}, the detail adds up to {}, difference {}",
            figure_label(figure, false),
            a(*printed, *unit),
            a(*derived, *unit),
            a(*difference, *unit)
        ),
        Facts::EconomicVsBasic {
            economic,
            basic,
            difference,
            unit,
        } => format!(
            "economic classes total {} differs from general-public basic expenditure {} by {}",
            a(*economic, *unit),
            a(*basic, *unit),
            a(*difference, *unit)
        ),
        Facts::EconomicUnclassified { code, amount, unit } => format!(
            "{} on economic line [{code}] is neither staff nor running costs; choose one",
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
            "\"three public\" {} {} {} economic line [{code}] {}, difference {}",
            item.label_en(),
            a(*amount, *unit),
            if *must_equal {
                "should equal"
            } else {
                "should be at least"
            },
            a(*economic, *unit),
            a(*difference, *unit)
        ),
        Facts::VehicleCostsWithoutVehicles { running, unit } => format!(
            "no vehicles are listed, yet vehicle running costs of {} are budgeted",
            a(*running, *unit)
        ),
        Facts::OfficeAreaTotal { stated, total } => {
            format!("office area printed as {stated} m², the units add up to {total} m²")
        }
        Facts::ProjectFundsSum {
            project: name,
            span,
            stated,
            sources,
            difference,
        } => format!(
            "“{}” {} funds {} differ from the sum of sources {} by {}",
            project(name, false),
            span_en(*span),
            a(*stated, MoneyUnit::Yuan),
            a(*sources, MoneyUnit::Yuan),
            a(*difference, MoneyUnit::Yuan)
        ),
        Facts::ProjectYearExceedsPeriod { project: name } => format!(
            "“{}”: the year's funds exceed the whole period's",
            project(name, false)
        ),
        Facts::ProjectUnitUnknown {
            project: name,
            unit_code,
        } => format!(
            "“{}”: implementing unit “{unit_code}” is not a budget unit of the department",
            project(name, false)
        ),
        Facts::ProjectFieldEmpty {
            project: name,
            field,
        } => format!(
            "“{}”: the field “{}” is empty",
            project(name, false),
            field.label_en()
        ),
        Facts::ProjectIndicatorGroups {
            project: name,
            span,
            missing,
        } => {
            let list: Vec<&str> = missing.iter().map(|g| g.label_en()).collect();
            format!(
                "“{}”: {} indicators lack {}",
                project(name, false),
                span_en(*span),
                list.join(", ")
            )
        }
        Facts::DescriptionQuarters {
            project: name,
            quarters,
            amount: printed,
            unit,
        } => format!(
            "the quarterly plan of “{}” adds up to {}, not its budget {}",
            project(name, false),
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
                    "projects with performance targets hold {} of the project expenditure {}; {} has no targets",
                    a(*funds, *unit),
                    a(*expenditure, *unit),
                    a(difference.abs(), *unit)
                )
            } else {
                format!(
                    "projects with performance targets hold {}, more than the project expenditure {} by {}",
                    a(*funds, *unit),
                    a(*expenditure, *unit),
                    a(*difference, *unit)
                )
            }
        }
        Facts::OperatingScope { unit_name } => format!(
            "agency operating costs cover administrative and civil-service-managed units only; “{unit_name}” is a public institution"
        ),
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
                "performance forms' year funds total {} ({}) differ from the budget's project expenditure {} by {}",
                a(*funds, *unit),
                units.join(", "),
                a(*expenditure, *unit),
                a(*difference, *unit)
            )
        }
        Facts::ProjectLinkMissing {
            project: name,
            code,
        } => format!(
            "“{}” is linked to [{code}], which does not exist",
            project(name, false)
        ),
        Facts::ProjectVsLine {
            code,
            funds,
            line,
            difference,
            unit,
        } => format!(
            "year funds of projects linked to [{code}] {} differ from its project expenditure {} by {}",
            a(*funds, *unit),
            a(*line, *unit),
            a(*difference, *unit)
        ),
        Facts::Placeholder { place, mark } => {
            format!("the placeholder “{mark}” is still in {}", place_en(place))
        }
        Facts::YearInText {
            place,
            year,
            budget_year,
        } => format!(
            "{year} is mentioned in {}; the budget year is {budget_year}",
            place_en(place)
        ),
        Facts::SectionMissing(section) => format!("{} is missing", section_en(*section)),
        Facts::ReasonMissing(text) => format!(
            "the narrative states a change but {} giving its reason is empty",
            place_en(&TextPlace::Narrative(*text))
        ),
        Facts::EconomicScheme { code, scheme } => format!(
            "{}: [{code}] is not in the table's code set, the {} ({}); the two sets cannot be mixed",
            template.title(TableId::BasicByEconomic, false),
            scheme.label_en(),
            scheme_prefix(*scheme)
        ),
        Facts::DepartmentCodeEmpty => {
            "profile: the department code is empty, and this template prints it".to_owned()
        }
        Facts::UnitCodeEmpty { name } => format!("profile: budget unit \"{name}\" has no code"),
        Facts::IncomeOutsideColumns {
            code,
            source,
            amount,
            unit,
        } => format!(
            "[{code}] has {} from {}, a source the document's tables have no column for: it would not be printed",
            a(*amount, *unit),
            source.label_en()
        ),
        Facts::TotalOutOfRange {
            table,
            amount,
            unit,
        } => format!(
            "{}: the total {} reaches the limit of amounts (10^15 yuan) and cannot be computed exactly",
            template.title(*table, false),
            a(*amount, *unit)
        ),
    }
}

fn span_zh(span: Span) -> &'static str {
    match span {
        Span::Period => "实施期",
        Span::Year => "年度",
    }
}

fn span_en(span: Span) -> &'static str {
    match span {
        Span::Period => "period",
        Span::Year => "year",
    }
}

fn place_zh(place: &TextPlace) -> String {
    match place {
        TextPlace::DepartmentName => "部门名称".into(),
        TextPlace::Responsibility(n) => format!("职责第{n}条"),
        TextPlace::ResponsibilitiesLead => "职能引言".into(),
        TextPlace::Organisation => "机构设置".into(),
        TextPlace::ProfileNotes => "概况说明".into(),
        TextPlace::Glossary(term) => format!("名词解释“{term}”"),
        TextPlace::UnitName(code) => format!("预算单位 {code}"),
        TextPlace::Narrative(text) => match text {
            NarrativeText::ChangeReason => "变动原因",
            NarrativeText::ExpenditureReason => "支出变动原因",
            NarrativeText::StaffItems => "人员经费主要项目",
            NarrativeText::RunningItems => "公用经费主要项目",
            NarrativeText::SangongReason => "三公说明",
            NarrativeText::OperatingReason => "机关运行经费说明",
            NarrativeText::Other => "其他说明",
        }
        .into(),
        TextPlace::LineName(code) => format!("[{code}] 名称"),
        TextPlace::Project {
            project: name,
            field,
        } => format!("“{}”{}", project(name, true), field.label_zh()),
        TextPlace::Indicator {
            project: name,
            target,
        } => format!(
            "“{}”{}",
            project(name, true),
            if *target { "指标值" } else { "指标" }
        ),
        TextPlace::AssetNotes => "资产说明".into(),
    }
}

fn place_en(place: &TextPlace) -> String {
    match place {
        TextPlace::DepartmentName => "the department name".into(),
        TextPlace::Responsibility(n) => format!("responsibility {n}"),
        TextPlace::ResponsibilitiesLead => "the sentence before the duties".into(),
        TextPlace::Organisation => "the internal organisation".into(),
        TextPlace::ProfileNotes => "the profile notes".into(),
        TextPlace::Glossary(term) => format!("the glossary entry “{term}”"),
        TextPlace::UnitName(code) => format!("the name of budget unit {code}"),
        TextPlace::Narrative(text) => match text {
            NarrativeText::ChangeReason => "the reason for the changes",
            NarrativeText::ExpenditureReason => "the reason for the change in expenditure",
            NarrativeText::StaffItems => "the items of staff costs",
            NarrativeText::RunningItems => "the items of running costs",
            NarrativeText::SangongReason => "the \"three public\" explanation",
            NarrativeText::OperatingReason => "the operating-costs explanation",
            NarrativeText::Other => "the other notes",
        }
        .into(),
        TextPlace::LineName(code) => format!("the name of [{code}]"),
        TextPlace::Project {
            project: name,
            field,
        } => format!(
            "the field “{}” of “{}”",
            field.label_en(),
            project(name, false)
        ),
        TextPlace::Indicator {
            project: name,
            target,
        } => format!(
            "{} of “{}”",
            if *target {
                "an indicator target"
            } else {
                "an indicator name"
            },
            project(name, false)
        ),
        TextPlace::AssetNotes => "the assets notes".into(),
    }
}

fn section_zh(section: Section) -> &'static str {
    match section {
        Section::Units => "预算单位构成",
        Section::Responsibilities => "本单位职责",
        Section::Organisation => "机构设置情况",
        Section::FunctionLines => "支出功能分类明细",
        Section::EconomicTable => "基本支出分经济科目表",
        Section::PerformanceForms => "项目支出绩效目标表",
        Section::PerformanceStatement => "绩效目标设置情况",
        Section::OperatingCosts => "机关运行经费",
        Section::Assets => "国有资产占有使用情况",
    }
}

fn section_en(section: Section) -> &'static str {
    match section {
        Section::Units => "the list of budget units",
        Section::Responsibilities => "the responsibilities",
        Section::Organisation => "the internal organisation",
        Section::FunctionLines => "expenditure detail",
        Section::EconomicTable => "the basic expenditure by economic class",
        Section::PerformanceForms => "the performance-target forms",
        Section::PerformanceStatement => "the performance-target statement",
        Section::OperatingCosts => "agency operating costs",
        Section::Assets => "the state assets section",
    }
}

/// The class codes of a scheme, as messages name it.
fn scheme_prefix(scheme: EconScheme) -> &'static str {
    match scheme {
        EconScheme::Government => "501–599",
        EconScheme::Department => "301–399",
    }
}
