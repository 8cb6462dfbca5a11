//! Where the time of `kharita analyze` goes, phase by phase, on a folder of article files (one
//! thread, start-up apart). Each phase is timed on its own; "analyze" runs them all again, with
//! corroboration and the second resolution, without and with the events.
//!
//! Run with `cargo run --release --example phases -- DIR`.
use kharita::analyze::{analyze_with, segment, Options};
use kharita::gazetteer::Gazetteer;
use kharita::{export, ingest, recognize::recognize, resolve::resolve};
use std::time::{Duration, Instant};

fn main() -> anyhow::Result<()> {
    let Some(dir) = std::env::args().nth(1) else {
        anyhow::bail!("usage: phases DIR (a folder of article files)");
    };
    let t = Instant::now();
    let g = Gazetteer::shared();
    println!("load {:.3} s", t.elapsed().as_secs_f64());
    let mut paths = Vec::new();
    for e in std::fs::read_dir(&dir)? {
        paths.push(e?.path());
    }
    paths.sort();
    let mut d = [Duration::ZERO; 7];
    let names = [
        "ingest",
        "segment",
        "recognize",
        "resolve",
        "analyze (no events)",
        "analyze (all)",
        "json",
    ];
    let mut analysed = 0usize;
    for p in &paths {
        let t = Instant::now();
        let Ok(doc) = ingest::read_path(p) else {
            continue;
        };
        d[0] += t.elapsed();
        analysed += 1;
        let t = Instant::now();
        let seg = segment(&doc);
        d[1] += t.elapsed();
        let t = Instant::now();
        let spans = recognize(&doc.text, &seg.tokens, g);
        d[2] += t.elapsed();
        let t = Instant::now();
        let r = resolve(&spans, g);
        std::hint::black_box(&r);
        d[3] += t.elapsed();
        let t = Instant::now();
        let a = analyze_with(
            &doc,
            g,
            Options {
                corroborate: true,
                events: false,
            },
        );
        std::hint::black_box(&a);
        d[4] += t.elapsed();
        let t = Instant::now();
        let a = analyze_with(&doc, g, Options::default());
        d[5] += t.elapsed();
        let t = Instant::now();
        let s = export::json_string(&a, false);
        std::hint::black_box(&s);
        d[6] += t.elapsed();
    }
    if analysed == 0 {
        anyhow::bail!("no readable article in {dir}");
    }
    println!("{analysed} of {} files analysed", paths.len());
    for (n, x) in names.iter().zip(d) {
        println!(
            "{n:>22}: {:.3} s, {:.1} us/doc",
            x.as_secs_f64(),
            x.as_secs_f64() * 1e6 / analysed as f64
        );
    }
    Ok(())
}
