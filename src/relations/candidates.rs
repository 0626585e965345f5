//! Which entity pairs the relation model scores: pairs inside one sentence,
//! of types that some relation can join, not too far apart, at most a
//! fixed number per sentence.
//!
//! These limits bound the stage's cost: at most one model call per
//! sentence that has a candidate pair, whatever the number of pairs (none
//! when no pair has the wording of a relation: [`super::model`]), and no
//! call at all for sentences with fewer than two entities. They do not
//! decide relations; [`super::decide`] does.
use std::ops::Range;

use crate::ner::EntityMention;
use crate::text::dateline::{dateline_len, DATELINE_MAX_BYTES};

/// Limits of the pair selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairLimits {
    /// Entities of a sentence considered, in text order.
    pub max_entities: usize,
    /// Unordered pairs per sentence, nearest first.
    pub max_pairs: usize,
    /// Most bytes between the end of the first entity and the start of the second.
    pub max_gap_bytes: usize,
    /// Bytes of the sentence kept before the first and after the last
    /// entity of a pair (cut at a space): long sentences cost less, and
    /// the words that state a relation lie between or next to its entities.
    /// A model whose config names `reading_context_bytes` (it was trained
    /// on sentences cut so) sets this when it loads; 40 otherwise.
    pub context_bytes: usize,
    /// Whether person-place pairs are scored (located_in, born_in,
    /// origin_from). Off by default: a tenth of the stage's model calls on
    /// news, for the relations conflict datasets need least.
    pub person_place: bool,
}

impl Default for PairLimits {
    fn default() -> Self {
        Self {
            max_entities: 8,
            max_pairs: 12,
            max_gap_bytes: 150,
            context_bytes: 40,
            person_place: false,
        }
    }
}

/// A sentence with the entities and pairs to score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentencePairs {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// Byte range of the text the model reads: the sentence, cut to the
    /// pairs' entities and `context_bytes` around them.
    pub range: Range<usize>,
    /// Document entity indices; `entities` in sentence coordinates follow.
    pub entity_ids: Vec<usize>,
    /// Entity byte ranges relative to the sentence start.
    pub entities: Vec<Range<usize>>,
    /// Unordered pairs as indices into `entities`, first in text order.
    pub pairs: Vec<(usize, usize)>,
}

impl SentencePairs {
    /// Both orders of every pair: what the model scores.
    pub fn ordered_pairs(&self) -> Vec<(usize, usize)> {
        self.pairs.iter().flat_map(|&(a, b)| [(a, b), (b, a)]).collect()
    }
}

/// Whether two entity types can be related by some relation of the schema.
fn can_relate(a: &str, b: &str, limits: &PairLimits) -> bool {
    let pair = |x: &str, y: &str| (a == x && b == y) || (a == y && b == x);
    // PER-PER (spouses) and PER-MISC (nationality words) are left out:
    // rare in conflict reporting, and a sixth of the stage's model calls.
    pair("PER", "ORG")
        || pair("ORG", "ORG")
        || pair("ORG", "LOC")
        || (limits.person_place && pair("PER", "LOC"))
}

/// Whether the entity starting at byte `start` is whom something was told,
/// or the outlet that quoted it: "residents told AFP", "Alves told the
/// BBC", "said in an interview with Reuters", "speaking to the BBC",
/// "quoted by IRNA". A news outlet or a listener in that place is the
/// medium of a statement, and the sentence states no relation of it; the
/// model, trained on sentences that mostly hold one, read "told AFP" as
/// `based_in` and "told the BBC" as `employee_of`. "according to X" is not
/// among them: its X is the source ("according to Ahmed, a spokesman for
/// the Taliban"), and relations of sources are what users look for.
fn is_addressee(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    // The last words are enough (the longest phrase, " the" and the space
    // before them), and their case does not matter ("Speaking to").
    let longest = MEDIUM_PHRASES
        .iter()
        .map(|phrase| phrase.len())
        .max()
        .unwrap_or(0);
    let from = before.ceil_char_boundary(before.len().saturating_sub(longest + " the".len() + 1));
    let before = before[from..].to_ascii_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    MEDIUM_PHRASES.iter().any(|phrase| {
        before
            .strip_suffix(phrase)
            .is_some_and(|rest| (rest.is_empty() && from == 0) || rest.ends_with([' ', '\n']))
    })
}

