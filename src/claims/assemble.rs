//! From source, cue and content spans to claims.
//!
//! Every cue anchors a claim. Its content is the nearest content span in
//! its sentence or, for quotations, a neighbouring one; its source is the
//! nearest source span of its sentence outside that content (nested
//! attributions keep their own source). Then the rules the model cannot
//! learn from PolNeAR:
//! - quote boundaries: a content span inside a quotation becomes the whole
//!   quotation (marks excluded), and the claim a direct quote;
//! - a quotation with no cue near it continues the claim before it when
//!   that claim is at most one sentence away: the speaker named in the
//!   previous sentence ("Mujahid said ... \n "We will ...");
//! - a quotation that no content span covers becomes a claim when a cue of
//!   the lexicon is in its sentence;
//! - a quotation signed with a dash and a name is that name's
//!   ([`super::signed_quotes`]);
//! - claim type, medium, hedges and the claimed event ([`super::typing`],
//!   [`super::medium`]);
//! - claims carried inside a report's content ("IS claimed the attack,
//!   according to Reuters": [`super::nested`]).
use std::ops::Range;

use crate::output::extractions::ClaimType;
use crate::text::dateline::dateline_len;
use crate::text::hedges::hedges_in;

use super::by_sentence::BySentence;
use super::claimant_kinds::{is_militant, is_state_force, names_a_person, names_people};
use super::cues::{find_cues, lemma_of_span};
use super::medium::{find_medium, is_outlet_source, opens_with_words};
use super::nested::{add_nested_claims, link_carried_claims};
use super::opening_speaker::opening_speaker;
use super::quotes::Quote;
use super::signed_quotes::add_signed_quotes;
use super::spans::{first_starting_from, AttributionSpan, Claim, NamedSpan, Role};
use super::speakers::{claimant, is_person_phrase, names_a_group, referent_label};
use super::typing::{
    claim_type, claimed_event, content_type, owns_violent_act, quoted_attack, relative_claimed_event,
};

/// What assembly needs of a document.
pub struct Document<'a> {
    /// The normalised text.
    pub text: &'a str,
    /// Sentences as byte ranges, in order.
    pub sentences: &'a [Range<usize>],
    /// Named entities sorted by start, none overlapping another (as the
    /// NER stage gives them): the look-ups below rely on it.
    pub entities: &'a [NamedSpan],
    /// Quotations in order, not overlapping ([`super::quotes::find_quotes`]).
    pub quotes: &'a [Quote],
}

impl Document<'_> {
    pub(super) fn sentence_of(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|sentence| sentence.end <= byte)
            .min(self.sentences.len().saturating_sub(1))
    }

    pub(super) fn sentence(&self, index: usize) -> Range<usize> {
        self.sentences.get(index).cloned().unwrap_or(0..self.text.len())
    }

    /// The organisations that start in `range`.
    fn organisations_in(&self, range: Range<usize>) -> Vec<Range<usize>> {
        self.entities_starting_in(range)
            .iter()
            .filter(|entity| entity.label == "ORG")
            .map(|entity| entity.range.clone())
            .collect()
    }

    /// The entities that start in `range`, in order: a binary search, not a
    /// scan, since rules ask this once per claim of documents that can have
    /// tens of thousands of both.
    pub(super) fn entities_starting_in(&self, range: Range<usize>) -> &[NamedSpan] {
        let first = first_starting_from(self.entities, range.start);
        let end = first_starting_from(self.entities, range.end);
        &self.entities[first..end.max(first)]
    }

    /// The quotations that share a byte with `range`, in order (quotations
    /// do not overlap, so their ends are sorted like their starts).
    pub(super) fn quotes_overlapping(&self, range: Range<usize>) -> &[Quote] {
        let first = self
            .quotes
            .partition_point(|quote| quote.outer.end <= range.start);
        let end = self.quotes.partition_point(|quote| quote.outer.start < range.end);
        &self.quotes[first..end.max(first)]
    }

    /// The entities that share a byte with `range`, in order (entities do
    /// not overlap, so their ends are sorted too).
    pub(super) fn entities_overlapping(&self, range: Range<usize>) -> &[NamedSpan] {
        let first = self
            .entities
            .partition_point(|entity| entity.range.end <= range.start);
        let end = self
            .entities
            .partition_point(|entity| entity.range.start < range.end);
        &self.entities[first..end.max(first)]
    }
}

/// The claims of a document from its attribution spans, in text order.
pub fn assemble(doc: &Document<'_>, spans: &[AttributionSpan]) -> Vec<Claim> {
    let of_role =
        |role: Role| -> Vec<&AttributionSpan> { spans.iter().filter(|span| span.role == role).collect() };
    let (sources, mut contents) = (of_role(Role::Source), of_role(Role::Content));
    // "who asked not to be named": a request for anonymity is no one's
    // claim, and a cue near it has its content elsewhere ("..., told
    // Reuters the hospital had received dozens of bodies")
    contents.retain(|span| {
        !opens_with_any(&doc.text[span.range.clone()], UNNAMED)
            && !gives_anonymity_reason(doc, &span.range)
            && !asked_anonymity(doc.text, &span.range)
    });
    let cues = merge_cues(doc.text, &of_role(Role::Cue));
    let (contents, sources) = (SpansNear::new(doc, contents), SpansNear::new(doc, sources));
    let mut claims: Vec<Claim> = Vec::new();
    for cue in &cues {
        if requests_anonymity(doc.text, &cue.range) {
            continue;
        }
        let sentence = doc.sentence_of(cue.range.start);
        let Some(content) = nearest_content(doc, &cue.range, sentence, &contents) else {
            continue;
        };
        let (content_range, direct) = snap_to_quote(doc, content.range.clone());
        let content_range = if direct {
            content_range
        } else {
            within_paragraph(doc.text, content_range, &cue.range)
        };
        let (cue_range, content_range) =
            quoted_as_saying(doc, &cue.range, &content_range).unwrap_or((cue.range.clone(), content_range));
        let cue = &AttributionSpan {
            range: cue_range,
            ..cue.clone()
        };
        let opens_sentence = matches!(
            doc.text[doc.sentence(sentence).start..cue.range.start]
                .trim()
                .to_lowercase()
                .as_str(),
            "" | "but" | "and" | "when" | "also" | "then" | "yet"
        );
        let source = nearest(doc, &cue.range, sentence, &sources, |span| {
            let inside_content =
                content_range.start <= span.range.start && span.range.end <= content_range.end;
            // a name past the claim's content speaks for another claim, unless
            // the cue opens the sentence ("Asked whether ..., he said")
            let past_content = cue.range.end <= content_range.start && content_range.end <= span.range.start;
            let speaks = !inside_content && !names_the_content(&doc.text[span.range.clone()]);
            speaks && (opens_sentence || !past_content)
        });
        // no source span: the speaker opening the clause ("Pakistan's military
        // accused"), else the name right before the cue ("ISKP claimed")
        let fallback = source
            .is_none()
            .then(|| {
                let here = doc.sentence(sentence);
                // "..., a charge New Delhi rejected": the clause starts after the content
                let clause_start = if content_range.end <= cue.range.start {
                    content_range.end.max(here.start)
                } else {
                    here.start
                };
                opening_speaker(doc, clause_start..cue.range.start)
                    .or_else(|| subject_before_relative(doc, clause_start..cue.range.start))
                    .or_else(|| entity_before_cue(doc, &cue.range, sentence, &content_range))
            })
            .flatten();
        let confidence = mean(
            [
                Some(cue.confidence),
                Some(content.confidence),
                source.map(|span| span.confidence),
            ]
            .into_iter()
            .flatten(),
        );
        let source = source
            .map(|span| complete_source(doc, trim_source(doc.text, span.range.clone())))
            .map(|source| antecedent_of_relative(doc, past_quotes(doc, source)))
            .or(fallback);
        // "denied the reports, calling them \"baseless rumours\"": the
        // words the claim before chose for what it rejects, of its type
        let characterises = characterises_previous_claim(doc, &cue.range, claims.last());
        let shared = speaker_of_participle(doc, &cue.range, source.clone(), claims.last());
        let mut claim = build(
            doc,
            Some(cue.range.clone()),
            shared.clone().or(source),
            content_range,
            direct,
            confidence,
        );
        // "took credit for the raid ..., claiming its fighters had freed
        // dozens": what the group's own side did, told as part of its claim
        let of_its_own = ["its ", "their "]
            .iter()
            .any(|opening| doc.text[claim.content.clone()].trim_start().starts_with(opening));
        if shared.is_some()
            && of_its_own
            && claim.claim_type == ClaimType::Statement
            && claims
                .last()
                .is_some_and(|previous| previous.claim_type == ClaimType::Responsibility)
        {
            claim.claim_type = ClaimType::Responsibility;
        }
        if let Some(previous) = claims.last().filter(|_| characterises) {
            if matches!(previous.claim_type, ClaimType::Denial | ClaimType::Accusation) {
                claim.claim_type = previous.claim_type;
            }
        }
        claims.push(claim);
    }
    // "..., the BBC reported, citing a police spokesman": what is cited is the report's source
    claims.retain(|claim| {
        claim.cue_lemma.as_deref() != Some("cite") || word_count(&doc.text[claim.content.clone()]) >= 5
    });
    skip_citations(doc, &mut claims);
    skip_appositions(doc, &mut claims);
    add_uncovered_quotes(doc, &mut claims);
    add_signed_quotes(doc, &mut claims);
    add_untagged_responsibility_claims(doc, &mut claims);
    extend_bare_responsibility(doc, &mut claims);
    add_nested_claims(doc, &mut claims);
    // nested claims too ("No group claimed responsibility ..., according to Rudaw")
    claims.retain(|claim| !is_no_claim(doc.text, claim));
    link_carried_claims(doc, &mut claims);
    claims.sort_by_key(|claim| (claim.content.start, claim.cue.as_ref().map(|cue| cue.start)));
    claims.dedup_by(|later, earlier| later.content == earlier.content && later.cue == earlier.cue);
    refer_back_to_claimants(doc, &mut claims);
    merge_restated_claims(doc, &mut claims);
    claims
}

/// "calling them ...", "describing the victims as ..." after a comma, with a
/// claim earlier in the sentence (the blind sets' writers code these as no
/// claim of their own, but a quotation in them needs its speaker: "the TTP
/// denied any involvement ..., calling the arrests \"propaganda\"").
fn characterises_previous_claim(doc: &Document<'_>, cue: &Range<usize>, previous: Option<&Claim>) -> bool {
    claim_before_participle(doc, cue, &["calling", "describing"], previous).is_some()
}

