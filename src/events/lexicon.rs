//! Trigger lexicons: for each PLOVER category, the Arabic and English words that signal an
//! event of that kind, with Arabic morphology.
//!
//! An Arabic verb is given by its past stem (third person masculine singular, استدعى) and its
//! present stem without the person prefix (ستدعي, as in يستدعي); the lexicon generates the
//! persons, genders and numbers (استدعت, استدعوا, تستدعي, يستدعون), the weak-final forms (نفت,
//! لم ينف) and the jussive. Nouns (verbal nouns, their plurals: استدعاء, اعتقالات, مظاهرات) are
//! listed. At lookup, conjunctions, prepositions, the article and the future prefix
//! (و ف ب ل ك ال س) are stripped from the front and object or possessive pronouns (ه ها هم ...,
//! the accusative alif) from the back, so that وباعتقال, احتجاجها, لقائه and ستشتري are found.
//! English verbs are given by their base (regular forms generated) or by their forms.
//!
//! Entries may ask for a following phrase (أطلق + النار, called + for), for a context word
//! within a few words (a purchase counts only when weapons are bought), or exclude a context
//! (heart attack). Everything here is general vocabulary of news about politics, conflict and
//! crime; nothing names a particular article's people or places.

use crate::text::fold;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The PLOVER event categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Agree to, sign, promise.
    Agree,
    /// Meet, visit, negotiate, mediate.
    Consult,
    /// Praise, endorse, back, apologise.
    Support,
    /// Yield, resign, make concessions.
    Concede,
    /// Material cooperation: economic, military, intelligence.
    Cooperate,
    /// Provide aid: economic, military, humanitarian.
    Aid,
    /// Release, withdraw, ease sanctions, cease fire.
    Retreat,
    /// Ask, demand, appeal, call for.
    Request,
    /// Accuse, criticise, condemn, complain officially, investigate, sue.
    Accuse,
    /// Reject, refuse, deny, veto.
    Reject,
    /// Threaten, warn, give an ultimatum.
    Threaten,
    /// Demonstrate, strike, riot, block roads.
    Protest,
    /// Reduce or break relations, expel, recall an ambassador, impose sanctions.
    Sanction,
    /// Mobilise or deploy forces, raise alert.
    Mobilize,
    /// Arrest, detain, charge, seize, besiege, occupy, violate sovereignty, ban.
    Coerce,
    /// Attack, kill, bomb, shell, assassinate, abduct, fight.
    Assault,
}

impl Category {
    /// Every category, in PLOVER order.
    pub const ALL: [Category; 16] = [
        Category::Agree,
        Category::Consult,
        Category::Support,
        Category::Concede,
        Category::Cooperate,
        Category::Aid,
        Category::Retreat,
        Category::Request,
        Category::Accuse,
        Category::Reject,
        Category::Threaten,
        Category::Protest,
        Category::Sanction,
        Category::Mobilize,
        Category::Coerce,
        Category::Assault,
    ];

    /// The lower-case name used in the JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Agree => "agree",
            Category::Consult => "consult",
            Category::Support => "support",
            Category::Concede => "concede",
            Category::Cooperate => "cooperate",
            Category::Aid => "aid",
            Category::Retreat => "retreat",
            Category::Request => "request",
            Category::Accuse => "accuse",
            Category::Reject => "reject",
            Category::Threaten => "threaten",
            Category::Protest => "protest",
            Category::Sanction => "sanction",
            Category::Mobilize => "mobilize",
            Category::Coerce => "coerce",
            Category::Assault => "assault",
        }
    }

    /// Speech acts: denying them does not undo them (نفت الاتهامات: the accusations were made).
    pub fn is_speech(self) -> bool {
        matches!(
            self,
            Category::Accuse | Category::Threaten | Category::Request | Category::Reject
        )
    }
}

/// Grammatical form of a matched word, as far as mode and actor order care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Past verb (اعتقلت, arrested).
    Past,
    /// Present verb (يعتقل) or English base form (arrest).
    Present,
    /// Noun: verbal noun, plural, English noun.
    Noun,
    /// A listed form of another kind.
    Any,
}

/// Special behaviours of an entry.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flags {
    /// A verb of denial (نفى, deny): its object events are denied, and a negated denial
    /// (لم ينف, did not deny) leaves them reported.
    pub deny: bool,
    /// استدعى: summoning a foreign envoy is an official complaint (accuse); recalling one's own
    /// (سفيرها, its ambassador) reduces relations (sanction).
    pub summon: bool,
    /// A protest word that, said by officials ("أعربت عن احتجاجها"), is an official complaint.
    pub official: bool,
}

/// One lexicon entry.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The category.
    pub cat: Category,
    /// The first form given, for messages.
    pub lemma: String,
    /// Words that must follow, each position a set of folded alternatives (`*` ends a prefix).
    pub tail: Vec<Vec<String>>,
    /// How many words may come between the head and the tail's first word.
    pub gap: usize,
    /// At least one of these must occur within [`CONTEXT`] words.
    pub needs: Vec<String>,
    /// The word before must not be one of these.
    pub notprev: Vec<String>,
    /// The word after must not be one of these.
    pub notnext: Vec<String>,
    /// None of these may occur in the sentence.
    pub notctx: Vec<String>,
    /// None of these may occur among the [`NEAR`] words after it ("attack on the flames").
    pub notnear: Vec<String>,
    /// None of these may occur among the [`AROUND`] words before it or the [`NEAR`] words after
    /// it: what "poses" or "faces" a threat, or is "removed", is a danger, not a threat made.
    pub notaround: Vec<String>,
    /// Special behaviours.
    pub flags: Flags,
    /// A finer kind inside the category (`sub=deal`: purchases and deals; `sub=arrest`), used
    /// to tell reports of one event from different events of one category. An entry given none
    /// is a kind of its own.
    pub sub: String,
}

/// Window, in words either side, in which an entry's `needs` are looked for.
pub const CONTEXT: usize = 6;

/// A trigger found among a sentence's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// Index of the entry in [`Lexicon::entries`].
    pub entry: usize,
    /// The category.
    pub cat: Category,
    /// First word.
    pub first: usize,
    /// Last word (inclusive; the tail's last word for phrases).
    pub last: usize,
    /// Form of the head word.
    pub pos: Pos,
    /// The Arabic future prefix was on the word (ستشتري).
    pub future: bool,
    /// The preposition ل was on a verbal noun or a present verb (لشراء, ليعتقل): a purpose.
    pub purpose: bool,
}

/// A word's possible trigger: (entry, part of speech, future prefix, purpose prefix).
pub type Hit = (usize, Pos, bool, bool);

/// Hits of the words already looked up in one document ([`Lexicon::find_with`]).
#[derive(Default)]
pub struct HitCache(rustc_hash::FxHashMap<String, Vec<Hit>>);

/// The trigger lexicons, built once.
pub struct Lexicon {
    /// The entries, Arabic then English.
    pub entries: Vec<Entry>,
    ar: FxHashMap<String, Vec<(u32, Pos)>>,
    en: FxHashMap<String, Vec<(u32, Pos)>>,
    /// A bit per [`sketch`] of the English forms: a word whose bit is clear is no form, and is
    /// not looked up (most words of a text are not triggers).
    en_sketch: Box<[u64]>,
}

/// Bits in [`Lexicon::en_sketch`].
const SKETCH_BITS: usize = 1 << 16;

/// A cheap summary of a word (its length and first three bytes) for [`Lexicon::en_sketch`].
fn sketch(w: &str) -> usize {
    let b = w.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0) as usize;
    (b.len().min(31) * 7919 + at(0) * 961 + at(1) * 31 + at(2)) % SKETCH_BITS
}

