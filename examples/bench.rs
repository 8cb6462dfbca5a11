//! Benchmarks of the desktop app, headless (no window, no GPU): CPU time per frame with 500
//! articles loaded (layout plus tessellation, what a frame costs before the GPU), the filter with
//! 500 articles, and the time from start to the first full frame of the founding article.
//!
//! Run with `cargo run --release --example bench [CORPUS_DIR]`. The 500 articles are the ten
//! Arabic news articles of `../shared/corpus/ar-news` (or the folder given) and the founding
//! article, repeated under distinct names; without the folder, the founding article alone.

use eframe::egui;
use kharita::app::{App, Startup, State};
use kharita::filter::{self, Filter};
use kharita::gazetteer::Gazetteer;
use kharita::model::Analysis;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const SIZE: egui::Vec2 = egui::vec2(1500.0, 940.0);

fn input(t: f64, pointer: Option<egui::Pos2>) -> egui::RawInput {
    let mut events = Vec::new();
    if let Some(p) = pointer {
        events.push(egui::Event::PointerMoved(p));
    }
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(t),
        events,
        ..Default::default()
    }
}

/// One frame: logic, layout and tessellation. Returns the CPU time.
fn frame(ctx: &egui::Context, app: &mut App, t: f64, pointer: Option<egui::Pos2>) -> Duration {
    let start = Instant::now();
    app.logic(ctx);
    let mut out = ctx.run_ui(input(t, pointer), |ui| app.show(ui));
    let shapes = std::mem::take(&mut out.shapes);
    let prims = ctx.tessellate(shapes, out.pixels_per_point);
    let took = start.elapsed();
    out.textures_delta.clear();
    std::hint::black_box(prims);
    took
}

fn stats(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = v.iter().map(|d| ms(*d)).sum::<f64>() / v.len().max(1) as f64;
    println!(
        "{name}: mean {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms over {} frames",
        mean,
        ms(v[v.len() / 2]),
        ms(v[(v.len() * 95 / 100).min(v.len() - 1)]),
        ms(v[v.len() - 1]),
        v.len()
    );
}

fn cold_start() {
    let t0 = Instant::now();
    let ctx = egui::Context::default();
    let mut app = App::with_state(
        &ctx,
        State::default(),
        Startup {
            started: Some(t0),
            ..Startup::default()
        },
    );
    let mut t = 0.0;
    let mut frames = 0;
    loop {
        frame(&ctx, &mut app, t, None);
        frames += 1;
        t += 1.0 / 60.0;
        if app.first_full_frame.is_some() && !app.docs().is_empty() {
            break;
        }
        if t0.elapsed() > Duration::from_secs(30) {
            println!("cold start: no full frame after 30 s");
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    println!(
        "cold start to the first full frame of the founding article: {:.0} ms ({} frames; gazetteer, analysis and coarse basemap levels on background threads)",
        t0.elapsed().as_secs_f64() * 1000.0,
        frames
    );
}

fn corpus(dir: Option<PathBuf>) -> Vec<Analysis> {
    let g = Gazetteer::shared();
    let mut base = Vec::new();
    let founding = kharita::ingest::from_bytes(
        "founding-article.txt",
        kharita::app::FOUNDING_ARTICLE.as_bytes(),
        kharita::ingest::Format::Text,
    );
    if let Ok(d) = founding {
        base.push(kharita::analyze(&d, g));
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("../shared/corpus/ar-news"));
    for i in 1..=10 {
        let p = dir.join(format!("{i:02}.txt"));
        if let Ok(d) = kharita::ingest::read_path(&p) {
            base.push(kharita::analyze(&d, g));
        }
    }
    println!(
        "{} distinct articles (founding article + {} from {})",
        base.len(),
        base.len() - 1,
        dir.display()
    );
    (0..500)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.source = format!("{i:03}-{}", a.source);
            a
        })
        .collect()
}

fn main() {
    cold_start();

    let docs = corpus(std::env::args().nth(1).map(PathBuf::from));
    let places: usize = docs.iter().map(|a| a.places.len()).sum();
    println!("500 articles, {places} place occurrences");

    // The filter alone.
    let mut f = Filter::default();
    let t = Instant::now();
    let v = filter::apply(&docs, &f);
    println!(
        "filter::apply, default filter: {:.1} ms ({} merged places)",
        t.elapsed().as_secs_f64() * 1000.0,
        v.places.len()
    );
    f.search = "اذربيجان".into();
    let t = Instant::now();
    let v = filter::apply(&docs, &f);
    println!(
        "filter::apply, search اذربيجان: {:.1} ms ({} places)",
        t.elapsed().as_secs_f64() * 1000.0,
        v.places.len()
    );

    let ctx = egui::Context::default();
    let mut app = App::with_state(
        &ctx,
        State::default(),
        Startup {
            empty: true,
            ..Startup::default()
        },
    );
    app.add_analyses(docs);
    app.wait_until_loaded();
    let mut t = 0.0;
    let mut warm = Vec::new();
    for _ in 0..5 {
        warm.push(frame(&ctx, &mut app, t, None));
        t += 1.0 / 60.0;
    }
    stats("first frames (layout caches cold)", warm);
    let mut still = Vec::new();
    for _ in 0..120 {
        still.push(frame(&ctx, &mut app, t, None));
        t += 1.0 / 60.0;
    }
    stats("500 articles, idle frames", still);
    // The pointer sweeping over the map (hover tests on every marker).
    let mut hover = Vec::new();
    for i in 0..120 {
        let p = egui::pos2(
            300.0 + (i as f32 * 6.0) % 700.0,
            200.0 + (i as f32 * 4.0) % 500.0,
        );
        hover.push(frame(&ctx, &mut app, t, Some(p)));
        t += 1.0 / 60.0;
    }
    stats("500 articles, pointer moving over the map", hover);
}
