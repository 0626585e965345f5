//! Claims carried inside other claims: "Islamic State claimed responsibility
//! for the attack through its Amaq news agency, according to Reuters" is
//! Reuters' report of a responsibility claim by Islamic State.
//!
//! The attribution model tags one layer of spans, so the inner claim's cue
//! stays untagged inside the outer claim's content (or, in "JNIM said it
//! carried out the attack, the SITE Intelligence Group reported", just
//! before it). Here a lexicon cue in that place becomes a claim of its own
//! when its speaker opens the clause as a plain noun phrase ("IS claimed",
//! "The army said", "Boko Haram has claimed", "The Taliban on Friday
//! denied"), and the inner claim names the report that carries it
//! ([`Claim::reported_in`]).
//!
//! Left alone: participles that continue a speaker ("..., saying"), cues
//! whose speaker follows them ("said the army"), passives ("was said to"),
//! negated or hypothetical cues ("did not claim", "would deny"), and
//! speakers that are clauses ("Three people died after the army said").
use std::ops::Range;

use super::assemble::{build, overlaps, trim_source, word_count, Document};
use super::by_sentence::BySentence;
use super::cues::{find_cues, lemma_of_span};
use super::opening_speaker::{ends_a_sentence, speaker};
use super::spans::Claim;

/// Lemmas whose speaker comes before them and that carry a claim of their own.
const NESTING_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "claim",
    "take credit",
    "deny",
    "confirm",
    "warn",
    "accuse",
    "announce",
    "insist",
    "allege",
    "blame",
    "reject",
    "admit",
    "acknowledge",
    "threaten",
    "vow",
    "condemn",
];

/// Lemmas of claims that can carry another claim: reports and statements,
/// not denials or accusations ("a charge New Delhi rejected" carries
/// nothing).
const CARRIER_LEMMAS: &[&str] = &[
    "say",
    "tell",
    "report",
    "according to",
    "write",
    "add",
    "state",
    "quote",
    "cite",
    "tweet",
    "post",
    "announce",
    "note",
    "explain",
];

fn carries(claim: &Claim) -> bool {
    claim
        .cue_lemma
        .as_deref()
        .is_some_and(|lemma| CARRIER_LEMMAS.contains(&lemma))
}

/// Adds the claims nested in other claims' contents, each naming the cue of
/// the report that carries it.
pub fn add_nested_claims(doc: &Document<'_>, claims: &mut Vec<Claim>) {
    let spans_of = |claim: &Claim| [claim.cue.clone(), claim.source.clone()].into_iter().flatten();
    let claim_spans: Vec<(usize, Range<usize>)> = claims
        .iter()
        .enumerate()
        .flat_map(|(index, claim)| spans_of(claim).map(move |span| (index, span)))
        .collect();
    let by_sentence = BySentence::new(doc, claim_spans.iter().map(|(index, span)| (*index, span)));
    let mut nested: Vec<Claim> = Vec::new();
    for outer in claims.iter() {
        let Some(outer_cue) = outer.cue.clone() else {
            continue;
        };
        if outer.direct_quote || !carries(outer) {
            continue;
        }
        let sentence = doc.sentence(doc.sentence_of(outer_cue.start));
        let report_start = report_start(outer).unwrap_or(outer_cue.start);
        for cue in find_cues(&doc.text[sentence.clone()]) {
            let cue = sentence.start + cue.start..sentence.start + cue.end;
            let lemma = lemma_of_span(&doc.text[cue.clone()]);
            let taken = by_sentence
                .around(doc, &cue)
                .into_iter()
                .map(|index| &claims[index])
                .chain(&nested)
                .any(|claim| spans_of(claim).any(|span| overlaps(&span, &cue)));
            if taken || !NESTING_LEMMAS.contains(&lemma.as_str()) {
                continue;
            }
            let inside = outer.content.start <= cue.start && cue.end <= outer.content.end;
            let before_report = outer.content.end <= report_start && cue.end <= report_start;
            // «We will not give in,» General Tiani said ..., according to
            // state television: a quotation, its speaker and cue inside the report
            if inside {
                if let Some(mut claim) = quote_then_speaker(doc, outer, &cue, &lemma) {
                    claim.reported_in = Some(outer_cue.clone());
                    nested.push(claim);
                    continue;
                }
            }
            let (clause, content_end) = if inside {
                (outer.content.start..cue.start, outer.content.end)
            } else if before_report {
                (sentence.start..cue.start, report_start)
            } else {
                continue;
            };
            let saying = doc.text[cue.clone()].eq_ignore_ascii_case("saying");
            let Some(speaker) = speaker(doc, clause, saying) else {
                continue;
            };
            // "the parties who, he alleged, were keen": an aside, not a claim of its own
            if doc.text[cue.end..].starts_with(',') {
                continue;
            }
            let Some(content) = content_after(doc.text, &lemma, cue.end..content_end) else {
                continue;
            };
            let mut claim = build(
                doc,
                Some(cue),
                Some(speaker),
                content,
                false,
                outer.confidence.min(0.5),
            );
            claim.reported_in = Some(outer_cue.clone());
            nested.push(claim);
        }
    }
    claims.extend(nested);
}

