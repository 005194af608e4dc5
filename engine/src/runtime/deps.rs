//! Which figures an option rests on: the parameters its factor values and eligibility use,
//! directly or through derived values. The page uses this to flag options whose figures are
//! illustrative, and to list the sources behind each option.

use crate::advisor::Advisor;
use crate::model::Status;

impl Advisor {
    /// Indices of the parameters that option `o` depends on (sorted, no duplicates).
    pub fn option_parameters(&self, o: usize) -> Vec<usize> {
        let opt = &self.options[o];
        let mut pending: Vec<u32> = Vec::new();
        for e in opt.values.iter().chain(opt.eligible_if.iter()) {
            pending.extend(e.slots());
        }
        self.parameters_behind(pending)
    }

    /// Indices of the parameters that factor `f` of option `o` depends on.
    pub fn value_parameters(&self, o: usize, f: usize) -> Vec<usize> {
        self.parameters_behind(self.options[o].values[f].slots())
    }

    /// True if the value of factor `f` of option `o` rests on an illustrative figure.
    pub fn value_is_illustrative(&self, o: usize, f: usize) -> bool {
        self.value_parameters(o, f)
            .iter()
            .any(|&j| self.params[j].status == Status::Illustrative)
    }

    fn parameters_behind(&self, mut pending: Vec<u32>) -> Vec<usize> {
        let ni = self.inputs.len();
        let np = self.params.len();
        let mut seen = vec![false; self.slot_count()];
        let mut out = Vec::new();
        while let Some(s) = pending.pop() {
            let s = s as usize;
            if s >= seen.len() || seen[s] {
                continue;
            }
            seen[s] = true;
            if (ni..ni + np).contains(&s) {
                out.push(s - ni);
            } else if s >= ni + np {
                pending.extend(self.derived[s - ni - np].expr.slots());
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::Advisor;

    #[test]
    fn ret_dependencies() {
        let text = include_str!("../../../advisors/ret/definition.toml");
        let a = Advisor::parse(text, "ret/definition.toml").unwrap();
        let cost = a.factor_index("cost").unwrap();
        let pay = a.option_index("pay_per_trip").unwrap();
        let names: Vec<&str> = a
            .value_parameters(pay, cost)
            .iter()
            .map(|&j| a.params[j].id.as_str())
            .collect();
        assert_eq!(names, vec!["base_fare", "km_fare", "age_discount"]);
        assert!(!a.value_is_illustrative(pay, cost));
        let month = a.option_index("month_pass").unwrap();
        assert!(a.value_is_illustrative(month, cost));
        let flex = a.factor_index("flexibility").unwrap();
        assert!(!a.value_is_illustrative(month, flex));
    }
}
