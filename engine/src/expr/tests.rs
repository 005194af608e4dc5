use super::*;

// ---------------------------------------------------------------- test scope

const AGE: [&str; 5] = ["0-3", "4-11", "12-18", "19-64", "65+"];
const MODE: [&str; 3] = ["bus", "tram", "metro"];

const SYMBOLS: [(&str, u32, Type); 9] = [
    ("trips_per_week", 0, Type::Number),
    ("distance_km", 1, Type::Number),
    ("base_fare", 2, Type::Number),
    ("km_fare", 3, Type::Number),
    ("lives_in_rotterdam", 4, Type::Bool),
    ("age_group", 5, Type::Choice(0)),
    ("discount", 6, Type::Number),
    ("travel_mode", 7, Type::Choice(1)),
    ("partner_age_group", 8, Type::Choice(0)),
];

/// Default slot values: trips 3, distance 12.5, base 1.08, km 0.139,
/// lives_in_rotterdam yes, age_group '4-11', discount 0.34, travel_mode 'metro',
/// partner_age_group '65+'.
const SLOTS: [f64; 9] = [3.0, 12.5, 1.08, 0.139, 1.0, 1.0, 0.34, 2.0, 4.0];

struct TestScope;

impl Scope for TestScope {
    fn lookup(&self, name: &str) -> Option<Symbol> {
        SYMBOLS
            .iter()
            .find(|s| s.0 == name)
            .map(|&(_, slot, ty)| Symbol { slot, ty })
    }
    fn names(&self) -> Vec<String> {
        SYMBOLS.iter().map(|s| s.0.to_string()).collect()
    }
    fn choice_index(&self, input: u32, literal: &str) -> Option<u32> {
        let list: &[&str] = if input == 0 { &AGE } else { &MODE };
        list.iter().position(|c| *c == literal).map(|i| i as u32)
    }
    fn choices(&self, input: u32) -> Vec<String> {
        let list: &[&str] = if input == 0 { &AGE } else { &MODE };
        list.iter().map(|s| s.to_string()).collect()
    }
    fn choice_input_name(&self, input: u32) -> String {
        if input == 0 {
            "age_group"
        } else {
            "travel_mode"
        }
        .to_string()
    }
}

/// A scope with many names and nothing close to typical typos.
struct BigScope;

impl Scope for BigScope {
    fn lookup(&self, _: &str) -> Option<Symbol> {
        None
    }
    fn names(&self) -> Vec<String> {
        (0..10).map(|i| format!("input_{i}")).collect()
    }
    fn choice_index(&self, _: u32, _: &str) -> Option<u32> {
        None
    }
    fn choices(&self, _: u32) -> Vec<String> {
        Vec::new()
    }
    fn choice_input_name(&self, _: u32) -> String {
        String::new()
    }
}

// ---------------------------------------------------------------- helpers

fn comp(src: &str) -> Expr {
    compile_str(src, &TestScope, None)
        .unwrap_or_else(|e| panic!("{src:?} failed to compile: {e:?}"))
}

fn ev_with(src: &str, slots: &[f64]) -> f64 {
    comp(src)
        .eval(slots)
        .unwrap_or_else(|e| panic!("{src:?} failed to evaluate: {e}"))
}

fn ev(src: &str) -> f64 {
    ev_with(src, &SLOTS)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn err(src: &str) -> ExprError {
    match compile_str(src, &TestScope, None) {
        Ok(_) => panic!("{src:?} unexpectedly compiled"),
        Err(e) => e,
    }
}

/// Byte span of the `nth` (0-based) occurrence of `needle` in `src`.
fn span(src: &str, needle: &str, nth: usize) -> (usize, usize) {
    let start = src
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} not in {src:?}"))
        .0;
    (start, start + needle.len())
}

/// Assert the error's span covers exactly the `nth` occurrence of `needle`,
/// and the message contains `msg`. Returns the error for further checks.
fn err_at(src: &str, needle: &str, nth: usize, msg: &str) -> ExprError {
    let e = err(src);
    assert_eq!(
        (e.start, e.end),
        span(src, needle, nth),
        "span of {src:?}: {e:?}"
    );
    assert!(
        e.message.contains(msg),
        "message of {src:?}: {:?} lacks {msg:?}",
        e.message
    );
    e
}

fn hint(e: &ExprError) -> &str {
    e.hint.as_deref().unwrap_or("")
}

fn tree(src: &str) -> String {
    parse(src).unwrap().to_string()
}

// ---------------------------------------------------------------- basics

#[test]
fn literals() {
    assert_eq!(ev("12"), 12.0);
    assert_eq!(ev("0.166"), 0.166);
    assert_eq!(ev("true"), 1.0);
    assert_eq!(ev("yes"), 1.0);
    assert_eq!(ev("false"), 0.0);
    assert_eq!(ev("no"), 0.0);
    assert_eq!(comp("yes").ty(), Type::Bool);
    assert_eq!(comp("12").ty(), Type::Number);
    assert_eq!(ev("-5"), -5.0);
    assert_eq!(ev("007"), 7.0);
}

#[test]
fn precedence_and_associativity() {
    assert_eq!(ev("2 - 3 - 4"), -5.0);
    assert_eq!(ev("2 - 3 - 4 == -5"), 1.0);
    assert_eq!(ev("2 * 3 + 4"), 10.0);
    assert_eq!(ev("2 + 3 * 4"), 14.0);
    assert_eq!(ev("(2 + 3) * 4"), 20.0);
    assert_eq!(ev("24 / 4 / 2"), 3.0);
    assert_eq!(ev("-2 * 3"), -6.0);
    assert_eq!(ev("2 * -3"), -6.0);
    assert_eq!(ev("2 - -3"), 5.0);
    assert_eq!(ev("- - 3"), 3.0);
    assert_eq!(ev("-(2 + 3)"), -5.0);
    assert_eq!(tree("2 - 3 - 4"), "((2 - 3) - 4)");
    assert_eq!(tree("2 * 3 + 4"), "((2 * 3) + 4)");
    assert_eq!(tree("a or b and c"), "(a or (b and c))");
    assert_eq!(tree("a and b or c"), "((a and b) or c)");
    assert_eq!(tree("not a and b"), "((not a) and b)");
    assert_eq!(tree("not a == b"), "(not (a == b))");
    assert_eq!(tree("x + 1 in [2, 3]"), "((x + 1) in [2, 3])");
    assert_eq!(tree("x in [2] == y"), "((x in [2]) == y)");
    assert_eq!(tree("-x * y"), "((-x) * y)");
    assert_eq!(
        tree("if a then 1 else 2 + 3"),
        "(if a then 1 else (2 + 3))",
        "the else part extends as far right as possible"
    );
    assert_eq!(
        tree("1 + (if a then 2 else 3)"),
        "(1 + (if a then 2 else 3))"
    );
    assert_eq!(
        tree("max(if a then 2 else 3, 1)"),
        "max((if a then 2 else 3), 1)"
    );
    let e = err_at(
        "1 + if yes then 2 else 3",
        "if",
        0,
        "must be put in brackets",
    );
    assert!(hint(&e).contains("(if"));
    err_at(
        "not if yes then no else yes",
        "if",
        0,
        "must be put in brackets",
    );
    assert_eq!(tree("a or b or c"), "((a or b) or c)");
    // not binds looser than comparisons, tighter than and
    assert_eq!(ev("not 1 > 2 and yes"), 1.0);
    assert_eq!(ev("yes or no and no"), 1.0);
    assert_eq!(ev("(yes or no) and no"), 0.0);
}

