//! Cue words around a trigger: negation (لم, not), modality (تنوي, intends to), attribution
//! (حسب, according to), locative prepositions before a place (في, near), clause openers, and
//! the groups and organisations that act (الشرطة, police, حلف الناتو, NATO).
//!
//! All keys are folded (see [`crate::text::fold`]); Arabic keys are also tried without a
//! leading conjunction (و, ف).

use crate::text::{fold, Token};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// A class of cue word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// لم, لن, لا, not, never.
    Negation,
    /// تنوي, يعتزم, سوف, will, plans, احتمال, whether: what follows is intended or only possible,
    /// not done.
    Intent,
    /// المرتقبة, المزمع: after a noun, the event is expected.
    IntentAfter,
    /// حسب, تقارير, reportedly, according to: the event is reported by someone.
    Report,
    /// في, قرب, near, in: a place after it is where something happens.
    Locative,
    /// لكن, بينما, but, while: a new clause starts.
    Clause,
    /// أعرب, expressed, lodged: a protest word after it is an official complaint.
    Expressed,
    /// وزارة, الحكومة, ministry: officials act.
    Official,
    /// عسكري, military, financial: support of this kind is aid.
    Material,
    /// دولار, dollar: an adjective after it (دولار أميركي) names a currency, not an actor.
    Currency,
    /// رئيس, سفير, president of, citizens of: a place right after it qualifies a person
    /// (رئيس فرنسا, سفير أذربيجان) rather than locating the event; so does a topic word
    /// (بشأن سوريا, about Iraq).
    Qualifier,
    /// أمام, outside: what follows is a place, not an actor (أمام السفارة).
    Front,
    /// إرسال, تقديم, provide, send: support that is sent or provided is aid.
    Provide,
    /// مباراة, الدوري, game, season: a sports report, where clashes and attacks are play.
    Sport,
    /// وكالة, صحيفة, التلفزيون, agency, television: a medium. A country named in its name
    /// (وكالة الصحافة الفرنسية, Iranian state television) is the source of a report, not an
    /// actor of the event.
    Media,
}