use Category::*;

/// How many words after a trigger `notnear=` looks at.
const NEAR: usize = 3;

/// How many words before a trigger `notaround=` looks at ("remove the Tamil Tigers' threat").
const AROUND: usize = 4;

/// Arabic entries. `v=PAST/PRESENT` a verb (either side may be empty), `n=` nouns, `w=` other
/// listed forms; `then=` a following phrase (positions separated by spaces, alternatives by
/// `|`), `gap=` words allowed before it; `needs=`, `notprev=`, `notnext=`, `notctx=`,
/// `notnear=`, `notaround=` context words (`*` ends a prefix); `flag=deny|summon|official`.
const AR: &[(Category, &str)] = &[
    // AGREE
    (Agree, "v=اتفق/تفق; n=اتفاق,اتفاقية,اتفاقيات,اتفاقات; sub=accord"),
    (Agree, "v=وافق/وافق; n=موافقة; sub=accord"),
    (Agree, "v=تعهد/تعهد; n=تعهدات"),
    (Agree, "n=معاهدة,معاهدات,مذكرة; then=تفاهم|التفاهم; sub=accord"),
    (Agree, "n=توقيع; needs=اتفاق*,معاهد*,مذكر*,وثيق*,عقد*; sub=accord"),
    (Agree, "v=وقع/وقع; then=اتفاق*|الاتفاق*|معاهد*|المعاهد*|مذكر*|عقد*|العقد*; gap=2; sub=accord"),
    // CONSULT
    (Consult, "v=التقى/لتقي; n=لقاء,لقاءات,التقاء; sub=meet"),
    (Consult, "v=اجتمع/جتمع; n=اجتماع,اجتماعات; sub=meet"),
    (Consult, "v=زار/زور; n=زيارة,زيارات; notnext=الحقائق,حقائق,الانتخابات,الوثائق,وثائق,الأصوات,النتائج,التاريخ,الواقع; sub=visit"),
    (Consult, "v=تشاور/تشاور; n=تشاور,مشاورات; sub=meet"),
    (Consult, "v=تفاوض/تفاوض; n=مفاوضات,تفاوض; sub=meet"),
    (Consult, "n=محادثات,مباحثات; sub=meet"),
    (Consult, "v=توسط/توسط; n=وساطة; sub=mediate"),
    (Consult, "n=اتصال,اتصالا; then=هاتفي|هاتفيا; sub=meet"),
    (Consult, "n=مكالمة; then=هاتفية; sub=meet"),
    // SUPPORT
    (Support, "v=أيد/ؤيد; n=تأييد; sub=support"),
    (Support, "v=دعم/دعم; n=دعم; sub=support"),
    (Support, "v=أشاد/شيد; n=إشادة; sub=support"),
    (Support, "v=رحب/رحب; n=ترحيب; sub=support"),
    (Support, "v=تضامن/تضامن; n=تضامن; sub=support"),
    (Support, "v=اعتذر/عتذر; n=اعتذار"),
    (Support, "v=ساند/ساند; n=مساندة; sub=support"),
    // CONCEDE
    (Concede, "v=استقال/ستقيل; n=استقالة"),
    (Concede, "v=تنازل/تنازل; n=تنازل,تنازلات"),
    (Concede, "v=رضخ/رضخ; n=رضوخ"),
    (Concede, "v=خفف/خفف; n=تخفيف; then=القيود|قيود|العقوبات|عقوبات"),
    // COOPERATE
    (Cooperate, "v=تعاون/تعاون; n=تعاون; notprev=مجلس,منظمة,مركز,هيئة,وزارة,اتحاد; sub=coop"),
    (Cooperate, "n=صفقة,صفقات; sub=deal"),
    (
        Cooperate,
        "v=اشترى/شتري; n=شراء; needs=سلاح*,أسلحة*,طائر*,طيار*,صاروخ*,صواريخ*,دباب*,ذخائر*,ذخيرة*,مروحي*,عسكري*,معدات*,منظوم*,سفن*,غواص*,مقاتلات*; sub=deal",
    ),
    (
        Cooperate,
        "v=باع/بيع; n=بيع; needs=سلاح*,أسلحة*,طائرات*,صواريخ*,دباب*,ذخائر*,مروحي*,عسكري*,منظوم*,مقاتلات*; sub=deal",
    ),
    (Cooperate, "v=نسق/نسق; n=تنسيق; sub=coop"),
    (Cooperate, "n=شراكة; sub=coop"),
    (Cooperate, "n=تعزيز; then=العلاقات|علاقات*|التعاون|تعاون*; sub=coop"),
    (Cooperate, "v=عزز/عزز; then=العلاقات|علاقات*|التعاون|تعاون*; gap=1; sub=coop"),
    (Cooperate, "n=تبادل; then=المعلومات|معلومات; sub=coop"),
    // AID
    (Aid, "v=ساعد/ساعد; n=مساعدة,مساعدات; sub=aid"),
    (Aid, "n=إغاثة,معونة,معونات; sub=aid"),
    (Aid, "v=تبرع/تبرع; n=تبرعات; sub=aid"),
    // RETREAT
    (Retreat, "v=انسحب/نسحب; n=انسحاب; sub=withdraw"),
    (Retreat, "v=أفرج/فرج; n=إفراج; sub=release"),
    (Retreat, "v=أطلق/طلق; n=إطلاق; then=سراح; gap=2; sub=release"),
    (Retreat, "n=هدنة; sub=ceasefire"),
    (Retreat, "n=وقف; then=إطلاق|لإطلاق النار; sub=ceasefire"),
    (Retreat, "v=استسلم/ستسلم; n=استسلام"),
    (Retreat, "v=رفع/رفع; n=رفع; then=الحصار|العقوبات|الحظر"),
    (Retreat, "n=فك; then=الحصار"),
    (Retreat, "n=تبادل; then=الأسرى|أسرى|المعتقلين; sub=release"),
    // REQUEST
    (Request, "v=دعا/دعو; n=دعوة,دعوات; notnext=ذلك; notprev=مما; sub=request"),
    (
        Request,
        "w=طالبت,طالبوا,طالبا,يطالب,تطالب,يطالبون,يطالبان,نطالب,مطالبة,مطالبا,مطالبين,مطالبات; sub=request",
    ),
    (Request, "v=طلب/طلب; n=طلب; sub=request"),
    (Request, "v=ناشد/ناشد; n=مناشدة; sub=request"),
    (Request, "v=حث/حث; sub=request"),
    (Request, "v=التمس/لتمس; sub=request"),
    // ACCUSE
    (Accuse, "v=اتهم/تهم; n=اتهام,اتهامات; sub=charge"),
    (Accuse, "v=ندد/ندد; n=تنديد; sub=denounce"),
    (Accuse, "v=أدان/; n=إدانة,إدانات; sub=denounce"),
    (Accuse, "v=انتقد/نتقد; n=انتقاد,انتقادات; sub=denounce"),
    (Accuse, "v=استنكر/ستنكر; n=استنكار; sub=denounce"),
    (Accuse, "v=شجب/شجب; sub=denounce"),
    (Accuse, "v=اشتكى/شتكي; n=شكوى"),
    (
        Accuse,
        "v=استدعى/ستدعي; n=استدعاء; needs=سفير*,سفراء*,القائم*,دبلوماسي*,مبعوث*; flag=summon; sub=summon",
    ),
    (Accuse, "v=حمل/حمل; then=مسؤولية|المسؤولية|مسئولية|المسئولية; gap=2"),
    (Accuse, "n=محاكمة"),
    // REJECT
    (Reject, "v=رفض/رفض; n=رفض; sub=refuse"),
    (Reject, "v=نفى/نفي; n=نفي; flag=deny; sub=deny"),
    (Reject, "v=أنكر/نكر; n=إنكار; flag=deny; sub=deny"),
    (Reject, "v=عارض/عارض"),
    (Reject, "n=فيتو"),
    // THREATEN
    // What endangers democracy or stability is a risk, not a threat someone makes; a security
    // threat (تهديد أمني) too. Not الأمن, السلام: security forces and peace talks are threatened
    // by someone.
    (Threaten, "v=هدد/هدد; notnear=الديمقراطيه,ديمقراطيه,الاستقرار,استقرار,سلامه,الاقتصاد,اقتصاد,مستقبل,الوحده,وحده,السياده; notnext=امني,امنيه; sub=threat"),
    // A threat that something poses (يشكل تهديدا), that a country faces (التهديدات التي
    // تواجه), or that stands beside challenges and dangers (التحديات والتهديدات) is a danger,
    // not a threat someone made.
    (Threaten, "n=تهديد,تهديدات; notnear=الديمقراطيه,ديمقراطيه,الاستقرار,استقرار,سلامه,الاقتصاد,اقتصاد,مستقبل,الوحده,وحده,السياده; notnext=امني,امنيه; notaround=يشكل,تشكل,شكل,يمثل,تمثل,مثل,تواجه,يواجه,تواجهها,يواجهها,مواجهه,التحديات,تحديات,المخاطر,مخاطر,الاخطار,اخطار; sub=threat"),
    // As in English, a warning is a threat only when it carries one (بعواقب, من مغبة, الرد,
    // بالقوة); most warn of a danger (حذر من أن الوضع هش, الخبراء يحذرون).
    (
        Threaten,
        "v=حذر/حذر; n=تحذير,تحذيرات; needs=عواقب*,بعواقب*,العواقب*,مغبة*,بمغبة*,الرد,برد,سيرد*,سترد*,انتقام*,الانتقام*,بالانتقام*,القوة,بالقوة,عسكري*,العسكري*,عقوبات*,العقوبات*,بعقوبات*,ضرب*; sub=threat",
    ),
    (Threaten, "v=توعد/توعد; n=وعيد; sub=threat"),
    (Threaten, "n=إنذار; sub=threat"),
    // PROTEST
    (Protest, "v=تظاهر/تظاهر; n=تظاهرة,مظاهرة,تظاهرات,مظاهرات; sub=protest"),
    (Protest, "v=احتج/حتج; n=احتجاج,احتجاجات; flag=official; sub=protest"),
    (Protest, "v=اعتصم/عتصم; n=اعتصام,اعتصامات; sub=protest"),
    (Protest, "v=أضرب/; n=إضراب,إضرابات; sub=protest"),
    (Protest, "n=شغب,عصيان; sub=protest"),
    (Protest, "v=قطع/قطع; then=الطريق|الطرق|طريق|الطرقات; sub=protest"),
    // SANCTION
    (Sanction, "n=عقوبات"),
    (Sanction, "v=قطع/قطع; n=قطع; then=العلاقات|علاقات*"),
    (
        Sanction,
        "v=طرد/طرد; n=طرد; needs=سفير*,سفراء*,دبلوماسي*,بعثة*,القائم*,مبعوث*; notnext=مفخخ,ملغوم,بريدي",
    ),
    (Coerce, "v=طرد/طرد; n=طرد; notnext=مفخخ,ملغوم,بريدي"),
    (Sanction, "v=سحب/سحب; n=سحب; then=سفير*|السفير*|سفراء*|السفراء*; gap=1"),
    (Sanction, "n=تجميد; then=العلاقات|علاقات*|المساعدات|عضوية*|العضوية"),
    (Sanction, "v=علق/علق; n=تعليق; then=العلاقات|علاقات*|المفاوضات|عضوية*|العضوية"),
    // MOBILIZE
    (Mobilize, "v=حشد/حشد; n=حشد,حشود; sub=mobilize"),
    (Mobilize, "n=تعزيزات; sub=mobilize"),
    (
        Mobilize,
        "v=نشر/نشر; n=نشر; needs=قوات*,القوات*,جنود*,جندي*,دباب*,صواريخ*,منظوم*,كتيب*,وحدات*,عسكري*,بطاري*,سفن*; sub=mobilize",
    ),
    (Mobilize, "n=استنفار,مناورات,مناورة; sub=mobilize"),
    (Mobilize, "v=أرسل/رسل; then=قوات*|جنود*|تعزيزات*|سفن*; gap=1; sub=mobilize"),
    // COERCE
    (Coerce, "v=اعتقل/عتقل; n=اعتقال,اعتقالات; sub=arrest"),
    (Coerce, "n=توقيف,توقيفات; sub=arrest"),
    (Coerce, "v=قبض/قبض; n=قبض; then=على|عليه|عليها|عليهم|عليهما; sub=arrest"),
    (Assault, "v=احتجز/حتجز; n=احتجاز; then=الرهائن|رهائن|رهينة|الرهينة; gap=2; sub=abduct"),
    (Coerce, "v=احتجز/حتجز; n=احتجاز; sub=arrest"),
    (Coerce, "v=صادر/صادر; n=مصادرة; sub=seize"),
    (Coerce, "v=ضبط/ضبط; n=ضبط; notnext=النفس,نفس; sub=seize"),
    (Coerce, "v=حاصر/حاصر; n=حصار; sub=siege"),
    (Coerce, "v=احتل/حتل; n=احتلال; sub=occupy"),
    (Coerce, "v=سيطر/سيطر; n=سيطرة; notprev=مواقع,المواقع,مناطق,المناطق,اراضي,الاراضي,مدن,المدن,قري,القري,احياء,الاحياء,بلدات,البلدات; sub=occupy"),
    (Coerce, "n=ترحيل"),
    (Coerce, "v=انتهك/نتهك; n=انتهاك,انتهاكات; sub=violate"),
    (Coerce, "v=خرق/خرق; n=خرق,خروقات,خروق; sub=violate"),
    (Coerce, "n=حظر; notprev=منطقة,المنطقة"),
    (Assault, "v=اقتحم/قتحم; n=اقتحام; sub=attack"),
    (Coerce, "v=داهم/داهم; n=مداهمة,مداهمات; sub=raid"),
    (Coerce, "v=حكم/حكم; n=حكم; then=بالسجن|بالإعدام|بسجن*|بالحبس; gap=2; sub=arrest"),
    // ASSAULT
    (Assault, "v=هاجم/هاجم; n=هجوم,هجمات; sub=attack"),
    (Assault, "v=اعتدى/عتدي; n=اعتداء,اعتداءات; sub=attack"),
    (
        Assault,
        "v=قتل/قتل; n=قتل,مقتل,قتلى; notctx=مروري*,تصادم*,غرق*,دهس*; sub=kill",
    ),
    (Assault, "v=اغتال/غتال; n=اغتيال,اغتيالات; sub=assassinate"),
    (Assault, "v=قصف/قصف; n=قصف; sub=attack"),
    (Assault, "n=غارة,غارات; sub=attack"),
    (Assault, "v=استهدف/ستهدف; n=استهداف; sub=attack"),
    // مواد شديدة الانفجار, قابلة للانفجار: "highly explosive", a property, not a blast.
    (Assault, "v=/فجر; n=تفجير,تفجيرات,انفجار,انفجارات; notprev=شديدة,شديد,سريعة,سريع,قابلة,قابل; sub=attack"),
    (Assault, "v=انفجر/نفجر; sub=attack"),
    (Assault, "v=اشتبك/شتبك; n=اشتباك,اشتباكات; sub=attack"),
    (Assault, "n=معركة,معارك; sub=attack"),
    (Assault, "v=قاتل/قاتل; n=قتال; sub=attack"),
    (Assault, "v=ذبح/ذبح; sub=kill"),
    (
        Assault,
        "v=أطلق/طلق; n=إطلاق; then=النار|نارا|الرصاص|صاروخ*|صواريخ*|قذائف*|قذيفة; gap=2; sub=attack",
    ),
    (Assault, "v=اختطف/ختطف; n=اختطاف; sub=abduct"),
    (Assault, "v=خطف/خطف; n=خطف; sub=abduct"),
    (Assault, "n=تعذيب,مجزرة,مجازر,إعدام,كمين,قنص; sub=kill"),
    (Assault, "v=أعدم/عدم; sub=kill"),
    (Assault, "n=تصفية; sub=kill"),
    (Assault, "n=نزاع,نزاعات,صراع,حرب,حروب; sub=war"),
    (Assault, "n=عملية,عمليات; then=انتحارية|عسكرية|إرهابية|انتحاري|عسكري|إرهابي; sub=attack"),
    (Assault, "n=عبوة,عبوات; then=ناسفة; sub=attack"),
];

