//! The toll of each event in a document: one best figure per kind, with the
//! mentions it came from.
//!
//! Articles repeat and update their figures ("at least 13 were killed" ...
//! "the death toll rose to 170"), mention other incidents ("in a separate
//! shooting"), periods ("so far this year") and past events ("Beslan in 2004
//! (334 deaths)"). The rules, in order:
//!
//! 1. **Events.** Figures over a period or of another incident (see
//!    `context.rs`, [`Scope`]) belong to no event. A figure in a sentence that
//!    writes a year belongs to that year's event, unless it is the year of
//!    the article's first figure ("On January 29, 2014, two men were
//!    killed"); every other figure belongs to the article's own event, which
//!    comes first.
//! 2. **Figures.** Mentions of one cue add up ("a man and a woman were
//!    killed" is two); each such sum is one stated figure.
//! 3. **Best figure per kind.** Unhedged figures win over hedged ones
//!    ("reportedly", "could be"). Among them the latest toll update wins
//!    ("the death toll rose to 170"); without updates, the highest figure
//!    (by `value`, then by `min`; the first stated on a tie): a figure is
//!    restated or raised as news comes in, rarely lowered, and partial
//!    counts ("one of the victims died") are lower than the toll. A
//!    document that states only zeros ("no one was hurt") gets 0. The dead
//!    of the attacking side ("five attackers", "nine militants") and of
//!    their victims are two figures, and the highest of each add up
//!    (`both_sides`), unless a toll update was chosen; so do the injured
//!    of the police and of the crowd in a street clash ("27 police
//!    officers ... 15 protesters").
//! 4. **Injured from shot.** Where the article counts people shot or hit
//!    without telling the dead from the wounded ("five people were shot,
//!    one fatally"), injured is at least that count minus the killed.
//! 5. **The dead among the wounded.** "Two of the wounded had died" moves
//!    them from an injured figure stated before to the killed (unless a
//!    toll update or a figure that already counts them was chosen).
//!
//! This file decides nothing about single sentences (see `mentions/`).
use std::collections::BTreeMap;

use crate::output::extractions::{CasualtyKind, Count, CountQualifier, TollRule};

use super::context::Scope;
use super::mentions::{CasualtyMention, CHARGES_HEDGE};

/// Which event of the document a toll is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EventKey {
    /// The article's own event.
    Main,
    /// Another event, told apart by the year the article gives it.
    Year(u16),
}

/// The best figure of one kind for one event.
#[derive(Debug, Clone, PartialEq)]
pub struct BestFigure {
    pub count: Count,
    pub rule: TollRule,
    /// Indices (into the mentions given to [`summarize`]) of the mentions
    /// stating this figure.
    pub mentions: Vec<usize>,
    /// The other mentions of this kind for this event.
    pub others: Vec<usize>,
}

impl BestFigure {
    /// Whether every mention stating this figure passes `test` (a mention
    /// missing from `mentions` fails it).
    fn all_mentions(&self, mentions: &[CasualtyMention], test: impl Fn(&CasualtyMention) -> bool) -> bool {
        self.mentions
            .iter()
            .all(|&index| mentions.get(index).is_some_and(&test))
    }
}

/// The tolls of one event.
#[derive(Debug, Clone, PartialEq)]
pub struct TollSummary {
    pub event: EventKey,
    pub killed: Option<BestFigure>,
    pub injured: Option<BestFigure>,
    pub killed_or_injured: Option<BestFigure>,
    pub missing: Option<BestFigure>,
    pub arrested: Option<BestFigure>,
    pub kidnapped: Option<BestFigure>,
}

impl TollSummary {
    /// The figure of one kind.
    pub fn figure(&self, kind: CasualtyKind) -> Option<&BestFigure> {
        match kind {
            CasualtyKind::Killed => self.killed.as_ref(),
            CasualtyKind::Injured => self.injured.as_ref(),
            CasualtyKind::KilledOrInjured => self.killed_or_injured.as_ref(),
            CasualtyKind::Missing => self.missing.as_ref(),
            CasualtyKind::Arrested => self.arrested.as_ref(),
            CasualtyKind::Kidnapped => self.kidnapped.as_ref(),
        }
    }

    /// The best value of one kind, 0 when none was stated.
    pub fn value(&self, kind: CasualtyKind) -> u64 {
        self.figure(kind).map_or(0, |figure| figure.count.value)
    }
}

/// A stated figure: the sum of one cue's mentions.
struct Stated {
    count: Count,
    mentions: Vec<usize>,
    update: bool,
    hedged: bool,
}

fn weakened(mention: &CasualtyMention) -> bool {
    mention.weakened
}

fn add(total: &Count, more: &Count) -> Count {
    let sum = |a: Option<u64>, b: Option<u64>| a.zip(b).map(|(a, b)| a.saturating_add(b));
    let qualifier = if total.qualifier == more.qualifier {
        total.qualifier
    } else if total.min.is_some() && more.min.is_some() {
        CountQualifier::AtLeast
    } else {
        CountQualifier::Approximately
    };
    Count {
        value: total.value.saturating_add(more.value),
        min: sum(total.min, more.min),
        max: sum(total.max, more.max),
        qualifier,
    }
}

/// A count with its value and bounds changed alike.
fn map_count(count: &Count, change: impl Fn(u64) -> u64) -> Count {
    Count {
        value: change(count.value),
        min: count.min.map(&change),
        max: count.max.map(&change),
        qualifier: count.qualifier,
    }
}

/// The event a mention belongs to, if any.
fn event_of(mention: &CasualtyMention, main_year: Option<u16>) -> Option<EventKey> {
    if mention.scope != Scope::Event {
        return None;
    }
    match mention.year {
        Some(year) if Some(year) != main_year => Some(EventKey::Year(year)),
        _ => Some(EventKey::Main),
    }
}

/// The stated figures among `indices`: the mentions of one cue (one
/// `group`) added up, in group order.
fn stated_figures(mentions: &[CasualtyMention], indices: &[usize]) -> Vec<Stated> {
    let mut by_group: BTreeMap<usize, Stated> = BTreeMap::new();
    for &index in indices {
        let Some(mention) = mentions.get(index) else {
            continue;
        };
        by_group
            .entry(mention.group)
            .and_modify(|stated| {
                stated.count = add(&stated.count, &mention.count);
                stated.mentions.push(index);
                stated.update |= mention.update;
                stated.hedged |= weakened(mention);
            })
            .or_insert_with(|| Stated {
                count: mention.count.clone(),
                mentions: vec![index],
                update: mention.update,
                hedged: weakened(mention),
            });
    }
    by_group.into_values().collect()
}

