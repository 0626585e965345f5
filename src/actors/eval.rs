//! Within-document clustering scores on WikiEvents (`wikievents/dev.jsonl`
//! with `coref_dev.jsonlines` next to it): B-cubed, pairwise and MUC
//! precision, recall and F1 over named mentions.
//!
//! What is measured is resolution alone: the gold mention spans are given
//! to the resolver as entity mentions (PER as PER, ORG as ORG, GPE, LOC and
//! FAC as LOC), with the document text rebuilt from its sentences, and the
//! actors it forms are compared with the gold coreference clusters
//! restricted to the same mentions (a mention in no gold cluster is a
//! cluster of its own). NER errors do not count.
//!
//! Named mentions: WikiEvents marks every mention's `mention_type` as
//! `UNK`, so where it is not `NAM`, `NOM` or `PRO` a rule decides: a PER,
//! ORG, GPE, LOC or FAC mention is named when one of its words starts with
//! a capital and is neither a pronoun or determiner ("He", "The"), nor a
//! title ("Minister", "Agent"), nor a word the file also writes in
//! lowercase (a common noun capitalised at the start of a sentence:
//! "Police", "Prosecutors").
//!
//! This file reads the files and computes scores; it prints nothing
//! (`newsgrist eval actors` does: `src/cli/eval_actors.rs`).
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};

pub use crate::scores::Prf;

use crate::ner::EntityMention;

use super::gazetteer::Gazetteer;
use super::resolve::{resolve, ActorInput};
use super::{fold, names};

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Parse {
        path: PathBuf,
        line: usize,
        reason: String,
    },
}

/// A token: `[word, start, end]`.
type WikiToken = (String, usize, usize);

#[derive(Debug, Deserialize)]
struct WikiDoc {
    doc_id: String,
    /// Per sentence: its tokens and its text.
    sentences: Vec<(Vec<WikiToken>, String)>,
    entity_mentions: Vec<WikiMention>,
}

#[derive(Debug, Deserialize)]
struct WikiMention {
    id: String,
    start: usize,
    end: usize,
    entity_type: String,
    #[serde(default)]
    mention_type: Option<String>,
    text: String,
}

#[derive(Debug, Deserialize)]
struct CorefDoc {
    doc_key: String,
    clusters: Vec<Vec<String>>,
}

/// The scores of one clustering.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Scores {
    pub b_cubed: Prf,
    pub pairwise: Prf,
    pub muc: Prf,
    pub predicted_clusters: usize,
}

/// The evaluation report: `precision`, `recall` and `f1` are B-cubed.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    pub rules: String,
    pub method: &'static str,
    pub documents: usize,
    pub named_mentions: usize,
    pub gold_clusters: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// Every metric for the resolver.
    pub metrics: Scores,
    /// The same metrics when mentions are clustered by exact folded name only.
    pub baseline_exact_name: Scores,
    pub seconds: f64,
    /// Gold clusters the resolver split or joined, per document, for reading.
    #[serde(skip)]
    pub errors: Vec<ClusterError>,
}

/// A named mention whose predicted cluster differs from its gold cluster.
#[derive(Debug, Clone, Serialize)]
pub struct ClusterError {
    pub doc_id: String,
    pub gold: Vec<String>,
    pub predicted: Vec<String>,
}

/// One document ready for scoring.
struct Prepared {
    doc_id: String,
    text: String,
    sentences: Vec<std::ops::Range<usize>>,
    mentions: Vec<EntityMention>,
    surfaces: Vec<String>,
    gold: Vec<usize>,
}

const NOT_NAMES: [&str; 34] = [
    "i", "he", "she", "they", "we", "you", "it", "his", "her", "hers", "our", "their", "its", "the", "this",
    "these", "those", "that", "one", "others", "other", "me", "him", "them", "us", "my", "your", "who",
    "which", "there", "here", "some", "all", "both",
];

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn parse_lines<T: for<'de> Deserialize<'de>>(path: &Path, text: &str) -> Result<Vec<T>, EvalError> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|err| EvalError::Parse {
                path: path.to_path_buf(),
                line: index + 1,
                reason: err.to_string(),
            })
        })
        .collect()
}

