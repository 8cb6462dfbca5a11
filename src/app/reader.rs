//! The reader: one article laid out right-to-left when it is Arabic (with the bidi line layout),
//! its shown mentions highlighted and clickable, scrolled to the selected place's first mention.

use super::bidi::{self, Base, Span, TextStyle};
use super::{style, Command, Item, LabelCache, View};
use crate::model::{Analysis, MentionForm, PassageKind};
use eframe::egui::{self, RichText, Ui};

/// The reader's own state.
#[derive(Default)]
pub struct Reader {
    /// Which article is shown.
    pub article: usize,
    /// Scroll to the first mention of (article, place index) in this passage.
    pub scroll_to: Option<(usize, usize, usize)>,
    /// Scroll to the start of (article, passage).
    pub scroll_to_passage: Option<(usize, usize)>,
}

impl Reader {
    /// Forget cached layout (the cache is keyed by content, so nothing to do but scroll state).
    pub fn invalidate(&mut self) {}

    /// Draw the reader.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        view: &View<'_>,
        labels: &mut LabelCache,
        commands: &mut Vec<Command>,
    ) {
        if view.docs.is_empty() {
            ui.centered_and_justified(|ui| {
                ui.weak("Open an article (File › Open, or drop files on the window).");
            });
            return;
        }
        if self.article >= view.docs.len() {
            self.article = 0;
        }
        let ai = self.article;
        let a = &view.docs[ai];
        ui.horizontal(|ui| {
            if view.docs.len() > 1 {
                egui::ComboBox::from_id_salt("reader-article")
                    .selected_text(short_name(a))
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        for (i, d) in view.docs.iter().enumerate().take(500) {
                            if ui.selectable_label(i == ai, short_name(d)).clicked() {
                                commands.push(Command::Read(i));
                            }
                        }
                    });
            } else {
                ui.strong(short_name(a));
            }
            ui.weak(format!("{} · {}", language_name(&a.language), a.encoding));
        });
        ui.separator();
        self.article_ui(ui, view, ai, labels, commands);
    }

    fn article_ui(
        &mut self,
        ui: &mut Ui,
        view: &View<'_>,
        ai: usize,
        labels: &mut LabelCache,
        commands: &mut Vec<Command>,
    ) {
        let a = &view.docs[ai];
        let base = if a.language == "ar" {
            Base::Rtl
        } else {
            Base::Auto
        };
        let selected_place = match view.selection {
            Some(Item::Place(id)) => Some(id.as_str()),
            _ => None,
        };
        let selected_event_passages: Vec<usize> = match view.selection {
            Some(Item::Event(eai, ei)) if *eai == ai => a
                .events
                .get(*ei)
                .map(|e| {
                    if e.passages.is_empty() {
                        vec![e.passage]
                    } else {
                        e.passages.clone()
                    }
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        // Shown mentions per passage: (place index, mention index).
        let mut by_passage: Vec<Vec<(usize, usize)>> = vec![Vec::new(); a.passages.len()];
        if let Some(ms) = view.visible.mentions.get(ai) {
            for &(pi, mi) in ms {
                if let Some(m) = a.places.get(pi).and_then(|p| p.mentions.get(mi)) {
                    if let Some(v) = by_passage.get_mut(m.passage) {
                        v.push((pi, mi));
                    }
                }
            }
        }
        let scroll_to = self.scroll_to.filter(|s| s.0 == ai);
        let scroll_passage = self.scroll_to_passage.filter(|s| s.0 == ai);
        let mut scrolled = false;
        egui::ScrollArea::vertical()
            .id_salt(("reader", ai))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width() - 8.0;
                for (idx, passage) in a.passages.iter().enumerate() {
                    let spans = spans_for(a, &by_passage[idx], selected_place);
                    let size = match passage.kind {
                        PassageKind::Title => style::READER_TITLE_SIZE,
                        PassageKind::Heading => style::READER_SIZE + 1.0,
                        PassageKind::Paragraph => style::READER_SIZE,
                    };
                    let p = labels.paragraph(
                        ui.ctx(),
                        &passage.text,
                        &spans,
                        TextStyle {
                            size,
                            color: style::TEXT,
                        },
                        width,
                        base,
                    );
                    let top = ui.cursor().top();
                    if selected_event_passages.contains(&idx) {
                        let r = egui::Rect::from_min_size(
                            egui::pos2(ui.max_rect().left(), top),
                            egui::vec2(3.0, p.height()),
                        );
                        ui.painter().rect_filled(r, 0.0, style::SELECTED);
                    }
                    let shown = bidi::show(ui, ui.scope_id().with(("passage", ai, idx)), &p);
                    if let Some(tag) = shown.clicked {
                        if let Some(&(pi, _)) = by_passage[idx].get(tag as usize) {
                            if let Some(place) = a.places.get(pi) {
                                commands.push(Command::Select(Some(Item::Place(place.id.clone()))));
                            }
                        }
                    }
                    if let Some((_, spi, sp)) = scroll_to {
                        if sp == idx && !scrolled {
                            let rect = shown
                                .tag_rects
                                .iter()
                                .find(|(tag, _)| {
                                    by_passage[idx]
                                        .get(*tag as usize)
                                        .is_some_and(|(pi, _)| *pi == spi)
                                })
                                .map(|(_, r)| *r);
                            let rect = rect.unwrap_or_else(|| {
                                egui::Rect::from_min_size(
                                    egui::pos2(ui.max_rect().left(), top),
                                    egui::vec2(width, p.line_height),
                                )
                            });
                            ui.scroll_to_rect(rect, Some(egui::Align::Center));
                            scrolled = true;
                        }
                    }
                    if let Some((_, sp)) = scroll_passage {
                        if sp == idx && !scrolled {
                            let rect = egui::Rect::from_min_size(
                                egui::pos2(ui.max_rect().left(), top),
                                egui::vec2(width, p.height().max(1.0)),
                            );
                            ui.scroll_to_rect(rect, Some(egui::Align::TOP));
                            scrolled = true;
                        }
                    }
                    ui.add_space(if passage.kind == PassageKind::Paragraph {
                        8.0
                    } else {
                        6.0
                    });
                }
                if !a.diagnostics.is_empty() {
                    ui.separator();
                    for d in &a.diagnostics {
                        ui.label(RichText::new(d).small().color(style::WEAK_TEXT));
                    }
                }
            });
        if scrolled {
            self.scroll_to = None;
            self.scroll_to_passage = None;
        }
    }
}

/// Highlight spans for the shown mentions of one passage; the tag is the position in `mentions`.
pub fn spans_for(a: &Analysis, mentions: &[(usize, usize)], selected: Option<&str>) -> Vec<Span> {
    mentions
        .iter()
        .enumerate()
        .filter_map(|(tag, &(pi, mi))| {
            let p = a.places.get(pi)?;
            let m = p.mentions.get(mi)?;
            let background = if Some(p.id.as_str()) == selected {
                style::MENTION_SELECTED_BG
            } else if m.form == MentionForm::Adjective {
                style::ADJECTIVE_BG
            } else {
                style::MENTION_BG
            };
            Some(Span {
                start: m.start,
                end: m.end,
                background,
                tag: tag as u32,
            })
        })
        .collect()
}

/// File name of an article's source.
pub fn short_name(a: &Analysis) -> String {
    std::path::Path::new(&a.source)
        .file_name()
        .map_or_else(|| a.source.clone(), |n| n.to_string_lossy().into_owned())
}

fn language_name(code: &str) -> &str {
    match code {
        "ar" => "Arabic",
        "en" => "English",
        "fr" => "French",
        other => other,
    }
}
