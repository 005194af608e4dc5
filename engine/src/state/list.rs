//! Changing the list of scenarios and the sequence of a [`SharedState`], keeping `active`
//! and the periods pointing at the same scenarios.

use super::{DEFAULT_NAME, MAX_NAME_CHARS, MAX_SCENARIOS, NameError, NamedScenario, SharedState};
use crate::scenarios::{MAX_PERIODS, Period};

/// Changing the list of scenarios and the sequence. Each keeps `active` and `sequence`
/// pointing at the same scenarios as before, never panics, and changes nothing when an index
/// does not exist.
impl SharedState {
    /// Adds `named` as the last scenario and returns its index; `None` (nothing changed) when
    /// there are already [`MAX_SCENARIOS`]. The name is cleaned as by
    /// [`SharedState::rename`] (control characters removed, trimmed) and cut to
    /// [`MAX_NAME_CHARS`] characters; an empty name becomes [`SharedState::unique_name`] of
    /// [`DEFAULT_NAME`]. `active` and `sequence` stay as they are.
    pub fn add(&mut self, mut named: NamedScenario) -> Option<usize> {
        if self.scenarios.len() >= MAX_SCENARIOS {
            return None;
        }
        named.name = self.cleaned_or_unique(&named.name, DEFAULT_NAME);
        self.scenarios.push(named);
        Some(self.scenarios.len() - 1)
    }

    /// Inserts a copy of scenario `i`, named `name`, right after it and returns the copy's
    /// index (`i + 1`); `None` (nothing changed) when `i` does not exist or there are already
    /// [`MAX_SCENARIOS`]. The name is cleaned as in [`SharedState::add`]; an empty one becomes
    /// [`SharedState::unique_name`] of scenario `i`'s name. Scenarios after `i` move one place
    /// up; `active` and the periods follow them (so periods of `i` stay with the original,
    /// not the copy).
    pub fn duplicate(&mut self, i: usize, name: String) -> Option<usize> {
        if i >= self.scenarios.len() || self.scenarios.len() >= MAX_SCENARIOS {
            return None;
        }
        let mut copy = self.scenarios[i].clone();
        copy.name = self.cleaned_or_unique(&name, &copy.name);
        self.scenarios.insert(i + 1, copy);
        let shift = |k: usize| if k > i { k + 1 } else { k };
        self.active = shift(self.active);
        for p in &mut self.sequence {
            p.scenario = shift(p.scenario);
        }
        Some(i + 1)
    }

    /// Removes scenario `i` and its periods; true when done. False (nothing changed) when `i`
    /// does not exist or it is the only scenario (a state always has one). Scenarios after
    /// `i` move one place down and their periods follow them. When `i` was active, the
    /// scenario that takes its place (the next one) becomes active, or the one before it
    /// when `i` was the last; otherwise the same scenario stays active.
    pub fn remove(&mut self, i: usize) -> bool {
        if i >= self.scenarios.len() || self.scenarios.len() <= 1 {
            return false;
        }
        self.scenarios.remove(i);
        let last = self.scenarios.len() - 1;
        self.active = match self.active {
            a if a > i => a - 1,
            a if a == i => i.min(last),
            a => a,
        }
        .min(last);
        self.sequence.retain(|p| p.scenario != i);
        for p in &mut self.sequence {
            if p.scenario > i {
                p.scenario -= 1;
            }
        }
        true
    }

    /// Moves scenario `from` to place `to` (the others keep their order); true when both
    /// exist (also when `from == to`, which changes nothing). `active` and every period keep
    /// pointing at the same scenarios, at their new places.
    pub fn move_to(&mut self, from: usize, to: usize) -> bool {
        let n = self.scenarios.len();
        if from >= n || to >= n {
            return false;
        }
        let moved = self.scenarios.remove(from);
        self.scenarios.insert(to, moved);
        let place = |k: usize| {
            if k == from {
                to
            } else if from < to && (from + 1..=to).contains(&k) {
                k - 1
            } else if to < from && (to..from).contains(&k) {
                k + 1
            } else {
                k
            }
        };
        self.active = place(self.active);
        for p in &mut self.sequence {
            p.scenario = place(p.scenario);
        }
        true
    }

