//! Bidirectional line layout for Arabic (and mixed Arabic, Latin and digits) text.
//!
//! egui shapes Arabic (letters join) but does no bidi, and its own wrapping scrambles right-to-left
//! paragraphs. So a paragraph is laid out here: words are filled greedily into lines in logical
//! order (measured with the real fonts), then each line is split into unicode-bidi's visual runs,
//! and each run becomes one [`LayoutSection`] holding its *logical* text (the shaper reverses a
//! right-to-left run itself). Sections are pushed directly: `LayoutJob::append` would merge
//! neighbouring sections of the same format and silently undo the runs. Lines of a right-to-left
//! paragraph are drawn right-aligned, and egui never wraps them.
//!
//! Inside a right-to-left run, characters the Arabic font lacks (Latin quotes, brackets) would be
//! shaped by another font in a run of their own, placed left to right; such stretches become
//! sections of their own, reversed and mirrored by hand, and the pieces of the run are emitted in
//! reverse order.

use super::style;
use eframe::egui::{
    self, text::ByteIndex, text::LayoutJob, text::LayoutSection, Color32, FontFamily, FontId,
    Galley, Rect, Sense, TextFormat, Ui, Vec2,
};
use std::ops::Range;
use std::sync::Arc;
use unicode_bidi::{BidiInfo, Level};

/// Direction of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Base {
    /// From the first strong character.
    Auto,
    /// Right to left (Arabic).
    Rtl,
    /// Left to right.
    Ltr,
}

/// A highlighted stretch of the paragraph, in Unicode scalar offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Background colour.
    pub background: Color32,
    /// What a click on it reports.
    pub tag: u32,
}

/// Size and colour of the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    /// Text colour.
    pub color: Color32,
}

/// A horizontal stretch of a laid-out line that carries a tag.
#[derive(Debug, Clone)]
pub struct TaggedPiece {
    /// Horizontal extent within the line galley.
    pub x: Range<f32>,
    /// The span's tag.
    pub tag: u32,
    /// The logical text of the piece (for accessibility).
    pub text: String,
}

/// One laid-out line.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line, runs in visual order, ready to paint.
    pub galley: Arc<Galley>,
    /// Tagged pieces on this line.
    pub pieces: Vec<TaggedPiece>,
}

/// A laid-out paragraph.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Lines, top to bottom.
    pub lines: Vec<Line>,
    /// Whether lines are right-aligned.
    pub rtl: bool,
    /// Height of one line.
    pub line_height: f32,
}

impl Paragraph {
    /// Total height.
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height
    }
}

fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        _ => c,
    }
}

fn format(size: f32, family: FontFamily, color: Color32, background: Color32) -> TextFormat {
    TextFormat {
        font_id: FontId::new(size, family),
        color,
        background,
        ..TextFormat::default()
    }
}

fn single_section_job(text: String, fmt: TextFormat) -> LayoutJob {
    let len = text.len();
    let mut job = LayoutJob {
        text,
        ..LayoutJob::default()
    };
    job.wrap.max_width = f32::INFINITY;
    job.break_on_newline = false;
    job.sections.push(LayoutSection {
        leading_space: 0.0,
        byte_range: ByteIndex(0)..ByteIndex(len),
        format: fmt,
    });
    job
}

/// A piece of a line: its text as laid out, its format and its tag.
struct Piece {
    text: String,
    format: TextFormat,
    tag: Option<u32>,
    logical: String,
}

/// Lays out paragraphs with one font context.
struct Layouter<'a, 'b> {
    fonts: &'a mut egui::epaint::text::FontsView<'b>,
}

impl Layouter<'_, '_> {
    fn width(&mut self, text: &str, family: FontFamily, size: f32) -> f32 {
        let job = single_section_job(
            text.to_owned(),
            format(size, family, Color32::BLACK, Color32::TRANSPARENT),
        );
        self.fonts.layout_job(job).size().x
    }

    fn arabic_covers(&mut self, c: char) -> bool {
        style::arabic_font_has(c)
    }
}

/// Lay out `text` in lines at most `width` wide.
pub fn layout(
    ctx: &egui::Context,
    text: &str,
    spans: &[Span],
    style: TextStyle,
    width: f32,
    base: Base,
) -> Paragraph {
    ctx.fonts_mut(|fonts| {
        let mut l = Layouter { fonts };
        layout_with(&mut l, text, spans, style, width, base)
    })
}

