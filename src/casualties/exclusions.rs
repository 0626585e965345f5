//! Numbers that are never casualty figures, whatever words surround them.
//!
//! News text is full of numbers next to casualty words: "Smith, 34, was
//! killed" (an age), "killed in 2004" (a year), "shot at 6 p.m." (a time),
//! "a ten million dollar bounty" (money). Each rule here looks only at the
//! tokens around one number phrase and says which kind of non-count it is;
//! `mentions/` drops such phrases before pairing numbers with cues.
//!
//! Not here, because the grammar already refuses them: ordinals ("fifth",
//! "21st"), hyphenated ages ("a 12-year-old", one token that is no
//! cardinal), clock times and dates in one token ("10:30", "9/11"), scores
//! ("won 3-2": a falling pair is no range). Counts of things rather than
//! people ("six of the twenty deadliest attacks", "fired 30 rounds") are
//! refused by `mentions/`, which only counts nouns of people; the tests
//! below check those cases end to end.
use super::numbers::{Form, NumberPhrase};
use super::tokens::{Token, TokenKind};

/// Why a number is not a casualty figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exclusion {
    Year,
    Date,
    Age,
    Money,
    Time,
    Phone,
    Address,
    /// A unit of measure, a percentage or a span of time: "5 miles", "30%", "two days".
    Measure,
    /// "one" standing for a thing named before: "the vehicle behind the
    /// targeted one", "the first one".
    Pronoun,
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

const CURRENCY_SYMBOLS: &[&str] = &["$", "€", "£", "¥", "₹", "₦", "us$", "usd", "rs", "eur", "gbp"];

const CURRENCY_WORDS: &[&str] = &[
    "dollar",
    "dollars",
    "euro",
    "euros",
    "pound",
    "pounds",
    "cents",
    "rupees",
    "rupee",
    "naira",
    "yuan",
    "yen",
    "francs",
    "dinars",
    "shillings",
    "rand",
    "pesos",
    "bucks",
    "afghanis",
    "lira",
    "rubles",
    "roubles",
    "bounty",
    "reward",
    "bail",
    "bond",
    "ransom",
    "fine",
];

const TIME_WORDS: &[&str] = &[
    "a.m", "p.m", "am", "pm", "o'clock", "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "mst", "mdt",
];

const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "avenue",
    "ave",
    "road",
    "rd",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "way",
    "court",
    "ct",
    "place",
    "pl",
    "circle",
    "cir",
    "parkway",
    "pkwy",
    "terrace",
    "highway",
    "hwy",
    "trail",
    "pike",
    "square",
    "plaza",
];

/// Words before a number that make it a name or an address: "Route 66",
/// "Interstate 95", "Flight 370", "Apt. 4", "No. 2", "Article 5".
const NUMBERED_THINGS: &[&str] = &[
    // photo galleries: "Image 8 of 9"
    "image",
    "photo",
    "slide",
    "picture",
    "route",
    "highway",
    "hwy",
    "interstate",
    "apt",
    "apartment",
    "room",
    "no",
    "number",
    "suite",
    "unit",
    "building",
    "flight",
    "precinct",
    "ward",
    "district",
    "platoon",
    "channel",
    "page",
    "chapter",
    "article",
    "section",
    "gate",
    "terminal",
    "pier",
    "lot",
    "exit",
    "level",
    "floor",
    "bus",
    "train",
    "line",
    "station",
    "box",
    "lane",
    "road",
    "street",
    "proposition",
    "prop",
    "bill",
    "resolution",
    "grade",
    "class",
    "squad",
    "company",
    "battalion",
    "brigade",
    "division",
    "corps",
    "zone",
    "sector",
    "phase",
    "category",
    "level",
    "code",
    "model",
    "version",
    "week",
    "day",
    "game",
    "round",
    "stage",
    "chapter",
    "season",
    "episode",
    "volume",
    "vol",
    "issue",
    "ch",
    "sec",
    "fig",
    "table",
    "part",
];

/// Units, percentages and spans of time after a number.
const UNITS: &[&str] = &[
    "%",
    "percent",
    "per",
    "pct",
    "miles",
    "mile",
    "km",
    "kilometers",
    "kilometres",
    "kilometer",
    "kilometre",
    "meters",
    "metres",
    "meter",
    "metre",
    "feet",
    "foot",
    "ft",
    "inches",
    "inch",
    "yards",
    "yard",
    "kg",
    "kilograms",
    "kilos",
    "grams",
    "lbs",
    "tons",
    "tonnes",
    "mm",
    "caliber",
    "calibre",
    "gauge",
    "degrees",
    "acres",
    "hectares",
    "liters",
    "litres",
    "gallons",
    "barrels",
    "mph",
    "seconds",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "decades",
    "centuries",
    "times",
];

