//! Dates of events as news articles give them: absolute ("21 فبراير/شباط", "11 February",
//! "منتصف فبراير" mid-February, "منذ 1999"), relative ("الشهر الماضي" last month, "on Monday"),
//! resolved against the article's publication date when there is one and kept relative, with
//! their words, otherwise.
//!
//! Arabic month names cover the Egyptian/Gulf forms (فبراير), the Levantine forms (شباط) and the
//! Maghrebi forms (فيفري); a second name for the same month ("فبراير/شباط", "فبراير (شباط)") is
//! absorbed into one date. Matching works on folded tokens (see [`crate::text::fold`]).

use crate::model::EventDate;
use crate::text::{fold, Token};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u32,
    /// Day of month, 1-31.
    pub day: u32,
}

impl Ymd {
    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The day `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Ymd {
        civil_from_days(self.days() + n)
    }

    /// Day of the week, Monday = 0 ... Sunday = 6.
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }
}

/// Parse the leading `YYYY-MM-DD` of a string (the form of `Analysis::published`).
///
/// ```
/// use kharita::events::dates::{parse_iso, Ymd};
/// assert_eq!(parse_iso("2012-03-14"), Some(Ymd { year: 2012, month: 3, day: 14 }));
/// assert_eq!(parse_iso("March"), None);
/// ```
pub fn parse_iso(s: &str) -> Option<Ymd> {
    let s = s.trim();
    let y: i32 = s.get(0..4)?.parse().ok()?;
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
        return None;
    }
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=days_in_month(y, m)).contains(&d)).then_some(Ymd {
        year: y,
        month: m,
        day: d,
    })
}

fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    Ymd {
        year: y as i32,
        month: m,
        day: d,
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Which part of a month or year ("منتصف فبراير", "early March", "نهاية عام 2013").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// أوائل, مطلع, بداية; early.
    Early,
    /// منتصف, أواسط; mid.
    Mid,
    /// أواخر, نهاية; late, end of.
    Late,
}

impl Part {
    fn as_str(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::Mid => "mid",
            Part::Late => "late",
        }
    }
}

/// How a month or weekday is anchored: "الماضي" / last, "الحالي" / this, "المقبل" / next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    None,
    Past,
    Current,
    Next,
}

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// A date expression before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expr {
    /// Calendar fields as written, with an anchor for a year left out.
    Absolute {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        part: Option<Part>,
        anchor: Anchor,
    },
    /// `n` units from the publication date (yesterday = Day -1, last month = Month -1).
    Offset { unit: Unit, n: i64 },
    /// A weekday (Monday = 0), before or after the publication date.
    Weekday { wd: u32, anchor: Anchor },
    /// Recent months, these days...: relative and not resolvable.
    Vague,
}

/// A date expression found among a sentence's tokens.
#[derive(Debug, Clone)]
pub struct DateMatch {
    /// First token of the expression.
    pub first: usize,
    /// Last token of the expression (inclusive).
    pub last: usize,
    /// The resolved (or relative) date, with the verbatim words.
    pub date: EventDate,
    /// For a weekday named alone (الثلاثاء, on Tuesday), which [`DateMatch::date`] takes as the
    /// last such day up to the publication date: the next one from that date, for an act still
    /// to come (ويجتمع السفراء الثلاثاء, the council meets Tuesday).
    pub ahead: Option<EventDate>,
}

struct Tables {
    months: FxHashMap<String, u32>,
    months2: FxHashMap<String, u32>,
    weekdays: FxHashMap<String, u32>,
    parts: FxHashMap<String, Part>,
    /// Every word that may open a date expression but a number: the openers, months,
    /// weekdays and parts, for [`could_start`].
    starters: FxHashSet<String>,
}