/// The claim before a cue that is one of `participles` right after a comma
/// ("..., saying"), when that claim's cue comes earlier in the same sentence.
fn claim_before_participle<'c>(
    doc: &Document<'_>,
    cue: &Range<usize>,
    participles: &[&str],
    previous: Option<&'c Claim>,
) -> Option<&'c Claim> {
    let written = doc.text[cue.clone()].to_lowercase();
    if !participles.contains(&written.as_str()) || !doc.text[..cue.start].trim_end().ends_with(',') {
        return None;
    }
    previous.filter(|claim| {
        claim.cue.as_ref().is_some_and(|previous_cue| {
            previous_cue.end <= cue.start && doc.sentence_of(previous_cue.start) == doc.sentence_of(cue.start)
        })
    })
}

/// "The Front claimed responsibility ... in a statement carried by its
/// al-Bayyina news agency, saying its fighters had killed ...": a participle
/// after a comma says more of the claim before it in the sentence, so it
/// has that claim's speaker, not a name between the two cues (the medium,
/// an object). A speaker before the earlier cue is kept ("..., prosecutors
/// said, adding that ...").
fn speaker_of_participle(
    doc: &Document<'_>,
    cue: &Range<usize>,
    source: Option<Range<usize>>,
    previous: Option<&Claim>,
) -> Option<Range<usize>> {
    const PARTICIPLES: &[&str] = &[
        "saying",
        "claiming",
        "adding",
        "insisting",
        "warning",
        "vowing",
        "calling",
        "describing",
    ];
    let previous = claim_before_participle(doc, cue, PARTICIPLES, previous)?;
    let previous_cue = previous.cue.as_ref()?;
    // the name between is the earlier claim's medium or next to it ("its
    // online magazine, al-Sirat, claiming"), or a possessive phrase ("its
    // al-Bayyina news agency"); another person named there ("it was left to
    // former prime minister Chandra Shekhar to admonish them, saying") speaks
    let medium_or_its = |source: &Range<usize>| {
        let written = doc.text[source.clone()].trim_start().to_lowercase();
        let possessive = ["its ", "their "].iter().any(|word| written.starts_with(word));
        let by_medium = previous
            .medium
            .as_ref()
            .is_some_and(|medium| source.start <= medium.end + 2 && medium.start <= source.end);
        possessive || by_medium
    };
    let between = source.as_ref().is_none_or(|source| {
        previous_cue.end <= source.start && source.end <= cue.start && medium_or_its(source)
    });
    between.then(|| previous.source.clone()).flatten()
}

/// "JNIM took credit for the ambush, the group said in a statement": the
/// outer "said" restates the responsibility claim it frames (the same
/// content, or a content holding the claim's cue; the same claimant; the
/// same sentence), so it is no second claim; its medium and hedges go to
/// the responsibility claim. "..., the SITE Intelligence Group said" has
/// another claimant and stays a report.
fn merge_restated_claims(doc: &Document<'_>, claims: &mut Vec<Claim>) {
    let mut restating = vec![false; claims.len()];
    for index in 0..claims.len() {
        if claims[index].claim_type != ClaimType::Responsibility {
            continue;
        }
        let Some(cue) = claims[index].cue.clone() else {
            continue;
        };
        let restated = (0..claims.len()).find(|&other| {
            let claim = &claims[other];
            other != index
                && !restating[other]
                && claim.claim_type == ClaimType::Statement
                && (claim.content == claims[index].content
                    || (claim.content.start <= cue.start && cue.end <= claim.content.end))
                && claim.claimant.is_some()
                // its own speaker: "X claimed ..., saying that ..." is X's second claim
                && claim.source.is_some()
                && claim.source != claims[index].source
                && (claim.claimant == claims[index].claimant || group_noun_for(doc.text, claim, &claims[index]))
                && claim
                    .cue
                    .as_ref()
                    .is_some_and(|outer| doc.sentence_of(outer.start) == doc.sentence_of(cue.start))
        });
        if let Some(other) = restated {
            restating[other] = true;
            let (medium, hedges) = (claims[other].medium.clone(), claims[other].hedges.clone());
            let claim = &mut claims[index];
            claim.medium = claim.medium.clone().or(medium);
            for hedge in hedges {
                if !claim.hedges.contains(&hedge) {
                    claim.hedges.push(hedge);
                }
            }
        }
    }
    let mut flags = restating.into_iter();
    claims.retain(|_| !flags.next().unwrap_or(false));

    // "Islamic State claimed responsibility for the bombing, the group said":
    // the outer speaker is a role noun ("the group") for the claimant named
    // inside its content
    fn group_noun_for(text: &str, outer: &Claim, inner: &Claim) -> bool {
        let role_noun = outer
            .source
            .as_ref()
            .is_some_and(|source| outer.claimant == outer.source && names_a_group(&text[source.clone()]));
        let named_inside = inner
            .source
            .as_ref()
            .is_some_and(|source| outer.content.start <= source.start && source.end <= outer.content.end);
        role_noun && named_inside
    }
}

/// What follows "asked" or "requested" in a request for anonymity.
const ANONYMITY_REQUESTS: &[&str] = &[
    "not to be",
    "that his name",
    "that her name",
    "that their names",
    "that his full name",
    "that her full name",
    "that their full names",
    "for anonymity",
    "anonymity",
];

/// How a content span that only asks for anonymity opens, whatever cue the
/// tagger pairs it with ("a resident told AFP, asking not to be named").
const UNNAMED: &[&str] = &[
    "not to be named",
    "not to be identified",
    // "who asked not to be named for fear of reprisals", the tagger's span
    // after "not"
    "to be named for fear",
    "to be identified for fear",
    // the tagger's span from the relative pronoun on
    "who asked not to be",
    "who requested anonymity",
    "who spoke on condition of anonymity",
];

/// "speaking on condition of anonymity because they feared reprisals",
/// "who asked not to be named for fear of reprisals": why a source is
/// unnamed, which the tagger may take for what it said ("..., told Reuters
/// that gang members had infiltrated ...").
fn gives_anonymity_reason(doc: &Document<'_>, content: &Range<usize>) -> bool {
    let sentence = doc.sentence(doc.sentence_of(content.start));
    // the clause before the content, at most 300 bytes of it (a long
    // sentence read for each content span would be quadratic)
    let from = doc.text.ceil_char_boundary(
        sentence
            .start
            .max(content.start.saturating_sub(300))
            .min(content.start),
    );
    let Some(before) = doc.text.get(from..content.start) else {
        return false;
    };
    let before = before.to_lowercase();
    let clause = before.rsplit(", ").next().unwrap_or(&before);
    // the reason before the content, or opening it ("speaking on condition
    // of anonymity because he was not authorised to brief the media")
    let opening = doc.text[content.clone()].trim_start().to_lowercase();
    let reason = clause.trim_end().ends_with("because")
        || clause.trim_end().ends_with("for fear of")
        || opening.starts_with("because ")
        || opening.starts_with("for fear ");
    let unnamed = [
        "anonymity",
        "not to be named",
        "not to be identified",
        "not be named",
        "not be identified",
    ]
    .iter()
    .any(|phrase| clause.contains(phrase));
    reason && unnamed
}

/// Whether `text`, lowercased and without leading spaces, opens with one of
/// `openings`.
fn opens_with_any(text: &str, openings: &[&str]) -> bool {
    let text = text.trim_start().to_lowercase();
    openings.iter().any(|opening| text.starts_with(opening))
}

/// "asking not to be named", "who requested anonymity": the cue of a
/// request for anonymity, which anchors no claim.
fn requests_anonymity(text: &str, cue: &Range<usize>) -> bool {
    let written = text[cue.clone()].to_lowercase();
    let asks = ["ask", "request"].iter().any(|verb| written.starts_with(verb));
    asks && opens_with_any(&text[cue.end..], ANONYMITY_REQUESTS)
}

/// "who asked that his full name not be used": a content span that is the
/// object of a request for anonymity.
fn asked_anonymity(text: &str, content: &Range<usize>) -> bool {
    // the few bytes before it: a whole prefix per span would be quadratic
    let from = text.ceil_char_boundary(content.start.saturating_sub(16));
    let before = text[from..content.start].trim_end().to_lowercase();
    ["asked", "requested", "asking", "requesting"]
        .iter()
        .any(|verb| before.ends_with(verb))
        && opens_with_any(&text[content.clone()], ANONYMITY_REQUESTS)
}

/// Claims that are none: an absent claimant ("No group has claimed
/// responsibility"), a content of one function word, a negated cue ("the junta did not respond to", "Kyiv
/// did not officially comment"), a source's request for anonymity ("who
/// asked not to be named") and a refusal ("declined to comment").
fn is_no_claim(text: &str, claim: &Claim) -> bool {
    let absent = claim.source.as_ref().is_some_and(|source| {
        let source = text[source.clone()].to_lowercase();
        source.starts_with("no ") || source == "nobody" || source == "no one"
    });
    let Some(cue) = claim.cue.as_ref() else {
        return absent;
    };
    let written = text[cue.clone()].to_lowercase();
    let negation = |word: &str| matches!(word, "not" | "never") || word.ends_with("n't");
    // the cue's own words and the two before it ("did not officially comment")
    // (words of the same clause only: "centers that were never built,
    // according to regulators" is a claim)
    let mut negated_before = false;
    for word in text[..cue.start].split_whitespace().rev().take(2) {
        if word.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
        negated_before |= negation(&word.to_lowercase());
    }
    // "pleaded not guilty" denies; "never missed a chance to say" says
    let affirms =
        written.contains("not guilty") || written.contains("never miss") || written.contains("never fail");
    let negated = !affirms && (written.split_whitespace().any(negation) || negated_before);
    let content = text[claim.content.clone()].trim_start().to_lowercase();
    let unnamed = opens_with_any(&content, UNNAMED);
    // "The group is said to be regrouping": hearsay without a speaker
    // ("said: \"To be clear, ...\"" is a quotation)
    let right_after_cue = text
        .get(cue.end..claim.content.start)
        .is_some_and(|between| between.trim().is_empty());
    let hearsay = ["is said", "are said", "was said", "were said"].contains(&written.as_str())
        || (written == "said"
            && !claim.direct_quote
            && right_after_cue
            && (content.starts_with("to be ") || content.starts_with("to have ")));
    // "The strike is expected to last until February", "Congress is
    // expected to debate the motion": a forecast without a forecaster
    let forecast = written
        .trim_start_matches("is ")
        .trim_start_matches("are ")
        .trim_start_matches("was ")
        .trim_start_matches("were ")
        .trim_start_matches("widely ")
        == "expected"
        && written != "expected"
        && content.starts_with("to ");
    let anonymity = unnamed
        || hearsay
        || forecast
        || matches!(claim.cue_lemma.as_deref(), Some("ask" | "request"))
            && opens_with_any(&content, ANONYMITY_REQUESTS);
    // "declined to comment on the scale of the damage", "refused to say
    // who was behind it": a refusal says nothing
    let refusal = matches!(
        written.split_whitespace().next(),
        Some("declined" | "declines" | "decline" | "refused" | "refuses" | "refuse")
    ) && [
        "to comment",
        "to say",
        "to elaborate",
        "to discuss",
        "to give",
        "to provide",
        "to confirm",
        "to disclose",
        "to reveal",
        "to identify",
        "to speak",
    ]
    .iter()
    .any(|opening| content.starts_with(opening));
    // "the commander said — a vow repeated ...": a content cut to one
    // function word holds nothing said
    let no_content = matches!(
        content.trim_matches(|c: char| !c.is_alphanumeric()),
        "" | "a" | "an" | "the" | "and" | "but"
    );
    absent
        || negated
        || anonymity
        || refusal
        || no_content
        || says_nothing(&written, &content)
        || shows_pictures(&written, &content)
        || is_question(text, cue, &written)
}

