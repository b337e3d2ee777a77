//! The scale proof: what opening, deriving, a keystroke, saving and drawing a frame cost at 1k,
//! 10k and 100k lines. `cargo bench --bench scale`.

#![allow(clippy::unwrap_used)] // benchmark set-up may panic

use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Event, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, Vec2};

use budget_studio::app::{BudgetApp, Startup};
use budget_studio::calc::derive;
use budget_studio::checks;
use budget_studio::document::{Document, Edit};
use budget_studio::io::{from_ron_str, to_ron_string};
use budget_studio::model::{Column, IncomeSource, Money, TableId, TemplateId};
use budget_studio::synth::generate;
use budget_studio::ui::dialogs::ScriptedDialogs;
use budget_studio::ui::{Tab, fonts};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn file_and_model(c: &mut Criterion) {
    let mut group = c.benchmark_group("file");
    group.sample_size(10);
    for lines in SIZES {
        let budget = generate(lines, 7);
        let text = to_ron_string(&budget).unwrap();
        group.bench_with_input(
            BenchmarkId::new("open (parse + derive + checks)", lines),
            &text,
            |b, text| {
                b.iter(|| {
                    let budget = from_ron_str(text, Path::new("bench.ron")).unwrap();
                    Document::new(budget, None, "bench").findings().len()
                });
            },
        );
        let path = std::env::temp_dir().join(format!("budget-studio-bench-{lines}.ron"));
        group.bench_with_input(
            BenchmarkId::new("save (serialise + write)", lines),
            &budget,
            |b, budget| {
                b.iter(|| budget_studio::io::save(budget, &path).unwrap());
            },
        );
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(budget_studio::io::save::backup_path(&path));
    }
    group.finish();
}

fn derive_and_keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("derive");
    for lines in SIZES {
        let budget = generate(lines, 7);
        group.bench_with_input(
            BenchmarkId::new("all totals + all checks", lines),
            &budget,
            |b, budget| {
                b.iter(|| {
                    let derived = derive(budget);
                    checks::run(budget, &derived).len()
                });
            },
        );
        // A keystroke: the cell's preview is replaced and every total and check follows.
        let mut doc = Document::new(budget.clone(), None, "bench");
        let line = last_item(&doc);
        let mut toggle = false;
        group.bench_function(
            BenchmarkId::new("keystroke (edit + totals + checks)", lines),
            |b| b.iter(|| keystroke(&mut doc, &line, &mut toggle)),
        );
    }
    group.finish();
}

/// The last 项 of the budget seen, whose amount the keystrokes change.
fn last_item(doc: &Document) -> budget_studio::model::FunctionLine {
    let leaf = doc
        .budget()
        .function_lines
        .iter()
        .rposition(|l| l.code.len() == 7)
        .unwrap();
    doc.budget().function_lines[leaf].clone()
}

/// One keystroke in `line`: its amount alternates, the preview is replaced, and every total and
/// check follows.
fn keystroke(
    doc: &mut Document,
    line: &budget_studio::model::FunctionLine,
    toggle: &mut bool,
) -> Money {
    *toggle = !*toggle;
    let mut new = line.clone();
    let amount = if *toggle { "123.45" } else { "678.90" };
    new.set(
        IncomeSource::GeneralPublic,
        Column::Basic,
        Money(amount.parse().unwrap()),
    );
    doc.preview(
        "bench",
        Edit::FunctionLine {
            code: new.code.clone(),
            line: Some(new),
        },
    )
    .unwrap();
    doc.derived().summary.total
}

fn frame_input(scroll: bool) -> RawInput {
    let mut input = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1920.0, 1080.0))),
        ..RawInput::default()
    };
    input
        .events
        .push(Event::PointerMoved(Pos2::new(900.0, 600.0)));
    if scroll {
        input.events.push(Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: Vec2::new(0.0, -120.0),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
    }
    input
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame-100k");
    let budget = generate(100_000, 7);
    for (name, tab, table, scroll, template) in [
        ("overview", Tab::Overview, None, false, TemplateId::SHANXI),
        (
            "tables idle",
            Tab::Tables,
            Some(TableId::Expenditure),
            false,
            TemplateId::SHANXI,
        ),
        (
            "tables scrolling",
            Tab::Tables,
            Some(TableId::Expenditure),
            true,
            TemplateId::SHANXI,
        ),
        (
            "tables 2 scrolling",
            Tab::Tables,
            Some(TableId::Income),
            true,
            TemplateId::SHANXI,
        ),
        (
            "performance scrolling",
            Tab::Performance,
            None,
            true,
            TemplateId::SHANXI,
        ),
        ("assets", Tab::Assets, None, false, TemplateId::SHANXI),
        // The text is written once per edit, not per frame: Shanghai's lists every 项.
        (
            "narrative idle",
            Tab::Narrative,
            None,
            false,
            TemplateId::SHANXI,
        ),
        (
            "narrative idle (shanghai)",
            Tab::Narrative,
            None,
            false,
            TemplateId::SHANGHAI_DISTRICT,
        ),
    ] {
        let ctx = egui::Context::default();
        fonts::install(&ctx);
        let mut budget = budget.clone();
        budget.template = template;
        let startup = Startup {
            document: Document::new(budget, None, "bench.ron"),
            error: None,
            stamp: None,
        };
        let mut app = BudgetApp::new(startup, Box::new(ScriptedDialogs::default()));
        app.view.tab = tab;
        app.view.table = table;
        for _ in 0..3 {
            let _ = ctx.run_ui(frame_input(false), |ui| app.frame(ui));
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                ctx.run_ui(frame_input(scroll), |ui| app.frame(ui))
                    .shapes
                    .len()
            });
        });
    }
    group.finish();
}

