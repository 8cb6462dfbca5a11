//! The offline world gazetteer: countries, admin-1 regions, populated places, curated regions and
//! waters, and country adjectives, from the files under `data/` (built by
//! `scripts/build_data.py`), with the name index built by `build.rs` (see [`crate::names`]).
//!
//! The data is compiled into the binary, so the app and the CLI never read the network or depend on
//! the working directory. Loading parses no text of the table: each entry comes from a record that
//! the build parsed once (see [`crate::names::Record`]).

use crate::model::PlaceKind;
use crate::names::{Record, FLAG_CAPITAL, FLAG_HISTORICAL, KINDS, PREFERRED, RECORD_BYTES};
use crate::text::fold;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Name index built by build.rs from data/gazetteer.tsv.gz.
static NAMES_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
static ENTRIES: &str = include_str!(concat!(env!("OUT_DIR"), "/entries.tsv"));
/// One record per entry (see [`names::Record`]): the rows of `ENTRIES` parsed at build time.
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/entries.bin"));
/// Country adjectives and demonyms.
static DEMONYMS: &str = include_str!("../data/demonyms.tsv");
/// Matching keys that are ordinary words far more often than places, learned from development
/// corpora by `kharita learn-stoplist`.
static STOPLIST: &str = include_str!("../data/stoplist.tsv");
/// Given names (a place name right after one is a surname), learned by the same command.
static GIVEN_NAMES: &str = include_str!("../data/given-names.tsv");
static EN_GIVEN_NAMES: &str = include_str!("../data/en-given-names.tsv");
/// US counties and parishes: name, admin-1 key of their state, FIPS code, coordinates.
static US_COUNTIES: &str = include_str!("../data/us-counties.tsv");
/// US towns of the gazetteer with the FIPS code of the county they lie in.
static US_TOWN_COUNTIES: &str = include_str!("../data/us-town-counties.tsv");
/// Abbreviations of states written after a town ("Athens, Ga."), by admin-1 key.
static STATE_ABBREVIATIONS: &str = include_str!("../data/state-abbreviations.tsv");

/// Index of an entry in [`Gazetteer::entries`].
pub type EntryId = u32;

/// One place of the gazetteer. Its text fields borrow the compiled-in table, so loading copies
/// nothing but numbers.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Stable id (`iso3166:AZ`, `geonames:587084`, ...).
    pub id: &'static str,
    /// Kind of place.
    pub kind: PlaceKind,
    /// A continent or macro-region (reported as a region).
    pub continent: bool,
    /// ISO 3166-1 alpha-2 code, empty for none.
    pub cc: &'static str,
    /// Admin-1 code (GeoNames code for cities, ISO 3166-2 for regions).
    pub admin1: &'static str,
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
    pub name_en: &'static str,
    /// Arabic name (may be empty).
    pub name_ar: &'static str,
    /// Language-tagged preferred names as stored: `fa=تهران|ru=Тегеран`; see [`Entry::tagged`].
    pub tagged_names: &'static str,
    /// Number of names and spellings the place is known by.
    pub name_count: u32,
}

impl Entry {
    /// The id its admin-1 code would give the region a city lies in (`ne-admin1:US-KY`); right
    /// only where GeoNames and Natural Earth codes agree: see [`Gazetteer::region_id`].
    fn coded_region_id(&self) -> Option<String> {
        ((self.kind == PlaceKind::City || self.is_county())
            && !self.admin1.is_empty()
            && !self.cc.is_empty())
        .then(|| format!("ne-admin1:{}-{}", self.cc, self.admin1))
    }

    /// Language-tagged preferred names: (language, name).
    pub fn tagged(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.tagged_names
            .split('|')
            .filter_map(|t| t.split_once('='))
    }

    /// A US county or parish (a region inside a state).
    pub fn is_county(&self) -> bool {
        self.id.starts_with("us-county:")
    }
}

/// A candidate entry for a key, and whether the key is one of the entry's preferred names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// The entry.
    pub entry: EntryId,
    /// The key comes from a display or language-tagged name, not only from the alternate names.
    pub preferred: bool,
}

