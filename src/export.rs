//! Export of an analysis: JSON (the contract), GeoJSON (a Point feature per place) and CSV (one row
//! per event, ACLED-like columns).

use crate::model::{Analysis, Place};
use serde_json::{json, Value};

/// The analysis as one JSON value (the contract of `kharita analyze`).
pub fn to_json(a: &Analysis) -> Value {
    serde_json::to_value(a).unwrap_or(Value::Null)
}

/// One JSON line, or an indented document with `pretty`.
pub fn json_string(a: &Analysis, pretty: bool) -> String {
    let r = if pretty {
        serde_json::to_string_pretty(a)
    } else {
        serde_json::to_string(a)
    };
    r.unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn place_feature(a: &Analysis, p: &Place) -> Value {
    let mut types: Vec<&str> = p
        .events
        .iter()
        .filter_map(|i| a.events.get(*i))
        .map(|e| e.kind.as_str())
        .collect();
    types.sort_unstable();
    types.dedup();
    json!({
        "type": "Feature",
        "geometry": { "type": "Point", "coordinates": [p.lon, p.lat] },
        "properties": {
            "id": p.id,
            "name": p.name,
            "name_ar": p.names.get("ar"),
            "names": p.names,
            "kind": p.kind,
            "country_code": p.country_code,
            "mention_count": p.mentions.len(),
            "adjective_count": p.mentions.len() - p.name_mentions(),
            "mentions": p.mentions,
            "events": p.events,
            "event_types": types,
            "first_passage": p.mentions.first().map(|m| m.passage),
            "source": a.source,
            "score": p.score,
        }
    })
}

/// A GeoJSON FeatureCollection with a Point feature per place.
pub fn to_geojson(a: &Analysis) -> Value {
    json!({
        "type": "FeatureCollection",
        "name": a.source,
        "features": a.places.iter().map(|p| place_feature(a, p)).collect::<Vec<_>>(),
    })
}

/// The CSV header row.
pub const CSV_HEADER: &str =
    "event_date,event_type,mode,actors,place_id,place_name,country,latitude,longitude,location_precision,source,passage,trigger,sentence";

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// CSV rows (no header), one per event.
pub fn to_csv_rows(a: &Analysis) -> String {
    let mut out = String::new();
    for e in &a.events {
        let date = e
            .date
            .as_ref()
            .map_or(String::new(), |d| match (d.year, d.month, d.day) {
                (Some(y), Some(m), Some(dd)) => format!("{y:04}-{m:02}-{dd:02}"),
                (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
                (Some(y), None, _) => format!("{y:04}"),
                _ => d.text.clone(),
            });
        let place = e
            .places
            .first()
            .and_then(|id| a.places.iter().find(|p| &p.id == id));
        let row = [
            date,
            e.kind.clone(),
            e.mode.clone(),
            e.actors.join("; "),
            place.map_or(String::new(), |p| p.id.clone()),
            place.map_or(String::new(), |p| p.name.clone()),
            place
                .and_then(|p| p.country_code.clone())
                .unwrap_or_default(),
            place.map_or(String::new(), |p| format!("{:.4}", p.lat)),
            place.map_or(String::new(), |p| format!("{:.4}", p.lon)),
            e.location_precision.clone(),
            a.source.clone(),
            e.passage.to_string(),
            e.trigger.clone(),
            e.sentence.clone(),
        ];
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("plain"), "plain");
    }
}
