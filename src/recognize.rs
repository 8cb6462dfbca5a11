//! Recognition: find the spans of a text that name places (or use a country's adjective), with
//! their gazetteer candidates. Arabic proclitics are stripped only when the rest is a known name;
//! multi-word names match with or without inner spaces; English names must be capitalised.
//! General context rules (organisation heads such as وكالة / agency, person titles, learned
//! stop-list, words the same text writes in lower case) keep ordinary words and names of
//! organisations out.

use crate::gazetteer::{Entry, EntryId, Gazetteer, Posting};
use crate::model::MentionForm;
use crate::model::PlaceKind;
use crate::text::{fold, Script, Token};
use crate::translit;

/// Longest name, in words.
const MAX_WORDS: usize = 5;

/// A recognised span: a name or adjective of the text with its candidates.
#[derive(Debug, Clone)]
pub struct Span {
    /// Byte offset (in the analysed text) of the name's first character (after any proclitic).
    pub start: usize,
    /// Byte offset one past the name's last character.
    pub end: usize,
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// Name or adjective.
    pub form: MentionForm,
    /// Matching key the name was found under.
    pub key: String,
    /// Gazetteer candidates.
    pub candidates: Vec<EntryId>,
    /// Sentence index of the span.
    pub sentence: usize,
    /// What a cue word before the name says the place is (مدينة, ولاية, city of, in ...).
    pub cue: Cue,
    /// A US county named with its word ("Laurel County"): the candidates are the counties of
    /// that name and the towns of the county's name in their states.
    pub county: bool,
    /// Found by its consonants: an Arabic spelling of a foreign town's Latin name
    /// ([`crate::translit`]).
    pub spelled: bool,
}

/// What the words before a name announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Cue {
    /// Nothing.
    #[default]
    None,
    /// A place of some kind (in, from, near, في ...).
    Place,
    /// A city, town or village (مدينة, بلدة, city of).
    City,
    /// A province, state or region (ولاية, محافظة, إقليم, province).
    Region,
    /// A state (دولة, جمهورية, مملكة).
    Country,
}

impl Cue {
    /// True when some cue supports the name.
    pub fn any(self) -> bool {
        self != Cue::None
    }
}

/// The kind of place an Arabic cue or descriptor announces.
fn arabic_cue(key: &str) -> Cue {
    match key {
        "مدينه" | "بلده" | "قريه" | "العاصمه" | "عاصمه" | "ضاحيه" | "حي" | "مخيم" | "بلدات"
        | "مدن" | "قري" | "ميناء" | "مطار" | "بلدتي" | "مدينتي" => {
            Cue::City
        }
        "محافظه" | "ولايه" | "اقليم" | "منطقه" | "مقاطعه" | "مديريه" | "قضاء" | "ناحيه" | "قطاع" => {
            Cue::Region
        }
        "دوله" | "جمهوريه" | "مملكه" | "اماره" | "سلطنه" => Cue::Country,
        _ => Cue::None,
    }
}

/// Folded words that say a town or a province follows, for a three-letter name (مدينة رفح);
/// not the looser ones (حي, ناحية, منطقة), which also head ordinary phrases (من ناحية أن).
const SETTLEMENT_WORDS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "بلدتي",
    "مدينتي",
    "محافظه",
    "ولايه",
    "اقليم",
    "مقاطعه",
];

/// The word of [`SETTLEMENT_WORDS`] that a folded word is, as written or after a conjunction
/// and a preposition (ومدينة, بمدينة). The word as written comes first: ولاية is no و before
/// لاية.
fn settlement_word(key: &str) -> Option<&'static str> {
    let k = strip_conj(key);
    [key, k, strip_preposition(k)]
        .into_iter()
        .find_map(|k| SETTLEMENT_WORDS.iter().copied().find(|s| *s == k))
}

/// Arabic proclitic sequences, as folded text: conjunction (و ف), preposition (ب ل ك) and article.
const AR_PROCLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ال", "وب", "ول", "فب", "فل", "وال", "فال", "بال", "لل", "وبال", "ولل",
    "فبال", "فلل",
];

/// Arabic nouns that head the name of an organisation or a medium: a place name right after them
/// is part of that name (وكالة توران, مركز ..., صحيفة الرياض).
const AR_ORG_HEADS: &[&str] = &[
    "وكاله",
    "مركز",
    "صحيفه",
    "جريده",
    "مجله",
    "قناه",
    // A championship named after a country (بطولة الولايات المتحدة المفتوحة).
    "بطوله",
    "اذاعه",
    "تلفزيون",
    "شركه",
    "مؤسسه",
    "معهد",
    "منظمه",
    "جمعيه",
    "نادي",
    "فندق",
    "بنك",
    "مصرف",
    "جامعه",
    "حزب",
    "حركه",
    "تنظيم",
    "جبهه",
    "مجموعه",
    "موقع",
    "صحيفتا",
    "برنامج",
    "مسجد",
    "مستشفي",
    "كليه",
    "مدرسه",
    "فريق",
    "ملعب",
    "دار",
    "شبكه",
    "اتحاد",
    "هيئه",
    "اكاديميه",
    "مكتبه",
    "متحف",
    // Football clubs named after their city (ريال مدريد, دينامو كييف).
    "ريال",
    "دينامو",
    "ديناموا",
    "اتلتيكو",
    "سبارتاك",
    "لوكوموتيف",
    "انتر",
    "بايرن",
    "بوروسيا",
    "اولمبيك",
    "سبورتنغ",
    "سبورتينغ",
    "باريس سان",
];

/// Arabic directions and halves of the world, as folded keys.
const AR_DIRECTIONS: &[&str] = &[
    "الشمال",
    "الجنوب",
    "الشرق",
    "الغرب",
    "شمال",
    "جنوب",
    "شرق",
    "غرب",
    "الشماليه",
    "الجنوبيه",
    "الشرقيه",
    "الغربيه",
    "الوسط",
    "الجهه الشرقيه",
    "الجهه الغربيه",
    "المنطقه الجنوبيه",
    "المنطقه الشماليه",
    "المنطقه الشرقيه",
    "المنطقه الغربيه",
    "المنطقه الوسطي",
];

/// Transliterated words that end the name of a newspaper or a channel (واشنطن بوست): the place
/// name before them, and they themselves, are no places.
const AR_MEDIA_TAILS: &[&str] = &[
    "بوست",
    "تايمز",
    "نيوز",
    "جورنال",
    "تريبيون",
    "هيرالد",
    "غارديان",
    "تلغراف",
    "اندبندنت",
    "ستريت",
    "برس",
];

/// Arabic cardinal numbers with the article: they count a noun (الدول الخمس, the five states;
/// الخمس سنوات, the five years), though a town is called الخمس (Al Khums); only a locative or a
/// cue word before makes them the town (في الخمس, مدينة الخمس), and not before a counted noun
/// ([`AR_COUNTED`]).
const AR_DEFINITE_NUMBERS: &[&str] = &[
    "الثلاث",
    "الاربع",
    "الخمس",
    "الست",
    "السبع",
    "الثماني",
    "التسع",
    "العشر",
];

/// Nouns a number counts (folded): after one of them a definite number is never the town, even
/// after a locative (في الخمس سنوات الماضية).
const AR_COUNTED: &[&str] = &[
    "سنوات",
    "سنين",
    "اعوام",
    "اشهر",
    "شهور",
    "اسابيع",
    "ايام",
    "ساعات",
    "دقايق",
    "عقود",
    "دول",
    "مرات",
    "نقاط",
    "جولات",
    "مباريات",
];

/// Arabic words that mark a sentence about sport, where a city's name usually stands for its
/// club (تعادل ليفربول مع ...), but that can mean something else too (الدوري, periodic; لاعب, a
/// player in politics): they mark only their own sentence. Words that more often mean
/// something else are not listed at all (هدف, a target; فاز, won an election; المنتخب,
/// elected). The words that mean nothing but sport are [`AR_SPORT_ONLY`].
const AR_SPORT_CUES: &[&str] = &[
    "الدوري",
    "دوري",
    "بطوله",
    "البطوله",
    "كاس",
    "تعادل",
    "لاعب",
    "لاعبي",
    "اللاعب",
    "نادي",
];

/// Arabic words that mean nothing but sport: they mark their own sentence, and a sentence
/// between two that hold one (see [`sport_sentences`]).
const AR_SPORT_ONLY: &[&str] = &[
    "مباراه",
    "مباريات",
    "المباراه",
    "المدرب",
    "مدرب",
    "ملعب",
    "الملعب",
    "الشوط",
    "مرمي",
];

/// Arabic locative words after which a city's name is the place, even in a sentence about sport.
const AR_LOCATIVES: &[&str] = &[
    "في",
    "الي",
    "من",
    "نحو",
    "قرب",
    "داخل",
    "خارج",
    "عاصمه",
    "مدينه",
];