#[test]
fn example_expressions() {
    let v = ev("round((base_fare + distance_km * km_fare) * (1 - discount), 2)");
    // (1.08 + 12.5 * 0.139) * 0.66 = 1.8596... -> 1.86
    assert!(close(v, 1.86), "{v}");
    assert_eq!(
        ev("if age_group == '4-11' or age_group == '65+' then 0.34 else 0"),
        0.34
    );
    assert_eq!(ev("trips_per_week * 52 / 12"), 13.0);
    assert_eq!(
        ev("age_group in ['4-11', '65+'] and lives_in_rotterdam"),
        1.0
    );
    let mut slots = SLOTS;
    slots[5] = 3.0; // 19-64
    assert_eq!(
        ev_with(
            "age_group in ['4-11', '65+'] and lives_in_rotterdam",
            &slots
        ),
        0.0
    );
    assert_eq!(
        ev_with(
            "if age_group == '4-11' or age_group == '65+' then 0.34 else 0",
            &slots
        ),
        0.0
    );
}

#[test]
fn arithmetic_with_slots() {
    assert!(close(
        ev("base_fare + distance_km * km_fare"),
        1.08 + 12.5 * 0.139
    ));
    assert_eq!(ev("distance_km - trips_per_week"), 9.5);
    assert_eq!(ev("distance_km / 2.5"), 5.0);
    assert_eq!(ev("-distance_km"), -12.5);
}

#[test]
fn comparisons() {
    assert_eq!(ev("1 < 2"), 1.0);
    assert_eq!(ev("2 < 2"), 0.0);
    assert_eq!(ev("2 <= 2"), 1.0);
    assert_eq!(ev("3 > 2"), 1.0);
    assert_eq!(ev("2 >= 3"), 0.0);
    assert_eq!(ev("2 == 2"), 1.0);
    assert_eq!(ev("2 != 2"), 0.0);
    assert_eq!(ev("yes == yes"), 1.0);
    assert_eq!(ev("yes != no"), 1.0);
    assert_eq!(ev("lives_in_rotterdam == true"), 1.0);
    // tolerance
    assert_eq!(ev("0.1 + 0.2 == 0.3"), 1.0);
    assert_eq!(ev("0.1 + 0.2 <= 0.3"), 1.0);
    assert_eq!(ev("0.1 + 0.2 > 0.3"), 0.0);
    assert_eq!(ev("0.3 < 0.1 + 0.2"), 0.0);
    assert_eq!(ev("0.3 >= 0.1 + 0.2"), 1.0);
    assert_eq!(ev("1.000001 == 1"), 0.0);
    assert_eq!(ev("1.000001 > 1"), 1.0);
    let mut slots = SLOTS;
    slots[0] = 1.0 + 5e-10;
    assert_eq!(ev_with("trips_per_week == 1", &slots), 1.0);
    slots[0] = 1.0 + 5e-9;
    assert_eq!(ev_with("trips_per_week == 1", &slots), 0.0);
    assert_eq!(ev_with("trips_per_week != 1", &slots), 1.0);
}

#[test]
fn choices_use_index_encoding() {
    // age_group slot = 1.0 = '4-11'
    assert_eq!(ev("age_group == '4-11'"), 1.0);
    assert_eq!(ev("age_group == \"4-11\""), 1.0);
    assert_eq!(ev("'4-11' == age_group"), 1.0);
    assert_eq!(ev("age_group != '4-11'"), 0.0);
    assert_eq!(ev("age_group == '0-3'"), 0.0);
    assert_eq!(ev("age_group == ('4-11')"), 1.0);
    for (i, c) in AGE.iter().enumerate() {
        let mut slots = SLOTS;
        slots[5] = i as f64;
        assert_eq!(ev_with(&format!("age_group == '{c}'"), &slots), 1.0);
    }
    // choice / choice of the same input
    assert_eq!(ev("age_group == partner_age_group"), 0.0);
    let mut slots = SLOTS;
    slots[8] = 1.0;
    assert_eq!(ev_with("age_group == partner_age_group", &slots), 1.0);
    assert_eq!(ev("travel_mode == 'metro'"), 1.0);
    // a choice expression can be the result
    let e = comp("if lives_in_rotterdam then age_group else partner_age_group");
    assert_eq!(e.ty(), Type::Choice(0));
    assert_eq!(e.eval(&SLOTS), Ok(1.0));
}

#[test]
fn in_lists() {
    assert_eq!(ev("age_group in ['4-11', '65+']"), 1.0);
    assert_eq!(ev("age_group in ['0-3']"), 0.0);
    assert_eq!(ev("age_group not in ['0-3']"), 1.0);
    assert_eq!(ev("age_group not in ['4-11', '65+']"), 0.0);
    assert_eq!(
        ev("age_group in ['0-3', '4-11',]"),
        1.0,
        "trailing comma allowed"
    );
    assert_eq!(ev("trips_per_week in [1, 2, 3]"), 1.0);
    assert_eq!(ev("trips_per_week in [1, 2]"), 0.0);
    assert_eq!(ev("-trips_per_week in [-3]"), 1.0);
    assert_eq!(ev("0.1 + 0.2 in [0.3]"), 1.0);
    assert_eq!(
        tree("x not in ['a', \"b'c\", -1]"),
        "(x not in ['a', \"b'c\", -1])"
    );
    assert_eq!(comp("age_group in ['4-11']").ty(), Type::Bool);
}

#[test]
fn if_then_else() {
    assert_eq!(ev("if yes then 1 else 2"), 1.0);
    assert_eq!(ev("if no then 1 else 2"), 2.0);
    assert_eq!(ev("if lives_in_rotterdam then distance_km else 0"), 12.5);
    assert_eq!(
        ev("if trips_per_week > 5 then 1 else if trips_per_week > 2 then 2 else 3"),
        2.0
    );
    assert_eq!(ev("if if yes then no else yes then 1 else 2"), 2.0);
    assert_eq!(ev("(if yes then 10 else 20) + 1"), 11.0);
    assert_eq!(ev("if yes then yes else no"), 1.0);
    assert_eq!(comp("if yes then yes else no").ty(), Type::Bool);
}