const CUES: &[(Cue, &[&str])] = &[
    (
        Cue::Negation,
        &[
            "لم",
            "لن",
            "لا",
            "ليس",
            "ليست",
            "ليسوا",
            "عدم",
            "not",
            "never",
            "no",
            "didn't",
            "don't",
            "doesn't",
            "won't",
            "wasn't",
            "weren't",
            "isn't",
            "aren't",
            "hasn't",
            "haven't",
            "hadn't",
            "couldn't",
            "wouldn't",
            "can't",
            "cannot",
            "didnt",
            "dont",
        ],
    ),
    (
        Cue::Intent,
        &[
            "تنوي",
            "ينوي",
            "ينوون",
            "نوت",
            "نوى",
            "يعتزم",
            "تعتزم",
            "يعتزمون",
            "اعتزم",
            "اعتزمت",
            "يخطط",
            "تخطط",
            "يخططون",
            "خطط",
            "خطة",
            "الخطط",
            "خططا",
            "يسعى",
            "تسعى",
            "يسعون",
            "يريد",
            "تريد",
            "يريدون",
            "يرغب",
            "ترغب",
            "يستعد",
            "تستعد",
            "يستعدون",
            "استعدادا",
            "سوف",
            "المقرر",
            "المتوقع",
            "يتوقع",
            "يُتوقع",
            "أمل",
            "بهدف",
            "أجل",
            "اقترح",
            "اقترحت",
            "يقترح",
            "تقترح",
            "عرض",
            "عرضت",
            "will",
            "would",
            "could",
            "might",
            "shall",
            "plan",
            "plans",
            "planned",
            "planning",
            "intend",
            "intends",
            "intended",
            "want",
            "wants",
            "seek",
            "seeks",
            "sought",
            "propose",
            "proposed",
            "proposes",
            "vowed",
            "vows",
            "expected",
            "possible",
            "potential",
            "upcoming",
            "future",
            "offered",
            "aims",
            "hopes",
            "threatened",
            "ضرورة",
            "لتنفيذ",
            // Made or brought for use in an act (لاستخدامها في عمليات إرهابية).
            "لاستخدامها",
            "لاستخدامه",
            "لاستخدامهم",
            "لاستعمالها",
            "لاستعماله",
            "لارتكاب",
            "لشن",
            "للقيام",
            "need",
            "needs",
            // Obligation: what should be done is not done yet ("should be investigated", يجب).
            "should",
            "must",
            "ought",
            "يجب",
            "ينبغي",
            "يتعين",
            "لابد",
            "بد",
            // Possibility, rumour, conditions and open questions: the event has not happened.
            "if",
            "unless",
            "إذا",
            "لو",
            "احتمال",
            "احتمالات",
            "إمكانية",
            "امكانية",
            "إشاعة",
            "إشاعات",
            "شائعات",
            "possibility",
            "possibly",
            "likelihood",
            "whether",
            "rumor",
            "rumors",
            "rumour",
            "rumours",
        ],
    ),
    (
        Cue::IntentAfter,
        &[
            "المرتقبة",
            "المرتقب",
            "المزمع",
            "المزمعة",
            "المقبل",
            "المقبلة",
            "المقررة",
            "المحتمل",
            "المحتملة",
            "المنتظر",
            "المنتظرة",
            "المرتقبين",
        ],
    ),
    (
        Cue::Report,
        &[
            "حسب",
            "بحسب",
            "وفقا",
            "وفق",
            "نقلا",
            "تقارير",
            "أنباء",
            "مزاعم",
            "زعم",
            "زعمت",
            "مزعوم",
            "المزعوم",
            "المزعومة",
            "يعتقد",
            "يُعتقد",
            "reportedly",
            "allegedly",
            "alleged",
            "according",
            "reports",
            "rumored",
            "purportedly",
            "claimed",
            "claims",
        ],
    ),
    (
        Cue::Locative,
        &[
            "في",
            "قرب",
            "بالقرب",
            "أمام",
            "داخل",
            "لدى",
            "عند",
            "شمال",
            "جنوب",
            "شرق",
            "غرب",
            "شمالي",
            "جنوبي",
            "شرقي",
            "غربي",
            "محيط",
            "ضواحي",
            "مدينة",
            "بلدة",
            "قرية",
            "العاصمة",
            "ريف",
            "محافظة",
            "منطقة",
            "إقليم",
            "ولاية",
            "مخيم",
            "حي",
            "in",
            "at",
            "near",
            "outside",
            "inside",
            "across",
            "around",
            "throughout",
        ],
    ),
    (
        Cue::Clause,
        &[
            "لكن",
            "لكنه",
            "لكنها",
            "لكنهم",
            "ولكن",
            "بينما",
            "حيث",
            "فيما",
            "إلا",
            "but",
            "while",
            "whereas",
            "although",
            "though",
        ],
    ),
    (
        Cue::Expressed,
        &[
            "أعرب",
            "أعربت",
            "أعربوا",
            "يعرب",
            "تعرب",
            "عبر",
            "عبرت",
            "أبدى",
            "أبدت",
            "قدم",
            "قدمت",
            "سلم",
            "سلمت",
            "expressed",
            "lodged",
            "filed",
            "registered",
            "voiced",
        ],
    ),
    (
        Cue::Official,
        &[
            "وزارة",
            "الوزارة",
            "الخارجية",
            "الحكومة",
            "حكومة",
            "الرئاسة",
            "وزير",
            "الوزير",
            "السفير",
            "سفير",
            "البرلمان",
            "السفارة",
            "سفارة",
            "ministry",
            "minister",
            "government",
            "embassy",
            "ambassador",
            "foreign",
            "parliament",
        ],
    ),
    (
        Cue::Material,
        &[
            "عسكري",
            "عسكريا",
            "العسكري",
            "مالي",
            "ماليا",
            "المالي",
            "اقتصادي",
            "اقتصاديا",
            "إنساني",
            "الإنساني",
            "لوجستي",
            "الاقتصاد",
            "اقتصاد",
            "economy",
            "لوجستيا",
            "بالسلاح",
            "بالأسلحة",
            "military",
            "financial",
            "humanitarian",
            "economic",
            "logistical",
        ],
    ),
    (
        Cue::Qualifier,
        &[
            "رئيس",
            "الرئيس",
            "سفير",
            "السفير",
            "سفيرة",
            "ملك",
            "أمير",
            "وزير",
            "مبعوث",
            "المبعوث",
            "زعيم",
            "رئيسة",
            "حكومة",
            "مواطني",
            "مواطنو",
            "سكان",
            "أهالي",
            "president",
            "ambassador",
            "king",
            "queen",
            "minister",
            "leader",
            "officer",
            "citizen",
            "citizens",
            "native",
            "natives",
            "envoy",
            "secretary",
            "government",
            // A destination, not the scene: سيطرت على المعسكر أثناء انطلاقها باتجاه عدن.
            "باتجاه",
            "صوب",
            "towards",
            "toward",
            // A neighbour, not the scene: قصف الزبداني الحدودية مع لبنان, bordering Lebanon.
            "bordering",
            // A topic, not a scene: اتفاق بشأن سوريا, talks about Iraq.
            "بشأن",
            "إزاء",
            "حيال",
            "about",
            "regarding",
            "concerning",
        ],
    ),
    (
        Cue::Provide,
        &[
            "إرسال",
            "بإرسال",
            "ارسال",
            "تقديم",
            "بتقديم",
            "قدم",
            "قدمت",
            "provide",
            "provided",
            "providing",
            "provides",
            "send",
            "sent",
            "sending",
        ],
    ),
    (
        Cue::Sport,
        &[
            "مباراة",
            "المباراة",
            "مباريات",
            "الدوري",
            "كأس",
            "منتخب",
            "المنتخب",
            "لاعب",
            "اللاعب",
            "لاعبي",
            "الملعب",
            "game",
            "games",
            "season",
            "coach",
            "tournament",
            "championship",
            "playoff",
            "playoffs",
            "quarterback",
            "inning",
            "innings",
            "scored",
            "striker",
            "stadium",
            "teams",
        ],
    ),
    (Cue::Front, &["أمام", "قرب", "outside", "near"]),
    (
        Cue::Media,
        &[
            "وكالة",
            "لوكالة",
            "بوكالة",
            "وكالات",
            "لوكالات",
            "صحيفة",
            "لصحيفة",
            "بصحيفة",
            "الصحيفة",
            "للصحيفة",
            "صحف",
            "الصحف",
            "جريدة",
            "لجريدة",
            "مجلة",
            "لمجلة",
            "قناة",
            "لقناة",
            "القناة",
            "للقناة",
            "إذاعة",
            "لإذاعة",
            "الإذاعة",
            "للإذاعة",
            "تلفزيون",
            "لتلفزيون",
            "التلفزيون",
            "للتلفزيون",
            "التلفزة",
            "agency",
            "news",
            "press",
            "television",
            "tv",
            "radio",
            "newspaper",
            "media",
            "broadcaster",
            "channel",
        ],
    ),
    (
        Cue::Currency,
        &[
            "دولار",
            "دولارا",
            "يورو",
            "جنيه",
            "ريال",
            "دينار",
            "درهم",
            "ليرة",
            "dollar",
            "dollars",
        ],
    ),
];