fn best(mentions: &[CasualtyMention], indices: &[usize]) -> Option<BestFigure> {
    let stated = stated_figures(mentions, indices);
    let others = |chosen: &[usize]| -> Vec<usize> {
        // A set: with a slice this was quadratic in the mentions of a
        // document (88 s for a 9 MiB text of "Two were killed." sentences).
        let chosen: std::collections::HashSet<usize> = chosen.iter().copied().collect();
        indices
            .iter()
            .copied()
            .filter(|index| !chosen.contains(index))
            .collect()
    };
    let nonzero: Vec<&Stated> = stated.iter().filter(|figure| figure.count.value > 0).collect();
    if nonzero.is_empty() {
        let zero = stated.first()?;
        return Some(BestFigure {
            count: zero.count.clone(),
            rule: TollRule::Zero,
            others: others(&zero.mentions),
            mentions: zero.mentions.clone(),
        });
    }
    let unhedged: Vec<&Stated> = nonzero.iter().copied().filter(|figure| !figure.hedged).collect();
    let pool = if unhedged.is_empty() { nonzero } else { unhedged };
    let (chosen, rule) = match pool.iter().rfind(|figure| figure.update) {
        Some(update) => (*update, TollRule::Update),
        None => {
            let highest = pool.iter().copied().reduce(|best, figure| {
                let key = |f: &Stated| (f.count.value, f.count.min.unwrap_or(0));
                if key(figure) > key(best) {
                    figure
                } else {
                    best
                }
            })?;
            (below_bound(&pool, highest), TollRule::Highest)
        }
    };
    // Mentions restating the chosen value count as its sources too; not
    // the other side's dead ("killed a woman ... police killed the
    // gunman"), who are one more death and not the same one told again.
    // (only a figure that names its victims says whose they are)
    let first_of = |figure: &Stated| figure.mentions.first().and_then(|index| mentions.get(*index));
    let chosen_side = first_of(chosen).map(CasualtyMention::of_the_attacking_side);
    let mut sources = chosen.mentions.clone();
    for figure in &stated {
        let other_side = first_of(figure).is_some_and(|mention| {
            mention.victims.is_some() && Some(mention.of_the_attacking_side()) != chosen_side
        });
        if figure.count.value == chosen.count.value && figure.mentions.len() == 1 && !other_side {
            sources.extend(figure.mentions.iter().copied());
        }
    }
    sources.sort_unstable();
    sources.dedup();
    Some(BestFigure {
        count: chosen.count.clone(),
        rule,
        others: others(&sources),
        mentions: sources,
    })
}

/// A figure known only to be under a bound ("Nearly 40 killed") gives way
/// to a stated one that bound allows ("38 bodies had been deposited"): the
/// highest of those within a fifth below the bound, if any.
fn below_bound<'s>(pool: &[&'s Stated], highest: &'s Stated) -> &'s Stated {
    let (CountQualifier::LessThan, Some(max)) = (highest.count.qualifier, highest.count.max) else {
        return highest;
    };
    let floor = highest.count.value - highest.count.value / 5;
    pool.iter()
        .copied()
        .filter(|figure| {
            matches!(
                figure.count.qualifier,
                CountQualifier::Exact | CountQualifier::AtLeast
            ) && (floor..=max).contains(&figure.count.value)
        })
        .max_by_key(|figure| figure.count.value)
        .unwrap_or(highest)
}

/// The dead of both sides of a fight add up: "Jihadists killed 15
/// soldiers ... about 50 assailants had been neutralised" is 65 dead, where
/// the highest figure alone would give 50. The other side's highest
/// unhedged figure is added to the chosen one, unless the chosen one is a
/// toll update (a toll may count everyone) or says it counts the attackers.
fn add_other_side(summary: &mut TollSummary, mentions: &[CasualtyMention], indices: &[usize]) {
    let Some(killed) = summary.killed.as_mut() else {
        return;
    };
    if killed.rule != TollRule::Highest || killed.count.value == 0 {
        return;
    }
    let chosen: Vec<&CasualtyMention> = killed
        .mentions
        .iter()
        .filter_map(|index| mentions.get(*index))
        .collect();
    if chosen
        .iter()
        .any(|mention| mention.includes_perpetrator || mention.self_inflicted)
    {
        return;
    }
    let Some(attackers) = chosen.first().map(|mention| mention.of_the_attacking_side()) else {
        return;
    };
    // a figure that names no victims ("killing him") may restate either side
    if chosen
        .iter()
        .any(|mention| mention.victims.is_some() && mention.of_the_attacking_side() != attackers)
    {
        return;
    }
    // A set: a document may restate the chosen figure many times.
    let chosen: std::collections::HashSet<usize> = killed.mentions.iter().copied().collect();
    let same_side = |stated: &Stated| {
        stated.mentions.iter().any(|index| {
            mentions
                .get(*index)
                .is_some_and(|mention| mention.of_the_attacking_side() == attackers)
        })
    };
    let by_role = |indices: &[usize]| {
        indices
            .iter()
            .filter_map(|index| mentions.get(*index))
            .any(|mention| mention.victim_role)
    };
    let other = stated_figures(mentions, indices)
        .into_iter()
        .filter(|stated| {
            !same_side(stated)
                && stated.count.value > 0
                && !stated.hedged
                && !stated.update
                && stated.mentions.iter().all(|index| {
                    !chosen.contains(index)
                        && mentions
                            .get(*index)
                            .is_some_and(|mention| !mention.self_inflicted)
                })
        })
        .max_by_key(|stated| {
            // on a tie, victims named by their role: "A man who shot and
            // killed his neighbor" is the gunman and his victim
            (
                stated.count.value,
                by_role(&stated.mentions),
                std::cmp::Reverse(stated.mentions.first().copied()),
            )
        });
    let Some(Stated {
        count,
        mentions: members,
        ..
    }) = other
    else {
        return;
    };
    // A gunman's death is added only to victims who cannot be him ("killing
    // a young woman ... police killed the suspect"): "a man was killed" in
    // an officer-involved shooting is the suspect told twice.
    let gunman = |indices: &[usize]| {
        indices
            .iter()
            .filter_map(|index| mentions.get(*index))
            .any(|mention| mention.gunman)
    };
    let with_gunman = gunman(&members) || gunman(&killed.mentions);
    let victims_by_role = if attackers {
        by_role(&members)
    } else {
        by_role(&killed.mentions)
    };
    if with_gunman && !victims_by_role {
        return;
    }
    // "13 killed" in a headline, then "killed nine people ... and four of
    // the attackers were shot dead": the chosen figure is already the two
    // sides of one sentence; or a list of the victims ("two police officers and a
    // civilian") and the attackers' dead elsewhere add up to a headline's
    // "kills five" (a lone partial count, "11 at the scene", may not)
    let sentence_of = |index: &usize| mentions.get(*index).map(|mention| mention.sentence);
    let other_sentence = members.first().and_then(sentence_of);
    let is_sum = stated_figures(mentions, indices).iter().any(|stated| {
        same_side(stated)
            && stated.mentions.iter().all(|index| !chosen.contains(index))
            && (stated.mentions.first().and_then(sentence_of) == other_sentence || stated.mentions.len() >= 2)
            && stated.count.value.saturating_add(count.value) == killed.count.value
    });
    if is_sum {
        return;
    }
    killed.count = add(&killed.count, &count);
    killed.rule = TollRule::BothSides;
    killed.others.retain(|index| !members.contains(index));
    killed.mentions.extend(members);
    killed.mentions.sort_unstable();
}

