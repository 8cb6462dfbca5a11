//! Build script: folds every name of the committed gazetteer table into the matching-key index
//! (an FST plus postings) so that the program starts without indexing at run time, and hands the
//! app its offline basemap (`data/basemap/countries.json.gz`; when a checkout lacks it, the app is
//! built with an empty one and says so in its window).
#![allow(dead_code)]

#[path = "src/names.rs"]
mod names;
#[path = "src/text.rs"]
mod text;

use std::io::Read;

fn main() {
    copy_basemap();
    println!("cargo:rerun-if-changed=data/gazetteer.tsv.gz");
    println!("cargo:rerun-if-changed=src/text.rs");
    println!("cargo:rerun-if-changed=src/names.rs");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let mut tsv = String::new();
    let file = match std::fs::File::open("data/gazetteer.tsv.gz") {
        Ok(f) => f,
        Err(e) => panic!("data/gazetteer.tsv.gz: {e} (run scripts/build_data.py)"),
    };
    if let Err(e) = flate2::read::GzDecoder::new(file).read_to_string(&mut tsv) {
        panic!("data/gazetteer.tsv.gz: {e}");
    }
    let built = match names::build_index(&tsv) {
        Ok(b) => b,
        Err(e) => panic!("data/gazetteer.tsv.gz: {e}"),
    };
    for (name, bytes) in [
        ("names.fst", built.fst.as_slice()),
        ("postings.bin", built.postings.as_slice()),
        ("entries.tsv", built.entries.as_bytes()),
        ("entries.bin", built.records.as_slice()),
    ] {
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            panic!("writing {name}: {e}");
        }
    }
}

/// Copy the basemap and the region outlines into OUT_DIR (empty when missing) for the app's
/// `include_bytes!`.
fn copy_basemap() {
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    for (from, to) in [
        ("data/basemap/countries.json.gz", "basemap.json.gz"),
        ("data/basemap/regions.json.gz", "regions.json.gz"),
    ] {
        println!("cargo:rerun-if-changed={from}");
        let bytes = std::fs::read(from).unwrap_or_default();
        if let Err(e) = std::fs::write(out.join(to), bytes) {
            panic!("writing {to}: {e}");
        }
    }
}