/// The coreference file next to a WikiEvents file: `coref_dev.jsonlines`
/// for `dev.jsonl`.
pub fn coref_path(file: &Path) -> PathBuf {
    let stem = file.file_stem().and_then(|stem| stem.to_str()).unwrap_or("dev");
    file.with_file_name(format!("coref_{stem}.jsonlines"))
}

fn is_named(mention: &WikiMention, lowercase_words: &BTreeSet<String>) -> bool {
    match mention.mention_type.as_deref() {
        Some("NAM") => return true,
        Some("NOM" | "PRO") => return false,
        _ => {}
    }
    if !matches!(
        mention.entity_type.as_str(),
        "PER" | "ORG" | "GPE" | "LOC" | "FAC"
    ) {
        return false;
    }
    mention.text.split_whitespace().any(|word| {
        let bare = word.trim_matches(|ch: char| !ch.is_alphanumeric());
        let lower = bare.to_lowercase();
        bare.chars().next().is_some_and(char::is_uppercase)
            && !NOT_NAMES.contains(&lower.as_str())
            && !names::TITLES.contains(&fold::key(bare).as_str())
            && !lowercase_words.contains(&lower)
    })
}

fn prepare(doc: &WikiDoc, clusters: &[Vec<String>], lowercase_words: &BTreeSet<String>) -> Prepared {
    let mut text = String::new();
    let mut sentences = Vec::new();
    // Byte range of every token of the document, in order.
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    for (words, sentence) in &doc.sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(sentence);
        sentences.push(start..text.len());
        let chars: Vec<usize> = sentence
            .char_indices()
            .map(|(byte, _)| byte)
            .chain(std::iter::once(sentence.len()))
            .collect();
        let base = words.first().map_or(0, |word| word.1);
        for (_, from, to) in words {
            let byte = |offset: usize| {
                chars
                    .get(offset.saturating_sub(base))
                    .copied()
                    .unwrap_or(sentence.len())
            };
            tokens.push((start + byte(*from), start + byte(*to)));
        }
    }
    let mut gold_of: HashMap<&str, usize> = HashMap::new();
    for (index, cluster) in clusters.iter().enumerate() {
        for id in cluster {
            gold_of.insert(id.as_str(), index);
        }
    }
    let mut named: Vec<(usize, usize, &WikiMention)> = doc
        .entity_mentions
        .iter()
        .filter(|mention| is_named(mention, lowercase_words))
        .filter_map(|mention| {
            let start = tokens.get(mention.start)?.0;
            let end = tokens.get(mention.end.checked_sub(1)?)?.1;
            (start < end).then_some((start, end, mention))
        })
        .collect();
    named.sort_by_key(|(start, end, _)| (*start, *end));
    let mut next_singleton = clusters.len();
    let mut mentions = Vec::new();
    let mut surfaces = Vec::new();
    let mut gold = Vec::new();
    for (start, end, mention) in named {
        let label = match mention.entity_type.as_str() {
            "PER" => "PER",
            "ORG" => "ORG",
            _ => "LOC",
        };
        mentions.push(EntityMention {
            start,
            end,
            label: label.to_owned(),
            confidence: 1.0,
        });
        surfaces.push(text[start..end].to_owned());
        gold.push(gold_of.get(mention.id.as_str()).copied().unwrap_or_else(|| {
            next_singleton += 1;
            next_singleton
        }));
    }
    Prepared {
        doc_id: doc.doc_id.clone(),
        text,
        sentences,
        mentions,
        surfaces,
        gold,
    }
}

/// Counts for B-cubed, pairwise and MUC over many documents.
#[derive(Default)]
struct Tally {
    b3_precision: f64,
    b3_recall: f64,
    mentions: usize,
    pairs_both: u64,
    pairs_predicted: u64,
    pairs_gold: u64,
    muc_recall: (u64, u64),
    muc_precision: (u64, u64),
    predicted_clusters: usize,
}

fn groups(labels: &[usize]) -> BTreeMap<usize, Vec<usize>> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, label) in labels.iter().enumerate() {
        groups.entry(*label).or_default().push(index);
    }
    groups
}

/// MUC's count for one side: sum of |K| - partitions(K) and of |K| - 1.
fn muc_counts(key: &[usize], response: &[usize]) -> (u64, u64) {
    let mut numerator = 0;
    let mut denominator = 0;
    for members in groups(key).values() {
        let parts: BTreeSet<usize> = members.iter().map(|&member| response[member]).collect();
        numerator += (members.len() - parts.len()) as u64;
        denominator += (members.len() - 1) as u64;
    }
    (numerator, denominator)
}

