//! The whole path from bytes to JSON: decoding, HTML, passages, segmentation, recognition,
//! resolution, events and export. The first byte picks the format; the rest is the file.
//!
//! Checks, besides "does not panic": every passage is a slice of the decoded text on character
//! boundaries, every mention's text is the slice of its passage between `start` and `end`
//! (Unicode scalar offsets), and the JSON, GeoJSON and CSV exports are produced (the JSON parses).

#![no_main]

use kharita::ingest::{self, Format};
use kharita::{analyze, export, gazetteer::Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::Text,
        1 => Format::Markdown,
        _ => Format::Html,
    };
    let doc = match ingest::from_bytes("fuzz-input", body, format) {
        Ok(doc) => doc,
        Err(e) => {
            // A refusal names the file and says why, on one line.
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz-input: "), "{msg}");
            assert!(!msg.contains('\n'), "{msg}");
            return;
        }
    };
    for &(_, s, e) in &doc.passages {
        assert!(s <= e && e <= doc.text.len(), "passage {s}..{e} out of bounds");
        assert!(doc.text.is_char_boundary(s) && doc.text.is_char_boundary(e));
    }
    let a = analyze(&doc, Gazetteer::shared());
    assert_eq!(a.passages.len(), doc.passages.len());
    for p in &a.passages {
        let at: String = doc.text.chars().skip(p.start).take(p.text.chars().count()).collect();
        assert_eq!(at, p.text, "passage {} is not the text at its start", p.index);
    }
    for place in &a.places {
        for m in &place.mentions {
            let passage = &a.passages[m.passage];
            assert!(m.start <= m.end, "mention {}..{}", m.start, m.end);
            let slice: String = passage
                .text
                .chars()
                .skip(m.start)
                .take(m.end - m.start)
                .collect();
            assert_eq!(slice, m.text, "mention of {} in passage {}", place.id, m.passage);
            assert!(m.end <= passage.text.chars().count());
        }
    }
    for s in &a.sentences {
        assert!(s.start <= s.end && s.end <= a.passages[s.passage].text.chars().count());
    }
    let json = export::json_string(&a, false);
    let parsed: Result<serde_json::Value, _> = serde_json::from_str(&json);
    assert!(parsed.is_ok(), "JSON does not parse: {json}");
    let _ = export::to_geojson(&a);
    let _ = export::to_csv_rows(&a);
});
