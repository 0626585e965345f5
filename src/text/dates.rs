//! Calendar dates of news text: a document's publication date as its source
//! field gives it, and the date expressions its sentences use ("on Sunday",
//! "Sept. 14", "January 29, 2014", "yesterday", "last week"), resolved
//! against the publication date.
//!
//! News writes dates relative to the day of publication: "on Sunday" in an
//! article of Tuesday 16 September is 14 September; "Dec. 28" in an article
//! of 3 January is the previous year's. The rules:
//!
//! - a weekday is the latest such day on or before the publication date
//!   (news reports what happened; AP style names the weekday for the past
//!   seven days); "last Friday" is the Friday of the week (Monday to
//!   Sunday) before publication's;
//! - a month and day without a year take the publication year, or the year
//!   before when that would put the date more than a week after publication;
//! - "yesterday" and "last night" are the day before publication; "today",
//!   "tonight", "this morning" and "this evening" the day itself; "this
//!   week" or "last week" is an ISO week, "this month" or "last month" a
//!   month;
//! - "three days ago" counts days back from publication, "two weeks ago"
//!   gives that ISO week;
//! - a holiday ("Christmas Eve", "the Fourth of July", "Thanksgiving"; see
//!   [`super::holidays`]) is its day in the publication year, or the year
//!   before when that would be more than a week after publication;
//! - a written year alone ("in 2004") is that year.
//!
//! Without a publication date only dates that write their year resolve.
//! This file finds no dates in sentences (the casualty rules do: see
//! `casualties/context.rs`); it only resolves the expressions it is given.
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::holidays::{fold, holiday_at};
use crate::output::extractions::{DateBasis, DatePrecision, ResolvedDate};

/// A resolved date: its first day and how much of the calendar it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDate {
    /// The day, or the first day of the week, month or year.
    pub first_day: NaiveDate,
    pub precision: DatePrecision,
    pub basis: DateBasis,
}

impl CalendarDate {
    fn new(first_day: NaiveDate, precision: DatePrecision, basis: DateBasis) -> Self {
        Self {
            first_day,
            precision,
            basis,
        }
    }

    /// ISO 8601 at its precision: `2026-09-14`, `2026-W37`, `2026-09`, `2026`.
    pub fn iso(&self) -> String {
        let day = self.first_day;
        match self.precision {
            DatePrecision::Day => day.format("%Y-%m-%d").to_string(),
            DatePrecision::Week => {
                let week = day.iso_week();
                format!("{}-W{:02}", week.year(), week.week())
            }
            DatePrecision::Month => day.format("%Y-%m").to_string(),
            DatePrecision::Year => day.format("%Y").to_string(),
        }
    }

    /// The output record's form.
    pub fn to_record(&self) -> ResolvedDate {
        ResolvedDate {
            value: self.iso(),
            precision: self.precision,
            basis: self.basis,
        }
    }
}

/// A year written in full, in the range news writes about.
fn year_word(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok()?;
    (word.len() == 4 && (1800..=2199).contains(&year)).then_some(year)
}

