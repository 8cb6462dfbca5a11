//! Words of a sentence for event matching: the same word boundaries as
//! [`crate::text::tokenize`] and the same keys as [`crate::text::fold`], computed without
//! Unicode normalisation for the letters news text is made of (ASCII, the basic Arabic block);
//! a word holding anything else is folded by [`crate::text::fold`] itself.
//!
//! Event extraction reads every sentence that may hold a trigger, so it cannot afford a second
//! full tokenisation; a test checks that the keys agree with `fold` on real articles.

use crate::text::{fold, is_arabic_char, Script, Token};

/// Characters that belong to a word: letters, digits, combining marks, Arabic diacritics,
/// tatweel and joiners.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The Arabic letters, digits and marks first: the general tables are slow.
    if matches!(c as u32, 0x0621..=0x065F | 0x0660..=0x0669 | 0x066E..=0x06D3) {
        return true;
    }
    c.is_alphanumeric()
        || matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
            | 0x06D6..=0x06ED | 0x0640 | 0x200C..=0x200F)
        || unicode_normalization::char::is_combining_mark(c)
}

/// Fold a word the way [`fold`] does, when every character is a common one; None otherwise.
fn fast_fold(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' | '\'' => out.push(c),
            '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}' => out.push('\''),
            '.' => {}
            'آ' | 'أ' | 'إ' | 'ٱ' => out.push('ا'),
            'ؤ' => out.push('و'),
            'ئ' | 'ى' | 'ی' => out.push('ي'),
            'ة' => out.push('ه'),
            'ک' => out.push('ك'),
            '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{0640}'
            | '\u{0610}'..='\u{061A}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{200C}'..='\u{200F}' => {}
            '\u{0621}' | '\u{0627}' | '\u{0628}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => {
                out.push(c)
            }
            '\u{0660}'..='\u{0669}' => out.push(c),
            _ => return None,
        }
    }
    Some(out)
}

/// A word's matching key: [`fold`] of it.
pub fn key(word: &str) -> String {
    fast_fold(word).unwrap_or_else(|| fold(word))
}

/// A dot continuing a Latin acronym (U.S., U.K.).
fn acronym_dot(text: &str, start: usize, dot: usize) -> bool {
    let so_far = &text[start..dot];
    let single = so_far
        .split('.')
        .all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
    single
        && (text[dot + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_uppercase())
            || so_far.contains('.'))
}

/// Split a sentence into word tokens (byte spans into `text`, folded keys). `map` is left
/// empty and `sentence` is 0: the event extractor needs neither.
pub fn words(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut iter = text.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        if !is_word_char(c) {
            iter.next();
            continue;
        }
        let start = i;
        let mut end = i;
        while let Some(&(j, d)) = iter.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                iter.next();
            } else if (d == '\'' || d == '’') && end > start {
                let mut rest = text[j + d.len_utf8()..].chars();
                let next = rest.next();
                let after = rest.next();
                let possessive =
                    matches!(next, Some('s' | 'S')) && after.is_none_or(|a| !a.is_alphanumeric());
                if next.is_some_and(|n| n.is_alphabetic() && !is_arabic_char(n)) && !possessive {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            } else if d == '.' && acronym_dot(text, start, j) {
                end = j + 1;
                iter.next();
            } else {
                break;
            }
        }
        let word = &text[start..end];
        let word_key = key(word);
        if word_key.is_empty() {
            // Only tatweel or diacritics: no word (as in the core tokenizer).
            continue;
        }
        let first = word.chars().find(|c| c.is_alphabetic());
        let latin = first.is_some_and(|c| !is_arabic_char(c));
        let capitalized = first.is_some_and(char::is_uppercase);
        let all_caps = latin && {
            let mut letters = word.chars().filter(|c| c.is_alphabetic());
            let n = letters.clone().count();
            n >= 2 && letters.all(char::is_uppercase)
        };
        let hyphen_before = start > 0
            && text.as_bytes()[start - 1] == b'-'
            && out.last().is_some_and(|t| t.end == start - 1);
        let sentence_initial = out.is_empty();
        out.push(Token {
            start,
            end,
            key: word_key,
            script: if latin {
                Script::Latin
            } else if first.is_some() {
                Script::Arabic
            } else {
                Script::Other
            },
            capitalized,
            all_caps,
            sentence_initial,
            hyphen_before,
            sentence: 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Same spans and keys as the core's tokenizer on a real article and on hard cases.
    fn same_as_tokenize(text: &str) {
        let a = words(text);
        let b = tokenize(text);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (x.start, x.end, &x.key),
                (y.start, y.end, &y.key),
                "{}",
                &text[y.start..y.end]
            );
            assert_eq!(
                (x.capitalized, x.all_caps, x.hyphen_before),
                (y.capitalized, y.all_caps, y.hyphen_before)
            );
        }
    }

    #[test]
    fn agrees_with_the_core_tokenizer() {
        let founding = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/founding-article.txt"),
        )
        .unwrap_or_default();
        assert!(founding.len() > 1000);
        same_as_tokenize(&founding);
        // The sample corpus, when this checkout sits beside it.
        let corpus =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ar-news");
        for f in std::fs::read_dir(corpus).into_iter().flatten().flatten() {
            if f.path().extension().is_some_and(|e| e == "txt") {
                same_as_tokenize(&std::fs::read_to_string(f.path()).unwrap_or_default());
            }
        }
        same_as_tokenize("بَاكُو وباكــو أأإآ مؤتمر رئيس ى ة ٢١ ﻻ ﺻﻨﻌﺎء Bakú O'Hare didn't Russia's U.S. forces Baku-based");
        same_as_tokenize("The U.N. said: \"No.\" — Zürich’s mayor; ‘quoted’ 1.6 billion");
    }
}
