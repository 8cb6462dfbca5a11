//! The context panel: what the selection is about. For a place, its names, why the resolver put
//! it where it did (reasons and the other candidates), the passages that mention it (mention
//! highlighted, with a copy button) and its events; for an event, its type, date, actors, places
//! and passages; with nothing selected, the reader article's summary.

use super::bidi::{self, Base, TextStyle};
use super::reader::{short_name, spans_for};
use super::{map::place_label, style, Command, Item, LabelCache, View};
use crate::model::{Analysis, Event};
use eframe::egui::{self, RichText, Ui};

/// Most passages listed for one place.
const MAX_PASSAGES: usize = 30;

/// Draw the context panel.
pub fn ui(ui: &mut Ui, view: &View<'_>, labels: &mut LabelCache, commands: &mut Vec<Command>) {
    egui::ScrollArea::vertical()
        .id_salt("context")
        .auto_shrink([false, false])
        .show(ui, |ui| match view.selection {
            Some(Item::Place(id)) => place_ui(ui, view, id, labels, commands),
            Some(Item::Event(ai, ei)) => event_ui(ui, view, *ai, *ei, labels, commands),
            None => summary_ui(ui, view, labels, commands),
        });
}

fn summary_ui(ui: &mut Ui, view: &View<'_>, labels: &mut LabelCache, commands: &mut Vec<Command>) {
    ui.weak("Select a place on the map, in the list or in the text.");
    ui.add_space(4.0);
    if view.docs.len() > 1 {
        ui.label(format!(
            "{} articles · {} places shown · {} events shown",
            view.docs.len(),
            view.visible.places.len(),
            view.visible.events.len()
        ));
    }
    for a in view.docs.iter().take(3) {
        ui.separator();
        ui.strong(short_name(a));
        if let Some(t) = &a.title {
            let g = labels.paragraph(
                ui.ctx(),
                t,
                &[],
                TextStyle {
                    size: 15.0,
                    color: style::TEXT,
                },
                ui.available_width(),
                Base::Auto,
            );
            bidi::show(ui, ui.scope_id().with(("title", &a.source)), &g);
        }
        if !a.focus.countries.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.weak("Focus:");
                for (cc, share) in a.focus.countries.iter().take(5) {
                    let name = a
                        .places
                        .iter()
                        .find(|p| {
                            p.kind == crate::model::PlaceKind::Country
                                && p.country_code.as_deref() == Some(cc)
                        })
                        .map_or(cc.clone(), |p| p.name.clone());
                    ui.label(format!("{name} {:.0}%", share * 100.0));
                }
            });
        }
        if view.docs.len() == 1 {
            events_list(
                ui,
                view,
                a,
                view.visible
                    .events
                    .iter()
                    .filter(|(x, _)| *x == 0)
                    .map(|(_, e)| *e)
                    .collect(),
                labels,
                commands,
            );
        }
    }
}

