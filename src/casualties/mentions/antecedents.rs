//! The people a plural pronoun opening a sentence stands for: "opened fire
//! on four men ... They were all shot in the foot" counts four. The
//! document's sentences are read in order; the last group of people a
//! sentence counts, and not already as harmed, is kept for the next three.
//!
//! Not here: singular pronouns ("he was shot" is one person, whoever he
//! is), and who the people are.
use super::*;
use crate::casualties::context::is_month_word;
use crate::text::dates::is_weekday_name;

/// How many sentences back a plural pronoun may find its people.
const ANTECEDENT_REACH: usize = 3;

/// The last counted group of people of a document, and how many
/// sentences ago it was told.
#[derive(Debug, Default)]
pub(super) struct Antecedents {
    last: Option<(Count, usize)>,
}

impl Antecedents {
    /// The count a "they" opening the next sentence stands for, if any.
    pub(super) fn current(&self) -> Option<Count> {
        self.last
            .as_ref()
            .filter(|(_, age)| *age < ANTECEDENT_REACH)
            .map(|(count, _)| count.clone())
    }

    /// Takes in a sentence whose mentions are `found`.
    pub(super) fn read(&mut self, s: &Sentence<'_, '_>, found: &[Found]) {
        // "Oscar Cerda and his brother Daniel were playing ... They were
        // hit": people named since are the nearer "they"
        let people_named = if s.entities.is_empty() {
            name_runs(s.tokens) >= 2
        } else {
            s.entities.iter().filter(|entity| entity.label == "PER").count() >= 2
        };
        self.last = match counted_group(s, found) {
            Some(count) => Some((count, 0)),
            None if people_named => None,
            None => self.last.take().map(|(count, age)| (count, age + 1)),
        };
    }
}

/// Runs of capitalised words that may name people, when no entities were
/// found: the first word only as the start of two ("Oscar Cerda and his
/// brother Daniel"), none after a preposition or a number ("in the 100
/// block of Erb Street") nor a day or month.
fn name_runs(tokens: &[Token<'_>]) -> usize {
    let capital = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|token| token.kind == TokenKind::Word && token.is_capitalized())
    };
    let starts_a_name = |i: usize| {
        if i == 0 {
            return capital(1);
        }
        let before = &tokens[i - 1];
        !capital(i - 1)
            && before.kind == TokenKind::Word
            && !before.is_any(&["in", "on", "at", "of", "from", "to", "near", "for", "by", "into"])
            && !is_weekday_name(&tokens[i].lower)
            && !is_month_word(&tokens[i].lower)
    };
    (0..tokens.len())
        .filter(|&i| capital(i) && starts_a_name(i))
        .count()
}

/// The last group of people a sentence counts ("opened fire on four men",
/// "found three men"), which a "they" after it may stand for. Not a group
/// the sentence already counts as harmed: "Four people were killed and two
/// injured. They were taken to hospital" speaks of the living, and "shooting
/// four men, one fatally. They were all taken to hospital" of the shot.
fn counted_group(s: &Sentence<'_, '_>, found: &[Found]) -> Option<Count> {
    s.numbers
        .iter()
        .filter(|phrase| phrase.form != Form::Article && phrase.count.value >= 2)
        // "The five defendants accused of killing two teenagers ... They
        // are all charged": the group not told harmed, however far back
        .rfind(|phrase| {
            head_after(s.tokens, phrase.end).is_some_and(|(_, plurality)| plurality == Plurality::Plural)
                && !found
                    .iter()
                    .any(|mention| mention.np.count_tokens == (phrase.start..phrase.end))
        })
        .map(|phrase| phrase.count.clone())
}
