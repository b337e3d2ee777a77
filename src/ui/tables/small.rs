//! Tables 10 (三公经费) and 11 (机关运行经费): a few editable amounts with derived totals.

use egui::{Grid, Id, Ui};

use crate::calc::Change;
use crate::document::{Document, Edit};
use crate::model::sections::SangongItem;
use crate::model::{Money, SangongFigures};
use crate::ui::i18n::Tr;
use crate::ui::widgets::{amount_label, money_cell};
use crate::ui::{Action, ViewState};

fn change_label(ui: &mut Ui, change: Option<Change>, a11y: &str) {
    match change {
        Some(c) => {
            let pct = c.percent.map_or_else(String::new, |p| format!(" ({p}%)"));
            let text = format!("{}{pct}", c.amount.format_grouped(2));
            ui.label(&text).widget_info(|| {
                let mut info = egui::WidgetInfo::labeled(egui::accesskit::Role::Cell, true, a11y);
                info.current_text_value = Some(text.clone());
                info
            });
        }
        None => {
            ui.label("");
        }
    }
}

/// Table 10: 三公经费, this year and last year, each item editable.
pub fn sangong(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let s = &doc.budget().sangong;
    let unit = s.unit;
    ui.label(format!("{}: {}", Tr::Unit.get(lang), unit.label(lang.zh())));
    let last = s.last_year.unwrap_or_default();
    Grid::new("table-10")
        .striped(true)
        .min_col_width(140.0)
        .show(ui, |ui| {
            ui.strong(Tr::Item.get(lang));
            ui.strong(Tr::ThisYear.get(lang));
            ui.strong(Tr::LastYear.get(lang));
            ui.strong(Tr::Change.get(lang));
            ui.end_row();
            let rows: [(Option<SangongItem>, &str, &str); 6] = [
                (
                    Some(SangongItem::Abroad),
                    "因公出国（境）费",
                    "Official travel abroad",
                ),
                (
                    Some(SangongItem::Reception),
                    "公务接待费",
                    "Official receptions",
                ),
                (None, "公务用车购置及运行费", "Official vehicles"),
                (
                    Some(SangongItem::VehiclePurchase),
                    "①公务用车购置费",
                    "① vehicle purchase",
                ),
                (
                    Some(SangongItem::VehicleRunning),
                    "②公务用车运行维护费",
                    "② vehicle running costs",
                ),
                (None, "合计", "Total"),
            ];
            for (i, (item, zh, en)) in rows.into_iter().enumerate() {
                let label = lang.pick(zh, en);
                ui.label(label);
                match item {
                    Some(item) => {
                        for (year, figures) in [(0, s.this_year), (1, last)] {
                            let value = figures.items()[item.index()].1;
                            let name = format!(
                                "{label} {}",
                                if year == 0 {
                                    Tr::ThisYear.get(lang)
                                } else {
                                    Tr::LastYear.get(lang)
                                }
                            );
                            let event = money_cell(
                                ui,
                                &mut view.editing,
                                Id::unique(("sangong", item, year)),
                                value,
                                unit,
                                &name,
                            );
                            let edit = |amount: Money| {
                                let mut new = s.clone();
                                let target: &mut SangongFigures = if year == 0 {
                                    &mut new.this_year
                                } else {
                                    new.last_year.get_or_insert_with(SangongFigures::default)
                                };
                                *target.item_mut(item) = amount;
                                Edit::Sangong(new)
                            };
                            super::cell_actions(event, value, &name, edit, lang, actions);
                        }
                        let change = s.last_year.map(|l| {
                            Change::new(
                                s.this_year.items()[item.index()].1,
                                l.items()[item.index()].1,
                            )
                        });
                        change_label(ui, change, &format!("{label} {}", Tr::Change.get(lang)));
                    }
                    None => {
                        let (this, prev) = if i == 2 {
                            (s.this_year.vehicles(), s.last_year.map(|l| l.vehicles()))
                        } else {
                            (s.this_year.total(), s.last_year.map(|l| l.total()))
                        };
                        amount_label(
                            ui,
                            this,
                            2,
                            true,
                            &format!("{label} {}", Tr::ThisYear.get(lang)),
                        );
                        amount_label(
                            ui,
                            prev.unwrap_or_default(),
                            2,
                            true,
                            &format!("{label} {}", Tr::LastYear.get(lang)),
                        );
                        change_label(
                            ui,
                            prev.map(|p| Change::new(this, p)),
                            &format!("{label} {}", Tr::Change.get(lang)),
                        );
                    }
                }
                ui.end_row();
            }
        });
    let mut all_basic = s.all_basic;
    if ui
        .checkbox(
            &mut all_basic,
            lang.pick(
                "三公经费全部为基本支出（须与经济科目一致）",
                "All of it is basic expenditure (must equal the economic lines)",
            ),
        )
        .changed()
    {
        let mut new = s.clone();
        new.all_basic = all_basic;
        actions.push(Action::Apply {
            label: lang.pick("三公口径", "三公 scope").to_owned(),
            edits: vec![Edit::Sangong(new)],
        });
    }
}

