//! The offline world gazetteer: countries, admin-1 regions, populated places, curated regions and
//! waters, and country adjectives, loaded from the files under `data/` (built by
//! `scripts/build_data.py`) and indexed by matching key.
//!
//! The data is compiled into the binary, so the app and the CLI never read the network or depend on
//! the working directory.

use crate::model::PlaceKind;
use crate::text::{fold, word_script, Script};
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Read;
use std::sync::OnceLock;

/// The compressed gazetteer table (see scripts/README.md for its columns).
static GAZETTEER_GZ: &[u8] = include_bytes!("../data/gazetteer.tsv.gz");
/// Country adjectives and demonyms.
static DEMONYMS: &str = include_str!("../data/demonyms.tsv");
/// Matching keys that are ordinary words far more often than places, learned from development
/// corpora by `kharita learn-stoplist`.
static STOPLIST: &str = include_str!("../data/stoplist.tsv");

/// Index of an entry in [`Gazetteer::entries`].
pub type EntryId = u32;

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable id (`iso3166:AZ`, `geonames:587084`, ...).
    pub id: String,
    /// Kind of place.
    pub kind: PlaceKind,
    /// A continent or macro-region (reported as a region).
    pub continent: bool,
    /// ISO 3166-1 alpha-2 code, empty for none.
    pub cc: String,
    /// Admin-1 code (GeoNames code for cities, ISO 3166-2 for regions).
    pub admin1: String,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Population, 0 when unknown.
    pub population: u64,
    /// National capital.
    pub capital: bool,
    /// A state that no longer exists.
    pub historical: bool,
    /// English name.
    pub name_en: String,
    /// Arabic name (may be empty).
    pub name_ar: String,
    /// Language-tagged preferred names.
    pub tagged: Vec<(String, String)>,
}

/// How a key leads to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// One of the entry's names.
    Name,
    /// An adjective or demonym of a country.
    Adjective,
}

/// The gazetteer with its name index.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// All places.
    pub entries: Vec<Entry>,
    names: FxHashMap<Box<str>, Vec<EntryId>>,
    adjectives: FxHashMap<Box<str>, EntryId>,
    countries: FxHashMap<String, EntryId>,
    stop: FxHashSet<Box<str>>,
}

/// Error loading gazetteer data.
#[derive(Debug, thiserror::Error)]
#[error("gazetteer data is damaged: {0}")]
pub struct GazetteerError(String);

