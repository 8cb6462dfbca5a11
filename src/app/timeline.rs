//! The timeline: a strip of the dated events under the map, coloured by type. Dragging over a
//! span sets the filter's date range; clicking an event selects it.

use super::{style, Command, Item, View};
use crate::filter::{event_span, parse_day, Filter};
use eframe::egui::{self, Color32, Pos2, Rect, Sense, Stroke, Ui};

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let m = m.clamp(1, 12) as i64;
    let d = d.clamp(1, 31) as i64;
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count.
pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    ((y + i64::from(m <= 2)) as i32, m as u32, d as u32)
}

fn fmt_day(z: i64) -> String {
    let (y, m, d) = civil_from_days(z);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A dated event: (article, event, first day, last day).
type Dated = (usize, usize, i64, i64);

/// Events of one span and type: (first day, last day, type) to (article, event) pairs.
type Groups<'a> = std::collections::BTreeMap<(i64, i64, &'a str), Vec<(usize, usize)>>;

fn dated(view: &View<'_>) -> Vec<Dated> {
    let mut out = Vec::new();
    for (ai, a) in view.docs.iter().enumerate() {
        for (ei, e) in a.events.iter().enumerate() {
            let Some(((y0, m0, d0), (y1, m1, d1))) = e
                .date
                .as_ref()
                .and_then(|d| event_span(d, a.published.as_deref()))
            else {
                continue;
            };
            // A day past the end of a short month is clamped by the conversion.
            out.push((
                ai,
                ei,
                days_from_civil(y0, m0, d0),
                days_from_civil(y1, m1, d1.min(31)),
            ));
        }
    }
    out
}

/// A year with a 29 February, standing for a year the text does not give.
const SOME_LEAP_YEAR: i32 = 2000;

/// Events dated by month (and day) in an article that gives neither their year nor its own
/// publication date ("21 فبراير/شباط" in an undated article), on a year-less axis.
fn dated_without_year(view: &View<'_>) -> Vec<Dated> {
    let mut out = Vec::new();
    for (ai, a) in view.docs.iter().enumerate() {
        if a.published.is_some() {
            continue;
        }
        for (ei, e) in a.events.iter().enumerate() {
            let Some(d) = e.date.as_ref().filter(|d| d.year.is_none()) else {
                continue;
            };
            let Some(m) = d.month else { continue };
            let last = days_in_month(m);
            let (d0, d1) = match (d.day, d.part.as_deref()) {
                (Some(day), _) => (day, day),
                (None, Some("early")) => (1, 10),
                (None, Some("mid")) => (11, 20),
                (None, Some("late")) => (21, last),
                (None, _) => (1, last),
            };
            out.push((
                ai,
                ei,
                days_from_civil(SOME_LEAP_YEAR, m, d0),
                days_from_civil(SOME_LEAP_YEAR, m, d1),
            ));
        }
    }
    out
}

fn days_in_month(m: u32) -> u32 {
    match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn fmt_month_day(z: i64) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_, m, d) = civil_from_days(z);
    format!("{d} {}", MONTHS[(m as usize).clamp(1, 12) - 1])
}

