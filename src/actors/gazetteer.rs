//! The gazetteer: known actors with a type, a stable id, a canonical name,
//! aliases and, for affiliates, the actor they belong to.
//!
//! The built-in list (`gazetteer.tsv`, next to this file, compiled into the
//! binary) covers armed groups and their affiliates, governments, security
//! agencies, political parties, intergovernmental organisations, news media
//! and wire agencies, countries with their demonyms, and a few people who
//! are known by several spellings. `newsgrist run --aliases FILE` adds
//! entries in the same format; an entry whose id is already known adds its
//! aliases to it and replaces its name, type and parent.
//!
//! Names match by [`fold::key`] (case, diacritics, punctuation, hyphens, a
//! possessive and a leading "the" ignored); [`Gazetteer::lookup_variant`]
//! also accepts a transliteration variant of a known alias (one vowel or
//! doubled letters apart), the only place where such variants are trusted.
//!
//! This file does not look at documents: [`super::resolve`](mod@super::resolve) does.
use std::collections::HashMap;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::output::extractions::ActorType;

use super::fold;

/// The built-in gazetteer.
const BUILTIN: &str = include_str!("gazetteer.tsv");

/// A gazetteer line that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read the alias file {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}:{line}: {reason}")]
    Line {
        origin: String,
        line: usize,
        reason: String,
    },
}

/// One known actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// `ng:<type>/<slug>`.
    pub id: String,
    pub actor_type: ActorType,
    pub name: String,
    pub aliases: Vec<String>,
    /// Id of the actor this one belongs to (an affiliate's group).
    pub part_of: Option<String>,
}

/// Known actors indexed by folded name.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<GazetteerEntry>,
    by_key: HashMap<String, usize>,
    by_skeleton: HashMap<String, Vec<(String, usize)>>,
    /// Most words in one folded alias: how far a name may be extended.
    max_words: usize,
    digest: Sha256,
}

/// The type name used in ids and in the file: `armed_group`, `person`, ...
pub fn type_name(actor_type: ActorType) -> &'static str {
    match actor_type {
        ActorType::Person => "person",
        ActorType::ArmedGroup => "armed_group",
        ActorType::Government => "government",
        ActorType::SecurityAgency => "security_agency",
        ActorType::PoliticalParty => "political_party",
        ActorType::Media => "media",
        ActorType::Igo => "igo",
        ActorType::Organisation => "organisation",
        ActorType::Location => "location",
    }
}

/// Parses a type name.
pub fn parse_type(name: &str) -> Option<ActorType> {
    Some(match name.trim() {
        "person" => ActorType::Person,
        "armed_group" => ActorType::ArmedGroup,
        "government" => ActorType::Government,
        "security_agency" => ActorType::SecurityAgency,
        "political_party" => ActorType::PoliticalParty,
        "media" => ActorType::Media,
        "igo" => ActorType::Igo,
        "organisation" | "organization" => ActorType::Organisation,
        "location" => ActorType::Location,
        _ => return None,
    })
}

