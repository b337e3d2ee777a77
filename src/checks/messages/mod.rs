//! The text of every finding, rendered from its [`Facts`]: one function per language, so a
//! message is worded in exactly one place and a new rule cannot forget a language.

mod en;
mod zh;

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
        zh::chinese(facts, template)
    } else {
        en::english(facts, template)
    }
}

/// An amount with its unit, as messages print it: `9.00 万元` / `9.00 (10k yuan)`.
pub(super) fn amount(value: Money, unit: MoneyUnit, zh: bool) -> String {
    format!("{} {}", value.format_grouped(2), unit.label(zh))
}

/// A project as messages name it; a form without a name still has to be found.
pub(super) fn project(name: &str, zh: bool) -> &str {
    match (name.is_empty(), zh) {
        (false, _) => name,
        (true, true) => "（未命名）",
        (true, false) => "(unnamed)",
    }
}

/// `（表3）` after a printed figure, or nothing when the document's place is not recorded.
pub(super) fn source_zh(source: &str) -> String {
    if source.is_empty() {
        String::new()
    } else {
        format!("（{source}）")
    }
}

pub(super) fn span_zh(span: Span) -> &'static str {
    match span {
        Span::Period => "实施期",
        Span::Year => "年度",
    }
}

pub(super) fn span_en(span: Span) -> &'static str {
    match span {
        Span::Period => "period",
        Span::Year => "year",
    }
}

pub(super) fn place_zh(place: &TextPlace) -> String {
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
            NarrativeText::SangongAbroadReason => "因公出国（境）费说明",
            NarrativeText::SangongVehiclesReason => "公务用车购置及运行费说明",
            NarrativeText::SangongPurchaseReason => "公务用车购置费说明",
            NarrativeText::SangongRunningReason => "公务用车运行费说明",
            NarrativeText::SangongReceptionReason => "公务接待费说明",
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

pub(super) fn place_en(place: &TextPlace) -> String {
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
            NarrativeText::SangongAbroadReason => "the reason for travel abroad",
            NarrativeText::SangongVehiclesReason => "the reason for official vehicles",
            NarrativeText::SangongPurchaseReason => "the reason for vehicle purchase",
            NarrativeText::SangongRunningReason => "the reason for vehicle running",
            NarrativeText::SangongReceptionReason => "the reason for receptions",
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

pub(super) fn section_zh(section: Section) -> &'static str {
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

pub(super) fn section_en(section: Section) -> &'static str {
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
pub(super) fn scheme_prefix(scheme: EconScheme) -> &'static str {
    match scheme {
        EconScheme::Government => "501–599",
        EconScheme::Department => "301–399",
    }
}
