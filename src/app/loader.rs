//! Background loading: reading, decoding and analysing articles on a named thread (several files
//! in parallel), reporting progress so the window never freezes.

use crate::gazetteer::Gazetteer;
use crate::model::Analysis;
use crate::{analyze, ingest};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Something to analyse.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file on disk.
    Path(PathBuf),
    /// Bytes with a name (a dropped file without a path, or the built-in founding article).
    Bytes {
        /// Shown as the article's source.
        name: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
}

impl Source {
    /// A name for progress messages.
    pub fn name(&self) -> String {
        match self {
            Source::Path(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Source::Bytes { name, .. } => name.clone(),
        }
    }
}

/// The outcome for one source: the analysis, or a message for a person.
pub type Outcome = Result<Analysis, String>;

/// What the loader thread reports.
pub enum Message {
    /// The gazetteer is ready.
    GazetteerReady,
    /// One more source is done.
    Progress {
        /// Sources done.
        done: usize,
    },
    /// Everything, in the order given, with the path of each file source.
    Finished(Vec<(Option<PathBuf>, Outcome)>),
}

/// A running load.
pub struct Job {
    rx: mpsc::Receiver<Message>,
    /// Sources done.
    pub done: usize,
    /// Sources in all.
    pub total: usize,
    /// Whether the gazetteer is loaded.
    pub gazetteer_ready: bool,
    /// Name of the first source, for the status line.
    pub first_name: String,
}

/// Analyse one source.
pub fn analyse(source: &Source, g: &Gazetteer) -> Outcome {
    let doc = match source {
        Source::Path(p) => ingest::read_path(p),
        Source::Bytes { name, bytes } => {
            let format = ingest::format_of(Path::new(name), bytes);
            ingest::from_bytes(name, bytes, format)
        }
    };
    doc.map(|d| analyze(&d, g)).map_err(|e| e.to_string())
}

impl Job {
    /// Start analysing `sources` on a named background thread. `wake` is called after each
    /// message (to request a repaint).
    pub fn spawn(
        sources: Vec<Source>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> Result<Job, String> {
        let (tx, rx) = mpsc::channel();
        let total = sources.len();
        let first_name = sources.first().map(Source::name).unwrap_or_default();
        std::thread::Builder::new()
            .name("kharita-loader".into())
            .spawn(move || {
                let g = Gazetteer::shared();
                let _ = tx.send(Message::GazetteerReady);
                wake();
                let done = AtomicUsize::new(0);
                let results: Vec<(Option<PathBuf>, Outcome)> = sources
                    .par_iter()
                    .map(|s| {
                        // A bug in the analysis of one file must not lose the others.
                        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyse(s, g)))
                            .unwrap_or_else(|_| {
                                Err(format!(
                                    "{}: the analysis failed on this file (an internal error); the other files are loaded",
                                    s.name()
                                ))
                            });
                        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                        let _ = tx.send(Message::Progress { done: n });
                        wake();
                        let path = match s {
                            Source::Path(p) => Some(p.clone()),
                            Source::Bytes { .. } => None,
                        };
                        (path, r)
                    })
                    .collect();
                let _ = tx.send(Message::Finished(results));
                wake();
            })
            .map_err(|e| format!("cannot start loading: {e}"))?;
        Ok(Job {
            rx,
            done: 0,
            total,
            gazetteer_ready: false,
            first_name,
        })
    }

    /// Take what the thread reported; `Some` with the results once it has finished.
    pub fn poll(&mut self) -> Option<Vec<(Option<PathBuf>, Outcome)>> {
        loop {
            match self.rx.try_recv() {
                Ok(Message::GazetteerReady) => self.gazetteer_ready = true,
                Ok(Message::Progress { done }) => self.done = self.done.max(done),
                Ok(Message::Finished(r)) => return Some(r),
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => {
                    return Some(vec![(
                        None,
                        Err("the analysis stopped unexpectedly; the files were not loaded".into()),
                    )])
                }
            }
        }
    }

    /// Wait for the results (tests and benchmarks).
    pub fn wait(self) -> Vec<(Option<PathBuf>, Outcome)> {
        loop {
            match self.rx.recv() {
                Ok(Message::Finished(r)) => return r,
                Ok(_) => {}
                Err(_) => {
                    return vec![(
                        None,
                        Err("the analysis stopped unexpectedly; the files were not loaded".into()),
                    )]
                }
            }
        }
    }

    /// A line for the status bar.
    pub fn status(&self) -> String {
        if !self.gazetteer_ready {
            "Loading the gazetteer…".to_owned()
        } else if self.total == 1 {
            format!("Analysing {}…", self.first_name)
        } else {
            format!(
                "Analysing {} of {} files…",
                self.done.min(self.total),
                self.total
            )
        }
    }
}
