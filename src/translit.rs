//! Arabic spellings of foreign names against the gazetteer's Latin names, by sounds.
//!
//! Arabic writes a foreign town by its sounds (سوروج for Suruç, شيبوك for Chibok), and the
//! gazetteer has no Arabic name for most small towns abroad, or another spelling (غوديرميس where
//! a text writes جودرميس). Both sides are reduced to their consonants, each a set of the sound
//! classes it may stand for (ج is j or g; Latin c is k, s or Turkish j), and to where vowels
//! stand between them; h, which either side may leave out, is dropped. Two spellings match when
//! they have as many consonants, each pair shares a class, and the vowels agree the way Arabic
//! writes foreign names: an opening vowel on both sides or on neither; a long vowel letter (ا و
//! ي) only where the Latin name has a vowel; at least half of the Latin name's vowels written;
//! a final vowel on both sides or on neither (a Latin final e may be silent). Arabic words of
//! its own vocabulary rarely pass: صغيرة is no Saugor (a final vowel against a consonant), سقطت
//! no Sokoto, تسمى no Tacoma (two of its three vowels unwritten). Three consonants still match
//! many towns of the world: [`crate::recognize`] asks for a match only where a word says a
//! town follows, and within the countries the text names.

use crate::gazetteer::{EntryId, Gazetteer};
use crate::model::PlaceKind;
use unicode_normalization::UnicodeNormalization;

const B: u16 = 1;
const T: u16 = 1 << 1;
const S: u16 = 1 << 2;
const SH: u16 = 1 << 3;
const J: u16 = 1 << 4;
const G: u16 = 1 << 5;
const K: u16 = 1 << 6;
const D: u16 = 1 << 7;
const Z: u16 = 1 << 8;
const R: u16 = 1 << 9;
const F: u16 = 1 << 10;
const L: u16 = 1 << 11;
const M: u16 = 1 << 12;
const N: u16 = 1 << 13;

/// What stands in a gap between consonants (or before the first, or after the last).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// No vowel.
    None,
    /// A vowel (Latin) or a letter that writes one (Arabic ا و ي ى ة ع).
    Vowel,
    /// A Latin final e, silent as often as not.
    Either,
}

/// A spelling reduced to its sounds: one set of sound classes per consonant (runs of the same
/// set with no vowel between merged: Arabic writes no double letters, Latin "ss" is one sound),
/// the gaps around them, and whether the word opens with a y (يالوفا, Yalova).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spelling {
    consonants: Vec<u16>,
    /// One more than the consonants: before the first, between each two, after the last.
    gaps: Vec<Gap>,
    y: bool,
}

/// The fewest consonants a spelling must have to be matched at all.
pub const MIN_CONSONANTS: usize = 3;

impl Spelling {
    fn new() -> Spelling {
        Spelling {
            consonants: Vec::new(),
            gaps: vec![Gap::None],
            y: false,
        }
    }

    fn vowel(&mut self) {
        if let Some(g) = self.gaps.last_mut() {
            *g = Gap::Vowel;
        }
    }

    fn consonant(&mut self, class: u16) {
        let open = self.gaps.last() == Some(&Gap::None);
        if open && self.consonants.last() == Some(&class) {
            return;
        }
        self.consonants.push(class);
        self.gaps.push(Gap::None);
    }

    /// Number of consonants.
    pub fn len(&self) -> usize {
        self.consonants.len()
    }

    /// True when the spelling has no consonant.
    pub fn is_empty(&self) -> bool {
        self.consonants.is_empty()
    }
}

/// The sounds of a folded Arabic word ([`crate::text::fold`]); None when a letter is not
/// Arabic.
pub fn arabic(key: &str) -> Option<Spelling> {
    let mut out = Spelling::new();
    let chars: Vec<char> = key.chars().collect();
    let mut i = 0;
    if chars.first() == Some(&'ي') {
        out.y = true;
        i = 1;
    }
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        i += 1;
        let class = match c {
            // تش writes one sound (ch, č), as in تشاد.
            'ت' if next == Some('ش') => {
                i += 1;
                SH | J
            }
            'ب' | 'پ' => B,
            'ت' | 'ط' => T,
            'ث' => T | S,
            'ج' => J | G,
            'چ' => SH | J,
            'خ' => K,
            'د' | 'ض' => D,
            'ذ' => Z | D,
            'ز' | 'ظ' | 'ژ' => Z | J | S,
            'ر' => R,
            'س' | 'ص' => S,
            'ش' => SH,
            'غ' => G,
            'ف' | 'ڤ' => F,
            'ق' | 'ك' | 'گ' => K | G,
            'ل' => L,
            'م' => M,
            'ن' => N,
            'ا' | 'و' | 'ي' | 'ع' | 'ء' | 'ؤ' | 'ئ' => {
                out.vowel();
                continue;
            }
            // A final ه is the folded ة (a vowel); elsewhere h, left out.
            'ه' if i == chars.len() => {
                out.vowel();
                continue;
            }
            'ه' | 'ح' => continue,
            _ => return None,
        };
        out.consonant(class);
    }
    Some(out)
}

