//! Evaluation on public benchmarks (read from disk when run; not part of the tests):
//! ANERcorp (Arabic NER, LOC class, exact token spans), LGL / GeoWebNews / TR-News / GeoVirus
//! (English toponyms: recognition on overlapping spans, accuracy within 161 km and median error),
//! IDRISI-D Arabic (resolution of Country / Province / City mentions).
//! Also learns the stop-list of ordinary words from the development splits only.

use crate::analyze::Options;
use crate::gazetteer::Gazetteer;
use crate::ingest::{split_passages, Document};
use crate::model::{Analysis, MentionForm, PassageKind};
use crate::resolve::distance_km;
use crate::text::fold;
use anyhow::{Context, Result};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::path::Path;

/// A gold toponym: character span in the article text, coordinates when annotated.
#[derive(Debug, Clone)]
pub struct Gold {
    /// Start (Unicode scalars).
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Latitude and longitude.
    pub coord: Option<(f64, f64)>,
}

/// An evaluation article.
#[derive(Debug, Clone)]
pub struct Article {
    /// The text.
    pub text: String,
    /// Gold toponyms.
    pub gold: Vec<Gold>,
}

/// A predicted mention in document character offsets.
struct Pred {
    start: usize,
    end: usize,
    coord: (f64, f64),
    form: MentionForm,
    /// ISO code when the place is a country.
    country: Option<String>,
}

/// Country outlines from the offline basemap, for scoring country-level resolution: a predicted
/// country is right when the gold point lies inside it (gold corpora place a country at GeoNames'
/// point, the map at Natural Earth's label point, often more than 161 km apart).
fn country_shapes() -> &'static FxHashMap<String, geo::MultiPolygon<f64>> {
    static SHAPES: std::sync::OnceLock<FxHashMap<String, geo::MultiPolygon<f64>>> =
        std::sync::OnceLock::new();
    SHAPES.get_or_init(|| {
        let mut out = FxHashMap::default();
        let bytes = include_bytes!("../data/basemap/countries.json.gz");
        let mut text = String::new();
        if std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut text)
            .is_err()
        {
            return out;
        }
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            return out;
        };
        for c in v["countries"].as_array().into_iter().flatten() {
            let Some(cc) = c["cc"].as_str().filter(|c| !c.is_empty()) else {
                continue;
            };
            let mut polys = Vec::new();
            for poly in c["polygons"].as_array().into_iter().flatten() {
                let rings: Vec<geo::LineString<f64>> = poly
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|ring| {
                        ring.as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|pt| Some((pt[0].as_f64()?, pt[1].as_f64()?)))
                            .collect::<Vec<_>>()
                            .into()
                    })
                    .collect();
                let mut it = rings.into_iter();
                if let Some(outer) = it.next() {
                    polys.push(geo::Polygon::new(outer, it.collect()));
                }
            }
            let entry: &mut geo::MultiPolygon<f64> = out
                .entry(cc.to_string())
                .or_insert_with(|| geo::MultiPolygon(Vec::new()));
            entry.0.extend(polys);
        }
        out
    })
}

/// Error of a resolution in km (0 for a country that contains the gold point).
fn error_km(gold: (f64, f64), p: &Pred) -> f64 {
    use geo::Contains;
    if let Some(cc) = &p.country {
        if country_shapes()
            .get(cc)
            .is_some_and(|mp| mp.contains(&geo::Point::new(gold.1, gold.0)))
        {
            return 0.0;
        }
    }
    distance_km(gold, p.coord)
}

fn document(text: &str, one_passage_per_line: bool) -> Document {
    let passages = if one_passage_per_line {
        let mut v = Vec::new();
        let mut pos = 0;
        for line in text.split_inclusive('\n') {
            let l = line.trim_end_matches('\n');
            if !l.trim().is_empty() {
                v.push((PassageKind::Paragraph, pos, pos + l.len()));
            }
            pos += line.len();
        }
        v
    } else {
        split_passages(text, false)
    };
    Document {
        source: String::new(),
        encoding: "UTF-8".into(),
        text: text.to_string(),
        passages,
        title: None,
        published: None,
        diagnostics: Vec::new(),
    }
}

