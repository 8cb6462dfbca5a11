//! Filtering: which places and events of the loaded articles are shown, as a pure function of the
//! analyses and a [`Filter`], with the counts the filter sidebar puts beside each choice.
//!
//! Places are merged across articles by id (the corpus view): Baku named in three articles is one
//! [`VisiblePlace`] with three references. The filter is plain data (`Default + Serialize +
//! Deserialize`) so the app can persist it.

use crate::model::{Analysis, EventDate, MentionForm, PlaceKind};
use crate::text::fold;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Which mention forms count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormFilter {
    /// Names and adjectives.
    #[default]
    Any,
    /// Only mentions by name (باكو, Baku).
    Names,
    /// Only adjectives (الإيرانية, Iranian).
    Adjectives,
}

impl FormFilter {
    /// Whether a mention of this form counts.
    pub fn accepts(self, form: MentionForm) -> bool {
        match self {
            FormFilter::Any => true,
            FormFilter::Names => form == MentionForm::Name,
            FormFilter::Adjectives => form == MentionForm::Adjective,
        }
    }
}

/// What the user asked to see. The default shows everything.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Place kinds that are hidden.
    pub hidden_kinds: BTreeSet<PlaceKind>,
    /// Only places in these countries (ISO alpha-2); empty for all.
    pub countries: BTreeSet<String>,
    /// Event types (PLOVER, lower case) that are hidden.
    pub hidden_event_types: BTreeSet<String>,
    /// First day shown, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`); events without a known date are
    /// hidden while a range is set, and so are places with no event in the range.
    pub date_from: Option<String>,
    /// Last day shown, inclusive, same forms as `date_from`.
    pub date_to: Option<String>,
    /// Only these articles (their `source`); empty for all.
    pub articles: BTreeSet<String>,
    /// Which mention forms count.
    pub form: FormFilter,
    /// Fewest mentions (of the accepted forms, over the shown articles) for a place to show.
    pub min_mentions: usize,
    /// Search text, matched after Arabic and Latin folding against place names, the mentions'
    /// words and event triggers and actors.
    pub search: String,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            hidden_kinds: BTreeSet::new(),
            countries: BTreeSet::new(),
            hidden_event_types: BTreeSet::new(),
            date_from: None,
            date_to: None,
            articles: BTreeSet::new(),
            form: FormFilter::Any,
            min_mentions: 1,
            search: String::new(),
        }
    }
}

impl Filter {
    /// Whether this filter hides nothing.
    pub fn is_default(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether a date range is set.
    pub fn has_date_range(&self) -> bool {
        self.date_from.is_some() || self.date_to.is_some()
    }
}

/// A place of one article: (article index, place index).
pub type PlaceRef = (usize, usize);
/// An event of one article: (article index, event index).
pub type EventRef = (usize, usize);

/// A place that passes the filter, merged over the articles that name it.
#[derive(Debug, Clone, PartialEq)]
pub struct VisiblePlace {
    /// Gazetteer id.
    pub id: String,
    /// Where it occurs, in article order.
    pub refs: Vec<PlaceRef>,
    /// Mentions of the accepted forms, over its articles.
    pub mentions: usize,
    /// Of those, by adjective.
    pub adjective_mentions: usize,
    /// Shown events it takes part in.
    pub events: usize,
}

/// Counts for the sidebar. Each facet counts distinct places (or events) passing every other
/// filter, so the number beside a choice is what ticking it would show.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Places by kind.
    pub kinds: BTreeMap<PlaceKind, usize>,
    /// Places by country code.
    pub countries: BTreeMap<String, usize>,
    /// Events by type.
    pub event_types: BTreeMap<String, usize>,
    /// Places per article (by article index).
    pub articles: Vec<usize>,
    /// Places mentioned by name.
    pub names: usize,
    /// Places mentioned by adjective.
    pub adjectives: usize,
    /// All places before any filter.
    pub total_places: usize,
    /// All events before any filter.
    pub total_events: usize,
}

/// What the filter lets through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visible {
    /// Places, most mentioned first (ties by name).
    pub places: Vec<VisiblePlace>,
    /// Events, by article then index.
    pub events: Vec<EventRef>,
    /// Mentions shown in the reader, per article: (place index, mention index) pairs.
    pub mentions: Vec<Vec<(usize, usize)>>,
    /// Sidebar counts.
    pub counts: Counts,
}

