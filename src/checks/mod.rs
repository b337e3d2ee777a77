//! Reconciliation rules (勾稽关系): figures entered separately that must agree, code hygiene and
//! text hygiene. Each rule yields [`Finding`]s with a severity, a location the UI can jump to, the
//! difference in the table's unit, and the facts its message is rendered from, in Chinese or
//! English.

mod codes;
pub mod facts;
mod figures;
mod hygiene;
pub mod messages;
mod projects;
mod scope;
mod units;
pub use units::across_units;

pub use facts::Facts;

use crate::calc::Derived;
use crate::model::{Budget, Money, MoneyUnit, ProjectText, TableId, TemplateId};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// A broken identity: the document is wrong.
    Error,
    /// A rounding-size difference, a suspicious figure, or something missing.
    Warning,
}

impl Severity {
    /// 错误 / 警告.
    #[must_use]
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Severity::Error, true) => "错误",
            (Severity::Error, false) => "error",
            (Severity::Warning, true) => "警告",
            (Severity::Warning, false) => "warning",
        }
    }
}

/// Which rule produced a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    /// A code that is not 3/5/7 digits.
    CodeFormat,
    /// A code whose 类 or 款 is not in the table.
    CodeParent,
    /// The same code twice.
    CodeDuplicate,
    /// A line without a name.
    NameEmpty,
    /// A 类 outside the standard list.
    CodeUnknownClass,
    /// A name that differs from the 科目 catalogue's.
    CodeNameDiffers,
    /// A negative amount.
    AmountNegative,
    /// More decimals than the unit allows.
    AmountPrecision,
    /// Money on a parent line beside its children, not itemised further.
    NotItemised,
    /// A printed figure differs from the derived one.
    StatedFigure,
    /// Economic-table total ≠ 一般公共预算 basic expenditure.
    EconomicVsBasic,
    /// An economic line with no staff/running grouping.
    EconomicUnclassified,
    /// A 三公 item differs from its economic line.
    SangongVsEconomic,
    /// Vehicle costs without vehicles, or the reverse.
    VehiclesVsCosts,
    /// A form's stated total ≠ the sum of its sources.
    ProjectFundsSum,
    /// A form's year funds exceed its period funds.
    ProjectYearExceedsPeriod,
    /// All projects' year funds ≠ the budget's 项目支出.
    ProjectsVsProjectExpenditure,
    /// Projects linked to a line ≠ that line's 项目支出.
    ProjectVsLine,
    /// A project linked to a line that does not exist.
    ProjectLinkMissing,
    /// A project whose implementing unit is not a budget unit.
    ProjectUnitUnknown,
    /// A required field of a form is empty.
    ProjectFieldEmpty,
    /// A form lacks one of the three 一级 indicator groups.
    ProjectIndicatorGroups,
    /// Office areas do not sum to the stated total.
    OfficeAreaTotal,
    /// Placeholder text left in a field.
    Placeholder,
    /// A year in a text that is neither the budget year nor the year before.
    YearInText,
    /// A required section is missing.
    SectionMissing,
    /// A change stated in the 情况说明 without the officer's reason.
    ReasonMissing,
    /// A project description's quarterly plan ≠ its amount.
    DescriptionQuarters,
    /// The 绩效目标 statement's funds against the budget's 项目支出.
    PerformanceStatement,
    /// 机关运行经费 recorded for a unit that is neither 行政 nor 参公.
    OperatingScope,
    /// An economic code from the other code set than the table's scheme.
    EconomicScheme,
    /// The department or a budget unit has no code where the template prints one.
    CodeMissing,
    /// Money in an income source that is not among the document's columns.
    IncomeColumn,
    /// A total not below the magnitude limit: absurd, or beyond exact arithmetic.
    AmountRange,
    /// A unit with no budget of its own in a department whose figures are its units'.
    UnitBudget,
    /// Two budget units with one code.
    UnitCode,
}

impl Rule {
    /// Every rule.
    pub const ALL: [Rule; 36] = [
        Rule::CodeFormat,
        Rule::CodeParent,
        Rule::CodeDuplicate,
        Rule::NameEmpty,
        Rule::CodeUnknownClass,
        Rule::CodeNameDiffers,
        Rule::AmountNegative,
        Rule::AmountPrecision,
        Rule::NotItemised,
        Rule::StatedFigure,
        Rule::EconomicVsBasic,
        Rule::EconomicUnclassified,
        Rule::SangongVsEconomic,
        Rule::VehiclesVsCosts,
        Rule::ProjectFundsSum,
        Rule::ProjectYearExceedsPeriod,
        Rule::ProjectsVsProjectExpenditure,
        Rule::ProjectVsLine,
        Rule::ProjectLinkMissing,
        Rule::ProjectUnitUnknown,
        Rule::ProjectFieldEmpty,
        Rule::ProjectIndicatorGroups,
        Rule::OfficeAreaTotal,
        Rule::Placeholder,
        Rule::YearInText,
        Rule::SectionMissing,
        Rule::ReasonMissing,
        Rule::DescriptionQuarters,
        Rule::PerformanceStatement,
        Rule::OperatingScope,
        Rule::EconomicScheme,
        Rule::CodeMissing,
        Rule::IncomeColumn,
        Rule::AmountRange,
        Rule::UnitBudget,
        Rule::UnitCode,
    ];

