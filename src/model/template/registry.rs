//! Where templates come from: the built-in files (`assets/templates/`, embedded in the binary)
//! and the files an officer loads (the app's templates folder, `--template-file`). A loaded
//! template is kept for the program's life; loading one with the id of a template already
//! loaded replaces it from then on (a corrected or newer file of the same template).

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, PoisonError, RwLock};

use super::file::{self, TemplateError};
use super::{Template, TemplateId};

/// The built-in template files, in the order 新建 offers them.
pub const BUILT_IN: [(&str, &str); 5] = [
    (
        "Shanxi.ron",
        include_str!("../../../assets/templates/Shanxi.ron"),
    ),
    (
        "ShanghaiDistrict.ron",
        include_str!("../../../assets/templates/ShanghaiDistrict.ron"),
    ),
    (
        "MofReference.ron",
        include_str!("../../../assets/templates/MofReference.ron"),
    ),
    (
        "ShanghaiDistrict2024.ron",
        include_str!("../../../assets/templates/ShanghaiDistrict2024.ron"),
    ),
    (
        "ShanghaiDistrictUnit.ron",
        include_str!("../../../assets/templates/ShanghaiDistrictUnit.ron"),
    ),
];

/// One loaded template and where it came from.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The template.
    pub template: &'static Template,
    /// `built-in` or the file it was read from.
    pub origin: &'static str,
}

static LOADED: LazyLock<RwLock<Vec<Entry>>> = LazyLock::new(|| {
    let mut entries: Vec<Entry> = Vec::new();
    for (name, text) in BUILT_IN {
        // The shipped files are checked by a test; one that fails is left out here.
        let built = file::parse(text, name).and_then(|f| {
            file::build(
                f,
                name,
                |id| {
                    entries
                        .iter()
                        .find(|e| e.template.id == id)
                        .map(|e| e.template.clone())
                },
                Vec::new,
            )
        });
        match built {
            Ok(t) => entries.push(Entry {
                template: Box::leak(Box::new(t)),
                origin: "built-in",
            }),
            Err(e) => log::error!("{e}"),
        }
    }
    RwLock::new(entries)
});

/// Counts the loads: a thread's remembered lookup holds while it is unchanged.
static LOADS: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// The last template this thread resolved, with the load count it was resolved at. Every
    /// table row, check and sentence asks for the budget's template: without this each asked the
    /// shared list under its lock (a third of writing a 100,000-项 narrative).
    static LAST: Cell<Option<(u64, TemplateId, &'static Template)>> = const { Cell::new(None) };
}

/// Every template loaded, the built-in ones first.
#[must_use]
pub fn entries() -> Vec<Entry> {
    LOADED
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// Every template loaded, the built-in ones first.
#[must_use]
pub fn all() -> Vec<&'static Template> {
    entries().into_iter().map(|e| e.template).collect()
}

/// Template `id`, if loaded.
#[must_use]
pub fn find(id: TemplateId) -> Option<&'static Template> {
    LOADED
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .find(|e| e.template.id == id)
        .map(|e| e.template)
}

/// Template `id`, or where it is not loaded the nearest built-in one: the first built-in whose
/// id begins the same way (`ShanghaiDistrict2026` → `ShanghaiDistrict`), else the first.
#[must_use]
pub fn resolve(id: TemplateId) -> &'static Template {
    let loads = LOADS.load(Ordering::Acquire);
    if let Some((at, last, t)) = LAST.get()
        && at == loads
        && last == id
    {
        return t;
    }
    let t = resolve_now(id);
    LAST.set(Some((loads, id, t)));
    t
}

fn resolve_now(id: TemplateId) -> &'static Template {
    if let Some(t) = find(id) {
        return t;
    }
    let loaded = LOADED.read().unwrap_or_else(PoisonError::into_inner);
    let built_in = loaded.iter().filter(|e| e.origin == "built-in");
    built_in
        .clone()
        .filter(|e| id.as_str().starts_with(e.template.id.as_str()))
        .max_by_key(|e| e.template.id.as_str().len())
        .or_else(|| built_in.clone().next())
        .map_or_else(fallback, |e| e.template)
}

/// A template when not even the built-in files could be read (a broken build): Shanxi's, as
/// every file before templates was.
fn fallback() -> &'static Template {
    static SHANXI: LazyLock<Template> = LazyLock::new(|| {
        let (name, text) = BUILT_IN[0];
        file::parse(text, name)
            .and_then(|f| file::build(f, name, |_| None, Vec::new))
            .unwrap_or_else(|e| panic!("the built-in template {name} is broken: {e}"))
    });
    &SHANXI
}

