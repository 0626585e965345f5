//! Scores of source, cue and content spans against PolNeAR-shaped gold.
//!
//! A file holds one JSON object per line: `text` and `attributions`, each
//! attribution with `source`, `cue` and `content` lists of `[start, end,
//! text]` character spans (PolNeAR's release). Each line is scored as its
//! own document (PolNeAR annotates some articles twice).
//!
//! Per role, gold spans are every piece of that role in the document,
//! deduplicated. Two matchings:
//! - **exact**: same start and end once characters other than letters and
//!   digits are trimmed from both ends of both spans;
//! - **overlap**: the spans share at least one character. Precision counts
//!   predictions overlapping some gold span, recall gold spans overlapped by
//!   some prediction.
use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use super::spans::Role;
pub use crate::scores::Prf;

/// A gold document.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// 1-based line in the file.
    pub line: usize,
    pub text: String,
    /// Character spans per role.
    pub spans: Vec<(Role, usize, usize)>,
}

#[derive(Deserialize)]
struct Row {
    text: String,
    #[serde(default)]
    attributions: Vec<Value>,
}

/// Why a gold file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} line {line}: {reason} (expected PolNeAR JSONL: `text` and `attributions`)")]
    Line {
        path: String,
        line: usize,
        reason: String,
    },
}

/// Reads a PolNeAR-shaped JSONL file.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDocument>, GoldError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| GoldError::Read {
        path: shown.clone(),
        source,
    })?;
    let mut documents = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| GoldError::Line {
            path: shown.clone(),
            line: index + 1,
            reason,
        };
        let row: Row = serde_json::from_str(line).map_err(|err| bad(err.to_string()))?;
        let mut spans = BTreeSet::new();
        for attribution in &row.attributions {
            for role in Role::ALL {
                let pieces = attribution.get(role.name()).and_then(Value::as_array);
                for piece in pieces.into_iter().flatten() {
                    let start = piece.get(0).and_then(Value::as_u64);
                    let end = piece.get(1).and_then(Value::as_u64);
                    match (start, end) {
                        (Some(start), Some(end)) if start < end => {
                            spans.insert((role, start as usize, end as usize));
                        }
                        _ => return Err(bad(format!("a {} span is not [start, end, text]", role.name()))),
                    }
                }
            }
        }
        documents.push(GoldDocument {
            line: index + 1,
            text: row.text,
            spans: spans.into_iter().collect(),
        });
    }
    Ok(documents)
}

/// Counts for one role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RoleCounts {
    pub predicted: usize,
    pub gold: usize,
    pub exact: usize,
    pub overlap_predicted: usize,
    pub overlap_gold: usize,
}

impl RoleCounts {
    pub fn exact(&self) -> Prf {
        Prf::from_hits(self.exact, self.predicted, self.exact, self.gold)
    }

    pub fn overlap(&self) -> Prf {
        Prf::from_hits(
            self.overlap_predicted,
            self.predicted,
            self.overlap_gold,
            self.gold,
        )
    }

    fn add(&mut self, other: &Self) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.exact += other.exact;
        self.overlap_predicted += other.overlap_predicted;
        self.overlap_gold += other.overlap_gold;
    }
}

/// Counts of one document for one role. Spans are character ranges of `text`.
pub fn score_role(text: &str, predicted: &[(usize, usize)], gold: &[(usize, usize)]) -> RoleCounts {
    let chars: Vec<char> = text.chars().collect();
    let trimmed = |spans: &[(usize, usize)]| -> Vec<(usize, usize)> {
        let raw: BTreeSet<(usize, usize)> = spans.iter().copied().collect();
        raw.into_iter()
            .map(|(start, end)| trim_span(&chars, start, end))
            .collect()
    };
    let (predicted, gold) = (trimmed(predicted), trimmed(gold));
    let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
    RoleCounts {
        predicted: predicted.len(),
        gold: gold.len(),
        exact: predicted.iter().filter(|p| gold.contains(p)).count(),
        overlap_predicted: predicted
            .iter()
            .filter(|p| gold.iter().any(|g| overlaps(p, g)))
            .count(),
        overlap_gold: gold
            .iter()
            .filter(|g| predicted.iter().any(|p| overlaps(p, g)))
            .count(),
    }
}

/// A span on one side only: predicted without an overlapping gold span of
/// its role (`missed` false), or gold without an overlapping prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Disagreement {
    pub role: Role,
    pub start: usize,
    pub end: usize,
    pub missed: bool,
}

