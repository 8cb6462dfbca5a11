//! Resolution: choose, for each recognised span, the gazetteer entry it means, with a score and
//! the reasons in words. Evidence: the kind of place (a country's name is the country), population
//! and capital status, the countries named in the same sentence (a name weighs more than an
//! adjective: "Iranian helicopters ... Azerbaijan's airspace near Astara" puts Astara in
//! Azerbaijan), the countries of the whole article, and nearness to the article's other places.

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

/// Weights of the evidence; one place to read and tune them.
mod weight {
    pub const COUNTRY: f64 = 4.0;
    pub const CONTINENT: f64 = 3.0;
    pub const CURATED_REGION: f64 = 2.5;
    pub const WATER: f64 = 2.0;
    pub const ADMIN1: f64 = 1.6;
    pub const POPULATION: f64 = 0.35;
    pub const CAPITAL: f64 = 1.0;
    pub const SENTENCE_COUNTRY_NAME: f64 = 1.5;
    pub const SENTENCE_COUNTRY_ADJ: f64 = 0.5;
    pub const ARTICLE_COUNTRY: f64 = 2.0;
    pub const NEAR_OTHER_PLACE: f64 = 0.8;
    pub const SETTLEMENT_CUE: f64 = 0.5;
    /// Kilometres within which another place of the article counts as near.
    pub const NEAR_KM: f64 = 400.0;
}

/// Great-circle distance in kilometres.
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

/// Countries named in each sentence, and their weight in the article.
struct Evidence {
    sentence_names: FxHashMap<usize, Vec<String>>,
    sentence_adjs: FxHashMap<usize, Vec<String>>,
    article_share: FxHashMap<String, f64>,
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
    let mut ev = Evidence {
        sentence_names: FxHashMap::default(),
        sentence_adjs: FxHashMap::default(),
        article_share: FxHashMap::default(),
        anchors: Vec::new(),
    };
    let mut weights: FxHashMap<String, f64> = FxHashMap::default();
    for (span, ch) in spans.iter().zip(chosen) {
        let cc = match ch {
            Some(e) => {
                let e = g.entry(*e);
                if e.kind != PlaceKind::Country && (e.kind == PlaceKind::City || !e.cc.is_empty()) {
                    ev.anchors.push((e.lat, e.lon));
                }
                Some(e.cc.clone()).filter(|c| !c.is_empty())
            }
            None => unambiguous_country(span, g),
        };
        let Some(cc) = cc else { continue };
        let is_country = ch.is_none_or(|e| g.entry(e).kind == PlaceKind::Country);
        let w = match (span.form, is_country) {
            (MentionForm::Name, true) => {
                ev.sentence_names.entry(span.sentence).or_default().push(cc.clone());
                1.0
            }
            (MentionForm::Adjective, _) => {
                ev.sentence_adjs.entry(span.sentence).or_default().push(cc.clone());
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

fn score(span: &Span, e: &Entry, ev: &Evidence, self_pos: Option<(f64, f64)>) -> (f64, Vec<String>) {
    let mut s = 0.0;
    let mut why = Vec::new();
    if span.form == MentionForm::Adjective {
        return (weight::COUNTRY, vec!["an adjective of the country".to_string()]);
    }
    let (k, kw) = kind_prior(e);
    if k > 0.0 {
        s += k;
        why.push(kw.to_string());
    }
    if e.population > 0 && e.kind == PlaceKind::City {
        let p = weight::POPULATION * ((e.population as f64) + 1.0).log10();
        s += p;
        why.push(format!("population {}", e.population));
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
            why.push(format!("its country ({}) is named in the same sentence", e.cc));
        } else if ev
            .sentence_adjs
            .get(&span.sentence)
            .is_some_and(|v| v.contains(&e.cc))
        {
            s += weight::SENTENCE_COUNTRY_ADJ;
            why.push(format!("its country ({}) is referred to in the same sentence", e.cc));
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
    if e.kind == PlaceKind::City {
        let near = ev.anchors.iter().any(|a| {
            self_pos != Some(*a) && distance_km(*a, (e.lat, e.lon)) < weight::NEAR_KM
        });
        if near {
            s += weight::NEAR_OTHER_PLACE;
            why.push(format!(
                "within {} km of another place of the article",
                weight::NEAR_KM
            ));
        }
        if span.settlement_cue {
            s += weight::SETTLEMENT_CUE;
            why.push("introduced as a city or town".to_string());
        }
    }
    (s, why)
}

/// Resolve every span. Two rounds: the first uses only unambiguous evidence, the second also the
/// places chosen in the first.
pub fn resolve(spans: &[Span], g: &Gazetteer) -> Vec<Resolved> {
    let mut chosen: Vec<Option<EntryId>> = spans
        .iter()
        .map(|s| (s.candidates.len() == 1).then(|| s.candidates[0]))
        .collect();
    let mut out = Vec::new();
    for _round in 0..2 {
        let ev = gather(spans, &chosen, g);
        out = spans
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
                        let (s, why) = score(span, g.entry(*c), &ev, own);
                        (*c, s, why)
                    })
                    .collect();
                scored.sort_by(|a, b| {
                    b.1.total_cmp(&a.1)
                        .then_with(|| g.entry(b.0).population.cmp(&g.entry(a.0).population))
                        .then_with(|| a.0.cmp(&b.0))
                });
                let (entry, score, reasons) = scored.remove(0);
                Resolved {
                    entry,
                    score,
                    reasons,
                    alternatives: scored.iter().take(5).map(|(c, s, _)| (*c, *s)).collect(),
                }
            })
            .collect();
        chosen = out.iter().map(|r| Some(r.entry)).collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Baku to Tehran is about 530 km.
        let d = distance_km((40.3777, 49.892), (35.6944, 51.4215));
        assert!((500.0..560.0).contains(&d), "{d}");
    }
}