fn layout_with(
    l: &mut Layouter<'_, '_>,
    text: &str,
    spans: &[Span],
    style: TextStyle,
    width: f32,
    base: Base,
) -> Paragraph {
    // One paragraph: line breaks become spaces (same character count, so offsets hold).
    let text: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let level = match base {
        Base::Auto => None,
        Base::Rtl => Some(Level::rtl()),
        Base::Ltr => Some(Level::ltr()),
    };
    let bidi = BidiInfo::new(&text, level);
    let rtl = bidi.paragraphs.first().is_some_and(|p| p.level.is_rtl());
    let line_height = l
        .fonts
        .row_height(&FontId::new(style.size, style::arabic_family()));

    // Byte offset of each character, and the span (if any) of each byte.
    let char_starts: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut span_at: Vec<Option<usize>> = vec![None; text.len()];
    for (si, s) in spans.iter().enumerate() {
        let (Some(&b0), Some(&b1)) = (char_starts.get(s.start), char_starts.get(s.end)) else {
            continue;
        };
        for slot in span_at.iter_mut().take(b1).skip(b0) {
            *slot = Some(si);
        }
    }

    // Greedy fill in logical order.
    let family = if rtl {
        style::arabic_family()
    } else {
        FontFamily::Proportional
    };
    let space_w = l.width(" ", family.clone(), style.size);
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut line_start: Option<usize> = None;
    let mut line_end = 0;
    let mut line_w = 0.0;
    for (ws, we) in words(&text) {
        let word = &text[ws..we];
        let w = l.width(word, family.clone(), style.size);
        match line_start {
            None => {
                line_start = Some(ws);
                line_w = w;
            }
            Some(start) => {
                if line_w + space_w + w > width {
                    lines.push(start..line_end);
                    line_start = Some(ws);
                    line_w = w;
                } else {
                    line_w += space_w + w;
                }
            }
        }
        line_end = we;
    }
    if let Some(start) = line_start {
        lines.push(start..line_end);
    }

    let Some(para) = bidi.paragraphs.first() else {
        return Paragraph {
            lines: Vec::new(),
            rtl,
            line_height,
        };
    };
    let shared = Shared {
        text: &text,
        span_at: &span_at,
        spans,
        style,
        family: family.clone(),
    };
    let mut out = Vec::with_capacity(lines.len());
    for range in lines {
        let (levels, runs) = bidi.visual_runs(para, range.clone());
        let mut pieces: Vec<Piece> = Vec::new();
        for run in runs {
            let run_rtl = levels.get(run.start).is_some_and(|lv| lv.is_rtl());
            let mut run_pieces = split_run(l, &shared, run, run_rtl);
            if run_rtl {
                run_pieces.reverse();
            }
            pieces.extend(run_pieces);
        }
        out.push(build_line(l, pieces, style.size));
    }
    Paragraph {
        lines: out,
        rtl,
        line_height,
    }
}

/// Words as byte ranges (without the spaces between them).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Split one visual run into pieces of uniform span and (for right-to-left runs) font coverage,
/// in logical order.
/// What every run of a paragraph shares.
struct Shared<'s> {
    text: &'s str,
    span_at: &'s [Option<usize>],
    spans: &'s [Span],
    style: TextStyle,
    /// The family of every piece: Arabic first in right-to-left paragraphs, so that all the
    /// pieces of a line share one set of metrics (and one baseline).
    family: FontFamily,
}

