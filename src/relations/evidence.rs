//! The wording a model relation needs before it is written out.
//!
//! Trained on KBP37, where most marked pairs hold a relation, the model
//! reads `based_in` into almost any organisation and place of one sentence:
//! "AMC's car assembly plant in Kenosha", "Hamas said its leader was killed
//! in Tehran", a dateline. Of 30 `based_in` relations drawn from news
//! articles 2,001-4,000 about a quarter were right, and the right ones were
//! written close: "Nomura Securities of Japan", "Banca Nazionale del Lavoro
//! (London", "Britain's Civil Aviation Authority", "a Karachi-based group",
//! "Al-Shabaab, which is based in Somalia". So `based_in` is kept only
//! where the organisation and the place are joined by such a phrase.
//!
//! The same holds, on a sample of the same articles, for `leader_of` (about
//! 4 of 25 right: "said Bob Tate, an FCOJ broker" gave leader_of(Bob Tate,
//! FCOJ)) and `part_of` (about 3 of 25: "Waste Management made a tender
//! offer to acquire ChemLawn"): they are kept only with a title or a part
//! word between the two names; `alias_of` only for two names side by side
//! ("Kurdistan Workers' Party (PKK)"), `member_of` with a word of
//! membership and `founded_by` with a word of founding (or the founder's
//! name in the group's); and a `leader_of` (KBP37's
//! `org:top_members/employees`, which covers any officer) without a head's
//! title ("chairman", "president", "leader") is written as `employee_of`.
//!
//! This module only reads the text between two entities; the model's
//! scores and thresholds are `decide`.
use crate::ner::EntityMention;

use super::roles::{is_past, past_before};
use super::schema::{RelationType, ALL};
use super::stance::Stance;

/// Words that may join an organisation to its place after it: "of", "in",
/// ", which is based in", ", headquartered in", "(".
const JOINING: &[&str] = &[
    "of",
    "in",
    "the",
    "based",
    "headquartered",
    "located",
    "which",
    "is",
    "was",
    "its",
    "at",
    "a",
    "an",
];