/// Arabic words before a name that make it a person's name (الشيخ، السيد، أبو ...).
const AR_PERSON_CUES: &[&str] = &[
    "الشيخ",
    "السيد",
    "السيده",
    "الامير",
    "الاميره",
    "الملك",
    "الدكتور",
    "د",
    "ابو",
    "ابن",
    "بن",
    "بنت",
    "ام",
    "الحاج",
    "الاستاذ",
    "المهندس",
    "اللواء",
    "العميد",
    "العقيد",
    "الرائد",
    "النقيب",
    "المقدم",
    "الفريق",
    "المشير",
    "الرئيس",
    "الوزير",
    "النائب",
    "الناطق",
    "المتحدث",
    "الزميل",
    // A person's trade or role (المحلل راين كامينغز).
    "المحلل",
    "الباحث",
    "الخبير",
    "الكاتب",
    "الصحافي",
    "الصحفي",
    "المراسل",
    "المحامي",
    "القاضي",
    "المدرب",
    "اللاعب",
    "الفنان",
    "الممثل",
    "المخرج",
    "اخوه",
    "ال",
    "عبد",
];

/// Prepositions after which a name is a place, not a person's first name (in Marion Tuesday).
const EN_LOCATIVES: &[&str] = &[
    "in", "at", "near", "from", "to", "of", "outside", "into", "across", "around", "between",
];

/// Words after a town's name that make it the town's (Troy Mayor, Chester Man Charged, Shelby
/// Police, New after a town: Troy New York).
const EN_TOWN_HEADS: &[&str] = &[
    "mayor",
    "police",
    "fire",
    "council",
    "man",
    "woman",
    "men",
    "women",
    "teen",
    "boy",
    "girl",
    "school",
    "schools",
    "city",
    "officials",
    "residents",
    "resident",
    "native",
    "area",
    "commissioners",
    "sheriff",
    "new",
];

/// A given name that names a town this large (Dallas, Tyler) may begin "Dallas Texas".
const GIVEN_NAME_TOWN_MIN: u64 = 10_000;

/// A given name that names a town this large is that town before another name (Dallas
/// Cowboys, Houston Rockets).
const FIRST_NAME_TOWN_MAX: u64 = 100_000;

/// English titles before a name that make it a person's name.
const EN_PERSON_CUES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "lord",
    "lady",
    "president",
    "gen",
    "general",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "judge",
    "justice",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "saint",
    "st",
    "sgt",
    "officer",
    "coach",
    "father",
    "rev",
    "bishop",
    "mayor",
    "sheriff",
    "chief",
    "capt",
    "captain",
    "col",
    "lt",
    "det",
    "detective",
    "deputy",
    "trooper",
    "agent",
    "attorney",
    "prof",
    "professor",
    "minister",
    "secretary",
    "chairman",
    "ambassador",
    "actor",
    "singer",
    "author",
    "sister",
    "brother",
    "uncle",
    "aunt",
];

/// English nouns after a name that make it part of an organisation's, a building's or a product's
/// name (the words of streets and roads are in [`is_street_word`]).
const EN_ORG_TAILS: &[&str] = &[
    "agency",
    "centre",
    "center",
    "university",
    "college",
    "institute",
    "times",
    "post",
    "news",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "bank",
    "company",
    "corp",
    "corporation",
    "inc",
    "club",
    "hotel",
    "airlines",
    "airways",
    "party",
    "group",
    "foundation",
    "association",
    "league",
    "fc",
    "united",
    "rangers",
    "daily",
    "telegraph",
    "observer",
    "press",
    "magazine",
    "review",
    "records",
    "motors",
    "ltd",
    "llc",
    "academy",
    "school",
    "hospital",
    "church",
    "cathedral",
    "mosque",
    "museum",
    "stadium",
    "airport",
    "arena",
    "theater",
    "theatre",
    "orchestra",
    "symphony",
    "society",
    "council",
    "court",
    "commission",
    "committee",
    "board",
    "courier",
    "chronicle",
    "examiner",
    "sentinel",
    "globe",
    "star",
    "register",
    "inquirer",
    "democrat",
    "republican",
    "bulletin",
    "dispatch",
    "enquirer",
    "ledger",
    "record",
    "mirror",
    "standard",
    "express",
    "guardian",
    "independent",
    "sun",
    "mail",
    "hall",
    "plaza",
    "mall",
    "square",
    "bridge",
    "tower",
    "building",
    "house",
    "park",
];

/// Whether a folded English word ends the name of an organisation, a building or a road.
fn is_name_tail(key: &str) -> bool {
    EN_ORG_TAILS.contains(&key) || is_street_word(key)
}

/// Whether a folded English word ends the name of a street or a road.
fn is_street_word(key: &str) -> bool {
    is_urban_street_word(key)
        || matches!(key, "highway" | "parkway" | "pike" | "turnpike" | "trail")
}

/// Whether a folded English word ends the name of a town's street (not of a highway, which
/// runs in the state it is named after).
fn is_urban_street_word(key: &str) -> bool {
    matches!(
        key,
        "street" | "avenue" | "road" | "boulevard" | "drive" | "lane"
    )
}

/// English words before a name that announce a settlement.
const EN_PLACE_CUES: &[&str] = &[
    "city", "town", "village", "capital", "province", "state", "region", "port", "near", "in",
    "from", "to", "at", "outside", "across", "into", "of",
];

/// Verbs of saying: a name right before one is the speaker's (Anderson said).
const EN_SPEECH_VERBS: &[&str] = &[
    "said",
    "say",
    "says",
    "told",
    "added",
    "explained",
    "noted",
    "stated",
    "wrote",
    "recalled",
    "testified",
    "asked",
    "replied",
    "agreed",
    "admitted",
    "insisted",
];

/// Connector words allowed inside an English place name (Isle of Man, Rio de Janeiro).
const EN_CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "da", "do", "dos", "das", "la", "le", "les", "el", "al", "upon",
    "on", "y", "du", "des", "and", "am", "an", "der", "di", "sur", "en",
];

/// Days and months: capitalised, never places, and harmless next to a place name.
const EN_CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A town's offices and services: after a town's name they say the town is meant (Athens Mayor
/// Randy Daniel, the Dallas Police Department), not a person or a company of that name. Not
/// "fire": wildfires are named after places near them (the Marshall Fire).
const EN_CIVIC: &[&str] = &[
    "mayor",
    "police",
    "sheriff",
    "city",
    "township",
    "municipal",
    "aldermen",
    "selectmen",
    "councilman",
    "councilwoman",
];

/// Compass words that can stand before a state's or a country's name to say which part of it
/// is meant ("North East Texas", "southern Lebanon").
const EN_DIRECTIONS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
];

/// Direction and generic geographic words that may stand beside a place name in a longer name.
const EN_GEO_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "upper",
    "lower",
    "downtown",
    "county",
    "parish",
    "city",
    "state",
    "province",
    "region",
    "district",
    "valley",
    "river",
    "lake",
    "island",
    "islands",
    "bay",
    "mountains",
    "metro",
    "area",
    "township",
    "borough",
    "republic",
    "kingdom",
    "coast",
    "gulf",
    "sea",
];

/// Facts about the whole text that the context rules consult.
struct Context {
    /// Latin words the text writes in lower case.
    lower_words: rustc_hash::FxHashSet<String>,
    /// Sentences about sport.
    sport_sentences: rustc_hash::FxHashSet<usize>,
    /// Keys of one-word town names that the text has used as a person's surname (جون بولتون,
    /// President Nixon): later on their own ("وقال بولتون", "Nixon said") they are still the
    /// person.
    surnames: std::cell::RefCell<rustc_hash::FxHashSet<String>>,
}

impl Context {
    /// Remember `span` as a surname when it is one word whose candidates are all towns.
    fn surname(&self, span: &Span, g: &Gazetteer) {
        if span.last - span.first == 1
            && span
                .candidates
                .iter()
                .all(|c| g.entry(*c).kind == PlaceKind::City)
        {
            self.surnames.borrow_mut().insert(span.key.clone());
        }
    }
}

/// The sentences about sport: those with a sport word of either list (مباراة, الدوري), and
/// those between two sentences that each hold a word only sport uses (a match report goes on
/// over several sentences: "وواصل ليفربول محاولاته").
fn sport_sentences(tokens: &[Token]) -> rustc_hash::FxHashSet<usize> {
    let is =
        |t: &Token, list: &[&str]| t.script == Script::Arabic && list.contains(&strip_conj(&t.key));
    let mut out: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    let mut strong: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    for t in tokens {
        if is(t, AR_SPORT_ONLY) {
            strong.insert(t.sentence);
            out.insert(t.sentence);
        } else if is(t, AR_SPORT_CUES) {
            out.insert(t.sentence);
        }
    }
    for &s in &strong {
        if strong.contains(&(s + 2)) {
            out.insert(s + 1);
        }
    }
    out
}

