//! Events: who did what, where and when, typed with the PLOVER categories and linked both ways
//! to places and passages.
//!
//! Sentence by sentence, triggers are found with the lexicons of [`lexicon`] (Arabic morphology
//! included); each trigger becomes an event with
//! - a **mode**: denied (negated: لم يعتقل, not arrested; or the object of a denial: نفت
//!   قيامها بالهجوم), intended (تنوي شراء, intends to buy; the future prefix; the object of a
//!   request or a threat), reported (attributed: حسب, according to; or not denied: لم ينف
//!   شراء الأسلحة), otherwise done;
//! - a **date**, the sentence's nearest date expression (see [`dates`]);
//! - **actors**: countries named or given by adjective (المروحيات الإيرانية -> Iran), a capital
//!   standing for its government (صفقة عقدتها باكو), groups and organisations (الشرطة, NATO),
//!   the presumed agent first;
//! - **places**: the places the trigger's clause names, most specific first (a city before its
//!   country), or else those of the sentence (`location_precision` "place"); when the sentence
//!   names none, the country of an actor the article is about ("country") or the article's
//!   main country ("article").
//!
//! Several reports of one event (same type, actors and place, compatible dates) become one event
//! with several passages. Finally every place lists the events it hosts.

pub mod cues;
pub mod dates;
pub mod lexicon;

use crate::model::{Analysis, Event, EventDate, MentionForm, Place, PlaceKind};
use crate::text::{tokenize_with_bounds, Token};
use cues::Cue;
use lexicon::{Category, Lexicon, Pos, Trigger};
use rustc_hash::FxHashMap;

/// How an event is reported, from least to most factual.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mode {
    /// Said not to have happened (negated, or denied by someone).
    Denied,
    /// Planned, wanted, expected, demanded: not (yet) done.
    Intended,
    /// Attributed to a source, or acknowledged by not being denied.
    Reported,
    /// Reported as done.
    Done,
}

impl Mode {
    /// The lower-case name used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Denied => "denied",
            Mode::Intended => "intended",
            Mode::Reported => "reported",
            Mode::Done => "done",
        }
    }

    fn parse(s: &str) -> Mode {
        match s {
            "denied" => Mode::Denied,
            "intended" => Mode::Intended,
            "reported" => Mode::Reported,
            _ => Mode::Done,
        }
    }
}

/// Words either side of a trigger within which places of its clause count as its own.
const PLACE_WINDOW: usize = 10;
/// Words either side of a trigger within which actors are looked for.
const ACTOR_WINDOW: usize = 10;
/// A capital standing for its government must be this populous.
const METONYM_POPULATION: u64 = 100_000;
/// How many sentences after an event's last report a definite report can still refer to it.
const ANAPHOR_REACH: usize = 5;
/// Places and actors kept per event.
const MAX_PLACES: usize = 4;
const MAX_ACTORS: usize = 4;
/// Most actors an event gathers from all its reports (past it, a report naming only a dropped
/// actor starts an event of its own).
const MAX_MERGED_ACTORS: usize = 12;
/// How many earlier events of its type group a report is compared with (see `merge`): an event
/// reported again after 256 newer events of its group becomes a second event. No article comes
/// near; a whole corpus pasted into one file does.
const MERGE_WINDOW: usize = 256;

/// A place mention inside the current sentence.
struct SMention {
    place: usize,
    form: MentionForm,
    first: usize,
    last: usize,
    locative: bool,
    /// Qualifies a person (رئيس فرنسا, president of France): not where the event happens.
    qualifies: bool,
    /// Named inside a medium's name, and whether that medium speaks ([`media_name`]).
    media: Option<bool>,
}

/// What the sentence says about places beyond the names near a trigger.
struct PlaceHints<'a> {
    /// The sentence's triggers: a place with another one between belongs to that one.
    triggers: &'a [Trigger],
    /// First words of the acts another act brought about (أسفر عن مقتل): their places are
    /// the cause's too.
    consequences: &'a [usize],
    /// The place a "there" near the trigger refers back to.
    there: Option<usize>,
}

/// An actor candidate: label, word position, place it came from (a country).
struct ActorCand {
    label: String,
    at: usize,
    country: Option<usize>,
}

/// An event before merging.
struct Found {
    kind: Category,
    /// Category and sub-kind: reports merge only within a group.
    group: String,
    mode: Mode,
    trigger: String,
    passage: usize,
    sentence: usize,
    sentence_text: String,
    trigger_start: usize,
    trigger_end: usize,
    date: Option<EventDate>,
    places: Vec<usize>,
    precision: &'static str,
    actors: Vec<String>,
    /// A definite noun (the robbery, الهجوم, هذا الاتفاق): may refer back to an event already
    /// reported.
    definite: bool,
}

/// Extract the events of an analysed document and link them both ways to its places.
/// Replaces whatever `a.events` and `places[].events` held. Tokenises every sentence again;
/// [`crate::analyze`] hands over the tokens it already has instead.
pub fn extract(a: &mut Analysis) {
    extract_each(a, None, |_, text| tokenize_with_bounds(text, &[0]));
}

/// [`extract`] with the document's tokens from [`crate::analyze::segment`]: `tokens` in
/// sentence order with byte offsets into the document text; `sentences[s]` is sentence `s`'s
/// byte range in its passage and `base[s]` the byte offset of that passage in the document.
pub(crate) fn extract_with_tokens(
    a: &mut Analysis,
    mut tokens: Vec<Token>,
    sentences: &[(usize, usize)],
    base: &[usize],
) {
    // Offsets into each token's sentence, as the extraction reads them.
    for t in tokens.iter_mut() {
        let at = match (sentences.get(t.sentence), base.get(t.sentence)) {
            (Some(&(sb, _)), Some(&b)) => b + sb,
            _ => 0,
        };
        t.start = t.start.saturating_sub(at);
        t.end = t.end.saturating_sub(at);
    }
    let mut rest = tokens.as_slice();
    extract_each(a, Some(sentences), |si, _| {
        // Skip the tokens of sentences the extraction passed over.
        let skip = rest.iter().take_while(|t| t.sentence < si).count();
        let n = rest[skip..].iter().take_while(|t| t.sentence == si).count();
        let (mine, after) = rest[skip..].split_at(n);
        rest = after;
        mine
    });
}

/// The extraction, with `tokens_of(sentence, text)` giving the words of each sentence (byte
/// offsets into the sentence's text), and the sentences' byte ranges in their passages when
/// known (else they are found from the character offsets).
fn extract_each<T: AsRef<[Token]>>(
    a: &mut Analysis,
    bytes: Option<&[(usize, usize)]>,
    mut tokens_of: impl FnMut(usize, &str) -> T,
) {
    for p in a.places.iter_mut() {
        p.events.clear();
    }
    a.events.clear();
    let ctx = Context::new(a);
    let mut found = Vec::new();
    // (passage, character, byte) of a forward walk through the current passage.
    let mut at = (usize::MAX, 0usize, 0usize);
    for (si, s) in a.sentences.iter().enumerate() {
        let Some(passage) = a.passages.get(s.passage) else {
            continue;
        };
        if s.passage != at.0 {
            at = (s.passage, 0, 0);
        }
        let range = match bytes {
            Some(b) => b.get(si).copied(),
            None => {
                byte_at(&passage.text, &mut at, s.start).zip(byte_at(&passage.text, &mut at, s.end))
            }
        };
        let Some((sb, se)) = range else {
            continue;
        };
        let Some(text) = passage.text.get(sb..se) else {
            continue;
        };
        let tokens = tokens_of(si, text);
        ctx.sentence(a, si, text, tokens.as_ref(), &mut found);
    }
    a.events = merge(found, &a.places);
    let index: FxHashMap<&str, usize> = a
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut links: Vec<(usize, usize)> = Vec::new();
    for e in &a.events {
        for id in &e.places {
            if let Some(&pi) = index.get(id.as_str()) {
                links.push((pi, e.index));
            }
        }
    }
    for (pi, ei) in links {
        let ev = &mut a.places[pi].events;
        if !ev.contains(&ei) {
            ev.push(ei);
        }
    }
    for p in a.places.iter_mut() {
        p.events.sort_unstable();
    }
}

/// Byte offset of character `target` of `text`, walking forward from `at` (passage,
/// character, byte); None past the end.
fn byte_at(text: &str, at: &mut (usize, usize, usize), target: usize) -> Option<usize> {
    if target < at.1 {
        (at.1, at.2) = (0, 0);
    }
    for c in text.get(at.2..)?.chars() {
        if at.1 == target {
            break;
        }
        at.1 += 1;
        at.2 += c.len_utf8();
    }
    (at.1 == target).then_some(at.2)
}

/// What every sentence needs from the whole document.
struct Context {
    lex: &'static Lexicon,
    published: Option<dates::Ymd>,
    /// (place, mention) pairs by sentence.
    by_sentence: Vec<Vec<(usize, usize)>>,
    /// The article's main countries.
    focus_cc: Vec<String>,
    /// Country place for each country code the article names.
    country_of: FxHashMap<String, usize>,
    /// The article's main place (its main country when it has one).
    focus_place: Option<usize>,
    /// Trigger look-ups of the document's words so far.
    hits: std::cell::RefCell<lexicon::HitCache>,
}

impl Context {
    fn new(a: &Analysis) -> Context {
        let mut by_sentence = vec![Vec::new(); a.sentences.len()];
        let mut country_of = FxHashMap::default();
        for (pi, p) in a.places.iter().enumerate() {
            for (mi, m) in p.mentions.iter().enumerate() {
                if let Some(v) = by_sentence.get_mut(m.sentence) {
                    v.push((pi, mi));
                }
            }
            if p.kind == PlaceKind::Country {
                if let Some(cc) = &p.country_code {
                    country_of.entry(cc.clone()).or_insert(pi);
                }
            }
        }
        // The article's main place for events the text does not locate: its main country (the
        // main city would claim a precision the text does not give), else its main place.
        let focus_place = a
            .focus
            .countries
            .first()
            .and_then(|(cc, _)| country_of.get(cc).copied())
            .or_else(|| {
                a.focus
                    .places
                    .first()
                    .and_then(|id| a.places.iter().position(|p| &p.id == id))
            });
        Context {
            lex: Lexicon::get(),
            published: a.published.as_deref().and_then(dates::parse_iso),
            by_sentence,
            focus_cc: a.focus.countries.iter().map(|(c, _)| c.clone()).collect(),
            country_of,
            focus_place,
            hits: Default::default(),
        }
    }

