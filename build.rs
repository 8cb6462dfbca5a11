//! Build script: hands the app its offline basemap (`data/basemap/countries.json.gz`, made by
//! `scripts/build_data.py`). When a checkout lacks the file, the app is built with an empty one
//! and says so in its window instead of failing to compile.

use std::path::{Path, PathBuf};

fn main() {
    let src = Path::new("data/basemap/countries.json.gz");
    println!("cargo:rerun-if-changed={}", src.display());
    println!("cargo:rerun-if-changed=data/basemap");
    let out_dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let dst = out_dir.join("basemap.json.gz");
    let bytes = std::fs::read(src).unwrap_or_default();
    if let Err(e) = std::fs::write(&dst, bytes) {
        println!("cargo:warning=cannot write {}: {e}", dst.display());
    }
}
