//! The map panel: a walkers [`Map`] with a plugin that draws the offline basemap (one mesh per
//! frame, from the level of detail the zoom needs), shades the countries the shown places lie in,
//! and draws the place markers (decluttered into groups, labelled in Arabic or English, each with
//! an accessibility label so tests and screen readers can click it).

use super::basemap::{BBox, Basemap, Polyline};
use super::{style, Command, Item, LabelCache};
use crate::filter::Visible;
use crate::model::{Analysis, Place, PlaceKind};
use eframe::egui::{self, epaint::Mesh, Color32, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2};
use walkers::{lon_lat, MapMemory, Plugin, Projector};

/// Everything the map plugin reads, and the commands it leaves.
pub struct MapLayer<'a> {
    /// The basemap, when loaded.
    pub basemap: Option<&'a Basemap>,
    /// Online tiles are shown: the offline basemap then goes into `underlay`, beneath them, so
    /// that wherever a tile is missing (no network, a slow server, a broken cache) the offline
    /// map still shows; country names are left to the tiles.
    pub online: bool,
    /// A slot reserved in the map's paint list before the tiles were drawn.
    pub underlay: Option<egui::layers::ShapeIdx>,
    /// Triangles of the basemap drawn in this frame (for tests and benchmarks).
    pub basemap_triangles: usize,
    /// Provinces drawn as areas in this frame.
    pub region_areas: usize,
    /// Loaded articles.
    pub docs: &'a [Analysis],
    /// What the filter shows.
    pub visible: &'a Visible,
    /// The selection.
    pub selected: Option<&'a Item>,
    /// Labels in Arabic.
    pub arabic: bool,
    /// Shade the countries of shown places.
    pub shade: bool,
    /// Label galleys.
    pub labels: &'a mut LabelCache,
    /// Commands for the end of the frame.
    pub commands: Vec<Command>,
}

/// Screen transform of normalised Web Mercator: `screen = offset + norm * scale`.
#[derive(Clone, Copy)]
struct Affine {
    offset: Vec2,
    scale: f32,
}

impl Affine {
    fn from_projector(p: &Projector) -> Affine {
        let a = p.project(lon_lat(0.0, 0.0));
        let b = p.project(lon_lat(90.0, 0.0));
        let scale = (b.x - a.x) / 0.25;
        Affine {
            offset: a - Vec2::splat(0.5 * scale),
            scale,
        }
    }

    fn apply(&self, p: [f32; 2]) -> Pos2 {
        Pos2::new(
            self.offset.x + p[0] * self.scale,
            self.offset.y + p[1] * self.scale,
        )
    }

    fn view(&self, r: Rect) -> BBox {
        BBox {
            min: [
                (r.min.x - self.offset.x) / self.scale,
                (r.min.y - self.offset.y) / self.scale,
            ],
            max: [
                (r.max.x - self.offset.x) / self.scale,
                (r.max.y - self.offset.y) / self.scale,
            ],
        }
    }
}

/// The display name of a place in the label language.
pub fn place_label(p: &Place, arabic: bool) -> &str {
    if arabic {
        p.names.get("ar").map_or(p.name.as_str(), |s| s.as_str())
    } else {
        p.names.get("en").map_or(p.name.as_str(), |s| s.as_str())
    }
}

/// A marker to draw: one place or a group of overlapping ones.
struct Marker {
    pos: Pos2,
    radius: f32,
    /// Indices into `visible.places`.
    members: Vec<usize>,
}

/// The first occurrence of the `vi`th shown place.
fn first_place<'d>(docs: &'d [Analysis], visible: &Visible, vi: usize) -> Option<&'d Place> {
    let v = visible.places.get(vi)?;
    let (ai, pi) = *v.refs.first()?;
    docs.get(ai)?.places.get(pi)
}

