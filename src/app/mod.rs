//! The desktop app: a map of the places the loaded articles name, a right-to-left reader, a
//! filter sidebar, a context panel and a timeline.
//!
//! Data flows one way: the loader thread turns files into [`Analysis`] values, [`filter::apply`]
//! turns them and the [`Filter`] into a [`Visible`] view, and the panels draw that view. Panels
//! never change the app directly: they push [`Command`]s, applied once at the end of the frame.
//! One [`Item`] is selected at a time, shared by every panel. The persisted [`State`] (filters,
//! map position, recent files, toggles) is saved through eframe's storage.

mod basemap;
mod bidi;
mod context;
mod loader;
mod map;
mod reader;
mod sidebar;
mod style;
mod timeline;

pub use basemap::load_blocking as load_basemap_blocking;
pub use basemap::prewarm as prewarm_basemap;
pub use loader::Source;

use crate::filter::{self, Filter, Visible};
use crate::model::Analysis;
use eframe::egui::{self, Color32, Galley, RichText};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};
use walkers::{lat_lon, HttpTiles, MapMemory, Position};

/// The article the app opens when given no files.
pub const FOUNDING_ARTICLE: &str = include_str!("../../data/founding-article.txt");
/// Its name in the window.
pub const FOUNDING_ARTICLE_NAME: &str = "founding-article.txt";

/// How many recent files are remembered.
const MAX_RECENT: usize = 10;

/// Anything that can be selected.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Item {
    /// A place, by id (merged over the articles).
    Place(String),
    /// An event: (article, event index).
    Event(usize, usize),
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One FeatureCollection with a Point per place.
    GeoJson,
    /// One row per event.
    Csv,
    /// The analysis JSON contract, one line per article.
    Json,
}

/// A change to the app, made at the end of the frame.
#[must_use]
#[derive(Debug, Clone)]
pub enum Command {
    /// Change the selection.
    Select(Option<Item>),
    /// Analyse files and add them.
    Open(Vec<Source>),
    /// Show the native file dialog.
    ShowOpenDialog,
    /// Export the filtered view.
    Export(ExportFormat),
    /// Show this article in the reader.
    Read(usize),
    /// Show only this article (or all, with `None`).
    Focus(Option<usize>),
    /// Remove an article.
    Close(usize),
    /// Remove every article.
    CloseAll,
    /// Zoom by `delta` levels around a position.
    ZoomTo {
        /// Where.
        pos: Position,
        /// Levels.
        delta: f64,
    },
    /// Set the map's zoom level.
    SetZoom(f64),
    /// Fit the map to the shown places.
    Fit,
    /// Put text on the clipboard.
    Copy(String),
    /// Forget an error message.
    DismissError(usize),
}

/// What is saved between runs. Missing or damaged fields fall back to their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The filters.
    pub filter: Filter,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Map centre (latitude, longitude).
    pub map_center: Option<(f64, f64)>,
    /// Map zoom.
    pub map_zoom: f64,
    /// Labels in Arabic (else English).
    pub arabic_labels: bool,
    /// Online OpenStreetMap tiles (off by default: no network unless the user asks).
    pub online_tiles: bool,
    /// Shade the countries of shown places.
    pub shade_countries: bool,
    /// Show the timeline.
    pub show_timeline: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            filter: Filter::default(),
            recent: Vec::new(),
            map_center: None,
            map_zoom: 4.0,
            arabic_labels: true,
            online_tiles: false,
            shade_countries: true,
            show_timeline: true,
        }
    }
}

/// Key of the recent-files list, saved apart from the rest of the state as well, so that it
/// outlives a damaged state.
const RECENT_KEY: &str = "kharita-recent";

/// Read the saved state; anything unreadable gives the defaults.
pub fn load_state(storage: Option<&dyn eframe::Storage>) -> State {
    load_state_checked(storage).0
}

/// Read the saved state. A state that is there but cannot be read gives the defaults, with the
/// recent files kept (they are saved apart too), and a message that says so.
pub fn load_state_checked(storage: Option<&dyn eframe::Storage>) -> (State, Option<String>) {
    let Some(s) = storage else {
        return (State::default(), None);
    };
    if let Some(state) = eframe::get_value::<State>(s, eframe::APP_KEY) {
        return (state, None);
    }
    let recent = eframe::get_value::<Vec<PathBuf>>(s, RECENT_KEY).unwrap_or_default();
    let damaged = s.get_string(eframe::APP_KEY).is_some();
    let message = damaged.then(|| {
        format!(
            "The saved settings could not be read, so Kharita started with its default settings{}.",
            if recent.is_empty() {
                ""
            } else {
                " (the recent files were kept)"
            }
        )
    });
    (
        State {
            recent,
            ..State::default()
        },
        message,
    )
}

/// Laid-out labels and paragraphs kept across frames (bidi layout is not free).
#[derive(Default)]
pub struct LabelCache {
    map: HashMap<(String, u32, Color32), Arc<Galley>>,
    paragraphs: HashMap<u64, Arc<bidi::Paragraph>>,
    pixels_per_point: f32,
}

impl LabelCache {
    fn check(&mut self, ctx: &egui::Context) {
        let ppp = ctx.pixels_per_point();
        if ppp != self.pixels_per_point || self.map.len() > 20_000 || self.paragraphs.len() > 5_000
        {
            self.map.clear();
            self.paragraphs.clear();
            self.pixels_per_point = ppp;
        }
    }