/// "Le Parisien reported, citing police sources, that the man was known to
/// intelligence services": the report's content is the "that" clause, not
/// the cited sources, and "citing" is no second claim of its own.
fn skip_citations(doc: &Document<'_>, claims: &mut Vec<Claim>) {
    let mut citing_cues = Vec::new();
    for claim in claims.iter_mut() {
        let Some(cue) = claim.cue.clone() else {
            continue;
        };
        let Some(between) = doc.text.get(cue.end..claim.content.start) else {
            continue;
        };
        let between = between.trim().trim_start_matches(',').trim_start();
        if !(between == "citing" || between.ends_with(", citing")) {
            continue;
        }
        let sentence = doc.sentence(doc.sentence_of(claim.content.start));
        let Some(rest) = doc.text.get(claim.content.start..sentence.end) else {
            continue;
        };
        let Some(that) = rest.find(", that ") else {
            continue;
        };
        // "that" stays, as in the model's contents ("reported that he had been released")
        let start = claim.content.start + that + ", ".len();
        let end = claim.content.start + rest.trim_end().trim_end_matches(['.', '"']).len();
        if start < end {
            citing_cues.push(claim.content.start);
            claim.content = start..end;
        }
    }
    // the "citing" claim whose content began where the report's did
    claims.retain(|claim| {
        claim.cue_lemma.as_deref() != Some("cite")
            || !claim.cue.as_ref().is_some_and(|cue| {
                citing_cues
                    .iter()
                    .any(|&start| start > cue.end && start - cue.end <= 2)
            })
    });
}

/// "A person close to the investigation was quoted as saying the money
/// ...": the model's cue "was quoted" and content "as saying" are the
/// passive of "said"; the cue takes "as saying" and the content is the
/// clause after it.
fn quoted_as_saying(
    doc: &Document<'_>,
    cue: &Range<usize>,
    content: &Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    // the model's cue may stop at "was quoted" or at "was quoted as"
    let phrase = "quoted as saying";
    let written = doc
        .text
        .get(cue.start..(cue.end + phrase.len()).min(doc.text.len()))?;
    let lower = written.to_lowercase();
    // (lowercasing that changes byte lengths would shift the offsets)
    if lower.len() != written.len() {
        return None;
    }
    let at = lower.find("quoted")?;
    let passive = ["was ", "were ", "is ", "are ", "been "]
        .iter()
        .any(|be| lower[..at].ends_with(be));
    let rest = &lower[at..];
    let words: Vec<&str> = rest.split_whitespace().take(3).collect();
    if !passive || words != ["quoted", "as", "saying"] {
        return None;
    }
    let saying = rest.find("saying")? + "saying".len();
    let cue_end = cue.start + at + saying;
    // a cue already through "saying" keeps the model's content
    if cue_end <= cue.end {
        return None;
    }
    let after = &doc.text[cue_end..];
    let mut start = cue_end + (after.len() - after.trim_start().len());
    if doc.text[start..].starts_with("that ") {
        start += "that ".len();
    }
    let end = clause_end(doc, start).max(content.end);
    (end > start).then_some((cue.start..cue_end, start..end))
}

/// Where a content that starts at `start` ends: at the sentence's end, or
/// before a second cue joined to the first (", saying", ", adding").
fn clause_end(doc: &Document<'_>, start: usize) -> usize {
    let sentence = doc.sentence(doc.sentence_of(start));
    let rest = doc.text.get(start..sentence.end.max(start)).unwrap_or("");
    let stop = [", saying", ", adding", ", citing", ", according to"]
        .iter()
        .filter_map(|marker| rest.find(marker))
        .min()
        .unwrap_or(rest.len());
    start
        + rest[..stop]
            .trim_end()
            .trim_end_matches(['.', '"', '\u{201d}'])
            .len()
}

/// A content the model took from its source's apposition: "According to
/// the Joint Maritime Information Center, a U.S.-led naval partnership, the
/// Houthis have attacked more than 60 ships" is content from "the Houthis".
fn skip_appositions(doc: &Document<'_>, claims: &mut [Claim]) {
    for claim in claims.iter_mut() {
        if claim.direct_quote {
            continue;
        }
        let written = doc.text.get(claim.content.clone()).unwrap_or("").trim_end();
        let after = doc.text.get(claim.content.end..).unwrap_or("");
        let comma_after = written.ends_with(',') || after.starts_with(',');
        // the apposition follows its source: "According to X, a ..., the ..."
        let after_source = claim
            .cue
            .as_ref()
            .is_some_and(|cue| cue.end <= claim.content.start);
        let apposition = claim.cue_lemma.as_deref() == Some("according to")
            && after_source
            && comma_after
            && ["a ", "an "].iter().any(|article| written.starts_with(article));
        if apposition {
            let comma = claim.content.start
                + written.len()
                + after
                    .find(',')
                    .filter(|_| !written.ends_with(','))
                    .map_or(0, |at| at + 1);
            let start = comma + doc.text[comma..].len() - doc.text[comma..].trim_start().len();
            let end = clause_end(doc, start);
            if start < end {
                claim.content = start..end;
            }
        }
    }
}

/// Cue spans that assert nothing: an auxiliary alone ("has"), a topic put to
/// a speaker ("asked about the strike"), a name ("known as"), a referral
/// ("referring questions to the Pentagon"), a signature ("signed the
/// initials").
fn says_nothing(written: &str, content: &str) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let auxiliaries_only = !words.is_empty()
        && words.iter().all(|word| {
            matches!(
                *word,
                "has" | "have" | "had" | "is" | "are" | "was" | "were" | "be"
            )
        });
    let first_two = (words.first().copied(), words.get(1).copied());
    auxiliaries_only
        || matches!(
            first_two,
            (Some("asked" | "asking"), Some("about"))
                | (Some("known"), _)
                | (Some("signed"), _)
        )
        // "A group calling itself the Free Army": a name; "purporting to
        // show the bodies": pictures; "declined to name the suspect": a refusal
        || (matches!(first_two.0, Some("calling" | "calls" | "called"))
            && ["itself", "themselves", "himself", "herself"]
                .iter()
                .any(|name| content.starts_with(name) || written.ends_with(name)))
        || matches!(first_two.0, Some("purporting" | "purported"))
        || (matches!(first_two.0, Some("declined" | "refused")) && !content.starts_with("to comment"))
        // "referred to her as 'the devil'" characterises; questions are passed on
        || (written.starts_with("referr")
            && ["questions", "inquiries", "queries", "all questions", "requests"]
                .iter()
                .any(|opening| content.starts_with(opening)))
}

/// Words naming pictures rather than statements.
const PICTURES: &[&str] = &[
    "photographs",
    "photograph",
    "photos",
    "photo",
    "pictures",
    "picture",
    "images",
    "image",
    "footage",
    "video",
    "videos",
];

/// "The group posted photographs of the captured soldiers", "aired footage
/// of the attack", "released a video showing the strike": pictures carry
/// no proposition to attribute ("released a video saying ..." does).
fn shows_pictures(cue: &str, content: &str) -> bool {
    let publishes = matches!(
        cue.split_whitespace().next(),
        Some(
            "posted"
                | "posts"
                | "aired"
                | "airs"
                | "showed"
                | "shows"
                | "released"
                | "releases"
                | "shared"
                | "shares"
                | "published"
                | "publishes"
        )
    );
    let pictured = |words: &str| {
        words
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| PICTURES.contains(&word))
    };
    let content_head = content
        .split_whitespace()
        .find(|word| !matches!(*word, "a" | "an" | "the" | "new" | "several" | "some" | "graphic"))
        .unwrap_or_default();
    let speaks = ["saying", "claiming", "in which", "that"]
        .iter()
        .any(|word| cue.contains(word) || content.starts_with(word));
    publishes && !speaks && (PICTURES.contains(&content_head) || pictured(cue))
}

/// "Asked about the strike, the minister said ...": the question opening
/// a sentence is the reporter's, not a claim ("'Who was it?' asked the
/// prosecutor" is the prosecutor's).
fn is_question(text: &str, cue: &Range<usize>, written: &str) -> bool {
    let before = text[..cue.start].trim_end();
    written.split_whitespace().next() == Some("asked") && (before.is_empty() || before.ends_with(['.', '\n']))
}

/// A source span that swallowed the quotation before its speaker
/// ("'The train stopped,' a passenger told ..., 'and then ...'") starts
/// after it.
fn past_quotes(doc: &Document<'_>, source: Range<usize>) -> Range<usize> {
    let mut start = source.start;
    for quote in doc.quotes_overlapping(source.clone()) {
        if quote.outer.start >= start && quote.outer.end < source.end {
            start = quote.outer.end;
        }
    }
    if start == source.start {
        return source;
    }
    let rest = &doc.text[start..source.end];
    let start = start + rest.len() - rest.trim_start_matches([',', ' ']).len();
    if start >= source.end {
        return source;
    }
    start..source.end
}

