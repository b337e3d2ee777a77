//! Comparing last year's budget with this year's: on a generated budget and an edited copy the
//! comparison lists exactly the lines that were edited (and their parents whose totals moved),
//! matched by code; a renumbered line is reported, never merged.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::process::Command;

use budget_studio::calc::compare::{LineStatus, compare};
use budget_studio::calc::derive;
use budget_studio::model::{Amounts, Column, FunctionLine, IncomeSource, Money};
use budget_studio::synth::function_budget;
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn compare_lists_exactly_the_changed_lines(
        items in 4usize..300,
        seed in any::<u64>(),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..8),
        rename in any::<prop::sample::Index>(),
        remove in any::<prop::sample::Index>(),
    ) {
        let last = function_budget(items, seed);
        let mut this = last.clone();
        let leaves: Vec<usize> = (0..this.function_lines.len())
            .filter(|i| this.function_lines[*i].code.len() == 7)
            .collect();
        let mut expected: BTreeSet<String> = BTreeSet::new();
        // Amounts changed on some leaves.
        for pick in &picks {
            let line = &mut this.function_lines[leaves[pick.index(leaves.len())]];
            let old = line.split(IncomeSource::GeneralPublic).basic;
            line.set(
                IncomeSource::GeneralPublic,
                Column::Basic,
                old.checked_add(Money(Decimal::new(100, 2))).unwrap(),
            );
            expected.insert(line.code.clone());
        }
        // One leaf renamed.
        let renamed = &mut this.function_lines[leaves[rename.index(leaves.len())]];
        renamed.name.push_str("（更名）");
        expected.insert(renamed.code.clone());
        // One leaf removed, one added under the first 款.
        let removed = leaves[remove.index(leaves.len())];
        let removed_code = this.function_lines[removed].code.clone();
        this.function_lines.remove(removed);
        expected.insert(removed_code.clone());
        let section = last.function_lines.iter().find(|l| l.code.len() == 5).unwrap().code.clone();
        let new_code = (1..=99)
            .map(|i| format!("{section}{i:02}"))
            .find(|c| last.function_lines.iter().all(|l| &l.code != c))
            .unwrap();
        let mut added = FunctionLine::new(new_code.clone(), "新增项目");
        added.set(IncomeSource::GeneralPublic, Column::Project, Money(Decimal::new(5000, 2)));
        this.function_lines.push(added);
        this.sort_lines();
        expected.insert(new_code.clone());

        let c = compare(&last, &derive(&last), &this, &derive(&this));
        let listed: BTreeSet<String> = c
            .differing()
            .filter(|l| l.code.len() == 7)
            .map(|l| l.code.clone())
            .collect();
        prop_assert_eq!(&listed, &expected);
        let status = |code: &str| c.lines.iter().find(|l| l.code == code).unwrap().status;
        prop_assert_eq!(status(&removed_code), LineStatus::Removed);
        prop_assert_eq!(status(&new_code), LineStatus::Added);
        // A parent is listed exactly when its total moved (or it is new, or gone).
        let this_derived = derive(&this);
        let last_derived = derive(&last);
        for line in c.lines.iter().filter(|l| l.code.len() < 7) {
            let now = this_derived.function.figure(&line.code, Column::Total);
            let before = last_derived.function.figure(&line.code, Column::Total);
            prop_assert_eq!(line.differs(), now != before || line.last_name.is_some(), "{}", line.code);
        }
        // The total moved by the edits.
        let total = c.total.unwrap();
        prop_assert_eq!(total.this_year, this_derived.summary.total);
        prop_assert_eq!(total.last_year, last_derived.summary.total);
    }
}

#[test]
fn a_renumbered_line_is_reported_not_merged() {
    let last = function_budget(40, 7);
    let mut this = last.clone();
    let i = this
        .function_lines
        .iter()
        .position(|l| l.code.len() == 7)
        .unwrap();
    let old_code = this.function_lines[i].code.clone();
    let mut new_code = old_code.clone();
    new_code.replace_range(5..7, "98");
    this.function_lines[i].code = new_code.clone();
    this.sort_lines();
    let c = compare(&last, &derive(&last), &this, &derive(&this));
    let status = |code: &str| c.lines.iter().find(|l| l.code == code).unwrap().status;
    assert_eq!(status(&old_code), LineStatus::Removed);
    assert_eq!(status(&new_code), LineStatus::Added);
    assert_eq!(c.code_changes.len(), 1, "{:?}", c.code_changes);
    assert_eq!(c.code_changes[0].old_code, old_code);
    assert_eq!(c.code_changes[0].new_code, new_code);
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_budget-studio"))
}