/// Reads the template file `text` (from `origin`) and loads it, replacing any template of the
/// same id. Nothing is loaded from a file with an error.
///
/// # Errors
/// [`TemplateError`] with the file, and line and column where there is one.
pub fn load(text: &str, origin: &str) -> Result<&'static Template, TemplateError> {
    let parsed = file::parse(text, origin)?;
    let built = file::build(
        parsed,
        origin,
        |id| find(id).cloned(),
        || all().iter().map(|t| t.id).collect(),
    )?;
    let unknown = crate::checks::unknown_rule_ids(&built.checks.off);
    if !unknown.is_empty() {
        return Err(TemplateError::UnknownRules {
            origin: origin.to_owned(),
            unknown: unknown.join(", "),
            known: crate::checks::Rule::ALL
                .iter()
                .map(|r| r.id())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    let template: &'static Template = Box::leak(Box::new(built));
    let origin: &'static str = Box::leak(origin.to_owned().into_boxed_str());
    let mut loaded = LOADED.write().unwrap_or_else(PoisonError::into_inner);
    let entry = Entry { template, origin };
    match loaded.iter_mut().find(|e| e.template.id == template.id) {
        Some(existing) => *existing = entry,
        None => loaded.push(entry),
    }
    // Every thread's remembered lookup is stale now.
    LOADS.fetch_add(1, Ordering::Release);
    Ok(template)
}

// The built-in templates by name: the only place the program names one.
impl TemplateId {
    /// 山西省部门预算公开 (built in).
    pub const SHANXI: TemplateId = TemplateId("Shanxi");
    /// 上海市区级部门预算 (built in).
    pub const SHANGHAI_DISTRICT: TemplateId = TemplateId("ShanghaiDistrict");
    /// The Ministry of Finance's reference set of eight tables (built in).
    pub const MOF_REFERENCE: TemplateId = TemplateId("MofReference");
}

/// A budget that names no template is in the first built-in one's.
impl Default for TemplateId {
    fn default() -> Self {
        TemplateId::SHANXI
    }
}

/// The loaded template an officer names on the command line: its id in any case, or the short
/// names of earlier versions (`shanxi`, `shanghai`).
#[must_use]
pub fn named(name: &str) -> Option<TemplateId> {
    if name.eq_ignore_ascii_case("shanxi") {
        return Some(TemplateId::SHANXI);
    }
    if name.eq_ignore_ascii_case("shanghai") {
        return Some(TemplateId::SHANGHAI_DISTRICT);
    }
    entries()
        .into_iter()
        .map(|e| e.template.id)
        .find(|id| id.as_str().eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tables::TableId;

    #[test]
    fn the_built_in_files_load_and_are_what_their_names_say() {
        for (name, text) in BUILT_IN {
            let f = file::parse(text, name).unwrap();
            assert_eq!(
                f.id.map(|id| format!("{id}.ron")).as_deref(),
                Some(name),
                "a built-in file is named by its id"
            );
        }
        let ids: Vec<TemplateId> = all().iter().map(|t| t.id).collect();
        assert_eq!(
            &ids[..5],
            [
                TemplateId::SHANXI,
                TemplateId::SHANGHAI_DISTRICT,
                TemplateId::MOF_REFERENCE,
                TemplateId::parse("ShanghaiDistrict2024").unwrap(),
                TemplateId::parse("ShanghaiDistrictUnit").unwrap(),
            ]
        );
        // The 单位预算 is the department's template with its own words.
        let unit = TemplateId::parse("ShanghaiDistrictUnit").unwrap().get();
        assert_eq!(
            unit.numbered_title(TableId::IncomeExpenditure, true, 2024),
            "1. 2024年预算单位财务收支预算总表"
        );
        assert_eq!(
            unit.code_layout,
            TemplateId::SHANGHAI_DISTRICT.get().code_layout
        );
        let mof = TemplateId::MOF_REFERENCE.get();
        assert_eq!(mof.tables.len(), 8);
        assert_eq!(
            mof.numbered_title(TableId::Sangong, true, 2025),
            "表7 一般公共预算“三公”经费支出表"
        );
    }

    #[test]
    fn a_template_extends_another_and_states_only_what_changes() {
        let text = r#"(
            format: 1,
            id: ShanghaiDistrictTest2026,
            version: 2026,
            extends: ShanghaiDistrict,
            retitle: [(kind: Expenditure, title: (zh: "2026年部门支出预算总表", en: "Expenditure 2026"))],
            unit: WanYuan,
        )"#;
        let t = load(text, "test.ron").unwrap();
        let base = TemplateId::SHANGHAI_DISTRICT.get();
        assert_eq!(
            t.numbered_title(TableId::Expenditure, true, 2026),
            "3. 2026年部门支出预算总表"
        );
        assert_eq!(t.unit, crate::model::MoneyUnit::WanYuan);
        assert_eq!(t.code_layout, base.code_layout);
        assert_eq!(t.tables.len(), base.tables.len());
        // An id not loaded resolves to the built-in it begins with.
        let unknown = TemplateId::parse("ShanghaiDistrictSomewhere").unwrap();
        assert_eq!(resolve(unknown).id, TemplateId::SHANGHAI_DISTRICT);
        assert_eq!(
            resolve(TemplateId::parse("Elsewhere").unwrap()).id,
            TemplateId::SHANXI
        );
    }

    #[test]
    fn a_template_switches_rules_off_and_sets_its_tolerance() {
        let budget = crate::sample::sample_budget().unwrap();
        let derived = crate::calc::derive(&budget);
        let rules = |b: &crate::model::Budget| -> Vec<&'static str> {
            crate::checks::run(b, &derived)
                .iter()
                .map(|f| f.rule.id())
                .collect()
        };
        assert!(rules(&budget).contains(&"project.total"));
        let text = "(format: 1, id: ShanxiLenient, version: 1, extends: Shanxi, \
            checks: (rounding_tolerance: \"10\", tolerance_unit: WanYuan, off: [\"text.reason\"]))";
        let t = load(text, "lenient.ron").unwrap();
        let mut lenient = budget.clone();
        lenient.template = t.id;
        let now = rules(&lenient);
        assert!(!now.contains(&"text.reason"), "{now:?}");
        // The forms' 9.00 万元 against the tables is within 10 万元 now: a warning, not an error.
        let project_total = crate::checks::run(&lenient, &derived)
            .into_iter()
            .find(|f| f.rule.id() == "project.total")
            .unwrap();
        assert_eq!(project_total.severity, crate::checks::Severity::Warning);
        let e = load(
            "(format: 1, id: ShanxiTypo, version: 1, extends: Shanxi, \
              checks: (rounding_tolerance: \"0.05\", tolerance_unit: WanYuan, off: [\"text.reasons\"]))",
            "typo.ron",
        )
        .unwrap_err();
        assert!(e.to_string().contains("text.reasons"), "{e}");
        assert!(
            e.to_string().contains("text.reason,"),
            "lists the rules: {e}"
        );
    }

    #[test]
    fn a_bad_file_names_its_line_and_column_and_loads_nothing() {
        let unknown_field =
            "(\n    format: 1,\n    id: Bad1,\n    version: 1,\n    colour: Red,\n)";
        let e = load(unknown_field, "bad.ron").unwrap_err();
        assert!(matches!(e, TemplateError::Syntax { line: 5, .. }), "{e}");
        assert!(e.to_string().starts_with("bad.ron:5:"), "{e}");
        let missing = "(format: 1, id: Bad2, version: 1)";
        let e = load(missing, "bad.ron").unwrap_err();
        assert!(e.to_string().contains("tables"), "{e}");
        let no_base = "(format: 1, id: Bad3, version: 1, extends: Nowhere)";
        let e = load(no_base, "bad.ron").unwrap_err();
        assert!(
            e.to_string().contains("Shanxi"),
            "lists what is loaded: {e}"
        );
        let future = "(format: 9, id: Bad4, version: 1)";
        assert!(matches!(
            load(future, "bad.ron"),
            Err(TemplateError::Format { found: 9, .. })
        ));
        for bad in ["Bad1", "Bad2", "Bad3", "Bad4"] {
            assert!(find(TemplateId::parse(bad).unwrap()).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_template_shown_reads_back_as_the_same_template() {
        for t in all().into_iter().take(4) {
            let text = file::to_text(t);
            let back = file::build(
                file::parse(&text, "shown.ron").unwrap(),
                "shown.ron",
                |_| None,
                Vec::new,
            )
            .unwrap();
            assert_eq!(&back, t, "{text}");
        }
    }
}