/// Table 11: 机关运行经费 per unit, with last year and the change.
pub fn operating(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    let o = &budget.operating_costs;
    let unit = o.unit;
    ui.label(format!("{}: {}", Tr::Unit.get(lang), unit.label(lang.zh())));
    Grid::new("table-11")
        .striped(true)
        .min_col_width(140.0)
        .show(ui, |ui| {
            ui.strong(lang.pick("单位编码", "Unit code"));
            ui.strong(lang.pick("单位名称", "Unit name"));
            ui.strong(Tr::Amount.get(lang));
            ui.end_row();
            let total = doc.derived().summary.operating;
            ui.strong(Tr::Total.get(lang));
            ui.label("");
            amount_label(
                ui,
                total,
                2,
                true,
                &format!("{} {}", Tr::OperatingCosts.get(lang), Tr::Total.get(lang)),
            );
            ui.end_row();
            for (i, entry) in o.entries.iter().enumerate() {
                ui.label(&entry.unit_code);
                let name = if entry.unit_code.is_empty() {
                    Tr::AllUnits.get(lang)
                } else {
                    budget.unit_name(&entry.unit_code)
                };
                let response = ui.label(name);
                if !entry.note.is_empty() {
                    response.on_hover_text(&entry.note);
                }
                let a11y = format!("{} {name}", Tr::OperatingCosts.get(lang));
                let event = money_cell(
                    ui,
                    &mut view.editing,
                    Id::unique(("operating", i)),
                    entry.amount,
                    unit,
                    &a11y,
                );
                let edit = |amount: Money| {
                    let mut new = o.clone();
                    if let Some(e) = new.entries.get_mut(i) {
                        e.amount = amount;
                    }
                    Edit::OperatingCosts(new)
                };
                super::cell_actions(event, entry.amount, &a11y, edit, lang, actions);
                ui.end_row();
            }
            ui.label(Tr::LastYear.get(lang));
            ui.label("");
            let last = o.last_year.unwrap_or_default();
            let a11y = format!(
                "{} {}",
                Tr::OperatingCosts.get(lang),
                Tr::LastYear.get(lang)
            );
            let event = money_cell(
                ui,
                &mut view.editing,
                Id::unique("operating-last"),
                last,
                unit,
                &a11y,
            );
            let edit = |amount: Money| {
                let mut new = o.clone();
                new.last_year = Some(amount);
                Edit::OperatingCosts(new)
            };
            super::cell_actions(event, last, &a11y, edit, lang, actions);
            ui.end_row();
            ui.label(Tr::Change.get(lang));
            ui.label("");
            change_label(
                ui,
                doc.derived().summary.operating_change,
                &format!("{} {}", Tr::OperatingCosts.get(lang), Tr::Change.get(lang)),
            );
            ui.end_row();
        });
}
