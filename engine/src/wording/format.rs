//! Writing numbers, amounts and dates the way Dutch and English readers expect.

use crate::text::Lang;

/// A number with `decimals` decimals and thousands separators: nl `1.234,5`, en `1,234.5`.
pub fn number(v: f64, decimals: usize, lang: Lang) -> String {
    let v = if v == 0.0 { 0.0 } else { v }; // no "-0"
    let s = format!("{:.*}", decimals, v.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let (group, point) = (lang.group(), lang.decimal());
    let mut grouped = String::new();
    for (k, ch) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    let negative = v < 0.0
        && (grouped.chars().any(|c| c.is_ascii_digit() && c != '0')
            || frac.as_deref().is_some_and(|f| f.chars().any(|c| c != '0')));
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push_str(point);
        out.push_str(&f);
    }
    out
}

/// An amount in euro with cents: nl `€ 12,34`, en `€12.34`.
pub fn euro(v: f64, lang: Lang) -> String {
    lang.euro(&number(v, 2, lang))
}

/// A YYYY-MM-DD date written out: nl `12 oktober 2022`, en `12 October 2022`.
/// Anything that is not such a date is returned unchanged.
pub fn date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts[..]
        && let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&m)
    {
        let month = lang.month(m);
        return format!("{d} {month} {y}");
    }
    if let [y, m] = parts[..]
        && let Ok(m) = m.parse::<usize>()
        && (1..=12).contains(&m)
    {
        let month = lang.month(m);
        return format!("{month} {y}");
    }
    iso.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(1234.5, 1, Lang::Nl), "1.234,5");
        assert_eq!(number(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(number(1234567.0, 0, Lang::Nl), "1.234.567");
        assert_eq!(number(-0.001, 2, Lang::Nl), "0,00");
        assert_eq!(number(-3.5, 1, Lang::En), "-3.5");
        assert_eq!(number(999.999, 2, Lang::En), "1,000.00");
    }

    #[test]
    fn money_and_dates() {
        assert_eq!(euro(3.68, Lang::Nl), "€ 3,68");
        assert_eq!(euro(1099.0, Lang::En), "€1,099.00");
        assert_eq!(date("2022-10-12", Lang::Nl), "12 oktober 2022");
        assert_eq!(date("2022-10-12", Lang::En), "12 October 2022");
        assert_eq!(date("2022", Lang::En), "2022");
        assert_eq!(date("2018-12", Lang::Nl), "december 2018");
    }
}