/// The words and punctuation of a stretch of text, lowercased; a hyphen
/// inside a word stays in it ("vice-president", "secretary-general").
fn pieces(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_hyphen =
            c == '-' && !word.is_empty() && chars.peek().is_some_and(|next| next.is_alphanumeric());
        if c.is_alphanumeric() || c == '.' || inner_hyphen {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Whether the text joins `org` to `place` as its seat.
fn seat_is_stated(text: &str, org: &EntityMention, place: &EntityMention) -> bool {
    if org.end <= place.start {
        // "Nomura Securities of Japan", "(London", ", which is based in Somalia"
        let Some(between) = text.get(org.end..place.start) else {
            return false;
        };
        let pieces = pieces(between);
        pieces.len() <= 6
            && pieces
                .iter()
                .all(|piece| JOINING.contains(&piece.as_str()) || matches!(piece.as_str(), "," | "(" | "-"))
    } else if place.end <= org.start {
        // "Britain's Civil Aviation Authority", "a Karachi-based group",
        // "Mogadishu based Al-Shabaab"
        let Some(between) = text.get(place.end..org.start) else {
            return false;
        };
        let between = between.replace('’', "'");
        let rest = if let Some(rest) = between.strip_prefix("'s") {
            rest
        } else if let Some(rest) = between
            .strip_prefix("-based")
            .or_else(|| between.strip_prefix(" based"))
        {
            rest
        } else {
            return false;
        };
        let words = pieces(rest);
        words.len() <= 3
            && words
                .iter()
                .all(|word| word.chars().all(|c| c.is_lowercase() || c == '-'))
    } else {
        false
    }
}

/// Words that say who heads or works for a group: "Resorts chairman James
/// Crosby", "James Cannavino, president of its Data Systems Division",
/// "Carl Icahn, TWA's chairman".
const TITLES: &[&str] = &[
    "president",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "ceo",
    "executive",
    "director",
    "leader",
    "head",
    "founder",
    "commander",
    "secretary",
    "minister",
    "governor",
    "officer",
    "manager",
    "boss",
    "emir",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "treasurer",
    "partner",
    "editor",
    "chancellor",
    "premier",
    "mayor",
    "general",
    "vice",
    "vice-president",
    "deputy",
    "coach",
    "owner",
    "principal",
];

/// Words that say a group is part of another: "PepsiCo's Taco Bell" (a
/// possessive), "Dextran Products, the Canadian subsidiary of Polydex".
const PARTS: &[&str] = &[
    "unit",
    "units",
    "subsidiary",
    "subsidiaries",
    "division",
    "affiliate",
    "affiliates",
    "arm",
    "branch",
    "wing",
    "owned",
    "part",
    "faction",
    "offshoot",
    "chapter",
    "franchise",
    "member",
    "members",
    "parent",
];

/// The pieces between two entities, in either order; None when farther
/// apart than `most` pieces.
fn between_pieces(text: &str, a: &EntityMention, b: &EntityMention, most: usize) -> Option<Vec<String>> {
    let (first, second) = if a.end <= b.start { (a, b) } else { (b, a) };
    let between = text.get(first.end..second.start)?;
    let pieces = pieces(&between.replace('’', "'"));
    (pieces.len() <= most).then_some(pieces)
}

/// The words after a group's possessive that right follows the person
/// ("Carl Icahn, TWA's chairman": "chairman"), up to three, before any
/// comma; None when the group is not written so.
fn possessive_title(text: &str, person: &EntityMention, group: &EntityMention) -> Option<Vec<String>> {
    let between = between_pieces(text, person, group, 2)?;
    let after: Vec<String> = text
        .get(group.end..)
        .map(|rest| pieces(&rest.chars().take(60).collect::<String>().replace('’', "'")))
        .unwrap_or_default();
    let apposition = person.end <= group.start && between.len() <= 2;
    (apposition && after.starts_with(&["'".into(), "s".into()])).then(|| {
        after
            .into_iter()
            .skip(2)
            .take(3)
            .take_while(|piece| piece != ",")
            .collect()
    })
}

/// Whether a title joins a person to a group, within eight pieces, or
/// follows the group's possessive right after the person ("Carl Icahn,
/// TWA's chairman").
fn title_is_stated(text: &str, person: &EntityMention, group: &EntityMention) -> bool {
    let is_title = |piece: &String| piece.split('-').any(|part| TITLES.contains(&part));
    let Some(between) = between_pieces(text, person, group, 8) else {
        return false;
    };
    // the title stands by the group: in "defeating Islamic State is a
    // higher priority than persuading Syrian President Bashar al-Assad" the
    // president is Syria's
    let near_group = |index: usize| {
        if group.end <= person.start {
            // one phrase: "a Boko Haram commander in Maiduguri, army
            // spokesman Onyema Nwachukwu" names two people
            let one_phrase = between.iter().rev().skip(1).all(|piece| piece != ",");
            index < GROUP_TITLE_REACH && one_phrase
        } else {
            // or the title leads to the group by a preposition: "Dan
            // Kaakebeen, a spokesman for the Dutch salvage firm Smit
            // International"
            let leads_on = between
                .get(index + 1)
                .is_some_and(|next| TITLE_LINKS.contains(&next.as_str()))
                && between[index + 1..]
                    .iter()
                    .all(|piece| !CLAUSE_WORDS.contains(&piece.as_str()));
            index + GROUP_TITLE_REACH >= between.len() || leads_on
        }
    };
    between
        .iter()
        .enumerate()
        .any(|(index, piece)| is_title(piece) && near_group(index))
        || possessive_title(text, person, group).is_some_and(|title| title.iter().any(is_title))
}

/// How many pieces from the group a title may stand ("TWA vice president
/// general counsel Mark Buckstein": "vice" is the group's next piece;
/// "Williams is the majority owner of Forum Cos": "owner" is the second
/// before the group).
const GROUP_TITLE_REACH: usize = 4;

/// Prepositions that carry a title on to its group.
const TITLE_LINKS: &[&str] = &["of", "for", "at", "with"];

/// Words that start another clause between a title and a group.
const CLAUSE_WORDS: &[&str] = &[
    "said", "says", "told", "is", "was", "are", "were", "who", "which", "that", "and", "by", "from", "to",
];

/// Whether a part word or a possessive joins two groups, within eight pieces.
fn part_is_stated(text: &str, part: &EntityMention, whole: &EntityMention) -> bool {
    between_pieces(text, part, whole, 8).is_some_and(|pieces| {
        let possessive =
            whole.end <= part.start && pieces.len() <= 4 && pieces.starts_with(&["'".into(), "s".into()]);
        possessive
            || pieces
                .iter()
                .any(|piece| PARTS.contains(&piece.as_str()) || piece.ends_with("-owned"))
    })
}

/// Whether the title is one no longer held: "former Mobil Corp president
/// William Tavoulareas", "a former partner of Peat Marwick".
fn former(text: &str, a: &EntityMention, b: &EntityMention) -> bool {
    past_before(text, a.start.min(b.start))
        || between_pieces(text, a, b, 8).is_some_and(|pieces| pieces.iter().any(|piece| is_past(piece)))
}

/// Titles of a group's head.
const LEADER_TITLES: &[&str] = &[
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "ceo",
    "head",
    "commander",
    "emir",
    "founder",
    "boss",
    "premier",
    "chancellor",
    "mayor",
    "governor",
    "secretary-general",
];

/// Words that make a title one below the head: "vice president", "chief
/// economist", "managing director", "general counsel".
const LESSER_TITLES: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "economist",
    "counsel",
    "analyst",
    "officer",
    "manager",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "managing",
    "senior",
    "associate",
    "owner",
    "principal",
];

/// KBP37's `org:top_members/employees` (read as `leader_of`) covers any
/// officer: it is a leader only with a head's title between the names and
/// nothing that lowers it ("chief economist Petahia Bar-Shavit" is an
/// employee).
fn leads(text: &str, person: &EntityMention, group: &EntityMention) -> bool {
    let heads = |pieces: &[String]| {
        let chief_executive = pieces
            .windows(2)
            .any(|pair| pair[0] == "chief" && pair[1] == "executive");
        (chief_executive || pieces.iter().any(|piece| LEADER_TITLES.contains(&piece.as_str())))
            && !pieces
                .iter()
                .any(|piece| LESSER_TITLES.contains(&piece.as_str()) || piece.starts_with("vice-"))
    };
    // "Christian Aid's head of Trade Policy" heads a part of the group
    between_pieces(text, person, group, 8).is_some_and(|pieces| heads(&pieces))
        || possessive_title(text, person, group)
            .is_some_and(|title| heads(&title) && !title.iter().any(|piece| piece == "of"))
}

/// Words that may join two names of one actor: "Kurdistan Workers' Party
/// (PKK)", "The Helming Group (formerly LBAS)", "ISWAP, also known as".
const NAMING: &[&str] = &[
    "(", ")", ",", "or", "also", "known", "as", "formerly", "aka", "called", "the", "-", "–", "—", "alias",
    "a", "k", ".", "\"", "“", "”",
];

/// Whether two names stand side by side as names of one actor.
fn alias_is_stated(text: &str, a: &EntityMention, b: &EntityMention) -> bool {
    between_pieces(text, a, b, 5).is_some_and(|pieces| {
        !pieces.is_empty() && pieces.iter().all(|piece| NAMING.contains(&piece.as_str()))
    })
}

/// Words that say someone belongs to a group.
const MEMBERSHIP: &[&str] = &[
    "member",
    "members",
    "membership",
    "joined",
    "join",
    "joins",
    "belongs",
    "belonged",
    "belonging",
    "fighter",
    "fighters",
    "militant",
    "militants",
    "commander",
    "operative",
    "operatives",
    "loyal",
    "recruited",
];

/// Words that say who founded a group.
const FOUNDING: &[&str] = &[
    "founder",
    "founders",
    "founded",
    "founding",
    "co-founder",
    "co-founded",
    "established",
    "set",
    "created",
    "launched",
    "started",
    "formed",
];

fn some_word_between(text: &str, a: &EntityMention, b: &EntityMention, words: &[&str]) -> bool {
    between_pieces(text, a, b, 8)
        .is_some_and(|pieces| pieces.iter().any(|piece| words.contains(&piece.as_str())))
}

/// Whether a founder is stated: a founding word between the names, or the
/// founder's surname in the group's name ("Philip Crosby Associates").
fn founder_is_stated(text: &str, group: &EntityMention, person: &EntityMention) -> bool {
    let named_after = text
        .get(person.start..person.end)
        .and_then(|name| name.split_whitespace().next_back())
        .zip(text.get(group.start..group.end))
        .is_some_and(|(surname, group)| surname.len() > 2 && group.contains(surname));
    named_after || some_word_between(text, group, person, FOUNDING)
}

/// Pieces a stance word may stand among: more than the titles' eight,
/// since a stance is a clause ("Erdogan's new policy has been interpreted
/// as fighting both ISIS and the Kurds").
const STANCE_REACH: usize = 12;

/// Whether a word of the stance joins two names, within twelve pieces, or
/// (for opposition) the two are joined by "and" after "fighting between",
/// "clashes between", "war between".
fn stance_is_stated(text: &str, a: &EntityMention, b: &EntityMention, stance: Stance) -> bool {
    let Some(between) = between_pieces(text, a, b, STANCE_REACH) else {
        return false;
    };
    if stance.is_stated(&between) {
        return true;
    }
    if stance != Stance::Opposition || between != ["and"] {
        return false;
    }
    // "clashes between X and Y": the stance word stands before both names
    let from = text.ceil_char_boundary(a.start.min(b.start).saturating_sub(48));
    let before = pieces(text.get(from..a.start.min(b.start)).unwrap_or(""));
    let after_between = before.iter().rev().take(3).any(|piece| piece == "between");
    after_between && stance.is_stated(&before[before.len().saturating_sub(5)..])
}

/// Whether some relation the model may give two entities of these types
/// (in either order) would be kept for its wording. A sentence none of
/// whose pairs passes needs no model call: whatever the model said, no
/// relation of it would be written.
pub fn may_be_stated(text: &str, a: &EntityMention, b: &EntityMention) -> bool {
    [(a, b), (b, a)].into_iter().any(|(head, tail)| {
        ALL.iter()
            .any(|&kind| kind.fits(&head.label, &tail.label) && judged(kind, text, head, tail).is_some())
    })
}

/// The relation to write for a model relation of `kind` between `head` and
/// `tail`, or None when the text does not state it: `based_in` needs its
/// seat written next to the group, `leader_of` and `employee_of` a title
/// (a `leader_of` without a head's title is an `employee_of`), `part_of` a
/// part word or a possessive, the stance relations a word of theirs
/// ([`super::stance`]).
pub fn judged(
    kind: RelationType,
    text: &str,
    head: &EntityMention,
    tail: &EntityMention,
) -> Option<RelationType> {
    let keep = match kind {
        RelationType::BasedIn => seat_is_stated(text, head, tail),
        RelationType::LeaderOf | RelationType::EmployeeOf => {
            title_is_stated(text, head, tail) && !former(text, head, tail)
        }
        RelationType::PartOf => part_is_stated(text, head, tail),
        RelationType::AliasOf => alias_is_stated(text, head, tail),
        RelationType::MemberOf => some_word_between(text, head, tail, MEMBERSHIP),
        RelationType::FoundedBy => founder_is_stated(text, head, tail),
        RelationType::OpposedTo => stance_is_stated(text, head, tail, Stance::Opposition),
        RelationType::Defeated => stance_is_stated(text, head, tail, Stance::Defeat),
        RelationType::AffiliatedWith => stance_is_stated(text, head, tail, Stance::Affiliation),
        _ => true,
    };
    if !keep {
        return None;
    }
    if kind == RelationType::LeaderOf && !leads(text, head, tail) {
        return Some(RelationType::EmployeeOf);
    }
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn based_in(text: &str, org: &str, place: &str) -> bool {
        let org = EntityMention::found_in(text, org, "ORG", 0.9);
        let place = EntityMention::found_in(text, place, "LOC", 0.9);
        judged(RelationType::BasedIn, text, &org, &place).is_some()
    }

    #[test]
    fn a_seat_written_close() {
        assert!(based_in(
            "the U.S. unit of Nomura Securities Co Ltd of Japan",
            "Nomura Securities Co Ltd",
            "Japan"
        ));
        assert!(based_in(
            "Banca Nazionale del Lavoro (London) said",
            "Banca Nazionale del Lavoro",
            "London"
        ));
        assert!(based_in(
            "Al-Shabaab, which is based in Somalia, is",
            "Al-Shabaab",
            "Somalia"
        ));
        assert!(based_in(
            "with Britain's Civil Aviation Authority for",
            "Civil Aviation Authority",
            "Britain"
        ));
        assert!(based_in(
            "the Karachi-based Counter Terrorism Department",
            "Counter Terrorism Department",
            "Karachi"
        ));
        assert!(based_in(
            "Pakistan's state-run APP news agency",
            "APP",
            "Pakistan"
        ));
    }

    #[test]
    fn a_place_the_sentence_only_mentions() {
        assert!(!based_in(
            "the future of AMC's car assembly plant in Kenosha, Wis.",
            "AMC",
            "Kenosha"
        ));
        assert!(!based_in(
            "Ismail Haniyeh was killed in Tehran, Hamas said.",
            "Hamas",
            "Tehran"
        ));
        assert!(!based_in(
            "KARACHI, March 2 - Pakistan's Counter Terrorism Department",
            "Counter Terrorism Department",
            "KARACHI"
        ));
        assert!(!based_in(
            "ISKP has carried out dozens of attacks in Kabul.",
            "ISKP",
            "Kabul"
        ));
        assert!(!based_in(
            "France supports the European Commission's plan",
            "European Commission",
            "France"
        ));
    }

    fn judge(kind: RelationType, text: &str, head: (&str, &str), tail: (&str, &str)) -> Option<RelationType> {
        let head = EntityMention::found_in(text, head.0, head.1, 0.9);
        let tail = EntityMention::found_in(text, tail.0, tail.1, 0.9);
        judged(kind, text, &head, &tail)
    }

    fn related(kind: RelationType, text: &str, head: (&str, &str), tail: (&str, &str)) -> bool {
        judge(kind, text, head, tail).is_some()
    }

    #[test]
    fn stances_need_their_words() {
        use RelationType::{AffiliatedWith, Defeated, OpposedTo};
        let text = "Al-Shabaab fighters clashed with African Union troops near Mogadishu.";
        assert!(related(
            OpposedTo,
            text,
            ("Al-Shabaab", "ORG"),
            ("African Union", "ORG")
        ));
        let text = "Days of fighting between Hamas and Fatah left the city divided.";
        assert!(related(OpposedTo, text, ("Hamas", "ORG"), ("Fatah", "ORG")));
        let text = "Talks between Hamas and Fatah resumed in Cairo.";
        assert!(!related(OpposedTo, text, ("Hamas", "ORG"), ("Fatah", "ORG")));
        let text = "Russia has put in place restrictions that temporarily forced CNN off the air.";
        assert!(!related(OpposedTo, text, ("Russia", "LOC"), ("CNN", "ORG")));
        let text = "The Iran-backed Houthis fired a missile.";
        assert!(related(AffiliatedWith, text, ("Houthis", "ORG"), ("Iran", "LOC")));
        let text = "Iran said the Houthis fired a missile.";
        assert!(!related(
            AffiliatedWith,
            text,
            ("Houthis", "ORG"),
            ("Iran", "LOC")
        ));
        let text = "The Malian army routed JNIM near Boulkessi.";
        assert!(related(Defeated, text, ("Malian army", "ORG"), ("JNIM", "ORG")));
        assert!(!related(
            Defeated,
            "The Malian army met JNIM envoys.",
            ("Malian army", "ORG"),
            ("JNIM", "ORG")
        ));
    }

    #[test]
    fn a_pair_with_no_wording_of_any_relation_needs_no_model_call() {
        let may = |text: &str, a: (&str, &str), b: (&str, &str)| {
            let a = EntityMention::found_in(text, a.0, a.1, 0.9);
            let b = EntityMention::found_in(text, b.0, b.1, 0.9);
            may_be_stated(text, &a, &b)
        };
        let text = "Reuters reported that Hamas fired rockets at Ashkelon.";
        assert!(!may(text, ("Reuters", "ORG"), ("Hamas", "ORG")));
        // either order of the entities
        let text = "Hamas spokesman Abu Obeida said the group fought on.";
        assert!(may(text, ("Abu Obeida", "PER"), ("Hamas", "ORG")));
        assert!(may(text, ("Hamas", "ORG"), ("Abu Obeida", "PER")));
        let text = "Kurdistan Workers' Party (PKK) fighters";
        assert!(may(text, ("Kurdistan Workers' Party", "ORG"), ("PKK", "ORG")));
        // person-place relations need no wording: such a pair is always scored
        let text = "Ahmed returned to Kabul on Monday.";
        assert!(may(text, ("Ahmed", "PER"), ("Kabul", "LOC")));
    }

    #[test]
    fn a_leader_needs_a_heads_title() {
        use RelationType::{EmployeeOf, LeaderOf};
        let text = "Bank Hapoalim chief economist Petahia Bar-Shavit said";
        assert_eq!(
            judge(
                LeaderOf,
                text,
                ("Petahia Bar-Shavit", "PER"),
                ("Bank Hapoalim", "ORG")
            ),
            Some(EmployeeOf)
        );
        let text = "TWA vice president general counsel Mark Buckstein said";
        assert_eq!(
            judge(LeaderOf, text, ("Mark Buckstein", "PER"), ("TWA", "ORG")),
            Some(EmployeeOf)
        );
        let text = "a memo from Laurence Tisch, chief executive of CBS";
        assert_eq!(
            judge(LeaderOf, text, ("Laurence Tisch", "PER"), ("CBS", "ORG")),
            Some(LeaderOf)
        );
        let text = "said former Mobil Corp president William Tavoulareas set up";
        assert_eq!(
            judge(
                LeaderOf,
                text,
                ("William Tavoulareas", "PER"),
                ("Mobil Corp", "ORG")
            ),
            None
        );
        let text = "Henry is a former partner of Peat Marwick Mitchell";
        assert_eq!(
            judge(
                EmployeeOf,
                text,
                ("Henry", "PER"),
                ("Peat Marwick Mitchell", "ORG")
            ),
            None
        );
        let text = "UN Secretary-General Antonio Guterres said";
        assert_eq!(
            judge(LeaderOf, text, ("Antonio Guterres", "PER"), ("UN", "ORG")),
            Some(LeaderOf)
        );
        let text = "Hughes vice-president Ike Kerridge said";
        assert_eq!(
            judge(LeaderOf, text, ("Ike Kerridge", "PER"), ("Hughes", "ORG")),
            Some(EmployeeOf)
        );
        let text = "Yahya Sinwar, Hamas's leader in Gaza, was killed";
        assert_eq!(
            judge(LeaderOf, text, ("Yahya Sinwar", "PER"), ("Hamas", "ORG")),
            Some(LeaderOf)
        );
        let text = "Andrew Pendleton, Christian Aid's head of Trade Policy, said";
        assert_eq!(
            judge(
                LeaderOf,
                text,
                ("Andrew Pendleton", "PER"),
                ("Christian Aid", "ORG")
            ),
            Some(EmployeeOf)
        );
        let text =
            "defeating Islamic State is a higher priority than persuading Syrian President Bashar al-Assad";
        assert_eq!(
            judge(
                EmployeeOf,
                text,
                ("Bashar al-Assad", "PER"),
                ("Islamic State", "ORG")
            ),
            None
        );
        let text = "Dan Kaakebeen a spokesman for the Dutch salvage firm Smit International told Reuters";
        assert_eq!(
            judge(
                EmployeeOf,
                text,
                ("Dan Kaakebeen", "PER"),
                ("Smit International", "ORG")
            ),
            Some(EmployeeOf)
        );
        let text = "rejected a proposal from Iowa Beef Processors Inc and remain out of work, union spokesman Allen Zack said";
        assert_eq!(
            judge(
                EmployeeOf,
                text,
                ("Allen Zack", "PER"),
                ("Iowa Beef Processors Inc", "ORG")
            ),
            None
        );
        let text =
            "troops arrested a Boko Haram commander in Maiduguri, army spokesman Onyema Nwachukwu said";
        assert_eq!(
            judge(
                EmployeeOf,
                text,
                ("Onyema Nwachukwu", "PER"),
                ("Boko Haram", "ORG")
            ),
            None
        );
        let text = "Naim Qassem, Hezbollah's deputy leader, said";
        assert_eq!(
            judge(LeaderOf, text, ("Naim Qassem", "PER"), ("Hezbollah", "ORG")),
            Some(EmployeeOf)
        );
        let text = "Burns Fry chairman Jack Lawrence told the newspaper";
        assert_eq!(
            judge(LeaderOf, text, ("Jack Lawrence", "PER"), ("Burns Fry", "ORG")),
            Some(LeaderOf)
        );
    }

    #[test]
    fn leaders_and_employees_need_a_title() {
        use RelationType::{EmployeeOf, LeaderOf};
        let text = "Hamas leader Yahya Sinwar";
        assert!(related(LeaderOf, text, ("Yahya Sinwar", "PER"), ("Hamas", "ORG")));
        let text = "Carl Icahn, TWA's chairman, said";
        assert!(related(LeaderOf, text, ("Carl Icahn", "PER"), ("TWA", "ORG")));
        let text = "said Bob Tate, an FCOJ broker with Dean Witter";
        assert!(!related(LeaderOf, text, ("Bob Tate", "PER"), ("FCOJ", "ORG")));
        let text =
            "Green Line's position as an industry leader,\" said Toronto Dominion president Robert Korthals";
        assert!(!related(
            LeaderOf,
            text,
            ("Robert Korthals", "PER"),
            ("Green Line", "ORG")
        ));
        let text = "Williams is the majority owner of Forum Cos Inc.";
        assert!(related(
            EmployeeOf,
            text,
            ("Williams", "PER"),
            ("Forum Cos Inc", "ORG")
        ));
    }

    #[test]
    fn parts_need_a_part_word_or_a_possessive() {
        use RelationType::PartOf;
        let text = "a francisee of PepsiCo's Taco Bell Corp.";
        assert!(related(
            PartOf,
            text,
            ("Taco Bell Corp", "ORG"),
            ("PepsiCo", "ORG")
        ));
        let text = "Dextran Products Limited, the Canadian subsidiary of Polydex, said";
        assert!(related(
            PartOf,
            text,
            ("Dextran Products Limited", "ORG"),
            ("Polydex", "ORG")
        ));
        let text = "JM is half-owned by Skanska AB, which";
        assert!(related(PartOf, text, ("JM", "ORG"), ("Skanska AB", "ORG")));
        let text = "Waste Management made a tender offer to acquire ChemLawn";
        assert!(!related(
            PartOf,
            text,
            ("ChemLawn", "ORG"),
            ("Waste Management", "ORG")
        ));
        let text = "Inco closed lower in trading on the Toronto Stock Exchange.";
        assert!(!related(
            PartOf,
            text,
            ("Toronto Stock Exchange", "ORG"),
            ("Inco", "ORG")
        ));
    }

    #[test]
    fn aliases_members_and_founders_need_their_words() {
        use RelationType::{AliasOf, FoundedBy, MemberOf};
        let text = "Soylu blamed the Kurdistan Workers' Party (PKK) for the attack.";
        assert!(related(
            AliasOf,
            text,
            ("Kurdistan Workers' Party", "ORG"),
            ("PKK", "ORG")
        ));
        let text = "at today's European Community (EC) tender, the U.K. Intervention Board said.";
        assert!(!related(
            AliasOf,
            text,
            ("U.K. Intervention Board", "ORG"),
            ("EC", "ORG")
        ));
        let text = "Starrex Mining shares rose 40 cts in trading on the Toronto Stock Exchange.";
        assert!(!related(
            MemberOf,
            text,
            ("Starrex Mining", "ORG"),
            ("Toronto Stock Exchange", "ORG")
        ));
        let text = "Abu Omar, a member of al-Shabaab, was held.";
        assert!(related(
            MemberOf,
            text,
            ("Abu Omar", "PER"),
            ("al-Shabaab", "ORG")
        ));
        let text = "Stoltenberg was speaking at a meeting of the Committee for a Currency Union";
        assert!(!related(
            FoundedBy,
            text,
            ("Committee for a Currency Union", "ORG"),
            ("Stoltenberg", "PER")
        ));
        let text = "said Philip Crosby, whose Philip Crosby Associates Inc";
        assert!(related(
            FoundedBy,
            text,
            ("Philip Crosby Associates Inc", "ORG"),
            ("Philip Crosby", "PER")
        ));
        let text = "Hamas, founded by Ahmed Yassin in 1987, said";
        assert!(related(
            FoundedBy,
            text,
            ("Hamas", "ORG"),
            ("Ahmed Yassin", "PER")
        ));
    }

    #[test]
    fn person_place_relations_are_not_checked() {
        let text = "Ahmed returned to Kabul on Monday.";
        assert_eq!(
            judge(RelationType::LocatedIn, text, ("Ahmed", "PER"), ("Kabul", "LOC")),
            Some(RelationType::LocatedIn)
        );
        // two groups named side by side are not opposed to each other
        let text = "Al-Shabaab and al-Qaeda are opposed to the government";
        assert_eq!(
            judge(
                RelationType::OpposedTo,
                text,
                ("Al-Shabaab", "ORG"),
                ("al-Qaeda", "ORG")
            ),
            None
        );
    }
}