fn predictions(a: &Analysis) -> Vec<Pred> {
    let mut v = Vec::new();
    for p in &a.places {
        for m in &p.mentions {
            let base = a.passages[m.passage].start;
            v.push(Pred {
                start: base + m.start,
                end: base + m.end,
                coord: (p.lat, p.lon),
                form: m.form,
                country: (p.kind == crate::model::PlaceKind::Country)
                    .then(|| p.country_code.clone())
                    .flatten(),
            });
        }
    }
    v.sort_by_key(|p| p.start);
    v
}

/// Counts for precision, recall and F1, and resolution errors.
#[derive(Debug, Default, Clone)]
pub struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    errors_km: Vec<f64>,
    /// Articles whose main place (the first of `focus.places`) lies within 161 km of the place
    /// the annotators mark most often, of `main_n` articles with annotated coordinates.
    main_ok: usize,
    main_n: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.errors_km.extend_from_slice(&o.errors_km);
        self.main_ok += o.main_ok;
        self.main_n += o.main_n;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
    fn acc161(&self) -> f64 {
        self.errors_km.iter().filter(|e| **e <= 161.0).count() as f64
            / self.errors_km.len().max(1) as f64
    }
    fn median(&self) -> f64 {
        let mut v = self.errors_km.clone();
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
    }
}

/// Score an article: overlapping-span recognition, and distance for matched gold with coordinates.
fn score_overlap(art: &Article, preds: &[Pred], errors: bool, out: &mut Vec<String>) -> Score {
    let mut s = Score::default();
    let mut used = vec![false; preds.len()];
    for g in &art.gold {
        let hit = preds
            .iter()
            .enumerate()
            .find(|(i, p)| !used[*i] && p.start < g.end && g.start < p.end);
        match hit {
            Some((i, p)) => {
                used[i] = true;
                s.tp += 1;
                if let Some(c) = g.coord {
                    let err = error_km(c, p);
                    s.errors_km.push(err);
                    if errors && err > 161.0 {
                        out.push(format!(
                            "WRONG {} -> ({:.2},{:.2}) gold ({:.2},{:.2})",
                            art.text
                                .chars()
                                .skip(g.start)
                                .take(g.end - g.start)
                                .collect::<String>(),
                            p.coord.0,
                            p.coord.1,
                            c.0,
                            c.1
                        ));
                    }
                }
            }
            None => {
                s.fn_ += 1;
                if errors {
                    out.push(format!(
                        "MISS {}",
                        art.text
                            .chars()
                            .skip(g.start)
                            .take(g.end - g.start)
                            .collect::<String>()
                    ));
                }
            }
        }
    }
    for (i, p) in preds.iter().enumerate() {
        if !used[i] {
            s.fp += 1;
            if errors {
                out.push(format!(
                    "FP {}",
                    art.text
                        .chars()
                        .skip(p.start)
                        .take(p.end - p.start)
                        .collect::<String>()
                ));
            }
        }
    }
    s
}

fn xml_text(s: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let a = s.find(&open)? + open.len();
    let b = s[a..].find(&close)? + a;
    Some(s[a..b].to_string())
}

fn unescape(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("<![CDATA[")
        .and_then(|x| x.strip_suffix("]]>"))
        .map(str::to_string)
        .unwrap_or_else(|| {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&")
        });
    s
}

