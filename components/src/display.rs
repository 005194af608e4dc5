//! Pure display helpers: how figures (and the names of factors and questions) are written on
//! screen. No business rules: values come from the engine; this only turns them into text
//! (built on [`advies_engine::format`]).

use advies_engine::format;
use advies_engine::model::ValueFormat;
use advies_engine::{Advisor, Lang};

use crate::i18n::{Key, t};

/// The id of factor `f` (`f{f}` if there is no such factor).
pub fn factor_id(a: &Advisor, f: usize) -> String {
    a.factors
        .get(f)
        .map_or_else(|| format!("f{f}"), |x| x.id.clone())
}

/// The label of factor `f` in `lang` (empty if there is no such factor).
pub fn factor_label(a: &Advisor, f: usize, lang: Lang) -> String {
    a.def
        .factors
        .get_index(f)
        .map(|(_, d)| d.label.get(lang).to_string())
        .unwrap_or_default()
}

/// The label of question (input) `i` in `lang` (empty if there is no such question).
pub fn input_label(a: &Advisor, i: usize, lang: Lang) -> String {
    a.def
        .inputs
        .get_index(i)
        .map(|(_, d)| d.label.get(lang).to_string())
        .unwrap_or_default()
}

/// Decimals needed to show `v` exactly, from `min` up to `max` (e.g. 0.166 needs 3).
pub fn decimals_needed(v: f64, min: usize, max: usize) -> usize {
    (min..max)
        .find(|&d| {
            let scale = 10f64.powi(d as i32);
            ((v * scale).round() - v * scale).abs() < 1e-6
        })
        .unwrap_or(max)
}

/// An amount in euro: cents as usual, more decimals only when the figure has them
/// (nl `€ 0,166`, en `€0.166`).
pub fn money(v: f64, lang: Lang) -> String {
    let d = decimals_needed(v, 2, 4);
    if d == 2 {
        return format::euro(v, lang);
    }
    lang.euro(&format::number(v, d, lang))
}

/// A plain number with as many decimals as it has (up to 3), in the reader's notation.
pub fn plain_number(v: f64, lang: Lang) -> String {
    format::number(v, decimals_needed(v, 0, 3), lang)
}

/// A parameter value with its unit as written in definitions: `EUR`, `EUR/km`, `EUR/week`,
/// `EUR/month`, `EUR/year`, `%`; any other unit is written after the number.
pub fn parameter_value(v: f64, unit: &str, lang: Lang) -> String {
    join(parameter_value_parts(v, unit, lang))
}

/// A factor value written the way its definition asks (euro or number with decimals), followed
/// by the factor's unit text: "€ 77,65 per maand", "3 van 5".
pub fn factor_value(advisor: &Advisor, f: usize, v: f64, lang: Lang) -> String {
    join(factor_value_parts(advisor, f, v, lang))
}

/// [`factor_value`] as (amount, unit text), so a view can keep the amount on one line.
pub fn factor_value_parts(advisor: &Advisor, f: usize, v: f64, lang: Lang) -> (String, String) {
    let Some((_, def)) = advisor.def.factors.get_index(f) else {
        return (plain_number(v, lang), String::new());
    };
    let amount = match def.format {
        ValueFormat::Euro => format::euro(v, lang),
        ValueFormat::Number => format::number(v, usize::from(def.decimals.unwrap_or(0)), lang),
    };
    (amount, def.unit.get(lang).trim().to_string())
}

/// A parameter value with its unit, as (amount, unit text); see [`parameter_value`].
pub fn parameter_value_parts(v: f64, unit: &str, lang: Lang) -> (String, String) {
    let per = |key| (money(v, lang), t(key, lang).to_string());
    match unit.trim() {
        "EUR" | "€" => (money(v, lang), String::new()),
        "EUR/km" => per(Key::PerKm),
        "EUR/week" => per(Key::PerWeek),
        "EUR/month" => per(Key::PerMonth),
        "EUR/year" => per(Key::PerYear),
        "%" => (format!("{}%", plain_number(v, lang)), String::new()),
        other => (plain_number(v, lang), other.to_string()),
    }
}

