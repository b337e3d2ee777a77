//! Derived figures: everything a disclosure prints that is not typed in. Pure functions of the
//! [`Budget`]; recomputed after every edit.

pub mod base;
pub mod charts;
pub mod compare;
pub mod narrative;
pub mod publication;
pub mod roll;
pub mod rollup;
pub mod shares;
pub mod tables;
pub mod units;

use rust_decimal::Decimal;

use crate::model::codes::class_name_zh;
use crate::model::sections::SangongFigures;
use crate::model::{Budget, Figure, IncomeSource, Money, MoneyUnit, Split};
pub use base::LastFigures;
pub use rollup::{
    EconRow, EconTable, FunctionRow, FunctionTable, TreeRow, econ_table, function_table,
};
pub use shares::{Change, percent_of, percent_shares};

/// Every derived figure of a budget.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Derived {
    /// 功能分类 roll-ups.
    pub function: FunctionTable,
    /// 经济分类 roll-ups with 人员经费 / 公用经费.
    pub economic: EconTable,
    /// Headline figures, shares and changes.
    pub summary: Summary,
}

/// Headline figures of the narrative (情况说明), in the tables' unit unless noted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The tables' unit.
    pub unit: MoneyUnit,
    /// 本年收入合计 = 本年支出合计.
    pub total: Money,
    /// 基本支出.
    pub basic: Money,
    /// 项目支出.
    pub project: Money,
    /// Shares of basic and project, percent (sum 100.00).
    pub basic_share: Decimal,
    /// Share of project.
    pub project_share: Decimal,
    /// Income by source, for the document's columns, with shares (sum 100.00).
    pub income: Vec<SourceFigure>,
    /// 财政拨款 (一般公共预算 + 政府性基金 + 国有资本经营).
    pub fiscal: Money,
    /// Each 类 with money, in code order, with shares of the total (sum 100.00).
    pub classes: Vec<ClassFigure>,
    /// Each 类 of the 一般公共预算 with its share of that budget (sum 100.00).
    pub general_public_classes: Vec<ClassFigure>,
    /// Each 类 of the 财政拨款 (the three fund types together), with shares (sum 100.00).
    pub fiscal_classes: Vec<ClassFigure>,
    /// Change of 财政拨款 against last year.
    pub fiscal_change: Option<Change>,
    /// 一般公共预算 total, basic and project.
    pub general_public: Split,
    /// Economic-table total (should equal 一般公共预算 basic).
    pub economic_total: Money,
    /// 人员经费.
    pub staff: Money,
    /// 公用经费.
    pub running: Money,
    /// 三公 this year and last, in the 三公 table's unit.
    pub sangong: SangongSummary,
    /// 机关运行经费, in its table's unit.
    pub operating: Money,
    /// Its change against last year, when last year is stated.
    pub operating_change: Option<Change>,
    /// 政府采购 total, in its section's unit.
    pub procurement: Money,
    /// Its change against last year, when last year is known.
    pub procurement_change: Option<Change>,
    /// Performance projects' funds of the year per implementing unit.
    pub project_funds: Vec<UnitProjects>,
    /// All performance projects' funds of the year, in 元.
    pub project_funds_total_yuan: Money,
    /// The same in the tables' unit.
    pub project_funds_total: Money,
    /// Change of total income against last year.
    pub income_change: Option<Change>,
    /// Change of total expenditure against last year.
    pub expenditure_change: Option<Change>,
    /// Change of the 一般公共预算 appropriation against last year.
    pub general_public_change: Option<Change>,
}

/// One income source's figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFigure {
    /// The source.
    pub source: IncomeSource,
    /// Its amount.
    pub amount: Money,
    /// Its share of total income, percent.
    pub share: Decimal,
    /// Its change against last year, where last year's figure for the source is stated.
    pub change: Option<Change>,
}

/// One 类 with its figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassFigure {
    /// 类 code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Total, basic and project.
    pub amounts: Split,
    /// Share of the whole, percent.
    pub share: Decimal,
}

/// 三公 with totals and changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SangongSummary {
    /// This year.
    pub this_year: SangongFigures,
    /// Last year, if stated.
    pub last_year: Option<SangongFigures>,
    /// Change of the total.
    pub change: Option<Change>,
    /// Change of each item, when last year is stated.
    pub item_changes: Option<SangongChanges>,
}

/// The change of each 三公 item against last year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SangongChanges {
    /// 因公出国(境)费.
    pub abroad: Change,
    /// 公务接待费.
    pub reception: Change,
    /// 公务用车购置及运行费.
    pub vehicles: Change,
    /// 公务用车购置费.
    pub vehicle_purchase: Change,
    /// 公务用车运行维护费.
    pub vehicle_running: Change,
}

impl SangongChanges {
    /// Each item's change from `last` to `this`.
    #[must_use]
    pub fn new(this: &SangongFigures, last: &SangongFigures) -> SangongChanges {
        SangongChanges {
            abroad: Change::new(this.abroad, last.abroad),
            reception: Change::new(this.reception, last.reception),
            vehicles: Change::new(this.vehicles(), last.vehicles()),
            vehicle_purchase: Change::new(this.vehicle_purchase, last.vehicle_purchase),
            vehicle_running: Change::new(this.vehicle_running, last.vehicle_running),
        }
    }
}

