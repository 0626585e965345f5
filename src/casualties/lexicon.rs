//! The words of casualty reporting: which words say someone was killed,
//! injured, shot, missing, arrested or kidnapped (cues), and which nouns name
//! people (victim groups).
//!
//! A cue comes with its grammatical class, because the class says where the
//! count is: before a predicate ("13 people were killed", "two died"), after
//! an active verb ("killing 13 people"), before a noun ("334 deaths"), or
//! after a toll ("the death toll rose to 5"). Multi-word cues ("shot and
//! killed", "taken into custody", "lost their lives") are matched whole,
//! longest first, so "shot and wounded" is an injury and not a shooting.
//!
//! This file holds word lists and lookups only; how cues combine with
//! numbers is `mentions/`.
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::output::extractions::CasualtyKind;

use super::tokens::Token;

/// Where a cue's count is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Describes its subject ("were killed", "died", "13 dead"); when
    /// `transitive`, also an active verb with the victims after it
    /// ("gunmen killed 13 people").
    Predicate { transitive: bool },
    /// An active verb form only: the victims follow ("killing 13").
    Active,
    /// A noun counted by the number before it ("334 deaths", "no arrests").
    Noun,
    /// A toll: the number follows ("the death toll rose to 5").
    Toll,
    /// One person harmed by their own hand ("turned the gun on himself").
    SelfInflicted,
    /// One person's life, named by its owner's pronoun: "a drive-by shooting
    /// that took her life", "the crash that claimed his life"; or one person
    /// named by a pronoun inside the cue ("reported her missing").
    OneLife,
}

/// A cue found in a sentence: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub kind: CasualtyKind,
    pub class: CueClass,
    pub start: usize,
    pub end: usize,
}

use CasualtyKind::{Arrested, Injured, Kidnapped, Killed, KilledOrInjured, Missing};
use CueClass::{Active, Noun, OneLife, Predicate, SelfInflicted, Toll};

const T: CueClass = Predicate { transitive: true };
const I: CueClass = Predicate { transitive: false };

