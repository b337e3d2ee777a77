//! Templates: each province (and many cities) prints the 部门预算公开 in its own official layout.
//! A template is data, not code paths: which tables a disclosure has, their numbers and titles,
//! how codes are printed, the tables' usual unit, the income columns and economic code set a new
//! budget starts with, and how projects are disclosed. Every view, check and export asks the
//! budget's template instead of assuming one province.

use serde::{Deserialize, Serialize};

use super::economic::EconScheme;
use super::income::IncomeSource;
use super::money::MoneyUnit;
use super::tables::TableId;

/// Which official template a budget is published in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TemplateId {
    /// 山西省（忻州市）部门预算公开, as the 2022 disclosure of 忻州市工业和信息化局: 预算公开表 1–11,
    /// 万元, 50x economic codes, a 绩效目标申报表 for every project.
    #[default]
    Shanxi,
    /// 上海市区级部门预算, as the 2025 disclosure of 上海市普陀区人民政府办公室: 表1–表9, whole 元 in
    /// tables 1–8, codes in three columns, 30x economic codes, 项目经费情况说明 for selected projects.
    ShanghaiDistrict,
}

impl TemplateId {
    /// Every template, in the order New offers them.
    pub const ALL: [TemplateId; 2] = [TemplateId::Shanxi, TemplateId::ShanghaiDistrict];

    /// The template's definition.
    #[must_use]
    pub fn get(self) -> &'static Template {
        match self {
            TemplateId::Shanxi => &SHANXI,
            TemplateId::ShanghaiDistrict => &SHANGHAI_DISTRICT,
        }
    }

    /// Name in Chinese.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        self.get().name_zh
    }

    /// Name in English.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        self.get().name_en
    }
}

/// How a table prints 功能分类 and economic codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeLayout {
    /// One column with the whole code (`2080505`), the name beside it.
    OneColumn,
    /// Three columns 类 / 款 / 项 (`208 | 05 | 05`), the name apart.
    ThreeColumns,
}

/// How a template discloses projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectDisclosure {
    /// A 项目支出绩效目标申报表 for every project: together they carry the whole 项目支出.
    FormPerProject,
    /// 项目经费情况说明 for selected large projects, and one department-level 绩效目标设置情况
    /// statement (units, projects, funds).
    SelectedDescriptions,
}

/// One table of a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableSpec {
    /// What the table shows.
    pub kind: TableId,
    /// Its number in the template.
    pub number: u8,
    /// Title in Chinese, without the year.
    pub title_zh: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// The header over the amount columns, where the template prints its own wording
    /// (`支出预算`); otherwise `{year}年预算数`.
    pub amounts_heading: Option<(&'static str, &'static str)>,
}

/// An official template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template {
    /// Which one.
    pub id: TemplateId,
    /// Name in Chinese.
    pub name_zh: &'static str,
    /// Name in English.
    pub name_en: &'static str,
    /// What a table number is prefixed with: `预算公开表` or `表`.
    pub table_prefix_zh: &'static str,
    /// The tables, in published order.
    pub tables: &'static [TableSpec],
    /// How codes are printed.
    pub code_layout: CodeLayout,
    /// The unit the main tables of a new budget are in.
    pub unit: MoneyUnit,
    /// The unit of the 三公 / 机关运行经费 table and of the text.
    pub text_unit: MoneyUnit,
    /// The income columns a new budget starts with.
    pub income_columns: &'static [IncomeSource],
    /// The economic code set of the basic-expenditure table.
    pub econ_scheme: EconScheme,
    /// How projects are disclosed.
    pub projects: ProjectDisclosure,
    /// The income table prints 财政拨款收入 as one column (the three fund types together).
    pub fiscal_income_column: bool,
    /// The two-sided summary tables (收支总表, 财政拨款收支总表) list every 类 of the standard list,
    /// money or not (Shanxi); otherwise only the 类 with money, numbered 一、二、… (Shanghai).
    pub all_classes_in_summaries: bool,
    /// The economic table prints 合计 / 人员经费 / 公用经费 columns (rather than one amount with
    /// the grouping beside it).
    pub economic_cost_columns: bool,
    /// The department and each budget unit are printed with their codes (主管部门及代码,
    /// 单位代码), so an empty code leaves a gap in the published document.
    pub unit_codes: bool,
}

