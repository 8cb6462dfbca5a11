//! UI tests of the desktop app, headless with egui_kittest: widgets are found by their
//! accessibility labels (markers drawn on the map carry the place's English name).

mod common;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kharita::app::{App, Command, Item};
use kharita::model::PlaceKind;
use std::path::{Path, PathBuf};

/// The app on the founding article, loaded, zoomed on the Caucasus so that Baku has a marker of
/// its own.
fn founding() -> Harness<'static, App> {
    let mut h = common::app_on_founding_article(false);
    h.state_mut().wait_until_loaded();
    h.run_steps(2);
    h.state_mut().push(Command::ZoomTo {
        pos: walkers::lat_lon(39.5, 48.0),
        delta: 0.0,
    });
    h.run_steps(1);
    set_zoom(&mut h, 6.0);
    h
}

fn set_zoom(h: &mut Harness<'static, App>, zoom: f64) {
    h.state_mut().push(Command::SetZoom(zoom));
    h.run_steps(2);
}

/// The map's marker with this label (event rows elsewhere carry place names too).
fn marker<'h>(h: &'h Harness<'static, App>, name: &'h str) -> Option<egui_kittest::Node<'h>> {
    h.query_all_by_label(name).find(|n| {
        let c = n.rect().center();
        (260.0..1030.0).contains(&c.x) && c.y < 760.0
    })
}