/// A quotation opening the report's content, then its speaker and `cue`:
/// the claim of that speaker, a direct quote.
fn quote_then_speaker(doc: &Document<'_>, outer: &Claim, cue: &Range<usize>, lemma: &str) -> Option<Claim> {
    if !matches!(lemma, "say" | "tell" | "add" | "write") {
        return None;
    }
    let opening = outer.content.start..outer.content.start + 2;
    let quote = doc.quotes_overlapping(opening).iter().find(|quote| {
        quote.outer.start <= outer.content.start + 1
            && quote.outer.end > outer.content.start
            && quote.outer.end <= cue.start
    })?;
    // after the closing mark (and its comma, inside or outside the marks)
    let between = &doc.text[quote.outer.end..cue.start];
    let from = cue.start - between.trim_start_matches([',', ' ']).len();
    let speaker = speaker(doc, from..cue.start, false)?;
    let content = quote.inner.start..doc.text[..quote.inner.end].trim_end_matches([',', ' ']).len();
    if content.is_empty() {
        return None;
    }
    Some(build(
        doc,
        Some(cue.clone()),
        Some(speaker),
        content,
        true,
        outer.confidence.min(0.5),
    ))
}

/// Where a report's own words start: its source or its cue, whichever
/// comes first ("the SITE Intelligence Group said").
fn report_start(claim: &Claim) -> Option<usize> {
    let cue = claim.cue.as_ref()?;
    Some(
        claim
            .source
            .as_ref()
            .map_or(cue.start, |source| source.start.min(cue.start)),
    )
}

/// Links claims the model found whole to the report that carries them, in
/// the two shapes [`add_nested_claims`] reads: the claim opens the report's
/// content ("[The army said 14 were killed], state media reported"), or
/// the claim and the report share a content the report follows at once
/// ("The Houthis warned [that ...], the group's spokesman said") or that
/// both follow, the claim first ("[...], a spokesman told AFP, according
/// to local media").
pub fn link_carried_claims(doc: &Document<'_>, claims: &mut [Claim]) {
    // a carrier shares its claim's sentence: looking only there keeps a
    // document with tens of thousands of claims linear
    let cues = BySentence::new(
        doc,
        claims
            .iter()
            .enumerate()
            .filter_map(|(index, claim)| Some((index, claim.cue.as_ref()?))),
    );
    for index in 0..claims.len() {
        let claim = &claims[index];
        let (Some(cue), None, false) = (claim.cue.clone(), &claim.reported_in, claim.direct_quote) else {
            continue;
        };
        // speech verbs only: the tagger's looser cues ("plans", "is keen") carry no claim to link
        if !claim
            .cue_lemma
            .as_deref()
            .is_some_and(|lemma| NESTING_LEMMAS.contains(&lemma))
        {
            continue;
        }
        let pronoun = claim.source.as_ref().is_some_and(|source| {
            matches!(
                doc.text[source.clone()].to_lowercase().as_str(),
                "he" | "she" | "it" | "they" | "we" | "i" | "who" | "which"
            )
        });
        if pronoun || claim.content.len() < 12 || word_count(&doc.text[claim.content.clone()]) < 3 {
            continue;
        }
        let speaker = |claim: &Claim| {
            claim
                .claimant
                .as_ref()
                .or(claim.source.as_ref())
                .map(|range| doc.text[range.clone()].to_lowercase())
        };
        let opening = claim
            .source
            .as_ref()
            .map_or(cue.start, |source| source.start.min(cue.start));
        let sentence = doc.sentence_of(cue.start);
        let carrier = cues
            .near(sentence, sentence)
            .into_iter()
            .map(|other| (other, &claims[other]))
            .filter(|(other, report)| *other != index && carries(report) && !report.direct_quote)
            .find_map(|(_, report)| {
                let report_cue = report.cue.as_ref()?;
                let start = report_start(report)?;
                // one sentence, even where the splitter missed a boundary ("police said. in mangalore")
                let between = &doc.text[opening.min(start)..cue.end.max(report_cue.end)];
                if doc.sentence_of(report_cue.start) != doc.sentence_of(cue.start) || ends_a_sentence(between)
                {
                    return None;
                }
                let opens_content =
                    content_opening(doc.text, &report.content) == opening && cue.end <= report.content.end;
                let same_content = report.content == claim.content;
                // "X warned [that ...], the spokesman said"
                let shared_before = same_content
                    && cue.end <= report.content.start
                    && report.content.end <= start
                    && doc.text[report.content.end..start]
                        .chars()
                        .all(|c| c.is_whitespace() || ",;".contains(c));
                // "[...], a spokesman told AFP, according to local media"
                let shared_after = same_content && report.content.end <= opening && cue.end <= start;
                let shared = shared_before || shared_after;
                // "said X, adding Y" is one speaker going on, not a report of a claim
                let same_speaker = speaker(report).is_some() && speaker(report) == speaker(claim);
                (!overlaps(report_cue, &cue) && (opens_content || shared) && !same_speaker)
                    .then(|| report_cue.clone())
            });
        if let Some(report_cue) = carrier {
            claims[index].reported_in = Some(report_cue);
        }
    }
}

