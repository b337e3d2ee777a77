//! The smaller sections of a disclosure: 三公经费, 机关运行经费, 政府采购, last year's figures, the
//! officer's explanations, and figures as printed (kept to check the derived ones against).

use serde::{Deserialize, Serialize};

use super::income::IncomeSource;
use super::money::{Money, MoneyUnit};

/// 三公经费 (一般公共预算): this year and, where stated, last year.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Sangong {
    /// Unit of this table (the 三公 table is sometimes in 万元 while others are in 元).
    pub unit: MoneyUnit,
    /// This year's budget.
    pub this_year: SangongFigures,
    /// Last year's budget, if the document states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_year: Option<SangongFigures>,
    /// True when all 三公 money is basic expenditure, so each item must equal its economic line;
    /// otherwise each item is only at least its economic line.
    pub all_basic: bool,
}

/// The four 三公 items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct SangongFigures {
    /// 因公出国(境)费.
    pub abroad: Money,
    /// 公务接待费.
    pub reception: Money,
    /// 公务用车购置费.
    pub vehicle_purchase: Money,
    /// 公务用车运行维护费.
    pub vehicle_running: Money,
}

impl SangongFigures {
    /// 公务用车购置及运行费.
    #[must_use]
    pub fn vehicles(&self) -> Money {
        self.vehicle_purchase.saturating_add(self.vehicle_running)
    }

    /// The total.
    #[must_use]
    pub fn total(&self) -> Money {
        Money::saturating_sum([self.abroad, self.reception, self.vehicles()])
    }

    /// The items in table order with their economic-line position (see
    /// [`crate::model::economic::sangong_lines`]).
    #[must_use]
    pub fn items(&self) -> [(SangongItem, Money); 4] {
        [
            (SangongItem::Abroad, self.abroad),
            (SangongItem::Reception, self.reception),
            (SangongItem::VehiclePurchase, self.vehicle_purchase),
            (SangongItem::VehicleRunning, self.vehicle_running),
        ]
    }

    /// Mutable access to one item.
    pub fn item_mut(&mut self, item: SangongItem) -> &mut Money {
        match item {
            SangongItem::Abroad => &mut self.abroad,
            SangongItem::Reception => &mut self.reception,
            SangongItem::VehiclePurchase => &mut self.vehicle_purchase,
            SangongItem::VehicleRunning => &mut self.vehicle_running,
        }
    }
}

/// One 三公 item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SangongItem {
    /// 因公出国(境)费.
    Abroad,
    /// 公务接待费.
    Reception,
    /// 公务用车购置费.
    VehiclePurchase,
    /// 公务用车运行维护费.
    VehicleRunning,
}

impl SangongItem {
    /// Label in the table.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            SangongItem::Abroad => "因公出国（境）费",
            SangongItem::Reception => "公务接待费",
            SangongItem::VehiclePurchase => "公务用车购置费",
            SangongItem::VehicleRunning => "公务用车运行维护费",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            SangongItem::Abroad => "Official travel abroad",
            SangongItem::Reception => "Official receptions",
            SangongItem::VehiclePurchase => "Vehicle purchase",
            SangongItem::VehicleRunning => "Vehicle running costs",
        }
    }
    /// Index into [`crate::model::economic::sangong_lines`].
    #[must_use]
    pub fn index(self) -> usize {
        self as usize
    }
}

/// 机关运行经费: one entry per unit, or a single department-wide entry where only the total is
/// published.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct OperatingCosts {
    /// Unit of this table.
    pub unit: MoneyUnit,
    /// Entries; the total is their sum.
    pub entries: Vec<UnitAmount>,
    /// Last year's total, if stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_year: Option<Money>,
}

/// An amount belonging to one budget unit (or, with an empty code, to the department as a whole).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct UnitAmount {
    /// Budget unit code; empty for the department as a whole.
    pub unit_code: String,
    /// The amount.
    pub amount: Money,
    /// A remark.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// 政府采购: goods, works, services; the total is derived.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    /// Unit of this section.
    pub unit: MoneyUnit,
    /// 货物.
    pub goods: Money,
    /// 工程.
    pub works: Money,
    /// 服务.
    pub services: Money,
    /// Last year's total, if stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_year: Option<Money>,
    /// 面向中小企业预留: the amount reserved for small and medium enterprises, where stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sme_reserved: Option<Money>,
    /// Of the reservation, the part for small and micro enterprises (小型和微型企业).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub small_micro_reserved: Option<Money>,
}