impl Template {
    /// The spec of table `kind`, if the template has that table.
    #[must_use]
    pub fn table(&self, kind: TableId) -> Option<&'static TableSpec> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The table that shows `kind`'s figures: the table itself, or the one a template folds it
    /// into (Shanghai prints 三公 and 机关运行经费 in one table).
    #[must_use]
    pub fn table_showing(&self, kind: TableId) -> Option<&'static TableSpec> {
        self.table(kind).or_else(|| match kind {
            TableId::Sangong | TableId::OperatingCosts => self.table(TableId::SangongAndOperating),
            _ => None,
        })
    }

    /// The title as printed above table `kind`: `预算公开表3 预算支出总表`, `表3 部门支出预算总表`,
    /// `Table 3 …`; the kind's own name when the template lacks the table.
    #[must_use]
    pub fn numbered_title(&self, kind: TableId, zh: bool) -> String {
        match (self.table_showing(kind), zh) {
            (Some(t), true) => format!("{}{} {}", self.table_prefix_zh, t.number, t.title_zh),
            (Some(t), false) => format!("Table {} {}", t.number, t.title_en),
            (None, true) => kind.title_zh().to_owned(),
            (None, false) => kind.title_en().to_owned(),
        }
    }

    /// The title of table `kind` without its number (for messages).
    #[must_use]
    pub fn title(&self, kind: TableId, zh: bool) -> &'static str {
        match (self.table_showing(kind), zh) {
            (Some(t), true) => t.title_zh,
            (Some(t), false) => t.title_en,
            (None, true) => kind.title_zh(),
            (None, false) => kind.title_en(),
        }
    }
}

const fn spec(
    kind: TableId,
    number: u8,
    title_zh: &'static str,
    title_en: &'static str,
) -> TableSpec {
    TableSpec {
        kind,
        number,
        title_zh,
        title_en,
        amounts_heading: None,
    }
}

/// A table whose amount columns stand under the template's own heading.
const fn headed(spec: TableSpec, zh: &'static str, en: &'static str) -> TableSpec {
    TableSpec {
        amounts_heading: Some((zh, en)),
        ..spec
    }
}

/// The Shanxi (忻州 2022) template.
static SHANXI: Template = Template {
    id: TemplateId::Shanxi,
    name_zh: "山西省部门预算公开（预算公开表1–11）",
    name_en: "Shanxi departmental budget (tables 1–11)",
    table_prefix_zh: "预算公开表",
    tables: &[
        spec(
            TableId::IncomeExpenditure,
            1,
            "预算收支总表",
            "Budget income and expenditure",
        ),
        spec(TableId::Income, 2, "预算收入总表", "Budget income"),
        spec(
            TableId::Expenditure,
            3,
            "预算支出总表",
            "Budget expenditure",
        ),
        spec(
            TableId::Fiscal,
            4,
            "财政拨款收支总表",
            "Fiscal appropriations",
        ),
        spec(
            TableId::GeneralPublic,
            5,
            "一般公共预算支出预算表",
            "General public budget expenditure",
        ),
        spec(
            TableId::BasicByEconomic,
            6,
            "一般公共预算安排基本支出分经济科目表",
            "Basic expenditure by economic class",
        ),
        spec(
            TableId::GovFundIncome,
            7,
            "政府性基金预算收入表",
            "Government fund income",
        ),
        spec(
            TableId::GovFundExpenditure,
            8,
            "政府性基金预算支出表",
            "Government fund expenditure",
        ),
        spec(
            TableId::StateCapital,
            9,
            "国有资本经营预算收支预算表",
            "State capital operations",
        ),
        spec(
            TableId::Sangong,
            10,
            "一般公共预算“三公”经费支出情况统计表",
            "\"Three public\" costs",
        ),
        spec(
            TableId::OperatingCosts,
            11,
            "机关运行经费预算财政拨款情况统计表",
            "Agency operating costs",
        ),
    ],
    code_layout: CodeLayout::OneColumn,
    unit: MoneyUnit::WanYuan,
    text_unit: MoneyUnit::WanYuan,
    income_columns: &IncomeSource::SEED_TEMPLATE,
    econ_scheme: EconScheme::Government,
    projects: ProjectDisclosure::FormPerProject,
    fiscal_income_column: false,
    all_classes_in_summaries: true,
    economic_cost_columns: false,
    unit_codes: true,
};

