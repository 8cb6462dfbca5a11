//! Unit tests of event extraction: triggers in context, negation and modality, actors from
//! adjectives, places and their fallbacks, merging of reports, links both ways.
//!
//! Each case builds an [`Analysis`] by hand from one text and the places it names (so the tests
//! do not depend on the gazetteer), runs [`extract`] and looks at the events.

use super::*;
use crate::model::{Focus, Mention, Passage, PassageKind, Sentence};
use crate::text::sentence_bounds;

/// (surface as written in the text, id, English name, kind, country code, form)
type P<'a> = (&'a str, &'a str, &'a str, PlaceKind, &'a str, MentionForm);

const C: PlaceKind = PlaceKind::Country;
const CITY: PlaceKind = PlaceKind::City;
const N: MentionForm = MentionForm::Name;
const ADJ: MentionForm = MentionForm::Adjective;

/// An analysis of `text` (one passage per line) naming `places` wherever their surface occurs.
fn analysis(text: &str, places: &[P], published: Option<&str>) -> Analysis {
    let mut a = Analysis {
        published: published.map(str::to_string),
        ..Default::default()
    };
    let mut start = 0;
    for (i, line) in text.split('\n').enumerate() {
        a.passages.push(Passage {
            index: i,
            kind: PassageKind::Paragraph,
            text: line.to_string(),
            start,
        });
        start += line.chars().count() + 1;
        let b = sentence_bounds(line);
        for (k, &s) in b.iter().enumerate() {
            let e = b.get(k + 1).copied().unwrap_or(line.len());
            let seg = line[s..e].trim_end();
            a.sentences.push(Sentence {
                passage: i,
                start: line[..s].chars().count(),
                end: line[..s + seg.len()].chars().count(),
            });
        }
    }
    for &(surface, id, name, kind, cc, form) in places {
        let mut p = a.places.iter().position(|p| p.id == id);
        for (pi, passage) in a.passages.iter().enumerate() {
            for (b, _) in passage.text.match_indices(surface) {
                let cs = passage.text[..b].chars().count();
                let ce = cs + surface.chars().count();
                let sentence = a
                    .sentences
                    .iter()
                    .position(|s| s.passage == pi && s.start <= cs && ce <= s.end)
                    .unwrap_or(0);
                let idx = *p.get_or_insert_with(|| {
                    a.places.push(Place {
                        id: id.to_string(),
                        name: name.to_string(),
                        names: Default::default(),
                        kind,
                        country_code: (!cc.is_empty()).then(|| cc.to_string()),
                        lat: 0.0,
                        lon: 0.0,
                        population: if kind == CITY { 2_000_000 } else { 0 },
                        mentions: Vec::new(),
                        events: Vec::new(),
                        score: 1.0,
                        reasons: Vec::new(),
                        alternatives: Vec::new(),
                    });
                    a.places.len() - 1
                });
                a.places[idx].mentions.push(Mention {
                    passage: pi,
                    start: cs,
                    end: ce,
                    text: surface.to_string(),
                    form,
                    sentence,
                });
            }
        }
    }
    let mut ccs: Vec<(String, f64)> = Vec::new();
    for p in &a.places {
        if let Some(cc) = &p.country_code {
            if !ccs.iter().any(|(c, _)| c == cc) {
                ccs.push((cc.clone(), 0.3));
            }
        }
    }
    a.focus = Focus {
        countries: ccs,
        places: a
            .places
            .first()
            .map(|p| vec![p.id.clone()])
            .unwrap_or_default(),
    };
    a
}

fn events(text: &str, places: &[P]) -> Analysis {
    let mut a = analysis(text, places, None);
    extract(&mut a);
    a
}

/// (type, mode) of every event of a text without places.
fn kinds(text: &str) -> Vec<(String, String)> {
    events(text, &[])
        .events
        .iter()
        .map(|e| (e.kind.clone(), e.mode.clone()))
        .collect()
}

fn check(text: &str, want: &[(&str, &str)]) {
    let got = kinds(text);
    let got: Vec<(&str, &str)> = got.iter().map(|(k, m)| (k.as_str(), m.as_str())).collect();
    assert_eq!(got, want, "{text}");
}

#[test]
fn triggers_in_their_forms() {
    let table: &[(&str, &[(&str, &str)])] = &[
        ("استدعت الخارجية السفير.", &[("accuse", "done")]),
        ("استدعى الوزير السفير.", &[("accuse", "done")]),
        ("أعلنت الوزارة استدعاء السفير.", &[("accuse", "done")]),
        ("يستدعي الوزير السفير غدا.", &[("accuse", "done")]),
        (
            "استدعت الحكومة سفيرها للتشاور.",
            &[("sanction", "done"), ("consult", "done")],
        ),
        ("أعلنت الشرطة توقيف ثلاثة أشخاص.", &[("coerce", "done")]),
        ("وتواصل اعتقال الناشطين.", &[("coerce", "done")]),
        ("اعتقلت قوات الأمن العشرات.", &[("coerce", "done")]),
        ("خرجت مظاهرة حاشدة.", &[("protest", "done")]),
        ("تظاهر الآلاف أمام البرلمان.", &[("protest", "done")]),
        ("تواصل الاحتجاج على القرار.", &[("protest", "done")]),
        ("جرى لقاء بين الوزيرين.", &[("consult", "done")]),
        ("عقد اجتماع طارئ.", &[("consult", "done")]),
        ("بدأ زيارة رسمية.", &[("consult", "done")]),
        ("أبرمت صفقة أسلحة.", &[("cooperate", "done")]),
        ("نفى المتحدث ذلك.", &[("reject", "done")]),
        ("نفت الحكومة الخبر.", &[("reject", "done")]),
        ("انتهكت الطائرات الأجواء.", &[("coerce", "done")]),
        (
            "سجل خرق للهدنة.",
            &[("coerce", "done"), ("retreat", "done")],
        ),
        ("نجا من محاولة اغتيال.", &[("assault", "done")]),
        ("وجه اتهام للحكومة.", &[("accuse", "done")]),
        ("اتهمت المعارضة الحكومة.", &[("accuse", "done")]),
        ("Police arrested two men.", &[("coerce", "done")]),
        ("Protesters marched to city hall.", &[("protest", "done")]),
        (
            "The ministers met with their counterparts.",
            &[("consult", "done")],
        ),
        (
            "Iran summoned the British ambassador.",
            &[("accuse", "done")],
        ),
        ("Helicopters violated the airspace.", &[("coerce", "done")]),
    ];
    for (text, want) in table {
        check(text, want);
    }
}

