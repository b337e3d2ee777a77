//! Parts of the performance form: the indicator table and the 功能分类 link picker.

use egui::{ComboBox, Grid, RichText, Ui};

use crate::document::Document;
use crate::model::performance::parse_target;
use crate::model::{Indicator, IndicatorKind};
use crate::ui::i18n::{Lang, Tr};
use crate::ui::widgets::text_field;

/// The indicator rows; returns true when something was committed (a field left, a row added,
/// removed, moved, or its level changed).
pub(super) fn indicator_table(
    ui: &mut Ui,
    rows: &mut Vec<Indicator>,
    lang: Lang,
    salt: &str,
) -> bool {
    let mut commit = false;
    let mut remove = None;
    let mut swap = None;
    Grid::new(("indicators", salt))
        .striped(true)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            for h in [Tr::Level1, Tr::Level2, Tr::Level3, Tr::Target, Tr::ParsedAs] {
                ui.strong(h.get(lang));
            }
            ui.label("");
            ui.end_row();
            let n = rows.len();
            for (k, row) in rows.iter_mut().enumerate() {
                let group = row.kind.group();
                ui.label(group.label(lang.zh()));
                let before = row.kind;
                ComboBox::from_id_salt((salt, "kind", k))
                    .selected_text(row.kind.label(lang.zh()))
                    .show_ui(ui, |ui| {
                        for kind in IndicatorKind::ALL {
                            let text = format!(
                                "{} · {}",
                                kind.group().label(lang.zh()),
                                kind.label(lang.zh())
                            );
                            ui.selectable_value(&mut row.kind, kind, text);
                        }
                    });
                commit |= before != row.kind;
                let name_label = format!("{salt} {} {}", Tr::Level3.get(lang), k + 1);
                commit |= text_field(ui, &mut row.name, &name_label, 260.0).lost_focus();
                let target_label = format!("{salt} {} {}", Tr::Target.get(lang), k + 1);
                commit |= text_field(ui, &mut row.target, &target_label, 150.0).lost_focus();
                match parse_target(&row.target) {
                    Some(t) => ui.label(format!(
                        "{} {} {}",
                        t.comparison.map(String::from).unwrap_or_default(),
                        t.number,
                        t.unit
                    )),
                    None => ui.label(RichText::new(lang.pick("定性", "qualitative")).weak()),
                };
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(k > 0, egui::Button::new("↑").small())
                        .clicked()
                    {
                        swap = Some((k - 1, k));
                    }
                    if ui
                        .add_enabled(k + 1 < n, egui::Button::new("↓").small())
                        .clicked()
                    {
                        swap = Some((k, k + 1));
                    }
                    if ui
                        .button("×")
                        .on_hover_text(lang.pick("删除本行", "Remove row"))
                        .clicked()
                    {
                        remove = Some(k);
                    }
                });
                ui.end_row();
            }
        });
    if let Some((a, b)) = swap {
        rows.swap(a, b);
        commit = true;
    }
    if let Some(k) = remove {
        rows.remove(k);
        commit = true;
    }
    if ui
        .button(format!(
            "{} · {salt}",
            lang.pick("添加指标", "Add indicator")
        ))
        .clicked()
    {
        let kind = rows.last().map_or(IndicatorKind::Quantity, |r| r.kind);
        rows.push(Indicator {
            kind,
            ..Indicator::default()
        });
        commit = true;
    }
    commit
}

/// The 功能分类 link: a button showing the link, and a search list to choose another.
pub(super) fn link_picker(
    ui: &mut Ui,
    doc: &Document,
    link: &mut Option<String>,
    search: &mut Option<String>,
    lang: Lang,
) -> bool {
    let budget = doc.budget();
    let mut commit = false;
    ui.vertical(|ui| {
        let current = link.as_deref().map_or_else(
            || lang.pick("未关联", "Not linked").to_owned(),
            |code| {
                let name = budget
                    .function_line_index(code)
                    .and_then(|i| budget.function_lines.get(i))
                    .map_or("", |l| l.name.as_str());
                format!("[{code}] {name}")
            },
        );
        ui.horizontal(|ui| {
            if ui.button(current).clicked() {
                *search = if search.is_some() {
                    None
                } else {
                    Some(String::new())
                };
            }
            if link.is_some() && ui.small_button(lang.pick("取消关联", "Unlink")).clicked() {
                *link = None;
                commit = true;
            }
        });
        if let Some(query) = search.as_mut() {
            text_field(ui, query, lang.pick("搜索科目", "Search lines"), 240.0);
            let q = query.trim().to_owned();
            egui::ScrollArea::vertical()
                .id_salt("link-picker")
                .max_height(180.0)
                .show(ui, |ui| {
                    for line in budget
                        .function_lines
                        .iter()
                        .filter(|l| q.is_empty() || l.code.contains(&q) || l.name.contains(&q))
                        .take(200)
                    {
                        if ui
                            .selectable_label(false, format!("[{}] {}", line.code, line.name))
                            .clicked()
                        {
                            *link = Some(line.code.clone());
                            commit = true;
                        }
                    }
                });
        }
    });
    if commit {
        *search = None;
    }
    commit
}
