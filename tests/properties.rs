//! Properties of the whole path from bytes to JSON, for any input: decoding and analysis never
//! panic; passages are verbatim slices of the decoded text at their `start`; every mention's text
//! is its passage's text between `start` and `end` (Unicode scalar offsets, in bounds); links by
//! index stay in bounds; the JSON output always parses.
//!
//! Inputs: text mixing Arabic letters, diacritics, tatweel, presentation forms, Latin letters,
//! digits, punctuation, white space and place names (so that recognition has work to do), in
//! every format; HTML made of tags, comments, entities and such text; and arbitrary bytes.

use kharita::gazetteer::Gazetteer;
use kharita::ingest::{self, Format};
use kharita::model::Analysis;
use kharita::{analyze, export};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Whole words the generator mixes in: names of places (with proclitics, descriptors and
/// epithets), adjectives, cue words, person titles, acronyms and abbreviations.
const WORDS: &[&str] = &[
    "باكو",
    "وباكو",
    "بباكو",
    "إيران",
    "الإيرانية",
    "أذربيجان",
    "طهران",
    "مدينة",
    "قطاع غزة",
    "مكة المكرمة",
    "الولايات المتحدة الأمريكية",
    "كارا باخ",
    "للعراق",
    "وكالة",
    "الشيخ",
    "ﺑﺎﻛﻮ",
    "بَاكُو",
    "باكــو",
    "Baku",
    "Tehran",
    "Iranian",
    "Paris",
    "New York City",
    "St. Louis",
    "U.S.",
    "U.S.A.",
    "Washington Post",
    "Dr.",
    "Mr.",
    "in",
    "the",
    "21 فبراير/شباط",
    "1.6",
    "«إيران»",
    "\"Paris\"",
];

/// Single characters by class.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('\u{0621}', '\u{064A}'), // Arabic letters
        1 => proptest::char::range('\u{064B}', '\u{0652}'), // diacritics
        1 => Just('\u{0640}'),                               // tatweel
        1 => proptest::char::range('\u{FE70}', '\u{FEFC}'), // presentation forms B
        1 => proptest::char::range('\u{FB50}', '\u{FDFF}'), // presentation forms A
        3 => proptest::char::range('a', 'z'),
        2 => proptest::char::range('A', 'Z'),
        1 => proptest::sample::select(vec!['é', 'ü', 'ß', 'Ø', 'İ', 'ı', 'ǅ', 'ﬁ']),
        1 => proptest::char::range('0', '9'),
        1 => proptest::char::range('\u{0660}', '\u{0669}'), // Arabic-Indic digits
        3 => proptest::sample::select(vec![
            '.', ',', '!', '?', '؟', '؛', '،', '«', '»', '"', '\'', '’', '“', '”', '-', '—',
            '(', ')', ':', '…', '#', '<', '>', '&', '/',
        ]),
        4 => proptest::sample::select(vec![
            ' ', ' ', ' ', '\n', '\n', '\r', '\t', '\u{00A0}', '\u{200C}', '\u{200F}',
            '\u{2028}', '\u{0C}',
        ]),
        1 => any::<char>(),
    ]
}

/// Text: a sequence of words and characters.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            2 => proptest::sample::select(WORDS).prop_map(str::to_string),
            5 => any_char().prop_map(String::from),
            1 => Just(" ".to_string()),
        ],
        0..300,
    )
    .prop_map(|parts| parts.concat())
}

/// HTML: tags (some unclosed or misnested), comments, entities, scripts and text.
fn html() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => text(),
        4 => proptest::sample::select(vec![
            "<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "<li>", "<ul>", "</ul>",
            "<br>", "<b>", "</b>", "<i>", "<table><tr><td>", "</td></tr></table>",
            "<script>var a = '<p>Paris</p>';</script>", "<style>p{}</style>", "<!-- Baku -->",
            "<!-->", "<title>باكو</title>", "<head>", "<body>", "&amp;", "&nbsp;", "&#1576;",
            "<nav>Tehran</nav>", "<template>x</template>", "<svg><text>Rome</text></svg>",
            "<a href='x>y'>", "</a>", "<meta property=\"article:published_time\" content=\"2013-03-01\">",
            "<pre>", "</pre>", "<textarea>", "<plaintext>",
        ])
        .prop_map(str::to_string),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|p| format!("<html>{}", p.concat()))
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![
        Just(Format::Text),
        Just(Format::Markdown),
        Just(Format::Html)
    ]
}

