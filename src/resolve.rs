//! Resolution: choose, for each recognised span, the gazetteer entry it means, with a score and
//! the reasons in words. Evidence: the kind of place (a country's name is the country), population
//! and capital status, how widely known a place is (how many names it has), the countries and
//! provinces named in the same sentence (a name weighs more than an adjective: "Iranian
//! helicopters ... Azerbaijan's airspace near Astara" puts Astara in Azerbaijan), the countries and
//! provinces of the whole article, and nearness to the article's other places. One name keeps one
//! meaning throughout an article.

use crate::gazetteer::{Entry, EntryId, Gazetteer};
use crate::model::{MentionForm, PlaceKind};
use crate::recognize::Span;
use rustc_hash::FxHashMap;

/// A resolved span.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The chosen entry.
    pub entry: EntryId,
    /// Its score.
    pub score: f64,
    /// Why, in words.
    pub reasons: Vec<String>,
    /// Other candidates with their scores, best first (at most five).
    pub alternatives: Vec<(EntryId, f64)>,
}

/// Weights of the evidence; one place to read and tune them (tuned on LGL and GeoWebNews, and on
/// ANERcorp train, never on the test corpora).
mod weight {
    pub const COUNTRY: f64 = 3.0;
    pub const CONTINENT: f64 = 3.0;
    pub const CURATED_REGION: f64 = 2.5;
    pub const WATER: f64 = 2.0;
    pub const ADMIN1: f64 = 2.2;
    pub const POPULATION: f64 = 0.35;
    pub const NAMES: f64 = 0.3;
    pub const CAPITAL: f64 = 1.0;
    pub const SENTENCE_COUNTRY_NAME: f64 = 1.5;
    pub const SENTENCE_COUNTRY_ADJ: f64 = 0.5;
    pub const ARTICLE_COUNTRY: f64 = 3.0;
    pub const SENTENCE_REGION: f64 = 1.5;
    pub const ARTICLE_REGION: f64 = 1.5;
    pub const NEAR_OTHER_PLACE: f64 = 0.8;
    pub const SETTLEMENT_CUE: f64 = 0.5;
    /// Kilometres within which another place of the article counts as near.
    pub const NEAR_KM: f64 = 400.0;
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

fn kind_prior(e: &Entry) -> (f64, &'static str) {
    match e.kind {
        PlaceKind::Country => (weight::COUNTRY, "a country's name names the country"),
        PlaceKind::Region if e.continent => (weight::CONTINENT, "a continent or macro-region"),
        PlaceKind::Region if e.id.starts_with("curated:") => {
            (weight::CURATED_REGION, "a well-known region")
        }
        PlaceKind::Region => (weight::ADMIN1, "a province or state"),
        PlaceKind::Water => (weight::WATER, "a sea, lake or river"),
        PlaceKind::City | PlaceKind::Landmark => (0.0, ""),
    }
}

/// The admin-1 region id a city lies in, where GeoNames and Natural Earth codes agree (the
/// United States and others whose GeoNames admin-1 codes are ISO 3166-2 suffixes).
fn region_of(e: &Entry) -> Option<String> {
    (e.kind == PlaceKind::City && !e.admin1.is_empty() && !e.cc.is_empty())
        .then(|| format!("ne-admin1:{}-{}", e.cc, e.admin1))
}

/// What the article and each sentence say about countries and provinces.
#[derive(Default)]
struct Evidence {
    sentence_names: FxHashMap<usize, Vec<String>>,
    sentence_adjs: FxHashMap<usize, Vec<String>>,
    sentence_regions: FxHashMap<usize, Vec<String>>,
    article_share: FxHashMap<String, f64>,
    article_regions: FxHashMap<String, usize>,
    anchors: Vec<(f64, f64)>,
}

fn unambiguous_country(span: &Span, g: &Gazetteer) -> Option<String> {
    let countries: Vec<&Entry> = span
        .candidates
        .iter()
        .map(|c| g.entry(*c))
        .filter(|e| e.kind == PlaceKind::Country)
        .collect();
    if countries.len() == 1 {
        Some(countries[0].cc.clone())
    } else {
        None
    }
}

fn gather(spans: &[Span], chosen: &[Option<EntryId>], g: &Gazetteer) -> Evidence {
    let mut ev = Evidence::default();
    let mut weights: FxHashMap<String, f64> = FxHashMap::default();
    for (span, ch) in spans.iter().zip(chosen) {
        let cc = match ch {
            Some(e) => {
                let e = g.entry(*e);
                if e.kind != PlaceKind::Country && (e.kind == PlaceKind::City || !e.cc.is_empty()) {
                    ev.anchors.push((e.lat, e.lon));
                }
                if e.kind == PlaceKind::Region && e.id.starts_with("ne-admin1:") {
                    *ev.article_regions.entry(e.id.clone()).or_default() += 1;
                    ev.sentence_regions
                        .entry(span.sentence)
                        .or_default()
                        .push(e.id.clone());
                }
                Some(e.cc.clone()).filter(|c| !c.is_empty())
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
                    .push(cc.clone());
                1.0
            }
            (MentionForm::Adjective, _) => {
                ev.sentence_adjs
                    .entry(span.sentence)
                    .or_default()
                    .push(cc.clone());
                0.5
            }
            (MentionForm::Name, false) => 0.5,
        };
        *weights.entry(cc).or_default() += w;
    }
    let total: f64 = weights.values().sum();
    if total > 0.0 {
        for (cc, w) in weights {
            ev.article_share.insert(cc, w / total);
        }
    }
    ev
}

fn score(
    span: &Span,
    e: &Entry,
    names: usize,
    ev: &Evidence,
    self_pos: Option<(f64, f64)>,
) -> (f64, Vec<String>) {
    let mut s = 0.0;
    let mut why = Vec::new();
    if span.form == MentionForm::Adjective {
        return (
            weight::COUNTRY,
            vec!["an adjective of the country".to_string()],
        );
    }
    let (k, kw) = kind_prior(e);
    if k > 0.0 {
        s += k;
        why.push(kw.to_string());
    }
    if e.population > 0 && e.kind == PlaceKind::City {
        s += weight::POPULATION * ((e.population as f64) + 1.0).log10();
        why.push(format!("population {}", e.population));
    }
    if names > 0 && e.kind == PlaceKind::City {
        s += weight::NAMES * (names as f64).ln_1p();
        why.push(format!("known by {names} names"));
    }
    if e.capital {
        s += weight::CAPITAL;
        why.push("a national capital".to_string());
    }
    if e.kind != PlaceKind::Country && !e.cc.is_empty() {
        if ev
            .sentence_names
            .get(&span.sentence)
            .is_some_and(|v| v.contains(&e.cc))
        {
            s += weight::SENTENCE_COUNTRY_NAME;
            why.push(format!(
                "its country ({}) is named in the same sentence",
                e.cc
            ));
        } else if ev
            .sentence_adjs
            .get(&span.sentence)
            .is_some_and(|v| v.contains(&e.cc))
        {
            s += weight::SENTENCE_COUNTRY_ADJ;
            why.push(format!(
                "its country ({}) is referred to in the same sentence",
                e.cc
            ));
        }
        if let Some(share) = ev.article_share.get(&e.cc) {
            s += weight::ARTICLE_COUNTRY * share;
            why.push(format!(
                "its country ({}) has {:.0}% of the article's place mentions",
                e.cc,
                share * 100.0
            ));
        }
    }
    if let Some(region) = region_of(e) {
        if ev
            .sentence_regions
            .get(&span.sentence)
            .is_some_and(|v| v.contains(&region))
        {
            s += weight::SENTENCE_REGION;
            why.push("its province or state is named in the same sentence".to_string());
        } else if ev.article_regions.contains_key(&region) {
            s += weight::ARTICLE_REGION;
            why.push("its province or state is named in the article".to_string());
        }
    }
    if e.kind == PlaceKind::City || (e.kind == PlaceKind::Region && !e.continent) {
        let near = ev
            .anchors
            .iter()
            .any(|a| self_pos != Some(*a) && distance_km(*a, (e.lat, e.lon)) < weight::NEAR_KM);
        if near {
            s += weight::NEAR_OTHER_PLACE;
            why.push(format!(
                "within {} km of another place of the article",
                weight::NEAR_KM
            ));
        }
    }
    if e.kind == PlaceKind::City && span.settlement_cue {
        s += weight::SETTLEMENT_CUE;
        why.push("introduced as a city or town".to_string());
    }
    (s, why)
}

/// Resolve every span. Two rounds: the first uses only unambiguous evidence, the second also the
/// places chosen in the first. Spans of the same name then share the meaning with the highest
/// total score over the article.
pub fn resolve(spans: &[Span], g: &Gazetteer) -> Vec<Resolved> {
    let mut chosen: Vec<Option<EntryId>> = spans
        .iter()
        .map(|s| (s.candidates.len() == 1).then(|| s.candidates[0]))
        .collect();
    let mut scored_all: Vec<Vec<(EntryId, f64, Vec<String>)>> = Vec::new();
    for _round in 0..2 {
        let ev = gather(spans, &chosen, g);
        scored_all = spans
            .iter()
            .zip(&chosen)
            .map(|(span, ch)| {
                let own = ch.map(|c| {
                    let e = g.entry(c);
                    (e.lat, e.lon)
                });
                let mut scored: Vec<(EntryId, f64, Vec<String>)> = span
                    .candidates
                    .iter()
                    .map(|c| {
                        let (s, why) = score(span, g.entry(*c), g.name_count(*c), &ev, own);
                        (*c, s, why)
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
        for (c, s, _) in scored {
            *totals.entry((span.key.as_str(), *c)).or_default() += s;
        }
    }
    spans
        .iter()
        .zip(scored_all)
        .filter_map(|(span, mut scored)| {
            let best = scored
                .iter()
                .enumerate()
                .max_by(|a, b| {
                    let ta = totals
                        .get(&(span.key.as_str(), a.1 .0))
                        .copied()
                        .unwrap_or(0.0);
                    let tb = totals
                        .get(&(span.key.as_str(), b.1 .0))
                        .copied()
                        .unwrap_or(0.0);
                    ta.total_cmp(&tb).then_with(|| b.0.cmp(&a.0))
                })
                .map(|(i, _)| i)?;
            let (entry, score, mut reasons) = scored.remove(best);
            if best > 0 {
                reasons.push("the same name elsewhere in the article points here".to_string());
            }
            Some(Resolved {
                entry,
                score,
                reasons,
                alternatives: scored.iter().take(5).map(|(c, s, _)| (*c, *s)).collect(),
            })
        })
        .collect()
}