    /// Find the events of sentence `si`, whose text is `text`.
    fn sentence(
        &self,
        a: &Analysis,
        si: usize,
        text: &str,
        tokens: &[Token],
        out: &mut Vec<Found>,
    ) {
        let s = &a.sentences[si];
        if tokens.is_empty() {
            return;
        }
        let keys: Vec<&str> = tokens.iter().map(|t| t.key.as_str()).collect();
        let mut triggers = self.lex.find_with(&keys, &mut self.hits.borrow_mut());
        // An English trigger written with a capital inside a sentence, next to another
        // capitalised word or after "Name of", is part of a name (Gulf War syndrome, Detention
        // Facility, State Board of Mediation).
        triggers.retain(|t| {
            let tok = &tokens[t.first];
            !(tok.key.is_ascii()
                && tok.capitalized
                && !tok.all_caps
                && t.first > 0
                && (tokens[t.first - 1].capitalized
                    || tokens.get(t.last + 1).is_some_and(|n| n.capitalized)
                    || (t.first >= 2
                        && tokens[t.first - 1].key == "of"
                        && tokens[t.first - 2].capitalized)))
        });
        // Sports reports: teams clash and attack, nobody is hurt.
        let hostile = |t: &Trigger| {
            matches!(
                t.cat,
                Category::Assault | Category::Coerce | Category::Threaten
            )
        };
        if triggers.iter().any(hostile) && keys.iter().any(|k| cues::is(k, Cue::Sport)) {
            triggers.retain(|t| !hostile(t));
        }
        // من يرفض, كل من يهاجم: "whoever refuses" is nobody in particular.
        triggers.retain(|t| !(t.pos == Pos::Present && t.first > 0 && keys[t.first - 1] == "من"));
        // Whoever it may be: force that "will" or "may" be used against anyone or whoever is a
        // standing rule (will arrest and detain anyone who violates the curfew; gunmen who shot
        // anyone who fled did shoot; a call on anyone with information is still a call; "did not
        // arrest anyone" stays, denied), and the act that "information" or
        // a tip "leads to" is what a reward hopes for (information leading to the arrest).
        triggers.retain(|t| {
            let end = keys.len().min(t.last + 4);
            let anyone = matches!(
                t.cat,
                Category::Assault | Category::Coerce | Category::Sanction
            ) && (t.first.saturating_sub(4)..t.first).any(|w| {
                matches!(
                    keys[w],
                    "will" | "would" | "shall" | "can" | "could" | "may" | "might" | "to"
                )
            }) && !(t.first.saturating_sub(3)..t.first)
                .any(|w| cues::is(keys[w], Cue::Negation))
                && (t.last + 1..end).any(|w| {
                    matches!(keys[w], "anyone" | "anybody" | "whoever")
                        && !text[tokens[t.last].end..tokens[w].start].contains([',', ';', ':', '.'])
                });
            let hoped = t.first >= 3
                && keys[t.first - 2..t.first].contains(&"to")
                && keys[t.first.saturating_sub(6)..t.first]
                    .iter()
                    .any(|k| matches!(*k, "lead" | "leads" | "leading"))
                && keys[t.first.saturating_sub(9)..t.first]
                    .iter()
                    .any(|k| matches!(*k, "information" | "tip" | "tips"));
            !(anyone || hoped)
        });
        // A participle joined to the word before by a hyphen is an adjective (union-backed,
        // Kremlin-backed, recently-resigned), and so is a trigger after anti-, pro- or "of-"
        // (anti-war, tug-of-war). Nouns in compounds stay events (car-bomb, knife-attack).
        triggers.retain(|t| {
            let w = t.first;
            !(w > 0
                && keys[w].is_ascii()
                && tokens[w].hyphen_before
                && (keys[w].ends_with("ed") || HYPHEN_ADJECTIVE_PREFIXES.contains(&keys[w - 1])))
        });
        // المواقع التي يحتلها, الأراضي التي تسيطر عليها: a present verb of control in a
        // relative clause describes who holds a place, not an act.
        // So does a present verb of control whose object is a pronoun that refers back
        // (قريتين يسيطر عليهما مقاتلوها, two villages its fighters control), and a present
        // verb of support in a relative clause (الميليشيات التي تدعمها, the militias it
        // supports): who backs whom, not an act.
        triggers.retain(|t| {
            let relative = t.first > 0 && RELATIVES.contains(&keys[t.first - 1]);
            let sub = &self.lex.entries[t.entry].sub;
            // وحدات من الجيش تدعمها حكومة هادي: a relative clause without its pronoun, the
            // verb carrying the object that refers back.
            let refers_back = !keys[t.first].is_ascii()
                && ["ها", "هم", "هما", "هن"]
                    .iter()
                    .any(|p| keys[t.first].ends_with(p));
            // Not a verb joined by و to an act before it (يقتحم المدينة ويسيطر عليها).
            let joined_by_wa = !keys[t.first].is_ascii() && keys[t.first].starts_with('و');
            !(t.pos == Pos::Present
                && ((sub == "occupy"
                    && (relative
                        || (!joined_by_wa
                            && keys
                                .get(t.last + 1)
                                .is_some_and(|k| ON_PRONOUNS.contains(k)))))
                    || (t.cat == Category::Support && (relative || refers_back))))
        });
        // Army units backed by the government, القوات المدعومة من إيران: who backs whom, a
        // state, not an act. So is cooperation to be deepened or strengthened (تعميق التعاون,
        // strengthening cooperation): it goes on.
        triggers.retain(|t| {
            // (Not a vote: "backed by 120 countries".)
            let backed_by = t.cat == Category::Support
                && matches!(keys[t.first], "backed" | "supported")
                && keys.get(t.last + 1) == Some(&"by")
                && !keys.get(t.last + 2).is_some_and(|k| all_digits(k));
            let ar_backed = t.cat == Category::Support
                && matches!(
                    strip_particle(keys[t.first]),
                    "المدعومه" | "المدعوم" | "المدعومين" | "مدعومه" | "مدعوم"
                );
            // The word may open the trigger (تعزيز التعاون) or stand before it, in English
            // with an adjective between (strengthening military cooperation).
            let deepen = |w: usize| DEEPEN_WORDS.contains(&strip_particle(keys[w]));
            let deepened = matches!(t.cat, Category::Cooperate | Category::Support)
                && t.pos == Pos::Noun
                && (deepen(t.first)
                    || (t.first > 0 && deepen(t.first - 1))
                    || (t.first > 1 && keys[t.first].is_ascii() && deepen(t.first - 2)));
            !(backed_by || ar_backed || deepened)
        });
        // A shooting threat, a bomb plot, an attack drill: what is threatened, plotted or
        // rehearsed did not happen (the threat itself stays).
        triggers.retain(|t| {
            !(matches!(t.cat, Category::Assault | Category::Coerce)
                && keys
                    .get(t.last + 1)
                    .is_some_and(|k| NOT_DONE_AFTER.contains(k)))
        });
        // What is generally or usually done (generally refusing to take sides, عادة ما تعتقل) is a
        // habit, not an event.
        // Not what a habit word says of an adjective ("the normally peaceful protests", "a
        // typically bloody attack killed 30"): a noun right after it, a verb with no other
        // act between.
        drop_where(&mut triggers, |t, all| {
            (t.first.saturating_sub(3)..t.first).any(|w| {
                HABITUAL.contains(&strip_particle(keys[w]))
                    && !punctuated(text, tokens, w, t.first)
                    && !text[tokens[w].end..tokens[t.first].start].contains('-')
                    && (if t.pos == Pos::Noun {
                        w + 1 == t.first
                    } else {
                        !all.iter().any(|u| u.first > w && u.first < t.first)
                    })
            })
        });
        // لا تزال قوات النظام تسيطر على حلب, still controls: who holds a place goes on holding
        // it; a state, not an act. A present verb only ("the troops still captured Bakhmut"
        // did capture it), with nothing but its subject between (Arabic puts the subject
        // after لا تزال).
        triggers.retain(|t| {
            let present = if keys[t.first].is_ascii() {
                t.pos != Pos::Noun && t.pos != Pos::Past && !keys[t.first].ends_with("ed")
            } else {
                t.pos == Pos::Present
            };
            !(present
                && self.lex.entries[t.entry].sub == "occupy"
                && (t.first.saturating_sub(STILL_REACH)..t.first).any(|w| {
                    STILL.contains(&strip_particle(keys[w]))
                        && !punctuated(text, tokens, w, t.first)
                }))
        });
        // رفض نشر اسمه, طلب عدم الكشف عن هويته, declined to be named: the formula of an
        // anonymous source, not a refusal or a request.
        // Not "demanded that the officers be named": asking for others' names is a request.
        triggers.retain(|t| {
            let refused = t.cat == Category::Reject
                || (t.last + 1..(t.last + 3).min(keys.len()))
                    .any(|w| keys[w] == "عدم" || cues::is(keys[w], Cue::Negation));
            !(matches!(t.cat, Category::Reject | Category::Request)
                && (t.last + 1..(t.last + 6).min(keys.len())).any(|w| {
                    let k = keys[w];
                    matches!(k, "nameless" | "anonymity")
                        || (refused
                            && (OWN_NAME.contains(&strip_particle(k))
                                || (matches!(k, "named" | "identified") && keys[w - 1] == "be")
                                || (matches!(k, "name" | "names")
                                    && matches!(keys[w - 1], "his" | "her" | "their"))))
                }))
        });
        // تحت سيطرة, تحت الاحتلال: who holds a place, not an act.
        triggers.retain(|t| {
            !(self.lex.entries[t.entry].sub == "occupy"
                && t.pos == Pos::Noun
                && t.first > 0
                && keys[t.first - 1] == "تحت")
        });
        // أي هجوم, أية مظاهرات, هجوم محتمل, any attack, a possible shooting: no particular event
        // happened. What is denied (نفى وقوع أي هجوم) stays, as a denied event.
        drop_where(&mut triggers, |t, all| {
            let before = t.first.checked_sub(1).map(|w| strip_particle(keys[w]));
            let after = keys.get(t.last + 1).copied();
            let denied = all.iter().any(|u| {
                self.lex.entries[u.entry].flags.deny && u.last < t.first && t.first <= u.last + 4
            });
            !denied
                && (before.is_some_and(|k| NONSPECIFIC_BEFORE.contains(&k))
                    || after.is_some_and(|k| NONSPECIFIC_AFTER.contains(&k)))
        });
        // rejects aid, رفض التعاون, rejected a plea agreement: what is rejected did not happen; the
        // rejection is the event. A rejected request or accusation was still made, an attack
        // that is rejected (رفضت الهجوم) did happen, and what is denied stays as a denied event
        // (نفى).
        drop_where(&mut triggers, |t, all| {
            t.pos == Pos::Noun
                && !t.cat.is_speech()
                && !matches!(t.cat, Category::Assault | Category::Coerce)
                && all.iter().any(|u| {
                    u.cat == Category::Reject
                        && !self.lex.entries[u.entry].flags.deny
                        && u.pos != Pos::Noun
                        && u.last < t.first
                        && t.first <= u.last + 3
                        && !punctuated(text, tokens, u.last, t.first)
                })
        });
        // اتهمت تركيا بمساعدة داعش, accused Iran of supporting: the act is only alleged; the
        // accusation (اتهم, accuse; not a condemnation, ندد بالاتفاق) is the event. A violent act
        // or an arrest usually did happen (what is alleged is who did it), so those stay.
        drop_where(&mut triggers, |t, all| {
            !matches!(t.cat, Category::Assault | Category::Coerce)
                && (tokens[t.first].key.starts_with('ب')
                    || (t.first > 0 && keys[t.first - 1] == "of"))
                && all.iter().any(|u| {
                    u.cat == Category::Accuse
                        && self.lex.entries[u.entry].sub == "charge"
                        && u.last < t.first
                        && t.first <= u.last + 6
                })
        });
        if triggers.is_empty() {
            return;
        }
        // Character offsets (in the passage) and clauses of the words.
        let mut cstart = Vec::with_capacity(tokens.len());
        let mut cend = Vec::with_capacity(tokens.len());
        let mut clause = Vec::with_capacity(tokens.len());
        // The cue classes of every word, looked up once.
        let cue_of: Vec<&[Cue]> = keys.iter().map(|k| cues::of(k)).collect();
        let is = |w: usize, c: Cue| cue_of.get(w).is_some_and(|v| v.contains(&c));
        let (mut chars, mut byte, mut cl) = (s.start, 0usize, 0usize);
        for (k, t) in tokens.iter().enumerate() {
            let gap = &text[byte..t.start];
            chars += gap.chars().count();
            if k > 0
                && (gap.contains([',', '،', ';', '؛', ':', '—', '–'])
                    || gap.contains(" - ")
                    || is(k, Cue::Clause))
            {
                cl += 1;
            }
            cstart.push(chars);
            chars += text[t.start..t.end].chars().count();
            cend.push(chars);
            clause.push(cl);
            byte = t.end;
        }
        let in_trigger = |w: usize| triggers.iter().any(|t| (t.first..=t.last).contains(&w));
        // The sentence's place mentions, on word positions.
        let mut mentions: Vec<SMention> = Vec::new();
        for &(pi, mi) in self.by_sentence.get(si).map_or(&[][..], |v| v.as_slice()) {
            let m = &a.places[pi].mentions[mi];
            // The words overlapping the mention (offsets increase with the word index).
            let lo = cend.partition_point(|&e| e <= m.start);
            let hi = cstart.partition_point(|&b| b < m.end);
            if lo >= hi {
                continue;
            }
            let (first, last) = (lo, hi - 1);
            if (first..=last).any(in_trigger) {
                // A word that signals an event is not a place name (أزمت, سلطات).
                continue;
            }
            // بباكو, في باكو, قرب مدينة أستارا: a preposition glued or one of the two words
            // before.
            let glued = m.start > cstart[first]
                && text[tokens[first].start..]
                    .chars()
                    .next()
                    .is_some_and(|c| c == 'ب' || c == 'ف');
            let before = (first.saturating_sub(2)..first)
                .any(|w| is(w, Cue::Locative) || tokens[w].key.starts_with("ب") && w + 1 == first);
            // رئيس فرنسا, سفير أذربيجان, officer of the United States, president of France.
            let k = |w: usize| tokens.get(w).map_or("", |t| t.key.as_str());
            // Nashville-based CCA: a company's home, not the scene.
            let home = text[tokens[last].end..].starts_with("-based");
            // الحدودية مع لبنان, on the border with Lebanon: the neighbour of the scene.
            let border = first >= 2
                && matches!(k(first - 1), "مع" | "with")
                && matches!(
                    k(first - 2),
                    "الحدوديه" | "الحدودي" | "الحدود" | "حدود" | "border" | "borders"
                );
            // للفارين من درنة, refugees from Syria: where people left, not the scene. Nouns for
            // the people only: a verb ("fled Kherson after the shelling") often comes with the
            // act that made them leave, there.
            let left = first >= 2
                && matches!(k(first - 1), "من" | "from")
                && FLEE_NOUNS.contains(&strip_particle(k(first - 2)));
            // سفيرها لدى طهران, its ambassador to Iran: recalled from there or sent there, its
            // own envoy's post is not the scene. Another country's ambassador to the city (سفير
            // أذربيجان لدى طهران) is summoned or received there; "envoy to Cairo" is often one
            // sent there, and "ambassador in Beirut" where something happened to him.
            // Smith, 34, of Palestine: where a person lives, not where the act happened.
            let residence = first >= 2
                && k(first - 1) == "of"
                && all_digits(&tokens[first - 2].key)
                && text[tokens[first - 2].end..tokens[first - 1].start].contains(',');
            let posted = (first >= 2
                && k(first - 1) == "لدي"
                && matches!(strip_particle(k(first - 2)), "سفيرها" | "سفيرهم"))
                || (first >= 3
                    && k(first - 1) == "to"
                    && matches!(k(first - 2), "ambassador" | "ambassadors")
                    && matches!(k(first - 3), "its" | "their" | "his" | "her"));
            // بمساعدة كبيرة من الولايات المتحدة, aid from the United States: who gives the aid
            // or the support, not where it is given.
            let from = match k(first.wrapping_sub(1)) {
                "the" => first.checked_sub(2),
                _ => first.checked_sub(1),
            };
            // Not "aid workers from Gaza": the people are from there. A second donor joined by
            // "and" (aid from the UAE and Saudi Arabia) is one too.
            let donor_after = |f: usize| {
                matches!(k(f), "من" | "from")
                    && triggers.iter().any(|t| {
                        matches!(t.cat, Category::Aid | Category::Support)
                            && t.last < f
                            && f <= t.last + 3
                            && !(t.last + 1..f).any(|w| AID_PEOPLE.contains(&k(w)))
                    })
            };
            let donor = from.is_some_and(donor_after)
                || (first >= 3
                    && (k(first - 1) == "and"
                        || (m.start > cstart[first] && tokens[first].key.starts_with('و')))
                    && (first.saturating_sub(6)..first - 1).any(|f| {
                        donor_after(f) && !(f + 1..first).any(|w| AID_STOPS.contains(&k(w)))
                    }));
            let qualifies = home
                || border
                || left
                || posted
                || residence
                || donor
                || first > 0
                    && (is(first - 1, Cue::Qualifier)
                        || (first >= 2 && k(first - 1) == "of" && is(first - 2, Cue::Qualifier))
                        || (first >= 3
                            && k(first - 1) == "the"
                            && k(first - 2) == "of"
                            && is(first - 3, Cue::Qualifier)));
            // على الأراضي السورية, "on Syrian soil", Iranian airspace: the adjective names the
            // ground, a place like a name after a locative word.
            // (Arabic puts the adjective after its noun, English before: المروحيات الإيرانية
            // أجواء أذربيجان are Iranian helicopters in Azerbaijan's airspace.)
            let territory = m.form == MentionForm::Adjective
                && if k(first).is_ascii() {
                    TERRITORY_WORDS.contains(&k(last + 1))
                } else {
                    first >= 1 && TERRITORY_WORDS.contains(&strip_particle(k(first - 1)))
                };
            mentions.push(SMention {
                place: pi,
                form: if territory { MentionForm::Name } else { m.form },
                first,
                last,
                locative: glued || before || territory,
                qualifies,
                media: None,
            });
        }
        mentions.sort_by_key(|m| m.first);
        for m in mentions.iter_mut() {
            m.media = media_name(m, text, tokens);
        }
        let dates = dates::find(text, tokens, self.published);
        let background = keys.iter().any(|k| {
            matches!(
                strip_particle(k),
                "منذ" | "منفصل" | "منفصله" | "since" | "separate" | "another"
            )
        });
        let sentence_text = text.to_string();

        // Denials and negations: decide before building events.
        let n = triggers.len();
        let mut mode = vec![Mode::Done; n];
        let mut keep = vec![true; n];
        let mut negated = vec![false; n];
        for (i, t) in triggers.iter().enumerate() {
            // A negation word shortly before, with no other trigger in between.
            let from = triggers[..i].last().map_or(0, |u| u.last + 1);
            negated[i] = (t.first.saturating_sub(3).max(from)..t.first)
                .any(|w| clause[w] == clause[t.first] && is(w, Cue::Negation));
        }
        for i in 0..n {
            let t = triggers[i];
            let e = &self.lex.entries[t.entry];
            if !e.flags.deny {
                continue;
            }
            if negated[i] {
                keep[i] = false;
            }
            for j in i + 1..n {
                let u = triggers[j];
                if clause[u.first] != clause[t.first] || u.first > t.last + 8 {
                    break;
                }
                if negated[i] {
                    mode[j] = mode[j].min(Mode::Reported);
                } else if !u.cat.is_speech() {
                    mode[j] = Mode::Denied;
                }
            }
        }
        let mut was_asked = vec![false; n];
        for i in 0..n {
            let t = triggers[i];
            if negated[i] {
                mode[i] = Mode::Denied;
                continue;
            }
            let same = |w: usize| clause[w] == clause[t.first];
            // A connective between two acts (after, بعد), but not "as well as", "such as".
            let linked = |from: usize| {
                (from..t.first).any(|w| {
                    let k = strip_particle(keys[w]);
                    let as_in_phrase = keys[w] == "as"
                        && (w > 0 && matches!(keys[w - 1], "well" | "such")
                            || keys.get(w + 1) == Some(&"well"));
                    (CONNECTIVES.contains(&keys[w]) || CONNECTIVES.contains(&k)) && !as_in_phrase
                })
            };
            // A relative pronoun at word `v` (من, الذي, who, which, whom; "that" is a
            // conjunction as often, so callers decide on it).
            let relative = |v: usize| {
                RELATIVES.contains(&strip_particle(keys[v]))
                    || matches!(keys[v], "who" | "which" | "whom")
            };
            // Not across a connective: "vowed revenge after militants killed 13 troops".
            // Not "must have been killed" (an inference that it happened), nor across a relative
            // pronoun (يجب محاسبة من قتلوا: the killing happened).
            // "is supposed to allow", ويفترض أن تسمح, من المفترض أن: what should happen; not
            // "the supposed attacker" (alleged) nor يفترض المحققون أن (investigators assume).
            let supposed = |w: usize| {
                let next = keys.get(w + 1).copied();
                (keys[w] == "supposed" && next == Some("to"))
                    || (matches!(strip_particle(keys[w]), "يفترض" | "المفترض")
                        && next == Some("ان"))
            };
            let intent_before = (t.first.saturating_sub(4)..t.first).any(|w| {
                same(w)
                    && (is(w, Cue::Intent) || supposed(w))
                    && !linked(w + 1)
                    && !(keys[w] == "must" && keys.get(w + 1) == Some(&"have"))
                    && !(w + 1..t.first).any(relative)
            });
            let intent_after =
                (t.last + 1..(t.last + 3).min(keys.len())).any(|w| is(w, Cue::IntentAfter));
            // An English noun whose own coming about a modal tells, itself or through "which" /
            // "that" (the negotiations would be in, meetings, which will take place, the
            // meeting will be held), or that is on a calendar (talks scheduled for May): the
            // act is to come, or only supposed. Not what is said of an act ("the resignation
            // will become an example", "a deal that should spare him", "will be investigated").
            let modal_after = t.pos == Pos::Noun && keys[t.first].is_ascii() && {
                let mut w = t.last + 1;
                if keys.get(w).is_some_and(|k| matches!(*k, "which" | "that")) {
                    w += 1;
                }
                let verb = keys.get(w + 1).copied().unwrap_or("");
                let after = keys.get(w + 2).copied().unwrap_or("");
                // "will begin next week", not "will begin its third year"; "will be held",
                // "would be in", not "will be long", "could be seen".
                let comes = match verb {
                    "take" => after == "place",
                    "occur" | "happen" | "begin" | "start" | "resume" | "convene" => {
                        !matches!(after, "its" | "their" | "his" | "her" | "a" | "an" | "the")
                    }
                    "be" => BE_COMING.contains(&after),
                    _ => false,
                };
                // A meeting that "will discuss" or "will focus on" is to come, whatever it will
                // do.
                let meeting_will = t.cat == Category::Consult
                    && keys.get(w).is_some_and(|k| matches!(*k, "will" | "shall"))
                    && !matches!(verb, "be" | "have" | "not" | "also");
                (keys.get(w).is_some_and(|k| MODALS_AFTER_NOUN.contains(k))
                    && (comes || meeting_will))
                    || (w == t.last + 1 && keys.get(w).is_some_and(|k| SCHEDULED.contains(k)))
            };
            // قبل اجتماع للدول الأعضاء يعقد بطلب من أنقرة, قمة ستعقد: an Arabic meeting that "is
            // held" in the present or future tense, in its clause, is still to come.
            let ar_held = t.cat == Category::Consult
                && t.pos == Pos::Noun
                && !keys[t.first].is_ascii()
                && (t.last + 1..(t.last + 7).min(keys.len()))
                    .any(|w| same(w) && AR_HELD.contains(&strip_particle(keys[w])));
            let to_infinitive = t.pos == Pos::Present
                && t.first > 0
                && keys[t.first - 1] == "to"
                && keys[t.first].is_ascii();
            // An English past verb, or an Arabic verb joined by و (وقتلت): an act of its own, not
            // the complement of a verb before it.
            let own_act = if keys[t.first].is_ascii() {
                t.pos == Pos::Past || (t.pos == Pos::Any && keys[t.first].ends_with("ed"))
            } else {
                matches!(t.pos, Pos::Past | Pos::Any)
                    && tokens[t.first]
                        .key
                        .strip_prefix('و')
                        .is_some_and(|r| r.chars().count() >= 3)
            };
            // The object of a noun (التحقيق في مقتل, an investigation into the killing): an act
            // that is referred to, which happened.
            // Not after a word of joining (المشاركة في الإضراب: the strike is what is called
            // for), and not "of", which as often names the act asked for (the imposition of
            // sanctions, a week of protests).
            let noun_object = t.first > 0
                && matches!(
                    strip_particle(keys[t.first - 1]),
                    "في" | "عن" | "علي" | "into" | "against" | "over" | "about"
                )
                && !(t.first >= 2
                    && matches!(
                        strip_particle(keys[t.first - 2]),
                        "المشاركه" | "مشاركه" | "الانضمام" | "join" | "joining" | "participate"
                    ));
            // ندعو الجيش التركي إلى وقف إطلاق النار, threatened to bomb the dam: the first act
            // after a request or a threat, in its clause, is what is asked for or threatened.
            // A second object joined by و / and (بقصف المدينة واقتحام السجن, to attack the
            // city and kidnap foreigners) is asked for too.
            let coordinated = t.first > 0
                && (matches!(keys[t.first - 1], "and" | "or")
                    || (!keys[t.first].is_ascii() && tokens[t.first].key.starts_with('و')));
            let asked = i > 0 && {
                let u = triggers[i - 1];
                // agreed to cooperate, اتفقتا على التعاون: what is agreed to is part of the
                // agreement, and still to come.
                // Not اتفق على أن (agreed that): what follows is said to be so.
                let agreed_to = u.cat == Category::Agree
                    && u.pos != Pos::Noun
                    && (u.last + 1..t.first)
                        .any(|w| matches!(keys[w], "to" | "علي") && keys.get(w + 1) != Some(&"ان"));
                let after_request = (matches!(u.cat, Category::Request | Category::Threaten)
                    || agreed_to)
                    && !negated[i - 1];
                (after_request || (was_asked[i - 1] && coordinated))
                    && same(u.first)
                    && t.first <= u.last + 8
                    && !linked(u.last + 1)
                    && !own_act
                    && (!noun_object || agreed_to)
            };
            was_asked[i] = asked;
            let purpose = t.purpose && t.pos == Pos::Present;
            // وتريد واشنطن إشراك نظام الرئيس السوري بشار الأسد في مفاوضات: a verb of wanting
            // reaches across its object to the first act after it, when that act is what is
            // wanted: not the object of عن, على, of, for (تريد معاقبة المسؤولين عن الهجوم: the
            // attack happened), nor past a relative pronoun, a connective or a negation.
            let about = t.first > 0
                && matches!(
                    strip_particle(keys[t.first - 1]),
                    "عن" | "علي" | "of" | "for" | "about" | "against"
                );
            let wanted = !own_act
                && !about
                && (t.first.saturating_sub(WANT_REACH)..t.first).any(|w| {
                    same(w)
                        && WANT_VERBS.contains(&strip_particle(keys[w]))
                        && !triggers[..i].iter().any(|u| u.first > w)
                        && !(w.saturating_sub(2)..w).any(|v| is(v, Cue::Negation))
                        && !linked(w + 1)
                        && !(w + 1..t.first).any(|v| relative(v) || keys[v] == "that")
                });
            // خشية قتله, fear of an attack: feared, not done; not across a connective
            // ("live in fear after gunmen killed five").
            // "Fears over the arrest" are about an act that happened.
            let feared = (t.first.saturating_sub(3)..t.first).any(|w| {
                same(w)
                    && FEAR_WORDS.contains(&strip_particle(keys[w]))
                    && keys.get(w + 1) != Some(&"over")
                    && !linked(w + 1)
            });
            // On the brink of war, على شفا حرب: imminent, not (yet) happened.
            let article = usize::from(
                t.first >= 1 && matches!(keys[t.first - 1], "a" | "an" | "the" | "all-out"),
            );
            // An agreement being negotiated or drafted (trying to negotiate a benefits
            // agreement, التفاوض على اتفاق, مشروع اتفاق) is not made yet.
            // Not one reached after negotiations (توصل الطرفان بعد مفاوضات إلى اتفاق, ratified
            // the proposed agreement); an Arabic one only as the object of the negotiating
            // (مفاوضات حول اتفاق, مشروع اتفاق).
            let negotiated = t.cat == Category::Agree
                && t.pos == Pos::Noun
                && (t.first.saturating_sub(4)..t.first).any(|w| {
                    same(w)
                        && NEGOTIATE_WORDS.contains(&strip_particle(keys[w]))
                        && !triggers[..i]
                            .iter()
                            .any(|u| u.first > w && u.cat != Category::Consult)
                })
                && (keys[t.first].is_ascii()
                    || matches!(
                        strip_particle(keys[t.first - 1]),
                        "علي" | "حول" | "بشان" | "مشروع"
                    ))
                && !(t.first.saturating_sub(8)..t.first)
                    .any(|w| CONCLUDE_WORDS.contains(&strip_particle(keys[w])));
            let brink = (t.first >= 2 + article
                && keys[t.first - 1 - article] == "of"
                && matches!(keys[t.first - 2 - article], "edge" | "brink" | "verge"))
                || (t.first >= 1
                    && matches!(strip_particle(keys[t.first - 1]), "شفا" | "شفير" | "حافه"));
            // Without an act, right before it (without consulting him, without a fight, من دون
            // التفاوض): it did not happen. Not further off (دون العاشرة في قصف: under ten).
            let without = |w: usize| WITHOUT.contains(&strip_particle(keys[w]));
            let done_without = (t.first >= 1 && without(t.first - 1))
                || (t.first >= 2
                    && matches!(keys[t.first - 1], "a" | "an" | "any" | "the")
                    && without(t.first - 2));
            // To prevent an act, or to avoid it: it did not happen; not across a connective or
            // another act ("avoided the road after gunmen attacked"), and not a prevention that
            // failed or was not tried ("failed to prevent", "did nothing to prevent", لم تمنع)
            // or should have been ("ought to have prevented"): then the act happened.
            let prevented = (t.first.saturating_sub(3)..t.first).any(|w| {
                same(w)
                    && PREVENT_WORDS.contains(&strip_particle(keys[w]))
                    && !triggers[..i].iter().any(|u| u.first > w)
                    && !linked(w + 1)
                    && !(w.saturating_sub(3)..w).any(|v| {
                        is(v, Cue::Negation)
                            || matches!(
                                strip_particle(keys[v]),
                                "failed" | "fail" | "fails" | "nothing" | "have" | "فشل" | "فشلت"
                            )
                    })
            });
            // Stopped in time ("wounding him before more people could be killed"), or told
            // falsely ("falsely accusing a man of sexual assault"): it did not happen.
            let modal_at = match t.first {
                f if f >= 1 && matches!(keys[f - 1], "could" | "can") => Some(f - 1),
                f if f >= 2 && keys[f - 1] == "be" && matches!(keys[f - 2], "could" | "can") => {
                    Some(f - 2)
                }
                _ => None,
            };
            let forestalled = modal_at
                .is_some_and(|m| (m.saturating_sub(4)..m).any(|w| same(w) && keys[w] == "before"));
            // (The false telling itself, "falsely accused", did happen.)
            let falsely = (t.first.saturating_sub(9)..t.first.saturating_sub(1))
                .any(|w| same(w) && keys[w] == "falsely");
            if prevented || done_without || forestalled || falsely {
                mode[i] = Mode::Denied;
            }
            // The topic of an inquiry (ينبغي التحقيق في مقتل الصحفي) happened; what is to be
            // obtained (للحصول على دعم) has not, nor what something is for (لاستخدامها في
            // عمليات: the cue itself stands before في).
            let inquired = noun_object
                && matches!(
                    strip_particle(keys[t.first - 1]),
                    "في" | "عن" | "into" | "over" | "about"
                )
                && !(t.first >= 2 && is(t.first - 2, Cue::Intent));
            if (intent_before && !inquired)
                || brink
                || negotiated
                || intent_after
                || modal_after
                || ar_held
                || to_infinitive
                || t.future
                || purpose
                || asked
                || wanted
                || feared
            {
                mode[i] = mode[i].min(Mode::Intended);
            }
            // What is asked for or threatened is what the request or threat is about, not an
            // event of its own: event data codes one REQUEST, one THREATEN.
            if asked {
                keep[i] = false;
            }
            let reported = (0..keys.len()).any(|w| same(w) && is(w, Cue::Report));
            if reported {
                mode[i] = mode[i].min(Mode::Reported);
            }
        }

        for t in triggers.iter_mut() {
            t.cat = self.refine(t, &keys, &clause, &cue_of);
        }
        // Acts that another one brought about (التفجير الذي أسفر عن مقتل 32 شخصا في سوروج, "the
        // blast, resulting in deaths in the market"): where they happened, the cause did too.
        let consequences: Vec<usize> = triggers
            .iter()
            .filter(|u| {
                (u.first.saturating_sub(3)..u.first).any(|w| {
                    clause[w] == clause[u.first] && RESULT_WORDS.contains(&strip_particle(keys[w]))
                })
            })
            .map(|u| u.first)
            .collect();
        for (i, t) in triggers.iter().enumerate() {
            if !keep[i] {
                continue;
            }
            let actors = self.actors(a, t, text, tokens, &clause, &mentions);
            // "Raided several homes he owned there and arrested him": the place named last
            // before "there" (not an existential "there is", nor one opening the sentence).
            let there = (t.first.saturating_sub(PLACE_WINDOW)
                ..(t.last + PLACE_WINDOW).min(keys.len()))
                .find(|&w| {
                    w > 0
                        && keys[w] == "there"
                        && clause[w] == clause[t.first]
                        && !keys.get(w + 1).is_some_and(|k| EXISTENTIAL.contains(k))
                })
                .and_then(|w| {
                    mentions
                        .iter()
                        .filter(|m| {
                            m.last < w
                                && m.form == MentionForm::Name
                                && !m.qualifies
                                && m.media.is_none()
                        })
                        .max_by_key(|m| m.last)
                        .map(|m| m.place)
                });
            let hints = PlaceHints {
                triggers: &triggers,
                consequences: &consequences,
                there,
            };
            let (places, precision) = self.places(a, t, &hints, &clause, &mentions, &actors);
            // An Arabic present verb with a weekday named alone (ويجتمع السفراء الثلاثاء) tells
            // of an act to come, on the next such day. (An English base form is a noun as often:
            // "the attack on Tuesday".)
            // Only a weekday of the verb's own clause (not the day of a saying before إن, وقال
            // المرصد السبت إن القوات تقصف), not after كان (past progressive) nor منذ (since).
            let arabic_present = t.pos == Pos::Present
                && !keys[t.first].is_ascii()
                && !(t.first.saturating_sub(3)..t.first)
                    .any(|w| strip_particle(keys[w]).starts_with("كان"));
            let own_weekday = |d: &dates::DateMatch| {
                let (lo, hi) = if d.last < t.first {
                    (d.last + 1, t.first)
                } else {
                    (t.last + 1, d.first)
                };
                clause[d.first] == clause[t.first]
                    && !(lo..hi).any(|w| matches!(keys[w], "ان" | "انه" | "انها"))
                    && !(d.first > 0 && strip_particle(keys[d.first - 1]) == "منذ")
            };
            let (date, mut mode_i) = match nearest_date(&dates, t) {
                Some(d) if arabic_present && mode[i] == Mode::Done && own_weekday(d) => {
                    match &d.ahead {
                        Some(next) => (Some(next.clone()), Mode::Intended),
                        None => (Some(d.date.clone()), mode[i]),
                    }
                }
                d => (d.map(|d| d.date.clone()), mode[i]),
            };
            // A day named as the next one (يزور الرئيس السعودية الأحد المقبل, next Tuesday) after
            // the publication date is still to come. (Not a day and month alone: "the May 28
            // incident" in a March article is last year's.)
            if mode_i == Mode::Done
                && date.as_ref().zip(self.published).is_some_and(|(d, p)| {
                    after_publication(d, p)
                        && d.text
                            .split_whitespace()
                            .any(|w| NEXT_WORDS.contains(&crate::text::fold(w).as_str()))
                })
            {
                mode_i = Mode::Intended;
            }
            let mut labels: Vec<String> = Vec::new();
            for c in &actors {
                if !labels.contains(&c.label) {
                    labels.push(c.label.clone());
                }
            }
            labels.truncate(MAX_ACTORS);
            let sub = &self.lex.entries[t.entry].sub;
            let prev = t.first.checked_sub(1).map_or("", |w| keys[w]);
            // A definite report that may refer back: the robbery, هذا الاتفاق, الهجوم; not an
            // Arabic plural (الاعتقالات, more often the general run of such acts) nor the idiom
            // ألقى القبض; and not in a sentence about other times or cases (منذ, since,
            // separate).
            let key = strip_particle(keys[t.first]);
            let definite = !background
                && (matches!(prev, "the" | "this")
                    || t.pos == Pos::Noun
                        && (matches!(prev, "هذا" | "هذه" | "تلك" | "ذلك")
                            || (key.starts_with("ال") && !key.ends_with("ات") && key != "القبض")));
            out.push(Found {
                kind: t.cat,
                group: format!("{}/{}", t.cat.as_str(), sub),
                mode: mode_i,
                trigger: text[tokens[t.first].start..tokens[t.last].end].to_string(),
                passage: s.passage,
                sentence: si,
                sentence_text: sentence_text.clone(),
                trigger_start: cstart[t.first],
                trigger_end: cend[t.last],
                date,
                places,
                precision,
                actors: labels,
                definite,
            });
        }
    }

