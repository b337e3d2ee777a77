//! Excel at scale: what writing the workbook of a budget and reading it back cost at 1k, 10k and
//! 100k lines. `cargo bench --bench workbook`.

#![allow(clippy::unwrap_used)] // benchmark set-up may panic

use std::path::Path;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use budget_studio::calc::derive;
use budget_studio::checks;
use budget_studio::io::xlsx::{ExportOptions, ImportOptions, import_bytes, workbook_bytes};
use budget_studio::synth::generate;

fn workbook(c: &mut Criterion) {
    let mut group = c.benchmark_group("workbook");
    group.sample_size(10);
    for lines in [1_000, 10_000, 100_000] {
        let budget = generate(lines, 7);
        let derived = derive(&budget);
        let findings = checks::run(&budget, &derived);
        let options = ExportOptions::default();
        group.bench_with_input(BenchmarkId::new("export", lines), &budget, |b, budget| {
            b.iter(|| {
                workbook_bytes(budget, &derived, &findings, &options)
                    .unwrap()
                    .len()
            });
        });
        let bytes = workbook_bytes(&budget, &derived, &findings, &options).unwrap();
        group.bench_with_input(BenchmarkId::new("import", lines), &bytes, |b, bytes| {
            b.iter(|| {
                import_bytes(
                    bytes.clone(),
                    Path::new("bench.xlsx"),
                    &ImportOptions::default(),
                )
                .unwrap()
                .budget
                .function_lines
                .len()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, workbook);
criterion_main!(benches);
