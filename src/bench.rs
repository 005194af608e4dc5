//! Browser benchmark hooks, called by `tests/e2e/bench.mjs` through Trunk's `window.wasmBindings`.
//! They measure the engine inside Chromium (wasm), where the 16 ms frame budget applies.

use advies_engine::Advisor;
use advies_engine::generate::generated_definition;
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

/// Times `reps` full analyses of a generated advisor (`inputs` x `options` x `factors`) and
/// of the RET advisor's default scenario; returns `[generated ms..., ret ms...]`.
#[wasm_bindgen]
pub fn bench_analysis(inputs: usize, options: usize, factors: usize, reps: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(reps * 2);
    let text = generated_definition(inputs, options, factors);
    if let Ok(big) = Advisor::parse(&text, "generated.toml") {
        time_analyses(&big, reps, &mut out);
    }
    if let Ok(ret) = Advisor::parse(crate::RET_DEFINITION, crate::RET_FILE) {
        time_analyses(&ret, reps, &mut out);
    }
    out
}
