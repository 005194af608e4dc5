//! A generated advisor of any size, for benchmarks and the browser benchmark page:
//! `inputs` integer questions (0..=40), `options` options, `factors` factors (the first a cost
//! in euro with relative scaling, the rest scores 0..10). Values are deterministic
//! pseudo-random linear formulas, some with `min`/`max`, each depending on two inputs.

/// Definition text (TOML) of a generated advisor.
pub fn generated_definition(inputs: usize, options: usize, factors: usize) -> String {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % m
    };
    let mut s = String::from(
        "id = \"generated\"\nversion = \"1\"\nvalid_from = \"2024-01-01\"\nowner = \"benchmark\"\n\
         title = { nl = \"Gegenereerde keuzehulp\", en = \"Generated advisor\" }\n",
    );
    for i in 0..inputs {
        s += &format!(
            "[inputs.x{i}]\nkind = \"integer\"\nmin = 0\nmax = 40\ndefault = {}\nlabel = {{ nl = \"Vraag {i}\", en = \"Question {i}\" }}\n",
            next(41)
        );
    }
    for f in 0..factors {
        if f == 0 {
            s += "[factors.f0]\nlabel = { nl = \"Kosten\", en = \"Cost\" }\ndirection = \"lower_is_better\"\nweight = 3\nscaling = \"relative\"\nformat = \"euro\"\n";
        } else {
            s += &format!(
                "[factors.f{f}]\nlabel = {{ nl = \"Factor {f}\", en = \"Factor {f}\" }}\ndirection = \"higher_is_better\"\nweight = {}\nscaling = {{ worst = 0, best = 10 }}\n",
                1 + next(3)
            );
        }
    }
    for o in 0..options {
        s += &format!(
            "[options.o{o}]\nlabel = {{ nl = \"Optie {o}\", en = \"Option {o}\" }}\nvalues = {{ "
        );
        for f in 0..factors {
            let (a, b) = ((o + f) % inputs.max(1), (o * 7 + f * 3 + 1) % inputs.max(1));
            let expr = if f == 0 {
                format!(
                    "{} + {} * x{a} + {} * x{b}",
                    20 + next(80),
                    next(5),
                    next(3)
                )
            } else if next(4) == 0 {
                format!("min(10, {} + x{a} / {})", next(5), 4 + next(8))
            } else {
                format!("max(0, {} - x{b} / {})", 3 + next(7), 5 + next(10))
            };
            s += &format!(
                "f{f} = \"{expr}\"{}",
                if f + 1 < factors { ", " } else { "" }
            );
        }
        s += " }\n";
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_parses() {
        let text = super::generated_definition(20, 100, 20);
        let a = crate::Advisor::parse(&text, "generated.toml").unwrap();
        assert_eq!(
            (a.inputs.len(), a.options.len(), a.factors.len()),
            (20, 100, 20)
        );
        assert!(a.evaluate(&a.default_scenario()).unwrap().best().is_some());
    }
}