/// A killer who then killed himself is one more death than the victims
/// counted: "killed his wife and three other people before fatally
/// shooting himself" is five. Not when the chosen figure already counts
/// the killer ("three dead, including the gunman", "a murder-suicide"), or
/// is, in another sentence, exactly the victims of the killer's sentence
/// plus him ("officers found three people dead").
fn add_self_inflicted(summary: &mut TollSummary, mentions: &[CasualtyMention], indices: &[usize]) {
    let Some(killed) = summary.killed.as_mut() else {
        return;
    };
    let is_self = |index: &usize| mentions.get(*index).is_some_and(|mention| mention.self_inflicted);
    let Some(self_index) = indices.iter().copied().find(|index| is_self(index)) else {
        return;
    };
    let counts_killer = killed.mentions.iter().any(|index| {
        is_self(index)
            || mentions
                .get(*index)
                .is_some_and(|mention| mention.includes_perpetrator)
    });
    // "the bodies of a man, a woman and two children" ... "murdered the
    // woman and children before killing himself": a list of the chosen
    // figure's size that names one man counts the killer
    let lists_killer = stated_figures(mentions, indices).iter().any(|figure| {
        figure.count.value == killed.count.value
            && figure.mentions.len() >= 2
            && figure
                .mentions
                .iter()
                .any(|index| mentions.get(*index).is_some_and(|mention| mention.man_of_a_list))
    });
    // "fatally shot his wife and their daughter before taking his own life
    // ... officers found three people dead": a later count of all the dead
    // is the victims of the killer's sentence plus him
    let killer_sentence = mentions.get(self_index).map(|mention| mention.sentence);
    // (the largest figure stated there: coordinated victims add up)
    let beside: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|index| {
            mentions.get(*index).is_some_and(|mention| {
                Some(mention.sentence) == killer_sentence
                    && !mention.self_inflicted
                    && mention.kind == CasualtyKind::Killed
            })
        })
        .collect();
    let victims_beside_killer = stated_figures(mentions, &beside)
        .iter()
        .map(|figure| figure.count.value)
        .max()
        .unwrap_or(0);
    let chosen_elsewhere = killed
        .mentions
        .iter()
        .all(|index| mentions.get(*index).map(|mention| mention.sentence) != killer_sentence);
    let counts_all_dead =
        chosen_elsewhere && victims_beside_killer > 0 && victims_beside_killer + 1 == killed.count.value;
    if counts_killer || lists_killer || counts_all_dead || killed.count.value == 0 {
        return;
    }
    killed.count = add(
        &killed.count,
        &Count {
            value: 1,
            min: Some(1),
            max: Some(1),
            qualifier: CountQualifier::Exact,
        },
    );
    killed.rule = TollRule::VictimsPlusSelfInflicted;
    killed.mentions.push(self_index);
    killed.mentions.sort_unstable();
    killed.others.retain(|index| *index != self_index);
}

/// "27 police officers had been injured ... The health ministry said 15
/// protesters had been hospitalised": the injured of the two sides of a
/// street clash, told apart, add up. Only when the chosen figure counts
/// one side and the other side's highest unhedged figure is stated
/// elsewhere; a toll update stands.
fn add_clash_sides(summary: &mut TollSummary, mentions: &[CasualtyMention], indices: &[usize]) {
    let Some(injured) = summary.injured.as_mut() else {
        return;
    };
    if injured.rule != TollRule::Highest || injured.count.value == 0 {
        return;
    }
    let side_of = |index: &usize| mentions.get(*index).and_then(|mention| mention.side);
    let Some(side) = injured.mentions.first().and_then(side_of) else {
        return;
    };
    if injured.mentions.iter().any(|index| side_of(index) != Some(side)) {
        return;
    }
    let chosen: std::collections::HashSet<usize> = injured.mentions.iter().copied().collect();
    let other = stated_figures(mentions, indices)
        .into_iter()
        .filter(|stated| {
            stated.count.value > 0
                && !stated.hedged
                && !stated.update
                && stated
                    .mentions
                    .iter()
                    .all(|index| !chosen.contains(index) && side_of(index).is_some_and(|other| other != side))
        })
        .max_by_key(|stated| {
            (
                stated.count.value,
                std::cmp::Reverse(stated.mentions.first().copied()),
            )
        });
    let Some(other) = other else {
        return;
    };
    injured.count = add(&injured.count, &other.count);
    injured.rule = TollRule::BothSides;
    injured.mentions.extend(other.mentions.iter().copied());
    injured.mentions.sort_unstable();
    injured.others.retain(|index| !other.mentions.contains(index));
}

/// "The suspect ... was arrested at the scene" and then "police arrested
/// two other men": arrests told as made besides the ones before add to the
/// most counted before them. A chain adds up too: "14 suspects were
/// arrested on Thursday", "a further nine on Friday", "six more on
/// Saturday" are 29. A figure stated later that is as high (a running
/// total: "bringing the number of arrests to four") stands.
fn add_earlier_arrests(summary: &mut TollSummary, mentions: &[CasualtyMention], indices: &[usize]) {
    let Some(arrested) = summary.arrested.as_mut() else {
        return;
    };
    if arrested.rule != TollRule::Highest || arrested.count.value == 0 {
        return;
    }
    // "one suspect was killed and three others were arrested": others than
    // the dead, not than earlier arrests; "Two suspects were detained in
    // Orangi Town and seven others in Gulshan": a breakdown, which the
    // sentence's figure already adds up.
    // (the first count of each sentence, found once: a scan per mention
    // would be quadratic in a long document's arrests)
    let mut first_count: BTreeMap<usize, usize> = BTreeMap::new();
    for mention in mentions {
        let first = first_count
            .entry(mention.sentence)
            .or_insert(mention.count_span.start);
        *first = (*first).min(mention.count_span.start);
    }
    let besides = |mention: &CasualtyMention| {
        mention.besides_earlier
            && first_count
                .get(&mention.sentence)
                .is_none_or(|&first| first >= mention.count_span.start)
    };
    let firm: Vec<(usize, &CasualtyMention, bool)> = indices
        .iter()
        .filter_map(|&index| {
            mentions
                .get(index)
                .map(|mention| (index, mention, besides(mention)))
        })
        .filter(|(_, mention, _)| !mention.weakened && mention.count.value > 0)
        .collect();
    let Some(first_besides) = firm
        .iter()
        .filter(|(_, _, besides)| *besides)
        .map(|(_, mention, _)| mention.sentence)
        .min()
    else {
        return;
    };
    // The arrests just before them: the most recent figure, not the highest
    // (a headline's total already counts the later ones).
    let base = firm
        .iter()
        .filter(|(_, mention, besides)| mention.sentence < first_besides && !besides)
        .max_by_key(|(index, mention, _)| (mention.sentence, mention.count.value, std::cmp::Reverse(*index)));
    let Some(&(base_index, base, _)) = base else {
        return;
    };
    let mut total = base.count.clone();
    let mut sources = vec![base_index];
    for &(index, mention, besides) in &firm {
        // "two dozen others were arrested" and then "Another 24 suspects were
        // rounded up": the same figure again reads as the same arrests
        let restated = mention.count.value == base.count.value;
        // "A second suspect was detained": at least the second, not one more
        if let Some(nth) = mention
            .ordinal
            .filter(|_| besides && mention.sentence > base.sentence)
        {
            if nth > total.value {
                total = Count {
                    value: nth,
                    min: Some(nth),
                    max: None,
                    qualifier: CountQualifier::AtLeast,
                };
                sources.push(index);
            }
            continue;
        }
        if besides && !restated && mention.sentence > base.sentence {
            total = add(&total, &mention.count);
            sources.push(index);
        }
    }
    if total.value <= arrested.count.value {
        return;
    }
    arrested.count = total;
    arrested.rule = TollRule::AddedToEarlier;
    sources.sort_unstable();
    let chosen: std::collections::HashSet<usize> = sources.iter().copied().collect();
    arrested.mentions = sources;
    arrested.others = indices
        .iter()
        .copied()
        .filter(|index| !chosen.contains(index))
        .collect();
}

