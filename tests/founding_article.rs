//! The founding article must come out right because the general machinery is right: this test
//! runs the CLI binary on it and checks the places, their kinds, counts and forms.

use serde_json::Value;
use std::process::Command;

fn analyze(path: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_kharita"))
        .args(["analyze", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run kharita");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn place<'a>(a: &'a Value, name: &str) -> &'a Value {
    a["places"]
        .as_array()
        .expect("places")
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} not found"))
}

#[test]
fn founding_article_places() {
    let a = analyze("data/founding-article.txt");
    assert_eq!(a["language"], "ar");
    assert_eq!(a["encoding"], "UTF-8");
    let mut names: Vec<&str> = a["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "Afghanistan",
            "Armenia",
            "Astara",
            "Azerbaijan",
            "Baku",
            "Iran",
            "Israel",
            "Lebanon",
            "Nagorno-Karabakh",
            "Tehran",
            "Tel Aviv",
            "Turkey",
            "United Kingdom",
            "United States",
        ]
    );
    for c in [
        "Azerbaijan",
        "Iran",
        "Israel",
        "United States",
        "Turkey",
        "Armenia",
    ] {
        assert_eq!(place(&a, c)["kind"], "country", "{c}");
    }
    let count = |n: &str| place(&a, n)["mentions"].as_array().map_or(0, |m| m.len());
    assert_eq!(count("Baku"), 9);
    assert_eq!(count("Tehran"), 4);
    let astara = place(&a, "Astara");
    assert_eq!(astara["id"], "geonames:148445");
    assert_eq!(astara["country_code"], "AZ");
    assert!((astara["lat"].as_f64().unwrap_or(0.0) - 38.456).abs() < 0.01);
    let karabakh = place(&a, "Nagorno-Karabakh");
    assert_eq!(karabakh["kind"], "region");
    assert!((karabakh["lat"].as_f64().unwrap_or(0.0) - 39.8).abs() < 0.3);
    assert!((karabakh["lon"].as_f64().unwrap_or(0.0) - 46.8).abs() < 0.3);
    for (country, word) in [
        ("Lebanon", "اللبناني"),
        ("Afghanistan", "الأفغانية"),
        ("United Kingdom", "البريطانية"),
    ] {
        let m = place(&a, country)["mentions"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(m.len(), 1, "{country}");
        assert_eq!(m[0]["form"], "adjective");
        assert_eq!(m[0]["text"], word);
    }
    // Baku inside وباكو and لباكو: the mention is the name without its proclitic.
    assert!(place(&a, "Baku")["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .all(|m| m["text"] == "باكو"));
}

#[test]
fn every_mention_is_its_passage_slice() {
    for path in [
        "data/founding-article.txt",
        "tests/fixtures/english.txt",
        "tests/fixtures/page.html",
    ] {
        let a = analyze(path);
        let passages = a["passages"].as_array().expect("passages");
        let mut n = 0;
        for p in a["places"].as_array().expect("places") {
            for m in p["mentions"].as_array().expect("mentions") {
                let text: Vec<char> = passages[m["passage"].as_u64().expect("passage") as usize]
                    ["text"]
                    .as_str()
                    .expect("text")
                    .chars()
                    .collect();
                let (s, e) = (
                    m["start"].as_u64().expect("start") as usize,
                    m["end"].as_u64().expect("end") as usize,
                );
                let slice: String = text[s..e].iter().collect();
                assert_eq!(slice, m["text"].as_str().expect("text"), "{path}");
                n += 1;
            }
        }
        assert!(n > 0, "{path}: no mentions");
    }
}