#[test]
fn negation_and_modality() {
    let table: &[(&str, &[(&str, &str)])] = &[
        // A negated denial is no rejection; what was not denied is reported.
        ("لم ينف السفير شراء الأسلحة.", &[("cooperate", "reported")]),
        (
            "He did not deny buying the weapons.",
            &[("cooperate", "reported")],
        ),
        // A denial denies its object, but not an accusation (that was made).
        (
            "نفت الحكومة قصف المدينة.",
            &[("reject", "done"), ("assault", "denied")],
        ),
        (
            "نفت إيران اتهامات أذربيجان.",
            &[("reject", "done"), ("accuse", "done")],
        ),
        (
            "The army denied shelling the town.",
            &[("reject", "done"), ("assault", "denied")],
        ),
        // Negation.
        ("لم تعتقل الشرطة أحدا.", &[("coerce", "denied")]),
        ("Police did not arrest anyone.", &[("coerce", "denied")]),
        ("No arrests were made.", &[("coerce", "denied")]),
        // Intention: a modal verb, the future prefix, a purpose, a request's object, an
        // expected deal.
        ("تنوي الحكومة شراء طائرات.", &[("cooperate", "intended")]),
        ("الحكومة تنوي شراء طائرات.", &[("cooperate", "intended")]),
        ("ستشتري الحكومة صواريخ.", &[("cooperate", "intended")]),
        (
            "ضبطت الشرطة أسلحة لاستخدامها في عمليات إرهابية.",
            &[("coerce", "done"), ("assault", "intended")],
        ),
        (
            "The government intends to buy fighter jets.",
            &[("cooperate", "intended")],
        ),
        (
            "The rebels plan to attack the base.",
            &[("assault", "intended")],
        ),
        // What a request or a threat asks for is part of it, not an event of its own; a past
        // act after a request is one.
        ("دعا البرلمان إلى تعزيز العلاقات.", &[("request", "done")]),
        (
            "ندعو الجيش التركي إلى وقف إطلاق النار على مقاتلينا.",
            &[("request", "done")],
        ),
        (
            "The rebels threatened to bomb the dam.",
            &[("threaten", "done")],
        ),
        (
            "They called for calm after police killed two men.",
            &[("request", "done"), ("assault", "done")],
        ),
        // A verb of wanting reaches across its object; not from a negated verb, nor past a
        // relative pronoun.
        (
            "وتريد واشنطن إشراك نظام الرئيس السوري بشار الأسد في مفاوضات.",
            &[("consult", "intended")],
        ),
        (
            "He didn't want to hear any talk of the murders being part of a plan.",
            &[("assault", "done")],
        ),
        (
            "I intend to work hard for the people who supported me.",
            &[("support", "done")],
        ),
        // A feared act has not happened; an act after a connective has ("feared dead after a
        // bomb exploded").
        ("فر إلى مدينة أخرى خشية قتله.", &[("assault", "intended")]),
        (
            "Residents live in fear after gunmen killed five villagers.",
            &[("assault", "done")],
        ),
        (
            "Dozens were feared dead after a bomb exploded in a market.",
            &[("assault", "done")],
        ),
        // Only the act asked for is part of the request: an act it names as a noun's object
        // (an investigation into the killing), a past verb joined by و, or an act after a
        // connective happened.
        (
            "The United Nations called for an investigation into the killing of 20 men.",
            &[("request", "done"), ("assault", "done")],
        ),
        (
            "دعت الأمم المتحدة إلى التحقيق في مقتل 20 شخصا.",
            &[("request", "done"), ("assault", "done")],
        ),
        (
            "دعا الرئيس إلى الهدوء وقتلت الشرطة رجلين.",
            &[("request", "done"), ("assault", "done")],
        ),
        (
            "They demanded justice as soldiers shot two men.",
            &[("request", "done"), ("assault", "done")],
        ),
        // A second object joined by "and" / و is asked for too; "of" and المشاركة في name what
        // is asked for.
        (
            "The group threatened to attack the city and kidnap foreigners.",
            &[("threaten", "done")],
        ),
        (
            "هددت الجماعة بقصف المدينة واقتحام السجن.",
            &[("threaten", "done")],
        ),
        (
            "Kyiv called for the imposition of sanctions.",
            &[("request", "done")],
        ),
        (
            "دعت المعارضة إلى المشاركة في التظاهرات.",
            &[("request", "done")],
        ),
        // Intent does not reach across a connective; a condition makes an act hypothetical;
        // fear reaches what is feared but not "fears over" what happened.
        (
            "Biden vowed revenge after militants killed 13 troops.",
            &[("assault", "done")],
        ),
        (
            "Iran warned it would strike US bases if attacked.",
            &[("threaten", "done"), ("assault", "intended")],
        ),
        (
            "يخشى السكان اقتحام الجيش للمدينة.",
            &[("assault", "intended")],
        ),
        (
            "Activists voiced fears over the arrest of journalists.",
            &[("coerce", "done")],
        ),
        // A verb of wanting reaches a definite verbal noun it governs (الانسحاب), but not the
        // object of عن (the attack happened), nor a past verb.
        (
            "يريد الرئيس الأميركي دونالد ترامب الانسحاب من المنطقة.",
            &[("retreat", "intended")],
        ),
        (
            "تريد واشنطن معاقبة المسؤولين عن الهجوم على السفارة.",
            &[("assault", "done")],
        ),
        (
            "He wants to return home and was arrested at the airport.",
            &[("coerce", "done")],
        ),
        ("قدرت قيمة الصفقة المرتقبة.", &[("cooperate", "intended")]),
        // A possibility or an open question is not a done event.
        (
            "The jury must decide whether he attacked the guard.",
            &[("assault", "intended")],
        ),
        (
            "تحدثت الصحف عن احتمال شراء الطائرات.",
            &[("cooperate", "intended")],
        ),
        // Attribution.
        ("اعتقلت الشرطة ثلاثة حسب مصادر.", &[("coerce", "reported")]),
        (
            "Two men were reportedly arrested.",
            &[("coerce", "reported")],
        ),
    ];
    for (text, want) in table {
        check(text, want);
    }
}

