//! Records of the extraction stages: entities, actors, claims, casualty
//! figures and relations.
//!
//! The stages that fill these files land one by one; until a stage exists its
//! file stays empty, never filled with placeholders. Their layout is part of
//! [`super::records::SCHEMA_VERSION`].
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::records::{Extractor, Span};

/// A text span that may be tied to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Mention {
    pub span: Span,
    /// The actor this mention belongs to, when actors are resolved.
    pub actor_id: Option<String>,
}

/// `entities.jsonl`: a named-entity mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EntityRecord {
    pub schema_version: String,
    pub doc_id: String,
    pub revision: u32,
    /// Unique within the document revision: `e1`, `e2`, ...
    pub entity_id: String,
    /// PER, ORG, LOC or MISC (the model's label set).
    pub label: String,
    pub span: Span,
    /// Index into the document's `sentences`.
    pub sentence: usize,
    /// Mean probability of the entity's word labels, 0 to 1.
    pub confidence: f32,
    /// The span the model tagged, when it tagged part of a known name and
    /// the gazetteer widened the entity to the whole name ("Jama'at" of
    /// "Jama'at Nusrat al-Islam wal-Muslimin"); null otherwise.
    pub model_span: Option<Span>,
    pub actor_id: Option<String>,
    pub extractor: Extractor,
}

/// Kinds of actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    Person,
    ArmedGroup,
    Government,
    SecurityAgency,
    PoliticalParty,
    Media,
    Igo,
    Organisation,
    Location,
}

/// Roles an actor plays in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    Perpetrator,
    Victim,
    Claimant,
    Reporter,
    Authority,
}

/// `actors.jsonl`: one actor as it appears in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorRecord {
    pub schema_version: String,
    pub doc_id: String,
    pub revision: u32,
    /// Stable across documents and runs.
    pub actor_id: String,
    pub canonical_name: String,
    pub actor_type: ActorType,
    /// Whether the actor is in the gazetteer (built in or `--aliases`);
    /// otherwise its id is derived from its normalised name.
    pub gazetteer: bool,
    /// The actor this one belongs to, from the gazetteer (an affiliate's group).
    pub part_of: Option<String>,
    /// Surface forms seen in this document.
    pub aliases: Vec<String>,
    pub mentions: Vec<Span>,
    pub roles: Vec<ActorRole>,
    /// Role, title or affiliation given by an apposition ("spokesperson for the AKP").
    pub description: Option<String>,
    pub extractor: Extractor,
}

/// `actors_registry.jsonl`: one actor across every document of the output
/// directory, rebuilt from `actors.jsonl` at the end of each run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorRegistryRecord {
    pub schema_version: String,
    pub actor_id: String,
    /// The gazetteer's name, else the name of the actor's first record.
    pub canonical_name: String,
    pub actor_type: ActorType,
    pub gazetteer: bool,
    pub part_of: Option<String>,
    /// Every surface form seen, sorted.
    pub aliases: Vec<String>,
    /// Mentions over all documents.
    pub mention_count: u64,
    /// Document revisions the actor appears in.
    pub document_count: u64,
    /// The first documents it appeared in, in output order, at most
    /// [`REGISTRY_DOCUMENTS`]; `actors.jsonl` has them all.
    pub documents: Vec<String>,
    /// Roles it played in any document.
    pub roles: Vec<ActorRole>,
}

/// Most document ids listed per actor in `actors_registry.jsonl`.
pub const REGISTRY_DOCUMENTS: usize = 100;

/// Claim types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimType {
    Responsibility,
    Statement,
    Report,
    Denial,
    Confirmation,
    Accusation,
    Warning,
}