impl Procurement {
    /// goods + works + services.
    #[must_use]
    pub fn total(&self) -> Money {
        Money::saturating_sum([self.goods, self.works, self.services])
    }
}

/// Last year's figures the narrative compares against, in the tables' unit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct LastYear {
    /// Last year's total income.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub income_total: Option<Money>,
    /// Last year's total expenditure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expenditure_total: Option<Money>,
    /// Last year's 一般公共预算 appropriation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub general_public: Option<Money>,
    /// Last year's 财政拨款 (一般公共预算 + 政府性基金 + 国有资本经营), where the document states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fiscal: Option<Money>,
    /// Last year's 政府性基金预算 appropriation, where stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub government_fund: Option<Money>,
    /// Last year's 国有资本经营预算 appropriation, where stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state_capital: Option<Money>,
    /// Where last year's figures come from and how exact they are (a document may print them only
    /// as a rounded change in another unit).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Last year's budget per 功能分类 line as entered (every source, basic and project), written
    /// by 以此为基础新建下一年度: the tables compare line by line without last year's file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub function_lines: Vec<LastLine>,
    /// Last year's budget per economic line as entered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub economic_lines: Vec<LastLine>,
}

/// One line of last year's budget: its code, name and the amount entered on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastLine {
    /// The code.
    pub code: String,
    /// The name last year.
    pub name: String,
    /// The amount entered on the line (its sub-lines' are theirs).
    #[serde(default, skip_serializing_if = "Money::is_zero")]
    pub amount: Money,
}

/// A text of the officer's explanations (情况说明).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NarrativeText {
    /// 变动原因.
    ChangeReason,
    /// 支出变动原因.
    ExpenditureReason,
    /// 人员经费的主要项目.
    StaffItems,
    /// 公用经费的主要项目.
    RunningItems,
    /// 三公说明.
    SangongReason,
    /// Why 因公出国（境）费 changed.
    SangongAbroadReason,
    /// Why 公务用车购置及运行费 changed.
    SangongVehiclesReason,
    /// Why 公务用车购置费 changed.
    SangongPurchaseReason,
    /// Why 公务用车运行费 changed.
    SangongRunningReason,
    /// Why 公务接待费 changed.
    SangongReceptionReason,
    /// 机关运行经费说明.
    OperatingReason,
    /// 其他说明.
    Other,
}

impl NarrativeText {
    /// Every narrative text.
    pub const ALL: [NarrativeText; 12] = [
        NarrativeText::ChangeReason,
        NarrativeText::ExpenditureReason,
        NarrativeText::StaffItems,
        NarrativeText::RunningItems,
        NarrativeText::SangongReason,
        NarrativeText::SangongAbroadReason,
        NarrativeText::SangongVehiclesReason,
        NarrativeText::SangongPurchaseReason,
        NarrativeText::SangongRunningReason,
        NarrativeText::SangongReceptionReason,
        NarrativeText::OperatingReason,
        NarrativeText::Other,
    ];

    /// The text in `narrative`.
    #[must_use]
    pub fn get(self, narrative: &Narrative) -> &str {
        match self {
            NarrativeText::ChangeReason => &narrative.change_reason,
            NarrativeText::ExpenditureReason => &narrative.expenditure_reason,
            NarrativeText::StaffItems => &narrative.staff_items,
            NarrativeText::RunningItems => &narrative.running_items,
            NarrativeText::SangongReason => &narrative.sangong_reason,
            NarrativeText::SangongAbroadReason => &narrative.sangong_items.abroad,
            NarrativeText::SangongVehiclesReason => &narrative.sangong_items.vehicles,
            NarrativeText::SangongPurchaseReason => &narrative.sangong_items.purchase,
            NarrativeText::SangongRunningReason => &narrative.sangong_items.running,
            NarrativeText::SangongReceptionReason => &narrative.sangong_items.reception,
            NarrativeText::OperatingReason => &narrative.operating_reason,
            NarrativeText::Other => &narrative.other,
        }
    }