/// The Shanghai district (区级, 2025) template.
static SHANGHAI_DISTRICT: Template = Template {
    id: TemplateId::ShanghaiDistrict,
    name_zh: "上海市区级部门预算（表1–表9）",
    name_en: "Shanghai district departmental budget (tables 1–9)",
    table_prefix_zh: "表",
    tables: &[
        spec(
            TableId::IncomeExpenditure,
            1,
            "部门财务收支预算总表",
            "Financial income and expenditure",
        ),
        headed(
            spec(TableId::Income, 2, "部门收入预算总表", "Income"),
            "收入预算",
            "Income budget",
        ),
        headed(
            spec(TableId::Expenditure, 3, "部门支出预算总表", "Expenditure"),
            "支出预算",
            "Expenditure budget",
        ),
        spec(
            TableId::Fiscal,
            4,
            "部门财政拨款收支预算总表",
            "Fiscal appropriations",
        ),
        headed(
            spec(
                TableId::GeneralPublic,
                5,
                "部门一般公共预算支出功能分类预算表",
                "General public budget expenditure by function",
            ),
            "一般公共预算支出",
            "General public budget expenditure",
        ),
        headed(
            spec(
                TableId::GovFundExpenditure,
                6,
                "部门政府性基金预算支出功能分类预算表",
                "Government fund expenditure by function",
            ),
            "政府性基金预算支出",
            "Government fund expenditure",
        ),
        headed(
            spec(
                TableId::StateCapital,
                7,
                "部门国有资本经营预算支出功能分类预算表",
                "State capital operations expenditure by function",
            ),
            "国有资本经营预算支出",
            "State capital operations expenditure",
        ),
        headed(
            spec(
                TableId::BasicByEconomic,
                8,
                "部门一般公共预算基本支出部门预算经济分类预算表",
                "Basic expenditure by departmental economic class",
            ),
            "一般公共预算基本支出",
            "General public budget basic expenditure",
        ),
        spec(
            TableId::SangongAndOperating,
            9,
            "部门“三公”经费和机关运行经费预算表",
            "\"Three public\" costs and agency operating costs",
        ),
    ],
    code_layout: CodeLayout::ThreeColumns,
    unit: MoneyUnit::Yuan,
    text_unit: MoneyUnit::WanYuan,
    income_columns: &[
        IncomeSource::GeneralPublic,
        IncomeSource::GovernmentFund,
        IncomeSource::StateCapital,
        IncomeSource::ServiceIncome,
        IncomeSource::BusinessIncome,
        IncomeSource::Other,
    ],
    econ_scheme: EconScheme::Department,
    projects: ProjectDisclosure::SelectedDescriptions,
    fiscal_income_column: true,
    all_classes_in_summaries: false,
    economic_cost_columns: true,
    unit_codes: false,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_template_numbers_its_tables_from_one_without_gaps() {
        for id in TemplateId::ALL {
            let t = id.get();
            assert_eq!(t.id, id);
            for (i, spec) in t.tables.iter().enumerate() {
                assert_eq!(usize::from(spec.number), i + 1, "{id:?}");
                assert_eq!(t.table(spec.kind), Some(spec), "{id:?} lists a kind once");
            }
        }
    }

    #[test]
    fn titles_follow_the_template() {
        let shanxi = TemplateId::Shanxi.get();
        let shanghai = TemplateId::ShanghaiDistrict.get();
        assert_eq!(
            shanxi.numbered_title(TableId::Expenditure, true),
            "预算公开表3 预算支出总表"
        );
        assert_eq!(
            shanghai.numbered_title(TableId::Expenditure, true),
            "表3 部门支出预算总表"
        );
        // Shanghai folds 三公 into table 9.
        assert_eq!(
            shanghai.numbered_title(TableId::Sangong, true),
            "表9 部门“三公”经费和机关运行经费预算表"
        );
        assert!(shanghai.table(TableId::GovFundIncome).is_none());
    }
}
