//! Files people pick by mistake or receive broken: each failing file gets one plain line on
//! standard error naming it, the exit status is non-zero, and the good file given beside it is
//! still analysed completely. Files in other encodings and HTML pages are decoded right.
//!
//! Fixtures in tests/fixtures/bad: the founding article re-encoded (windows-1256, UTF-16LE with a
//! byte-order mark, UTF-8 cut in the middle of a letter), an HTML page with scripts and styles,
//! 4 KiB of random bytes, the header of an x86-64 ELF executable and an empty file. Inputs that are
//! easier made on the spot (a folder, a missing path, a file over the size limit) are made here.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GOOD: &str = "data/founding-article.txt";
const BAKU: &str = "geonames:587084";

fn kharita(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kharita"))
        .arg("analyze")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run kharita")
}

fn stdout_lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON object"))
        .collect()
}

fn stderr_of(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 on stderr")
}

/// The analysis of the good file alone, to compare with what is printed beside a bad one.
fn good_alone() -> Value {
    let out = kharita(&[GOOD]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let mut v = stdout_lines(&out);
    assert_eq!(v.len(), 1);
    v.remove(0)
}

fn place_ids(a: &Value) -> Vec<String> {
    let mut ids: Vec<String> = a["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| p["id"].as_str().expect("id").to_string())
        .collect();
    ids.sort();
    ids
}

/// A scratch folder of this test process, removed at the end of each test that makes one.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("kharita-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write scratch file");
        p.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Bytes from a fixed linear congruential generator, with no NUL among them.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x2545_f491;
    (0..n)
        .map(|_| {
            x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            ((x >> 24) as u8).max(1)
        })
        .collect()
}

/// Run the bad file before and after the good one; check the one stderr line (with `reason` in
/// it), the exit status and the complete good analysis.
fn check_refused(bad: &str, reason: &str) {
    let expected = good_alone();
    for args in [[bad, GOOD], [GOOD, bad]] {
        let out = kharita(&args);
        assert!(!out.status.success(), "{bad}: exit status 0");
        let err = stderr_of(&out);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1, "{bad}: stderr is {err:?}");
        let line = lines[0];
        assert!(line.starts_with("kharita: "), "{line}");
        assert!(line.contains(bad), "{line} does not name {bad}");
        assert!(line.contains(reason), "{line} does not say {reason:?}");
        // Plain words, not a Debug dump of an error value.
        for debug in ["Os {", "kind:", "Error {", "Custom {", "\\n"] {
            assert!(!line.contains(debug), "{line}");
        }
        let printed = stdout_lines(&out);
        assert_eq!(printed.len(), 1, "{bad}: the good file's result is missing");
        assert_eq!(
            printed[0], expected,
            "{bad}: the good file's result differs"
        );
    }
}

#[test]
fn empty_file() {
    check_refused("tests/fixtures/bad/empty.txt", "the file is empty");
    let s = Scratch::new("blank");
    check_refused(&s.file("blank.txt", b" \n\t\r\n  \n"), "the file is empty");
}

#[test]
fn random_bytes() {
    check_refused("tests/fixtures/bad/random.dat", "not a text file");
    // Without NUL bytes the encoding detector gets them, and must still refuse them.
    let s = Scratch::new("noise");
    check_refused(
        &s.file("noise.txt", &noise(4096)),
        "not text in any known encoding",
    );
}

#[test]
fn executable() {
    check_refused(
        "tests/fixtures/bad/program",
        "not a text file (it looks like an executable program)",
    );
    // The test binary itself: a whole executable, not just its header.
    let me = std::env::current_exe().expect("test executable");
    check_refused(&me.to_string_lossy(), "not a text file");
}

#[test]
fn missing_path() {
    check_refused("tests/fixtures/bad/no-such-file.txt", "no such file");
}

#[test]
fn directory() {
    check_refused("tests/fixtures/bad", "is a folder, not a file");
}

#[test]
fn invalid_utf8_that_is_no_text() {
    // Invalid UTF-8 and no legacy encoding makes text of it: C1 controls and stray bytes.
    let s = Scratch::new("invalid");
    let mut bytes = Vec::new();
    for k in 0..2000u32 {
        bytes.extend_from_slice(&[0x80 + (k % 32) as u8, 0x01 + (k % 8) as u8, b'a']);
    }
    assert!(std::str::from_utf8(&bytes).is_err());
    check_refused(&s.file("invalid.txt", &bytes), "not a text file");
}

#[test]
fn file_over_the_size_limit() {
    let s = Scratch::new("large");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD))
        .expect("founding article");
    let big = text.repeat(1 + 3 * 1024 * 1024 / 2 / text.len());
    let path = s.file("large.txt", big.as_bytes());
    let expected = good_alone();
    let out = kharita(&["--max-mb", "1", &path, GOOD]);
    assert!(!out.status.success());
    let err = stderr_of(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "{path}: the file is too large (1.5 MB; the limit is 1 MB)"
        )),
        "{err}"
    );
    assert_eq!(stdout_lines(&out), [expected]);
    // Under a larger limit the same file is analysed.
    let out = kharita(&["--max-mb", "2", &path]);
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn several_bad_files_each_get_their_line() {
    let expected = good_alone();
    let bad = [
        "tests/fixtures/bad/empty.txt",
        "tests/fixtures/bad/program",
        "tests/fixtures/bad/no-such-file.txt",
        "tests/fixtures/bad/random.dat",
        "tests/fixtures/bad",
    ];
    let mut args: Vec<&str> = bad.to_vec();
    args.insert(2, GOOD);
    let out = kharita(&args);
    assert!(!out.status.success());
    let err = stderr_of(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), bad.len(), "{err}");
    // In the order given.
    for (line, path) in lines.iter().zip(bad) {
        assert!(line.starts_with(&format!("kharita: {path}: ")), "{line}");
    }
    assert_eq!(stdout_lines(&out), [expected]);
}