#[test]
fn homographs_and_context() {
    check("أعلنت وزارة الداخلية الخبر.", &[]);
    check("He died of a heart attack.", &[]);
    // A facility, and organs given after death, are no attack and no aid.
    check("No one will complain about the shooting ranges.", &[]);
    check(
        "His family kept him alive so his organs could be donated.",
        &[],
    );
    check("اجتمع مجلس التعاون الخليجي.", &[("consult", "done")]);
    check("نشرت الصحيفة التقرير.", &[]);
    check("The company bought a house.", &[]);
    // Sports: teams clash without violence.
    check("The two teams will clash again in the second game.", &[]);
    check("Gunmen attacked the convoy.", &[("assault", "done")]);
    // "Whoever refuses" is nobody in particular.
    check("عملية لردع كل من يرفض سداد الإتاوات.", &[]);
    // Force against "anyone who" is a standing rule; a reward's hoped-for arrest is no event;
    // a call on anyone with information is still a call, and an arrest that led to another is
    // one.
    check(
        "Police will arrest and detain anyone who breaks the law.",
        &[],
    );
    check(
        "A reward is offered for information leading to the arrest of the robbers.",
        &[],
    );
    check(
        "Gunmen shot anyone who tried to flee the building.",
        &[("assault", "done")],
    );
    check(
        "They called for anyone with information to come forward.",
        &[("request", "done")],
    );
    check(
        "The search led to the arrest of two men.",
        &[("coerce", "done")],
    );
    // Economic support, and support sent, is aid.
    check("أعلن عن إجراءات دعم الاقتصاد التونسي.", &[("aid", "done")]);
    check("قررت الحكومة إرسال دعم للبلدتين.", &[("aid", "done")]);
    check("طالبوا بإرسال دعم للبلدتين.", &[("request", "done")]);
    // A demonstration of skills is no protest; one that a price rise led to is.
    check(
        "Interactive demonstrations will cover cooking with herbs.",
        &[],
    );
    check(
        "The fuel price rise led to demonstrations in the capital.",
        &[("protest", "done")],
    );
    // ... but a prevention that failed, an inference that an act happened, an act named after
    // a relative pronoun and "دون" meaning "under" leave it done.
    check(
        "Security forces failed to prevent the attack on the church.",
        &[("assault", "done")],
    );
    check(
        "Police said the victim must have been killed on Friday.",
        &[("assault", "done")],
    );
    check(
        "قتل خمسة أطفال دون العاشرة في قصف على المدينة.",
        &[("assault", "done"), ("assault", "done")],
    );
    check("ينبغي التحقيق في مقتل الصحفي.", &[("assault", "done")]);
    check(
        "Lebanon is on the brink of a war with Israel.",
        &[("assault", "intended")],
    );
    // A noun that a modal follows, or a calendar: to come.
    check(
        "The town hall meetings, which will take place in spring, are open to all.",
        &[("consult", "intended")],
    );
    check(
        "They disagreed on what format the negotiations would be in.",
        &[("consult", "intended")],
    );
    check("The meeting ended late.", &[("consult", "done")]);
    // What is agreed to is part of the agreement; who backs whom and a cooperation to be
    // deepened are states.
    check(
        "Turkey agreed to cooperate with the coalition.",
        &[("agree", "done")],
    );
    check(
        "اتفقت الدولتان على التعاون في مكافحة الإرهاب.",
        &[("agree", "done")],
    );
    check(
        "Army units backed by the government attacked the base.",
        &[("assault", "done")],
    );
    check(
        "قصفت القوات المدعومة من إيران المدينة.",
        &[("assault", "done")],
    );
    check("بحث الرئيسان تعميق التعاون بين البلدين.", &[]);
    check(
        "Iran backed the militias with weapons.",
        &[("support", "done")],
    );
    check(
        "وأعلن متحدث باسم وحدات من الجيش تدعمها الحكومة السيطرة على الحي.",
        &[("coerce", "done")],
    );
    check(
        "Police said the Wal-Mart shooting threat was a hoax.",
        &[("threaten", "done")],
    );
    // Found by a review: an agreement reached after negotiations, a habit word on an
    // adjective, a coordinated capture, "agreed that", a deepening in the trigger.
    check(
        "توصل الطرفان بعد مفاوضات شاقة إلى اتفاق لوقف إطلاق النار.",
        &[("consult", "done"), ("agree", "done"), ("retreat", "done")],
    );
    check(
        "A typically bloody attack killed 30 people.",
        &[("assault", "done")],
    );
    check(
        "The normally peaceful demonstration drew thousands.",
        &[("protest", "done")],
    );
    check(
        "الجيش السوري يقتحم مدينة تدمر ويسيطر عليها بالكامل.",
        &[("assault", "done"), ("coerce", "done")],
    );
    check(
        "اتفق الوزراء على أن الهجوم على القافلة كان عملا إرهابيا.",
        &[("agree", "done"), ("assault", "done")],
    );
    check("بحث الرئيسان تعزيز التعاون بين البلدين.", &[]);
    check(
        "The resolution was backed by 120 countries.",
        &[("support", "done")],
    );
    // A habit is no event; an agreement being negotiated is not made yet.
    check("They have generally refused to take sides.", &[]);
    check("They refused to take sides.", &[("reject", "done")]);
    check(
        "The group has been trying to negotiate a benefits agreement with the firm.",
        &[("consult", "intended"), ("agree", "intended")],
    );
    check("The two sides reached an agreement.", &[("agree", "done")]);
    check(
        "تجري المفاوضات على مشروع اتفاق.",
        &[("consult", "done"), ("agree", "intended")],
    );
    // What is said of an act that happened, or goes on, does not make it one to come.
    check(
        "The meeting held on Monday ended late.",
        &[("consult", "done")],
    );
    check("The war will be long.", &[("assault", "done")]);
    check(
        "The meeting could be seen as a snub.",
        &[("consult", "done")],
    );
    // Alleged, or assumed, is not supposed to happen.
    check("The supposed attacker was arrested.", &[("coerce", "done")]);
    check(
        "ويفترض المحققون أن الهجوم نفذته جماعة مسلحة.",
        &[("assault", "done")],
    );
    check(
        "A public meeting will be held at 4 p.m.",
        &[("consult", "intended")],
    );
    check(
        "The meeting will discuss the 2010 census.",
        &[("consult", "intended")],
    );
    check(
        "وقال ذلك قبل اجتماع للدول الأعضاء في الحلف يعقد بطلب من أنقرة.",
        &[("consult", "intended"), ("request", "done")],
    );
    check("عقد الاجتماع في أنقرة أمس.", &[("consult", "done")]);
    check(
        "His resignation will become an example for the others.",
        &[("concede", "done")],
    );
    check(
        "ويفترض أن تسمح القوة بتنسيق عملياتها.",
        &[("cooperate", "intended")],
    );
    // A state that goes on is no act; an act that happened stays.
    check("عدن آخر مدينة لا تزال الحكومة تسيطر عليها.", &[]);
    check("سيطر المسلحون على المدينة.", &[("coerce", "done")]);
    check("لا تزال قوات النظام السوري تسيطر على المدينة.", &[]);
    check("قال إن المسلحين ما زالوا يسيطرون على المدينة.", &[]);
    check("Rebels still control the city.", &[]);
    check(
        "قصفت الدبابات قريتين يسيطر عليهما المقاتلون.",
        &[("assault", "done")],
    );
    check(
        "قصفت الميليشيات التي تدعمها إيران المدينة.",
        &[("assault", "done")],
    );
    check("تدعم إيران الميليشيات في سوريا.", &[("support", "done")]);
    // The anonymous source's formula is no refusal; a refusal stays.
    check(
        "وقال المسؤولون، الذين رفضوا نشر أسمائهم، إن الاتفاق مهم.",
        &[("agree", "done")],
    );
    check(
        "The official, who declined to be named, said talks went well.",
        &[],
    );
    check("رفض الوزير نشر أسماء المعتقلين.", &[("reject", "done")]);
    check(
        "وقال مسؤولون، رفضوا الكشف عن هوياتهم، إن الاتفاق مهم.",
        &[("agree", "done")],
    );
    check("The officer, who refused to give his name, said so.", &[]);
    check(
        "Protesters demanded that the officers be named and charged.",
        &[("protest", "done"), ("request", "done")],
    );
    // A risk is no threat someone makes; a threat is.
    check(
        "وقال إن هذه الهجمات تهدد الديمقراطية.",
        &[("assault", "done")],
    );
    check("Pollution threatens the stability of the region.", &[]);
    check(
        "The Taliban threatened security forces with death.",
        &[("threaten", "done")],
    );
    check("هدد مسلحون قوات الأمن بالقتل.", &[("threaten", "done")]);
    // A threat someone poses or faces, or one to be removed, is a danger; one made is not.
    check(
        "The man was posing a threat to himself and the officers.",
        &[],
    );
    check(
        "Egypt understands the gravity of the threat that faces Sudan.",
        &[],
    );
    check(
        "It would remove the Tamil Tigers' threat once and for all.",
        &[],
    );
    check("وتحدث عن التحديات والتهديدات التي تواجه دول المنطقة.", &[]);
    check("وقال إن الجماعة تشكل تهديدا للأمن.", &[]);
    check("He is today the number one threat for the country.", &[]);
    check("He nodded in agreement with the answer.", &[]);
    check(
        "The two sides signed an agreement in Doha.",
        &[("agree", "done"), ("agree", "done")],
    );
    check(
        "Authorities charged a man with making threats against the mayor.",
        &[("coerce", "done"), ("threaten", "done")],
    );
    check("ووجه الزعيم تهديدا إلى جيرانه.", &[("threaten", "done")]);
    check(
        "هدد الرئيس بالانسحاب من الاتفاق.",
        &[("threaten", "done"), ("agree", "done")],
    );
    // Without an act, the likelihood of one: not done.
    check(
        "She changed his schedule without consulting him.",
        &[("consult", "denied")],
    );
    check(
        "Taking the money raises the likelihood of a lawsuit.",
        &[("accuse", "intended")],
    );
    // Obligation, the brink of an act and its prevention: not done.
    check(
        "She said these cases should be investigated by the police.",
        &[("accuse", "intended")],
    );
    check("South Ossetia on edge of war.", &[("assault", "intended")]);
    check("البلاد على شفا حرب أهلية.", &[("assault", "intended")]);
    check(
        "Police guarded the mosque to prevent attacks on worshippers.",
        &[("assault", "denied")],
    );
    // Stopped in time, or told falsely: did not happen.
    check(
        "An officer stopped the gunman before more people could be killed.",
        &[("assault", "denied")],
    );
    check(
        "A woman admitted to falsely accusing a man of sexual assault.",
        &[("accuse", "done"), ("assault", "denied")],
    );
    check(
        "He was killed before police could arrive.",
        &[("assault", "done")],
    );
    check(
        "أرسلت الجبهة تعزيزات إلى البلدة لمنع سيطرة النظام عليها.",
        &[("mobilize", "done"), ("coerce", "denied")],
    );
    // A warning is a threat only when it carries one.
    check(
        "Officers went in to start warning residents of the fire.",
        &[],
    );
    check(
        "The United States warned Iran against military action.",
        &[("threaten", "done")],
    );
    check("وحذر من أن الوضع في الجنوب يتسم بالهشاشة.", &[]);
    check(
        "وحذرت طهران باكو من عواقب وخيمة إذا استمرت في التقارب مع إسرائيل.",
        &[("threaten", "done")],
    );
    // A risk, an offence's name, filming and a metaphor are no events.
    check("The threat of wildfires is reduced.", &[]);
    check("He pleaded guilty to evading arrest.", &[]);
    check("The crew spent three days shooting footage.", &[]);
    check("It was described as a short-term shot of cash.", &[]);
    // "That led him to" is no request; "positions it controls" is a state, not a seizure.
    check("دعا ذلك الرئيس إلى وصفهم بالمتطرفين.", &[]);
    check("دعا الرئيس إلى الحوار.", &[("request", "done")]);
    check(
        "استهدفت الغارات مواقع تسيطر عليها الجماعة.",
        &[("assault", "done"), ("assault", "done")],
    );
    check("سيطرت الجماعة على المدينة.", &[("coerce", "done")]);
    // The Pledge of Allegiance is no agreement; parking relief is no aid.
    check("The pupils recited the Pledge of Allegiance.", &[]);
    // Firefighters attack a fire; a snap shot is a photograph.
    check(
        "Firefighters began their attack on the flames at noon.",
        &[],
    );
    check(
        "The crew launched an attack on the convoy.",
        &[("assault", "done")],
    );
    check(
        "Firefighters battled the blaze after the attack on the embassy.",
        &[("assault", "done")],
    );
    check("He took a quick snap shot of the street.", &[]);
    // What a plan contains is no request; "conceded that" is an admission; a name is no trigger.
    check(
        "The plan calls for cutting every segment of state government.",
        &[],
    );
    check("The mayor called for calm.", &[("request", "done")]);
    check("He conceded that the hotel might not be finished.", &[]);
    check("Jim Avery, State Board of Mediation chairman, spoke.", &[]);
    // Cooperation that receded is no cooperation.
    check("This cooperation receded last year.", &[]);
    check("The center will get some parking relief.", &[]);
    check("Flood relief reached the valley.", &[("aid", "done")]);
    // A participle joined by a hyphen is an adjective, and so is a trigger after anti-; a noun
    // in a compound stays an event.
    check("The anti-war group marched.", &[]);
    check("A car-bomb exploded in the market.", &[("assault", "done")]);
    check(
        "The union-backed group held a protest.",
        &[("protest", "done")],
    );
    check("The union backed the group.", &[("support", "done")]);
    check("Rebels launched a counter-attack.", &[("assault", "done")]);
    // A present verb of control in a relative clause says who holds a place.
    check(
        "قصفت الطائرات المواقع التي يحتلها المسلحون.",
        &[("assault", "done")],
    );
    check("يحتل المسلحون المواقع.", &[("coerce", "done")]);
    // Under someone's control is a state; any attack, a possible shooting are no event.
    check("عادت المناطق التي كانت تحت سيطرة المسلحين.", &[]);
    check("سيطر المسلحون على المدينة.", &[("coerce", "done")]);
    check(
        "The message mentioned a possible shooting at the mall.",
        &[],
    );
    check(
        "A shooting at the mall left two hurt.",
        &[("assault", "done")],
    );
    check("أكد أنه سيرد على أي هجوم.", &[]);
    check("لن تسمح الحكومة بأية مظاهرات.", &[]);
    // What is denied stays, as a denied event.
    check(
        "نفى الجيش وقوع أي هجوم.",
        &[("reject", "done"), ("assault", "denied")],
    );
    check("تحدث التقرير عن هجوم محتمل على المدينة.", &[]);
    check("شن المسلحون هجوما على المدينة.", &[("assault", "done")]);
    // What is rejected did not happen; a rejected request was made; a denial keeps the event.
    check(
        "Sanford rejects aid after second rebuff.",
        &[("reject", "done")],
    );
    check(
        "The mayor rejected the accusations.",
        &[("reject", "done"), ("accuse", "done")],
    );
    check(
        "The ministry denied an agreement had been reached.",
        &[("reject", "done"), ("agree", "denied")],
    );
    // A rejected attack happened.
    check(
        "رفضت تركيا الهجوم على القافلة.",
        &[("reject", "done"), ("assault", "done")],
    );
    // A ban zone is a term; a forecast calls for rain, nobody asks for it.
    check(
        "لن يشمل الاتفاق تأسيس منطقة حظر طيران.",
        &[("agree", "denied")],
    );
    check("The forecast calls for cloudy skies.", &[]);
    // An act someone is accused of is only alleged; a violent act stays.
    check("اتهمت واشنطن تركيا بمساعدة التنظيم.", &[("accuse", "done")]);
    // A condemnation is no accusation of what it names: the agreement was signed.
    check(
        "نددت المعارضة بالاتفاق الموقع مع الحكومة.",
        &[("accuse", "done"), ("agree", "done")],
    );
    check(
        "Tamil Nadu accused the Centre of refusing to act.",
        &[("accuse", "done")],
    );
    check(
        "Police accused him of shooting a guard.",
        &[("accuse", "done"), ("assault", "done")],
    );
}