/// `claims.jsonl`: who claimed, said, reported or denied what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimRecord {
    pub schema_version: String,
    pub doc_id: String,
    pub revision: u32,
    /// Unique within the document revision: `c1`, `c2`, ...
    pub claim_id: String,
    pub claim_type: ClaimType,
    /// The speaker as written: "U.S. President Joe Biden", "he", "officials".
    pub source: Option<Span>,
    /// The named speaker: the name in `source`, or the person or
    /// organisation a pronoun, or a quotation without a cue, refers back to.
    pub claimant: Option<Mention>,
    /// The speech word: "said", "told", "according to". None for a
    /// quotation that continues the claim before it.
    pub cue: Option<Span>,
    /// Base form of the cue: say, tell, claim, deny, confirm, warn, accuse,
    /// report, write, according to, take credit, or the cue's own verb.
    pub cue_lemma: Option<String>,
    /// What is claimed; for a direct quote, the words between the marks.
    pub content: Span,
    /// True for a direct quote, false for a paraphrase.
    pub direct_quote: bool,
    /// The medium or outlet ("Reuters", "its magazine al-Naba").
    pub medium: Option<Mention>,
    /// For a responsibility claim, the attack it claims ("the attack").
    pub event: Option<Span>,
    /// Hedging words that weaken the claim ("reportedly", "allegedly").
    pub hedges: Vec<String>,
    /// Entities inside the content (`entity_id`s of entities.jsonl).
    pub entity_ids: Vec<String>,
    /// Casualty figures inside the content (`casualty_id`s of casualties.jsonl).
    pub casualty_ids: Vec<String>,
    /// For a claim reported inside another claim ("IS claimed the attack,
    /// according to Reuters"): the `claim_id` of the report that carries it.
    /// Such a claim is read by rules from the report's content, with
    /// confidence at most 0.5.
    #[serde(default)]
    pub reported_in: Option<String>,
    /// For a quotation that goes on after its speaker has been named
    /// ("\"Our men stopped him at the gate,\" Shahzad said. \"They gave
    /// their lives for this city.\""): the `claim_id` of the claim it
    /// continues, whose speaker it has. Such a claim has no cue; read the
    /// two as one claim told in two pieces.
    #[serde(default)]
    pub continues: Option<String>,
    /// Mean probability of the model spans the claim is made of, 0 to 1;
    /// 0.5 for claims made by rules alone.
    pub confidence: f32,
    pub extractor: Extractor,
}

/// Casualty kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyKind {
    Killed,
    Injured,
    /// Killed or injured, not told apart: "five people were shot", "20 casualties".
    KilledOrInjured,
    Missing,
    /// Arrested or detained.
    Arrested,
    /// Kidnapped, abducted or taken hostage.
    Kidnapped,
}

impl CasualtyKind {
    /// The kind's place in the order above (killed first), which sorts and
    /// keys figures.
    pub fn order(self) -> u8 {
        self as u8
    }
}

/// How a count relates to the true number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountQualifier {
    Exact,
    AtLeast,
    MoreThan,
    /// "nearly", "almost", "fewer than": `max` is one below `value`.
    LessThan,
    AtMost,
    Approximately,
    Range,
    Vague,
}

/// A normalised number with bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Count {
    /// The figure as written: the lower end of a range, the lower bound of a
    /// vague quantifier ("dozens" is 24).
    pub value: u64,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub qualifier: CountQualifier,
}

/// `casualties.jsonl`: a casualty figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CasualtyRecord {
    pub schema_version: String,
    pub doc_id: String,
    pub revision: u32,
    pub casualty_id: String,
    pub kind: CasualtyKind,
    pub count: Count,
    /// The number as written.
    pub count_span: Span,
    /// The victim group as written ("civilians", "police officers").
    pub victims: Option<Span>,
    pub perpetrator: Option<Mention>,
    pub place: Option<Mention>,
    /// The date as written ("on Sunday", "Sept. 14").
    pub date: Option<Span>,
    /// That date on the calendar, resolved against the document's
    /// publication date where the text does not write the year (see
    /// [`ResolvedDate`]); null when it cannot be resolved (a weekday in a
    /// document without a date).
    pub date_resolved: Option<ResolvedDate>,
    pub hedges: Vec<String>,
    /// Who reported the figure, when named.
    pub reported_by: Option<Mention>,
    pub evidence: Span,
    /// A toll update: "the death toll rose to 170".
    pub update: bool,
    /// What the figure counts: one incident, a period, or another incident.
    pub scope: CasualtyScope,
    pub confidence: f32,
    pub extractor: Extractor,
}

/// A date on the calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ResolvedDate {
    /// ISO 8601 at the date's precision: `2026-09-14`, `2026-W37`,
    /// `2026-09`, `2026`.
    pub value: String,
    pub precision: DatePrecision,
    pub basis: DateBasis,
}

/// How much of the calendar a date covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    Day,
    /// An ISO week ("last week").
    Week,
    Month,
    Year,
}

/// Where a resolved date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// The text writes the whole date ("January 29, 2014", "in 2004").
    Written,
    /// Counted from the document's publication date ("on Sunday",
    /// "yesterday") or given its year ("Sept. 14").
    DocumentDate,
}