/// Where a content's own words start, past a leading "that".
fn content_opening(text: &str, content: &Range<usize>) -> usize {
    let written = &text[content.clone()];
    let lower = written.to_lowercase();
    content.start
        + lower
            .strip_prefix("that ")
            .map_or(0, |rest| written.len() - rest.len())
}

/// What an inner cue claims: the words after it up to where the outer
/// content (or the clause before the report) ends. After "told" the
/// addressee is skipped ("told AFP that ..."), and so is a channel ("said
/// in a statement that ..."); without a "that" there is no content.
fn content_after(text: &str, lemma: &str, after: Range<usize>) -> Option<Range<usize>> {
    if after.is_empty() {
        return None;
    }
    let mut range = trim_source(text, after);
    let lower = text[range.clone()].to_lowercase();
    let first_word = lower.split_whitespace().next().unwrap_or_default();
    // "said in a statement that ...", "as saying via his lawyers" (the quotation came before)
    let channel_first =
        ["in", "on", "via", "through", "at", "from", "by", "with", "during"].contains(&first_word);
    if lemma == "tell" || channel_first {
        let that = lower.find(" that ")?;
        range.start += that + " that ".len();
    } else if let Some(rest) = lower.strip_prefix("that ") {
        range.start += lower.len() - rest.len();
    }
    let range = trim_source(text, range);
    let range = range.start..range.start + text[range.clone()].trim_end_matches(['.', ',', ';']).len();
    (word_count(&text[range.clone()]) >= 2).then_some(range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::quotes::find_quotes;
    use crate::claims::spans::{AttributionSpan, NamedSpan, Role};
    use crate::output::extractions::ClaimType;

    fn span(text: &str, piece: &str, role: Role) -> AttributionSpan {
        let start = text.find(piece).unwrap();
        AttributionSpan {
            role,
            range: start..start + piece.len(),
            confidence: 0.9,
        }
    }

    fn entity(text: &str, name: &str, label: &str) -> NamedSpan {
        let start = text.find(name).unwrap();
        NamedSpan {
            range: start..start + name.len(),
            label: label.to_owned(),
        }
    }

    /// The claims of one sentence, as (claimant or source, cue, type, content, carried).
    fn claims_of(
        text: &str,
        entities: &[NamedSpan],
        spans: &[AttributionSpan],
    ) -> Vec<(String, String, ClaimType, String, bool)> {
        let sentences: Vec<Range<usize>> = std::iter::once(0..text.len()).collect();
        let quotes = find_quotes(text);
        let doc = Document {
            text,
            sentences: &sentences,
            entities,
            quotes: &quotes,
        };
        super::super::assemble::assemble(&doc, spans)
            .into_iter()
            .map(|claim| {
                let who = claim
                    .claimant
                    .or(claim.source)
                    .map_or(String::new(), |r| text[r].to_owned());
                let cue = claim.cue.map_or(String::new(), |r| text[r].to_owned());
                (
                    who,
                    cue,
                    claim.claim_type,
                    text[claim.content].to_owned(),
                    claim.reported_in.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn a_responsibility_claim_inside_a_wire_report() {
        let text = "Islamic State claimed responsibility for the attack through its Amaq news agency, according to Reuters.";
        let content = "Islamic State claimed responsibility for the attack through its Amaq news agency";
        let spans = [
            span(text, content, Role::Content),
            span(text, "according to", Role::Cue),
            span(text, "Reuters", Role::Source),
        ];
        let entities = [
            entity(text, "Islamic State", "LOC"),
            entity(text, "Reuters", "ORG"),
        ];
        let got = claims_of(text, &entities, &spans);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, "Islamic State");
        assert_eq!(got[1].1, "claimed");
        assert_eq!(got[1].2, ClaimType::Responsibility);
        assert!(got[1].4);
        assert!(!got[0].4);
    }

    #[test]
    fn a_statement_before_the_report_cue() {
        let text =
            "The militant group JNIM said it carried out the attack, the SITE Intelligence Group reported.";
        let spans = [
            span(text, "it carried out the attack", Role::Content),
            span(text, "reported", Role::Cue),
            span(text, "the SITE Intelligence Group", Role::Source),
        ];
        let entities = [
            entity(text, "JNIM", "ORG"),
            entity(text, "SITE Intelligence Group", "ORG"),
        ];
        let got = claims_of(text, &entities, &spans);
        let inner = got.iter().find(|claim| claim.4).expect("an inner claim");
        assert_eq!(inner.0, "JNIM");
        assert_eq!(inner.3, "it carried out the attack");
    }

    #[test]
    fn speakers_with_auxiliaries_appositions_and_role_nouns() {
        for (text, content, who) in [
            (
                "Boko Haram has claimed responsibility for the kidnapping, according to AFP.",
                "Boko Haram has claimed responsibility for the kidnapping",
                "Boko Haram",
            ),
            (
                "The army said 14 militants were killed, state media reported.",
                "The army said 14 militants were killed",
                "The army",
            ),
            (
                "The Pakistani Taliban, or TTP, took credit for the assault, the BBC reported.",
                "The Pakistani Taliban, or TTP, took credit for the assault",
                "The Pakistani Taliban, or TTP",
            ),
            (
                "In Kabul, police on Friday denied the reports, Tolo News reported.",
                "In Kabul, police on Friday denied the reports",
                "police",
            ),
        ] {
            let report = if text.contains("according to") {
                "according to"
            } else {
                "reported"
            };
            let spans = [span(text, content, Role::Content), span(text, report, Role::Cue)];
            let entities: Vec<NamedSpan> = ["Boko Haram", "TTP", "Pakistani Taliban", "Kabul"]
                .into_iter()
                .filter(|name| text.contains(name))
                .map(|name| entity(text, name, if name == "Kabul" { "LOC" } else { "ORG" }))
                .collect();
            let got = claims_of(text, &entities, &spans);
            let inner = got.iter().find(|claim| claim.4);
            let source = inner.map(|claim| claim.0.as_str());
            assert!(
                source.is_some_and(|source| source.contains(who) || who.contains(source)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn no_inner_claim_from_clauses_passives_or_negations() {
        for (text, content) in [
            (
                "Three people died after the army said the road was safe, the AP reported.",
                "Three people died after the army said the road was safe",
            ),
            (
                "The attack was claimed by no group, the AP reported.",
                "The attack was claimed by no group",
            ),
            (
                "The Taliban did not claim the attack, the AP reported.",
                "The Taliban did not claim the attack",
            ),
            (
                "The man is said to have fled abroad, the AP reported.",
                "The man is said to have fled abroad",
            ),
            (
                "Nine suspects were arrested overnight, the AP reported.",
                "Nine suspects were arrested overnight",
            ),
        ] {
            let spans = [
                span(text, content, Role::Content),
                span(text, "reported", Role::Cue),
            ];
            let entities = [entity(text, "AP", "ORG")];
            let got = claims_of(text, &entities, &spans);
            assert!(got.iter().all(|claim| !claim.4), "{text}: {got:?}");
        }
    }

    #[test]
    fn told_skips_the_addressee() {
        let text = "A spokesman told AFP that the group had no role, local media reported.";
        let spans = [
            span(
                text,
                "A spokesman told AFP that the group had no role",
                Role::Content,
            ),
            span(text, "reported", Role::Cue),
            span(text, "local media", Role::Source),
        ];
        let entities = [entity(text, "AFP", "ORG")];
        let got = claims_of(text, &entities, &spans);
        let inner = got.iter().find(|claim| claim.4).expect("an inner claim");
        assert_eq!(inner.0, "A spokesman");
        assert_eq!(inner.3, "the group had no role");
    }
}