#[test]
fn adjectives_give_actors() {
    let a = events(
        "انتهكت المروحيات الإيرانية أجواء أذربيجان.",
        &[
            ("الإيرانية", "iso3166:IR", "Iran", C, "IR", ADJ),
            ("أذربيجان", "iso3166:AZ", "Azerbaijan", C, "AZ", N),
        ],
    );
    let e = &a.events[0];
    assert_eq!(e.kind, "coerce");
    assert_eq!(e.actors.first().map(String::as_str), Some("Iran"));
    assert!(e.actors.contains(&"Azerbaijan".to_string()));
    let a = events(
        "Iranian helicopters attacked the village.",
        &[("Iranian", "iso3166:IR", "Iran", C, "IR", ADJ)],
    );
    assert_eq!(a.events[0].actors, ["Iran"]);
    // A currency adjective is no actor.
    let a = events(
        "بلغت قيمة الصفقة 1.6 مليار دولار أميركي.",
        &[("أميركي", "iso3166:US", "United States", C, "US", ADJ)],
    );
    assert!(a.events[0].actors.is_empty());
    // A group bound to a country is the country; a free group is itself.
    let a = events(
        "استدعت وزارة الخارجية الإيرانية السفير. وندد المتظاهرون بالقرار.",
        &[("الإيرانية", "iso3166:IR", "Iran", C, "IR", ADJ)],
    );
    assert_eq!(a.events[0].actors, ["Iran"]);
    assert_eq!(a.events[1].actors, ["protesters"]);
    media_and_manufacture_are_no_actors();
}

