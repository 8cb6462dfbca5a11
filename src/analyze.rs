//! The one entry point of the analysis: `analyze(&Document, &Gazetteer) -> Analysis`, used by the
//! CLI, the app and the tests. Segments the passages into sentences and tokens, recognises and
//! resolves the places, keeps the confident ones, and assembles the plain-data [`Analysis`].

use crate::gazetteer::{EntryId, Gazetteer};
use crate::ingest::Document;
use crate::model::{
    Alternative, Analysis, Focus, Mention, MentionForm, Passage, Place, PlaceKind, Sentence,
};
use crate::recognize::{recognize, Span};
use crate::resolve::{resolve, Resolved};
use crate::text::{detect_language, sentence_bounds, tokenize_with_bounds, Script, Token};
use rustc_hash::FxHashMap;

/// A city named in Arabic script with fewer people than this (and not a capital) needs
/// corroboration, a cue word such as مدينة or its country named in the article, to be kept:
/// Arabic has no capital letters, and many Arabic words and transliterated personal names
/// coincide with the name of some town abroad.
const ARABIC_SMALL_CITY: u64 = 1_000_000;
/// The same for a city of the Arab world, whose Arabic name is native rather than a
/// transliteration that a foreign personal name can share.
const ARABIC_SMALL_ARAB_CITY: u64 = 200_000;

/// Documents up to this size keep their tokens for the event extraction; longer ones free them
/// first (see [`analyze_with`]).
const KEEP_TOKENS_MAX_BYTES: usize = 4 << 20;

/// A city with at least this many names and spellings in the gazetteer is known worldwide.
const WIDELY_KNOWN_NAMES: usize = 60;

/// Members of the Arab League (ISO alpha-2).
pub const ARAB_WORLD: &[&str] = &[
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
    "SO", "SD", "SY", "TN", "AE", "YE",
];
/// The same for Latin script, where capitalisation already is evidence.
const LATIN_SMALL_CITY: u64 = 0;

/// Segmented text: sentences and tokens of every passage, with byte offsets into `doc.text`.
pub struct Segmented {
    /// (passage index, byte start, byte end) of each sentence.
    pub sentences: Vec<(usize, usize, usize)>,
    /// Tokens of all passages, in order; `Token::sentence` indexes `sentences`.
    pub tokens: Vec<Token>,
}

/// Split the document's passages into sentences and word tokens.
pub fn segment(doc: &Document) -> Segmented {
    let mut sentences = Vec::new();
    let mut tokens = Vec::new();
    for (pi, &(_, ps, pe)) in doc.passages.iter().enumerate() {
        let ptext = &doc.text[ps..pe];
        let base = sentences.len();
        let bounds = sentence_bounds(ptext);
        for (k, &b) in bounds.iter().enumerate() {
            let end = bounds.get(k + 1).copied().unwrap_or(ptext.len());
            let seg = &ptext[b..end];
            let trimmed_end = b + seg.trim_end().len();
            sentences.push((pi, ps + b, ps + trimmed_end.max(b)));
        }
        for mut t in tokenize_with_bounds(ptext, &bounds) {
            t.start += ps;
            t.end += ps;
            t.sentence += base;
            tokens.push(t);
        }
    }
    Segmented { sentences, tokens }
}

/// What [`analyze_with`] does beyond recognising and resolving places.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Drop uncorroborated small places (false keeps every recognised span: the stop-list
    /// learner needs to see them all).
    pub corroborate: bool,
    /// Extract the events ([`crate::events`]).
    pub events: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            corroborate: true,
            events: true,
        }
    }
}

/// Analyse a document against the gazetteer: places and events.
pub fn analyze(doc: &Document, g: &Gazetteer) -> Analysis {
    analyze_with(doc, g, Options::default())
}

