//! Holidays that news dates events by ("on Christmas Eve", "over the Fourth
//! of July weekend", "on Thanksgiving night"), and the day each falls on in
//! a given year.
//!
//! The fixed-date holidays are the same everywhere; those that fall on the
//! nth weekday of a month are the United States' (Thanksgiving, Memorial
//! Day, Labor Day, Mother's and Father's Day), as in the US crime reporting
//! where they date most events. Easter and the lunar holidays are not here.
//! This file matches holiday names; finding them in sentences and choosing
//! the year are `casualties/sentence_dates.rs`'s and `text/dates.rs`'s work.
use chrono::{Datelike, Days, NaiveDate, Weekday};

/// When a holiday falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// Month and day.
    Fixed(u32, u32),
    /// The nth such weekday of a month; 5 is the last.
    NthWeekday(u32, Weekday, u8),
}

/// A holiday's name, lower case, as words separated by single spaces
/// (apostrophes straight), and when it falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub name: &'static str,
    pub rule: HolidayRule,
    /// A name that is a date only after "on", "over" or "during" or before
    /// a part of the day ("a Christmas party" is no date).
    pub needs_context: bool,
}

const fn holiday(name: &'static str, rule: HolidayRule, needs_context: bool) -> Holiday {
    Holiday {
        name,
        rule,
        needs_context,
    }
}

/// Longer names first, so "christmas eve" wins over "christmas".
pub const HOLIDAYS: &[Holiday] = &[
    holiday("new year's eve", HolidayRule::Fixed(12, 31), false),
    holiday("new year's day", HolidayRule::Fixed(1, 1), false),
    holiday("christmas eve", HolidayRule::Fixed(12, 24), false),
    holiday("christmas day", HolidayRule::Fixed(12, 25), false),
    holiday("fourth of july", HolidayRule::Fixed(7, 4), false),
    holiday("independence day", HolidayRule::Fixed(7, 4), false),
    holiday("valentine's day", HolidayRule::Fixed(2, 14), false),
    holiday("memorial day", HolidayRule::NthWeekday(5, Weekday::Mon, 5), false),
    holiday("labor day", HolidayRule::NthWeekday(9, Weekday::Mon, 1), false),
    holiday("mother's day", HolidayRule::NthWeekday(5, Weekday::Sun, 2), false),
    holiday("father's day", HolidayRule::NthWeekday(6, Weekday::Sun, 3), false),
    holiday("christmas", HolidayRule::Fixed(12, 25), true),
    holiday("thanksgiving", HolidayRule::NthWeekday(11, Weekday::Thu, 4), true),
    holiday("halloween", HolidayRule::Fixed(10, 31), true),
];

/// A word as holiday names write it: lower case, curly apostrophes straight.
pub fn fold(word: &str) -> String {
    word.to_lowercase().replace('\u{2019}', "'")
}

/// The holiday whose name `words` (folded, see [`fold`]) start with, and
/// how many words it takes.
pub fn holiday_at<S: AsRef<str>>(words: &[S]) -> Option<(&'static Holiday, usize)> {
    HOLIDAYS.iter().find_map(|holiday| {
        let mut taken = 0;
        for part in holiday.name.split(' ') {
            if words.get(taken).map(AsRef::as_ref) != Some(part) {
                return None;
            }
            taken += 1;
        }
        Some((holiday, taken))
    })
}

impl HolidayRule {
    /// The day it falls on in `year`.
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Self::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Self::NthWeekday(month, weekday, n) => {
                let first = NaiveDate::from_ymd_opt(year, month, 1)?;
                let offset =
                    (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
                let mut day = first.checked_add_days(Days::new(u64::from(offset) + 7 * u64::from(n - 1)))?;
                while day.month() != month {
                    // the fifth is the last: step back into the month
                    day = day.checked_sub_days(Days::new(7))?;
                }
                Some(day)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn weekday_holidays_fall_on_the_right_day() {
        let on = |name: &str, year| {
            let words: Vec<String> = name.split(' ').map(fold).collect();
            holiday_at(&words).and_then(|(holiday, _)| holiday.rule.in_year(year))
        };
        assert_eq!(on("Thanksgiving", 2015), Some(day("2015-11-26")));
        assert_eq!(on("Memorial Day", 2015), Some(day("2015-05-25")));
        assert_eq!(on("Memorial Day", 2021), Some(day("2021-05-31")));
        assert_eq!(on("Labor Day", 2014), Some(day("2014-09-01")));
        assert_eq!(on("Mother’s Day", 2016), Some(day("2016-05-08")));
        assert_eq!(on("Father's Day", 2016), Some(day("2016-06-19")));
        assert_eq!(on("Fourth of July", 2016), Some(day("2016-07-04")));
    }

    #[test]
    fn the_longest_name_wins_and_others_are_no_holiday() {
        let words = ["christmas", "eve", "shooting"];
        let (holiday, taken) = holiday_at(&words).expect("a holiday");
        assert_eq!((holiday.name, taken), ("christmas eve", 2));
        assert!(holiday_at(&["new", "year"]).is_none());
        assert!(holiday_at(&["labor", "union"]).is_none());
    }
}
