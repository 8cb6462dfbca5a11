//! Resolution: choose, for each recognised span, the gazetteer entry it means, with a score and
//! the reasons in words. Evidence: the kind of place (a country's name is the country), population
//! and capital status, how widely known a place is (how many names it has), the countries and
//! provinces named in the same sentence (a name weighs more than an adjective: "Iranian
//! helicopters ... Azerbaijan's airspace near Astara" puts Astara in Azerbaijan), the countries and
//! provinces of the whole article, and nearness to the article's other places. One name keeps one
//! meaning throughout an article.

use crate::gazetteer::{Entry, EntryId, Gazetteer, Posting};
use crate::model::{MentionForm, PlaceKind};
use crate::recognize::{Cue, Span};
use rustc_hash::FxHashMap;

/// A resolved span.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The chosen entry.
    pub entry: EntryId,
    /// Its score.
    pub score: f64,
    /// The name means this place elsewhere in the article, which outweighed this span's own
    /// evidence (one sense per discourse).
    pub by_discourse: bool,
    /// Other candidates with their scores, best first (at most five).
    pub alternatives: Vec<(EntryId, f64)>,
}

/// Weights of the evidence; one place to read and tune them (tuned on LGL and GeoWebNews, and on
/// ANERcorp train, never on the test corpora).
mod weight {
    pub const COUNTRY: f64 = 3.0;
    pub const COUNTRY_OTHER_NAME: f64 = 2.0;
    pub const CONTINENT: f64 = 4.0;
    pub const CURATED_REGION: f64 = 2.5;
    pub const WATER: f64 = 2.0;
    pub const ADMIN1: f64 = 2.2;
    pub const POPULATION: f64 = 0.25;
    pub const NAMES: f64 = 0.2;
    pub const PREFERRED_NAME: f64 = 1.0;
    pub const CAPITAL: f64 = 0.5;
    pub const SENTENCE_COUNTRY_NAME: f64 = 1.5;
    pub const SENTENCE_COUNTRY_ADJ: f64 = 0.5;
    pub const ARTICLE_COUNTRY: f64 = 4.0;
    /// The part of the country evidence a village keeps when a world city abroad shares its name.
    pub const SHADOWED: f64 = 0.25;
    pub const SENTENCE_REGION: f64 = 1.5;
    pub const ARTICLE_REGION: f64 = 1.5;
    pub const NEAR_OTHER_PLACE: f64 = 1.5;
    pub const SETTLEMENT_CUE: f64 = 0.5;
    pub const KIND_WORD: f64 = 2.0;
    pub const AMONG_COUNTRIES: f64 = 1.0;
    /// Kilometres within which another place of the article counts as near.
    pub const NEAR_KM: f64 = 250.0;
    /// A county closer still to another place: more likely the county that place is in (Paris
    /// and Henry County, Tennessee).
    pub const CLOSE_TO_OTHER_PLACE: f64 = 0.5;
    pub const CLOSE_KM: f64 = 50.0;
    /// A name and the name after it with a comma that contains it ("Athens, Georgia").
    pub const QUALIFIER: f64 = 2.0;
    /// A town and a county of the article that fit each other.
    pub const TOWN_AND_COUNTY: f64 = 1.5;
    /// A small town called like a country, a sea, a region or a province it is not in, with
    /// nothing saying the town.
    pub const NAMESAKE: f64 = 3.0;
}

/// Great-circle distance in kilometres between two (latitude, longitude) points.
///
/// ```
/// let km = kharita::resolve::distance_km((40.3777, 49.892), (35.6944, 51.4215)); // Baku, Tehran
/// assert!((500.0..560.0).contains(&km));
/// ```
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine.distance(Point::new(a.1, a.0), Point::new(b.1, b.0)) / 1000.0
}

/// A national capital of 100,000 or more (not Plymouth, Montserrat), or a city of a million.
fn world_city(e: &Entry) -> bool {
    e.kind == PlaceKind::City
        && ((e.capital && e.population >= 100_000) || e.population >= 1_000_000)
}

/// Population below which a town is a small one beside a world city of its name.
const SHADOWED_BELOW: u64 = 100_000;
/// Within this distance of a province's middle a town of its name is its seat.
const NAMESAKE_SEAT_KM: f64 = 150.0;
/// A town's province by code is believed only when its middle is this close to the town.
const OWN_PROVINCE_KM: f64 = 800.0;

