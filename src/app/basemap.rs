//! The offline basemap: Natural Earth countries, lakes and rivers (`data/basemap/countries.json.gz`,
//! compiled in), projected once to normalised Web Mercator, simplified per zoom level (half a
//! pixel), and triangulated at load, so that a frame only transforms, culls and fills one mesh.
//!
//! Levels are built coarse to fine on a background thread; the map draws the finest level ready.

use geo::{LineString, Simplify, TriangulateEarcut};
use serde::Deserialize;
use std::io::Read;
use std::sync::mpsc;
use std::sync::Arc;

/// The compressed basemap (copied in by build.rs; empty when the checkout lacks it).
static BASEMAP_GZ: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/basemap.json.gz"));

/// Simplified outlines of provinces (`data/basemap/regions.json.gz`), by gazetteer id.
static REGIONS_GZ: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/regions.json.gz"));

/// Finest level: zoom levels above it use it.
pub const MAX_LEVEL: usize = 8;

/// Latitude limit of Web Mercator.
const MAX_LAT: f64 = 85.051_128_78;

/// `[lon, lat]` pairs.
type RawRing = Vec<[f64; 2]>;

#[derive(Deserialize)]
struct RawCountry {
    cc: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    name_ar: String,
    #[serde(default)]
    label: Option<[f64; 2]>,
    #[serde(default)]
    polygons: Vec<Vec<RawRing>>,
}

#[derive(Deserialize)]
struct RawLake {
    #[serde(default)]
    polygons: Vec<Vec<RawRing>>,
}

#[derive(Deserialize)]
struct RawRiver {
    #[serde(default)]
    lines: Vec<RawRing>,
}

#[derive(Deserialize)]
struct RawBasemap {
    #[serde(default)]
    countries: Vec<RawCountry>,
    #[serde(default)]
    lakes: Vec<RawLake>,
    #[serde(default)]
    rivers: Vec<RawRiver>,
}

/// Project longitude and latitude to normalised Web Mercator (0..1, y down).
pub fn mercator(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT);
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - lat.to_radians().tan().asinh() / std::f64::consts::PI) / 2.0;
    [x, y]
}

/// An axis-aligned box in normalised coordinates.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct BBox {
    /// Smallest x and y.
    pub min: [f32; 2],
    /// Largest x and y.
    pub max: [f32; 2],
}

impl BBox {
    fn of(points: &[[f32; 2]]) -> BBox {
        let mut b = BBox {
            min: [f32::INFINITY; 2],
            max: [f32::NEG_INFINITY; 2],
        };
        for p in points {
            b.min[0] = b.min[0].min(p[0]);
            b.min[1] = b.min[1].min(p[1]);
            b.max[0] = b.max[0].max(p[0]);
            b.max[1] = b.max[1].max(p[1]);
        }
        b
    }

    fn union(self, o: BBox) -> BBox {
        BBox {
            min: [self.min[0].min(o.min[0]), self.min[1].min(o.min[1])],
            max: [self.max[0].max(o.max[0]), self.max[1].max(o.max[1])],
        }
    }

    /// Whether two boxes overlap.
    pub fn intersects(&self, o: &BBox) -> bool {
        self.min[0] <= o.max[0]
            && o.min[0] <= self.max[0]
            && self.min[1] <= o.max[1]
            && o.min[1] <= self.max[1]
    }

    /// Width in normalised units.
    pub fn width(&self) -> f32 {
        self.max[0] - self.min[0]
    }
}

/// A country: names and label point (the geometry is in the levels).
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub cc: String,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
    /// Where its name goes, normalised.
    pub label: [f32; 2],
    /// Bounding box of its full-resolution outline.
    pub bbox: BBox,
}

/// A triangulated area.
#[derive(Debug, Clone, Default)]
pub struct Fill {
    /// Vertices, normalised.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles.
    pub indices: Vec<u32>,
    /// Bounds.
    pub bbox: BBox,
}