/// [`analyze`] with [`Options`].
pub fn analyze_with(doc: &Document, g: &Gazetteer, options: Options) -> Analysis {
    let seg = segment(doc);
    let first_spans = recognize(&doc.text, &seg.tokens, g);
    let first = resolve(&first_spans, g);
    let first_kept = if options.corroborate {
        confident(&first_spans, &first.resolved, &seg.tokens, g)
    } else {
        vec![true; first_spans.len()]
    };
    let second_spans = options
        .corroborate
        .then(|| without_unconfirmed(&first_spans, &first_kept, &seg.tokens, g))
        .flatten();
    let (spans, resolution, kept) = match &second_spans {
        Some(s) => {
            let r = resolve(s, g);
            let k = confident(s, &r.resolved, &seg.tokens, g);
            (s.as_slice(), r, k)
        }
        None => (first_spans.as_slice(), first, first_kept),
    };
    let resolved = &resolution.resolved;
    // The tokens are the largest structure of a long document (about 90 bytes a word). The
    // events read them again, so a usual article keeps them; a long one frees them before the
    // output is built, and the events split each sentence again (slower, but the memory of the
    // tokens and of the output are not held at once).
    let sentences = seg.sentences;
    let keep_tokens = options.events && doc.text.len() <= KEEP_TOKENS_MAX_BYTES;
    let tokens = if keep_tokens {
        seg.tokens
    } else {
        drop(seg.tokens);
        Vec::new()
    };
    let mut a = Analysis {
        source: doc.source.clone(),
        encoding: doc.encoding.clone(),
        language: detect_language(&doc.text).to_string(),
        title: doc.title.clone(),
        published: doc.published.clone(),
        diagnostics: doc.diagnostics.clone(),
        ..Default::default()
    };
    let mut char_starts = Vec::with_capacity(doc.passages.len());
    let mut chars_so_far = 0usize;
    let mut last_byte = 0usize;
    for (i, &(kind, s, e)) in doc.passages.iter().enumerate() {
        chars_so_far += doc.text[last_byte..s].chars().count();
        last_byte = s;
        char_starts.push(chars_so_far);
        a.passages.push(Passage {
            index: i,
            kind,
            text: doc.text[s..e].to_string(),
            start: chars_so_far,
        });
    }
    // Character offsets by walking the text once (counting from each passage's start for every
    // sentence and mention was quadratic in a long paragraph).
    let mut cursor = CharCursor::new(&doc.text);
    for &(p, s, e) in &sentences {
        a.sentences.push(Sentence {
            passage: p,
            start: cursor.chars_before(s) - char_starts[p],
            end: cursor.chars_before(e) - char_starts[p],
        });
    }
    let mut cursor = CharCursor::new(&doc.text);
    // Group the kept spans by entry, in order of first mention.
    let mut order: Vec<EntryId> = Vec::new();
    let mut by_entry: FxHashMap<EntryId, (Vec<Mention>, &Resolved, usize)> = FxHashMap::default();
    for (k, (span, r)) in spans
        .iter()
        .zip(resolved)
        .enumerate()
        .filter(|(k, _)| kept[*k])
    {
        let (p, _, _) = sentences[span.sentence];
        let start = cursor.chars_before(span.start) - char_starts[p];
        let text = doc.text[span.start..span.end].to_string();
        let end = start + text.chars().count();
        let m = Mention {
            passage: p,
            start,
            end,
            text,
            form: span.form,
            sentence: span.sentence,
        };
        match by_entry.get_mut(&r.entry) {
            Some(v) => v.0.push(m),
            None => {
                order.push(r.entry);
                by_entry.insert(r.entry, (vec![m], r, k));
            }
        }
    }
    for id in order {
        let Some((mentions, r, first)) = by_entry.remove(&id) else {
            continue;
        };
        let e = g.entry(id);
        let mut names = std::collections::BTreeMap::new();
        for (l, n) in e.tagged() {
            names.insert(l.to_string(), n.to_string());
        }
        if !e.name_ar.is_empty() {
            names.insert("ar".to_string(), e.name_ar.to_string());
        }
        names.insert("en".to_string(), e.name_en.to_string());
        a.places.push(Place {
            id: e.id.to_string(),
            name: e.name_en.to_string(),
            names,
            kind: e.kind,
            country_code: (!e.cc.is_empty()).then(|| e.cc.to_string()),
            lat: e.lat,
            lon: e.lon,
            population: e.population,
            mentions,
            events: Vec::new(),
            score: (r.score * 1000.0).round() / 1000.0,
            reasons: resolution.reasons(first),
            alternatives: r
                .alternatives
                .iter()
                .map(|(c, s)| {
                    let x = g.entry(*c);
                    Alternative {
                        id: x.id.to_string(),
                        name: x.name_en.to_string(),
                        country_code: (!x.cc.is_empty()).then(|| x.cc.to_string()),
                        lat: x.lat,
                        lon: x.lon,
                        score: (s * 1000.0).round() / 1000.0,
                    }
                })
                .collect(),
        });
    }
    a.focus = focus(&a.places);
    if keep_tokens {
        let base: Vec<usize> = sentences
            .iter()
            .map(|&(p, _, _)| doc.passages[p].1)
            .collect();
        let ranges: Vec<(usize, usize)> = sentences
            .iter()
            .zip(&base)
            .map(|(&(_, s, e), &b)| (s - b, e - b))
            .collect();
        crate::events::extract_with_tokens(&mut a, tokens, &ranges, &base);
    } else if options.events {
        crate::events::extract(&mut a);
    }
    a
}

/// Character counts of a text's prefixes, for byte offsets visited mostly in increasing order.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Number of characters in `text[..byte]` (`byte` on a character boundary).
    fn chars_before(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}

