//! Cost of deriving every total and running every check, and of saving/loading, by budget size.

#![allow(clippy::unwrap_used)] // test helpers may panic on bad fixtures

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use budget_studio::calc::derive;
use budget_studio::checks;
use budget_studio::io::{from_ron_str, to_ron_string};
use budget_studio::synth::function_budget;

fn derive_and_check(c: &mut Criterion) {
    let mut group = c.benchmark_group("derive+check");
    for lines in [1_000usize, 10_000, 100_000] {
        let budget = function_budget(lines, 7);
        group.bench_with_input(BenchmarkId::from_parameter(lines), &budget, |b, budget| {
            b.iter(|| {
                let derived = derive(budget);
                checks::run(budget, &derived).len()
            });
        });
    }
    group.finish();
}

fn file_io(c: &mut Criterion) {
    let mut group = c.benchmark_group("ron");
    group.sample_size(10);
    for lines in [10_000usize, 100_000] {
        let budget = function_budget(lines, 7);
        let text = to_ron_string(&budget).unwrap_or_default();
        group.bench_with_input(BenchmarkId::new("save", lines), &budget, |b, budget| {
            b.iter(|| to_ron_string(budget).map(|t| t.len()).unwrap_or(0));
        });
        group.bench_with_input(BenchmarkId::new("load", lines), &text, |b, text| {
            b.iter(|| {
                from_ron_str(text, std::path::Path::new("bench.ron"))
                    .map(|b| b.function_lines.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, derive_and_check, file_io);
criterion_main!(benches);
