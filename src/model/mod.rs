//! The budget document: plain serde types, no egui and no derived figures. Everything a total can
//! be computed from is here; every total is computed by [`crate::calc`].

pub mod amounts;
pub mod assets;
pub mod catalogue;
pub mod codes;
pub mod disclosure;
pub mod economic;
pub mod income;
pub mod money;
pub mod performance;
pub mod sections;
pub mod strict;
pub mod tables;
pub mod template;

use serde::{Deserialize, Serialize};

pub use amounts::Amounts;
pub use assets::{Assets, OfficeArea, VehicleGroup};
pub use disclosure::{DescriptionText, PerformanceStatement, ProjectDescription};
pub use economic::{CostKind, EconLine, EconScheme, EconomicTable};
pub use income::IncomeSource;
pub use money::{Money, MoneyUnit};
pub use performance::{
    Funds, Indicator, IndicatorGroup, IndicatorKind, Project, ProjectKind, ProjectText,
};
pub use sections::{
    Column, Figure, LastLine, LastYear, Narrative, OperatingCosts, Procurement, Sangong,
    SangongFigures, StatedFigure, UnitAmount,
};
pub use tables::{AmountField, LastYearFigure, TableId, TableNote};
pub use template::{Template, TemplateId};

/// Adds `label(zh)` to the model's labelled enums, so views pick the language in one call.
macro_rules! bilingual {
    ($($t:ty),*) => {
        $(impl $t {
            /// The label in Chinese (`zh`) or English.
            #[must_use]
            pub fn label(self, zh: bool) -> &'static str {
                if zh { self.label_zh() } else { self.label_en() }
            }
        })*
    };
}

bilingual!(
    MoneyUnit,
    codes::Level,
    IncomeSource,
    ProjectKind,
    performance::FundSource,
    ProjectText,
    IndicatorGroup,
    IndicatorKind,
    UnitKind,
    EconScheme,
    sections::SangongItem,
    Column
);

/// The file format version this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// A department's budget disclosure for one year: inputs only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// Version of the file format; see `docs/format.md`.
    pub format_version: u32,
    /// The official template the disclosure is published in (files before format 2 are Shanxi's).
    #[serde(default)]
    pub template: TemplateId,
    /// The version of the template the budget was made with, where known: a template loaded in
    /// another version is said when the budget is opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template_version: Option<u32>,
    /// Who publishes, for which year, and the descriptive parts.
    pub profile: Profile,
    /// The unit the standard tables (1–9) are published in.
    pub unit: MoneyUnit,
    /// Which income-source columns this document's tables show, in order.
    pub income_columns: Vec<IncomeSource>,
    /// Expenditure by 功能分类 line, sorted by code. Money sits on the deepest published line.
    pub function_lines: Vec<FunctionLine>,
    /// Basic expenditure (一般公共预算) by 经济分类.
    pub economic: EconomicTable,
    /// 三公经费.
    pub sangong: Sangong,
    /// 机关运行经费.
    pub operating_costs: OperatingCosts,
    /// 政府采购.
    pub procurement: Procurement,
    /// Last year's figures the narrative compares against.
    pub last_year: LastYear,
    /// Performance-target forms, one per project.
    pub projects: Vec<Project>,
    /// 项目经费情况说明 of selected projects (templates without a form per project).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptions: Vec<ProjectDescription>,
    /// 绩效目标设置情况: the department-level statement (templates without a form per project).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub performance_statement: Option<PerformanceStatement>,
    /// Vehicles and office space.
    pub assets: Assets,
    /// Explanations written by the officer for the narrative (情况说明).
    #[serde(default)]
    pub narrative: Narrative,
    /// Figures as the document prints them, kept to check the derived figures against.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stated: Vec<StatedFigure>,
    /// The officer's wording under empty tables, where it differs from the template's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table_notes: Vec<TableNote>,
}