/// Recognise place names and country adjectives in the tokens of a text.
pub fn recognize(text: &str, tokens: &[Token], g: &Gazetteer) -> Vec<Span> {
    let ctx = Context {
        lower_words: lowercase_vocabulary(text, tokens),
        sport_sentences: sport_sentences(tokens),
        surnames: Default::default(),
    };
    let lower_words = &ctx.lower_words;
    let mut spans = Vec::new();
    // The longest name starting at each token, computed once: look-ups only reach MAX_WORDS
    // tokens ahead, so a small ring of (token, answer) slots is enough, whatever the length.
    const RING: usize = (MAX_WORDS + 1).next_power_of_two();
    let mut memo: [(usize, Option<Span>); RING] = std::array::from_fn(|_| (usize::MAX, None));
    let mut longest = |k: usize| -> Option<Span> {
        let slot = &mut memo[k % RING];
        if slot.0 != k {
            *slot = (k, longest_name(text, tokens, k, g, lower_words));
        }
        slot.1.clone()
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if t.script == Script::Other {
            i += 1;
            continue;
        }
        if let Some(span) = match_county(text, tokens, i, g) {
            i = span.last;
            spans.push(span);
            continue;
        }
        // "Athens, Ga.": the state's abbreviation right after a place just found.
        let after_place = spans.last().is_some_and(|s: &Span| s.last == i);
        if let Some(state) =
            (t.script == Script::Latin && after_place && after_town(text, tokens, i))
                .then(|| g.state_abbreviation(&t.key))
                .flatten()
        {
            spans.push(Span {
                start: t.start,
                end: t.end,
                first: i,
                last: i + 1,
                form: MentionForm::Name,
                key: t.key.clone(),
                candidates: vec![state],
                sentence: t.sentence,
                cue: Cue::None,
                county: false,
                spelled: false,
            });
            i += 1;
            continue;
        }
        let mut matched = longest(i);
        // Leftmost-longest would take إقليم كارا (a region of Togo) out of إقليم كارا باخ: give
        // way to a name starting inside this one that is at least as long and reaches further.
        if let Some(m) = &matched {
            let n = m.last - i;
            let overtaken = (i + 1..m.last)
                .any(|k| longest(k).is_some_and(|o| o.last > m.last && o.last - k >= n));
            if overtaken {
                i += 1;
                continue;
            }
        }
        // A one-word name that is also a country's adjective (سوري, Turkish) is the adjective,
        // unless the word names a country itself.
        let single_non_country = matched.as_ref().is_some_and(|s| {
            s.last - s.first == 1
                && !s
                    .candidates
                    .iter()
                    .any(|c| g.entry(*c).kind == PlaceKind::Country)
        });
        let name_read_as_adjective = matched
            .as_ref()
            .is_some_and(|s| feminine_nisba_after_noun(text, tokens, s, g));
        if matched.is_none() || single_non_country || name_read_as_adjective {
            if let Some(adj) = match_adjective(text, tokens, i, g) {
                matched = Some(adj);
            }
        }
        // An adjective of several words is longer than the name it begins with (Saudi Arabian).
        if let Some(adj) = match_long_adjective(text, tokens, i, g) {
            if matched.as_ref().is_none_or(|m| m.last < adj.last) {
                matched = Some(adj);
            }
        }
        match matched {
            Some(mut span) => {
                i = span.last;
                if keep(text, tokens, &mut span, g, &ctx) {
                    spans.push(span);
                }
            }
            None => i += 1,
        }
    }
    spelled_names(text, tokens, &mut spans, g);
    city_of_a_name(&mut spans, g);
    spans.retain(|s| !s.candidates.is_empty());
    spans
}

/// "Dublin City Council" in an article that says Dublin elsewhere: the gazetteer knows "Dublin
/// City" as a name of one Dublin only (Ireland's), but the words mean the city of the Dublin the
/// article is about. When the largest place a name "X City" can be is also a place named X, and the
/// article names X on its own, the mention is one more of X, announced as a city: its candidates
/// are the towns among those of X's mentions, and one sense per discourse chooses for all. A name
/// that means something else (Kansas City beside the state of Kansas, Mexico City beside the
/// country) keeps its own.
fn city_of_a_name(spans: &mut [Span], g: &Gazetteer) {
    for k in 0..spans.len() {
        let Some(stem) = spans[k].key.strip_suffix(" city").map(str::to_string) else {
            continue;
        };
        let stem = stem.as_str();
        // The largest place the name can be: a village elsewhere may carry "Springfield City"
        // among its alternate names.
        let largest = spans[k]
            .candidates
            .iter()
            .max_by_key(|c| g.entry(**c).population);
        if !largest.is_some_and(|c| g.lookup(stem).iter().any(|p| p.entry == *c)) {
            continue;
        }
        let mut towns: Vec<EntryId> = Vec::new();
        let mut a_country = false;
        for s in spans.iter() {
            if s.key == stem && s.form == MentionForm::Name {
                for &c in &s.candidates {
                    let kind = g.entry(c).kind;
                    a_country |= kind == PlaceKind::Country;
                    if kind == PlaceKind::City && !towns.contains(&c) {
                        towns.push(c);
                    }
                }
            }
        }
        // Mexico City is not the city of the country's name.
        if towns.is_empty() || a_country {
            continue;
        }
        let span = &mut spans[k];
        span.key = stem.to_string();
        span.candidates = towns;
        if matches!(span.cue, Cue::None | Cue::Place) {
            span.cue = Cue::City;
        }
    }
}

/// The fewest people of a town found by its consonants in a country the article names (three
/// consonants match a village of every country); a country in brackets after the word needs no
/// such size.
const SPELLED_TOWN_MIN: u64 = 10_000;

/// Foreign towns that the gazetteer knows by their Latin names only, or by another Arabic
/// spelling ([`crate::translit`]): an Arabic word that no name matches, right after a word that
/// says a town or a province follows (مدينة سوروج) or before a country in brackets (شيبوك
/// (نيجيريا)), is a town or province of that country, or of a country the article names, whose
/// English name has the same consonants. The word's other mentions in the text follow it.
fn spelled_names(text: &str, tokens: &[Token], spans: &mut Vec<Span>, g: &Gazetteer) {
    let mut covered = vec![false; tokens.len()];
    // The countries the article names, and those of each sentence.
    let mut countries: Vec<&str> = Vec::new();
    let mut in_sentence: Vec<(usize, &str)> = Vec::new();
    // The country named (or referred to by its adjective) at a token.
    let mut country_at: rustc_hash::FxHashMap<usize, &str> = Default::default();
    for s in spans.iter() {
        covered[s.first..s.last].iter_mut().for_each(|c| *c = true);
        for c in &s.candidates {
            let e = g.entry(*c);
            if e.kind == PlaceKind::Country && !e.cc.is_empty() {
                if !countries.contains(&e.cc) {
                    countries.push(e.cc);
                }
                in_sentence.push((s.sentence, e.cc));
                country_at.entry(s.first).or_insert(e.cc);
            }
        }
    }
    // A word of the language rather than a foreign name: it takes the article or ends as a
    // feminine adjective (الشيشانية), or some name or cue word lies under its proclitics
    // (ومدينة).
    // An object or possessive pronoun at its end (دمرها, سكانها), or the plural of an adjective
    // of origin (مسيحيين), makes it a word of the language too.
    let unknown = |t: &Token| {
        !t.key.starts_with("ال")
            && !t.key.ends_with("يه")
            && !["ها", "هم", "هما", "يين", "يون"]
                .iter()
                .any(|p| t.key.ends_with(p))
            && clitic_variants(t).iter().all(|(k, _)| {
                !g.has_name(k)
                    && !g.is_stopword(k)
                    && !g.is_given_name(k)
                    && !arabic_cue(strip_preposition(k)).any()
            })
    };
    // Each word found, its towns, and whether it stands for them wherever it recurs: a word of
    // four consonants or one with its country in brackets does; a shorter one only after a
    // preposition or a cue word again.
    let mut found: Vec<(String, Vec<EntryId>, bool)> = Vec::new();
    let mut added = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if covered[i] || t.script != Script::Arabic || !unknown(t) {
            continue;
        }
        let cue = prev_key(tokens, i)
            .filter(|p| text[p.end..t.start].chars().all(char::is_whitespace))
            // Only a word for a town or a province: an airport or a district takes a person's
            // name (مطار كنيدي).
            .and_then(|p| settlement_word(&p.key))
            .map_or(Cue::None, arabic_cue);
        let bracketed = bracketed_country(text, t.end, g);
        // A final ة (folded ه) ends the adjectives and nouns of the language that follow a town
        // word (مدينة كبيرة, محاصرة, معروفة); Arabic writes a foreign name's final a with ا
        // (غوزا), so only a country in brackets lets such a word through.
        if t.key.ends_with('ه') && bracketed.is_none() {
            continue;
        }
        // A country right after the name, by its adjective or after في (مدينة توريتسك
        // الأوكرانية, بلدة شيبوك في نيجيريا), is the town's.
        let attached = tokens
            .get(i + 1)
            .filter(|nx| nx.sentence == t.sentence)
            .and_then(|nx| {
                country_at.get(&(i + 1)).copied().or_else(|| {
                    matches!(
                        nx.key.as_str(),
                        "في" | "ب" | "شمال" | "جنوب" | "شرق" | "غرب"
                    )
                    .then(|| country_at.get(&(i + 2)).copied())
                    .flatten()
                })
            });
        let (wanted, min_population) = match bracketed {
            Some(cc) => (vec![cc], 0),
            None if cue.any() && attached.is_some() => {
                (attached.into_iter().collect(), SPELLED_TOWN_MIN)
            }
            // A sentence that names countries places the town in one of them (مدينة سافاري
            // بوسط البلاد, beside مالي).
            None if matches!(cue, Cue::City | Cue::Region) => {
                let here: Vec<&str> = in_sentence
                    .iter()
                    .filter(|(k, _)| *k == t.sentence)
                    .map(|(_, cc)| *cc)
                    .collect();
                let wanted = if here.is_empty() {
                    countries.clone()
                } else {
                    here
                };
                (wanted, SPELLED_TOWN_MIN)
            }
            None => continue,
        };
        let all = translit::candidates(g, &t.key, cue == Cue::Region, &wanted);
        // A town of unknown population (0 in the gazetteer) counts when it is the only match.
        let unknown_size = |c: &EntryId| g.entry(*c).population == 0;
        let candidates: Vec<EntryId> =
            if cue == Cue::Region || (all.len() == 1 && all.iter().all(unknown_size)) {
                all
            } else {
                all.into_iter()
                    .filter(|c| g.entry(*c).population >= min_population)
                    .collect()
            };
        if candidates.is_empty() {
            continue;
        }
        covered[i] = true;
        let strong = bracketed.is_some() || translit::arabic(&t.key).is_some_and(|s| s.len() >= 4);
        found.push((t.key.clone(), candidates.clone(), strong));
        added.push(spelled_span(t, i, t.start, &t.key, candidates, cue));
    }
    if found.is_empty() {
        return;
    }
    // The same word elsewhere, with or without a conjunction or a preposition (وسوروج).
    for (i, t) in tokens.iter().enumerate() {
        if covered[i] || t.script != Script::Arabic {
            continue;
        }
        let placed = prev_key(tokens, i).is_some_and(|p| {
            AR_LOCATIVES.contains(&strip_conj(&p.key)) || settlement_word(&p.key).is_some()
        }) || t.key.starts_with(['ب', 'ل']);
        for (key, skip) in clitic_variants(t) {
            if let Some((_, c, _)) = found
                .iter()
                .find(|(k, _, strong)| *k == key && (*strong || placed))
            {
                let start = name_start(text, t, skip);
                added.push(spelled_span(t, i, start, &key, c.clone(), Cue::None));
                break;
            }
        }
    }
    spans.extend(added);
    spans.sort_by_key(|s| s.start);
}

