//! The `kharita` command: with no subcommand it opens the desktop app (on the given files, or on
//! the founding article); `kharita analyze` for batch work, `kharita eval` to score the system on
//! public benchmarks, and `kharita learn-stoplist` to rebuild the learned stop-list.

use clap::{Parser, Subcommand, ValueEnum};
use kharita::{analyze, export, gazetteer::Gazetteer, ingest};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// The analysis allocates many small strings; mimalloc serves them faster than the system
/// allocator (measured with scripts/bench_geotext.py).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "kharita",
    version,
    about = "Find the places an article names and put them on a map",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles to open in the app (.txt, .md, .html); none opens the founding article.
    files: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Geojson,
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse article files (.txt, .md, .html) and print the places, mentions and events.
    Analyze {
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// Largest file accepted, in megabytes.
        #[arg(long, default_value_t = 64)]
        max_mb: u64,
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Score recognition and resolution on the evaluation corpora (see README).
    Eval {
        /// Folder holding the corpora (anercorp/, english/, idrisi-ar/).
        #[arg(long, default_value = "../shared/eval")]
        dir: PathBuf,
        /// Which: anercorp-train, anercorp-test, lgl, gwn, trnews, geovirus, idrisi-train, idrisi-dev, all.
        #[arg(default_value = "all")]
        which: Vec<String>,
        /// Print the errors (false positives and misses) as well.
        #[arg(long)]
        errors: bool,
    },
    /// Learn the stop-list of ordinary words and the list of given names from the development
    /// corpora, and write them into data/ (stoplist.tsv, given-names.tsv).
    LearnStoplist {
        /// Folder holding the corpora.
        #[arg(long, default_value = "../shared/eval")]
        dir: PathBuf,
        /// Where to write.
        #[arg(long, default_value = "data")]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Analyze {
            format,
            pretty,
            max_mb,
            files,
        }) => run_analyze(format, pretty, max_mb, &files),
        Some(Command::Eval { dir, which, errors }) => {
            match kharita::eval::run(&dir, &which, errors) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("kharita eval: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::LearnStoplist { dir, out }) => match learn(&dir, &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("kharita learn-stoplist: {e:#}");
                ExitCode::FAILURE
            }
        },
        None => run_app(cli.files, started),
    }
}

/// Open the desktop app.
fn run_app(files: Vec<PathBuf>, started: std::time::Instant) -> ExitCode {
    use kharita::app::{App, Startup};
    // Load the gazetteer and parse the basemap while the window and the GPU device are created.
    let _ = std::thread::Builder::new()
        .name("kharita-gazetteer-prewarm".into())
        .spawn(|| {
            let _ = kharita::gazetteer::Gazetteer::shared();
        });
    kharita::app::prewarm_basemap();
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Kharita")
            .with_app_id("kharita")
            .with_inner_size([1500.0, 940.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Kharita",
        options,
        Box::new(move |cc| {
            Ok(Box::new(App::new(
                cc,
                Startup {
                    files,
                    empty: false,
                    started: Some(started),
                },
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kharita: cannot open the window: {e}");
            eprintln!("(To analyse files without a window, run `kharita analyze FILE...`.)");
            ExitCode::FAILURE
        }
    }
}

fn learn(dir: &std::path::Path, out: &std::path::Path) -> anyhow::Result<()> {
    use anyhow::Context;
    let stop = kharita::eval::learn_stoplist(dir)?;
    let names = kharita::eval::learn_given_names(dir)?;
    for (file, text) in [("stoplist.tsv", stop), ("given-names.tsv", names)] {
        let path = out.join(file);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

/// Files are analysed in parallel, a batch at a time, and printed in the order given: memory
/// stays bounded however many files there are, and output starts early.
fn run_analyze(format: Format, pretty: bool, max_mb: u64, files: &[PathBuf]) -> ExitCode {
    let g = Gazetteer::shared();
    let limit = max_mb.saturating_mul(1024 * 1024);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    if matches!(format, Format::Csv) {
        let _ = writeln!(out, "{}", export::CSV_HEADER);
    }
    let batch = rayon::current_num_threads().max(1) * 16;
    for chunk in files.chunks(batch) {
        // Each file's output is rendered on the worker that analysed it.
        let rendered: Vec<Result<String, ingest::IngestError>> = chunk
            .par_iter()
            .map(|p| {
                let a = analyze(&ingest::read_path_limited(p, limit)?, g);
                Ok(render(&a, format, pretty))
            })
            .collect();
        for r in rendered {
            match r {
                Ok(text) => {
                    if out.write_all(text.as_bytes()).is_err() {
                        return ExitCode::FAILURE;
                    }
                }
                Err(e) => {
                    let _ = out.flush();
                    eprintln!("kharita: {e}");
                    failed = true;
                }
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn render(a: &kharita::model::Analysis, format: Format, pretty: bool) -> String {
    match format {
        Format::Json => export::json_string(a, pretty) + "\n",
        Format::Geojson => {
            let v = export::to_geojson(a);
            let s = if pretty {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            };
            s.unwrap_or_default() + "\n"
        }
        Format::Csv => export::to_csv_rows(a),
    }
}