    /// A paragraph laid out with bidi, `width` wide.
    pub fn paragraph(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        spans: &[bidi::Span],
        style: bidi::TextStyle,
        width: f32,
        base: bidi::Base,
    ) -> Arc<bidi::Paragraph> {
        use std::hash::{Hash, Hasher};
        self.check(ctx);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        spans.hash(&mut h);
        style.size.to_bits().hash(&mut h);
        style.color.hash(&mut h);
        (width.floor() as i64).hash(&mut h);
        base.hash(&mut h);
        let key = h.finish();
        if let Some(p) = self.paragraphs.get(&key) {
            return p.clone();
        }
        let p = Arc::new(bidi::layout(ctx, text, spans, style, width.floor(), base));
        self.paragraphs.insert(key, p.clone());
        p
    }

    /// A one-line galley for `text`.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        size: f32,
        color: Color32,
    ) -> Arc<Galley> {
        self.check(ctx);
        let key = (text.to_owned(), size.to_bits(), color);
        if let Some(g) = self.map.get(&key) {
            return g.clone();
        }
        let g = bidi::line_galley(ctx, text, size, color);
        self.map.insert(key, g.clone());
        g
    }
}

/// What every panel reads.
pub struct View<'a> {
    /// Loaded articles.
    pub docs: &'a [Analysis],
    /// What the filter shows.
    pub visible: &'a Visible,
    /// The selection.
    pub selection: Option<&'a Item>,
    /// Names in Arabic.
    pub arabic: bool,
}

impl View<'_> {
    /// The first occurrence of a shown place.
    pub fn place(&self, id: &str) -> Option<&crate::model::Place> {
        let &(ai, pi) = self.visible.place(id)?.refs.first()?;
        self.docs.get(ai)?.places.get(pi)
    }

    /// A place of an article by id, shown or not.
    pub fn place_in(&self, ai: usize, id: &str) -> Option<&crate::model::Place> {
        self.docs.get(ai)?.places.iter().find(|p| p.id == id)
    }
}

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct Startup {
    /// Files to open; none opens the founding article.
    pub files: Vec<PathBuf>,
    /// Open nothing at all (tests).
    pub empty: bool,
    /// When the process started, to time the first full frame from (`KHARITA_TIMING=1`).
    pub started: Option<Instant>,
}

/// Results of the file dialogs, which run on threads of their own.
enum DialogResult {
    Open(Vec<PathBuf>),
    Saved(PathBuf),
    Failed(String),
}

/// The app.
pub struct App {
    /// What is persisted.
    pub state: State,
    docs: Vec<Analysis>,
    visible: Visible,
    /// The filter `visible` was computed for, and whether the articles changed since.
    visible_filter: Option<Filter>,
    selection: Option<Item>,
    reader: reader::Reader,
    map_memory: MapMemory,
    map_size: egui::Vec2,
    basemap: basemap::Basemap,
    basemap_rx: Option<mpsc::Receiver<basemap::Message>>,
    job: Option<loader::Job>,
    /// Sources waiting for the current job to finish.
    queued: Vec<Source>,
    errors: Vec<String>,
    tiles: Option<HttpTiles>,
    labels: LabelCache,
    about_open: bool,
    commands: Vec<Command>,
    dialog_tx: mpsc::Sender<DialogResult>,
    dialog_rx: mpsc::Receiver<DialogResult>,
    fit_pending: bool,
    started: Instant,
    /// Time from start to the first frame that showed the loaded articles on the basemap.
    pub first_full_frame: Option<Duration>,
    /// Time from start to the beginning of the frame after it: the first full frame was painted
    /// and presented by then (measured in a window only).
    pub first_frame_shown: Option<Duration>,
    first_full_frame_nr: u64,
    notice: Option<String>,
    tile_server: TileServer,
    basemap_triangles: usize,
    basemap_under_tiles: bool,
    region_areas: usize,
}

/// Where online tiles come from: OpenStreetMap, unless a test or a user's own server says
/// otherwise.
#[derive(Debug, Clone)]
pub struct TileServer {
    /// URL with `{z}`, `{x}` and `{y}` in it.
    pub url: String,
    /// Folder of the on-disk HTTP cache (none: no cache).
    pub cache: Option<std::path::PathBuf>,
    /// What the map shows in its corner while these tiles are on, as their licence asks.
    pub attribution: String,
}

impl Default for TileServer {
    fn default() -> Self {
        TileServer {
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_owned(),
            cache: eframe::storage_dir("Kharita").map(|d| d.join("tiles")),
            attribution: "© OpenStreetMap contributors".to_owned(),
        }
    }
}

/// A [`TileServer`] as walkers' tile source, with OpenStreetMap's attribution.
struct TileSourceOf(TileServer);

impl walkers::sources::TileSource for TileSourceOf {
    fn tile_url(&self, t: walkers::TileId) -> String {
        self.0
            .url
            .replace("{z}", &t.zoom.to_string())
            .replace("{x}", &t.x.to_string())
            .replace("{y}", &t.y.to_string())
    }