impl Gazetteer {
    /// The gazetteer compiled into the program, loaded once and shared.
    pub fn shared() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| match Gazetteer::embedded() {
            Ok(g) => g,
            Err(e) => {
                // The embedded data is checked by the tests; this only happens with a broken build.
                eprintln!("kharita: {e}");
                Gazetteer::default()
            }
        })
    }

    /// Load the gazetteer compiled into the program.
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::embedded_with_stoplist(STOPLIST)
    }

    /// The compiled-in gazetteer with another stop-list (empty to learn one afresh).
    pub fn embedded_with_stoplist(stoplist: &str) -> Result<Gazetteer, GazetteerError> {
        let mut tsv = String::new();
        flate2::read::GzDecoder::new(GAZETTEER_GZ)
            .read_to_string(&mut tsv)
            .map_err(|e| GazetteerError(e.to_string()))?;
        Gazetteer::from_tables(&tsv, DEMONYMS, stoplist)
    }

    /// Build from the text of the tables (gazetteer TSV, demonyms TSV, stop-list TSV).
    pub fn from_tables(
        gazetteer: &str,
        demonyms: &str,
        stoplist: &str,
    ) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer::default();
        for (lineno, line) in gazetteer.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 12 {
                return Err(GazetteerError(format!(
                    "line {}: {} columns",
                    lineno + 1,
                    f.len()
                )));
            }
            let (kind, continent) = match f[1] {
                "country" => (PlaceKind::Country, false),
                "region" => (PlaceKind::Region, false),
                "city" => (PlaceKind::City, false),
                "water" => (PlaceKind::Water, false),
                "continent" => (PlaceKind::Region, true),
                "landmark" => (PlaceKind::Landmark, false),
                other => {
                    return Err(GazetteerError(format!(
                        "line {}: unknown kind {other}",
                        lineno + 1
                    )))
                }
            };
            let num = |s: &str| -> Result<f64, GazetteerError> {
                s.parse::<f64>()
                    .map_err(|_| GazetteerError(format!("line {}: bad number {s}", lineno + 1)))
            };
            let flags: Vec<&str> = f[7].split(',').collect();
            let id = g.entries.len() as EntryId;
            let entry = Entry {
                id: f[0].to_string(),
                kind,
                continent,
                cc: f[2].to_string(),
                admin1: f[3].to_string(),
                lat: num(f[4])?,
                lon: num(f[5])?,
                population: f[6].parse().unwrap_or(0),
                capital: flags.contains(&"capital"),
                historical: flags.contains(&"historical"),
                name_en: f[8].to_string(),
                name_ar: f[9].to_string(),
                tagged: f[10]
                    .split('|')
                    .filter_map(|t| t.split_once('='))
                    .map(|(l, n)| (l.to_string(), n.to_string()))
                    .collect(),
            };
            if kind == PlaceKind::Country && !entry.cc.is_empty() && !entry.historical {
                g.countries.insert(entry.cc.clone(), id);
            }
            let mut seen: FxHashSet<String> = FxHashSet::default();
            let all = f[11]
                .split('|')
                .chain(std::iter::once(f[8]))
                .chain(std::iter::once(f[9]))
                .chain(entry.tagged.iter().map(|(_, n)| n.as_str()));
            for name in all {
                for key in name_keys(name) {
                    if seen.insert(key.clone()) {
                        g.names.entry(key.into_boxed_str()).or_default().push(id);
                    }
                }
            }
            g.entries.push(entry);
        }
        for line in demonyms.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let Some(&country) = g.countries.get(f[0]) else {
                continue;
            };
            let base = fold(f[2]);
            if base.chars().count() < 3 {
                continue;
            }
            let forms: Vec<String> = if f[1] == "ar" {
                arabic_nisba_forms(&base)
            } else {
                vec![base]
            };
            for form in forms {
                g.adjectives.entry(form.into_boxed_str()).or_insert(country);
            }
        }
        for line in stoplist.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let key = line.split('\t').next().unwrap_or(line);
            g.stop.insert(fold(key).into_boxed_str());
        }
        Ok(g)
    }

    /// Entries whose name folds to `key`.
    pub fn lookup(&self, key: &str) -> &[EntryId] {
        self.names.get(key).map_or(&[], |v| v.as_slice())
    }

    /// The country an adjective key belongs to.
    pub fn adjective(&self, key: &str) -> Option<EntryId> {
        self.adjectives.get(key).copied()
    }

    /// True when `key` is on the learned stop-list (an ordinary word more often than a place).
    pub fn is_stopword(&self, key: &str) -> bool {
        self.stop.contains(key)
    }

    /// The country entry of an ISO alpha-2 code.
    pub fn country(&self, cc: &str) -> Option<EntryId> {
        self.countries.get(cc).copied()
    }

    /// The entry of an id.
    pub fn entry(&self, id: EntryId) -> &Entry {
        &self.entries[id as usize]
    }

    /// Find an entry by its string id (linear; for tools and tests).
    pub fn find_id(&self, id: &str) -> Option<EntryId> {
        self.entries
            .iter()
            .position(|e| e.id == id)
            .map(|i| i as EntryId)
    }

    /// Number of distinct matching keys.
    pub fn key_count(&self) -> usize {
        self.names.len() + self.adjectives.len()
    }
}

/// The keys a gazetteer name is indexed under: its folded form, and for Arabic names of several
/// words also the form without spaces (كارا باخ meets كاراباخ). Names in other scripts, and names
/// too short to be safe (one or two letters), are not indexed.
pub fn name_keys(name: &str) -> Vec<String> {
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

/// The inflected forms of a folded Arabic nisba (إيراني): masculine and feminine, singular, dual
/// and plural (إيرانية، إيرانيون، إيرانيين، إيرانيان، إيرانيتان، إيرانيات). The article and
/// proclitics are handled by the recogniser.
pub fn arabic_nisba_forms(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    if base.ends_with('ي') {
        for suffix in ["ه", "ون", "ين", "ان", "تان", "تين", "ات"] {
            v.push(format!("{base}{suffix}"));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nisba_forms() {
        let forms = arabic_nisba_forms(&fold("إيراني"));
        for f in ["ايراني", "ايرانيه", "ايرانيين", "ايرانيون", "ايرانيات"]
        {
            assert!(forms.contains(&f.to_string()), "{f}");
        }
    }

    #[test]
    fn keys_for_multiword_arabic() {
        assert_eq!(name_keys("كارا باخ"), ["كارا باخ", "كاراباخ"]);
        assert_eq!(name_keys("Tel Aviv"), ["tel aviv"]);
        assert!(name_keys("北京").is_empty());
        assert!(name_keys("X").is_empty());
    }

    #[test]
    fn embedded_data_loads_and_has_the_basics() {
        let g = match Gazetteer::embedded() {
            Ok(g) => g,
            Err(e) => panic!("{e}"),
        };
        assert!(g.entries.len() > 30_000);
        let az = g.country("AZ").map(|i| g.entry(i).name_en.clone());
        assert_eq!(az.as_deref(), Some("Azerbaijan"));
        let baku: Vec<&str> = g
            .lookup(&fold("باكو"))
            .iter()
            .map(|i| g.entry(*i).id.as_str())
            .collect();
        assert!(baku.contains(&"geonames:587084"), "{baku:?}");
        let ir = g.adjective(&fold("إيرانية")).map(|i| g.entry(i).cc.clone());
        assert_eq!(ir.as_deref(), Some("IR"));
    }
}