fn split_run(
    l: &mut Layouter<'_, '_>,
    sh: &Shared<'_>,
    run: Range<usize>,
    rtl: bool,
) -> Vec<Piece> {
    let (text, span_at, spans, style) = (sh.text, sh.span_at, sh.spans, sh.style);
    let base_family = &sh.family;
    let mut out = Vec::new();
    let slice = &text[run.clone()];
    // (byte start, span, covered) of the current piece.
    let mut cur: Option<(usize, Option<usize>, bool)> = None;
    let mut flush = |start: usize, end: usize, span: Option<usize>, covered: bool| {
        let logical = text[start..end].to_owned();
        let background = span
            .and_then(|s| spans.get(s))
            .map_or(Color32::TRANSPARENT, |s| s.background);
        let tag = span.and_then(|s| spans.get(s)).map(|s| s.tag);
        let (shown, family) = if !rtl {
            (logical.clone(), base_family.clone())
        } else if covered {
            (logical.clone(), style::arabic_family())
        } else {
            // A stretch the Arabic font lacks, inside a right-to-left run: its characters are
            // neutral or weak (quotes, brackets), so reverse and mirror them by hand.
            (
                logical.chars().rev().map(mirror).collect(),
                FontFamily::Proportional,
            )
        };
        out.push(Piece {
            text: shown,
            format: format(style.size, family, style.color, background),
            tag,
            logical,
        });
    };
    for (off, c) in slice.char_indices() {
        let b = run.start + off;
        let span = span_at.get(b).copied().flatten();
        let covered = !rtl || l.arabic_covers(c);
        match cur {
            Some((_, sp, cov)) if sp == span && cov == covered => {}
            Some((s, sp, cov)) => {
                flush(s, b, sp, cov);
                cur = Some((b, span, covered));
            }
            None => cur = Some((b, span, covered)),
        }
    }
    if let Some((s, sp, cov)) = cur {
        flush(s, run.end, sp, cov);
    }
    out
}

fn build_line(l: &mut Layouter<'_, '_>, pieces: Vec<Piece>, size: f32) -> Line {
    let mut job = LayoutJob::default();
    job.wrap.max_width = f32::INFINITY;
    job.break_on_newline = false;
    let mut tagged = Vec::new();
    let mut x = 0.0;
    for p in pieces {
        let start = job.text.len();
        job.text.push_str(&p.text);
        let w = l.width(&p.text, p.format.font_id.family.clone(), size);
        if let Some(tag) = p.tag {
            tagged.push(TaggedPiece {
                x: x..x + w,
                tag,
                text: p.logical,
            });
        }
        x += w;
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format: p.format,
        });
    }
    Line {
        galley: l.fonts.layout_job(job),
        pieces: tagged,
    }
}

/// One line of text with bidi applied, for labels and list entries (no wrapping).
pub fn line_galley(ctx: &egui::Context, text: &str, size: f32, color: Color32) -> Arc<Galley> {
    let p = layout(
        ctx,
        text,
        &[],
        TextStyle { size, color },
        f32::INFINITY,
        Base::Auto,
    );
    match p.lines.into_iter().next() {
        Some(line) => line.galley,
        None => {
            ctx.fonts_mut(|f| f.layout_no_wrap(String::new(), FontId::proportional(size), color))
        }
    }
}

/// What showing a paragraph reported.
#[derive(Debug, Default)]
pub struct Shown {
    /// The tag of a piece clicked this frame.
    pub clicked: Option<u32>,
    /// Where each tagged piece was drawn.
    pub tag_rects: Vec<(u32, Rect)>,
}