impl Visible {
    /// The visible place with this id.
    pub fn place(&self, id: &str) -> Option<&VisiblePlace> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Whether the event is shown.
    pub fn has_event(&self, e: EventRef) -> bool {
        self.events.binary_search(&e).is_ok()
    }
}

/// A comparable day: (year, month, day), missing parts as the start (or end) of the span.
type Day = (i32, u32, u32);

/// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `end` fills missing parts with the last month/day.
pub fn parse_day(s: &str, end: bool) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.trim().parse().ok()?;
    let m: Option<u32> = match it.next() {
        Some(t) => Some(t.trim().parse().ok()?),
        None => None,
    };
    let d: Option<u32> = match it.next() {
        Some(t) => Some(t.trim().parse().ok()?),
        None => None,
    };
    let (m_lo, m_hi) = m.map_or((1, 12), |m| (m, m));
    let (d_lo, d_hi) = d.map_or((1, 31), |d| (d, d));
    Some(if end {
        (y, m_hi, d_hi)
    } else {
        (y, m_lo, d_lo)
    })
}

/// The span of days an event date covers, taking the year from the article's publication date
/// when the text gives none. `None` when no year is known.
pub fn event_span(date: &EventDate, published: Option<&str>) -> Option<(Day, Day)> {
    let year = date
        .year
        .or_else(|| published.and_then(|p| parse_day(p, false)).map(|d| d.0))?;
    let (m_lo, m_hi) = date.month.map_or((1, 12), |m| (m, m));
    let (d_lo, d_hi) = date.day.map_or((1, 31), |d| (d, d));
    Some(((year, m_lo, d_lo), (year, m_hi, d_hi)))
}

fn event_in_range(a: &Analysis, ei: usize, from: Option<Day>, to: Option<Day>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(span) = a
        .events
        .get(ei)
        .and_then(|e| e.date.as_ref())
        .and_then(|d| event_span(d, a.published.as_deref()))
    else {
        return false;
    };
    from.is_none_or(|f| span.1 >= f) && to.is_none_or(|t| span.0 <= t)
}

/// Per-place results of the individual predicates.
struct Checks {
    article: bool,
    kind: bool,
    country: bool,
    /// Mentions of the accepted forms (0 fails the form predicate).
    form_mentions: usize,
    adjective_mentions: usize,
    search: bool,
    date: bool,
}

