//! UI tests of events: the timeline, selecting an event, and the date range. The events are added
//! by hand to the pinned analysis of the founding article, as the events module will produce them.

mod common;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kharita::app::{App, Command, Item};
use kharita::model::Analysis;

const BAKU: &str = "geonames:587084";
const TEL_AVIV: &str = "geonames:293397";

fn with_events() -> Analysis {
    let mut v: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/founding-article.analysis.json"))
            .expect("fixture parses");
    v["published"] = serde_json::json!("2012-03-20");
    v["events"] = serde_json::json!([
        {
            "index": 0, "type": "protest", "mode": "done", "trigger": "مظاهرة", "passage": 3,
            "sentence": "مظاهرة أمام السفارة الإيرانية", "passages": [3],
            "date": { "text": "21 فبراير", "year": null, "month": 2, "day": 21, "precision": "day" },
            "places": [BAKU], "actors": ["Azerbaijani protesters"], "location_precision": "place"
        },
        {
            "index": 1, "type": "cooperate", "mode": "intended", "trigger": "شراء", "passage": 1,
            "sentence": "باكو تنوي شراء طائرات وأسلحة من إسرائيل", "passages": [1],
            "date": { "text": "مارس", "year": 2012, "month": 3, "day": 5, "precision": "day" },
            "places": [BAKU, TEL_AVIV], "actors": ["Azerbaijan", "Israel"],
            "location_precision": "place"
        }
    ]);
    for p in v["places"].as_array_mut().expect("places") {
        let id = p["id"].as_str().unwrap_or_default().to_owned();
        if id == BAKU {
            p["events"] = serde_json::json!([0, 1]);
        } else if id == TEL_AVIV {
            p["events"] = serde_json::json!([1]);
        }
    }
    serde_json::from_value(v).expect("analysis with events")
}

fn harness() -> Harness<'static, App> {
    let mut h = common::app_with(vec![with_events()], common::WINDOW, false);
    h.run_steps(3);
    h
}

#[test]
fn clicking_an_event_on_the_timeline_selects_it() {
    let mut h = harness();
    assert_eq!(h.state().visible().events.len(), 2);
    h.get_by_label("cooperate event, مارس").click();
    h.run_steps(2);
    assert_eq!(h.state().selection(), Some(&Item::Event(0, 1)));
    // The context panel names its places; clicking one selects it.
    let in_panel = h
        .get_all_by_label("Tel Aviv")
        .find(|n| n.rect().center().x > 1100.0)
        .expect("Tel Aviv in the context panel");
    in_panel.click();
    h.run_steps(2);
    assert_eq!(h.state().selection(), Some(&Item::Place(TEL_AVIV.into())));
}

#[test]
fn dragging_over_the_timeline_sets_the_date_range() {
    let mut h = harness();
    let protest = h.get_by_label("protest event, 21 فبراير").rect();
    let from = protest.left_center() - egui::vec2(4.0, 0.0);
    let to = protest.right_center() + egui::vec2(4.0, 0.0);
    h.drag_at(from);
    h.run_steps(1);
    h.hover_at(to);
    h.run_steps(1);
    h.drop_at(to);
    h.run_steps(2);
    let f = &h.state().state.filter;
    assert!(f.date_from.is_some() && f.date_to.is_some(), "{f:?}");
    assert_eq!(h.state().visible().events, vec![(0, 0)]);
    // Only places with an event in the span stay: Baku.
    let ids: Vec<&str> = h
        .state()
        .visible()
        .places
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, vec![BAKU]);
    h.get_by_label("Any date").click();
    h.run_steps(2);
    assert_eq!(h.state().visible().events.len(), 2);
}

#[test]
fn hiding_an_event_type_hides_its_events() {
    let mut h = harness();
    h.state_mut().push(Command::Select(None));
    h.get_by_label_contains("protest (").click();
    h.run_steps(2);
    assert_eq!(h.state().visible().events, vec![(0, 1)]);
}