    /// Stable identifier, for filters and the CLI.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Rule::CodeFormat => "code.format",
            Rule::CodeParent => "code.parent",
            Rule::CodeDuplicate => "code.duplicate",
            Rule::NameEmpty => "code.name",
            Rule::CodeUnknownClass => "code.class",
            Rule::CodeNameDiffers => "code.catalogue-name",
            Rule::AmountNegative => "amount.negative",
            Rule::AmountPrecision => "amount.precision",
            Rule::NotItemised => "line.not-itemised",
            Rule::StatedFigure => "figure.stated",
            Rule::EconomicVsBasic => "economic.basic",
            Rule::EconomicUnclassified => "economic.unclassified",
            Rule::SangongVsEconomic => "sangong.economic",
            Rule::VehiclesVsCosts => "assets.vehicles",
            Rule::ProjectFundsSum => "project.funds-sum",
            Rule::ProjectYearExceedsPeriod => "project.year-vs-period",
            Rule::ProjectsVsProjectExpenditure => "project.total",
            Rule::ProjectVsLine => "project.line",
            Rule::ProjectLinkMissing => "project.link",
            Rule::ProjectUnitUnknown => "project.unit",
            Rule::ProjectFieldEmpty => "project.required",
            Rule::ProjectIndicatorGroups => "project.indicators",
            Rule::OfficeAreaTotal => "assets.area",
            Rule::Placeholder => "text.placeholder",
            Rule::YearInText => "text.year",
            Rule::SectionMissing => "section.missing",
            Rule::ReasonMissing => "text.reason",
            Rule::DescriptionQuarters => "project.quarters",
            Rule::PerformanceStatement => "project.statement",
            Rule::OperatingScope => "operating.scope",
            Rule::EconomicScheme => "economic.scheme",
            Rule::CodeMissing => "profile.code",
            Rule::IncomeColumn => "income.column",
            Rule::AmountRange => "amount.range",
            Rule::UnitBudget => "unit.budget",
            Rule::UnitCode => "unit.code",
        }
    }
}

/// A field of a performance-target form, for locations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectField {
    /// The form as a whole.
    Form,
    /// Funds of the period.
    FundsPeriod,
    /// Funds of the year.
    FundsYear,
    /// The implementing unit.
    Unit,
    /// The linked 功能分类 line.
    Link,
    /// The indicator table.
    Indicators,
    /// A text field.
    Text(ProjectText),
}

/// Where a finding is, for the UI to jump to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Location {
    /// A table, and a row of it by code where there is one.
    Table {
        /// The table.
        table: TableId,
        /// The row's code.
        code: Option<String>,
    },
    /// A performance-target form.
    Project {
        /// Position in `Budget::projects`.
        index: usize,
        /// The field.
        field: ProjectField,
    },
    /// 政府采购.
    Procurement,
    /// Vehicles and office space.
    Assets,
    /// The profile (概况).
    Profile,
    /// The officer's explanations.
    Narrative,
    /// A 项目经费情况说明.
    Description {
        /// Position in `Budget::descriptions`.
        index: usize,
    },
    /// The 绩效目标设置情况 statement.
    PerformanceStatement,
    /// The list of performance-target forms (where one is added, with the totals per unit).
    Projects,
}

impl Location {
    /// A short description: table name and row, or project and field.
    #[must_use]
    pub fn describe(&self, budget: &Budget, zh: bool) -> String {
        match self {
            Location::Table { table, code } => {
                let title = budget.template().title(*table, zh);
                match code {
                    Some(code) => format!("{title} [{code}]"),
                    None => title.to_owned(),
                }
            }
            Location::Project { index, .. } => {
                let name = budget.projects.get(*index).map_or("?", |p| p.name.as_str());
                if zh {
                    format!("绩效目标表 {}", name)
                } else {
                    format!("performance form {}", name)
                }
            }
            Location::Procurement => (if zh { "政府采购" } else { "procurement" }).to_owned(),
            Location::Assets => (if zh { "国有资产" } else { "assets" }).to_owned(),
            Location::Profile => (if zh { "概况" } else { "profile" }).to_owned(),
            Location::Narrative => (if zh { "情况说明" } else { "narrative" }).to_owned(),
            Location::Description { index } => {
                let name = budget
                    .descriptions
                    .get(*index)
                    .map_or("?", |d| d.name.as_str());
                if zh {
                    format!("项目经费情况说明 {name}")
                } else {
                    format!("project description {name}")
                }
            }
            Location::PerformanceStatement => (if zh {
                "绩效目标设置情况"
            } else {
                "performance-target statement"
            })
            .to_owned(),
            Location::Projects => (if zh {
                "绩效目标表"
            } else {
                "performance forms"
            })
            .to_owned(),
        }
    }
}