    fn attribution(&self) -> walkers::sources::Attribution {
        walkers::sources::Attribution {
            text: "© OpenStreetMap contributors",
            url: "https://www.openstreetmap.org/copyright",
            logo_light: None,
            logo_dark: None,
        }
    }
}

impl App {
    /// Create the app: fonts, saved state, basemap loader, and the first files.
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> App {
        let (state, damaged) = load_state_checked(cc.storage);
        let mut app = App::with_state(&cc.egui_ctx, state, startup);
        app.errors.extend(damaged);
        app
    }

    /// Create the app with a given state.
    pub fn with_state(ctx: &egui::Context, state: State, startup: Startup) -> App {
        let started = startup.started.unwrap_or_else(Instant::now);
        style::install_fonts(ctx);
        ctx.set_theme(egui::Theme::Light);
        let (dialog_tx, dialog_rx) = mpsc::channel();
        let mut map_memory = MapMemory::default();
        let (lat, lon) = state.map_center.unwrap_or((38.0, 47.0));
        map_memory.center_at(lat_lon(lat, lon));
        let _ = map_memory.set_zoom(state.map_zoom.clamp(1.0, 16.0));
        let mut app = App {
            state,
            docs: Vec::new(),
            visible: Visible::default(),
            visible_filter: None,
            selection: None,
            reader: reader::Reader::default(),
            map_memory,
            map_size: egui::vec2(900.0, 700.0),
            basemap: basemap::Basemap::default(),
            basemap_rx: Some(basemap::spawn_loader(Some(ctx.clone()))),
            job: None,
            queued: Vec::new(),
            errors: Vec::new(),
            tiles: None,
            labels: LabelCache::default(),
            about_open: false,
            commands: Vec::new(),
            dialog_tx,
            dialog_rx,
            fit_pending: false,
            started,
            first_full_frame: None,
            first_frame_shown: None,
            first_full_frame_nr: 0,
            notice: None,
            tile_server: TileServer::default(),
            basemap_triangles: 0,
            basemap_under_tiles: false,
            region_areas: 0,
        };
        if !startup.empty {
            let sources = if startup.files.is_empty() {
                vec![Source::Bytes {
                    name: FOUNDING_ARTICLE_NAME.to_owned(),
                    bytes: FOUNDING_ARTICLE.as_bytes().to_vec(),
                }]
            } else {
                startup.files.into_iter().map(Source::Path).collect()
            };
            app.start_loading(ctx, sources);
        }
        app
    }

    /// Take online tiles from another server (and cache), from the next frame on.
    pub fn set_tile_server(&mut self, server: TileServer) {
        self.tile_server = server;
        self.tiles = None;
    }

    /// Turn online tiles on or off, as the map's toggle does.
    pub fn set_online_tiles(&mut self, on: bool) {
        self.state.online_tiles = on;
    }

    /// Whether online tiles are in use (the toggle is on and the tile client exists).
    pub fn online_tiles_active(&self) -> bool {
        self.tiles.is_some()
    }

    /// Triangles of the offline basemap drawn in the last frame.
    pub fn basemap_triangles(&self) -> usize {
        self.basemap_triangles
    }

    /// Whether the last frame painted the offline basemap into the slot beneath online tiles.
    pub fn basemap_under_tiles(&self) -> bool {
        self.basemap_under_tiles
    }

    /// Provinces drawn as areas in the last frame.
    pub fn region_areas(&self) -> usize {
        self.region_areas
    }

    /// The loaded articles.
    pub fn docs(&self) -> &[Analysis] {
        &self.docs
    }

    /// What the filter shows.
    pub fn visible(&self) -> &Visible {
        &self.visible
    }

    /// The selection.
    pub fn selection(&self) -> Option<&Item> {
        self.selection.as_ref()
    }

    /// Error messages shown in the window.
    pub fn errors(&self) -> &[String] {
        &self.errors
    }

    /// Whether articles are being analysed or the basemap is being built.
    pub fn is_busy(&self) -> bool {
        self.job.is_some() || !self.queued.is_empty() || self.basemap_rx.is_some()
    }

    /// Add analyses directly (benchmarks and tests).
    pub fn add_analyses(&mut self, docs: Vec<Analysis>) {
        self.docs.extend(docs);
        self.visible_filter = None;
        self.fit_pending = true;
    }

    /// Wait until the basemap and the current articles are loaded (tests and benchmarks).
    pub fn wait_until_loaded(&mut self) {
        while let Some(rx) = &self.basemap_rx {
            match rx.recv() {
                Ok(m) => self.take_basemap_message(m),
                Err(_) => self.basemap_rx = None,
            }
            if self.basemap.levels.iter().all(|l| l.is_some())
                && !self.basemap.levels.is_empty()
                && self.basemap.regions.is_some()
            {
                self.basemap_rx = None;
            }
        }
        while let Some(job) = self.job.take() {
            let results = job.wait();
            self.take_results(results);
            if !self.queued.is_empty() {
                let q = std::mem::take(&mut self.queued);
                match loader::Job::spawn(q, || {}) {
                    Ok(j) => self.job = Some(j),
                    Err(e) => self.errors.push(e),
                }
            }
        }
        self.refresh_visible();
    }

    /// Push a command (from tests: as if a panel had).
    pub fn push(&mut self, c: Command) {
        self.commands.push(c);
    }