/// Parses gazetteer text: `#` comments, blank lines, and lines of
/// `id<TAB>type<TAB>name<TAB>aliases separated by |<TAB>part_of` (the last
/// two columns optional).
pub fn parse(text: &str, origin: &str) -> Result<Vec<GazetteerEntry>, GazetteerError> {
    let mut entries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let error = |reason: String| GazetteerError::Line {
            origin: origin.to_owned(),
            line: index + 1,
            reason,
        };
        let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
        if columns.len() < 3 {
            return Err(error(format!(
                "expected id, type and name separated by tabs, found {} column(s)",
                columns.len()
            )));
        }
        let (id, type_text, name) = (columns[0], columns[1], columns[2]);
        let actor_type =
            parse_type(type_text).ok_or_else(|| error(format!("unknown actor type {type_text:?}")))?;
        if !id.starts_with("ng:") && !id.contains(':') {
            return Err(error(format!(
                "id {id:?} needs a prefix such as ng: (ng:armed_group/name)"
            )));
        }
        if fold::key(name).is_empty() {
            return Err(error("empty name".to_owned()));
        }
        let aliases = columns
            .get(3)
            .map(|aliases| {
                aliases
                    .split('|')
                    .map(str::trim)
                    .filter(|alias| !fold::key(alias).is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let part_of = columns
            .get(4)
            .filter(|parent| !parent.is_empty())
            .map(|parent| (*parent).to_owned());
        entries.push(GazetteerEntry {
            id: id.to_owned(),
            actor_type,
            name: name.to_owned(),
            aliases,
            part_of,
        });
    }
    Ok(entries)
}

/// Whether a name is a news outlet of the built-in gazetteer ("Le Monde",
/// "the Associated Press"), for stages that run before actors are resolved
/// (a claimant that is an outlet is its own medium).
pub fn is_builtin_outlet(name: &str) -> bool {
    static BUILTIN: std::sync::LazyLock<Gazetteer> =
        std::sync::LazyLock::new(|| Gazetteer::builtin().unwrap_or_default());
    BUILTIN
        .lookup(name)
        .is_some_and(|entry| entry.actor_type == ActorType::Media)
}

impl Gazetteer {
    /// The built-in gazetteer.
    pub fn builtin() -> Result<Self, GazetteerError> {
        let mut gazetteer = Self::default();
        gazetteer.add_text(BUILTIN, "built-in gazetteer")?;
        Ok(gazetteer)
    }

    /// Adds the entries of an alias file (same format as the built-in list).
    pub fn add_file(&mut self, path: &Path) -> Result<(), GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Read {
            path: path.display().to_string(),
            source,
        })?;
        self.add_text(&text, &path.display().to_string())
    }

    /// Adds entries from gazetteer text. Later entries win: an alias
    /// already known moves to the new entry.
    pub fn add_text(&mut self, text: &str, origin: &str) -> Result<(), GazetteerError> {
        let entries = parse(text, origin)?;
        self.digest.update(text.as_bytes());
        for entry in entries {
            self.add(entry);
        }
        Ok(())
    }

    fn add(&mut self, entry: GazetteerEntry) {
        let index = match self.entries.iter().position(|known| known.id == entry.id) {
            Some(index) => {
                let known = &mut self.entries[index];
                known.name = entry.name;
                known.actor_type = entry.actor_type;
                known.part_of = entry.part_of.or(known.part_of.take());
                known.aliases.extend(entry.aliases);
                index
            }
            None => {
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        let entry = &self.entries[index];
        let names: Vec<String> = std::iter::once(&entry.name)
            .chain(&entry.aliases)
            .cloned()
            .collect();
        for name in names {
            let key = fold::key(&name);
            self.max_words = self.max_words.max(fold::words(&name).len());
            self.by_skeleton
                .entry(fold::translit_skeleton(&key))
                .or_default()
                .push((key.clone(), index));
            self.by_key.insert(key, index);
        }
    }

    /// The entry a name folds to, if any.
    pub fn lookup(&self, name: &str) -> Option<&GazetteerEntry> {
        self.lookup_key(&fold::key(name))
    }

    /// The entry of a folded key.
    pub fn lookup_key(&self, key: &str) -> Option<&GazetteerEntry> {
        self.by_key.get(key).map(|&index| &self.entries[index])
    }

    /// The entry of a name, or of a known alias that the name is a
    /// transliteration variant of (one vowel or doubled letters apart),
    /// when exactly one entry has such an alias.
    pub fn lookup_variant(&self, name: &str) -> Option<&GazetteerEntry> {
        let key = fold::key(name);
        if let Some(entry) = self.lookup_key(&key) {
            return Some(entry);
        }
        let candidates = self.by_skeleton.get(&fold::translit_skeleton(&key))?;
        let mut found: Option<usize> = None;
        for (alias_key, index) in candidates {
            if !fold::translit_variants(&key, alias_key) || self.by_key.get(alias_key) != Some(index) {
                continue;
            }
            match found {
                Some(other) if other != *index => return None,
                _ => found = Some(*index),
            }
        }
        found.map(|index| &self.entries[index])
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&GazetteerEntry> {
        self.entries.iter().find(|entry| entry.id == id)
    }

    /// Every entry, in file order.
    pub fn entries(&self) -> &[GazetteerEntry] {
        &self.entries
    }

    /// The most words one alias has.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// A short digest of every gazetteer text added, for `run.json` and for
    /// refusing to resume a run with another alias file.
    pub fn version(&self) -> String {
        let digest = self.digest.clone().finalize();
        let hex: String = digest.iter().take(6).map(|byte| format!("{byte:02x}")).collect();
        format!("gazetteer-{hex}")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn builtin() -> Gazetteer {
        Gazetteer::builtin().expect("the built-in gazetteer parses")
    }

    #[test]
    fn builtin_ids_are_unique_typed_and_aliases_unambiguous() {
        let entries = parse(BUILTIN, "built-in").expect("parses");
        assert!(entries.len() >= 300, "{} entries", entries.len());
        let mut ids = BTreeMap::new();
        let mut keys: BTreeMap<String, &str> = BTreeMap::new();
        let mut clashes = Vec::new();
        for entry in &entries {
            assert!(
                ids.insert(entry.id.clone(), ()).is_none(),
                "duplicate id {}",
                entry.id
            );
            let prefix = format!("ng:{}/", type_name(entry.actor_type));
            assert!(
                entry.id.starts_with(&prefix),
                "{} should start with {prefix}",
                entry.id
            );
            for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                if let Some(other) = keys.insert(fold::key(name), &entry.id) {
                    if other != entry.id {
                        clashes.push(format!("{name:?}: {other} and {}", entry.id));
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "aliases naming two actors: {clashes:#?}");
        for entry in &entries {
            if let Some(parent) = &entry.part_of {
                assert!(ids.contains_key(parent), "{}: unknown parent {parent}", entry.id);
            }
        }
    }

    #[test]
    fn islamic_state_khorasan_aliases_are_one_actor() {
        let gazetteer = builtin();
        let id = "ng:armed_group/islamic-state-khorasan";
        for name in [
            "ISIS-K",
            "Isis-K",
            "ISKP",
            "IS-K",
            "Islamic State Khorasan",
            "Islamic State Khorasan Province",
            "Islamic State-Khorasan Province",
            "Wilayat Khorasan",
            "ISIS-Khorasan",
        ] {
            assert_eq!(
                gazetteer.lookup(name).map(|entry| entry.id.as_str()),
                Some(id),
                "{name}"
            );
        }
        let entry = gazetteer.get(id).expect("entry");
        assert_eq!(entry.actor_type, ActorType::ArmedGroup);
        assert_eq!(entry.part_of.as_deref(), Some("ng:armed_group/islamic-state"));
    }

    #[test]
    fn real_world_aliases() {
        let gazetteer = builtin();
        let same = |a: &str, b: &str| {
            let (x, y) = (gazetteer.lookup(a), gazetteer.lookup(b));
            assert!(x.is_some() && x == y, "{a} and {b}: {x:?} / {y:?}");
        };
        same("ISIS", "Daesh");
        same("ISIL", "the Islamic State");
        same("Islamic State of Iraq and the Levant", "IS");
        same("al-Qaeda", "Al Qaida");
        same("AQAP", "al-Qaeda in the Arabian Peninsula");
        same("Houthis", "Ansar Allah");
        same("Hayat Tahrir al-Sham", "HTS");
        same("Tehrik-i-Taliban Pakistan", "Pakistani Taliban");
        same("Kurdistan Workers' Party", "PKK");
        same("Justice and Development Party", "AKP");
        same("GOP", "Republican Party");
        same("Associated Press", "AP");
        same("Agence France-Presse", "AFP");
        same("Red Cross", "ICRC");
        same("Voice of America", "VOA");
        same("Jama'at Nusrat al-Islam wal-Muslimin", "JNIM");
        same("U.S.", "United States");
        same("Russian", "Russia");
        assert_eq!(
            gazetteer.lookup("Mossad").map(|entry| entry.actor_type),
            Some(ActorType::SecurityAgency)
        );
        assert_eq!(
            gazetteer.lookup("Reuters").map(|entry| entry.actor_type),
            Some(ActorType::Media)
        );
        assert_eq!(
            gazetteer.lookup("NATO").map(|entry| entry.actor_type),
            Some(ActorType::Igo)
        );
        assert!(
            gazetteer.lookup("Republican").is_none(),
            "an adjective of many parties"
        );
    }

    #[test]
    fn transliteration_variants_confirmed_by_a_known_alias() {
        let gazetteer = builtin();
        let variant = |name: &str| gazetteer.lookup_variant(name).map(|entry| entry.id.clone());
        assert_eq!(variant("al-Shabab"), variant("al-Shabaab"));
        assert!(variant("al-Shabab").is_some());
        assert_eq!(variant("Abu Bakr al-Baghdady"), variant("Abu Bakr al-Baghdadi"));
        assert!(variant("Abu Bakr al-Baghdady").is_some());
        assert_eq!(variant("Hizbullah"), variant("Hezbollah"));
        assert!(gazetteer.lookup_variant("Hamaz").is_none(), "a consonant differs");
    }

    #[test]
    fn user_entries_extend_and_override() {
        let mut gazetteer = builtin();
        gazetteer
            .add_text(
                "# my aliases\nng:armed_group/islamic-state-khorasan\tarmed_group\tIslamic State Khorasan Province\tKhorasan Branch\nng:person/sanaullah-ghafari\tperson\tSanaullah Ghafari\tShahab al-Muhajir\n",
                "aliases.tsv",
            )
            .expect("parses");
        assert_eq!(
            gazetteer.lookup("Khorasan Branch").map(|entry| entry.id.as_str()),
            Some("ng:armed_group/islamic-state-khorasan")
        );
        assert_eq!(
            gazetteer.lookup("ISKP").map(|entry| entry.name.as_str()),
            Some("Islamic State Khorasan Province")
        );
        assert_eq!(
            gazetteer
                .lookup("Shahab al-Muhajir")
                .map(|entry| entry.id.as_str()),
            Some("ng:person/sanaullah-ghafari")
        );
        assert_ne!(gazetteer.version(), builtin().version());
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = parse("ng:x/y\tnonsense\tName\n", "a.tsv").expect_err("bad type");
        assert!(err.to_string().starts_with("a.tsv:1:"), "{err}");
        assert!(parse("only-one-column\n", "a.tsv").is_err());
    }
}