/// Read LGL / TR-News / GeoVirus (`gaztag` lat/lon) or GeoWebNews (`latitude`, toponym types).
pub fn read_english(path: &Path) -> Result<Vec<Article>> {
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let gwn_types = [
        "Literal",
        "Mixed",
        "Metonymic",
        "Literal_Modifier",
        "Non_Literal_Modifier",
        "Coercion",
        "Embedded_Literal",
        "Embedded_Non_Lit",
    ];
    let mut arts = Vec::new();
    for chunk in xml.split("<article").skip(1) {
        let Some(raw) = xml_text(chunk, "text") else {
            continue;
        };
        // Offsets in these corpora are counted on the text as stored, CDATA unwrapped.
        let text = unescape(&raw);
        let mut gold = Vec::new();
        // LGL, TR-News and GeoWebNews say <toponym>, GeoVirus <location>.
        let tag = if chunk.contains("<location>") {
            "<location>"
        } else {
            "<toponym>"
        };
        for t in chunk.split(tag).skip(1) {
            let start: Option<usize> = xml_text(t, "start").and_then(|x| x.trim().parse().ok());
            let end: Option<usize> = xml_text(t, "end").and_then(|x| x.trim().parse().ok());
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            if let Some(ty) = xml_text(t, "type") {
                if !gwn_types.contains(&ty.trim()) {
                    continue;
                }
            }
            let lat = xml_text(t, "lat").or_else(|| xml_text(t, "latitude"));
            let lon = xml_text(t, "lon").or_else(|| xml_text(t, "longitude"));
            let coord = match (lat, lon) {
                (Some(a), Some(b)) => a.trim().parse().ok().zip(b.trim().parse().ok()),
                _ => None,
            };
            gold.push(Gold { start, end, coord });
        }
        arts.push(Article { text, gold });
    }
    Ok(arts)
}

