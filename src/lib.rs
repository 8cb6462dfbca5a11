//! Kharita's analysis core: from article bytes to the places an article names, resolved on an
//! offline world gazetteer, with every mention located in the verbatim text.
//!
//! The core never imports the GUI stack and does no network IO; the desktop app lives apart, in
//! [`app`], and only it uses egui, eframe and walkers.
//!
//! ```no_run
//! use kharita::{analyze, gazetteer::Gazetteer, ingest};
//! let doc = ingest::read_path(std::path::Path::new("data/founding-article.txt")).unwrap();
//! let analysis = analyze::analyze(&doc, Gazetteer::shared());
//! assert!(analysis.places.iter().any(|p| p.name == "Baku"));
//! ```

pub mod analyze;
pub mod app;
pub mod eval;
pub mod events;
pub mod export;
pub mod filter;
pub mod gazetteer;
pub mod ingest;
pub mod model;
pub mod names;
pub mod recognize;
pub mod resolve;
pub mod text;
pub mod translit;

pub use analyze::analyze;