/// Month names, natural spelling (folded when the tables are built). Arabic: Egyptian/Gulf,
/// Levantine (one-word), Maghrebi; English full names and abbreviations.
const MONTHS: &[(u32, &[&str])] = &[
    (1, &["يناير", "جانفي", "January", "Jan"]),
    (2, &["فبراير", "شباط", "فيفري", "February", "Feb"]),
    (3, &["مارس", "آذار", "March", "Mar"]),
    (
        4,
        &["أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "April", "Apr"],
    ),
    (5, &["مايو", "أيار", "ماي", "May"]),
    (6, &["يونيو", "يونيه", "حزيران", "جوان", "June", "Jun"]),
    (7, &["يوليو", "يوليه", "تموز", "جويلية", "July", "Jul"]),
    (8, &["أغسطس", "آب", "أوت", "August", "Aug"]),
    (9, &["سبتمبر", "أيلول", "شتنبر", "September", "Sep", "Sept"]),
    (10, &["أكتوبر", "اكتوبر", "October", "Oct"]),
    (11, &["نوفمبر", "نونبر", "November", "Nov"]),
    (12, &["ديسمبر", "دجنبر", "December", "Dec"]),
];

/// Levantine month names of two words.
const MONTHS2: &[(u32, &str)] = &[
    (1, "كانون الثاني"),
    (10, "تشرين الأول"),
    (11, "تشرين الثاني"),
    (12, "كانون الأول"),
];

const WEEKDAYS: &[(u32, &[&str])] = &[
    (0, &["الاثنين", "الإثنين", "monday"]),
    (1, &["الثلاثاء", "tuesday"]),
    (2, &["الأربعاء", "الاربعاء", "wednesday"]),
    (3, &["الخميس", "thursday"]),
    (4, &["الجمعة", "friday"]),
    (5, &["السبت", "saturday"]),
    (6, &["الأحد", "sunday"]),
];

const PARTS: &[(Part, &[&str])] = &[
    (
        Part::Early,
        &["أوائل", "مطلع", "بداية", "بدايات", "early", "beginning"],
    ),
    (Part::Mid, &["منتصف", "أواسط", "mid", "middle"]),
    (Part::Late, &["أواخر", "نهاية", "late", "end"]),
];

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut months = FxHashMap::default();
        for (m, names) in MONTHS {
            for n in *names {
                months.insert(fold(n), *m);
            }
        }
        let mut months2 = FxHashMap::default();
        for (m, n) in MONTHS2 {
            months2.insert(fold(n), *m);
        }
        let mut weekdays = FxHashMap::default();
        for (d, names) in WEEKDAYS {
            for n in *names {
                weekdays.insert(fold(n), *d);
            }
        }
        let mut parts = FxHashMap::default();
        for (p, names) in PARTS {
            for n in *names {
                parts.insert(fold(n), *p);
            }
        }
        let starters = OPENERS
            .iter()
            .map(|w| w.to_string())
            .chain(months.keys().cloned())
            .chain(weekdays.keys().cloned())
            .chain(parts.keys().cloned())
            .collect();
        Tables {
            months,
            months2,
            weekdays,
            parts,
            starters,
        }
    })
}

/// Conjunctions and prepositions that may be glued to an Arabic date word (وفي, بـ, لـ).
const AR_PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "وب", "ول", "وف"];