/// The gazetteer with its name index.
pub struct Gazetteer {
    /// All places.
    pub entries: Vec<Entry>,
    fst: fst::Map<Cow<'static, [u8]>>,
    postings: Cow<'static, [u8]>,
    adjectives: FxHashMap<Box<str>, EntryId>,
    /// First words of the adjectives of several words (sri, south, papua).
    adjective_starts: FxHashSet<Box<str>>,
    /// Provinces and states by their code (`US-KY`).
    admin1: FxHashMap<&'static str, EntryId>,
    countries: FxHashMap<&'static str, EntryId>,
    stop: FxHashSet<Box<str>>,
    given_names: FxHashSet<Box<str>>,
    /// Common English given names (US census), lower case.
    en_given_names: FxHashSet<Box<str>>,
    /// Folded county name ("laurel county") to the county entries of that name (one per state).
    counties: FxHashMap<Box<str>, Vec<EntryId>>,
    /// US town to the county entry it lies in.
    town_county: FxHashMap<EntryId, EntryId>,
    /// Folded abbreviation ("ga") to the admin-1 entry it stands for after a town.
    abbreviations: FxHashMap<Box<str>, EntryId>,
    /// Ids of the provinces that hold their country's capital (the District of Columbia).
    capital_provinces: FxHashSet<&'static str>,
    /// Countries whose GeoNames admin-1 codes name Natural Earth's provinces ([`codes_agree`]).
    codes_agree: FxHashSet<&'static str>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Gazetteer({} entries, {} keys)",
            self.entries.len(),
            self.fst.len()
        )
    }
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
                Gazetteer::empty()
            }
        })
    }

    fn empty() -> Gazetteer {
        Gazetteer {
            entries: Vec::new(),
            fst: fst::Map::default()
                .map_data(Cow::Owned)
                .unwrap_or_else(|_| unreachable!()),
            postings: Cow::Borrowed(&[]),
            adjectives: FxHashMap::default(),
            adjective_starts: FxHashSet::default(),
            admin1: FxHashMap::default(),
            countries: FxHashMap::default(),
            stop: FxHashSet::default(),
            given_names: FxHashSet::default(),
            en_given_names: FxHashSet::default(),
            counties: FxHashMap::default(),
            town_county: FxHashMap::default(),
            abbreviations: FxHashMap::default(),
            capital_provinces: FxHashSet::default(),
            codes_agree: FxHashSet::default(),
        }
    }

    /// Load the gazetteer compiled into the program.
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::embedded_with_stoplist(STOPLIST)
    }

    /// The compiled-in gazetteer with another stop-list (empty to learn one afresh).
    pub fn embedded_with_stoplist(stoplist: &str) -> Result<Gazetteer, GazetteerError> {
        let fst =
            fst::Map::new(Cow::Borrowed(NAMES_FST)).map_err(|e| GazetteerError(e.to_string()))?;
        Gazetteer::assemble(
            ENTRIES,
            RECORDS,
            fst,
            Cow::Borrowed(POSTINGS),
            DEMONYMS,
            stoplist,
        )
    }

    fn assemble(
        entries_text: &'static str,
        records: &[u8],
        fst: fst::Map<Cow<'static, [u8]>>,
        postings: Cow<'static, [u8]>,
        demonyms: &str,
        stoplist: &str,
    ) -> Result<Gazetteer, GazetteerError> {
        let mut g = Gazetteer {
            fst,
            postings,
            ..Gazetteer::empty()
        };
        // Entries borrow their text from the compiled-in table; their numbers were parsed when
        // the program was built.
        if !records.len().is_multiple_of(RECORD_BYTES) {
            return Err(GazetteerError(format!(
                "entry records: {} bytes, not a multiple of {RECORD_BYTES}",
                records.len()
            )));
        }
        g.entries
            .reserve_exact(records.len() / RECORD_BYTES + US_COUNTIES.lines().count());
        for r in records.chunks_exact(RECORD_BYTES) {
            g.entries
                .push(entry_from_record(entries_text, &Record::decode(r))?);
        }
        // Historical states have adjectives too (السوفياتي, Soviet): the demonym table names
        // them by their curated id.
        let mut historical: FxHashMap<&str, EntryId> = FxHashMap::default();
        for (i, entry) in g.entries.iter().enumerate() {
            if entry.kind == PlaceKind::Country && !entry.cc.is_empty() && !entry.historical {
                g.countries.insert(entry.cc, i as EntryId);
            }
            if entry.historical {
                historical.insert(entry.id, i as EntryId);
            }
        }
        for line in demonyms.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                continue;
            }
            let Some(&country) = g.countries.get(f[0]).or_else(|| historical.get(f[0])) else {
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
                if let Some((first, _)) = form.split_once(' ') {
                    g.adjective_starts.insert(first.into());
                }
                g.adjectives.entry(form.into_boxed_str()).or_insert(country);
            }
        }
        g.stop = key_set(stoplist);
        g.given_names = key_set(GIVEN_NAMES);
        g.en_given_names = key_set(EN_GIVEN_NAMES);
        g.admin1 = g
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| Some((e.id.strip_prefix("ne-admin1:")?, i as EntryId)))
            .collect();
        g.codes_agree = codes_agree(&g.entries, &g.admin1);
        for line in STATE_ABBREVIATIONS.lines().skip(1) {
            let Some((abbr, state)) = line.split_once('\t') else {
                continue;
            };
            if let Some(&e) = g.admin1.get(state) {
                g.abbreviations.insert(fold(abbr).into_boxed_str(), e);
            }
        }
        // US counties are entries of their own (kind region, id `us-county:FIPS`), reached
        // only through the county rule of recognition, never through the name index.
        let mut counties: FxHashMap<Box<str>, Vec<EntryId>> = FxHashMap::default();
        let mut county_entries = Vec::new();
        let mut by_fips: FxHashMap<&str, EntryId> = FxHashMap::default();
        for line in US_COUNTIES.lines().skip(1) {
            let f: Vec<&str> = line.split('\t').collect();
            let [name, state, fips, lat, lon] = f[..] else {
                return Err(GazetteerError(format!("county row {line:.60}")));
            };
            let Some(&s) = g.admin1.get(state) else {
                continue;
            };
            let num = |v: &str| {
                v.parse::<f64>()
                    .map_err(|_| GazetteerError(format!("bad number {v} in county row {name}")))
            };
            let code = state.strip_prefix("US-").unwrap_or(state);
            // Made once per program run (the gazetteer lives as long), so they are leaked to
            // borrow like the other entries' text.
            let entry = Entry {
                id: format!("us-county:{fips}").leak(),
                kind: PlaceKind::Region,
                continent: false,
                cc: "US",
                admin1: code,
                lat: num(lat)?,
                lon: num(lon)?,
                population: 0,
                capital: false,
                historical: false,
                name_en: format!("{name}, {}", g.entries[s as usize].name_en).leak(),
                name_ar: "",
                tagged_names: "",
                name_count: 1,
            };
            let id = (g.entries.len() + county_entries.len()) as EntryId;
            counties
                .entry(compact_county_key(&fold(name)).into_boxed_str())
                .or_default()
                .push(id);
            by_fips.insert(fips, id);
            county_entries.push(entry);
        }
        g.entries.extend(county_entries);
        // Only a province named like its capital (Washington, the District of Columbia; Brussels
        // Capital): another province that holds it is not what the capital's name means.
        let named_alike = |a: &str, b: &str| {
            let (a, b) = (fold(a), fold(b));
            !a.is_empty() && !b.is_empty() && (a.starts_with(&b) || b.starts_with(&a))
        };
        g.capital_provinces = g
            .entries
            .iter()
            .filter(|e| e.capital && e.kind == PlaceKind::City)
            .filter_map(|e| {
                let p = &g.entries[g.province_of(e)? as usize];
                named_alike(e.name_en, p.name_en).then_some(p.id)
            })
            .collect();
        let us_towns: FxHashMap<&str, EntryId> = g
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == PlaceKind::City && e.cc == "US")
            .map(|(i, e)| (e.id, i as EntryId))
            .collect();
        let mut town_county = FxHashMap::default();
        for line in US_TOWN_COUNTIES.lines().skip(1) {
            let Some((town, fips)) = line.split_once('\t') else {
                return Err(GazetteerError(format!("town county row {line:.60}")));
            };
            if let (Some(&t), Some(&c)) = (us_towns.get(town), by_fips.get(fips)) {
                town_county.insert(t, c);
            }
        }
        g.town_county = town_county;
        g.counties = counties;
        Ok(g)
    }

    /// Entries whose name folds to `key`.
    pub fn lookup(&self, key: &str) -> Vec<Posting> {
        let Some(offset) = self.fst.get(key) else {
            return Vec::new();
        };
        let read = |at: usize| -> Option<u32> {
            let b = self.postings.get(at..at + 4)?;
            Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        };
        let at = offset as usize;
        let n = read(at).unwrap_or(0) as usize;
        (0..n)
            .filter_map(|i| read(at + 4 + 4 * i))
            .map(|v| Posting {
                entry: v & !PREFERRED,
                preferred: v & PREFERRED != 0,
            })
            .filter(|p| (p.entry as usize) < self.entries.len())
            .collect()
    }

    /// True when some entry has a name folding to `key`.
    pub fn has_name(&self, key: &str) -> bool {
        self.fst.contains_key(key)
    }

    /// How many words, starting with `first` and followed by `rest` (joined by a space, or run
    /// together when `spaced` is false), spell the beginning of some key: 0 when not even `first`
    /// does, `n` when `first` and the next `n - 1` words do. One walk down the index replaces a
    /// look-up per candidate length.
    pub fn prefix_reach<'w>(
        &self,
        first: &str,
        rest: impl IntoIterator<Item = &'w str>,
        spaced: bool,
    ) -> usize {
        let fst = self.fst.as_fst();
        let mut node = fst.root();
        let mut feed = |bytes: &[u8]| {
            for &b in bytes {
                match node.find_input(b) {
                    Some(k) => node = fst.node(node.transition(k).addr),
                    None => return false,
                }
            }
            true
        };
        if !feed(first.as_bytes()) {
            return 0;
        }
        let mut n = 1;
        for w in rest {
            if (spaced && !feed(b" ")) || !feed(w.as_bytes()) {
                break;
            }
            n += 1;
        }
        n
    }

    /// The US state an abbreviation written after a town stands for ("ga": Georgia).
    pub fn state_abbreviation(&self, key: &str) -> Option<EntryId> {
        self.abbreviations.get(key).copied()
    }

    /// Whether this province holds its country's capital (where the codes agree).
    pub fn holds_capital(&self, province: &Entry) -> bool {
        self.capital_provinces.contains(province.id)
    }

    /// The gazetteer id of the admin-1 region a town or US county lies in (`ne-admin1:US-KY`),
    /// where GeoNames and Natural Earth codes agree (the United States and others whose GeoNames
    /// admin-1 codes are ISO 3166-2 suffixes, see [`codes_agree`]); `None` elsewhere.
    pub fn region_id(&self, e: &Entry) -> Option<String> {
        if !self.codes_agree.contains(e.cc) {
            return None;
        }
        e.coded_region_id()
    }

    /// The province or state a town lies in ([`Gazetteer::region_id`]).
    pub fn province_of(&self, town: &Entry) -> Option<EntryId> {
        let id = self.region_id(town)?;
        self.admin1
            .get(id.strip_prefix("ne-admin1:").unwrap_or(&id))
            .copied()
    }

    /// Whether some adjective of several words begins with this key (sri: Sri Lankan).
    pub fn starts_adjective(&self, key: &str) -> bool {
        self.adjective_starts.contains(key)
    }

    /// The country an adjective key belongs to.
    pub fn adjective(&self, key: &str) -> Option<EntryId> {
        self.adjectives.get(key).copied()
    }

    /// The county a US town lies in.
    pub fn county_of(&self, town: EntryId) -> Option<EntryId> {
        self.town_county.get(&town).copied()
    }

    /// The US counties or parishes of this folded name ("laurel county"), one per state that
    /// has one; empty for any other key. The name is compared without its inner spaces, as
    /// texts write it both ways (DeSoto Parish, officially De Soto Parish).
    pub fn counties(&self, key: &str) -> &[EntryId] {
        self.counties
            .get(compact_county_key(key).as_str())
            .map_or(&[], Vec::as_slice)
    }

    /// True when `key` is on the learned stop-list (an ordinary word more often than a place).
    pub fn is_stopword(&self, key: &str) -> bool {
        self.stop.contains(key)
    }

    /// True when `key` is a learned given name.
    pub fn is_given_name(&self, key: &str) -> bool {
        self.given_names.contains(key)
    }

    /// True when `key` (lower case) is a common English given name.
    pub fn is_english_given_name(&self, key: &str) -> bool {
        self.en_given_names.contains(key)
    }

    /// The country entry of an ISO alpha-2 code.
    pub fn country(&self, cc: &str) -> Option<EntryId> {
        self.countries.get(cc).copied()
    }

    /// Number of names of an entry.
    pub fn name_count(&self, id: EntryId) -> usize {
        self.entry(id).name_count as usize
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
        self.fst.len() + self.adjectives.len()
    }
}

