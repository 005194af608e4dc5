//! What `check` warns about in a definition that is valid but will read badly: questions
//! whose sentences cannot be told apart, an option with a question's id.

use crate::diag::{Diagnostic, Locator, path_of};
use crate::model::{Definition, InputKind};
use crate::text::Lang;

/// What `check` warns about in a definition that is valid but will read badly.
pub(super) fn warnings(def: &Definition, loc: &Locator) -> Vec<Diagnostic> {
    let mut out = shared_units(def, loc);
    for (id, _) in def
        .options
        .iter()
        .filter(|(id, _)| def.inputs.contains_key(*id))
    {
        out.push(loc.at_key(
            &path_of(&["options", id]),
            format!("the option `{id}` has the same id as the question `{id}`"),
            Some(format!(
                "rename one of them, so that `{id}` means one thing in messages and test cases"
            )),
        ));
    }
    out
}

/// Number questions with the same unit (in Dutch or in English; two without a unit count as
/// the same, as the sentences count them: `explain::shares_unit`) and no `short`: the generated
/// sentences about them ("Bij 2 ritten per week of minder ...") cannot tell them apart. One
/// warning per group, at the unit of its second question (at the question, without a unit).
fn shared_units(def: &Definition, loc: &Locator) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reported: Vec<Vec<&str>> = Vec::new();
    for lang in Lang::ALL {
        let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
        for (id, d) in &def.inputs {
            let numeric = matches!(d.kind, InputKind::Integer | InputKind::Number);
            let unit = d.unit.get(lang).trim();
            if !numeric || !d.short.is_empty() {
                continue;
            }
            match groups
                .iter_mut()
                .find(|(u, _)| u.eq_ignore_ascii_case(unit))
            {
                Some((_, ids)) => ids.push(id),
                None => groups.push((unit, vec![id])),
            }
        }
        for (unit, ids) in groups {
            if ids.len() < 2 || reported.contains(&ids) {
                continue;
            }
            let names: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
            let names = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => names.join(""),
            };
            let (place, same) = match unit {
                "" => (path_of(&["inputs", ids[1]]), "have no unit".to_string()),
                unit => (
                    path_of(&["inputs", ids[1], "unit"]),
                    format!("have the same unit ({unit})"),
                ),
            };
            out.push(loc.at(
                &place,
                format!("{names} {same} and no `short`: the sentences about them read alike"),
                Some("give each question a short name for those sentences, e.g. `short = { nl = \"ritten voor 9 uur\", en = \"trips before 9\" }`".into()),
            ));
            reported.push(ids);
        }
    }
    out
}