/// Whether the entity starting at byte `start` is in its line's dateline
/// ("BAMAKO (AFP) -", "ERBIL, Iraq (Reuters) -", "DUBAI/CAIRO (Reuters)
/// -"): the place a story was filed from and the agency that filed it,
/// which the model read as `alias_of(BAMAKO, AFP)` and `based_in(ERBIL,
/// Iraq)` (what a dateline is: [`crate::text::dateline`]).
fn in_dateline(text: &str, start: usize) -> bool {
    // a dateline ends within its line's first 64 bytes, so the line start
    // is looked for no further back: this runs for every entity
    let from = text.ceil_char_boundary(start.saturating_sub(DATELINE_MAX_BYTES));
    let line_start = match text.get(from..start).and_then(|before| before.rfind('\n')) {
        Some(newline) => from + newline + 1,
        None if from == 0 => 0,
        None => return false,
    };
    text.get(line_start..)
        .and_then(dateline_len)
        .is_some_and(|len| start < line_start + len)
}

/// A social network or messaging service ("a statement on Telegram"): the
/// channel of a claim, never a party to a relation of the schema (the
/// model read `opposed_to(JNIM, Telegram)`).
fn is_platform(name: &str) -> bool {
    matches!(
        name,
        "Telegram"
            | "Twitter"
            | "X"
            | "Facebook"
            | "WhatsApp"
            | "YouTube"
            | "Instagram"
            | "TikTok"
            | "Signal"
            | "Truth Social"
            | "VKontakte"
            | "Weibo"
            | "WeChat"
    )
}

/// What comes before the listener or outlet of a statement (the article
/// before the name is stripped first).
const MEDIUM_PHRASES: &[&str] = &[
    "told",
    "interview with",
    "speaking to",
    "spoke to",
    "talking to",
    "quoted by",
];

/// The part of `sentence` the model reads for entities spanning `covered`:
/// `context` bytes on each side, moved inwards to a space so no word is cut.
pub fn reading_range(
    text: &str,
    sentence: &Range<usize>,
    covered: Range<usize>,
    context: usize,
) -> Range<usize> {
    // the sentence's bounds are char boundaries, so rounding stays inside it
    let mut start = text.floor_char_boundary(covered.start.saturating_sub(context).max(sentence.start));
    if start > sentence.start {
        // begin after a space, so no word is cut
        start = text[start..covered.start]
            .find(' ')
            .map_or(covered.start, |space| start + space + 1);
    }
    let mut end = text.ceil_char_boundary((covered.end + context).min(sentence.end));
    if end < sentence.end {
        end = text[covered.end..end]
            .rfind(' ')
            .map_or(covered.end, |space| covered.end + space);
    }
    start..end
}