/// A polyline (closed rings repeat their first point).
#[derive(Debug, Clone)]
pub struct Polyline {
    /// Points, normalised.
    pub points: Vec<[f32; 2]>,
    /// Bounds.
    pub bbox: BBox,
}

/// The geometry at one level of simplification.
#[derive(Debug, Default)]
pub struct Level {
    /// One fill per country (same order as [`Basemap::countries`]).
    pub country_fills: Vec<Fill>,
    /// Country outlines, with the index of their country.
    pub borders: Vec<(usize, Polyline)>,
    /// Lake fills.
    pub lake_fills: Vec<Fill>,
    /// Lake shores.
    pub shores: Vec<Polyline>,
    /// Rivers.
    pub rivers: Vec<Polyline>,
    /// Vertices in all, for the record.
    pub vertex_count: usize,
}

/// The basemap: countries and the levels built so far.
#[derive(Debug, Default)]
pub struct Basemap {
    /// Countries.
    pub countries: Vec<Country>,
    /// Levels by zoom (index = zoom level); `None` until built.
    pub levels: Vec<Option<Arc<Level>>>,
    /// Province outlines, once loaded.
    pub regions: Option<Arc<Regions>>,
}

impl Basemap {
    /// The finest level built that is no finer than `zoom` needs, or the nearest one built.
    pub fn level_for(&self, zoom: f64) -> Option<&Arc<Level>> {
        let want = (zoom.floor().max(0.0) as usize).min(MAX_LEVEL);
        (0..=want)
            .rev()
            .chain(want + 1..=MAX_LEVEL)
            .find_map(|z| self.levels.get(z).and_then(|l| l.as_ref()))
    }

    /// Index of a country by code.
    pub fn country_index(&self, cc: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.cc == cc)
    }
}

/// A province's outline, triangulated, for drawing it as an area.
#[derive(Debug, Default)]
pub struct RegionShape {
    /// The area.
    pub fill: Fill,
    /// Its outline (outer rings and holes).
    pub rings: Vec<Polyline>,
}

/// Outlines of the provinces the gazetteer knows, by place id (`ne-admin1:...`).
#[derive(Debug, Default)]
pub struct Regions {
    /// By place id.
    pub by_id: std::collections::HashMap<String, RegionShape>,
}

#[derive(Deserialize)]
struct RawRegion {
    id: String,
    #[serde(default)]
    polygons: Vec<Vec<RawRing>>,
}

#[derive(Deserialize)]
struct RawRegions {
    #[serde(default)]
    regions: Vec<RawRegion>,
}

/// Parse and triangulate the region outlines.
pub fn parse_regions(bytes: &[u8]) -> Result<Regions, String> {
    let raw: RawRegions = read_gz_json(
        bytes,
        "the region outlines",
        "data/basemap/regions.json.gz",
        "provinces show as markers only",
    )?;
    let mut by_id = std::collections::HashMap::with_capacity(raw.regions.len());
    for r in raw.regions {
        let polys = project_polygons(&r.polygons);
        let rings = polys
            .iter()
            .flatten()
            .map(|ring| {
                let points = to_f32(ring);
                let bbox = BBox::of(&points);
                Polyline { points, bbox }
            })
            .collect();
        by_id.insert(
            r.id,
            RegionShape {
                fill: fill(&polys),
                rings,
            },
        );
    }
    Ok(Regions { by_id })
}

/// What the loader thread reports.
pub enum Message {
    /// The province outlines are ready (after the levels).
    Regions(Arc<Regions>),
    /// Countries parsed.
    Countries(Vec<Country>),
    /// A level is ready.
    Level(usize, Arc<Level>),
    /// The data could not be read.
    Failed(String),
}

/// A projected polygon: outer ring, then holes.
type Polygon = Vec<Vec<[f64; 2]>>;

/// The parsed data, projected.
struct Projected {
    /// Each country's polygons, with its index in the country list.
    countries: Vec<(Vec<Polygon>, usize)>,
    lakes: Vec<Polygon>,
    rivers: Vec<Vec<[f64; 2]>>,
}

