//! The filter sidebar: search (with Arabic folding), place kinds, mention form, minimum mentions,
//! countries, event types, date range and articles, each choice with its count, a reset, and the
//! list of shown places.

use super::{map::place_label, style, Command, Item, LabelCache, View};
use crate::filter::{Filter, FormFilter};
use eframe::egui::{self, RichText, Ui};

/// Draw the sidebar; the filter is edited in place (the app notices the change).
pub fn ui(
    ui: &mut Ui,
    view: &View<'_>,
    filter: &mut Filter,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Filters");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .add_enabled(!filter.is_default(), egui::Button::new("Reset"))
                        .on_hover_text("Show everything again")
                        .clicked()
                    {
                        *filter = Filter::default();
                    }
                });
            });
            let search_label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut filter.search)
                    .hint_text("Place name, Arabic or English")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(search_label.id);
            ui.add_space(6.0);

            let c = &view.visible.counts;
            ui.label(RichText::new("Kind of place").strong());
            for kind in style::KINDS {
                let n = c.kinds.get(&kind).copied().unwrap_or(0);
                if n == 0 && !filter.hidden_kinds.contains(&kind) {
                    continue;
                }
                let mut shown = !filter.hidden_kinds.contains(&kind);
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .circle_filled(rect.center(), 5.0, style::kind_color(kind));
                    if ui
                        .checkbox(&mut shown, format!("{} ({n})", style::kind_label(kind)))
                        .changed()
                    {
                        if shown {
                            filter.hidden_kinds.remove(&kind);
                        } else {
                            filter.hidden_kinds.insert(kind);
                        }
                    }
                });
            }
            ui.add_space(6.0);

            ui.label(RichText::new("Mentioned as").strong());
            ui.horizontal_wrapped(|ui| {
                ui.radio_value(&mut filter.form, FormFilter::Any, "Any");
                ui.radio_value(
                    &mut filter.form,
                    FormFilter::Names,
                    format!("Name ({})", c.names),
                );
                ui.radio_value(
                    &mut filter.form,
                    FormFilter::Adjectives,
                    format!("Adjective ({})", c.adjectives),
                );
            });
            ui.horizontal(|ui| {
                let l = ui.label("At least");
                ui.add(
                    egui::DragValue::new(&mut filter.min_mentions)
                        .range(1..=200)
                        .speed(0.1),
                )
                .labelled_by(l.id);
                ui.label("mentions");
            });
            ui.add_space(6.0);

            countries_ui(ui, view, filter);
            events_ui(ui, view, filter);
            dates_ui(ui, filter);
            articles_ui(ui, view, filter, commands);
            ui.add_space(6.0);
            places_ui(ui, view, labels, commands);
        });
}

fn country_name(view: &View<'_>, cc: &str) -> String {
    for a in view.docs {
        for p in &a.places {
            if p.kind == crate::model::PlaceKind::Country && p.country_code.as_deref() == Some(cc) {
                return place_label(p, false).to_owned();
            }
        }
    }
    cc.to_owned()
}

fn countries_ui(ui: &mut Ui, view: &View<'_>, filter: &mut Filter) {
    let c = &view.visible.counts;
    let title = if filter.countries.is_empty() {
        format!("Countries ({})", c.countries.len())
    } else {
        format!(
            "Countries ({} of {})",
            filter.countries.len(),
            c.countries.len()
        )
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("countries")
        .default_open(false)
        .show(ui, |ui| {
            let mut rows: Vec<(String, String, usize)> = c
                .countries
                .iter()
                .map(|(cc, n)| (country_name(view, cc), cc.clone(), *n))
                .collect();
            for cc in &filter.countries {
                if !c.countries.contains_key(cc) {
                    rows.push((country_name(view, cc), cc.clone(), 0));
                }
            }
            rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
            for (name, cc, n) in rows {
                let mut on = filter.countries.contains(&cc);
                if ui.checkbox(&mut on, format!("{name} ({n})")).changed() {
                    if on {
                        filter.countries.insert(cc);
                    } else {
                        filter.countries.remove(&cc);
                    }
                }
            }
            if !filter.countries.is_empty() && ui.small_button("All countries").clicked() {
                filter.countries.clear();
            }
        });
}

fn events_ui(ui: &mut Ui, view: &View<'_>, filter: &mut Filter) {
    let c = &view.visible.counts;
    egui::CollapsingHeader::new(
        RichText::new(format!("Event types ({})", c.event_types.len())).strong(),
    )
    .id_salt("event-types")
    .default_open(true)
    .show(ui, |ui| {
        if c.event_types.is_empty() && filter.hidden_event_types.is_empty() {
            ui.weak("No events in the shown articles.");
        }
        let mut kinds: Vec<(&String, usize)> = c.event_types.iter().map(|(k, n)| (k, *n)).collect();
        let hidden: Vec<String> = filter
            .hidden_event_types
            .iter()
            .filter(|k| !c.event_types.contains_key(*k))
            .cloned()
            .collect();
        let hidden_refs: Vec<(&String, usize)> = hidden.iter().map(|k| (k, 0)).collect();
        kinds.extend(hidden_refs);
        for (kind, n) in kinds {
            let mut on = !filter.hidden_event_types.contains(kind);
            ui.horizontal(|ui| {
                style::event_icon_ui(ui, kind);
                if ui.checkbox(&mut on, format!("{kind} ({n})")).changed() {
                    if on {
                        filter.hidden_event_types.remove(kind);
                    } else {
                        filter.hidden_event_types.insert(kind.clone());
                    }
                }
            });
        }
    });
}

fn date_field(ui: &mut Ui, label: &str, value: &mut Option<String>) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let mut text = value.clone().unwrap_or_default();
        let resp = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            )
            .labelled_by(l.id);
        if resp.changed() {
            let t = text.trim();
            *value = if t.is_empty() {
                None
            } else {
                Some(t.to_owned())
            };
        }
        if let Some(v) = value {
            if crate::filter::parse_day(v, false).is_none() {
                ui.colored_label(style::ERROR_TEXT, "?")
                    .on_hover_text("Write a date as 2012-02-21, 2012-02 or 2012");
            }
        }
    });
}