/// What a casualty figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CasualtyScope {
    /// An incident (the article's own or one it recalls).
    Event,
    /// A total over a period: "so far this year", "since 2012".
    Period,
    /// Another incident mentioned in passing: "in a separate shooting".
    OtherIncident,
}

/// How a toll figure was chosen among a document's casualty figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TollRule {
    /// The latest toll update ("the death toll rose to 170").
    Update,
    /// The highest figure stated.
    Highest,
    /// Only zeros were stated ("no one was hurt").
    Zero,
    /// Killed or injured ("five people were shot") minus killed.
    ShotMinusKilled,
    /// The highest or latest figure of the victims, plus a killer who
    /// killed himself ("killed four people before shooting himself").
    VictimsPlusSelfInflicted,
    /// The highest figure of one side of a fight plus the highest of the
    /// other ("killed 15 soldiers", "about 50 assailants were neutralised"; the
    /// injured: "27 police officers ... 15 protesters").
    BothSides,
    /// The figure stated before some of the wounded died, moved by them:
    /// "killing 12 and wounding five" then "two of the wounded had died"
    /// is three injured; "three people were killed and eight others were
    /// shot" then "one of the eight wounded had died" is four killed.
    WoundedDied,
    /// People told as arrested besides those arrested before ("police
    /// arrested two other men"), added to the most counted before them.
    AddedToEarlier,
}

/// The best figure of one kind for one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TollFigure {
    pub count: Count,
    pub rule: TollRule,
    /// The casualty records stating (or, for `shot_minus_killed`, giving) this figure.
    pub casualty_ids: Vec<String>,
    /// The other casualty records of this kind for this event.
    pub other_casualty_ids: Vec<String>,
}

/// `tolls.jsonl`: the best casualty figures of one event in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TollRecord {
    pub schema_version: String,
    pub doc_id: String,
    pub revision: u32,
    /// Unique within the document revision: `t1`, `t2`, ...
    pub toll_id: String,
    /// `main` for the article's own event, else the year the article gives
    /// another event ("Beslan in 2004").
    pub event: String,
    /// When the event happened: the most precise resolved date of its
    /// figures' sentences (first in the text on a tie; arrests only when no
    /// other figure is dated); for the article's own event without a day
    /// there, the first dated sentence naming the incident ("the shooting
    /// happened about 10 p.m. Friday").
    pub date: Option<ResolvedDate>,
    /// That date as written.
    pub date_span: Option<Span>,
    /// The casualty record whose sentence gave the date; null when a
    /// sentence naming the incident did.
    pub date_from: Option<String>,
    pub killed: Option<TollFigure>,
    pub injured: Option<TollFigure>,
    pub killed_or_injured: Option<TollFigure>,
    pub missing: Option<TollFigure>,
    pub arrested: Option<TollFigure>,
    pub kidnapped: Option<TollFigure>,
    pub extractor: Extractor,
}

/// `relations.jsonl`: a relation between two mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RelationRecord {
    pub schema_version: String,
    pub doc_id: String,
    pub revision: u32,
    /// Unique within the document revision: `r1`, `r2`, ...
    pub relation_id: String,
    /// leader_of, employee_of, member_of, part_of, founded_by, alias_of,
    /// based_in, located_in, born_in, origin_from, spouse_of,
    /// affiliated_with, opposed_to, defeated, claimed_responsibility_for,
    /// attacked, arrested (README.md, "Relations", says what each means and
    /// where it comes from).
    pub relation: String,
    /// `head relation tail` reads as a sentence: "Ghafari leader_of ISIS-K".
    pub head: Mention,
    pub tail: Mention,
    /// The `entity_id`s of head and tail in entities.jsonl, when they are entities.
    pub head_entity_id: Option<String>,
    pub tail_entity_id: Option<String>,
    /// False for relations that read the same both ways (alias_of,
    /// spouse_of, opposed_to).
    pub directed: bool,
    /// The sentence stating it (index into the document's `sentences`).
    pub sentence: Option<usize>,
    pub evidence: Span,
    /// The model's probability for the relation, 0 to 1; for relations
    /// from the claims stage, the claim's confidence.
    pub confidence: f32,
    /// The model label it was read from (`kbp37:org:top_members/employees`,
    /// `crossre:opposite`), or the claim it comes from (`claim:c3`).
    pub source_label: String,
    pub extractor: Extractor,
}