/// A medium's country is the source of a reported act, not its actor, unless the sentence names
/// the country outside the medium too, or the medium itself makes the statement (not one it is
/// told or quoted in); and where or when a thing was made is no actor. Each case: the text, its
/// places, a country, and whether some event of the text has it among its actors.
fn media_and_manufacture_are_no_actors() {
    let afp = ("الفرنسية", "iso3166:FR", "France", C, "FR", ADJ);
    let iran = ("Iranian", "iso3166:IR", "Iran", C, "IR", ADJ);
    let cases: &[(&str, &[P], &str, bool)] = &[
        (
            "وقال مسؤول لوكالة الصحافة الفرنسية إن الهجوم أسفر عن قتلى.",
            &[afp],
            "France",
            false,
        ),
        (
            "Iranian state television said the attack killed five.",
            &[iran],
            "Iran",
            false,
        ),
        (
            "وقال التلفزيون الفرنسي إن فرنسا اعتقلت خمسة أشخاص.",
            &[
                ("الفرنسي", "iso3166:FR", "France", C, "FR", ADJ),
                ("فرنسا", "iso3166:FR", "France", C, "FR", N),
            ],
            "France",
            true,
        ),
        (
            "Syrian military media denied the report.",
            &[("Syrian", "iso3166:SY", "Syria", C, "SY", ADJ)],
            "Syria",
            true,
        ),
        // An adjective followed by other words is no medium's.
        (
            "Saudi clerics urge TV ban on women.",
            &[("Saudi", "iso3166:SA", "Saudi Arabia", C, "SA", ADJ)],
            "Saudi Arabia",
            true,
        ),
        (
            "ونفى مسؤول عسكري لوكالة الصحافة الفرنسية أن يكون الجيش قصف المدينة.",
            &[afp],
            "France",
            false,
        ),
        (
            "Nasrallah accused Israel in an interview with Iranian state television.",
            &[("Israel", "iso3166:IL", "Israel", C, "IL", N), iran],
            "Iran",
            false,
        ),
        // A possessive before the medium.
        (
            "Syria's official news agency said rebels shelled the town.",
            &[("Syria", "iso3166:SY", "Syria", C, "SY", N)],
            "Syria",
            false,
        ),
        // A place between the head and the adjective ends the medium's name: the canal.
        (
            "واحتجزت سلطات قناة السويس المصرية سفينة.",
            &[
                ("السويس", "geonames:1", "Suez", CITY, "EG", N),
                ("المصرية", "iso3166:EG", "Egypt", C, "EG", ADJ),
            ],
            "Egypt",
            true,
        ),
        (
            "The rebels used Soviet-made tanks to attack the town.",
            &[("Soviet", "curated:soviet-union", "Soviet Union", C, "", ADJ)],
            "Soviet Union",
            false,
        ),
    ];
    for &(text, places, country, acts) in cases {
        let a = events(text, places);
        assert!(!a.events.is_empty(), "{text}");
        let found = a
            .events
            .iter()
            .any(|e| e.actors.iter().any(|x| x == country));
        assert_eq!(found, acts, "{text}: {:?}", a.events);
    }
}