/// Latin letter groups that write one consonant, longest first.
const DIGRAPHS: &[(&str, u16)] = &[
    ("sch", SH),
    ("tch", SH),
    ("dzh", J),
    ("sh", SH),
    ("ch", SH | K),
    ("kh", K),
    ("gh", G),
    ("th", T | S),
    ("ph", F),
    ("dh", D | Z),
    ("dj", J),
    ("zh", J),
];

/// The sounds of a Latin name ("Suruç", "Ceylanpınar", "Gwoza").
pub fn latin(name: &str) -> Spelling {
    // Letters with their own sound first (Turkish ş, ç, ğ, ı), then every other accent dropped.
    let mut letters: Vec<char> = Vec::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'ş' | 'ș' => letters.push('š'),
            'ç' => letters.push('ç'),
            'ğ' => {}
            'ı' => letters.push('i'),
            _ => letters.extend(
                std::iter::once(c)
                    .nfd()
                    .filter(|d| d.is_ascii_alphabetic() || *d == 'š'),
            ),
        }
    }
    let mut out = Spelling::new();
    let mut i = 0;
    if letters.first() == Some(&'y') {
        out.y = true;
        i = 1;
    }
    while i < letters.len() {
        let rest = &letters[i..];
        let digraph = DIGRAPHS.iter().find(|(d, _)| {
            d.chars().count() <= rest.len() && d.chars().zip(rest).all(|(a, b)| a == *b)
        });
        if let Some((d, class)) = digraph {
            out.consonant(*class);
            i += d.chars().count();
            continue;
        }
        let c = rest[0];
        i += 1;
        let class = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => {
                out.vowel();
                // A final e after a consonant is often silent (Marseille, Grenoble).
                if c == 'e' && i == letters.len() && letters.len() > 1 {
                    if let Some(g) = out.gaps.last_mut() {
                        *g = Gap::Either;
                    }
                }
                continue;
            }
            'b' | 'p' => B,
            'c' => K | S | J,
            'ç' => SH | J | S,
            'š' => SH,
            'd' => D,
            'f' => F,
            'v' => F | B,
            'g' => G | J,
            'j' => J,
            'k' | 'q' => K,
            'l' => L,
            'm' => M,
            'n' => N,
            'r' => R,
            's' => S,
            't' => T,
            'z' => Z,
            'x' => {
                out.consonant(K);
                S
            }
            _ => continue,
        };
        out.consonant(class);
    }
    out
}

/// An Arabic spelling `a` writes the Latin name `l`.
pub fn matches(a: &Spelling, l: &Spelling) -> bool {
    let n = a.len();
    if n != l.len() || a.y != l.y {
        return false;
    }
    if !a
        .consonants
        .iter()
        .zip(&l.consonants)
        .all(|(x, y)| x & y != 0)
    {
        return false;
    }
    // An opening vowel on both sides or neither (إزمير, Izmir; إبراهيم is no Pirmam), unless
    // after a y (يريفان, Yerevan).
    if !a.y && (a.gaps[0] == Gap::Vowel) != (l.gaps[0] == Gap::Vowel) {
        return false;
    }
    // A final vowel on both sides or neither, where a Latin final e may be either.
    if l.gaps[n] != Gap::Either && (a.gaps[n] == Gap::Vowel) != (l.gaps[n] == Gap::Vowel) {
        return false;
    }
    // Arabic writes a long vowel only where the name has one, and most of the name's vowels.
    let mut latin_vowels = 0;
    let mut written = 0;
    for k in 1..=n {
        let (x, y) = (a.gaps[k], l.gaps[k]);
        if x == Gap::Vowel && y == Gap::None {
            return false;
        }
        if y == Gap::Vowel {
            latin_vowels += 1;
            if x == Gap::Vowel {
                written += 1;
            }
        }
    }
    2 * written >= latin_vowels
}

/// Words English province names add to the name itself (Zamfara State, Sindh Province).
const DIVISION_WORDS: &[&str] = &[
    " State",
    " Province",
    " Region",
    " Oblast",
    " Governorate",
    " Prefecture",
    " District",
    " County",
    " Department",
];