/// ANERcorp sentences: tokens and tags.
pub fn read_anercorp(path: &Path) -> Result<Vec<Vec<(String, String)>>> {
    let s = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in s.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some((tok, tag)) = line.rsplit_once(' ') {
            cur.push((tok.to_string(), tag.to_string()));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Exact-span LOC evaluation on ANERcorp: the predicted spans are the token ranges covered by
/// place names (adjectives are not LOC there).
/// ANERcorp has no article boundaries; it is a sequence of news sentences in order. The analysis
/// works per article (the countries an article names help resolve and confirm its places), so the
/// evaluation reads it as documents of this many consecutive sentences.
const ANER_DOC_SENTENCES: usize = 10;

/// Predicted place-name spans of each ANERcorp sentence, as token ranges (first, end exclusive),
/// with the folded key of the predicted text.
fn anercorp_spans(
    sents: &[Vec<(String, String)>],
    g: &Gazetteer,
    corroborate: bool,
) -> Vec<Vec<(usize, usize, String)>> {
    let chunks: Vec<&[Vec<(String, String)>]> = sents.chunks(ANER_DOC_SENTENCES).collect();
    let per_chunk: Vec<Vec<Vec<(usize, usize, String)>>> = chunks
        .par_iter()
        .map(|chunk| {
            let mut text = String::new();
            let mut tok_ranges: Vec<Vec<(usize, usize)>> = Vec::new();
            let mut pos = 0usize;
            for s in chunk.iter() {
                let mut r = Vec::new();
                for (i, (tok, _)) in s.iter().enumerate() {
                    if i > 0 {
                        text.push(' ');
                        pos += 1;
                    }
                    let n = tok.chars().count();
                    r.push((pos, pos + n));
                    text.push_str(tok);
                    pos += n;
                }
                text.push('\n');
                pos += 1;
                tok_ranges.push(r);
            }
            let a = crate::analyze::analyze_with(
                &document(&text, true),
                g,
                Options {
                    corroborate,
                    events: false,
                },
            );
            let mut out = vec![Vec::new(); chunk.len()];
            for p in predictions(&a)
                .into_iter()
                .filter(|p| p.form == MentionForm::Name)
            {
                let Some(si) = tok_ranges.iter().position(|r| {
                    r.first().is_some_and(|f| f.0 <= p.start)
                        && r.last().is_some_and(|l| p.start < l.1)
                }) else {
                    continue;
                };
                let r = &tok_ranges[si];
                let first = r.iter().position(|(a, b)| p.start < *b && *a < p.end);
                let last = r.iter().rposition(|(a, b)| p.start < *b && *a < p.end);
                if let (Some(mut f), Some(l)) = (first, last) {
                    // ANERcorp leaves a compass word before a region outside its span (غرب O
                    // أفريقيا B-LOC, بشمال O أفريقيا B-LOC); a country's name (جنوب أفريقيا,
                    // South Africa) keeps it.
                    if p.country.is_none() {
                        while f < l && is_compass_word(&chunk[si][f].0) {
                            f += 1;
                        }
                    }
                    let key = fold(
                        &text
                            .chars()
                            .skip(p.start)
                            .take(p.end - p.start)
                            .collect::<String>(),
                    );
                    out[si].push((f, l + 1, key));
                }
            }
            out
        })
        .collect();
    per_chunk.into_iter().flatten().collect()
}

/// A compass word (شمال, جنوب, شرق, غرب, وسط), alone or after و ب ل ف.
fn is_compass_word(token: &str) -> bool {
    const COMPASS: [&str; 5] = ["شمال", "جنوب", "شرق", "غرب", "وسط"];
    let key = fold(token);
    let after_conj = ["و", "ف"].iter().filter_map(|c| key.strip_prefix(c));
    let forms: Vec<&str> = std::iter::once(key.as_str()).chain(after_conj).collect();
    forms.iter().any(|w| {
        COMPASS.contains(w)
            || ["ب", "ل"]
                .iter()
                .any(|p| w.strip_prefix(p).is_some_and(|r| COMPASS.contains(&r)))
    })
}

fn eval_anercorp(path: &Path, g: &Gazetteer, errors: bool) -> Result<Score> {
    let sents = read_anercorp(path)?;
    Ok(score_anercorp(&sents, g, errors))
}

/// Two-fold check of how the learned stop-list generalises, on the training split only: learn
/// from the first half of ANERcorp train (and the English development corpora), score the second.
fn eval_anercorp_cv(dir: &Path, errors: bool) -> Result<Score> {
    let sents = read_anercorp(&dir.join("anercorp/ANERCorp_CamelLab_train.txt"))?;
    let half = (sents.len() / 2 / ANER_DOC_SENTENCES) * ANER_DOC_SENTENCES;
    let base = Gazetteer::embedded_with_stoplist("")?;
    let mut counts = FxHashMap::default();
    count_anercorp(&sents[..half], &base, &mut counts);
    count_english(dir, &base, &mut counts)?;
    let stop = stoplist_text(counts, &base);
    let g = Gazetteer::embedded_with_stoplist(&stop)?;
    Ok(score_anercorp(&sents[half..], &g, errors))
}

fn score_anercorp(sents: &[Vec<(String, String)>], g: &Gazetteer, errors: bool) -> Score {
    let predicted = anercorp_spans(sents, g, true);
    let mut gold_spans = Vec::new();
    let mut pred_spans = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let mut k = 0;
        while k < s.len() {
            if s[k].1 == "B-LOC" || (s[k].1 == "I-LOC" && (k == 0 || !s[k - 1].1.ends_with("LOC")))
            {
                let mut e = k + 1;
                while e < s.len() && s[e].1 == "I-LOC" {
                    e += 1;
                }
                gold_spans.push((si, k, e));
                k = e;
            } else {
                k += 1;
            }
        }
        for (f, l, _) in &predicted[si] {
            pred_spans.push((si, *f, *l));
        }
    }
    let gold: std::collections::HashSet<_> = gold_spans.iter().copied().collect();
    let pred: std::collections::HashSet<_> = pred_spans.iter().copied().collect();
    let mut sc = Score {
        tp: gold.intersection(&pred).count(),
        ..Default::default()
    };
    sc.fp = pred.len() - sc.tp;
    sc.fn_ = gold.len() - sc.tp;
    if errors {
        let words = |(si, a, b): (usize, usize, usize)| {
            sents[si][a..b]
                .iter()
                .map(|x| x.0.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut fps: FxHashMap<String, usize> = FxHashMap::default();
        let mut misses: FxHashMap<String, usize> = FxHashMap::default();
        for p in pred.difference(&gold) {
            *fps.entry(words(*p)).or_default() += 1;
        }
        for p in gold.difference(&pred) {
            *misses.entry(words(*p)).or_default() += 1;
        }
        let mut f: Vec<_> = fps.into_iter().collect();
        f.sort_by_key(|x| std::cmp::Reverse(x.1));
        let mut m: Vec<_> = misses.into_iter().collect();
        m.sort_by_key(|x| std::cmp::Reverse(x.1));
        println!("  false positives: {:?}", &f[..f.len().min(250)]);
        println!("  misses: {:?}", &m[..m.len().min(60)]);
    }
    sc
}

fn eval_english(path: &Path, g: &Gazetteer, errors: bool) -> Result<Score> {
    let arts = read_english(path)?;
    let results: Vec<(Score, Vec<String>)> = arts
        .par_iter()
        .map(|art| {
            let places_only = Options {
                events: false,
                ..Options::default()
            };
            let a = crate::analyze::analyze_with(&document(&art.text, false), g, places_only);
            let preds: Vec<Pred> = predictions(&a);
            let mut out = Vec::new();
            let mut s = score_overlap(art, &preds, errors, &mut out);
            if let Some(gold) = main_gold_place(art) {
                s.main_n = 1;
                let main = a
                    .focus
                    .places
                    .first()
                    .and_then(|id| a.places.iter().find(|p| &p.id == id));
                // By distance alone: a country is right only when its point is near, so that
                // naming the country of a local story does not count as finding its place.
                if main.is_some_and(|p| distance_km(gold, (p.lat, p.lon)) <= 161.0) {
                    s.main_ok = 1;
                }
            }
            (s, out)
        })
        .collect();
    let mut total = Score::default();
    let mut counts: FxHashMap<String, usize> = FxHashMap::default();
    for (s, out) in &results {
        total.add(s);
        for o in out {
            *counts.entry(o.clone()).or_default() += 1;
        }
    }
    if errors {
        let mut v: Vec<_> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (k, n) in v.iter().take(150) {
            println!("  {n:4} {k}");
        }
    }
    Ok(total)
}

/// The place an article's annotators mark most often (the earliest on a tie), by its
/// coordinates.
fn main_gold_place(art: &Article) -> Option<(f64, f64)> {
    let mut seen: Vec<((f64, f64), usize, usize)> = Vec::new();
    for g in &art.gold {
        let Some(c) = g.coord else { continue };
        match seen.iter_mut().find(|(x, _, _)| *x == c) {
            Some(e) => e.1 += 1,
            None => seen.push((c, 1, g.start)),
        }
    }
    seen.into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.cmp(&a.2)))
        .map(|(c, _, _)| c)
}

/// IDRISI-D: resolution of Country, Province and City/town mentions (distance to the gold point
/// for gold mentions we recognise), plus recognition P/R/F1 over those types.
fn eval_idrisi(dir: &Path, split: &str, g: &Gazetteer, errors: bool) -> Result<Score> {
    let mut arts = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    entries.sort();
    for d in entries {
        let f = d.join(format!("{split}.jsonl"));
        let Ok(s) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in s.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let text = v["text"].as_str().unwrap_or("").to_string();
            let mut gold = Vec::new();
            for m in v["location_mentions"].as_array().into_iter().flatten() {
                let ty = m["type"].as_str().unwrap_or("");
                if !matches!(ty, "Country" | "Province" | "City/town") {
                    continue;
                }
                let (Some(s), Some(e)) = (m["start_offset"].as_u64(), m["end_offset"].as_u64())
                else {
                    continue;
                };
                let lat = m["osm_json"]["lat"].as_str().and_then(|x| x.parse().ok());
                let lon = m["osm_json"]["lon"].as_str().and_then(|x| x.parse().ok());
                gold.push(Gold {
                    start: s as usize,
                    end: e as usize,
                    coord: lat.zip(lon),
                });
            }
            arts.push(Article { text, gold });
        }
    }
    let mut total = Score::default();
    let mut out = Vec::new();
    for art in &arts {
        let a = crate::analyze(&document(&art.text, false), g);
        let preds: Vec<Pred> = predictions(&a)
            .into_iter()
            .filter(|p| p.form == MentionForm::Name)
            .collect();
        total.add(&score_overlap(art, &preds, errors, &mut out));
    }
    if errors {
        for o in out.iter().take(200) {
            println!("  {o}");
        }
    }
    Ok(total)
}