#[test]
fn places_most_specific_first_with_fallbacks() {
    let places: &[P] = &[
        ("استارا", "geonames:148445", "Astara", CITY, "AZ", N),
        ("أذربيجان", "iso3166:AZ", "Azerbaijan", C, "AZ", N),
        ("الإيرانية", "iso3166:IR", "Iran", C, "IR", ADJ),
    ];
    let a = events(
        "انتهكت المروحيات الإيرانية أجواء أذربيجان بالقرب من مدينة استارا.\nوأكدت المروحيات الإيرانية الانسحاب.\nوقع هجوم.",
        places,
    );
    let e = &a.events[0];
    assert_eq!(e.places, ["geonames:148445", "iso3166:AZ"]);
    assert_eq!(e.location_precision, "place");
    // No place in the sentence: the actor's country.
    let e = &a.events[1];
    assert_eq!(
        (e.kind.as_str(), e.location_precision.as_str()),
        ("retreat", "country")
    );
    assert_eq!(e.places, ["iso3166:IR"]);
    // No place and no actor: the article's main country.
    let e = &a.events[2];
    assert_eq!(
        (e.kind.as_str(), e.location_precision.as_str()),
        ("assault", "article")
    );
    assert_eq!(e.places, ["iso3166:AZ"]);
}

/// The event of the analysis whose trigger is `trigger` (it must be there).
fn with_trigger<'a>(a: &'a Analysis, trigger: &str) -> &'a Event {
    a.events
        .iter()
        .find(|e| e.trigger == trigger)
        .unwrap_or_else(|| panic!("no event with trigger {trigger}: {:?}", a.events))
}

#[test]
fn a_scene_named_far_away_in_the_sentence_beats_the_fallbacks() {
    // The arrest is in another clause, far from "near Atlanta": still the sentence's scene.
    let a = events(
        "Officers caught up with Bakari near Atlanta in June, but he hung himself with a T-shirt in jail shortly after his arrest.",
        &[("Atlanta", "geonames:4180439", "Atlanta", CITY, "US", N)],
    );
    let e = with_trigger(&a, "arrest");
    assert_eq!(e.places, ["geonames:4180439"]);
    assert_eq!(e.location_precision, "place");
    // A place with another act between is that act's (the bomb's Mosul, not the arrests').
    let a = events(
        "Iraqi police arrested three men on Monday; separately, a bomb exploded in Mosul.",
        &[
            ("Iraqi", "iso3166:IQ", "Iraq", C, "IQ", ADJ),
            ("Mosul", "geonames:99072", "Mosul", CITY, "IQ", N),
        ],
    );
    let e = with_trigger(&a, "arrested");
    assert_ne!(
        e.places.first().map(String::as_str),
        Some("geonames:99072"),
        "{e:?}"
    );
    // A name without a locative word so far away is not taken for the scene.
    let a = events(
        "Atlanta officials met the family on Monday, and the mayor said the three men who were charged with the robbery had fled.",
        &[("Atlanta", "geonames:4180439", "Atlanta", CITY, "US", N)],
    );
    let e = with_trigger(&a, "robbery");
    assert_ne!(e.location_precision, "place", "{e:?}");
    // ... but the deaths a bombing caused were where it happened.
    let a = events(
        "حملت تركيا المتطرفين مسؤولية التفجير الذي أسفر عن مقتل 32 شخصا في مدينة سوروج.",
        &[
            ("تركيا", "iso3166:TR", "Turkey", C, "TR", N),
            ("سوروج", "geonames:300075", "Suruç", CITY, "TR", N),
        ],
    );
    let e = with_trigger(&a, "التفجير");
    assert_eq!(
        e.places.first().map(String::as_str),
        Some("geonames:300075")
    );
    // An adjective after a word for a country's ground names the scene (على الأراضي السورية).
    let a = events(
        "قصفت الطائرات مواقع المتطرفين على الأراضي السورية.",
        &[("السورية", "iso3166:SY", "Syria", C, "SY", ADJ)],
    );
    let e = with_trigger(&a, "قصفت");
    assert_eq!(e.places, ["iso3166:SY"], "{e:?}");
    assert_eq!(e.location_precision, "place");
    // An army's strikes with no place named are the article's country's, not the army's own
    // when the article is about another one.
    let a = events(
        "Lebanon counts the cost.\nThe Israeli army dropped cluster bombs during the war.",
        &[
            ("Lebanon", "iso3166:LB", "Lebanon", C, "LB", N),
            ("Israeli", "iso3166:IL", "Israel", C, "IL", ADJ),
        ],
    );
    let e = with_trigger(&a, "bombs");
    assert_eq!(e.places, ["iso3166:LB"], "{e:?}");
    // "There" refers back to the place named before it; an existential "there were" does not.
    let columbus = ("Columbus", "geonames:4509177", "Columbus", CITY, "US", N);
    let a = events(
        "He left the Columbus area before police raided homes he owned there and arrested his partner.",
        &[columbus],
    );
    let e = with_trigger(&a, "arrested");
    assert_eq!(e.places, ["geonames:4509177"], "{e:?}");
    assert_eq!(e.location_precision, "place");
    let a = events(
        "He left the Columbus area many years ago after a long and bitter quarrel with all his family; there were arrests of his partners later.",
        &[columbus],
    );
    let e = with_trigger(&a, "arrests");
    assert_ne!(e.location_precision, "place", "{e:?}");
}

#[test]
fn a_region_without_a_country_is_not_more_specific_than_a_country() {
    // The war was in Afghanistan, against the Soviet Union (a historical state).
    let a = events(
        "بدأت الحرب في أفغانستان ضد الاتحاد السوفياتي.",
        &[
            ("أفغانستان", "iso3166:AF", "Afghanistan", C, "AF", N),
            (
                "الاتحاد السوفياتي",
                "curated:soviet-union",
                "Soviet Union",
                PlaceKind::Region,
                "",
                N,
            ),
        ],
    );
    assert_eq!(a.events[0].places[0], "iso3166:AF");
}