/// English entries. `rv=` a regular verb (base given, -s/-ed/-ing generated), `w=` listed
/// forms, `n=` nouns; the other keys as for Arabic.
const EN: &[(Category, &str)] = &[
    // AGREE
    // "agreed that ..." states an opinion; "agreed to ..." and "agreed on ..." commit.
    // "agreed it was ..." (a clause after a singular pronoun) states an opinion too; "agreed
    // this week to", "agreed they would withdraw" commit.
    (Agree, "rv=agree; notnext=that,he,she,it,i; sub=accord"),
    // "Nodded in agreement", "are in agreement": a state of mind, not a deal.
    (Agree, "n=agreement,agreements,accord,accords,treaty,treaties,pact,pacts; notprev=in; sub=accord"),
    (Agree, "n=deal,deals; notprev=great,good,big; needs=reach*,sign*,strike,struck,peace,plea,trade,nuclear,ceasefire,agree*,broker*,negotiat*,accept*,arms; sub=accord"),
    (Agree, "rv=sign; needs=agreement*,treaty,treaties,accord*,pact*,deal,deals,memorandum,contract*; sub=accord"),
    (Agree, "rv=pledge; notctx=allegiance"),
    // CONSULT
    (Consult, "w=met,meet,meets; then=with; sub=meet"),
    (Consult, "n=meeting,meetings; sub=meet"),
    (
        Consult,
        "w=visit,visited,visiting; notprev=emergency,room,office,doctor,home,site; needs=president,minister,secretary,official*,delegation,envoy,leader*,governor,mayor,senator,ambassador,king,queen,pope,prime,state,diplomat*,talks,foreign,prince; sub=visit",
    ),
    (
        Consult,
        "w=talks; notprev=he,she,it,who,that,this,which; needs=president,minister,secretary,official*,delegation,envoy,leader*,governor,mayor,senator,ambassador,king,queen,pope,prime,state,diplomat*,foreign,prince,council,board,committee,commission,government,negotiator*,union*,parties,lawmakers,legislators; sub=meet",
    ),
    (Consult, "rv=negotiate; n=negotiation,negotiations; sub=meet"),
    (Consult, "rv=consult; n=consultation,consultations; sub=meet"),
    (Consult, "rv=mediate; n=mediation; sub=mediate"),
    (
        Consult,
        "rv=discuss; n=discussion,discussions; needs=president,minister,secretary,official*,delegation,envoy,leader*,governor,mayor,senator,ambassador,king,queen,pope,prime,state,diplomat*,foreign,prince,council,board,committee,commission,government,negotiator*,union*,parties,lawmakers,legislators; sub=meet",
    ),
    (Consult, "n=summit,summits; sub=meet"),
    // SUPPORT
    (Support, "w=supported,backed; notprev=financially; sub=support"),
    (Support, "n=support; then=for; notprev=child,tech,technical,life,customer; sub=support"),
    (Support, "rv=endorse; n=endorsement,endorsements; sub=support"),
    (Support, "rv=praise; sub=support"),
    (Support, "rv=apologize; rv=apologise; n=apology"),
    // CONCEDE
    (Concede, "rv=resign; n=resignation"),
    (Concede, "rv=concede; n=concession,concessions; notnext=that"),
    (Concede, "w=step,steps,stepped,stepping; then=down"),
    // COOPERATE
    (Cooperate, "rv=cooperate; n=cooperation; notprev=in; notctx=receded,diminished,waned,dwindled,deteriorated; sub=coop"),
    (Cooperate, "rv=collaborate; sub=coop"),
    (
        Cooperate,
        "rv=purchase; w=buy,buys,bought,buying,sell,sells,sold,selling; needs=weapon*,arms,jets,drones,missile*,tanks,helicopter*,aircraft,fighter*,ammunition; sub=deal",
    ),
    // AID
    (Aid, "n=aid; w=aided; notprev=first,hearing,visual,teaching; sub=aid"),
    (Aid, "rv=donate; notctx=organ,organs,blood,kidney,kidneys,plasma,marrow; sub=aid"),
    (Aid, "n=assistance; needs=provide*,humanitarian,financial,military,economic,foreign,emergency,disaster; sub=aid"),
    (Aid, "n=relief; notprev=tax,pain,debt,stress,parking,traffic; sub=aid"),
    // RETREAT
    (
        Retreat,
        "w=withdraw,withdraws,withdrew,withdrawn,withdrawing,withdrawal; needs=troops,forces,army,soldiers,military,militants; sub=withdraw",
    ),
    (
        Retreat,
        "rv=release; needs=prison,jail,custody,hostage*,prisoner*,detainee*,bail,captivity,kidnapper*; sub=release",
    ),
    (Retreat, "w=freed; sub=release"),
    (Retreat, "rv=retreat; n=ceasefire,ceasefires,truce; sub=withdraw"),
    (Retreat, "rv=surrender"),
    (Retreat, "w=lift,lifts,lifted,lifting; then=ban|sanctions|embargo|curfew|siege|restrictions; gap=2"),
    // REQUEST
    (Request, "w=requested,requesting; rv=urge; sub=request"),
    (Request, "rv=demand; notprev=high,low,strong,weak,growing,increased,increasing,rising,consumer,in,market,energy,supply,public,peak; notctx=supply,consumer*,market*; sub=request"),
    (Request, "w=call,calls,called,calling; then=for|on; notprev=usually,than,is,are,was,were,be,been,being,as,plan,plans,proposal,proposals,budget,design,project,bill,law,ordinance,contract,schedule,rules,policy,measure,legislation; notctx=forecast,forecasts; sub=request"),
    // ACCUSE
    (Accuse, "rv=accuse; n=accusation,accusations; sub=charge"),
    (Accuse, "rv=criticize; rv=criticise; n=criticism; sub=denounce"),
    (Accuse, "rv=condemn; n=condemnation; rv=denounce; rv=blame; sub=denounce"),
    (Accuse, "w=sue,sues,sued,suing; n=lawsuit,lawsuits"),
    (Accuse, "rv=investigate; n=investigation,investigations"),
    (Accuse, "w=convicted"),
    (Accuse, "n=complaint,complaints; needs=filed,file,files,lodged,formal,official"),
    (Accuse, "w=found; then=guilty"),
    (Accuse, "rv=summon; needs=ambassador*,envoy*,diplomat*"),
    // REJECT
    (Reject, "rv=reject; n=rejection; sub=refuse"),
    (Reject, "w=deny,denies,denied,denying,denial; flag=deny; sub=deny"),
    (Reject, "rv=refuse; n=refusal; sub=refuse"),
    (Reject, "w=veto,vetoes,vetoed,vetoing; rv=oppose"),
    // THREATEN
    // "The threat of wildfires" is a risk, and so is what "threatens democracy" or "a threat to
    // public safety", and a security threat: not a threat someone makes. ("Threatened security
    // forces", "the peace talks" are.)
    (Threaten, "rv=threaten; notprev=health,fire,flood,life,security; notnext=of; notnear=democracy,stability,safety,economy,existence,survival,future,jobs,environment,habitat,livelihood*; sub=threat"),
    // The same for a threat that someone poses or faces, or that is to be removed, reduced or
    // countered ("posing a threat to himself", "the gravity of the threat that faces Sudan", "a
    // deadly threat troops face"), or that is measured ("the greater threat", "the number one
    // threat"): a danger.
    (Threaten, "n=threat,threats; notprev=health,fire,flood,life,security,greater,greatest,bigger,biggest,major,main,serious,grave,growing,one; notnext=of; notnear=democracy,stability,safety,economy,existence,survival,future,jobs,environment,habitat,livelihood*; notaround=pose,poses,posed,posing,face,faces,faced,facing,remove,removing,eliminate,eliminating,reduce,reducing,counter,countering,combat,combating,tackle,tackling,neutralize,neutralizing,gravity; sub=threat"),
    // A warning is a threat only when it carries one ("warned Iran against", "of
    // consequences", "of retaliation"); most warn of a danger (warning residents of the
    // fire, warned that the deficit would be the highest, warning signs).
    (
        Threaten,
        "rv=warn; n=warning,warnings; notprev=tornado,weather,storm,flood,heat,winter,frost,hurricane,severe,wind,freeze,gale; needs=against,consequence*,retaliat*,reprisal*,response,force,military,sanctions,strike,strikes,war; sub=threat",
    ),
    (Threaten, "n=ultimatum; sub=threat"),
    // PROTEST
    (Protest, "rv=protest; n=protester,protesters,protestors; flag=official; sub=protest"),
    // A demonstration of skills or products ("interactive demonstrations", "cooking
    // demonstrations") is a show, not a protest.
    (Protest, "n=demonstration,demonstrations,demonstrators; notprev=interactive,timed,cooking,product,hands-on,practical,safety,technical,demo; notctx=cooking,gardening,recipe*,crafting; sub=protest"),
    (Protest, "n=boycott,boycotts,riot,riots; w=rioted,rioting; sub=protest"),
    (Protest, "w=hunger,general; then=strike|strikes; sub=protest"),
    (Protest, "w=on,went; then=strike; sub=protest"),
    // SANCTION
    (Sanction, "n=sanctions,embargo; w=sanctioned"),
    (Sanction, "rv=expel; w=expelled,expelling"),
    (Sanction, "rv=recall; needs=ambassador*,envoy*,diplomat*"),
    (Sanction, "rv=suspend; then=relations|ties|aid|talks|negotiations|membership; gap=1"),
    (Sanction, "w=cut,cuts,cutting,sever,severed,severs; then=ties|relations; gap=2"),
    // MOBILIZE
    (Mobilize, "rv=mobilize; n=mobilization; sub=mobilize"),
    (
        Mobilize,
        "rv=deploy; n=deployment; needs=troops,soldiers,forces,guard*,police,officers,units,military,warships; sub=mobilize",
    ),
    (Mobilize, "n=reinforcements; sub=mobilize"),
    // COERCE
    // "Evading arrest", "resisting arrest" name an offence, not an arrest.
    (Coerce, "rv=arrest; w=apprehended; notprev=evading,resisting,evade,resist,avoid,avoiding,escape,escaping; notnext=report,reports,record,records,affidavit,affidavits,rate,rates; sub=arrest"),
    (Coerce, "rv=detain; n=detention; sub=arrest"),
    (Coerce, "w=charge,charges,charged,charging; then=with|in; gap=2; sub=arrest"),
    (Coerce, "w=jailed,imprisoned; n=custody; sub=arrest"),
    (Coerce, "w=sentenced; then=to; sub=arrest"),
    (Coerce, "rv=indict; n=indictment; sub=arrest"),
    (
        Coerce,
        "rv=seize; n=seizure; rv=confiscate; needs=drug*,weapon*,gun*,firearm*,cocaine,marijuana,heroin,meth*,cash,money,vehicle*,car,cars,property,assets,items,evidence,ammunition,explosives,pounds,kilograms,grams,contraband,stolen,ship*,vessel*,territory,town,city,village,base,airport,control,power; sub=seize",
    ),
    (Coerce, "rv=raid; notprev=air; sub=raid"),
    (Coerce, "rv=deport; n=deportation,curfew,blockade,siege"),
    (Coerce, "w=ban,bans,banned,banning"),
    (Coerce, "w=robbed,robbery,robberies,carjacking,carjacked,burglary,burglaries"),
    (Coerce, "w=cited; then=for"),
    (
        Coerce,
        "rv=violate; n=violation,violations; needs=airspace,border*,territor*,sovereignty,ceasefire,truce,waters",
    ),
    // ASSAULT
    (Assault, "rv=attack; notprev=heart,panic,asthma,anxiety; notnear=flames,blaze,fire; sub=attack"),
    (Assault, "rv=assault; sub=attack"),
    // Shooting footage or a film is filming.
    (Assault, "w=shooting,shootings,gunfire; notnext=for,range,ranges,guard,percentage,star,stars,script,footage,film,films,video,videos,scenes,movie,photos,pictures,commercial,commercials,documentary; sub=attack"),
    (Assault, "w=shot; notprev=a,flu,his,her,their,one,good,big,booster,long,first,last,mug,jump,snap,photo,free,three-point; notnext=of; sub=attack"),
    (Assault, "w=kill,kills,killed,killing,killings; notnext=himself,herself,themselves; notctx=crash*,accident*,collision*,wreck*,overdose*,drown*; sub=kill"),
    (Assault, "rv=murder; n=homicide,homicides; sub=kill"),
    (Assault, "w=stab,stabs,stabbed,stabbing,stabbings; sub=kill"),
    (Assault, "w=bomb,bombs,bombed,bombing,bombings; notprev=photo,bath,sex; sub=attack"),
    (Assault, "w=kidnap,kidnaps,kidnapped,kidnapping,kidnappings; rv=abduct; sub=abduct"),
    (Assault, "rv=assassinate; n=assassination; sub=assassinate"),
    (Assault, "n=massacre,airstrike,airstrikes,ambush; sub=attack"),
    (Assault, "w=air,drone,missile; then=strike|strikes; sub=attack"),
    (Assault, "w=shelled,shelling; sub=attack"),
    (Assault, "n=clash,clashes; w=clashed; sub=attack"),
    (Assault, "w=rape,raped; n=torture; w=tortured"),
    (Assault, "w=took,take,taken,taking; then=hostage|hostages; gap=2; sub=abduct"),
    (Assault, "w=open,opens,opened,opening; then=fire; sub=attack"),
    (Assault, "n=war; notprev=price,culture,bidding,turf,world,cold,civil,revolutionary; notnext=veteran,veterans,memorial,museum,era,hero,heroes,ii,i,bonds,crimes,ally,allies,chest,cry,footing,games,movie,novel,room,widow,widows,years; sub=war"),
];