#[test]
fn short_circuit_and_branches() {
    let e = comp("if trips_per_week > 0 then 10 / trips_per_week else 0");
    let mut slots = SLOTS;
    slots[0] = 0.0;
    assert_eq!(e.eval(&slots), Ok(0.0));
    slots[0] = 4.0;
    assert_eq!(e.eval(&slots), Ok(2.5));

    slots[0] = 0.0;
    assert_eq!(
        ev_with("trips_per_week != 0 and 10 / trips_per_week > 1", &slots),
        0.0
    );
    assert_eq!(
        ev_with("trips_per_week == 0 or 10 / trips_per_week > 1", &slots),
        1.0
    );
    // without short-circuit these would fail
    assert_eq!(
        comp("trips_per_week == 0 and 10 / trips_per_week > 1").eval(&slots),
        Err(EvalError::DivisionByZero)
    );
    // the untaken branch is not evaluated at all: its slot may be missing
    let e = comp("if trips_per_week > 0 then yes else partner_age_group == '0-3'");
    assert_eq!(e.eval(&SLOTS[..5]), Ok(1.0));
    let mut short = SLOTS[..5].to_vec();
    short[0] = 0.0;
    assert_eq!(e.eval(&short), Err(EvalError::SlotOutOfRange));
}

#[test]
fn bool_results_are_exactly_zero_or_one() {
    let mut slots = SLOTS;
    slots[4] = 0.5; // a sloppy caller encoding: still truthy
    assert_eq!(ev_with("lives_in_rotterdam and yes", &slots), 1.0);
    assert_eq!(ev_with("lives_in_rotterdam or no", &slots), 1.0);
    assert_eq!(ev_with("not lives_in_rotterdam", &slots), 0.0);
    assert_eq!(ev_with("not not lives_in_rotterdam", &slots), 1.0);
    assert_eq!(ev("2 > 1"), 1.0);
    assert_eq!(ev("2 < 1"), 0.0);
}

// ---------------------------------------------------------------- functions

#[test]
fn functions() {
    assert_eq!(ev("min(3, 1, 2)"), 1.0);
    assert_eq!(ev("min(distance_km, 10)"), 10.0);
    assert_eq!(ev("max(3, 1, 2)"), 3.0);
    assert_eq!(ev("max(-1, -2)"), -1.0);
    assert_eq!(ev("abs(-2.5)"), 2.5);
    assert_eq!(ev("abs(distance_km - 20)"), 7.5);
    assert_eq!(ev("floor(2.7)"), 2.0);
    assert_eq!(ev("floor(-2.2)"), -3.0);
    assert_eq!(ev("ceil(2.2)"), 3.0);
    assert_eq!(ev("ceil(-2.7)"), -2.0);
    assert_eq!(ev("clamp(5, 0, 10)"), 5.0);
    assert_eq!(ev("clamp(-5, 0, 10)"), 0.0);
    assert_eq!(ev("clamp(15, 0, 10)"), 10.0);
    assert_eq!(ev("clamp(distance_km, 0, 10)"), 10.0);
    // low > high only known at run time: low wins
    let mut slots = SLOTS;
    slots[0] = 5.0;
    slots[1] = 1.0;
    assert_eq!(
        ev_with("clamp(3, trips_per_week, distance_km)", &slots),
        5.0
    );
    assert_eq!(ev("round(2.5)"), 3.0);
    assert_eq!(ev("round(-2.5)"), -3.0);
    assert_eq!(ev("round(2.4999)"), 2.0);
    assert_eq!(ev("round(distance_km)"), 13.0);
    assert_eq!(ev("round(1.23456, 0)"), 1.0);
    assert_eq!(ev("round(1.23456, 1)"), 1.2);
    assert_eq!(ev("round(1.23456, 3)"), 1.235);
    assert_eq!(ev("round(1.2345649, 6)"), 1.234565);
    assert_eq!(ev("round(-1.005, 2)"), -1.01);
    assert_eq!(ev("round(1, 2)"), 1.0);
}

#[test]
fn rounding_is_robust_against_binary_float_error() {
    assert_eq!(ev("round(2.675, 2)"), 2.68);
    assert_eq!(ev("round(0.90 + 20*0.139, 2)"), 3.68);
    assert_eq!(ev("round(1.005, 2)"), 1.01);
    assert_eq!(ev("round(0.125, 2)"), 0.13);
    assert_eq!(ev("round(0.5)"), 1.0);
    assert_eq!(ev("round(1.45, 1)"), 1.5);
    assert_eq!(ev("round(-2.675, 2)"), -2.68);
    assert_eq!(ev("round(123456.785, 2)"), 123456.79);
    assert_eq!(ev("round(2.6749, 2)"), 2.67);
    // no negative zero
    let z = ev("round(-0.001, 2)");
    assert!(z == 0.0 && z.is_sign_positive());
    // floor/ceil tolerate float error too
    assert_eq!(ev("ceil(0.1 * 3 * 10)"), 3.0);
    assert_eq!(ev("floor(0.7 * 10 / 7 * 7)"), 7.0);
    assert_eq!(ev("ceil(0.1 + 0.2 - 0.3)"), 0.0);
    // large values are left alone
    assert_eq!(ev("round(12345678901234567, 2)"), 12345678901234567.0);
}

#[test]
fn floor_and_ceil_edge_cases() {
    assert_eq!(ev("floor(-3)"), -3.0);
    assert_eq!(ev("ceil(3)"), 3.0);
    assert_eq!(ev("floor(0)"), 0.0);
    assert_eq!(ev("floor(-0.5)"), -1.0);
    let z = ev("ceil(-0.5)");
    assert!(z == 0.0 && z.is_sign_positive(), "no negative zero");
    assert_eq!(ev("floor(4503599627370497)"), 4503599627370497.0);
    assert_eq!(ev("ceil(-4503599627370497)"), -4503599627370497.0);
    let big = format!("1{}", "0".repeat(300));
    assert_eq!(ev(&format!("floor({big})")), 1e300);
    assert_eq!(ev(&format!("ceil(-{big})")), -1e300);
    assert_eq!(ev(&format!("round(-{big}, 2)")), -1e300);
    assert_eq!(
        ev("floor(2.9999999)"),
        2.0,
        "differences far above the tolerance count"
    );
    assert_eq!(ev("ceil(2.0000001)"), 3.0);
}

#[test]
fn round_helper_directly() {
    use super::eval::round_to;
    assert_eq!(round_to(2.675, 2), 2.68);
    assert_eq!(round_to(1_000_000.4, 0), 1_000_000.0);
    assert_eq!(round_to(1_000_000.5, 0), 1_000_001.0);
    assert_eq!(round_to(99_999_999.994, 2), 99_999_999.99);
    assert_eq!(round_to(123_456_789_012.4, 0), 123_456_789_012.0);
    assert_eq!(round_to(123_456_789_012.5, 0), 123_456_789_013.0);
    assert_eq!(round_to(-0.5, 0), -1.0);
    assert_eq!(round_to(0.0049999, 2), 0.0);
}

// ---------------------------------------------------------------- evaluation errors