/// Groups and organisations that act, by their Arabic or English words (a phrase of up to four
/// words), and the English label they get as actors.
const ACTORS: &[(&str, &[&str])] = &[
    (
        "police",
        &[
            "الشرطة",
            "شرطة",
            "police",
            "policemen",
            "officers",
            "deputies",
            "sheriff",
        ],
    ),
    (
        "army",
        &["الجيش", "جيش", "army", "soldiers", "troops", "military"],
    ),
    ("armed forces", &["القوات المسلحة"]),
    (
        "security forces",
        &["قوات الأمن", "الأجهزة الأمنية", "security forces"],
    ),
    (
        "protesters",
        &[
            "المتظاهرون",
            "المتظاهرين",
            "متظاهرون",
            "متظاهرين",
            "المحتجون",
            "المحتجين",
            "محتجون",
            "محتجين",
            "protesters",
            "protestors",
            "demonstrators",
        ],
    ),
    ("opposition", &["المعارضة", "opposition"]),
    ("government", &["الحكومة", "government"]),
    ("authorities", &["السلطات", "سلطات", "authorities"]),
    (
        "foreign ministry",
        &[
            "وزارة الخارجية",
            "الخارجية",
            "foreign ministry",
            "state department",
        ],
    ),
    (
        "interior ministry",
        &["وزارة الداخلية", "الداخلية", "interior ministry"],
    ),
    (
        "defence ministry",
        &["وزارة الدفاع", "defense ministry", "defence ministry"],
    ),
    (
        "gunmen",
        &[
            "مسلحون",
            "مسلحين",
            "المسلحون",
            "المسلحين",
            "gunmen",
            "gunman",
            "militants",
        ],
    ),
    (
        "rebels",
        &["المتمردون", "المتمردين", "متمردون", "rebels", "insurgents"],
    ),
    (
        "militias",
        &[
            "الميليشيات",
            "ميليشيات",
            "المليشيات",
            "ميليشيا",
            "militia",
            "militias",
        ],
    ),
    (
        "Houthis",
        &["الحوثيون", "الحوثيين", "جماعة الحوثي", "houthis", "houthi"],
    ),
    ("NATO", &["الناتو", "حلف الناتو", "حلف شمال الأطلسي", "nato"]),
    ("United Nations", &["الأمم المتحدة", "united nations"]),
    ("UN Security Council", &["مجلس الأمن", "security council"]),
    ("European Union", &["الاتحاد الأوروبي", "european union"]),
    (
        "Arab League",
        &["الجامعة العربية", "جامعة الدول العربية", "arab league"],
    ),
    (
        "African Union",
        &["الاتحاد الأفريقي", "الاتحاد الإفريقي", "african union"],
    ),
    ("Hezbollah", &["حزب الله", "hezbollah", "hizbollah"]),
    ("Hamas", &["حماس", "حركة حماس", "hamas"]),
    (
        "Islamic State",
        &["داعش", "تنظيم الدولة", "islamic state", "isis", "isil"],
    ),
    ("al-Qaeda", &["تنظيم القاعدة", "qaeda", "qaida"]),
    ("Boko Haram", &["بوكو حرام", "boko haram"]),
    ("Taliban", &["طالبان", "حركة طالبان", "taliban"]),
    ("al-Nusra Front", &["جبهة النصرة", "النصرة", "nusra"]),
    (
        "Revolutionary Guard",
        &[
            "الحرس الثوري",
            "revolutionary guard",
            "revolutionary guards",
        ],
    ),
    ("Mossad", &["الموساد", "mossad"]),
    ("Red Cross", &["الصليب الأحمر", "red cross"]),
    ("FBI", &["fbi"]),
];