/// The noun a relative pronoun source stands for: "A local official, who
/// asked not to be named, said" is said by the official; so is a source
/// span that is the whole relative clause ("The source, who was not
/// authorised to speak to the media, said").
fn antecedent_of_relative(doc: &Document<'_>, source: Range<usize>) -> Range<usize> {
    if let Some(speaker) = speaker_of_relative_clause(doc, &source) {
        return speaker;
    }
    let written = doc.text[source.clone()].trim().to_lowercase();
    if !opens_with_words(&written, &["who", "which"]) {
        return source;
    }
    let before = doc.text[..source.start].trim_end();
    let sentence = doc.sentence(doc.sentence_of(source.start));
    // ", who asked not to be named, said"; without the comma ("a
    // humanitarian worker who requested anonymity said") the antecedent
    // opens its own clause, after the comma before it
    let (end, after_comma) = match before.strip_suffix(',') {
        Some(kept) => (kept.len(), true),
        None => (before.len(), false),
    };
    if end <= sentence.start {
        return source;
    }
    let clause_start = if after_comma {
        sentence.start
    } else {
        doc.text[sentence.start..end]
            .rfind(", ")
            .map_or(sentence.start, |comma| sentence.start + comma + 2)
    };
    opening_speaker(doc, clause_start..end)
        .or_else(|| noun_phrase_clause(doc.text, clause_start..end))
        .unwrap_or(source)
}

/// A claimant without the relative clause the source span carries: "The
/// Britain-based monitor, which relies on a network of sources inside
/// Syria" is "The Britain-based monitor" (the source keeps the whole span).
fn without_relative_clause(text: &str, source: Range<usize>) -> Range<usize> {
    let written = &text[source.clone()];
    [", which ", ", who "]
        .iter()
        .filter_map(|marker| written.find(marker))
        .min()
        // (a noun phrase must remain: not a bare lowercase word before it)
        .filter(|&comma| written[..comma].contains(' ') || written[..comma].starts_with(char::is_uppercase))
        .map_or(source.clone(), |comma| source.start..source.start + comma)
}

/// Whether a channel inside the content follows a verb of sharing there:
/// "against sharing unverified claims on social media", "of spreading lies
/// on Facebook".
fn shared_on(text: &str, content: &Range<usize>, medium: &Range<usize>) -> bool {
    if medium.start < content.start || medium.end > content.end {
        return false;
    }
    text.get(content.start..medium.start).is_some_and(|before| {
        before.split_whitespace().any(|word| {
            matches!(
                word,
                "sharing" | "spreading" | "posting" | "circulating" | "publishing" | "reposting"
            )
        })
    })
}

/// Whether an auxiliary verb follows `phrase`: "its account on X had been
/// hacked" (X is in what was said, not the channel it was said through).
fn subject_of_content_clause(text: &str, phrase: &Range<usize>) -> bool {
    // (not an addressee: "told Reuters SMC had offered ...")
    let before = text.get(..phrase.start).unwrap_or_default();
    if !(before.ends_with(" on ") || before.ends_with(" in ")) {
        return false;
    }
    let next = text
        .get(phrase.end..)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_default();
    matches!(
        next,
        "had" | "has" | "have" | "was" | "were" | "is" | "are" | "would" | "will" | "could" | "did"
    )
}

/// "A senior official, who spoke on condition of anonymity because he was
/// not authorised to brief the media, told Reuters": a pronoun clause
/// inside the relative clause is not the speaker; the noun phrase before
/// ", who" is.
fn speaker_of_relative_clause(doc: &Document<'_>, source: &Range<usize>) -> Option<Range<usize>> {
    let written = doc.text[source.clone()].trim_start().to_lowercase();
    // (or the tail of the clause: "anonymity because they were not
    // authorised to speak to the media")
    let pronoun_clause = [
        "he ",
        "she ",
        "they ",
        "anonymity ",
        "condition of anonymity",
        "because ",
    ]
    .iter()
    .any(|pronoun| written.starts_with(pronoun));
    if !pronoun_clause {
        return None;
    }
    let sentence = doc.sentence(doc.sentence_of(source.start));
    let before = doc.text.get(sentence.start..source.start)?;
    let relative = before.rfind(", who ")?;
    if before[relative + 2..].contains(", ") {
        return None;
    }
    let end = sentence.start + relative;
    opening_speaker(doc, sentence.start..end)
        .or_else(|| noun_phrase_clause(doc.text, sentence.start..end))
        .or_else(|| noun_with_place(doc.text, sentence.start..end))
}

/// "Two senior intelligence officials in the provincial capital": a noun
/// phrase and a prepositional phrase, each short and with no verb, longer
/// together than [`noun_phrase_clause`] takes.
fn noun_with_place(text: &str, clause: Range<usize>) -> Option<Range<usize>> {
    let written = text.get(clause.clone())?;
    let (at, preposition) = [" in ", " at ", " from ", " of "]
        .iter()
        .filter_map(|preposition| written.find(preposition).map(|at| (at, preposition)))
        .min()?;
    let head = noun_phrase_clause(text, clause.start..clause.start + at)?;
    let place = noun_phrase_clause(text, clause.start + at + preposition.len()..clause.end)?;
    Some(head.start..place.end)
}

/// "The Sons of the Coast movement, which controls much of the coastline,
/// took responsibility": the subject before a relative clause that runs up
/// to the cue.
fn subject_before_relative(doc: &Document<'_>, clause: Range<usize>) -> Option<Range<usize>> {
    let before = doc.text.get(clause.clone())?;
    if !before.trim_end().ends_with(',') {
        return None;
    }
    let relative = [", which ", ", who "]
        .iter()
        .filter_map(|marker| before.find(marker))
        .min()?;
    let end = clause.start + relative;
    opening_speaker(doc, clause.start..end).or_else(|| noun_phrase_clause(doc.text, clause.start..end))
}

/// A clause that is a short noun phrase of its own ("a humanitarian
/// worker", "One of the survivors"), trimmed; None for anything longer or
/// not opened by a determiner or a capital.
fn noun_phrase_clause(text: &str, clause: Range<usize>) -> Option<Range<usize>> {
    let written = text.get(clause.clone())?;
    let trimmed = written.trim().trim_end_matches(['-', '—', '–', '―', ' ']);
    let words: Vec<&str> = trimmed.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let opened = matches!(first.as_str(), "a" | "an" | "the" | "one")
        || (words[0].starts_with(char::is_uppercase)
            && !NOT_BEFORE_A_SUBJECT.contains(&first.as_str())
            && !matches!(
                first.as_str(),
                "there"
                    | "here"
                    | "as"
                    | "after"
                    | "among"
                    | "before"
                    | "when"
                    | "while"
                    | "if"
                    | "but"
                    | "and"
            ));
    // "The club appointed an auditor who ...", "There are few, if any, who
    // ...", "It draws in young people who ...": clauses, not noun phrases
    // ("A diplomat involved in the talks", "an official based in Kabul":
    // a participle before a preposition modifies the noun)
    let modifying_participle = |k: usize| {
        k >= 2
            && words[k].ends_with("ed")
            && words
                .get(k + 1)
                .is_some_and(|next| matches!(*next, "in" | "with" | "at" | "on" | "from" | "near" | "to"))
    };
    let clause_word = words.iter().enumerate().skip(1).any(|(k, word)| {
        let word = word.to_lowercase();
        ((word.ends_with("ed") && !modifying_participle(k)) || word.ends_with("ing"))
            || matches!(
                word.as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "had"
                    | "do"
                    | "does"
                    | "did"
                    | "will"
                    | "would"
                    | "can"
                    | "could"
                    | "goes"
                    | "draws"
                    | "held"
                    | "says"
                    | "said"
                    | "-"
                    | "—"
                    | "–"
            )
    });
    if words.len() > 6 || !opened || clause_word || trimmed.contains(['"', '“', '”', ';', ':']) {
        return None;
    }
    let start = clause.start + (written.len() - written.trim_start().len());
    Some(start..start + trimmed.len())
}

/// Words that show a name is not its sentence's subject: a pronoun
/// subject before it, a preposition, a speech verb.
const NOT_BEFORE_A_SUBJECT: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "his", "her", "their", "for", "of", "to", "with", "by", "in", "on",
    "at", "from", "about", "that", "said", "told", "added", "says",
];

/// Hedging adverbs the model sometimes takes for cues.
const NOT_CUES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "statement",
];

/// Alias constructions the model sometimes takes for speech: "also known
/// as", "often called", "calls itself".
fn is_alias_cue(cue: &str) -> bool {
    let cue = cue.trim().to_lowercase();
    cue.contains("known as")
        || [
            "also calls",
            "calls itself",
            "often called",
            "also called",
            "so-called",
        ]
        .contains(&cue.as_str())
}

/// Cue spans of one cue split by the tagger ("told" + "reporters",
/// "according" + "to") become one; hedging adverbs are dropped.
fn merge_cues(text: &str, cues: &[&AttributionSpan]) -> Vec<AttributionSpan> {
    let mut merged: Vec<AttributionSpan> = Vec::new();
    for cue in cues {
        let written = &text[cue.range.clone()];
        if NOT_CUES.contains(&written.trim().to_lowercase().as_str()) || is_alias_cue(written) {
            continue;
        }
        if let Some(last) = merged.last_mut() {
            if last.range.end <= cue.range.start && text[last.range.end..cue.range.start].trim().is_empty() {
                last.range.end = cue.range.end;
                last.confidence = last.confidence.min(cue.confidence);
                continue;
            }
        }
        merged.push((*cue).clone());
    }
    merged
}

/// "a charge", "an accusation": an apposition that names what was said,
/// which the tagger sometimes takes for the speaker ("..., a charge New
/// Delhi rejected").
fn names_the_content(source: &str) -> bool {
    let lower = source.trim().to_lowercase();
    [
        "a charge",
        "an accusation",
        "a claim",
        "an allegation",
        "a statement",
        "the claim",
        "the charge",
    ]
    .contains(&lower.as_str())
}