impl<'a> MapLayer<'a> {
    fn first_place(&self, vi: usize) -> Option<&'a Place> {
        first_place(self.docs, self.visible, vi)
    }

    fn selected_place_id(&self) -> Option<&str> {
        match self.selected {
            Some(Item::Place(id)) => Some(id.as_str()),
            _ => None,
        }
    }

    fn draw_basemap(&mut self, ui: &Ui, rect: Rect, t: Affine, zoom: f64) {
        let painter = ui.painter_at(rect);
        let shapes = self.basemap_shapes(rect, t, zoom);
        match self.underlay {
            Some(idx) => painter.set(idx, Shape::Vec(shapes)),
            None => painter.extend(shapes),
        }
    }

    fn basemap_shapes(&mut self, rect: Rect, t: Affine, zoom: f64) -> Vec<Shape> {
        let mut out = vec![Shape::rect_filled(rect, 0.0, style::SEA)];
        let Some(bm) = self.basemap else { return out };
        let Some(level) = bm.level_for(zoom) else {
            return out;
        };
        let view = t.view(rect);

        // Country colours: shaded where shown places lie.
        let mut colors = vec![style::LAND; bm.countries.len()];
        if self.shade {
            for v in &self.visible.places {
                let Some(&(ai, pi)) = v.refs.first() else {
                    continue;
                };
                let Some(p) = self.docs.get(ai).and_then(|a| a.places.get(pi)) else {
                    continue;
                };
                if let Some(ci) = p
                    .country_code
                    .as_deref()
                    .and_then(|cc| bm.country_index(cc))
                {
                    colors[ci] = style::LAND_MENTIONED;
                }
            }
        }
        if let Some(id) = self.selected_place_id() {
            if let Some(cc) = self
                .visible
                .place(id)
                .and_then(|v| v.refs.first())
                .and_then(|&(ai, pi)| self.docs.get(ai)?.places.get(pi))
                .and_then(|p| p.country_code.as_deref())
            {
                if let Some(ci) = bm.country_index(cc) {
                    colors[ci] = style::LAND_SELECTED;
                }
            }
        }

        let mut mesh = Mesh::default();
        let mut push_fill = |fill: &super::basemap::Fill, color: Color32| {
            if fill.indices.is_empty() || !fill.bbox.intersects(&view) {
                return;
            }
            let base = mesh.vertices.len() as u32;
            for v in &fill.vertices {
                mesh.colored_vertex(t.apply(*v), color);
            }
            mesh.indices.extend(fill.indices.iter().map(|i| base + i));
        };
        for (ci, fill) in level.country_fills.iter().enumerate() {
            push_fill(fill, colors.get(ci).copied().unwrap_or(style::LAND));
        }
        for fill in &level.lake_fills {
            push_fill(fill, style::LAKE);
        }
        self.basemap_triangles = mesh.indices.len() / 3;
        out.push(Shape::mesh(mesh));

        let line = |pl: &Polyline, stroke: Stroke, shapes: &mut Vec<Shape>| {
            if !pl.bbox.intersects(&view) {
                return;
            }
            let pts: Vec<Pos2> = pl.points.iter().map(|p| t.apply(*p)).collect();
            shapes.push(Shape::line(pts, stroke));
        };
        let mut shapes = out;
        if zoom >= 3.0 {
            let w = if zoom >= 5.0 { 1.2 } else { 0.8 };
            for r in &level.rivers {
                line(r, Stroke::new(w, style::RIVER), &mut shapes);
            }
        }
        for s in &level.shores {
            line(s, Stroke::new(0.6, style::COAST), &mut shapes);
        }
        let border_w = if zoom < 3.0 { 0.5 } else { 0.8 };
        for (_, b) in &level.borders {
            line(b, Stroke::new(border_w, style::BORDER), &mut shapes);
        }
        shapes
    }

    fn draw_country_labels(&mut self, ui: &Ui, rect: Rect, t: Affine, taken: &mut Vec<Rect>) {
        let Some(bm) = self.basemap else { return };
        let painter = ui.painter_at(rect);
        let mut order: Vec<usize> = (0..bm.countries.len()).collect();
        order.sort_by(|&a, &b| {
            bm.countries[b]
                .bbox
                .width()
                .partial_cmp(&bm.countries[a].bbox.width())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        for ci in order {
            let c = &bm.countries[ci];
            let width_px = c.bbox.width() * t.scale;
            if width_px < 70.0 {
                continue;
            }
            let pos = t.apply(c.label);
            if !rect.contains(pos) {
                continue;
            }
            let name = if self.arabic && !c.name_ar.is_empty() {
                &c.name_ar
            } else {
                &c.name_en
            };
            let galley = self.labels.get(
                ui.ctx(),
                name,
                style::COUNTRY_LABEL_SIZE,
                style::COUNTRY_LABEL,
            );
            let r = Rect::from_center_size(pos, galley.size());
            if taken.iter().any(|o| o.intersects(r)) {
                continue;
            }
            taken.push(r);
            painter.galley(r.min, galley, style::COUNTRY_LABEL);
        }
    }

    /// Shown provinces with an outline in the data, as translucent areas (the selected one
    /// stronger); above the basemap or tiles, below the markers.
    fn draw_region_areas(&mut self, ui: &Ui, rect: Rect, t: Affine) {
        let Some(regions) = self.basemap.and_then(|b| b.regions.as_ref()) else {
            return;
        };
        let view = t.view(rect);
        let selected = self.selected_place_id();
        let base = style::kind_color(PlaceKind::Region);
        let mut mesh = Mesh::default();
        let mut lines = Vec::new();
        let mut drawn = 0;
        for vi in 0..self.visible.places.len() {
            let Some(p) = self.first_place(vi) else {
                continue;
            };
            if p.kind != PlaceKind::Region {
                continue;
            }
            let Some(shape) = regions.by_id.get(&p.id) else {
                continue;
            };
            if !shape.fill.bbox.intersects(&view) {
                continue;
            }
            let chosen = selected == Some(p.id.as_str());
            let alpha = if chosen { 0.38 } else { 0.2 };
            let color = base.gamma_multiply(alpha);
            let first = mesh.vertices.len() as u32;
            for v in &shape.fill.vertices {
                mesh.colored_vertex(t.apply(*v), color);
            }
            mesh.indices
                .extend(shape.fill.indices.iter().map(|i| first + i));
            let stroke = Stroke::new(if chosen { 2.0 } else { 1.2 }, base);
            for r in &shape.rings {
                if r.bbox.intersects(&view) {
                    let pts: Vec<Pos2> = r.points.iter().map(|q| t.apply(*q)).collect();
                    lines.push(Shape::line(pts, stroke));
                }
            }
            drawn += 1;
        }
        self.region_areas = drawn;
        let painter = ui.painter_at(rect);
        painter.add(Shape::mesh(mesh));
        painter.extend(lines);
    }

    fn markers(&self, projector: &Projector) -> Vec<Marker> {
        let mut out: Vec<Marker> = Vec::new();
        for (vi, v) in self.visible.places.iter().enumerate() {
            let Some(p) = self.first_place(vi) else {
                continue;
            };
            let pos = projector.project(lon_lat(p.lon, p.lat)).to_pos2();
            let radius = style::marker_radius(v.mentions);
            // Join the first group this marker overlaps much.
            let hit = out
                .iter_mut()
                .find(|m| m.pos.distance(pos) < 0.7 * (m.radius + radius));
            match hit {
                Some(m) => m.members.push(vi),
                None => out.push(Marker {
                    pos,
                    radius,
                    members: vec![vi],
                }),
            }
        }
        out
    }

    fn draw_event_links(&self, ui: &Ui, rect: Rect, projector: &Projector) {
        let Some(Item::Event(ai, ei)) = self.selected else {
            return;
        };
        let Some(e) = self.docs.get(*ai).and_then(|a| a.events.get(*ei)) else {
            return;
        };
        let Some(a) = self.docs.get(*ai) else { return };
        let pts: Vec<Pos2> = e
            .places
            .iter()
            .filter_map(|id| a.places.iter().find(|p| &p.id == id))
            .map(|p| projector.project(lon_lat(p.lon, p.lat)).to_pos2())
            .collect();
        let painter = ui.painter_at(rect);
        let color = style::event_color(&e.kind);
        for w in pts.windows(2) {
            painter.line_segment([w[0], w[1]], Stroke::new(2.5, style::EVENT_LINK));
        }
        for p in &pts {
            painter.circle(*p, 9.0, Color32::TRANSPARENT, Stroke::new(2.5, color));
        }
    }

    fn draw_markers(
        &mut self,
        ui: &mut Ui,
        rect: Rect,
        projector: &Projector,
        taken: &mut Vec<Rect>,
    ) {
        let markers = self.markers(projector);
        let selected = self.selected_place_id().map(str::to_owned);
        let painter = ui.painter_at(rect);
        // Circles first (big groups under small ones), labels after.
        let mut label_jobs: Vec<(Pos2, f32, String)> = Vec::new();
        for m in markers.iter().rev() {
            if !rect.expand(m.radius).contains(m.pos) {
                continue;
            }
            let Some(&first) = m.members.first() else {
                continue;
            };
            let Some(p) = self.first_place(first) else {
                continue;
            };
            if m.members.len() == 1 {
                painter.circle(
                    m.pos,
                    m.radius,
                    style::kind_color(p.kind),
                    Stroke::new(1.5, style::MARKER_OUTLINE),
                );
                if p.kind == PlaceKind::Country {
                    painter.circle_stroke(m.pos, m.radius - 3.0, Stroke::new(1.0, Color32::WHITE));
                }
            } else {
                let r = m.radius + 4.0;
                painter.circle(
                    m.pos,
                    r,
                    Color32::from_rgb(0x44, 0x4e, 0x5c),
                    Stroke::new(2.0, Color32::WHITE),
                );
                painter.text(
                    m.pos,
                    egui::Align2::CENTER_CENTER,
                    m.members.len().to_string(),
                    egui::FontId::proportional(12.0),
                    Color32::WHITE,
                );
            }
            if m.members
                .iter()
                .any(|&vi| Some(self.visible.places[vi].id.as_str()) == selected.as_deref())
            {
                painter.circle_stroke(m.pos, m.radius + 4.0, Stroke::new(3.0, style::SELECTED));
            }
        }
        for m in &markers {
            if !rect.expand(m.radius).contains(m.pos) {
                continue;
            }
            taken.push(Rect::from_center_size(m.pos, Vec2::splat(2.0 * m.radius)));
        }
        // Interaction and labels, most mentioned first.
        for (mi, m) in markers.iter().enumerate() {
            if !rect.contains(m.pos) {
                continue;
            }
            let Some(&first) = m.members.first() else {
                continue;
            };
            let Some(p) = self.first_place(first) else {
                continue;
            };
            let hit = Rect::from_center_size(m.pos, Vec2::splat(2.0 * m.radius.max(8.0)));
            let id = ui
                .scope_id()
                .with(("marker", &self.visible.places[first].id, mi));
            let resp = ui.interact(hit, id, Sense::click());
            if m.members.len() == 1 {
                let v = &self.visible.places[first];
                let name = p.name.clone();
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                let ar = p.names.get("ar").cloned().unwrap_or_default();
                let hover = format!(
                    "{} {}\n{} · {} mention{}{}{}",
                    p.name,
                    if ar.is_empty() {
                        String::new()
                    } else {
                        format!("({ar})")
                    },
                    style::kind_label(p.kind),
                    v.mentions,
                    if v.mentions == 1 { "" } else { "s" },
                    if v.adjective_mentions > 0 {
                        format!(" ({} as adjective)", v.adjective_mentions)
                    } else {
                        String::new()
                    },
                    if v.events > 0 {
                        format!(" · {} events", v.events)
                    } else {
                        String::new()
                    },
                );
                let resp = resp
                    .on_hover_text(hover)
                    .on_hover_cursor(egui::CursorIcon::PointingHand);
                if resp.clicked() {
                    self.commands
                        .push(Command::Select(Some(Item::Place(v.id.clone()))));
                }
                label_jobs.push((m.pos, m.radius, place_label(p, self.arabic).to_owned()));
            } else {
                let names: Vec<String> = m
                    .members
                    .iter()
                    .filter_map(|&vi| self.first_place(vi).map(|p| p.name.clone()))
                    .collect();
                let label = format!("{} places: {}", names.len(), names.join(", "));
                resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
                let resp = resp
                    .on_hover_text(format!("{label}\nClick to zoom in"))
                    .on_hover_cursor(egui::CursorIcon::ZoomIn);
                if resp.clicked() {
                    let pos = projector.unproject(m.pos.to_vec2());
                    self.commands.push(Command::ZoomTo { pos, delta: 2.0 });
                }
                label_jobs.push((
                    m.pos,
                    m.radius + 4.0,
                    place_label(p, self.arabic).to_owned() + " +",
                ));
            }
        }
        for (pos, radius, text) in label_jobs {
            let galley = self
                .labels
                .get(ui.ctx(), &text, style::LABEL_SIZE, style::PLACE_LABEL);
            let size = galley.size();
            let r =
                Rect::from_min_size(Pos2::new(pos.x + radius + 3.0, pos.y - size.y / 2.0), size);
            let own = Rect::from_center_size(pos, Vec2::splat(2.0 * radius));
            if taken.iter().any(|o| o.intersects(r) && *o != own) {
                continue;
            }
            taken.push(r);
            painter.rect_filled(r.expand(1.5), 3.0, style::LABEL_HALO);
            painter.galley(r.min, galley, style::PLACE_LABEL);
        }
    }
}

impl Plugin for &mut MapLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        response: &egui::Response,
        projector: &Projector,
        memory: &MapMemory,
    ) {
        let rect = response.rect;
        let t = Affine::from_projector(projector);
        let zoom = memory.zoom();
        self.draw_basemap(ui, rect, t, zoom);
        // Country names under the markers; place labels have a halo of their own.
        if !self.online {
            let mut names = Vec::new();
            self.draw_country_labels(ui, rect, t, &mut names);
        }
        self.draw_region_areas(ui, rect, t);
        self.draw_event_links(ui, rect, projector);
        let mut taken = Vec::new();
        self.draw_markers(ui, rect, projector, &mut taken);
    }
}
