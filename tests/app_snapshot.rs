//! A rendered snapshot of the founding article's view, drawn by wgpu (on Mesa's Vulkan lavapipe
//! where there is no GPU). The analysis is pinned in a fixture so that work on the analysis core
//! does not move the pixels; refresh with `UPDATE_SNAPSHOTS=1 cargo test --test app_snapshot`.

mod common;

use eframe::egui;
use kharita::model::Analysis;

#[test]
fn founding_article_view() {
    let analysis: Analysis =
        serde_json::from_str(include_str!("fixtures/founding-article.analysis.json"))
            .expect("fixture parses");
    let mut h = common::app_with(vec![analysis], egui::vec2(1400.0, 880.0), true);
    h.run_steps(4);
    h.snapshot("founding_article");
}