/// The department and its descriptive texts (概况, 名词解释).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Department code (主管部门代码), e.g. `402`.
    pub department_code: String,
    /// Department name.
    pub department_name: String,
    /// Budget year.
    pub year: i32,
    /// The budget units the department consolidates.
    pub units: Vec<BudgetUnit>,
    /// The sentence that opens 部门主要职能, before the numbered duties (`本部门的主要职能是：`).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub responsibilities_lead: String,
    /// 本单位职责, one numbered paragraph each.
    pub responsibilities: Vec<String>,
    /// 机构设置情况.
    pub organisation: String,
    /// The officer's own remarks on the profile (where a figure comes from, what the document
    /// leaves out): never printed.
    pub notes: String,
    /// 名词解释.
    pub glossary: Vec<GlossaryEntry>,
}

/// One budget unit (预算单位) of the department.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct BudgetUnit {
    /// Six-digit unit code, e.g. `402001`.
    pub code: String,
    /// Unit name.
    pub name: String,
    /// 行政单位, 参公单位 or 事业单位.
    pub kind: UnitKind,
    /// 不单列预算: the unit has no budget of its own; its money is merged into the 本部's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub merged: bool,
    /// The unit's own budget (its lines, 三公, texts …), published as its 单位预算. Once any unit
    /// of a department has one, the department's figures are the sum of its units'
    /// (`calc::units`); a file without (every file written before) means what it meant: the
    /// department is its only budget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Box<Budget>>,
}

impl BudgetUnit {
    /// A unit of `kind` without figures of its own.
    #[must_use]
    pub fn new(code: impl Into<String>, name: impl Into<String>, kind: UnitKind) -> Self {
        BudgetUnit {
            code: code.into(),
            name: name.into(),
            kind,
            merged: false,
            budget: None,
        }
    }
}

/// The legal kind of a budget unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitKind {
    /// 行政单位.
    #[default]
    Administrative,
    /// 事业单位.
    Institution,
    /// 参照公务员法管理的事业单位 (参公): an institution run like an administrative unit; its
    /// running costs count as 机关运行经费.
    CivilServiceManaged,
}

impl UnitKind {
    /// Every kind, in the order editors offer them.
    pub const ALL: [UnitKind; 3] = [
        UnitKind::Administrative,
        UnitKind::CivilServiceManaged,
        UnitKind::Institution,
    ];

    /// True for the kinds whose running costs are 机关运行经费 (行政 and 参公).
    #[must_use]
    pub fn counts_as_agency(self) -> bool {
        matches!(
            self,
            UnitKind::Administrative | UnitKind::CivilServiceManaged
        )
    }

    /// Label.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            UnitKind::Administrative => "行政单位",
            UnitKind::Institution => "事业单位",
            UnitKind::CivilServiceManaged => "参公事业单位",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            UnitKind::Administrative => "Administrative unit",
            UnitKind::Institution => "Public institution",
            UnitKind::CivilServiceManaged => "Institution managed as civil service",
        }
    }
}

/// A term and its definition.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term.
    pub term: String,
    /// What it means.
    pub definition: String,
}

/// One 功能分类 line as entered: its code, name, and the amounts that sit directly on it.
///
/// A leaf carries the money. A parent's figures are the sum of its children; amounts entered on a
/// parent that also has children are "not itemised further" and are added to it (a check warns).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionLine {
    /// 3-, 5- or 7-digit code.
    pub code: String,
    /// Name as published (without the bracketed code).
    pub name: String,
    /// Amounts by income source, split into basic and project expenditure.
    #[serde(default, skip_serializing_if = "Amounts::is_empty")]
    pub amounts: Amounts,
    /// A remark on this line (where a figure comes from, why it sits at this level).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What the money is mainly for (用途), printed in the line's paragraph of the 编制说明
    /// where the template has one (`…25.77万元，主要用于专项普查活动。`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// Last year's execution of the line's 财政拨款 money (上年当年预算执行数), in the tables'
    /// unit, where the template prints it: not last year's budget, which the totals compare with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executed_last_year: Option<Money>,
    /// Why the line changed against last year's execution (主要原因是：…).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}

impl FunctionLine {
    /// A line with no money on it yet.
    #[must_use]
    pub fn new(code: impl Into<String>, name: impl Into<String>) -> Self {
        FunctionLine {
            code: code.into(),
            name: name.into(),
            amounts: Amounts::new(),
            note: String::new(),
            purpose: String::new(),
            executed_last_year: None,
            reason: String::new(),
        }
    }