/// "amount unit", or just the amount when there is no unit.
pub fn join((amount, unit): (String, String)) -> String {
    if unit.is_empty() {
        amount
    } else {
        format!("{amount} {unit}")
    }
}

/// A score from 0..=1 as whole points out of 100.
pub fn score_points(score: f64) -> u32 {
    if score.is_finite() {
        (score * 100.0).round().clamp(0.0, 100.0) as u32
    } else {
        0
    }
}

/// A share from 0..=1 as a whole percentage.
pub fn percent(share: f64) -> u32 {
    score_points(share)
}

/// The text an `<input>` holds for a value: `.` as decimal point, no float dust.
pub fn input_text(v: f64) -> String {
    let v = (v * 1e9).round() / 1e9;
    if v == 0.0 { "0".into() } else { format!("{v}") }
}

/// Reads what a citizen typed in a number box; accepts a decimal comma. `None` if it is not a
/// number.
pub fn parse_number(text: &str) -> Option<f64> {
    let s = text.trim().replace(',', ".");
    if s.is_empty() {
        return None;
    }
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RET: &str = include_str!("../../advisors/ret/definition.toml");

    #[test]
    fn money_uses_cents_unless_the_figure_has_more() {
        assert_eq!(money(1.08, Lang::Nl), "€ 1,08");
        assert_eq!(money(0.166, Lang::Nl), "€ 0,166");
        assert_eq!(money(0.166, Lang::En), "€0.166");
        assert_eq!(money(99.0, Lang::En), "€99.00");
        assert_eq!(decimals_needed(4.5, 2, 4), 2);
        assert_eq!(decimals_needed(0.12345, 2, 4), 4);
    }

    #[test]
    fn parameter_units() {
        assert_eq!(parameter_value(1.08, "EUR", Lang::Nl), "€ 1,08");
        assert_eq!(parameter_value(0.166, "EUR/km", Lang::Nl), "€ 0,166 per km");
        assert_eq!(parameter_value(34.0, "%", Lang::Nl), "34%");
        assert_eq!(parameter_value(12.5, "%", Lang::Nl), "12,5%");
        assert_eq!(
            parameter_value(99.0, "EUR/month", Lang::Nl),
            "€ 99,00 per maand"
        );
        assert_eq!(
            parameter_value(25.0, "EUR/week", Lang::Nl),
            "€ 25,00 per week"
        );
        assert_eq!(
            parameter_value(990.0, "EUR/year", Lang::En),
            "€990.00 per year"
        );
        assert_eq!(parameter_value(5.0, "km", Lang::En), "5 km");
        assert_eq!(parameter_value(1500.0, "", Lang::Nl), "1.500");
    }

    #[test]
    fn factor_values_follow_the_definition() {
        let a = Advisor::parse(RET, "ret/definition.toml").expect("RET parses");
        let cost = a.factor_index("cost").unwrap();
        let flex = a.factor_index("flexibility").unwrap();
        assert_eq!(factor_value(&a, cost, 77.65, Lang::Nl), "€ 77,65 per maand");
        assert_eq!(factor_value(&a, cost, 77.65, Lang::En), "€77.65 per month");
        assert_eq!(factor_value(&a, flex, 3.0, Lang::Nl), "3 van 5");
        assert_eq!(factor_value(&a, flex, 3.0, Lang::En), "3 out of 5");
        assert_eq!(factor_value(&a, 99, 3.0, Lang::En), "3");
        assert_eq!(
            factor_value_parts(&a, cost, 9.5, Lang::Nl),
            ("€ 9,50".to_string(), "per maand".to_string())
        );
    }

    #[test]
    fn scores_and_inputs() {
        assert_eq!(score_points(0.694), 69);
        assert_eq!(score_points(1.2), 100);
        assert_eq!(score_points(f64::NAN), 0);
        assert_eq!(percent(0.6), 60);
        assert_eq!(input_text(8.0), "8");
        assert_eq!(input_text(0.30000000000000004), "0.3");
        assert_eq!(input_text(-0.0), "0");
        assert_eq!(parse_number(" 12 "), Some(12.0));
        assert_eq!(parse_number("2,5"), Some(2.5));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("inf"), None);
    }
}