fn split_list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// English forms of a regular verb: base, -s, -ed, -ing.
fn en_verb(base: &str) -> [String; 4] {
    let b = base.to_string();
    let consonant_y =
        b.ends_with('y') && !b[..b.len() - 1].ends_with(|c: char| "aeiou".contains(c));
    let s = if b.ends_with(['s', 'x', 'z']) || b.ends_with("sh") || b.ends_with("ch") {
        format!("{b}es")
    } else if consonant_y {
        format!("{}ies", &b[..b.len() - 1])
    } else {
        format!("{b}s")
    };
    let ed = if b.ends_with('e') {
        format!("{b}d")
    } else if consonant_y {
        format!("{}ied", &b[..b.len() - 1])
    } else {
        format!("{b}ed")
    };
    let ing = if b.ends_with("ee") || !b.ends_with('e') {
        format!("{b}ing")
    } else {
        format!("{}ing", &b[..b.len() - 1])
    };
    [b, s, ed, ing]
}

/// Past forms of an Arabic verb from its (folded) past stem.
fn ar_past(stem: &str) -> Vec<String> {
    let mut v: Vec<String> = ["", "ت", "ا", "وا", "تا", "ن", "نا", "تم"]
        .iter()
        .map(|s| format!("{stem}{s}"))
        .collect();
    // Weak final letter (نفى, دعا): نفت, نفوا, دعت, دعوا.
    if let Some(base) = stem.strip_suffix('ي').or_else(|| stem.strip_suffix('ا')) {
        for s in ["ت", "وا", "تا"] {
            v.push(format!("{base}{s}"));
        }
    }
    v
}