fn spelled_span(
    t: &Token,
    i: usize,
    start: usize,
    key: &str,
    candidates: Vec<EntryId>,
    cue: Cue,
) -> Span {
    Span {
        start,
        end: t.end,
        first: i,
        last: i + 1,
        form: MentionForm::Name,
        key: key.to_string(),
        candidates,
        sentence: t.sentence,
        cue,
        county: false,
        spelled: true,
    }
}

/// The country named in brackets right after byte `end` (شيبوك (نيجيريا)), if any.
fn bracketed_country<'g>(text: &str, end: usize, g: &'g Gazetteer) -> Option<&'g str> {
    let after = text[end..].trim_start_matches(' ');
    let inner = after.strip_prefix('(')?;
    let close = inner.find(')').filter(|&c| c <= 60)?;
    let key = fold(inner[..close].trim());
    g.lookup(&key)
        .iter()
        .map(|p| g.entry(p.entry))
        .find(|e| e.kind == PlaceKind::Country && !e.cc.is_empty())
        .map(|e| e.cc)
}

/// The matching key of a run of words: their folded keys with a space between.
fn words_key(words: &[Token]) -> String {
    words
        .iter()
        .map(|w| w.key.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Laurel County", "Orleans Parish": a US county or parish named with that word. The candidates
/// are the counties of that name (one per state that has one) and towns of the county's name in
/// those states.
fn match_county(text: &str, tokens: &[Token], i: usize, g: &Gazetteer) -> Option<Span> {
    let t = &tokens[i];
    if t.script != Script::Latin || !t.capitalized {
        return None;
    }
    (1..=3).rev().find_map(|n| {
        let words = tokens.get(i..=i + n)?;
        let last = &words[n];
        if !(last.capitalized && (last.key == "county" || last.key == "parish"))
            || !words.iter().all(|w| w.capitalized)
            || !contiguous(text, words)
        {
            return None;
        }
        let key = words_key(words);
        let counties = g.counties(&key);
        if counties.is_empty() {
            return None;
        }
        // A town of the county's name in one of those states often lies in the county or near
        // it (Orange in Orange County): the towns compete with the counties in resolution.
        let states: Vec<Option<String>> =
            counties.iter().map(|&c| g.region_id(g.entry(c))).collect();
        let town_key = &key[..key.len() - last.key.len() - 1];
        let towns: Vec<EntryId> = g
            .lookup(town_key)
            .iter()
            .map(|p| p.entry)
            .filter(|&c| {
                let r = g.region_id(g.entry(c));
                r.is_some() && states.contains(&r)
            })
            .collect();
        let mut candidates = towns;
        candidates.extend_from_slice(counties);
        Some(Span {
            start: t.start,
            end: last.end,
            first: i,
            last: i + n + 1,
            form: MentionForm::Name,
            key,
            candidates,
            sentence: t.sentence,
            cue: Cue::Region,
            county: true,
            spelled: false,
        })
    })
}

/// The longest name starting at token `i`.
fn longest_name(
    text: &str,
    tokens: &[Token],
    i: usize,
    g: &Gazetteer,
    lower_words: &rustc_hash::FxHashSet<String>,
) -> Option<Span> {
    let t = &tokens[i];
    // An English name starts with a capital (or a digit); nothing else needs looking up.
    if t.script == Script::Other
        || (t.script == Script::Latin
            && !t.capitalized
            && !t.key.starts_with(|c: char| c.is_numeric()))
    {
        return None;
    }
    let most = MAX_WORDS.min(tokens.len() - i);
    let rest = || tokens[i + 1..i + most].iter().map(|t| t.key.as_str());
    // Each way of reading the first word, with how many words a key can reach from it, spaced
    // and (Arabic) run together.
    let variants: Vec<Variant> = clitic_variants(t)
        .into_iter()
        .map(|(key, skip)| Variant {
            spaced: g.prefix_reach(&key, rest(), true),
            joined: if t.script == Script::Arabic {
                g.prefix_reach(&key, rest(), false)
            } else {
                0
            },
            key,
            skip,
        })
        .collect();
    let reach = variants
        .iter()
        .map(|v| v.spaced.max(v.joined))
        .max()
        .unwrap_or(0);
    (1..=reach)
        .rev()
        .filter(|n| contiguous(text, &tokens[i..i + n]))
        .find_map(|n| match_name(text, tokens, i, n, g, lower_words, &variants))
}

/// A reading of a name's first word (whole, or without a proclitic) and how far keys reach
/// from it ([`Gazetteer::prefix_reach`]).
struct Variant {
    key: String,
    /// Characters of the token's key before the name (a proclitic), for [`name_start`].
    skip: usize,
    /// Words a key reaches with spaces between them.
    spaced: usize,
    /// Words a key reaches run together (Arabic only; 0 otherwise).
    joined: usize,
}

/// The tokens follow each other within one sentence, separated only by spaces or a hyphen (or an
/// abbreviation's dot: St. Louis).
fn contiguous(text: &str, toks: &[Token]) -> bool {
    toks.windows(2).all(|w| {
        if w[0].sentence != w[1].sentence || w[0].script != w[1].script {
            return false;
        }
        let gap = &text[w[0].end..w[1].start];
        gap.chars().all(|c| c == ' ' || c == '-' || c == '\u{a0}')
            || (gap == ". " && w[0].key.len() <= 3 && w[0].capitalized)
    })
}

/// Folded keys of the first token with a proclitic removed, with how many characters of the
/// token's key come before the name ([`name_start`] finds its byte); the whole token comes first.
fn clitic_variants(tok: &Token) -> Vec<(String, usize)> {
    let mut v = vec![(tok.key.clone(), 0)];
    if tok.script != Script::Arabic {
        return v;
    }
    let chars: Vec<char> = tok.key.chars().collect();
    for p in AR_PROCLITICS {
        let plen = p.chars().count();
        if *p == "ال" || chars.len() < plen + 2 || !tok.key.starts_with(p) {
            continue;
        }
        let rest: String = chars[plen..].iter().collect();
        if p.ends_with("ال") {
            // The article belongs to the name: بالعراق -> العراق. A name that does not take the
            // article is never written with it (التركية is an adjective, not تركيا).
            v.push((format!("ال{rest}"), plen - 2));
        } else if p.ends_with("لل") {
            // ل + ال contracted: للعراق -> (ال)عراق; the verbatim name starts after لل.
            v.push((format!("ال{rest}"), plen));
        } else if rest.chars().count() >= 3 {
            v.push((rest, plen));
        }
    }
    v
}

/// Byte offset in `text` where a name starts that begins `skip` characters into `tok`'s key
/// (after a proclitic); computed only for a name found, since it folds the word again.
fn name_start(text: &str, tok: &Token, skip: usize) -> usize {
    if skip == 0 {
        tok.start
    } else {
        tok.source_offset(text, skip)
    }
}

/// A place famous enough to be named by a short or borrowed word: a country, a capital, a city of
/// a million, a continent, a sea or a curated region.
fn prominent(e: &Entry) -> bool {
    e.kind == PlaceKind::Country
        || e.capital
        || e.population >= 1_000_000
        || e.kind == PlaceKind::Water
        || e.id.starts_with("curated:")
}

/// Population from which a town is named by any of its alternate names in Latin script (see
/// [`plausible`]). On LGL and GeoWebNews, requiring 20,000 for a word that names only towns
/// through alternate names raised recognition F1 from 0.816 to 0.820 and 0.827 to 0.833
/// (5,000: 0.818, 0.832; 100,000: 0.819, 0.833).
const ALTERNATE_TOWN_MIN: u64 = 20_000;

/// Candidates of a key that the word may plausibly mean. In Arabic script, where no capital
/// letter marks a name: a key of three letters or fewer (or one reached by removing a proclitic
/// that leaves three letters) names only prominent places, since such words are mostly ordinary
/// (دون, هام, كشفت -> شفت); and a city reached only through an alternate spelling (often Persian or
/// Urdu) needs half a million people.
///
/// After a word that says a town or a province follows (مدينة رفح, بلدتي نبل), a key of three
/// letters may also name a town of 20,000 people or a province.
///
/// In Latin script, a single word that reaches only towns of fewer than [`ALTERNATE_TOWN_MIN`]
/// people, each through an alternate name, names none of them (see the rule in the body).
fn plausible(g: &Gazetteer, key: &str, first: &Token, settled: bool) -> Vec<EntryId> {
    let postings = g.lookup(key);
    if first.script != Script::Arabic {
        // A two-letter acronym names a country or a state (US, UK, NY) or a prominent place, never
        // a village that happens to be spelled with two letters (EU is not Eu, France).
        let acronym = first.all_caps && key.chars().count() <= 2;
        let kept: Vec<&Posting> = postings
            .iter()
            .filter(|p| {
                let e = g.entry(p.entry);
                !acronym || prominent(e) || e.kind == PlaceKind::Region
            })
            .collect();
        // A single word that reaches only small towns, each through one of its alternate names
        // (an old or foreign spelling: Kolonia, Micronesia is also "Colony"), is an ordinary
        // word; not after a word that says a town follows (the town of Ugledar), nor a capital
        // (Valetta), nor a town of unknown population.
        let named = settled
            || key.contains(' ')
            || kept.iter().any(|p| {
                let e = g.entry(p.entry);
                p.preferred
                    || e.kind != PlaceKind::City
                    || prominent(e)
                    || e.population == 0
                    || e.population >= ALTERNATE_TOWN_MIN
            });
        if !named {
            return Vec::new();
        }
        return kept.iter().map(|p| p.entry).collect();
    }
    let letters = key.chars().filter(|c| c.is_alphabetic()).count();
    let short = letters <= 3;
    postings
        .iter()
        .filter(|p| {
            let e = g.entry(p.entry);
            if short {
                // Short native names of large Arab cities (تعز, إب) stay possible.
                return prominent(e)
                    || (e.kind == PlaceKind::City
                        && e.population >= 200_000
                        && crate::analyze::ARAB_WORLD.contains(&e.cc))
                    || (settled
                        && letters == 3
                        && ((e.kind == PlaceKind::City && e.population >= 20_000)
                            || e.kind == PlaceKind::Region));
            }
            p.preferred || e.kind != PlaceKind::City || e.population >= 500_000
        })
        .map(|p| p.entry)
        .collect()
}

fn match_name(
    text: &str,
    tokens: &[Token],
    i: usize,
    n: usize,
    g: &Gazetteer,
    lower_words: &rustc_hash::FxHashSet<String>,
    variants: &[Variant],
) -> Option<Span> {
    let toks = &tokens[i..i + n];
    let first = &toks[0];
    let last = &toks[n - 1];
    if first.script == Script::Latin {
        // Capitalised first and last words; inner words capitalised or connectors.
        if !(first.capitalized || first.key.chars().next().is_some_and(|c| c.is_numeric())) {
            return None;
        }
        if !last.capitalized {
            return None;
        }
        if toks[1..n.max(2) - 1]
            .iter()
            .any(|t| !t.capitalized && !EN_CONNECTORS.contains(&t.key.as_str()))
        {
            return None;
        }
        // Short keys (two letters) only as acronyms: UK, US.
        if n == 1 && first.key.chars().count() <= 2 && !first.all_caps {
            return None;
        }
        let _ = lower_words;
    }
    // A word right before that says a town or a province follows
    // (مدينة, بمدينة, بلدتي, محافظة), with no definite word after the name (قرية أم الخير is a
    // longer name).
    let settled = first.script == Script::Arabic
        && prev_key(tokens, i).is_some_and(|p| settlement_word(&p.key).is_some())
        && tokens
            .get(i + n)
            .is_none_or(|nx| nx.sentence != first.sentence || !nx.key.starts_with("ال"));
    let countryside = first.script == Script::Arabic
        && n == 1
        && prev_key(tokens, i).is_some_and(|p| strip_preposition(strip_conj(&p.key)) == "ريف");
    let rest_key: String = toks[1..].iter().map(|t| format!(" {}", t.key)).collect();
    let rest_nospace: String = toks[1..].iter().map(|t| t.key.as_str()).collect();
    for v in variants {
        let k0 = &v.key;
        let mut keys = Vec::new();
        if v.spaced >= n {
            keys.push((format!("{k0}{rest_key}"), false));
        }
        if n > 1
            && v.joined >= n
            && first.script == Script::Arabic
            && k0.chars().count() >= 3
            && toks[1..].iter().all(|t| t.key.chars().count() >= 3)
        {
            // Words run together (كارا باخ = كاراباخ) only for a place's preferred spelling and
            // words of three letters or more: two short function words side by side (لا بل) can
            // spell some town's name.
            keys.push((format!("{k0}{rest_nospace}"), true));
        }
        for (key, joined) in keys {
            let mut c = plausible(g, &key, first, settled);
            // ريف حلب, بريف إدلب: the countryside of a town is the province named like it,
            // when there is one.
            if countryside && !c.is_empty() {
                let countries: Vec<&str> = c.iter().map(|e| g.entry(*e).cc).collect();
                let provinces: Vec<EntryId> = ["محافظه", "ولايه", "منطقه"]
                    .iter()
                    .flat_map(|head| g.lookup(&format!("{head} {key}")))
                    .map(|p| p.entry)
                    .filter(|e| {
                        let p = g.entry(*e);
                        p.kind == PlaceKind::Region && countries.contains(&p.cc)
                    })
                    .collect();
                if !provinces.is_empty() {
                    c = provinces;
                }
            }
            if joined {
                let preferred: Vec<EntryId> = g
                    .lookup(&key)
                    .iter()
                    .filter(|p| p.preferred)
                    .map(|p| p.entry)
                    .collect();
                c.retain(|e| preferred.contains(e));
            }
            if !c.is_empty() {
                let mut span = Span {
                    start: name_start(text, first, v.skip),
                    end: last.end,
                    first: i,
                    last: i + n,
                    form: MentionForm::Name,
                    key,
                    candidates: c,
                    sentence: first.sentence,
                    cue: Cue::None,
                    county: false,
                    spelled: false,
                };
                if first.script == Script::Arabic && n > 1 {
                    narrow(&mut span, tokens, k0, g);
                }
                return Some(span);
            }
        }
    }
    None
}

/// A capitalised word with a dot right after it, after the previous word and a comma: where a
/// state's abbreviation stands after a town ("Athens, Ga.", "Scranton, Pa."). The caller checks
/// that the previous word ends a place.
fn after_town(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.capitalized
        && text[t.end..].starts_with('.')
        && prev_key(tokens, i).is_some_and(|p| {
            let gap = &text[p.end..t.start];
            gap.starts_with(',') && gap[1..].chars().all(char::is_whitespace)
        })
}

/// Administrative descriptors that Arabic puts before a name (قطاع غزة, دولة قطر, إقليم كارا باخ).
/// They belong to the phrase, not to the name: the mention reports the name after them, while the
/// place stays the one the whole phrase names (the Gaza Strip, not the city of Gaza).
const AR_DESCRIPTORS: &[&str] = &[
    "قطاع",
    "دوله",
    "جمهوريه",
    "مملكه",
    "اماره",
    "سلطنه",
    "منطقه",
    "اقليم",
    "مدينه",
    "ولايه",
    "محافظه",
    "بلده",
    "قريه",
    "مقاطعه",
    "العاصمه",
    "عاصمه",
];

fn narrow(span: &mut Span, tokens: &[Token], first_key: &str, g: &Gazetteer) {
    let head = strip_conj(first_key);
    let head = head
        .strip_prefix('ب')
        .filter(|h| AR_DESCRIPTORS.contains(h))
        .unwrap_or(head);
    if span.last - span.first >= 2 && AR_DESCRIPTORS.contains(&head) {
        let a = span.first;
        span.start = tokens[a + 1].start;
        span.first = a + 1;
        span.cue = arabic_cue(head);
    }
    // An epithet after the name (مكة المكرمة, الصين الشعبية): when the words before it name the
    // same place, they are the name. The country's own adjective belongs to its official name
    // (الولايات المتحدة الأمريكية, المملكة العربية السعودية) and stays.
    let mut b = span.last - 1;
    while b > span.first {
        let dropped = &tokens[b].key;
        let own_adjective = g
            .adjective(dropped.strip_prefix("ال").unwrap_or(dropped))
            .is_some_and(|c| span.candidates.contains(&c));
        if own_adjective {
            return;
        }
        let from = span.first;
        let mut key = String::new();
        for (k, t) in tokens[from..b].iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            if k == 0 && span.start > t.start && span.start < t.end {
                // The first word carries a proclitic: use its stripped key.
                key.push_str(first_key);
            } else {
                key.push_str(&t.key);
            }
        }
        // Every reading of the longer name must survive: الخليج العربي names the Persian Gulf,
        // which الخليج alone (the Gulf states) does not.
        let found: Vec<EntryId> = g.lookup(&key).iter().map(|p| p.entry).collect();
        if span.candidates.is_empty() || !span.candidates.iter().all(|c| found.contains(c)) {
            return;
        }
        span.end = tokens[b - 1].end;
        span.key = key;
        b -= 1;
    }
}

/// An English adjective of two or three words at token `i` (Sri Lankan, South African, Papua
/// New Guinean), longest first.
fn match_long_adjective(text: &str, tokens: &[Token], i: usize, g: &Gazetteer) -> Option<Span> {
    let t = &tokens[i];
    if t.script != Script::Latin || !t.capitalized || !g.starts_adjective(&t.key) {
        return None;
    }
    (2..=3).rev().find_map(|n| {
        let words = tokens.get(i..i + n)?;
        if !words.iter().all(|w| w.capitalized) || !contiguous(text, words) {
            return None;
        }
        let key = words_key(words);
        let c = g.adjective(&key)?;
        Some(Span {
            start: t.start,
            end: words[n - 1].end,
            first: i,
            last: i + n,
            form: MentionForm::Adjective,
            key,
            candidates: vec![c],
            sentence: t.sentence,
            cue: Cue::None,
            county: false,
            spelled: false,
        })
    })
}

fn match_adjective(text: &str, tokens: &[Token], i: usize, g: &Gazetteer) -> Option<Span> {
    let t = &tokens[i];
    if t.script == Script::Latin && !t.capitalized {
        return None;
    }
    for (key, skip) in clitic_variants(t) {
        let key = key.strip_prefix("ال").map(str::to_string).unwrap_or(key);
        if let Some(c) = g.adjective(&key) {
            return Some(Span {
                start: if tokens[i].script == Script::Arabic {
                    name_start(text, t, skip)
                } else {
                    t.start
                },
                end: t.end,
                first: i,
                last: i + 1,
                form: MentionForm::Adjective,
                key,
                candidates: vec![c],
                sentence: t.sentence,
                cue: Cue::None,
                county: false,
                spelled: false,
            });
        }
    }
    None
}

/// A locative word right before the span (في لندن, إلى كلينتون, in Dortmund): whatever the text
/// used the word for before, here it is a place.
fn locative_before(text: &str, tokens: &[Token], span: &Span) -> bool {
    let t = &tokens[span.first];
    if t.script == Script::Arabic && span.start > t.start {
        // A proclitic ب or ل on the name itself (بلندن, لبولتون) is locative enough.
        let clitic = fold(&text[t.start..span.start]);
        if clitic
            .trim_start_matches(['و', 'ف'])
            .starts_with(['ب', 'ل'])
        {
            return true;
        }
    }
    prev_key(tokens, span.first).is_some_and(|p| {
        AR_LOCATIVES.contains(&strip_conj(&p.key))
            || matches!(p.key.as_str(), "in" | "at" | "near" | "outside")
    })
}

/// Arabic prepositions, particles and conjunctions after which a word is a noun, not an
/// adjective.
const AR_PREPOSITIONS: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "بين", "حول", "ضد", "نحو", "عبر", "داخل", "خارج", "منذ",
    "لدي", "عند", "تجاه", "الا", "و", "او", "ثم", "ان", "لان", "بان", "لكن", "حيث", "بعد", "قبل",
    "امام", "اذا", "اذ",
];