    /// The amounts of one income source (zero when none).
    #[must_use]
    pub fn split(&self, source: IncomeSource) -> Split {
        self.amounts.get(&source).copied().unwrap_or_default()
    }

    /// Sets one cell; a zero split is removed so the file stays short.
    pub fn set(&mut self, source: IncomeSource, column: Column, amount: Money) {
        let mut split = self.split(source);
        match column {
            Column::Basic => split.basic = amount,
            Column::Project => split.project = amount,
            Column::Total => return,
        }
        if split.basic.is_zero() && split.project.is_zero() {
            self.amounts.remove(&source);
        } else {
            self.amounts.insert(source, split);
        }
    }
}

/// An amount split into basic (基本支出) and project (项目支出) expenditure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Split {
    /// 基本支出.
    #[serde(default, skip_serializing_if = "Money::is_zero")]
    pub basic: Money,
    /// 项目支出.
    #[serde(default, skip_serializing_if = "Money::is_zero")]
    pub project: Money,
}

impl Split {
    /// basic + project.
    #[must_use]
    pub fn total(self) -> Money {
        self.basic.saturating_add(self.project)
    }

    /// One column of it.
    #[must_use]
    pub fn get(self, column: Column) -> Money {
        match column {
            Column::Total => self.total(),
            Column::Basic => self.basic,
            Column::Project => self.project,
        }
    }
}

impl Split {
    /// Adds `rhs` column by column, saturating like [`Money::saturating_add`] (roll-ups never
    /// panic; a saturated total is reported by the checks).
    pub fn saturating_add_assign(&mut self, rhs: Split) {
        self.basic = self.basic.saturating_add(rhs.basic);
        self.project = self.project.saturating_add(rhs.project);
    }
}

impl Budget {
    /// An empty budget for a department and year, in the seed's template.
    #[must_use]
    pub fn new(department_code: &str, department_name: &str, year: i32) -> Self {
        Budget::in_template(
            TemplateId::default(),
            department_code,
            department_name,
            year,
        )
    }

    /// An empty budget in `template`: its units, income columns and economic code set.
    #[must_use]
    pub fn in_template(
        template: TemplateId,
        department_code: &str,
        department_name: &str,
        year: i32,
    ) -> Self {
        let t = template.get();
        Budget {
            format_version: FORMAT_VERSION,
            template,
            template_version: template.find().map(|t| t.version),
            profile: Profile {
                department_code: department_code.to_owned(),
                department_name: department_name.to_owned(),
                year,
                ..Profile::default()
            },
            unit: t.unit,
            income_columns: t.income_columns.to_vec(),
            function_lines: Vec::new(),
            economic: EconomicTable {
                scheme: t.econ_scheme,
                lines: Vec::new(),
            },
            sangong: Sangong {
                unit: t.text_unit,
                ..Sangong::default()
            },
            operating_costs: OperatingCosts {
                unit: t.text_unit,
                ..OperatingCosts::default()
            },
            procurement: Procurement {
                unit: t.text_unit,
                ..Procurement::default()
            },
            last_year: LastYear::default(),
            projects: Vec::new(),
            descriptions: Vec::new(),
            performance_statement: None,
            assets: Assets::default(),
            narrative: Narrative::default(),
            stated: Vec::new(),
            table_notes: Vec::new(),
        }
    }

    /// Index of the function line with `code`, using the sorted order.
    #[must_use]
    pub fn function_line_index(&self, code: &str) -> Option<usize> {
        self.function_lines
            .binary_search_by(|l| l.code.as_str().cmp(code))
            .ok()
    }

    /// Puts function and economic lines in code order (files written by hand may not be).
    /// The sort is stable, so duplicate codes stay in file order for the checks to report.
    pub fn sort_lines(&mut self) {
        self.function_lines.sort_by(|a, b| a.code.cmp(&b.code));
        self.economic.lines.sort_by(|a, b| a.code.cmp(&b.code));
    }

    /// The template the disclosure is published in.
    #[must_use]
    pub fn template(&self) -> &'static Template {
        self.template.get()
    }

    /// Name of a budget unit by code, or the code itself when unknown.
    #[must_use]
    pub fn unit_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.profile
            .units
            .iter()
            .find(|u| u.code == code)
            .map_or(code, |u| u.name.as_str())
    }
}
