//! Online map tiles against servers that fail: a dead network, a server that never answers, a
//! broken on-disk cache. The interface keeps running frames, the offline basemap is still drawn
//! beneath (wherever a tile is missing it is what the user sees), and the place markers still
//! work. With the toggle off, nothing is ever fetched. Each test runs its own local server (or
//! none) on 127.0.0.1: no test touches the internet.

mod common;

use eframe::egui;
use egui_kittest::kittest::Queryable;
use egui_kittest::Harness;
use kharita::app::{App, Command, Item, TileServer};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The app on the founding article, loaded, with its basemap, zoomed on the Caucasus.
fn founding(server: TileServer) -> Harness<'static, App> {
    founding_with(server, false)
}

/// [`founding`], rendered by wgpu when `render`.
fn founding_with(server: TileServer, render: bool) -> Harness<'static, App> {
    let mut h = common::app_on_founding_article(render);
    h.state_mut().set_tile_server(server);
    h.state_mut().wait_until_loaded();
    h.state_mut().push(Command::ZoomTo {
        pos: walkers::lat_lon(39.5, 48.0),
        delta: 0.0,
    });
    h.state_mut().push(Command::SetZoom(6.0));
    let t0 = Instant::now();
    while h.state().basemap_triangles() == 0 {
        assert!(t0.elapsed() < Duration::from_secs(30), "the basemap loads");
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    h
}

fn server_at(url: String, cache: Option<PathBuf>) -> TileServer {
    TileServer {
        url,
        cache,
        attribution: "© test tiles".to_owned(),
    }
}

/// `n` frames with the app left alone, 10 ms apart (time for a tile request to go out).
fn idle_frames(h: &mut Harness<'static, App>, n: usize) {
    for _ in 0..n {
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Run frames with online tiles on for a while, as a user watching the map would, and check
/// after each that it came back and drew the offline basemap.
fn frames_with_tiles_on(h: &mut Harness<'static, App>) {
    h.state_mut().set_online_tiles(true);
    for _ in 0..40 {
        let t0 = Instant::now();
        h.run_steps(1);
        // A frame that waited on the network would take the server's whole silence (minutes).
        assert!(
            t0.elapsed() < Duration::from_secs(5),
            "a frame waited {:?}",
            t0.elapsed()
        );
        assert!(h.state().online_tiles_active());
        assert!(
            h.state().basemap_triangles() > 1000 && h.state().basemap_under_tiles(),
            "the offline basemap is drawn, into the slot beneath the tiles"
        );
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// The Baku marker still selects Baku.
fn markers_still_work(h: &mut Harness<'static, App>) {
    let baku = h
        .query_all_by_label("Baku")
        .find(|n| {
            let c = n.rect().center();
            (260.0..1030.0).contains(&c.x) && c.y < 760.0
        })
        .map(|n| n.rect().center())
        .expect("Baku marker");
    h.hover_at(baku);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: baku,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(2);
    assert!(matches!(h.state().selection(), Some(Item::Place(id)) if id == "geonames:587084"));
}

/// A port on which nothing listens (tcpmux, port 1: never served on a test machine, and no
/// test server can be handed it, since they bind port 0).
fn dead_port() -> u16 {
    1
}

/// A server that accepts connections, reads the request and never answers. Counts connections.
fn silent_server() -> (u16, Arc<AtomicUsize>) {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    std::thread::spawn(move || {
        let mut held: Vec<TcpStream> = Vec::new();
        for s in l.incoming().flatten() {
            c.fetch_add(1, Ordering::SeqCst);
            held.push(s);
        }
    });
    (port, count)
}

/// A 256-pixel tile of one colour, as PNG.
fn solid_png(rgb: [u8; 3]) -> Vec<u8> {
    let img = image::RgbImage::from_pixel(256, 256, image::Rgb(rgb));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode PNG");
    out.into_inner()
}

/// A server that answers every request with a white tile. Counts requests.
fn tile_server() -> (u16, Arc<AtomicUsize>) {
    tile_server_of(solid_png([255, 255, 255]))
}

/// A server that answers every request with `png`. Counts requests.
fn tile_server_of(png: Vec<u8>) -> (u16, Arc<AtomicUsize>) {
    let png = Arc::new(png);
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = l.local_addr().expect("addr").port();
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    std::thread::spawn(move || {
        for mut s in l.incoming().flatten() {
            let c = c.clone();
            let png = png.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut req = Vec::new();
                while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                    match s.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => req.extend_from_slice(&buf[..n]),
                    }
                    if req.windows(4).any(|w| w == b"\r\n\r\n") {
                        c.fetch_add(1, Ordering::SeqCst);
                        let head = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nCache-Control: max-age=86400\r\n\r\n",
                            png.len()
                        );
                        let _ = s.write_all(head.as_bytes());
                        let _ = s.write_all(&png);
                        req.clear();
                    }
                }
            });
        }
    });
    (port, count)
}

fn url(port: u16) -> String {
    format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png")
}

