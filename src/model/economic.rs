//! 经济分类: basic expenditure by economic classification, in either of the two code sets, and
//! which lines count as staff costs (人员经费) or running costs (公用经费).

use serde::{Deserialize, Serialize};

use super::money::Money;

/// Which economic code set a table uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum EconScheme {
    /// 政府预算支出经济分类: 501–599.
    #[default]
    Government,
    /// 部门预算支出经济分类: 301–399.
    Department,
}

impl EconScheme {
    /// Label.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            EconScheme::Government => "政府预算支出经济分类",
            EconScheme::Department => "部门预算支出经济分类",
        }
    }
    /// English label.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            EconScheme::Government => "Government economic classification (50x)",
            EconScheme::Department => "Departmental economic classification (30x)",
        }
    }
}

/// Staff costs or running costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CostKind {
    /// 人员经费.
    Staff,
    /// 公用经费.
    Running,
}

/// The basic-expenditure table by economic classification.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[serde(deny_unknown_fields)]
pub struct EconomicTable {
    /// Which code set the lines use.
    pub scheme: EconScheme,
    /// Lines, sorted by code; money on the deepest published line.
    pub lines: Vec<EconLine>,
}

/// One economic line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EconLine {
    /// 3-, 5- or 7-digit code.
    pub code: String,
    /// Name as published.
    pub name: String,
    /// Amount entered on this line (a leaf; or not itemised further on a parent).
    #[serde(default, skip_serializing_if = "Money::is_zero")]
    pub amount: Money,
    /// Overrides the staff/running grouping the code set gives this line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_kind: Option<CostKind>,
    /// A remark on this line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl EconLine {
    /// A line with no money yet.
    #[must_use]
    pub fn new(code: impl Into<String>, name: impl Into<String>) -> Self {
        EconLine {
            code: code.into(),
            name: name.into(),
            ..EconLine::default()
        }
    }
}

/// The grouping the code set gives a code: in the 50x set 501, 509 and 50501 are staff, 502, 503
/// and 50502 running; in the 30x set 301 and 303 are staff, 302 and 310 running. Other codes have
/// no standard grouping (`None`).
#[must_use]
pub fn standard_cost_kind(scheme: EconScheme, code: &str) -> Option<CostKind> {
    let starts = |p: &str| code.starts_with(p);
    match scheme {
        EconScheme::Government => {
            if starts("501") || starts("509") || starts("50501") {
                Some(CostKind::Staff)
            } else if starts("502") || starts("503") || starts("50502") {
                Some(CostKind::Running)
            } else {
                None
            }
        }
        EconScheme::Department => {
            if starts("301") || starts("303") {
                Some(CostKind::Staff)
            } else if starts("302") || starts("310") {
                Some(CostKind::Running)
            } else {
                None
            }
        }
    }
}

/// The economic line each 三公 item corresponds to, per code set:
/// (出国, 接待, 用车购置, 用车运行).
#[must_use]
pub fn sangong_lines(scheme: EconScheme) -> [&'static str; 4] {
    match scheme {
        EconScheme::Government => ["50207", "50206", "50303", "50208"],
        EconScheme::Department => ["30212", "30217", "31013", "30231"],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groupings_follow_the_code_sets() {
        use CostKind::{Running, Staff};
        let cases = [
            (EconScheme::Government, "50101", Some(Staff)),
            (EconScheme::Government, "509", Some(Staff)),
            (EconScheme::Government, "50501", Some(Staff)),
            (EconScheme::Government, "5050299", Some(Running)),
            (EconScheme::Government, "50306", Some(Running)),
            (EconScheme::Government, "505", None),
            (EconScheme::Government, "599", None),
            (EconScheme::Department, "30101", Some(Staff)),
            (EconScheme::Department, "30201", Some(Running)),
            (EconScheme::Department, "31002", Some(Running)),
            (EconScheme::Department, "30307", Some(Staff)),
            (EconScheme::Department, "399", None),
        ];
        for (scheme, code, want) in cases {
            assert_eq!(standard_cost_kind(scheme, code), want, "{code}");
        }
    }
}