/// Present forms of an Arabic verb from its (folded) present stem without the person prefix.
fn ar_present(stem: &str) -> Vec<String> {
    let mut v = Vec::new();
    for p in ["ي", "ت", "ن", "ا"] {
        for s in ["", "ون", "ان", "ين", "وا", "ن"] {
            v.push(format!("{p}{stem}{s}"));
        }
    }
    // Weak final letter (ينفي, يدعو): jussive لم ينف, plural ينفون, يدعون.
    if let Some(base) = stem.strip_suffix('ي').or_else(|| stem.strip_suffix('و')) {
        for p in ["ي", "ت", "ن"] {
            for s in ["", "ون", "وا"] {
                v.push(format!("{p}{base}{s}"));
            }
        }
    }
    v
}

fn parse_entry(cat: Category, spec: &str, arabic: bool) -> Option<(Entry, Vec<(String, Pos)>)> {
    let mut forms: Vec<(String, Pos)> = Vec::new();
    let mut e = Entry {
        cat,
        lemma: String::new(),
        tail: Vec::new(),
        gap: 0,
        needs: Vec::new(),
        notprev: Vec::new(),
        notnext: Vec::new(),
        notctx: Vec::new(),
        notnear: Vec::new(),
        notaround: Vec::new(),
        flags: Flags::default(),
        sub: String::new(),
    };
    for part in spec.split(';') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (k, v) = part.split_once('=')?;
        match k.trim() {
            "v" if arabic => {
                let (past, pres) = v.split_once('/')?;
                let (past, pres) = (fold(past), fold(pres));
                if !past.is_empty() {
                    forms.extend(ar_past(&past).into_iter().map(|f| (f, Pos::Past)));
                }
                if !pres.is_empty() {
                    forms.extend(ar_present(&pres).into_iter().map(|f| (f, Pos::Present)));
                }
            }
            "rv" if !arabic => {
                let [b, s, ed, ing] = en_verb(&fold(v));
                forms.push((b, Pos::Present));
                forms.push((s, Pos::Any));
                forms.push((ed, Pos::Past));
                forms.push((ing, Pos::Any));
            }
            "n" => forms.extend(split_list(v).into_iter().map(|f| (f, Pos::Noun))),
            "w" => forms.extend(split_list(v).into_iter().map(|f| (f, Pos::Any))),
            "then" => {
                e.tail = v
                    .split_whitespace()
                    .map(|alts| alts.split('|').map(fold).collect())
                    .collect();
            }
            "gap" => e.gap = v.trim().parse().ok()?,
            "needs" => e.needs = split_list(v),
            "notprev" => e.notprev = split_list(v),
            "notnext" => e.notnext = split_list(v),
            "notctx" => e.notctx = split_list(v),
            "notnear" => e.notnear = split_list(v),
            "notaround" => e.notaround = split_list(v),
            "sub" => e.sub = v.trim().to_string(),
            "flag" => match v.trim() {
                "deny" => e.flags.deny = true,
                "summon" => e.flags.summon = true,
                "official" => e.flags.official = true,
                _ => return None,
            },
            _ => return None,
        }
    }
    e.lemma = forms.first()?.0.clone();
    Some((e, forms))
}

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon {
            entries: Vec::new(),
            ar: FxHashMap::default(),
            en: FxHashMap::default(),
            en_sketch: vec![0u64; SKETCH_BITS / 64].into_boxed_slice(),
        };
        for (arabic, table) in [(true, AR), (false, EN)] {
            for (cat, spec) in table {
                // A malformed line is caught by the tests; at run time it is left out.
                let Some((entry, forms)) = parse_entry(*cat, spec, arabic) else {
                    continue;
                };
                let id = lex.entries.len() as u32;
                let mut entry = entry;
                if entry.sub.is_empty() {
                    // An entry of its own kind: its reports merge only with each other.
                    entry.sub = format!("#{id}");
                }
                lex.entries.push(entry);
                let map = if arabic { &mut lex.ar } else { &mut lex.en };
                for (f, pos) in forms {
                    let v = map.entry(f).or_default();
                    if !v.contains(&(id, pos)) {
                        v.push((id, pos));
                    }
                }
            }
        }
        for f in lex.en.keys() {
            let k = sketch(f);
            lex.en_sketch[k / 64] |= 1 << (k % 64);
        }
        lex
    }

    /// Number of distinct surface forms (Arabic before clitics).
    pub fn form_count(&self) -> usize {
        self.ar.len() + self.en.len()
    }

    /// False when `key` is surely no English form (its [`sketch`] bit is clear).
    fn may_be_english_form(&self, key: &str) -> bool {
        let k = sketch(key);
        self.en_sketch[k / 64] & (1 << (k % 64)) != 0
    }

    /// Entries a single word may belong to, ignoring phrases and context: (entry, form,
    /// future prefix, purpose prefix).
    pub fn word_hits(&self, key: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        // Latin words (and numbers, which no Arabic affix turns into a trigger).
        if key.is_ascii() || key.chars().any(|c| c.is_ascii_alphabetic()) {
            if !self.may_be_english_form(key) {
                return out;
            }
            if let Some(v) = self.en.get(key) {
                out.extend(v.iter().map(|(i, p)| (*i as usize, *p, false, false)));
            }
            return out;
        }
        // The suffixes the word ends with, found once for all its prefixes.
        let encs: Vec<&str> = AR_ENC
            .iter()
            .copied()
            .filter(|e| key.ends_with(e))
            .collect();
        for pre in AR_PRE {
            let Some(rest) = key.strip_prefix(pre.s) else {
                continue;
            };
            for &enc in &encs {
                let Some(stem) = rest.strip_suffix(enc) else {
                    continue;
                };
                let len = stem.chars().count();
                if len < 2 || (len < 3 && (!pre.s.is_empty() || !enc.is_empty())) {
                    continue;
                }
                let mut try_stem = |s: &str| {
                    if let Some(v) = self.ar.get(s) {
                        for (i, p) in v {
                            if pre.allows(*p, enc) {
                                out.push((
                                    *i as usize,
                                    *p,
                                    pre.future,
                                    pre.purpose && *p != Pos::Past,
                                ));
                            }
                        }
                    }
                };
                try_stem(stem);
                if !enc.is_empty() {
                    // مظاهرتها -> مظاهرة, استدعاه -> استدعى, لقائه -> لقاء (ئ and ؤ fold to
                    // ي and و).
                    let mut cs = stem.chars();
                    let last = cs.next_back();
                    let base = cs.as_str();
                    let alt = match last {
                        Some('ت') => Some('ه'),
                        Some('ا') => Some('ي'),
                        Some('ي' | 'و') => Some('ء'),
                        _ => None,
                    };
                    if let Some(a) = alt {
                        try_stem(&format!("{base}{a}"));
                    }
                }
            }
        }
        if !out.is_empty() && is_homograph(key) {
            out.clear();
        }
        out.sort_unstable_by_key(|h| (h.0, h.2 as u8));
        out.dedup_by_key(|h| h.0);
        out
    }

    /// The categories a single word may signal (no phrase or context checks): for tests and
    /// for explaining a match.
    pub fn categories_of(&self, word: &str) -> Vec<Category> {
        let mut v: Vec<Category> = self
            .word_hits(&fold(word))
            .into_iter()
            .map(|h| self.entries[h.0].cat)
            .collect();
        v.sort();
        v.dedup();
        v
    }

    /// Find the triggers among a sentence's folded words, longest phrase first, each word in
    /// at most one trigger.
    pub fn find(&self, keys: &[&str]) -> Vec<Trigger> {
        self.find_with(keys, &mut HitCache::default())
    }

    /// [`Self::find`], remembering each Arabic word's hits in `cache` (an article repeats its
    /// words, and an Arabic word is tried with every proclitic and suffix).
    pub fn find_with(&self, keys: &[&str], cache: &mut HitCache) -> Vec<Trigger> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let mut best: Option<Trigger> = None;
            let key = keys[i];
            let latin;
            // A word that starts with a Latin letter is looked up as English (see
            // `word_hits`), after the cheap sketch test.
            let latin_start = key.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
            if latin_start && !self.may_be_english_form(key) {
                i += 1;
                continue;
            }
            let hits: &[Hit] = if latin_start || key.is_ascii() {
                latin = self.word_hits(key);
                &latin
            } else {
                if !cache.0.contains_key(key) {
                    let h = self.word_hits(key);
                    cache.0.insert(key.to_string(), h);
                }
                &cache.0[key]
            };
            for &(entry, pos, future, purpose) in hits {
                let e = &self.entries[entry];
                let Some(last) = self.tail_end(e, keys, i) else {
                    continue;
                };
                if !self.context_ok(e, keys, i, last) {
                    continue;
                }
                let t = Trigger {
                    entry,
                    cat: e.cat,
                    first: i,
                    last,
                    pos,
                    future,
                    purpose,
                };
                if best.is_none_or(|b| last > b.last) {
                    best = Some(t);
                }
            }
            match best {
                Some(t) => {
                    i = t.last + 1;
                    out.push(t);
                }
                None => i += 1,
            }
        }
        out
    }

    /// Where an entry's phrase ends when it starts at word `i`, or None if the words after do
    /// not complete it.
    fn tail_end(&self, e: &Entry, keys: &[&str], i: usize) -> Option<usize> {
        let Some((first, rest)) = e.tail.split_first() else {
            return Some(i);
        };
        let mut j = i + 1;
        let mut found = None;
        for g in 0..=e.gap {
            if keys
                .get(j + g)
                .is_some_and(|k| first.iter().any(|p| word_matches(p, k)))
            {
                found = Some(j + g);
                break;
            }
        }
        j = found?;
        for alts in rest {
            j += 1;
            if !keys
                .get(j)
                .is_some_and(|k| alts.iter().any(|p| word_matches(p, k)))
            {
                return None;
            }
        }
        Some(j)
    }

    fn context_ok(&self, e: &Entry, keys: &[&str], first: usize, last: usize) -> bool {
        let any = |list: &[String], k: &str| list.iter().any(|p| word_matches(p, k));
        if first > 0 && any(&e.notprev, keys[first - 1]) {
            return false;
        }
        if keys.get(last + 1).is_some_and(|k| any(&e.notnext, k)) {
            return false;
        }
        if !e.notctx.is_empty() && keys.iter().any(|k| any(&e.notctx, k)) {
            return false;
        }
        if !e.notnear.is_empty()
            && keys
                .iter()
                .skip(last + 1)
                .take(NEAR)
                .any(|k| any(&e.notnear, k))
        {
            return false;
        }
        if !e.notaround.is_empty()
            && keys[first.saturating_sub(AROUND)..first]
                .iter()
                .chain(keys.iter().skip(last + 1).take(NEAR))
                .any(|k| any(&e.notaround, k))
        {
            return false;
        }
        if !e.needs.is_empty() {
            let lo = first.saturating_sub(CONTEXT);
            let hi = (last + CONTEXT + 1).min(keys.len());
            if !keys[lo..hi].iter().any(|k| any(&e.needs, k)) {
                return false;
            }
        }
        true
    }
}