/// "A group calling itself the Sierra Cartel claimed responsibility for the
/// murder ... in a banner": a responsibility claim the tagger left out (it
/// tags such a cue in one article and not in the next) is read by the
/// rules, with the speaker opening the clause, from the verb's object to
/// the clause's end. Negated and absent claimants ("No group has claimed
/// responsibility") are dropped later with every other claim.
fn add_untagged_responsibility_claims(doc: &Document<'_>, claims: &mut Vec<Claim>) {
    const PHRASES: &[&str] = &[
        "claimed responsibility",
        "claims responsibility",
        "claiming responsibility",
        "took responsibility",
        "claimed credit",
        "took credit",
    ];
    for phrase in super::cues::whole_word_matches(doc.text, PHRASES) {
        // every phrase is a verb, one space and its object
        let verb_end = doc.text[phrase.clone()]
            .find(' ')
            .map_or(phrase.end, |at| phrase.start + at);
        let (verb, object) = (phrase.start..verb_end, (verb_end + 1).min(phrase.end)..phrase.end);
        let taken = claims.iter().any(|claim| {
            claim
                .cue
                .as_ref()
                .is_some_and(|cue| overlaps(cue, &verb) || overlaps(cue, &object))
                || overlaps(&claim.content, &object)
        });
        if taken {
            continue;
        }
        let sentence = doc.sentence_of(verb.start);
        let here = doc.sentence(sentence);
        // the content: from "responsibility" to the clause's end
        let content = clause_from(doc, &object);
        // "On Monday evening, a previously unknown group calling itself ...
        // claimed": the clause after the last comma
        let clause_start = doc.text[here.start..verb.start]
            .rfind(", ")
            .map_or(here.start, |comma| here.start + comma + 2);
        // "A group calling itself the Sierra Cartel": the head before the
        // name it gives itself (completed with the name below)
        let self_named = [" calling itself ", " calling themselves "]
            .iter()
            .filter_map(|marker| doc.text[clause_start..verb.start].find(marker))
            .min()
            .map(|at| clause_start + at);
        let speaker = opening_speaker(doc, here.start..verb.start)
            .or_else(|| self_named.and_then(|end| noun_phrase_clause(doc.text, clause_start..end)))
            .or_else(|| subject_before_relative(doc, here.start..verb.start))
            .or_else(|| opening_speaker(doc, clause_start..verb.start))
            .or_else(|| noun_phrase_clause(doc.text, clause_start..verb.start))
            .or_else(|| entity_before_cue(doc, &verb, sentence, &content))
            .map(|source| complete_source(doc, source));
        let Some(speaker) = speaker else {
            continue;
        };
        claims.push(build(doc, Some(verb), Some(speaker), content, false, 0.5));
    }
}

/// From `object` ("responsibility") to the end of its clause: the next
/// comma or semicolon, else the sentence's end (at most 400 bytes on).
fn clause_from(doc: &Document<'_>, object: &Range<usize>) -> Range<usize> {
    let here = doc.sentence(doc.sentence_of(object.start));
    let clause_end = doc
        .text
        .floor_char_boundary(here.end.max(object.end).min(object.start + 400));
    let rest = &doc.text[object.start..clause_end.max(object.end)];
    let end = rest
        .find([',', ';'])
        .unwrap_or(rest.trim_end().trim_end_matches(['.', '!', '?']).len());
    object.start..object.start + end.max(object.end - object.start)
}

/// "claimed responsibility on Tuesday for an ambush", "claimed
/// responsibility through its Amaq news agency on Saturday for a car bomb
/// attack": the tagger ends the content at "responsibility" when words
/// come between it and what was claimed; the content runs on to the
/// clause's end, as when nothing comes between.
fn extend_bare_responsibility(doc: &Document<'_>, claims: &mut [Claim]) {
    for claim in claims.iter_mut() {
        if claim.claim_type != ClaimType::Responsibility {
            continue;
        }
        let bare = doc.text[claim.content.clone()]
            .trim()
            .trim_end_matches(['.', ','])
            .to_lowercase();
        if !matches!(bare.as_str(), "responsibility" | "credit") {
            continue;
        }
        let extended = clause_from(doc, &claim.content);
        // only a clause that names what was claimed, which the content
        // starts at: "claimed | responsibility in a video on Tuesday for the
        // abduction of ..." is "the abduction of ..."
        let gap = &doc.text[claim.content.end..extended.end];
        let Some(at) = gap.find(" for ") else {
            continue;
        };
        if gap[..at].contains(['"', ',']) {
            continue;
        }
        claim.content = claim.content.end + at + " for ".len()..extended.end;
    }
}

/// The person or organisation entity ending closest before the cue in its
/// sentence, outside the content: "The Islamic State Khorasan Province
/// (ISKP) claimed responsibility".
fn entity_before_cue(
    doc: &Document<'_>,
    cue: &Range<usize>,
    sentence: usize,
    content: &Range<usize>,
) -> Option<Range<usize>> {
    let here = doc.sentence(sentence);
    doc.entities_starting_in(here.start..cue.start)
        .iter()
        .filter(|entity| matches!(entity.label.as_str(), "PER" | "ORG"))
        .filter(|entity| entity.range.start >= here.start && entity.range.end <= cue.start)
        .filter(|entity| !overlaps(&entity.range, content))
        .max_by_key(|entity| entity.range.end)
        .map(|entity| entity.range.clone())
}

/// "The group said" after "Al-Shabaab claimed the attack": a pronoun or
/// role noun speaks for the last claimant of its kind, within three
/// sentences, before any other entity of that kind.
fn refer_back_to_claimants(doc: &Document<'_>, claims: &mut [Claim]) {
    // a report that carries another claim speaks about the group, not for it
    // ("JNIM claimed the attack, the SITE Intelligence Group said. ... the group said")
    let carriers: Vec<Range<usize>> = claims
        .iter()
        .filter_map(|claim| claim.reported_in.clone())
        .collect();
    // reach[j]: where the latest speaker of claims[..=j] ends. Speakers more
    // than three sentences back are never taken, and the claims whose
    // speakers all end before that are skipped without being read, so a
    // long document does not read all earlier claims for every "he said"
    let mut reach: Vec<usize> = Vec::with_capacity(claims.len());
    for index in 0..claims.len() {
        if let Some(previous) = index.checked_sub(1) {
            let claim = &claims[previous];
            let end = [&claim.claimant, &claim.source]
                .into_iter()
                .flatten()
                .map(|span| span.end)
                .max()
                .unwrap_or(0);
            reach.push(reach.last().copied().unwrap_or(0).max(end));
        }
        let Some(source) = claims[index].source.clone() else {
            continue;
        };
        let Some(wanted) = referent_label(&doc.text[source.clone()]) else {
            continue;
        };
        let sentence = doc.sentence_of(source.start);
        // a speaker in sentence `sentence - 3` or later ends after this
        let window_start = match sentence.checked_sub(4) {
            Some(before) => doc.sentence(before).end,
            None => 0,
        };
        let first_near = reach.partition_point(|&end| end < window_start);
        let near = &claims[first_near..index];
        let about_a_group = names_a_group(&doc.text[source.clone()]);
        let earlier = near.iter().rev().find_map(|claim| {
            let claimant = claim.claimant.as_ref()?;
            if claimant.end > source.start || doc.sentence_of(claimant.start) + 3 < sentence {
                return None;
            }
            if about_a_group && claim.cue.as_ref().is_some_and(|cue| carriers.contains(cue)) {
                return None;
            }
            let label = doc
                .entities_starting_in(claimant.clone())
                .iter()
                .find(|entity| entity.range == *claimant)?
                .label
                .as_str();
            (label == wanted).then(|| claimant.clone())
        });
        // "..., he said" after "a senior CTD officer said": the last named source
        let previous_source = || {
            near.iter().rev().find_map(|claim| {
                let earlier = claim.claimant.as_ref().or(claim.source.as_ref())?;
                (earlier.end <= source.start
                    && doc.sentence_of(earlier.start) + 2 >= sentence
                    && referent_label(&doc.text[earlier.clone()]).is_none())
                .then(|| earlier.clone())
            })
        };
        // "A resident told AFP ... "I saw the bodies," he said": an unnamed
        // person speaking after the last named one is the nearer referent
        let nearer_person = (wanted == "PER")
            .then(|| {
                near.iter().rev().find_map(|claim| {
                    let earlier = claim.source.as_ref()?;
                    (earlier.end <= source.start
                        && doc.sentence_of(earlier.start) + 2 >= sentence
                        && is_person_phrase(&doc.text[earlier.clone()]))
                    .then(|| earlier.clone())
                })
            })
            .flatten()
            .filter(|person| earlier.as_ref().is_none_or(|named| person.start > named.end));
        // "Louis Rono addressed residents on Tuesday. “We will not bow,” he
        // said": a quotation opening its sentence, spoken by the person the
        // sentence before opens with, when no claim comes between
        let content_start = claims[index].content.start;
        let quote_opens = claims[index].direct_quote
            && doc.sentence_of(content_start) == sentence
            && doc
                .text
                .get(doc.sentence(sentence).start..content_start)
                .is_some_and(|before| before.chars().all(|c| !c.is_alphanumeric()));
        let third_person = matches!(
            doc.text[source.clone()].trim().to_lowercase().as_str(),
            "he" | "she"
        );
        let previous_subject = (wanted == "PER" && third_person && quote_opens && sentence > 0)
            .then(|| {
                let before = doc.sentence(sentence - 1);
                doc.entities_starting_in(before.clone())
                    .iter()
                    .filter(|entity| {
                        entity.label == "PER"
                            && entity.range.start >= before.start
                            && entity.range.end <= before.end
                    })
                    .find(|entity| {
                        // the subject: "Lamu county commissioner Louis Rono
                        // addressed", not "He said getting Assad to leave",
                        // "The woman's enthusiasm for Trump"
                        let words: Vec<String> = doc
                            .text
                            .get(before.start..entity.range.start)
                            .unwrap_or_default()
                            .split_whitespace()
                            .map(str::to_lowercase)
                            .collect();
                        words.len() <= 4
                            && !words
                                .iter()
                                .any(|word| NOT_BEFORE_A_SUBJECT.contains(&word.as_str()))
                    })
                    .map(|entity| entity.range.clone())
            })
            .flatten()
            .filter(|subject| {
                let nearest_claim = near
                    .iter()
                    .filter_map(|claim| claim.source.as_ref().or(claim.claimant.as_ref()))
                    .filter(|earlier| earlier.end <= source.start)
                    .map(|earlier| earlier.end)
                    .max();
                nearest_claim.is_none_or(|end| subject.start > end)
            });
        if let Some(claimant) = previous_subject
            .or(nearer_person)
            .or(earlier)
            .or_else(|| claims[index].claimant.is_none().then(previous_source).flatten())
        {
            claims[index].claimant = Some(claimant);
        }
    }
}