/// Titles before a person's name (Arabic, folded when the table is built; English lower case).
const TITLES: &[&str] = &[
    "الرئيس",
    "رئيس",
    "الوزير",
    "وزير",
    "السفير",
    "سفير",
    "المستشار",
    "الملك",
    "الأمير",
    "الشيخ",
    "اللواء",
    "العقيد",
    "العميد",
    "الجنرال",
    "الزعيم",
    "المتحدث",
    "النائب",
    "القائد",
    "الباحث",
    "president",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "representative",
    "mayor",
    "sheriff",
    "chief",
    "officer",
    "deputy",
    "detective",
    "minister",
    "secretary",
    "judge",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "sgt",
    "sergeant",
    "capt",
    "captain",
    "dr",
    "mr",
    "mrs",
    "ms",
    "king",
    "queen",
    "prince",
    "pope",
    "ambassador",
    "commissioner",
    "trooper",
];

/// Words that follow an Arabic title before the name: portfolios and qualifiers
/// (وزير الخارجية, رئيس الوزراء, الرئيس السابق).
const TITLE_WORDS: &[&str] = &[
    "الخارجيه",
    "الداخليه",
    "الدفاع",
    "الوزراء",
    "الحكومه",
    "الجمهوريه",
    "الاركان",
    "السابق",
    "الحالي",
    "العام",
    "الاعلي",
    "باسم",
    "المجلس",
    "البرلمان",
    "الامن",
    "العدل",
    "الماليه",
];

