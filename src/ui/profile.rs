//! 部门概况: who publishes (name, code, year, template), 部门主要职能 (the lead sentence and the
//! numbered duties), the budget units, 机构设置, other remarks and 名词解释. Texts are typed into a
//! draft and committed when a field is left, one undo step each; adding, removing and moving a
//! duty, a unit or a term is a step of its own.

use egui::{Grid, RichText, Ui};

use super::i18n::{Lang, Tr};
use super::widgets::{text_area, text_field};
use super::{Action, Draft, ViewState};
use crate::document::{Document, Edit};
use crate::model::{BudgetUnit, GlossaryEntry, Profile, TemplateId, UnitKind};

/// The profile as typed: the year stays text until it is a year.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileForm {
    /// Everything but the year as it will be saved.
    pub profile: Profile,
    /// The year as typed.
    pub year: String,
}

impl ProfileForm {
    fn of(profile: &Profile) -> ProfileForm {
        ProfileForm {
            profile: profile.clone(),
            year: profile.year.to_string(),
        }
    }
}

/// A gesture on a list of the profile, applied at once.
enum ListEdit {
    Add,
    Remove(usize),
    Up(usize),
}

fn apply_list<T: Default>(list: &mut Vec<T>, edit: &ListEdit) {
    match *edit {
        ListEdit::Add => list.push(T::default()),
        ListEdit::Remove(i) if i < list.len() => {
            list.remove(i);
        }
        ListEdit::Up(i) if i > 0 && i < list.len() => list.swap(i - 1, i),
        _ => {}
    }
}

/// The small buttons beside an entry of a list: move up, remove.
fn row_buttons(ui: &mut Ui, i: usize, what: &str, lang: Lang) -> Option<ListEdit> {
    let mut out = None;
    if ui
        .add_enabled(i > 0, egui::Button::new("↑"))
        .on_hover_text(format!("{} {what}", Tr::MoveUp.get(lang)))
        .clicked()
    {
        out = Some(ListEdit::Up(i));
    }
    if ui
        .button("×")
        .on_hover_text(format!("{} {what}", Tr::Remove.get(lang)))
        .clicked()
    {
        out = Some(ListEdit::Remove(i));
    }
    out
}