/// Decode, analyse, export and check every property; returns the analysis when the input was
/// accepted.
fn check(bytes: &[u8], format: Format) -> Result<Option<Analysis>, TestCaseError> {
    let doc = match ingest::from_bytes("input", bytes, format) {
        Ok(d) => d,
        Err(e) => {
            let msg = e.to_string();
            prop_assert!(msg.starts_with("input: "), "{}", msg);
            prop_assert!(!msg.contains('\n'), "{}", msg);
            return Ok(None);
        }
    };
    for &(_, s, e) in &doc.passages {
        prop_assert!(s <= e && e <= doc.text.len(), "passage {}..{}", s, e);
        prop_assert!(doc.text.is_char_boundary(s) && doc.text.is_char_boundary(e));
        prop_assert!(s < e, "empty passage at {}", s);
    }
    let a = analyze(&doc, Gazetteer::shared());
    let chars: Vec<char> = doc.text.chars().collect();
    prop_assert_eq!(a.passages.len(), doc.passages.len());
    let mut previous_end = 0;
    for (i, p) in a.passages.iter().enumerate() {
        prop_assert_eq!(p.index, i);
        let n = p.text.chars().count();
        prop_assert!(p.start >= previous_end, "passages overlap at {}", i);
        prop_assert!(p.start + n <= chars.len());
        let at: String = chars[p.start..p.start + n].iter().collect();
        prop_assert_eq!(&at, &p.text, "passage {} is not the text at its start", i);
        previous_end = p.start + n;
    }
    for s in &a.sentences {
        prop_assert!(s.passage < a.passages.len());
        prop_assert!(s.start <= s.end);
        prop_assert!(s.end <= a.passages[s.passage].text.chars().count());
    }
    for place in &a.places {
        prop_assert!(!place.mentions.is_empty(), "{} has no mention", place.id);
        for m in &place.mentions {
            prop_assert!(m.passage < a.passages.len());
            prop_assert!(m.sentence < a.sentences.len());
            let ptext: Vec<char> = a.passages[m.passage].text.chars().collect();
            prop_assert!(
                m.start < m.end && m.end <= ptext.len(),
                "{}..{}",
                m.start,
                m.end
            );
            let slice: String = ptext[m.start..m.end].iter().collect();
            prop_assert_eq!(&slice, &m.text, "mention of {}", &place.id);
        }
        for &e in &place.events {
            prop_assert!(e < a.events.len());
        }
    }
    for ev in &a.events {
        prop_assert!(ev.passage < a.passages.len());
        for id in &ev.places {
            prop_assert!(a.places.iter().any(|p| &p.id == id), "event names {}", id);
        }
    }
    for pretty in [false, true] {
        let json = export::json_string(&a, pretty);
        let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json);
        prop_assert!(parsed.is_ok(), "JSON does not parse: {}", json);
    }
    let geo = serde_json::to_string(&export::to_geojson(&a));
    prop_assert!(geo.is_ok_and(|g| serde_json::from_str::<serde_json::Value>(&g).is_ok()));
    let _ = export::to_csv_rows(&a);
    Ok(Some(a))
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn any_text_in_any_format(t in text(), f in format()) {
        let a = check(t.as_bytes(), f)?;
        // Valid UTF-8 decodes to itself (less a byte-order mark): nothing is lost or added.
        if let Some(a) = a {
            if f != Format::Html && !t.contains('\0') {
                let decoded: String = a.passages.iter().map(|p| p.text.as_str()).collect();
                let original: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                let kept: String = decoded.chars().filter(|c| !c.is_whitespace()).collect();
                // Passages drop only white space and lines of punctuation.
                prop_assert!(kept.chars().all(|c| original.contains(c)));
                prop_assert_eq!(a.encoding.as_str(), "UTF-8");
            }
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn any_html(h in html()) {
        check(h.as_bytes(), Format::Html)?;
    }

    #[test]
    fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..3000), f in format()) {
        check(&bytes, f)?;
    }

    #[test]
    fn text_in_other_encodings(t in text()) {
        // The same text as UTF-16 (both orders, with a byte-order mark) and windows-1256 where it
        // can be encoded: accepted or refused, never a panic, and the properties hold.
        let mut le = vec![0xFF, 0xFE];
        le.extend(t.encode_utf16().flat_map(u16::to_le_bytes));
        let mut be = vec![0xFE, 0xFF];
        be.extend(t.encode_utf16().flat_map(u16::to_be_bytes));
        for bytes in [le, be] {
            if let Some(a) = check(&bytes, Format::Text)? {
                prop_assert!(a.encoding.starts_with("UTF-16"), "{}", a.encoding);
            }
        }
        let (w, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&t);
        if !unmappable {
            check(&w, Format::Text)?;
        }
    }
}
