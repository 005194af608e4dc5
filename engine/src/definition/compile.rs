//! A parsed definition checked section by section and assembled into an [`Advisor`]; with
//! every problem found, in document order, when it is not valid.

use super::advisor::Advisor;
use super::checker::Checker;
use super::contacts::compile_contacts;
use super::events::compile_events;
use super::factors::{check_borderline, compile_factors, compile_presets, cost_factor};
use super::inputs::{compile_inputs, compile_visible_if};
use super::limits::{MAX_DEFINITION_BYTES, MAX_ERRORS, MAX_FACTORS, MAX_INPUTS, MAX_OPTIONS};
use super::metadata::{check_metadata, check_names, check_reflection, check_sources};
use super::options::compile_options;
use super::parse::{deserialize, too_big};
use super::values::{DerivedValues, broken_names, compile_derived, compile_params, symbols_of};
use super::warnings::warnings;
use crate::diag::{Diagnostics, Format, Locator, path_of};
use crate::model::Definition;

/// Reading a definition: the entry points (the type itself is in `advisor.rs`, which does not
/// depend on how it is made).
impl Advisor {
    /// Parses, validates and compiles a definition. The format follows the file name
    /// (`.toml` / `.json`), else the first character. All problems found are returned.
    pub fn parse(text: &str, file: &str) -> Result<Advisor, Diagnostics> {
        read(text, file, Checks::All)
    }

    /// As [`Advisor::parse`], for a definition that passed `check` when the site was built
    /// (a built-in advisor, as the build wrote it): everything is validated and compiled the
    /// same, except the search for formulas that can fail for some answer ([`crate::definition::domain`]),
    /// which the build already did. That search is the slowest part of reading a definition,
    /// and a page reads its advisor before the first answer works. Should a formula still fail,
    /// the page says so for that answer, as it always does.
    pub fn parse_built_in(text: &str, file: &str) -> Result<Advisor, Diagnostics> {
        read(text, file, Checks::SkipDomain)
    }
}

/// Which checks [`read`] runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Checks {
    All,
    /// Not the formulas that can fail ([`Advisor::parse_built_in`]).
    SkipDomain,
}

/// Reads, checks and compiles a definition text.
pub(super) fn read(text: &str, file: &str, checks: Checks) -> Result<Advisor, Diagnostics> {
    let format = Format::detect(file, text);
    if text.len() > MAX_DEFINITION_BYTES {
        return Err(Diagnostics(vec![too_big(text, file, format)]));
    }
    let def = deserialize::<Definition>(text, file, format)?;
    let loc = Locator::new(file, text, format);
    too_large(&def, &loc)?;
    compile(def, &loc, checks)
}

/// Refuses a definition with more options, questions or factors than the limits, before any
/// costly check: a clear message at the first one too many, not a frozen page.
fn too_large(def: &Definition, loc: &Locator) -> Result<(), Diagnostics> {
    let mut errors = Vec::new();
    for (section, keys, limit, what) in [
        (
            "options",
            def.options.keys().collect::<Vec<_>>(),
            MAX_OPTIONS,
            "options",
        ),
        (
            "inputs",
            def.inputs.keys().collect(),
            MAX_INPUTS,
            "questions",
        ),
        (
            "factors",
            def.factors.keys().collect(),
            MAX_FACTORS,
            "factors",
        ),
    ] {
        if let Some(first_too_many) = keys.get(limit) {
            errors.push(loc.at_key(
                &path_of(&[section, first_too_many.as_str()]),
                format!("{} {what}; the limit is {limit}", keys.len()),
                Some(format!(
                    "a citizen cannot weigh more than {limit} {what}; split the advisor into smaller ones"
                )),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(errors))
    }
}

/// Every section checked and compiled, in the order of the format (the order of the
/// messages for one place follows it).
fn compile(def: Definition, loc: &Locator<'_>, checks: Checks) -> Result<Advisor, Diagnostics> {
    let mut c = Checker {
        loc,
        errors: Vec::new(),
        warnings: warnings(&def, loc),
        option_ids: def.options.keys().cloned().collect(),
    };
    check_metadata(&mut c, &def);
    let source_ids = check_sources(&mut c, &def);
    check_names(&mut c, &def);
    let (mut inputs, input_ok) = compile_inputs(&mut c, &def);
    let params = compile_params(&mut c, &def, &source_ids);
    let mut symbols = symbols_of(&inputs, &params);
    compile_visible_if(&mut c, &def, &symbols, &mut inputs);
    let DerivedValues {
        derived,
        order,
        names,
    } = compile_derived(&mut c, &def, &mut symbols, &inputs, params.len());
    let broken = broken_names(&def, &derived);
    check_borderline(&mut c, &def);
    let factors = compile_factors(&mut c, &def);
    let cost_factor = cost_factor(&mut c, &def);
    let presets = compile_presets(&mut c, &def);
    check_reflection(&mut c, &def);
    let events = compile_events(&mut c, &def, &inputs, &input_ok);
    let options = compile_options(&mut c, &def, &symbols, &inputs, &names, &broken);
    let contacts = compile_contacts(&mut c, &def);

    if c.errors.is_empty() {
        let derived = derived
            .into_iter()
            .map(|d| d.expect("all derived compiled when no errors"))
            .collect();
        let advisor = Advisor {
            def,
            inputs,
            params,
            derived,
            derived_order: order,
            factors,
            presets,
            options,
            events,
            contacts,
            cost_factor,
            warnings: Vec::new(),
        };
        // Formulas that can fail for some answer (only once everything compiled).
        if checks == Checks::All {
            c.errors = super::domain::check(&advisor, loc);
        }
        if c.errors.is_empty() {
            let mut warnings = c.warnings;
            warnings.sort_by_key(|d| (d.span.0, d.line, d.column));
            return Ok(Advisor {
                warnings,
                ..advisor
            });
        }
    }
    // Report in document order.
    let many = c.full();
    c.errors.sort_by_key(|d| (d.span.0, d.line, d.column));
    c.errors.dedup();
    if many {
        c.errors.truncate(MAX_ERRORS);
        let last = c.errors.last().map_or((0, 0), |d| d.span);
        let note = loc.at_span(
            &[],
            last,
            format!("there are more problems; only the first {MAX_ERRORS} are shown"),
            Some("fix these and check again".into()),
        );
        c.errors.push(note);
    }
    Err(Diagnostics(c.errors))
}
