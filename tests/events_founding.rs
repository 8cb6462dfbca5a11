//! The founding article's events (issue 3, "Done when"): at least 8 events, at least 3 with a
//! month and a day; Astara linked to the airspace violation of 21 February (coercive or
//! military), Baku to the demonstration at the Iranian embassy (protest), Tehran to Iran's
//! summoning of Azerbaijan's ambassador and its protest at the arms deal, Karabakh to the
//! conflict with Armenia; links hold both ways.

mod common;

use kharita::gazetteer::Gazetteer;
use kharita::model::{Analysis, Event, Place, PlaceKind};
use std::path::Path;

const BAKU: &str = "geonames:587084";
const ASTARA: &str = "geonames:148445";

fn founding() -> Analysis {
    let doc = kharita::ingest::read_path(Path::new("data/founding-article.txt"))
        .expect("the founding article reads");
    kharita::analyze(&doc, Gazetteer::shared())
}

fn place<'a>(a: &'a Analysis, f: impl Fn(&Place) -> bool, what: &str) -> &'a Place {
    a.places
        .iter()
        .find(|p| f(p))
        .unwrap_or_else(|| panic!("{what} is not among the places: {:?}", names(a)))
}

fn names(a: &Analysis) -> Vec<(&str, &str)> {
    a.places
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect()
}

/// The events linked to a place, checking that each link also holds the other way.
fn events_of<'a>(a: &'a Analysis, p: &Place) -> Vec<&'a Event> {
    p.events
        .iter()
        .map(|&i| {
            let e = &a.events[i];
            assert!(e.places.contains(&p.id), "event {i} does not list {}", p.id);
            e
        })
        .collect()
}

fn describe(es: &[&Event]) -> Vec<String> {
    es.iter()
        .map(|e| {
            format!(
                "{} [{}] {:?}",
                e.kind,
                e.trigger,
                e.date.as_ref().map(|d| &d.text)
            )
        })
        .collect()
}

#[test]
fn at_least_eight_events_three_with_month_and_day() {
    let a = founding();
    assert!(a.events.len() >= 8, "{} events", a.events.len());
    let dated = common::dated_to_the_day(&a.events);
    assert!(dated >= 3, "{dated} events with month and day");
}

#[test]
fn astara_hosts_the_airspace_violation_of_21_february() {
    let a = founding();
    let astara = place(&a, |p| p.id == ASTARA, "Astara");
    let es = events_of(&a, astara);
    assert!(
        es.iter()
            .any(|e| matches!(e.kind.as_str(), "coerce" | "assault")
                && e.date
                    .as_ref()
                    .is_some_and(|d| d.month == Some(2) && d.day == Some(21))
                && e.actors.iter().any(|x| x == "Iran")),
        "{:?}",
        describe(&es)
    );
}

#[test]
fn baku_hosts_the_demonstration_at_the_embassy() {
    let a = founding();
    let baku = place(&a, |p| p.id == BAKU, "Baku");
    let es = events_of(&a, baku);
    assert!(
        es.iter()
            .any(|e| e.kind == "protest" && e.sentence.contains("السفارة")),
        "{:?}",
        describe(&es)
    );
}

#[test]
fn tehran_hosts_the_summoning_and_the_protest_at_the_arms_deal() {
    let a = founding();
    let tehran = place(
        &a,
        |p| p.name == "Tehran" && p.kind == PlaceKind::City,
        "Tehran",
    );
    let es = events_of(&a, tehran);
    let summoned = es.iter().any(|e| {
        e.trigger.contains("استدع")
            && e.kind == "accuse"
            && e.sentence.contains("سفير أذربيجان")
            && e.actors.first().is_some_and(|x| x == "Iran")
    });
    let protested = es.iter().any(|e| {
        e.trigger.contains("احتجاج")
            && matches!(e.kind.as_str(), "accuse" | "protest")
            && e.sentence.contains("صفقة")
    });
    assert!(summoned && protested, "{:?}", describe(&es));
}

#[test]
fn karabakh_hosts_the_conflict_with_armenia() {
    let a = founding();
    let karabakh = place(
        &a,
        |p| p.id.starts_with("curated:") && p.name.contains("Karabakh"),
        "Karabakh",
    );
    let armenia = place(&a, |p| p.name == "Armenia", "Armenia");
    let es = events_of(&a, karabakh);
    assert!(
        es.iter()
            .any(|e| matches!(e.kind.as_str(), "assault" | "coerce")
                && (e.places.contains(&armenia.id) || e.actors.contains(&armenia.name))),
        "{:?}",
        describe(&es)
    );
}

#[test]
fn links_hold_both_ways() {
    let a = founding();
    for (i, e) in a.events.iter().enumerate() {
        assert_eq!(e.index, i);
        assert!(e.passages.contains(&e.passage));
        for id in &e.places {
            let p = place(&a, |p| &p.id == id, id);
            assert!(p.events.contains(&i), "{} does not list event {i}", p.id);
        }
    }
    for p in &a.places {
        events_of(&a, p);
    }
}

/// `analyze` hands its own tokens to the extraction; `events::extract` on the finished analysis
/// splits every sentence again. Both must find the same events, with the same links.
#[test]
fn the_core_tokens_give_the_same_events_as_a_fresh_split() {
    for path in [
        "data/founding-article.txt",
        "tests/fixtures/english-article.txt",
        "tests/fixtures/page.html",
    ] {
        let doc = kharita::ingest::read_path(Path::new(path)).expect("the file reads");
        let a = kharita::analyze(&doc, Gazetteer::shared());
        let mut b = a.clone();
        kharita::events::extract(&mut b);
        assert!(!a.events.is_empty(), "{path}: no events");
        let json = |a: &Analysis| {
            serde_json::to_string(&(&a.events, &a.places)).expect("the analysis serialises")
        };
        assert_eq!(json(&a), json(&b), "{path}");
    }
}
