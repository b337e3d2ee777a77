//! Derived two-sided tables: 预算收支总表 (1) and 财政拨款收支总表 (4). Read-only: every figure
//! comes from other tables.

use egui::{Grid, RichText, Ui};

use crate::document::Document;
use crate::model::codes::EXPENDITURE_CLASSES;
use crate::model::{IncomeSource, Money};
use crate::ui::ViewState;
use crate::ui::i18n::Tr;
use crate::ui::widgets::{amount_label, cell_label};

const NUMERALS: [&str; 11] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
];

fn class_total(doc: &Document, code: &str, sources: &[IncomeSource]) -> Money {
    let f = &doc.derived().function;
    f.row_of(code)
        .map_or(Money::ZERO, |r| f.cell_sum(r, sources).total())
}

/// Table 1: income by source against expenditure by 类.
pub fn income_expenditure(ui: &mut Ui, doc: &Document, view: &ViewState) {
    let lang = view.lang;
    let f = &doc.derived().function;
    let income: Vec<(String, Money)> = doc
        .budget()
        .income_columns
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = s.label(lang.zh());
            let numbered = if lang.zh() {
                format!("{}、{label}", NUMERALS.get(i).copied().unwrap_or(""))
            } else {
                label.to_owned()
            };
            (numbered, f.grand_of(*s).total())
        })
        .collect();
    ui.label(RichText::new(Tr::ReadOnlyTable.get(lang)).weak());
    egui::ScrollArea::vertical().show(ui, |ui| {
        Grid::new("table-1")
            .striped(true)
            .min_col_width(110.0)
            .show(ui, |ui| {
                ui.strong(Tr::Income.get(lang));
                ui.strong(Tr::Amount.get(lang));
                ui.strong(Tr::Expenditure.get(lang));
                ui.strong(Tr::Amount.get(lang));
                ui.end_row();
                for (i, (code, zh, en)) in EXPENDITURE_CLASSES.iter().enumerate() {
                    match income.get(i) {
                        Some((label, amount)) => {
                            ui.label(label);
                            cell_label(ui, *amount, 2, false, label);
                        }
                        None => {
                            ui.label("");
                            ui.label("");
                        }
                    }
                    let name = if lang.zh() { *zh } else { *en };
                    ui.label(name);
                    cell_label(
                        ui,
                        class_total(doc, code, &IncomeSource::ALL),
                        2,
                        false,
                        &format!("[{code}] {name}"),
                    );
                    ui.end_row();
                }
                ui.strong(lang.pick("本年收入合计", "Total income"));
                let total = f.grand.total();
                amount_label(
                    ui,
                    total,
                    2,
                    true,
                    lang.pick("本年收入合计", "Total income"),
                );
                ui.strong(lang.pick("本年支出合计", "Total expenditure"));
                amount_label(
                    ui,
                    total,
                    2,
                    true,
                    lang.pick("本年支出合计", "Total expenditure"),
                );
                ui.end_row();
            });
    });
}

/// Table 4: fiscal appropriations by fund type.
pub fn fiscal(ui: &mut Ui, doc: &Document, view: &ViewState) {
    let lang = view.lang;
    let f = &doc.derived().function;
    ui.label(RichText::new(Tr::ReadOnlyTable.get(lang)).weak());
    egui::ScrollArea::vertical().show(ui, |ui| {
        Grid::new("table-4")
            .striped(true)
            .min_col_width(100.0)
            .show(ui, |ui| {
                ui.strong(Tr::Income.get(lang));
                ui.strong(Tr::Amount.get(lang));
                ui.strong(Tr::Expenditure.get(lang));
                ui.strong(Tr::Subtotal.get(lang));
                for s in IncomeSource::FISCAL {
                    ui.strong(s.label(lang.zh()));
                }
                ui.end_row();
                for (i, (code, zh, en)) in EXPENDITURE_CLASSES.iter().enumerate() {
                    match IncomeSource::FISCAL.get(i) {
                        Some(s) => {
                            let label = s.label(lang.zh());
                            ui.label(if lang.zh() {
                                format!("{}、{label}", NUMERALS[i])
                            } else {
                                label.to_owned()
                            });
                            amount_label(ui, f.grand_of(*s).total(), 2, false, label);
                        }
                        None => {
                            ui.label("");
                            ui.label("");
                        }
                    }
                    let name = if lang.zh() { *zh } else { *en };
                    ui.label(name);
                    cell_label(
                        ui,
                        class_total(doc, code, &IncomeSource::FISCAL),
                        2,
                        false,
                        &format!("[{code}] {}", Tr::Subtotal.get(lang)),
                    );
                    for s in IncomeSource::FISCAL {
                        cell_label(
                            ui,
                            class_total(doc, code, &[s]),
                            2,
                            false,
                            &format!("[{code}] {}", s.label_zh()),
                        );
                    }
                    ui.end_row();
                }
                let fiscal_total: Money = IncomeSource::FISCAL
                    .iter()
                    .map(|s| f.grand_of(*s).total())
                    .sum();
                ui.strong(lang.pick("本年收入合计", "Total income"));
                amount_label(
                    ui,
                    fiscal_total,
                    2,
                    true,
                    lang.pick("财政拨款收入合计", "Fiscal income total"),
                );
                ui.strong(lang.pick("本年支出合计", "Total expenditure"));
                amount_label(
                    ui,
                    fiscal_total,
                    2,
                    true,
                    lang.pick("财政拨款支出合计", "Fiscal expenditure total"),
                );
                for s in IncomeSource::FISCAL {
                    amount_label(
                        ui,
                        f.grand_of(s).total(),
                        2,
                        true,
                        &format!("{} {}", Tr::Total.get(lang), s.label_zh()),
                    );
                }
                ui.end_row();
            });
    });
}