/// "initially told reporters that 121 students were missing" and then
/// "93 students and one teacher were taken away": a first count of the
/// missing, before it was known who had been abducted, gives way to the
/// count of the abducted.
fn drop_first_missing(summary: &mut TollSummary, mentions: &[CasualtyMention]) {
    let first_report = summary.missing.as_ref().is_some_and(|missing| {
        !missing.mentions.is_empty() && missing.all_mentions(mentions, |mention| mention.weakened)
    });
    let abducted = summary.kidnapped.as_ref().is_some_and(|kidnapped| {
        kidnapped.count.value > 0 && !kidnapped.all_mentions(mentions, |mention| mention.weakened)
    });
    if first_report && abducted {
        summary.missing = None;
    }
}

fn derive_injured(summary: &mut TollSummary, ordinal: u64, mentions_of: &[CasualtyMention]) {
    let Some(shot) = &summary.killed_or_injured else {
        return;
    };
    // "Police had originally said that seven people were shot" against
    // "four people injured": a hedged or first count of the shot does not
    // override a stated injured figure
    let shot_weakened = shot.all_mentions(mentions_of, |mention| mention.weakened);
    if shot_weakened && summary.injured.is_some() {
        return;
    }
    // "was also shot, but survived": the dead are not among them
    let survivors = !shot.mentions.is_empty() && shot.all_mentions(mentions_of, |mention| mention.survivors);
    // "Three other victims were shot ... Brown faces two counts of murder":
    // the dead told only by the charges are not known to be among the shot
    let only_charged = |figure: &BestFigure| {
        figure.all_mentions(mentions_of, |mention| {
            mention.hedges.iter().any(|hedge| hedge == CHARGES_HEDGE)
        })
    };
    let killed = match &summary.killed {
        Some(figure) if !survivors && !only_charged(figure) => figure.count.value,
        _ => 0,
    };
    // "A fourth person was shot in the arm": at least four were shot.
    let shot_total = shot.count.value.max(ordinal);
    let derived = shot_total.saturating_sub(killed);
    let explicit = summary.injured.as_ref().map_or(0, |figure| figure.count.value);
    // "Five people were shot ... Police originally said that eight people
    // were wounded": a first report of the hurt gives way to a plain count
    // of the shot, even a lower one
    let injured_weakened = summary.injured.as_ref().is_some_and(|figure| {
        !figure.mentions.is_empty() && figure.all_mentions(mentions_of, |mention| mention.weakened)
    });
    if derived == 0 || (derived <= explicit && !injured_weakened) {
        return;
    }
    let mut mentions = shot.mentions.clone();
    if let Some(killed) = &summary.killed {
        mentions.extend(killed.mentions.iter().copied());
    }
    mentions.sort_unstable();
    mentions.dedup();
    let others = summary
        .injured
        .as_ref()
        .map(|figure| figure.mentions.iter().chain(&figure.others).copied().collect())
        .unwrap_or_default();
    let count = if shot_total > shot.count.value {
        Count {
            value: derived,
            min: Some(derived),
            max: None,
            qualifier: CountQualifier::AtLeast,
        }
    } else {
        Count {
            value: derived,
            min: shot.count.min.map(|min| min.saturating_sub(killed)),
            max: shot.count.max.map(|max| max.saturating_sub(killed)),
            qualifier: shot.count.qualifier,
        }
    };
    summary.injured = Some(BestFigure {
        count,
        rule: TollRule::ShotMinusKilled,
        mentions,
        others,
    });
}

/// "Seven people were injured in the attack. One of the wounded officers
/// ... died": the dead among the wounded leave the injured figure stated
/// before them (or in their sentence), and join a killed figure stated
/// before them that no toll update raised.
fn move_wounded_dead(summary: &mut TollSummary, mentions: &[CasualtyMention], killed: &[usize]) {
    let mut dead_by_group: BTreeMap<usize, u64> = BTreeMap::new();
    let mut sentence = None;
    for mention in killed.iter().filter_map(|&index| mentions.get(index)) {
        if mention.of_wounded && !mention.weakened {
            let dead = dead_by_group.entry(mention.group).or_default();
            *dead = (*dead).max(mention.count.value);
            sentence.get_or_insert(mention.sentence);
        }
    }
    let Some(sentence) = sentence else {
        return;
    };
    let dead: u64 = dead_by_group.values().sum();
    // the injured may be stated in the sentence of the dead, as the whole
    // of "one of the eight wounded"; the killed not, as they may count them
    let stated_by =
        |figure: &BestFigure, last: usize| figure.all_mentions(mentions, |mention| mention.sentence <= last);
    // people shot minus the dead already left the dead out, unless the
    // shot were told as survivors ("eight others were shot")
    let dead_left_out = |figure: &BestFigure| {
        figure.rule == TollRule::ShotMinusKilled
            && !figure.all_mentions(mentions, |mention| {
                mention.kind != CasualtyKind::KilledOrInjured || mention.survivors
            })
    };
    // "In a first statement, the army had put its losses at six dead and 11
    // wounded ... two of the wounded had died" under a lede of nine wounded:
    // the chosen figure is another one's less the dead
    let less_the_dead_already = |value: u64| {
        mentions.iter().any(|mention| {
            mention.kind == CasualtyKind::Injured
                && mention.scope == Scope::Event
                && mention.count.value > value
                && mention.count.value - dead == value
        })
    };
    if let Some(injured) = summary.injured.as_mut() {
        if stated_by(injured, sentence)
            && injured.count.value > dead
            && !dead_left_out(injured)
            && !less_the_dead_already(injured.count.value)
        {
            injured.count = map_count(&injured.count, |n| n.saturating_sub(dead));
            injured.rule = TollRule::WoundedDied;
        }
    }
    // "initially put the death toll at 11, but ... six of the wounded had
    // died" under a lede of 17: the highest figure already counts them
    let counted_already = |highest: u64| {
        killed.iter().any(|&index| {
            mentions.get(index).is_some_and(|mention| {
                !mention.of_wounded && mention.count.value.saturating_add(dead) == highest
            })
        })
    };
    if let Some(killed) = summary.killed.as_mut() {
        if killed.rule == TollRule::Highest
            && sentence > 0
            && stated_by(killed, sentence - 1)
            && !counted_already(killed.count.value)
        {
            killed.count = map_count(&killed.count, |n| n.saturating_add(dead));
            killed.rule = TollRule::WoundedDied;
        }
    }
}