/// The sentences of a document with their candidate pairs. `entities` are
/// byte ranges of `text`, sorted by start; `sentences` tile `text`.
pub fn candidate_pairs(
    text: &str,
    sentences: &[Range<usize>],
    entities: &[EntityMention],
    limits: &PairLimits,
) -> Vec<SentencePairs> {
    let mut out = Vec::new();
    let mut next = 0;
    for (index, range) in sentences.iter().enumerate() {
        let mut members = Vec::new();
        while next < entities.len() && entities[next].start < range.end {
            let entity = &entities[next];
            if entity.start >= range.start
                && entity.end <= range.end
                && text.is_char_boundary(entity.start)
                && !is_addressee(text, entity.start)
                && !in_dateline(text, entity.start)
                && !is_platform(text.get(entity.start..entity.end).unwrap_or(""))
            {
                members.push(next);
            }
            next += 1;
        }
        members.truncate(limits.max_entities);
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, &a) in members.iter().enumerate() {
            for (j, &b) in members.iter().enumerate().skip(i + 1) {
                let (first, second) = (&entities[a], &entities[b]);
                let gap = second.start.saturating_sub(first.end);
                let same_name = text.get(first.start..first.end) == text.get(second.start..second.end);
                if gap <= limits.max_gap_bytes
                    && !same_name
                    && can_relate(&first.label, &second.label, limits)
                {
                    pairs.push((gap, i, j));
                }
            }
        }
        if pairs.is_empty() {
            continue;
        }
        pairs.sort();
        pairs.truncate(limits.max_pairs);
        pairs.sort_by_key(|&(_, i, j)| (i, j));
        // only the entities of kept pairs are marked and read
        let mut used: Vec<usize> = pairs.iter().flat_map(|&(_, i, j)| [i, j]).collect();
        used.sort_unstable();
        used.dedup();
        let renumber = |k: usize| used.iter().position(|&u| u == k).unwrap_or(0);
        let ids: Vec<usize> = used.iter().map(|&k| members[k]).collect();
        let covered =
            entities[ids[0]].start..ids.iter().map(|&id| entities[id].end).max().unwrap_or(range.end);
        let reading = reading_range(text, range, covered, limits.context_bytes);
        out.push(SentencePairs {
            sentence: index,
            entities: ids
                .iter()
                .map(|&id| entities[id].start - reading.start..entities[id].end - reading.start)
                .collect(),
            range: reading,
            entity_ids: ids,
            pairs: pairs
                .into_iter()
                .map(|(_, i, j)| (renumber(i), renumber(j)))
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_hold_no_relation() {
        let text = "Title line\nBAMAKO (AFP) - Gunmen killed 12 people, JNIM said.";
        let at = |name: &str| text.find(name).expect("name");
        assert!(in_dateline(text, at("BAMAKO")));
        assert!(in_dateline(text, at("AFP")));
        assert!(!in_dateline(text, at("JNIM")));
        let text = "ERBIL, Iraq (Reuters) - The Kurdistan Regional Government said.";
        assert!(in_dateline(text, text.find("Iraq").expect("Iraq")));
        assert!(!in_dateline(text, text.find("Kurdistan").expect("KRG")));
        let text = "NATO and the EU met in Brussels - a first.";
        assert!(!in_dateline(text, 0));
    }

    #[test]
    fn platforms_hold_no_relation() {
        let text = "JNIM said in a statement on Telegram that Mali's army had fled.";
        let entities = vec![
            entity(text, "JNIM", "ORG"),
            entity(text, "Telegram", "ORG"),
            entity(text, "Mali", "LOC"),
        ];
        let found = candidate_pairs(text, &whole(text), &entities, &PairLimits::default());
        let pairs: Vec<(usize, usize)> = found
            .iter()
            .flat_map(|sentence| {
                sentence
                    .pairs
                    .iter()
                    .map(|&(a, b)| (sentence.entity_ids[a], sentence.entity_ids[b]))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(pairs, vec![(0, 2)], "Telegram pairs with nothing");
    }

    /// One sentence: the whole text.
    fn whole(text: &str) -> Vec<Range<usize>> {
        std::iter::once(0..text.len()).collect()
    }

    fn entity(text: &str, name: &str, label: &str) -> EntityMention {
        EntityMention::found_in(text, name, label, 0.9)
    }

    #[test]
    fn the_model_reads_the_entities_and_some_words_around_them() {
        let text = "In a long preamble that says nothing at all about anyone, Sanaullah Ghafari leads ISIS-K, officials said on Monday in a statement.";
        let entities = vec![
            entity(text, "Sanaullah Ghafari", "PER"),
            entity(text, "ISIS-K", "ORG"),
        ];
        let limits = PairLimits {
            context_bytes: 12,
            ..PairLimits::default()
        };
        let found = candidate_pairs(text, &whole(text), &entities, &limits);
        let read = &text[found[0].range.clone()];
        assert_eq!(read, "anyone, Sanaullah Ghafari leads ISIS-K, officials");
        assert_eq!(&read[found[0].entities[1].clone()], "ISIS-K");
    }

    #[test]
    fn cuts_fall_on_character_and_word_boundaries() {
        let text =
            "Çok önemli açıklamalar yapan Ömer Çelik, AKP sözcüsü, dün Ankara'da konuştu ve çok şey söyledi.";
        let entities = vec![entity(text, "Ömer Çelik", "PER"), entity(text, "AKP", "ORG")];
        for context in 0..40 {
            let limits = PairLimits {
                context_bytes: context,
                ..PairLimits::default()
            };
            let found = candidate_pairs(text, &whole(text), &entities, &limits);
            let read = &text[found[0].range.clone()];
            let range = found[0].range.clone();
            assert!(range.start == 0 || text[..range.start].ends_with(' '), "{read:?}");
            assert!(
                range.end == text.len() || text[range.end..].starts_with(' '),
                "{read:?}"
            );
            assert_eq!(&read[found[0].entities[0].clone()], "Ömer Çelik");
            assert_eq!(&read[found[0].entities[1].clone()], "AKP");
        }
    }

    #[test]
    fn pairs_stay_inside_sentences_and_skip_unrelatable_types() {
        let text = "Sanaullah Ghafari leads ISIS-K in Kabul. Reuters reported it on Monday.";
        let sentences = [0..40, 41..text.len()];
        let entities = vec![
            entity(text, "Sanaullah Ghafari", "PER"),
            entity(text, "ISIS-K", "ORG"),
            entity(text, "Kabul", "LOC"),
            entity(text, "Reuters", "ORG"),
        ];
        let everything = PairLimits {
            person_place: true,
            ..PairLimits::default()
        };
        let found = candidate_pairs(text, &sentences, &entities, &everything);
        assert_eq!(found.len(), 1, "the second sentence has one entity");
        assert_eq!(found[0].entity_ids, [0, 1, 2]);
        assert_eq!(found[0].pairs, [(0, 1), (0, 2), (1, 2)]);
        assert_eq!(found[0].entities[1], 24..30);
        assert_eq!(found[0].ordered_pairs().len(), 6);
        // by default the person-place pair is left out
        let found = candidate_pairs(text, &sentences, &entities, &PairLimits::default());
        assert_eq!(found[0].pairs, [(0, 1), (1, 2)]);
    }

    #[test]
    fn whom_something_was_told_is_in_no_pair() {
        let text = "Residents in Burkina Faso told AFP and Alves told the BBC about Hamas.";
        let entities = vec![
            entity(text, "Burkina Faso", "LOC"),
            entity(text, "AFP", "ORG"),
            entity(text, "Alves", "PER"),
            entity(text, "BBC", "ORG"),
            entity(text, "Hamas", "ORG"),
        ];
        let found = candidate_pairs(text, &whole(text), &entities, &PairLimits::default());
        assert_eq!(found[0].entity_ids, [0, 2, 4], "AFP and BBC are in no pair");
        assert!(is_addressee("They told AFP", 10));
        assert!(is_addressee("he said in an interview with Reuters", 29));
        assert!(is_addressee("Speaking to the BBC", 16));
        assert!(is_addressee("Zarif was quoted by IRNA", 19));
        assert!(!is_addressee("according to Ahmed", 13));
        assert!(!is_addressee("The AFP", 4));
        assert!(!is_addressee("Foretold AFP", 9));
    }

    #[test]
    fn caps_keep_the_nearest_pairs() {
        let text = "A B C D E";
        let entities: Vec<EntityMention> = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|name| entity(text, name, "ORG"))
            .collect();
        let limits = PairLimits {
            max_entities: 4,
            max_pairs: 3,
            max_gap_bytes: 300,
            context_bytes: 80,
            person_place: false,
        };
        let found = candidate_pairs(text, &whole(text), &entities, &limits);
        assert_eq!(found[0].entity_ids, [0, 1, 2, 3]);
        assert_eq!(found[0].pairs, [(0, 1), (1, 2), (2, 3)]);
    }

    #[test]
    fn the_same_name_twice_is_no_pair() {
        let text = "Hamas and Hamas";
        let entities = vec![
            EntityMention {
                start: 0,
                end: 5,
                label: "ORG".into(),
                confidence: 0.9,
            },
            EntityMention {
                start: 10,
                end: 15,
                label: "ORG".into(),
                confidence: 0.9,
            },
        ];
        assert!(candidate_pairs(text, &whole(text), &entities, &PairLimits::default()).is_empty());
    }
}
