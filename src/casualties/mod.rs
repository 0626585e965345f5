//! Casualty figures: who was killed, injured, shot, missing, arrested or
//! kidnapped, and how many.
//!
//! A rule-based stage over the normalised text, sentence by sentence. It
//! needs no model: named entities, when the NER stage ran, name the
//! perpetrator, place and source; without them capitalised phrases stand
//! in. Every range is a byte range of the normalised text.
//!
//! - [`tokens`]: cuts a sentence into words, numbers and punctuation;
//! - [`numbers`]: the number grammar ("at least 13", "two dozen", "10-15",
//!   "dozens", "both") into a [`Count`](crate::output::extractions::Count);
//! - [`lexicon`]: casualty words by kind and nouns of people;
//! - [`exclusions`]: numbers that are never casualties (years, ages, money,
//!   times, phone numbers, addresses, units);
//! - [`context`]: source, place, dates, hedges and scope of a sentence;
//! - [`sentence_dates`]: a sentence's date expressions, and the one that
//!   dates each figure;
//! - [`headline`]: the document's title read before its body;
//! - [`mentions`]: pairs cues with counts: [`extract`];
//! - [`summary`]: the best figure per kind and event: [`summarize`];
//! - [`event_date`]: the mentions' dates on the calendar, the date of each
//!   event, and earlier incidents told by their day set apart;
//! - [`records`]: mentions and tolls as output records;
//! - [`eval`]: document-level scores on GVA-style labelled articles.
pub mod context;
pub mod eval;
pub mod event_date;
pub mod exclusions;
pub mod headline;
pub mod lexicon;
pub mod mentions;
pub mod numbers;
pub mod records;
pub mod sentence_dates;
pub mod summary;
pub mod tokens;

pub use context::Scope;
pub use mentions::{extract, extract_with, Basis, CasualtyMention, DocumentContext};
pub use records::{casualty_records, EXTRACTOR_NAME, RULES_VERSION};
pub use summary::{summarize, BestFigure, EventKey, TollSummary};