/// Run the named evaluations and print a table.
pub fn run(dir: &Path, which: &[String], errors: bool) -> Result<()> {
    let g = Gazetteer::shared();
    let all = which.iter().any(|w| w == "all");
    let want = |n: &str| all || which.iter().any(|w| w == n);
    println!("| corpus | P | R | F1 | acc@161km | median km | n resolved |");
    println!("|---|---|---|---|---|---|---|");
    let row = |name: &str, s: &Score| {
        let (p, r, f) = s.prf();
        if s.errors_km.is_empty() {
            println!("| {name} | {p:.3} | {r:.3} | {f:.3} | | | |");
        } else {
            println!(
                "| {name} | {p:.3} | {r:.3} | {f:.3} | {:.3} | {:.0} | {} |",
                s.acc161(),
                s.median(),
                s.errors_km.len()
            );
        }
    };
    if want("anercorp-cv") {
        row("anercorp-cv", &eval_anercorp_cv(dir, errors)?);
    }
    for (name, file) in [
        ("anercorp-train", "anercorp/ANERCorp_CamelLab_train.txt"),
        ("anercorp-test", "anercorp/ANERCorp_CamelLab_test.txt"),
    ] {
        if want(name) {
            row(name, &eval_anercorp(&dir.join(file), g, errors)?);
        }
    }
    let mut mains = Vec::new();
    for (name, file) in [
        ("lgl", "english/lgl.xml"),
        ("gwn", "english/GWN.xml"),
        ("trnews", "english/TR-News.xml"),
        ("geovirus", "english/GeoVirus.xml"),
    ] {
        if want(name) {
            let s = eval_english(&dir.join(file), g, errors)?;
            row(name, &s);
            mains.push((name, s.main_ok, s.main_n));
        }
    }
    for (name, split) in [("idrisi-train", "train"), ("idrisi-dev", "dev")] {
        if want(name) {
            row(
                name,
                &eval_idrisi(&dir.join("idrisi-ar"), split, g, errors)?,
            );
        }
    }
    if !mains.is_empty() {
        println!();
        println!("| corpus | main place within 161 km of the most annotated place |");
        println!("|---|---|");
        for (name, ok, n) in mains {
            let share = ok as f64 / n.max(1) as f64;
            println!("| {name} | {ok}/{n} ({share:.3}) |");
        }
    }
    Ok(())
}