    /// Category refinements that need the words around the trigger.
    fn refine(&self, t: &Trigger, keys: &[&str], clause: &[usize], cue_of: &[&[Cue]]) -> Category {
        let is = |w: usize, c: Cue| cue_of.get(w).is_some_and(|v| v.contains(&c));
        let e = &self.lex.entries[t.entry];
        let near = |lo: usize, hi: usize, cue: Cue| {
            (lo..hi.min(keys.len())).any(|w| clause[w] == clause[t.first] && is(w, cue))
        };
        // استدعت سفيرها: recalling one's own envoy reduces relations.
        if e.flags.summon
            && (t.last + 1..(t.last + 5).min(keys.len())).any(|w| cues::own_envoy(keys[w]))
        {
            return Category::Sanction;
        }
        // Military, financial or economic support, and support sent or provided, is aid.
        if t.cat == Category::Support
            && (near(t.last + 1, t.last + 3, Cue::Material)
                || near(t.first.saturating_sub(1), t.first, Cue::Material)
                || near(t.first.saturating_sub(2), t.first, Cue::Provide))
        {
            return Category::Aid;
        }
        // An official's protest (أعربت عن احتجاجها, lodged a protest) is a complaint.
        let official = (t.first.saturating_sub(6)..t.first).any(|w| {
            clause[w] == clause[t.first]
                && is(w, Cue::Official)
                && !(w > 0 && is(w - 1, Cue::Front))
        });
        if e.flags.official
            && (near(t.first.saturating_sub(3), t.first, Cue::Expressed) || official)
        {
            return Category::Accuse;
        }
        t.cat
    }