/// Spans of one role with the sentences they touch, for the look-ups made
/// per cue.
struct SpansNear<'s> {
    spans: Vec<&'s AttributionSpan>,
    by_sentence: BySentence,
}

impl<'s> SpansNear<'s> {
    fn new(doc: &Document<'_>, spans: Vec<&'s AttributionSpan>) -> Self {
        let by_sentence = BySentence::new(doc, spans.iter().map(|span| &span.range).enumerate());
        Self { spans, by_sentence }
    }

    /// The spans touching sentences `first..=last`, in their order.
    fn in_sentences(&self, first: usize, last: usize) -> impl Iterator<Item = &'s AttributionSpan> + '_ {
        self.by_sentence
            .near(first, last)
            .into_iter()
            .map(|index| self.spans[index])
    }
}

/// The content span that goes with a cue: in the cue's sentence, else a
/// quotation in the next or previous sentence; the smallest gap wins, a
/// following one on ties ("said that ...").
fn nearest_content<'s>(
    doc: &Document<'_>,
    cue: &Range<usize>,
    sentence: usize,
    contents: &SpansNear<'s>,
) -> Option<&'s AttributionSpan> {
    let here = doc.sentence(sentence);
    // "rejected the accusation, telling AP that ...": a participle that
    // carries on the clause says what follows it ("according to" is no
    // such participle: its content may come first)
    let participle = doc.text[cue.clone()]
        .split_whitespace()
        .next()
        .is_some_and(|word| {
            let word = word.to_ascii_lowercase();
            word.ends_with("ing") && word != "according"
        });
    let in_a_quote = |span: &AttributionSpan| {
        doc.quotes_overlapping(span.range.clone())
            .iter()
            .any(|quote| overlaps(&quote.inner, &span.range))
    };
    contents
        .in_sentences(sentence.saturating_sub(1), sentence + 1)
        .filter(|span| !overlaps(&span.range, cue))
        .filter(|span| {
            overlaps(&span.range, &here)
                || (in_a_quote(span) && doc.sentence_of(span.range.start).abs_diff(sentence) <= 1)
        })
        .min_by_key(|span| {
            // a neighbouring sentence's quotation only when the cue's own sentence has no content
            let elsewhere = usize::from(!overlaps(&span.range, &here));
            // "..., the army said, a figure that ...": after "said," comes an aside, not the claim
            let aside = span.range.start >= cue.end
                && doc.text[cue.end..span.range.start].trim_start().starts_with(',');
            let before = span.range.start < cue.start;
            (
                elsewhere,
                usize::from(participle && before),
                usize::from(aside),
                gap(&span.range, cue),
                before,
            )
        })
}

/// The nearest span of `candidates` in the cue's sentence that `keep` accepts.
fn nearest<'s>(
    doc: &Document<'_>,
    cue: &Range<usize>,
    sentence: usize,
    candidates: &SpansNear<'s>,
    keep: impl Fn(&AttributionSpan) -> bool,
) -> Option<&'s AttributionSpan> {
    let here = doc.sentence(sentence);
    candidates
        .in_sentences(sentence, sentence)
        .filter(|span| overlaps(&span.range, &here) && !overlaps(&span.range, cue) && keep(span))
        .min_by_key(|span| gap(&span.range, cue))
}

/// A paraphrase stays in its cue's paragraph: the tagger, which reads a
/// headline and a byline as one run with the lede, may begin the content
/// of "..., police said." at the headline.
fn within_paragraph(text: &str, content: Range<usize>, cue: &Range<usize>) -> Range<usize> {
    let mut content = content;
    if content.start < cue.start {
        if let Some(at) = text[content.start..cue.start].rfind("\n\n") {
            let from = content.start + at;
            let lead = text[from..cue.start].len() - text[from..cue.start].trim_start().len();
            content.start = (from + lead).min(content.end);
        }
    }
    if content.end > cue.end {
        if let Some(at) = text[cue.end..content.end].find("\n\n") {
            let to = cue.end + at;
            content.end = text[..to].trim_end().len().max(content.start);
        }
    }
    content
}

/// A content span inside (or mostly inside) a quotation becomes the whole
/// quotation.
fn snap_to_quote(doc: &Document<'_>, content: Range<usize>) -> (Range<usize>, bool) {
    for quote in doc.quotes_overlapping(content.clone()) {
        let shared = overlap_len(&quote.outer, &content);
        if shared > 0 && shared * 2 >= content.len() {
            // "called the accusation \"a distraction from ...\"": words of
            // the writer's before the quotation make a paraphrase that
            // quotes, whose content is both
            let lead = doc.text.get(content.start..quote.outer.start).unwrap_or("");
            let paraphrased = lead
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .any(|word| !word.is_empty() && !word.eq_ignore_ascii_case("that"));
            if paraphrased {
                let whole = content.start..content.end.max(quote.outer.end);
                return (trim(doc.text, whole), false);
            }
            return (quoted_words(doc.text, quote), true);
        }
    }
    (trim(doc.text, content), false)
}

/// The words of a quotation, without the comma that closes it before its
/// speaker ("\"We did it,\" the group said"): that comma is the sentence's.
pub(super) fn quoted_words(text: &str, quote: &Quote) -> Range<usize> {
    let inner = trim(text, quote.inner.clone());
    let kept = text[inner.clone()].trim_end_matches(',').trim_end().len();
    inner.start..inner.start + kept
}

/// Quotations no claim covers: with a lexicon cue in their sentence they
/// are claims of the nearest source; with none, they continue the claim
/// just before them.
fn add_uncovered_quotes(doc: &Document<'_>, claims: &mut Vec<Claim>) {
    for quote in doc.quotes {
        let inner = quoted_words(doc.text, quote);
        if claims.iter().any(|claim| overlaps(&claim.content, &inner))
            || word_count(&doc.text[inner.clone()]) < 4
        {
            continue;
        }
        let first = doc.sentence_of(quote.outer.start);
        let last = doc.sentence_of(quote.outer.end.saturating_sub(1));
        let around = doc.sentence(first).start..doc.sentence(last).end;
        let cue = find_cues(&doc.text[around.clone()])
            .into_iter()
            .map(|range| around.start + range.start..around.start + range.end)
            .find(|range| !overlaps(range, &quote.outer));
        if let Some(cue) = cue {
            let source = source_near_cue(doc, &cue, &around, &quote.outer);
            claims.push(build(doc, Some(cue), source, inner, true, 0.5));
            continue;
        }
        let previous = claims
            .iter()
            .filter(|claim| claim.content.end <= quote.outer.start)
            .max_by_key(|claim| claim.content.end)
            .filter(|claim| doc.sentence_of(claim.content.end.saturating_sub(1)) + 1 >= first);
        if let Some(previous) = previous {
            let mut continued = build(doc, None, None, inner, true, 0.5);
            continued.claimant = previous.claimant.clone();
            continued.source = previous.source.clone();
            continued.continues = Some(previous.content.start);
            claims.push(continued);
        }
    }
}

/// For a lexicon cue found by rules: the person or organisation entity
/// right before it ("Mujahid said") or right after it ("said Mujahid"),
/// outside the quotation.
fn source_near_cue(
    doc: &Document<'_>,
    cue: &Range<usize>,
    around: &Range<usize>,
    quote: &Range<usize>,
) -> Option<Range<usize>> {
    // "«…», the interior minister said", "Ömer Çelik, spokesperson for the AKP, wrote"
    let clause_start = if quote.end <= cue.start {
        quote.end
    } else {
        around.start
    };
    // "'The train stopped,' a passenger told ..., 'and then ...'": the
    // first part is no speaker of the second
    let before = past_quotes(doc, trim_source(doc.text, clause_start..cue.start));
    let words = doc.text[before.clone()].split_whitespace().count();
    if (1..=8).contains(&words) && !doc.text[before.clone()].contains(['"', '«', '»']) {
        return Some(before);
    }
    // the outlet a speaker talks to is not the speaker: "told the BBC"
    let medium = find_medium(
        doc.text,
        around.clone(),
        &doc.organisations_in(around.clone()),
        cue.start,
    );
    doc.entities_overlapping(around.clone())
        .iter()
        .filter(|entity| matches!(entity.label.as_str(), "PER" | "ORG"))
        .filter(|entity| overlaps(&entity.range, around) && !overlaps(&entity.range, quote))
        .filter(|entity| {
            medium
                .as_ref()
                .is_none_or(|medium| !overlaps(&entity.range, medium))
        })
        .min_by_key(|entity| (gap(&entity.range, cue), entity.label != "PER"))
        .map(|entity| entity.range.clone())
}

/// A source span the tagger cut after "by" ("according to a statement
/// carried by" + "Al Jazeera") runs on to the name that follows, and one
/// that ends in a participle ("A senior police official,
/// speaking") ends before it.
fn complete_source(doc: &Document<'_>, source: Range<usize>) -> Range<usize> {
    let source = with_name_it_gives_itself(doc.text, source);
    let written = &doc.text[source.clone()];
    if let Some((head, last)) = written.rsplit_once(", ") {
        if !last.contains(' ') && last.ends_with("ing") && last.starts_with(char::is_lowercase) {
            return source.start..source.start + head.len();
        }
    }
    if !written.ends_with(" by") {
        return source;
    }
    doc.entities_starting_in(source.end..usize::MAX)
        .iter()
        .filter(|entity| entity.range.start >= source.end)
        .min_by_key(|entity| entity.range.start)
        .filter(|entity| doc.text[source.end..entity.range.start].trim().is_empty())
        .map_or(source.clone(), |entity| source.start..entity.range.end)
}