/// Learn the stop-list from the development data only (ANERcorp train, LGL, GeoWebNews): a
/// matching key that the recogniser finds, and that the annotators marked as a place in fewer
/// than a third of at least three occurrences, is an ordinary word (or a person's or
/// organisation's name) more often than a place.
/// Given names learned from ANERcorp train: words that begin a person's name of several words
/// (B-PERS followed by I-PERS) at least twice and are never annotated as a place. A place name
/// right after one of them is a surname (جورج واشنطن, بيل كلينتون).
pub fn learn_given_names(dir: &Path) -> Result<String> {
    let sents = read_anercorp(&dir.join("anercorp/ANERCorp_CamelLab_train.txt"))?;
    let mut starts: FxHashMap<String, usize> = FxHashMap::default();
    let mut loc: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    let mut outside: FxHashMap<String, usize> = FxHashMap::default();
    for s in &sents {
        for (k, (tok, tag)) in s.iter().enumerate() {
            let key = fold(tok);
            if tag.ends_with("LOC") {
                loc.insert(key.clone());
            }
            if tag == "O" {
                // Folding makes the preposition على look like the name علي: count ordinary uses.
                *outside.entry(key.clone()).or_default() += 1;
            }
            if tag == "B-PERS" && s.get(k + 1).is_some_and(|n| n.1 == "I-PERS") {
                *starts.entry(key).or_default() += 1;
            }
        }
    }
    let mut names: Vec<(String, usize)> = starts
        .into_iter()
        .filter(|(k, n)| {
            *n >= 2
                && !loc.contains(k)
                && k.chars().count() >= 2
                && outside.get(k).copied().unwrap_or(0) <= *n
        })
        .collect();
    names.sort();
    let mut out = String::from(
        "# Learned by `kharita learn-stoplist` from ANERcorp train: given names that begin a\n\
         # person's name of several words. key<TAB>times.\n",
    );
    for (k, n) in names {
        out.push_str(&format!("{k}\t{n}\n"));
    }
    Ok(out)
}