    /// Actor candidates around a trigger, the presumed agent first.
    fn actors(
        &self,
        a: &Analysis,
        t: &Trigger,
        text: &str,
        tokens: &[Token],
        clause: &[usize],
        mentions: &[SMention],
    ) -> Vec<ActorCand> {
        let lo = t.first.saturating_sub(ACTOR_WINDOW);
        let hi = (t.last + ACTOR_WINDOW + 1).min(tokens.len());
        // A verbal noun opening its clause (، توقيف أشخاص) takes its agent from the clause
        // before.
        let opens = t.pos == Pos::Noun && (t.first < 2 || clause[t.first - 2] != clause[t.first]);
        let same =
            |w: usize| clause[w] == clause[t.first] || (opens && clause[w] + 1 == clause[t.first]);
        let mut cands: Vec<ActorCand> = Vec::new();
        for m in mentions {
            if m.first < lo || m.first >= hi {
                continue;
            }
            // دولار أميركي: a currency, not an actor.
            if m.form == MentionForm::Adjective
                && m.first > 0
                && cues::is(&tokens[m.first - 1].key, Cue::Currency)
            {
                continue;
            }
            // Soviet-made tanks, Soviet-era missiles, صواريخ سوفيتية الصنع: where a thing was
            // made or when, not who acts.
            if m.form == MentionForm::Adjective && made_or_era(m, text, tokens) {
                continue;
            }
            // A medium's country (وكالة الصحافة الفرنسية) is the source of a reported act,
            // unless the sentence names that country outside the medium too (state television
            // on its own government's arrests). A medium can make a statement itself (the
            // Syrian military media denied), but not one it is told or quoted in.
            if let Some(speaks) = m.media {
                let outside = mentions
                    .iter()
                    .any(|o| o.place == m.place && o.media.is_none());
                let statement = speaks && t.cat.is_speech();
                if !(outside || statement) {
                    continue;
                }
            }
            let p = &a.places[m.place];
            let cc = p.country_code.clone().unwrap_or_default();
            match (p.kind, m.form) {
                (PlaceKind::Country, _) | (_, MentionForm::Adjective) => cands.push(ActorCand {
                    label: p.name.clone(),
                    at: m.first,
                    country: Some(m.place),
                }),
                (PlaceKind::City, MentionForm::Name) => {
                    // A capital standing for its government: next to the trigger, not after a
                    // preposition, its country named in the article.
                    let close = m.first + 2 >= t.first && m.first <= t.last + 2;
                    if let Some(&ci) = self.country_of.get(&cc) {
                        if close && !m.locative && p.population >= METONYM_POPULATION {
                            cands.push(ActorCand {
                                label: a.places[ci].name.clone(),
                                at: m.first,
                                country: Some(ci),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        let mentioned = |w: usize| mentions.iter().any(|m| (m.first..=m.last).contains(&w));
        let mut w = lo;
        while w < hi {
            if (t.first..=t.last).contains(&w) {
                w += 1;
                continue;
            }
            let skip = |x: usize| mentioned(x) || (t.first..=t.last).contains(&x);
            if let Some((name, len)) = cues::person_at(text, tokens, w, skip) {
                cands.push(ActorCand {
                    label: name,
                    at: w,
                    country: None,
                });
                w += len;
                continue;
            }
            if let Some((label, len)) = cues::actor_at(tokens, w) {
                // A group bound to a country (وزارة الخارجية الإيرانية, سلطات باكو, Iranian
                // police) is that country, already among the candidates.
                let arabic = !tokens[w].key.is_ascii();
                let bound = mentions.iter().any(|m| {
                    if arabic {
                        m.first == w + len
                            || (m.first == w + len + 1 && m.form == MentionForm::Adjective)
                    } else {
                        m.last + 1 == w
                    }
                });
                if !bound {
                    cands.push(ActorCand {
                        label: label.to_string(),
                        at: w,
                        country: None,
                    });
                }
                w += len;
            } else {
                w += 1;
            }
        }
        // Agent first: the trigger's own clause before the others; an Arabic verb's subject
        // follows it (استدعت إيران), an English one and a noun's precede it.
        let arabic = !tokens[t.first].key.is_ascii();
        let verb = matches!(t.pos, Pos::Past | Pos::Present | Pos::Any);
        let rank = |c: &ActorCand| -> (u8, u8, usize) {
            let after = c.at > t.last;
            let d = if after { c.at - t.last } else { t.first - c.at };
            let side = if arabic && verb {
                if after && d <= 4 {
                    0
                } else {
                    1
                }
            } else if after {
                1
            } else {
                0
            };
            (u8::from(!same(c.at)), side, d)
        };
        cands.sort_by_key(|c| rank(c));
        cands
    }

    /// The event's places and how precisely they locate it.
    fn places(
        &self,
        a: &Analysis,
        t: &Trigger,
        hints: &PlaceHints,
        clause: &[usize],
        mentions: &[SMention],
        actors: &[ActorCand],
    ) -> (Vec<usize>, &'static str) {
        // A place with another trigger between it and this one is that trigger's
        // ("families clashed in a camp and gunmen opened fire in the Bekaa"), unless that
        // trigger is what this one brought about (the deaths a bombing caused, there).
        let theirs = |m: &SMention| {
            hints.triggers.iter().any(|u| {
                u.first != t.first
                    && ((m.last < u.first && u.last < t.first)
                        || (t.last < u.first
                            && u.last < m.first
                            && !hints.consequences.contains(&u.first)))
            })
        };
        let plausible = |m: &SMention| {
            let p = &a.places[m.place];
            if m.form != MentionForm::Name || m.qualifies {
                return false;
            }
            // Countries, and names of several words (Northern Ireland), are rarely a word
            // misread as a name.
            if p.kind == PlaceKind::Country || m.last > m.first {
                return true;
            }
            // A town of a country neither the sentence nor the article is about is more
            // likely a word read as a name than where the event happened.
            let cc = p.country_code.as_deref().unwrap_or("");
            let others = mentions
                .iter()
                .filter(|o| o.place != m.place)
                .any(|o| a.places[o.place].country_code.as_deref() == Some(cc));
            others || m.locative || self.focus_cc.iter().any(|c| c == cc)
        };
        let coherent = |m: &SMention| plausible(m) && !theirs(m);
        let dist = |m: &SMention| -> usize {
            if m.last < t.first {
                t.first - m.last
            } else {
                m.first.saturating_sub(t.last)
            }
        };
        // A big city named without a preposition (طهران لن تسمح, Baghdad said) is more often
        // its government than the scene: ranked as a country.
        // A region without a country (a continent, a historical state such as the Soviet Union,
        // a region across borders) is no more specific than a country.
        let rank_of = |m: &SMention| {
            let p = &a.places[m.place];
            if (p.kind == PlaceKind::City && !m.locative && p.population >= 500_000)
                || (p.kind == PlaceKind::Region && p.country_code.is_none())
            {
                kind_rank(PlaceKind::Country)
            } else {
                kind_rank(p.kind)
            }
        };
        let near: Vec<&SMention> = mentions
            .iter()
            .filter(|m| coherent(m))
            .filter(|m| {
                clause[m.first] == clause[t.first] && (dist(m) <= PLACE_WINDOW || m.locative)
            })
            .collect();
        let ranking = |m: &SMention| {
            let d = dist(m) as i64 - if m.locative { 6 } else { 0 };
            (rank_of(m), d, m.place)
        };
        let mut ranked: Vec<(u8, i64, usize)> = if near.is_empty() {
            // Outside the clause only what is close, nearest first.
            mentions
                .iter()
                .filter(|m| coherent(m) && dist(m) <= PLACE_WINDOW)
                .map(|m| (0, dist(m) as i64, m.place))
                .collect()
        } else {
            near.iter().map(|m| ranking(m)).collect()
        };
        if ranked.is_empty() {
            // Still nothing: the sentence names its scene once, further away ("caught up with
            // him near Atlanta in June, but … after his arrest"). Before the actor's or the
            // article's country, the places of the sentence after a locative word (في, near,
            // in), most specific first; not one with another act between (a bomb in Mosul is not
            // where the arrests of the sentence's other clause were made).
            ranked = mentions
                .iter()
                .filter(|m| m.locative && coherent(m))
                .map(ranking)
                .collect();
        }
        if !ranked.is_empty() {
            ranked.sort();
            let mut places = Vec::new();
            for (_, _, p) in ranked {
                if !places.contains(&p) {
                    places.push(p);
                }
            }
            places.truncate(MAX_PLACES);
            return (places, "place");
        }
        if let Some(p) = hints.there {
            return (vec![p], "place");
        }
        // The actor's country, when it is one the article is about (an intervening foreign
        // power is not where things happen). Not for an attack when the article's main place
        // lies in another country: an army strikes abroad ("where the Israeli army dropped
        // cluster bombs", in an article about southern Lebanon), and the attack is the target's.
        let main_cc = self
            .focus_place
            .and_then(|f| a.places[f].country_code.as_ref());
        let in_focus = |c: usize| {
            a.places[c].country_code.as_ref().is_some_and(|cc| {
                self.focus_cc.contains(cc)
                    && !(t.cat == Category::Assault && main_cc.is_some_and(|m| m != cc))
            })
        };
        if let Some(c) = actors
            .iter()
            .filter_map(|c| c.country)
            .find(|&c| in_focus(c))
        {
            let p = &a.places[c];
            let country = match p.kind {
                PlaceKind::Country => Some(c),
                _ => p
                    .country_code
                    .as_ref()
                    .and_then(|cc| self.country_of.get(cc).copied()),
            };
            if let Some(c) = country {
                return (vec![c], "country");
            }
        }
        match self.focus_place {
            Some(f) => (vec![f], "article"),
            None => (Vec::new(), "article"),
        }
    }
}

/// Drop the triggers for which `dropped(t, all)` holds, each judged against the whole list
/// (so that dropping one does not change the verdict on another).
/// Does punctuation that ends a clause (a comma, a semicolon, a colon, a full stop, Arabic or
/// Latin) stand between word `a` and a later word `b`?
fn punctuated(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    text[tokens[a].end..tokens[b].start].contains([',', '،', ';', '؛', ':', '.'])
}

/// Is the word a number written in digits (34, 120)?
fn all_digits(key: &str) -> bool {
    key.bytes().all(|b| b.is_ascii_digit())
}

fn drop_where(triggers: &mut Vec<Trigger>, dropped: impl Fn(&Trigger, &[Trigger]) -> bool) {
    let drop: Vec<bool> = triggers.iter().map(|t| dropped(t, triggers)).collect();
    let mut flags = drop.into_iter();
    triggers.retain(|_| !flags.next().unwrap_or(false));
}

/// Words before a hyphen that make an adjective of the trigger after it (anti-war, tug-of-war).
const HYPHEN_ADJECTIVE_PREFIXES: &[&str] = &["anti", "pro", "of"];

/// The word without a leading Arabic conjunction or preposition (لأي -> أي), for short
/// particles.
fn strip_particle(key: &str) -> &str {
    ["و", "ف", "ل", "ب"]
        .iter()
        .find_map(|p| key.strip_prefix(p).filter(|r| r.chars().count() >= 2))
        .unwrap_or(key)
}

/// Words that link two acts in time or cause: what follows is not the object of a request
/// before them (folded).
const CONNECTIVES: &[&str] = &[
    "after",
    "before",
    "when",
    "because",
    "since",
    "while",
    "following",
    "as",
    "amid",
    "بعد",
    "قبل",
    "عندما",
    "حين",
    "لان",
    "اثر",
    "عقب",
    "وسط",
    "جراء",
];

/// Nouns for people who left, before من / from and a place (folded; a leading و ف ل ب is
/// stripped before the look-up, so لل is looked up as ل + the noun).
const FLEE_NOUNS: &[&str] = &[
    "الفارين",
    "الفارون",
    "لفارين",
    "الهاربين",
    "النازحين",
    "النازحون",
    "لنازحين",
    "المهجرين",
    "لمهجرين",
    "اللاجيين",
    "اللاجيون",
    "لاجيين",
    "refugees",
    "evacuees",
];

/// Words that make the act after them the result of an earlier one (folded): أسفر عن, أدى إلى,
/// "resulting in", "leaving".
const RESULT_WORDS: &[&str] = &[
    "اسفر",
    "اسفرت",
    "ادي",
    "ادت",
    "خلف",
    "خلفت",
    "اوقع",
    "اوقعت",
    "resulting",
    "resulted",
    "leaving",
    "causing",
    "caused",
];

/// Words for a country's ground, before its Arabic adjective or after its English one
/// (folded): the adjective then names where things happen.
const TERRITORY_WORDS: &[&str] = &[
    "الاراضي",
    "اراضي",
    "الارض",
    "الاجواء",
    "اجواء",
    "الاقليم",
    "territory",
    "territories",
    "soil",
    "airspace",
    "waters",
];

/// Words after "there" that make it existential ("there were arrests"), not a place.
const EXISTENTIAL: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "may", "might", "could",
    "should", "must", "seems", "seemed", "appears", "appeared", "remain", "remains", "being", "be",
    "s",
];

/// "Without" right before an act (folded).
const WITHOUT: &[&str] = &["without", "بدون", "دون"];

/// Words of prevention a few words before an act (folded): the act did not happen ("to prevent
/// the regime's takeover", لمنع سيطرة النظام, "fled to avoid arrest").
const PREVENT_WORDS: &[&str] = &[
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "avert",
    "averts",
    "averted",
    "averting",
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "منع",
    "يمنع",
    "تمنع",
    "تفادي",
    "تجنب",
    "الحيلوله",
];

/// Words of fear a few words before an act: the act is feared, not done (folded).
const FEAR_WORDS: &[&str] = &[
    "خشيه",
    "خوفا",
    "مخاوف",
    "المخاوف",
    "يخشي",
    "تخشي",
    "يخشون",
    "fear",
    "fears",
    "feared",
];

/// Verbs of wanting and intending that make the first act after them intended, however long
/// their object (folded: ى is ي).
const WANT_VERBS: &[&str] = &[
    "يريد",
    "تريد",
    "يريدون",
    "نريد",
    "يرغب",
    "ترغب",
    "يسعي",
    "تسعي",
    "يسعون",
    "يعتزم",
    "تعتزم",
    "ينوي",
    "تنوي",
    "want",
    "wants",
    "seek",
    "seeks",
    "intend",
    "intends",
];
/// How many words before an act a verb of [`WANT_VERBS`] reaches.
const WANT_REACH: usize = 10;

/// Words right before a trigger that make it no particular event (folded: أية is ايه).
const NONSPECIFIC_BEFORE: &[&str] = &["اي", "ايه", "any", "possible", "potential", "hypothetical"];

/// Words right after a trigger that make it only possible (folded: ة is ه).
const NONSPECIFIC_AFTER: &[&str] = &["محتمل", "محتمله", "المحتمل", "المحتمله", "محتملين"];

/// People who give aid, after its word (aid workers from Gaza are from there).
const AID_PEOPLE: &[&str] = &[
    "workers",
    "worker",
    "staff",
    "volunteers",
    "officials",
    "groups",
    "agencies",
];

/// Words that end a list of donors (aid from Egypt reached Gaza and Rafah).
const AID_STOPS: &[&str] = &["to", "reached", "for", "in", "الي", "في", "وصلت", "لـ"];

/// Words of negotiating or drafting an agreement not made yet, folded.
const NEGOTIATE_WORDS: &[&str] = &[
    "negotiate",
    "negotiating",
    "draft",
    "drafting",
    "proposed",
    "التفاوض",
    "تفاوض",
    "مفاوضات",
    "المفاوضات",
    "مشروع",
];

/// Words of deepening a relation that goes on (تعميق التعاون, strengthening cooperation),
/// folded.
const DEEPEN_WORDS: &[&str] = &[
    "تعميق",
    "تعزيز",
    "توسيع",
    "تطوير",
    "strengthen",
    "strengthening",
    "deepen",
    "deepening",
    "expand",
    "expanding",
    "boost",
    "boosting",
    "enhance",
    "enhancing",
    "strengthened",
    "deepened",
    "expanded",
    "boosted",
    "enhanced",
];

/// Arabic verbs of a meeting being held, present or future (folded): يعقد, ستعقد.
const AR_HELD: &[&str] = &[
    "يعقد",
    "تعقد",
    "سيعقد",
    "ستعقد",
    "ينعقد",
    "تنعقد",
    "سينعقد",
    "ستنعقد",
];

/// Words that name the next day, week or month (folded).
const NEXT_WORDS: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه", "next", "coming"];

/// Words of concluding an agreement (توصل, أبرم, signed, ratified), folded.
const CONCLUDE_WORDS: &[&str] = &[
    "توصل",
    "توصلا",
    "توصلت",
    "توصلوا",
    "اسفرت",
    "اسفر",
    "ابرم",
    "ابرما",
    "ابرمت",
    "وقع",
    "وقعا",
    "وقعت",
    "signed",
    "reached",
    "ratified",
    "approved",
    "concluded",
];

/// Nouns after an act that say it did not happen (a shooting threat, a bomb plot).
const NOT_DONE_AFTER: &[&str] = &[
    "threat",
    "threats",
    "plot",
    "plots",
    "scare",
    "hoax",
    "drill",
    "drills",
    "rehearsal",
];

/// Words of a habit: what is generally done is no one event, folded.
const HABITUAL: &[&str] = &[
    "generally",
    "usually",
    "typically",
    "routinely",
    "often",
    "always",
    "normally",
    "عاده",
    "غالبا",
    "دايما",
];

/// Modals after a noun that make its act one to come (the talks would be, meetings, which
/// will take place).
const MODALS_AFTER_NOUN: &[&str] = &["will", "would", "shall", "could", "might", "may", "should"];

/// Words right after a noun that put its act on a calendar (talks scheduled for May). Not
/// "held", "set" or "convened", past as often (the meeting held on Monday).
const SCHEDULED: &[&str] = &["scheduled", "slated", "planned"];

/// Words after a modal and "be" that tell of an act to come (the meeting will be held, the
/// talks would be in Geneva).
const BE_COMING: &[&str] = &["held", "convened", "scheduled", "staged", "in", "on", "at"];

/// على with a pronoun that refers back (عليها, عليهما), folded.
const ON_PRONOUNS: &[&str] = &["عليه", "عليها", "عليهما", "عليهم", "عليهن"];

/// Words of a state that goes on (لا تزال, ما زال, still), folded.
const STILL: &[&str] = &[
    "تزال",
    "يزال",
    "يزالون",
    "يزالان",
    "تزالان",
    "تزل",
    "يزل",
    "زالت",
    "زال",
    "زالوا",
    "مازال",
    "مازالت",
    "مازالوا",
    "لازال",
    "لازالت",
    "لاتزال",
    "لايزال",
    "still",
];

/// How many words before a verb of control a word of a state that goes on may stand (لا
/// تزال قوات النظام السوري تسيطر).
const STILL_REACH: usize = 6;

/// One's own name or identity, folded (نشر اسمه, الكشف عن هويتهم, their names).
const OWN_NAME: &[&str] = &[
    "اسمه",
    "اسمها",
    "اسمهم",
    "اسماءهم",
    "اسمايهم",
    "هويته",
    "هويتها",
    "هويتهم",
    "هويتهما",
    "هوياتهم",
    "اسميهما",
    "اسماوهم",
];

/// Arabic relative pronouns (folded: ى is ي).
const RELATIVES: &[&str] = &[
    "التي",
    "الذي",
    "الذين",
    "اللتين",
    "اللذين",
    "اللذان",
    "اللتان",
    "اللاتي",
    "اللواتي",
];

/// Smaller is more specific.
fn kind_rank(k: PlaceKind) -> u8 {
    match k {
        PlaceKind::Landmark => 0,
        PlaceKind::City => 1,
        PlaceKind::Water | PlaceKind::Region => 2,
        PlaceKind::Country => 3,
    }
}

/// The sentence's date expression nearest to the trigger (the earlier one on a tie).
/// Is this resolved day later than the publication date?
fn after_publication(d: &EventDate, p: dates::Ymd) -> bool {
    match (d.year, d.month, d.day) {
        (Some(y), Some(m), Some(day)) => (y, m, day) > (p.year, p.month, p.day),
        _ => false,
    }
}

fn nearest_date<'d>(dates: &'d [dates::DateMatch], t: &Trigger) -> Option<&'d dates::DateMatch> {
    dates.iter().min_by_key(|d| {
        if d.last < t.first {
            (t.first - d.last, 0)
        } else if d.first > t.last {
            (d.first - t.last, 1)
        } else {
            (0, 0)
        }
    })
}

fn precision_rank(d: &EventDate) -> u8 {
    match d.precision.as_str() {
        "day" => 3,
        "month" => 2,
        "year" => 1,
        _ => 0,
    }
}

/// Could two dates be the same day?
fn dates_agree(a: &Option<EventDate>, b: &Option<EventDate>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return true;
    };
    if a.precision == "relative" || b.precision == "relative" {
        return crate::text::fold(&a.text) == crate::text::fold(&b.text);
    }
    let eq = |x: Option<i64>, y: Option<i64>| x.is_none() || y.is_none() || x == y;
    eq(a.year.map(i64::from), b.year.map(i64::from))
        && eq(a.month.map(i64::from), b.month.map(i64::from))
        && eq(a.day.map(i64::from), b.day.map(i64::from))
}

/// Could two place lists locate the same event? They share a place, or one names the country
/// another lies in.
fn places_agree(a: &[usize], b: &[usize], places: &[Place]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let contains = |outer: &Place, inner: &Place| {
        outer.kind == PlaceKind::Country
            && inner.kind != PlaceKind::Country
            && outer.country_code.is_some()
            && outer.country_code == inner.country_code
    };
    a.iter().any(|&x| {
        b.iter().any(|&y| {
            x == y || contains(&places[x], &places[y]) || contains(&places[y], &places[x])
        })
    })
}

/// An adjective that says where or when a thing was made (Soviet-made, Chinese-built,
/// Soviet-era, روسية الصنع).
fn made_or_era(m: &SMention, text: &str, tokens: &[Token]) -> bool {
    let tail = &tokens[m.last];
    let Some(next) = tokens
        .get(m.last + 1)
        .filter(|t| t.sentence == tail.sentence)
    else {
        return false;
    };
    let gap = &text[tail.end..next.start];
    (gap == "-"
        && matches!(
            next.key.as_str(),
            "made" | "era" | "built" | "designed" | "style"
        ))
        || (gap.trim().is_empty() && next.key == "الصنع")
}

/// Arabic words (folded) that may stand between a medium's head and the country's adjective:
/// the kind of medium (وكالة الأنباء, التلفزيون الحكومي). Any other word ends the name, but for
/// a quoted title (صحيفة "تايمز" البريطانية).
const AR_MEDIA_WORDS: &[&str] = &[
    "الانباء",
    "انباء",
    "الصحافه",
    "الرسمي",
    "الرسميه",
    "الحكومي",
    "الحكوميه",
    "الفضائيه",
    "الاخباريه",
];

/// Words between a country's adjective and the medium it owns (Russian state-run news agency).
const MEDIA_MODIFIERS: &[&str] = &[
    "state",
    "official",
    "government",
    "national",
    "public",
    "military",
    "private",
    "semi",
    "run",
    "owned",
];

/// Words that make a medium the one spoken to or quoted (لوكالة, حسب وكالة, told the agency, in
/// an interview with Iranian television): then it is not the speaker.
const MEDIA_GOVERNORS: &[&str] = &[
    "حسب",
    "بحسب",
    "عن",
    "وفق",
    "وفقا",
    "نقلا",
    "to",
    "with",
    "told",
    "by",
    "from",
    "according",
    "via",
    "on",
];

/// Where a country is named inside a medium's name (وكالة الصحافة الفرنسية, صحيفة "تايمز"
/// البريطانية, التلفزيون الإيراني, Iranian state television, the French news agency): `None`
/// when it is not; otherwise whether the medium is the speaker of the sentence (true) or is
/// spoken to or quoted (لوكالة, told the French news agency). Arabic puts the medium first,
/// with at most one word between that names the kind of medium or is a quoted title; English
/// puts it after, right away or after words that describe it.
fn media_name(m: &SMention, text: &str, tokens: &[Token]) -> Option<bool> {
    let joined = |a: &Token, b: &Token| {
        a.sentence == b.sentence
            && text[a.end..b.start]
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || "-\"'«»“”".contains(c))
    };
    let governed = |w: usize| {
        (w.saturating_sub(3)..w).any(|v| {
            tokens[v].sentence == tokens[w].sentence
                && MEDIA_GOVERNORS.contains(&tokens[v].key.as_str())
        })
    };
    let head = &tokens[m.first];
    if !head.key.is_ascii() {
        let w = (m.first.saturating_sub(2)..m.first).find(|&w| {
            let between = &tokens[w + 1..m.first];
            cues::is(&tokens[w].key, Cue::Media)
                && joined(&tokens[w], head)
                && between.iter().all(|t| {
                    AR_MEDIA_WORDS.contains(&t.key.as_str())
                        || text[..t.start].ends_with(['"', '«', '“'])
                })
        })?;
        // ل or ب on the head (لوكالة, بالتلفزيون) or حسب / عن before it: spoken to or quoted.
        let key = tokens[w].key.trim_start_matches(['و', 'ف']);
        let prefixed = key.starts_with('ل') || key.starts_with('ب');
        Some(!(prefixed || governed(w)))
    } else {
        let tail = &tokens[m.last];
        let media = |w: usize| tokens.get(w).is_some_and(|t| cues::is(&t.key, Cue::Media));
        let modifier = |w: usize| {
            tokens
                .get(w)
                .is_some_and(|t| MEDIA_MODIFIERS.contains(&t.key.as_str()))
        };
        // A possessive's s is a word of its own (Syria's official news agency).
        let possessive = tokens
            .get(m.last + 1)
            .is_some_and(|t| t.key == "s" && matches!(&text[tail.end..t.start], "'" | "’"));
        let next = m.last + 1 + usize::from(possessive);
        let named = tokens.get(next).is_some_and(|t| joined(tail, t))
            && (media(next)
                || (modifier(next) && media(next + 1))
                || (modifier(next) && modifier(next + 1) && media(next + 2)));
        named.then(|| !governed(m.first))
    }
}

/// Could two actor lists be the same event's? The same agent and at least two actors in
/// common (or all of the shorter list), or a lone actor found in the other list. An empty list
/// says nothing.
fn actors_agree(a: &[String], b: &[String]) -> bool {
    let (Some(x), Some(y)) = (a.first(), b.first()) else {
        return true;
    };
    if a.len() == 1 && b.contains(x) || b.len() == 1 && a.contains(y) {
        return true;
    }
    let common = a.iter().filter(|x| b.contains(x)).count();
    x == y && common >= a.len().min(b.len()).min(2)
}

/// Merge the reports of one event and number the events.
fn merge(found: Vec<Found>, places: &[Place]) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    let mut place_idx: Vec<Vec<usize>> = Vec::new();
    // Events by type group, so that a report is compared only with events it could belong to.
    // A very long document (a whole corpus in one file) compares each report with the latest
    // MERGE_WINDOW events of its group only, which keeps the merge linear in the number of reports.
    let mut by_group: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for f in found {
        let bucket = by_group.entry(f.group.clone()).or_default();
        let window = &bucket[bucket.len().saturating_sub(MERGE_WINDOW)..];
        let same = window.iter().copied().find(|&i| {
            let e = &events[i];
            let located = if e.actors.is_empty() || f.actors.is_empty() {
                // Nothing but the place to go by: it must be the same, named place.
                e.location_precision == "place"
                    && f.precision == "place"
                    && place_idx[i].first() == f.places.first()
            } else {
                actors_agree(&e.actors, &f.actors) && places_agree(&place_idx[i], &f.places, places)
            };
            located && dates_agree(&e.date, &f.date)
        });
        // "The robbery" with no place of its own, after "an armed robbery in their Grovetown
        // home": the latest event of its kind that fits is the one meant.
        let same = same.or_else(|| {
            // A few sentences after the event's last report; a date of its own must be the
            // event's ("The attack, on Monday night", not "the demonstrations of 2011").
            if !f.definite || f.precision == "place" {
                return None;
            }
            window.iter().rev().copied().find(|&i| {
                let e = &events[i];
                e.sentences
                    .last()
                    .is_some_and(|&l| l < f.sentence && f.sentence <= l + ANAPHOR_REACH)
                    && actors_agree(&e.actors, &f.actors)
                    && (f.date.is_none() || e.date.is_some() && dates_agree(&e.date, &f.date))
            })
        });
        match same {
            Some(i) => {
                let e = &mut events[i];
                // Reports come in reading order: a repeated passage or sentence is the last one.
                if e.passages.last() != Some(&f.passage) {
                    e.passages.push(f.passage);
                }
                if e.sentences.last() != Some(&f.sentence) {
                    e.sentences.push(f.sentence);
                }
                if Mode::parse(&e.mode) < f.mode {
                    e.mode = f.mode.as_str().to_string();
                }
                let better = match (&e.date, &f.date) {
                    (None, Some(_)) => true,
                    (Some(x), Some(y)) => precision_rank(y) > precision_rank(x),
                    _ => false,
                };
                if better {
                    e.date = f.date;
                }
                // A located report improves a fallback location.
                if e.location_precision != "place" && f.precision == "place" {
                    place_idx[i] = f.places.clone();
                    e.location_precision = f.precision.to_string();
                } else if e.location_precision == "place" && f.precision == "place" {
                    for p in &f.places {
                        if !place_idx[i].contains(p) && place_idx[i].len() < MAX_PLACES + 2 {
                            place_idx[i].push(*p);
                        }
                    }
                }
                e.places = place_idx[i].iter().map(|&p| places[p].id.clone()).collect();
                for x in f.actors {
                    if e.actors.len() < MAX_MERGED_ACTORS && !e.actors.contains(&x) {
                        e.actors.push(x);
                    }
                }
            }
            None => {
                let index = events.len();
                place_idx.push(f.places.clone());
                bucket.push(index);
                events.push(Event {
                    index,
                    kind: f.kind.as_str().to_string(),
                    mode: f.mode.as_str().to_string(),
                    trigger: f.trigger,
                    passage: f.passage,
                    sentence: f.sentence_text,
                    passages: vec![f.passage],
                    date: f.date,
                    places: f.places.iter().map(|&p| places[p].id.clone()).collect(),
                    actors: f.actors,
                    location_precision: f.precision.to_string(),
                    trigger_start: f.trigger_start,
                    trigger_end: f.trigger_end,
                    sentences: vec![f.sentence],
                });
            }
        }
    }
    events
}

#[cfg(test)]
mod tests;
