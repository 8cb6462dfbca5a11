//! Arabic spellings of foreign names against the gazetteer's Latin names, by consonants.
//!
//! Arabic writes a foreign town by its sounds (سوروج for Suruç, شيبوك for Chibok), and the
//! gazetteer has no Arabic name for most small towns abroad, or another spelling (غوديرميس where
//! a text writes جودرميس). Both sides are reduced to their consonants, each a set of the sound
//! classes it may stand for (ج is j or g; Latin c is k, s or Turkish j); vowels, the letters
//! that write them (ا و ي ع) and h, which either side may leave out, are dropped. Two spellings
//! match when they have as many consonants and each pair shares a class. A skeleton of three
//! consonants matches many towns of the world: [`crate::recognize`] asks for a match only where
//! a word says a town follows, and within the countries the article names.

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
/// A vowel that begins the word: Arabic writes it with its own letter (إزمير for Izmir), so
/// a word that begins with one is no name that begins with a consonant (إبراهيم, Pirmam).
const V: u16 = 1 << 15;
/// A y that begins the word (يالوفا for Yalova). Arabic verbs begin so too (يقطنها).
const Y: u16 = 1 << 14;

/// Consonants of a spelling: one set of sound classes per consonant, runs of the same set
/// merged (Arabic writes no double letters; Latin "ss", "ll" are one sound).
pub type Skeleton = Vec<u16>;

/// The fewest consonants a spelling must have to be matched at all.
pub const MIN_CONSONANTS: usize = 3;

/// Number of consonants of a skeleton (its opening vowel aside).
fn consonants(s: &[u16]) -> usize {
    s.iter().filter(|&&c| c != V && c != Y).count()
}

fn push(out: &mut Skeleton, c: u16) {
    if out.last() != Some(&c) {
        out.push(c);
    }
}

/// The consonants of a folded Arabic word ([`crate::text::fold`]); None when a letter is not
/// Arabic.
pub fn arabic(key: &str) -> Option<Skeleton> {
    let mut out = Skeleton::new();
    if key.starts_with(['ا', 'ع', 'ء', 'ؤ', 'ئ']) {
        out.push(V);
    } else if key.starts_with('ي') {
        out.push(Y);
    }
    for c in key.chars() {
        let class = match c {
            'ب' | 'پ' => B,
            'ت' | 'ط' => T,
            'ث' => T | S,
            'ج' => J | G,
            'چ' => SH | J,
            'خ' => K,
            'د' | 'ض' => D,
            'ذ' => Z | D,
            'ز' | 'ظ' | 'ژ' => Z | J,
            'ر' => R,
            'س' | 'ص' => S,
            'ش' => SH,
            'غ' => G,
            'ف' | 'ڤ' => F,
            'ق' => K | G,
            'ك' | 'گ' => K | G,
            'ل' => L,
            'م' => M,
            'ن' => N,
            // Vowels, the letters that write them, and h.
            'ا' | 'و' | 'ي' | 'ع' | 'ء' | 'ؤ' | 'ئ' | 'ه' | 'ح' => continue,
            _ => return None,
        };
        push(&mut out, class);
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

/// The consonants of a Latin name ("Suruç", "Ceylanpınar", "Gwoza").
pub fn latin(name: &str) -> Skeleton {
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
    let mut out = Skeleton::new();
    match letters.first() {
        Some('a' | 'e' | 'i' | 'o' | 'u') => out.push(V),
        Some('y') => out.push(Y),
        _ => {}
    }
    let mut i = 0;
    while i < letters.len() {
        let rest = &letters[i..];
        let digraph = DIGRAPHS.iter().find(|(d, _)| {
            d.chars().count() <= rest.len() && d.chars().zip(rest).all(|(a, b)| a == *b)
        });
        let (class, used): (Option<u16>, usize) = if let Some((d, class)) = digraph {
            (Some(*class), d.chars().count())
        } else {
            let c = rest[0];
            // A doubled letter is one sound.
            let used = if rest.get(1) == Some(&c) { 2 } else { 1 };
            let class = match c {
                'b' | 'p' => Some(B),
                'c' => Some(K | S | J),
                'ç' => Some(SH | J | S),
                'š' => Some(SH),
                'd' => Some(D),
                'f' => Some(F),
                'v' => Some(F | B),
                'g' => Some(G | J),
                'j' => Some(J),
                'k' | 'q' => Some(K),
                'l' => Some(L),
                'm' => Some(M),
                'n' => Some(N),
                'r' => Some(R),
                's' => Some(S),
                't' => Some(T),
                'z' => Some(Z),
                'x' => {
                    push(&mut out, K);
                    Some(S)
                }
                _ => None,
            };
            (class, used)
        };
        if let Some(c) = class {
            push(&mut out, c);
        }
        i += used;
    }
    out
}

/// Two skeletons spell the same consonants.
pub fn matches(a: &[u16], b: &[u16]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x & y != 0)
}

/// Towns (or, with `region`, provinces) in one of `countries` whose English name spells the
/// consonants of the folded Arabic word `key`, most populous first.
pub fn candidates(g: &Gazetteer, key: &str, region: bool, countries: &[&str]) -> Vec<EntryId> {
    let Some(skeleton) = arabic(key).filter(|s| consonants(s) >= MIN_CONSONANTS) else {
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
        .filter(|(_, e)| {
            e.kind == kind && countries.contains(&e.cc) && matches(&skeleton, &latin(e.name_en))
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
            // Different consonants, or a different number of them.
            ("سوروج", "Surgut", false),
            ("شيبوك", "Chibuto", false),
            ("كتاب", "Kutahya", false),
            // An opening vowel on one side only.
            ("ابراهيم", "Pirmam", false),
            ("يقطنها", "Oakton", false),
            ("إزمير", "Izmir", true),
            ("يالوفا", "Yalova", true),
            ("يقطنها", "Chichawatni", false),
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
        assert_eq!(latin("Shush"), vec![SH]);
        assert_eq!(latin("Tallinn"), vec![T, L, N]);
        assert_eq!(latin("Khash"), vec![K, SH]);
        assert_eq!(latin("Aix"), vec![V, K, S]);
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