/// Learn the stop-list of ordinary words (see [`stoplist_text`]).
pub fn learn_stoplist(dir: &Path) -> Result<String> {
    // The gazetteer without its current stop-list, so that learning is repeatable.
    let base = Gazetteer::embedded_with_stoplist("")?;
    let mut counts = FxHashMap::default();
    let sents = read_anercorp(&dir.join("anercorp/ANERCorp_CamelLab_train.txt"))?;
    count_anercorp(&sents, &base, &mut counts);
    count_english(dir, &base, &mut counts)?;
    Ok(stoplist_text(counts, &base))
}

/// (times annotated as a place, times not) per matching key.
type Counts = FxHashMap<String, (usize, usize)>;

/// ANERcorp: a prediction is a place if any token it covers is annotated LOC (ANERcorp leaves
/// heads such as قطاع or إقليم outside the span).
fn count_anercorp(sents: &[Vec<(String, String)>], base: &Gazetteer, counts: &mut Counts) {
    for (s, spans) in sents.iter().zip(anercorp_spans(sents, base, false)) {
        for (f, l, key) in spans {
            let is_loc = s[f..l].iter().any(|t| t.1.ends_with("LOC"));
            let c = counts.entry(key).or_default();
            if is_loc {
                c.0 += 1
            } else {
                c.1 += 1
            }
        }
    }
}

/// LGL and GeoWebNews: a prediction is a place if it overlaps a gold toponym.
fn count_english(dir: &Path, base: &Gazetteer, counts: &mut Counts) -> Result<()> {
    for file in ["english/lgl.xml", "english/GWN.xml"] {
        for art in read_english(&dir.join(file))? {
            let a = crate::analyze::analyze_with(
                &document(&art.text, false),
                base,
                Options {
                    corroborate: false,
                    events: false,
                },
            );
            for p in predictions(&a) {
                if p.form != MentionForm::Name {
                    continue;
                }
                let hit = art.gold.iter().any(|g| p.start < g.end && g.start < p.end);
                let key = fold(
                    &art.text
                        .chars()
                        .skip(p.start)
                        .take(p.end - p.start)
                        .collect::<String>(),
                );
                let c = counts.entry(key).or_default();
                if hit {
                    c.0 += 1
                } else {
                    c.1 += 1
                }
            }
        }
    }
    Ok(())
}

/// A key found at least three times (ten for a city of a million annotated as a place at least
/// once) and annotated as a place in fewer than a third of them is an ordinary word (or a
/// person's or organisation's name) more often than a place. Names of countries, continents,
/// seas and curated regions are never stop-words: corpora differ on whether "the Middle East" is
/// annotated, but the product shows it.
fn stoplist_text(counts: Counts, base: &Gazetteer) -> String {
    let prominent = |key: &str| {
        base.lookup(key).iter().any(|p| {
            let e = base.entry(p.entry);
            e.kind == crate::model::PlaceKind::Country
                || e.kind == crate::model::PlaceKind::Water
                || e.continent
                || e.id.starts_with("curated:")
        })
    };
    // A city of a million people that the corpus itself marks as a place at least once needs
    // ten sightings before it is taken for an ordinary word: a few annotation slips had made
    // Mosul (الموصل, "وفي الموصل شمال العراق" left unmarked) one.
    let big_city = |key: &str| {
        base.lookup(key).iter().any(|p| {
            let e = base.entry(p.entry);
            e.kind == crate::model::PlaceKind::City && e.population >= 1_000_000
        })
    };
    let mut keys: Vec<(String, usize, usize)> = counts
        .into_iter()
        .filter(|(k, (p, n))| {
            let seen = p + n;
            seen >= 3 && *p * 3 < seen && !prominent(k) && (seen >= 10 || *p == 0 || !big_city(k))
        })
        .map(|(k, (p, n))| (k, p, n))
        .collect();
    keys.sort();
    let mut out = String::from(
        "# Learned by `kharita learn-stoplist` from ANERcorp train, LGL and GeoWebNews:\n\
         # key<TAB>times annotated as a place<TAB>times not.\n",
    );
    for (k, p, n) in keys {
        out.push_str(&format!("{k}\t{p}\t{n}\n"));
    }
    out
}
