//! Events over the sample corpora: the ten Arabic articles (`../shared/corpus/ar-news`) and the
//! LGL English articles (`../shared/eval/english/lgl.xml`).
//!
//! `cargo run --release --example events_corpus -- bench [ROUNDS]` times the analysis with and
//! without event extraction, alternating the two; `... -- sample [N] [SEED]` draws N events (half Arabic, half
//! LGL) at random with a fixed seed and prints them for a hand check (docs/events.md).

use anyhow::{Context, Result};
use kharita::analyze::{analyze_with, Options};
use kharita::gazetteer::Gazetteer;
use kharita::ingest::{self, Document, Format};
use kharita::model::Analysis;
use std::path::Path;
use std::time::{Duration, Instant};

const AR_DIR: &str = "../shared/corpus/ar-news";
const LGL: &str = "../shared/eval/english/lgl.xml";

/// The text between `<tag>` and `</tag>` in `chunk`, CDATA unwrapped.
fn xml_field<'a>(chunk: &'a str, tag: &str) -> Option<&'a str> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let s = chunk.find(&open)? + open.len();
    let e = s + chunk[s..].find(&close)?;
    let t = &chunk[s..e];
    Some(
        t.strip_prefix("<![CDATA[")
            .and_then(|x| x.strip_suffix("]]>"))
            .unwrap_or(t),
    )
}

/// The Arabic articles, with their publication dates from index.json.
fn arabic() -> Result<Vec<Document>> {
    let index: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(AR_DIR).join("index.json")).context("index.json")?,
    )?;
    let mut docs = Vec::new();
    for item in index.as_array().context("index.json is a list")? {
        let file = item["file"].as_str().context("file")?;
        let mut doc = ingest::read_path(&Path::new(AR_DIR).join(file))?;
        doc.published = item["date_extracted"].as_str().map(|d| d[..10].to_string());
        docs.push(doc);
    }
    Ok(docs)
}

/// The LGL articles, with their download dates as publication dates.
fn lgl() -> Result<Vec<Document>> {
    let xml = std::fs::read_to_string(LGL).context("lgl.xml")?;
    let mut docs = Vec::new();
    for (i, chunk) in xml.split("<article ").skip(1).enumerate() {
        let Some(text) = xml_field(chunk, "text") else {
            continue;
        };
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&amp;", "&");
        let mut doc = ingest::from_bytes(&format!("lgl#{i}"), text.as_bytes(), Format::Text)?;
        doc.published = xml_field(chunk, "dltime").map(|d| d.chars().take(10).collect());
        docs.push(doc);
    }
    Ok(docs)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(rounds: usize) -> Result<()> {
    let g = Gazetteer::shared();
    let mut docs = arabic()?;
    let n_ar = docs.len();
    docs.extend(lgl()?);
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
    let core_only = Options {
        events: false,
        ..Options::default()
    };
    // Warm up (lexicons, tables, caches).
    let analyses: Vec<Analysis> = docs.iter().map(|d| kharita::analyze(d, g)).collect();
    let events: usize = analyses.iter().map(|a| a.events.len()).sum();
    let (mut full, mut core) = (Vec::new(), Vec::new());
    // Alternate the two document by document, each first in turn, so that a slower spell of
    // the machine (this one shares its host) and the caches touch both alike.
    for _ in 0..rounds {
        let (mut f, mut c) = (Duration::ZERO, Duration::ZERO);
        for (i, d) in docs.iter().enumerate() {
            let with_first = i % 2 == 0;
            for pass in 0..2 {
                let with = (pass == 0) == with_first;
                let t = Instant::now();
                if with {
                    std::hint::black_box(kharita::analyze(d, g));
                    f += t.elapsed();
                } else {
                    std::hint::black_box(analyze_with(d, g, core_only));
                    c += t.elapsed();
                }
            }
        }
        full.push(f);
        core.push(c);
    }
    let (full, core) = (median(full), median(core));
    let extract = full.saturating_sub(core);
    println!(
        "{} documents ({n_ar} Arabic, {} LGL), {chars} characters, {events} events",
        docs.len(),
        docs.len() - n_ar
    );
    println!("rounds: {rounds} (medians, one thread)");
    println!(
        "analyze with events:    {:>8.1} ms",
        full.as_secs_f64() * 1e3
    );
    println!(
        "analyze without events: {:>8.1} ms",
        core.as_secs_f64() * 1e3
    );
    println!(
        "extraction adds {:.1}% to the core's time",
        100.0 * extract.as_secs_f64() / core.as_secs_f64().max(1e-9)
    );
    Ok(())
}

/// A small fixed-seed generator (xorshift64*), so the draw is the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// `k` distinct indices below `n`, in drawing order.
    fn pick(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + (self.next() % (n - i) as u64) as usize;
            all.swap(i, j);
        }
        all.truncate(k.min(n));
        all
    }
}

fn sample(n: usize, seed: u64) -> Result<()> {
    let g = Gazetteer::shared();
    let mut rng = Rng(seed.max(1));
    for (label, docs) in [("Arabic", arabic()?), ("LGL", lgl()?)] {
        let analyses: Vec<Analysis> = docs.iter().map(|d| kharita::analyze(d, g)).collect();
        let pool: Vec<(usize, usize)> = analyses
            .iter()
            .enumerate()
            .flat_map(|(ai, a)| (0..a.events.len()).map(move |ei| (ai, ei)))
            .collect();
        println!(
            "## {label}: {} events in {} documents\n",
            pool.len(),
            docs.len()
        );
        for (k, i) in rng.pick(pool.len(), n / 2).into_iter().enumerate() {
            let (ai, ei) = pool[i];
            let a = &analyses[ai];
            let e = &a.events[ei];
            let places: Vec<String> = e
                .places
                .iter()
                .filter_map(|id| a.places.iter().find(|p| &p.id == id))
                .map(|p| {
                    // Coordinates tell the reader which town of a name it is.
                    format!(
                        "{} ({}, {}, {:.2} {:.2})",
                        p.name,
                        p.kind.as_str(),
                        p.country_code.as_deref().unwrap_or("-"),
                        p.lat,
                        p.lon
                    )
                })
                .collect();
            println!(
                "{}. {} event {}: **{}** {} [{}] date={:?}\n   places ({}): {}\n   actors: {}\n   > {}\n",
                k + 1,
                a.source,
                ei,
                e.kind,
                e.mode,
                e.trigger,
                e.date.as_ref().map(|d| (&d.text, d.year, d.month, d.day)),
                e.location_precision,
                places.join("; "),
                e.actors.join("; "),
                e.sentence.replace('\n', " ")
            );
        }
    }
    Ok(())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("bench") => bench(args.get(1).and_then(|x| x.parse().ok()).unwrap_or(5)),
        Some("sample") => sample(
            args.get(1).and_then(|x| x.parse().ok()).unwrap_or(50),
            args.get(2).and_then(|x| x.parse().ok()).unwrap_or(2024),
        ),
        _ => {
            eprintln!("usage: events_corpus bench [ROUNDS] | sample [N] [SEED]");
            Ok(())
        }
    }
}