/// "A group calling itself the Sierra Cartel claimed": the name a speaker
/// gives itself belongs to the speaker, wherever the source span stopped
/// ("A group", "a previously unknown group calling").
fn with_name_it_gives_itself(text: &str, source: Range<usize>) -> Range<usize> {
    let written = &text[source.clone()];
    let head = [" calling itself", " calling themselves", " calling"]
        .iter()
        .find_map(|tail| written.strip_suffix(tail))
        .unwrap_or(written);
    let rest_start = source.start + head.len();
    // (compared in place: lowercasing the rest of a long document for each
    // speaker would be quadratic)
    let rest = &text.as_bytes()[rest_start..];
    let Some(marker) = [" calling itself ", " calling themselves ", " that calls itself "]
        .iter()
        .find(|marker| {
            rest.get(..marker.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(marker.as_bytes()))
        })
    else {
        return source;
    };
    // the name: capitalised words, with "the", "of", "al-" inside it
    let mut end = rest_start + marker.len();
    for word in text[end..].split_inclusive(' ') {
        let bare = word.trim_end();
        let core = bare.trim_end_matches([',', '.', ';', ':']);
        let named = core.starts_with(char::is_uppercase)
            || matches!(core, "the" | "of" | "al" | "and")
            || core.starts_with("al-");
        if !named || core.is_empty() {
            break;
        }
        end += core.len();
        if core.len() != bare.len() {
            break;
        }
        end += word.len() - core.len();
    }
    let end = rest_start + marker.len() + text[rest_start + marker.len()..end].trim_end().len();
    let named = text[rest_start + marker.len()..end]
        .split_whitespace()
        .any(|word| word.starts_with(char::is_uppercase));
    if named {
        source.start..end
    } else {
        source
    }
}

/// A source span without the commas and spaces around it ("The TTP," →
/// "The TTP").
pub(super) fn trim_source(text: &str, range: Range<usize>) -> Range<usize> {
    // a speaker is never in two paragraphs: "...'s Ysen valley\n\nUN
    // investigators say" (a headline's last words before the story's
    // first); a line break inside a sentence is a hard wrap ("head of the
    // whole individual banking\ndivision")
    let written = text[range.clone()].trim_end();
    let paragraph_break = written.char_indices().rev().find(|&(at, c)| {
        c == '\n' && {
            let before = written[..at].trim_end_matches([' ', '\t', '\r']);
            before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':', '"', '\u{201d}'])
        }
    });
    let range = match paragraph_break {
        Some((at, _)) => range.start + at + 1..range.end,
        None => range,
    };
    let slice = &text[range.clone()];
    let mut start = slice.len()
        - slice
            .trim_start_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
            .len();
    // "BAMAKO (AFP) - Tuareg-led separatists in northern Mali claimed": the
    // dateline opening the story is not the speaker
    let line_start = range.start + start == 0 || text[..range.start + start].ends_with('\n');
    if let Some(len) = line_start.then(|| dateline_len(&slice[start..])).flatten() {
        if start + len < slice.len() {
            start += len;
        }
    }
    let mut kept = slice[start..].trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    // "a 45-year-old farmer who asked that his name not be used": the
    // relative clause is not the speaker's name
    for relative in [" who", " which"] {
        let cut = kept.len().saturating_sub(relative.len());
        if cut > 0
            && kept
                .get(cut..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(relative))
        {
            kept = kept[..cut].trim_end_matches([' ', ',']);
        }
    }
    // "A resident of Téra, reached by telephone by AFP": how the speaker
    // was reached is the medium, not the speaker
    for reached in [
        ", reached by",
        // "Two residents reached by Reuters said"
        " reached by",
        ", contacted by",
        ", interviewed by",
        ", speaking to",
        ", talking to",
    ] {
        if let Some(at) = kept.find(reached).filter(|&at| at > 0) {
            kept = &kept[..at];
        }
    }
    range.start + start..range.start + start + kept.len()
}

/// A claim from its parts, with its type, event, medium, claimant and hedges.
pub(super) fn build(
    doc: &Document<'_>,
    cue: Option<Range<usize>>,
    source: Option<Range<usize>>,
    content: Range<usize>,
    direct_quote: bool,
    confidence: f32,
) -> Claim {
    let anchor = cue.as_ref().map_or(content.start, |cue| cue.start);
    let sentence = doc.sentence(doc.sentence_of(anchor));
    let lemma = cue.as_ref().map(|cue| lemma_of_span(&doc.text[cue.clone()]));
    let source_text = source.as_ref().map_or("", |range| &doc.text[range.clone()]);
    let claimant_is_media = is_outlet_source(source_text);
    // "A report published last year by the group found": a document's
    // findings are a report, whoever wrote it
    let claimant_is_document = super::claimant_kinds::is_document_phrase(source_text);
    // a cue that holds its object ("claimed responsibility") is typed from that object on
    let typed_from = |cue: &Range<usize>| {
        let written = doc.text[cue.clone()].to_ascii_lowercase();
        ["responsibility", "credit"]
            .iter()
            .find_map(|object| written.find(object))
            .map_or(cue.end, |at| cue.start + at)
    };
    let after_cue = cue.as_ref().map_or(0..0, |cue| {
        typed_from(cue)..sentence.end.max(cue.end).min(doc.text.len())
    });
    let after_text = &doc.text[after_cue.clone()];
    let claim_type = lemma.as_deref().map_or(ClaimType::Statement, |lemma| {
        claim_type(lemma, after_text, claimant_is_media || claimant_is_document)
    });
    // "\"These accusations are absurd,\" a spokesperson told RFI": a quotation
    // before its cue is typed by its own words
    let quote_first = direct_quote && cue.as_ref().is_some_and(|cue| content.end <= cue.start);
    let claim_type = match (claim_type, quote_first) {
        (ClaimType::Statement, true) => doc
            .text
            .get(content.clone())
            .and_then(content_type)
            .unwrap_or(ClaimType::Statement),
        (kind, _) => kind,
    };
    // "Le Figaro writes" reports; "SDF spokesman Farhad Shami wrote on X"
    // states: a person named with a title or role (the tagger takes a
    // newspaper's name alone for a person too often to trust the label)
    // A person inside the source: "SSP East Farrukh Raza", "Hrytsenko"; an
    // outlet the gazetteer knows is never one, whatever the tagger says
    let person_inside = source.as_ref().is_some_and(|source| {
        !claimant_is_media
            && doc.entities_starting_in(source.clone()).iter().any(|entity| {
                entity.label == "PER" && source.start <= entity.range.start && entity.range.end <= source.end
            })
    });
    let person_writes = lemma.as_deref() == Some("write") && (person_inside || names_a_person(source_text));
    // "according to two security sources" states what people said;
    // "according to the United Nations", "to local media", "to court
    // records" report
    let person_according =
        lemma.as_deref() == Some("according to") && (names_people(source_text) || person_inside);
    let claim_type = if (person_writes || person_according) && claim_type == ClaimType::Report {
        ClaimType::Statement
    } else {
        claim_type
    };
    // "JNIM said its fighters had killed 50 Russians": an armed group's
    // own violence, not an army's report of an operation. So are the
    // details of a claim the sentence has already made ("claimed the
    // attack, saying its fighters had killed dozens"): claim-rules-0.3.22
    // types them as the claim (blind sets 6, 7, 11 and 15 do; set 3 not).
    let claim_type = if claim_type == ClaimType::Statement
        // the speaker's head, not its apposition: "Harakat al-Nasr, a group
        // that has fought the federal government, said ..."
        && !is_state_force(source_text.split(',').next().unwrap_or(source_text))
        // the content, not the words after the cue: "said in a statement
        // on Telegram that its fighters had killed 14 soldiers"
        && lemma.as_deref().is_some_and(|lemma| {
            owns_violent_act(
                lemma,
                doc.text.get(content.clone()).unwrap_or(""),
                is_militant(source_text),
            )
        }) {
        ClaimType::Responsibility
    } else {
        claim_type
    };
    let mut event = (claim_type == ClaimType::Responsibility)
        .then(|| claimed_event(lemma.as_deref().unwrap_or_default(), after_text))
        .flatten()
        // ("saying its fighters had killed 20 soldiers" names no event)
        .filter(|range| !range.is_empty())
        .map(|range| after_cue.start + range.start..after_cue.start + range.end);
    // "\"We carried out this blessed operation,\" the group said"
    let quoted_event = (direct_quote && claim_type == ClaimType::Statement)
        .then(|| quoted_attack(&doc.text[content.clone()]))
        .flatten();
    let claim_type = match quoted_event {
        Some(range) => {
            event = Some(content.start + range.start..content.start + range.end);
            ClaimType::Responsibility
        }
        None => claim_type,
    };
    // "a suicide bombing in Ankara, which the PKK claimed"
    let relative = matches!(
        doc.text[content.clone()].trim().to_lowercase().as_str(),
        "which" | "that"
    );
    let relative_event =
        (relative && lemma.as_deref() == Some("claim") && claim_type == ClaimType::Statement)
            .then(|| {
                let from = sentence.start.min(content.start);
                relative_claimed_event(&doc.text[from..content.start])
                    .map(|range| from + range.start..from + range.end)
            })
            .flatten();
    let (claim_type, content) = match relative_event {
        Some(attack) => {
            event = Some(attack.clone());
            (ClaimType::Responsibility, attack)
        }
        None => (claim_type, content),
    };
    let medium = if claimant_is_media {
        source.clone()
    } else {
        find_medium(
            doc.text,
            sentence.clone(),
            &doc.organisations_in(sentence.clone()),
            anchor,
        )
        .filter(|medium| !direct_quote || !overlaps(medium, &content))
        // "warned the public against sharing unverified claims on social
        // media": a channel that what was said is about, after its verb of
        // sharing (not "claimed the attack in a statement posted on X")
        .filter(|medium| !shared_on(doc.text, &content, medium))
        // "said its account on X had been hacked": a channel that a clause
        // is about (a verb follows it) is something said, in this claim or
        // the next one, not the channel it went through
        .filter(|medium| !subject_of_content_clause(doc.text, medium))
    };
    // "told Wire the attackers had ...": the addressee right after "told"
    // opens no content
    let addressee = |medium: &Range<usize>| {
        lemma.as_deref() == Some("tell")
            && !doc.text[medium.clone()].starts_with("that ")
            && cue.as_ref().is_some_and(|cue| {
                doc.text
                    .get(cue.end..medium.start)
                    .is_some_and(|gap| gap.trim().is_empty())
            })
    };
    let content = match &medium {
        Some(medium)
            if !direct_quote
                && addressee(medium)
                && (medium.start..medium.end).contains(&content.start)
                && medium.end < content.end =>
        {
            trim(doc.text, medium.end..content.end)
        }
        _ => content,
    };
    let claimant = source
        .as_ref()
        .and_then(|source| claimant(doc.text, source, doc.entities))
        .or_else(|| {
            source
                .clone()
                .filter(|source| !is_pronoun(&doc.text[source.clone()]))
                .map(|source| without_relative_clause(doc.text, source))
        });
    let hedges = if direct_quote {
        // the words around a quotation hedge it, not the speaker's own words
        let before = sentence.start..content.start.clamp(sentence.start, sentence.end);
        let after = content.end.clamp(sentence.start, sentence.end)..sentence.end;
        let mut hedges = hedges_in(&doc.text[before]);
        for hedge in hedges_in(&doc.text[after]) {
            if !hedges.contains(&hedge) {
                hedges.push(hedge);
            }
        }
        hedges
    } else {
        hedges_in(&doc.text[sentence.clone()])
    };
    Claim {
        claim_type,
        source,
        claimant,
        cue,
        cue_lemma: lemma,
        content,
        direct_quote,
        medium,
        event,
        hedges,
        confidence,
        reported_in: None,
        continues: None,
    }
}