/// Words that look like an inflected trigger but are, far more often, something else:
/// وزارة (ministry) is not و + زار + ه (and he visited him), فائدة (benefit) not ف + أيده (and he
/// supported him). Checked with and without a leading
/// conjunction, preposition or article.
const HOMOGRAPHS: &[&str] = &["وزارة", "وزارات", "وزارتي", "وزارتا", "فائدة", "فوائد"];

fn homographs() -> &'static rustc_hash::FxHashSet<String> {
    static H: OnceLock<rustc_hash::FxHashSet<String>> = OnceLock::new();
    H.get_or_init(|| HOMOGRAPHS.iter().map(|w| fold(w)).collect())
}

/// Is this Arabic word, with or without a leading conjunction, preposition or article and a
/// pronoun suffix, one of the [`HOMOGRAPHS`]?
fn is_homograph(key: &str) -> bool {
    let h = homographs();
    CTX_PRE.iter().any(|c| {
        key.strip_prefix(c).is_some_and(|r| {
            h.contains(r)
                || ["ه", "ها", "هم"].iter().any(|e| {
                    r.strip_suffix(e)
                        .and_then(|x| x.strip_suffix('ت'))
                        .is_some_and(|x| h.contains(&format!("{x}ه")))
                })
        })
    })
}

/// An Arabic proclitic sequence and what it allows.
struct Pre {
    /// Its letters.
    s: &'static str,
    /// The article ال is part of it: nouns only, no pronoun suffix.
    article: bool,
    /// A preposition ب / ك is part of it: nouns only.
    prep: bool,
    /// The future prefix س: present verbs only.
    future: bool,
    /// The preposition ل without the article: a purpose before a verbal noun or a verb.
    purpose: bool,
}

