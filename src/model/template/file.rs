//! The template file: RON, with its own format number, read strictly (an unknown field is an
//! error with its line and column, and nothing of a bad file is taken).
//!
//! A file either states every field, or `extends` another template and states only what
//! changes, as a new year's template is last year's with a few titles changed:
//!
//! ```ron
//! (
//!     format: 1,
//!     id: ShanghaiDistrict2026,
//!     version: 2026,
//!     extends: ShanghaiDistrict,
//!     retitle: [(kind: Expenditure, title: (zh: "2026年部门支出预算总表", en: "Expenditure"))],
//! )
//! ```
//!
//! `Option` fields are written without `Some(…)`. `docs/templates.md` describes every field.

use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};

use super::{
    CheckRules, CodeLayout, Label, NarrativeStyle, ProjectDisclosure, TableSpec, Template,
    TemplateId,
};
use crate::model::economic::EconScheme;
use crate::model::income::IncomeSource;
use crate::model::money::MoneyUnit;
use crate::model::tables::TableId;

/// The template format this program reads and writes.
pub const FORMAT: u32 = 1;

/// A template file as written: every field but the header may be left out when the template
/// `extends` another.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateFile {
    /// The format number ([`FORMAT`]).
    pub format: u32,
    /// The template's id, an identifier.
    pub id: Option<TemplateId>,
    /// Its version.
    pub version: u32,
    /// The template this one changes, if any.
    #[serde(default)]
    pub extends: Option<TemplateId>,
    /// Its name.
    #[serde(default)]
    pub name: Option<Label>,
    /// The prefix of a table's number (`表`, `预算公开表`).
    #[serde(default)]
    pub table_prefix: Option<Label>,
    /// The tables, in order (numbered from 1 in that order).
    #[serde(default)]
    pub tables: Option<Vec<TableSpec>>,
    /// New titles for some of the tables (of this file's list or the base's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retitle: Vec<Retitle>,
    /// Some paragraphs of the 情况说明 in new words (of this file's narrative or the base's); a
    /// paragraph worded here replaces the same paragraph's wording there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reword: Vec<super::wording::Wording>,
    /// How codes are printed.
    #[serde(default)]
    pub code_layout: Option<CodeLayout>,
    /// The main tables' unit.
    #[serde(default)]
    pub unit: Option<MoneyUnit>,
    /// The unit of the text and of the 三公 / 机关运行经费 table.
    #[serde(default)]
    pub text_unit: Option<MoneyUnit>,
    /// The income columns a new budget starts with.
    #[serde(default)]
    pub income_columns: Option<Vec<IncomeSource>>,
    /// The economic classification.
    #[serde(default)]
    pub economic_scheme: Option<EconScheme>,
    /// How projects are disclosed.
    #[serde(default)]
    pub projects: Option<ProjectDisclosure>,
    /// 财政拨款收入 printed as one column of the income table.
    #[serde(default)]
    pub fiscal_income_column: Option<bool>,
    /// The summary tables list every 类 of the standard list.
    #[serde(default)]
    pub all_classes_in_summaries: Option<bool>,
    /// The economic table has 合计 / 人员经费 / 公用经费 columns.
    #[serde(default)]
    pub economic_cost_columns: Option<bool>,
    /// Units are printed with their codes.
    #[serde(default)]
    pub unit_codes: Option<bool>,
    /// How the 情况说明 is written.
    #[serde(default)]
    pub narrative: Option<NarrativeStyle>,
    /// Which checks apply, and their tolerance.
    #[serde(default)]
    pub checks: Option<CheckRules>,
    /// The cover and the parts of the publication.
    #[serde(default)]
    pub outline: Option<super::outline::Outline>,
    /// How the printed tables write amounts, unless a table says otherwise.
    #[serde(default)]
    pub number_format: Option<super::NumberFormat>,
    /// Where the printed tables' 合计 rows stand (Top when not said, in any template).
    #[serde(default)]
    pub total_row: Option<super::TotalRow>,
    /// The template each unit's own disclosure (单位预算) is published in, where the department's
    /// template has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_template: Option<TemplateId>,
}

