//! The name index of the gazetteer: every name folded to its matching key, stored as a finite
//! state transducer (key -> offset into a postings list of entry ids). Built at compile time by
//! `build.rs` from `data/gazetteer.tsv.gz` (so start-up pays nothing for it) and, for small test
//! tables, at run time by the same function.
//!
//! This file is also compiled into the build script: it may use only `crate::text`, `fst` and std.

use crate::text::{fold, is_arabic_char, word_script, Script};
use std::collections::BTreeMap;

/// Bit set on a posting when the key comes from one of the entry's preferred names (its English
/// or Arabic display name or a language-tagged name), not only from the list of alternate names.
pub const PREFERRED: u32 = 1 << 31;

/// Columns of the gazetteer table kept for the entries (everything but the long list of names).
pub const ENTRY_COLUMNS: usize = 11;

/// Kinds of entry in the table's words, in the order a [`Record`] numbers them.
pub const KINDS: [&str; 6] = [
    "country",
    "region",
    "city",
    "water",
    "continent",
    "landmark",
];
/// [`Record::flags`] bit: a national capital.
pub const FLAG_CAPITAL: u8 = 1;
/// [`Record::flags`] bit: a state that no longer exists.
pub const FLAG_HISTORICAL: u8 = 2;
/// Bytes of an encoded [`Record`].
pub const RECORD_BYTES: usize = 4 + 2 * ENTRY_COLUMNS + 8 + 8 + 8 + 4 + 1 + 1;

/// An entry row parsed once, when the index is built, so that start-up reads numbers instead of
/// parsing text: where the row starts in the entry text, where each of its columns ends (counted
/// from the start), and its numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Byte offset of the row in the entry text.
    pub start: u32,
    /// End of each column, in bytes from `start` (a column begins one byte after the previous
    /// one ends).
    pub ends: [u16; ENTRY_COLUMNS],
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Number of names and spellings.
    pub names: u32,
    /// Index into [`KINDS`].
    pub kind: u8,
    /// [`FLAG_CAPITAL`], [`FLAG_HISTORICAL`].
    pub flags: u8,
}

impl Record {
    /// Parse a row's first [`ENTRY_COLUMNS`] columns, which start at `start` in the entry text.
    pub fn parse(start: usize, cols: &[&str], names: usize) -> Result<Record, String> {
        if cols.len() < ENTRY_COLUMNS {
            return Err(format!("{} columns", cols.len()));
        }
        let kind = KINDS
            .iter()
            .position(|k| *k == cols[1])
            .ok_or_else(|| format!("unknown kind {}", cols[1]))?;
        let num = |s: &str| s.parse::<f64>().map_err(|_| format!("bad number {s}"));
        let mut ends = [0u16; ENTRY_COLUMNS];
        let mut end = 0usize;
        for (i, col) in cols[..ENTRY_COLUMNS].iter().enumerate() {
            end += col.len() + usize::from(i > 0);
            ends[i] = u16::try_from(end).map_err(|_| format!("row of {end} bytes"))?;
        }
        let flag = |f: &str| cols[7].split(',').any(|x| x == f);
        Ok(Record {
            start: u32::try_from(start).map_err(|_| "entry text over 4 GB".to_string())?,
            ends,
            lat: num(cols[4])?,
            lon: num(cols[5])?,
            population: cols[6].parse().unwrap_or(0),
            names: u32::try_from(names).unwrap_or(u32::MAX),
            kind: kind as u8,
            flags: if flag("capital") { FLAG_CAPITAL } else { 0 }
                | if flag("historical") {
                    FLAG_HISTORICAL
                } else {
                    0
                },
        })
    }

    /// Little-endian bytes, [`RECORD_BYTES`] of them.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.start.to_le_bytes());
        for e in self.ends {
            out.extend_from_slice(&e.to_le_bytes());
        }
        out.extend_from_slice(&self.lat.to_le_bytes());
        out.extend_from_slice(&self.lon.to_le_bytes());
        out.extend_from_slice(&self.population.to_le_bytes());
        out.extend_from_slice(&self.names.to_le_bytes());
        out.push(self.kind);
        out.push(self.flags);
    }

    /// Read back what [`Record::encode`] wrote (`b` holds at least [`RECORD_BYTES`] bytes).
    pub fn decode(b: &[u8]) -> Record {
        let mut at = 0;
        let mut take = |n: usize| {
            let s = &b[at..at + n];
            at += n;
            s
        };
        let u32_at = |s: &[u8]| u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
        let u64_at =
            |s: &[u8]| u64::from_le_bytes([s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]]);
        let start = u32_at(take(4));
        let mut ends = [0u16; ENTRY_COLUMNS];
        for e in &mut ends {
            let s = take(2);
            *e = u16::from_le_bytes([s[0], s[1]]);
        }
        let lat = f64::from_bits(u64_at(take(8)));
        let lon = f64::from_bits(u64_at(take(8)));
        let population = u64_at(take(8));
        let names = u32_at(take(4));
        let kind = take(1)[0];
        let flags = take(1)[0];
        Record {
            start,
            ends,
            lat,
            lon,
            population,
            names,
            kind,
            flags,
        }
    }

    /// Column `i` of the row in the entry text, `None` when the text does not hold it.
    pub fn column<'t>(&self, text: &'t str, i: usize) -> Option<&'t str> {
        let from = match i {
            0 => 0,
            _ => *self.ends.get(i - 1)? as usize + 1,
        };
        let start = self.start as usize;
        text.get(start + from..start + *self.ends.get(i)? as usize)
    }
}