/// A country's name that is also its feminine adjective is the adjective after a noun it
/// qualifies, bare and with nothing attached: indefinite (تركية, روسية, old spellings of تركيا,
/// روسيا) after an indefinite word (مصادر تركية, قوات روسية); definite (السعودية) after a definite
/// nisba adjective or feminine plural (المحادثات الإسرائيلية السعودية, الشركات السعودية). After a
/// preposition, a conjunction, a verb or a name it stays the name. Either way the place is the
/// country; only the form differs.
fn feminine_nisba_after_noun(text: &str, tokens: &[Token], s: &Span, g: &Gazetteer) -> bool {
    let t = &tokens[s.first];
    if s.last - s.first != 1 || t.script != Script::Arabic || s.start != t.start {
        return false;
    }
    let Some(prev) = prev_key(tokens, s.first) else {
        return false;
    };
    // Only a word right before, with no punctuation between (زار مصر، سورية is a list).
    if prev.script != Script::Arabic || !text[prev.end..t.start].chars().all(char::is_whitespace) {
        return false;
    }
    let key = match t.key.strip_prefix("ال") {
        // A definite name that is also the definite adjective (السعودية) is the adjective after
        // a definite feminine word, noun or adjective: الشركات السعودية, العائلة المالكة
        // السعودية, المحادثات الإسرائيلية السعودية. (المملكة العربية السعودية is a longer name
        // and matched as one.)
        Some(stem) => {
            let definite_prev = ["ال", "وال", "بال", "فال", "لل", "ولل"]
                .iter()
                .any(|p| prev.key.starts_with(p));
            // A nisba adjective (الإسرائيلية, السيادية) or a feminine plural (الشركات); not a
            // name before it, where السعودية is an object (دعت الإمارات السعودية, حثت الأمم
            // المتحدة السعودية).
            let adjective_or_plural = prev.key.ends_with("يه") || prev.key.ends_with("ات");
            let a_name = !g.lookup(&prev.key).is_empty()
                || ["ال", "وال"].iter().any(|p| {
                    prev.key
                        .strip_prefix(p)
                        .is_some_and(|r| !g.lookup(r).is_empty())
                })
                || NOT_ADJECTIVE_HEADS.contains(&prev.key.as_str());
            if !definite_prev || !adjective_or_plural || a_name {
                return false;
            }
            stem
        }
        // Indefinite: not after a definite word, a preposition or a verb (a past tense in ت,
        // أكدت سورية, قالت سورية, has the name as its subject).
        None => {
            if prev.key.starts_with("ال")
                || AR_PREPOSITIONS.contains(&prev.key.as_str())
                || (prev.key.ends_with('ت') && !prev.key.ends_with("ات"))
            {
                return false;
            }
            t.key.as_str()
        }
    };
    if !text[t.start..t.end].ends_with('ة') {
        return false;
    }
    g.adjective(key)
        .is_some_and(|c| s.candidates.contains(&c) && g.entry(c).kind == PlaceKind::Country)
}