fn kind_prior(e: &Entry) -> (f64, &'static str) {
    match e.kind {
        PlaceKind::Country => (weight::COUNTRY, "a country's name names the country"),
        PlaceKind::Region if e.continent => (weight::CONTINENT, "a continent or macro-region"),
        PlaceKind::Region if e.id.starts_with("curated:") => {
            (weight::CURATED_REGION, "a well-known region")
        }
        PlaceKind::Region if e.is_county() => (weight::ADMIN1, "a county named with its word"),
        PlaceKind::Region => (weight::ADMIN1, "a province or state"),
        PlaceKind::Water => (weight::WATER, "a sea, lake or river"),
        PlaceKind::City | PlaceKind::Landmark => (0.0, ""),
    }
}

/// What the article and each sentence say about countries and provinces.
#[derive(Default)]
struct Evidence {
    /// Country names of each sentence, with the group of the name that gave them (a name, and
    /// the other mentions of the same name, are not evidence for itself).
    sentence_names: FxHashMap<usize, Vec<(&'static str, EntryId)>>,
    sentence_adjs: FxHashMap<usize, Vec<&'static str>>,
    /// Provinces named in each sentence, with the group of the name (not evidence for itself:
    /// "Minnesota" is no Minneota because Minnesota is named).
    sentence_regions: FxHashMap<usize, Vec<(&'static str, EntryId)>>,
    /// Weight of each country over the article's mentions, and the part of it that each name
    /// contributes (a name is not evidence for itself).
    weights: FxHashMap<&'static str, f64>,
    total: f64,
    by_key: FxHashMap<(EntryId, &'static str), f64>,
    key_total: FxHashMap<EntryId, f64>,
    article_regions: FxHashMap<&'static str, Vec<EntryId>>,
    anchors: Anchors,
    /// What the names say of each other whatever they resolve to (the same in every round).
    pairs: Pairs,
}

/// Readings of two names that fit each other, from the candidates alone: gathered once per
/// article, not per round of resolution.
#[derive(Default)]
struct Pairs {
    /// US counties that some county name of the article may mean, with those names (hashed
    /// keys); and the counties that some town a name of the article may mean lies in. By name,
    /// not by group: "Charleston County" has the town Charleston among its readings, which puts
    /// both names in one group.
    counties_named: FxHashMap<EntryId, Vec<u64>>,
    counties_of_towns: FxHashMap<EntryId, Vec<u64>>,
    /// "Birmingham, England", "Athens, Georgia": by the start of each span, the candidates of
    /// the name written right after it with a comma (what may contain it), and of the name right
    /// before it (what it may contain).
    qualifier_after: FxHashMap<usize, Vec<EntryId>>,
    qualified_before: FxHashMap<usize, Vec<EntryId>>,
    /// By the start of each span, the countries, provinces, seas and regions whose name it is
    /// (China, Florida, the Atlantic).
    namesakes: FxHashMap<usize, Vec<EntryId>>,
    /// By the start of each span, the countries of the national capitals and cities of a
    /// million among its readings (Brussels: Belgium).
    world_cities: FxHashMap<usize, Vec<&'static str>>,
}

/// Whether `container` (a country, or a province or state) holds `e`.
fn holds(g: &Gazetteer, container: &Entry, e: &Entry) -> bool {
    if container.is_county() || e.cc.is_empty() || container.cc != e.cc || container.id == e.id {
        return false;
    }
    match container.kind {
        PlaceKind::Country => e.kind != PlaceKind::Country,
        PlaceKind::Region if container.id.starts_with("ne-admin1:") => {
            g.region_id(e).as_deref() == Some(container.id)
        }
        // A region without first-level codes in common (England, Scotland): its country's.
        PlaceKind::Region => e.kind == PlaceKind::City,
        _ => false,
    }
}

/// The positions of the article's chosen places, each once, bucketed in cells of a few degrees so
/// that "is any of them near this candidate?" costs a handful of distance computations however
/// long the article is (a plain list made resolution quadratic in the number of mentions).
#[derive(Default)]
struct Anchors {
    /// Positions of the chosen places, with the group of the name that chose each.
    cells: FxHashMap<(i32, i32), Vec<Anchor>>,
}

/// A chosen place's (latitude, longitude) and the group of the name that chose it.
type Anchor = ((f64, f64), EntryId);

impl Anchors {
    /// Cell size in degrees; a cell is about 220 km high.
    const CELL: f64 = 2.0;

    fn cell(lat: f64, lon: f64) -> (i32, i32) {
        (
            (lat / Self::CELL).floor() as i32,
            (lon / Self::CELL).floor() as i32,
        )
    }

    fn insert(&mut self, p: (f64, f64), group: EntryId) {
        let cell = self.cells.entry(Self::cell(p.0, p.1)).or_default();
        if !cell.contains(&(p, group)) {
            cell.push((p, group));
        }
    }

    /// Whether an anchor chosen by a name outside `group` lies within `km` of `p` (a name, and
    /// the other readings of it, are no evidence for itself: Arizona the state does not bring
    /// Arizona City near another place).
    fn any_near(&self, p: (f64, f64), group: EntryId, km: f64) -> bool {
        if self.cells.is_empty() {
            return false;
        }
        let dlat = km / 111.0;
        // Longitude degrees shrink towards the poles: widen the search by the row furthest from
        // the equator, and search every longitude near the poles.
        let far_lat = (p.0.abs() + dlat).min(90.0);
        let cos = far_lat.to_radians().cos();
        let dlon = if cos < 0.05 {
            180.0
        } else {
            (dlat / cos).min(180.0)
        };
        let (r0, c0) = Self::cell(p.0 - dlat, p.1 - dlon);
        let (r1, c1) = Self::cell(p.0 + dlat, p.1 + dlon);
        let wraps = dlon >= 180.0 || p.1 - dlon < -180.0 || p.1 + dlon > 180.0;
        let near = |(a, from): &Anchor| *from != group && distance_km(*a, p) < km;
        if wraps || (c1 - c0 + 1) as usize * (r1 - r0 + 1) as usize > self.cells.len() {
            return self.cells.values().flatten().any(near);
        }
        (r0..=r1)
            .any(|r| (c0..=c1).any(|c| self.cells.get(&(r, c)).is_some_and(|v| v.iter().any(near))))
    }
}

fn unambiguous_country(span: &Span, g: &Gazetteer) -> Option<&'static str> {
    let countries: Vec<&Entry> = span
        .candidates
        .iter()
        .map(|c| g.entry(*c))
        .filter(|e| e.kind == PlaceKind::Country)
        .collect();
    if countries.len() == 1 {
        Some(countries[0].cc)
    } else {
        None
    }
}

/// Rounds of scoring and gathering evidence in [`resolve`].
const ROUNDS: usize = 3;

/// Groups of spans that could name the same place (they share a candidate, directly or through
/// other spans): Dublin and Dublin City are one group. A group is not evidence for itself.
fn name_groups(spans: &[Span]) -> Vec<EntryId> {
    fn find(parent: &mut FxHashMap<EntryId, EntryId>, x: EntryId) -> EntryId {
        let mut r = x;
        while let Some(&p) = parent.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        parent.insert(x, r);
        r
    }
    let mut parent: FxHashMap<EntryId, EntryId> = FxHashMap::default();
    for span in spans {
        let Some(&first) = span.candidates.first() else {
            continue;
        };
        parent.entry(first).or_insert(first);
        let root = find(&mut parent, first);
        for &c in &span.candidates[1..] {
            parent.entry(c).or_insert(c);
            let rc = find(&mut parent, c);
            if rc != root {
                parent.insert(rc, root);
            }
        }
    }
    spans
        .iter()
        .map(|s| s.candidates.first().map_or(0, |&c| find(&mut parent, c)))
        .collect()
}

/// A name's matching key, hashed.
fn key_hash(key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    key.hash(&mut h);
    h.finish()
}

impl Pairs {
    /// `postings` holds each span's name look-up ([`Gazetteer::lookup`]), made once by the caller.
    fn new(spans: &[Span], postings: &[Vec<Posting>], g: &Gazetteer) -> Pairs {
        let mut pairs = Pairs::default();
        // Town and county readings that fit each other (Huntsville lies in Walker County,
        // Texas, not in Alabama's), whatever each name is resolved to.
        for span in spans {
            let name = key_hash(&span.key);
            for &c in &span.candidates {
                let e = g.entry(c);
                let (map, county) = if e.is_county() {
                    (&mut pairs.counties_named, c)
                } else if let Some(k) = g.county_of(c).filter(|_| !span.county) {
                    // The towns behind a county's name (Jefferson for "Jefferson County") are
                    // only readings of that name, not towns the article names.
                    (&mut pairs.counties_of_towns, k)
                } else {
                    continue;
                };
                let v = map.entry(county).or_default();
                if !v.contains(&name) {
                    v.push(name);
                }
            }
        }
        // Two names joined by a comma alone, not items of a list ("Washington, New York and
        // Boston"): nothing of the same sentence right before the first or right after the
        // second, by a comma or "and" / "or".
        let joined = |a: &Span, b: &Span| {
            a.sentence == b.sentence && b.first == a.last && matches!(b.start - a.end, 2 | 5 | 6)
        };
        for (i, pair) in spans.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            let listed = (i > 0 && joined(&spans[i - 1], a))
                || spans.get(i + 2).is_some_and(|c| {
                    joined(b, c)
                        || (c.sentence == b.sentence
                            && c.first == b.last + 1
                            && c.start - b.end <= 6)
                });
            if a.sentence == b.sentence && b.first == a.last && b.start == a.end + 2 && !listed {
                pairs.qualifier_after.insert(a.start, b.candidates.clone());
                pairs.qualified_before.insert(b.start, a.candidates.clone());
            }
        }
        for (span, postings) in spans.iter().zip(postings) {
            let world: Vec<&'static str> = span
                .candidates
                .iter()
                .map(|&c| g.entry(c))
                .filter(|o| world_city(o))
                .map(|o| o.cc)
                .collect();
            if !world.is_empty() {
                pairs.world_cities.insert(span.start, world);
            }
            if span.form != MentionForm::Name
                || !span
                    .candidates
                    .iter()
                    .any(|&c| g.entry(c).kind == PlaceKind::City)
            {
                continue;
            }
            let provinces: Vec<EntryId> = postings
                .iter()
                .filter(|p| {
                    let e = g.entry(p.entry);
                    // A sea or a macro-region by any of its names (the Atlantic), a country or a
                    // province by its usual one.
                    let wide = e.kind == PlaceKind::Water || e.id.starts_with("curated:");
                    (p.preferred || wide)
                        && (e.kind == PlaceKind::Water
                            || e.kind == PlaceKind::Country
                            || (e.kind == PlaceKind::Region && !e.is_county()))
                        && span.candidates.contains(&p.entry)
                })
                .map(|p| p.entry)
                .collect();
            if !provinces.is_empty() {
                pairs.namesakes.insert(span.start, provinces);
            }
        }
        pairs
    }
}

fn gather(
    spans: &[Span],
    groups: &[EntryId],
    chosen: &[Option<EntryId>],
    g: &Gazetteer,
    pairs: Pairs,
) -> Evidence {
    let mut ev = Evidence {
        pairs,
        ..Evidence::default()
    };
    for ((span, ch), &group) in spans.iter().zip(chosen).zip(groups) {
        let cc = match ch {
            Some(e) => {
                let e = g.entry(*e);
                // A county stands in for its state or a town of its name: a guess, and no
                // evidence for the other names.
                if (!span.county || e.is_county())
                    && e.kind != PlaceKind::Country
                    && (e.kind == PlaceKind::City || !e.cc.is_empty())
                {
                    ev.anchors.insert((e.lat, e.lon), group);
                }
                if !span.county && e.kind == PlaceKind::Region && e.id.starts_with("ne-admin1:") {
                    ev.article_regions.entry(e.id).or_default().push(group);
                    ev.sentence_regions
                        .entry(span.sentence)
                        .or_default()
                        .push((e.id, group));
                }
                Some(e.cc).filter(|c| !c.is_empty())
            }
            None => unambiguous_country(span, g),
        };
        let Some(cc) = cc else { continue };
        let is_country = ch.is_none_or(|e| g.entry(e).kind == PlaceKind::Country);
        let w = match (span.form, is_country) {
            (MentionForm::Name, true) => {
                ev.sentence_names
                    .entry(span.sentence)
                    .or_default()
                    .push((cc, group));
                1.0
            }
            (MentionForm::Adjective, _) => {
                ev.sentence_adjs.entry(span.sentence).or_default().push(cc);
                0.5
            }
            (MentionForm::Name, false) => 0.5,
        };
        *ev.by_key.entry((group, cc)).or_default() += w;
        *ev.key_total.entry(group).or_default() += w;
        *ev.weights.entry(cc).or_default() += w;
        ev.total += w;
    }
    ev
}

impl Evidence {
    /// Share of the article's place weight that country `cc` has from names outside `group`.
    fn share(&self, cc: &str, group: EntryId) -> Option<f64> {
        let own = self.by_key.get(&(group, cc)).copied().unwrap_or(0.0);
        let w = self.weights.get(cc).copied().unwrap_or(0.0) - own;
        let total = self.total - self.key_total.get(&group).copied().unwrap_or(0.0);
        (w > 1e-9 && total > 1e-9).then(|| w / total)
    }
}

#[allow(clippy::too_many_arguments)]
fn score(
    span: &Span,
    group: EntryId,
    g: &Gazetteer,
    id: EntryId,
    names: usize,
    preferred: bool,
    ev: &Evidence,
    explain: bool,
) -> (f64, Vec<String>) {
    let e = g.entry(id);
    let mut s = 0.0;
    let mut why = Reasons(explain, Vec::new());
    if span.form == MentionForm::Adjective {
        return (
            weight::COUNTRY,
            vec!["an adjective of the country".to_string()],
        );
    }
    if span.spelled {
        why.push_with(|| {
            format!(
                "no Arabic name of it matches: its name {} has the consonants of the word",
                e.name_en
            )
        });
    }
    let (mut k, kw) = kind_prior(e);
    // A country called by another of its names (Norfolk for Norfolk Island, Holland) is less
    // surely the country than by its usual one: the towns called so keep a chance.
    if e.kind == PlaceKind::Country && !preferred {
        k = weight::COUNTRY_OTHER_NAME;
    }
    if k > 0.0 {
        s += k;
        why.push_with(|| kw.to_string());
    }
    if e.population > 0 && matches!(e.kind, PlaceKind::City | PlaceKind::Country) {
        s += weight::POPULATION * ((e.population as f64) + 1.0).log10();
        why.push_with(|| format!("population {}", e.population));
    }
    if preferred {
        s += weight::PREFERRED_NAME;
        why.push_with(|| "the article uses its usual name".to_string());
    }
    if names > 0 && e.kind == PlaceKind::City {
        s += weight::NAMES * (names as f64).ln_1p();
        why.push_with(|| format!("known by {names} names"));
    }
    if e.capital {
        s += weight::CAPITAL;
        why.push_with(|| "a national capital".to_string());
    }
    // A village named like a world capital or a city of millions abroad (Brussels, a US
    // hamlet of 1,100): that the article is about the village's country says less of which is
    // meant than it says of a town with no such namesake.
    let shadowed = e.kind == PlaceKind::City
        && e.population < SHADOWED_BELOW
        && ev
            .pairs
            .world_cities
            .get(&span.start)
            .is_some_and(|v| v.iter().any(|&cc| cc != e.cc));
    let shadow = if shadowed {
        why.push_with(|| "a world city abroad has its name".to_string());
        weight::SHADOWED
    } else {
        1.0
    };
    if e.kind != PlaceKind::Country && !e.cc.is_empty() {
        if ev
            .sentence_names
            .get(&span.sentence)
            .is_some_and(|v| v.iter().any(|(c, from)| c == &e.cc && *from != group))
        {
            s += weight::SENTENCE_COUNTRY_NAME * shadow;
            why.push_with(|| format!("its country ({}) is named in the same sentence", e.cc));
        } else if ev
            .sentence_adjs
            .get(&span.sentence)
            .is_some_and(|v| v.contains(&e.cc))
        {
            s += weight::SENTENCE_COUNTRY_ADJ * shadow;
            why.push_with(|| format!("its country ({}) is referred to in the same sentence", e.cc));
        }
    }
    // The article's places in the candidate's country; for a country, in the country itself
    // (برازافيل beside الكونغو).
    if !e.cc.is_empty() {
        if let Some(share) = ev.share(e.cc, group) {
            s += weight::ARTICLE_COUNTRY * share * shadow;
            why.push_with(|| {
                if e.kind == PlaceKind::Country {
                    format!(
                        "{:.0}% of the article's place mentions are in it",
                        share * 100.0
                    )
                } else {
                    format!(
                        "its country ({}) has {:.0}% of the article's place mentions",
                        e.cc,
                        share * 100.0
                    )
                }
            });
        }
    }
    // The province or state the candidate lies in (a town's or a county's).
    if span.county && e.kind == PlaceKind::City {
        why.push_with(|| {
            format!(
                "a town of the county's name in a state that has {}",
                title_case(&span.key)
            )
        });
    }
    if let Some(region) = g.region_id(e) {
        let whose = "its province or state ";
        if ev
            .sentence_regions
            .get(&span.sentence)
            .is_some_and(|v| v.iter().any(|(r, from)| *r == region && *from != group))
        {
            s += weight::SENTENCE_REGION;
            why.push_with(|| format!("{whose}is named in the same sentence"));
        } else if ev
            .article_regions
            .get(region.as_str())
            .is_some_and(|v| v.iter().any(|&from| from != group))
        {
            s += weight::ARTICLE_REGION;
            why.push_with(|| format!("{whose}is named in the article"));
        }
    }
    if (e.kind == PlaceKind::City || (e.kind == PlaceKind::Region && !e.continent))
        && ev.anchors.any_near((e.lat, e.lon), group, weight::NEAR_KM)
    {
        s += weight::NEAR_OTHER_PLACE;
        why.push_with(|| {
            format!(
                "within {} km of another place of the article",
                weight::NEAR_KM
            )
        });
        if e.is_county() && ev.anchors.any_near((e.lat, e.lon), group, weight::CLOSE_KM) {
            s += weight::CLOSE_TO_OTHER_PLACE;
            why.push_with(|| {
                format!(
                    "within {} km of another place of the article",
                    weight::CLOSE_KM
                )
            });
        }
    }
    // "Birmingham, England": the name after the comma says where this one lies, and this one
    // says which reading of that name is meant (England the country's part, not the Arkansas
    // town).
    let qualified = ev
        .pairs
        .qualifier_after
        .get(&span.start)
        .is_some_and(|v| v.iter().any(|&q| holds(g, g.entry(q), e)))
        || ev
            .pairs
            .qualified_before
            .get(&span.start)
            .is_some_and(|v| v.iter().any(|&t| holds(g, e, g.entry(t))));
    if qualified {
        s += weight::QUALIFIER;
        why.push_with(|| "named with the place that contains it (Town, State)".to_string());
    }
    // A town in a county the article names, or a county holding a town the article names.
    let name = key_hash(&span.key);
    let other = |v: Option<&Vec<u64>>| v.is_some_and(|v| v.iter().any(|&x| x != name));
    let mut county_fits = false;
    if e.is_county() {
        if other(ev.pairs.counties_of_towns.get(&id)) {
            s += weight::TOWN_AND_COUNTY;
            why.push_with(|| "a town of the article lies in it".to_string());
        }
    } else if let Some(k) = g.county_of(id).filter(|_| !span.county) {
        if other(ev.pairs.counties_named.get(&k)) {
            county_fits = true;
            s += weight::TOWN_AND_COUNTY;
            why.push_with(|| {
                format!(
                    "its county ({}) is named in the article",
                    g.entry(k).name_en
                )
            });
        }
    }
    let cue_fits = match span.cue {
        Cue::City | Cue::Place => e.kind == PlaceKind::City,
        Cue::Region => e.kind == PlaceKind::Region && !e.continent,
        Cue::Country => e.kind == PlaceKind::Country,
        Cue::None => false,
    };
    if cue_fits {
        // A word that names the kind (مدينة, ولاية, city of) says more than a preposition (في,
        // in). A county's cue only stands for its state.
        s += if span.cue == Cue::Place || span.county {
            weight::SETTLEMENT_CUE
        } else {
            weight::KIND_WORD
        };
        why.push_with(|| "the words before it say what kind of place it is".to_string());
    }
    // A small town named like a country, a sea, a macro-region, or another province or state of
    // its own country (China, Texas; Atlantic, Iowa; Florida, New York): the name is theirs,
    // unless the text says the town (Florida, N.Y.; the village of Florida; its county named; a
    // place of the article within 50 km). Not the seat a province is named after, near its
    // middle (Matara in Matara District), where the codes of the two sources differ.
    if e.kind == PlaceKind::City
        && e.population < SHADOWED_BELOW
        && !qualified
        && !(cue_fits && span.cue == Cue::City)
        && !county_fits
        && ev.pairs.namesakes.get(&span.start).is_some_and(|v| {
            v.iter().any(|&r| {
                let r = g.entry(r);
                match r.kind {
                    // Only where the town's own province is known from codes the two sources
                    // share and lies around it: elsewhere (Magadan, Tindouf) the town may be
                    // the very seat the province is named after, far from a large province's
                    // middle.
                    PlaceKind::Region if !r.continent && !r.id.starts_with("curated:") => {
                        let own = g.province_of(e).map(|p| g.entry(p));
                        r.cc == e.cc
                            && own.is_some_and(|p| {
                                p.id != r.id
                                    && distance_km((e.lat, e.lon), (p.lat, p.lon)) < OWN_PROVINCE_KM
                            })
                            && distance_km((e.lat, e.lon), (r.lat, r.lon)) > NAMESAKE_SEAT_KM
                    }
                    // A town near the article's other places is local news's town (Jordan,
                    // Minnesota beside Shakopee), where a state's name stays the state.
                    _ => {
                        (r.cc != e.cc || r.kind == PlaceKind::Water)
                            && !ev.anchors.any_near((e.lat, e.lon), group, weight::CLOSE_KM)
                    }
                }
            })
        })
    {
        s -= weight::NAMESAKE;
        why.push_with(|| "a country, sea, region or province elsewhere is called so".to_string());
    }
    // A country named beside other countries is the country (بنين among four states is Benin,
    // not Benin City).
    if e.kind == PlaceKind::Country
        && ev
            .sentence_names
            .get(&span.sentence)
            .is_some_and(|v| v.iter().any(|(c, from)| c != &e.cc && *from != group))
    {
        s += weight::AMONG_COUNTRIES;
        why.push_with(|| "named beside other countries".to_string());
    }
    (s, why.1)
}

/// "laurel county" -> "Laurel County", for reasons written from a folded key.
fn title_case(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Reasons in words, written only when asked for (scoring every candidate of every name must
/// not pay for formatting).
struct Reasons(bool, Vec<String>);

impl Reasons {
    fn push_with<S: Into<String>>(&mut self, r: impl FnOnce() -> S) {
        if self.0 {
            self.1.push(r().into());
        }
    }
}

/// Resolve every span. Two rounds: the first uses only unambiguous evidence, the second also the
/// places chosen in the first. Spans of the same name then share the meaning with the highest
/// total score over the article.
pub fn resolve<'a>(spans: &'a [Span], g: &'a Gazetteer) -> Resolution<'a> {
    let mut chosen: Vec<Option<EntryId>> = spans
        .iter()
        .map(|s| (s.candidates.len() == 1).then(|| s.candidates[0]))
        .collect();
    let groups = name_groups(spans);
    let postings: Vec<Vec<Posting>> = spans.iter().map(|span| g.lookup(&span.key)).collect();
    // Candidates reached through one of their preferred names, per span.
    let preferred: Vec<Vec<EntryId>> = postings
        .iter()
        .map(|v| v.iter().filter(|p| p.preferred).map(|p| p.entry).collect())
        .collect();
    let mut scored_all: Vec<Vec<(EntryId, f64)>> = Vec::new();
    let mut ev = Evidence {
        pairs: Pairs::new(spans, &postings, g),
        ..Evidence::default()
    };
    // Each round scores with the evidence of the last one's choices. Three, because a choice
    // can hang on a name whose own reading settles only in the second: "Albany ... Georgia"
    // reads Georgia as the country first, the state once Albany is known to be American, and
    // only then is Albany the Georgian one.
    for _round in 0..ROUNDS {
        let pairs = std::mem::take(&mut ev.pairs);
        ev = gather(spans, &groups, &chosen, g, pairs);
        scored_all = spans
            .iter()
            .enumerate()
            .map(|(k, span)| {
                let mut scored: Vec<(EntryId, f64)> = span
                    .candidates
                    .iter()
                    .map(|c| {
                        let pref = preferred[k].contains(c);
                        let (s, _) =
                            score(span, groups[k], g, *c, g.name_count(*c), pref, &ev, false);
                        (*c, s)
                    })
                    .collect();
                scored.sort_by(|a, b| {
                    b.1.total_cmp(&a.1)
                        .then_with(|| g.entry(b.0).population.cmp(&g.entry(a.0).population))
                        .then_with(|| a.0.cmp(&b.0))
                });
                scored
            })
            .collect();
        chosen = scored_all.iter().map(|v| v.first().map(|x| x.0)).collect();
    }
    // One sense per discourse: the same name means the same place throughout the article.
    let mut totals: FxHashMap<(&str, EntryId), f64> = FxHashMap::default();
    for (span, scored) in spans.iter().zip(&scored_all) {
        for (c, s) in scored {
            *totals.entry((span.key.as_str(), *c)).or_default() += s;
        }
    }
    let total = |key: &str, c: EntryId| totals.get(&(key, c)).copied().unwrap_or(0.0);
    let mut out = Vec::with_capacity(spans.len());
    for (span, mut scored) in spans.iter().zip(scored_all) {
        let Some(best) = scored
            .iter()
            .enumerate()
            .max_by(|a, b| {
                total(&span.key, a.1 .0)
                    .total_cmp(&total(&span.key, b.1 .0))
                    .then_with(|| b.0.cmp(&a.0))
            })
            .map(|(i, _)| i)
        else {
            continue;
        };
        let (entry, score_value) = scored.remove(best);
        out.push(Resolved {
            entry,
            score: score_value,
            by_discourse: best > 0,
            alternatives: scored.iter().take(5).copied().collect(),
        });
    }
    // `recognize` keeps only spans with candidates: one resolution per span, same order.
    debug_assert_eq!(out.len(), spans.len());
    Resolution {
        resolved: out,
        spans,
        g,
        ev,
        groups,
        preferred,
    }
}

/// The resolution of every span of an article, and what it takes to explain a choice in words.
pub struct Resolution<'a> {
    /// One per span, in order (a span without candidates has none: see [`resolve`]).
    pub resolved: Vec<Resolved>,
    spans: &'a [Span],
    g: &'a Gazetteer,
    ev: Evidence,
    groups: Vec<EntryId>,
    preferred: Vec<Vec<EntryId>>,
}

impl Resolution<'_> {
    /// Why span `k` was resolved where it was, in words. Written on demand, once per place:
    /// writing them for every mention made an article of a million mentions take gigabytes.
    pub fn reasons(&self, k: usize) -> Vec<String> {
        let (Some(r), Some(span)) = (self.resolved.get(k), self.spans.get(k)) else {
            return Vec::new();
        };
        let (_, mut reasons) = score(
            span,
            self.groups[k],
            self.g,
            r.entry,
            self.g.name_count(r.entry),
            self.preferred[k].contains(&r.entry),
            &self.ev,
            true,
        );
        if r.by_discourse {
            reasons.push("the same name elsewhere in the article points here".to_string());
        }
        reasons
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grid answers exactly as a scan of every anchor would, near the poles and across the
    /// antimeridian too.
    #[test]
    fn anchor_grid_agrees_with_a_full_scan() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let mut points = Vec::new();
        for _ in 0..300 {
            points.push((next() * 180.0 - 90.0, next() * 360.0 - 180.0));
        }
        // Clusters where cells matter most: the antimeridian, a pole, and a dense area.
        for i in 0..40 {
            let d = i as f64 * 0.1;
            points.push((65.0 + d, 179.5 - d * 2.0));
            points.push((88.0 - d / 4.0, d * 9.0 - 180.0));
            points.push((40.0 + d / 5.0, 49.0 + d / 5.0));
        }
        // Every seventh point comes from group 1, the others from group 0.
        let group = |i: usize| i.is_multiple_of(7) as EntryId;
        let mut grid = Anchors::default();
        for (i, &p) in points[..200].iter().enumerate() {
            grid.insert(p, group(i));
        }
        for &q in &points {
            for km in [50.0, 250.0, 900.0] {
                for own in [0, 1] {
                    let brute = points[..200]
                        .iter()
                        .enumerate()
                        .any(|(i, a)| group(i) != own && distance_km(*a, q) < km);
                    assert_eq!(grid.any_near(q, own, km), brute, "{q:?} within {km} km");
                }
            }
        }
        assert!(!Anchors::default().any_near((0.0, 0.0), 0, 250.0));
    }
}
