//! Set-up shared by the integration tests (each test file compiles this module on its own, so a
//! file may use only part of it).
#![allow(dead_code)]

use eframe::egui;
use egui_kittest::Harness;
use kharita::app::{App, Startup};
use kharita::model::{Analysis, Event};

/// The window size of the UI tests: the layout of a laptop screen.
pub const WINDOW: egui::Vec2 = egui::vec2(1500.0, 940.0);

/// The app started empty (not on the founding article), showing `analyses` once loaded;
/// rendered by wgpu when `render`.
pub fn app_with(analyses: Vec<Analysis>, size: egui::Vec2, render: bool) -> Harness<'static, App> {
    let builder = Harness::builder().with_size(size);
    let builder = if render { builder.wgpu() } else { builder };
    let mut h = builder.build_eframe(|cc| {
        App::new(
            cc,
            Startup {
                empty: true,
                ..Startup::default()
            },
        )
    });
    h.state_mut().add_analyses(analyses);
    h.state_mut().wait_until_loaded();
    h
}

/// The app as a user starts it: on the founding article.
pub fn app_on_founding_article(render: bool) -> Harness<'static, App> {
    let builder = Harness::builder().with_size(WINDOW);
    let builder = if render { builder.wgpu() } else { builder };
    builder.build_eframe(|cc| App::new(cc, Startup::default()))
}

/// How many of the events are dated to a day of a month (the founding article's "Done when").
pub fn dated_to_the_day(events: &[Event]) -> usize {
    events
        .iter()
        .filter(|e| {
            e.date
                .as_ref()
                .is_some_and(|d| d.month.is_some() && d.day.is_some())
        })
        .count()
}
