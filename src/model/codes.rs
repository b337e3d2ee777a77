//! Classification codes: 功能分类 (类 3 digits / 款 5 / 项 7) and 经济分类 (类 3 / 款 5 / 7 where
//! published), their validation, and the fixed list of expenditure classes every 收支总表 prints.

use serde::{Deserialize, Serialize};

/// `code name`, or just `name` when there is no code: an empty department or unit code must not
/// leave a leading space.
#[must_use]
pub fn with_code(code: &str, name: &str) -> String {
    match (code.trim().is_empty(), name.is_empty()) {
        (true, _) => name.to_owned(),
        (false, true) => code.to_owned(),
        (false, false) => format!("{code} {name}"),
    }
}

/// The depth of a classification code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    /// 类: three digits.
    Class,
    /// 款: five digits.
    Section,
    /// 项: seven digits.
    Item,
}

impl Level {
    /// Level of a code by its length, if the length is one of 3, 5, 7.
    #[must_use]
    pub fn of(code: &str) -> Option<Level> {
        match code.len() {
            3 => Some(Level::Class),
            5 => Some(Level::Section),
            7 => Some(Level::Item),
            _ => None,
        }
    }

    /// 类 / 款 / 项.
    #[must_use]
    pub fn label_zh(self) -> &'static str {
        match self {
            Level::Class => "类",
            Level::Section => "款",
            Level::Item => "项",
        }
    }

    /// Class / section / item.
    #[must_use]
    pub fn label_en(self) -> &'static str {
        match self {
            Level::Class => "class",
            Level::Section => "section",
            Level::Item => "item",
        }
    }
}

/// Why a code cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Something other than ASCII digits.
    #[error("编码只能是数字 / a code is digits only")]
    NotDigits,
    /// Not 3, 5 or 7 digits.
    #[error("编码须为3、5或7位 / a code has 3, 5 or 7 digits")]
    BadLength,
    /// The 类 or 款 it belongs to is not in the table.
    #[error("上级科目{0}不存在 / its parent {0} does not exist")]
    MissingParent(String),
    /// Already used by another line.
    #[error("编码{0}已存在 / code {0} is already used")]
    Duplicate(String),
}

/// Checks the form of a code (digits, length 3/5/7) and returns its level.
///
/// # Errors
/// [`CodeError::NotDigits`] or [`CodeError::BadLength`].
pub fn validate_form(code: &str) -> Result<Level, CodeError> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::NotDigits);
    }
    Level::of(code).ok_or(CodeError::BadLength)
}

/// The code of the line one level up (`2080505` → `20805`, `20805` → `208`), if any.
#[must_use]
pub fn parent(code: &str) -> Option<&str> {
    match code.len() {
        5 => code.get(..3),
        7 => code.get(..5),
        _ => None,
    }
}

/// The 类 a code belongs to (its first three digits).
#[must_use]
pub fn class_of(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

/// The fixed list of 支出功能分类 类 that the 收支总表 prints, in its order, even where empty.
pub const EXPENDITURE_CLASSES: [(&str, &str, &str); 30] = [
    ("201", "一般公共服务支出", "General public services"),
    ("202", "外交支出", "Foreign affairs"),
    ("203", "国防支出", "National defence"),
    ("204", "公共安全支出", "Public security"),
    ("205", "教育支出", "Education"),
    ("206", "科学技术支出", "Science and technology"),
    (
        "207",
        "文化旅游体育与传媒支出",
        "Culture, tourism, sport and media",
    ),
    (
        "208",
        "社会保障和就业支出",
        "Social security and employment",
    ),
    ("209", "社会保险基金支出", "Social insurance funds"),
    ("210", "卫生健康支出", "Health"),
    ("211", "节能环保支出", "Energy saving and environment"),
    ("212", "城乡社区支出", "Urban and rural communities"),
    ("213", "农林水支出", "Agriculture, forestry and water"),
    ("214", "交通运输支出", "Transport"),
    (
        "215",
        "资源勘探工业信息等支出",
        "Resources, industry and information",
    ),
    ("216", "商业服务业等支出", "Commerce and services"),
    ("217", "金融支出", "Finance"),
    ("219", "援助其他地区支出", "Aid to other regions"),
    (
        "220",
        "自然资源海洋气象等支出",
        "Natural resources, oceans and meteorology",
    ),
    ("221", "住房保障支出", "Housing security"),
    (
        "222",
        "粮油物资储备支出",
        "Grain, oil and material reserves",
    ),
    ("223", "国有资本经营预算支出", "State capital operations"),
    (
        "224",
        "灾害防治及应急管理支出",
        "Disaster prevention and emergency management",
    ),
    ("227", "预备费", "Reserve fund"),
    ("229", "其他支出", "Other expenditure"),
    ("230", "转移性支出", "Transfers"),
    ("231", "债务还本支出", "Debt principal"),
    ("232", "债务付息支出", "Debt interest"),
    ("233", "债务发行费用支出", "Debt issuance costs"),
    (
        "234",
        "抗疫特别国债安排的支出",
        "Special anti-epidemic treasury bonds",
    ),
];

/// The Chinese name of a standard expenditure class, if `code` is one.
#[must_use]
pub fn class_name_zh(code: &str) -> Option<&'static str> {
    EXPENDITURE_CLASSES
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, zh, _)| *zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_and_levels() {
        let cases = [
            ("208", Ok(Level::Class)),
            ("20805", Ok(Level::Section)),
            ("2080505", Ok(Level::Item)),
            ("2080", Err(CodeError::BadLength)),
            ("20a05", Err(CodeError::NotDigits)),
            ("", Err(CodeError::NotDigits)),
            ("２０８", Err(CodeError::NotDigits)),
        ];
        for (code, want) in cases {
            assert_eq!(validate_form(code), want, "{code}");
        }
    }

    #[test]
    fn parents() {
        assert_eq!(parent("2080505"), Some("20805"));
        assert_eq!(parent("20805"), Some("208"));
        assert_eq!(parent("208"), None);
        assert_eq!(class_of("2150501"), "215");
    }

    #[test]
    fn standard_class_list_is_sorted_and_unique() {
        for pair in EXPENDITURE_CLASSES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        assert_eq!(class_name_zh("221"), Some("住房保障支出"));
        assert_eq!(class_name_zh("218"), None);
    }
}