impl Pre {
    fn allows(&self, pos: Pos, enc: &str) -> bool {
        if self.article {
            return enc.is_empty() && matches!(pos, Pos::Noun | Pos::Any);
        }
        if self.future {
            return matches!(pos, Pos::Present | Pos::Any);
        }
        if self.prep {
            return matches!(pos, Pos::Noun | Pos::Any);
        }
        if self.s.ends_with('ل') {
            return pos != Pos::Past;
        }
        if enc == "ا" {
            return matches!(pos, Pos::Noun | Pos::Any);
        }
        true
    }
}

const fn pre(s: &'static str, article: bool, prep: bool, future: bool, purpose: bool) -> Pre {
    Pre {
        s,
        article,
        prep,
        future,
        purpose,
    }
}

/// Proclitic sequences stripped at lookup, the empty one first.
const AR_PRE: &[Pre] = &[
    pre("", false, false, false, false),
    pre("و", false, false, false, false),
    pre("ف", false, false, false, false),
    pre("ب", false, true, false, false),
    pre("ل", false, false, false, true),
    pre("ك", false, true, false, false),
    pre("س", false, false, true, false),
    pre("ال", true, false, false, false),
    pre("وال", true, false, false, false),
    pre("فال", true, false, false, false),
    pre("بال", true, true, false, false),
    pre("كال", true, true, false, false),
    pre("لل", true, false, false, false),
    pre("ول", false, false, false, true),
    pre("فل", false, false, false, true),
    pre("وب", false, true, false, false),
    pre("فب", false, true, false, false),
    pre("وس", false, false, true, false),
    pre("فس", false, false, true, false),
    pre("ولل", true, false, false, false),
    pre("فلل", true, false, false, false),
    pre("وبال", true, true, false, false),
    pre("فبال", true, true, false, false),
    pre("وك", false, true, false, false),
];