/// The spans of one document that overlap nothing of their role on the
/// other side (character ranges, as given).
pub fn disagreements(doc: &GoldDocument, predicted: &[(Role, usize, usize)]) -> Vec<Disagreement> {
    let overlaps = |a: &(Role, usize, usize), b: &(Role, usize, usize)| a.0 == b.0 && a.1 < b.2 && b.1 < a.2;
    let lonely = |spans: &[(Role, usize, usize)], other: &[(Role, usize, usize)], missed: bool| {
        spans
            .iter()
            .filter(|span| !other.iter().any(|o| overlaps(span, o)))
            .map(|&(role, start, end)| Disagreement {
                role,
                start,
                end,
                missed,
            })
            .collect::<Vec<_>>()
    };
    let mut out = lonely(predicted, &doc.spans, false);
    out.extend(lonely(&doc.spans, predicted, true));
    out.sort_by_key(|d| (d.start, d.end, d.missed));
    out.dedup();
    out
}

/// Trims characters that are not letters or digits from both ends; a span
/// with none keeps its raw range.
fn trim_span(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let end = end.min(chars.len());
    let start = start.min(end);
    let inner = &chars[start..end];
    match (
        inner.iter().position(|c| c.is_alphanumeric()),
        inner.iter().rposition(|c| c.is_alphanumeric()),
    ) {
        (Some(first), Some(last)) => (start + first, start + last + 1),
        _ => (start, end),
    }
}

/// Scores over a corpus: counts per role, summed over documents.
#[derive(Debug, Clone, Default)]
pub struct AttributionScores {
    pub documents: usize,
    pub source: RoleCounts,
    pub cue: RoleCounts,
    pub content: RoleCounts,
}

impl AttributionScores {
    /// Adds one document: predicted character spans with their role.
    pub fn add(&mut self, doc: &GoldDocument, predicted: &[(Role, usize, usize)]) {
        self.documents += 1;
        for role in Role::ALL {
            let of = |spans: &[(Role, usize, usize)]| -> Vec<(usize, usize)> {
                spans
                    .iter()
                    .filter(|(r, _, _)| *r == role)
                    .map(|&(_, s, e)| (s, e))
                    .collect()
            };
            let counts = score_role(&doc.text, &of(predicted), &of(&doc.spans));
            self.role_mut(role).add(&counts);
        }
    }

    /// The counts of all roles together (micro-averaging).
    pub fn total(&self) -> RoleCounts {
        let mut total = RoleCounts::default();
        for role in Role::ALL {
            total.add(self.role(role));
        }
        total
    }

    pub fn role(&self, role: Role) -> &RoleCounts {
        match role {
            Role::Source => &self.source,
            Role::Cue => &self.cue,
            Role::Content => &self.content,
        }
    }

    fn role_mut(&mut self, role: Role) -> &mut RoleCounts {
        match role {
            Role::Source => &mut self.source,
            Role::Cue => &mut self.cue,
            Role::Content => &mut self.content,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_ignores_edge_punctuation() {
        let text = "He said: \"we won.\"";
        let counts = score_role(text, &[(9, 18)], &[(10, 16)]);
        assert_eq!(counts.exact, 1);
        assert_eq!(counts.exact().f1, 1.0);
    }

    #[test]
    fn disagreements_are_spans_overlapping_nothing_of_their_role() {
        let doc = GoldDocument {
            line: 1,
            text: "Police said he told AFP".into(),
            spans: vec![(Role::Cue, 7, 11), (Role::Cue, 15, 19), (Role::Source, 0, 6)],
        };
        let predicted = [(Role::Cue, 7, 11), (Role::Source, 15, 19), (Role::Source, 0, 3)];
        let found = disagreements(&doc, &predicted);
        let cue_missed = Disagreement {
            role: Role::Cue,
            start: 15,
            end: 19,
            missed: true,
        };
        let source_spurious = Disagreement {
            role: Role::Source,
            start: 15,
            end: 19,
            missed: false,
        };
        assert_eq!(found, [source_spurious, cue_missed]);
    }

    #[test]
    fn overlap_counts_each_side() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        // one prediction overlapping two gold spans, one stray prediction
        let counts = score_role(text, &[(2, 10), (20, 22)], &[(0, 4), (8, 12), (14, 16)]);
        assert_eq!(counts.exact, 0);
        assert_eq!((counts.overlap_predicted, counts.predicted), (1, 2));
        assert_eq!((counts.overlap_gold, counts.gold), (2, 3));
        let overlap = counts.overlap();
        assert!((overlap.precision - 0.5).abs() < 1e-9);
        assert!((overlap.recall - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn reads_polnear_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gold.jsonl");
        std::fs::write(
            &path,
            r#"{"text": "Officials said it.", "attributions": [{"type": "Attribution", "source": [[0, 9, "Officials"]], "cue": [[10, 14, "said"]], "content": [[15, 17, "it"]]}]}"#,
        )
        .unwrap();
        let gold = read_gold(&path).unwrap();
        assert_eq!(
            gold[0].spans,
            [(Role::Source, 0, 9), (Role::Cue, 10, 14), (Role::Content, 15, 17)]
        );
        std::fs::write(&path, "{\"text\": 3}\n").unwrap();
        let err = read_gold(&path).unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
    }
}