fn word_at<'a>(tokens: &'a [Token<'_>], index: Option<usize>) -> &'a str {
    index
        .and_then(|i| tokens.get(i))
        .map_or("", |token| token.lower.as_str())
}

/// The year a token writes, if it is one: four digits from 1900 to 2100.
pub fn year_of(token: &Token<'_>) -> Option<u16> {
    if token.kind != TokenKind::Number || token.text.len() != 4 {
        return None;
    }
    let year: u16 = token.text.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// Whether the token is a month name or its abbreviation.
pub fn is_month(token: &Token<'_>) -> bool {
    MONTHS.contains(&token.lower.as_str())
}

/// Why the number phrase `phrase` of `tokens` is no casualty figure, if it is not.
pub fn exclusion(tokens: &[Token<'_>], phrase: &NumberPhrase) -> Option<Exclusion> {
    if !matches!(phrase.form, Form::Digits | Form::Words) {
        return None;
    }
    let first = tokens.get(phrase.start)?;
    let last = tokens.get(phrase.end.checked_sub(1)?)?;
    let before = |k: usize| phrase.start.checked_sub(k);
    let after = |k: usize| Some(phrase.end + k - 1);
    let prev = word_at(tokens, before(1));
    let prev2 = word_at(tokens, before(2));
    let next = word_at(tokens, after(1));
    let next2 = word_at(tokens, after(2));
    let single = phrase.end - phrase.start == 1;

    if single && year_of(first).is_some() && super::lexicon::person_noun(next).is_none() {
        return Some(Exclusion::Year);
    }
    // "Aug. 27", "27 August", "March 3"
    let month_before = before(1).and_then(|i| tokens.get(i)).is_some_and(is_month)
        || (prev == "." && before(2).and_then(|i| tokens.get(i)).is_some_and(is_month));
    if month_before || after(1).and_then(|i| tokens.get(i)).is_some_and(is_month) {
        return Some(Exclusion::Date);
    }
    if let Some(reason) = age(tokens, phrase, prev, prev2, next, next2) {
        return Some(reason);
    }
    if CURRENCY_SYMBOLS.contains(&prev) || CURRENCY_WORDS.contains(&next) {
        return Some(Exclusion::Money);
    }
    let next3 = word_at(tokens, after(3));
    let clock = prev == "at"
        && next == "in"
        && next2 == "the"
        && matches!(next3, "morning" | "evening" | "afternoon");
    if TIME_WORDS.contains(&next) || clock {
        return Some(Exclusion::Time);
    }
    if phone(tokens, phrase, prev, next) {
        return Some(Exclusion::Phone);
    }
    let prev3 = word_at(tokens, before(3));
    // "Image 8 of 9": the second number too
    let numbered_of = prev == "of"
        && before(2)
            .and_then(|i| tokens.get(i))
            .is_some_and(|token| token.kind == TokenKind::Number)
        && NUMBERED_THINGS.contains(&prev3);
    let numbered =
        numbered_of || NUMBERED_THINGS.contains(&prev) || (prev == "." && NUMBERED_THINGS.contains(&prev2));
    let street = (1..=3).any(|k| {
        after(k)
            .and_then(|i| tokens.get(i))
            .is_some_and(|token| token.is_capitalized() && STREET_WORDS.contains(&token.lower.as_str()))
    }) && tokens.get(phrase.end).is_some_and(Token::is_capitalized);
    if numbered || street || next == "block" || (prev == "block" && last.kind == TokenKind::Number) {
        return Some(Exclusion::Address);
    }
    if UNITS.contains(&next) || (next == "-" && UNITS.contains(&next2)) {
        return Some(Exclusion::Measure);
    }
    // "the targeted one", "this one", "the first one": a pronoun, unless
    // people follow ("the one victim")
    // ("that one man ...", "which killed one" are numbers)
    let determiner = |word: &str| matches!(word, "the" | "this");
    let pronoun_one = single
        && first.lower == "one"
        && (determiner(prev)
            || (determiner(prev2)
                && before(1)
                    .and_then(|i| tokens.get(i))
                    .is_some_and(|t| t.kind == TokenKind::Word && !t.is_capitalized())))
        && super::lexicon::person_noun(next).is_none();
    if pronoun_one {
        return Some(Exclusion::Pronoun);
    }
    None
}

/// Whether the list going on at `from` ("and 31 years old", ", 19 and
/// 24-year-old") ends in an age.
fn ages_follow(tokens: &[Token<'_>], from: usize) -> bool {
    let mut i = from;
    let mut numbers = 0;
    while let Some(token) = tokens.get(i) {
        if token.is_any(&[",", "and"]) {
            i += 1;
            continue;
        }
        if token.lower.ends_with("-year-old") || token.lower.ends_with("-years-old") {
            return true;
        }
        if token.kind != TokenKind::Number || numbers == 4 {
            return false;
        }
        numbers += 1;
        let unit = tokens
            .get(i + 1)
            .is_some_and(|t| t.is_any(&["years", "year", "yrs"]));
        if unit && tokens.get(i + 2).is_some_and(|t| t.is("old")) {
            return true;
        }
        i += 1;
    }
    false
}

/// Words that open a sentence before a place or a day, capitalised only
/// for being first.
const OPENING_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "from",
    "by",
    "for",
    "after",
    "before",
    "during",
    "since",
    "near",
    "across",
    "throughout",
    "outside",
    "inside",
    "until",
    "the",
    "last",
    "this",
    "with",
    "overnight",
];

/// Ages: "aged 34", "ages 8 and 11", "34 years old", "Jaime Salazar, 34,",
/// "(34)", "who was 34".
fn age(
    tokens: &[Token<'_>],
    phrase: &NumberPhrase,
    prev: &str,
    prev2: &str,
    next: &str,
    next2: &str,
) -> Option<Exclusion> {
    if matches!(prev, "aged" | "age" | "ages" | "ageing")
        || (prev == "of" && matches!(prev2, "ages" | "age"))
        || (matches!(next, "years" | "year" | "yrs" | "months") && matches!(next2, "old" | "of"))
        || (prev == "and" && matches!(prev2, "ages" | "aged"))
        // "a boy younger than 12 was shot"
        || (prev == "than" && matches!(prev2, "younger" | "older"))
    {
        return Some(Exclusion::Age);
    }
    // "ages 8 and 11", "ages 19, 21 and 22": a later number of the list.
    if matches!(prev, "and" | ",") {
        let mut i = phrase.start;
        while i > 0 {
            let token = &tokens[i - 1];
            if token.kind == TokenKind::Number || token.is_any(&[",", "and"]) {
                i -= 1;
                continue;
            }
            if token.is_any(&["ages", "aged"]) {
                return Some(Exclusion::Age);
            }
            // "between the ages of 18 and 23"
            if token.is("of") && i >= 2 && tokens[i - 2].is_any(&["ages", "age"]) {
                return Some(Exclusion::Age);
            }
            break;
        }
    }
    // "were 28 and 31 years old", "28 and 31-year-old men": an earlier
    // number of a list of ages.
    if matches!(next, "and" | ",") && ages_follow(tokens, phrase.end) {
        return Some(Exclusion::Age);
    }
    // An apposition after a name or a person: "Jaime Salazar, 34, and", "a man, 25,".
    let closes = matches!(next, "," | "." | ")" | ";" | "and" | "") || next == "-";
    let opener = phrase.start.checked_sub(2).and_then(|i| tokens.get(i));
    let person_before = opener.is_some_and(|token| {
        token.is_capitalized() || super::lexicon::person_noun(&token.lower).is_some() || token.text == ")"
    });
    if matches!(prev, "," | "(") && closes && person_before {
        return Some(Exclusion::Age);
    }
    // "Scorpio-Rodney Alonzo Phillips, 31, died", "Jerry Coleman, 31 all died":
    // after a name of two capitalised words the number is an age even unclosed.
    // Not a capitalised opening word and a place or day: "In Kabul, 14
    // people were killed", "On Thursday, 14 suspects were arrested".
    let name_before = opener.is_some_and(Token::is_capitalized)
        && phrase
            .start
            .checked_sub(3)
            .and_then(|i| tokens.get(i))
            .is_some_and(|token| token.is_capitalized() && !OPENING_WORDS.contains(&token.lower.as_str()));
    let first = tokens.get(phrase.start);
    let small = first.is_some_and(|token| token.kind == TokenKind::Number && token.text.len() <= 2);
    let people_follow = super::lexicon::person_noun(next).is_some();
    if prev == "," && name_before && small && !people_follow {
        return Some(Exclusion::Age);
    }
    if matches!(prev, "is" | "was") && matches!(prev2, "who" | "he" | "she") && closes {
        return Some(Exclusion::Age);
    }
    None
}

/// Phone numbers: "555-1234" (parsed as a range of odd lengths), the area
/// code in "(555) 555-1234", and 911.
fn phone(tokens: &[Token<'_>], phrase: &NumberPhrase, prev: &str, next: &str) -> bool {
    let Some(first) = tokens.get(phrase.start) else {
        return false;
    };
    if first.kind == TokenKind::Mixed {
        if let Some((low, high)) = first.text.split_once('-') {
            if low.len() >= 3 && high.len() >= 4 {
                return true;
            }
        }
    }
    let is_phone_part = |token: Option<&Token<'_>>| {
        token.is_some_and(|token| {
            token.kind == TokenKind::Mixed
                && token
                    .text
                    .split('-')
                    .all(|part| part.chars().all(|c| c.is_ascii_digit()))
        })
    };
    if prev == "(" && next == ")" && is_phone_part(tokens.get(phrase.end + 1)) {
        return true;
    }
    first.text == "911" || matches!(prev, "call" | "dial" | "phone" | "hotline" | "line" | "tel")
}

#[cfg(test)]
mod tests {
    use super::super::numbers::find_numbers;
    use super::super::tokens::tokenize;
    use super::super::{extract, CasualtyMention};
    use super::*;

    /// The exclusion of the number written `number` in `text`.
    fn excluded(text: &str, number: &str) -> Option<Exclusion> {
        let tokens = tokenize(text, 0..text.len());
        let phrase = find_numbers(&tokens)
            .into_iter()
            .find(|phrase| text[tokens[phrase.start].start..tokens[phrase.end - 1].end].ends_with(number))
            .unwrap_or_else(|| panic!("{number:?} is no number phrase in {text:?}"));
        exclusion(&tokens, &phrase)
    }

    fn mentions(text: &str) -> Vec<CasualtyMention> {
        extract(text, std::slice::from_ref(&(0..text.len())), &[])
    }

    /// Asserts that `text` yields no casualty figure written `number`.
    fn never_a_casualty(text: &str, number: &str) {
        let found: Vec<_> = mentions(text)
            .into_iter()
            .filter(|mention| text[mention.count_span.clone()].contains(number))
            .collect();
        assert!(
            found.is_empty(),
            "{text:?}: {number:?} was taken as a casualty figure: {found:?}"
        );
    }

    #[test]
    fn one_standing_for_a_thing() {
        assert_eq!(
            excluded("in a vehicle behind the targeted one sustained injuries", "one"),
            Some(Exclusion::Pronoun)
        );
        never_a_casualty("Two men in the car behind the targeted one were wounded.", "one");
        assert_eq!(
            excluded("the shooting that killed one and injured four", "one"),
            None
        );
        assert_eq!(excluded("It was reported that one man was shot.", "one"), None);
        assert_eq!(excluded("The one victim was flown to hospital.", "one"), None);
    }

    #[test]
    fn years() {
        assert_eq!(
            excluded("Beslan in 2004 was the worst", "2004"),
            Some(Exclusion::Year)
        );
        never_a_casualty("Two people were killed in 2004.", "2004");
        never_a_casualty("The gunman killed 2014 and 2015 were bad years.", "2014");
        assert_eq!(excluded("2004 people", "2004"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            excluded("on Aug. 27 the bomber struck", "27"),
            Some(Exclusion::Date)
        );
        assert_eq!(
            excluded("on 27 August the bomber struck", "27"),
            Some(Exclusion::Date)
        );
        never_a_casualty("Soldiers killed on March 3 were buried.", "3");
        never_a_casualty("Police arrested on Nov. 1 and detained 5 suspects.", "1");
    }

    #[test]
    fn ages() {
        assert_eq!(
            excluded("Those injured were 28 and 31 years old.", "28"),
            Some(Exclusion::Age)
        );
        assert_eq!(
            excluded("the 19, 20 and 24-year-old men were hurt", "19"),
            Some(Exclusion::Age)
        );
        assert_eq!(excluded("killing 28 and wounding 31", "28"), None);
        assert_eq!(excluded("28 and 31 people were hurt", "28"), None);
        assert_eq!(
            excluded("Jeffery Webb, 47, later died", "47"),
            Some(Exclusion::Age)
        );
        assert_eq!(
            excluded("the four, aged between 19 and 24, were held", "24"),
            Some(Exclusion::Age)
        );
        assert_eq!(
            excluded("children ages 8 and 11 were unharmed", "11"),
            Some(Exclusion::Age)
        );
        assert_eq!(
            excluded("three men between the ages of 18 and 23 were hurt", "23"),
            Some(Exclusion::Age)
        );
        assert_eq!(
            excluded("three men, ages 19, 21 and 22, who were shot", "21"),
            Some(Exclusion::Age)
        );
        never_a_casualty("Three men, ages 19, 21 and 22, who were shot in the hand.", "22");
        assert_eq!(excluded("the man, who was 34, died", "34"), Some(Exclusion::Age));
        never_a_casualty(
            "Around 7 p.m., a boy younger than 12 was shot in the complex.",
            "12",
        );
        never_a_casualty("Two people older than 60 were injured.", "60");
        assert_eq!(excluded("she was 12 years old", "12"), Some(Exclusion::Age));
        never_a_casualty("Jeffery Webb, 47, later died.", "47");
        never_a_casualty("A 12-year-old was killed.", "12");
        never_a_casualty("Police arrested Smith (34) and Jones.", "34");
        never_a_casualty("Salazar, 34, and their son were killed.", "34");
        never_a_casualty("Harris, 18, and Scorpio-Rodney Alonzo Phillips, 31 died.", "31");
        // a capitalised opening word and a place or day are no name
        assert_eq!(excluded("In Kabul, 14 people were killed.", "14"), None);
        assert_eq!(excluded("On Thursday, 14 suspects were arrested.", "14"), None);
        // nor does a count of people read as an age
        assert_eq!(excluded("Omar Said, 14 people were hurt.", "14"), None);
    }

    #[test]
    fn money() {
        assert_eq!(
            excluded("a ten million dollar bounty", "ten million"),
            Some(Exclusion::Money)
        );
        assert_eq!(excluded("held on $50,000 bond", "50,000"), Some(Exclusion::Money));
        never_a_casualty(
            "He offered a ten million dollar bounty for the killers of 2 soldiers.",
            "ten",
        );
        never_a_casualty("He was arrested and held on $50,000 bail.", "50,000");
    }

    #[test]
    fn times() {
        assert_eq!(excluded("shot at 6 p.m. on Friday", "6"), Some(Exclusion::Time));
        assert_eq!(excluded("at 6 in the morning", "6"), Some(Exclusion::Time));
        never_a_casualty("He was killed at 6 p.m. on Friday.", "6");
        never_a_casualty("He was killed at 10:30 on Friday.", "10");
    }

    #[test]
    fn phone_numbers() {
        assert_eq!(
            excluded("call 555-1234 with tips", "555-1234"),
            Some(Exclusion::Phone)
        );
        assert_eq!(excluded("call (555) 555-1234", "555"), Some(Exclusion::Phone));
        never_a_casualty("Anyone who saw the men arrested should call 555-1234.", "555");
        never_a_casualty("Two people called 911 and were injured.", "911");
    }

    #[test]
    fn ordinals() {
        never_a_casualty("The fifth victim died on Sunday.", "fifth");
        never_a_casualty("He was the 21st person killed.", "21");
    }

    #[test]
    fn addresses() {
        assert_eq!(
            excluded("in the 1200 block of Main", "1200"),
            Some(Exclusion::Address)
        );
        assert_eq!(excluded("at 15 Letchworth Drive", "15"), Some(Exclusion::Address));
        assert_eq!(excluded("on Route 66 near", "66"), Some(Exclusion::Address));
        never_a_casualty(
            "A man was shot and killed in the 1200 block of Main Street.",
            "1200",
        );
        never_a_casualty("Two people were killed at 15 Letchworth Drive.", "15");
        never_a_casualty("Flight 370 disappeared with 239 people.", "370");
        never_a_casualty("Image 8 of 9 Two men were shot and killed on Main Street.", "8");
        never_a_casualty("Image 8 of 9 people were shot and killed on Main Street.", "9");
    }

    #[test]
    fn counts_of_things() {
        never_a_casualty(
            "Beslan was one of six of the twenty deadliest attacks that killed people.",
            "six",
        );
        never_a_casualty(
            "It was one of six of the twenty deadliest attacks that killed people.",
            "twenty",
        );
        never_a_casualty("The gunman fired 30 rounds and killed a man.", "30");
        never_a_casualty("He wrote 12 articles about the 2 men killed.", "12");
        never_a_casualty(
            "Police investigated 300 shootings in which people were killed.",
            "300",
        );
    }

    #[test]
    fn measures() {
        assert_eq!(excluded("5 miles away", "5"), Some(Exclusion::Measure));
        assert_eq!(excluded("rose 30% in", "30"), Some(Exclusion::Measure));
        never_a_casualty("He was killed 5 miles from home.", "5");
        never_a_casualty("Two were killed two days after the attack.", "two days");
    }
}
