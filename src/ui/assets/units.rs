//! The budget units of the profile, compactly: each unit's legal kind (行政 / 参公 / 事业), which
//! decides whether its running costs are 机关运行经费, and whether it is budgeted separately.

use egui::{Grid, Ui};

use crate::document::{Document, Edit};
use crate::model::{Profile, UnitKind};
use crate::ui::Action;
use crate::ui::i18n::{Lang, Tr};

fn kind_label(kind: UnitKind, lang: Lang) -> &'static str {
    if lang.zh() {
        kind.label_zh()
    } else {
        kind.label_en()
    }
}

fn short_label(kind: UnitKind, lang: Lang) -> &'static str {
    match kind {
        UnitKind::Administrative => lang.pick("行政", "admin."),
        UnitKind::CivilServiceManaged => lang.pick("参公", "civil-service-managed"),
        UnitKind::Institution => lang.pick("事业", "institution"),
    }
}

/// Draws the units table. A pick or a tick is a whole gesture, so each is applied at once as one
/// undo step.
pub(super) fn show(ui: &mut Ui, doc: &Document, lang: Lang, actions: &mut Vec<Action>) {
    let profile = &doc.budget().profile;
    ui.heading(Tr::Units.get(lang));
    if profile.units.is_empty() {
        ui.weak(lang.pick("（概况中未列预算单位）", "(the profile lists no units)"));
        return;
    }
    let mut changed: Option<Profile> = None;
    Grid::new("budget-units")
        .striped(true)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.strong(lang.pick("编码", "Code"));
            ui.strong(lang.pick("名称", "Name"));
            ui.strong(lang.pick("单位性质", "Kind"));
            ui.strong(lang.pick("不单列预算", "Not budgeted separately"));
            ui.end_row();
            for (k, unit) in profile.units.iter().enumerate() {
                ui.label(&unit.code);
                ui.label(&unit.name);
                let mut kind = unit.kind;
                // Three short toggles rather than a combo: one click, and all choices in sight.
                ui.horizontal(|ui| {
                    for option in UnitKind::ALL {
                        ui.selectable_value(&mut kind, option, short_label(option, lang))
                            .on_hover_text(kind_label(option, lang));
                    }
                });
                let mut merged = unit.merged;
                ui.checkbox(&mut merged, lang.pick("不单列", "merged"));
                if kind != unit.kind || merged != unit.merged {
                    let mut new = profile.clone();
                    if let Some(u) = new.units.get_mut(k) {
                        u.kind = kind;
                        u.merged = merged;
                    }
                    changed = Some(new);
                }
                ui.end_row();
            }
        });
    if let Some(new) = changed {
        actions.push(Action::Apply {
            label: lang.pick("修改预算单位", "Edit budget units").to_owned(),
            edits: vec![Edit::Profile(Box::new(new))],
        });
    }
}