/// One finding of a rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The rule.
    pub rule: Rule,
    /// Where.
    pub location: Location,
    /// The difference, in `unit`, where the rule compares amounts.
    pub difference: Option<(Money, MoneyUnit)>,
    /// What the rule found; the message is rendered from it.
    pub facts: Facts,
    /// The template of the budget checked, which names its tables in messages.
    pub template: TemplateId,
}

impl Finding {
    /// A finding of the rule that reports `facts`, without a difference.
    #[must_use]
    pub fn new(severity: Severity, location: Location, facts: Facts) -> Self {
        Finding {
            severity,
            rule: facts.rule(),
            location,
            difference: None,
            facts,
            template: TemplateId::default(),
        }
    }

    /// The same finding with the amount that is out of step.
    #[must_use]
    pub fn with_difference(mut self, difference: Money, unit: MoneyUnit) -> Self {
        self.difference = Some((difference, unit));
        self
    }

    /// The message in Chinese (`zh`) or English.
    #[must_use]
    pub fn message(&self, zh: bool) -> String {
        messages::render(&self.facts, self.template.get(), zh)
    }
}

/// The tolerance for rounding between figures that must agree, in `unit`: the template's (the
/// practitioners' 0.05 万元, 500 元, in the built-in ones). A difference up to it is a warning,
/// above it an error.
#[must_use]
pub fn rounding_tolerance(budget: &Budget, unit: MoneyUnit) -> Money {
    let rules = &budget.template().checks;
    rules.tolerance_unit.convert(rules.rounding_tolerance, unit)
}

/// Severity of a difference between two figures that should agree, or `None` when they agree.
#[must_use]
pub fn severity_of(budget: &Budget, difference: Money, unit: MoneyUnit) -> Option<Severity> {
    if difference.is_zero() {
        None
    } else if difference.abs() <= rounding_tolerance(budget, unit) {
        Some(Severity::Warning)
    } else {
        Some(Severity::Error)
    }
}

/// Runs every rule. Findings come errors first, then in rule order.
#[must_use]
pub fn run(budget: &Budget, derived: &Derived) -> Vec<Finding> {
    merge(
        &structure(budget),
        &amounts(budget),
        figures(budget, derived),
    )
}

/// Rules about codes, names, texts and each form: they change only when lines, texts or forms
/// change, so the open document keeps their findings between keystrokes.
#[must_use]
pub fn structure(budget: &Budget) -> Vec<Finding> {
    let mut findings = Vec::new();
    codes::structure(budget, &mut findings);
    hygiene::structure(budget, &mut findings);
    scope::structure(budget, &mut findings);
    projects::forms(budget, &mut findings);
    in_template(budget, findings)
}

/// Marks findings with the template of the budget they are about, and drops those of the
/// rules the template does not apply.
fn in_template(budget: &Budget, mut findings: Vec<Finding>) -> Vec<Finding> {
    let off = &budget.template().checks.off;
    if !off.is_empty() {
        findings.retain(|f| !off.iter().any(|id| id == f.rule.id()));
    }
    for f in &mut findings {
        f.template = budget.template;
    }
    findings
}

/// The ids of the rules in `off` that no rule has: a template naming one is refused.
#[must_use]
pub fn unknown_rule_ids(off: &[String]) -> Vec<&str> {
    off.iter()
        .map(String::as_str)
        .filter(|id| !Rule::ALL.iter().any(|r| r.id() == *id))
        .collect()
}

/// Rules about each line's own amounts (negative, precision, not itemised).
#[must_use]
pub fn amounts(budget: &Budget) -> Vec<Finding> {
    let mut findings = Vec::new();
    codes::amounts(budget, &mut findings);
    in_template(budget, findings)
}

/// The amount rules for one 功能分类 line, by position.
#[must_use]
pub fn function_line_amounts(budget: &Budget, index: usize) -> Vec<Finding> {
    let mut findings = Vec::new();
    codes::function_line_amounts(budget, index, &mut findings);
    in_template(budget, findings)
}

/// True for a finding of the amount rules about the 功能分类 line `code`.
#[must_use]
pub fn is_line_amount_finding(finding: &Finding, code: &str) -> bool {
    codes::AMOUNT_RULES.contains(&finding.rule)
        && matches!(
            &finding.location,
            Location::Table { table: TableId::Expenditure | TableId::Income, code: Some(c) } if c == code
        )
}

/// Rules that compare derived figures: cheap, rerun after every edit.
#[must_use]
pub fn figures(budget: &Budget, derived: &Derived) -> Vec<Finding> {
    let mut findings = Vec::new();
    figures::check(budget, derived, &mut findings);
    projects::check(budget, derived, &mut findings);
    hygiene::check(budget, derived, &mut findings);
    scope::check(budget, derived, &mut findings);
    in_template(budget, findings)
}

/// All findings, errors first (stable within a severity).
#[must_use]
pub fn merge(structure: &[Finding], amounts: &[Finding], figures: Vec<Finding>) -> Vec<Finding> {
    let mut all = Vec::with_capacity(structure.len() + amounts.len() + figures.len());
    all.extend_from_slice(structure);
    all.extend_from_slice(amounts);
    all.extend(figures);
    all.sort_by_key(|f| f.severity);
    all
}

/// Counts of errors and warnings.
#[must_use]
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}