/// Draw the timeline.
pub fn ui(ui: &mut Ui, view: &View<'_>, filter: &mut Filter, commands: &mut Vec<Command>) {
    let mut events = dated(view);
    // With no event dated in full, show those dated by month and day only, on a year-less axis
    // (they cannot be filtered by date: the filter works on full dates).
    let yearless = events.is_empty();
    if yearless {
        events = dated_without_year(view);
    }
    let fmt: fn(i64) -> String = if yearless { fmt_month_day } else { fmt_day };
    ui.horizontal(|ui| {
        ui.strong("Timeline");
        if filter.has_date_range() {
            ui.label(format!(
                "{} – {}",
                filter.date_from.as_deref().unwrap_or("…"),
                filter.date_to.as_deref().unwrap_or("…")
            ));
            if ui.small_button("Any date").clicked() {
                filter.date_from = None;
                filter.date_to = None;
            }
        } else if yearless && !events.is_empty() {
            ui.weak("The text gives no year for these dates; click an event to select it.");
        } else if !events.is_empty() {
            ui.weak("Drag over a span to filter by date; click an event to select it.");
        }
    });
    if events.is_empty() {
        ui.weak("No dated events in the loaded articles.");
        return;
    }
    let mut lo = events.iter().map(|e| e.2).min().unwrap_or(0) - 3;
    let mut hi = events.iter().map(|e| e.3).max().unwrap_or(0) + 3;
    if yearless {
        // The margin must not reach into another year: the axis has none.
        lo = lo.max(days_from_civil(SOME_LEAP_YEAR, 1, 1));
        hi = hi.min(days_from_civil(SOME_LEAP_YEAR, 12, 31));
    }
    let (rect, resp) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), ui.available_height().max(30.0)),
        Sense::click_and_drag(),
    );
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, Color32::from_gray(248));
    let x_of = |day: f64| {
        rect.left()
            + 8.0
            + (day - lo as f64) as f32 / (hi - lo).max(1) as f32 * (rect.width() - 16.0)
    };
    let day_of = |x: f32| {
        lo as f64
            + f64::from((x - rect.left() - 8.0) / (rect.width() - 16.0).max(1.0)) * (hi - lo) as f64
    };
    let axis_y = rect.bottom() - 12.0;
    painter.line_segment(
        [
            Pos2::new(rect.left() + 4.0, axis_y),
            Pos2::new(rect.right() - 4.0, axis_y),
        ],
        Stroke::new(1.0, style::WEAK_TEXT),
    );
    for (day, align) in [
        (lo, egui::Align2::LEFT_BOTTOM),
        (hi, egui::Align2::RIGHT_BOTTOM),
    ] {
        painter.text(
            Pos2::new(x_of(day as f64), rect.bottom()),
            align,
            fmt(day),
            egui::FontId::proportional(10.0),
            style::WEAK_TEXT,
        );
    }
    // The chosen span.
    let from = filter
        .date_from
        .as_deref()
        .and_then(|s| parse_day(s, false))
        .map(|(y, m, d)| days_from_civil(y, m, d));
    let to = filter
        .date_to
        .as_deref()
        .and_then(|s| parse_day(s, true))
        .map(|(y, m, d)| days_from_civil(y, m, d.min(31)));
    if !yearless && (from.is_some() || to.is_some()) {
        let x0 = x_of(from.unwrap_or(lo) as f64).max(rect.left());
        let x1 = x_of(to.unwrap_or(hi) as f64 + 1.0).min(rect.right());
        painter.rect_filled(
            Rect::from_x_y_ranges(x0..=x1, rect.y_range()),
            0.0,
            style::TIMELINE_SPAN,
        );
    }
    // Events grouped by span and type (a corpus repeats them), groups stacked when on the same day.
    let mut groups: Groups<'_> = Groups::new();
    for &(ai, ei, d0, d1) in &events {
        if let Some(e) = view.docs.get(ai).and_then(|a| a.events.get(ei)) {
            groups
                .entry((d0, d1, e.kind.as_str()))
                .or_default()
                .push((ai, ei));
        }
    }
    let max_level = ((axis_y - rect.top() - 12.0) / 9.0).max(1.0) as usize;
    let mut stack: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for ((d0, d1, kind), members) in &groups {
        let level = stack.entry(*d0).or_insert(0);
        let y = axis_y - 8.0 - (*level % max_level) as f32 * 9.0;
        *level += 1;
        let shown: Vec<(usize, usize)> = members
            .iter()
            .copied()
            .filter(|m| view.visible.has_event(*m))
            .collect();
        let color = if shown.is_empty() {
            Color32::from_gray(200)
        } else {
            style::event_color(kind)
        };
        let x0 = x_of(*d0 as f64);
        let x1 = x_of(*d1 as f64 + 1.0).max(x0 + 6.0);
        let r = Rect::from_min_max(Pos2::new(x0, y - 3.5), Pos2::new(x1, y + 3.5));
        painter.rect_filled(r, 3.0, color);
        let selected = members
            .iter()
            .any(|&(ai, ei)| view.selection == Some(&Item::Event(ai, ei)));
        if selected {
            painter.rect_stroke(
                r.expand(2.0),
                3.0,
                Stroke::new(2.0, style::SELECTED),
                egui::StrokeKind::Outside,
            );
        }
        let Some(&(ai, ei)) = shown.first().or(members.first()) else {
            continue;
        };
        let Some(e) = view.docs.get(ai).and_then(|a| a.events.get(ei)) else {
            continue;
        };
        let er = ui.interact(
            r.expand(2.0),
            ui.scope_id().with(("tl-event", d0, d1, kind)),
            Sense::click(),
        );
        let date = e.date.as_ref().map_or("", |d| d.text.as_str());
        let label = if members.len() == 1 {
            format!("{kind} event, {date}")
        } else {
            format!("{} {kind} events, {date}", members.len())
        };
        er.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        let er = er.on_hover_text(format!("{label}\n{}", e.actors.join(", ")));
        if er.clicked() {
            commands.push(Command::Select(Some(Item::Event(ai, ei))));
        }
    }
    if yearless {
        return;
    }
    // Dragging a span.
    let drag_id = ui.scope_id().with("tl-drag");
    if resp.drag_started() {
        // Where the button went down, not where the drag was recognised.
        let origin = ui.input(|i| i.pointer.press_origin());
        if let Some(p) = origin.or_else(|| resp.interact_pointer_pos()) {
            ui.ctx().data_mut(|d| d.insert_temp(drag_id, p.x));
        }
    }
    let start: Option<f32> = ui.ctx().data(|d| d.get_temp(drag_id));
    if let (Some(x0), Some(p)) = (start, resp.interact_pointer_pos()) {
        if resp.dragged() {
            painter.rect_filled(
                Rect::from_x_y_ranges(x0.min(p.x)..=x0.max(p.x), rect.y_range()),
                0.0,
                style::TIMELINE_SPAN,
            );
        }
        if resp.drag_stopped() {
            let (a, b) = (
                day_of(x0.min(p.x)).floor() as i64,
                day_of(x0.max(p.x)).floor() as i64,
            );
            filter.date_from = Some(fmt_day(a));
            filter.date_to = Some(fmt_day(b));
            ui.ctx().data_mut(|d| d.remove::<f32>(drag_id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_days_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2012, 2, 29),
            (2012, 3, 1),
            (1999, 12, 31),
            (2026, 11, 29),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 2), 1);
    }
}