fn place_ui(
    ui: &mut Ui,
    view: &View<'_>,
    id: &str,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
) {
    let Some(v) = view.visible.place(id) else {
        ui.weak("The selected place is hidden by the filters.");
        if ui.button("Clear the selection").clicked() {
            commands.push(Command::Select(None));
        }
        return;
    };
    let Some(p) = view.place(id) else { return };
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), 6.0, style::kind_color(p.kind));
        ui.heading(&p.name);
        if let Some(ar) = p.names.get("ar") {
            let g = labels.get(ui.ctx(), ar, 20.0, style::TEXT);
            ui.label(egui::WidgetText::Galley(g));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text("Clear the selection")
                .clicked()
            {
                commands.push(Command::Select(None));
            }
        });
    });
    ui.label(format!(
        "{}{} · {:.3}°, {:.3}°{}",
        style::kind_label(p.kind),
        p.country_code
            .as_ref()
            .map_or(String::new(), |c| format!(" in {c}")),
        p.lat,
        p.lon,
        if p.population > 0 {
            format!(" · population {}", p.population)
        } else {
            String::new()
        },
    ));
    ui.label(format!(
        "{} mention{}{} in {} article{}",
        v.mentions,
        if v.mentions == 1 { "" } else { "s" },
        if v.adjective_mentions > 0 {
            format!(" ({} as adjective)", v.adjective_mentions)
        } else {
            String::new()
        },
        v.refs.len(),
        if v.refs.len() == 1 { "" } else { "s" },
    ));

    egui::CollapsingHeader::new("Why here?")
        .id_salt(("why", id))
        .default_open(false)
        .show(ui, |ui| {
            ui.label(format!("Resolver score {:.2}", p.score));
            if p.reasons.is_empty() {
                ui.weak("No reasons were recorded.");
            }
            for r in &p.reasons {
                ui.label(format!("• {r}"));
            }
            if !p.alternatives.is_empty() {
                ui.add_space(4.0);
                ui.strong("Other candidates");
                for alt in p.alternatives.iter().take(8) {
                    ui.label(format!(
                        "{} ({}) {:.2}°, {:.2}° — score {:.2}",
                        alt.name,
                        alt.country_code.as_deref().unwrap_or("no country"),
                        alt.lat,
                        alt.lon,
                        alt.score
                    ));
                }
            }
        });

    ui.add_space(4.0);
    ui.strong("Passages");
    let mut shown = 0;
    for &(ai, pi) in &v.refs {
        let Some(a) = view.docs.get(ai) else { continue };
        let Some(place) = a.places.get(pi) else {
            continue;
        };
        let mut passages: Vec<usize> = place.mentions.iter().map(|m| m.passage).collect();
        passages.dedup();
        for passage in passages {
            if shown >= MAX_PASSAGES {
                break;
            }
            shown += 1;
            passage_ui(ui, view, a, ai, passage, Some(id), labels, commands);
        }
    }
    if shown >= MAX_PASSAGES {
        ui.weak("More passages in the reader.");
    }

    let events: Vec<(usize, usize)> = v
        .refs
        .iter()
        .flat_map(|&(ai, pi)| {
            let events = view
                .docs
                .get(ai)
                .and_then(|a| a.places.get(pi))
                .map_or(&[][..], |p| p.events.as_slice());
            events.iter().map(move |&ei| (ai, ei))
        })
        .filter(|e| view.visible.has_event(*e))
        .collect();
    if !events.is_empty() {
        ui.add_space(4.0);
        ui.strong(format!("Events ({})", events.len()));
        for (ai, ei) in events {
            if let Some(e) = view.docs.get(ai).and_then(|a| a.events.get(ei)) {
                event_row(ui, view, ai, e, Some(id), labels, commands);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn passage_ui(
    ui: &mut Ui,
    view: &View<'_>,
    a: &Analysis,
    ai: usize,
    passage: usize,
    selected: Option<&str>,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
) {
    let Some(text) = a.passages.get(passage).map(|p| p.text.as_str()) else {
        return;
    };
    let mentions: Vec<(usize, usize)> = view
        .visible
        .mentions
        .get(ai)
        .map(|ms| {
            ms.iter()
                .copied()
                .filter(|&(pi, mi)| {
                    a.places
                        .get(pi)
                        .and_then(|p| p.mentions.get(mi))
                        .is_some_and(|m| m.passage == passage)
                })
                .collect()
        })
        .unwrap_or_default();
    let spans = spans_for(a, &mentions, selected);
    egui::Frame::group(ui.style())
        .inner_margin(6.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.weak(format!("{} · passage {}", short_name(a), passage + 1));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .small_button("Copy")
                        .on_hover_text("Copy this passage")
                        .clicked()
                    {
                        commands.push(Command::Copy(text.to_owned()));
                    }
                    if ui
                        .small_button("Read")
                        .on_hover_text("Show it in the reader")
                        .clicked()
                    {
                        commands.push(Command::Read(ai));
                    }
                });
            });
            let base = if a.language == "ar" {
                Base::Rtl
            } else {
                Base::Auto
            };
            let p = labels.paragraph(
                ui.ctx(),
                text,
                &spans,
                TextStyle {
                    size: 14.5,
                    color: style::TEXT,
                },
                ui.available_width(),
                base,
            );
            let shown = bidi::show(ui, ui.scope_id().with(("ctx-passage", ai, passage)), &p);
            if let Some(tag) = shown.clicked {
                if let Some(p) = mentions
                    .get(tag as usize)
                    .and_then(|&(pi, _)| a.places.get(pi))
                {
                    commands.push(Command::Select(Some(Item::Place(p.id.clone()))));
                }
            }
        });
}

