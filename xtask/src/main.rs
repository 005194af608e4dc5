//! `cargo xtask <command>`: the only entry points people need.
//!
//! Std only, so it compiles in a second or two. Each command is a short list
//! of steps; each step is one small function in the module that owns it.

mod advisor;
mod exec;
mod fuzz;
mod pipeline;
mod serve;
mod setup;
mod shape;
mod size;
mod third_language;
mod tiers;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup [--browser]   install what is missing (wasm32 target, wasm-bindgen-cli, wasm-split-cli,
                      wasm-opt, twiggy, crates); --browser adds chromium and the e2e npm packages
  serve [--release]   setup, build site + playground + widget into dist/, serve it on http://127.0.0.1:8080/
  build               setup, then a release build into dist/: the pages (HTML), the widget
                      in dist/embed/, the playground (alias: dist)
  test                setup --browser, then every test tier in order (what CI runs)
  bench               engine benchmarks, release build, size report, browser benchmark
  size                what each page and the widget download first and in all (gzip -9), and
                      what takes the room in the wasm (twiggy); also target/size.json
  third-language      build the engine with a third language (German) made from a small test
                      catalogue and run its tests (part of `test`)
  fuzz [<target>|all [seconds]]
                      fuzz the engine with cargo-fuzz (installed if missing): one target
                      (or all) for that long (default 60 s); without a target, list them
  advisor <command>   tools for advisor authors (`cargo xtask advisor help` for details):
                        check <folder|file>   validate a definition and run its test cases
                        new <id>              create advisors/<id>/ from the template
                        json <folder|file>    the definition as JSON [--out FILE] [--pretty]
                        schema [cases]        the JSON Schema of definitions (or cases)
  help                this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Paths given to `advisor` are relative to where the command was typed.
    let invoked_from = std::env::current_dir().unwrap_or_else(|_| exec::repo_root());
    if let Err(err) = std::env::set_current_dir(exec::repo_root()) {
        eprintln!("error: cannot enter the repository root: {err}");
        return ExitCode::FAILURE;
    }
    match run(&args, &invoked_from) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("\nerror: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String], invoked_from: &std::path::Path) -> exec::Result {
    let (command, options) = match args.split_first() {
        Some((command, options)) => (command.as_str(), options),
        None => ("help", &[][..]),
    };
    match command {
        "setup" => {
            let browser = flag(options, "--browser")?;
            setup::run(setup::Scope { browser })
        }
        "serve" => {
            let release = flag(options, "--release")?;
            setup::run(setup::Scope { browser: false })?;
            tiers::serve(release)
        }
        "build" | "dist" => {
            no_options(options)?;
            setup::run(setup::Scope { browser: false })?;
            tiers::release_build()
        }
        "test" => {
            no_options(options)?;
            setup::run(setup::Scope { browser: true })?;
            tiers::test_all()
        }
        "bench" => {
            no_options(options)?;
            setup::run(setup::Scope { browser: true })?;
            tiers::bench()
        }
        "size" => {
            no_options(options)?;
            size::report()
        }
        "third-language" => {
            no_options(options)?;
            third_language::check()
        }
        "fuzz" => fuzz::command(options),
        "advisor" => advisor::run(options, invoked_from),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}").into()),
    }
}

/// Accepts no option or exactly `name`; anything else is an error.
fn flag(options: &[String], name: &str) -> exec::Result<bool> {
    match options {
        [] => Ok(false),
        [only] if only == name => Ok(true),
        _ => Err(format!("unexpected options {options:?}; only `{name}` is accepted").into()),
    }
}

fn no_options(options: &[String]) -> exec::Result {
    if options.is_empty() {
        Ok(())
    } else {
        Err(format!("unexpected options {options:?}").into())
    }
}