#[test]
fn evaluation_errors() {
    let e = comp("10 / trips_per_week");
    let mut slots = SLOTS;
    slots[0] = 0.0;
    assert_eq!(e.eval(&slots), Err(EvalError::DivisionByZero));
    slots[0] = 1e-320;
    assert_eq!(e.eval(&slots), Err(EvalError::NotFinite));
    slots[0] = 1e300;
    assert_eq!(
        comp("trips_per_week * trips_per_week").eval(&slots),
        Err(EvalError::NotFinite)
    );
    assert_eq!(comp("trips_per_week * 1000").eval(&slots), Ok(1e303));
    slots[0] = f64::NAN;
    assert_eq!(
        comp("trips_per_week").eval(&slots),
        Err(EvalError::NotFinite)
    );
    assert_eq!(
        comp("trips_per_week > 1").eval(&slots),
        Err(EvalError::NotFinite)
    );
    slots[0] = f64::INFINITY;
    assert_eq!(
        comp("min(trips_per_week, 1)").eval(&slots),
        Err(EvalError::NotFinite)
    );
    // slot out of range
    assert_eq!(
        comp("partner_age_group == '0-3'").eval(&SLOTS[..5]),
        Err(EvalError::SlotOutOfRange)
    );
    // ...but not read when the branch is not taken
    assert_eq!(comp("if yes then 1 else distance_km").eval(&[]), Ok(1.0));
    assert_eq!(comp("yes or partner_age_group == '0-3'").eval(&[]), Ok(1.0));
    assert_eq!(EvalError::DivisionByZero.to_string(), "division by zero");
    assert!(!EvalError::NotFinite.to_string().is_empty());
    assert!(!EvalError::SlotOutOfRange.to_string().is_empty());
    // overflow in round scaling
    slots[0] = 1e307;
    assert_eq!(
        comp("round(trips_per_week * 10, 6)").eval(&slots),
        Err(EvalError::NotFinite)
    );
}

#[test]
fn constant_parts_that_always_fail_are_compile_errors() {
    err_at("distance_km / 0", "0", 0, "division by zero");
    err_at("distance_km / (1 - 1)", "(1 - 1)", 0, "division by zero");
    let src = "distance_km + 1 / (2 - 2) * 3";
    err_at(src, "(2 - 2)", 0, "division by zero");
    let src = format!("distance_km + 1{} * 10000", "0".repeat(305));
    let src = src.as_str();
    let e = err(src);
    assert!(e.message.contains("always fails"), "{e:?}");
    assert_eq!(e.end, src.len());
}

// ---------------------------------------------------------------- slots, constant, names

#[test]
fn slots_and_constant() {
    let e = comp("distance_km * km_fare + distance_km + base_fare");
    assert_eq!(e.slots(), vec![1, 2, 3]);
    assert_eq!(e.constant(), None);
    assert_eq!(
        comp("age_group in ['0-3'] or lives_in_rotterdam").slots(),
        vec![4, 5]
    );
    let c = comp("round((1.08 + 12.5 * 0.139) * (1 - 0.34), 2)");
    assert!(c.slots().is_empty());
    assert_eq!(c.constant(), Some(1.86));
    assert_eq!(comp("2 * 3 + 4").constant(), Some(10.0));
    assert_eq!(comp("1 > 2").constant(), Some(0.0));
    assert_eq!(
        comp("if 1 > 2 then distance_km else 4").constant(),
        Some(4.0)
    );
    assert_eq!(comp("if 1 < 2 then distance_km else 4").slots(), vec![1]);
    assert_eq!(comp("max(1, 2, 3)").constant(), Some(3.0));
    assert_eq!(comp("distance_km").constant(), None);
    // a constant still evaluates with no slots
    assert_eq!(comp("2 * 3").eval(&[]), Ok(6.0));
}

#[test]
fn names_with_spans() {
    let src = "round((base_fare + distance_km * km_fare) * (1 - discount), 2) + base_fare";
    let ast = parse(src).unwrap();
    let names = ast.names();
    let expect = [
        ("base_fare", span(src, "base_fare", 0)),
        ("distance_km", span(src, "distance_km", 0)),
        ("km_fare", span(src, "km_fare", 0)),
        ("discount", span(src, "discount", 0)),
        ("base_fare", span(src, "base_fare", 1)),
    ];
    assert_eq!(names.len(), expect.len());
    for ((n, s, e), (en, (es, ee))) in names.iter().zip(expect) {
        assert_eq!((n.as_str(), *s, *e), (en, es, ee));
    }
    // names inside if / in / not; literals and functions are not names
    let src = "if not a then b in [1] else (c)";
    let names: Vec<String> = parse(src)
        .unwrap()
        .names()
        .into_iter()
        .map(|n| n.0)
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
    let (_, s, e) = parse(src).unwrap().names()[2].clone();
    assert_eq!(&src[s..e], "c");
    // parse does not need a scope
    assert_eq!(
        parse("unknown_thing + 1").unwrap().names()[0].0,
        "unknown_thing"
    );
    assert_eq!(parse(" 1 + 2 ").unwrap().span(), (1, 6));
}

// ---------------------------------------------------------------- syntax errors

#[test]
fn empty_expression() {
    let e = err("");
    assert_eq!((e.start, e.end), (0, 0));
    assert!(e.message.contains("empty"));
    let e = err("   ");
    assert_eq!((e.start, e.end), (0, 3));
    assert!(e.message.contains("empty"));
}

#[test]
fn c_style_operators() {
    let e = err_at("a && b", "&&", 0, "`&&` is not an operator");
    assert_eq!(hint(&e), "use `and`");
    let e = err_at("a & b", "&", 0, "not an operator");
    assert_eq!(hint(&e), "use `and`");
    let e = err_at("a || b", "||", 0, "`||` is not an operator");
    assert_eq!(hint(&e), "use `or`");
    let e = err_at("!lives_in_rotterdam", "!", 0, "`!` is not an operator");
    assert_eq!(hint(&e), "use `not`");
    let e = err_at("age_group = '65+'", "=", 0, "`=` alone");
    assert_eq!(hint(&e), "use `==` to compare");
    let e = err_at("a =< b", "=<", 0, "not an operator");
    assert_eq!(hint(&e), "write `<=`");
    let e = err_at("a => b", "=>", 0, "not an operator");
    assert_eq!(hint(&e), "write `>=`");
    let e = err_at("a <> b", "<>", 0, "not an operator");
    assert!(hint(&e).contains("!="));
    err_at("2 ^ 3", "^", 0, "power");
    err_at("21%", "%", 0, "`%`");
}

#[test]
fn unusual_characters() {
    let src = "age_group == \u{2018}65+\u{2019}";
    let e = err_at(src, "\u{2018}", 0, "unexpected character");
    assert!(hint(&e).contains("plain"));
    let e = err_at("2 \u{00D7} 3", "\u{00D7}", 0, "unexpected character");
    assert!(hint(&e).contains("*"));
    let e = err_at("\u{20AC}5", "\u{20AC}", 0, "unexpected character");
    assert!(hint(&e).contains("currency"));
    err_at("2 # 3", "#", 0, "unexpected character `#`");
    err_at("é", "é", 0, "unexpected character");
}

#[test]
fn number_syntax() {
    let e = err_at(".5", ".5", 0, "must start with a digit");
    assert_eq!(hint(&e), "write 0.5");
    let e = err_at("2 * .25", ".25", 0, "must start with a digit");
    assert_eq!(hint(&e), "write 0.25");
    let e = err_at("1. + 2", "1.", 0, "cannot end with a point");
    assert_eq!(hint(&e), "write 1 or 1.0");
    err_at("1.2.3", "1.2.", 0, "only one decimal point");
    let e = err_at("2x + 1", "2x", 0, "directly followed by a name");
    assert_eq!(hint(&e), "to multiply, write 2 * x");
    err_at("1e5", "1e5", 0, "directly followed");
    err_at("x + .", ".", 0, "unexpected `.`");
    let big = "9".repeat(400);
    err_at(&big, &big, 0, "too large");
}

