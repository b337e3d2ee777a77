//! Hostile inputs on the money path: thousands of mutated budget files, and budgets whose amounts
//! are pushed to the edges of a decimal's range, go through load → derive → checks → summary →
//! charts → every disclosure table without a panic.

#![allow(clippy::unwrap_used)] // fixtures written by the test itself

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::str::FromStr;

use budget_studio::calc::charts::{ChartKind, chart};
use budget_studio::calc::derive;
use budget_studio::calc::tables::{disclosure_tables, table};
use budget_studio::chart::{Style, header, layout};
use budget_studio::checks;
use budget_studio::cli::{summary_json, write_summary_text};
use budget_studio::io::{decode::decode, ron_file};
use budget_studio::model::{Budget, IncomeSource, Money, MoneyUnit, Split, TemplateId};
use budget_studio::synth;
use rust_decimal::Decimal;

/// A small deterministic generator: the same mutations on every run, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const EXTREMES: [&str; 8] = [
    "79228162514264337593543950335",
    "-79228162514264337593543950335",
    "0.0000000000000000000000000001",
    "-999999999999999",
    "999999999999999.99",
    "99999999999.99",
    "1e3",
    "4294967297",
];

/// Everything a user can make the program compute from one budget.
fn exercise(budget: &Budget) {
    let derived = derive(budget);
    let findings = checks::run(budget, &derived);
    for f in &findings {
        let _ = f.message(true);
        let _ = f.message(false);
        let _ = f.location.describe(budget, false);
    }
    let mut out = Vec::new();
    write_summary_text(budget, &derived, true, &mut out).unwrap();
    let _ = summary_json(budget, &derived).to_string();
    for kind in ChartKind::ALL {
        let c = chart(budget, &derived, kind, None, true);
        let style = Style::slide(1920.0, 1080.0, false, true, header(budget, &c, true));
        let _ = layout(&c, &style);
    }
    for id in disclosure_tables(budget) {
        let t = table(budget, &derived, id, true);
        for row in t.rows() {
            for col in 0..8 {
                let _ = t.cell_name(&row, col);
            }
        }
    }
}

/// One mutation of the file's text.
fn mutate_text(text: &str, rng: &mut Rng) -> Vec<u8> {
    let mut s = text.to_owned();
    let quoted: Vec<usize> = s.match_indices(": \"").map(|(i, _)| i + 3).collect();
    match rng.below(8) {
        0 | 1 => {
            // An amount (or any quoted value) replaced by an extreme.
            if let Some(&at) = quoted.get(rng.below(quoted.len()))
                && let Some(end) = s[at..].find('"')
            {
                s.replace_range(at..at + end, EXTREMES[rng.below(EXTREMES.len())]);
            }
        }
        2 => {
            // Units swapped.
            s = if rng.below(2) == 0 {
                s.replacen("WanYuan", "Yuan", 1 + rng.below(3))
            } else {
                s.replacen("Yuan", "WanYuan", 1 + rng.below(3))
            };
        }
        3 => {
            // A field renamed, dropped or duplicated.
            let lines: Vec<&str> = s.lines().collect();
            let i = rng.below(lines.len());
            let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            match rng.below(3) {
                0 => out[i] = out[i].replacen(':', "x:", 1),
                1 => {
                    out.remove(i);
                }
                _ => out.insert(i, out[i].clone()),
            }
            s = out.join("\n");
        }
        4 => {
            // A huge count.
            s = s.replacen("count: ", "count: 4294967295", 1);
        }
        5 => {
            // Truncated anywhere.
            let mut at = rng.below(s.len());
            while !s.is_char_boundary(at) {
                at -= 1;
            }
            s.truncate(at);
        }
        _ => {
            // Random bytes flipped.
            let mut bytes = s.into_bytes();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            return bytes;
        }
    }
    s.into_bytes()
}

/// A loaded budget with amounts pushed past every limit the reader enforces, as a budget built in
/// code (or by a future importer) could have them.
fn mutate_model(base: &Budget, rng: &mut Rng) -> Budget {
    let mut b = base.clone();
    let pick = |rng: &mut Rng| Money(Decimal::from_str(EXTREMES[rng.below(5)]).unwrap());
    for _ in 0..1 + rng.below(6) {
        match rng.below(6) {
            0 if !b.function_lines.is_empty() => {
                let i = rng.below(b.function_lines.len());
                let source = IncomeSource::ALL[rng.below(IncomeSource::ALL.len())];
                let split = Split {
                    basic: pick(rng),
                    project: pick(rng),
                };
                b.function_lines[i].amounts.insert(source, split);
            }
            1 if !b.economic.lines.is_empty() => {
                let i = rng.below(b.economic.lines.len());
                b.economic.lines[i].amount = pick(rng);
            }
            2 => b.sangong.this_year.abroad = pick(rng),
            3 if !b.projects.is_empty() => {
                let i = rng.below(b.projects.len());
                b.projects[i].funds_year.central = pick(rng);
            }
            4 => {
                b.unit = match b.unit {
                    MoneyUnit::Yuan => MoneyUnit::WanYuan,
                    MoneyUnit::WanYuan => MoneyUnit::Yuan,
                };
            }
            _ => b.procurement.goods = pick(rng),
        }
    }
    b
}

#[test]
fn mutated_budgets_never_panic_on_the_money_path() {
    let path = Path::new("sample_budgets/xinzhou-industry-2022.ron");
    let sample_text = std::fs::read_to_string(path).unwrap();
    let mut shanghai = synth::generate(300, 7);
    shanghai.template = TemplateId::SHANGHAI_DISTRICT;
    let shanghai_text = ron_file::to_ron_string(&shanghai).unwrap();
    let sources = [sample_text, shanghai_text];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut files, mut loaded, mut models, mut panics) = (0, 0, 0, Vec::new());
    for round in 0..1500 {
        let text = &sources[round % sources.len()];
        let bytes = mutate_text(text, &mut rng);
        files += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let Ok((decoded, _)) = decode(&bytes) else {
                return false;
            };
            let Ok((budget, _)) = ron_file::parse(&decoded, path) else {
                return false;
            };
            exercise(&budget);
            true
        }));
        match outcome {
            Ok(true) => loaded += 1,
            Ok(false) => {}
            Err(_) => panics.push(format!("file mutation {round}")),
        }
    }
    let bases: Vec<Budget> = sources
        .iter()
        .map(|t| ron_file::parse(t, path).unwrap().0)
        .collect();
    for round in 0..600 {
        let budget = mutate_model(&bases[round % bases.len()], &mut rng);
        models += 1;
        if catch_unwind(AssertUnwindSafe(|| exercise(&budget))).is_err() {
            panics.push(format!("model mutation {round}"));
        }
    }
    eprintln!(
        "{files} mutated files ({loaded} loaded), {models} mutated budgets, {} panics",
        panics.len()
    );
    assert!(panics.is_empty(), "{panics:?}");
}

#[test]
fn an_overflowing_total_is_an_error_finding_not_a_crash() {
    let mut budget = synth::generate(50, 3);
    let max = Money(Decimal::MAX);
    for line in budget
        .function_lines
        .iter_mut()
        .filter(|l| l.code.len() == 7)
    {
        line.amounts.insert(
            IncomeSource::GeneralPublic,
            Split {
                basic: max,
                project: max,
            },
        );
    }
    let derived = derive(&budget);
    let findings = checks::run(&budget, &derived);
    assert!(
        findings
            .iter()
            .any(|f| f.rule.id() == "amount.range" && f.severity == checks::Severity::Error),
        "{findings:?}"
    );
}