/// The key without one leading Arabic proclitic, when what is left satisfies `ok`.
fn strip<'a, T>(key: &'a str, ok: impl Fn(&'a str) -> Option<T>) -> Option<T> {
    if let Some(v) = ok(key) {
        return Some(v);
    }
    // The proclitics are Arabic letters: a word that starts with an ASCII byte has none.
    if key.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    for p in AR_PROCLITICS {
        if let Some(rest) = key.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                if let Some(v) = ok(rest) {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// A number written in ASCII, Arabic-Indic or Persian digits, with an English ordinal suffix.
fn number(key: &str) -> Option<u32> {
    let mut digits = String::new();
    let mut rest = String::new();
    for c in key.chars() {
        let d = match c {
            '0'..='9' => Some(c as u32 - '0' as u32),
            '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
            '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
            _ => None,
        };
        match d {
            Some(d) if rest.is_empty() => digits.push(char::from(b'0' + d as u8)),
            _ => rest.push(c),
        }
    }
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    if !matches!(rest.as_str(), "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok()
}

fn day_number(key: &str) -> Option<u32> {
    number(key).filter(|d| (1..=31).contains(d))
}

fn year_number(key: &str) -> Option<i32> {
    let n = number(key)?;
    (key.chars().filter(|c| c.is_numeric()).count() == 4 && (1800..=2100).contains(&n))
        .then_some(n as i32)
}

fn anchor_of(key: &str) -> Anchor {
    match key {
        "الماضي" | "الماضيه" | "المنصرم" | "المنصرمه" | "السابق" => {
            Anchor::Past
        }
        "الحالي" | "الجاري" | "الحاليه" | "الجاريه" => Anchor::Current,
        "المقبل" | "القادم" | "المقبله" | "القادمه" => Anchor::Next,
        _ => Anchor::None,
    }
}

/// Words before a bare year that make it a date ("منذ 1999", "in 2009").
fn year_cue(key: &str) -> bool {
    strip(key, |k| {
        matches!(
            k,
            "منذ"
                | "عام"
                | "العام"
                | "سنه"
                | "السنه"
                | "خلال"
                | "في"
                | "حتي"
                | "قبل"
                | "بعد"
        )
        .then_some(())
    })
    .is_some()
        || matches!(
            key,
            "since" | "in" | "during" | "by" | "until" | "before" | "after" | "of" | "year"
        )
}

fn is_latin(key: &str) -> bool {
    key.chars().any(|c| c.is_ascii_alphabetic())
}

/// The month named at token `i`: (month, tokens used).
fn month_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tables();
    let tok = tokens.get(i)?;
    if let Some(next) = tokens.get(i + 1) {
        // كانون الثاني, تشرين الأول: only these two words open a two-word month.
        if strip(&tok.key, |k| matches!(k, "كانون" | "تشرين").then_some(())).is_some() {
            let two = format!("{} {}", tok.key, next.key);
            if let Some(m) = strip(&two, |k| t.months2.get(k).copied()) {
                return Some((m, 2));
            }
        }
    }
    if is_latin(&tok.key) {
        // English month names are capitalised; "may", "march" lower case are words.
        let m = t.months.get(tok.key.as_str()).copied()?;
        return tok.capitalized.then_some((m, 1));
    }
    strip(&tok.key, |k| t.months.get(k).copied()).map(|m| (m, 1))
}

/// Find the date expressions of a sentence. `text` is the text the tokens index into.
pub fn find(text: &str, tokens: &[Token], published: Option<Ymd>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !could_start(&tokens[i].key) {
            i += 1;
            continue;
        }
        if let Some((last, expr)) = expr_at(tokens, i) {
            let first = i;
            let mut end = tokens[last].end;
            // "يوليو (تموز)": close a bracket the expression opened.
            let open = text[tokens[first].start..end].matches(['(', '（']).count();
            let closed = text[tokens[first].start..end].matches([')', '）']).count();
            if open > closed && text[end..].starts_with(')') {
                end += 1;
            }
            let words = &text[tokens[first].start..end];
            let ahead = match (expr, published) {
                (
                    Expr::Weekday {
                        wd,
                        anchor: Anchor::None,
                    },
                    Some(p),
                ) => {
                    let x = p.add_days((i64::from(wd) - i64::from(p.weekday())).rem_euclid(7));
                    Some(date(words, Some(x.year), Some(x.month), Some(x.day)))
                }
                _ => None,
            };
            out.push(DateMatch {
                first,
                last,
                date: resolve(words, expr, published),
                ahead,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Words that may open a date expression, besides numbers, months, weekdays and parts.
const OPENERS: &[&str] = &[
    "شهر",
    "منذ",
    "عام",
    "العام",
    "سنه",
    "السنه",
    "خلال",
    "في",
    "حتي",
    "قبل",
    "بعد",
    "امس",
    "البارحه",
    "غدا",
    "اليوم",
    "الاسبوع",
    "الشهر",
    "اول",
    "الليله",
    "الاشهر",
    "الاسابيع",
    "الايام",
    "السنوات",
    "الاعوام",
    "يوم",
    "هذا",
    "هذه",
    "كانون",
    "تشرين",
    "since",
    "in",
    "during",
    "by",
    "until",
    "before",
    "after",
    "of",
    "year",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "recent",
    "the",
];

/// Could a date expression start with this word? A cheap test before the grammar.
fn could_start(key: &str) -> bool {
    let t = tables();
    key.chars().next().is_some_and(char::is_numeric)
        || strip(key, |k| t.starters.contains(k).then_some(())).is_some()
}

/// The first date in `text`, resolved against `published` (YYYY-MM-DD) when given.
///
/// ```
/// use kharita::events::dates::parse;
/// let d = parse("وفي 21 فبراير/شباط الماضي انتهكت", None).unwrap();
/// assert_eq!((d.month, d.day, d.precision.as_str()), (Some(2), Some(21), "day"));
/// ```
pub fn parse(text: &str, published: Option<&str>) -> Option<EventDate> {
    let tokens = crate::text::tokenize(text);
    find(text, &tokens, published.and_then(parse_iso))
        .into_iter()
        .next()
        .map(|m| m.date)
}

fn key(tokens: &[Token], i: usize) -> &str {
    tokens.get(i).map_or("", |t| t.key.as_str())
}

/// A date expression starting at token `i`: its last token and the expression.
fn expr_at(tokens: &[Token], i: usize) -> Option<(usize, Expr)> {
    absolute_at(tokens, i)
        .or_else(|| relative_at(tokens, i))
        .or_else(|| year_at(tokens, i))
}

/// [part] [day] MONTH [other name of the month] [day] [year | anchor].
fn absolute_at(tokens: &[Token], i: usize) -> Option<(usize, Expr)> {
    let t = tables();
    let mut j = i;
    let mut part = None;
    if let Some(p) = strip(key(tokens, j), |k| t.parts.get(k).copied()) {
        part = Some(p);
        j += 1;
        // "the end of March", "نهاية شهر"
        if matches!(key(tokens, j), "of" | "شهر" | "the") {
            j += 1;
        }
    } else if strip(key(tokens, j), |k| (k == "شهر").then_some(())).is_some() {
        j += 1;
    }
    let mut day = None;
    if let Some(d) = day_number(key(tokens, j)) {
        // A day only counts when a month follows.
        if month_at(tokens, j + 1).is_some() {
            day = Some(d);
            j += 1;
        }
    }
    let (month, used) = month_at(tokens, j)?;
    let month_tok = j;
    let mut last = j + used - 1;
    j += used;
    // A second name of the same month: فبراير/شباط, فبراير (شباط), أغسطس/آب.
    if let Some((m2, used2)) = month_at(tokens, j) {
        if m2 == month {
            last = j + used2 - 1;
            j += used2;
        }
    }
    let english = is_latin(key(tokens, month_tok));
    if day.is_none() && english {
        // "March 7", "March 7th, 2009"
        if let Some(d) = day_number(key(tokens, j)) {
            if year_number(key(tokens, j)).is_none() {
                day = Some(d);
                last = j;
                j += 1;
            }
        }
    }
    let mut year = None;
    let mut anchor = Anchor::None;
    // "من عام 2013", "عام 2013", "2013"
    let mut k = j;
    if strip(key(tokens, k), |x| (x == "من").then_some(())).is_some() {
        k += 1;
    }
    if matches!(key(tokens, k), "عام" | "العام" | "سنه" | "السنه") {
        k += 1;
    }
    if let Some(y) = year_number(key(tokens, k)) {
        year = Some(y);
        last = k;
    } else {
        let a = anchor_of(key(tokens, j));
        if a != Anchor::None {
            anchor = a;
            last = j;
        }
    }
    if english && anchor == Anchor::None && year.is_none() && i > 0 {
        anchor = match key(tokens, i - 1) {
            "last" => Anchor::Past,
            "next" => Anchor::Next,
            "this" => Anchor::Current,
            _ => Anchor::None,
        };
    }
    // A lone month name needs evidence that it is a date: a day, a year, an anchor, a part,
    // a second name, "شهر", or a preposition before it.
    let evidence = day.is_some()
        || year.is_some()
        || anchor != Anchor::None
        || part.is_some()
        || month_tok > i
        || last > month_tok
        || (i > 0
            && strip(key(tokens, i - 1), |k| {
                matches!(
                    k,
                    "في" | "منذ"
                        | "حتي"
                        | "خلال"
                        | "in"
                        | "since"
                        | "until"
                        | "during"
                        | "by"
                        | "of"
                )
                .then_some(())
            })
            .is_some());
    if !evidence {
        return None;
    }
    Some((
        last,
        Expr::Absolute {
            year,
            month: Some(month),
            day,
            part,
            anchor,
        },
    ))
}

/// A year on its own after a cue: "منذ 1999", "عام 2013", "in 2009", "نهاية عام 2013".
fn year_at(tokens: &[Token], i: usize) -> Option<(usize, Expr)> {
    let t = tables();
    let mut j = i;
    let mut part = None;
    if let Some(p) = strip(key(tokens, j), |k| t.parts.get(k).copied()) {
        part = Some(p);
        j += 1;
        if key(tokens, j) == "of" {
            j += 1;
        }
    }
    let cue = year_cue(key(tokens, j));
    if cue {
        j += 1;
        if matches!(key(tokens, j), "عام" | "العام" | "سنه") {
            j += 1;
        }
    }
    let year = year_number(key(tokens, j))?;
    if !cue && part.is_none() {
        return None;
    }
    Some((
        j,
        Expr::Absolute {
            year: Some(year),
            month: None,
            day: None,
            part,
            anchor: Anchor::None,
        },
    ))
}

/// Relative expressions: yesterday, last month, on Monday, الشهر الماضي, يوم السبت الماضي.
fn relative_at(tokens: &[Token], i: usize) -> Option<(usize, Expr)> {
    let t = tables();
    let k0 = key(tokens, i);
    let k1 = key(tokens, i + 1);
    let k2 = key(tokens, i + 2);
    let is = |k: &str, w: &str| strip(k, |x| (x == w).then_some(())).is_some();
    let b0 = strip(k0, |x| {
        matches!(
            x,
            "امس"
                | "البارحه"
                | "غدا"
                | "اليوم"
                | "الاسبوع"
                | "الشهر"
                | "العام"
                | "السنه"
                | "اول"
                | "الليله"
                | "الاشهر"
                | "الاسابيع"
                | "الايام"
                | "السنوات"
                | "الاعوام"
                | "يوم"
        )
        .then_some(x)
    })
    .unwrap_or(k0);
    // Arabic.
    match b0 {
        "اول" if k1 == "من" && is(k2, "امس") => {
            return Some((
                i + 2,
                Expr::Offset {
                    unit: Unit::Day,
                    n: -2,
                },
            ))
        }
        "اول" if is(k1, "امس") => {
            return Some((
                i + 1,
                Expr::Offset {
                    unit: Unit::Day,
                    n: -2,
                },
            ))
        }
        "امس" | "البارحه" => {
            return Some((
                i,
                Expr::Offset {
                    unit: Unit::Day,
                    n: -1,
                },
            ))
        }
        "غدا" => {
            return Some((
                i,
                Expr::Offset {
                    unit: Unit::Day,
                    n: 1,
                },
            ))
        }
        "اليوم" => {
            return Some((
                i,
                Expr::Offset {
                    unit: Unit::Day,
                    n: 0,
                },
            ))
        }
        "الليله" if anchor_of(k1) == Anchor::Past => {
            return Some((
                i + 1,
                Expr::Offset {
                    unit: Unit::Day,
                    n: -1,
                },
            ))
        }
        "الاسبوع" | "الشهر" | "العام" | "السنه" => {
            let unit = match b0 {
                "الاسبوع" => Unit::Week,
                "الشهر" => Unit::Month,
                _ => Unit::Year,
            };
            let n = match anchor_of(k1) {
                Anchor::Past => -1,
                Anchor::Current => 0,
                Anchor::Next => 1,
                Anchor::None => return None,
            };
            return Some((i + 1, Expr::Offset { unit, n }));
        }
        "الاشهر" | "الاسابيع" | "الايام" | "السنوات" | "الاعوام"
            if matches!(k1, "الاخيره" | "الماضيه" | "القليله") =>
        {
            return Some((i + 1, Expr::Vague))
        }
        _ => {}
    }
    // "هذا الأسبوع", "هذا العام"
    if is(k0, "هذا") || is(k0, "هذه") {
        let unit = match k1 {
            "الاسبوع" => Some(Unit::Week),
            "الشهر" => Some(Unit::Month),
            "العام" | "السنه" => Some(Unit::Year),
            _ => None,
        };
        if let Some(unit) = unit {
            return Some((i + 1, Expr::Offset { unit, n: 0 }));
        }
    }
    // Arabic weekdays: [يوم] الاثنين [الماضي]; الأحد and الجمعة (also "the one", "Friday
    // prayers") need يوم or an anchor.
    let (wd_tok, has_yawm) = if b0 == "يوم" {
        (i + 1, true)
    } else {
        (i, false)
    };
    let wk = key(tokens, wd_tok);
    if !is_latin(wk) {
        if let Some(wd) = strip(wk, |k| t.weekdays.get(k).copied()) {
            let anchor = anchor_of(key(tokens, wd_tok + 1));
            if (wd == 4 || wd == 6) && !has_yawm && anchor == Anchor::None {
                return None;
            }
            let last = if anchor == Anchor::None {
                wd_tok
            } else {
                wd_tok + 1
            };
            return Some((last, Expr::Weekday { wd, anchor }));
        }
    }
    // English.
    match (k0, k1) {
        ("yesterday", _) => {
            return Some((
                i,
                Expr::Offset {
                    unit: Unit::Day,
                    n: -1,
                },
            ))
        }
        ("today", _) | ("tonight", _) => {
            return Some((
                i,
                Expr::Offset {
                    unit: Unit::Day,
                    n: 0,
                },
            ))
        }
        ("tomorrow", _) => {
            return Some((
                i,
                Expr::Offset {
                    unit: Unit::Day,
                    n: 1,
                },
            ))
        }
        ("last", "night") => {
            return Some((
                i + 1,
                Expr::Offset {
                    unit: Unit::Day,
                    n: -1,
                },
            ))
        }
        ("recent", "weeks" | "months" | "years" | "days") => return Some((i + 1, Expr::Vague)),
        ("last" | "this" | "next" | "earlier" | "later", _) => {
            let (mut j, mut n) = (
                i + 1,
                match k0 {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                },
            );
            if matches!(k0, "earlier" | "later") {
                if key(tokens, j) != "this" {
                    return None;
                }
                j += 1;
                n = 0;
            }
            let unit = match key(tokens, j) {
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                w => {
                    let wd = t.weekdays.get(w).copied()?;
                    if !tokens.get(j).is_some_and(|x| x.capitalized) {
                        return None;
                    }
                    let anchor = match k0 {
                        "last" => Anchor::Past,
                        "next" => Anchor::Next,
                        _ => Anchor::None,
                    };
                    return Some((j, Expr::Weekday { wd, anchor }));
                }
            };
            return Some((j, Expr::Offset { unit, n }));
        }
        _ => {}
    }
    if is_latin(k0) && tokens[i].capitalized {
        if let Some(wd) = t.weekdays.get(k0).copied() {
            let last = if matches!(k1, "night" | "morning" | "afternoon" | "evening") {
                i + 1
            } else {
                i
            };
            return Some((
                last,
                Expr::Weekday {
                    wd,
                    anchor: Anchor::None,
                },
            ));
        }
    }
    None
}

fn date(text: &str, year: Option<i32>, month: Option<u32>, day: Option<u32>) -> EventDate {
    let precision = if day.is_some() && month.is_some() {
        "day"
    } else if month.is_some() {
        "month"
    } else if year.is_some() {
        "year"
    } else {
        "relative"
    };
    EventDate {
        text: text.to_string(),
        year,
        month,
        day,
        precision: precision.to_string(),
        part: None,
    }
}

fn relative(text: &str) -> EventDate {
    date(text, None, None, None)
}

/// Resolve an expression against the publication date, or keep it relative.
fn resolve(text: &str, e: Expr, published: Option<Ymd>) -> EventDate {
    match e {
        Expr::Vague => relative(text),
        Expr::Absolute {
            year,
            month,
            day,
            part,
            anchor,
        } => {
            let year = year.or_else(|| {
                let p = published?;
                let m = month?;
                Some(match anchor {
                    Anchor::Past => {
                        let before = match day {
                            Some(d) => (m, d) < (p.month, p.day),
                            None => m < p.month,
                        };
                        if before {
                            p.year
                        } else {
                            p.year - 1
                        }
                    }
                    Anchor::Current => p.year,
                    Anchor::Next => {
                        let after = match day {
                            Some(d) => (m, d) > (p.month, p.day),
                            None => m > p.month,
                        };
                        if after {
                            p.year
                        } else {
                            p.year + 1
                        }
                    }
                    Anchor::None => {
                        // The nearest occurrence to the publication date.
                        let pd = p.days();
                        (p.year - 1..=p.year + 1)
                            .min_by_key(|y| {
                                let d = day.unwrap_or(15).min(days_in_month(*y, m));
                                (days_from_civil(*y, m, d) - pd).abs()
                            })
                            .unwrap_or(p.year)
                    }
                })
            });
            let mut d = date(text, year, month, day);
            d.part = part.map(|p| p.as_str().to_string());
            d
        }
        Expr::Offset { unit, n } => {
            let Some(p) = published else {
                return relative(text);
            };
            match unit {
                Unit::Day => {
                    let x = p.add_days(n);
                    date(text, Some(x.year), Some(x.month), Some(x.day))
                }
                Unit::Week => {
                    let x = p.add_days(7 * n);
                    date(text, Some(x.year), Some(x.month), None)
                }
                Unit::Month => {
                    let idx = i64::from(p.year) * 12 + i64::from(p.month) - 1 + n;
                    let y = idx.div_euclid(12) as i32;
                    let m = (idx.rem_euclid(12) + 1) as u32;
                    date(text, Some(y), Some(m), None)
                }
                Unit::Year => date(text, Some(p.year + n as i32), None, None),
            }
        }
        Expr::Weekday { wd, anchor } => {
            let Some(p) = published else {
                return relative(text);
            };
            let pw = i64::from(p.weekday());
            let w = i64::from(wd);
            let x = match anchor {
                Anchor::Next => p.add_days((w - pw - 1).rem_euclid(7) + 1),
                Anchor::Past => p.add_days(-((pw - w - 1).rem_euclid(7) + 1)),
                Anchor::None | Anchor::Current => p.add_days(-(pw - w).rem_euclid(7)),
            };
            date(text, Some(x.year), Some(x.month), Some(x.day))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, published, expected words, year, month, day, precision)
    fn check(
        text: &str,
        published: Option<&str>,
        words: &str,
        ymd: (Option<i32>, Option<u32>, Option<u32>),
        precision: &str,
    ) {
        let d = parse(text, published).unwrap_or_else(|| panic!("no date in {text:?}"));
        assert_eq!(d.text, words, "{text}");
        assert_eq!((d.year, d.month, d.day), ymd, "{text}");
        assert_eq!(d.precision, precision, "{text}");
    }

    #[test]
    fn arabic_absolute_dates() {
        let n = None;
        check(
            "في 21 فبراير/شباط، توقيف",
            n,
            "21 فبراير/شباط",
            (None, Some(2), Some(21)),
            "day",
        );
        check(
            "وفي 21 شباط الماضي",
            n,
            "21 شباط الماضي",
            (None, Some(2), Some(21)),
            "day",
        );
        check(
            "في 11 فبراير/شباط الماضي ومفادها",
            n,
            "11 فبراير/شباط الماضي",
            (None, Some(2), Some(11)),
            "day",
        );
        check(
            "في فبراير (شباط) الماضي.",
            n,
            "فبراير (شباط) الماضي",
            (None, Some(2), None),
            "month",
        );
        check(
            "بتاريخ 15 يوليو 2015، كما",
            n,
            "15 يوليو 2015",
            (Some(2015), Some(7), Some(15)),
            "day",
        );
        check(
            "28 ديسمبر (كانون الأول) من عام 2013",
            n,
            "28 ديسمبر (كانون الأول) من عام 2013",
            (Some(2013), Some(12), Some(28)),
            "day",
        );
        check(
            "منذ مارس (آذار) 2014.",
            n,
            "مارس (آذار) 2014",
            (Some(2014), Some(3), None),
            "month",
        );
        check(
            "في ٢١ فبراير",
            n,
            "٢١ فبراير",
            (None, Some(2), Some(21)),
            "day",
        );
        check(
            "يوم 3 تشرين الثاني",
            n,
            "3 تشرين الثاني",
            (None, Some(11), Some(3)),
            "day",
        );
        check(
            "في 5 جانفي 2011",
            n,
            "5 جانفي 2011",
            (Some(2011), Some(1), Some(5)),
            "day",
        );
    }

    #[test]
    fn a_second_month_name_in_brackets_is_closed() {
        let d = parse("في 20 يوليو (تموز) في مدينة", None).expect("a date");
        assert_eq!(d.text, "20 يوليو (تموز)");
        assert_eq!((d.month, d.day), (Some(7), Some(20)));
    }

    #[test]
    fn mid_month_and_years() {
        let n = None;
        check(
            "منتصف فبراير/شباط الماضي مساعدة",
            n,
            "منتصف فبراير/شباط الماضي",
            (None, Some(2), None),
            "month",
        );
        let d = parse("منتصف فبراير", None).expect("a date");
        assert_eq!(d.part.as_deref(), Some("mid"));
        check(
            "تجنيدهم منذ 1999، وتم",
            n,
            "منذ 1999",
            (Some(1999), None, None),
            "year",
        );
        check(
            "نهاية عام 2013، كما",
            n,
            "نهاية عام 2013",
            (Some(2013), None, None),
            "year",
        );
        check(
            "in mid-February the",
            n,
            "mid-February",
            (None, Some(2), None),
            "month",
        );
        check(
            "since 1999 it has",
            n,
            "since 1999",
            (Some(1999), None, None),
            "year",
        );
        check(
            "early March 2009",
            n,
            "early March 2009",
            (Some(2009), Some(3), None),
            "month",
        );
        assert_eq!(
            parse("early March 2009", None)
                .expect("a date")
                .part
                .as_deref(),
            Some("early")
        );
    }

    #[test]
    fn english_dates() {
        let n = None;
        check(
            "on 11 February the",
            n,
            "11 February",
            (None, Some(2), Some(11)),
            "day",
        );
        check(
            "the March 7 fire",
            n,
            "March 7",
            (None, Some(3), Some(7)),
            "day",
        );
        check(
            "on Feb. 7, 2009, police",
            n,
            "Feb. 7, 2009",
            (Some(2009), Some(2), Some(7)),
            "day",
        );
        check(
            "in March 2009",
            n,
            "March 2009",
            (Some(2009), Some(3), None),
            "month",
        );
        check(
            "said on Monday that",
            n,
            "Monday",
            (None, None, None),
            "relative",
        );
        check(
            "last month",
            n,
            "last month",
            (None, None, None),
            "relative",
        );
        // Lower-case "may" and "march" are words, not months.
        assert!(parse("police may march today", None).is_some_and(|d| d.text == "today"));
        assert!(parse("it may rain", None).is_none());
    }

    #[test]
    fn relative_dates_stay_relative_without_publication() {
        let n = None;
        check(
            "قد أعلنت الشهر الماضي، توقيف",
            n,
            "الشهر الماضي",
            (None, None, None),
            "relative",
        );
        check(
            "وأعلن مقاتلو المعارضة أمس",
            n,
            "أمس",
            (None, None, None),
            "relative",
        );
        check(
            "صباح أول من أمس، في",
            n,
            "أول من أمس",
            (None, None, None),
            "relative",
        );
        check(
            "يوم السبت الماضي حين",
            n,
            "يوم السبت الماضي",
            (None, None, None),
            "relative",
        );
        check(
            "في الأشهر الأخيرة بين",
            n,
            "الأشهر الأخيرة",
            (None, None, None),
            "relative",
        );
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        // 2012-03-14 was a Wednesday.
        let p = Some("2012-03-14");
        check(
            "الشهر الماضي",
            p,
            "الشهر الماضي",
            (Some(2012), Some(2), None),
            "month",
        );
        check(
            "last month",
            p,
            "last month",
            (Some(2012), Some(2), None),
            "month",
        );
        check("أمس", p, "أمس", (Some(2012), Some(3), Some(13)), "day");
        check(
            "yesterday",
            p,
            "yesterday",
            (Some(2012), Some(3), Some(13)),
            "day",
        );
        check(
            "on Monday",
            p,
            "Monday",
            (Some(2012), Some(3), Some(12)),
            "day",
        );
        check(
            "الاثنين الماضي",
            p,
            "الاثنين الماضي",
            (Some(2012), Some(3), Some(12)),
            "day",
        );
        check(
            "on Wednesday",
            p,
            "Wednesday",
            (Some(2012), Some(3), Some(14)),
            "day",
        );
        check(
            "next Monday",
            p,
            "next Monday",
            (Some(2012), Some(3), Some(19)),
            "day",
        );
        check(
            "العام الماضي",
            p,
            "العام الماضي",
            (Some(2011), None, None),
            "year",
        );
        check(
            "21 فبراير/شباط الماضي",
            p,
            "21 فبراير/شباط الماضي",
            (Some(2012), Some(2), Some(21)),
            "day",
        );
        check(
            "11 February",
            p,
            "11 February",
            (Some(2012), Some(2), Some(11)),
            "day",
        );
        // A month later in the year than publication, "last": the year before.
        check(
            "في مايو الماضي",
            p,
            "مايو الماضي",
            (Some(2011), Some(5), None),
            "month",
        );
        // Unmarked: the nearest occurrence.
        check(
            "on December 30",
            p,
            "December 30",
            (Some(2011), Some(12), Some(30)),
            "day",
        );
        check(
            "الأشهر الأخيرة",
            p,
            "الأشهر الأخيرة",
            (None, None, None),
            "relative",
        );
    }

    #[test]
    fn calendar_arithmetic() {
        let d = Ymd {
            year: 2012,
            month: 2,
            day: 28,
        };
        assert_eq!(
            d.add_days(1),
            Ymd {
                year: 2012,
                month: 2,
                day: 29
            }
        );
        assert_eq!(
            d.add_days(2),
            Ymd {
                year: 2012,
                month: 3,
                day: 1
            }
        );
        assert_eq!(
            Ymd {
                year: 1970,
                month: 1,
                day: 1
            }
            .days(),
            0
        );
        assert_eq!(
            Ymd {
                year: 2012,
                month: 3,
                day: 14
            }
            .weekday(),
            2
        );
        assert_eq!(parse_iso("2012-02-30"), None);
    }
}