/// A new title for one table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retitle {
    /// The table.
    pub kind: TableId,
    /// Its title.
    pub title: Label,
}

/// Why a template file was refused. Nothing of it is used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// Not RON of the template's shape.
    #[error("{origin}:{line}:{column}: {message_zh} / {message}")]
    Syntax {
        /// The file.
        origin: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What was expected, in English.
        message: String,
        /// The same in Chinese.
        message_zh: String,
    },
    /// A format this program does not read.
    #[error(
        "{origin}: 模板格式 {found}，本程序读取格式 {FORMAT} / template format {found}; this program reads format {FORMAT}"
    )]
    Format {
        /// The file.
        origin: String,
        /// The format it states.
        found: u32,
    },
    /// No id.
    #[error("{origin}: 缺少模板 id / the template has no id")]
    NoId {
        /// The file.
        origin: String,
    },
    /// A template without a base that leaves fields out.
    #[error(
        "{origin}: 模板 {id} 没有 extends，须写明 {fields} / template {id} extends nothing, so it must state {fields}"
    )]
    Missing {
        /// The file.
        origin: String,
        /// Its id.
        id: TemplateId,
        /// The fields left out.
        fields: String,
    },
    /// `extends` names a template that is not loaded.
    #[error(
        "{origin}: extends 的模板 {base} 未找到，已有：{known} / the base template {base} is not loaded; loaded: {known}"
    )]
    UnknownBase {
        /// The file.
        origin: String,
        /// The missing base.
        base: TemplateId,
        /// The templates there are.
        known: String,
    },
    /// `checks.off` names a rule there is not.
    #[error(
        "{origin}: checks.off 中没有这些检查：{unknown}；可用：{known} / checks.off names no such rule: {unknown}; the rules are: {known}"
    )]
    UnknownRules {
        /// The file.
        origin: String,
        /// The ids that name nothing.
        unknown: String,
        /// Every rule's id.
        known: String,
    },
    /// A title pattern uses a name that does not exist.
    #[error(
        "{origin}: 标题中的 {{{unknown}}} 不存在；可用：{known} / no value is named {unknown} in a title; the names are: {known}"
    )]
    UnknownNames {
        /// The file.
        origin: String,
        /// The names that do not exist.
        unknown: String,
        /// The names there are.
        known: String,
    },
    /// A paragraph's wording that does not fit its outline.
    #[error("{origin}: {what_zh} / {what}")]
    Wording {
        /// The file.
        origin: String,
        /// What is wrong, in English.
        what: String,
        /// The same in Chinese.
        what_zh: String,
    },
    /// The same table twice, or no table.
    #[error("{origin}: {what_zh} / {what}")]
    Tables {
        /// The file.
        origin: String,
        /// What is wrong, in English.
        what: String,
        /// The same in Chinese.
        what_zh: String,
    },
}

impl TemplateError {
    /// The message in one language.
    #[must_use]
    pub fn describe(&self, zh: bool) -> String {
        let text = self.to_string();
        match text.split_once(" / ") {
            Some((z, e)) => {
                if zh {
                    z.to_owned()
                } else {
                    // The English half lacks the file's name the Chinese half starts with.
                    let origin = z.split_once(": ").map_or("", |(o, _)| o);
                    let origin = origin.strip_suffix('：').unwrap_or(origin);
                    if e.starts_with(origin) || origin.is_empty() {
                        e.to_owned()
                    } else {
                        format!("{origin}: {e}")
                    }
                }
            }
            None => text,
        }
    }
}

fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads a template file's text (`origin` names it in messages).
///
/// # Errors
/// [`TemplateError::Syntax`] with line and column, or [`TemplateError::Format`].
pub fn parse(text: &str, origin: &str) -> Result<TemplateFile, TemplateError> {
    let file: TemplateFile = options().from_str(text).map_err(|e| {
        let (message_zh, message) = crate::io::diagnose::messages(&e.code);
        TemplateError::Syntax {
            origin: origin.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message,
            message_zh,
        }
    })?;
    if file.format != FORMAT {
        return Err(TemplateError::Format {
            origin: origin.to_owned(),
            found: file.format,
        });
    }
    Ok(file)
}

/// Builds the template `file` describes, on `base` when it extends one (`find` looks a base up).
///
/// # Errors
/// A base that is not loaded, fields missing from a template without a base, a table listed
/// twice or a retitle of a table the template lacks.
pub fn build(
    file: TemplateFile,
    origin: &str,
    find: impl Fn(TemplateId) -> Option<Template>,
    known: impl Fn() -> Vec<TemplateId>,
) -> Result<Template, TemplateError> {
    let id = file.id.ok_or_else(|| TemplateError::NoId {
        origin: origin.to_owned(),
    })?;
    let base = match file.extends {
        Some(base) => Some(find(base).ok_or_else(|| {
            TemplateError::UnknownBase {
                origin: origin.to_owned(),
                base,
                known: known()
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })?),
        None => None,
    };
    let mut missing: Vec<&str> = Vec::new();
    macro_rules! field {
        ($name:ident, $base:ident) => {
            match (file.$name, &base) {
                (Some(v), _) => Some(v),
                (None, Some(b)) => Some(b.$base.clone()),
                (None, None) => {
                    missing.push(stringify!($name));
                    None
                }
            }
        };
    }
    let name = field!(name, name);
    let table_prefix = field!(table_prefix, table_prefix);
    let tables = field!(tables, tables);
    let code_layout = field!(code_layout, code_layout);
    let unit = field!(unit, unit);
    let text_unit = field!(text_unit, text_unit);
    let income_columns = field!(income_columns, income_columns);
    let econ_scheme = field!(economic_scheme, econ_scheme);
    let projects = field!(projects, projects);
    let fiscal_income_column = field!(fiscal_income_column, fiscal_income_column);
    let all_classes_in_summaries = field!(all_classes_in_summaries, all_classes_in_summaries);
    let economic_cost_columns = field!(economic_cost_columns, economic_cost_columns);
    let unit_codes = field!(unit_codes, unit_codes);
    let narrative = field!(narrative, narrative);
    let checks = field!(checks, checks);
    let outline = field!(outline, outline);
    let number_format = field!(number_format, number_format);
    // Optional in every template: a file of the first format need not state it.
    let total_row = file
        .total_row
        .or(base.as_ref().map(|b| b.total_row))
        .unwrap_or_default();
    let unit_template = file
        .unit_template
        .or(base.as_ref().and_then(|b| b.unit_template));
    let (
        Some(name),
        Some(table_prefix),
        Some(mut tables),
        Some(code_layout),
        Some(unit),
        Some(text_unit),
        Some(income_columns),
        Some(econ_scheme),
        Some(projects),
        Some(fiscal_income_column),
        Some(all_classes_in_summaries),
        Some(economic_cost_columns),
        Some(unit_codes),
        Some(mut narrative),
        Some(checks),
        Some(outline),
        Some(number_format),
    ) = (
        name,
        table_prefix,
        tables,
        code_layout,
        unit,
        text_unit,
        income_columns,
        econ_scheme,
        projects,
        fiscal_income_column,
        all_classes_in_summaries,
        economic_cost_columns,
        unit_codes,
        narrative,
        checks,
        outline,
        number_format,
    )
    else {
        return Err(TemplateError::Missing {
            origin: origin.to_owned(),
            id,
            fields: missing.join(", "),
        });
    };
    let table_error = |what: String, what_zh: String| TemplateError::Tables {
        origin: origin.to_owned(),
        what,
        what_zh,
    };
    if tables.is_empty() || tables.len() > usize::from(u8::MAX) {
        return Err(table_error(
            format!("a template has 1 to 255 tables, not {}", tables.len()),
            format!("模板须有 1 至 255 张表，而不是 {} 张", tables.len()),
        ));
    }
    for (i, t) in tables.iter().enumerate() {
        if tables[..i].iter().any(|o| o.kind == t.kind) {
            return Err(table_error(
                format!("table {:?} is listed twice", t.kind),
                format!("表 {:?} 列出了两次", t.kind),
            ));
        }
    }
    for r in file.retitle {
        let Some(t) = tables.iter_mut().find(|t| t.kind == r.kind) else {
            return Err(table_error(
                format!("retitle names table {:?}, which the template lacks", r.kind),
                format!("retitle 中的表 {:?} 不在模板中", r.kind),
            ));
        };
        t.title = r.title;
    }
    for w in file.reword {
        match narrative
            .wording
            .iter_mut()
            .find(|o| o.paragraph == w.paragraph)
        {
            Some(old) => *old = w,
            None => narrative.wording.push(w),
        }
    }
    super::wording::check(narrative.outline, &narrative.wording).map_err(|(what_zh, what)| {
        TemplateError::Wording {
            origin: origin.to_owned(),
            what,
            what_zh,
        }
    })?;
    for (i, t) in tables.iter_mut().enumerate() {
        t.number = u8::try_from(i + 1).unwrap_or(u8::MAX);
    }
    let mut unknown = outline.unknown_names();
    unknown.extend(
        narrative
            .headings
            .iter()
            .flat_map(|h| h.title.names())
            .filter(|n| !super::outline::PATTERN_NAMES.contains(n))
            .map(str::to_owned),
    );
    if !unknown.is_empty() {
        return Err(TemplateError::UnknownNames {
            origin: origin.to_owned(),
            unknown: unknown.join(", "),
            known: super::outline::PATTERN_NAMES.join(", "),
        });
    }
    Ok(Template {
        id,
        version: file.version,
        name,
        table_prefix,
        tables,
        code_layout,
        unit,
        text_unit,
        income_columns,
        econ_scheme,
        projects,
        fiscal_income_column,
        all_classes_in_summaries,
        economic_cost_columns,
        unit_codes,
        narrative,
        checks,
        outline,
        number_format,
        total_row,
        unit_template,
    })
}

/// `template` as a whole file (no `extends`): what `budget-studio template show` prints, to copy
/// and change.
#[must_use]
pub fn to_text(template: &Template) -> String {
    let file = TemplateFile {
        format: FORMAT,
        id: Some(template.id),
        version: template.version,
        extends: None,
        name: Some(template.name.clone()),
        table_prefix: Some(template.table_prefix.clone()),
        tables: Some(template.tables.clone()),
        retitle: Vec::new(),
        reword: Vec::new(),
        code_layout: Some(template.code_layout),
        unit: Some(template.unit),
        text_unit: Some(template.text_unit),
        income_columns: Some(template.income_columns.clone()),
        economic_scheme: Some(template.econ_scheme),
        projects: Some(template.projects),
        fiscal_income_column: Some(template.fiscal_income_column),
        all_classes_in_summaries: Some(template.all_classes_in_summaries),
        economic_cost_columns: Some(template.economic_cost_columns),
        unit_codes: Some(template.unit_codes),
        narrative: Some(template.narrative.clone()),
        checks: Some(template.checks.clone()),
        outline: Some(template.outline.clone()),
        number_format: Some(template.number_format),
        total_row: Some(template.total_row),
        unit_template: template.unit_template,
    };
    let pretty = ron::ser::PrettyConfig::new()
        .extensions(Extensions::IMPLICIT_SOME)
        .struct_names(false);
    options()
        .to_string_pretty(&file, pretty)
        .unwrap_or_default()
}