impl Checks {
    fn all_but(&self, skip: Facet) -> bool {
        (skip == Facet::Article || self.article)
            && (skip == Facet::Kind || self.kind)
            && (skip == Facet::Country || self.country)
            && (skip == Facet::Form || self.form_mentions > 0)
            && self.search
            && self.date
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Facet {
    None,
    Article,
    Kind,
    Country,
    Form,
}

/// Whether a place matches the search; `memo` remembers each distinct string's answer (the same
/// names and words recur across articles, and folding is the costly part).
fn matches_search<'d>(
    a: &'d Analysis,
    pi: usize,
    needle: &str,
    memo: &mut FxHashMap<&'d str, bool>,
) -> bool {
    let Some(p) = a.places.get(pi) else {
        return false;
    };
    let mut test = |s: &'d str| *memo.entry(s).or_insert_with(|| fold(s).contains(needle));
    test(&p.name)
        || p.names.values().any(|n| test(n))
        || p.mentions.iter().any(|m| test(&m.text))
        || p.id.contains(needle)
}

/// Apply a filter to the loaded articles.
///
/// ```
/// use kharita::filter::{apply, Filter};
/// let visible = apply(&[], &Filter::default());
/// assert!(visible.places.is_empty());
/// ```
pub fn apply(docs: &[Analysis], filter: &Filter) -> Visible {
    let needle = fold(&filter.search);
    let from = filter
        .date_from
        .as_deref()
        .and_then(|s| parse_day(s, false));
    let to = filter.date_to.as_deref().and_then(|s| parse_day(s, true));
    let dated = from.is_some() || to.is_some();

    // Events first: a date range shows places through their events.
    let mut counts = Counts {
        articles: vec![0; docs.len()],
        ..Counts::default()
    };
    let mut event_ok: Vec<Vec<bool>> = Vec::with_capacity(docs.len());
    for a in docs {
        let article_ok = filter.articles.is_empty() || filter.articles.contains(&a.source);
        counts.total_events += a.events.len();
        let mut row = Vec::with_capacity(a.events.len());
        for (ei, e) in a.events.iter().enumerate() {
            let base = article_ok && event_in_range(a, ei, from, to);
            let typed = !filter.hidden_event_types.contains(&e.kind);
            if base {
                *counts.event_types.entry(e.kind.clone()).or_default() += 1;
            }
            row.push(base && typed);
        }
        event_ok.push(row);
    }

    // Per place, each predicate once.
    let mut checks: Vec<(PlaceRef, Checks)> = Vec::new();
    let mut memo: FxHashMap<&str, bool> = FxHashMap::default();
    for (ai, a) in docs.iter().enumerate() {
        let article = filter.articles.is_empty() || filter.articles.contains(&a.source);
        counts.total_places += a.places.len();
        for (pi, p) in a.places.iter().enumerate() {
            let form_mentions = p
                .mentions
                .iter()
                .filter(|m| filter.form.accepts(m.form))
                .count();
            let adjective_mentions = p
                .mentions
                .iter()
                .filter(|m| filter.form.accepts(m.form) && m.form == MentionForm::Adjective)
                .count();
            let date = !dated
                || p.events
                    .iter()
                    .any(|&ei| event_ok[ai].get(ei).copied().unwrap_or(false));
            checks.push((
                (ai, pi),
                Checks {
                    article,
                    kind: !filter.hidden_kinds.contains(&p.kind),
                    country: filter.countries.is_empty()
                        || p.country_code
                            .as_ref()
                            .is_some_and(|c| filter.countries.contains(c)),
                    form_mentions,
                    adjective_mentions,
                    search: needle.is_empty() || matches_search(a, pi, &needle, &mut memo),
                    date,
                },
            ));
        }
    }

    // Merge what passes everything, by id, then apply the minimum mentions.
    let mut merged: Vec<VisiblePlace> = Vec::new();
    let mut by_id: FxHashMap<&str, usize> = FxHashMap::default();
    for ((ai, pi), c) in &checks {
        if !c.all_but(Facet::None) {
            continue;
        }
        let p = &docs[*ai].places[*pi];
        let events = p
            .events
            .iter()
            .filter(|&&ei| event_ok[*ai].get(ei).copied().unwrap_or(false))
            .count();
        let slot = *by_id.entry(p.id.as_str()).or_insert_with(|| {
            merged.push(VisiblePlace {
                id: p.id.clone(),
                refs: Vec::new(),
                mentions: 0,
                adjective_mentions: 0,
                events: 0,
            });
            merged.len() - 1
        });
        let v = &mut merged[slot];
        v.refs.push((*ai, *pi));
        v.mentions += c.form_mentions;
        v.adjective_mentions += c.adjective_mentions;
        v.events += events;
    }
    let min = filter.min_mentions.max(1);
    merged.retain(|v| v.mentions >= min);
    merged.sort_by(|x, y| {
        y.mentions.cmp(&x.mentions).then_with(|| {
            let nx = &docs[x.refs[0].0].places[x.refs[0].1].name;
            let ny = &docs[y.refs[0].0].places[y.refs[0].1].name;
            nx.cmp(ny)
        })
    });
    let kept: FxHashSet<&str> = merged.iter().map(|v| v.id.as_str()).collect();

    // Facet counts: distinct ids passing every other predicate, with the minimum mentions
    // applied to their totals under those predicates.
    const FACETS: [Facet; 4] = [Facet::Kind, Facet::Country, Facet::Form, Facet::Article];
    let mut totals: FxHashMap<(u8, &str), usize> = FxHashMap::default();
    for ((ai, pi), c) in &checks {
        let p = &docs[*ai].places[*pi];
        for (k, facet) in FACETS.iter().enumerate() {
            if c.all_but(*facet) {
                let n = if *facet == Facet::Form {
                    p.mentions.len()
                } else {
                    c.form_mentions
                };
                *totals.entry((k as u8, p.id.as_str())).or_default() += n;
            }
        }
    }
    let enough = |k: u8, id: &str| totals.get(&(k, id)).copied().unwrap_or(0) >= min;
    let mut seen: FxHashSet<(u8, &str, &str)> = FxHashSet::default();
    let mut seen_article: FxHashSet<(usize, &str)> = FxHashSet::default();
    for ((ai, pi), c) in &checks {
        let p = &docs[*ai].places[*pi];
        let id = p.id.as_str();
        if c.all_but(Facet::Kind) && enough(0, id) && seen.insert((0, p.kind.as_str(), id)) {
            *counts.kinds.entry(p.kind).or_default() += 1;
        }
        if let Some(cc) = &p.country_code {
            if c.all_but(Facet::Country) && enough(1, id) && seen.insert((1, cc.as_str(), id)) {
                *counts.countries.entry(cc.clone()).or_default() += 1;
            }
        }
        if c.all_but(Facet::Form) && enough(2, id) {
            if p.name_mentions() > 0 && seen.insert((2, "name", id)) {
                counts.names += 1;
            }
            if p.name_mentions() < p.mentions.len() && seen.insert((2, "adjective", id)) {
                counts.adjectives += 1;
            }
        }
        if c.all_but(Facet::Article) && enough(3, id) && seen_article.insert((*ai, id)) {
            counts.articles[*ai] += 1;
        }
    }

    // Events: shown when some place of theirs is shown, or when they name none.
    let mut events = Vec::new();
    for (ai, a) in docs.iter().enumerate() {
        for (ei, e) in a.events.iter().enumerate() {
            if event_ok[ai][ei]
                && (e.places.is_empty() || e.places.iter().any(|id| kept.contains(id.as_str())))
            {
                events.push((ai, ei));
            }
        }
    }

    // Mentions for the reader.
    let mut mentions = vec![Vec::new(); docs.len()];
    for v in &merged {
        for &(ai, pi) in &v.refs {
            for (mi, m) in docs[ai].places[pi].mentions.iter().enumerate() {
                if filter.form.accepts(m.form) {
                    mentions[ai].push((pi, mi));
                }
            }
        }
    }

    Visible {
        places: merged,
        events,
        mentions,
        counts,
    }
}

/// The filtered view as analyses of their own, for export: each article keeps its shown places
/// (with the accepted mentions) and shown events, re-indexed; articles with nothing shown and
/// outside the article filter are left out.
pub fn filtered_analyses(docs: &[Analysis], filter: &Filter, visible: &Visible) -> Vec<Analysis> {
    let mut out = Vec::new();
    for (ai, a) in docs.iter().enumerate() {
        if !filter.articles.is_empty() && !filter.articles.contains(&a.source) {
            continue;
        }
        let shown_events: Vec<usize> = visible
            .events
            .iter()
            .filter(|(x, _)| *x == ai)
            .map(|(_, e)| *e)
            .collect();
        let new_index: FxHashMap<usize, usize> = shown_events
            .iter()
            .enumerate()
            .map(|(new, old)| (*old, new))
            .collect();
        let shown_places: FxHashSet<usize> = visible
            .places
            .iter()
            .flat_map(|v| v.refs.iter())
            .filter(|(x, _)| *x == ai)
            .map(|(_, p)| *p)
            .collect();
        let mut b = a.clone();
        b.events = shown_events
            .iter()
            .filter_map(|&ei| a.events.get(ei).cloned())
            .enumerate()
            .map(|(i, mut e)| {
                e.index = i;
                e
            })
            .collect();
        b.places = a
            .places
            .iter()
            .enumerate()
            .filter(|(pi, _)| shown_places.contains(pi))
            .map(|(_, p)| {
                let mut p = p.clone();
                p.mentions.retain(|m| filter.form.accepts(m.form));
                p.events = p
                    .events
                    .iter()
                    .filter_map(|e| new_index.get(e).copied())
                    .collect();
                p
            })
            .collect();
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Mention, Passage, PassageKind, Place};

    fn place(
        id: &str,
        name: &str,
        ar: &str,
        kind: PlaceKind,
        cc: &str,
        forms: &[MentionForm],
    ) -> Place {
        Place {
            id: id.into(),
            name: name.into(),
            names: [
                ("ar".to_string(), ar.to_string()),
                ("en".to_string(), name.to_string()),
            ]
            .into_iter()
            .collect(),
            kind,
            country_code: Some(cc.into()),
            lat: 0.0,
            lon: 0.0,
            population: 0,
            mentions: forms
                .iter()
                .map(|&form| Mention {
                    passage: 0,
                    start: 0,
                    end: 1,
                    text: ar.into(),
                    form,
                    sentence: 0,
                })
                .collect(),
            events: Vec::new(),
            score: 1.0,
            reasons: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    /// An event built from JSON, so that fields added to the model keep their defaults.
    fn event(kind: &str, month: u32, day: u32, places: &[&str]) -> Event {
        serde_json::from_value(serde_json::json!({
            "index": 0,
            "type": kind,
            "mode": "done",
            "trigger": "t",
            "passage": 0,
            "sentence": "",
            "passages": [0],
            "date": { "text": "", "year": null, "month": month, "day": day, "precision": "day" },
            "places": places,
            "actors": [],
            "location_precision": "place",
        }))
        .expect("event fixture")
    }

    /// Two articles: the founding article's cast, and a second one naming Baku again.
    fn corpus() -> Vec<Analysis> {
        use MentionForm::{Adjective as A, Name as N};
        let mut a = Analysis {
            source: "a.txt".into(),
            language: "ar".into(),
            published: Some("2012-03-01".into()),
            passages: vec![Passage {
                index: 0,
                kind: PassageKind::Paragraph,
                text: "x".into(),
                start: 0,
            }],
            ..Analysis::default()
        };
        a.places = vec![
            place(
                "iso3166:AZ",
                "Azerbaijan",
                "أذربيجان",
                PlaceKind::Country,
                "AZ",
                &[N, N, A],
            ),
            place(
                "iso3166:IR",
                "Iran",
                "إيران",
                PlaceKind::Country,
                "IR",
                &[N, A, A],
            ),
            place(
                "geonames:587084",
                "Baku",
                "باكو",
                PlaceKind::City,
                "AZ",
                &[N, N, N, N],
            ),
            place(
                "geonames:293397",
                "Tel Aviv",
                "تل أبيب",
                PlaceKind::City,
                "IL",
                &[N],
            ),
        ];
        a.events = vec![
            event("protest", 2, 21, &["geonames:587084"]),
            event("cooperate", 4, 1, &["geonames:587084", "geonames:293397"]),
        ];
        a.events[1].index = 1;
        a.places[2].events = vec![0, 1];
        a.places[3].events = vec![1];
        let mut b = Analysis {
            source: "b.txt".into(),
            language: "ar".into(),
            ..Analysis::default()
        };
        b.places = vec![
            place(
                "geonames:587084",
                "Baku",
                "باكو",
                PlaceKind::City,
                "AZ",
                &[N],
            ),
            place(
                "curated:karabakh",
                "Karabakh",
                "قره باغ",
                PlaceKind::Region,
                "AZ",
                &[N],
            ),
        ];
        vec![a, b]
    }

    fn ids(v: &Visible) -> Vec<&str> {
        let mut ids: Vec<&str> = v.places.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids
    }

    /// One filter change, and the ids it shows.
    fn check(change: impl Fn(&mut Filter), expected: &[&str]) {
        let mut f = Filter::default();
        change(&mut f);
        let v = apply(&corpus(), &f);
        let mut want: Vec<&str> = expected.to_vec();
        want.sort_unstable();
        assert_eq!(ids(&v), want, "filter {f:?}");
    }

    #[test]
    fn filters_table() {
        let all = [
            "iso3166:AZ",
            "iso3166:IR",
            "geonames:587084",
            "geonames:293397",
            "curated:karabakh",
        ];
        check(|_| {}, &all);
        check(
            |f| {
                f.hidden_kinds.insert(PlaceKind::Country);
            },
            &["geonames:587084", "geonames:293397", "curated:karabakh"],
        );
        check(
            |f| {
                f.hidden_kinds.insert(PlaceKind::City);
                f.hidden_kinds.insert(PlaceKind::Region);
            },
            &["iso3166:AZ", "iso3166:IR"],
        );
        check(
            |f| {
                f.countries.insert("AZ".into());
            },
            &["iso3166:AZ", "geonames:587084", "curated:karabakh"],
        );
        check(
            |f| {
                f.articles.insert("b.txt".into());
            },
            &["geonames:587084", "curated:karabakh"],
        );
        check(
            |f| f.form = FormFilter::Adjectives,
            &["iso3166:AZ", "iso3166:IR"],
        );
        check(
            |f| f.form = FormFilter::Names,
            &[
                "iso3166:AZ",
                "iso3166:IR",
                "geonames:587084",
                "geonames:293397",
                "curated:karabakh",
            ],
        );
        check(
            |f| f.min_mentions = 3,
            &["iso3166:AZ", "iso3166:IR", "geonames:587084"],
        );
        check(|f| f.min_mentions = 5, &["geonames:587084"]);
        check(
            |f| {
                f.min_mentions = 2;
                f.form = FormFilter::Adjectives;
            },
            &["iso3166:IR"],
        );
        // Arabic folding: hamza-less spelling finds أذربيجان.
        check(|f| f.search = "اذربيجان".into(), &["iso3166:AZ"]);
        check(|f| f.search = "  BAKU ".into(), &["geonames:587084"]);
        check(|f| f.search = "tel".into(), &["geonames:293397"]);
        check(|f| f.search = "nowhere".into(), &[]);
        // Dates: the year comes from the publication date.
        check(
            |f| {
                f.date_from = Some("2012-02-01".into());
                f.date_to = Some("2012-02-28".into());
            },
            &["geonames:587084"],
        );
        check(
            |f| f.date_from = Some("2012-03".into()),
            &["geonames:587084", "geonames:293397"],
        );
        check(|f| f.date_to = Some("2011".into()), &[]);
    }

    #[test]
    fn places_merge_across_articles() {
        let v = apply(&corpus(), &Filter::default());
        let baku = v.place("geonames:587084").expect("Baku shown");
        assert_eq!(baku.refs, vec![(0, 2), (1, 0)]);
        assert_eq!(baku.mentions, 5);
        assert_eq!(v.places[0].id, "geonames:587084", "most mentioned first");
    }

    #[test]
    fn counts_leave_out_their_own_facet() {
        let mut f = Filter::default();
        f.hidden_kinds.insert(PlaceKind::City);
        let v = apply(&corpus(), &f);
        assert_eq!(v.counts.kinds.get(&PlaceKind::City), Some(&2));
        assert_eq!(v.counts.kinds.get(&PlaceKind::Country), Some(&2));
        assert_eq!(
            v.counts.countries.get("AZ"),
            Some(&2),
            "Azerbaijan and Karabakh"
        );
        assert_eq!(v.counts.articles, vec![2, 1]);
        assert_eq!(v.counts.total_places, 6);
        assert_eq!(v.counts.event_types.get("protest"), Some(&1));
    }

    #[test]
    fn event_types_and_dates() {
        let docs = corpus();
        let v = apply(&docs, &Filter::default());
        assert_eq!(v.events, vec![(0, 0), (0, 1)]);
        let mut f = Filter::default();
        f.hidden_event_types.insert("protest".into());
        let v = apply(&docs, &f);
        assert_eq!(v.events, vec![(0, 1)]);
        assert!(v.has_event((0, 1)) && !v.has_event((0, 0)));
        // Hiding every city hides the events that only take place in cities.
        let mut f = Filter::default();
        f.hidden_kinds.insert(PlaceKind::City);
        assert!(apply(&docs, &f).events.is_empty());
    }

    #[test]
    fn export_keeps_shown_items_reindexed() {
        let docs = corpus();
        let mut f = Filter::default();
        f.hidden_event_types.insert("protest".into());
        f.hidden_kinds.insert(PlaceKind::Country);
        let v = apply(&docs, &f);
        let out = filtered_analyses(&docs, &f, &v);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].events.len(), 1);
        assert_eq!(out[0].events[0].index, 0);
        let baku = out[0]
            .places
            .iter()
            .find(|p| p.name == "Baku")
            .expect("Baku");
        assert_eq!(baku.events, vec![0]);
        assert!(out[0].places.iter().all(|p| p.kind != PlaceKind::Country));
    }

    #[test]
    fn day_parsing() {
        assert_eq!(parse_day("2012-02-21", false), Some((2012, 2, 21)));
        assert_eq!(parse_day("2012-02", true), Some((2012, 2, 31)));
        assert_eq!(parse_day("2012", false), Some((2012, 1, 1)));
        assert_eq!(parse_day("soon", false), None);
    }

    #[test]
    fn filter_survives_partial_json() {
        let f: Filter = serde_json::from_str(r#"{"min_mentions": 2}"#).expect("partial filter");
        assert_eq!(f.min_mentions, 2);
        assert!(f.search.is_empty());
    }
}