/// A date in words.
fn date_text(e: &Event) -> String {
    match &e.date {
        Some(d) => match (d.year, d.month, d.day) {
            (Some(y), Some(m), Some(dd)) => format!("{y:04}-{m:02}-{dd:02}"),
            (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
            (Some(y), None, _) => format!("{y:04}"),
            (None, Some(m), Some(dd)) => format!("{dd} {} ({})", month_name(m), d.text),
            _ => d.text.clone(),
        },
        None => "undated".to_owned(),
    }
}

fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// One line of text with bidi applied (dates and actors may be Arabic).
fn bidi_label(ui: &mut Ui, labels: &mut LabelCache, text: &str, color: egui::Color32) {
    let g = labels.get(ui.ctx(), text, 14.0, color);
    ui.label(egui::WidgetText::Galley(g));
}

fn event_row(
    ui: &mut Ui,
    view: &View<'_>,
    ai: usize,
    e: &Event,
    except: Option<&str>,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        style::event_icon_ui(ui, &e.kind);
        let selected = view.selection == Some(&Item::Event(ai, e.index));
        if ui
            .selectable_label(
                selected,
                RichText::new(&e.kind).color(style::event_color(&e.kind)),
            )
            .clicked()
        {
            commands.push(Command::Select(Some(Item::Event(ai, e.index))));
        }
        bidi_label(ui, labels, &date_text(e), style::WEAK_TEXT);
        for actor in &e.actors {
            bidi_label(ui, labels, actor, style::TEXT);
        }
        for id in &e.places {
            if Some(id.as_str()) == except {
                continue;
            }
            if let Some(p) = view.place_in(ai, id) {
                if ui.small_button(place_label(p, false)).clicked() {
                    commands.push(Command::Select(Some(Item::Place(id.clone()))));
                }
            }
        }
    });
}

fn events_list(
    ui: &mut Ui,
    view: &View<'_>,
    a: &Analysis,
    events: Vec<usize>,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
) {
    if events.is_empty() {
        return;
    }
    let Some(ai) = view.docs.iter().position(|d| d.source == a.source) else {
        return;
    };
    ui.strong(format!("Events ({})", events.len()));
    for ei in events.into_iter().take(40) {
        if let Some(e) = a.events.get(ei) {
            event_row(ui, view, ai, e, None, labels, commands);
        }
    }
}

fn event_ui(
    ui: &mut Ui,
    view: &View<'_>,
    ai: usize,
    ei: usize,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
) {
    let Some(a) = view.docs.get(ai) else { return };
    let Some(e) = a.events.get(ei) else {
        ui.weak("This event is no longer loaded.");
        return;
    };
    ui.horizontal(|ui| {
        style::event_icon_ui(ui, &e.kind);
        ui.heading(RichText::new(&e.kind).color(style::event_color(&e.kind)));
        if !e.mode.is_empty() {
            ui.weak(format!("({})", e.mode));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text("Clear the selection")
                .clicked()
            {
                commands.push(Command::Select(None));
            }
        });
    });
    ui.horizontal(|ui| {
        ui.weak("When");
        bidi_label(ui, labels, &date_text(e), style::TEXT);
    });
    ui.horizontal(|ui| {
        ui.weak("Trigger");
        let g = labels.get(ui.ctx(), &e.trigger, 14.0, style::TEXT);
        ui.label(egui::WidgetText::Galley(g));
    });
    ui.horizontal_wrapped(|ui| {
        ui.weak("Actors");
        if e.actors.is_empty() {
            ui.label("—");
        }
        for actor in &e.actors {
            bidi_label(ui, labels, actor, style::TEXT);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.weak("Where");
        for id in &e.places {
            if let Some(p) = view.place_in(ai, id) {
                if ui.small_button(place_label(p, false)).clicked() {
                    commands.push(Command::Select(Some(Item::Place(id.clone()))));
                }
            }
        }
        if !e.location_precision.is_empty() {
            ui.weak(format!("({})", e.location_precision));
        }
    });
    ui.add_space(4.0);
    let mut passages = if e.passages.is_empty() {
        vec![e.passage]
    } else {
        e.passages.clone()
    };
    passages.dedup();
    for p in passages.into_iter().take(MAX_PASSAGES) {
        passage_ui(ui, view, a, ai, p, None, labels, commands);
    }
}
