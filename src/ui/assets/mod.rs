//! The Assets tab: vehicles, office floor area per unit (total derived), other assets; 政府采购;
//! 三公经费 and 机关运行经费 with last year's figures — all editable, with their checks beside.
//! The budget units' kinds and the template's planned purchases have their own modules.

mod purchases;
mod units;

use egui::{ComboBox, Grid, Id, RichText, Ui};

use crate::checks::Location;
use crate::document::{Document, Edit};
use crate::model::{Assets, Money, OfficeArea, Procurement, TableId, VehicleGroup};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::tables::{cell_actions, embedded};
use crate::ui::widgets::{
    amount_label, count_field, findings_list, money_cell, text_area, text_field,
};
use crate::ui::{Action, ViewState};

fn unit_combo(
    ui: &mut Ui,
    doc: &Document,
    salt: (&str, usize),
    code: &mut String,
    lang: Lang,
) -> bool {
    let before = code.clone();
    let budget = doc.budget();
    let shown = if code.is_empty() {
        Tr::AllUnits.get(lang).to_owned()
    } else {
        budget.unit_name(code).to_owned()
    };
    ComboBox::from_id_salt(salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(code, String::new(), Tr::AllUnits.get(lang));
            for u in &budget.profile.units {
                ui.selectable_value(code, u.code.clone(), &u.name);
            }
        });
    before != *code
}

/// Draws the Assets tab.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    // Compare first, clone only when the document changed under the draft.
    let current = &budget.assets;
    let stale = view
        .assets_draft
        .as_ref()
        .is_none_or(|(base, _)| base != current);
    if stale {
        view.assets_draft = Some((current.clone(), current.clone()));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        // Checks about these sections.
        let relevant = doc.findings().iter().filter(|f| {
            matches!(
                f.location,
                Location::Assets
                    | Location::Procurement
                    | Location::Table {
                        table: TableId::Sangong | TableId::OperatingCosts,
                        ..
                    }
            )
        });
        findings_list(ui, relevant, lang.zh());
        units::show(ui, doc, lang, actions);
        ui.add_space(10.0);
        let mut commit = false;
        let mut area_events = Vec::new();
        if let Some((_, draft)) = view.assets_draft.as_mut() {
            commit |= vehicles(ui, doc, draft, lang);
            ui.add_space(10.0);
            commit |= purchases::show(ui, doc, draft, lang);
            ui.add_space(10.0);
            area_events = areas(
                ui,
                doc,
                draft,
                current,
                lang,
                &mut view.editing,
                &mut commit,
            );
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(lang.pick("截至", "As of"));
                commit |= text_field(ui, &mut draft.as_of, lang.pick("截至", "As of"), 200.0)
                    .lost_focus();
            });
            ui.strong(lang.pick("其他资产及说明", "Other assets and notes"));
            commit |= text_area(
                ui,
                &mut draft.notes,
                lang.pick("其他资产及说明", "Other assets and notes"),
                3,
            )
            .lost_focus();
            if commit && draft != current {
                actions.push(Action::Apply {
                    label: lang.pick("修改国有资产", "Edit assets").to_owned(),
                    edits: vec![Edit::Assets(Box::new(draft.clone()))],
                });
            }
        }
        actions.extend(area_events);
        ui.add_space(10.0);
        procurement(ui, &budget.procurement, lang, &mut view.editing, actions);
        ui.add_space(10.0);
        ui.heading(Tr::Sangong.get(lang));
        embedded(ui, doc, TableId::Sangong, view, actions);
        ui.add_space(10.0);
        ui.heading(Tr::OperatingCosts.get(lang));
        embedded(ui, doc, TableId::OperatingCosts, view, actions);
    });
}

fn vehicles(ui: &mut Ui, doc: &Document, draft: &mut Assets, lang: Lang) -> bool {
    let mut commit = false;
    ui.heading(Tr::Vehicles.get(lang));
    let mut remove = None;
    Grid::new("vehicles")
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.strong(Tr::Units.get(lang));
            ui.strong(Tr::Kind.get(lang));
            // Under the kind's picker button.
            ui.label("");
            ui.strong(Tr::Count.get(lang));
            ui.label("");
            ui.end_row();
            for (k, v) in draft.vehicles.iter_mut().enumerate() {
                commit |= unit_combo(ui, doc, ("vehicle-unit", k), &mut v.unit_code, lang);
                commit |= purchases::vehicle_kind(
                    ui,
                    &mut v.kind,
                    &format!("{} {}", Tr::Kind.get(lang), k + 1),
                );
                let a11y = format!("{} {}", Tr::Count.get(lang), k + 1);
                commit |= count_field(ui, &mut v.count, 100_000, &a11y).1;
                if ui.button("×").clicked() {
                    remove = Some(k);
                }
                ui.end_row();
            }
            ui.strong(Tr::Total.get(lang));
            ui.label("");
            ui.label("");
            ui.strong(draft.vehicle_count().to_string());
            ui.end_row();
        });
    if let Some(k) = remove {
        draft.vehicles.remove(k);
        commit = true;
    }
    if ui.button(lang.pick("添加车辆", "Add vehicles")).clicked() {
        draft.vehicles.push(VehicleGroup {
            unit_code: doc
                .budget()
                .profile
                .units
                .first()
                .map(|u| u.code.clone())
                .unwrap_or_default(),
            kind: lang
                .pick("一般公务用车", "General official vehicle")
                .to_owned(),
            count: 1,
        });
        commit = true;
    }
    commit
}