fn shown_ids(h: &Harness<'static, App>) -> Vec<String> {
    h.state()
        .visible()
        .places
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

#[test]
fn founding_article_opens_with_its_places() {
    let h = founding();
    assert!(h.state().errors().is_empty(), "{:?}", h.state().errors());
    assert_eq!(h.state().docs().len(), 1);
    let ids = shown_ids(&h);
    assert!(ids.iter().any(|i| i == "iso3166:AZ"), "{ids:?}");
    assert!(ids.iter().any(|i| i == "iso3166:IR"), "{ids:?}");
}

#[test]
fn clicking_a_marker_selects_the_place_and_shows_its_passages() {
    let mut h = founding();
    marker(&h, "Baku").expect("Baku marker").click();
    h.run_steps(2);
    match h.state().selection() {
        Some(Item::Place(id)) => {
            let a = &h.state().docs()[0];
            let p = a
                .places
                .iter()
                .find(|p| &p.id == id)
                .expect("selected place");
            assert_eq!(p.name, "Baku");
        }
        other => panic!("expected Baku selected, got {other:?}"),
    }
    // The context panel lists the passages that name it, with its mentions as links.
    assert!(h.query_all_by_label_contains("· passage").next().is_some());
    assert!(
        h.query_all_by_label("باكو").count() >= 2,
        "mentions of باكو are shown"
    );
}

#[test]
fn clicking_a_mention_in_the_text_selects_its_place() {
    let mut h = founding();
    let first = h.get_all_by_label("طهران").next().map(|n| n.rect());
    let rect = first.expect("a mention of Tehran in the reader");
    h.hover_at(rect.center());
    h.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: rect.center(),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(2);
    let sel = h.state().selection().cloned();
    let a = &h.state().docs()[0];
    let tehran = a
        .places
        .iter()
        .find(|p| p.name == "Tehran")
        .map(|p| p.id.clone());
    assert_eq!(sel, tehran.map(Item::Place));
}

#[test]
fn typing_in_the_search_box_filters_with_arabic_folding() {
    let mut h = founding();
    let search = h.get_by_label("Search");
    search.click();
    h.run_steps(1);
    h.get_by_label("Search").type_text("اذربيجان");
    h.run_steps(2);
    assert_eq!(h.state().state.filter.search, "اذربيجان");
    let ids = shown_ids(&h);
    assert_eq!(
        ids,
        vec!["iso3166:AZ".to_string()],
        "only Azerbaijan matches"
    );
    assert!(marker(&h, "Baku").is_none(), "Baku's marker is gone");
    assert!(
        marker(&h, "Azerbaijan").is_some(),
        "Azerbaijan's marker stays"
    );
}

#[test]
fn unticking_a_kind_removes_its_markers() {
    let mut h = founding();
    assert!(marker(&h, "Baku").is_some());
    h.get_by_label_contains("City (").click();
    h.run_steps(2);
    assert!(h
        .state()
        .state
        .filter
        .hidden_kinds
        .contains(&PlaceKind::City));
    assert!(marker(&h, "Baku").is_none(), "city markers are gone");
    assert!(marker(&h, "Azerbaijan").is_some(), "countries stay");
    // Reset brings them back.
    h.get_by_label("Reset").click();
    h.run_steps(2);
    assert!(marker(&h, "Baku").is_some());
}

/// A file dropped on the window, as winit hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_adds_its_places() {
    let mut h = founding();
    let dir = std::env::temp_dir().join(format!("kharita-drop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("cairo.txt");
    std::fs::write(
        &path,
        "Talks in Cairo\n\nDelegations from Egypt and Jordan met in Cairo on Monday, and will meet again in Amman next month.\n",
    )
    .expect("write fixture");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.step();
    h.state_mut().wait_until_loaded();
    h.run_steps(2);
    assert_eq!(h.state().docs().len(), 2, "{:?}", h.state().errors());
    let ids = shown_ids(&h);
    let second = &h.state().docs()[1];
    assert!(
        second.places.iter().any(|p| p.name == "Cairo"),
        "{:?}",
        second.places.iter().map(|p| &p.name).collect::<Vec<_>>()
    );
    assert!(ids.iter().any(|i| second
        .places
        .iter()
        .any(|p| &p.id == i && p.name == "Cairo")));
    h.state_mut().push(Command::ZoomTo {
        pos: walkers::lat_lon(30.5, 33.0),
        delta: 0.0,
    });
    set_zoom(&mut h, 5.0);
    assert!(marker(&h, "Cairo").is_some(), "Cairo has a marker");
    assert!(h
        .state()
        .state
        .recent
        .iter()
        .any(|p| p.ends_with("cairo.txt")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_unreadable_file_shows_an_error_and_keeps_the_rest() {
    let mut h = founding();
    h.state_mut()
        .push(Command::Open(vec![kharita::app::Source::Path(
            PathBuf::from("no/such/article.txt"),
        )]));
    h.step();
    h.state_mut().wait_until_loaded();
    h.run_steps(2);
    assert_eq!(h.state().docs().len(), 1);
    assert_eq!(h.state().errors().len(), 1);
    assert!(h
        .query_all_by_label_contains("no/such/article.txt")
        .next()
        .is_some());
    h.get_by_label("Dismiss").click();
    h.run_steps(2);
    assert!(h.state().errors().is_empty());
}

/// A province named in an article is drawn as an area from its Natural Earth outline, and goes
/// with its marker when regions are filtered out.
#[test]
fn a_named_province_is_drawn_as_an_area() {
    let text = "قصفت الطائرات بلدات في محافظة إدلب شمال غرب سوريا، وفر السكان نحو الحدود التركية.";
    let doc =
        kharita::ingest::from_bytes("idlib.txt", text.as_bytes(), kharita::ingest::Format::Text)
            .expect("text");
    let a = kharita::analyze(&doc, kharita::gazetteer::Gazetteer::shared());
    assert!(
        a.places.iter().any(|p| p.id == "ne-admin1:SY-ID"),
        "Idlib province is found: {:?}",
        a.places.iter().map(|p| &p.id).collect::<Vec<_>>()
    );
    let mut h = common::app_with(vec![a], common::WINDOW, false);
    let t0 = std::time::Instant::now();
    while h.state().region_areas() == 0 {
        assert!(
            t0.elapsed() < std::time::Duration::from_secs(60),
            "the province's area is drawn once the outlines are loaded"
        );
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(h.state().region_areas(), 1);
    h.get_by_label_contains("Region (").click();
    h.run_steps(2);
    assert_eq!(h.state().region_areas(), 0, "hidden with its kind");
}

/// The founding article gives no year and no publication date: its events dated by day and
/// month still show on the timeline, on a year-less axis, and select on click.
#[test]
fn events_dated_without_a_year_are_on_the_timeline() {
    let mut h = founding();
    let with_day = common::dated_to_the_day(&h.state().docs()[0].events);
    assert!(with_day >= 3, "{with_day} events with a day and a month");
    let rect = {
        let marks: Vec<_> = h.query_all_by_label_contains(" event, ").collect();
        assert!(!marks.is_empty(), "timeline marks");
        assert!(h
            .query_all_by_label_contains("no year for these dates")
            .next()
            .is_some());
        marks[0].rect()
    };
    h.hover_at(rect.center());
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: rect.center(),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(2);
    assert!(matches!(h.state().selection(), Some(Item::Event(0, _))));
}