/// Arabic words that never start a name.
const NOT_NAMES: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "قد",
    "لم",
    "لن",
    "ما",
    "لا",
    "هذا",
    "هذه",
    "الذي",
    "التي",
    "خلال",
    "بعد",
    "قبل",
    "حيث",
    "كما",
    "قال",
    "امس",
    "اليوم",
    "انه",
    "انها",
    "ذلك",
    "عبر",
    "لدي",
    "بين",
    "عند",
    "كان",
    "كانت",
    "يوم",
    "اول",
    "غير",
    "كل",
    "او",
    "ثم",
    "منذ",
    "حتي",
    "له",
    "لها",
];

struct Tables {
    cues: FxHashMap<String, Vec<Cue>>,
    titles: FxHashSet<String>,
    title_words: FxHashSet<String>,
    not_names: FxHashSet<String>,
    /// Actor phrases: first word -> (rest of the phrase, label).
    actors: FxHashMap<String, Vec<(Vec<String>, &'static str)>>,
    acronyms: FxHashSet<&'static str>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut cues: FxHashMap<String, Vec<Cue>> = FxHashMap::default();
        for (c, words) in CUES {
            for w in *words {
                let v = cues.entry(fold(w)).or_default();
                if !v.contains(c) {
                    v.push(*c);
                }
            }
        }
        let mut actors: FxHashMap<String, Vec<(Vec<String>, &'static str)>> = FxHashMap::default();
        for (label, phrases) in ACTORS {
            for p in *phrases {
                let words: Vec<String> = fold(p).split(' ').map(str::to_string).collect();
                let Some((head, rest)) = words.split_first() else {
                    continue;
                };
                actors
                    .entry(head.clone())
                    .or_default()
                    .push((rest.to_vec(), label));
            }
        }
        for v in actors.values_mut() {
            v.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
        }
        let set = |l: &[&str]| l.iter().map(|w| fold(w)).collect::<FxHashSet<String>>();
        Tables {
            cues,
            titles: set(TITLES),
            title_words: set(TITLE_WORDS),
            not_names: set(NOT_NAMES),
            actors,
            acronyms: ["nato", "fbi", "isis", "isil"].into_iter().collect(),
        }
    })
}

/// Arabic conjunctions tried off the front of a cue word.
const CONJ: &[&str] = &["و", "ف"];

/// The key, or the key without a leading conjunction, found in the cue table.
fn lookup(key: &str) -> Option<&'static [Cue]> {
    let t = tables();
    if let Some(v) = t.cues.get(key) {
        return Some(v);
    }
    if key.is_ascii() {
        return None;
    }
    CONJ.iter()
        .filter_map(|c| key.strip_prefix(c))
        .filter(|r| r.chars().count() >= 2)
        .find_map(|r| t.cues.get(r))
        .map(Vec::as_slice)
}

/// The cue classes of a folded word (with or without a leading conjunction); empty when none.
pub fn of(key: &str) -> &'static [Cue] {
    lookup(key).unwrap_or(&[])
}

/// Is this folded word a cue of this class?
pub fn is(key: &str, cue: Cue) -> bool {
    lookup(key).is_some_and(|v| v.contains(&cue))
}

/// The first `Some` that `f` gives for the word or, for Arabic, the word without a leading
/// conjunction or preposition (the article kept: وللشرطة -> الشرطة).
fn first_variant<T>(key: &str, mut f: impl FnMut(&str) -> Option<T>) -> Option<T> {
    if let Some(x) = f(key) {
        return Some(x);
    }
    if key.is_ascii() {
        return None;
    }
    let mut k = key;
    for c in ["و", "ف"] {
        if let Some(r) = k.strip_prefix(c) {
            if r.chars().count() >= 3 {
                k = r;
                if let Some(x) = f(k) {
                    return Some(x);
                }
                break;
            }
        }
    }
    if let Some(r) = k.strip_prefix("لل") {
        return f(&format!("ال{r}"));
    }
    match k.strip_prefix('ب').or_else(|| k.strip_prefix('ل')) {
        Some(r) if r.chars().count() >= 3 => f(r),
        _ => None,
    }
}

