//! The plain data the claims stage works on: attribution spans in, claims
//! out. All ranges are byte ranges of the document's normalised text.
use std::ops::Range;

use crate::output::extractions::ClaimType;

/// What part of an attribution a span is (PolNeAR's roles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Who speaks: "officials", "U.S. President Joe Biden", "he".
    Source,
    /// The word that marks speech: "said", "told", "according to".
    Cue,
    /// What is said or claimed.
    Content,
}

impl Role {
    /// Every role, in report order.
    pub const ALL: [Role; 3] = [Role::Source, Role::Cue, Role::Content];

    /// The role of a model label (`SOURCE`, `CUE`, `CONTENT`, any case).
    pub fn from_label(label: &str) -> Option<Self> {
        match label.to_ascii_uppercase().as_str() {
            "SOURCE" => Some(Self::Source),
            "CUE" => Some(Self::Cue),
            "CONTENT" => Some(Self::Content),
            _ => None,
        }
    }

    /// Lowercase name, as in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Cue => "cue",
            Self::Content => "content",
        }
    }
}

/// A source, cue or content span, from the model or the rules.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionSpan {
    pub role: Role,
    pub range: Range<usize>,
    /// 0 to 1.
    pub confidence: f32,
}

/// A named entity as the claims stage needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSpan {
    pub range: Range<usize>,
    /// PER, ORG, LOC, MISC.
    pub label: String,
}

/// The index of the first of `entities` (sorted by start) that starts at
/// or after byte `at`.
pub fn first_starting_from(entities: &[NamedSpan], at: usize) -> usize {
    entities.partition_point(|entity| entity.range.start < at)
}

/// A claim, before it becomes a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub claim_type: ClaimType,
    /// The speaker as written ("he", "a Taliban spokesman, Zabihullah Mujahid").
    pub source: Option<Range<usize>>,
    /// The named speaker: a name inside the source, or the person or
    /// organisation a pronoun or a quote without a cue refers back to.
    pub claimant: Option<Range<usize>>,
    pub cue: Option<Range<usize>>,
    pub cue_lemma: Option<String>,
    pub content: Range<usize>,
    /// The content is a quotation (marks excluded from `content`).
    pub direct_quote: bool,
    pub medium: Option<Range<usize>>,
    /// For responsibility claims: the attack claimed ("the attack").
    pub event: Option<Range<usize>>,
    pub hedges: Vec<String>,
    pub confidence: f32,
    /// For a claim carried inside another claim's content ("IS claimed the
    /// attack, according to Reuters"): the cue of the carrying report.
    pub reported_in: Option<Range<usize>>,
    /// For a quotation that goes on after its speaker ("\"...,\" Shahzad
    /// said. \"They gave their lives.\""): where the content of the claim
    /// it continues starts.
    pub continues: Option<usize>,
}