/// Cue phrases. A word may list alternatives with `|`; `*` is any one word,
/// and `*{1,3}` any one to three words (one entry per length).
const CUES: &[(&str, CasualtyKind, CueClass)] = &[
    // killed
    ("killed", Killed, T),
    ("shot and killed", Killed, T),
    // a headline's "17-year-old boy shot, killed in Bluffton"
    ("shot|stabbed , killed", Killed, T),
    ("stabbed and killed", Killed, T),
    ("shot dead", Killed, T),
    ("gunned down", Killed, T),
    ("shot to death", Killed, I),
    ("stabbed to death", Killed, I),
    ("beaten to death", Killed, I),
    ("burned to death", Killed, I),
    // stampedes and mobs: "were crushed to death", "trampled to death"
    (
        "crushed|trampled|stoned|bludgeoned|lynched|strangled to death",
        Killed,
        I,
    ),
    ("hacked to death", Killed, I),
    ("fatally shot|wounded|stabbed|injured|struck|hit", Killed, T),
    ("mortally wounded", Killed, T),
    ("murdered", Killed, T),
    ("slain", Killed, I),
    ("executed", Killed, T),
    ("massacred", Killed, T),
    ("assassinated", Killed, T),
    ("beheaded", Killed, T),
    // army communiqués: "neutralised 13 terrorists" (Nigeria, Turkey, the Sahel)
    ("neutralised|neutralized", Killed, T),
    // francophone armies: "made it possible to neutralise about 20 terrorists"
    ("made it possible to neutralise|neutralize", Killed, Active),
    // South Asian and Middle Eastern press: "one soldier was martyred"
    ("martyred", Killed, I),
    // army statements: "Two soldiers paid the supreme price"
    ("paid|pay the supreme|ultimate price", Killed, I),
    ("died", Killed, I),
    // as "died": a natural death unless the article is about violence
    ("passed away", Killed, I),
    ("dies", Killed, I),
    ("perished", Killed, I),
    ("dead", Killed, I),
    ("pronounced|declared|found dead|deceased", Killed, I),
    // "his grandson lay dead"
    ("lay|lies|lying dead", Killed, I),
    ("deceased", Killed, I),
    ("among the dead", Killed, I),
    ("among those killed|dead|slain", Killed, I),
    // the inverted list: "Among the dead were five children", "The dead
    // included a policeman"; the count follows like an active verb's object
    (
        "among the|those dead|killed|slain were|are|included|include",
        Killed,
        Active,
    ),
    ("the dead included|include|includes", Killed, Active),
    ("those killed included|include", Killed, Active),
    ("lost his|her|their lives|life", Killed, I),
    // "We lost nine of our men", "the army lost 14 soldiers": only with a
    // force's people after it (see `other_sense`: "lost both of his
    // parents", "lost three games" count no one)
    ("lost", Killed, Active),
    ("succumbed", Killed, I),
    (
        "turned|turning the gun|weapon|rifle|pistol on himself|herself",
        Killed,
        SelfInflicted,
    ),
    ("took|taken|taking his|her own life", Killed, SelfInflicted),
    ("committed suicide", Killed, SelfInflicted),
    ("killing", Killed, Active),
    ("kills", Killed, Active),
    ("murdering", Killed, Active),
    ("claimed|claiming|took|taking the lives|life of", Killed, Active),
    // after "took his own life", which is longer
    ("claimed|claiming|took|taking his|her life", Killed, OneLife),
    ("shooting dead", Killed, Active),
    ("fatally shooting|stabbing|wounding", Killed, Active),
    // a headline's present: "4-year-old boy fatally shoots himself"
    ("fatally shoots|stabs|wounds", Killed, Active),
    ("deaths", Killed, Noun),
    // "faces 17 counts of attempted murder": the wounded told only by the
    // charges, as weak as the dead told by them
    ("count|counts of attempted murder", Injured, Noun),
    ("count|counts of attempted * murder", Injured, Noun),
    // "charged with three counts of first-degree murder": a count of the
    // dead told only by the charges, weaker than any stated toll
    ("count|counts of murder|homicide|manslaughter", Killed, Noun),
    ("count|counts of * murder|homicide|manslaughter", Killed, Noun),
    ("death", Killed, Noun),
    ("fatalities", Killed, Noun),
    ("bodies", Killed, Noun),
    // "a body was found in a driveway": one death; not "a governing body".
    ("body was|is found|discovered|recovered|located", Killed, Noun),
    (
        "body has|had been found|discovered|recovered|located",
        Killed,
        Noun,
    ),
    // "The body of a man was discovered", "found the body of a teenage
    // boy": one body per person named, only with a verb of finding
    // (`cue_counts::noun_count`); not "the governing body of the union".
    ("body of", Killed, Noun),
    ("death toll", Killed, Toll),
    ("toll", Killed, Toll),
    ("number of dead|deaths|fatalities", Killed, Toll),
    ("number of people|civilians killed|dead", Killed, Toll),
    ("fatality toll", Killed, Toll),
    // injured
    ("injured", Injured, T),
    ("wounded", Injured, T),
    // Not transitive: "ratings hurt her husband", "hurt the economy".
    ("hurt", Injured, I),
    ("shot and wounded|injured", Injured, T),
    ("stabbed and wounded|injured", Injured, T),
    ("hospitalized|hospitalised", Injured, T),
    // "Four teenage boys are on the mend after a shooting"
    ("on the mend", Injured, I),
    // Taken to hospital or with gunshot wounds: hurt, and perhaps about to die.
    (
        "taken|rushed|transported|airlifted|flown to hospital|hospitals",
        KilledOrInjured,
        I,
    ),
    (
        "taken|rushed|transported|airlifted|flown to a|the|area|local|nearby hospital|hospitals",
        KilledOrInjured,
        I,
    ),
    (
        "taken|rushed|transported|airlifted|flown to a|the|an area|local|nearby hospital|hospitals",
        KilledOrInjured,
        I,
    ),
    // a hospital by its name: "taken to Stroger Hospital", "transported to
    // Erie County Medical Center", "taken to al-Rawdha hospital"
    (
        "taken|rushed|transported|airlifted|flown to *{1,3} hospital|infirmary",
        KilledOrInjured,
        I,
    ),
    (
        "taken|rushed|transported|airlifted|flown to *{1,3} medical|trauma center|centre",
        KilledOrInjured,
        I,
    ),
    ("sent to hospital|hospitals", KilledOrInjured, I),
    (
        "sent to a|the|area|local|nearby hospital|hospitals",
        KilledOrInjured,
        I,
    ),
    // "sending five men to the hospital": only with the hospital after the
    // victims (see `other_sense`)
    ("sending|sent", KilledOrInjured, Active),
    (
        "suffering|suffered from gunshot wounds|wound|injuries",
        KilledOrInjured,
        I,
    ),
    ("with gunshot wounds", KilledOrInjured, I),
    ("with * injuries", Injured, I),
    ("with * * injuries", Injured, I),
    ("grazed", Injured, T),
    ("pistol-whipped|pistol-whipping", Injured, T),
    ("among the injured|wounded", Injured, I),
    ("among those injured|wounded|hurt", Injured, I),
    (
        "among the|those injured|wounded|hurt were|are|included|include",
        Injured,
        Active,
    ),
    ("the injured|wounded included|include|includes", Injured, Active),
    ("those injured|wounded|hurt included|include", Injured, Active),
    (
        "suffered|suffering|sustained gunshot wounds|wound",
        KilledOrInjured,
        I,
    ),
    // "one suffering fatal injuries": before the injury cues of the same length
    (
        "suffered|suffering|sustained|received fatal injuries|injury|wounds|wound",
        Killed,
        I,
    ),
    (
        "suffered|suffering|sustained|received fatal gunshot|stab injuries|wounds|wound",
        Killed,
        I,
    ),
    ("suffered|sustained|received injuries|wounds", Injured, I),
    // "a student sustained a fracture", "suffered a broken arm"
    (
        "suffered|sustained a|minor|serious|severe fracture|fractures|burns|cuts|bruises|concussion",
        Injured,
        I,
    ),
    (
        "suffered|sustained fractures|burns|cuts|bruises|bruising|concussions",
        Injured,
        I,
    ),
    ("suffered|sustained a broken|fractured *", Injured, I),
    // "sustained a minor hand injury", "suffered a cut to his forearm"; a
    // fatal one first, of the same length
    (
        "suffered|sustained|received a fatal|mortal|deadly * wound|injury",
        Killed,
        I,
    ),
    (
        "suffered|sustained|received a fatal|mortal|deadly wound|injury",
        Killed,
        I,
    ),
    // a gunshot wound may yet kill: shot, not told apart
    (
        "suffered|sustained|received a|an gunshot|shotgun|stab|bullet|knife|head|chest wound|injury",
        KilledOrInjured,
        I,
    ),
    (
        "suffered|sustained|received a|an * gunshot|shotgun|stab|bullet|knife|head|chest wound|injury",
        KilledOrInjured,
        I,
    ),
    ("suffered|sustained|received a|an * injury|wound", Injured, I),
    ("suffered|sustained|received a|an * * injury|wound", Injured, I),
    ("suffered|sustained a cut|gash|burn|graze|bruise", Injured, I),
    // "one detective suffered a sprained knee", "a broken arm"
    (
        "suffered|sustained a sprained|broken|fractured|dislocated|twisted|torn",
        Injured,
        I,
    ),
    ("suffered|sustained|received * injuries|wounds", Injured, I),
    ("suffered|sustained|received * * injuries|wounds", Injured, I),
    (
        "in critical|serious|stable|fair|grave|guarded condition",
        Injured,
        I,
    ),
    ("in critical but stable condition", Injured, I),
    // a headline's condition: "10-year-old boy critical after accidental
    // shooting" (only before "after" and a shooting or stabbing word)
    ("critical after shooting|stabbing", Injured, I),
    ("critical after * shooting|stabbing", Injured, I),
    ("injuring", Injured, Active),
    // headlines in the present: "Drive-by shooter kills 1, injures 3"
    ("injures", Injured, Active),
    ("wounding", Injured, Active),
    ("injuries", Injured, Noun),
    ("injury", Injured, Noun),
    ("treated and released", Injured, I),
    // "more than 300 others are receiving treatment"; not "being treated as
    // a homicide" (see `other_sense`)
    ("receiving treatment", Injured, I),
    ("being treated", Injured, I),
    // "Kenyatta National Hospital said it had treated 63 people": only with
    // a hospital or medics before it (see `other_sense`)
    ("treated", Injured, Active),
    ("diagnosed with injuries|concussions", Injured, I),
    ("diagnosed with * injuries|injury|concussions", Injured, I),
    ("diagnosed with * * injuries|injury", Injured, I),
    // "seven people had to be treated for non-life threatening wounds"
    ("treated for injuries|wounds", Injured, I),
    // "were treated for cuts and burns", "for smoke inhalation"
    (
        "treated for cuts|burns|bruises|fractures|smoke|shrapnel|minor",
        Injured,
        I,
    ),
    ("treated for * injuries|wounds", Injured, I),
    // "was treated for a cut to his hand", "for a gunshot wound to the leg"
    (
        "treated for a cut|gash|burn|graze|bruise|fracture|concussion",
        Injured,
        I,
    ),
    ("treated for a|an * wound|wounds|injury|injuries", Injured, I),
    ("treated for * * injuries|wounds", Injured, I),
    (
        "treated at|in a|the|area|local|nearby hospital|hospitals",
        Injured,
        I,
    ),
    (
        "treated at|in a|the|an area|local|nearby hospital|hospitals",
        Injured,
        I,
    ),
    // British usage drops the article: "were treated in hospital for head
    // injuries and cuts"
    ("treated in hospital", Injured, I),
    // "37 people were rescued with injuries"
    ("rescued|evacuated with injuries", Injured, I),
    // "Two men are in the hospital after a shooting": the verb is part of the
    // cue, so "died in the hospital" is not a second, injured mention.
    (
        "is|are|was|were|remains|remain|remained in hospital|hospitals",
        Injured,
        I,
    ),
    (
        "is|are|was|were|remains|remain|remained in a|the|area|local|nearby hospital|hospitals",
        Injured,
        I,
    ),
    (
        "is|are|was|were|remains|remain|remained in a|the|an area|local|nearby hospital|hospitals",
        Injured,
        I,
    ),
    // "another is fighting for her life"
    ("fighting for his|her|their life|lives", Injured, I),
    ("with a gunshot wound", KilledOrInjured, I),
    // "walked into the hospital with a deep cut to his forearm"
    (
        "with a|an deep|serious|minor|bad|nasty cut|gash|laceration",
        Injured,
        I,
    ),
    // "were found with slash and stab wounds"
    ("with a stab wound", KilledOrInjured, I),
    ("with stab wounds", KilledOrInjured, I),
    ("with slash|knife and stab wounds", KilledOrInjured, I),
    ("injury toll", Injured, Toll),
    ("number of injured|wounded", Injured, Toll),
    ("number of people|civilians injured|wounded|hurt", Injured, Toll),
    // killed or injured, not told apart
    ("shot", KilledOrInjured, T),
    ("stabbed", KilledOrInjured, T),
    ("struck|hit by gunfire|bullets|shrapnel", KilledOrInjured, I),
    ("hit", KilledOrInjured, I),
    // "opened fire into a crowd, hitting four adults and a teen": only people
    // as objects count (see `verb_mentions`)
    ("hitting", KilledOrInjured, Active),
    ("struck", KilledOrInjured, I),
    (
        "struck|hit by a|stray bullet|bullets|car|vehicle|train|truck",
        KilledOrInjured,
        I,
    ),
    ("struck|hit by a stray bullet|round", KilledOrInjured, I),
    ("killed|dead or injured|wounded", KilledOrInjured, I),
    ("injured|wounded or killed|dead", KilledOrInjured, I),
    ("shooting", KilledOrInjured, Active),
    // "Man shoots 4 relatives, killing 2"
    ("shoots", KilledOrInjured, Active),
    ("fatal|deadly shooting|shootings|stabbing", Killed, Active),
    ("casualties", KilledOrInjured, Noun),
    ("shooting|gunshot victims", KilledOrInjured, Noun),
    // missing
    ("missing", Missing, I),
    // "Her family reported her missing on Sunday": one person, named by
    // the pronoun inside the cue
    ("reported him|her missing", Missing, OneLife),
    ("unaccounted for", Missing, I),
    ("disappeared", Missing, I),
    // "three young men had not been heard from", "Three herders ... had not
    // been found"
    ("not been heard from|of", Missing, I),
    ("not been found|located|traced", Missing, I),
    ("not yet been found|located|traced", Missing, I),
    // after strikes, quakes and collapses: "up to 10 people were believed
    // to be still under the rubble"
    // ("pulled from under the rubble" is a rescue)
    ("still under|beneath the rubble|debris", Missing, I),
    (
        "remain|remained|remains under|beneath the rubble|debris",
        Missing,
        I,
    ),
    ("trapped under|beneath|in the rubble|debris", Missing, I),
    // arrested
    ("arrested", Arrested, T),
    ("detained", Arrested, T),
    ("apprehended", Arrested, T),
    ("captured", Arrested, T),
    ("nabbed", Arrested, T),
    ("jailed", Arrested, T),
    ("rounded up", Arrested, T),
    // "Police picked up five people from the area": only where police or
    // troops are in the sentence (see `other_sense`)
    ("picked up", Arrested, T),
    ("taken into custody", Arrested, I),
    // "she was seized by vigilantes and handed over to the army"
    ("handed over to police|authorities|troops|soldiers", Arrested, I),
    (
        "handed over to the police|army|military|authorities|troops|soldiers|gendarmerie",
        Arrested,
        I,
    ),
    // "another 37 were being held for questioning"
    ("held|detained for questioning", Arrested, I),
    ("taken|brought in for questioning", Arrested, I),
    ("remanded in custody", Arrested, I),
    ("among those arrested|detained", Arrested, I),
    ("taken into police custody", Arrested, I),
    ("in custody", Arrested, I),
    ("in police custody", Arrested, I),
    ("placed under arrest", Arrested, I),
    ("under arrest", Arrested, I),
    // "Rhoades is charged with four counts of murder", "Three men were
    // charged in a July 2014 shooting": GVA counts the charged as arrested
    ("charged with|in", Arrested, I),
    // only with its object: "police charged him"; "X charged that" accuses
    ("charged", Arrested, Active),
    ("booked into", Arrested, I),
    // "was booked with three counts of first-degree murder", "Man booked in
    // Metairie triple murder", "booked on charges of"
    ("booked on|with|for|in", Arrested, I),
    ("charged as an|a adult|adults|juvenile|juveniles", Arrested, I),
    ("held|jailed without bail|bond", Arrested, I),
    ("indicted", Arrested, T),
    ("turned himself|herself|themselves in", Arrested, I),
    (
        "surrendered to police|authorities|deputies|officers|investigators",
        Arrested,
        I,
    ),
    // "of whom 23 had been recaptured"; "recaptured the town" has no people
    ("recaptured", Arrested, T),
    // "41 of the escapees had been rearrested"
    ("rearrested|re-arrested", Arrested, T),
    // "bringing the total number of arrests to 350"
    ("number of arrests|detentions|detainees", Arrested, Toll),
    ("number of people arrested|detained", Arrested, Toll),
    // "bringing the number recaptured to 47"
    (
        "number recaptured|rearrested|re-arrested|detained|arrested",
        Arrested,
        Toll,
    ),
    // "bringing the number of people in custody to three"
    ("number of people|suspects in custody", Arrested, Toll),
    ("arresting", Arrested, Active),
    ("detaining", Arrested, Active),
    ("arrests", Arrested, Noun),
    ("arrest", Arrested, Noun),
    // "raised its tally to 1,386 detentions"
    ("detentions", Arrested, Noun),
    // kidnapped
    ("kidnapped", Kidnapped, T),
    ("abducted", Kidnapped, T),
    ("taken|held hostage|captive|prisoner|prisoners", Kidnapped, I),
    // "At least 30 people ... were taken into the forest by the attackers"
    ("taken|dragged|marched into the forest|bush|jungle", Kidnapped, I),
    // "holding 30 people hostage": only with "hostage" or "captive" after the
    // victims (see `other_sense`)
    ("holding|held|took|taken|taking|keeping|kept", Kidnapped, Active),
    ("kidnapping", Kidnapped, Active),
    // "marched 18 passengers into a nearby forest": only with the forest
    // after the victims (see `other_sense`)
    ("marched|dragged|herded", Kidnapped, Active),
    // "the gunmen took away 14 men", "led away a woman and her two
    // daughters"; police who take people away arrest them (see `other_sense`)
    ("took|taking|led|leading away", Kidnapped, Active),
    // "the assailants seized a patrolman"; police who seize people arrest
    // them (see `other_sense`), and "seized weapons" counts no one
    ("seized|seizing", Kidnapped, Active),
    ("abduction", Kidnapped, Noun),
    ("abducting", Kidnapped, Active),
    ("hostages", Kidnapped, Noun),
    ("captives", Kidnapped, Noun),
];

