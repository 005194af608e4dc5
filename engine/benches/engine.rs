//! Engine benchmarks: parse+compile of the RET definition, one evaluation, the full analysis
//! (RET, NS with its fine grid, and a generated 100x20x20 advisor),
//! and a plan of scenarios over four periods.
//! Run with `cargo xtask bench` (or `cargo bench -p advies-engine`).

use std::hint::black_box;

use advies_engine::Advisor;
use criterion::{Criterion, criterion_group, criterion_main};

const RET: &str = include_str!("../../advisors/ret/definition.toml");
const NS: &str = include_str!("../../advisors/ns/definition.toml");

fn parse_compile(c: &mut Criterion) {
    c.bench_function("ret/parse+compile", |b| {
        b.iter(|| Advisor::parse(black_box(RET), "ret/definition.toml").unwrap())
    });
}

fn evaluate(c: &mut Criterion) {
    let advisor = Advisor::parse(RET, "ret/definition.toml").unwrap();
    let mut sc = advisor.default_scenario();
    c.bench_function("ret/evaluate (allocating)", |b| {
        b.iter(|| advisor.evaluate(black_box(&sc)).unwrap())
    });
    let mut ev = advisor.empty_evaluation();
    let trips = advisor.input_index("trips_per_week").unwrap();
    let mut n = 0u32;
    c.bench_function("ret/evaluate_into (reused buffers)", |b| {
        b.iter(|| {
            n = (n + 1) % 41;
            sc.inputs[trips] = f64::from(n);
            advisor
                .evaluate_into(black_box(&sc), None, &mut ev)
                .unwrap();
            black_box(ev.best())
        })
    });
}

fn analyse(c: &mut Criterion) {
    let advisor = Advisor::parse(RET, "ret/definition.toml").unwrap();
    let sc = advisor.default_scenario();
    c.bench_function("ret/full analysis", |b| {
        b.iter(|| advisor.analyse(black_box(&sc)).unwrap())
    });
    // NS: spend has 100,001 values (a fine grid): closed-form tipping points.
    let ns = Advisor::parse(NS, "ns/definition.toml").unwrap();
    let ns_sc = ns.default_scenario();
    c.bench_function("ns/full analysis", |b| {
        b.iter(|| ns.analyse(black_box(&ns_sc)).unwrap())
    });
    let text = advies_engine::generate::generated_definition(20, 100, 20);
    let big = Advisor::parse(&text, "generated.toml").unwrap();
    let sc = big.default_scenario();
    let mut group = c.benchmark_group("generated 100 options x 20 factors x 20 inputs");
    group.sample_size(20);
    group.bench_function("evaluate", |b| {
        b.iter(|| big.evaluate(black_box(&sc)).unwrap())
    });
    group.bench_function("full analysis", |b| {
        b.iter(|| big.analyse(black_box(&sc)).unwrap())
    });
    group.finish();
}

fn plan_4_periods(c: &mut Criterion) {
    use advies_engine::scenarios::{Period, plan};
    let advisor = Advisor::parse(RET, "ret/definition.toml").unwrap();
    let trips = advisor.input_index("trips_per_week").unwrap();
    let cost = advisor.factor_index("cost").unwrap();
    // Three scenarios (8, 20 and 3 trips a week) over four periods, one scenario used twice.
    let scenarios: Vec<_> = [8.0, 20.0, 3.0]
        .iter()
        .map(|&n| {
            let mut sc = advisor.default_scenario();
            sc.inputs[trips] = n;
            sc
        })
        .collect();
    let periods =
        [(0, 3), (1, 6), (2, 2), (0, 12)].map(|(scenario, months)| Period { scenario, months });
    c.bench_function("ret_plan_4_periods", |b| {
        b.iter(|| plan(&advisor, black_box(&scenarios), black_box(&periods), cost).unwrap())
    });
}

criterion_group!(benches, parse_compile, evaluate, analyse, plan_4_periods);
criterion_main!(benches);