/// Draws the profile editor.
pub fn show(ui: &mut Ui, doc: &Document, view: &mut ViewState, actions: &mut Vec<Action>) {
    let lang = view.lang;
    let budget = doc.budget();
    Draft::sync(
        &mut view.profile_draft,
        (),
        &ProfileForm::of(&budget.profile),
    );
    let Some(draft) = view.profile_draft.as_mut() else {
        return;
    };
    let form = &mut draft.value;
    let mut left = false;
    let mut now = false;
    ui.label(RichText::new(Tr::ProfileHint.get(lang)).weak());
    ui.add_space(4.0);

    ui.strong(Tr::Identity.get(lang));
    Grid::new("profile-identity")
        .num_columns(2)
        .spacing([10.0, 6.0])
        .show(ui, |ui| {
            ui.label(Tr::DepartmentName.get(lang));
            left |= text_field(
                ui,
                &mut form.profile.department_name,
                Tr::DepartmentName.get(lang),
                360.0,
            )
            .lost_focus();
            ui.end_row();
            ui.label(Tr::DepartmentCode.get(lang));
            left |= text_field(
                ui,
                &mut form.profile.department_code,
                Tr::DepartmentCode.get(lang),
                120.0,
            )
            .lost_focus();
            ui.end_row();
            ui.label(Tr::Year.get(lang));
            left |= text_field(ui, &mut form.year, Tr::Year.get(lang), 80.0).lost_focus();
            ui.end_row();
            ui.label(Tr::Template.get(lang));
            ui.horizontal_wrapped(|ui| {
                for id in TemplateId::all() {
                    let label = if lang.zh() {
                        id.label_zh()
                    } else {
                        id.label_en()
                    };
                    if ui.radio(budget.template == id, label).clicked() && budget.template != id {
                        actions.push(Action::Apply {
                            label: format!("{}{}{label}", Tr::Template.get(lang), lang.colon()),
                            edits: vec![Edit::change_template(budget, id)],
                        });
                    }
                }
            });
            ui.end_row();
        });
    let year_ok = form
        .year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1990..=2200).contains(y));
    if year_ok.is_none() {
        ui.colored_label(
            super::theme::error_colour(ui.visuals().dark_mode),
            Tr::YearInvalid.get(lang),
        );
    }

    ui.add_space(8.0);
    ui.strong(Tr::Responsibilities.get(lang));
    ui.label(Tr::ResponsibilitiesLead.get(lang));
    left |= text_area(
        ui,
        &mut form.profile.responsibilities_lead,
        Tr::ResponsibilitiesLead.get(lang),
        1,
    )
    .lost_focus();
    let mut duty_edit = None;
    for (i, duty) in form.profile.responsibilities.iter_mut().enumerate() {
        let label = format!("{} {}", Tr::Duty.get(lang), i + 1);
        ui.horizontal(|ui| {
            ui.label(format!("{}、", i + 1));
            if let Some(e) = row_buttons(ui, i, &label, lang) {
                duty_edit = Some(e);
            }
        });
        left |= text_area(ui, duty, &label, 2).lost_focus();
    }
    if ui.button(Tr::AddDuty.get(lang)).clicked() {
        duty_edit = Some(ListEdit::Add);
    }
    if let Some(e) = duty_edit {
        apply_list(&mut form.profile.responsibilities, &e);
        now = true;
    }

    ui.add_space(8.0);
    ui.strong(Tr::Units.get(lang));
    let mut unit_edit = None;
    Grid::new("profile-units")
        .striped(true)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            ui.strong(Tr::UnitCode.get(lang));
            ui.strong(Tr::UnitName.get(lang));
            ui.strong(Tr::UnitKindHeading.get(lang));
            ui.label("");
            ui.end_row();
            for (i, unit) in form.profile.units.iter_mut().enumerate() {
                let n = i + 1;
                left |= text_field(
                    ui,
                    &mut unit.code,
                    &format!("{} {n}", Tr::UnitCode.get(lang)),
                    90.0,
                )
                .lost_focus();
                left |= text_field(
                    ui,
                    &mut unit.name,
                    &format!("{} {n}", Tr::UnitName.get(lang)),
                    300.0,
                )
                .lost_focus();
                ui.horizontal(|ui| {
                    for kind in UnitKind::ALL {
                        now |= ui
                            .selectable_value(&mut unit.kind, kind, kind.label(lang.zh()))
                            .clicked();
                    }
                    now |= ui
                        .checkbox(&mut unit.merged, lang.pick("不单列预算", "merged"))
                        .clicked();
                });
                if let Some(e) =
                    row_buttons(ui, i, &format!("{} {n}", Tr::UnitName.get(lang)), lang)
                {
                    unit_edit = Some(e);
                }
                ui.end_row();
            }
        });
    if ui.button(Tr::AddUnit.get(lang)).clicked() {
        unit_edit = Some(ListEdit::Add);
    }
    // A unit whose budget holds money is removed only once the officer confirms.
    if let Some(ListEdit::Remove(i)) = unit_edit
        && form
            .profile
            .units
            .get(i)
            .and_then(|u| u.budget.as_deref())
            .is_some_and(|b| b.function_lines.iter().any(|l| !l.amounts.is_empty()))
    {
        view.confirm_unit_removal = Some(i);
        unit_edit = None;
    }
    if let Some(i) = view.confirm_unit_removal {
        let name = form
            .profile
            .units
            .get(i)
            .map_or_else(String::new, |u| u.name.clone());
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                crate::ui::theme::warning_colour(ui.visuals().dark_mode),
                if lang.zh() {
                    format!("“{name}”有本单位的预算和金额，删除后部门合计随之减少（可撤销）。")
                } else {
                    format!("“{name}” holds a budget with money; the department's totals drop with it (undo brings it back).")
                },
            );
            if ui.button(lang.pick("仍然删除", "Remove anyway")).clicked() {
                unit_edit = Some(ListEdit::Remove(i));
                view.confirm_unit_removal = None;
            }
            if ui.button(lang.pick("取消", "Cancel")).clicked() {
                view.confirm_unit_removal = None;
            }
        });
    }
    if let Some(e) = unit_edit {
        apply_list::<BudgetUnit>(&mut form.profile.units, &e);
        now = true;
    }

    ui.add_space(8.0);
    ui.strong(Tr::Organisation.get(lang));
    left |= text_area(
        ui,
        &mut form.profile.organisation,
        Tr::Organisation.get(lang),
        3,
    )
    .lost_focus();
    ui.add_space(8.0);
    ui.strong(Tr::ProfileNotes.get(lang));
    left |= text_area(ui, &mut form.profile.notes, Tr::ProfileNotes.get(lang), 2).lost_focus();

    ui.add_space(8.0);
    ui.strong(Tr::Glossary.get(lang));
    let mut term_edit = None;
    for (i, entry) in form.profile.glossary.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            ui.label(format!("（{n}）"));
            left |= text_field(
                ui,
                &mut entry.term,
                &format!("{} {n}", Tr::Term.get(lang)),
                220.0,
            )
            .lost_focus();
            if let Some(e) = row_buttons(ui, i, &format!("{} {n}", Tr::Term.get(lang)), lang) {
                term_edit = Some(e);
            }
        });
        left |= text_area(
            ui,
            &mut entry.definition,
            &format!("{} {n}", Tr::Definition.get(lang)),
            2,
        )
        .lost_focus();
    }
    if ui.button(Tr::AddTerm.get(lang)).clicked() {
        term_edit = Some(ListEdit::Add);
    }
    if let Some(e) = term_edit {
        apply_list::<GlossaryEntry>(&mut form.profile.glossary, &e);
        now = true;
    }

    if (left || now)
        && let Some(year) = year_ok
    {
        draft.value.profile.year = year;
        draft.value.year = year.to_string();
        if let Some(new) = draft.take_change() {
            actions.push(Action::Apply {
                label: Tr::EditProfile.get(lang).to_owned(),
                edits: vec![Edit::Profile(Box::new(new.profile))],
            });
        }
    }
}