/// Which resolved spans to keep: small cities named by a word that needs corroboration are
/// dropped unless a cue word or the article's countries (by name or adjective) support them. A
/// kept city does not vouch for them, even after a locative, since ordinary Arabic words are also
/// small towns (إلى السفيرة, "to the ambassador", is As Safīrah beside دمشق; في الحراك الشعبي is
/// Al Ḩirāk).
fn confident(spans: &[Span], resolved: &[Resolved], tokens: &[Token], g: &Gazetteer) -> Vec<bool> {
    // Countries present in the article (by name or adjective).
    let mut article_cc: FxHashMap<&str, usize> = FxHashMap::default();
    for (s, r) in spans.iter().zip(resolved) {
        let e = g.entry(r.entry);
        if !e.cc.is_empty() && (e.kind == PlaceKind::Country || s.form == MentionForm::Adjective) {
            *article_cc.entry(e.cc).or_default() += 1;
        }
    }
    spans
        .iter()
        .zip(resolved)
        .map(|(s, r)| {
            let e = g.entry(r.entry);
            let supported = s.cue.any() || article_cc.contains_key(e.cc);
            supported || stands_alone(e, tokens[s.first].script, g)
        })
        .collect()
}

/// Whether a place needs no support from a cue word or its country in the article: anything
/// but a small city, except that a province abroad named by an ordinary Arabic phrase
/// (الجهة الشرقية, المنطقة الجنوبية) always does, unless it holds its country's capital and is
/// named like it (واشنطن: the District of Columbia; the gazetteer has no Arabic name for the
/// city).
fn stands_alone(e: &crate::gazetteer::Entry, script: Script, g: &Gazetteer) -> bool {
    if e.kind == PlaceKind::Region && e.id.starts_with("ne-admin1:") && script == Script::Arabic {
        return g.holds_capital(e);
    }
    if e.kind != PlaceKind::City || e.capital {
        return true;
    }
    let limit = if script == Script::Arabic && ARAB_WORLD.contains(&e.cc) {
        ARABIC_SMALL_ARAB_CITY
    } else if script == Script::Arabic {
        ARABIC_SMALL_CITY
    } else {
        LATIN_SMALL_CITY
    };
    // A city known by many names worldwide (Tel Aviv, Hamburg) is famous enough.
    e.population >= limit || (e.name_count as usize) >= WIDELY_KNOWN_NAMES
}

/// The spans again after a first resolution in which some were dropped as unconfirmed, when one
/// of those has a candidate that needs no support: a dropped name's candidates can have pulled
/// the others astray (قاعدة اندروز, a town in the United States, pulled لندن to London,
/// Kentucky, and then both went). Kept spans stay; a dropped one keeps only its candidates that
/// stand alone, or goes. None when there is nothing to do.
fn without_unconfirmed(
    spans: &[Span],
    kept: &[bool],
    tokens: &[Token],
    g: &Gazetteer,
) -> Option<Vec<Span>> {
    let stands = |s: &Span, c: &EntryId| stands_alone(g.entry(*c), tokens[s.first].script, g);
    let worth = spans
        .iter()
        .zip(kept)
        .any(|(s, &k)| !k && s.candidates.iter().any(|c| stands(s, c)));
    if !worth {
        return None;
    }
    Some(
        spans
            .iter()
            .zip(kept)
            .filter_map(|(s, &k)| {
                if k {
                    return Some(s.clone());
                }
                let candidates: Vec<EntryId> = s
                    .candidates
                    .iter()
                    .copied()
                    .filter(|c| stands(s, c))
                    .collect();
                (!candidates.is_empty()).then(|| Span {
                    candidates,
                    ..s.clone()
                })
            })
            .collect(),
    )
}

/// The article's main countries (share of the place weight) and places (most mentioned).
pub fn focus(places: &[Place]) -> Focus {
    let mut w: FxHashMap<String, f64> = FxHashMap::default();
    for p in places {
        let Some(cc) = &p.country_code else { continue };
        for m in &p.mentions {
            let x = match (p.kind, m.form) {
                (PlaceKind::Country, MentionForm::Name) => 1.0,
                _ => 0.5,
            };
            *w.entry(cc.clone()).or_default() += x;
        }
    }
    let total: f64 = w.values().sum();
    let mut countries: Vec<(String, f64)> = w
        .into_iter()
        .map(|(c, x)| (c, ((x / total) * 1000.0).round() / 1000.0))
        .filter(|(_, s)| *s >= 0.1)
        .collect();
    countries.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    countries.truncate(5);
    let mut ps: Vec<&Place> = places.iter().collect();
    // By weight of mention; between places named as often, the surer reading first.
    ps.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.id.cmp(&b.id))
    });
    Focus {
        countries,
        places: ps.iter().take(5).map(|p| p.id.clone()).collect(),
    }
}
