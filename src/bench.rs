//! Browser benchmark hooks, called by `tests/e2e/bench.mjs` through Trunk's `window.wasmBindings`.
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
/// of the RET advisor's default scenario; returns `[generated ms..., ret ms...]`. A generated
/// definition that does not read gives no timings for it.
#[wasm_bindgen]
pub fn bench_analysis(generated: &str, reps: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(reps * 2);
    if let Ok(big) = Advisor::parse(generated, "generated.json") {
        time_analyses(&big, reps, &mut out);
    }
    if let Some((text, file)) = crate::built_in("ret")
        && let Ok(ret) = Advisor::parse(text, file)
    {
        time_analyses(&ret, reps, &mut out);
    }
    out
}