    fn start_loading(&mut self, ctx: &egui::Context, sources: Vec<Source>) {
        if sources.is_empty() {
            return;
        }
        if self.job.is_some() {
            self.queued.extend(sources);
            return;
        }
        let ctx = ctx.clone();
        match loader::Job::spawn(sources, move || ctx.request_repaint()) {
            Ok(j) => self.job = Some(j),
            Err(e) => self.errors.push(e),
        }
    }

    fn take_results(&mut self, results: Vec<(Option<PathBuf>, loader::Outcome)>) {
        let mut added = false;
        for (path, r) in results {
            match r {
                Ok(a) => {
                    if let Some(p) = &path {
                        let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
                        self.state.recent.retain(|q| *q != p);
                        self.state.recent.insert(0, p);
                        self.state.recent.truncate(MAX_RECENT);
                    }
                    if let Some(slot) = self.docs.iter_mut().find(|d| d.source == a.source) {
                        *slot = a;
                    } else {
                        self.docs.push(a);
                    }
                    added = true;
                }
                Err(e) => self.errors.push(e),
            }
        }
        if added {
            self.visible_filter = None;
            self.fit_pending = true;
            self.reader.invalidate();
        }
    }

    fn take_basemap_message(&mut self, m: basemap::Message) {
        match m {
            basemap::Message::Countries(c) => {
                self.basemap.countries = c;
                self.basemap.levels = vec![None; basemap::MAX_LEVEL + 1];
            }
            basemap::Message::Level(z, l) => {
                if let Some(slot) = self.basemap.levels.get_mut(z) {
                    *slot = Some(l);
                }
            }
            basemap::Message::Regions(r) => self.basemap.regions = Some(r),
            basemap::Message::Failed(e) => {
                self.errors.push(e);
                self.basemap_rx = None;
            }
        }
    }

    fn refresh_visible(&mut self) {
        if self.visible_filter.as_ref() != Some(&self.state.filter) {
            self.visible = filter::apply(&self.docs, &self.state.filter);
            self.visible_filter = Some(self.state.filter.clone());
            self.reader.invalidate();
        }
    }