fn is_pronoun(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "he" | "she" | "it" | "they" | "we" | "i" | "you" | "him" | "her" | "them"
    )
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start_trim = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    range.start + start_trim..range.start + start_trim + trimmed.len()
}

pub(super) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn overlap_len(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

fn mean(values: impl Iterator<Item = f32>) -> f32 {
    let (sum, count) = values.fold((0.0, 0), |(sum, count), value| (sum + value, count + 1));
    if count == 0 {
        0.0
    } else {
        sum / count as f32
    }
}

#[cfg(test)]
mod tests {
    use super::{
        is_question, noun_phrase_clause, says_nothing, shows_pictures, trim_source, within_paragraph,
        without_relative_clause, Document, NamedSpan, Quote,
    };

    #[test]
    fn look_ups_by_position_find_what_a_scan_finds() {
        let text = "Ali and Bob met Carl in Dakar, \"then left\" and \"came back\".";
        let entity = |name: &str, label: &str| {
            let start = text.find(name).unwrap_or_default();
            NamedSpan {
                range: start..start + name.len(),
                label: label.to_owned(),
            }
        };
        let entities = [
            entity("Ali", "PER"),
            entity("Bob", "PER"),
            entity("Carl", "PER"),
            entity("Dakar", "LOC"),
        ];
        let quotes = super::super::quotes::find_quotes(text);
        assert_eq!(quotes.len(), 2);
        let whole = 0..text.len();
        let doc = Document {
            text,
            sentences: std::slice::from_ref(&whole),
            entities: &entities,
            quotes: &quotes,
        };
        let names = |found: &[NamedSpan]| {
            found
                .iter()
                .map(|entity| &text[entity.range.clone()])
                .collect::<Vec<_>>()
        };
        let scanned = |keep: &dyn Fn(&NamedSpan) -> bool| {
            let kept: Vec<NamedSpan> = entities.iter().filter(|entity| keep(entity)).cloned().collect();
            names(&kept).join(" ")
        };
        for range in [0..3, 1..2, 2..9, 3..4, 4..16, 8..30, 30..60, 0..60] {
            let starting = scanned(&|entity| range.contains(&entity.range.start));
            assert_eq!(
                names(doc.entities_starting_in(range.clone())).join(" "),
                starting,
                "{range:?}"
            );
            let overlapping = scanned(&|entity| super::overlaps(&entity.range, &range));
            assert_eq!(
                names(doc.entities_overlapping(range.clone())).join(" "),
                overlapping,
                "{range:?}"
            );
            let scanned_quotes: Vec<&Quote> = quotes
                .iter()
                .filter(|quote| super::overlaps(&quote.outer, &range))
                .collect();
            let found: Vec<&Quote> = doc.quotes_overlapping(range.clone()).iter().collect();
            assert_eq!(found, scanned_quotes, "{range:?}");
        }
    }

    #[test]
    fn a_clause_that_is_a_noun_phrase_names_a_relative_speaker() {
        fn np(text: &str) -> Option<&str> {
            noun_phrase_clause(text, 0..text.len()).map(|range| &text[range])
        }
        assert_eq!(np(" a humanitarian worker"), Some("a humanitarian worker"));
        assert_eq!(np("The club"), Some("The club"));
        assert_eq!(np("the study --"), Some("the study"));
        assert_eq!(np("The club appointed an auditor"), None);
        assert_eq!(np("There are few, if any,"), None);
        assert_eq!(np("It draws in young people"), None);
        assert_eq!(np("Among those"), None);
        assert_eq!(np("the chairman of the committee on foreign affairs today"), None);
    }

    #[test]
    fn how_a_speaker_was_reached_is_not_the_speaker() {
        let text = "A resident of Tera, reached by telephone by AFP, said";
        let source = trim_source(text, 0..text.find(" said").unwrap());
        assert_eq!(&text[source], "A resident of Tera");
        let text = "Two residents reached by Reuters said";
        let source = trim_source(text, 0..text.find(" said").unwrap());
        assert_eq!(&text[source], "Two residents");
    }

    #[test]
    fn a_speaker_stays_in_its_paragraph() {
        let text = "UN investigators exhume mass grave in the Ysen valley\n\nUN investigators say";
        let source = trim_source(text, text.find("Ysen").unwrap()..text.find(" say").unwrap());
        assert_eq!(&text[source], "UN investigators");
        // a hard-wrapped line is one sentence
        let text = "Richard Braddock, head of the whole individual banking\ndivision, added";
        let source = trim_source(text, 0..text.find(", added").unwrap());
        assert_eq!(
            &text[source],
            "Richard Braddock, head of the whole individual banking\ndivision"
        );
    }

    #[test]
    fn a_paraphrase_stays_in_its_cue_paragraph() {
        let text =
            "Four officers killed in blast\n\nBy A CORRESPONDENT\n\nFour officers were killed, police said.";
        let cue_at = text.find("said").unwrap();
        let cue = cue_at..cue_at + 4;
        let lede = text.find("Four officers were").unwrap();
        let content = within_paragraph(text, 0..text.find(", police").unwrap(), &cue);
        assert_eq!(&text[content], &text[lede..text.find(", police").unwrap()]);
        // within one paragraph nothing is cut
        let one = "Four officers were killed, police said.";
        let cue_at = one.find("said").unwrap();
        assert_eq!(within_paragraph(one, 0..25, &(cue_at..cue_at + 4)), 0..25);
        // nor after the cue, up to a paragraph break
        let after = "Police said the road was closed.\n\nResidents fled.";
        let content = within_paragraph(after, 12..after.len(), &(7..11));
        assert_eq!(&after[content], "the road was closed.");
    }

    #[test]
    fn a_content_of_one_function_word_is_no_claim() {
        let text = "The commander said \u{2014} a vow repeated across the region.";
        use crate::claims::{AttributionSpan, Role};
        let span = |piece: &str, role: Role| {
            // the first whole-word occurrence ("a" is also in "commander")
            let at = text
                .match_indices(piece)
                .map(|(at, _)| at)
                .find(|&at| at == 0 || text[..at].ends_with(' '))
                .expect("piece");
            AttributionSpan {
                role,
                range: at..at + piece.len(),
                confidence: 0.9,
            }
        };
        let spans = [
            span("The commander", Role::Source),
            span("said", Role::Cue),
            span("a", Role::Content),
        ];
        let sentences = crate::text::split_sentences(text);
        let claims = crate::claims::extract(text, &sentences, &[], &spans);
        assert!(claims.is_empty(), "{claims:?}");
        // a content of words is a claim
        let spans = [
            span("The commander", Role::Source),
            span("said", Role::Cue),
            span("a vow repeated across the region", Role::Content),
        ];
        assert_eq!(crate::claims::extract(text, &sentences, &[], &spans).len(), 1);
    }

    #[test]
    fn a_responsibility_claim_left_untagged_is_read_by_the_rules() {
        let text = "A group calling itself the Sierra Cartel claimed responsibility for the murder of the \
                    mayor in a banner hung from a bridge. No group has claimed responsibility for the \
                    second attack.";
        let sentences = crate::text::split_sentences(text);
        let claims = crate::claims::extract(text, &sentences, &[], &[]);
        assert_eq!(claims.len(), 1, "{claims:?}");
        let claim = &claims[0];
        assert_eq!(
            claim.claim_type,
            crate::output::extractions::ClaimType::Responsibility
        );
        let source = claim.source.clone().map(|source| &text[source]);
        assert_eq!(source, Some("A group calling itself the Sierra Cartel"));
        assert!(text[claim.content.clone()].starts_with("responsibility for the murder"));
    }

    #[test]
    fn pictures_and_reporters_questions_are_no_claims() {
        assert!(shows_pictures("posted", "photographs of the captured soldiers"));
        assert!(shows_pictures("aired footage of", "the attack"));
        assert!(shows_pictures("released a video showing", "the strike"));
        assert!(!shows_pictures(
            "released a video saying",
            "it would attack again"
        ));
        assert!(!shows_pictures("posted", "that the group would retaliate"));
        assert!(!shows_pictures("said", "photographs of the soldiers were fake"));
        let question = |text: &str| {
            let at = text.find("sked").map_or(0, |i| i - 1);
            let end = text[at..].find(' ').map_or(text.len(), |i| at + i);
            is_question(text, &(at..end), &text[at..end].to_lowercase())
        };
        assert!(question("Asked about the strike, the minister said nothing."));
        assert!(says_nothing("has", "the budget"));
        assert!(says_nothing("asked about", "the strike"));
        assert!(says_nothing("referring", "questions to the pentagon"));
        assert!(!says_nothing("referred to", "her as \"the devil\""));
        assert!(!says_nothing("said", "the strike killed two"));
        assert!(!says_nothing("has said", "the strike killed two"));
        // a name, pictures, a refusal
        assert!(says_nothing("calling", "itself the free sahel army"));
        assert!(says_nothing("purporting", "to show the bodies"));
        assert!(says_nothing("declined", "to name the suspect"));
        assert!(says_nothing("refused to say", "if it would appeal"));
        assert!(!says_nothing("called", "the attack a crime"));
        assert!(question("He left. Asked whether he would run, he said no."));
        assert!(!question("\"Who was it?\" asked the prosecutor."));
        assert!(!question("He asked that the court dismiss the case."));
    }

    #[test]
    fn a_claimant_leaves_its_relative_clause_to_the_source() {
        fn claimant(text: &str) -> &str {
            &text[without_relative_clause(text, 0..text.len())]
        }
        assert_eq!(
            claimant("The Britain-based monitor, which relies on a network of sources inside Syria"),
            "The Britain-based monitor"
        );
        assert_eq!(
            claimant("A senior bank official, who declined to be named"),
            "A senior bank official"
        );
        assert_eq!(claimant("Reuters"), "Reuters");
        assert_eq!(claimant("the people who were there"), "the people who were there");
    }
}
