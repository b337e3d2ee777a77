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
        if next {
            self.view.chart = kinds[(at + 1) % kinds.len()];
            self.view.drill.clear();
        }
        if prev {
            self.view.chart = kinds[(at + kinds.len() - 1) % kinds.len()];
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
            .show(ui, |ui| ui::charts::slide(ui, &self.doc, &mut self.view));
    }

    /// Leaves full screen once presentation mode has ended.
    pub(super) fn leave_presentation(&mut self, ctx: &egui::Context) {
        if self.was_presenting {
            self.was_presenting = false;
            ctx.send_viewport_cmd(ViewportCommand::Fullscreen(false));
        }
    }
}