#[test]
fn decimal_comma() {
    let e = err_at("1,5", "1,5", 0, "`,`");
    assert_eq!(hint(&e), "use a point as decimal separator: 1.5");
    let e = err_at("trips_per_week * 0,50", "0,50", 0, "`,`");
    assert_eq!(hint(&e), "use a point as decimal separator: 0.50");
    let e = err_at("(1,5 + 2)", "1,5", 0, "`,`");
    assert!(hint(&e).contains("1.5"));
    // with spaces it is not a decimal comma
    let e = err_at("1, 5", ",", 0, "unexpected `,`");
    assert!(!hint(&e).contains("decimal"));
    // inside a call it is just an argument separator (arity error)
    let src = "round(x, 1,5)";
    let e = err_at(src, src, 0, "`round` takes 1 or 2 arguments");
    assert!(e.message.contains("got 3"));
    assert_eq!(ev("max(1,5)"), 5.0);
}

#[test]
fn if_errors() {
    let src = "if lives_in_rotterdam 1 else 2";
    let e = err_at(src, "1", 0, "expected `then`");
    assert!(hint(&e).contains("if condition then"));
    let e = err_at("if lives_in_rotterdam", "if", 0, "no `then`");
    assert!(hint(&e).contains("else"));
    err_at("if yes then 1", "if", 0, "no `else`");
    err_at("if yes then 1 2", "2", 0, "expected `else`");
    err_at("1 + (if yes then 1)", ")", 0, "expected `else`");
    err_at(
        "if yes then 1 else",
        "else",
        0,
        "expected a value after `else`",
    );
    err_at("yes then 1", "then", 0, "`then` without `if`");
    err_at("1 else 2", "else", 0, "`else` without `if`");
    let src = "if yes then 1,5 else 2";
    let e = err_at(src, "1,5", 0, "`,`");
    assert!(hint(&e).contains("1.5"));
}

#[test]
fn bracket_errors() {
    err_at("(1 + 2", "(", 0, "never closed");
    err_at("((1 + 2) * 3", "(", 0, "never closed");
    err_at("(1 + (2 * 3)", "(", 0, "never closed");
    err_at("round(1.5", "(", 0, "never closed");
    err_at("max(1, (2", "(", 1, "never closed");
    err_at("1 + 2)", ")", 0, "no matching `(`");
    err_at("(1 + 2))", ")", 1, "no matching `(`");
    err_at("(1 + 2 3)", "3", 0, "expected `)`");
    err_at("()", ")", 0, "expected a value");
    err_at("age_group in ['0-3'", "[", 0, "`[` is never closed");
    err_at(
        "age_group in ['0-3' '4-11']",
        "'4-11'",
        0,
        "expected `,` or `]`",
    );
    err_at("1]", "]", 0, "no matching `[`");
    err_at("[1, 2]", "[", 0, "can only follow `in`");
    err_at("x [1]", "[", 0, "can only follow `in`");
    err_at("max(1 2)", "2", 0, "expected `,` or `)`");
    err_at("max(1,)", ")", 0, "expected a value");
}

#[test]
fn trailing_and_incomplete_input() {
    let e = err_at(
        "distance_km km_fare",
        "km_fare",
        0,
        "after a complete expression",
    );
    assert!(hint(&e).contains("operator"));
    err_at("1 + 2 3", "3", 0, "after a complete expression");
    err_at("1 +", "+", 0, "ends too early");
    err_at("distance_km *", "*", 0, "ends too early");
    err_at("not", "not", 0, "ends too early");
    err_at("* 2", "*", 0, "expected a value, but found `*`");
    let e = err_at("+2", "+", 0, "expected a value");
    assert!(hint(&e).contains("not needed"));
    err_at("1 + and", "and", 0, "expected a value");
    let e = err_at("yes == not no", "not", 0, "expected a value");
    assert!(hint(&e).contains("(not"));
    err_at("1 ,", ",", 0, "unexpected `,`");
}

#[test]
fn chained_comparisons() {
    let e = err_at("0 < distance_km < 10", "<", 1, "cannot be chained");
    assert!(hint(&e).contains("and"));
    err_at("a == b == c", "==", 1, "cannot be chained");
    assert_eq!(ev("0 < distance_km and distance_km < 20"), 1.0);
}

#[test]
fn list_errors() {
    err_at("age_group in '65+'", "'65+'", 0, "expected a list");
    err_at("age_group in", "in", 0, "expected a list");
    err_at("age_group in []", "[]", 0, "the list is empty");
    let e = err_at("age_group in [senior]", "senior", 0, "written out");
    assert!(hint(&e).contains("'senior'"));
    err_at(
        "x in [yes]",
        "yes",
        0,
        "expected a text in quotes or a number",
    );
    err_at("x in [-a]", "a", 0, "expected a number after `-`");
}

#[test]
fn strings() {
    let e = err_at("age_group == '65+", "'65+", 0, "no closing quote");
    assert!(hint(&e).contains('\''));
    let e = err_at("age_group == \"65+", "\"65+", 0, "no closing quote");
    assert!(hint(&e).contains('"'));
    let msg = "text is only allowed when comparing with a choice, e.g. age_group == '65+'";
    let e = err_at("'65+'", "'65+'", 0, msg);
    assert_eq!(e.message, msg);
    err_at("1 + 'a'", "'a'", 0, msg);
    err_at("'a' == 'a'", "'a'", 0, msg);
    let e = err_at("distance_km == '5'", "'5'", 0, msg);
    assert!(hint(&e).contains("distance_km is a number"));
    err_at("trips_per_week in [1, 'two']", "'two'", 0, msg);
    err_at("'65+' in ['65+']", "'65+'", 0, msg);
    err_at("max('1', 2)", "'1'", 0, msg);
    err_at("if yes then 'a' else 'b'", "'a'", 0, msg);
}

#[test]
fn nesting_limits() {
    let deep = format!("{}1{}", "(".repeat(1000), ")".repeat(1000));
    let e = err(&deep);
    assert!(e.message.contains("nested too deeply"), "{e:?}");
    let long = vec!["1"; 1000].join(" + ");
    let e = err(&long);
    assert!(e.message.contains("too long"), "{e:?}");
    assert!(e.end <= long.len());
    let negs = format!("{}1", "-".repeat(1000));
    assert!(err(&negs).message.contains("nested too deeply"));
    let nots = format!("{}yes", "not ".repeat(1000));
    assert!(err(&nots).message.contains("nested too deeply"));
    let ifs = "if yes then 1 else ".repeat(1000) + "2";
    assert!(err(&ifs).message.contains("nested too deeply"));
    // reasonable sizes are fine
    let ok = format!("{}1{}", "(".repeat(30), ")".repeat(30));
    assert_eq!(ev(&ok), 1.0);
    let ok = vec!["distance_km"; 150].join(" + ");
    assert_eq!(ev(&ok), 12.5 * 150.0);
}