/// The 情况说明 of a 100k-line budget, in both templates (Shanghai's 编制说明 lists every 项),
/// written from figures already derived, as the Narrative tab does on each frame after an edit.
fn narrative(c: &mut Criterion) {
    let mut group = c.benchmark_group("narrative");
    group.sample_size(20);
    let lines = 100_000;
    for template in [TemplateId::SHANXI, TemplateId::SHANGHAI_DISTRICT] {
        let mut budget = generate(lines, 7);
        budget.template = template;
        let derived = derive(&budget);
        group.bench_function(BenchmarkId::new(format!("{template:?}"), lines), |b| {
            b.iter(|| {
                budget_studio::calc::narrative::narrative(&budget, &derived)
                    .sections
                    .len()
            });
        });
    }
    group.finish();
}

/// Two 100k-line budgets compared line by line: a budget and an edited copy (the realistic
/// case: few lines change), and two budgets of different seeds (every line differs).
fn compare(c: &mut Criterion) {
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    let lines = 100_000;
    let last = generate(lines, 7);
    let last_derived = derive(&last);
    let mut edited = last.clone();
    for line in edited.function_lines.iter_mut().step_by(997) {
        let old = line.split(IncomeSource::GeneralPublic).basic;
        line.set(
            IncomeSource::GeneralPublic,
            Column::Basic,
            old.saturating_add(Money(rust_decimal::Decimal::ONE)),
        );
    }
    let other = generate(lines, 8);
    for (name, this) in [("edited copy", &edited), ("other seed", &other)] {
        let this_derived = derive(this);
        group.bench_function(BenchmarkId::new(name, lines), |b| {
            b.iter(|| {
                budget_studio::calc::compare::compare(&last, &last_derived, this, &this_derived)
                    .lines
                    .len()
            });
        });
    }
    group.finish();
}

/// Reading a template file: the built-in Shanghai one, and a template extending it.
fn template_load(c: &mut Criterion) {
    use budget_studio::model::template::{file, registry};
    let mut group = c.benchmark_group("template load");
    let (name, text) = registry::BUILT_IN[1];
    let extending = "(format: 1, id: BenchExtends, version: 2026, extends: ShanghaiDistrict, \
        retitle: [(kind: Expenditure, title: (zh: \"2026年部门支出预算总表\", en: \"Expenditure\"))])";
    for (label, text) in [("whole file", text), ("extending", extending)] {
        group.bench_function(label, |b| {
            b.iter(|| {
                let parsed = file::parse(text, name).unwrap();
                file::build(parsed, name, |id| id.find().cloned(), Vec::new)
                    .unwrap()
                    .tables
                    .len()
            });
        });
    }
    group.finish();
}

/// The 检索科目 search per keystroke over a 5,000-entry catalogue (an officer's platform export):
/// a code prefix, a name fragment that matches many entries, and one that matches none.
fn catalogue_search(c: &mut Criterion) {
    use budget_studio::model::catalogue::{Catalogue, Kind};
    let names = [
        "行政运行",
        "一般行政管理事务",
        "机关服务",
        "事业运行",
        "其他支出",
        "专项业务",
    ];
    let mut csv = String::from("code,name\n");
    let mut n = 0;
    'fill: for class in 201..=233 {
        csv.push_str(&format!("{class},支出类{class}\n"));
        n += 1;
        for section in 1..=15 {
            csv.push_str(&format!("{class}{section:02},款{class}{section:02}\n"));
            n += 1;
            for item in 1..=10 {
                let name = names[(section + item) % names.len()];
                csv.push_str(&format!("{class}{section:02}{item:02},{name}{item}\n"));
                n += 1;
                if n >= 5_000 {
                    break 'fill;
                }
            }
        }
    }
    let catalogue = Catalogue::from_csv(&csv, "bench").unwrap();
    assert_eq!(catalogue.len(), 5_000);
    let mut group = c.benchmark_group("catalogue search, 5,000 entries");
    for query in ["2080", "行政运行", "不存在的名称"] {
        group.bench_function(query, |b| {
            b.iter(|| catalogue.search(Kind::Function, query, 12).len());
        });
    }
    group.finish();
}

/// A department of 100 units and 100,000 lines: a keystroke in a unit (edit, its totals and
/// checks), the department summed from its units, and the file read and written.
fn department(c: &mut Criterion) {
    let mut group = c.benchmark_group("department-100-units");
    group.sample_size(10);
    let dept = budget_studio::synth::generate_department(100, 100_000, 3);
    let text = budget_studio::io::to_ron_string(&dept).unwrap();
    group.bench_function("open (parse the file)", |b| {
        b.iter(|| {
            budget_studio::io::from_ron_str(&text, std::path::Path::new("d.ron"))
                .unwrap()
                .profile
                .units
                .len()
        });
    });
    group.bench_function("save (write the file)", |b| {
        b.iter(|| budget_studio::io::to_ron_string(&dept).unwrap().len());
    });
    group.bench_function("department summed and derived", |b| {
        b.iter(|| {
            let c = budget_studio::calc::units::consolidated(&dept).unwrap();
            derive(&c).summary.total
        });
    });
    let mut doc = Document::new(dept.clone(), None, "bench");
    doc.set_scope(Some(50));
    let line = last_item(&doc);
    let mut toggle = false;
    group.bench_function("keystroke in a unit (edit + totals + checks)", |b| {
        b.iter(|| keystroke(&mut doc, &line, &mut toggle));
    });
    group.finish();
}

criterion_group!(
    benches,
    department,
    catalogue_search,
    template_load,
    file_and_model,
    derive_and_keystroke,
    frames,
    narrative,
    compare
);
criterion_main!(benches);