fn project_ring(r: &RawRing) -> Vec<[f64; 2]> {
    r.iter().map(|p| mercator(p[0], p[1])).collect()
}

/// Polygons (outer ring, then holes) projected.
fn project_polygons(raw: &[Vec<RawRing>]) -> Vec<Polygon> {
    raw.iter()
        .map(|p| p.iter().map(project_ring).collect())
        .collect()
}

/// The compiled-in basemap, parsed and projected once per process (the app starts this before
/// it opens its window: see [`prewarm`]).
fn parsed() -> &'static Result<(Vec<Country>, Projected), String> {
    static PARSED: std::sync::OnceLock<Result<(Vec<Country>, Projected), String>> =
        std::sync::OnceLock::new();
    PARSED.get_or_init(|| parse(BASEMAP_GZ))
}

/// Parse the basemap on a thread of its own, so that it is ready, or nearly, when the window
/// asks for it.
pub fn prewarm() {
    let _ = std::thread::Builder::new()
        .name("kharita-basemap-prewarm".into())
        .spawn(|| {
            let _ = parsed();
        });
}

/// Decompress and parse compiled-in gzipped JSON; errors name `what` in words a user reads.
fn read_gz_json<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    what: &str,
    path: &str,
    without: &str,
) -> Result<T, String> {
    if bytes.is_empty() {
        return Err(format!(
            "{what} ({path}) were missing when this program was built; {without}"
        ));
    }
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut json)
        .map_err(|e| format!("{what} are damaged: {e}"))?;
    serde_json::from_slice(&json).map_err(|e| format!("{what} are damaged: {e}"))
}

fn parse(bytes: &[u8]) -> Result<(Vec<Country>, Projected), String> {
    let raw: RawBasemap = read_gz_json(
        bytes,
        "the basemap data",
        "data/basemap/countries.json.gz",
        "the map shows places on a plain background",
    )?;
    let mut countries = Vec::with_capacity(raw.countries.len());
    let mut proj = Projected {
        countries: Vec::new(),
        lakes: Vec::new(),
        rivers: Vec::new(),
    };
    for c in raw.countries {
        let polys = project_polygons(&c.polygons);
        let mut bbox: Option<BBox> = None;
        for p in &polys {
            if let Some(outer) = p.first() {
                let b = BBox::of(&to_f32(outer));
                bbox = Some(bbox.map_or(b, |x| x.union(b)));
            }
        }
        let Some(bbox) = bbox else { continue };
        let label = c.label.map(|l| mercator(l[0], l[1])).map_or(
            [
                (bbox.min[0] + bbox.max[0]) / 2.0,
                (bbox.min[1] + bbox.max[1]) / 2.0,
            ],
            |m| [m[0] as f32, m[1] as f32],
        );
        proj.countries.push((polys, countries.len()));
        countries.push(Country {
            cc: c.cc,
            name_en: c.name_en,
            name_ar: c.name_ar,
            label,
            bbox,
        });
    }
    for l in raw.lakes {
        for p in &l.polygons {
            proj.lakes.push(p.iter().map(project_ring).collect());
        }
    }
    for r in raw.rivers {
        for line in &r.lines {
            proj.rivers.push(project_ring(line));
        }
    }
    Ok((countries, proj))
}