struct CueEntry {
    words: Vec<Vec<&'static str>>,
    kind: CasualtyKind,
    class: CueClass,
}

/// Cue entries by first word, longest first.
static CUE_INDEX: LazyLock<HashMap<&'static str, Vec<CueEntry>>> = LazyLock::new(|| {
    let mut index: HashMap<&'static str, Vec<CueEntry>> = HashMap::new();
    for &(phrase, kind, class) in CUES {
        for words in expand_wildcards(phrase) {
            let Some(first) = words.first().cloned() else {
                continue;
            };
            for alternative in first {
                index.entry(alternative).or_default().push(CueEntry {
                    words: words.clone(),
                    kind,
                    class,
                });
            }
        }
    }
    for entries in index.values_mut() {
        entries.sort_by_key(|entry| std::cmp::Reverse(entry.words.len()));
    }
    index
});

/// A run of one to three words of any kind in a cue phrase.
const ANY_ONE_TO_THREE: &str = "*{1,3}";

/// The word lists a cue phrase stands for (each word its alternatives):
/// one, or one per length of a [`ANY_ONE_TO_THREE`] in it.
fn expand_wildcards(phrase: &'static str) -> Vec<Vec<Vec<&'static str>>> {
    let words: Vec<&'static str> = phrase.split(' ').collect();
    let lengths = if words.contains(&ANY_ONE_TO_THREE) {
        1..=3
    } else {
        1..=1
    };
    lengths
        .map(|length| {
            words
                .iter()
                .flat_map(|&word| match word {
                    ANY_ONE_TO_THREE => std::iter::repeat_n(vec!["*"], length),
                    _ => std::iter::repeat_n(word.split('|').collect(), 1),
                })
                .collect()
        })
        .collect()
}

/// The longest cue starting at token `i`.
pub fn cue_at(tokens: &[Token<'_>], i: usize) -> Option<Cue> {
    let first = tokens.get(i)?;
    let entries = CUE_INDEX.get(first.lower.as_str())?;
    entries.iter().find_map(|entry| {
        let matches = entry.words.iter().enumerate().all(|(k, alternatives)| {
            tokens.get(i + k).is_some_and(|token| {
                alternatives
                    .iter()
                    .any(|&word| word == "*" || token.lower == word)
            })
        });
        matches.then_some(Cue {
            kind: entry.kind,
            class: entry.class,
            start: i,
            end: i + entry.words.len(),
        })
    })
}

/// Whether a one-word cue is used in another sense: "prices shot up",
/// "she shot back", "struck by the similarity", "hit out at", "the hurt
/// feelings" is left to the noun rules.
/// Who a force "lost": its people.
const FORCES_LOST: &[&str] = &[
    "men",
    "soldiers",
    "troops",
    "fighters",
    "officers",
    "policemen",
    "personnel",
    "comrades",
    "servicemen",
    "marines",
    "guards",
    "commandos",
];

fn other_sense(tokens: &[Token<'_>], cue: &Cue) -> bool {
    let first = tokens.get(cue.start).map_or("", |token| token.lower.as_str());
    // "officers charged with protecting the president" hold a duty; "charged
    // with killing his wife" is a charge
    // "Both men were taken to hospital as a precaution" were not hurt
    if matches!(first, "taken" | "rushed" | "transported" | "sent" | "flown")
        && any_after(
            tokens,
            cue.end,
            4,
            &["precaution", "precautionary", "observation", "evaluation"],
        )
    {
        return true;
    }
    // "We lost nine of our men", "the army lost 14 soldiers": a force's
    // dead; "lost both of his parents at a young age", "lost two very good
    // friends" are a life's losses
    if first == "lost" && cue.end == cue.start + 1 {
        return !any_after(tokens, cue.end, 6, FORCES_LOST);
    }
    // "three counts of attempted murder" name no death (but three wounded)
    if matches!(first, "count" | "counts") {
        let attempted = tokens[cue.start..cue.end.min(tokens.len())]
            .iter()
            .any(|token| token.is_any(&["attempted", "attempt"]));
        return attempted == (cue.kind == CasualtyKind::Killed);
    }
    if first == "treated" && cue.end == cue.start + 1 {
        // "had treated 38 wounded": the count is the injury word's
        let injury_word_after = any_after(tokens, cue.end, 4, &["wounded", "injured", "hurt", "casualties"]);
        return injury_word_after || !tokens[..cue.start].iter().any(|token| token.is_any(CARERS));
    }
    if first == "being" && cue.end == cue.start + 2 {
        return tokens
            .get(cue.end)
            .is_some_and(|token| token.is_any(&["as", "like"]));
    }
    // the force as the taker, before the verb: not "..., police said"
    if matches!(first, "took" | "taking" | "led" | "leading") && cue.end == cue.start + 2
        || matches!(first, "seized" | "seizing")
    {
        return tokens[..cue.start.min(tokens.len())]
            .iter()
            .any(|token| token.is_any(ARRESTING_FORCES) || token.is("army"));
    }
    if first == "picked" {
        return !arresting_force_around(tokens, cue);
    }
    if first == "charged" && cue.end == cue.start + 2 {
        let next = tokens.get(cue.end).map_or("", |token| token.lower.as_str());
        return DUTIES.contains(&next);
    }
    if cue.end != cue.start + 1 {
        return false;
    }
    let word = tokens.get(cue.start).map_or("", |token| token.lower.as_str());
    let next = tokens.get(cue.end).map_or("", |token| token.lower.as_str());
    match word {
        "shot" | "hit" | "struck" if matches!(next, "up" | "back" | "down" | "out" | "home" | "record") => {
            true
        }
        // "struck by a car" is a casualty but "struck by the similarity" is not:
        // the longer cues ("struck by gunfire") keep the casualties.
        "hit" | "struck" => matches!(next, "by" | "with"),
        // "sent two officers to the scene" is no casualty
        "sending" | "sent" => !to_hospital_after(tokens, cue.end),
        // "took part", "held talks" are no kidnapping; "held 30 people hostage" is
        "holding" | "held" | "took" | "taking" | "keeping" | "kept" => !captive_after(tokens, cue.end),
        "marched" | "dragged" | "herded" => !any_after(tokens, cue.end + 1, 8, &["forest", "bush", "jungle"]),
        // "executed 14 search warrants", "executed the plan"
        "executed" => any_after(tokens, cue.end, 4, EXECUTED_THINGS),
        _ => false,
    }
}

/// What is executed besides people: "executed 14 search warrants".
const EXECUTED_THINGS: &[&str] = &[
    "warrant",
    "warrants",
    "search",
    "plan",
    "plans",
    "order",
    "orders",
    "operation",
    "operations",
    "raid",
    "raids",
    "contract",
    "contracts",
    "deal",
    "strategy",
    "trade",
    "trades",
    "transaction",
    "transactions",
];

/// Whether "hostage" or "captive" follows the object: "holding 30 people
/// hostage", "took its 18 crew members captive"; or, after "took", "with
/// them": "the attackers took four passengers with them".
fn captive_after(tokens: &[Token<'_>], from: usize) -> bool {
    let took = tokens
        .get(from.wrapping_sub(1))
        .is_some_and(|token| token.is_any(&["took", "taking"]));
    let with_them = took
        && (from + 1..(from + 6).min(tokens.len().saturating_sub(1)))
            .any(|i| tokens[i].is("with") && tokens[i + 1].is("them"));
    with_them
        || any_after(
            tokens,
            from + 1,
            6,
            &["hostage", "hostages", "captive", "captives"],
        )
}

/// "Officers took one person into custody", "took Maddox into custody",
/// "had taken two suspected facilitators into custody":
/// "took" with "into custody" after its object is an arrest of the object.
fn taken_into_custody(tokens: &[Token<'_>], cue: &Cue) -> Option<Cue> {
    let took = tokens
        .get(cue.start)?
        .is_any(&["took", "taken", "taking", "take", "takes"]);
    let custody = (cue.end + 1..(cue.end + 7).min(tokens.len()))
        .find(|&i| tokens[i].is("custody") && tokens[i - 1].is_any(&["into", "police"]));
    // "took nine people into custody to question them", "for questioning":
    // held to be heard, which GVA does not count as arrested
    let questioned =
        custody.is_some_and(|at| any_after(tokens, at + 1, 4, &["questioning", "question", "questioned"]));
    let custody = custody.is_some() && !questioned;
    (took && cue.end == cue.start + 1 && cue.kind == CasualtyKind::Kidnapped && custody).then_some(Cue {
        kind: CasualtyKind::Arrested,
        ..*cue
    })
}

/// Whether one of `words` is among the `count` tokens from token `from`.
fn any_after(tokens: &[Token<'_>], from: usize, count: usize, words: &[&str]) -> bool {
    tokens[from.min(tokens.len())..tokens.len().min(from + count)]
        .iter()
        .any(|token| token.is_any(words))
}

/// Whether "to (the) hospital" follows within a few words: "sending five
/// men to the hospital".
fn to_hospital_after(tokens: &[Token<'_>], from: usize) -> bool {
    let window = &tokens[from.min(tokens.len())..tokens.len().min(from + 8)];
    window.iter().enumerate().any(|(k, token)| {
        token.is("to")
            && window[k + 1..]
                .iter()
                .take(3)
                .any(|next| next.is_any(&["hospital", "hospitals"]))
    })
}

/// Every cue of a sentence, left to right, not overlapping.
pub fn find_cues(tokens: &[Token<'_>]) -> Vec<Cue> {
    let mut cues = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match cue_at(tokens, i) {
            Some(cue) => {
                i = cue.end;
                if let Some(arrest) = taken_into_custody(tokens, &cue) {
                    cues.push(arrest);
                } else if !other_sense(tokens, &cue) {
                    cues.push(cue);
                }
            }
            None => i += 1,
        }
    }
    cues
}

/// Grammatical number of a person noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plurality {
    Singular,
    Plural,
    /// "police", "staff", "crew": counted, never counting themselves.
    Collective,
}

/// Who makes arrests: "picked up" is an arrest only with one of them in the
/// sentence ("the bus picked up 30 passengers" is not).
const ARRESTING_FORCES: &[&str] = &[
    "police",
    "policemen",
    "officers",
    "detectives",
    "deputies",
    "troops",
    "soldiers",
    "agents",
    "authorities",
    "forces",
    "personnel",
];

/// Who treats the injured: "treated 63 people" is an injury count only
/// after one of them.
const CARERS: &[&str] = &[
    // "the Kenya Red Cross said its teams had treated 87 people"
    "cross",
    "crescent",
    "medical",
    "hospital",
    "hospitals",
    "doctors",
    "medics",
    "paramedics",
    "clinic",
    "clinics",
    "nurses",
    "surgeons",
];

/// Whether police or troops do the picking up: as the subject just before
/// the verb ("Police on Monday picked up five people") or after "by" ("were
/// picked up by police"). "The child picked up the gun" is no arrest.
fn arresting_force_around(tokens: &[Token<'_>], cue: &Cue) -> bool {
    let subject = tokens[cue.start.saturating_sub(3)..cue.start]
        .iter()
        .any(|token| token.is_any(ARRESTING_FORCES));
    let agent = tokens.get(cue.end).is_some_and(|token| token.is("by"))
        && any_after(tokens, cue.end + 1, 3, ARRESTING_FORCES);
    subject || agent
}

/// What a person or body is "charged with" doing when it is a duty, not a
/// charge.
const DUTIES: &[&str] = &[
    "protecting",
    "overseeing",
    "investigating",
    "enforcing",
    "leading",
    "running",
    "managing",
    "handling",
    "guarding",
    "monitoring",
    "securing",
    "maintaining",
    "ensuring",
    "keeping",
    "supervising",
    "coordinating",
    "reviewing",
    "developing",
    "implementing",
    "providing",
    "regulating",
    "prosecuting",
    "defending",
    "drafting",
    "organizing",
    "organising",
    "finding",
];

/// Nouns for one person. Plurals are found by rule (`-s`, `-es`, `-ies`,
/// `-men`, `-ves`) or listed in [`IRREGULAR_PLURALS`].
const SINGULAR_PERSONS: &[&str] = &[
    "person",
    "civilian",
    "man",
    "woman",
    "child",
    "kid",
    "boy",
    "girl",
    "baby",
    "infant",
    "toddler",
    "newborn",
    "teen",
    "teenager",
    "teen-ager",
    "youth",
    "youngster",
    "juvenile",
    "minor",
    "adult",
    "male",
    "female",
    "student",
    "pupil",
    "schoolgirl",
    "schoolboy",
    "soldier",
    "serviceman",
    "servicemember",
    "marine",
    "sailor",
    "airman",
    "officer",
    "policeman",
    "policewoman",
    "patrolman",
    "cop",
    "deputy",
    "trooper",
    // Indian press: "Eight jawans of the District Reserve Guard"
    "jawan",
    "agent",
    "guard",
    "warder",
    "jailer",
    "bodyguard",
    "ranger",
    "constable",
    "sergeant",
    "worker",
    "employee",
    "staffer",
    "contractor",
    "resident",
    "villager",
    "local",
    "passenger",
    "pilgrim",
    "worshipper",
    "worshiper",
    "protester",
    "protestor",
    "demonstrator",
    "rioter",
    "militant",
    "fighter",
    "insurgent",
    "rebel",
    "jihadist",
    "terrorist",
    "extremist",
    "gunman",
    "attacker",
    "assailant",
    "bomber",
    "shooter",
    "suspect",
    "victim",
    "member",
    "individual",
    "relative",
    "sibling",
    "brother",
    "sister",
    "son",
    "daughter",
    "cousin",
    "parent",
    "father",
    "mother",
    "husband",
    "wife",
    "friend",
    "neighbor",
    "neighbour",
    "roommate",
    "girlfriend",
    "boyfriend",
    "fiancee",
    "fiance",
    "fiancée",
    "ex-wife",
    "ex-husband",
    "ex-girlfriend",
    "ex-boyfriend",
    "grandmother",
    "grandfather",
    "grandson",
    "granddaughter",
    "grandchild",
    "grandparent",
    "uncle",
    "aunt",
    "nephew",
    "niece",
    "stepfather",
    "stepmother",
    "stepson",
    "stepdaughter",
    "tourist",
    "foreigner",
    "national",
    "citizen",
    "journalist",
    "reporter",
    "photographer",
    "doctor",
    "nurse",
    "medic",
    "paramedic",
    "patient",
    "prisoner",
    "inmate",
    "detainee",
    "hostage",
    "migrant",
    "refugee",
    "miner",
    "farmer",
    "herder",
    "trader",
    "vendor",
    "shopper",
    "customer",
    "diner",
    "bystander",
    "passer-by",
    "passerby",
    "pedestrian",
    "motorist",
    "driver",
    "cyclist",
    "rider",
    "occupant",
    "peacekeeper",
    "operative",
    "commander",
    "leader",
    "official",
    "lawmaker",
    "minister",
    "teacher",
    "schoolteacher",
    "headteacher",
    "headmaster",
    "cleric",
    "imam",
    "priest",
    "pastor",
    "monk",
    "nun",
    "spectator",
    "fan",
    "guest",
    "visitor",
    "partygoer",
    "reveler",
    "reveller",
    "clubgoer",
    "athlete",
    "player",
    "crewmember",
    "robber",
    "burglar",
    "intruder",
    "thief",
    "criminal",
    "smuggler",
    "trafficker",
    "dealer",
    "kidnapper",
    // "Hostage-taker arrested after seven-hour standoff"
    "hostage-taker",
    "hijacker",
    "carjacker",
    "abductor",
    "arsonist",
    "looter",
    "stalker",
    "rapist",
    "murderer",
    "killer",
    "escapee",
    "bandit",
    "pirate",
    "poacher",
    "elder",
    "senior",
    "veteran",
    "recruit",
    "cadet",
    "conscript",
    "gendarme",
    "militiaman",
    "paramilitary",
    "combatant",
    "clerk",
    "cashier",
    "owner",
    "homeowner",
    "shopkeeper",
    "storekeeper",
    "manager",
    "tenant",
    "landlord",
    "bouncer",
    "rapper",
    "musician",
    "singer",
    "attendant",
    "father-in-law",
    "mother-in-law",
    "brother-in-law",
    "sister-in-law",
    "son-in-law",
    "daughter-in-law",
    "classmate",
    "coworker",
    "co-worker",
    "colleague",
    "acquaintance",
    "companion",
    "stranger",
    "occupant",
    "hunter",
    "firefighter",
    "fireman",
    "aide",
    "volunteer",
    "activist",
    "politician",
    "councillor",
    "councilman",
    "mayor",
    "governor",
    "chief",
    "lieutenant",
    "captain",
    "detective",
    "investigator",
    "sheriff",
    "marshal",
    "jailer",
    "warden",
    "courier",
    "mechanic",
    "laborer",
    "labourer",
    "engineer",
    "sniper",
    "gang-member",
    "mother-of-two",
    "father-of-two",
    "partner",
    "spouse",
    "patron",
    // conflict and crime reporting beyond shootings
    "mastermind",
    "ringleader",
    "bomb-maker",
    "accomplice",
    "facilitator",
    "handler",
    "recruiter",
    "collaborator",
    "informant",
    "informer",
    "spy",
    "separatist",
    "loyalist",
    "jihadi",
    "islamist",
    "guerrilla",
    "guerilla",
    "sympathizer",
    "sympathiser",
    "supporter",
    "follower",
    "defendant",
    "perpetrator",
    "culprit",
    "offender",
    "fugitive",
    // "authorities have detained a convicted felon"
    "felon",
    "convict",
    "parolee",
    "assassin",
    "hitman",
    "gangster",
    "mobster",
    "dissident",
    "blogger",
    "lawyer",
    "judge",
    "prosecutor",
    "diplomat",
    "ambassador",
    "envoy",
    "senator",
    "legislator",
    "correspondent",
    "cameraman",
    "commuter",
    "traveller",
    "traveler",
    "fisherman",
    "herdsman",
    "tribesman",
    "businessman",
    "businesswoman",
    "spokesman",
    "spokeswoman",
    "congressman",
    "congresswoman",
    "servicewoman",
    "abductee",
    "seminarian",
    "missionary",
    "aid-worker",
    // trades and roles met in later blind sets
    "watchman",
    "doorman",
    "shepherd",
    "congregant",
    "gamekeeper",
    "hiker",
    "climber",
    "lecturer",
    "bride",
    "groom",
    "mourner",
    "bartender",
    "waiter",
    "waitress",
    "chef",
    "seaman",
    "crewman",
    "lineman",
    "repairman",
    "handyman",
    "deckhand",
    "caretaker",
    "janitor",
    "custodian",
    "sentry",
    "gatekeeper",
    "porter",
    "chauffeur",
    "alderman",
    "assemblyman",
    "organiser",
    "organizer",
    "merchant",
    "helper",
    "conductor",
    "inspector",
    "assistant",
    "hawker",
    "councilor",
    "colonel",
    "convict",
    "asylum-seeker",
    "accountant",
    "technician",
    "electrician",
    "plumber",
    "cleaner",
    "maid",
    "nanny",
    "housekeeper",
    "gardener",
    "tailor",
    "barber",
    "butcher",
    "baker",
    "grocer",
    "secretary",
    "householder",
    "onlooker",
    "adolescent",
    "pensioner",
    "retiree",
];

/// Plural and collective person nouns the suffix rules miss.
const IRREGULAR_PLURALS: &[(&str, Plurality)] = &[
    ("people", Plurality::Plural),
    ("passers-by", Plurality::Plural),
    ("passersby", Plurality::Plural),
    ("persons", Plurality::Plural),
    ("men", Plurality::Plural),
    ("women", Plurality::Plural),
    ("children", Plurality::Plural),
    ("grandchildren", Plurality::Plural),
    ("stepchildren", Plurality::Plural),
    ("youths", Plurality::Plural),
    ("wives", Plurality::Plural),
    ("thieves", Plurality::Plural),
    ("others", Plurality::Plural),
    // UK police usage: "Three males, aged 16, 17 and 20, were arrested"
    ("males", Plurality::Plural),
    ("females", Plurality::Plural),
    ("troops", Plurality::Plural),
    ("civilians", Plurality::Plural),
    ("police", Plurality::Collective),
    ("personnel", Plurality::Collective),
    ("staff", Plurality::Collective),
    ("crew", Plurality::Collective),
    ("taliban", Plurality::Collective),
    ("family", Plurality::Collective),
];

/// Capitalised plurals of nationality and group that end like nouns of people.
const GROUP_PLURALS: &[&str] = &[
    "kurds", "turks", "arabs", "jews", "poles", "swedes", "danes", "thais", "czechs",
];

static SINGULARS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| SINGULAR_PERSONS.iter().copied().collect());

/// Whether `lower` names people, and in which number. "civilian" is
/// singular, "civilians" plural, "police" collective.
pub fn person_noun(lower: &str) -> Option<Plurality> {
    if let Some(&(_, plurality)) = IRREGULAR_PLURALS.iter().find(|(word, _)| *word == lower) {
        return Some(plurality);
    }
    if SINGULARS.contains(lower) {
        return Some(Plurality::Singular);
    }
    // "gunmen", "policewomen", "militiamen".
    if let Some(stem) = lower.strip_suffix("men") {
        if SINGULARS.contains(format!("{stem}man").as_str())
            || SINGULARS.contains(format!("{stem}woman").as_str())
        {
            return Some(Plurality::Plural);
        }
    }
    // "sub-inspector", "ex-soldier", "co-workers": a prefixed noun of people
    // is one.
    if let Some((prefix, noun)) = lower.rsplit_once('-') {
        if !prefix.is_empty() && prefix.bytes().all(|byte| byte.is_ascii_lowercase()) {
            if let Some(plurality) = person_noun(noun) {
                return Some(plurality);
            }
        }
    }
    let stems = [
        lower.strip_suffix("ies").map(|stem| format!("{stem}y")),
        lower.strip_suffix("es").map(str::to_owned),
        lower.strip_suffix('s').map(str::to_owned),
    ];
    stems
        .into_iter()
        .flatten()
        .any(|stem| SINGULARS.contains(stem.as_str()))
        .then_some(Plurality::Plural)
}

/// Whether a capitalised token names a nationality or group in the plural:
/// "Afghans", "Americans", "Israelis", "Britons", "Chinese", "Kurds".
pub fn is_group_plural(token: &Token<'_>) -> bool {
    if !token.is_capitalized() || token.text.len() < 4 {
        return false;
    }
    let lower = token.lower.as_str();
    if GROUP_PLURALS.contains(&lower) {
        return true;
    }
    let Some(suffix) = ["ans", "ians", "ese", "is", "ons"]
        .iter()
        .find(|suffix| lower.ends_with(*suffix))
    else {
        return false;
    };
    // surnames share the endings: "Harris", "Simmons", "Ellis" (a doubled
    // consonant before the ending, never in a nationality), and the
    // commonest others
    let stem = &lower.as_bytes()[..lower.len() - suffix.len()];
    let doubled = stem.len() >= 2 && stem[stem.len() - 1] == stem[stem.len() - 2];
    // no nationality ends in -vis, -wis, -uis or -cis; names do: "Davis",
    // "Avis", "Lewis", "Louis", "Francis"
    let name_ending = *suffix == "is" && matches!(stem.last(), Some(b'v' | b'w' | b'u' | b'c'));
    // "Chinese", "Sudanese", "Burmese" have a stem of four letters or more;
    // "Reese" is a name
    let short_ese = *suffix == "ese" && stem.len() < 3;
    !doubled
        && !name_ending
        && !short_ese
        && !lower.ends_with("ss")
        && !lower.ends_with("this")
        && !SURNAMES_LIKE_GROUPS.contains(&lower)
}

/// Surnames and given names with a nationality's plural ending and no
/// doubled consonant: "Mark Davis was killed" is one person.
const SURNAMES_LIKE_GROUPS: &[&str] = &[
    "davis", "lewis", "curtis", "travis", "francis", "louis", "otis", "mathis", "jarvis", "chris", "lois",
    "doris", "iris", "alexis", "evans", "parsons", "lyons", "sessions", "mathews", "dennis",
];

/// Words that never start a victim group's modifiers: verbs, prepositions,
/// conjunctions and the like. A token in this list ends a left-to-right or
/// right-to-left walk over a noun phrase.
const PHRASE_BREAKERS: &[&str] = &[
    "and",
    "or",
    "but",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "to",
    "into",
    "after",
    "before",
    "during",
    "when",
    "while",
    "as",
    "than",
    "that",
    "who",
    "whom",
    "which",
    "whose",
    "where",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "said",
    "says",
    "say",
    "told",
    "including",
    "among",
    "near",
    "inside",
    "outside",
    "over",
    "under",
    "about",
    "against",
    "between",
    "through",
    "since",
    "if",
    "because",
    "so",
    "then",
    "also",
    "not",
    "no",
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "there",
    "their",
    "his",
    "her",
    "its",
    "our",
    "my",
    "your",
    "he",
    "she",
    "it",
    "they",
    "we",
    "you",
    "i",
    "them",
    "him",
    "me",
    "us",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "do",
    "does",
    "reportedly",
    "allegedly",
    "himself",
    "herself",
    "themselves",
    "both",
    "all",
    "each",
    "some",
    "many",
];

static BREAKERS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| PHRASE_BREAKERS.iter().copied().collect());

/// Adjectives that are also cues but describe people before a noun:
/// "hundreds of wounded people", "the two arrested men".
const PARTICIPLE_ADJECTIVES: &[&str] = &[
    "wounded",
    "injured",
    "dead",
    "slain",
    "missing",
    "arrested",
    "detained",
    "kidnapped",
    "abducted",
    "deceased",
];

/// Whether a token may sit between a number and its noun ("13 U.S. service
/// members", "two young men", "three IS-K operatives", "18 other service
/// members"). Punctuation never does; the walkers step over the full stop
/// of an abbreviation themselves.
pub fn is_modifier(token: &Token<'_>) -> bool {
    if token.is_punct() || BREAKERS.contains(token.lower.as_str()) {
        return false;
    }
    cue_at(std::slice::from_ref(token), 0).is_none() || PARTICIPLE_ADJECTIVES.contains(&token.lower.as_str())
}
pub use crate::text::hedges::HEDGES;

/// Verbs that introduce who reported a figure.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "announced",
    "stated",
    "added",
    "tweeted",
    "wrote",
    "claimed",
    "claims",
];

/// Common nouns that report casualty figures without a name: "police said".
pub const REPORTING_NOUNS: &[&str] = &[
    "police",
    "officials",
    "official",
    "authorities",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "witnesses",
    "residents",
    "sources",
    "source",
    "the ministry",
    "ministry",
    "army",
    "military",
    "hospital",
    "coroner",
    "medics",
    "paramedics",
    "doctors",
    "investigators",
    "detectives",
    "deputies",
    "sheriff",
    "officers",
    "prosecutors",
    "government",
    "statement",
    "media",
    "agency",
    "report",
    "reports",
    "department",
    "office",
];

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn cues(text: &str) -> Vec<(String, CasualtyKind, CueClass)> {
        let tokens = tokenize(text, 0..text.len());
        find_cues(&tokens)
            .into_iter()
            .map(|cue| {
                (
                    text[tokens[cue.start].start..tokens[cue.end - 1].end].to_owned(),
                    cue.kind,
                    cue.class,
                )
            })
            .collect()
    }

    #[test]
    fn longest_cue_wins() {
        assert_eq!(cues("were shot and killed")[0].0, "shot and killed");
        assert_eq!(cues("were shot and killed")[0].1, Killed);
        assert_eq!(cues("was shot and wounded")[0].1, Injured);
        assert_eq!(cues("was shot")[0].1, KilledOrInjured);
        assert_eq!(cues("were taken into custody")[0].0, "taken into custody");
        assert_eq!(cues("lost their lives")[0].1, Killed);
        assert_eq!(cues("suffered minor injuries")[0].0, "suffered minor injuries");
        assert_eq!(cues("the death toll rose")[0].2, Toll);
        // a hospital by its name
        assert_eq!(
            cues("was taken to Stroger Hospital")[0].0,
            "taken to Stroger Hospital"
        );
        assert_eq!(
            cues("were transported to Erie County Medical Center")[0].0,
            "transported to Erie County Medical Center"
        );
        assert_eq!(cues("had not been heard from")[0].1, Missing);
        assert_eq!(
            expand_wildcards("taken to *{1,3} hospital|infirmary"),
            (1..=3)
                .map(|n| {
                    let mut words = vec![vec!["taken"], vec!["to"]];
                    words.extend(std::iter::repeat_n(vec!["*"], n));
                    words.push(vec!["hospital", "infirmary"]);
                    words
                })
                .collect::<Vec<_>>()
        );
    }

    /// The kinds of the cues found in `text`, in order.
    fn kinds(text: &str) -> Vec<CasualtyKind> {
        find_cues(&crate::casualties::tokens::tokenize(text, 0..text.len()))
            .iter()
            .map(|cue| cue.kind)
            .collect()
    }

    #[test]
    fn booked_charged_as_an_adult_and_held_without_bail_are_arrests() {
        for text in [
            "Woods was booked with three counts of murder.",
            "A man has been booked in the case.",
            "The boy was charged as an adult.",
            "The student was held without bail.",
        ] {
            assert!(kinds(text).contains(&CasualtyKind::Arrested), "{text}");
        }
    }

    #[test]
    fn took_into_custody_is_an_arrest() {
        assert_eq!(
            kinds("Officers took one person into custody."),
            [CasualtyKind::Arrested]
        );
        assert_eq!(kinds("Gunmen took two men hostage."), [CasualtyKind::Kidnapped]);
        assert!(kinds("Deputies took six people into custody to question them.").is_empty());
        assert_eq!(
            kinds("Police had taken two suspected facilitators into custody."),
            [CasualtyKind::Arrested]
        );
        assert_eq!(
            kinds("The gang had taken 12 people hostage."),
            [CasualtyKind::Kidnapped]
        );
        assert_eq!(
            kinds("By Monday, 41 of the escapees had been rearrested."),
            [CasualtyKind::Arrested]
        );
    }

    #[test]
    fn person_nouns_and_their_number() {
        assert_eq!(person_noun("hostage-taker"), Some(Plurality::Singular));
        assert_eq!(person_noun("killers"), Some(Plurality::Plural));
        assert_eq!(person_noun("civilian"), Some(Plurality::Singular));
        assert_eq!(person_noun("civilians"), Some(Plurality::Plural));
        assert_eq!(person_noun("gunmen"), Some(Plurality::Plural));
        assert_eq!(person_noun("policewomen"), Some(Plurality::Plural));
        assert_eq!(person_noun("deputies"), Some(Plurality::Plural));
        assert_eq!(person_noun("wives"), Some(Plurality::Plural));
        assert_eq!(person_noun("passer-by"), Some(Plurality::Singular));
        assert_eq!(person_noun("passers-by"), Some(Plurality::Plural));
        // a prefixed noun of people is one; a prefix is letters only
        assert_eq!(person_noun("sub-inspector"), Some(Plurality::Singular));
        assert_eq!(person_noun("co-workers"), Some(Plurality::Plural));
        assert_eq!(person_noun("12-year-old"), None);
        assert_eq!(person_noun("anti-government"), None);
        assert_eq!(person_noun("witnesses"), None);
        assert_eq!(person_noun("police"), Some(Plurality::Collective));
        assert_eq!(person_noun("attacks"), None);
        assert_eq!(person_noun("years"), None);
    }

    #[test]
    fn nationality_plurals() {
        for word in [
            "Afghans",
            "Americans",
            "Israelis",
            "Britons",
            "Chinese",
            "Kurds",
            "Iraqis",
            "Saudis",
            "Kuwaitis",
            "Burmese",
        ] {
            let tokens = tokenize(word, 0..word.len());
            assert!(is_group_plural(&tokens[0]), "{word}");
        }
        for word in [
            "Thus", "Congress", "afghans", "Davis", "Harris", "Simmons", "Evans", "Lewis", "Avis", "Travis",
            "Louis", "Francis", "Reese",
        ] {
            let tokens = tokenize(word, 0..word.len());
            assert!(!is_group_plural(&tokens[0]), "{word}");
        }
    }
}
