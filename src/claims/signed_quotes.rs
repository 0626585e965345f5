//! Quotations signed with a dash after the closing mark: `"I worry about
//! my rent." ― Sonya Herridge, 34, of Fresno`. Vox-pop round-ups, reader
//! letters and epigraphs attribute quotes so, with no verb; PolNeAR marks
//! the dash as the cue. The signature names the speaker beyond doubt, so
//! it replaces whatever speaker the model or the recency rules gave the
//! quotation (the round-up's "Readers told us ..." lead, the previous
//! quote's speaker).
//!
//! Not here: a dash that opens an aside ("... the fighting" — a phrase he
//! repeated — "...") or precedes a lower-case word, which signs nothing;
//! quotations themselves are [`super::quotes`].
use std::ops::Range;

use super::assemble::{build, quoted_words, Document};
use super::spans::Claim;

/// Dashes that sign a quotation: horizontal bar, em dash, en dash, and
/// the typewriter's double hyphen.
const DASHES: &[&str] = &["\u{2015}", "\u{2014}", "\u{2013}", "--"];

/// Words a signature may hold that are not capitalised ("Abu Bakr
/// al-Baghdadi" is capitalised throughout; "Ludwig van Beethoven" is not).
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "van", "von", "de", "da", "dos", "du", "la", "le",
];

/// Most words of a signature's name.
const MAX_NAME_WORDS: usize = 6;

/// Confidence of a signed quotation's claim: a rule whose reading leaves
/// little room, below the model's surest claims.
const SIGNED_CONFIDENCE: f32 = 0.8;

/// The dash and the name that sign a quotation ending at `quote_end`
/// (just past its closing mark), or None.
pub fn signature(text: &str, quote_end: usize) -> Option<(Range<usize>, Range<usize>)> {
    let rest = text.get(quote_end..)?;
    let spaces = |s: &str| s.len() - s.trim_start_matches([' ', '\u{a0}', '\t']).len();
    let dash_start = quote_end + spaces(rest);
    let dash = DASHES
        .iter()
        .find(|dash| text[dash_start..].starts_with(**dash))?;
    let dash = dash_start..dash_start + dash.len();
    let name_start = dash.end + spaces(&text[dash.end..]);
    let name = name_after(text, name_start)?;
    Some((dash, name))
}

/// The capitalised name starting at `start`, up to a comma, a bracket, a
/// line end or a sentence's full stop ("Edwin G." keeps its initial).
fn name_after(text: &str, start: usize) -> Option<Range<usize>> {
    let mut end = start;
    let mut words = 0;
    let mut at = start;
    loop {
        let rest = &text[at..];
        let word_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':' | '"'))
            .unwrap_or(rest.len());
        if word_len == 0 {
            break;
        }
        let word = &rest[..word_len];
        let bare = word.trim_end_matches('.');
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        let particle = NAME_PARTICLES.contains(&bare.split('-').next().unwrap_or(""));
        if bare.is_empty() || !(capitalised || particle) {
            break;
        }
        words += 1;
        // a full stop after a word of more than one letter ends the sentence
        let initial = bare.chars().count() == 1;
        end = at
            + if word.ends_with('.') && !initial {
                bare.len()
            } else {
                word_len
            };
        if words == MAX_NAME_WORDS || (word.ends_with('.') && !initial) {
            break;
        }
        let after = &text[at + word_len..];
        let gap = after.len() - after.trim_start_matches([' ', '\u{a0}']).len();
        if gap == 0 {
            break;
        }
        at += word_len + gap;
    }
    let name = start..end;
    // a name ends on a capitalised word ("al-Baghdadi" counts by its
    // second part), not a bare particle
    let last = text[name.clone()].split_whitespace().next_back()?;
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let ends_on_name = capitalised(last) || last.split_once('-').is_some_and(|(_, rest)| capitalised(rest));
    let possessive = last.ends_with("'s") || last.ends_with("\u{2019}s");
    // a signature stands alone: "— McCarthy said ..." and "-- Baghdad's
    // term for ..." start a clause, they sign nothing
    let follows = text[end..].trim_start_matches([' ', '\u{a0}']);
    let stands_alone = follows.is_empty() || follows.starts_with([',', '.', '(', ';', '\n', '\r']);
    (words > 0 && ends_on_name && !possessive && stands_alone).then_some(name)
}

