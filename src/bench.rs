//! Browser benchmark hooks, called by `tests/e2e/bench.mjs` through the app's module exports.
//! They measure the engine inside Chromium (wasm), where the 16 ms frame budget applies.

use advies_engine::Advisor;

use wasm_bindgen::prelude::*;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Times `reps` full analyses of `advisor`'s default scenario, in milliseconds each.
fn time_analyses(advisor: &Advisor, reps: usize, out: &mut Vec<f64>) {
    let sc = advisor.default_scenario();
    for _ in 0..reps {
        let t0 = now();
        let ok = advisor.analyse(&sc).is_ok();
        let t1 = now();
        if ok {
            out.push(t1 - t0);
        }
    }
}

/// Times `reps` full analyses of `generated` (a definition as JSON; the benchmark passes the
/// 20 inputs x 100 options x 20 factors advisor from `cargo run --example generated_json`) and
/// of `ret` (the RET definition as the RET page holds it) in their default scenarios; returns
/// `[generated ms..., ret ms...]`. A definition that does not read gives no timings.
#[wasm_bindgen]
pub fn bench_analysis(generated: &str, ret: &str, reps: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(reps * 2);
    for (text, file) in [(generated, "generated.json"), (ret, "ret.json")] {
        if let Ok(advisor) = Advisor::parse(text, file) {
            time_analyses(&advisor, reps, &mut out);
        }
    }
    out
}