    /// The text in `narrative`, to change it.
    pub fn get_mut(self, narrative: &mut Narrative) -> &mut String {
        match self {
            NarrativeText::ChangeReason => &mut narrative.change_reason,
            NarrativeText::ExpenditureReason => &mut narrative.expenditure_reason,
            NarrativeText::StaffItems => &mut narrative.staff_items,
            NarrativeText::RunningItems => &mut narrative.running_items,
            NarrativeText::SangongReason => &mut narrative.sangong_reason,
            NarrativeText::SangongAbroadReason => &mut narrative.sangong_items.abroad,
            NarrativeText::SangongVehiclesReason => &mut narrative.sangong_items.vehicles,
            NarrativeText::SangongPurchaseReason => &mut narrative.sangong_items.purchase,
            NarrativeText::SangongRunningReason => &mut narrative.sangong_items.running,
            NarrativeText::SangongReceptionReason => &mut narrative.sangong_items.reception,
            NarrativeText::OperatingReason => &mut narrative.operating_reason,
            NarrativeText::Other => &mut narrative.other,
        }
    }
}

/// The officer's own explanations for the narrative (the figures are derived, the reasons are not).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Why income (and, unless `expenditure_reason` says otherwise, expenditure) changed against
    /// last year: `主要原因是……`.
    pub change_reason: String,
    /// Why expenditure changed, where the officer words it apart from income.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub expenditure_reason: String,
    /// The main items of 人员经费 in the officer's own wording (`基本工资、津贴补贴……`); empty:
    /// the names of the economic lines are listed.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub staff_items: String,
    /// The main items of 公用经费 in the officer's own wording.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub running_items: String,
    /// Why 三公 changed, and the vehicle situation.
    pub sangong_reason: String,
    /// Why each 三公 item changed, where the template words a reason per item.
    #[serde(skip_serializing_if = "SangongReasons::is_empty")]
    pub sangong_items: SangongReasons,
    /// Why 机关运行经费 changed.
    pub operating_reason: String,
    /// 其他说明.
    pub other: String,
}

/// The officer's reason for the change of each 三公 item (`主要原因是购置公务用车。`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct SangongReasons {
    /// 因公出国（境）费.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub abroad: String,
    /// 公务用车购置及运行费.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub vehicles: String,
    /// 公务用车购置费.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purchase: String,
    /// 公务用车运行费.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub running: String,
    /// 公务接待费.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub reception: String,
}

impl SangongReasons {
    /// True when the officer gave none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        [
            &self.abroad,
            &self.vehicles,
            &self.purchase,
            &self.running,
            &self.reception,
        ]
        .iter()
        .all(|t| t.is_empty())
    }
}

/// A figure as the published document prints it. The app derives every total; a stated figure is
/// what the document claims, so a check can show where the two disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatedFigure {
    /// Which figure.
    pub figure: Figure,
    /// The printed value, in `unit` (the standard tables' unit, `Budget::unit`, when absent).
    pub value: Money,
    /// The unit the figure is printed in, where it differs from the tables' (a 万元 figure in the
    /// text beside 元 tables).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<MoneyUnit>,
    /// How many decimals it is printed with (two when absent): the derived figure is rounded to
    /// that before comparing, so a rounded printed figure is not a false difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u32>,
    /// Where it is printed, e.g. `预算公开表6 合计行`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A derivable figure that a document may print.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Figure {
    /// 本年收入合计.
    IncomeTotal,
    /// 本年支出合计.
    ExpenditureTotal,
    /// Income of one source (收入总表 / narrative).
    Income(IncomeSource),
    /// A 功能分类 row of the expenditure tables (all sources), one column.
    Function {
        /// The line's code.
        code: String,
        /// Total, basic or project.
        column: Column,
    },
    /// A row of the economic table; `None` is its 合计.
    Economic(Option<String>),
    /// 人员经费.
    StaffCosts,
    /// 公用经费.
    RunningCosts,
    /// Performance-project funds of the year for one implementing unit (in the tables' unit).
    ProjectFunds(String),
    /// The 财政拨款 of one 功能分类 line, as its paragraph prints it (2024年预算安排…).
    LineFiscal(String),
    /// One line's change against last year's execution, in percent (signed: `-57.14` for
    /// 减少57.14%), as its paragraph prints it; `unit` and `decimals` do not apply.
    ExecutionChange(String),
}

/// A column of the expenditure tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    /// 合计.
    Total,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
}

impl Column {
    /// Label.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Column::Total => "合计",
            Column::Basic => "基本支出",
            Column::Project => "项目支出",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Column::Total => "Total",
            Column::Basic => "Basic",
            Column::Project => "Project",
        }
    }
}
