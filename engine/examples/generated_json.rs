//! Prints a generated advisor as JSON, for the browser benchmark (tests/e2e/bench.mjs).
//! Usage: `cargo run -p advies-engine --example generated_json -- INPUTS OPTIONS FACTORS`.
//! The JSON is made here, not built into the app, so citizens do not download it.

use advies_engine::Advisor;
use advies_engine::generate::generated_definition;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().unwrap_or(0))
        .collect();
    let [inputs, options, factors] = sizes[..] else {
        eprintln!("usage: generated_json INPUTS OPTIONS FACTORS (three whole numbers)");
        std::process::exit(2);
    };
    let text = generated_definition(inputs, options, factors);
    match Advisor::parse(&text, "generated.toml") {
        Ok(advisor) => match serde_json::to_string(&advisor.def) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("generated advisor as JSON: {e}");
                std::process::exit(1);
            }
        },
        Err(diagnostics) => {
            for d in &diagnostics.0 {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    }
}