/// Performance projects of one implementing unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitProjects {
    /// Unit code.
    pub unit_code: String,
    /// Unit name (or the code when unknown).
    pub unit_name: String,
    /// How many projects.
    pub count: usize,
    /// Funds of the year in 元.
    pub yuan: Money,
    /// The same in the tables' unit.
    pub in_table_unit: Money,
}

/// Derives every figure from `budget`.
#[must_use]
pub fn derive(budget: &Budget) -> Derived {
    let function = function_table(budget);
    let economic = econ_table(budget);
    let summary = summarise(budget, &function, &economic);
    Derived {
        function,
        economic,
        summary,
    }
}

fn class_figures(
    budget: &Budget,
    table: &FunctionTable,
    amount: impl Fn(usize, &FunctionRow) -> Split,
) -> Vec<ClassFigure> {
    let mut figures: Vec<ClassFigure> = table
        .classes()
        .map(|(i, row)| {
            let name = row
                .line
                .and_then(|l| budget.function_lines.get(l))
                .map(|l| l.name.clone())
                .filter(|n| !n.is_empty())
                .or_else(|| class_name_zh(&row.code).map(str::to_owned))
                .unwrap_or_default();
            ClassFigure {
                code: row.code.clone(),
                name,
                amounts: amount(i, row),
                share: Decimal::ZERO,
            }
        })
        .filter(|c| !c.amounts.total().is_zero())
        .collect();
    let parts: Vec<Money> = figures.iter().map(|c| c.amounts.total()).collect();
    for (figure, share) in figures.iter_mut().zip(percent_shares(&parts)) {
        figure.share = share;
    }
    figures
}

/// The headline figures from the derived tables, compared with the last-year figures written in
/// the budget.
#[must_use]
pub fn summarise(budget: &Budget, function: &FunctionTable, economic: &EconTable) -> Summary {
    summarise_against(budget, function, economic, &LastFigures::stated(budget))
}

/// The headline figures, compared with `last` (from the file, or from last year's budget).
#[must_use]
pub fn summarise_against(
    budget: &Budget,
    function: &FunctionTable,
    economic: &EconTable,
    last: &LastFigures,
) -> Summary {
    let unit = budget.unit;
    let total = function.grand.total();
    let [basic_share, project_share] =
        match percent_shares(&[function.grand.basic, function.grand.project])[..] {
            [b, p] => [b, p],
            _ => [Decimal::ZERO; 2],
        };
    let mut columns = budget.income_columns.clone();
    for s in &function.sources {
        if !columns.contains(s) {
            columns.push(*s);
        }
    }
    let income_amounts: Vec<Money> = columns
        .iter()
        .map(|s| function.grand_of(*s).total())
        .collect();
    let income = columns
        .iter()
        .zip(&income_amounts)
        .zip(percent_shares(&income_amounts))
        .map(|((source, amount), share)| SourceFigure {
            source: *source,
            amount: *amount,
            share,
            change: match source {
                IncomeSource::GeneralPublic => last.general_public,
                IncomeSource::GovernmentFund => last.government_fund,
                IncomeSource::StateCapital => last.state_capital,
                _ => None,
            }
            .map(|l| Change::new(*amount, l)),
        })
        .collect();
    let fiscal = Money::saturating_sum(
        IncomeSource::FISCAL
            .iter()
            .map(|s| function.grand_of(*s).total()),
    );
    let classes = class_figures(budget, function, |_, row| row.total);
    let general_public_classes = class_figures(budget, function, |i, _| {
        function.cell(i, IncomeSource::GeneralPublic)
    });
    let fiscal_classes = class_figures(budget, function, |i, _| {
        function.cell_sum(i, &IncomeSource::FISCAL)
    });
    let general_public = function.grand_of(IncomeSource::GeneralPublic);

    let sangong = SangongSummary {
        this_year: budget.sangong.this_year,
        last_year: last.sangong,
        change: last
            .sangong
            .map(|l| Change::new(budget.sangong.this_year.total(), l.total())),
        item_changes: last
            .sangong
            .map(|l| SangongChanges::new(&budget.sangong.this_year, &l)),
    };
    let operating = Money::saturating_sum(budget.operating_costs.entries.iter().map(|e| e.amount));

    let mut project_funds: Vec<UnitProjects> = Vec::new();
    for project in &budget.projects {
        let yuan = project.funds_year.total();
        match project_funds
            .iter_mut()
            .find(|u| u.unit_code == project.unit_code)
        {
            Some(u) => {
                u.count = u.count.saturating_add(1);
                u.yuan = u.yuan.saturating_add(yuan);
            }
            None => project_funds.push(UnitProjects {
                unit_code: project.unit_code.clone(),
                unit_name: budget.unit_name(&project.unit_code).to_owned(),
                count: 1,
                yuan,
                in_table_unit: Money::ZERO,
            }),
        }
    }
    for u in &mut project_funds {
        u.in_table_unit = MoneyUnit::Yuan.convert(u.yuan, unit);
    }
    let project_funds_total_yuan = Money::saturating_sum(project_funds.iter().map(|u| u.yuan));

    Summary {
        unit,
        total,
        basic: function.grand.basic,
        project: function.grand.project,
        basic_share,
        project_share,
        income,
        fiscal,
        classes,
        general_public_classes,
        fiscal_classes,
        fiscal_change: last.fiscal.map(|l| Change::new(fiscal, l)),
        general_public,
        economic_total: economic.total,
        staff: economic.staff,
        running: economic.running,
        sangong,
        operating,
        operating_change: last.operating.map(|l| Change::new(operating, l)),
        procurement_change: last
            .procurement
            .map(|l| Change::new(budget.procurement.total(), l)),
        procurement: budget.procurement.total(),
        project_funds,
        project_funds_total_yuan,
        project_funds_total: MoneyUnit::Yuan.convert(project_funds_total_yuan, unit),
        income_change: last.income_total.map(|l| Change::new(total, l)),
        expenditure_change: last.expenditure_total.map(|l| Change::new(total, l)),
        general_public_change: last
            .general_public
            .map(|l| Change::new(general_public.total(), l)),
    }
}

