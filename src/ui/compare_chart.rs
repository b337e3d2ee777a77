//! This year against last year by 类, drawn with egui_plot: horizontal grouped bars (long Chinese
//! class names would be dropped on a category x axis, so the classes run down the y axis by code,
//! with their full names in the legend-like list beside), hover values in the table unit, pan and
//! zoom for long lists. The figures come from [`crate::calc::compare`]; floats only draw.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::i18n::Lang;
use super::theme;
use crate::calc::compare::Comparison;

/// The classes of `comparison`, last year and this year, in code order.
struct Row {
    code: String,
    name: String,
    last: String,
    this: String,
    last_value: f64,
    this_value: f64,
}

fn rows(comparison: &Comparison) -> Vec<Row> {
    comparison
        .classes()
        .map(|l| Row {
            code: l.code.clone(),
            name: l.name.clone(),
            last: l.change.last_year.format_grouped(2),
            this: l.change.this_year.format_grouped(2),
            last_value: l.change.last_year.to_f64_lossy(),
            this_value: l.change.this_year.to_f64_lossy(),
        })
        .collect()
}

/// Draws the chart at `height` (the Narrative tab, or a slide with `large` type).
pub fn show(ui: &mut Ui, comparison: &Comparison, lang: Lang, height: f32, large: bool) {
    let zh = lang.zh();
    let dark = ui.visuals().dark_mode;
    let rows = rows(comparison);
    let unit = comparison.unit.label(zh);
    if rows.is_empty() {
        ui.label(lang.pick("两年都没有支出。", "Neither year has expenditure."));
        return;
    }
    let n = rows.len();
    // The first class at the top: row i sits at y = n - 1 - i.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let last_name = lang.pick("上年", "Last year").to_owned();
    let this_name = lang.pick("本年", "This year").to_owned();
    let bars = |this: bool| -> Vec<Bar> {
        rows.iter()
            .enumerate()
            .map(|(i, r)| {
                let (offset, value) = if this {
                    (0.2, r.this_value)
                } else {
                    (-0.2, r.last_value)
                };
                // Solid bars: the plot's default translucent fill washes out on a projector.
                Bar::new(y_of(i) + offset, value)
                    .name(format!("[{}] {}", r.code, r.name))
                    .width(0.38)
                    .fill(theme::compare_colour(this, dark))
            })
            .collect()
    };
    let hover = |this: bool| {
        let labels: Vec<(String, String)> = rows
            .iter()
            .map(|r| {
                let v = if this { &r.this } else { &r.last };
                (format!("[{}] {}", r.code, r.name), v.clone())
            })
            .collect();
        let which = if this {
            this_name.clone()
        } else {
            last_name.clone()
        };
        let unit = unit.to_owned();
        let colon = lang.colon();
        move |bar: &Bar, _: &BarChart| -> String {
            let value = labels
                .iter()
                .find(|(name, _)| *name == bar.name)
                .map_or_else(String::new, |(_, v)| v.clone());
            format!("{}\n{which}{colon}{value} {unit}", bar.name)
        }
    };
    let last_chart = BarChart::new(last_name.clone(), bars(false))
        .horizontal()
        .color(theme::compare_colour(false, dark))
        .element_formatter(Box::new(hover(false)));
    let this_chart = BarChart::new(this_name.clone(), bars(true))
        .horizontal()
        .color(theme::compare_colour(true, dark))
        .element_formatter(Box::new(hover(true)));
    let codes: Vec<String> = rows.iter().map(|r| format!("[{}]", r.code)).collect();
    // Room right of the longest bar, so the legend in the corner never covers one.
    let widest = rows
        .iter()
        .map(|r| r.this_value.max(r.last_value))
        .fold(0.0_f64, f64::max);
    let axis_label = if zh {
        format!("金额（{unit}）")
    } else {
        format!("Amount ({unit})")
    };
    let text_size = if large { 28.0 } else { 14.0 };
    ui.horizontal_top(|ui| {
        let plot_width = (ui.available_width() * 0.68).max(240.0);
        ui.allocate_ui(egui::vec2(plot_width, height), |ui| {
            if large {
                // Axis ticks, axis title and legend are read from the back of the room.
                for font in ui.style_mut().text_styles.values_mut() {
                    font.size *= 1.7;
                }
            }
            Plot::new("compare-by-class")
                .legend(Legend::default())
                .height(height)
                .width(plot_width)
                .x_axis_label(axis_label)
                .include_x(0.0)
                .include_x(widest * 1.3)
                .y_axis_formatter(move |mark, _range| {
                    let v = mark.value;
                    if (v - v.round()).abs() > 1e-6 || v < -0.5 {
                        return String::new();
                    }
                    let i = n.saturating_sub(1).saturating_sub(v.round() as usize);
                    if v.round() as usize >= n {
                        return String::new();
                    }
                    codes.get(i).cloned().unwrap_or_default()
                })
                .show(ui, |plot| {
                    plot.bar_chart(last_chart);
                    plot.bar_chart(this_chart);
                });
        });
        // The full names, which the axis has no room for.
        ui.vertical(|ui| {
            for r in &rows {
                ui.label(RichText::new(format!("[{}] {}", r.code, r.name)).size(text_size * 0.8));
                ui.label(
                    RichText::new(format!(
                        "{} {}  →  {} {}",
                        last_name, r.last, this_name, r.this
                    ))
                    .size(text_size * 0.7)
                    .weak(),
                );
            }
        });
    });
}