fn dates_ui(ui: &mut Ui, filter: &mut Filter) {
    egui::CollapsingHeader::new(RichText::new("Dates").strong())
        .id_salt("dates")
        .default_open(filter.has_date_range())
        .show(ui, |ui| {
            date_field(ui, "From", &mut filter.date_from);
            date_field(ui, "To    ", &mut filter.date_to);
            if filter.has_date_range() && ui.small_button("Any date").clicked() {
                filter.date_from = None;
                filter.date_to = None;
            }
            ui.weak("Or drag over the timeline.");
        });
}

fn article_name(a: &crate::model::Analysis) -> String {
    std::path::Path::new(&a.source)
        .file_name()
        .map_or_else(|| a.source.clone(), |n| n.to_string_lossy().into_owned())
}

fn articles_ui(ui: &mut Ui, view: &View<'_>, filter: &mut Filter, commands: &mut Vec<Command>) {
    if view.docs.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(RichText::new(format!("Articles ({})", view.docs.len())).strong())
        .id_salt("articles")
        .default_open(true)
        .show(ui, |ui| {
            let row_h = ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
            egui::ScrollArea::vertical()
                .id_salt("articles-list")
                .max_height(260.0)
                .auto_shrink([false, true])
                .show_rows(ui, row_h, view.docs.len(), |ui, rows| {
                    for i in rows {
                        article_row(ui, view, filter, commands, i);
                    }
                });
            if !filter.articles.is_empty() && ui.small_button("All articles").clicked() {
                commands.push(Command::Focus(None));
            }
        });
}

fn article_row(
    ui: &mut Ui,
    view: &View<'_>,
    filter: &mut Filter,
    commands: &mut Vec<Command>,
    i: usize,
) {
    let Some(a) = view.docs.get(i) else { return };
    let n = view.visible.counts.articles.get(i).copied().unwrap_or(0);
    let title = a.title.clone().unwrap_or_else(|| article_name(a));
    let short: String = title.chars().take(40).collect();
    ui.horizontal(|ui| {
        let label = format!("{} ({n})", article_name(a));
        if view.docs.len() > 1 {
            let mut on = filter.articles.is_empty() || filter.articles.contains(&a.source);
            if ui.checkbox(&mut on, label).on_hover_text(short).changed() {
                if filter.articles.is_empty() {
                    filter.articles = view.docs.iter().map(|d| d.source.clone()).collect();
                }
                if on {
                    filter.articles.insert(a.source.clone());
                } else {
                    filter.articles.remove(&a.source);
                }
                if filter.articles.len() == view.docs.len() {
                    filter.articles.clear();
                }
            }
        } else {
            ui.label(label).on_hover_text(short);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("×")
                .on_hover_text("Close this article")
                .clicked()
            {
                commands.push(Command::Close(i));
            }
            if view.docs.len() > 1
                && ui
                    .small_button("Only")
                    .on_hover_text("Show only this article")
                    .clicked()
            {
                commands.push(Command::Focus(Some(i)));
            }
            if ui
                .small_button("Read")
                .on_hover_text("Show it in the reader")
                .clicked()
            {
                commands.push(Command::Read(i));
            }
        });
    });
}

fn places_ui(ui: &mut Ui, view: &View<'_>, labels: &mut LabelCache, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(
        RichText::new(format!("Places ({})", view.visible.places.len())).strong(),
    )
    .id_salt("places")
    .default_open(true)
    .show(ui, |ui| {
        let text_h =
            ui.fonts_mut(|f| f.row_height(&egui::FontId::new(14.0, style::arabic_family())));
        let row_h = text_h + 2.0 * ui.spacing().button_padding.y + ui.spacing().item_spacing.y;
        egui::ScrollArea::vertical()
            .id_salt("places-list")
            .max_height(ui.available_height().clamp(240.0, 480.0))
            .auto_shrink([false, true])
            .show_rows(ui, row_h, view.visible.places.len(), |ui, rows| {
                for v in &view.visible.places[rows] {
                    place_row(ui, view, labels, commands, v);
                }
            });
    });
}

fn place_row(
    ui: &mut Ui,
    view: &View<'_>,
    labels: &mut LabelCache,
    commands: &mut Vec<Command>,
    v: &crate::filter::VisiblePlace,
) {
    let Some(p) = view.place(&v.id) else { return };
    let selected = matches!(view.selection, Some(Item::Place(id)) if *id == v.id);
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 14.0), egui::Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), 4.0, style::kind_color(p.kind));
        let name = place_label(p, view.arabic);
        let galley = labels.get(ui.ctx(), name, 14.0, style::TEXT);
        let resp = ui
            .add(egui::Button::selectable(
                selected,
                egui::WidgetText::Galley(galley),
            ))
            .on_hover_text(format!("{} · {}", p.name, style::kind_label(p.kind)));
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{} in list", p.name))
        });
        if resp.clicked() {
            commands.push(Command::Select(Some(Item::Place(v.id.clone()))));
        }
        ui.weak(v.mentions.to_string());
    });
}