// ---------------------------------------------------------------- name / function errors

#[test]
fn unknown_names() {
    let e = err_at(
        "distnce_km * 2",
        "distnce_km",
        0,
        "unknown name `distnce_km`",
    );
    assert_eq!(hint(&e), "did you mean `distance_km`?");
    let e = err_at("1 + tirps_per_week", "tirps_per_week", 0, "unknown name");
    assert_eq!(hint(&e), "did you mean `trips_per_week`?", "transposition");
    let e = err_at("Base_Fare", "Base_Fare", 0, "unknown name");
    assert_eq!(hint(&e), "did you mean `base_fare`?", "case");
    let e = err_at("zzz", "zzz", 0, "unknown name `zzz`");
    assert!(
        hint(&e).starts_with("known names: `trips_per_week`, `distance_km`"),
        "{e:?}"
    );
    assert!(hint(&e).contains("..."), "9 names: list is cut at 8");
    let e = compile_str("foo", &BigScope, None).unwrap_err();
    assert!(hint(&e).contains("`input_0`") && hint(&e).contains("`input_7`"));
    assert!(!hint(&e).contains("`input_8`"));
    let e = err_at("round + 1", "round", 0, "`round` is a function");
    assert!(hint(&e).contains("round("));
    // a choice written without quotes
    let e = err_at("age_group == senior", "senior", 0, "unknown name");
    assert!(hint(&e).contains("known names") || hint(&e).contains("did you mean"));
    let e = err_at(
        "travel_mode == tram",
        "tram",
        0,
        "`tram` is a choice, so it must be written in quotes",
    );
    assert_eq!(hint(&e), "write 'tram'");
    err_at(
        "(bus) != travel_mode",
        "bus",
        0,
        "must be written in quotes",
    );
    // error position of a later name
    err_at("distance_km + distnce_km", "distnce_km", 0, "unknown name");
}

#[test]
fn edit_distance_and_suggestions() {
    use super::compile::{closest, edit_distance};
    assert_eq!(edit_distance("kitten", "sitting"), 3);
    assert_eq!(edit_distance("ab", "ba"), 1);
    assert_eq!(edit_distance("", "abc"), 3);
    assert_eq!(edit_distance("ABC", "abc"), 0);
    assert_eq!(closest("rond", ["round", "min"]), Some("round"));
    assert_eq!(closest("x", ["y", "km"]), None);
    assert_eq!(closest("abcdefghijkl", ["abcdefxxxxxx"]), None);
    assert_eq!(
        closest("abcdefghijkl", ["abcdefghijxx"]),
        Some("abcdefghijxx")
    );
}

#[test]
fn unknown_functions() {
    let e = err_at("rond(2.5)", "rond", 0, "unknown function `rond`");
    assert_eq!(hint(&e), "did you mean `round`?");
    let e = err_at("sqrt(2)", "sqrt", 0, "unknown function `sqrt`");
    assert!(hint(&e).contains("min, max, round, floor, ceil, clamp, abs"));
    let e = err_at(
        "distance_km(2)",
        "distance_km",
        0,
        "`distance_km` is not a function",
    );
    assert!(hint(&e).contains("distance_km * ("));
    let e = err_at("Max(1, 2)", "Max", 0, "unknown function");
    assert_eq!(hint(&e), "did you mean `max`?");
}

#[test]
fn arity_errors() {
    err_at(
        "min(1)",
        "min(1)",
        0,
        "`min` takes at least 2 arguments: min(a, b, ...), but got 1",
    );
    err_at(
        "max()",
        "max()",
        0,
        "`max` takes at least 2 arguments: max(a, b, ...), but got 0",
    );
    err_at(
        "round()",
        "round()",
        0,
        "`round` takes 1 or 2 arguments: round(x) or round(x, decimals), but got 0",
    );
    err_at(
        "floor(1, 2)",
        "floor(1, 2)",
        0,
        "`floor` takes 1 argument: floor(x), but got 2",
    );
    err_at("ceil()", "ceil()", 0, "`ceil` takes 1 argument: ceil(x)");
    err_at(
        "abs(1, 2)",
        "abs(1, 2)",
        0,
        "`abs` takes 1 argument: abs(x)",
    );
    err_at(
        "1 + clamp(1, 2)",
        "clamp(1, 2)",
        0,
        "`clamp` takes 3 arguments: clamp(x, low, high), but got 2",
    );
}

#[test]
fn round_decimals_must_be_literal() {
    err_at(
        "round(1.5, trips_per_week)",
        "trips_per_week",
        0,
        "written as a whole number",
    );
    err_at("round(1.5, 1 + 1)", "1 + 1", 0, "written as a whole number");
    err_at("round(1.5, 2.5)", "2.5", 0, "0 to 6 decimals");
    err_at("round(1.5, 7)", "7", 0, "0 to 6 decimals");
    err_at("round(1.5, -1)", "-1", 0, "0 to 6 decimals");
    assert_eq!(ev("round(1.25, (1))"), 1.3);
}

#[test]
fn clamp_with_constant_limits_in_wrong_order() {
    err_at(
        "clamp(distance_km, 10, 0)",
        "clamp(distance_km, 10, 0)",
        0,
        "low limit",
    );
}

// ---------------------------------------------------------------- type errors

#[test]
fn type_errors() {
    let e = err_at(
        "distance_km and yes",
        "distance_km",
        0,
        "`and` needs yes/no values on both sides, but the left side is a number",
    );
    assert!(hint(&e).contains("distance_km > 0"));
    err_at(
        "yes or 2",
        "2",
        0,
        "`or` needs yes/no values on both sides, but the right side is a number",
    );
    let e = err_at(
        "lives_in_rotterdam + 1",
        "lives_in_rotterdam",
        0,
        "`+` needs numbers on both sides, but the left side is yes/no",
    );
    assert!(hint(&e).contains("if ... then 1 else 0"));
    let e = err_at(
        "1 * age_group",
        "age_group",
        0,
        "`*` needs numbers on both sides, but the right side is a choice of `age_group`",
    );
    assert!(hint(&e).contains("age_group == '0-3'"));
    err_at("-yes", "yes", 0, "`-` needs a number, but this is yes/no");
    err_at(
        "not 1",
        "1",
        0,
        "`not` needs a yes/no value, but this is a number",
    );
    err_at(
        "if 1 then 2 else 3",
        "1",
        0,
        "the condition after `if` must be yes/no, but it is a number",
    );
    err_at(
        "if yes then 1 else no",
        "no",
        0,
        "the `then` part is a number and the `else` part is yes/no",
    );
    err_at(
        "if yes then age_group else travel_mode",
        "travel_mode",
        0,
        "a choice of `age_group` and the `else` part is a choice of `travel_mode`",
    );
    err_at(
        "yes < no",
        "yes",
        0,
        "`<` needs numbers on both sides, but the left side is yes/no",
    );
    err_at(
        "age_group >= partner_age_group",
        "age_group",
        0,
        "`>=` needs numbers on both sides, but the left side is a choice of `age_group`",
    );
    err_at(
        "1 == yes",
        "1 == yes",
        0,
        "`==` cannot compare a number with yes/no",
    );
    let e = err_at(
        "age_group == 1",
        "age_group == 1",
        0,
        "`==` cannot compare a choice of `age_group` with a number",
    );
    assert!(hint(&e).contains("age_group == '0-3'"));
    err_at(
        "age_group != travel_mode",
        "age_group != travel_mode",
        0,
        "cannot compare a choice of `age_group` with a choice of `travel_mode`",
    );
    let e = err_at(
        "age_group < '65+'",
        "age_group < '65+'",
        0,
        "`<` cannot be used with a choice",
    );
    assert!(hint(&e).contains("`==`"));
    err_at(
        "max(1, yes)",
        "yes",
        0,
        "argument 2 of `max` must be a number, but it is yes/no",
    );
    err_at(
        "abs(age_group)",
        "age_group",
        0,
        "argument 1 of `abs` must be a number, but it is a choice of `age_group`",
    );
    err_at(
        "round(yes, 2)",
        "yes",
        0,
        "argument 1 of `round` must be a number",
    );
    err_at(
        "lives_in_rotterdam in [1]",
        "lives_in_rotterdam",
        0,
        "`in` needs a number or a choice on its left side, but it is yes/no",
    );
    let e = err_at(
        "age_group in ['0-3', 4]",
        "4",
        0,
        "must contain its options in quotes",
    );
    assert!(hint(&e).contains("'65+'"));
}

