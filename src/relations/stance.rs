//! The wording CrossRE's stance relations need before they are written:
//! `opposed_to` a word of opposition or fighting, `defeated` a word of
//! defeat, `affiliated_with` a word of backing or alliance.
//!
//! The model gives these three from its CrossRE head alone (KBP37 has no
//! such types), and on news they were rare and mostly wrong: of the four
//! read on 2,884 articles (the benchmark slice and a mixed conflict set),
//! one held ("ISIS Violence Against Yazidis"); "Russia ... forced CNN to
//! cease transmitting" was read as `opposed_to`. Like the KBP37 relations
//! in [`super::evidence`], they are kept only where the text between the
//! two names says so.
//!
//! This module only reads words; which pairs are scored is
//! [`super::candidates`], and the scores' decision is [`super::decide`].

/// Words of opposition between two actors: "the war against Al-Shabaab",
/// "ISWAP fighters clashed with the army", "Hamas, Israel's enemy".
const OPPOSITION: &[&str] = &[
    "against",
    "versus",
    "vs",
    "vs.",
    "fight",
    "fights",
    "fighting",
    "fought",
    "battle",
    "battles",
    "battled",
    "battling",
    "clash",
    "clashes",
    "clashed",
    "clashing",
    "war",
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "ambushed",
    "raided",
    "shelled",
    "bombed",
    "targeted",
    "oppose",
    "opposes",
    "opposed",
    "opposing",
    "opposition",
    "rival",
    "rivals",
    "enemy",
    "enemies",
    "foe",
    "foes",
    "offensive",
    "insurgency",
    "hostilities",
    "sanctions",
    "sanctioned",
    "accused",
    "blamed",
    "condemned",
    "denounced",
    "invaded",
    "invasion",
    "besiege",
    "besieged",
    "criticize",
    "criticized",
    "criticise",
    "criticised",
    "counter",
    "confront",
    "confronting",
    "destroy",
    "eliminate",
    "block",
    "blocked",
    "blocking",
    "complained",
    "sued",
    "lawsuit",
    "prosecute",
    "prosecuting",
    "hack",
    "hacked",
];

/// Words of one side's defeat: "the army routed Boko Haram", "Taliban
/// forces overran the district".
const DEFEAT: &[&str] = &[
    "defeat",
    "defeats",
    "defeated",
    "beat",
    "beats",
    "beaten",
    "routed",
    "overran",
    "overrun",
    "ousted",
    "toppled",
    "expelled",
    "drove",
    "victory",
    "win",
    "wins",
    "won",
    "lost",
    "conquered",
    "captured",
    "recaptured",
    "seized",
];

/// Words of backing or alliance: "Iran-backed Houthis", "al-Qaeda-linked
/// JNIM", "militias loyal to Haftar", "Hezbollah, an ally of Iran".
const AFFILIATION: &[&str] = &[
    "backed",
    "backing",
    "allied",
    "ally",
    "allies",
    "alliance",
    "affiliated",
    "affiliate",
    "affiliates",
    "aligned",
    "linked",
    "loyal",
    "loyalist",
    "loyalists",
    "supported",
    "supporter",
    "supporters",
    "sponsored",
    "proxy",
    "proxies",
    "funded",
    "armed",
    "trained",
];

/// Which stance a CrossRE relation states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    Opposition,
    Defeat,
    Affiliation,
}

impl Stance {
    fn words(self) -> &'static [&'static str] {
        match self {
            Self::Opposition => OPPOSITION,
            Self::Defeat => DEFEAT,
            Self::Affiliation => AFFILIATION,
        }
    }

    /// Whether one of the stance's words stands among `pieces` (the
    /// lowercased words between the two names; a hyphenated word counts
    /// by its parts: "Iran-backed", "al-Qaeda-linked"). Defeat is a kind of
    /// opposition: "Obama has no strategy to defeat ISIS" states both.
    pub fn is_stated(self, pieces: &[String]) -> bool {
        let stated = |words: &[&str]| {
            pieces.iter().any(|piece| {
                words.contains(&piece.as_str()) || piece.split('-').any(|part| words.contains(&part))
            })
        };
        stated(self.words()) || (self == Self::Opposition && stated(DEFEAT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn opposition_needs_a_word_of_fighting_or_opposing() {
        assert!(Stance::Opposition.is_stated(&pieces("fighters clashed with")));
        assert!(Stance::Opposition.is_stated(&pieces("Violence Against")));
        assert!(Stance::Opposition.is_stated(&pieces("'s war on")));
        assert!(!Stance::Opposition.is_stated(&pieces(
            "has put in place restrictions on foreign media that forced"
        )));
        assert!(!Stance::Opposition.is_stated(&pieces("said on Monday that")));
    }

    #[test]
    fn defeat_and_affiliation_have_their_own_words() {
        assert!(Stance::Defeat.is_stated(&pieces("troops routed")));
        assert!(Stance::Opposition.is_stated(&pieces("has no strategy to defeat")));
        assert!(!Stance::Defeat.is_stated(&pieces("troops clashed with")));
        assert!(Stance::Affiliation.is_stated(&pieces("-backed")));
        assert!(Stance::Affiliation.is_stated(&pieces("al-qaeda-linked")));
        assert!(Stance::Affiliation.is_stated(&pieces("militias loyal to")));
        assert!(!Stance::Affiliation.is_stated(&pieces("met officials of")));
    }
}