/// A county's folded name without the spaces before its last word ("de soto parish" and
/// "desoto parish" are both "desoto parish").
fn compact_county_key(key: &str) -> String {
    match key.rsplit_once(' ') {
        Some((name, word)) => format!("{} {word}", name.replace(' ', "")),
        None => key.to_string(),
    }
}

/// The first column of each non-comment line, folded.
fn key_set(table: &str) -> FxHashSet<Box<str>> {
    table
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| fold(l.split('\t').next().unwrap_or(l)).into_boxed_str())
        .collect()
}

/// An entry from its build-time record and the table text its names borrow.
fn entry_from_record(text: &'static str, r: &Record) -> Result<Entry, GazetteerError> {
    let col = |i: usize| {
        r.column(text, i).ok_or_else(|| {
            GazetteerError(format!(
                "entry record at byte {} outside the table",
                r.start
            ))
        })
    };
    let (kind, continent) = match KINDS.get(r.kind as usize).copied() {
        Some("country") => (PlaceKind::Country, false),
        Some("region") => (PlaceKind::Region, false),
        Some("city") => (PlaceKind::City, false),
        Some("water") => (PlaceKind::Water, false),
        Some("continent") => (PlaceKind::Region, true),
        Some("landmark") => (PlaceKind::Landmark, false),
        _ => return Err(GazetteerError(format!("entry record: kind {}", r.kind))),
    };
    Ok(Entry {
        id: col(0)?,
        kind,
        continent,
        cc: col(2)?,
        admin1: col(3)?,
        lat: r.lat,
        lon: r.lon,
        population: r.population,
        capital: r.flags & FLAG_CAPITAL != 0,
        historical: r.flags & FLAG_HISTORICAL != 0,
        name_en: col(8)?,
        name_ar: col(9)?,
        tagged_names: col(10)?,
        name_count: r.names,
    })
}