/// Towns (or, with `region`, provinces) in one of `countries` whose English name the folded
/// Arabic word `key` writes, most populous first.
pub fn candidates(g: &Gazetteer, key: &str, region: bool, countries: &[&str]) -> Vec<EntryId> {
    let Some(spelling) = arabic(key).filter(|s| s.len() >= MIN_CONSONANTS) else {
        return Vec::new();
    };
    let kind = if region {
        PlaceKind::Region
    } else {
        PlaceKind::City
    };
    // Only the places of the countries given are spelled out, each time: a few hundred, where
    // an index of the whole gazetteer took a tenth of a second to build.
    let mut found: Vec<EntryId> = g
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == kind && countries.contains(&e.cc))
        .filter(|(_, e)| {
            let name = DIVISION_WORDS
                .iter()
                .find_map(|w| e.name_en.strip_suffix(w))
                .unwrap_or(e.name_en);
            matches(&spelling, &latin(name))
        })
        .map(|(i, _)| i as EntryId)
        .collect();
    found.sort_by_key(|id| std::cmp::Reverse(g.entry(*id).population));
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn arabic_spellings_match_latin_names() {
        // (Arabic as written in news, Latin name as the gazetteer has it, should match)
        let cases = [
            ("سوروج", "Suruç", true),
            ("شيبوك", "Chibok", true),
            ("جودرميس", "Gudermes", true),
            ("غوديرميس", "Gudermes", true),
            ("جيلانبينار", "Ceylanpınar", true),
            ("كاتمندو", "Kathmandu", true),
            ("دونيتسك", "Donetsk", true),
            ("زيوريخ", "Zürich", true),
            ("بنها", "Benha", true),
            ("قليوب", "Qalyub", true),
            ("فيينا", "Vienna", true),
            ("مرسيليا", "Marseille", true),
            ("إزمير", "Izmir", true),
            ("يالوفا", "Yalova", true),
            ("يريفان", "Yerevan", true),
            ("تشوهوييف", "Chuhuiv", true),
            ("غيلزنكيرشن", "Gelsenkirchen", true),
            ("زمفارا", "Zamfara", true),
            // Different consonants, or a different number of them.
            ("سوروج", "Surgut", false),
            ("شيبوك", "Chibuto", false),
            ("كتاب", "Kutahya", false),
            // An opening vowel or y on one side only.
            ("ابراهيم", "Pirmam", false),
            ("يقطنها", "Oakton", false),
            ("يقطنها", "Chichawatni", false),
            // Arabic words: a final vowel against a consonant, vowels the name lacks, or too
            // few of its vowels written.
            ("صغيرة", "Saugor", false),
            ("كاملة", "Kumul", false),
            ("ثالثة", "Talas", false),
            ("سقطت", "Sokoto", false),
            ("تسمى", "Tacoma", false),
            ("قريبة", "Kirov", false),
            ("سوبور", "Sahaspur", false),
        ];
        for (ar, la, want) in cases {
            let a = arabic(&fold(ar)).expect("Arabic letters");
            assert_eq!(
                matches(&a, &latin(la)),
                want,
                "{ar} vs {la}: {a:?} {:?}",
                latin(la)
            );
        }
    }

    #[test]
    fn latin_digraphs_and_doubles_are_one_consonant() {
        assert_eq!(latin("Shush").consonants, vec![SH, SH]);
        assert_eq!(latin("Bashshar").consonants, vec![B, SH, R]);
        assert_eq!(latin("Tallinn").consonants, vec![T, L, N]);
        assert_eq!(latin("Khash").consonants, vec![K, SH]);
        assert_eq!(latin("Aix").consonants, vec![K, S]);
        assert_eq!(latin("Aix").gaps, vec![Gap::Vowel, Gap::None, Gap::None]);
        // Not across a vowel: Sahaspur has two s.
        assert_eq!(latin("Sahaspur").len(), 4);
        assert!(arabic("abc").is_none());
    }

    #[test]
    fn candidates_are_towns_of_the_countries_given() {
        let g = Gazetteer::shared();
        let found = candidates(g, &fold("سوروج"), false, &["TR"]);
        assert!(
            found.iter().any(|id| g.entry(*id).name_en == "Suruç"),
            "{found:?}"
        );
        assert!(candidates(g, &fold("سوروج"), false, &["NG"])
            .iter()
            .all(|id| g.entry(*id).cc == "NG"));
        assert!(candidates(g, &fold("سرج"), false, &[]).is_empty());
    }
}
