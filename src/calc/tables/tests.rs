//! Tables 1–11 of the sample, as the table model lays them out, against the seed's printed
//! figures — without a window.

use super::*;
use crate::calc::derive;
use crate::model::money::m;
use crate::model::sections::SangongItem;
use crate::model::{Column, IncomeSource};
use crate::sample::sample_budget;

fn sample() -> (Budget, Derived) {
    let budget = sample_budget().expect("the bundled sample loads");
    let derived = derive(&budget);
    (budget, derived)
}

/// The printed text of every cell of the row showing `code` (`None`: the 合计 row).
fn texts(table: &Table<'_>, code: Option<&str>) -> Vec<String> {
    let row = table
        .rows()
        .find(|r| r.code.as_deref() == code && (code.is_some() || r.kind == RowKind::Total))
        .expect("row present");
    row.cells.iter().map(|c| c.text(row.kind)).collect()
}

#[test]
fn expenditure_table_prints_the_seeds_figures_with_total_first() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::Expenditure, true);
    assert_eq!(t.title, "预算公开表3 预算支出总表");
    assert_eq!(t.unit, MoneyUnit::WanYuan);
    assert!(!t.empty);
    let first = t.row(0).expect("total row");
    assert_eq!(first.kind, RowKind::Total);
    assert_eq!(
        texts(&t, None),
        ["合计", "", "10,441.41", "1,168.84", "9,272.57"]
    );
    assert_eq!(
        texts(&t, Some("215")),
        [
            "215",
            "资源勘探工业信息等支出",
            "1,014.42",
            "952.10",
            "62.32"
        ]
    );
    assert_eq!(
        texts(&t, Some("21505")),
        ["21505", "工业和信息产业监管", "751.54", "705.82", "45.72"]
    );
    // A leaf's basic and project cells edit that line's 一般公共预算 amounts; zeros print blank.
    let leaf = t
        .row(t.position("2150501").expect("leaf"))
        .expect("leaf row");
    assert_eq!(leaf.kind, RowKind::Item);
    assert_eq!(
        leaf.cells[3],
        Cell::Input {
            value: m("675.94"),
            field: AmountField::Function {
                code: "2150501".into(),
                source: IncomeSource::GeneralPublic,
                column: Column::Basic,
            },
        }
    );
    assert_eq!(t.cell_name(&leaf, 3), "[2150501] 基本支出");
    assert_eq!(texts(&t, Some("2150502"))[3], "");
    // A parent is derived, never an input.
    let parent = t.row(t.position("21505").expect("parent")).expect("row");
    assert!(matches!(parent.cells[3], Cell::Amount(_)));
}

#[test]
fn header_has_two_rows_with_the_year_spanning_the_amounts() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::Expenditure, true);
    assert_eq!(t.header_rows, 2);
    let over = t
        .header
        .iter()
        .find(|h| h.row == 0 && h.col == 2)
        .expect("span");
    assert_eq!((over.text.as_str(), over.cols), ("2022年预算数", 3));
    let leaves: Vec<&str> = t
        .header
        .iter()
        .filter(|h| h.row == 1)
        .map(|h| h.text.as_str())
        .collect();
    assert_eq!(
        leaves,
        ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    );
}

#[test]
fn income_table_has_a_column_per_income_source() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::Income, true);
    assert_eq!(t.columns.len(), 2 + 1 + budget.income_columns.len());
    assert_eq!(
        texts(&t, None),
        ["合计", "", "10,441.41", "10,441.41", "", "", "", ""]
    );
    assert_eq!(texts(&t, Some("2101102"))[2..4], ["1.86", "1.86"]);
    assert!(
        t.rows()
            .all(|r| r.cells.iter().all(|c| !matches!(c, Cell::Input { .. })))
    );
}

#[test]
fn general_public_table_shows_the_general_public_column() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::GeneralPublic, true);
    assert_eq!(texts(&t, None)[2..], ["10,441.41", "1,168.84", "9,272.57"]);
    assert_eq!(
        texts(&t, Some("2080699"))[2..],
        ["9,000.00", "", "9,000.00"]
    );
}

#[test]
fn fund_and_state_capital_tables_are_empty_and_say_so() {
    let (budget, derived) = sample();
    for id in [
        TableId::GovFundIncome,
        TableId::GovFundExpenditure,
        TableId::StateCapital,
    ] {
        let t = table(&budget, &derived, id, true);
        assert!(t.empty, "{id:?}");
        let total = t.row(0).expect("total row");
        assert!(
            total
                .cells
                .iter()
                .filter_map(Cell::amount)
                .all(|a| a.is_zero()),
            "{id:?}"
        );
    }
}

