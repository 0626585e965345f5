//! Casualty mentions and event tolls as the records of `casualties.jsonl`
//! and `tolls.jsonl`: byte ranges of the normalised text become character
//! spans of the document text as read.
//!
//! The pipeline calls [`casualty_records`] once per document; it needs only
//! the document, its normalised text, sentences and entities, so it does
//! not depend on how the pipeline batches its stages.
use std::ops::Range;

use crate::corpus::Document;
use crate::ner::EntityMention;
use crate::output::extractions::{CasualtyRecord, CasualtyScope, Mention, TollFigure, TollRecord};
use crate::output::records::{round_confidence, Extractor, Span, SCHEMA_VERSION};
use crate::text::dates::{publication_date, CalendarDate};
use crate::text::NormalizedText;

use super::context::Scope;
use super::event_date::{dated_mentions, toll_date, DateSource};
use super::headline::TitledText;
use super::mentions::CasualtyMention;
use super::summary::{summarize, BestFigure, EventKey};

/// The extractor name of casualty and toll records.
pub const EXTRACTOR_NAME: &str = "casualty-rules";

/// The rule set's version, bumped whenever a rule changes its output.
pub const RULES_VERSION: &str = "casualty-rules-0.2.81";

fn extractor() -> Extractor {
    Extractor {
        name: EXTRACTOR_NAME.to_owned(),
        version: RULES_VERSION.to_owned(),
    }
}

struct Spans<'a> {
    doc: &'a Document,
    read: &'a TitledText<'a>,
}

impl Spans<'_> {
    fn span(&self, range: &Range<usize>) -> Span {
        self.read.span(range, &self.doc.text)
    }

    fn mention(&self, range: &Option<Range<usize>>) -> Option<Mention> {
        range.as_ref().map(|range| Mention {
            span: self.span(range),
            actor_id: None,
        })
    }
}

fn casualty_id(index: usize) -> String {
    format!("c{}", index + 1)
}

fn casualty_record(
    spans: &Spans<'_>,
    revision: u32,
    index: usize,
    mention: &CasualtyMention,
    date: Option<&CalendarDate>,
) -> CasualtyRecord {
    CasualtyRecord {
        schema_version: SCHEMA_VERSION.to_owned(),
        doc_id: spans.doc.id.clone(),
        revision,
        casualty_id: casualty_id(index),
        kind: mention.kind,
        count: mention.count.clone(),
        count_span: spans.span(&mention.count_span),
        victims: mention.victims.as_ref().map(|range| spans.span(range)),
        perpetrator: spans.mention(&mention.perpetrator),
        place: spans.mention(&mention.place),
        date: mention.date.as_ref().map(|range| spans.span(range)),
        date_resolved: date.map(CalendarDate::to_record),
        hedges: mention.hedges.clone(),
        reported_by: spans.mention(&mention.reported_by),
        evidence: spans.span(&mention.evidence),
        update: mention.update,
        scope: match mention.scope {
            Scope::Event => CasualtyScope::Event,
            Scope::Period => CasualtyScope::Period,
            Scope::Other => CasualtyScope::OtherIncident,
        },
        confidence: round_confidence(mention.confidence),
        extractor: extractor(),
    }
}

fn figure(best: &Option<BestFigure>) -> Option<TollFigure> {
    best.as_ref().map(|best| TollFigure {
        count: best.count.clone(),
        rule: best.rule,
        casualty_ids: best.mentions.iter().map(|&index| casualty_id(index)).collect(),
        other_casualty_ids: best.others.iter().map(|&index| casualty_id(index)).collect(),
    })
}

/// The casualty records (`c1`, `c2`, ...) and toll records (`t1`, ...) of a
/// document, its title read first where the body does not open with it
/// ([`TitledText`]). `sentences` are byte ranges of `normalized`; `entities`
/// may be empty.
pub fn casualty_records(
    doc: &Document,
    revision: u32,
    normalized: &NormalizedText,
    sentences: &[Range<usize>],
    entities: &[EntityMention],
) -> (Vec<CasualtyRecord>, Vec<TollRecord>) {
    let read = TitledText::new(doc.title.as_deref(), normalized, sentences, entities);
    let (text, sentences) = (read.text(), read.sentences());
    let published = doc.date.as_deref().and_then(publication_date);
    let (mentions, dates) = dated_mentions(text, sentences, read.entities(), published);
    let spans = Spans { doc, read: &read };
    let casualties = mentions
        .iter()
        .enumerate()
        .map(|(index, mention)| {
            casualty_record(
                &spans,
                revision,
                index,
                mention,
                dates.get(index).and_then(Option::as_ref),
            )
        })
        .collect();
    let tolls = summarize(&mentions)
        .iter()
        .enumerate()
        .map(|(index, toll)| {
            let main = toll.event == EventKey::Main;
            let dated = toll_date(toll, &dates, text, sentences, published, main);
            (index, toll, dated)
        })
        .map(|(index, toll, dated)| TollRecord {
            schema_version: SCHEMA_VERSION.to_owned(),
            doc_id: doc.id.clone(),
            revision,
            toll_id: format!("t{}", index + 1),
            event: match toll.event {
                EventKey::Main => "main".to_owned(),
                EventKey::Year(year) => year.to_string(),
            },
            date: dated.as_ref().map(|(_, date)| date.to_record()),
            date_span: dated.as_ref().and_then(|(source, _)| match source {
                DateSource::Figure(index) => {
                    mentions.get(*index)?.date.as_ref().map(|range| spans.span(range))
                }
                DateSource::Incident(range) => Some(spans.span(range)),
            }),
            date_from: dated.as_ref().and_then(|(source, _)| match source {
                DateSource::Figure(index) => Some(casualty_id(*index)),
                DateSource::Incident(_) => None,
            }),
            killed: figure(&toll.killed),
            injured: figure(&toll.injured),
            killed_or_injured: figure(&toll.killed_or_injured),
            missing: figure(&toll.missing),
            arrested: figure(&toll.arrested),
            kidnapped: figure(&toll.kidnapped),
            extractor: extractor(),
        })
        .collect();
    (casualties, tolls)
}