    /// Poll background work and input that is not tied to a panel.
    fn poll(&mut self, ctx: &egui::Context) {
        if let Some(rx) = &self.basemap_rx {
            let mut msgs = Vec::new();
            let mut closed = false;
            loop {
                match rx.try_recv() {
                    Ok(m) => msgs.push(m),
                    Err(mpsc::TryRecvError::Empty) => break,
                    Err(mpsc::TryRecvError::Disconnected) => {
                        closed = true;
                        break;
                    }
                }
            }
            for m in msgs {
                self.take_basemap_message(m);
            }
            if closed {
                self.basemap_rx = None;
            }
        }
        if let Some(job) = &mut self.job {
            if let Some(results) = job.poll() {
                self.job = None;
                self.take_results(results);
                let q = std::mem::take(&mut self.queued);
                self.start_loading(ctx, q);
            }
        }
        while let Ok(r) = self.dialog_rx.try_recv() {
            match r {
                DialogResult::Open(paths) => {
                    let sources = paths.into_iter().map(Source::Path).collect();
                    self.start_loading(ctx, sources);
                }
                DialogResult::Saved(p) => self.notice = Some(format!("Saved {}", p.display())),
                DialogResult::Failed(e) => self.errors.push(e),
            }
        }
        // Drag and drop.
        let dropped = ctx.input(|i| i.raw.dropped_files.clone());
        if !dropped.is_empty() {
            let mut sources = Vec::new();
            for f in dropped {
                let path = f.path();
                if path.is_file() {
                    sources.push(Source::Path(path.to_path_buf()));
                    continue;
                }
                let name = path.file_name().map_or_else(
                    || "dropped file".to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
                match f.bytes() {
                    Ok(bytes) => sources.push(Source::Bytes { name, bytes }),
                    Err(e) => self
                        .errors
                        .push(format!("Could not read the dropped file {name}: {e}")),
                }
            }
            self.start_loading(ctx, sources);
        }
        // Online tiles only when asked for; otherwise nothing that could touch the network.
        if self.state.online_tiles && self.tiles.is_none() {
            self.tiles = Some(make_tiles(ctx, &self.tile_server));
        } else if !self.state.online_tiles && self.tiles.is_some() {
            self.tiles = None;
        }
        self.refresh_visible();
        if self.is_busy() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    fn apply_commands(&mut self, ctx: &egui::Context) {
        for c in std::mem::take(&mut self.commands) {
            match c {
                Command::Select(item) => self.select(item),
                Command::Open(sources) => self.start_loading(ctx, sources),
                Command::ShowOpenDialog => self.open_dialog(),
                Command::Export(f) => self.export(f),
                Command::Read(i) => {
                    if i < self.docs.len() {
                        self.reader.article = i;
                    }
                }
                Command::Focus(i) => {
                    self.state.filter.articles.clear();
                    if let Some(a) = i.and_then(|i| self.docs.get(i)) {
                        self.state.filter.articles.insert(a.source.clone());
                        self.reader.article = i.unwrap_or(0);
                    }
                    self.fit_pending = true;
                }
                Command::Close(i) => {
                    if i < self.docs.len() {
                        let a = self.docs.remove(i);
                        self.state.filter.articles.remove(&a.source);
                        self.selection = None;
                        self.visible_filter = None;
                        self.reader.article = 0;
                        self.reader.invalidate();
                    }
                }
                Command::CloseAll => {
                    self.docs.clear();
                    self.state.filter.articles.clear();
                    self.selection = None;
                    self.visible_filter = None;
                    self.reader.article = 0;
                    self.reader.invalidate();
                }
                Command::ZoomTo { pos, delta } => {
                    self.map_memory.center_at(pos);
                    let z = (self.map_memory.zoom() + delta).clamp(1.0, 18.0);
                    let _ = self.map_memory.set_zoom(z);
                }
                Command::SetZoom(z) => {
                    let _ = self.map_memory.set_zoom(z.clamp(1.0, 18.0));
                }
                Command::Fit => self.fit_pending = true,
                Command::Copy(text) => ctx.copy_text(text),
                Command::DismissError(i) => {
                    if i < self.errors.len() {
                        self.errors.remove(i);
                    }
                }
            }
        }
        self.refresh_visible();
    }

    fn select(&mut self, item: Option<Item>) {
        if let Some(Item::Place(id)) = &item {
            if let Some(v) = self.visible.place(id) {
                if let Some(&(ai, pi)) = v.refs.first() {
                    if let Some(p) = self.docs.get(ai).and_then(|a| a.places.get(pi)) {
                        self.map_memory.center_at(lat_lon(p.lat, p.lon));
                    }
                }
                // The reader shows an article naming it, scrolled to the first mention.
                let article = v
                    .refs
                    .iter()
                    .find(|(ai, _)| *ai == self.reader.article)
                    .or(v.refs.first())
                    .copied();
                if let Some((ai, pi)) = article {
                    self.reader.article = ai;
                    self.reader.scroll_to = self
                        .docs
                        .get(ai)
                        .and_then(|a| a.places.get(pi))
                        .and_then(|p| p.mentions.first())
                        .map(|m| (ai, pi, m.passage));
                }
            }
        }
        if let Some(Item::Event(ai, ei)) = &item {
            let found = self.docs.get(*ai).and_then(|a| a.events.get(*ei)).map(|e| {
                let pts: Vec<(f64, f64)> = e
                    .places
                    .iter()
                    .filter_map(|id| self.docs.get(*ai)?.places.iter().find(|p| &p.id == id))
                    .map(|p| (p.lat, p.lon))
                    .collect();
                (pts, e.passage)
            });
            if let Some((pts, passage)) = found {
                if !pts.is_empty() {
                    self.fit_points(&pts);
                }
                self.reader.article = *ai;
                self.reader.scroll_to_passage = Some((*ai, passage));
            }
        }
        self.selection = item;
        self.reader.invalidate();
    }

    fn fit_points(&mut self, pts: &[(f64, f64)]) {
        let mut min = [f64::INFINITY; 2];
        let mut max = [f64::NEG_INFINITY; 2];
        for &(lat, lon) in pts {
            let m = basemap::mercator(lon, lat);
            min = [min[0].min(m[0]), min[1].min(m[1])];
            max = [max[0].max(m[0]), max[1].max(m[1])];
        }
        if !min[0].is_finite() {
            return;
        }
        let center_x = (min[0] + max[0]) / 2.0;
        let center_y = (min[1] + max[1]) / 2.0;
        let lon = center_x * 360.0 - 180.0;
        let lat = (std::f64::consts::PI * (1.0 - 2.0 * center_y))
            .sinh()
            .atan()
            .to_degrees();
        let span_x = (max[0] - min[0]).max(1e-4) * 256.0;
        let span_y = (max[1] - min[1]).max(1e-4) * 256.0;
        let w = f64::from(self.map_size.x.max(200.0)) * 0.8;
        let h = f64::from(self.map_size.y.max(200.0)) * 0.8;
        let zoom = (w / span_x).min(h / span_y).log2().clamp(1.0, 9.0);
        self.map_memory.center_at(lat_lon(lat, lon));
        let _ = self.map_memory.set_zoom(zoom);
    }

    /// Fit the map to the places that carry most of the mentions (70 %), so that one passing
    /// mention of a far country does not zoom the map out to the world.
    fn fit_visible(&mut self) {
        let total: usize = self.visible.places.iter().map(|v| v.mentions).sum();
        let mut acc = 0;
        let mut pts: Vec<(f64, f64)> = Vec::new();
        for v in &self.visible.places {
            if !pts.is_empty() && acc * 10 >= total * 7 {
                break;
            }
            acc += v.mentions;
            if let Some(p) = v
                .refs
                .first()
                .and_then(|&(ai, pi)| self.docs.get(ai)?.places.get(pi))
            {
                pts.push((p.lat, p.lon));
            }
        }
        self.fit_points(&pts);
    }

    fn open_dialog(&mut self) {
        let tx = self.dialog_tx.clone();
        let spawned = std::thread::Builder::new()
            .name("kharita-open-dialog".into())
            .spawn(move || {
                let picked = rfd::FileDialog::new()
                    .set_title("Open articles")
                    .add_filter("Articles", &["txt", "md", "html", "htm"])
                    .add_filter("All files", &["*"])
                    .pick_files();
                if let Some(paths) = picked {
                    let _ = tx.send(DialogResult::Open(paths));
                }
            });
        if let Err(e) = spawned {
            self.errors
                .push(format!("Cannot show the file dialog: {e}"));
        }
    }

    /// The filtered view in an export format.
    pub fn export_text(&self, format: ExportFormat) -> String {
        let docs = filter::filtered_analyses(&self.docs, &self.state.filter, &self.visible);
        match format {
            ExportFormat::Json => docs
                .iter()
                .map(|a| crate::export::json_string(a, false) + "\n")
                .collect(),
            ExportFormat::Csv => {
                let mut s = crate::export::CSV_HEADER.to_owned() + "\n";
                for a in &docs {
                    s.push_str(&crate::export::to_csv_rows(a));
                }
                s
            }
            ExportFormat::GeoJson => {
                let features: Vec<serde_json::Value> = docs
                    .iter()
                    .flat_map(
                        |a| match crate::export::to_geojson(a).get("features").cloned() {
                            Some(serde_json::Value::Array(f)) => f,
                            _ => Vec::new(),
                        },
                    )
                    .collect();
                let fc = serde_json::json!({ "type": "FeatureCollection", "features": features });
                serde_json::to_string_pretty(&fc).unwrap_or_default()
            }
        }
    }

    fn export(&mut self, format: ExportFormat) {
        let (ext, name) = match format {
            ExportFormat::GeoJson => ("geojson", "places.geojson"),
            ExportFormat::Csv => ("csv", "events.csv"),
            ExportFormat::Json => ("jsonl", "analysis.jsonl"),
        };
        let text = self.export_text(format);
        let tx = self.dialog_tx.clone();
        let spawned = std::thread::Builder::new()
            .name("kharita-save-dialog".into())
            .spawn(move || {
                let Some(path) = rfd::FileDialog::new()
                    .set_title("Export the filtered view")
                    .set_file_name(name)
                    .add_filter(ext, &[ext])
                    .save_file()
                else {
                    return;
                };
                let r = match std::fs::write(&path, text) {
                    Ok(()) => DialogResult::Saved(path),
                    Err(e) => {
                        DialogResult::Failed(format!("Could not save {}: {e}", path.display()))
                    }
                };
                let _ = tx.send(r);
            });
        if let Err(e) = spawned {
            self.errors
                .push(format!("Cannot show the file dialog: {e}"));
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…").clicked() {
                    self.commands.push(Command::ShowOpenDialog);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.state.recent.is_empty() {
                        ui.weak("No recent files");
                    }
                    for p in self.state.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            self.commands.push(Command::Open(vec![Source::Path(p)]));
                        }
                    }
                    if !self.state.recent.is_empty() && ui.button("Clear the list").clicked() {
                        self.state.recent.clear();
                    }
                });
                if ui.button("Open the founding article").clicked() {
                    self.commands.push(Command::Open(vec![Source::Bytes {
                        name: FOUNDING_ARTICLE_NAME.to_owned(),
                        bytes: FOUNDING_ARTICLE.as_bytes().to_vec(),
                    }]));
                }
                ui.separator();
                ui.menu_button("Export the filtered view", |ui| {
                    if ui.button("GeoJSON (places)…").clicked() {
                        self.commands.push(Command::Export(ExportFormat::GeoJson));
                    }
                    if ui.button("CSV (events)…").clicked() {
                        self.commands.push(Command::Export(ExportFormat::Csv));
                    }
                    if ui.button("JSON (analysis)…").clicked() {
                        self.commands.push(Command::Export(ExportFormat::Json));
                    }
                });
                ui.separator();
                if ui.button("Close all articles").clicked() {
                    self.commands.push(Command::CloseAll);
                }
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                ui.checkbox(&mut self.state.arabic_labels, "Labels in Arabic");
                ui.checkbox(
                    &mut self.state.shade_countries,
                    "Shade the countries of shown places",
                );
                ui.checkbox(&mut self.state.show_timeline, "Timeline");
                ui.checkbox(
                    &mut self.state.online_tiles,
                    "Online map tiles (OpenStreetMap)",
                );
                if ui.button("Fit the map to the places").clicked() {
                    self.commands.push(Command::Fit);
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("About Kharita").clicked() {
                    self.about_open = true;
                }
            });
        });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            if let Some(job) = &self.job {
                ui.spinner();
                ui.label(job.status());
                if job.total > 1 {
                    ui.add(
                        egui::ProgressBar::new(job.done as f32 / job.total.max(1) as f32)
                            .desired_width(160.0)
                            .show_percentage(),
                    );
                }
            } else if self.basemap.levels.is_empty() && self.basemap_rx.is_some() {
                ui.spinner();
                ui.label("Preparing the map…");
            } else {
                let c = &self.visible.counts;
                ui.label(format!(
                    "{} article{} · {} of {} places · {} of {} events",
                    self.docs.len(),
                    if self.docs.len() == 1 { "" } else { "s" },
                    self.visible.places.len(),
                    c.total_places,
                    self.visible.events.len(),
                    c.total_events,
                ));
            }
            if let Some(n) = &self.notice {
                ui.separator();
                ui.label(n);
            }
        });
    }

    fn errors_ui(&mut self, ui: &mut egui::Ui) {
        for (i, e) in self.errors.iter().enumerate() {
            egui::Frame::new()
                .fill(style::ERROR_BG)
                .inner_margin(6.0)
                .corner_radius(4.0)
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.colored_label(style::ERROR_TEXT, RichText::new("!").strong());
                        ui.colored_label(style::ERROR_TEXT, e);
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            if ui.small_button("Dismiss").clicked() {
                                self.commands.push(Command::DismissError(i));
                            }
                        });
                    });
                });
        }
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.about_open;
        egui::Window::new("About Kharita")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.heading(format!("Kharita {}", env!("CARGO_PKG_VERSION")));
                ui.label("Finds the places an article names, resolves them on an offline gazetteer, and shows them on a map.");
                ui.add_space(8.0);
                ui.strong("Data sources");
                ui.label("Place names and coordinates: GeoNames (geonames.org), licensed under Creative Commons Attribution 4.0 (CC BY 4.0).");
                ui.hyperlink_to("creativecommons.org/licenses/by/4.0", "https://creativecommons.org/licenses/by/4.0/");
                ui.label("Country, lake and river outlines: Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (public domain).");
                ui.label("Arabic font: Noto Sans Arabic, © Google, SIL Open Font License 1.1 (assets/fonts/OFL.txt).");
                if self.state.online_tiles {
                    ui.label("Map tiles: © OpenStreetMap contributors, data under the Open Database License (ODbL).");
                    ui.hyperlink_to("openstreetmap.org/copyright", "https://www.openstreetmap.org/copyright");
                } else {
                    ui.weak("Online map tiles are off: the app does not use the network.");
                }
            });
        self.about_open = open;
    }

    fn map_ui(&mut self, ui: &mut egui::Ui) {
        self.map_size = ui.available_size();
        if self.fit_pending && !self.docs.is_empty() && self.job.is_none() {
            self.fit_pending = false;
            self.fit_visible();
        }
        let selection = self.selection.clone();
        let mut layer = map::MapLayer {
            basemap: if self.basemap.levels.is_empty() {
                None
            } else {
                Some(&self.basemap)
            },
            online: self.tiles.is_some(),
            // Reserved before the tiles are drawn, filled by the map layer afterwards.
            underlay: self
                .tiles
                .is_some()
                .then(|| ui.painter().add(egui::Shape::Noop)),
            basemap_triangles: 0,
            region_areas: 0,
            docs: &self.docs,
            visible: &self.visible,
            selected: selection.as_ref(),
            arabic: self.state.arabic_labels,
            shade: self.state.shade_countries,
            labels: &mut self.labels,
            commands: Vec::new(),
        };
        let tiles = self.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles);
        let online = tiles.is_some();
        let mut toggle = self.state.online_tiles;
        let attribution = self.tile_server.attribution.clone();
        let mut arabic = self.state.arabic_labels;
        let mut fit = false;
        walkers::Map::new(tiles, &mut self.map_memory, lat_lon(38.0, 47.0))
            .zoom_with_ctrl(false)
            .double_click_to_zoom(true)
            .with_plugin(&mut layer)
            .show(ui, |ui, response, _projector, _memory| {
                let rect = response.rect;
                // Controls, top left.
                let controls = egui::Rect::from_min_size(rect.min + egui::vec2(8.0, 8.0), egui::vec2(460.0, 30.0));
                ui.scope_builder(egui::UiBuilder::new().max_rect(controls), |ui| {
                    ui.horizontal(|ui| {
                        egui::Frame::popup(ui.style()).inner_margin(4.0).show(ui, |ui| {
                            ui.horizontal(|ui| {
                                if ui.button("Fit").on_hover_text("Fit the map to the shown places").clicked() {
                                    fit = true;
                                }
                                ui.checkbox(&mut arabic, "Arabic labels")
                                    .on_hover_text("Place and country names in Arabic, else English");
                                ui.checkbox(&mut toggle, "Online map (OSM)")
                                    .on_hover_text("Load OpenStreetMap tiles from the internet. Off: no network at all.");
                            });
                        });
                    });
                });
                // Attribution, bottom right.
                let text = if online {
                    attribution.clone()
                } else {
                    "Natural Earth".to_owned()
                };
                let galley = ui.painter().layout_no_wrap(
                    text,
                    egui::FontId::proportional(11.0),
                    style::WEAK_TEXT,
                );
                let pos = rect.right_bottom() - galley.size() - egui::vec2(6.0, 4.0);
                ui.painter().rect_filled(
                    egui::Rect::from_min_size(pos, galley.size()).expand(2.0),
                    2.0,
                    style::LABEL_HALO,
                );
                ui.painter().galley(pos, galley, style::WEAK_TEXT);
            });
        self.commands.append(&mut layer.commands);
        self.basemap_triangles = layer.basemap_triangles;
        self.basemap_under_tiles = layer.underlay.is_some() && layer.basemap_triangles > 0;
        self.region_areas = layer.region_areas;
        self.state.online_tiles = toggle;
        self.state.arabic_labels = arabic;
        if fit {
            self.commands.push(Command::Fit);
        }
        if self.first_full_frame.is_none()
            && !self.docs.is_empty()
            && self.basemap.levels.iter().any(|l| l.is_some())
        {
            self.first_full_frame = Some(self.started.elapsed());
            self.first_full_frame_nr = ui.ctx().cumulative_frame_nr();
            if std::env::var_os("KHARITA_TIMING").is_some() {
                eprintln!(
                    "first full frame laid out after {:.0} ms",
                    self.started.elapsed().as_secs_f64() * 1000.0
                );
            }
            // One more frame, whose start tells when the first one was painted and shown.
            ui.ctx().request_repaint();
        }
    }
}