#[test]
fn choice_literal_errors() {
    let e = err_at(
        "age_group == '4-12'",
        "'4-12'",
        0,
        "'4-12' is not a choice of `age_group`",
    );
    assert_eq!(e.message, "'4-12' is not a choice of `age_group`");
    assert!(hint(&e).contains("'0-3', '4-11', '12-18', '19-64', '65+'"));
    assert!(hint(&e).contains("did you mean '4-11'?"));
    let e = err_at(
        "age_group in ['4-11', 'senior']",
        "'senior'",
        0,
        "'senior' is not a choice of `age_group`",
    );
    assert!(hint(&e).starts_with("the choices are"));
    err_at(
        "'trein' == travel_mode",
        "'trein'",
        0,
        "'trein' is not a choice of `travel_mode`",
    );
    // literal of another input
    err_at(
        "travel_mode == '65+'",
        "'65+'",
        0,
        "not a choice of `travel_mode`",
    );
}

#[test]
fn expected_type() {
    let scope = TestScope;
    assert!(compile_str("distance_km * 2", &scope, Some(Type::Number)).is_ok());
    assert!(compile_str("distance_km > 2", &scope, Some(Type::Bool)).is_ok());
    assert!(compile_str("age_group", &scope, Some(Type::Choice(0))).is_ok());
    let src = " distance_km > 2 ";
    let e = compile_str(src, &scope, Some(Type::Number)).unwrap_err();
    assert_eq!((e.start, e.end), (1, 16));
    assert_eq!(e.message, "this must be a number, but it is yes/no");
    assert!(hint(&e).contains("if distance_km > 2 then 1 else 0"));
    let e = compile_str("(distance_km)", &scope, Some(Type::Bool)).unwrap_err();
    assert_eq!((e.start, e.end), (0, 13));
    assert_eq!(e.message, "this must be yes/no, but it is a number");
    assert!(hint(&e).contains("(distance_km) > 0"));
    let e = compile_str("age_group", &scope, Some(Type::Bool)).unwrap_err();
    assert_eq!(
        e.message,
        "this must be yes/no, but it is a choice of `age_group`"
    );
    let e = compile_str("age_group", &scope, Some(Type::Choice(1))).unwrap_err();
    assert_eq!(
        e.message,
        "this must be a choice of `travel_mode`, but it is a choice of `age_group`"
    );
}

#[test]
fn two_step_compile_matches_compile_str() {
    let src = "round(distance_km * km_fare, 2)";
    let ast = parse(src).unwrap();
    let a = compile(&ast, src, &TestScope, Some(Type::Number)).unwrap();
    let b = compile_str(src, &TestScope, Some(Type::Number)).unwrap();
    assert_eq!(a.eval(&SLOTS), b.eval(&SLOTS));
    assert_eq!(a.eval(&SLOTS), Ok(1.74));
    assert_eq!(a.slots(), vec![1, 3]);
}

#[test]
fn display_of_errors() {
    let e = err("distnce_km");
    assert_eq!(
        e.to_string(),
        "unknown name `distnce_km` (did you mean `distance_km`?)"
    );
    let e = err("1 +");
    assert_eq!(
        e.to_string(),
        "the expression ends too early: expected a value after `+`"
    );
}

#[test]
fn valid_names_and_keywords() {
    assert!(is_valid_name("distance_km"));
    assert!(is_valid_name("_x1"));
    assert!(!is_valid_name("1x"));
    assert!(!is_valid_name(""));
    assert!(!is_valid_name("age-group"));
    for k in KEYWORDS {
        assert!(!is_valid_name(k));
        assert!(
            parse(k).map(|a| a.names().is_empty()).unwrap_or(true),
            "{k} is not a name"
        );
    }
}

#[test]
fn node_is_compact() {
    assert_eq!(std::mem::size_of::<super::eval::Node>(), 16);
}

// ---------------------------------------------------------------- property-style tests

/// xorshift64* generator: deterministic, no external crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    fn value(&mut self) -> f64 {
        match self.below(8) {
            0 => 0.0,
            1 => 1.0,
            2 => -1.0,
            3 => 1e300,
            4 => -1e-300,
            5 => (self.below(5)) as f64,
            _ => (self.next() % 20_000) as f64 / 100.0 - 100.0,
        }
    }
}

const TOKENS: &[&str] = &[
    "distance_km",
    "trips_per_week",
    "km_fare",
    "lives_in_rotterdam",
    "age_group",
    "travel_mode",
    "partner_age_group",
    "unknown",
    "round",
    "min",
    "max",
    "clamp",
    "abs",
    "floor",
    "ceil",
    "sqrt",
    "0",
    "1",
    "2",
    "2.675",
    "1e5",
    ".5",
    "1.",
    "1,5",
    "0",
    "1000000000000",
    "'4-11'",
    "'65+'",
    "'x'",
    "\"bus\"",
    "'",
    "+",
    "-",
    "*",
    "/",
    "==",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "=",
    "!",
    "&&",
    "||",
    "(",
    ")",
    "(",
    ")",
    "[",
    "]",
    ",",
    "if",
    "then",
    "else",
    "and",
    "or",
    "not",
    "in",
    "yes",
    "no",
    "true",
    "false",
    " ",
    "\u{e9}",
    "\u{2018}",
    "%",
    "^",
    "#",
    "\n",
];

fn check_error(src: &str, e: &ExprError) {
    assert!(e.start <= e.end && e.end <= src.len(), "{src:?}: {e:?}");
    assert!(
        src.get(e.start..e.end).is_some(),
        "span not on char boundaries: {src:?} {e:?}"
    );
    assert!(!e.message.is_empty());
}