impl Tally {
    fn add(&mut self, gold: &[usize], predicted: &[usize]) {
        let gold_groups = groups(gold);
        let predicted_groups = groups(predicted);
        self.predicted_clusters += predicted_groups.len();
        for index in 0..gold.len() {
            let same_gold = &gold_groups[&gold[index]];
            let same_predicted = &predicted_groups[&predicted[index]];
            let both = same_predicted
                .iter()
                .filter(|&&other| gold[other] == gold[index])
                .count() as f64;
            self.b3_precision += both / same_predicted.len() as f64;
            self.b3_recall += both / same_gold.len() as f64;
        }
        self.mentions += gold.len();
        for a in 0..gold.len() {
            for b in a + 1..gold.len() {
                let same_gold = gold[a] == gold[b];
                let same_predicted = predicted[a] == predicted[b];
                self.pairs_gold += u64::from(same_gold);
                self.pairs_predicted += u64::from(same_predicted);
                self.pairs_both += u64::from(same_gold && same_predicted);
            }
        }
        let recall = muc_counts(gold, predicted);
        let precision = muc_counts(predicted, gold);
        self.muc_recall = (self.muc_recall.0 + recall.0, self.muc_recall.1 + recall.1);
        self.muc_precision = (
            self.muc_precision.0 + precision.0,
            self.muc_precision.1 + precision.1,
        );
    }

    fn scores(&self) -> Scores {
        let ratio = |numerator: f64, denominator: f64| {
            if denominator > 0.0 {
                numerator / denominator
            } else {
                1.0
            }
        };
        let mentions = self.mentions as f64;
        Scores {
            b_cubed: Prf::from_ratios(
                ratio(self.b3_precision, mentions),
                ratio(self.b3_recall, mentions),
            ),
            pairwise: Prf::from_ratios(
                ratio(self.pairs_both as f64, self.pairs_predicted as f64),
                ratio(self.pairs_both as f64, self.pairs_gold as f64),
            ),
            muc: Prf::from_ratios(
                ratio(self.muc_precision.0 as f64, self.muc_precision.1 as f64),
                ratio(self.muc_recall.0 as f64, self.muc_recall.1 as f64),
            ),
            predicted_clusters: self.predicted_clusters,
        }
    }
}

/// Evaluates the resolver with `gazetteer` on a WikiEvents file and the
/// coreference file next to it.
pub fn evaluate(file: &Path, gazetteer: &Gazetteer) -> Result<EvalReport, EvalError> {
    let started = Instant::now();
    let docs: Vec<WikiDoc> = parse_lines(file, &read(file)?)?;
    let coref_file = coref_path(file);
    let corefs: Vec<CorefDoc> = parse_lines(&coref_file, &read(&coref_file)?)?;
    let clusters: BTreeMap<&str, &Vec<Vec<String>>> = corefs
        .iter()
        .map(|doc| (doc.doc_key.as_str(), &doc.clusters))
        .collect();
    let lowercase_words: BTreeSet<String> = docs
        .iter()
        .flat_map(|doc| doc.sentences.iter().flat_map(|(words, _)| words))
        .map(|(word, _, _)| word)
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .map(|word| word.to_lowercase())
        .collect();
    let empty = Vec::new();
    let mut tally = Tally::default();
    let mut baseline = Tally::default();
    let mut gold_clusters = 0;
    let mut errors = Vec::new();
    for doc in &docs {
        let prepared = prepare(
            doc,
            clusters.get(doc.doc_id.as_str()).copied().unwrap_or(&empty),
            &lowercase_words,
        );
        let input = ActorInput {
            text: &prepared.text,
            sentences: &prepared.sentences,
            entities: &prepared.mentions,
        };
        let actors = resolve(&input, gazetteer);
        let mut singleton = actors.actors.len();
        let predicted: Vec<usize> = actors
            .entity_actor
            .iter()
            .map(|actor| {
                actor.unwrap_or_else(|| {
                    singleton += 1;
                    singleton
                })
            })
            .collect();
        let mut keys: BTreeMap<String, usize> = BTreeMap::new();
        let exact: Vec<usize> = prepared
            .surfaces
            .iter()
            .map(|surface| {
                let next = keys.len();
                *keys.entry(fold::key(surface)).or_insert(next)
            })
            .collect();
        tally.add(&prepared.gold, &predicted);
        baseline.add(&prepared.gold, &exact);
        gold_clusters += groups(&prepared.gold).len();
        errors.extend(cluster_errors(&prepared, &predicted));
    }
    let metrics = tally.scores();
    Ok(EvalReport {
        rules: super::RULES_VERSION.to_owned(),
        method: "gold named-mention spans resolved by the actor rules (resolution only, no NER)",
        documents: docs.len(),
        named_mentions: tally.mentions,
        gold_clusters,
        precision: metrics.b_cubed.precision,
        recall: metrics.b_cubed.recall,
        f1: metrics.b_cubed.f1,
        metrics,
        baseline_exact_name: baseline.scores(),
        seconds: started.elapsed().as_secs_f64(),
        errors,
    })
}