/// Online tiles, with an on-disk cache and an honest user agent. Only called when the user turns
/// them on.
fn make_tiles(ctx: &egui::Context, server: &TileServer) -> HttpTiles {
    // walkers' HTTP client needs a rustls crypto provider; install ring's once.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let agent = format!("Kharita/{}", env!("CARGO_PKG_VERSION"));
    let options = walkers::HttpOptions {
        cache: server.cache.clone(),
        user_agent: walkers::HeaderValue::from_str(&agent).ok(),
        ..Default::default()
    };
    HttpTiles::with_options(TileSourceOf(server.clone()), options, ctx.clone())
}

impl eframe::App for App {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        // A pass that egui discards and runs again stays in the same frame: wait for the frame
        // number to move on, which it does once the frame has been painted.
        if self.first_full_frame.is_some()
            && self.first_frame_shown.is_none()
            && ctx.cumulative_frame_nr() > self.first_full_frame_nr
        {
            // eframe paints and presents each frame before it starts the next one.
            self.first_frame_shown = Some(self.started.elapsed());
            if std::env::var_os("KHARITA_TIMING").is_some() {
                eprintln!(
                    "first full frame painted and shown after {:.0} ms",
                    self.started.elapsed().as_secs_f64() * 1000.0
                );
            }
        }
        self.poll(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(p) = self.map_memory.detached() {
            self.state.map_center = Some((p.y(), p.x()));
        }
        self.state.map_zoom = self.map_memory.zoom();
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
        eframe::set_value(storage, RECENT_KEY, &self.state.recent);
    }
}