fn check_eval(src: &str, e: &Expr, rng: &mut Rng) {
    for _ in 0..8 {
        let slots: Vec<f64> = (0..9)
            .map(|i| match i {
                4 => (rng.below(2)) as f64,
                5 | 8 => (rng.below(5)) as f64,
                7 => (rng.below(3)) as f64,
                _ => rng.value(),
            })
            .collect();
        match e.eval(&slots) {
            Ok(v) => {
                assert!(v.is_finite(), "{src:?} gave {v}");
                if e.ty() == Type::Bool {
                    assert!(v == 0.0 || v == 1.0, "{src:?} gave bool {v}");
                }
            }
            Err(err) => assert!(
                matches!(err, EvalError::DivisionByZero | EvalError::NotFinite),
                "{src:?}: {err:?}"
            ),
        }
    }
    if let Some(c) = e.constant() {
        assert!(c.is_finite());
        assert!(e.slots().is_empty());
        assert_eq!(e.eval(&[]), Ok(c));
    }
}

#[test]
fn random_token_soup_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut compiled = 0;
    for _ in 0..20_000 {
        let n = 1 + rng.below(12);
        let mut src = String::new();
        for _ in 0..n {
            src.push_str(rng.pick(TOKENS));
            if rng.below(3) > 0 {
                src.push(' ');
            }
        }
        match parse(&src) {
            Err(e) => check_error(&src, &e),
            Ok(ast) => {
                for (name, s, e) in ast.names() {
                    assert_eq!(&src[s..e], name);
                }
                // printing and re-parsing gives the same tree
                let printed = ast.to_string();
                let again =
                    parse(&printed).unwrap_or_else(|e| panic!("{printed:?} from {src:?}: {e:?}"));
                assert_eq!(again.to_string(), printed);
                match compile(&ast, &src, &TestScope, None) {
                    Err(e) => check_error(&src, &e),
                    Ok(expr) => {
                        compiled += 1;
                        check_eval(&src, &expr, &mut rng);
                    }
                }
            }
        }
    }
    assert!(compiled > 100, "only {compiled} compiled");
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(12345);
    for _ in 0..20_000 {
        let len = rng.below(24);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                if rng.below(2) == 0 {
                    let pool = b"ab_1.0 ()[],'\"=!<>&|+-*/ifthenelsnotrudy\xc3\xa9\xe2\x80";
                    pool[rng.below(pool.len())]
                } else {
                    (rng.next() & 0xFF) as u8
                }
            })
            .collect();
        let src = String::from_utf8_lossy(&bytes);
        match compile_str(&src, &TestScope, None) {
            Err(e) => check_error(&src, &e),
            Ok(expr) => check_eval(&src, &expr, &mut rng),
        }
    }
}

/// Generates well-typed random expressions so that evaluation gets exercised.
fn gen_number(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 || rng.below(4) == 0 {
        return match rng.below(6) {
            0 => "distance_km".into(),
            1 => "trips_per_week".into(),
            2 => "km_fare".into(),
            3 => format!("{}", rng.below(100)),
            4 => "0".into(),
            _ => format!("{}.{}", rng.below(10), rng.below(1000)),
        };
    }
    let d = depth - 1;
    match rng.below(12) {
        0 => format!("{} + {}", gen_number(rng, d), gen_number(rng, d)),
        1 => format!("{} - {}", gen_number(rng, d), gen_number(rng, d)),
        2 => format!("({}) * {}", gen_number(rng, d), gen_number(rng, d)),
        3 => format!("{} / ({})", gen_number(rng, d), gen_number(rng, d)),
        4 => format!("-({})", gen_number(rng, d)),
        5 => format!(
            "(if {} then {} else {})",
            gen_bool(rng, d),
            gen_number(rng, d),
            gen_number(rng, d)
        ),
        6 => format!("round({}, {})", gen_number(rng, d), rng.below(7)),
        7 => format!(
            "min({}, {}, {})",
            gen_number(rng, d),
            gen_number(rng, d),
            gen_number(rng, d)
        ),
        8 => format!(
            "clamp({}, {}, {})",
            gen_number(rng, d),
            gen_number(rng, d),
            gen_number(rng, d)
        ),
        9 => format!(
            "{}({})",
            rng.pick(&["abs", "floor", "ceil", "round"]),
            gen_number(rng, d)
        ),
        10 => format!("max({}, {})", gen_number(rng, d), gen_number(rng, d)),
        _ => format!("({}) * ({})", gen_number(rng, d), gen_number(rng, d)),
    }
}

fn gen_bool(rng: &mut Rng, depth: u32) -> String {
    if depth == 0 || rng.below(4) == 0 {
        return match rng.below(4) {
            0 => "lives_in_rotterdam".into(),
            1 => "yes".into(),
            2 => format!("age_group == '{}'", rng.pick(&AGE)),
            _ => format!(
                "travel_mode in ['{}', '{}']",
                rng.pick(&MODE),
                rng.pick(&MODE)
            ),
        };
    }
    let d = depth - 1;
    match rng.below(6) {
        0 => format!("({}) and ({})", gen_bool(rng, d), gen_bool(rng, d)),
        1 => format!("({}) or ({})", gen_bool(rng, d), gen_bool(rng, d)),
        2 => format!("not ({})", gen_bool(rng, d)),
        3 => format!(
            "{} {} {}",
            gen_number(rng, d),
            rng.pick(&["<", "<=", ">", ">=", "==", "!="]),
            gen_number(rng, d)
        ),
        4 => format!("{} in [1, 2.5, -3]", gen_number(rng, d)),
        _ => format!(
            "(if {} then {} else {})",
            gen_bool(rng, d),
            gen_bool(rng, d),
            gen_bool(rng, d)
        ),
    }
}

#[test]
fn random_well_typed_expressions_evaluate_without_nan() {
    let mut rng = Rng(0xDEAD_BEEF);
    let mut ok = 0;
    for i in 0..5_000 {
        let src = if i % 2 == 0 {
            gen_number(&mut rng, 5)
        } else {
            gen_bool(&mut rng, 5)
        };
        let ast = parse(&src).unwrap_or_else(|e| panic!("{src:?}: {e:?}"));
        let printed = ast.to_string();
        assert_eq!(parse(&printed).unwrap().to_string(), printed);
        match compile(&ast, &src, &TestScope, None) {
            Ok(e) => {
                ok += 1;
                assert_eq!(e.ty(), if i % 2 == 0 { Type::Number } else { Type::Bool });
                check_eval(&src, &e, &mut rng);
                // the pretty-printed form compiles to the same function
                let e2 = compile_str(&printed, &TestScope, None).unwrap();
                assert_eq!(e.eval(&SLOTS), e2.eval(&SLOTS), "{src:?} vs {printed:?}");
            }
            // only constant parts that always fail (e.g. `/ (0)`) may be rejected
            Err(e) => {
                check_error(&src, &e);
                assert!(
                    e.message.contains("always fails")
                        || e.message.contains("division by zero")
                        || e.message.contains("low limit"),
                    "{src:?}: {e:?}"
                );
            }
        }
    }
    assert!(ok > 4_000, "{ok}");
}