/// Definite words in ه or ات that end a name rather than qualify a noun: the Arab in المملكة
/// العربية السعودية, the International of منظمة العفو الدولية.
const NOT_ADJECTIVE_HEADS: &[&str] = &["العربيه", "الدوليه"];

/// Masculine nouns that head a facility named after a town (معبر السلوم المصري, سجن صيدنايا
/// السوري): the adjective after the town agrees with them. The cue words among them (ميناء,
/// مطار) are already known to [`cue_before`].
const AR_MASCULINE_HEADS: &[&str] = &[
    "معبر",
    "مرفا",
    "سجن",
    "مخيم",
    "مصنع",
    "مستشفي",
    "ملعب",
    "منفذ",
    "مركز",
    "ريف",
];

/// `key` is the masculine nisba adjective (الفرنسي, not الفرنسيه) of the country of every
/// candidate of `span`, and every candidate is a town of that country or the country itself.
fn masculine_adjective_of_its_country(span: &Span, key: &str, g: &Gazetteer) -> bool {
    let Some(stem) = key.strip_prefix("ال") else {
        return false;
    };
    if !stem.ends_with('ي') {
        return false;
    }
    let Some(country) = g.adjective(stem) else {
        return false;
    };
    let cc = &g.entry(country).cc;
    // A country with its own masculine adjective (قطر القطري) is a club as well.
    !span.candidates.is_empty()
        && span.candidates.iter().all(|c| {
            let e = g.entry(*c);
            (e.kind == PlaceKind::City && &e.cc == cc) || *c == country
        })
}

/// Words written in lower case somewhere in the text: a capitalised sentence-initial occurrence
/// of one of them is an ordinary word, not a name.
fn lowercase_vocabulary(text: &str, tokens: &[Token]) -> rustc_hash::FxHashSet<String> {
    let _ = text;
    tokens
        .iter()
        .filter(|t| t.script == Script::Latin && !t.capitalized)
        .map(|t| t.key.clone())
        .collect()
}

/// A cue word (مدينة, ولاية, city) stands right before token `i`.
fn cue_before(tokens: &[Token], i: usize) -> bool {
    prev_key(tokens, i).is_some_and(|p| {
        let k = strip_conj(&p.key);
        arabic_cue(k).any()
            || arabic_cue(strip_preposition(k)).any()
            // In lower case only: "the town Cottonport", but "City Council" is a name.
            || (!p.capitalized
                && matches!(
                    p.key.as_str(),
                    "city" | "town" | "village" | "province" | "state"
                ))
    })
}

/// The text between `start` and `end` is enclosed in quotation marks.
fn quoted(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\u{640}']);
    let after = text[end..].trim_start_matches(' ');
    let open = before.chars().next_back();
    let close = after.chars().next();
    matches!(
        (open, close),
        (Some('«'), Some('»')) | (Some('"'), Some('"')) | (Some('“'), Some('”'))
    )
}

/// The key of the token before `i`, with Arabic proclitics removed, if it is in the same sentence.
fn prev_key(tokens: &[Token], i: usize) -> Option<&Token> {
    if i == 0 || tokens[i - 1].sentence != tokens[i].sentence {
        None
    } else {
        Some(&tokens[i - 1])
    }
}

/// The key without a leading preposition ب or ل (بمدينة -> مدينة), for a word already without
/// its conjunction ([`strip_conj`]).
fn strip_preposition(key: &str) -> &str {
    key.strip_prefix('ب')
        .or_else(|| key.strip_prefix('ل'))
        .unwrap_or(key)
}