/// Countries whose GeoNames admin-1 codes name the same provinces as Natural Earth's ISO 3166-2
/// codes. Elsewhere the two number their provinces differently (GeoNames puts Riyadh in SA-10,
/// which ISO calls Najran; Turkey's numbers agree for most provinces, not Ankara's). Each code is
/// judged by its largest town of [`AGREE_MIN_POPULATION`] or more (the [`AGREE_SAMPLE`] codes
/// of the largest towns): the code agrees when fewer than three other provinces' label points lie
/// nearer the town than its coded province's (a label point is not always the nearest: large
/// provinces, small neighbours; a wrong numbering puts it far off). A country agrees when at
/// least [`AGREE_SHARE`] of at least [`AGREE_MIN_CODES`] codes do, among more provinces than
/// that (with a handful of provinces every one is among the nearest). Measured on the table:
/// the United States 0.95 of 40 codes, Switzerland 0.91 of 23; Turkey 0.81, Malaysia 0.60;
/// France, Japan, Iran and Saudi Arabia below 0.4.
fn codes_agree(
    entries: &[Entry],
    admin1: &FxHashMap<&'static str, EntryId>,
) -> FxHashSet<&'static str> {
    let mut provinces: FxHashMap<&str, Vec<(f64, f64, EntryId)>> = FxHashMap::default();
    for &id in admin1.values() {
        let p = &entries[id as usize];
        provinces.entry(p.cc).or_default().push((p.lat, p.lon, id));
    }
    // The largest town of each (country, code).
    let mut largest: FxHashMap<(&str, &str), EntryId> = FxHashMap::default();
    for (i, e) in entries.iter().enumerate() {
        if e.kind == PlaceKind::City
            && e.population >= AGREE_MIN_POPULATION
            && !e.admin1.is_empty()
            && provinces.contains_key(e.cc)
        {
            let slot = largest.entry((e.cc, e.admin1)).or_insert(i as EntryId);
            if entries[*slot as usize].population < e.population {
                *slot = i as EntryId;
            }
        }
    }
    let mut towns: FxHashMap<&str, Vec<(u64, EntryId)>> = FxHashMap::default();
    for ((cc, _), t) in largest {
        towns
            .entry(cc)
            .or_default()
            .push((entries[t as usize].population, t));
    }
    // Squared distance on a plane stretched by the cosine of the town's latitude: enough to
    // rank a country's provinces.
    let d2 = |a: (f64, f64), b: (f64, f64), k: f64| {
        let dx = (a.1 - b.1) * k;
        let dy = a.0 - b.0;
        dx * dx + dy * dy
    };
    let mut out = FxHashSet::default();
    for (cc, mut list) in towns {
        let provs = &provinces[cc];
        if provs.len() <= AGREE_MIN_CODES {
            continue;
        }
        if list.len() > AGREE_SAMPLE {
            list.select_nth_unstable_by(AGREE_SAMPLE, |a, b| b.0.cmp(&a.0));
            list.truncate(AGREE_SAMPLE);
        }
        let (mut near, mut coded) = (0usize, 0usize);
        for (_, t) in list {
            let e = &entries[t as usize];
            let Some(&p) = admin1.get(format!("{}-{}", e.cc, e.admin1).as_str()) else {
                continue;
            };
            coded += 1;
            let k = e.lat.to_radians().cos();
            let pe = &entries[p as usize];
            let own = d2((e.lat, e.lon), (pe.lat, pe.lon), k);
            let closer = provs
                .iter()
                .filter(|q| q.2 != p && d2((e.lat, e.lon), (q.0, q.1), k) < own)
                .count();
            if closer < 3 {
                near += 1;
            }
        }
        if coded >= AGREE_MIN_CODES && near as f64 >= AGREE_SHARE * coded as f64 {
            out.insert(cc);
        }
    }
    out
}