#[test]
fn compare_on_the_command_line_prints_the_changed_lines_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2021.ron");
    let new = dir.path().join("2022.ron");
    let last = budget_studio::sample::sample_budget().unwrap();
    let mut this = last.clone();
    let i = this.function_line_index("2080505").unwrap();
    this.function_lines[i].set(
        IncomeSource::GeneralPublic,
        Column::Basic,
        Money(Decimal::new(10_000, 2)),
    );
    budget_studio::io::save(&last, &old).unwrap();
    budget_studio::io::save(&this, &new).unwrap();
    let out = bin().arg("compare").arg(&old).arg(&new).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[2080505]"), "{text}");
    assert!(text.contains("[20805]") && text.contains("[208]"), "{text}");
    assert!(!text.contains("[2101101]"), "{text}");
    assert!(text.contains("共 3 行有变动"), "{text}");
    let out = bin()
        .args(["compare", "--json"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lines = json["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["code"], "2080505");
    assert_eq!(lines[2]["status"], "Changed");
    let out = bin()
        .arg("compare")
        .arg(dir.path().join("missing.ron"))
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_narrative_takes_its_changes_from_last_years_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2021.ron");
    // Last year: the same budget with 9000 万元 less on the 改革资金 line and 三公 of 7 万元.
    let mut last = budget_studio::sample::sample_budget().unwrap();
    last.profile.year = 2021;
    let this = budget_studio::sample::sample_budget().unwrap();
    let i = last
        .function_lines
        .iter()
        .position(|l| l.code.starts_with("208") && l.code.len() == 7 && !l.amounts.is_empty())
        .unwrap();
    let code = last.function_lines[i].code.clone();
    last.function_lines[i].amounts = Amounts::new();
    last.sangong.this_year = this.sangong.last_year.unwrap();
    budget_studio::io::save(&last, &old).unwrap();
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample_budgets/xinzhou-industry-2022.ron"
    );
    let out = bin()
        .args(["narrative", sample, "--last-year"])
        .arg(&old)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let d = derive(&this);
    let line_total = d.function.figure(&code, Column::Total).unwrap();
    let expected = format!("比上年增加 {} 万元", line_total.value().round_dp(2));
    assert!(text.contains(&expected), "{expected}\n{text}");
    assert!(
        text.contains("“三公”经费预算共 5 万元，较 2021 年减少 2 万元"),
        "{text}"
    );
}

#[test]
fn last_years_columns_stand_beside_whole_lines_only() {
    use budget_studio::calc::compare::Classification;
    use budget_studio::calc::tables::{Cell, table};
    use budget_studio::model::TableId;
    let this = budget_studio::sample::sample_budget().unwrap();
    let mut last = this.clone();
    let i = last.function_line_index("2080505").unwrap();
    last.function_lines[i].set(
        IncomeSource::GeneralPublic,
        Column::Basic,
        Money(Decimal::new(100, 0)),
    );
    let (d_last, d_this) = (derive(&last), derive(&this));
    let c = compare(&last, &d_last, &this, &d_this);
    // Found by code in either classification; a code of the other one is not.
    assert_eq!(
        c.line(Classification::Function, "2080505")
            .unwrap()
            .change
            .last_year,
        Money(Decimal::new(100, 0))
    );
    assert!(c.line(Classification::Economic, "50101").is_some());
    assert!(c.line(Classification::Economic, "2080505").is_none());
    assert!(c.line(Classification::Function, "9999999").is_none());

    let plain = table(&this, &d_this, TableId::Expenditure, true);
    let columns = plain.columns.len();
    let with = table(&this, &d_this, TableId::Expenditure, true).with_comparison(&c, true);
    assert_eq!(with.columns.len(), columns + 3);
    let at = with.position("2080505").unwrap();
    let row = with.row(at).unwrap();
    assert_eq!(row.cells.len(), columns + 3);
    assert_eq!(
        row.cells[columns],
        Cell::Amount(Money(Decimal::new(100, 0)))
    );
    // The 合计 row carries the totals' change.
    let total = with.rows().find(|r| r.label == "合计").unwrap();
    assert_eq!(
        total.cells[columns + 1],
        Cell::Amount(c.total.unwrap().amount)
    );
    // A table of one source's share takes no columns.
    let general = table(&this, &d_this, TableId::GeneralPublic, true);
    let n = general.columns.len();
    assert_eq!(general.with_comparison(&c, true).columns.len(), n);
}