impl App {
    /// Take what background work and input brought (eframe's `logic`).
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.poll(ctx);
    }

    /// Lay out the whole window (eframe's `ui`), then apply the frame's commands.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // The map and text colours are made for a light background.
        if ctx.theme() != egui::Theme::Light {
            ctx.set_theme(egui::Theme::Light);
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        if !self.errors.is_empty() {
            egui::Panel::top("errors").show(ui, |ui| self.errors_ui(ui));
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_ui(ui));
        let view = View {
            docs: &self.docs,
            visible: &self.visible,
            selection: self.selection.as_ref(),
            arabic: self.state.arabic_labels,
        };
        egui::Panel::left("sidebar")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                sidebar::ui(
                    ui,
                    &view,
                    &mut self.state.filter,
                    &mut self.labels,
                    &mut self.commands,
                )
            });
        egui::Panel::right("right")
            .resizable(true)
            .default_size(460.0)
            .show(ui, |ui| {
                egui::Panel::top("context")
                    .resizable(true)
                    .default_size(320.0)
                    .show(ui, |ui| {
                        context::ui(ui, &view, &mut self.labels, &mut self.commands)
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    self.reader
                        .ui(ui, &view, &mut self.labels, &mut self.commands)
                });
            });
        if self.state.show_timeline {
            egui::Panel::bottom("timeline")
                .resizable(false)
                .exact_size(76.0)
                .show(ui, |ui| {
                    timeline::ui(ui, &view, &mut self.state.filter, &mut self.commands)
                });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::new())
            .show(ui, |ui| self.map_ui(ui));
        self.about_ui(&ctx);
        self.apply_commands(&ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage as _;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Store(HashMap<String, String>);

    impl eframe::Storage for Store {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn corrupted_state_falls_back_to_defaults() {
        let mut s = Store::default();
        s.set_string(eframe::APP_KEY, "(filter: [[[ garbage".into());
        let (state, message) = load_state_checked(Some(&s));
        assert_eq!(state, State::default());
        assert!(message.is_some_and(|m| m.contains("default settings")));
        assert_eq!(load_state_checked(None), (State::default(), None));
        // Nothing saved yet: defaults, and nothing to say.
        assert_eq!(load_state_checked(Some(&Store::default())).1, None);
        // The recent files, saved apart, survive the damage.
        let recent = vec![PathBuf::from("a.txt"), PathBuf::from("مقال.html")];
        eframe::set_value(&mut s, RECENT_KEY, &recent);
        let (state, message) = load_state_checked(Some(&s));
        assert_eq!(state.recent, recent);
        assert!(message.is_some_and(|m| m.contains("recent files were kept")));
    }

    #[test]
    fn state_round_trips_and_tolerates_missing_fields() {
        let mut s = Store::default();
        let mut state = State::default();
        state.filter.search = "باكو".into();
        state.recent.push(PathBuf::from("a.txt"));
        state.online_tiles = true;
        eframe::set_value(&mut s, eframe::APP_KEY, &state);
        assert_eq!(load_state(Some(&s)), state);
        s.set_string(eframe::APP_KEY, "(map_zoom: 6.0)".into());
        let partial = load_state(Some(&s));
        assert_eq!(partial.map_zoom, 6.0);
        assert!(!partial.online_tiles);
    }
}