/// Gold clusters of several names that the resolver did not reproduce exactly.
fn cluster_errors(prepared: &Prepared, predicted: &[usize]) -> Vec<ClusterError> {
    let mut errors = Vec::new();
    let gold_groups = groups(&prepared.gold);
    let predicted_groups = groups(predicted);
    for members in gold_groups.values() {
        let predicted_members: BTreeSet<usize> = members
            .iter()
            .flat_map(|&member| predicted_groups[&predicted[member]].iter().copied())
            .collect();
        let gold_members: BTreeSet<usize> = members.iter().copied().collect();
        if predicted_members != gold_members {
            let names = |set: &BTreeSet<usize>| {
                let names: BTreeSet<String> = set
                    .iter()
                    .map(|&index| prepared.surfaces[index].clone())
                    .collect();
                names.into_iter().collect()
            };
            errors.push(ClusterError {
                doc_id: prepared.doc_id.clone(),
                gold: names(&gold_members),
                predicted: names(&predicted_members),
            });
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_on_a_known_clustering() {
        let mut tally = Tally::default();
        // Gold {0,1,2} {3}; predicted {0,1} {2,3}.
        tally.add(&[0, 0, 0, 1], &[5, 5, 6, 6]);
        let scores = tally.scores();
        assert!((scores.pairwise.precision - 0.5).abs() < 1e-9);
        assert!((scores.pairwise.recall - 1.0 / 3.0).abs() < 1e-9);
        // B-cubed precision: (1 + 1 + 1/2 + 1/2) / 4; recall: (2/3 + 2/3 + 1/3 + 1) / 4.
        assert!((scores.b_cubed.precision - 0.75).abs() < 1e-9);
        assert!((scores.b_cubed.recall - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0 + 1.0) / 4.0).abs() < 1e-9);
        // MUC recall: (3 - 2) / 2; precision: ((2 - 1) + (2 - 2)) / 2.
        assert!((scores.muc.recall - 0.5).abs() < 1e-9);
        assert!((scores.muc.precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn perfect_clustering_scores_one() {
        let mut tally = Tally::default();
        tally.add(&[0, 1, 0, 2], &[7, 8, 7, 9]);
        let scores = tally.scores();
        assert_eq!(scores.b_cubed.f1, 1.0);
        assert_eq!(scores.pairwise.f1, 1.0);
    }

    #[test]
    fn named_mentions_by_rule() {
        let lowercase: BTreeSet<String> = ["police".to_owned()].into();
        let mention = |text: &str, entity_type: &str| WikiMention {
            id: "x".to_owned(),
            start: 0,
            end: 1,
            entity_type: entity_type.to_owned(),
            mention_type: Some("UNK".to_owned()),
            text: text.to_owned(),
        };
        assert!(is_named(&mention("Maduro", "PER"), &lowercase));
        assert!(is_named(&mention("Greater Manchester Police", "ORG"), &lowercase));
        assert!(!is_named(&mention("Police", "ORG"), &lowercase));
        assert!(!is_named(&mention("He", "PER"), &lowercase));
        assert!(!is_named(&mention("Minister", "PER"), &lowercase));
        assert!(!is_named(&mention("IED", "WEA"), &lowercase));
    }

    #[test]
    fn coreference_file_name() {
        assert_eq!(
            coref_path(Path::new("data/wikievents/dev.jsonl")),
            Path::new("data/wikievents/coref_dev.jsonlines")
        );
    }
}