/// The word and, for Arabic, the word without a leading conjunction or preposition (the
/// article kept: وللشرطة -> الشرطة).
fn variants(key: &str) -> Vec<String> {
    let mut v = vec![key.to_string()];
    if key.is_ascii() {
        return v;
    }
    let mut k = key;
    for c in ["و", "ف"] {
        if let Some(r) = k.strip_prefix(c) {
            if r.chars().count() >= 3 {
                k = r;
                v.push(k.to_string());
                break;
            }
        }
    }
    if let Some(r) = k.strip_prefix("لل") {
        v.push(format!("ال{r}"));
    } else if let Some(r) = k.strip_prefix('ب').or_else(|| k.strip_prefix('ل')) {
        if r.chars().count() >= 3 {
            v.push(r.to_string());
        }
    }
    v
}

/// A group or organisation named at word `i`: (label, number of words).
pub fn actor_at(tokens: &[Token], i: usize) -> Option<(&'static str, usize)> {
    let t = tables();
    let tok = tokens.get(i)?;
    first_variant(&tok.key, |h| {
        let cands = t.actors.get(h)?;
        cands.iter().find_map(|(rest, label)| {
            let ok = rest
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + 1 + k).is_some_and(|x| &x.key == w));
            // Latin acronyms must be written in capitals (NATO, not "nato" inside a word).
            (ok && (!t.acronyms.contains(h) || tok.all_caps)).then_some((*label, rest.len() + 1))
        })
    })
}

/// A person named after a title at word `i` (الرئيس السوري بشار الأسد, Sheriff John Smith):
/// (the name as written, number of words from the title to the name's end). `skip(w)` tells
/// words that cannot be part of a name (places, triggers); `text` is what the tokens index.
pub fn person_at(
    text: &str,
    tokens: &[Token],
    i: usize,
    skip: impl Fn(usize) -> bool,
) -> Option<(String, usize)> {
    let t = tables();
    let tok = tokens.get(i)?;
    let arabic = !tok.key.is_ascii();
    let glued = |a: usize, b: usize| {
        // Only spaces between two words: no punctuation ends the name.
        tokens.get(b).is_some_and(|y| {
            text[tokens[a].end..y.start]
                .chars()
                .all(char::is_whitespace)
        })
    };
    if arabic {
        first_variant(&tok.key, |v| t.titles.contains(v).then_some(()))?;
        let mut j = i + 1;
        // Portfolio words and a country adjective (already an actor) before the name.
        while j < tokens.len()
            && glued(j - 1, j)
            && (t.title_words.contains(&tokens[j].key) || skip(j))
            && j < i + 4
        {
            j += 1;
        }
        let ok = |w: usize, first: bool| {
            tokens.get(w).is_some_and(|x| {
                let k = x.key.as_str();
                k.chars().count() >= 2
                    && !k.chars().any(|c| c.is_numeric())
                    && !t.not_names.contains(k)
                    && !t.cues.contains_key(k)
                    && !t.titles.contains(k)
                    && !t.title_words.contains(k)
                    && !skip(w)
                    && (!first
                        || !["ال", "بال", "وال", "لل", "فال", "كال"]
                            .iter()
                            .any(|p| k.starts_with(p)))
                    && !k.is_ascii()
            })
        };
        if !(glued(j - 1, j) && ok(j, true) && glued(j, j + 1) && ok(j + 1, false)) {
            return None;
        }
        let mut end = j + 1;
        // عبد الله, أبو بكر: a third word.
        if matches!(tokens[j].key.as_str(), "عبد" | "ابو" | "بن")
            && glued(end, end + 1)
            && ok(end + 1, false)
        {
            end += 1;
        }
        let name = text[tokens[j].start..tokens[end].end].to_string();
        return Some((name, end - i + 1));
    }
    if !tok.capitalized || !t.titles.contains(tok.key.as_str()) {
        return None;
    }
    let mut end = i;
    while end + 1 < tokens.len()
        && end < i + 3
        && glued(end, end + 1)
        && tokens[end + 1].capitalized
        && !tokens[end + 1].all_caps
        && !skip(end + 1)
        && !t.titles.contains(tokens[end + 1].key.as_str())
    {
        end += 1;
    }
    match end - i {
        0 => None,
        1 => Some((text[tok.start..tokens[end].end].to_string(), 2)),
        n => Some((
            text[tokens[i + 1].start..tokens[end].end].to_string(),
            n + 1,
        )),
    }
}