    /// Renames scenario `i` to `name` with control characters removed and white space trimmed
    /// at both ends. An error (nothing changed) when nothing is left ([`NameError::Empty`]) or
    /// more than [`MAX_NAME_CHARS`] characters are ([`NameError::TooLong`]). The name is checked
    /// also when `i` does not exist; a fine name for a scenario that does not exist changes
    /// nothing and gives `Ok`. Names need not be unique (see [`SharedState::unique_name`]).
    pub fn rename(&mut self, i: usize, name: &str) -> Result<(), NameError> {
        let name = clean_name(name);
        if name.is_empty() {
            return Err(NameError::Empty);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NameError::TooLong);
        }
        if let Some(s) = self.scenarios.get_mut(i) {
            s.name = name;
        }
        Ok(())
    }

    /// `wanted` (cleaned as by [`SharedState::rename`], cut to [`MAX_NAME_CHARS`] characters,
    /// [`DEFAULT_NAME`] if empty) when no scenario has that name yet; else the same name with
    /// the lowest free number: "Nu" taken gives "Nu (2)", then "Nu (3)". A number the wanted
    /// name already ends with is replaced ("Nu (2)" taken gives "Nu (3)", not "Nu (2) (2)").
    /// The name is cut to leave room for the number, so the result is always a valid name
    /// ([`valid_name`]).
    ///
    /// [`valid_name`]: super::valid_name
    pub fn unique_name(&self, wanted: &str) -> String {
        let mut name: String = clean_name(wanted).chars().take(MAX_NAME_CHARS).collect();
        name.truncate(name.trim_end().len());
        if name.is_empty() {
            name = DEFAULT_NAME.to_string();
        }
        let taken = |candidate: &str| self.scenarios.iter().any(|s| s.name.trim() == candidate);
        if !taken(&name) {
            return name;
        }
        let base = strip_number(&name);
        (2..)
            .map(|n| {
                let suffix = format!(" ({n})");
                let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
                let cut: String = base.chars().take(room).collect();
                format!("{}{suffix}", cut.trim_end())
            })
            .find(|candidate| !taken(candidate))
            .unwrap_or_default()
    }

    /// Adds period `p` at the end of the sequence; true when done. False (nothing changed)
    /// when the sequence has [`MAX_PERIODS`] periods already, `p`'s scenario does not exist
    /// or its length is not 1 to [`MAX_PERIOD_MONTHS`] months.
    ///
    /// [`MAX_PERIOD_MONTHS`]: crate::scenarios::MAX_PERIOD_MONTHS
    pub fn add_period(&mut self, p: Period) -> bool {
        if self.sequence.len() >= MAX_PERIODS || !self.period_fits(p) {
            return false;
        }
        self.sequence.push(p);
        true
    }

    /// Removes period `k` of the sequence; false (nothing changed) when it does not exist.
    pub fn remove_period(&mut self, k: usize) -> bool {
        if k >= self.sequence.len() {
            return false;
        }
        self.sequence.remove(k);
        true
    }

    /// Moves period `from` to place `to` in the sequence (the others keep their order); true
    /// when both exist (also when `from == to`, which changes nothing).
    pub fn move_period(&mut self, from: usize, to: usize) -> bool {
        let n = self.sequence.len();
        if from >= n || to >= n {
            return false;
        }
        let p = self.sequence.remove(from);
        self.sequence.insert(to, p);
        true
    }

    /// Replaces period `k` by `p`; false (nothing changed) when period `k` does not exist,
    /// `p`'s scenario does not exist or its length is not 1 to [`MAX_PERIOD_MONTHS`] months.
    ///
    /// [`MAX_PERIOD_MONTHS`]: crate::scenarios::MAX_PERIOD_MONTHS
    pub fn set_period(&mut self, k: usize, p: Period) -> bool {
        if k >= self.sequence.len() || !self.period_fits(p) {
            return false;
        }
        self.sequence[k] = p;
        true
    }

    /// `name` cleaned and cut to [`MAX_NAME_CHARS`]; [`SharedState::unique_name`] of
    /// `fallback` when nothing is left.
    fn cleaned_or_unique(&self, name: &str, fallback: &str) -> String {
        let mut cut: String = clean_name(name).chars().take(MAX_NAME_CHARS).collect();
        cut.truncate(cut.trim_end().len());
        if cut.is_empty() {
            self.unique_name(fallback)
        } else {
            cut
        }
    }
}

/// `name` without control characters and without white space at both ends.
fn clean_name(name: &str) -> String {
    let no_control: String = name.chars().filter(|c| !c.is_control()).collect();
    no_control.trim().to_string()
}

/// `name` without a trailing number in brackets: "Nu (2)" gives "Nu"; "(2)" stays.
fn strip_number(name: &str) -> &str {
    let Some(open) = name.strip_suffix(')').and_then(|rest| rest.rfind(" (")) else {
        return name;
    };
    let digits = &name[open + 2..name.len() - 1];
    let base = name[..open].trim_end();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !base.is_empty() {
        base
    } else {
        name
    }
}
