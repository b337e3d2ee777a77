//! What a finding says, kept as facts: the codes, names, figures and units a rule found, one
//! variant per kind of message. The text is rendered from them in one place per language
//! ([`super::messages`]), so the rules never write prose and the two languages cannot drift apart.

use rust_decimal::Decimal;

use super::Rule;
use crate::model::codes::CodeError;
use crate::model::economic::EconScheme;
use crate::model::sections::SangongItem;
use crate::model::{Figure, IncomeSource, IndicatorGroup, Money, MoneyUnit, ProjectText, TableId};

/// The facts behind one finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Facts {
    /// A code that is not 3/5/7 digits.
    CodeFormat {
        /// The table the line is in.
        table: TableId,
        /// The code as entered.
        code: String,
        /// What is wrong with it.
        error: CodeError,
    },
    /// A code whose 类 or 款 is not in the table.
    CodeParent {
        /// The table.
        table: TableId,
        /// The code.
        code: String,
        /// The missing parent's code.
        parent: String,
    },
    /// A line whose name differs from the 科目 catalogue's for its code.
    CodeNameDiffers {
        /// The table.
        table: TableId,
        /// The code.
        code: String,
        /// The name in the budget.
        name: String,
        /// The catalogue's name.
        catalogue: String,
    },
    /// A 类 outside the standard list.
    CodeUnknownClass {
        /// The table.
        table: TableId,
        /// The code.
        code: String,
    },
    /// The same code twice.
    CodeDuplicate {
        /// The table.
        table: TableId,
        /// The code.
        code: String,
    },
    /// A line without a name.
    NameEmpty {
        /// The table.
        table: TableId,
        /// The line's code.
        code: String,
    },
    /// A negative amount on a line.
    AmountNegative {
        /// The table.
        table: TableId,
        /// The line's code.
        code: String,
    },
    /// An amount with more decimals than `unit` allows.
    AmountPrecision {
        /// The table.
        table: TableId,
        /// The line's code.
        code: String,
        /// The table's unit.
        unit: MoneyUnit,
    },
    /// Money on a parent line beside its children.
    NotItemised {
        /// The table.
        table: TableId,
        /// The parent line's code.
        code: String,
        /// The money on the parent itself.
        amount: Money,
        /// The table's unit.
        unit: MoneyUnit,
    },
    /// A printed figure names a row that does not exist.
    StatedRowMissing {
        /// The figure.
        figure: Figure,
        /// Where the document prints it; may be empty.
        source: String,
    },
    /// A printed figure differs from the derived one.
    StatedFigure {
        /// The figure.
        figure: Figure,
        /// Where the document prints it; may be empty.
        source: String,
        /// What the document prints.
        printed: Money,
        /// What the detail adds up to.
        derived: Money,
        /// `printed − derived`.
        difference: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// The economic table's total against 一般公共预算 basic expenditure.
    EconomicVsBasic {
        /// The economic table's total.
        economic: Money,
        /// 一般公共预算 basic expenditure.
        basic: Money,
        /// `economic − basic`.
        difference: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// Money on an economic line that is neither staff nor running costs.
    EconomicUnclassified {
        /// The economic line's code.
        code: String,
        /// Its amount.
        amount: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// A 三公 item against its economic line.
    SangongVsEconomic {
        /// The item.
        item: SangongItem,
        /// The item's amount, in `unit`.
        amount: Money,
        /// True when the two must be equal (all 三公 is basic expenditure); otherwise the item
        /// must be at least the line.
        must_equal: bool,
        /// The economic line's code.
        code: &'static str,
        /// The economic line's amount.
        economic: Money,
        /// `amount − economic`.
        difference: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// Vehicle running costs without any vehicle.
    VehicleCostsWithoutVehicles {
        /// The running costs.
        running: Money,
        /// The 三公 table's unit.
        unit: MoneyUnit,
    },
    /// Office areas that do not add up to the printed total.
    OfficeAreaTotal {
        /// The printed total, m².
        stated: Decimal,
        /// The units' areas added up, m².
        total: Decimal,
    },
    /// A form's printed funds total against the sum of its sources (元).
    ProjectFundsSum {
        /// The project's name.
        project: String,
        /// The period's or the year's funds.
        span: Span,
        /// The printed total.
        stated: Money,
        /// The sources added up.
        sources: Money,
        /// `stated − sources`.
        difference: Money,
    },
    /// A form whose year funds exceed the whole period's.
    ProjectYearExceedsPeriod {
        /// The project's name.
        project: String,
    },
    /// A form whose implementing unit is not a budget unit.
    ProjectUnitUnknown {
        /// The project's name.
        project: String,
        /// The unit code on the form.
        unit_code: String,
    },
    /// A required text of a form is empty.
    ProjectFieldEmpty {
        /// The project's name.
        project: String,
        /// The empty field.
        field: ProjectText,
    },
    /// An indicator table without some of the three 一级 groups.
    ProjectIndicatorGroups {
        /// The project's name.
        project: String,
        /// The period's or the year's indicators.
        span: Span,
        /// The groups that have no named row.
        missing: Vec<IndicatorGroup>,
    },
    /// A project description whose quarters do not add up to its amount.
    DescriptionQuarters {
        /// The project's name.
        project: String,
        /// The quarters' sum.
        quarters: Money,
        /// The printed amount.
        amount: Money,
        /// The text's unit.
        unit: MoneyUnit,
    },
    /// The 绩效目标 statement's funds against the 项目支出 (in the text's unit, rounded as printed).
    PerformanceStatement {
        /// The statement's funds.
        funds: Money,
        /// The budget's 项目支出.
        expenditure: Money,
        /// `funds − expenditure`.
        difference: Money,
        /// The text's unit.
        unit: MoneyUnit,
    },
    /// A unit without a budget of its own in a department whose figures are its units': its
    /// money is in no table.
    UnitWithoutBudget {
        /// The unit's name.
        unit_name: String,
    },
    /// Two budget units share a code.
    UnitCodeTwice {
        /// The code.
        code: String,
        /// The units' names.
        names: Vec<String>,
    },
    /// 机关运行经费 of a unit that is a 事业单位 (neither 行政 nor 参公).
    OperatingScope {
        /// The unit's name.
        unit_name: String,
    },
    /// All forms' year funds against the budget's 项目支出.
    ProjectsVsProjectExpenditure {
        /// The forms' year funds, in `unit`.
        funds: Money,
        /// The same per implementing unit: its name and funds in `unit`.
        per_unit: Vec<(String, Money)>,
        /// The budget's project expenditure.
        expenditure: Money,
        /// `funds − expenditure`.
        difference: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// A form linked to a 功能分类 line that does not exist.
    ProjectLinkMissing {
        /// The project's name.
        project: String,
        /// The linked code.
        code: String,
    },
    /// The forms linked to a line against that line's 项目支出.
    ProjectVsLine {
        /// The line's code.
        code: String,
        /// The linked forms' year funds, in `unit`.
        funds: Money,
        /// The line's project expenditure.
        line: Money,
        /// `funds − line`.
        difference: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// Template placeholder text left in a text.
    Placeholder {
        /// Which text.
        place: TextPlace,
        /// The placeholder found.
        mark: &'static str,
    },
    /// A year in a text that is neither the budget year nor the one before.
    YearInText {
        /// Which text.
        place: TextPlace,
        /// The year mentioned.
        year: i32,
        /// The budget year.
        budget_year: i32,
    },
    /// A required section is missing.
    SectionMissing(Section),
    /// The 情况说明 states a change and the officer's reason for it is empty.
    ReasonMissing(NarrativeText),
    /// A line's paragraph states its change against last year's execution, and the line's
    /// reason (主要原因) is empty.
    LineReasonMissing {
        /// The line's code.
        code: String,
    },
    /// A printed percentage differs from the one the figures give.
    StatedPercent {
        /// The figure.
        figure: Figure,
        /// Where the document prints it; may be empty.
        source: String,
        /// What the document prints (signed).
        printed: Decimal,
        /// What the figures give; `None` when they give none (no execution entered, or it was
        /// zero, so no percentage can be computed).
        derived: Option<Decimal>,
        /// The percentage of the two figures as the text prints them (rounded to its unit) when
        /// that is the printed one: the document divided rounded figures.
        from_rounded: bool,
    },
    /// An economic line whose code belongs to the other code set.
    EconomicScheme {
        /// The line's code.
        code: String,
        /// The table's scheme.
        scheme: EconScheme,
    },
    /// The department has no code, and the template prints it.
    DepartmentCodeEmpty,
    /// A budget unit has no code, and the template prints unit codes.
    UnitCodeEmpty {
        /// The unit's name.
        name: String,
    },
    /// A line has money in an income source the document's tables do not show.
    IncomeOutsideColumns {
        /// The line's code.
        code: String,
        /// The source.
        source: IncomeSource,
        /// Its total on the line.
        amount: Money,
        /// The tables' unit.
        unit: MoneyUnit,
    },
    /// A total that reaches the magnitude limit (10^15 元).
    TotalOutOfRange {
        /// The table whose total it is.
        table: TableId,
        /// The total, possibly stopped at the edge of exact arithmetic.
        amount: Money,
        /// Its unit.
        unit: MoneyUnit,
    },
}

impl Facts {
    /// The rule that reports these facts.
    #[must_use]
    pub fn rule(&self) -> Rule {
        match self {
            Facts::CodeFormat { .. } => Rule::CodeFormat,
            Facts::CodeParent { .. } => Rule::CodeParent,
            Facts::CodeUnknownClass { .. } => Rule::CodeUnknownClass,
            Facts::CodeNameDiffers { .. } => Rule::CodeNameDiffers,
            Facts::CodeDuplicate { .. } => Rule::CodeDuplicate,
            Facts::NameEmpty { .. } => Rule::NameEmpty,
            Facts::AmountNegative { .. } => Rule::AmountNegative,
            Facts::AmountPrecision { .. } => Rule::AmountPrecision,
            Facts::NotItemised { .. } => Rule::NotItemised,
            Facts::StatedRowMissing { .. }
            | Facts::StatedFigure { .. }
            | Facts::StatedPercent { .. } => Rule::StatedFigure,
            Facts::EconomicVsBasic { .. } => Rule::EconomicVsBasic,
            Facts::EconomicUnclassified { .. } => Rule::EconomicUnclassified,
            Facts::SangongVsEconomic { .. } => Rule::SangongVsEconomic,
            Facts::VehicleCostsWithoutVehicles { .. } => Rule::VehiclesVsCosts,
            Facts::OfficeAreaTotal { .. } => Rule::OfficeAreaTotal,
            Facts::ProjectFundsSum { .. } => Rule::ProjectFundsSum,
            Facts::ProjectYearExceedsPeriod { .. } => Rule::ProjectYearExceedsPeriod,
            Facts::ProjectUnitUnknown { .. } => Rule::ProjectUnitUnknown,
            Facts::ProjectFieldEmpty { .. } => Rule::ProjectFieldEmpty,
            Facts::ProjectIndicatorGroups { .. } => Rule::ProjectIndicatorGroups,
            Facts::ProjectsVsProjectExpenditure { .. } => Rule::ProjectsVsProjectExpenditure,
            Facts::ProjectLinkMissing { .. } => Rule::ProjectLinkMissing,
            Facts::ProjectVsLine { .. } => Rule::ProjectVsLine,
            Facts::Placeholder { .. } => Rule::Placeholder,
            Facts::YearInText { .. } => Rule::YearInText,
            Facts::SectionMissing(_) => Rule::SectionMissing,
            Facts::ReasonMissing(_) | Facts::LineReasonMissing { .. } => Rule::ReasonMissing,
            Facts::EconomicScheme { .. } => Rule::EconomicScheme,
            Facts::DepartmentCodeEmpty | Facts::UnitCodeEmpty { .. } => Rule::CodeMissing,
            Facts::IncomeOutsideColumns { .. } => Rule::IncomeColumn,
            Facts::TotalOutOfRange { .. } => Rule::AmountRange,
            Facts::DescriptionQuarters { .. } => Rule::DescriptionQuarters,
            Facts::PerformanceStatement { .. } => Rule::PerformanceStatement,
            Facts::OperatingScope { .. } => Rule::OperatingScope,
            Facts::UnitWithoutBudget { .. } => Rule::UnitBudget,
            Facts::UnitCodeTwice { .. } => Rule::UnitCode,
        }
    }
}

/// The whole period of a project, or its budget year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Span {
    /// 实施期.
    Period,
    /// 年度.
    Year,
}

pub use crate::model::sections::NarrativeText;

/// Where a text sits in the document, for the text-hygiene messages.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TextPlace {
    /// The department's name.
    DepartmentName,
    /// A responsibility, counted from 1.
    Responsibility(usize),
    /// The sentence before the numbered duties.
    ResponsibilitiesLead,
    /// 机构设置.
    Organisation,
    /// The profile's notes.
    ProfileNotes,
    /// A glossary definition, by its term.
    Glossary(String),
    /// A budget unit's name, by its code.
    UnitName(String),
    /// One of the narrative texts.
    Narrative(NarrativeText),
    /// A table line's name, by its code.
    LineName(String),
    /// A text field of a performance form.
    Project {
        /// The project's name.
        project: String,
        /// The field.
        field: ProjectText,
    },
    /// An indicator row of a performance form: its name (三级指标) or its target (指标值).
    Indicator {
        /// The project's name.
        project: String,
        /// True for the target, false for the name.
        target: bool,
    },
    /// The notes of the assets section.
    AssetNotes,
}

/// A part of the disclosure every document needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// 预算单位构成.
    Units,
    /// 本单位职责.
    Responsibilities,
    /// 机构设置情况.
    Organisation,
    /// 支出功能分类明细.
    FunctionLines,
    /// 基本支出分经济科目表.
    EconomicTable,
    /// 项目支出绩效目标表.
    PerformanceForms,
    /// 绩效目标设置情况.
    PerformanceStatement,
    /// 机关运行经费.
    OperatingCosts,
    /// 国有资产占有使用情况.
    Assets,
}
