//! The Assets tab: vehicles, office space, procurement, 三公 and 机关运行经费 (read-only in this
//! version; the editor comes with its own issue).

use egui::{Grid, RichText, Ui};

use crate::document::Document;
use crate::model::Money;
use crate::ui::ViewState;
use crate::ui::i18n::Tr;
use crate::ui::widgets::amount_label;

/// Draws the Assets tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &ViewState) {
    let lang = view.lang;
    let budget = doc.budget();
    let a = &budget.assets;
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.label(RichText::new(Tr::ReadOnlyNow.get(lang)).weak());
        ui.heading(Tr::Vehicles.get(lang));
        Grid::new("vehicles")
            .striped(true)
            .min_col_width(140.0)
            .show(ui, |ui| {
                ui.strong(Tr::Units.get(lang));
                ui.strong(Tr::Kind.get(lang));
                ui.strong(Tr::Count.get(lang));
                ui.end_row();
                for v in &a.vehicles {
                    ui.label(budget.unit_name(&v.unit_code));
                    ui.label(&v.kind);
                    ui.label(v.count.to_string());
                    ui.end_row();
                }
                ui.strong(Tr::Total.get(lang));
                ui.label("");
                ui.strong(a.vehicle_count().to_string());
                ui.end_row();
            });
        ui.add_space(8.0);
        ui.heading(format!(
            "{} ({})",
            Tr::OfficeArea.get(lang),
            Tr::SquareMetres.get(lang)
        ));
        Grid::new("areas")
            .striped(true)
            .min_col_width(140.0)
            .show(ui, |ui| {
                for o in &a.office_areas {
                    ui.label(budget.unit_name(&o.unit_code));
                    ui.label(o.area.to_string());
                    ui.end_row();
                }
                ui.strong(Tr::Total.get(lang));
                ui.strong(a.total_area().to_string());
                ui.end_row();
            });
        if !a.as_of.is_empty() {
            ui.label(format!("{} {}", lang.pick("截至", "As of"), a.as_of));
        }
        if !a.notes.is_empty() {
            ui.add(egui::Label::new(a.notes.as_str()).wrap());
        }
        ui.add_space(8.0);
        let p = &budget.procurement;
        let unit = if lang.zh() {
            p.unit.label_zh()
        } else {
            p.unit.label_en()
        };
        ui.heading(format!("{} ({unit})", Tr::Procurement.get(lang)));
        Grid::new("procurement")
            .striped(true)
            .min_col_width(140.0)
            .show(ui, |ui| {
                let rows: [(Tr, Money); 3] = [
                    (Tr::Goods, p.goods),
                    (Tr::Works, p.works),
                    (Tr::Services, p.services),
                ];
                for (label, value) in rows {
                    ui.label(label.get(lang));
                    amount_label(
                        ui,
                        value,
                        2,
                        false,
                        &format!("{} {}", Tr::Procurement.get(lang), label.get(lang)),
                    );
                    ui.end_row();
                }
                ui.strong(Tr::Total.get(lang));
                amount_label(
                    ui,
                    p.total(),
                    2,
                    true,
                    &format!("{} {}", Tr::Procurement.get(lang), Tr::Total.get(lang)),
                );
                ui.end_row();
            });
        ui.add_space(8.0);
        let s = &doc.derived().summary;
        ui.heading(Tr::Sangong.get(lang));
        ui.label(format!(
            "{} {} · {}",
            Tr::ThisYear.get(lang),
            s.sangong.this_year.total().format_grouped(2),
            s.sangong
                .change
                .map(|c| format!(
                    "{} {} ({} {})",
                    Tr::LastYear.get(lang),
                    c.last_year.format_grouped(2),
                    Tr::Change.get(lang),
                    c.amount.format_grouped(2)
                ))
                .unwrap_or_default()
        ));
        ui.heading(Tr::OperatingCosts.get(lang));
        ui.label(format!(
            "{} {} · {}",
            Tr::ThisYear.get(lang),
            s.operating.format_grouped(2),
            s.operating_change
                .map(|c| format!(
                    "{} {} ({} {})",
                    Tr::LastYear.get(lang),
                    c.last_year.format_grouped(2),
                    Tr::Change.get(lang),
                    c.amount.format_grouped(2)
                ))
                .unwrap_or_default()
        ));
    });
}
