//! Events: who did what, where and when (PLOVER categories), linked both ways to places and
//! passages. (Being written.)

use crate::model::Analysis;

/// Extract the events of an analysed document and link them to its places.
pub fn extract(a: &mut Analysis) {
    let _ = a;
}