impl Derived {
    /// The derived value of a figure a document may print, in the tables' unit;
    /// `None` when the figure names a row that does not exist.
    #[must_use]
    pub fn figure(&self, figure: &Figure) -> Option<Money> {
        let s = &self.summary;
        match figure {
            Figure::IncomeTotal | Figure::ExpenditureTotal => Some(s.total),
            Figure::Income(source) => Some(self.function.grand_of(*source).total()),
            Figure::Function { code, column } => self.function.figure(code, *column),
            Figure::Economic(None) => Some(self.economic.total),
            Figure::Economic(Some(code)) => self
                .economic
                .row_of(code)
                .and_then(|i| self.economic.rows.get(i))
                .map(|r| r.total),
            Figure::StaffCosts => Some(s.staff),
            Figure::RunningCosts => Some(s.running),
            Figure::ProjectFunds(unit) => Some(
                s.project_funds
                    .iter()
                    .find(|u| &u.unit_code == unit)
                    .map_or(Money::ZERO, |u| u.in_table_unit),
            ),
            Figure::LineFiscal(code) => self
                .function
                .row_of(code)
                .map(|i| self.function.cell_sum(i, &IncomeSource::FISCAL).total()),
            // A percentage, not money: see `execution_change`.
            Figure::ExecutionChange(_) => None,
        }
    }

    /// Line `code`'s 财政拨款 against the line's execution last year (上年当年预算执行数), where
    /// the officer entered it. The paragraph and the check of a printed percentage both use it.
    #[must_use]
    pub fn execution_change(&self, budget: &Budget, code: &str) -> Option<Change> {
        self.execution_change_at(budget, self.function.row_of(code)?)
    }

    /// [`Self::execution_change`] of the 功能分类 table's row `row`.
    #[must_use]
    pub fn execution_change_at(&self, budget: &Budget, row: usize) -> Option<Change> {
        let line = self.function.rows.get(row)?.line?;
        let executed = budget.function_lines.get(line)?.executed_last_year?;
        let fiscal = self.function.cell_sum(row, &IncomeSource::FISCAL).total();
        Some(Change::new(fiscal, executed))
    }
}

/// Label of a figure for messages.
#[must_use]
pub fn figure_label(figure: &Figure, zh: bool) -> String {
    match (figure, zh) {
        (Figure::IncomeTotal, true) => "本年收入合计".into(),
        (Figure::IncomeTotal, false) => "total income".into(),
        (Figure::ExpenditureTotal, true) => "本年支出合计".into(),
        (Figure::ExpenditureTotal, false) => "total expenditure".into(),
        (Figure::Income(s), true) => format!("{}收入", s.label_zh()),
        (Figure::Income(s), false) => format!("income from {}", s.label_en()),
        (Figure::Function { code, column }, true) => format!("[{code}] {}", column.label_zh()),
        (Figure::Function { code, column }, false) => {
            format!("[{code}] {}", column.label_en().to_lowercase())
        }
        (Figure::Economic(None), true) => "经济科目合计".into(),
        (Figure::Economic(None), false) => "economic classes total".into(),
        (Figure::Economic(Some(code)), _) => format!("[{code}]"),
        (Figure::StaffCosts, true) => "人员经费".into(),
        (Figure::StaffCosts, false) => "staff costs".into(),
        (Figure::RunningCosts, true) => "公用经费".into(),
        (Figure::RunningCosts, false) => "running costs".into(),
        (Figure::ProjectFunds(u), true) => format!("{u} 绩效项目资金"),
        (Figure::ProjectFunds(u), false) => format!("performance-project funds of {u}"),
        (Figure::LineFiscal(code), true) => format!("[{code}] 财政拨款"),
        (Figure::LineFiscal(code), false) => format!("[{code}] fiscal appropriations"),
        (Figure::ExecutionChange(code), true) => format!("[{code}] 比上年执行数增减"),
        (Figure::ExecutionChange(code), false) => {
            format!("[{code}] change against last year's execution")
        }
    }
}
