//! Datelines: the place a story was filed from and the agency that filed
//! it, opening a wire story's first line ("BAMAKO (AFP) -", "ERBIL, Iraq
//! (Reuters) -", "BAGHDAD, Jan 22 (Reuters) -").
//!
//! Later stages use it to keep the dateline out of what they read: the
//! relation model took "BAMAKO (AFP)" for a name and its acronym, and the
//! attribution model a dateline for part of a speaker. This module only
//! finds the dateline; it does not parse its place or date.

/// Dashes that end a dateline.
const DASHES: &[&str] = &[" - ", " — ", " – ", " -- "];

/// A dateline, its dash included, is at most this long.
pub const DATELINE_MAX_BYTES: usize = 64;

/// The byte length of the dateline opening `line`, its dash and the space
/// after it included; None when the line opens with none. A dateline opens
/// with a word in capitals (three letters or more) and ends at a dash
/// within the first 64 bytes, with only names, numbers and the bracketed
/// agency (in any case) before it: "NATO and the EU met in Brussels - a first" is a
/// sentence.
pub fn dateline_len(line: &str) -> Option<usize> {
    let first = line.split([' ', ',', '(']).next()?;
    let capitals =
        first.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !first.chars().any(char::is_lowercase);
    if !capitals {
        return None;
    }
    let window = line.floor_char_boundary(line.len().min(DATELINE_MAX_BYTES));
    let (at, dash) = DASHES
        .iter()
        .filter_map(|dash| line[..window].find(dash).map(|at| (at, dash)))
        .min()?;
    // the bracketed agency may be written in lower case ("BERLIN (dpa) -")
    let mut in_brackets = false;
    let names_only = line[..at].split_whitespace().all(|word| {
        let bracketed = in_brackets || word.starts_with('(');
        in_brackets = bracketed && !word.ends_with(')');
        bracketed || word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    });
    names_only.then_some(at + dash.len())
}

#[cfg(test)]
mod tests {
    use super::dateline_len;

    #[test]
    fn wire_datelines() {
        let line = "BAMAKO (AFP) - Gunmen killed 12 people.";
        assert_eq!(
            dateline_len(line).map(|n| &line[n..]),
            Some("Gunmen killed 12 people.")
        );
        let line = "BAGHDAD, Jan 22 (Reuters) - The Islamic Resistance in Iraq said.";
        assert_eq!(
            dateline_len(line).map(|n| &line[n..]),
            Some("The Islamic Resistance in Iraq said.")
        );
        let line = "KABUL, Afghanistan (AP) — A suicide bomber struck.";
        assert_eq!(
            dateline_len(line).map(|n| &line[n..]),
            Some("A suicide bomber struck.")
        );
    }

    #[test]
    fn agencies_in_lower_case() {
        let line = "BERLIN (dpa) - Police arrested two men.";
        assert_eq!(
            dateline_len(line).map(|n| &line[n..]),
            Some("Police arrested two men.")
        );
        let line = "KARACHI, March 2 (Newsgrist sample) - Police arrested nine.";
        assert_eq!(
            dateline_len(line).map(|n| &line[n..]),
            Some("Police arrested nine.")
        );
        // outside the brackets a lower-case word is a sentence's
        assert_eq!(dateline_len("BERLIN (dpa) police said - a first."), None);
    }

    #[test]
    fn sentences_are_no_datelines() {
        assert_eq!(dateline_len("NATO and the EU met in Brussels - a first."), None);
        assert_eq!(dateline_len("Gunmen killed 12 people - police said."), None);
        assert_eq!(dateline_len("UN"), None);
    }
}