/// How many of a country's codes [`codes_agree`] looks at (those of its largest towns).
const AGREE_SAMPLE: usize = 40;
/// Towns smaller than this are not looked at (fewer to sort through at start-up).
const AGREE_MIN_POPULATION: u64 = 10_000;
/// The fewest codes a country is judged on, and the fewest provinces it must have more of.
const AGREE_MIN_CODES: usize = 8;
/// The share of codes that must lie near the province they name.
const AGREE_SHARE: f64 = 0.9;

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

    /// Every compiled-in entry agrees with its row of the entry text: a record pointing at the
    /// wrong bytes would give garbled ids and names without failing.
    #[test]
    fn every_record_agrees_with_its_row() {
        let g = Gazetteer::shared();
        let rows: Vec<&str> = ENTRIES.lines().collect();
        assert_eq!(rows.len(), RECORDS.len() / RECORD_BYTES);
        for (row, e) in rows.iter().zip(&g.entries) {
            let c: Vec<&str> = row.split('\t').collect();
            assert_eq!(
                (e.id, e.cc, e.admin1, e.name_en, e.name_ar, e.tagged_names),
                (c[0], c[2], c[3], c[8], c[9], c[10]),
                "{row}"
            );
            assert_eq!(
                (e.lat.to_string(), e.population),
                (
                    c[4].parse::<f64>()
                        .map(|x| x.to_string())
                        .unwrap_or_default(),
                    c[6].parse().unwrap_or(0)
                ),
                "{row}"
            );
        }
    }

    /// A row's record, written at build time and read back at start-up, gives the row's
    /// columns and numbers, in Arabic as in Latin script.
    #[test]
    fn records_give_back_the_row() {
        let row = "geonames:148445\tcity\tAZ\t36\t38.4560\t48.8750\t15190\tcapital\tAstara\tآستارا\tar=آستارا|ru=Астара";
        let cols: Vec<&str> = row.split('\t').collect();
        let text: &'static str = Box::leak(format!("x\n{row}\t7\n").into_boxed_str());
        let mut bytes = Vec::new();
        Record::parse(2, &cols, 7)
            .expect("a good row")
            .encode(&mut bytes);
        assert_eq!(bytes.len(), RECORD_BYTES);
        let e = entry_from_record(text, &Record::decode(&bytes)).expect("a good record");
        assert_eq!(
            (e.id, e.cc, e.admin1, e.name_en, e.name_ar, e.tagged_names),
            (
                "geonames:148445",
                "AZ",
                "36",
                "Astara",
                "آستارا",
                "ar=آستارا|ru=Астара"
            )
        );
        assert_eq!(
            (e.lat, e.lon, e.population, e.name_count),
            (38.456, 48.875, 15190, 7)
        );
        assert!(e.capital && !e.historical && e.kind == PlaceKind::City);
        assert!(
            Record::parse(0, &["x", "planet", "", "", "0", "0", "", "", "", "", ""], 0).is_err()
        );
    }

    /// GeoNames and Natural Earth number the provinces of the United States alike, not those of
    /// Saudi Arabia or France: a town's province is known only where they agree.
    #[test]
    fn province_codes_are_trusted_only_where_they_agree() {
        let g = Gazetteer::shared();
        let city = |id: &str| {
            g.entries
                .iter()
                .find(|e| e.id == id)
                .unwrap_or_else(|| panic!("{id}"))
        };
        let province = |id: &str| g.province_of(city(id)).map(|p| g.entry(p).id);
        // Louisville, Kentucky; Washington, District of Columbia.
        assert_eq!(province("geonames:4299276"), Some("ne-admin1:US-KY"));
        assert_eq!(province("geonames:4140963"), Some("ne-admin1:US-DC"));
        // Riyadh (GeoNames code 10, which is Najran in ISO 3166-2), Paris, and Ankara (68,
        // Aksaray in ISO, though most Turkish codes agree).
        assert_eq!(province("geonames:108410"), None);
        assert_eq!(province("geonames:2988507"), None);
        assert_eq!(province("geonames:323786"), None);
        let dc = city("ne-admin1:US-DC");
        assert!(g.holds_capital(dc));
        assert!(!g.holds_capital(city("ne-admin1:US-WA")));
        assert!(!g.holds_capital(city("ne-admin1:SA-10")));
    }

    #[test]
    fn prefix_reach_counts_the_words_a_name_can_span() {
        let g = Gazetteer::shared();
        let reach = |first: &str, rest: &[&str], spaced: bool| {
            g.prefix_reach(&fold(first), rest.iter().copied(), spaced)
        };
        // "tel aviv" is a key; "tel aviv yafo" too; nothing goes on with "said".
        assert_eq!(reach("Tel", &["aviv", "said"], true), 2);
        assert_eq!(reach("Baku", &["said"], true), 1);
        assert_eq!(reach("Qzxqzx", &["said"], true), 0);
        // Arabic words run together: كارا باخ is also written كاراباخ.
        assert_eq!(reach("كارا", &["باخ", "في"], false), 2);
        // "new" starts many names; "new york city" reaches three words.
        assert_eq!(reach("New", &["york", "city", "today"], true), 3);
    }

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
        use crate::names::name_keys;
        assert_eq!(name_keys("كارا باخ"), ["كارا باخ", "كاراباخ"]);
        assert_eq!(name_keys("Tel Aviv"), ["tel aviv"]);
        assert!(name_keys("北京").is_empty());
        assert!(name_keys("X").is_empty());
    }

    #[test]
    fn persian_spellings_do_not_reach_places_with_an_arabic_name() {
        use crate::names::has_non_arabic_letters;
        assert!(has_non_arabic_letters("الجزیره"));
        assert!(!has_non_arabic_letters("الجزيرة"));
        let g = Gazetteer::shared();
        let ids = |name: &str| -> Vec<&str> {
            g.lookup(&fold(name))
                .iter()
                .map(|p| g.entry(p.entry).id)
                .collect()
        };
        // Algeria's Persian name الجزیره folds like the Arabic word الجزيرة (island; the channel).
        assert!(!ids("الجزيرة").contains(&"iso3166:DZ"));
        assert!(ids("الجزائر").contains(&"iso3166:DZ"));
        // Persian مراکش is Morocco; Arabic مراكش is Marrakesh.
        assert!(!ids("مراكش").contains(&"iso3166:MA"));
        // A spelling Arabic writers share with Persian comes from the curated aliases.
        assert!(ids("تايلند").contains(&"iso3166:TH"));
    }

    #[test]
    fn embedded_data_loads_and_has_the_basics() {
        let g = match Gazetteer::embedded() {
            Ok(g) => g,
            Err(e) => panic!("{e}"),
        };
        assert!(g.entries.len() > 30_000);
        let az = g.country("AZ").map(|i| g.entry(i).name_en);
        assert_eq!(az, Some("Azerbaijan"));
        let baku: Vec<&str> = g
            .lookup(&fold("باكو"))
            .iter()
            .map(|p| g.entry(p.entry).id)
            .collect();
        assert!(baku.contains(&"geonames:587084"), "{baku:?}");
        let ir = g.adjective(&fold("إيرانية")).map(|i| g.entry(i).cc);
        assert_eq!(ir, Some("IR"));
    }
}
