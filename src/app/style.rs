//! Design tokens: every colour, size and icon the app draws with, in one place, and the fonts.

use crate::model::PlaceKind;
use eframe::egui::{self, Color32, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

/// The bundled Arabic font (Noto Sans Arabic, SIL OFL 1.1; see assets/fonts/OFL.txt).
static ARABIC_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansArabic-Regular.ttf");

/// Whether the bundled Arabic font itself has a glyph for `c`. This reads the font's own
/// character map: asking egui would also consult the system-font fallback, which quietly adds
/// other fonts to a family when they cover a character.
pub fn arabic_font_has(c: char) -> bool {
    static FACE: std::sync::OnceLock<Option<ttf_parser::Face<'static>>> =
        std::sync::OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(ARABIC_FONT, 0).ok())
        .as_ref()
        .is_some_and(|f| f.glyph_index(c).is_some())
}

/// Name of the Arabic font in egui's font definitions.
pub const ARABIC_FONT_NAME: &str = "NotoSansArabic";

/// The family whose first font is the Arabic one: used for right-to-left runs.
pub fn arabic_family() -> FontFamily {
    FontFamily::Name("arabic".into())
}

/// Register the Arabic font: first in the `arabic` family, and as a fallback everywhere else.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        ARABIC_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(ARABIC_FONT)),
    );
    let proportional = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut arabic_first = vec![ARABIC_FONT_NAME.to_owned()];
    arabic_first.extend(proportional);
    fonts.families.insert(arabic_family(), arabic_first);
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(ARABIC_FONT_NAME.to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Font size of the reader's running text.
pub const READER_SIZE: f32 = 16.0;
/// Font size of a title in the reader.
pub const READER_TITLE_SIZE: f32 = 20.0;
/// Font size of map labels.
pub const LABEL_SIZE: f32 = 12.5;
/// Font size of country names on the basemap.
pub const COUNTRY_LABEL_SIZE: f32 = 11.0;

/// Sea.
pub const SEA: Color32 = Color32::from_rgb(0xc6, 0xdc, 0xec);
/// Land of countries the articles do not name.
pub const LAND: Color32 = Color32::from_rgb(0xf4, 0xf1, 0xea);
/// Land of a country the shown places lie in.
pub const LAND_MENTIONED: Color32 = Color32::from_rgb(0xf9, 0xe0, 0xb8);
/// Land of the selected place's country.
pub const LAND_SELECTED: Color32 = Color32::from_rgb(0xf3, 0xc2, 0x84);
/// Borders between countries.
pub const BORDER: Color32 = Color32::from_rgb(0x9a, 0x93, 0x8a);
/// Coastlines and lake shores.
pub const COAST: Color32 = Color32::from_rgb(0x8c, 0xae, 0xc8);
/// Lakes and inland seas.
pub const LAKE: Color32 = SEA;
/// Rivers.
pub const RIVER: Color32 = Color32::from_rgb(0x9c, 0xc2, 0xdf);
/// Country names on the map.
pub const COUNTRY_LABEL: Color32 = Color32::from_rgb(0x7a, 0x70, 0x66);
/// Place labels on the map.
pub const PLACE_LABEL: Color32 = Color32::from_rgb(0x20, 0x20, 0x28);
/// Halo behind place labels.
pub const LABEL_HALO: Color32 = Color32::from_rgba_premultiplied(0xff, 0xff, 0xff, 0xd0);
/// Outline of markers.
pub const MARKER_OUTLINE: Color32 = Color32::WHITE;
/// Ring around the selected marker.
pub const SELECTED: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);
/// Lines joining the places of the selected event.
pub const EVENT_LINK: Color32 = Color32::from_rgb(0xd6, 0x27, 0x28);
/// Background of a highlighted mention in the text.
pub const MENTION_BG: Color32 = Color32::from_rgb(0xfd, 0xe9, 0xa6);
/// Background of an adjective mention.
pub const ADJECTIVE_BG: Color32 = Color32::from_rgb(0xe3, 0xee, 0xd0);
/// Background of a mention of the selected place.
pub const MENTION_SELECTED_BG: Color32 = Color32::from_rgb(0xf7, 0xb3, 0x6b);
/// Running text.
pub const TEXT: Color32 = Color32::from_rgb(0x22, 0x22, 0x22);
/// Secondary text.
pub const WEAK_TEXT: Color32 = Color32::from_rgb(0x6b, 0x6b, 0x6b);
/// Error banner background.
pub const ERROR_BG: Color32 = Color32::from_rgb(0xfb, 0xe3, 0xe1);
/// Error text.
pub const ERROR_TEXT: Color32 = Color32::from_rgb(0x9b, 0x1c, 0x1c);
/// The span selected on the timeline.
pub const TIMELINE_SPAN: Color32 = Color32::from_rgba_premultiplied(0x30, 0x60, 0xa0, 0x40);

