fn main() {
    let mut budget = budget_studio::synth::generate(100_000, 7);
    budget.template = budget_studio::model::TemplateId::SHANGHAI_DISTRICT;
    let derived = budget_studio::calc::derive(&budget);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..100 {
        n += budget_studio::calc::narrative::narrative(&budget, &derived)
            .sections
            .len();
    }
    eprintln!(
        "{n} {:?} run {} value {} link {} words {}",
        t.elapsed() / 100,
        std::mem::size_of::<budget_studio::calc::narrative::Run>(),
        std::mem::size_of::<budget_studio::calc::narrative::Value>(),
        std::mem::size_of::<budget_studio::calc::narrative::Link>(),
        std::mem::size_of::<budget_studio::calc::narrative::Words>()
    );
}
#[allow(dead_code)]
fn sizes() {}