#[test]
fn an_empty_fund_table_shows_every_line_with_cells_and_prints_only_its_total() {
    let (budget, derived) = sample();
    let screen = table(&budget, &derived, TableId::GovFundExpenditure, true);
    assert!(screen.empty);
    // On screen: the 合计 row and every line, each leaf with cells to type the fund's money in.
    assert_eq!(screen.len(), derived.function.rows.len() + 1);
    let leaf = screen
        .rows()
        .find(|r| r.code.as_deref() == Some("2080505"))
        .expect("a leaf line on screen");
    assert!(
        leaf.cells.iter().any(
            |c| matches!(c, Cell::Input { field: AmountField::Function { source, .. }, .. }
                if *source == IncomeSource::GovernmentFund)
        ),
        "{leaf:?}"
    );
    // Printed: the 合计 row only, with the note that the table is empty.
    let printed = screen.printed();
    assert_eq!(printed.len(), 1);
    assert!(printed.empty_note.is_some());
    assert_eq!(printed.position("2080505"), None);
}

#[test]
fn a_fund_table_prints_only_the_lines_that_fund_pays_for_and_shows_every_line() {
    let (mut budget, _) = sample();
    let line = budget
        .function_lines
        .iter_mut()
        .find(|l| l.code == "2150501")
        .expect("line in the sample");
    line.set(IncomeSource::GovernmentFund, Column::Project, m("5"));
    let derived = derive(&budget);
    let screen = table(&budget, &derived, TableId::GovFundExpenditure, true);
    let printed = table(&budget, &derived, TableId::GovFundExpenditure, true).printed();
    // The screen lists every line, so that any can be given fund money.
    assert_eq!(screen.len(), derived.function.rows.len() + 1);
    // The printed table: 合计, then the line with its 类 and 款.
    let codes: Vec<Option<String>> = printed.rows().map(|r| r.code).collect();
    assert_eq!(
        codes,
        [
            None,
            Some("215".to_owned()),
            Some("21505".to_owned()),
            Some("2150501".to_owned())
        ]
    );
    assert_eq!(texts(&printed, Some("2150501"))[2..], ["5.00", "", "5.00"]);
    assert_eq!(texts(&printed, None)[2..], ["5.00", "", "5.00"]);
    assert_eq!(printed.position("2150501"), Some(3));
    assert_eq!(printed.position("2080505"), None);
    assert!(screen.position("2080505").is_some());
    // Tables of every source print every line, as they show.
    for id in [TableId::Expenditure, TableId::Income] {
        let all = table(&budget, &derived, id, true);
        assert_eq!(all.clone().printed().len(), all.len(), "{id:?}");
    }
    // The 一般公共预算 table keeps every line with 一般公共预算 money; in the sample, all.
    let gp = table(&budget, &derived, TableId::GeneralPublic, true);
    assert_eq!(gp.clone().printed().len(), gp.len());
}

#[test]
fn income_expenditure_table_sets_sources_against_every_class() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::IncomeExpenditure, true);
    assert_eq!(t.len(), 31, "30 classes and the total");
    let first = t.row(0).expect("row");
    assert_eq!(
        first
            .cells
            .iter()
            .map(|c| c.text(first.kind))
            .collect::<Vec<_>>(),
        ["一、一般公共预算", "10,441.41", "一般公共服务支出", ""]
    );
    assert_eq!(
        texts(&t, Some("208"))[2..],
        ["社会保障和就业支出", "9,292.71"]
    );
    assert_eq!(texts(&t, Some("221"))[3], "86.35");
    assert_eq!(
        texts(&t, None),
        ["本年收入合计", "10,441.41", "本年支出合计", "10,441.41"]
    );
}

#[test]
fn fiscal_table_splits_expenditure_by_fund_type_under_a_three_row_header() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::Fiscal, true);
    assert_eq!(t.header_rows, 3);
    assert_eq!(t.columns.len(), 7);
    assert_eq!(
        texts(&t, Some("215"))[2..],
        ["资源勘探工业信息等支出", "1,014.42", "1,014.42", "", ""]
    );
    assert_eq!(
        texts(&t, None),
        [
            "本年收入合计",
            "10,441.41",
            "本年支出合计",
            "10,441.41",
            "10,441.41",
            "",
            ""
        ]
    );
}

