//! What the Shanghai template adds to the assets section: vehicles to be bought this year (by
//! official category), and equipment of one million 元 or more, held and to be bought.

use egui::{Grid, Ui};

use crate::document::Document;
use crate::model::Assets;
use crate::model::VehicleGroup;
use crate::model::assets::OFFICIAL_VEHICLE_KINDS;
use crate::ui::i18n::{Lang, Tr};
use crate::ui::widgets::{count_field, text_field};

/// A vehicle kind: typed, or picked from the eight official categories. True when it changed.
pub(super) fn vehicle_kind(ui: &mut Ui, kind: &mut String, a11y: &str) -> bool {
    let mut commit = text_field(ui, kind, a11y, 160.0).lost_focus();
    ui.menu_button("…", |ui| {
        for official in OFFICIAL_VEHICLE_KINDS {
            if ui.button(official).clicked() {
                *kind = official.to_owned();
                commit = true;
                ui.close();
            }
        }
    });
    commit
}

/// Planned vehicles and the equipment counts; edits the draft, true when it should be committed.
pub(super) fn show(ui: &mut Ui, doc: &Document, draft: &mut Assets, lang: Lang) -> bool {
    let mut commit = false;
    ui.heading(lang.pick("本年度拟购置车辆", "Vehicles to be bought this year"));
    let mut remove = None;
    Grid::new("planned-vehicles")
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            if !draft.planned_vehicles.is_empty() {
                ui.strong(Tr::Units.get(lang));
                ui.strong(Tr::Kind.get(lang));
                ui.label("");
                ui.strong(Tr::Count.get(lang));
                ui.end_row();
            }
            for (k, v) in draft.planned_vehicles.iter_mut().enumerate() {
                commit |= super::unit_combo(ui, doc, ("planned-unit", k), &mut v.unit_code, lang);
                let a11y = format!(
                    "{} {}",
                    lang.pick("拟购车辆类型", "Planned vehicle kind"),
                    k + 1
                );
                commit |= vehicle_kind(ui, &mut v.kind, &a11y);
                let a11y = format!(
                    "{} {}",
                    lang.pick("拟购车辆数量", "Planned vehicles"),
                    k + 1
                );
                commit |= count_field(ui, &mut v.count, 100_000, &a11y).1;
                if ui.button("×").clicked() {
                    remove = Some(k);
                }
                ui.end_row();
            }
        });
    if let Some(k) = remove {
        draft.planned_vehicles.remove(k);
        commit = true;
    }
    if ui
        .button(lang.pick("添加拟购车辆", "Add planned vehicles"))
        .clicked()
    {
        draft.planned_vehicles.push(VehicleGroup {
            kind: OFFICIAL_VEHICLE_KINDS[OFFICIAL_VEHICLE_KINDS.len() - 1].to_owned(),
            count: 1,
            ..VehicleGroup::default()
        });
        commit = true;
    }
    ui.add_space(6.0);
    Grid::new("large-equipment")
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            let rows = [
                (
                    lang.pick(
                        "单价100万元以上设备（台套）",
                        "Equipment of ¥1 million or more (units)",
                    ),
                    &mut draft.large_equipment,
                ),
                (
                    lang.pick(
                        "本年度拟购置100万元以上设备",
                        "Such equipment to be bought this year",
                    ),
                    &mut draft.planned_large_equipment,
                ),
            ];
            for (label, value) in rows {
                commit |= optional_count(ui, label, value, lang);
                ui.end_row();
            }
        });
    commit
}

/// A count that may be unstated: blank until a figure is given, clearable again.
fn optional_count(ui: &mut Ui, label: &str, value: &mut Option<u32>, lang: Lang) -> bool {
    ui.label(label);
    let mut n = value.unwrap_or(0);
    let (changed, mut commit) = count_field(ui, &mut n, 1_000_000, label);
    if changed {
        *value = Some(n);
    }
    if value.is_some() {
        if ui
            .button("×")
            .on_hover_text(lang.pick("未说明", "Not stated"))
            .clicked()
        {
            *value = None;
            commit = true;
        }
    } else {
        ui.weak(Tr::NotStated.get(lang));
    }
    commit
}