fn strip_conj(key: &str) -> &str {
    key.strip_prefix('و')
        .or_else(|| key.strip_prefix('ف'))
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(key)
}

/// General context rules. Returns false for a span that is an ordinary word or part of the name
/// of a person or an organisation.
fn keep(text: &str, tokens: &[Token], span: &mut Span, g: &Gazetteer, ctx: &Context) -> bool {
    // "The US" opening a sentence: the article is no part of a name that stands without it, as
    // it does in mid-sentence ("the US"); the readings of the longer name are kept. Not where
    // the article belongs to the usual name (The Hague, The Gambia).
    if span.last - span.first > 1
        && tokens[span.first].script == Script::Latin
        && tokens[span.first].key == "the"
        && tokens[span.first].sentence_initial
        && !g
            .lookup(&span.key)
            .iter()
            .any(|p| p.preferred && span.candidates.contains(&p.entry))
    {
        let key = words_key(&tokens[span.first + 1..span.last]);
        if g.has_name(&key) {
            span.first += 1;
            span.start = tokens[span.first].start;
            span.key = key;
        }
    }
    // "North East Texas": directions before the name of a state or a country say which part of
    // it they mean; they are no town (North East, Maryland).
    let directions_before_region = span.form == MentionForm::Name
        && tokens[span.first..span.last]
            .iter()
            .all(|t| t.script == Script::Latin && EN_DIRECTIONS.contains(&t.key.as_str()))
        && tokens.get(span.last).is_some_and(|nx| {
            nx.capitalized
                && nx.sentence == tokens[span.first].sentence
                && &text[tokens[span.last - 1].end..nx.start] == " "
                && g.lookup(&nx.key).iter().any(|c| {
                    matches!(
                        g.entry(c.entry).kind,
                        PlaceKind::Region | PlaceKind::Country
                    )
                })
        });
    if directions_before_region {
        return false;
    }
    let lower_words = &ctx.lower_words;
    let first = &tokens[span.first];
    let n = span.last - span.first;
    let is_country = span
        .candidates
        .iter()
        .any(|c| g.entry(*c).kind == crate::model::PlaceKind::Country);
    // The stop-list yields to a cue word (مدينة البيضاء) and to a whole phrase that is a name
    // (منطقة الساحل: the Sahel, though الساحل alone is mostly "the coast").
    let narrowed = span.start > first.start && first.script == Script::Arabic;
    let verbatim_key = fold(&text[span.start..span.end]);
    // A lone direction (الشمال, الجنوب, الشرق, الغرب) is no place name, though some province
    // abroad is called that; nor is a cue word itself (مدينة).
    if span.form == MentionForm::Name
        && first.script == Script::Arabic
        && (AR_DIRECTIONS.contains(&span.key.as_str()) || arabic_cue(strip_conj(&span.key)).any())
    {
        return false;
    }
    if span.form == MentionForm::Name
        && !cue_before(tokens, span.first)
        && (g.is_stopword(&span.key) || (!narrowed && g.is_stopword(&verbatim_key)))
    {
        return false;
    }
    if first.script == Script::Arabic && span.form == MentionForm::Name {
        let own_last = &tokens[span.last - 1];
        let next_is_tail = tokens.get(span.last).is_some_and(|t| {
            t.sentence == first.sentence && AR_MEDIA_TAILS.contains(&t.key.as_str())
        });
        if next_is_tail || AR_MEDIA_TAILS.contains(&strip_conj(&own_last.key)) {
            return false;
        }
    }
    // A macro-region standing alone in quotation marks is the title of a newspaper or a
    // programme («الشرق الأوسط»), not the place; a town in quotes is still the town.
    if span.form == MentionForm::Name
        && quoted(text, span.start, span.end)
        && span.candidates.iter().all(|c| g.entry(*c).continent)
    {
        return false;
    }
    // Tanween marks an indefinite noun or an adverb (دوماً), never a place name.
    if span.form == MentionForm::Name
        && text[span.start..span.end]
            .chars()
            .any(|c| matches!(c, '\u{064B}' | '\u{064C}' | '\u{064D}'))
    {
        return false;
    }
    if span.form == MentionForm::Name
        && n == 1
        && !is_country
        && ctx.surnames.borrow().contains(&span.key)
        && !cue_before(tokens, span.first)
        && !locative_before(text, tokens, span)
    {
        return false;
    }
    let prev = prev_key(tokens, span.first);
    let next = tokens
        .get(span.last)
        .filter(|t| t.sentence == first.sentence && t.script == first.script);
    match first.script {
        Script::Arabic => {
            // A town takes the feminine (ليون الفرنسية); a town's name with its country's
            // masculine adjective is its club or a person (ليون الفرنسي, برشلونة الإسباني),
            // unless a masculine head noun stands before it (ميناء كاليه الفرنسي).
            if span.form == MentionForm::Name
                && !cue_before(tokens, span.first)
                && !prev.is_some_and(|p| AR_MASCULINE_HEADS.contains(&strip_conj(&p.key)))
                && next.is_some_and(|nx| masculine_adjective_of_its_country(span, &nx.key, g))
            {
                return false;
            }
            if let Some(p) = prev {
                let pk = strip_conj(&p.key);
                let pk2 = strip_preposition(pk);
                if !span.cue.any() {
                    span.cue = [p.key.as_str(), pk, pk2]
                        .iter()
                        .map(|k| arabic_cue(k))
                        .find(|c| c.any())
                        .unwrap_or(Cue::None);
                }
                // An organisation's head noun right before the name (no punctuation between).
                let gap = &text[p.end..span.start];
                let tight = gap.chars().all(|c| c.is_whitespace());
                if tight
                    // The word itself too: a head that begins with ف (فندق) is not
                    // a conjunction and its rest.
                    && [p.key.as_str(), pk, pk2]
                        .iter()
                        .any(|k| AR_ORG_HEADS.contains(k))
                    && span.form == MentionForm::Name
                {
                    return false;
                }
                if span.form == MentionForm::Name
                    && AR_DEFINITE_NUMBERS.contains(&span.key.as_str())
                    && (next.is_some_and(|t| AR_COUNTED.contains(&t.key.as_str()))
                        || (!span.cue.any() && !locative_before(text, tokens, span)))
                {
                    return false;
                }
                // A learned given name right before: the name is a surname (بيل كلينتون).
                if tight && g.is_given_name(pk) && span.form == MentionForm::Name && !is_country {
                    ctx.surname(span, g);
                    return false;
                }
                // In a sentence about sport a city without a locative before it is its club.
                let all_cities = span
                    .candidates
                    .iter()
                    .all(|c| g.entry(*c).kind == PlaceKind::City);
                let clitic = span.start > first.start;
                if all_cities
                    && span.form == MentionForm::Name
                    && !clitic
                    && !AR_LOCATIVES.contains(&pk)
                    && ctx.sport_sentences.contains(&first.sentence)
                {
                    return false;
                }
                if tight
                    && AR_PERSON_CUES.contains(&pk)
                    && span.form == MentionForm::Name
                    && !is_country
                {
                    ctx.surname(span, g);
                    return false;
                }
            }
            true
        }
        Script::Latin => {
            // A common English given name as this text uses it: not a month, nor a word the
            // text also writes in lower case.
            let given_name = |t: &Token| {
                g.is_english_given_name(&t.key)
                    && !EN_CALENDAR.contains(&t.key.as_str())
                    && !ctx.lower_words.contains(&t.key)
            };
            if let Some(p) = prev {
                if EN_PLACE_CUES.contains(&p.key.as_str()) {
                    // "the city of Jackson", "the state of Georgia": the word before "of" names
                    // the kind.
                    let kind_word = if p.key == "of" {
                        prev_key(tokens, span.first - 1).map_or("", |q| q.key.as_str())
                    } else {
                        p.key.as_str()
                    };
                    span.cue = match kind_word {
                        "city" | "town" | "village" | "capital" | "port" => Cue::City,
                        "province" | "state" | "region" => Cue::Region,
                        _ => Cue::Place,
                    };
                }
                let gap = &text[p.end..first.start];
                if EN_PERSON_CUES.contains(&p.key.as_str())
                    && p.capitalized
                    && (gap == " " || gap == ". ")
                    && !is_country
                {
                    if !matches!(p.key.as_str(), "st" | "saint") {
                        ctx.surname(span, g);
                    }
                    return false;
                }
                // The last word of the name of a street, a building or an organisation (Nelson
                // Street, Grove Road, Central Bank) is no town, though some English village is
                // called Street.
                if n == 1
                    && p.capitalized
                    && gap == " "
                    && span.form == MentionForm::Name
                    && is_name_tail(&first.key)
                {
                    return false;
                }
                // After a common given name (David Ragland, Michael Jordan) a single word is a
                // surname, unless the text writes that name in lower case too. A country or a
                // state is no surname after a given name that names a country, a state or a
                // town of 10,000 people itself (Georgia Tennessee, Dallas Texas, Adelaide
                // Australia: a list, or a town and its state).
                // The town must lie in that country: "David Jordan" (David, Panama) is a person.
                let countries: Vec<&str> = span
                    .candidates
                    .iter()
                    .map(|c| g.entry(*c))
                    .filter(|e| matches!(e.kind, PlaceKind::Country | PlaceKind::Region))
                    .map(|e| e.cc)
                    .collect();
                let state_or_country = !countries.is_empty();
                let given_is_place = || {
                    g.lookup(&p.key).iter().any(|c| {
                        let e = g.entry(c.entry);
                        matches!(e.kind, PlaceKind::Country | PlaceKind::Region)
                            || (e.population >= GIVEN_NAME_TOWN_MIN && countries.contains(&e.cc))
                    })
                };
                if n == 1
                    && p.capitalized
                    && gap == " "
                    && span.form == MentionForm::Name
                    && given_name(p)
                    && !(state_or_country && given_is_place())
                {
                    ctx.surname(span, g);
                    return false;
                }
                // Part of a longer capitalised name whose other word is no place: a person
                // (George Washington) unless that word is geographic (North Carolina's "North").
                // A word that only some hamlet is called (Meadow, Texas) is no place either: "a
                // Meadow Grove man" is from Meadow Grove, not from a Grove; a state, a country
                // or a town of some size before a name makes a list (Dallas Texas). Neither word
                // is a person's name then, so the name's other mentions stay.
                let other_place = || {
                    g.lookup(&p.key).iter().any(|c| {
                        let e = g.entry(c.entry);
                        e.kind != PlaceKind::City || e.population >= GIVEN_NAME_TOWN_MIN
                    })
                };
                if p.capitalized
                    && !p.sentence_initial
                    && gap == " "
                    && span.form == MentionForm::Name
                    && !is_country
                    && !EN_GEO_WORDS.contains(&p.key.as_str())
                    && !EN_CALENDAR.contains(&p.key.as_str())
                {
                    if !g.has_name(&p.key) {
                        ctx.surname(span, g);
                        return false;
                    }
                    // (Only this mention: "Rodeo Gainesville", a dealer's name, leaves the
                    // article's other Gainesvilles alone.)
                    if !other_place() {
                        return false;
                    }
                }
            }
            // A common given name right before another capitalised word is a person's first
            // name (Phillip Bradley, Nikki Lynn Barlow), not a town named like it; not before a
            // word of geography or of a street (Lincoln Park) or a country's or a state's name
            // (Lincoln Nebraska), nor a name that is a country's or a state's too, nor a town of
            // 100,000 people (Dallas Cowboys).
            if n == 1
                && span.form == MentionForm::Name
                && first.capitalized
                && !first.all_caps
                && given_name(first)
                && span.candidates.iter().all(|c| {
                    let e = g.entry(*c);
                    e.kind == PlaceKind::City && e.population < FIRST_NAME_TOWN_MAX
                })
                && !prev.is_some_and(|p| EN_LOCATIVES.contains(&p.key.as_str()))
                && next.is_some_and(|nx| {
                    nx.capitalized
                        && !nx.all_caps
                        && &text[first.end..nx.start] == " "
                        && !EN_GEO_WORDS.contains(&nx.key.as_str())
                        && !EN_CALENDAR.contains(&nx.key.as_str())
                        && !EN_TOWN_HEADS.contains(&nx.key.as_str())
                        && !is_name_tail(&nx.key)
                        && !g.lookup(&nx.key).iter().any(|c| {
                            matches!(
                                g.entry(c.entry).kind,
                                PlaceKind::Country | PlaceKind::Region
                            )
                        })
                })
            {
                return false;
            }
            // A name with an age after it (Shelton, 33, of Bridgeport) is a person's, here and
            // wherever the text names the person again.
            // Not in a list of numbers (Fallujah, 12, Ramadi, 7, ...), not after a place word,
            // and only a single word that names towns (Florida, 29, is a state's tally).
            let number = |t: &Token| t.key.len() <= 3 && t.key.bytes().all(|b| b.is_ascii_digit());
            let aged = n == 1
                && tokens.get(span.last).is_some_and(|nx| {
                    nx.sentence == first.sentence
                        && &text[first.end..nx.start] == ", "
                        && number(nx)
                        && text[nx.end..].starts_with(',')
                })
                && !prev.is_some_and(|p| number(p) || EN_PLACE_CUES.contains(&p.key.as_str()))
                && span
                    .candidates
                    .iter()
                    .all(|c| g.entry(*c).kind == PlaceKind::City);
            if aged && span.form == MentionForm::Name && !is_country {
                ctx.surname(span, g);
                return false;
            }
            if let Some(nx) = next {
                let gap = &text[tokens[span.last - 1].end..nx.start];
                // A country or state inside an organisation's name (Texas Department of ...)
                // still names the place; a city there names a newspaper or a club. So does a
                // country's acronym (the U.S. Army, the UK Border Force), which no person or
                // street is called.
                // Dotted (U.S.) or of three capitals at most (US, UK, UAE), before a word that is
                // not in capitals itself (a headline in capitals has no acronyms to tell).
                let acronym = !nx.all_caps
                    && (text[span.start..span.end].contains('.')
                        || tokens[span.first..span.last]
                            .iter()
                            .any(|t| t.all_caps && t.key.chars().count() <= 3));
                let state = (is_country && acronym)
                    || g.lookup(&span.key).iter().any(|p| {
                        let e = g.entry(p.entry);
                        p.preferred
                            && span.candidates.contains(&p.entry)
                            && (e.kind == PlaceKind::Country
                                || (e.kind == PlaceKind::Region && !e.continent))
                    });
                // Media words name an outlet even in lower case (the Turan news agency).
                let media = matches!(
                    nx.key.as_str(),
                    "news" | "agency" | "newspaper" | "daily" | "radio" | "television" | "channel"
                );
                // A street named after a state or a region is a street (Nelson Street,
                // Virginia Avenue); a country before such a word is not (Iraq Road Bombing, a
                // headline), nor a state before a highway's word (the Florida Turnpike runs in
                // Florida).
                let street = !is_country && is_urban_street_word(&nx.key);
                // A town's council is the town's (the Kansas City Council), where other bodies
                // are named after no town. Not a hall (Carnegie Hall) or a commission.
                let town_office = nx.key == "council"
                    && span
                        .candidates
                        .iter()
                        .any(|&c| g.entry(c).kind == PlaceKind::City);
                if (nx.capitalized || media)
                    && (gap == " " || gap == "-")
                    && is_name_tail(&nx.key)
                    && !town_office
                    && span.form == MentionForm::Name
                    && (!state || street)
                {
                    return false;
                }
                // The first words of a longer street name (Moss Side Avenue, Garnett Ridge
                // Drive): one or two more capitalised words, then the street word. Only for a
                // small town's name: a road named after a state or a large city usually leads
                // there (Indiana Toll Road, Baghdad Airport Road, Baltimore Pike).
                let small_town = span.candidates.iter().all(|&c| {
                    let e = g.entry(c);
                    e.kind == PlaceKind::City && e.population < 100_000
                });
                if small_town && !is_country && span.form == MentionForm::Name && gap == " " {
                    let rest = &tokens[span.last..tokens.len().min(span.last + 3)];
                    let ends = |w: &Token| w.capitalized && is_street_word(&w.key);
                    let street_at = rest
                        .iter()
                        .enumerate()
                        .skip(1)
                        .find_map(|(k, w)| ends(w).then_some(k));
                    if let Some(k) = street_at {
                        let joined = (0..k).all(|j| {
                            rest[j].capitalized
                                && rest[j].sentence == first.sentence
                                && &text[rest[j].end..rest[j + 1].start] == " "
                        });
                        if joined {
                            return false;
                        }
                    }
                }
                // A small town's name that says something (Anderson said) is a person's; a
                // capital, a large city, a state or a province speaking is its government (Moscow
                // said, Texas said), and after a place word it is a place (officials in Fallujah
                // said). Only this mention: a town's council can speak too (Gainesville said),
                // so the name is not taken for a surname elsewhere.
                if n == 1
                    && gap == " "
                    && span.form == MentionForm::Name
                    && !is_country
                    && EN_SPEECH_VERBS.contains(&nx.key.as_str())
                    && !prev.is_some_and(|p| EN_PLACE_CUES.contains(&p.key.as_str()))
                    && span.candidates.iter().all(|c| {
                        let e = g.entry(*c);
                        e.kind == PlaceKind::City && !prominent(e)
                    })
                {
                    return false;
                }
                if nx.capitalized
                    && gap == " "
                    && !EN_GEO_WORDS.contains(&nx.key.as_str())
                    && !EN_CALENDAR.contains(&nx.key.as_str())
                    && !EN_CIVIC.contains(&nx.key.as_str())
                    && span.form == MentionForm::Name
                    && !g.has_name(&nx.key)
                {
                    if is_country && acronym {
                        // The U.S. Army, a U.S. Senator: the country as a modifier, like an
                        // adjective (American), and weighed as one in resolution.
                        span.form = MentionForm::Adjective;
                        span.candidates
                            .retain(|&c| g.entry(c).kind == PlaceKind::Country);
                    } else if !state {
                        return false;
                    }
                }
            }
            // A lone direction or generic word (West, North, Valley) is no place name, though
            // some province abroad is called that.
            if n == 1 && EN_GEO_WORDS.contains(&first.key.as_str()) {
                return false;
            }
            // A sentence-initial single word that the text also writes in lower case.
            if n == 1 && first.sentence_initial && lower_words.contains(&first.key) {
                return false;
            }
            true
        }
        Script::Other => false,
    }
}