fn month_word(word: &str) -> Option<u32> {
    let month = match word {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(month)
}

/// Whether a lowercase word is a weekday's full name ("friday"; not "fri",
/// nor "sun", which is as often a newspaper).
pub fn is_weekday_name(word: &str) -> bool {
    word.len() > 5 && weekday_word(word).is_some()
}

fn weekday_word(word: &str) -> Option<Weekday> {
    let day = match word {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(day)
}

/// A day of the month: "14", "14th", "1st".
fn day_word(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// Lower-case words of an expression; punctuation separates words.
fn words(expression: &str) -> Vec<String> {
    expression
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The publication date of a document from its date field: ISO 8601 (the
/// calendar date as written, in the publisher's own time zone), RFC 2822,
/// or a written date ("13 November 2022", "Nov. 13, 2022").
pub fn publication_date(field: &str) -> Option<NaiveDate> {
    let field = field.trim();
    if let Some(iso) = field.get(..10) {
        for format in ["%Y-%m-%d", "%Y/%m/%d"] {
            if let Ok(day) = NaiveDate::parse_from_str(iso, format) {
                return Some(day);
            }
        }
    }
    if let Ok(moment) = chrono::DateTime::parse_from_rfc2822(field) {
        return Some(moment.date_naive());
    }
    resolve(field, None)
        .filter(|date| date.precision == DatePrecision::Day)
        .map(|date| date.first_day)
}

/// Resolves a date expression against the publication date, if known.
pub fn resolve(expression: &str, published: Option<NaiveDate>) -> Option<CalendarDate> {
    let words = words(expression);
    let year = words.iter().find_map(|word| year_word(word));
    if let Some(date) = holiday_date(expression, year, published) {
        return Some(date);
    }
    let month = words.iter().position(|word| month_word(word).is_some());
    if let Some(at) = month {
        let month_number = month_word(&words[at])?;
        // "Sept. 14" or "14 September", not the year
        let day = words
            .get(at + 1)
            .filter(|word| year_word(word).is_none())
            .and_then(|word| day_word(word))
            .or_else(|| at.checked_sub(1).and_then(|k| day_word(&words[k])));
        return month_date(month_number, day, year, published);
    }
    if let Some(weekday) = words.iter().find_map(|word| weekday_word(word)) {
        let published = published?;
        let day = if words.iter().any(|word| word == "last") {
            // "last Friday": that day of the week before
            let monday = published
                .checked_sub_days(Days::new(u64::from(published.weekday().num_days_from_monday())))?;
            monday
                .checked_sub_days(Days::new(7))?
                .checked_add_days(Days::new(u64::from(weekday.num_days_from_monday())))?
        } else {
            let back = (7 + published.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            published.checked_sub_days(Days::new(u64::from(back)))?
        };
        return Some(CalendarDate::new(
            day,
            DatePrecision::Day,
            DateBasis::DocumentDate,
        ));
    }
    if let Some(relative) = relative_date(&words, published) {
        return Some(relative);
    }
    year.and_then(|year| NaiveDate::from_ymd_opt(year, 1, 1))
        .map(|day| CalendarDate::new(day, DatePrecision::Year, DateBasis::Written))
}

/// The day of a holiday named in `expression`.
fn holiday_date(expression: &str, year: Option<i32>, published: Option<NaiveDate>) -> Option<CalendarDate> {
    let words: Vec<String> = expression
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|word| !word.is_empty())
        .map(fold)
        .collect();
    let holiday = (0..words.len()).find_map(|at| holiday_at(&words[at..]))?.0;
    if let Some(year) = year {
        let day = holiday.rule.in_year(year)?;
        return Some(CalendarDate::new(day, DatePrecision::Day, DateBasis::Written));
    }
    let day = latest_by_publication(published?, |year| holiday.rule.in_year(year))?;
    Some(CalendarDate::new(
        day,
        DatePrecision::Day,
        DateBasis::DocumentDate,
    ))
}

/// The day `in_year` gives for the publication year, or for the year before
/// when that would be more than a week after publication (or does not
/// exist, as 29 February): news reports what happened, and announces a few
/// days ahead at most.
fn latest_by_publication(
    published: NaiveDate,
    in_year: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let latest = published.checked_add_days(Days::new(7))?;
    match in_year(published.year()) {
        Some(day) if day <= latest => Some(day),
        _ => in_year(published.year() - 1),
    }
}

/// A small count written as a word or in digits ("three days ago", "a
/// week ago"): the words "a" to "ten", or 1 to 366.
pub fn small_count(word: &str) -> Option<u64> {
    let count = match word {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        _ => return word.parse().ok().filter(|n| (1..=366).contains(n)),
    };
    Some(count)
}

/// "three days ago", "a week ago", "two weeks ago".
fn days_ago(words: &[String], published: NaiveDate) -> Option<CalendarDate> {
    let ago = words.iter().position(|word| word == "ago")?;
    let unit = words.get(ago.checked_sub(1)?)?;
    let count = small_count(words.get(ago.checked_sub(2)?)?)?;
    match unit.as_str() {
        "day" | "days" => Some(CalendarDate::new(
            published.checked_sub_days(Days::new(count))?,
            DatePrecision::Day,
            DateBasis::DocumentDate,
        )),
        "week" | "weeks" => {
            let then = published.checked_sub_days(Days::new(7 * count))?;
            let monday =
                then.checked_sub_days(Days::new(u64::from(then.weekday().num_days_from_monday())))?;
            Some(CalendarDate::new(
                monday,
                DatePrecision::Week,
                DateBasis::DocumentDate,
            ))
        }
        _ => None,
    }
}

fn month_date(
    month: u32,
    day: Option<u32>,
    year: Option<i32>,
    published: Option<NaiveDate>,
) -> Option<CalendarDate> {
    let Some(day) = day else {
        // "January 2014", or "in January": the latest such month by publication
        return match (year, published) {
            (Some(year), _) => NaiveDate::from_ymd_opt(year, month, 1)
                .map(|first| CalendarDate::new(first, DatePrecision::Month, DateBasis::Written)),
            (None, Some(published)) => {
                let mut first = NaiveDate::from_ymd_opt(published.year(), month, 1)?;
                if first > published {
                    first = NaiveDate::from_ymd_opt(published.year() - 1, month, 1)?;
                }
                Some(CalendarDate::new(
                    first,
                    DatePrecision::Month,
                    DateBasis::DocumentDate,
                ))
            }
            (None, None) => None,
        };
    };
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day)
            .map(|date| CalendarDate::new(date, DatePrecision::Day, DateBasis::Written));
    }
    let date = latest_by_publication(published?, |year| NaiveDate::from_ymd_opt(year, month, day))?;
    Some(CalendarDate::new(
        date,
        DatePrecision::Day,
        DateBasis::DocumentDate,
    ))
}

fn relative_date(words: &[String], published: Option<NaiveDate>) -> Option<CalendarDate> {
    let published = published?;
    let has = |word: &str| words.iter().any(|w| w == word);
    let day = |date: Option<NaiveDate>| {
        date.map(|d| CalendarDate::new(d, DatePrecision::Day, DateBasis::DocumentDate))
    };
    if has("ago") {
        return days_ago(words, published);
    }
    if has("yesterday") || (has("last") && has("night")) {
        return day(published.checked_sub_days(Days::new(1)));
    }
    if has("today")
        || has("tonight")
        || (has("this") && (has("morning") || has("evening") || has("afternoon")))
    {
        return day(Some(published));
    }
    let shift = if has("last") {
        1
    } else if has("this") {
        0
    } else {
        return None;
    };
    if has("week") {
        let monday = published
            .checked_sub_days(Days::new(u64::from(published.weekday().num_days_from_monday())))?
            .checked_sub_days(Days::new(7 * shift))?;
        return Some(CalendarDate::new(
            monday,
            DatePrecision::Week,
            DateBasis::DocumentDate,
        ));
    }
    if has("month") {
        let first = published
            .with_day(1)?
            .checked_sub_months(Months::new(shift as u32))?;
        return Some(CalendarDate::new(
            first,
            DatePrecision::Month,
            DateBasis::DocumentDate,
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn iso(expression: &str, published: &str) -> Option<String> {
        resolve(expression, Some(day(published))).map(|date| date.iso())
    }

    #[test]
    fn weekdays_are_the_latest_such_day_up_to_publication() {
        // 2026-09-16 is a Wednesday
        assert_eq!(iso("on Sunday", "2026-09-16").as_deref(), Some("2026-09-13"));
        assert_eq!(iso("Sunday night", "2026-09-16").as_deref(), Some("2026-09-13"));
        assert_eq!(iso("Wednesday", "2026-09-16").as_deref(), Some("2026-09-16"));
        assert_eq!(iso("Thursday", "2026-09-16").as_deref(), Some("2026-09-10"));
        // 2014-11-22 is a Saturday; "last Friday" is not the day before
        assert_eq!(iso("last Friday", "2014-11-22").as_deref(), Some("2014-11-14"));
        assert_eq!(iso("last Friday", "2014-11-24").as_deref(), Some("2014-11-21"));
        assert_eq!(resolve("on Sunday", None), None);
    }

    #[test]
    fn month_and_day_take_the_publication_year_unless_that_is_later() {
        assert_eq!(iso("Sept. 14", "2026-09-16").as_deref(), Some("2026-09-14"));
        assert_eq!(iso("14 September", "2026-09-16").as_deref(), Some("2026-09-14"));
        assert_eq!(iso("Dec. 28", "2027-01-03").as_deref(), Some("2026-12-28"));
        // a date a few days ahead is an announced one, same year
        assert_eq!(iso("Sept. 20", "2026-09-16").as_deref(), Some("2026-09-20"));
        assert_eq!(iso("Aug. 27th", "2026-09-16").as_deref(), Some("2026-08-27"));
    }

    #[test]
    fn written_years_win_and_need_no_publication_date() {
        let date = resolve("January 29, 2014", None).expect("written date");
        assert_eq!(date.iso(), "2014-01-29");
        assert_eq!(date.basis, DateBasis::Written);
        assert_eq!(
            resolve("29 January 2014", None).map(|d| d.iso()).as_deref(),
            Some("2014-01-29")
        );
        assert_eq!(resolve("in 2004", None).map(|d| d.iso()).as_deref(), Some("2004"));
        assert_eq!(
            resolve("January 2014", None).map(|d| d.iso()).as_deref(),
            Some("2014-01")
        );
        assert_eq!(iso("in March", "2026-02-10").as_deref(), Some("2025-03"));
    }

    #[test]
    fn relative_words_count_from_publication() {
        assert_eq!(iso("yesterday", "2026-03-01").as_deref(), Some("2026-02-28"));
        assert_eq!(iso("last night", "2026-01-01").as_deref(), Some("2025-12-31"));
        assert_eq!(iso("tonight", "2026-01-01").as_deref(), Some("2026-01-01"));
        assert_eq!(iso("this morning", "2026-01-01").as_deref(), Some("2026-01-01"));
        // 2026-09-16 is in ISO week 38
        assert_eq!(iso("this week", "2026-09-16").as_deref(), Some("2026-W38"));
        assert_eq!(iso("last week", "2026-09-16").as_deref(), Some("2026-W37"));
        assert_eq!(iso("last month", "2026-01-16").as_deref(), Some("2025-12"));
        assert_eq!(iso("last year", "2026-01-16"), None);
    }

    #[test]
    fn days_and_weeks_ago_count_back_from_publication() {
        assert_eq!(iso("three days ago", "2026-03-02").as_deref(), Some("2026-02-27"));
        assert_eq!(iso("2 days ago", "2026-03-02").as_deref(), Some("2026-02-28"));
        assert_eq!(iso("a week ago", "2026-09-16").as_deref(), Some("2026-W37"));
        assert_eq!(iso("two weeks ago", "2026-09-16").as_deref(), Some("2026-W36"));
        assert_eq!(iso("years ago", "2026-09-16"), None);
    }

    #[test]
    fn holidays_take_the_latest_year_up_to_a_week_after_publication() {
        assert_eq!(
            iso("on Christmas Eve", "2015-12-27").as_deref(),
            Some("2015-12-24")
        );
        assert_eq!(iso("on Christmas", "2016-01-03").as_deref(), Some("2015-12-25"));
        assert_eq!(iso("New Year’s Eve", "2016-01-02").as_deref(), Some("2015-12-31"));
        assert_eq!(
            iso("the Fourth of July weekend", "2016-07-06").as_deref(),
            Some("2016-07-04")
        );
        assert_eq!(
            iso("Thanksgiving night", "2015-11-28").as_deref(),
            Some("2015-11-26")
        );
        // a holiday a few days ahead is an announced one
        assert_eq!(
            iso("on Christmas Day", "2015-12-20").as_deref(),
            Some("2015-12-25")
        );
        assert_eq!(
            resolve("Christmas Day 2014", None).map(|d| d.iso()).as_deref(),
            Some("2014-12-25")
        );
    }

    #[test]
    fn impossible_dates_resolve_to_nothing() {
        assert_eq!(iso("Feb. 30", "2026-03-10"), None);
        assert_eq!(resolve("February 30, 2014", None), None);
        assert_eq!(iso("the 45th", "2026-03-10"), None);
        assert_eq!(
            iso("29 February", "2027-03-01"),
            None,
            "2027 and 2026 are not leap years"
        );
        assert_eq!(iso("29 February", "2028-03-01").as_deref(), Some("2028-02-29"));
    }

    #[test]
    fn publication_dates_in_common_formats() {
        assert_eq!(
            publication_date("2022-11-13T19:45:00+03:00"),
            Some(day("2022-11-13"))
        );
        assert_eq!(publication_date("2022-08-21T09:30:00Z"), Some(day("2022-08-21")));
        assert_eq!(publication_date("2023-03-02"), Some(day("2023-03-02")));
        assert_eq!(
            publication_date("Sun, 13 Nov 2022 19:45:00 +0300"),
            Some(day("2022-11-13"))
        );
        assert_eq!(publication_date("November 13, 2022"), Some(day("2022-11-13")));
        assert_eq!(publication_date("last week"), None);
        assert_eq!(publication_date(""), None);
    }
}
