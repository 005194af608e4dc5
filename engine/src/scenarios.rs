//! Scenarios side by side and over time: what differs from "Nu", what that does to the advice
//! and why, and which option is best in each period of a sequence of scenarios.

/// One period of a sequence: scenario `scenario` (an index into the state's scenarios) lasts
/// `months` months (1 to [`MAX_PERIOD_MONTHS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// Index of the scenario in this period.
    pub scenario: usize,
    /// Length of the period in months.
    pub months: u32,
}

/// Most periods in one sequence.
pub const MAX_PERIODS: usize = 12;

/// Longest period, in months (ten years).
pub const MAX_PERIOD_MONTHS: u32 = 120;
