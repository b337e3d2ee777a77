//! The figures a workbook prints for its subtotals and totals, kept as the budget's stated
//! figures where they differ from what its lines give.

use super::assemble::{Collected, parents};
use super::recognise::{Field, Kind, Scope};
use crate::calc::Derived;
use rust_decimal::Decimal;

use crate::model::{Budget, Column, Figure, IncomeSource, Money, Split, StatedFigure};

/// The printed subtotals and totals that differ from what the lines give, as stated figures;
/// differences no figure can hold go to the notes.
pub(super) fn stated_figures(
    collected: &Collected,
    budget: &Budget,
    derived: &Derived,
    compared: &mut usize,
    notes: &mut Vec<(String, String)>,
) -> Vec<StatedFigure> {
    let unit = budget.unit;
    let mut out: Vec<StatedFigure> = Vec::new();
    let keep = |figure: Figure, printed: Money, source: String, out: &mut Vec<StatedFigure>| {
        if let Some(value) = derived.figure(&figure)
            && value != printed
            && !out.iter().any(|s| s.figure == figure)
        {
            out.push(StatedFigure {
                figure,
                value: printed,
                source,
                unit: None,
                decimals: None,
            });
        }
    };
    for t in &collected.tables {
        let is_parent = parents(&t.lines.lines);
        let conv = |d: Decimal| t.unit.convert(Money(d), unit);
        let rows = t
            .lines
            .lines
            .iter()
            .filter(|l| is_parent.contains(l.code.as_str()))
            .chain(t.lines.total.iter());
        for line in rows {
            for (field, col, a) in &line.amounts {
                if a.is_derived() {
                    continue;
                }
                *compared += 1;
                let printed = conv(a.value);
                let source = format!(
                    "{}!{}",
                    t.sheet,
                    super::a1(line.row, u16::try_from(*col).unwrap_or(0))
                );
                let total = line.code.is_empty();
                let column = match field {
                    Field::Total | Field::Source(_) | Field::Fiscal => Column::Total,
                    Field::Basic => Column::Basic,
                    Field::Project => Column::Project,
                    Field::Staff | Field::Running => Column::Total,
                };
                let figure = match (t.kind, field, total) {
                    (Kind::Economic, Field::Total, false) => {
                        Some(Figure::Economic(Some(line.code.clone())))
                    }
                    (Kind::Economic, Field::Total, true) => Some(Figure::Economic(None)),
                    (Kind::Economic, Field::Staff, true) => Some(Figure::StaffCosts),
                    (Kind::Economic, Field::Running, true) => Some(Figure::RunningCosts),
                    (Kind::Expenditure(Scope::All), Field::Total, true) => {
                        Some(Figure::ExpenditureTotal)
                    }
                    (Kind::Income(Scope::All), Field::Total, true) => Some(Figure::IncomeTotal),
                    (Kind::Income(Scope::All), Field::Source(s), true) => Some(Figure::Income(*s)),
                    (Kind::Expenditure(Scope::All), _, false)
                    | (Kind::Income(Scope::All), Field::Total, false) => Some(Figure::Function {
                        code: line.code.clone(),
                        column,
                    }),
                    _ => None,
                };
                match figure {
                    Some(figure) => keep(figure, printed, source, &mut out),
                    None => {
                        if let Some(d) = derived_of(derived, t.kind, *field, &line.code)
                            && d != printed
                        {
                            notes.push((
                                format!("{source}：印发数 {}，按明细为 {}（无对应审核项，仅列出）", printed, d),
                                format!("{source}: printed {printed}, the lines give {d} (no check covers it; listed only)"),
                            ));
                        }
                    }
                }
            }
        }
    }
    for (sheet, sheet_unit, printed) in &collected.summary {
        for p in printed {
            *compared += 1;
            let value = sheet_unit.convert(Money(p.value), unit);
            let source = format!(
                "{sheet}!{}",
                super::a1(p.at.0, u16::try_from(p.at.1).unwrap_or(0))
            );
            keep(p.figure.clone(), value, source, &mut out);
        }
    }
    out
}

/// The derived figure a per-source cell of a table stands for.
fn derived_of(derived: &Derived, kind: Kind, field: Field, code: &str) -> Option<Money> {
    let f = &derived.function;
    let sources: Vec<IncomeSource> = match (kind, field) {
        (Kind::Expenditure(Scope::Only(s)) | Kind::Income(Scope::Only(s)), _) => vec![s],
        (_, Field::Source(s)) => vec![s],
        (Kind::Expenditure(Scope::All), _) => IncomeSource::ALL.to_vec(),
        (_, Field::Fiscal) => IncomeSource::FISCAL.to_vec(),
        _ => return None,
    };
    let split: Split = if code.is_empty() {
        let mut sum = Split::default();
        for s in &sources {
            sum.saturating_add_assign(f.grand_of(*s));
        }
        sum
    } else {
        f.cell_sum(f.row_of(code)?, &sources)
    };
    Some(match field {
        Field::Basic => split.basic,
        Field::Project => split.project,
        _ => split.total(),
    })
}