#[test]
fn a_dead_network_leaves_the_offline_map() {
    let mut h = founding(server_at(url(dead_port()), None));
    frames_with_tiles_on(&mut h);
    markers_still_work(&mut h);
}

#[test]
fn a_server_that_never_answers_blocks_nothing() {
    let (port, connections) = silent_server();
    let mut h = founding(server_at(url(port), None));
    frames_with_tiles_on(&mut h);
    assert!(
        connections.load(Ordering::SeqCst) > 0,
        "tiles were asked for"
    );
    markers_still_work(&mut h);
}

#[test]
fn a_corrupt_tile_cache_is_survived() {
    let cache = std::env::temp_dir().join(format!("kharita-tile-cache-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&cache);
    // Junk where the cache keeps its index and its contents: every read and write of the cache
    // fails.
    std::fs::create_dir_all(&cache).expect("cache folder");
    for name in ["index-v5", "content-v2"] {
        std::fs::write(cache.join(name), b"\x00\xffnot a cache\x13\x37").expect("junk");
    }
    let (port, requests) = tile_server();
    let mut h = founding(server_at(url(port), Some(cache.clone())));
    frames_with_tiles_on(&mut h);
    assert!(requests.load(Ordering::SeqCst) > 0, "tiles were fetched");
    markers_still_work(&mut h);
    let _ = std::fs::remove_dir_all(&cache);
}

#[test]
fn a_cache_path_that_is_a_file_is_survived() {
    let cache = std::env::temp_dir().join(format!("kharita-tile-file-{}", std::process::id()));
    std::fs::write(&cache, b"a file where the cache folder should be").expect("write");
    let (port, requests) = tile_server();
    let mut h = founding(server_at(url(port), Some(cache.clone())));
    frames_with_tiles_on(&mut h);
    assert!(requests.load(Ordering::SeqCst) > 0, "tiles were fetched");
    let _ = std::fs::remove_file(&cache);
}

#[test]
fn with_the_toggle_off_nothing_is_fetched() {
    let (port, requests) = tile_server();
    let mut h = founding(server_at(url(port), None));
    idle_frames(&mut h, 20);
    assert!(!h.state().online_tiles_active());
    // Turned on and off again: fetching stops with it.
    frames_with_tiles_on(&mut h);
    assert!(requests.load(Ordering::SeqCst) > 0);
    h.state_mut().set_online_tiles(false);
    h.run_steps(2);
    assert!(!h.state().online_tiles_active());
    // Requests already on their way when the tiles were dropped may still arrive.
    std::thread::sleep(Duration::from_millis(500));
    let before = requests.load(Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..20 {
        h.run_steps(1);
    }
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(requests.load(Ordering::SeqCst), before);
}

#[test]
fn with_the_toggle_never_on_no_connection_is_made() {
    let (port, requests) = tile_server();
    let mut h = founding(server_at(url(port), None));
    idle_frames(&mut h, 30);
    assert!(!h.state().online_tiles_active());
    assert!(h.state().basemap_triangles() > 1000);
    assert_eq!(requests.load(Ordering::SeqCst), 0);
}

/// What the user sees: tiles that arrive cover the offline basemap; where none can come, the
/// basemap shows. A point of open land in the map (northern Iran, no marker on it) is sampled.
#[test]
fn tiles_cover_the_basemap_and_their_absence_shows_it() {
    const MAGENTA: [u8; 3] = [255, 0, 255];
    let probe = |h: &mut Harness<'static, App>| -> [u8; 3] {
        let img = h.render().expect("render");

        // The map fills the middle of the window: sample a small block of it.
        let (x0, y0) = (img.width() / 2 + 40, img.height() / 2 + 120);
        let mut sum = [0u32; 3];
        for dy in 0..5 {
            for dx in 0..5 {
                let p = img.get_pixel(x0 + dx, y0 + dy);
                for k in 0..3 {
                    sum[k] += u32::from(p[k]);
                }
            }
        }
        sum.map(|v| (v / 25) as u8)
    };
    let near = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) < 40);

    let (port, requests) = tile_server_of(solid_png(MAGENTA));
    let mut h = founding_with(server_at(url(port), None), true);
    h.run_steps(4);
    let offline = probe(&mut h);
    assert!(!near(offline, MAGENTA));
    h.state_mut().set_online_tiles(true);
    let t0 = Instant::now();
    let mut seen = offline;
    while !near(seen, MAGENTA) {
        assert!(
            t0.elapsed() < Duration::from_secs(60),
            "tiles never showed ({} requests, colour {seen:?})",
            requests.load(Ordering::SeqCst)
        );
        std::thread::sleep(Duration::from_millis(50));
        h.run_steps(1);
        seen = probe(&mut h);
    }

    // A dead server: the same point shows the offline basemap, as it did with tiles off.
    let mut h = founding_with(server_at(url(dead_port()), None), true);
    h.run_steps(4);
    let offline = probe(&mut h);
    h.state_mut().set_online_tiles(true);
    for _ in 0..10 {
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    let dead = probe(&mut h);
    assert!(near(dead, offline), "{dead:?} vs {offline:?}");
}