/// Marker fill by kind of place.
pub fn kind_color(kind: PlaceKind) -> Color32 {
    match kind {
        PlaceKind::Country => Color32::from_rgb(0x2b, 0x6c, 0xb0),
        PlaceKind::Region => Color32::from_rgb(0x8e, 0x44, 0xad),
        PlaceKind::City => Color32::from_rgb(0xd3, 0x54, 0x00),
        PlaceKind::Water => Color32::from_rgb(0x16, 0xa0, 0x85),
        PlaceKind::Landmark => Color32::from_rgb(0x7f, 0x8c, 0x3d),
    }
}

/// A word for a kind of place.
pub fn kind_label(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Country => "Country",
        PlaceKind::Region => "Region",
        PlaceKind::City => "City",
        PlaceKind::Water => "Water",
        PlaceKind::Landmark => "Landmark",
    }
}

/// Every kind, in sidebar order.
pub const KINDS: [PlaceKind; 5] = [
    PlaceKind::Country,
    PlaceKind::Region,
    PlaceKind::City,
    PlaceKind::Water,
    PlaceKind::Landmark,
];

/// Colour of an event type (PLOVER): cooperation in greens and blues, conflict in reds.
pub fn event_color(kind: &str) -> Color32 {
    match kind {
        "agree" | "cooperate" | "consult" => Color32::from_rgb(0x2e, 0x8b, 0x57),
        "support" | "aid" | "concede" | "retreat" => Color32::from_rgb(0x3a, 0x7c, 0xc4),
        "request" => Color32::from_rgb(0x6c, 0x75, 0x7d),
        "accuse" | "reject" => Color32::from_rgb(0xc2, 0x85, 0x1a),
        "threaten" | "protest" | "sanction" => Color32::from_rgb(0xd9, 0x6c, 0x1e),
        "mobilize" => Color32::from_rgb(0xa0, 0x3c, 0x78),
        "coerce" | "assault" => Color32::from_rgb(0xc0, 0x39, 0x2b),
        _ => Color32::from_rgb(0x55, 0x55, 0x55),
    }
}

/// Shape of an event type's icon: cooperation a circle, words of conflict a diamond, force a
/// triangle, requests a square.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IconShape {
    /// Cooperation, aid, agreement.
    Circle,
    /// Accusation, rejection, threat, protest, sanction.
    Diamond,
    /// Mobilisation, coercion, assault.
    Triangle,
    /// Requests and anything else.
    Square,
}

/// The icon shape of an event type.
pub fn event_shape(kind: &str) -> IconShape {
    match kind {
        "agree" | "cooperate" | "consult" | "support" | "aid" | "concede" | "retreat" => {
            IconShape::Circle
        }
        "accuse" | "reject" | "threaten" | "protest" | "sanction" => IconShape::Diamond,
        "mobilize" | "coerce" | "assault" => IconShape::Triangle,
        _ => IconShape::Square,
    }
}

/// Paint an event type's icon.
pub fn paint_event_icon(painter: &egui::Painter, center: egui::Pos2, r: f32, kind: &str) {
    let color = event_color(kind);
    let stroke = egui::Stroke::NONE;
    match event_shape(kind) {
        IconShape::Circle => {
            painter.circle_filled(center, r, color);
        }
        IconShape::Square => {
            painter.rect_filled(
                egui::Rect::from_center_size(center, egui::Vec2::splat(1.7 * r)),
                1.0,
                color,
            );
        }
        IconShape::Diamond => {
            let pts = vec![
                center + egui::vec2(0.0, -r * 1.2),
                center + egui::vec2(r * 1.2, 0.0),
                center + egui::vec2(0.0, r * 1.2),
                center + egui::vec2(-r * 1.2, 0.0),
            ];
            painter.add(egui::Shape::convex_polygon(pts, color, stroke));
        }
        IconShape::Triangle => {
            let pts = vec![
                center + egui::vec2(0.0, -r * 1.2),
                center + egui::vec2(r * 1.2, r),
                center + egui::vec2(-r * 1.2, r),
            ];
            painter.add(egui::Shape::convex_polygon(pts, color, stroke));
        }
    }
}

/// An event type's icon as a small widget.
pub fn event_icon_ui(ui: &mut egui::Ui, kind: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
    paint_event_icon(ui.painter(), rect.center(), 4.5, kind);
}

/// Marker radius in points for a mention count.
pub fn marker_radius(mentions: usize) -> f32 {
    (4.0 + 2.6 * (mentions as f32).sqrt()).min(22.0)
}