/// Decoded right: the same places, with the same mentions, as the UTF-8 original.
fn check_same_as_original(path: &str, encoding: &str) -> Value {
    let original = good_alone();
    let out = kharita(&[path]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(out.stderr.is_empty(), "{}", stderr_of(&out));
    let a = stdout_lines(&out).remove(0);
    assert_eq!(a["encoding"], encoding);
    assert!(place_ids(&a).iter().any(|id| id == BAKU), "Baku not found");
    assert_eq!(place_ids(&a), place_ids(&original));
    for key in ["title", "passages", "places", "events", "language"] {
        assert_eq!(a[key], original[key], "{path}: {key} differs");
    }
    a
}

#[test]
fn windows_1256_article() {
    check_same_as_original(
        "tests/fixtures/bad/founding-windows-1256.txt",
        "windows-1256",
    );
}

#[test]
fn utf16le_article_with_bom() {
    check_same_as_original("tests/fixtures/bad/founding-utf16le.txt", "UTF-16LE");
}

#[test]
fn utf16_without_bom() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD))
        .expect("founding article");
    let s = Scratch::new("utf16");
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    check_same_as_original(&s.file("le.txt", &le), "UTF-16LE");
    check_same_as_original(&s.file("be.txt", &be), "UTF-16BE");
}

#[test]
fn truncated_utf8_article() {
    // Cut in the middle of a letter, as by an interrupted download: the part that arrived is
    // analysed as UTF-8, with a warning, and Baku (named in the first half) is found.
    let out = kharita(&["tests/fixtures/bad/founding-truncated.txt"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let a = stdout_lines(&out).remove(0);
    assert_eq!(a["encoding"], "UTF-8");
    assert_eq!(
        a["diagnostics"],
        serde_json::json!(["invalid UTF-8 sequences were replaced"])
    );
    assert!(place_ids(&a).iter().any(|id| id == BAKU), "Baku not found");
    let original = good_alone();
    assert_eq!(a["title"], original["title"]);
}

#[test]
fn html_page_with_scripts_and_styles() {
    let out = kharita(&["tests/fixtures/bad/page-with-scripts.html"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let raw = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    // Words that appear only in scripts, styles, JSON-LD, navigation, noscript and templates.
    for hidden in [
        "dataLayer",
        "editions",
        "function",
        "font-family",
        "Noto",
        "Berlin",
        "Madrid",
        "London",
        "Moscow",
        "Cairo",
        "Rome",
        "Paris",
        "Lisbon",
        "Stockholm",
        "Vienna",
        "Athens",
        "Warsaw",
        "oslo",
        "Dublin",
        "schema.org",
        "الرئيسية",
    ] {
        assert!(!raw.contains(hidden), "{hidden:?} leaked into the output");
    }
    let a = stdout_lines(&out).remove(0);
    assert_eq!(a["title"], "استدعاء السفير: توتر بين باكو وطهران");
    let passages: Vec<&str> = a["passages"]
        .as_array()
        .expect("passages")
        .iter()
        .map(|p| p["text"].as_str().expect("text"))
        .collect();
    assert_eq!(
        passages,
        [
            "استدعاء السفير: توتر بين باكو وطهران",
            "استدعت إيران سفيرها من أذربيجان بعد مظاهرة أمام سفارتها في باكو.",
            "Iran recalled its ambassador from Baku after a protest outside its embassy in Azerbaijan.",
            "أرمينيا تراقب الوضع عن كثب.",
            "© 2013",
        ]
    );
    let mut names: Vec<&str> = a["places"]
        .as_array()
        .expect("places")
        .iter()
        .map(|p| p["name"].as_str().expect("name"))
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["Armenia", "Azerbaijan", "Baku", "Iran", "Tehran"]);
}

/// A 26 MB article (the founding article over and over, as one file) is analysed completely:
/// every copy's mentions of Baku are there, with offsets inside their passages. How the time
/// grows with size is measured by `scripts/bench_scaling.py`, not here.
#[test]
fn a_26_mb_file_is_analysed_completely() {
    let s = Scratch::new("huge");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(GOOD))
        .expect("founding article");
    let copies = 26_000_000 / (text.len() + 2) + 1;
    let big = vec![text.trim_end(); copies].join("\n\n");
    assert!(big.len() >= 26_000_000);
    let path = s.file("huge.txt", big.as_bytes());
    let out = kharita(&[&path]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 1);
    let a = &lines[0];
    let baku = a["places"]
        .as_array()
        .expect("places")
        .iter()
        .find(|p| p["id"] == BAKU)
        .expect("Baku found");
    let mentions = baku["mentions"].as_array().expect("mentions");
    assert_eq!(mentions.len(), 9 * copies);
    let passages = a["passages"].as_array().expect("passages");
    for m in mentions.iter().step_by(997) {
        let num = |k: &str| m[k].as_u64().expect("a number") as usize;
        let p = &passages[num("passage")];
        let chars: Vec<char> = p["text"].as_str().expect("text").chars().collect();
        let slice: String = chars[num("start")..num("end")].iter().collect();
        assert_eq!(slice, m["text"].as_str().expect("mention text"));
    }
}
