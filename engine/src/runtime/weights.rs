//! Weights as the citizen sees them: a slider per factor from 0 to [`WEIGHT_MAX`], the share of
//! each factor in whole percent (summing to exactly 100), and weights from an order of
//! importance (rank-order-centroid).
//!
//! Weights are relative: only their ratios matter (see [`crate::eval`]). The slider scale is a
//! presentation choice: weights from another route (an order, trade-off answers, a preset) are
//! rescaled so the largest is [`WEIGHT_MAX`], which keeps every ratio.

pub use crate::definition::limits::WEIGHT_MAX;

/// Rank-order-centroid weights for `n` places (Barron & Barrett 1996): place `i` (0 = most
/// important) gets `(1/n) * sum_{k=i+1}^{n} 1/k`. They sum to 1 and descend strictly.
pub fn rank_order_centroid(n: usize) -> Vec<f64> {
    let mut w = vec![0.0; n];
    let mut tail = 0.0;
    for i in (0..n).rev() {
        tail += 1.0 / (i + 1) as f64;
        w[i] = tail / n as f64;
    }
    w
}

/// Weights per factor from an order of importance: `order[0]` is the most important factor.
/// Factors not in `order` get 0. On the slider scale (the largest is [`WEIGHT_MAX`]).
pub fn weights_from_order(order: &[usize], factors: usize) -> Vec<f64> {
    let roc = rank_order_centroid(order.len());
    let mut w = vec![0.0; factors];
    for (place, &f) in order.iter().enumerate() {
        if f < factors {
            w[f] = roc[place];
        }
    }
    to_slider_scale(&w)
}

/// The same ratios with the largest weight at [`WEIGHT_MAX`], rounded to 0.01 (the slider's
/// resolution). All zero (or empty) stays as it is.
pub fn to_slider_scale(weights: &[f64]) -> Vec<f64> {
    let max = weights
        .iter()
        .copied()
        .filter(|w| w.is_finite())
        .fold(0.0, f64::max);
    if max <= 0.0 {
        return weights.iter().map(|_| 0.0).collect();
    }
    weights
        .iter()
        .map(|&w| {
            if w.is_finite() && w > 0.0 {
                ((w / max * WEIGHT_MAX) * 100.0).round() / 100.0
            } else {
                0.0
            }
        })
        .collect()
}

/// Each weight's share of the total in whole percent, summing to exactly 100 (largest
/// remainder: every shown number is its exact share rounded down or up, never further off;
/// ties go to the earlier factor). All zero (or empty): all 0.
pub fn shares_percent(weights: &[f64]) -> Vec<u32> {
    round_to_total(weights, 100)
}

/// Whole numbers in proportion to `parts` that add up to exactly `total` (largest remainder;
/// each is its exact value rounded down or up; ties go to the earlier part). Parts that are
/// zero, negative or not finite get 0; when no part is positive, all get 0.
pub fn round_to_total(parts: &[f64], total: u32) -> Vec<u32> {
    let clean: Vec<f64> = parts
        .iter()
        .map(|&w| if w.is_finite() && w > 0.0 { w } else { 0.0 })
        .collect();
    let sum: f64 = clean.iter().sum();
    if sum <= 0.0 {
        return vec![0; parts.len()];
    }
    let exact: Vec<f64> = clean.iter().map(|w| w / sum * total as f64).collect();
    let mut shown: Vec<u32> = exact.iter().map(|e| (e + 1e-9).floor() as u32).collect();
    let missing = total.saturating_sub(shown.iter().sum());
    let mut order: Vec<usize> = (0..exact.len()).filter(|&i| clean[i] > 0.0).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - shown[a] as f64, exact[b] - shown[b] as f64);
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in order.iter().take(missing as usize) {
        shown[i] += 1;
    }
    shown
}

/// True when some shown percentage differs from its exact share (the panel then says that the
/// numbers are rounded).
pub fn shares_rounded(weights: &[f64]) -> bool {
    let total: f64 = weights.iter().filter(|w| w.is_finite() && **w > 0.0).sum();
    if total <= 0.0 {
        return false;
    }
    let shown = shares_percent(weights);
    weights.iter().zip(&shown).any(|(&w, &s)| {
        let exact = if w.is_finite() && w > 0.0 {
            w / total * 100.0
        } else {
            0.0
        };
        (exact - s as f64).abs() > 1e-9
    })
}

/// A weight interval (shares 0..=1) in percent for the citizen, rounded inwards so the stated
/// range never promises more than the analysis found: the lower end rounded up, the upper end
/// rounded down, to whole percent; with one or two decimals when whole percent would leave no
/// range (or cross). Returns (low %, high %, decimals).
pub fn interval_percent(low: f64, high: f64) -> (f64, f64, usize) {
    let (l, h) = (low * 100.0, high * 100.0);
    let inward = |d: usize| {
        let scale = 10f64.powi(d as i32);
        let lo = (((l * scale) - 1e-7).ceil() / scale).max(0.0);
        let hi = (((h * scale) + 1e-7).floor() / scale).min(100.0);
        (lo, hi.max(lo), d)
    };
    (0..2)
        .map(inward)
        .find(|&(lo, hi, _)| lo < hi)
        .unwrap_or_else(|| inward(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roc_matches_the_published_tables() {
        // Barron & Barrett (1996), table 1.
        let r = rank_order_centroid(3);
        assert!((r[0] - 0.6111).abs() < 1e-4 && (r[1] - 0.2778).abs() < 1e-4);
        assert!((r[2] - 0.1111).abs() < 1e-4);
        let r = rank_order_centroid(4);
        let want = [0.5208, 0.2708, 0.1458, 0.0625];
        for (a, b) in r.iter().zip(want) {
            assert!((a - b).abs() < 1e-4, "{r:?}");
        }
    }

    #[test]
    fn honest_rounding() {
        assert_eq!(shares_percent(&[1.0, 1.0, 1.0]), vec![34, 33, 33]);
        assert!(shares_rounded(&[1.0, 1.0, 1.0]));
        assert_eq!(shares_percent(&[3.0, 1.0, 1.0]), vec![60, 20, 20]);
        assert!(!shares_rounded(&[3.0, 1.0, 1.0]));
        assert_eq!(shares_percent(&[0.0, 0.0]), vec![0, 0]);
        assert_eq!(shares_percent(&[2.0, 0.0, f64::NAN]), vec![100, 0, 0]);
        assert_eq!(round_to_total(&[0.3, 0.3, 0.05], 65), vec![30, 30, 5]);
        assert_eq!(round_to_total(&[1.0, 1.0, 1.0], 10), vec![4, 3, 3]);
    }

    #[test]
    fn intervals_round_inwards() {
        assert_eq!(interval_percent(0.0927, 0.6001), (10.0, 60.0, 0));
        assert_eq!(interval_percent(0.0, 1.0), (0.0, 100.0, 0));
        assert_eq!(interval_percent(0.3512, 0.3588), (35.2, 35.8, 1));
    }

    #[test]
    fn slider_scale_keeps_ratios() {
        assert_eq!(to_slider_scale(&[3.0, 1.0, 1.5]), vec![10.0, 3.33, 5.0]);
        assert_eq!(to_slider_scale(&[0.0, 0.0]), vec![0.0, 0.0]);
        assert_eq!(weights_from_order(&[2, 0, 1], 3)[2], WEIGHT_MAX);
    }
}