#[test]
fn a_topic_is_not_where_the_event_happens() {
    let a = events(
        "عقد الوزراء اجتماعا بشأن سوريا.",
        &[("سوريا", "iso3166:SY", "Syria", C, "SY", N)],
    );
    assert_eq!(a.events[0].kind, "consult");
    // Syria may still come back as the article's place, but not as the meeting's own.
    assert_ne!(a.events[0].location_precision, "place");
    let a = events(
        "The ministers held a meeting in Moscow about Syria.",
        &[
            ("Moscow", "geonames:524901", "Moscow", CITY, "RU", N),
            ("Syria", "iso3166:SY", "Syria", C, "SY", N),
        ],
    );
    assert_eq!(a.events[0].places, ["geonames:524901"]);
    // A company's home (Nashville-based) and a government's seat (حكومة باماكو) are not the
    // scene either.
    let a = events(
        "Nashville-based CCA signed an agreement with Hall County.",
        &[("Nashville", "geonames:4644585", "Nashville", CITY, "US", N)],
    );
    assert_eq!(a.events[0].kind, "agree");
    assert_ne!(a.events[0].location_precision, "place");
    let a = events(
        "وقعت الحركة اتفاقا مع حكومة باماكو.",
        &[("باماكو", "geonames:2460596", "Bamako", CITY, "ML", N)],
    );
    assert_eq!(a.events[0].kind, "agree");
    assert_ne!(a.events[0].location_precision, "place");
}

#[test]
fn reports_of_one_event_merge_and_links_hold_both_ways() {
    let places: &[P] = &[
        ("باكو", "geonames:587084", "Baku", CITY, "AZ", N),
        ("أذربيجان", "iso3166:AZ", "Azerbaijan", C, "AZ", N),
        ("إسرائيل", "iso3166:IL", "Israel", C, "IL", N),
        ("الإسرائيلية", "iso3166:IL", "Israel", C, "IL", ADJ),
        ("إيران", "iso3166:IR", "Iran", C, "IR", N),
    ];
    let a = events(
        "أكدت تقارير أن باكو تنوي شراء طائرات وأسلحة من إسرائيل.\nوأشارت تقارير إلى أن أذربيجان تنوي شراء طائرات من إسرائيل.\nولم ينف السفير الأذربيجاني شراء الأسلحة الإسرائيلية.\nوقصفت إيران قرية.",
        places,
    );
    let deals: Vec<&Event> = a.events.iter().filter(|e| e.kind == "cooperate").collect();
    assert_eq!(deals.len(), 1, "{:#?}", a.events);
    assert_eq!(deals[0].passages, [0, 1, 2]);
    assert_eq!(deals[0].mode, "reported");
    for e in &a.events {
        for id in &e.places {
            let p = a.places.iter().find(|p| &p.id == id).expect("place");
            assert!(p.events.contains(&e.index));
        }
    }
    for p in &a.places {
        for &i in &p.events {
            assert!(a.events[i].places.contains(&p.id));
        }
    }
}

#[test]
fn a_definite_report_without_a_place_is_the_event_already_located() {
    let places: &[P] = &[("Grovetown", "geonames:4198514", "Grovetown", CITY, "US", N)];
    let a = events(
        "Gunmen robbed a bank in Grovetown on Friday.\nThe robbery lasted an hour.\nA robbery was reported last year.",
        places,
    );
    let robberies: Vec<&Event> = a.events.iter().filter(|e| e.kind == "coerce").collect();
    // "The robbery" is the Grovetown one; "a robbery" is another.
    assert_eq!(robberies.len(), 2, "{:#?}", a.events);
    assert_eq!(robberies[0].sentences, [0, 1]);
    assert_eq!(robberies[0].places, ["geonames:4198514"]);
    assert_eq!(robberies[1].sentences, [2]);
    // Not a report of another case or time, nor an Arabic plural (the general run of such
    // acts), nor one with a date of its own.
    let a = events(
        "Gunmen robbed a bank in Grovetown on Friday.\nIn a separate case, the robbery of a shop was reported.",
        places,
    );
    assert_eq!(a.events.len(), 2, "{:#?}", a.events);
    let a = events(
        "اعتقلت الشرطة خمسة أشخاص في إسطنبول.\nوقال إن الاعتقالات طالت آلاف المعارضين.",
        &[("إسطنبول", "geonames:745044", "Istanbul", CITY, "TR", N)],
    );
    assert_eq!(a.events.len(), 2, "{:#?}", a.events);
    let a = events(
        "Gunmen robbed a bank in Grovetown on Friday.\nThe robbery of 2011 was worse.",
        places,
    );
    assert_eq!(a.events.len(), 2, "{:#?}", a.events);
    // Within one sentence two words of one act stay two reports.
    let a = events("استهدفت الغارات مواقع تسيطر عليها الجماعة.", &[]);
    assert_eq!(a.events.len(), 2, "{:#?}", a.events);
}