/// The tolls of a document's events, the article's own event first, then
/// other events by year. Events with no figure are left out.
pub fn summarize(mentions: &[CasualtyMention]) -> Vec<TollSummary> {
    let main_year = mentions
        .iter()
        .find(|mention| mention.scope == Scope::Event)
        .and_then(|mention| mention.year);
    let mut events: BTreeMap<EventKey, BTreeMap<u8, Vec<usize>>> = BTreeMap::new();
    for (index, mention) in mentions.iter().enumerate() {
        if let Some(event) = event_of(mention, main_year) {
            events
                .entry(event)
                .or_default()
                .entry(mention.kind.order())
                .or_default()
                .push(index);
        }
    }
    events
        .into_iter()
        .map(|(event, kinds)| {
            let figure = |kind: CasualtyKind| {
                kinds
                    .get(&kind.order())
                    .and_then(|indices| best(mentions, indices))
            };
            let mut summary = TollSummary {
                event,
                killed: figure(CasualtyKind::Killed),
                injured: figure(CasualtyKind::Injured),
                killed_or_injured: figure(CasualtyKind::KilledOrInjured),
                missing: figure(CasualtyKind::Missing),
                arrested: figure(CasualtyKind::Arrested),
                kidnapped: figure(CasualtyKind::Kidnapped),
            };
            if let Some(killed) = kinds.get(&CasualtyKind::Killed.order()) {
                add_other_side(&mut summary, mentions, killed);
                add_self_inflicted(&mut summary, mentions, killed);
            }
            let ordinal = [CasualtyKind::KilledOrInjured, CasualtyKind::Injured]
                .iter()
                .filter_map(|&kind| kinds.get(&kind.order()))
                .flatten()
                .filter_map(|&index| mentions.get(index).and_then(|mention| mention.ordinal))
                .max()
                .unwrap_or(0);
            if let Some(injured) = kinds.get(&CasualtyKind::Injured.order()) {
                add_clash_sides(&mut summary, mentions, injured);
            }
            drop_first_missing(&mut summary, mentions);
            if let Some(arrested) = kinds.get(&CasualtyKind::Arrested.order()) {
                add_earlier_arrests(&mut summary, mentions, arrested);
            }
            derive_injured(&mut summary, ordinal, mentions);
            if let Some(killed) = kinds.get(&CasualtyKind::Killed.order()) {
                move_wounded_dead(&mut summary, mentions, killed);
            }
            summary
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::casualties::extract;
    use crate::text::split_sentences;

    fn tolls(text: &str) -> Vec<TollSummary> {
        summarize(&extract(text, &split_sentences(text), &[]))
    }

    fn main_value(text: &str, kind: CasualtyKind) -> (u64, Option<TollRule>) {
        let tolls = tolls(text);
        let main = tolls.iter().find(|toll| toll.event == EventKey::Main);
        (
            main.map_or(0, |toll| toll.value(kind)),
            main.and_then(|toll| toll.figure(kind)).map(|figure| figure.rule),
        )
    }

    use CasualtyKind::*;

    #[test]
    fn the_latest_update_wins() {
        let text = "At least 13 soldiers and more than 100 civilians were killed. \
                    Later the death toll rose to 170. Officials said 60 had died in the blast.";
        assert_eq!(main_value(text, Killed), (170, Some(TollRule::Update)));
    }

    #[test]
    fn charges_count_the_dead_only_without_a_stated_toll() {
        let text = "The gunman fled after the shooting on Sunday. He was charged with three counts of \
                    first-degree murder and one count of attempted murder.";
        assert_eq!(main_value(text, Killed).0, 3);
        let text = "Police said two people were shot dead. He was charged with three counts of murder.";
        assert_eq!(main_value(text, Killed).0, 2);
        // nor are they subtracted from the shot, who may be others
        let text = "Three other victims were shot on Sunday. Brown faces two counts of murder.";
        assert_eq!(main_value(text, Killed).0, 2);
        assert_eq!(main_value(text, Injured).0, 3);
    }

    #[test]
    fn charges_of_attempted_murder_count_the_wounded_only_without_a_stated_figure() {
        let text = "Allen Offray was arrested in the playground shooting. He faces 17 counts of \
                    attempted murder.";
        assert_eq!(main_value(text, Injured).0, 17);
        assert_eq!(main_value(text, Killed).0, 0);
        let text = "Two people were wounded in the shooting. He was charged with three counts of \
                    attempted first-degree murder.";
        assert_eq!(main_value(text, Injured).0, 2);
    }

    #[test]
    fn the_dead_among_the_wounded_move() {
        let text = "Gunmen opened fire on the guests, killing 12 people and wounding five. By Sunday, \
                    two of the wounded had died in hospital, bringing the death toll to 14.";
        assert_eq!(main_value(text, Killed), (14, Some(TollRule::Update)));
        assert_eq!(main_value(text, Injured), (3, Some(TollRule::WoundedDied)));
        // a lede that already counts them, after a first report that did not
        let text = "Eight soldiers were killed and nine wounded in the ambush, the army said on Wednesday. \
                    In a first statement on Tuesday, the army had put its losses at six dead and 11 wounded. \
                    On Wednesday it said two of the wounded had died overnight.";
        assert_eq!(main_value(text, Injured).0, 9);
        let text = "Police said three people were killed and eight others were shot. One of the eight \
                    wounded, a 26-year-old man, had died.";
        assert_eq!(main_value(text, Killed), (4, Some(TollRule::WoundedDied)));
        assert_eq!(main_value(text, Injured), (7, Some(TollRule::WoundedDied)));
        // the lede's toll already counts them
        let text = "A suicide bomber killed 17 people on Friday. Police had initially put the death toll \
                    at 11, but said in the evening that six of the wounded had died.";
        assert_eq!(main_value(text, Killed), (17, Some(TollRule::Highest)));
        // people shot minus the dead already leave them out
        let text = "Five people were shot on Sunday. Two of the wounded died in hospital.";
        assert_eq!(main_value(text, Killed), (2, Some(TollRule::Highest)));
        assert_eq!(main_value(text, Injured), (3, Some(TollRule::ShotMinusKilled)));
    }

    #[test]
    fn the_dead_of_both_sides_add_up() {
        let text = "Jihadists killed 15 soldiers in an ambush, the army said, adding that about 50 \
                    assailants had been neutralised.";
        assert_eq!(main_value(text, Killed), (65, Some(TollRule::BothSides)));
        let text = "Security forces killed nine militants. One soldier was martyred in the exchange of fire.";
        assert_eq!(main_value(text, Killed), (10, Some(TollRule::BothSides)));
        // a toll update may count everyone; "including the attackers" does
        let text = "Five attackers were killed. The death toll rose to 37.";
        assert_eq!(main_value(text, Killed), (37, Some(TollRule::Update)));
        // restatements of one side still give the highest
        let text = "Gunmen killed 12 villagers. Twelve villagers died in the raid.";
        assert_eq!(main_value(text, Killed), (12, Some(TollRule::Highest)));
        // crime reporting: the shooter's death is often already in the count
        let text = "Two dead in shooting. The shooter was also killed by police.";
        assert_eq!(main_value(text, Killed), (2, Some(TollRule::Highest)));
    }

    #[test]
    fn the_injured_of_both_sides_of_a_clash_add_up() {
        let text = "Police said 27 police officers had been injured by stones. \
                    The health ministry said 15 protesters had been hospitalised.";
        assert_eq!(main_value(text, Injured), (42, Some(TollRule::BothSides)));
        // one side restated is not two
        let text = "Five officers were injured. Two of the injured officers remained in hospital.";
        assert_eq!(main_value(text, Injured).0, 5);
    }

    #[test]
    fn a_stated_figure_under_a_bound_wins_over_the_bound() {
        let text = "Nearly 40 killed in stampede. Police said 38 bodies had been taken to the mortuary.";
        assert_eq!(main_value(text, Killed), (38, Some(TollRule::Highest)));
        // out of the bound's reach, the bound stays
        let text = "Nearly 40 killed in stampede. Police said 12 bodies had been taken to the mortuary.";
        assert_eq!(main_value(text, Killed).0, 40);
    }

    #[test]
    fn a_first_report_of_the_wounded_gives_way_to_the_shot() {
        let text = "Five people were shot at the club, the sheriff said. Police originally said that \
                    eight people were wounded.";
        assert_eq!(main_value(text, Injured), (5, Some(TollRule::ShotMinusKilled)));
        let text = "Five people were shot at the club, the sheriff said. Police said that eight people \
                    were wounded.";
        assert_eq!(main_value(text, Injured).0, 8);
    }

    #[test]
    fn a_headline_of_both_sides_is_not_added_to_again() {
        let text = "Eleven killed as bandits raid market town. Bandits killed seven traders in the raid, \
                    and four of the attackers were shot dead by vigilantes.";
        assert_eq!(main_value(text, Killed).0, 11);
        // the same sum from two sentences is a coincidence: the sides add up
        let text = "Gunmen killed 13 officers in the ambush. Eleven officers died at the scene. Troops \
                    later killed two of the attackers.";
        assert_eq!(main_value(text, Killed), (15, Some(TollRule::BothSides)));
    }

    #[test]
    fn others_taken_to_hospital_after_the_dead_are_survivors() {
        let text = "Two men were killed in the drive-by. The men were pronounced dead at the scene. \
                    Five others were taken to hospitals.";
        assert_eq!(main_value(text, Injured), (5, Some(TollRule::ShotMinusKilled)));
        assert_eq!(main_value(text, Killed).0, 2);
    }

    #[test]
    fn sprains_and_breaks_are_injuries() {
        let text = "Detectives apprehended three suspects, and one detective suffered a sprained knee.";
        assert_eq!(main_value(text, Injured).0, 1);
        let text = "A deputy sustained a broken arm when the car rammed his cruiser.";
        assert_eq!(main_value(text, Injured).0, 1);
    }

    #[test]
    fn otherwise_the_highest_figure() {
        let text = "Five people were killed. One of the victims died at the scene. Seven people died in all.";
        assert_eq!(main_value(text, Killed), (7, Some(TollRule::Highest)));
    }

    #[test]
    fn named_victims_with_their_ages_add_up() {
        // (without the NER model, as here, a middle initial cuts a name)
        let text = "Omar Jarman, 35, Shontay Young, 34, and Danielle Lucero, 26, died in the shooting.";
        assert_eq!(main_value(text, Killed).0, 3);
        // the names of a count are that count
        let text = "Three of Shelton's children, Jerry Shelton, 35, Brittany Powell, 27, and Chanetta \
                    Powell, 25, were killed.";
        assert_eq!(main_value(text, Killed).0, 3);
        let text = "Three others, an 18-year-old and two 17-year-olds were all treated and released.";
        assert_eq!(main_value(text, Injured).0, 3);
        // a name after a preposition is not one of them
        let text = "According to Worthy, Cleveland Smelley, 30, Deonta Bennett, 21, and Antoine Smelley, \
                    32, are charged with eight counts of assault.";
        assert_eq!(main_value(text, Arrested).0, 3);
    }

    #[test]
    fn a_natural_hazard_is_another_event_after_violence() {
        let text = "Three people were shot dead as looting erupted in the port. The magnitude 7.4 quake \
                    struck on Saturday night, killing at least 612 people and injuring more than 4,000.";
        assert_eq!(main_value(text, Killed).0, 3);
        assert_eq!(main_value(text, Injured).0, 0);
        // an article about the quake keeps its toll
        let text = "The magnitude 7.4 quake struck on Saturday night, killing at least 612 people. Police \
                    arrested 15 looters.";
        assert_eq!(main_value(text, Killed).0, 612);
    }

    #[test]
    fn putting_the_toll_at_is_an_update() {
        let text = "At least 32 people were killed in the raid. \"We have buried 26 of our people, and six \
                    of the attackers were killed,\" Riek said, putting the overall toll at 32.";
        assert_eq!(main_value(text, Killed), (32, Some(TollRule::Update)));
    }

    #[test]
    fn coordinated_counts_add_up() {
        assert_eq!(main_value("A man and a woman were killed.", Killed).0, 2);
        let text = "At least 13 soldiers and more than 100 civilians were killed.";
        let tolls = tolls(text);
        let killed = tolls[0]
            .killed
            .as_ref()
            .map(|figure| (figure.count.value, figure.count.min));
        assert_eq!(killed, Some((113, Some(114))));
        assert_eq!(
            tolls[0].killed.as_ref().map(|figure| figure.mentions.len()),
            Some(2)
        );
    }

    #[test]
    fn injured_is_shot_minus_killed() {
        let text = "Five people were shot, one fatally.";
        assert_eq!(main_value(text, Killed).0, 1);
        assert_eq!(main_value(text, Injured), (4, Some(TollRule::ShotMinusKilled)));
        let text = "The teen died at the hospital. Another teen was shot in the foot.";
        assert_eq!(main_value(text, Injured).0, 1);
        assert_eq!(main_value("A man was shot on Sunday.", Injured).0, 1);
        // survivors are not among the dead: nothing is subtracted
        let text = "A woman was shot and killed on Sunday. Her mother was also shot, but survived.";
        assert_eq!(main_value(text, Injured).0, 1);
        // without such a word the shot may include the dead
        let text = "A woman was shot and killed on Sunday. Her mother was shot.";
        assert_eq!(main_value(text, Injured).0, 0);
        // but a wound in a limb, in a sentence that tells of no death, is an injury
        let text = "A woman was shot and killed on Sunday. Her mother was shot in the leg.";
        assert_eq!(main_value(text, Injured).0, 1);
    }

    #[test]
    fn other_years_are_other_events() {
        let text = "Three people were killed on Sunday. It recalled Beslan in 2004 (334 deaths).";
        let tolls = tolls(text);
        assert_eq!(tolls.len(), 2);
        assert_eq!((tolls[0].event, tolls[0].value(Killed)), (EventKey::Main, 3));
        assert_eq!(
            (tolls[1].event, tolls[1].value(Killed)),
            (EventKey::Year(2004), 334)
        );
    }

    #[test]
    fn a_year_before_an_incident_noun_names_another_event() {
        let text = "A car bomb killed 12 people on Sunday. Al-Shabab was behind the October 2017 \
                    truck bombing that killed more than 500 people in the capital.";
        assert_eq!(main_value(text, Killed).0, 12);
        let text = "Gang members kidnapped seven workers on Monday. The gang was behind the 2021 \
                    abduction of 17 missionaries.";
        assert_eq!(main_value(text, Kidnapped).0, 7);
        let text = "At least 31 pilgrims died on Sunday in a stampede. Lawmakers said more police \
                    were needed, as after a 2008 stampede at the same shrine killed 147 people.";
        assert_eq!(main_value(text, Killed).0, 31);
        // a count before its noun is no year: "the 2000 residents"
        let text = "Gunmen killed 12 people. The 2000 residents fled.";
        assert_eq!(tolls(text).len(), 1);
    }

    #[test]
    fn the_year_of_the_lede_is_the_main_event() {
        let text = "On January 29, 2014, two men were killed. Police arrested a suspect.";
        let tolls = tolls(text);
        assert_eq!(tolls.len(), 1);
        assert_eq!((tolls[0].value(Killed), tolls[0].value(Arrested)), (2, 1));
    }

    #[test]
    fn periods_and_other_incidents_are_left_out() {
        let text = "A man was killed on Sunday. 300 people have been killed so far this year. \
                    In a separate shooting, two men were wounded.";
        assert_eq!(main_value(text, Killed).0, 1);
        assert_eq!(main_value(text, Injured).0, 0);
    }

    #[test]
    fn a_killer_who_killed_himself_counts_once_more() {
        let text = "He killed his ex-wife and three other people. Then he turned the gun on himself.";
        assert_eq!(
            main_value(text, Killed),
            (5, Some(TollRule::VictimsPlusSelfInflicted))
        );
        let text = "Three people are dead, including the gunman, who turned the gun on himself.";
        assert_eq!(main_value(text, Killed).0, 3);
        assert_eq!(main_value("He killed his wife and then himself.", Killed).0, 2);
    }

    #[test]
    fn only_zeros_give_zero() {
        assert_eq!(main_value("No one was hurt.", Injured), (0, Some(TollRule::Zero)));
        assert_eq!(
            main_value("No one else was hurt. Two people were injured.", Injured).0,
            2
        );
    }

    #[test]
    fn hedged_figures_lose_to_firm_ones() {
        let text = "As many as 50 people may have been killed. Officials said 20 people were killed.";
        assert_eq!(main_value(text, Killed).0, 20);
        assert_eq!(
            main_value("As many as 50 people may have been killed.", Killed).0,
            50
        );
    }

    #[test]
    fn a_headline_that_already_counts_the_attackers_is_not_added_to() {
        let text =
            "Attack on checkpoint kills five. Two soldiers and two customs officers were killed on Tuesday. \
                    One of the attackers was shot dead by troops.";
        assert_eq!(main_value(text, Killed), (5, Some(TollRule::Highest)));
        // a lone partial count does not make the sum
        let partial = "Attack on checkpoint kills five. Four soldiers died at the scene. \
                       One of the attackers was shot dead by troops.";
        assert_eq!(main_value(partial, Killed), (6, Some(TollRule::BothSides)));
    }

    #[test]
    fn the_others_of_a_series_are_other_incidents() {
        let text = "A 16-year-old boy was hospitalized Thursday evening after being shot at the park. \
                    The shooting was the third in Calder City in five days. On Monday, a 41-year-old \
                    man was shot and killed outside a store.";
        assert_eq!(main_value(text, Killed).0, 0);
        assert_eq!(main_value(text, Injured).0, 1);
        // a sentence opening with the article's own day is its incident
        let text = "A man was shot Thursday night at the park. It was the second shooting there this \
                    week. On Thursday, two people were killed.";
        assert_eq!(main_value(text, Killed).0, 2);
    }

    #[test]
    fn a_series_told_by_the_day_of_the_attack() {
        let text = "A roadside bomb killed six soldiers on Wednesday. Wednesday's attack was the third \
                    roadside bombing in the province this month. On July 3, a blast near Zardeh wounded \
                    three police officers.";
        assert_eq!(main_value(text, Killed).0, 6);
        assert_eq!(main_value(text, Injured).0, 0);
    }

    #[test]
    fn an_arrest_in_that_case_is_the_other_incidents() {
        let text = "Two men were wounded Saturday near the park. No arrests have been made. The shooting \
                    came four days after an unrelated shooting in which a man was killed. Police \
                    arrested a 20-year-old man in that case on Thursday.";
        assert_eq!(main_value(text, Arrested).0, 0);
        assert_eq!(main_value(text, Injured).0, 2);
    }

    #[test]
    fn people_held_briefly_and_released_give_way_to_the_arrests() {
        let text = "Police killed eight gang members and arrested 12 others in the raid. Dozens of \
                    people were detained briefly during house-to-house searches and later released.";
        assert_eq!(main_value(text, Arrested).0, 12);
        // alone, they are all that is told
        let text = "Thirty people were detained and later released without charge.";
        assert_eq!(main_value(text, Arrested).0, 30);
        // released on bail after an arrest is no release from it
        let text = "Police arrested 12 men. Thirty people were arrested and released on bail.";
        assert_eq!(main_value(text, Arrested).0, 30);
    }

    #[test]
    fn a_law_of_another_year_dates_no_arrest() {
        let text = "A boy was shot Wednesday. His father was taken into custody Thursday and charged with \
                    failing to secure a firearm, an offense created under a state law that took effect \
                    in 2023.";
        assert_eq!(main_value(text, Arrested).0, 1);
    }

    #[test]
    fn a_condition_before_death_is_no_wound() {
        let text = "Jerome Whitfield, 33, died Monday afternoon at the hospital, where he had been in \
                    critical condition since the shooting, police said.";
        assert_eq!(main_value(text, Killed).0, 1);
        assert_eq!(main_value(text, Injured).0, 0);
        // a figure of the wounded in the pluperfect is one
        let text = "Officials said 24 people had died and about 40 people had been wounded.";
        assert_eq!(main_value(text, Injured).0, 40);
    }

    #[test]
    fn a_figure_told_first_gives_way() {
        let text = "Five people were shot at the State Line Club on Highway 38 in Bennettsville just \
                    after 2:30 Sunday morning, according to the sheriff.\n\nPolice originally told \
                    WPDE ABC 15 News that eight people were wounded from stabbings and gunshots. Police \
                    later clarified that no one was stabbed, but rather had cuts from broken glass.";
        assert_eq!(main_value(text, Injured).0, 5);
        // the correction after "but" stands
        let text = "Residents had initially said that over 100 students were taken, but a headcount \
                    showed that 61 students were missing.";
        assert_eq!(main_value(text, Missing).0, 61);
    }

    #[test]
    fn a_person_reported_missing_by_a_pronoun() {
        assert_eq!(
            main_value("Her family reported her missing on Sunday.", Missing).0,
            1
        );
    }

    #[test]
    fn a_list_of_the_dead_naming_one_man_counts_the_killer() {
        let text = "Deputies discovered the bodies of a man, a woman and two children. Investigators \
                    believe the man murdered the woman and children before killing himself.";
        assert_eq!(main_value(text, Killed).0, 4);
        // the victims named by their relation are his victims, and he is one more
        let text = "He killed his wife and her two children before killing himself.";
        assert_eq!(main_value(text, Killed).0, 4);
    }

    #[test]
    fn a_felon_detained_is_one_arrest() {
        let text = "Following an overnight manhunt, authorities in Missouri have detained a convicted \
                    felon who is accused of drawing a gun on his wife.";
        assert_eq!(main_value(text, Arrested).0, 1);
    }

    #[test]
    fn the_bodies_of_a_list_and_a_pair_of_parents() {
        let text = "The bodies of 54-year-old Mark Mata, 42-year-old Min Haung and 6-year-old Hank Mata \
                    were discovered during a welfare check.";
        assert_eq!(main_value(text, Killed).0, 3);
        assert_eq!(main_value("A gunman killed his parents.", Killed).0, 2);
        // after an active verb, an auxiliary still opens a clause of its own
        let text = "Police killed two men and a woman was wounded.";
        assert_eq!(main_value(text, Killed).0, 2);
        assert_eq!(main_value(text, Injured).0, 1);
    }

    #[test]
    fn a_body_found_is_one_death() {
        for text in [
            "The body of a man was discovered in a field on Sunday, police said.",
            "Police found the body of a woman in the river.",
        ] {
            assert_eq!(main_value(text, Killed).0, 1, "{text}");
        }
        assert_eq!(
            main_value("The body of the union said it was found wanting.", Killed).0,
            0
        );
        assert_eq!(
            main_value("He addressed the student body of the university.", Killed).0,
            0
        );
    }

    #[test]
    fn the_victims_sent_to_hospital_are_the_shot() {
        let text = "A shooting left one person dead and three others injured. The argument led to the \
                    shooting sending four victims to the hospital.";
        assert_eq!(main_value(text, Injured).0, 3);
        let text = "A shooting at a home killed two and sent three others to hospitals. Officers found \
                    several victims shot in a van.";
        assert_eq!(main_value(text, Injured).0, 3);
    }

    #[test]
    fn a_killer_named_among_the_dead_is_not_added_again() {
        let text = "A boy was injured in a shooting that claimed the lives of his mother and a man who, \
                    police said, shot them, then turned the gun on himself.";
        assert_eq!(main_value(text, Killed).0, 2);
    }

    #[test]
    fn a_gunman_killed_by_police_adds_to_victims_named_by_their_role() {
        let text = "The gunman killed a young woman. Police shot and killed the suspect.";
        assert_eq!(main_value(text, Killed), (2, Some(TollRule::BothSides)));
        let three = "Three officers were killed. A SWAT officer killed the suspect.";
        assert_eq!(main_value(three, Killed).0, 4);
        // the gunman named first, and a restatement that names no one
        let gunman_first = "Gunman dies in shootout with deputies. A man who shot and killed his \
                            neighbor was himself killed. Two deputies returned fire, killing him.";
        assert_eq!(main_value(gunman_first, Killed).0, 2);
    }

    #[test]
    fn a_man_killed_by_police_is_the_suspect_told_again() {
        let text = "A man was killed in an officer-involved shooting. Police said the suspect was killed.";
        assert_eq!(main_value(text, Killed).0, 1);
        // "Two dead" may already count the gunman
        let headline = "Two dead in shooting. Police shot and killed the gunman.";
        assert_eq!(main_value(headline, Killed).0, 2);
    }

    #[test]
    fn arrests_besides_earlier_ones_add_to_them() {
        let text = "The driver was arrested at the scene. Police later arrested two other men.";
        assert_eq!(main_value(text, Arrested), (3, Some(TollRule::AddedToEarlier)));
        // a running total already counts them
        let total =
            "Police arrested two men. Two other men were arrested, bringing the number of arrests to four.";
        assert_eq!(main_value(total, Arrested).0, 4);
        // without "other" the highest stands
        let plain = "The driver was arrested at the scene. Police later arrested two men.";
        assert_eq!(main_value(plain, Arrested).0, 2);
        // a chain adds up, from the figure just before it
        let chain = "Police arrested 14 suspects on Thursday. A further nine suspects were arrested on \
                     Friday. Six more suspects were arrested on Saturday.";
        assert_eq!(main_value(chain, Arrested), (29, Some(TollRule::AddedToEarlier)));
        let recaptured = "By Monday, 41 of the escapees had been rearrested. Police said six more had been \
                          caught, bringing the number recaptured to 47 and leaving 83 at large.";
        assert_eq!(main_value(recaptured, Arrested).0, 47);
        let second =
            "Security forces arrested a man seen parking the minibus. A second suspect was detained.";
        assert_eq!(main_value(second, Arrested), (2, Some(TollRule::AddedToEarlier)));
        let second = "Police arrested two men on Monday. A second suspect was detained later.";
        assert_eq!(main_value(second, Arrested).0, 2);
        let headline = "21 arrests after disorder in Barnsley. Fourteen people were arrested on the night. \
                        Seven more people were arrested on Sunday, bringing the total number of arrests to 21.";
        assert_eq!(main_value(headline, Arrested).0, 21);
        // others than the dead; the same figure again
        let breakdown = "Police arrested nine suspects in raids. Two suspects were detained in Orangi Town \
                         and seven others in Gulshan, he said.";
        assert_eq!(main_value(breakdown, Arrested).0, 9);
        let dead = "Police said one suspect was killed and three others were arrested after the chase.";
        assert_eq!(main_value(dead, Arrested).0, 3);
        let again = "Seven dealers were killed and two dozen others were arrested. Another 24 suspects \
                     were rounded up in buy-bust operations.";
        assert_eq!(main_value(again, Arrested).0, 24);
    }

    #[test]
    fn a_first_count_of_the_missing_gives_way_to_the_abducted() {
        let text =
            "The principal initially said 121 students were missing. Police said 93 students were abducted.";
        assert_eq!(main_value(text, Missing).0, 0);
        assert_eq!(main_value(text, Kidnapped).0, 93);
        // a firm count of the missing stays
        let firm = "Police said 93 students were abducted and 12 were missing.";
        assert_eq!(main_value(firm, Missing).0, 12);
    }
}
