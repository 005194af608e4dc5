//! "Did you mean" hints: the closest known name to a typo (edit distance), and the ASCII
//! letter a look-alike character in a name stands for.

/// Characters that look like ASCII letters (Cyrillic, Greek, accented Latin) and the letter
/// an id would use instead; a dash or space that is not the ASCII one.
const LOOKALIKES: &[(char, &str)] = &[
    ('а', "a"),
    ('в', "b"),
    ('е', "e"),
    ('ё', "e"),
    ('і', "i"),
    ('ї', "i"),
    ('ј', "j"),
    ('к', "k"),
    ('м', "m"),
    ('н', "h"),
    ('о', "o"),
    ('р', "p"),
    ('с', "c"),
    ('т', "t"),
    ('у', "y"),
    ('х', "x"),
    ('ѕ', "s"),
    ('ԁ', "d"),
    ('ԛ', "q"),
    ('ԝ', "w"),
    ('һ', "h"),
    ('ӏ', "l"),
    ('α', "a"),
    ('ε', "e"),
    ('ι', "i"),
    ('κ', "k"),
    ('ν', "v"),
    ('ο', "o"),
    ('ρ', "p"),
    ('τ', "t"),
    ('υ', "u"),
    ('χ', "x"),
    ('ı', "i"),
    ('à', "a"),
    ('á', "a"),
    ('â', "a"),
    ('ä', "a"),
    ('ã', "a"),
    ('å', "a"),
    ('ç', "c"),
    ('è', "e"),
    ('é', "e"),
    ('ê', "e"),
    ('ë', "e"),
    ('ì', "i"),
    ('í', "i"),
    ('î', "i"),
    ('ï', "i"),
    ('ñ', "n"),
    ('ò', "o"),
    ('ó', "o"),
    ('ô', "o"),
    ('ö', "o"),
    ('õ', "o"),
    ('ù', "u"),
    ('ú', "u"),
    ('û', "u"),
    ('ü', "u"),
    ('ý', "y"),
    ('ÿ', "y"),
    ('\u{2010}', "-"),
    ('\u{2011}', "-"),
    ('\u{2013}', "-"),
    ('\u{2014}', "-"),
    ('\u{00a0}', "_"),
    ('\u{200b}', ""),
];

/// For a name with a character that is not ASCII: what that character is (`е` (U+0435, a
/// Cyrillic letter)), and the name in ASCII when every such character has a look-alike.
pub fn non_ascii(name: &str) -> Option<(String, Option<String>)> {
    let c = name.chars().find(|c| !c.is_ascii())?;
    let code = u32::from(c);
    let kind = match code {
        0x0400..=0x052F => ", a Cyrillic letter",
        0x0370..=0x03FF => ", a Greek letter",
        0x00C0..=0x024F => ", a Latin letter with an accent",
        _ => "",
    };
    let shown = if c.is_whitespace() || c.is_control() || code == 0x200B {
        "an invisible or special space".to_string()
    } else {
        format!("`{c}`")
    };
    let what = format!("{shown} (U+{code:04X}{kind})");
    let mut ascii = String::new();
    for ch in name.chars().flat_map(char::to_lowercase) {
        match LOOKALIKES.iter().find(|(l, _)| *l == ch) {
            Some((_, a)) => ascii.push_str(a),
            None if ch.is_ascii() => ascii.push(ch),
            None => return Some((what, None)),
        }
    }
    Some((what, Some(ascii).filter(|a| !a.is_empty())))
}

/// Edit distance for "did you mean" hints: insertions, deletions, substitutions, and swaps of
/// two neighbouring characters (`bets` -> `best` is one edit), each counting 1.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows: two back (for swaps), previous, current.
    let mut prev2: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Names longer than this get no "did you mean" (and cost no time).
const MAX_SUGGEST_LEN: usize = 64;

/// The closest candidate to `name`, if it is close enough to be a likely typo.
pub fn closest<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let len = name.chars().count();
    if len > MAX_SUGGEST_LEN {
        return None;
    }
    let limit = (len / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (edit_distance(name, c), c))
        .filter(|(d, _)| *d <= limit && *d < len)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint: "did you mean `x`?" or a list of what is allowed.
pub fn suggest(name: &str, candidates: &[&str]) -> Option<String> {
    if let Some(c) = closest(name, candidates.iter().copied()) {
        return Some(format!("did you mean `{c}`?"));
    }
    if candidates.is_empty() {
        return None;
    }
    let shown: Vec<String> = candidates
        .iter()
        .take(10)
        .map(|c| format!("`{c}`"))
        .collect();
    let more = if candidates.len() > 10 { ", ..." } else { "" };
    Some(format!("known: {}{more}", shown.join(", ")))
}