#[test]
fn economic_table_rolls_up_and_groups_staff_and_running_costs() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::BasicByEconomic, true);
    // The seed prints 1,168.84; its lines add up to 1,168.83 (a check reports it).
    assert_eq!(texts(&t, None)[2], "1,168.83");
    assert_eq!(texts(&t, Some("501"))[2..4], ["778.45", ""]);
    assert_eq!(texts(&t, Some("50101"))[2..4], ["573.48", "人员经费"]);
    assert_eq!(texts(&t, Some("50201"))[2..4], ["146.09", "公用经费"]);
    let leaf = t.row(t.position("50206").expect("row")).expect("row");
    assert!(matches!(
        &leaf.cells[2],
        Cell::Input { field: AmountField::Economic { code }, .. } if code == "50206"
    ));
}

#[test]
fn sangong_table_has_items_subtotal_total_and_changes() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::Sangong, true);
    assert_eq!(t.unit, budget.sangong.unit);
    let labels: Vec<String> = t.rows().map(|r| r.label).collect();
    assert_eq!(
        labels,
        [
            "因公出国（境）费",
            "公务接待费",
            "公务用车购置及运行费",
            "①公务用车购置费",
            "②公务用车运行维护费",
            "合计"
        ]
    );
    let total = t.row(5).expect("total");
    assert_eq!(total.cells[1].text(total.kind), "5.00");
    // 三公 5 万元, 较上年减少 2 万元.
    assert_eq!(total.cells[3].amount(), Some(m("-2")));
    let vehicles = t.row(2).expect("subtotal");
    assert_eq!(vehicles.kind, RowKind::Subtotal);
    assert_eq!(vehicles.cells[1].text(vehicles.kind), "3.00");
    let reception = t.row(1).expect("row");
    assert!(matches!(
        reception.cells[1],
        Cell::Input {
            field: AmountField::Sangong {
                item: SangongItem::Reception,
                last_year: false
            },
            ..
        }
    ));
}

#[test]
fn operating_costs_table_totals_entries_and_compares_with_last_year() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::OperatingCosts, true);
    let total = t.row(0).expect("total");
    assert_eq!(total.cells[2].text(total.kind), "152.52");
    let change = t.rows().last().expect("change row");
    // 机关运行经费 152.52, 增加 0.95.
    assert_eq!(change.cells[2].amount(), Some(m("0.95")));
}

#[test]
fn english_labels_come_from_the_same_model() {
    let (budget, derived) = sample();
    let t = table(&budget, &derived, TableId::Expenditure, false);
    assert_eq!(t.title, "Table 3 Budget expenditure");
    assert_eq!(texts(&t, None)[0], "Total");
    let leaf = t.row(t.position("2150501").expect("leaf")).expect("row");
    assert_eq!(t.cell_name(&leaf, 4), "[2150501] Project");
}

#[test]
fn every_table_has_a_cell_per_column_in_every_row() {
    let (budget, derived) = sample();
    for id in TableId::ALL {
        for zh in [true, false] {
            let t = table(&budget, &derived, id, zh);
            assert!(!t.is_empty(), "{id:?}");
            for row in t.rows() {
                assert_eq!(row.cells.len(), t.columns.len(), "{id:?} {}", row.label);
            }
            for h in &t.header {
                assert!(h.rows >= 1 && h.cols >= 1 && h.row + h.rows <= t.header_rows);
                assert!(h.col + h.cols <= t.columns.len(), "{id:?} {}", h.text);
            }
        }
    }
}

#[test]
fn an_officers_note_replaces_the_templates_and_empty_or_same_wording_removes_it() {
    let (mut budget, _) = sample();
    let id = TableId::GovFundExpenditure;
    let default = template_empty_note(&budget, id, true);
    assert!(default.contains("故本表为空表"), "{default}");
    budget.table_notes = notes_with(&budget, id, "  注：本部门无政府性基金。 ");
    assert_eq!(budget.table_notes.len(), 1);
    assert_eq!(empty_note(&budget, id, true), "注：本部门无政府性基金。");
    // Another table's note stays; notes keep table order.
    budget.table_notes = notes_with(&budget, TableId::StateCapital, "注：无。");
    assert_eq!(budget.table_notes.len(), 2);
    assert!(budget.table_notes[0].table < budget.table_notes[1].table);
    // Empty text or the template's own sentence: the template speaks again.
    budget.table_notes = notes_with(&budget, id, "");
    assert_eq!(empty_note(&budget, id, true), default);
    let capital = template_empty_note(&budget, TableId::StateCapital, true);
    budget.table_notes = notes_with(&budget, TableId::StateCapital, &capital);
    assert!(
        budget
            .table_notes
            .iter()
            .all(|n| n.table != TableId::StateCapital)
    );
}