/// The keys a gazetteer name is indexed under: its folded form, and for Arabic names of several
/// words also the form without spaces (كارا باخ meets كاراباخ). Names in other scripts, and names
/// too short to be safe (one letter), are not indexed.
pub fn name_keys(name: &str) -> Vec<String> {
    // Skip names in scripts that are not indexed before paying for normalisation.
    if !name.chars().any(|c| {
        c.is_ascii_alphabetic() || is_arabic_char(c) || ('\u{00C0}'..='\u{024F}').contains(&c)
    }) {
        return Vec::new();
    }
    let key = fold(name);
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    match word_script(&key) {
        Script::Arabic if letters >= 2 => {
            let mut v = vec![key.clone()];
            if key.contains(' ') {
                v.push(key.replace(' ', ""));
            }
            v
        }
        Script::Latin if letters >= 2 && key.chars().all(|c| c.is_ascii() || c.is_alphabetic()) => {
            vec![key]
        }
        _ => Vec::new(),
    }
}

/// True when an Arabic-script name uses letters that Arabic does not: Persian (پ چ ژ گ ک ی),
/// Urdu, Pashto, Kurdish, Sindhi, Uyghur, Maghrebi ڤ ڨ... (every letter of the Arabic blocks
/// after alef wasla, U+0672 on, but the Persian digits, and the supplement and extended-A
/// blocks): it is written in another language's orthography.
pub fn has_non_arabic_letters(name: &str) -> bool {
    name.chars().any(|c| {
        matches!(c, '\u{063B}'..='\u{063F}' | '\u{0672}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}')
            || matches!(c, '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}')
    })
}

/// The built index: FST bytes, postings bytes (little-endian u32: count, then ids with the
/// [`PREFERRED`] bit), and the entry table without the names column.
pub struct BuiltIndex {
    /// FST map from key to byte offset into `postings`.
    pub fst: Vec<u8>,
    /// Postings lists.
    pub postings: Vec<u8>,
    /// Entry rows: the first [`ENTRY_COLUMNS`] columns of each gazetteer row and the number of its
    /// names, one per line.
    pub entries: String,
    /// One encoded [`Record`] per entry row, in order.
    pub records: Vec<u8>,
}

/// Build the index from the text of the gazetteer table (see scripts/README.md for its columns).
/// Entry ids are line numbers among the non-empty lines.
pub fn build_index(gazetteer_tsv: &str) -> Result<BuiltIndex, String> {
    let mut map: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut entries = String::with_capacity(gazetteer_tsv.len() / 3);
    let mut records = Vec::new();
    let mut id: u32 = 0;
    for line in gazetteer_tsv.lines() {
        if line.is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < ENTRY_COLUMNS + 1 {
            return Err(format!("row {}: {} columns", id + 1, cols.len()));
        }
        // How many names the place has: a measure of how widely known it is.
        let names = cols[11].split('|').filter(|n| !n.is_empty()).count();
        Record::parse(entries.len(), &cols, names)
            .map_err(|e| format!("row {}: {e}", id + 1))?
            .encode(&mut records);
        entries.push_str(&cols[..ENTRY_COLUMNS].join("\t"));
        entries.push_str(&format!("\t{names}\n"));
        let preferred = std::iter::once(cols[8])
            .chain(std::iter::once(cols[9]))
            .chain(
                cols[10]
                    .split('|')
                    .filter_map(|t| t.split_once('=').map(|x| x.1)),
            );
        let alternates = cols[11].split('|');
        // A place with an Arabic name is matched in Arabic script by its Arabic spellings only:
        // folding would otherwise let a Persian or Urdu spelling meet an unrelated Arabic word:
        // Persian الجزیره (Algeria) the island or the channel الجزيرة, مراکش (Morocco) the city
        // of Marrakesh, کیف (Kyiv) the word كيف, "how". Where Arabic writers share a Persian
        // spelling (تايلند), the curated country aliases carry it in Arabic letters.
        let has_arabic = !cols[9].is_empty() && !has_non_arabic_letters(cols[9]);
        let usable = |name: &&str| !(has_arabic && has_non_arabic_letters(name));
        let mut mine: BTreeMap<String, u32> = BTreeMap::new();
        for name in preferred.filter(usable) {
            for k in name_keys(name) {
                mine.insert(k, id | PREFERRED);
            }
        }
        for name in alternates.filter(usable) {
            for k in name_keys(name) {
                mine.entry(k).or_insert(id);
            }
        }
        for (k, v) in mine {
            map.entry(k).or_default().push(v);
        }
        id += 1;
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (k, ids) in &map {
        let offset = postings.len() as u64;
        postings.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for i in ids {
            postings.extend_from_slice(&i.to_le_bytes());
        }
        builder.insert(k, offset).map_err(|e| e.to_string())?;
    }
    let fst = builder.into_inner().map_err(|e| e.to_string())?;
    Ok(BuiltIndex {
        fst,
        postings,
        entries,
        records,
    })
}
