//! Precision, recall and F1, 0 to 1: one definition for the `newsgrist eval`
//! commands (claims, actors, relations). Each stage's eval module decides
//! what counts as a hit; this only does the arithmetic, with 0 (not NaN)
//! for empty denominators.
use serde::Serialize;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From precision and recall.
    pub fn from_ratios(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }

    /// From counts where a prediction and a gold item match separately
    /// (overlap matching: one prediction may cover two gold spans).
    pub fn from_hits(precision_hits: usize, predicted: usize, recall_hits: usize, gold: usize) -> Self {
        Self::from_ratios(ratio(precision_hits, predicted), ratio(recall_hits, gold))
    }

    /// From one-to-one matches.
    pub fn from_counts(correct: usize, predicted: usize, gold: usize) -> Self {
        Self::from_hits(correct, predicted, correct, gold)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmonic_mean_and_empty_denominators() {
        let prf = Prf::from_counts(2, 4, 3);
        assert!((prf.precision - 0.5).abs() < 1e-12 && (prf.recall - 2.0 / 3.0).abs() < 1e-12);
        assert!((prf.f1 - 4.0 / 7.0).abs() < 1e-12);
        assert_eq!(Prf::from_counts(0, 0, 0), Prf::default());
    }
}