/// Pronoun suffixes (and the accusative alif of the indefinite) stripped at lookup.
const AR_ENC: &[&str] = &["", "ه", "ها", "هم", "هما", "هن", "كم", "نا", "ني", "ا"];

/// Arabic proclitics that may precede a context word.
const CTX_PRE: &[&str] = &[
    "", "و", "ف", "ب", "ل", "ال", "وال", "بال", "لل", "فال", "وب", "ول", "ولل", "وبال",
];

/// A folded word matches a pattern (exact, or a prefix when the pattern ends with `*`), also
/// after an Arabic conjunction, preposition or article.
pub fn word_matches(pattern: &str, key: &str) -> bool {
    let (p, prefix) = match pattern.strip_suffix('*') {
        Some(p) => (p, true),
        None => (pattern, false),
    };
    let ok = |k: &str| {
        let (kb, pb) = (k.as_bytes(), p.as_bytes());
        // The first two bytes settle most comparisons (for Arabic, the second byte tells the
        // letters apart) without a call to memcmp.
        (pb.is_empty() || kb.first() == pb.first())
            && (pb.len() < 2 || kb.get(1) == pb.get(1))
            && if prefix { k.starts_with(p) } else { k == p }
    };
    if ok(key) {
        return true;
    }
    if key.is_ascii() {
        return false;
    }
    CTX_PRE[1..].iter().any(|c| {
        key.strip_prefix(c)
            .is_some_and(|rest| ok(rest) && rest.chars().nth(1).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(word: &str, cat: Category) {
        let cats = Lexicon::get().categories_of(word);
        assert!(
            cats.contains(&cat),
            "{word}: expected {cat:?}, got {cats:?}"
        );
    }

    fn none(word: &str) {
        let cats = Lexicon::get().categories_of(word);
        assert!(cats.is_empty(), "{word}: expected nothing, got {cats:?}");
    }

    #[test]
    fn every_line_parses() {
        for (arabic, table) in [(true, AR), (false, EN)] {
            for (cat, spec) in table {
                assert!(
                    parse_entry(*cat, spec, arabic).is_some(),
                    "bad entry: {spec}"
                );
            }
        }
        assert!(Lexicon::get().form_count() > 3000);
    }

    #[test]
    fn arabic_morphology() {
        let table = [
            // past (masculine, feminine, plural), present, verbal noun, with clitics
            ("استدعى", Accuse),
            ("استدعت", Accuse),
            ("استدعوا", Accuse),
            ("يستدعي", Accuse),
            ("تستدعي", Accuse),
            ("استدعاء", Accuse),
            ("واستدعت", Accuse),
            ("باستدعاء", Accuse),
            ("استدعاه", Accuse),
            ("توقيف", Coerce),
            ("اعتقال", Coerce),
            ("اعتقلت", Coerce),
            ("يعتقلون", Coerce),
            ("والاعتقالات", Coerce),
            ("مظاهرة", Protest),
            ("مظاهرات", Protest),
            ("تظاهر", Protest),
            ("تظاهروا", Protest),
            ("يتظاهرون", Protest),
            ("احتجاج", Protest),
            ("احتجاجها", Protest),
            ("لقاء", Consult),
            ("لقائه", Consult),
            ("اجتماع", Consult),
            ("زيارة", Consult),
            ("زيارته", Consult),
            ("زار", Consult),
            ("يزور", Consult),
            ("صفقة", Cooperate),
            ("الصفقة", Cooperate),
            ("شراء", Cooperate),
            ("لشراء", Cooperate),
            ("ستشتري", Cooperate),
            ("نفى", Reject),
            ("نفت", Reject),
            ("ينفي", Reject),
            ("ينف", Reject),
            ("انتهكت", Coerce),
            ("انتهاك", Coerce),
            ("خرق", Coerce),
            ("اغتيال", Assault),
            ("الاغتيال", Assault),
            ("اتهام", Accuse),
            ("اتهمت", Accuse),
            ("اتهامات", Accuse),
            ("هجوماً", Assault),
            ("دعا", Request),
            ("دعت", Request),
            ("يدعو", Request),
            ("تعاونها", Cooperate),
        ];
        for (w, c) in table {
            check(w, c);
        }
    }

    #[test]
    fn english_forms() {
        let table = [
            ("arrested", Coerce),
            ("arrests", Coerce),
            ("protest", Protest),
            ("protesters", Protest),
            ("demonstration", Protest),
            ("meeting", Consult),
            ("visited", Consult),
            ("denied", Reject),
            ("assassination", Assault),
            ("accused", Accuse),
            ("stabbed", Assault),
            ("agreed", Agree),
            ("agreeing", Agree),
            ("criticizes", Accuse),
        ];
        for (w, c) in table {
            check(w, c);
        }
    }

    #[test]
    fn ordinary_words_are_not_triggers() {
        for w in [
            "الفجر",
            "انف",
            "العلاقات",
            "قال",
            "الحكومة",
            "وزارة",
            "ووزارة",
            "وزارتها",
            "said",
            "house",
            "fire",
        ] {
            none(w);
        }
    }

    fn cats_in(sentence: &str) -> Vec<&'static str> {
        let toks = crate::text::tokenize(sentence);
        let keys: Vec<&str> = toks.iter().map(|t| t.key.as_str()).collect();
        Lexicon::get()
            .find(&keys)
            .iter()
            .map(|t| t.cat.as_str())
            .collect()
    }

    #[test]
    fn phrases_and_context() {
        let table: &[(&str, &[&str])] = &[
            ("أطلق المسلحون النار على الحافلة", &["assault"]),
            ("أعلن وقف إطلاق النار", &["retreat"]),
            ("ألقت الشرطة القبض على ثلاثة", &["coerce"]),
            ("تنوي شراء طائرات وأسلحة", &["cooperate"]),
            ("شراء منزل جديد", &[]),
            ("استدعت الخارجية السفير", &["accuse"]),
            ("استدعى الأمر تدخلا", &[]),
            ("نشرتها صحيفة التايمز", &[]),
            ("نشر الجيش قوات إضافية", &["mobilize"]),
            ("police called for calm", &["request"]),
            ("he died of a heart attack", &[]),
            ("gunmen attacked the convoy", &["assault"]),
            ("killed in a car crash", &[]),
            ("he was charged with murder", &["coerce", "assault"]),
            ("bought a house", &[]),
            ("agreed to buy fighter jets", &["agree", "cooperate"]),
            ("the council agreed that the plan was flawed", &[]),
            ("the mayor agreed it was too late", &[]),
            ("ضبط مستودع للمواد شديدة الانفجار", &["coerce"]),
            ("انفجرت عبوة شديدة الانفجار في السوق", &["assault"]),
            (
                "Iran and Iraq agreed this week to reopen the border",
                &["agree"],
            ),
            ("وقع انفجار في السوق", &["assault"]),
            ("the man killed himself in his cell", &[]),
            ("a war ally of the United States", &[]),
        ];
        for (s, want) in table {
            assert_eq!(&cats_in(s), want, "{s}");
        }
    }
}