/// Simplify a ring or line to `tol` (normalised units); `None` when it shrinks below `min_size`.
fn simplify(points: &[[f64; 2]], tol: f64, min_size: f64, closed: bool) -> Option<Vec<[f64; 2]>> {
    if points.len() < 2 {
        return None;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for p in points {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    if (x1 - x0).max(y1 - y0) < min_size {
        return None;
    }
    let ls: LineString<f64> = points.iter().map(|p| (p[0], p[1])).collect();
    let s = ls.simplify(tol);
    let out: Vec<[f64; 2]> = s.0.iter().map(|c| [c.x, c.y]).collect();
    if (closed && out.len() < 4) || out.len() < 2 {
        return None;
    }
    Some(out)
}

fn to_f32(points: &[[f64; 2]]) -> Vec<[f32; 2]> {
    points.iter().map(|p| [p[0] as f32, p[1] as f32]).collect()
}

/// Triangulate polygons (outer ring then holes) into one fill.
fn fill(polys: &[Polygon]) -> Fill {
    let mut f = Fill::default();
    for rings in polys {
        let Some(outer) = rings.first() else { continue };
        let exterior: LineString<f64> = outer.iter().map(|p| (p[0], p[1])).collect();
        let holes: Vec<LineString<f64>> = rings[1..]
            .iter()
            .map(|r| r.iter().map(|p| (p[0], p[1])).collect())
            .collect();
        let poly = geo::Polygon::new(exterior, holes);
        let raw = poly.earcut_triangles_raw();
        let base = f.vertices.len() as u32;
        f.vertices.extend(
            raw.vertices
                .chunks_exact(2)
                .map(|c| [c[0] as f32, c[1] as f32]),
        );
        f.indices
            .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
    }
    f.bbox = BBox::of(&f.vertices);
    f
}

fn build_level(z: usize, countries: usize, proj: &Projected) -> Level {
    // Half a pixel at this zoom, in normalised units (256-pixel tiles).
    let px = 1.0 / (256.0 * f64::powi(2.0, z as i32));
    let tol = 0.5 * px;
    let min_size = 1.5 * px;
    let mut level = Level {
        country_fills: vec![Fill::default(); countries],
        ..Level::default()
    };
    let simplify_polys = |polys: &[Polygon]| -> Vec<Polygon> {
        polys
            .iter()
            .filter_map(|rings| {
                let outer = simplify(rings.first()?, tol, min_size, true)?;
                let mut out = vec![outer];
                out.extend(
                    rings[1..]
                        .iter()
                        .filter_map(|h| simplify(h, tol, min_size, true)),
                );
                Some(out)
            })
            .collect()
    };
    for (polys, ci) in &proj.countries {
        let s = simplify_polys(polys);
        for rings in &s {
            for r in rings {
                let pts = to_f32(r);
                level.vertex_count += pts.len();
                let bbox = BBox::of(&pts);
                level.borders.push((*ci, Polyline { points: pts, bbox }));
            }
        }
        if let Some(slot) = level.country_fills.get_mut(*ci) {
            *slot = fill(&s);
        }
    }
    for lake in &proj.lakes {
        let s = simplify_polys(std::slice::from_ref(lake));
        for rings in &s {
            for r in rings {
                let pts = to_f32(r);
                level.vertex_count += pts.len();
                let bbox = BBox::of(&pts);
                level.shores.push(Polyline { points: pts, bbox });
            }
        }
        if !s.is_empty() {
            level.lake_fills.push(fill(&s));
        }
    }
    for r in &proj.rivers {
        if let Some(s) = simplify(r, tol, min_size, false) {
            let pts = to_f32(&s);
            level.vertex_count += pts.len();
            let bbox = BBox::of(&pts);
            level.rivers.push(Polyline { points: pts, bbox });
        }
    }
    level
}

/// Whether a fill covers a point.
#[cfg(test)]
pub fn covers(f: &Fill, p: [f32; 2]) -> bool {
    if !f.bbox.intersects(&BBox { min: p, max: p }) {
        return false;
    }
    let side =
        |a: [f32; 2], b: [f32; 2]| (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
    f.indices.chunks_exact(3).any(|t| {
        let (Some(&a), Some(&b), Some(&c)) = (
            f.vertices.get(t[0] as usize),
            f.vertices.get(t[1] as usize),
            f.vertices.get(t[2] as usize),
        ) else {
            return false;
        };
        let (d1, d2, d3) = (side(a, b), side(b, c), side(c, a));
        !((d1 < 0.0 || d2 < 0.0 || d3 < 0.0) && (d1 > 0.0 || d2 > 0.0 || d3 > 0.0))
    })
}

/// Parse and build every level on the calling thread (for tests and benchmarks).
pub fn load_blocking() -> Result<Basemap, String> {
    let (countries, proj) = parsed().as_ref().map_err(Clone::clone)?;
    let countries = countries.clone();
    let n = countries.len();
    let levels = (0..=MAX_LEVEL)
        .map(|z| Some(Arc::new(build_level(z, n, proj))))
        .collect();
    let regions = parse_regions(REGIONS_GZ).ok().map(Arc::new);
    Ok(Basemap {
        countries,
        levels,
        regions,
    })
}

/// Start the named loader thread; it reports the countries, then each level, coarse to fine.
pub fn spawn_loader(ctx: Option<eframe::egui::Context>) -> mpsc::Receiver<Message> {
    let (tx, rx) = mpsc::channel();
    let work = move || {
        let (countries, proj) = match parsed() {
            Ok((c, p)) => (c.clone(), p),
            Err(e) => {
                let _ = tx.send(Message::Failed(e.clone()));
                return;
            }
        };
        let n = countries.len();
        if tx.send(Message::Countries(countries)).is_err() {
            return;
        }
        // Coarse levels first: they are quick and cover the first frames.
        for z in [2, 0, 1, 3, 4, 5, 6, 7, 8] {
            let level = Arc::new(build_level(z, n, proj));
            if tx.send(Message::Level(z, level)).is_err() {
                return;
            }
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        }
        // Province outlines last: only articles that name a province need them.
        let msg = match parse_regions(REGIONS_GZ) {
            Ok(r) => Message::Regions(Arc::new(r)),
            Err(e) => Message::Failed(e),
        };
        if tx.send(msg).is_ok() {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        }
    };
    if let Err(e) = std::thread::Builder::new()
        .name("kharita-basemap".into())
        .spawn(work)
    {
        let (tx, rx2) = mpsc::channel();
        let _ = tx.send(Message::Failed(format!(
            "cannot start the basemap loader: {e}"
        )));
        return rx2;
    }
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mercator_corners() {
        let c = mercator(0.0, 0.0);
        assert!((c[0] - 0.5).abs() < 1e-12 && (c[1] - 0.5).abs() < 1e-12);
        let nw = mercator(-180.0, 90.0);
        assert!(nw[0].abs() < 1e-12 && nw[1].abs() < 1e-6);
    }

    #[test]
    fn simplification_keeps_closed_rings() {
        let ring: Vec<[f64; 2]> = (0..=100)
            .map(|i| {
                let a = i as f64 / 100.0 * std::f64::consts::TAU;
                [0.5 + 0.1 * a.cos(), 0.5 + 0.1 * a.sin()]
            })
            .collect();
        let coarse = simplify(&ring, 0.01, 0.0, true).expect("kept");
        assert!(coarse.len() < ring.len() && coarse.len() >= 4);
        assert!(
            simplify(&ring, 0.01, 0.5, true).is_none(),
            "too small to draw"
        );
    }

    #[test]
    fn embedded_basemap_loads_when_present() {
        if BASEMAP_GZ.is_empty() {
            return;
        }
        let b = load_blocking().expect("basemap");
        assert!(b.countries.iter().any(|c| c.cc == "AZ"));
        let coarse = b.levels[0].as_ref().expect("level 0");
        let fine = b.levels[MAX_LEVEL].as_ref().expect("finest level");
        assert!(coarse.vertex_count < fine.vertex_count);
        // The Caspian Sea is water: no country's land covers it; Baku is on land.
        let at = |lon, lat| {
            let m = mercator(lon, lat);
            [m[0] as f32, m[1] as f32]
        };
        let land = |p| fine.country_fills.iter().any(|f| covers(f, p));
        assert!(!land(at(50.5, 42.0)), "the Caspian Sea is not land");
        assert!(land(at(49.87, 40.41)), "Baku is on land");
    }
}