/// Gives each signed quotation a claim of its signer, in place of the
/// claims that had read the quotation as someone else's by recency (no cue,
/// or a cue in another sentence). A cue in the quotation's own sentence
/// outside it ("Chief Belmar: \"...\" — Chris Nagus", a tweet's author; "Rajoy
/// insisted that his party was \"still the No. 1 force\"--Kim Hjelmgaard", a
/// byline) names the speaker better than a dash does, and so does a claim
/// whose content only embeds the quotation: such quotations are left as
/// they are. Claims whose cue lies inside the quotation are the quoted
/// speaker's own and stay.
pub(super) fn add_signed_quotes(doc: &Document<'_>, claims: &mut Vec<Claim>) {
    for quote in doc.quotes {
        let Some((dash, name)) = signature(doc.text, quote.outer.end) else {
            continue;
        };
        let words = quoted_words(doc.text, quote);
        if words.is_empty() {
            continue;
        }
        let inside = |range: &Range<usize>| quote.outer.start <= range.start && range.end <= quote.outer.end;
        let first = doc.sentence_of(quote.outer.start);
        let last = doc.sentence_of(quote.outer.end.saturating_sub(1));
        let reads_the_quote =
            |claim: &Claim| claim.content.start < words.end && words.start < claim.content.end;
        let attributed_here = claims.iter().filter(|claim| reads_the_quote(claim)).any(|claim| {
            let cue_here = claim
                .cue
                .as_ref()
                .is_some_and(|cue| !inside(cue) && (first..=last).contains(&doc.sentence_of(cue.start)));
            let embeds = !inside(&claim.content) && !claim.cue.as_ref().is_some_and(inside);
            cue_here || embeds
        });
        if attributed_here {
            continue;
        }
        claims.retain(|claim| !reads_the_quote(claim) || claim.cue.as_ref().is_some_and(inside));
        let mut signed = build(doc, Some(dash), Some(name), words, true, SIGNED_CONFIDENCE);
        // a dash has no verb to take a lemma from; what it does is "say"
        signed.cue_lemma = Some("say".to_owned());
        claims.push(signed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(text: &str) -> Option<(&str, &str)> {
        let quote_end = text.find("\" ").or_else(|| text.find("\"\u{2015}"))? + 1;
        signature(text, quote_end).map(|(dash, name)| (&text[dash], &text[name]))
    }

    #[test]
    fn a_dash_and_a_name_after_the_closing_mark_sign_the_quote() {
        assert_eq!(
            signed("\"I worry about my rent.\" \u{2015} Sonya Herridge, 34, of Fresno."),
            Some(("\u{2015}", "Sonya Herridge"))
        );
        assert_eq!(
            signed("\"Nobody listens.\"\u{2015} Pamela Padilla"),
            Some(("\u{2015}", "Pamela Padilla"))
        );
        assert_eq!(
            signed("\"It works.\" \u{2014} Edwin G."),
            Some(("\u{2014}", "Edwin G."))
        );
        assert_eq!(
            signed("\"We fight on.\" -- Abu Bakr al-Baghdadi"),
            Some(("--", "Abu Bakr al-Baghdadi"))
        );
        assert_eq!(
            signed("\"No one is safe.\" \u{2014} Carla Sanchez. She lives in Kabul."),
            Some(("\u{2014}", "Carla Sanchez"))
        );
    }

    #[test]
    fn a_dash_before_anything_but_a_name_signs_nothing() {
        assert_eq!(
            signed("\"the fighting\" \u{2014} a phrase he repeated \u{2014} was"),
            None
        );
        assert_eq!(signed("\"We will win,\" he said \u{2014} Taliban"), None);
        assert_eq!(signed("\"Enough.\" \u{2014} 34 people signed it"), None);
        assert_eq!(
            signed("\"Terror Town\" \u{2014} McCarthy said the police would stay"),
            None
        );
        assert_eq!(signed("a \"naval target\" -- Baghdad's term for a tanker"), None);
        assert_eq!(signed("\"I'm still in shock.\" --Girlfriend of the victim"), None);
        assert_eq!(signed("\"Enough.\" The minister left."), None);
    }

    #[test]
    fn a_signed_quotation_is_its_signers_even_without_the_model() {
        let text = "Readers told us what the curfew meant. \"We had no water for nine days.\" \u{2015} Fatima Bello, 41, a trader.";
        let sentences = crate::text::split_sentences(text);
        let claims = crate::claims::extract(text, &sentences, &[], &[]);
        let signed = claims
            .iter()
            .find(|claim| &text[claim.content.clone()] == "We had no water for nine days.")
            .expect("the quotation is a claim");
        assert_eq!(
            signed.source.as_ref().map(|source| &text[source.clone()]),
            Some("Fatima Bello")
        );
        assert_eq!(
            signed.cue.as_ref().map(|cue| &text[cue.clone()]),
            Some("\u{2015}")
        );
        assert_eq!(signed.cue_lemma.as_deref(), Some("say"));
        assert!(signed.direct_quote);
    }

    #[test]
    fn a_cue_in_the_quotations_sentence_outranks_a_dash() {
        // a byline after the article's last quotation
        let text = "Rajoy said he will try again and insisted that his party was \"still the No. 1 force in Spain.\"--Kim Hjelmgaard.";
        let sentences = crate::text::split_sentences(text);
        let claims = crate::claims::extract(text, &sentences, &[], &[]);
        assert!(!claims.is_empty(), "the rules read Rajoy's claim");
        assert!(claims.iter().all(|claim| claim
            .source
            .as_ref()
            .is_none_or(|source| &text[source.clone()] != "Kim Hjelmgaard")));
    }
}
