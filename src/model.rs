//! The analysis as plain data: what `kharita analyze` prints, what the app and the filters read.
//!
//! Field names follow the JSON contract (docs: analysis JSON). Offsets are Unicode scalar values,
//! as the contract says; items link to each other by index or id, never by reference.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The result of analysing one document. Analysis never fails as a whole: problems are listed in
/// `diagnostics`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Analysis {
    /// The path as given.
    pub source: String,
    /// What the bytes were decoded from ("UTF-8", "windows-1256", "UTF-16LE", ...).
    pub encoding: String,
    /// ISO 639-1 code of the detected language.
    pub language: String,
    /// The document's title, when it has one.
    pub title: Option<String>,
    /// Publication date found in the file (YYYY-MM-DD), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Paragraph-level passages of the decoded text, in order.
    pub passages: Vec<Passage>,
    /// Sentences, in order; each lies inside one passage.
    #[serde(default)]
    pub sentences: Vec<Sentence>,
    /// Every place the document names, once each, sorted by first mention.
    pub places: Vec<Place>,
    /// Events found in the document.
    pub events: Vec<Event>,
    /// The article's main countries and places, by weight of mention.
    #[serde(default)]
    pub focus: Focus,
    /// Human-readable warnings.
    pub diagnostics: Vec<String>,
}

/// Kind of a passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PassageKind {
    /// The document's title.
    Title,
    /// A heading or a short standalone line.
    Heading,
    /// A paragraph of running text.
    Paragraph,
}

/// A passage: a verbatim slice of the decoded text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Passage {
    /// Position in `Analysis::passages`.
    pub index: usize,
    /// Title, heading or paragraph.
    pub kind: PassageKind,
    /// The verbatim text.
    pub text: String,
    /// Unicode scalar offset of the passage in the decoded text.
    pub start: usize,
}

/// A sentence: `passage` and scalar offsets into that passage's text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sentence {
    /// Passage index.
    pub passage: usize,
    /// Start offset in the passage text (Unicode scalars).
    pub start: usize,
    /// End offset in the passage text (Unicode scalars, exclusive).
    pub end: usize,
}

/// What sort of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A sovereign state or dependent territory (ISO 3166-1), or a historical state.
    Country,
    /// A province, a disputed or historical region, a continent or a macro-region.
    Region,
    /// A populated place.
    City,
    /// A sea, lake, river, gulf or strait.
    Water,
    /// A named site or building.
    Landmark,
}

impl PlaceKind {
    /// Lower-case name, as in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::City => "city",
            PlaceKind::Water => "water",
            PlaceKind::Landmark => "landmark",
        }
    }
}

/// How a place is mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// By one of its names (باكو, Baku).
    Name,
    /// By an adjective or demonym of a country (الإيرانية, Iranian).
    Adjective,
}

/// One occurrence of a place in the text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mention {
    /// Passage index.
    pub passage: usize,
    /// Start offset in the passage text (Unicode scalars).
    pub start: usize,
    /// End offset in the passage text (Unicode scalars, exclusive).
    pub end: usize,
    /// The exact characters of the article.
    pub text: String,
    /// Name or adjective.
    pub form: MentionForm,
    /// Sentence index (into `Analysis::sentences`).
    #[serde(default)]
    pub sentence: usize,
}

/// Another candidate the resolver considered for a place.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Alternative {
    /// Gazetteer id.
    pub id: String,
    /// English name.
    pub name: String,
    /// Country code.
    pub country_code: Option<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Its score.
    pub score: f64,
}

/// A place the document names, resolved to the gazetteer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Place {
    /// Stable id: `geonames:587084`, `iso3166:AZ`, `ne-admin1:AZ-XA`, `curated:nagorno-karabakh`.
    pub id: String,
    /// English name.
    pub name: String,
    /// Names by language, as known to the gazetteer.
    pub names: BTreeMap<String, String>,
    /// Country, region, city, water or landmark.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country it lies in.
    pub country_code: Option<String>,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Population, when known (0 otherwise).
    #[serde(default)]
    pub population: u64,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Indices into `Analysis::events`.
    pub events: Vec<usize>,
    /// The resolver's score for the chosen candidate.
    #[serde(default)]
    pub score: f64,
    /// Why this candidate was chosen, in words.
    #[serde(default)]
    pub reasons: Vec<String>,
    /// The other candidates, best first.
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
}

impl Place {
    /// Number of mentions by name (not by adjective).
    pub fn name_mentions(&self) -> usize {
        self.mentions
            .iter()
            .filter(|m| m.form == MentionForm::Name)
            .count()
    }
}

/// The article's focus.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Focus {
    /// Main countries (ISO alpha-2) with their share of the article's place weight, heaviest first.
    pub countries: Vec<(String, f64)>,
    /// Main places (ids), most mentioned first.
    pub places: Vec<String>,
}

/// A date as the article gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// The words of the article.
    pub text: String,
    /// Year, when known.
    pub year: Option<i32>,
    /// Month 1-12, when known.
    pub month: Option<u32>,
    /// Day of month, when known.
    pub day: Option<u32>,
    /// "day", "month", "year" or "relative".
    pub precision: String,
    /// Part of the month or year: "early", "mid" or "late" ("منتصف فبراير", mid-February).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

/// An event: who did what, where and when.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    /// Position in `Analysis::events`.
    pub index: usize,
    /// PLOVER category, lower case.
    #[serde(rename = "type")]
    pub kind: String,
    /// "done", "intended", "denied" or "reported".
    #[serde(default)]
    pub mode: String,
    /// The words that signal it, as in the article.
    pub trigger: String,
    /// Passage of the first report.
    pub passage: usize,
    /// The sentence it was found in.
    pub sentence: String,
    /// Every passage that reports it.
    #[serde(default)]
    pub passages: Vec<usize>,
    /// When.
    pub date: Option<EventDate>,
    /// Place ids, most specific first.
    pub places: Vec<String>,
    /// Who acts.
    pub actors: Vec<String>,
    /// "place", "country" or "article": how precisely the location is known.
    #[serde(default)]
    pub location_precision: String,
    /// Start of the trigger in the text of `passage` (Unicode scalars).
    #[serde(default)]
    pub trigger_start: usize,
    /// End of the trigger in the text of `passage` (Unicode scalars, exclusive).
    #[serde(default)]
    pub trigger_end: usize,
    /// Every sentence that reports it (indices into `Analysis::sentences`), first report first.
    #[serde(default)]
    pub sentences: Vec<usize>,
}
