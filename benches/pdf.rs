//! What the printed disclosure costs: the seed (target ≤ 2 s) and a generated 10,000-line budget
//! (target ≤ 10 s), typeset and written as PDF bytes. `cargo bench --bench pdf`.

#![allow(clippy::unwrap_used)] // benchmark set-up may panic

use criterion::{Criterion, criterion_group, criterion_main};

use budget_studio::calc::derive;
use budget_studio::io::pdf::{PdfOptions, pdf_bytes};
use budget_studio::sample::sample_budget;
use budget_studio::synth::generate;

fn pdf(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf");
    group.sample_size(10);
    let seed = sample_budget().unwrap();
    let seed_derived = derive(&seed);
    group.bench_function("seed (with charts)", |b| {
        b.iter(|| {
            pdf_bytes(&seed, &seed_derived, &PdfOptions::default())
                .unwrap()
                .len()
        });
    });
    let big = generate(10_000, 1);
    let big_derived = derive(&big);
    group.bench_function("10k lines (with charts)", |b| {
        b.iter(|| {
            pdf_bytes(&big, &big_derived, &PdfOptions::default())
                .unwrap()
                .len()
        });
    });
    group.finish();
}

criterion_group!(benches, pdf);
criterion_main!(benches);