/// An Arabic envoy with a possessive suffix (سفيرها, سفيره: its own ambassador).
pub fn own_envoy(key: &str) -> bool {
    variants(key).iter().any(|k| {
        ["سفير", "سفراء", "سفرائ", "مبعوث"].iter().any(|p| {
            k.strip_prefix(p)
                .is_some_and(|s| matches!(s, "ه" | "ها" | "هم" | "هما"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_classes() {
        let table = [
            ("لم", Cue::Negation),
            ("ولم", Cue::Negation),
            ("not", Cue::Negation),
            ("didn't", Cue::Negation),
            ("تنوي", Cue::Intent),
            ("وتنوي", Cue::Intent),
            ("intends", Cue::Intent),
            ("احتمال", Cue::Intent),
            ("whether", Cue::Intent),
            ("المرتقبه", Cue::IntentAfter),
            ("حسب", Cue::Report),
            ("reportedly", Cue::Report),
            ("بالقرب", Cue::Locative),
            ("near", Cue::Locative),
            ("لكنه", Cue::Clause),
            ("واعربت", Cue::Expressed),
        ];
        for (w, c) in table {
            assert!(is(&fold(w), c), "{w} should be {c:?}");
        }
        assert!(!is("الصفقه", Cue::Intent));
    }

    fn actors_in(s: &str) -> Vec<&'static str> {
        let toks = crate::text::tokenize(s);
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match actor_at(&toks, i) {
                Some((label, len)) => {
                    out.push(label);
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    #[test]
    fn actors_by_phrase() {
        let s = "واستدعت وزارة الخارجية الإيرانية السفير، وقال حلف الناتو";
        assert_eq!(actors_in(s), ["foreign ministry", "NATO"]);
        assert_eq!(
            actors_in("NATO and the nato-like club; police said"),
            ["NATO", "police"]
        );
    }

    fn people_in(s: &str) -> Vec<String> {
        let toks = crate::text::tokenize(s);
        (0..toks.len())
            .filter_map(|i| person_at(s, &toks, i, |_| false))
            .map(|p| p.0)
            .collect()
    }

    #[test]
    fn people_after_titles() {
        assert_eq!(
            people_in("ولم ينف السفير جوانشير أخوندوف ذلك"),
            ["جوانشير أخوندوف"]
        );
        assert_eq!(
            people_in("قال الرئيس عبد العزيز بوتفليقة"),
            ["عبد العزيز بوتفليقة"]
        );
        assert_eq!(people_in("وقال وزير الخارجية جون كيري إن"), ["جون كيري"]);
        assert_eq!(people_in("وقال الرئيس في خطاب"), Vec::<String>::new());
        assert_eq!(people_in("Sheriff John Smith said"), ["John Smith"]);
        assert_eq!(people_in("said Mayor Jones."), ["Mayor Jones"]);
        assert_eq!(people_in("the sheriff said"), Vec::<String>::new());
    }

    #[test]
    fn own_envoys() {
        assert!(own_envoy(&fold("سفيرها")));
        assert!(own_envoy(&fold("وسفيره")));
        assert!(!own_envoy(&fold("سفير")));
        assert!(!own_envoy(&fold("السفير")));
    }
}