/// Show a laid-out paragraph in the available width: right-aligned lines when right-to-left,
/// clickable tagged pieces (with an accessibility label holding their logical text).
pub fn show(ui: &mut Ui, id: egui::Id, p: &Paragraph) -> Shown {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, p.height()), Sense::hover());
    let mut shown = Shown::default();
    if !ui.is_rect_visible(rect) {
        return shown;
    }
    let painter = ui.painter_at(rect.expand(2.0));
    for (li, line) in p.lines.iter().enumerate() {
        let top = rect.top() + li as f32 * p.line_height;
        let w = line.galley.size().x;
        let left = if p.rtl { rect.right() - w } else { rect.left() };
        painter.galley(egui::pos2(left, top), line.galley.clone(), style::TEXT);
        for (pi, piece) in line.pieces.iter().enumerate() {
            let r = Rect::from_min_max(
                egui::pos2(left + piece.x.start, top),
                egui::pos2(left + piece.x.end, top + p.line_height),
            );
            shown.tag_rects.push((piece.tag, r));
            let resp = ui.interact(r, id.with((li, pi)), Sense::click());
            let label = piece.text.clone();
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
            let resp = resp.on_hover_cursor(egui::CursorIcon::PointingHand);
            if resp.clicked() {
                shown.clicked = Some(piece.tag);
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> egui::Context {
        let ctx = egui::Context::default();
        style::install_fonts(&ctx);
        // Fonts are ready after the first pass.
        let mut out = ctx.run_ui(egui::RawInput::default(), |_| {});
        out.textures_delta.clear();
        ctx
    }

    /// The sections of each line, as (text, family is Arabic) in visual order.
    fn sections(p: &Paragraph) -> Vec<Vec<String>> {
        p.lines
            .iter()
            .map(|l| {
                l.galley
                    .job
                    .sections
                    .iter()
                    .map(|s| {
                        l.galley.job.text[s.byte_range.start.0..s.byte_range.end.0].to_string()
                    })
                    .collect()
            })
            .collect()
    }

    fn style() -> TextStyle {
        TextStyle {
            size: 16.0,
            color: Color32::BLACK,
        }
    }

    #[test]
    fn mixed_line_runs_in_visual_order() {
        let ctx = ctx();
        let p = layout(&ctx, "باكو Baku 2012", &[], style(), 1000.0, Base::Rtl);
        assert!(p.rtl);
        // Right to left: the Arabic word is rightmost; "Baku 2012" is one left-to-right run (the
        // digits follow a Latin word), shown to its left.
        let runs = |p: &Paragraph| -> Vec<String> {
            sections(p)[0]
                .iter()
                .map(|x| x.trim().to_owned())
                .filter(|x| !x.is_empty())
                .collect()
        };
        assert_eq!(p.lines.len(), 1);
        assert_eq!(runs(&p), vec!["Baku 2012", "باكو"]);
        // Digits after Arabic words form their own run, left of the words that precede them.
        let p = layout(
            &ctx,
            "في عام 2012 زار باكو",
            &[],
            style(),
            1000.0,
            Base::Rtl,
        );
        assert_eq!(runs(&p), vec!["زار باكو", "2012", "في عام"]);
    }

    #[test]
    fn pure_arabic_line_is_one_logical_section() {
        let ctx = ctx();
        let p = layout(
            &ctx,
            "استدعت إيران سفيرها",
            &[],
            style(),
            1000.0,
            Base::Auto,
        );
        assert!(p.rtl);
        assert_eq!(sections(&p), vec![vec!["استدعت إيران سفيرها".to_string()]]);
    }

    #[test]
    fn wrapped_lines_keep_logical_order() {
        let ctx = ctx();
        let text = "استدعت إيران سفيرها من أذربيجان من أجل التشاور على خلفية مظاهرة أمام السفارة";
        let narrow = layout(&ctx, text, &[], style(), 120.0, Base::Rtl);
        assert!(narrow.lines.len() > 2);
        let first: String = sections(&narrow)[0].concat();
        assert!(
            text.starts_with(first.trim()),
            "first line is the start: {first}"
        );
        let all: Vec<String> = sections(&narrow).iter().map(|l| l.concat()).collect();
        assert_eq!(
            all.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn mention_spans_become_tagged_pieces() {
        let ctx = ctx();
        let text = "مظاهرة في العاصمة باكو أمس";
        let start = text.chars().position(|c| c == 'ب').unwrap_or(0);
        let span = Span {
            start,
            end: start + 4,
            background: Color32::YELLOW,
            tag: 7,
        };
        let p = layout(&ctx, text, &[span], style(), 1000.0, Base::Rtl);
        let pieces = &p.lines[0].pieces;
        assert_eq!(pieces.len(), 1);
        assert_eq!(pieces[0].tag, 7);
        assert_eq!(pieces[0].text, "باكو");
        assert!(pieces[0].x.end > pieces[0].x.start);
        // Right to left: the later word أمس lies left of باكو.
        let sec = sections(&p);
        let pos_baku = sec[0].iter().position(|s| s == "باكو");
        let pos_ams = sec[0].iter().position(|s| s.contains("أمس"));
        assert!(pos_ams < pos_baku, "{sec:?}");
    }

    #[test]
    fn brackets_mirror_in_rtl() {
        let ctx = ctx();
        let p = layout(&ctx, "قال (باكو) أمس", &[], style(), 1000.0, Base::Rtl);
        let s = sections(&p)[0].concat();
        // The opening bracket of the logical text shows as ')' on the right of باكو... which, in
        // left-to-right section order, is the first bracket met after باكو.
        assert!(s.contains("باكو"), "{s}");
        let after = s.split("باكو").nth(1).unwrap_or("");
        assert!(after.starts_with(')'), "{s}");
    }
}