/// Office areas: unit and kind edit the draft; the areas themselves are amount cells whose
/// actions are returned (they preview while typing).
fn areas(
    ui: &mut Ui,
    doc: &Document,
    draft: &mut Assets,
    current: &Assets,
    lang: Lang,
    editing: &mut Option<crate::ui::widgets::CellEditing>,
    commit: &mut bool,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.heading(format!(
        "{} ({})",
        Tr::OfficeArea.get(lang),
        Tr::SquareMetres.get(lang)
    ));
    let mut remove = None;
    Grid::new("areas")
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            for (k, a) in draft.office_areas.iter_mut().enumerate() {
                *commit |= unit_combo(ui, doc, ("area-unit", k), &mut a.unit_code, lang);
                let name = format!(
                    "{} {}",
                    Tr::OfficeArea.get(lang),
                    doc.budget().unit_name(&a.unit_code)
                );
                let value = Money(a.area);
                let event = money_cell(
                    ui,
                    editing,
                    Id::unique(("office-area", k)),
                    value,
                    crate::model::MoneyUnit::Yuan,
                    &name,
                );
                let edit = |amount: Money| {
                    let mut new = current.clone();
                    if let Some(area) = new.office_areas.get_mut(k) {
                        area.area = amount.value();
                    }
                    Edit::Assets(Box::new(new))
                };
                cell_actions(event, value, &name, edit, lang, &mut actions);
                if ui.button("×").clicked() {
                    remove = Some(k);
                }
                ui.end_row();
            }
            ui.strong(Tr::Total.get(lang));
            amount_label(
                ui,
                Money(draft.total_area()),
                2,
                true,
                &format!("{} {}", Tr::OfficeArea.get(lang), Tr::Total.get(lang)),
            );
            ui.end_row();
            if let Some(stated) = draft.stated_total_area {
                ui.label(lang.pick("印发合计", "Printed total"));
                ui.label(RichText::new(stated.to_string()).weak());
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        draft.office_areas.remove(k);
        *commit = true;
    }
    if ui
        .button(lang.pick("添加单位面积", "Add a unit's area"))
        .clicked()
    {
        let used: Vec<&str> = draft
            .office_areas
            .iter()
            .map(|a| a.unit_code.as_str())
            .collect();
        let unit = doc
            .budget()
            .profile
            .units
            .iter()
            .find(|u| !used.contains(&u.code.as_str()))
            .map(|u| u.code.clone())
            .unwrap_or_default();
        draft.office_areas.push(OfficeArea {
            unit_code: unit,
            area: rust_decimal::Decimal::ZERO,
        });
        *commit = true;
    }
    actions
}

/// Access to one amount of the procurement section.
type ProcurementField = fn(&mut Procurement) -> &mut Money;

fn procurement(
    ui: &mut Ui,
    p: &Procurement,
    lang: Lang,
    editing: &mut Option<crate::ui::widgets::CellEditing>,
    actions: &mut Vec<Action>,
) {
    let unit = p.unit.label(lang.zh());
    ui.heading(format!("{} ({unit})", Tr::Procurement.get(lang)));
    Grid::new("procurement")
        .striped(true)
        .min_col_width(140.0)
        .show(ui, |ui| {
            let rows: [(Tr, Money, ProcurementField); 3] = [
                (Tr::Goods, p.goods, |p| &mut p.goods),
                (Tr::Works, p.works, |p| &mut p.works),
                (Tr::Services, p.services, |p| &mut p.services),
            ];
            for (label, value, field) in rows {
                let name = format!("{} {}", Tr::Procurement.get(lang), label.get(lang));
                ui.label(label.get(lang));
                let event = money_cell(
                    ui,
                    editing,
                    Id::unique(("procurement", label.get(Lang::En))),
                    value,
                    p.unit,
                    &name,
                );
                let edit = |amount: Money| {
                    let mut new = p.clone();
                    *field(&mut new) = amount;
                    Edit::Procurement(new)
                };
                cell_actions(event, value, &name, edit, lang, actions);
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
            reservations(ui, p, lang, editing, actions);
        });
}

/// Access to one reservation of the procurement section.
type ReservationField = fn(&mut Procurement) -> &mut Option<Money>;

/// 面向中小企业预留 and, of it, 小微企业: amount cells whose typed figure makes the reservation
/// stated.
fn reservations(
    ui: &mut Ui,
    p: &Procurement,
    lang: Lang,
    editing: &mut Option<crate::ui::widgets::CellEditing>,
    actions: &mut Vec<Action>,
) {
    let rows: [(&str, &str, Option<Money>, ReservationField); 2] = [
        (
            "面向中小企业预留",
            "Reserved for SMEs",
            p.sme_reserved,
            |p| &mut p.sme_reserved,
        ),
        (
            "其中：小微企业",
            "of which small and micro enterprises",
            p.small_micro_reserved,
            |p| &mut p.small_micro_reserved,
        ),
    ];
    for (zh, en, value, field) in rows {
        let label = lang.pick(zh, en);
        let name = format!("{} {label}", Tr::Procurement.get(lang));
        ui.label(label);
        let shown = value.unwrap_or_default();
        let event = money_cell(
            ui,
            editing,
            Id::unique(("reservation", en)),
            shown,
            p.unit,
            &name,
        );
        let edit = |amount: Money| {
            let mut new = p.clone();
            *field(&mut new) = Some(amount);
            Edit::Procurement(new)
        };
        cell_actions(event, shown, &name, edit, lang, actions);
        ui.end_row();
    }
}