#[test]
fn a_neighbour_or_a_destination_is_not_the_scene() {
    let a = events(
        "قصفت الطائرات مدينة الزبداني الحدودية مع لبنان.",
        &[
            ("الزبداني", "geonames:172059", "Zabadani", CITY, "SY", N),
            ("لبنان", "iso3166:LB", "Lebanon", C, "LB", N),
        ],
    );
    assert_eq!(a.events[0].places, ["geonames:172059"], "{:#?}", a.events);
    let a = events(
        "سيطرت الميليشيات على المعسكر أثناء انطلاقها باتجاه عدن.",
        &[("عدن", "geonames:415189", "Aden", CITY, "YE", N)],
    );
    assert_ne!(a.events[0].location_precision, "place", "{:#?}", a.events);
    // Where an envoy serves is not where the envoy is recalled.
    let a = events(
        "استدعت البحرين سفيرها لدى طهران للتشاور.",
        &[
            ("البحرين", "iso3166:BH", "Bahrain", C, "BH", N),
            ("طهران", "geonames:112931", "Tehran", CITY, "IR", N),
        ],
    );
    assert_eq!(a.events[0].places, ["iso3166:BH"], "{:#?}", a.events);
    // Another country's ambassador is summoned where he serves.
    let a = events(
        "استدعت إيران سفير أذربيجان لدى طهران.",
        &[
            ("إيران", "iso3166:IR", "Iran", C, "IR", N),
            ("أذربيجان", "iso3166:AZ", "Azerbaijan", C, "AZ", N),
            ("طهران", "geonames:112931", "Tehran", CITY, "IR", N),
        ],
    );
    assert_eq!(a.events[0].places[0], "geonames:112931", "{:#?}", a.events);
    // Who gives aid is not where it is given; where it is given stays.
    let a = events(
        "سيطر الأكراد على تل أبيض بمساعدة كبيرة من الولايات المتحدة.",
        &[
            ("تل أبيض", "geonames:163270", "Tell Abyad", CITY, "SY", N),
            ("الولايات المتحدة", "iso3166:US", "United States", C, "US", N),
        ],
    );
    let aid = with_trigger(&a, "بمساعدة");
    assert_eq!(aid.places[0], "geonames:163270", "{:#?}", a.events);
    assert!(
        aid.actors.iter().any(|x| x == "United States"),
        "{:#?}",
        a.events
    );
    let a = events(
        "The hospital in Gaza received aid from the United States.",
        &[
            ("Gaza", "geonames:281133", "Gaza", CITY, "PS", N),
            ("United States", "iso3166:US", "United States", C, "US", N),
        ],
    );
    assert_eq!(a.events[0].places, ["geonames:281133"], "{:#?}", a.events);
    // Where a person lives is not where the act happened.
    let a = events(
        "Police in Tyler arrested John Smith, 34, of Palestine on Monday.",
        &[
            ("Tyler", "geonames:4738214", "Tyler", CITY, "US", N),
            ("Palestine", "geonames:4716805", "Palestine", CITY, "US", N),
        ],
    );
    assert_eq!(a.events[0].places[0], "geonames:4738214", "{:#?}", a.events);
    // Two donors; and aid workers from a place are from there, where they are killed.
    let a = events(
        "Aid from the UAE and Saudi Arabia reached Sudan.",
        &[
            ("UAE", "iso3166:AE", "United Arab Emirates", C, "AE", N),
            ("Saudi Arabia", "iso3166:SA", "Saudi Arabia", C, "SA", N),
            ("Sudan", "iso3166:SD", "Sudan", C, "SD", N),
        ],
    );
    assert_eq!(a.events[0].places, ["iso3166:SD"], "{:#?}", a.events);
    let a = events(
        "Aid workers from Gaza were killed in a strike.",
        &[("Gaza", "geonames:281133", "Gaza", CITY, "PS", N)],
    );
    let killed = with_trigger(&a, "killed");
    assert_eq!(killed.places, ["geonames:281133"], "{:#?}", a.events);
    // Where people fled from is not where they are helped.
    let a = events(
        "وكانوا يقدمون مساعدات للفارين من درنة.",
        &[("درنة", "geonames:87205", "Darnah", CITY, "LY", N)],
    );
    assert_ne!(a.events[0].location_precision, "place", "{:#?}", a.events);
    // Refugees from a country are not where they protest; an ambassador in a city is not
    // posted to it.
    let a = events(
        "تظاهر اللاجئون من سوريا في بيروت.",
        &[
            ("سوريا", "iso3166:SY", "Syria", C, "SY", N),
            ("بيروت", "geonames:276781", "Beirut", CITY, "LB", N),
        ],
    );
    assert_eq!(a.events[0].places, ["geonames:276781"], "{:#?}", a.events);
    let a = events(
        "Gunmen attacked the residence of the Iraqi ambassador in Beirut.",
        &[("Beirut", "geonames:276781", "Beirut", CITY, "LB", N)],
    );
    assert_eq!(a.events[0].location_precision, "place", "{:#?}", a.events);
}

#[test]
fn dates_attach_to_the_nearest_trigger_and_resolve() {
    let mut a = analysis(
        "وفي 21 فبراير/شباط الماضي انتهكت المروحيات الأجواء.\nوأعلنت الشرطة أمس اعتقال ثلاثة.",
        &[],
        Some("2012-03-14"),
    );
    extract(&mut a);
    let d = a.events[0].date.as_ref().expect("date");
    assert_eq!((d.year, d.month, d.day), (Some(2012), Some(2), Some(21)));
    let d = a.events[1].date.as_ref().expect("date");
    assert_eq!(
        (d.year, d.month, d.day, d.precision.as_str()),
        (Some(2012), Some(3), Some(13), "day")
    );
    let a = events("وأعلنت الشرطة الشهر الماضي اعتقال ثلاثة.", &[]);
    let d = a.events[0].date.as_ref().expect("date");
    assert_eq!(
        (d.text.as_str(), d.precision.as_str()),
        ("الشهر الماضي", "relative")
    );
    // A present verb with a weekday alone is an act to come, on the next such day; a past
    // verb is on the last one. 2015-07-30 is a Thursday.
    let mut a = analysis(
        "ويجتمع السفراء الثلاثاء في بروكسل.\nواجتمع الوزراء الثلاثاء في بروكسل.",
        &[],
        Some("2015-07-30"),
    );
    extract(&mut a);
    let got: Vec<(&str, Option<u32>)> = a
        .events
        .iter()
        .map(|e| (e.mode.as_str(), e.date.as_ref().and_then(|d| d.day)))
        .collect();
    assert_eq!(
        got,
        [("intended", Some(4)), ("done", Some(28))],
        "{:#?}",
        a.events
    );
    // The day of a saying does not date the act it reports; a day after publication is to
    // come.
    let mut a = analysis(
        "وقال المرصد السبت إن قوات النظام تقصف المدينة.\nيزور الرئيس المدينة الأحد المقبل.",
        &[],
        Some("2015-07-30"),
    );
    extract(&mut a);
    let modes: Vec<&str> = a.events.iter().map(|e| e.mode.as_str()).collect();
    assert_eq!(modes, ["done", "intended"], "{:#?}", a.events);
}

#[test]
fn trigger_offsets_point_into_the_passage() {
    let a = events("قال المصدر إن الشرطة اعتقلت ثلاثة.", &[]);
    let e = &a.events[0];
    let text: String = a.passages[e.passage]
        .text
        .chars()
        .skip(e.trigger_start)
        .take(e.trigger_end - e.trigger_start)
        .collect();
    assert_eq!(text, e.trigger);
    assert_eq!(e.trigger, "اعتقلت");
}

/// Every word list the extraction compares with folded keys is itself folded: an unfolded entry
/// (اللاجئين, with its hamza) never matches.
#[test]
fn word_lists_are_folded() {
    for list in [
        super::FLEE_NOUNS,
        super::PREVENT_WORDS,
        super::WITHOUT,
        super::FEAR_WORDS,
        super::WANT_VERBS,
        super::CONNECTIVES,
        super::RELATIVES,
        super::STILL,
        super::OWN_NAME,
        super::ON_PRONOUNS,
        super::NEGOTIATE_WORDS,
        super::HABITUAL,
        super::DEEPEN_WORDS,
        super::CONCLUDE_WORDS,
        super::NEXT_WORDS,
    ] {
        for w in list {
            assert_eq!(crate::text::fold(w), *w, "{w}");
        }
    }
}
