//! Presentation mode: one chart per slide, full screen, large type. Its navigation keys live here
//! rather than among the commands: they mean something only on a slide.

use egui::{Key, Modifiers, Ui, ViewportCommand};

use super::BudgetApp;
use crate::calc::charts::ChartKind;
use crate::ui;

impl BudgetApp {
    /// Draws the slide; ←/→, PgUp/PgDn or Space move, Backspace goes up a drill level, Esc leaves.
    pub(super) fn present(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        if !self.was_presenting {
            self.was_presenting = true;
            self.doc.commit_pending();
            self.view.editing = None;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(true));
        }
        let (next, prev, up, leave) = ctx.input_mut(|i| {
            let next = i.consume_key(Modifiers::NONE, Key::ArrowRight)
                || i.consume_key(Modifiers::NONE, Key::PageDown)
                || i.consume_key(Modifiers::NONE, Key::Space);
            let prev = i.consume_key(Modifiers::NONE, Key::ArrowLeft)
                || i.consume_key(Modifiers::NONE, Key::PageUp);
            let up = i.consume_key(Modifiers::NONE, Key::Backspace);
            let leave = i.consume_key(Modifiers::NONE, Key::Escape);
            (next, prev, up, leave)
        });
        let kinds = ChartKind::ALL;
        let at = kinds
            .iter()
            .position(|k| *k == self.view.chart)
            .unwrap_or(0);
        // With last year's budget attached, its comparison is one more slide after the charts.
        let has_compare = self.view.base.is_some();
        if !has_compare {
            self.view.compare_slide = false;
        }
        if next {
            if self.view.compare_slide {
                self.view.compare_slide = false;
                self.view.chart = kinds[0];
            } else if has_compare && at + 1 == kinds.len() {
                self.view.compare_slide = true;
            } else {
                self.view.chart = kinds[(at + 1) % kinds.len()];
            }
            self.view.drill.clear();
        }
        if prev {
            if self.view.compare_slide {
                self.view.compare_slide = false;
                self.view.chart = kinds[kinds.len() - 1];
            } else if has_compare && at == 0 {
                self.view.compare_slide = true;
            } else {
                self.view.chart = kinds[(at + kinds.len() - 1) % kinds.len()];
            }
            self.view.drill.clear();
        }
        if up {
            self.view.drill.pop();
        }
        if leave {
            self.view.presenting = false;
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| match &self.view.base {
                Some(base) if self.view.compare_slide => {
                    compare_slide(ui, &self.doc, base, self.view.lang)
                }
                _ => ui::charts::slide(ui, &self.doc, &mut self.view),
            });
    }

    /// Leaves full screen once presentation mode has ended.
    ///
    /// (See [`compare_slide`] for the year-on-year slide.)
    pub(super) fn leave_presentation(&mut self, ctx: &egui::Context) {
        if self.was_presenting {
            self.was_presenting = false;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }
}

/// The slide of this year against last year by 类: title, department, year and unit, then the
/// chart in projector sizes.
fn compare_slide(
    ui: &mut Ui,
    doc: &crate::document::Document,
    base: &ui::last_year::LastYearBase,
    lang: ui::i18n::Lang,
) {
    let zh = lang.zh();
    let p = &doc.budget().profile;
    egui::Frame::NONE.inner_margin(32.0).show(ui, |ui| {
        ui.label(
            egui::RichText::new(ui::i18n::Tr::CompareChart.get(lang))
                .size(40.0)
                .strong(),
        );
        ui.label(
            egui::RichText::new(format!(
                "{} · {} {} {} · {}",
                p.department_name,
                p.year,
                lang.pick("对", "against"),
                base.budget.profile.year,
                base.comparison.unit.label(zh)
            ))
            .size(28.0),
        );
        ui.add_space(16.0);
        let height = (ui.available_height() - 24.0).max(200.0);
        ui::compare_chart::show(ui, &base.comparison, lang, height, true);
    });
}
