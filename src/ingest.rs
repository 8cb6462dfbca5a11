//! Ingestion: bytes of a `.txt`, `.md` or `.html` file to a [`Document`]: decoded text (UTF-8,
//! UTF-16 with BOM, legacy Arabic and other single-byte encodings detected), HTML turned into text
//! with a real parser, and passages (title, headings, paragraphs) as verbatim slices of the text.

use crate::model::PassageKind;
use std::path::Path;
use thiserror::Error;

/// Default largest file accepted, in bytes (overridable by callers).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read as an article.
#[derive(Debug, Error)]
pub enum IngestError {
    /// The path does not exist or cannot be opened.
    #[error("{path}: cannot read the file: {reason}")]
    Io {
        /// The path as given.
        path: String,
        /// What the system said, in words.
        reason: String,
    },
    /// The path is a directory.
    #[error("{path}: is a folder, not a file")]
    Directory {
        /// The path as given.
        path: String,
    },
    /// The file is empty or holds only white space.
    #[error("{path}: the file is empty")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// The file is not text.
    #[error("{path}: not a text file ({what}); Kharita reads plain text, Markdown and HTML")]
    Binary {
        /// The path as given.
        path: String,
        /// What it looks like.
        what: String,
    },
    /// The file exceeds the size limit.
    #[error(
        "{path}: the file is too large ({}; the limit is {})",
        size_in_words(*size, *limit),
        megabytes(*limit)
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// A size in megabytes (bytes when small), for messages.
fn megabytes(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let m = bytes as f64 / MB;
    if m < 0.1 {
        format!("{bytes} bytes")
    } else if m >= 10.0 || m.fract() == 0.0 {
        format!("{m:.0} MB")
    } else {
        format!("{m:.1} MB")
    }
}

/// The size of a file over the limit; a stream read up to one byte past the limit has no other
/// size to tell.
fn size_in_words(size: u64, limit: u64) -> String {
    if size == limit.saturating_add(1) {
        format!("over {}", megabytes(limit))
    } else {
        megabytes(size)
    }
}

/// The format of the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (read as text; heading markers recognised).
    Markdown,
    /// HTML.
    Html,
}

/// A decoded article, ready for analysis.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as given (or a label).
    pub source: String,
    /// The encoding the bytes were decoded from.
    pub encoding: String,
    /// The decoded text; passages are slices of it.
    pub text: String,
    /// Passages: (kind, byte start, byte end) into `text`.
    pub passages: Vec<(PassageKind, usize, usize)>,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication date (YYYY-MM-DD) when the file states one (HTML meta).
    pub published: Option<String>,
    /// Warnings met while decoding.
    pub diagnostics: Vec<String>,
}

/// Read and decode a file, with the default size limit.
pub fn read_path(path: &Path) -> Result<Document, IngestError> {
    read_path_limited(path, DEFAULT_MAX_BYTES)
}

/// Read and decode a file, refusing files larger than `max_bytes`.
pub fn read_path_limited(path: &Path, max_bytes: u64) -> Result<Document, IngestError> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| IngestError::Io {
        path: shown.clone(),
        reason: io_reason(&e),
    })?;
    if meta.is_dir() {
        return Err(IngestError::Directory { path: shown });
    }
    if meta.len() > max_bytes {
        return Err(IngestError::TooLarge {
            path: shown,
            size: meta.len(),
            limit: max_bytes,
        });
    }
    // Read at most one byte past the limit: a device or a pipe (/dev/zero, a FIFO) has no size
    // to check beforehand and may never end.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| {
            use std::io::Read;
            f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes)
        })
        .map_err(|e| IngestError::Io {
            path: shown.clone(),
            reason: io_reason(&e),
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(IngestError::TooLarge {
            path: shown,
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    let format = format_of(path, &bytes);
    from_bytes(&shown, &bytes, format)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The format, from the extension, or sniffed from the content when the extension says nothing.
pub fn format_of(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("md" | "markdown") => Format::Markdown,
        Some("txt" | "text") => Format::Text,
        _ => {
            let head =
                String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
            if head.contains("<html") || head.contains("<!doctype html") {
                Format::Html
            } else {
                Format::Text
            }
        }
    }
}

/// Decode bytes of the given format into a document.
pub fn from_bytes(source: &str, bytes: &[u8], format: Format) -> Result<Document, IngestError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty {
            path: source.to_string(),
        });
    }
    let (raw, encoding, mut diagnostics) = decode(source, bytes)?;
    let mut doc = match format {
        Format::Html => html_document(source, &raw, encoding),
        Format::Text | Format::Markdown => {
            let passages = split_passages(&raw, format == Format::Markdown);
            Document {
                source: source.to_string(),
                encoding: encoding.to_string(),
                title: None,
                text: raw,
                passages,
                published: None,
                diagnostics: Vec::new(),
            }
        }
    };
    if doc.title.is_none() {
        doc.title = doc
            .passages
            .iter()
            .find(|p| p.0 == PassageKind::Title)
            .map(|p| doc.text[p.1..p.2].trim().to_string());
    }
    if doc.passages.is_empty() {
        diagnostics.push("no text found in the file".to_string());
    }
    doc.diagnostics.splice(0..0, diagnostics);
    Ok(doc)
}

/// Well-known signatures of non-text files.
fn binary_signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x7fELF", "an executable program"),
        (b"MZ", "a Windows program"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
        (b"\xca\xfe\xba\xbe", "a compiled program"),
        (b"\xcf\xfa\xed\xfe", "a compiled program"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
        (b"Rar!", "a RAR archive"),
        (b"SQLite format 3", "a database"),
    ];
    SIGS.iter()
        .find(|(sig, _)| bytes.starts_with(sig))
        .map(|(_, what)| *what)
}

/// Decode bytes to a string: BOM first, then strict UTF-8, then detection among legacy encodings.
fn decode(source: &str, bytes: &[u8]) -> Result<(String, &'static str, Vec<String>), IngestError> {
    let mut diagnostics = Vec::new();
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            diagnostics.push(format!(
                "some bytes were not valid {} and were replaced",
                enc.name()
            ));
        }
        return Ok((text.into_owned(), enc.name(), diagnostics));
    }
    // "MZ", "GIF8" and "Rar!" can also begin an article: they count only on bytes that are not
    // clean text (programs, images and archives hold NULs or invalid UTF-8).
    let prose_like = [b"MZ".as_slice(), b"GIF8", b"Rar!"]
        .iter()
        .any(|sig| bytes.starts_with(sig));
    if let Some(what) = binary_signature(bytes).filter(|_| !(prose_like && clean_utf8(bytes))) {
        return Err(IngestError::Binary {
            path: source.to_string(),
            what: format!("it looks like {what}"),
        });
    }
    // UTF-16 without BOM: NULs (the high bytes of ASCII characters: spaces, digits, Latin
    // letters) at alternating positions. Arabic text has them only at its spaces and punctuation,
    // so a twentieth of the characters is enough, provided the other positions have almost none.
    let sample = &bytes[..bytes.len().min(8192)];
    let nul = sample.iter().filter(|b| **b == 0).count();
    if nul > 0 {
        let even = sample.iter().step_by(2).filter(|b| **b == 0).count();
        let odd = nul - even;
        let half = sample.len() / 2;
        let (enc, ok) = if odd * 20 >= half && even * 20 <= odd {
            (encoding_rs::UTF_16LE, true)
        } else if even * 20 >= half && odd * 20 <= even {
            (encoding_rs::UTF_16BE, true)
        } else {
            (encoding_rs::UTF_8, false)
        };
        if ok {
            let (text, _, had_errors) = enc.decode(bytes);
            if !had_errors && control_ratio(&text) < 0.05 {
                return Ok((text.into_owned(), enc.name(), diagnostics));
            }
        }
        return Err(IngestError::Binary {
            path: source.to_string(),
            what: "it contains NUL bytes".to_string(),
        });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8", diagnostics));
    }
    if mostly_utf8(bytes) {
        diagnostics.push("invalid UTF-8 sequences were replaced".to_string());
        return Ok((
            String::from_utf8_lossy(bytes).into_owned(),
            "UTF-8",
            diagnostics,
        ));
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, _, had_errors) = enc.decode(bytes);
    let text = text.into_owned();
    if control_ratio(&text) > 0.02 || replacement_ratio(&text) > 0.02 {
        return Err(IngestError::Binary {
            path: source.to_string(),
            what: "its bytes are not text in any known encoding".to_string(),
        });
    }
    if had_errors {
        diagnostics.push(format!(
            "some bytes were not valid {} and were replaced",
            enc.name()
        ));
    }
    if enc == encoding_rs::UTF_8 {
        diagnostics.push("invalid UTF-8 sequences were replaced".to_string());
    }
    Ok((text, enc.name(), diagnostics))
}

/// Valid UTF-8 with no NUL byte.
fn clean_utf8(bytes: &[u8]) -> bool {
    !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
}

/// UTF-8 with a few broken sequences: a file cut in the middle of a character by a download, or a
/// stray byte from another encoding. Valid multi-byte characters must outnumber the broken
/// sequences ten to one; legacy Arabic or Latin text read as UTF-8 is nearly all broken sequences,
/// and goes to the detector instead.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut broken = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            broken += 1;
        }
    }
    multibyte > 0 && broken * 10 <= multibyte
}

fn control_ratio(s: &str) -> f64 {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in s.chars().take(100_000) {
        n += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}') {
            bad += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        bad as f64 / n as f64
    }
}

fn replacement_ratio(s: &str) -> f64 {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in s.chars().take(100_000) {
        n += 1;
        if c == '\u{FFFD}' {
            bad += 1;
        }
    }
    if n == 0 {
        0.0
    } else {
        bad as f64 / n as f64
    }
}

/// True when a line holds no letter or digit (". . .", "***", "—").
fn punctuation_only(line: &str) -> bool {
    !line.chars().any(|c| c.is_alphanumeric())
}

/// Longest passage kept whole; longer runs of text are cut at sentence or word boundaries so that
/// one pathological line cannot make one giant passage.
const MAX_PASSAGE_BYTES: usize = 64 * 1024;

/// Split plain text (or Markdown) into passages. Every non-blank line is a passage, except that a
/// hard-wrapped file (most lines of similar length without final punctuation) keeps blank-line
/// separated blocks together. The first passage is the title when it is short and stands alone.
pub fn split_passages(text: &str, markdown: bool) -> Vec<(PassageKind, usize, usize)> {
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let s = pos + lead;
            lines.push((s, s + trimmed.len()));
        } else {
            lines.push((pos, pos)); // blank marker
        }
        pos += line.len();
    }
    let nonblank: Vec<&(usize, usize)> = lines.iter().filter(|(s, e)| e > s).collect();
    let wrapped = {
        let long: Vec<usize> = nonblank
            .iter()
            .map(|(s, e)| text[*s..*e].chars().count())
            .collect();
        let n = long.len();
        let mid = long.iter().filter(|l| (50..=100).contains(*l)).count();
        let unterminated = nonblank
            .iter()
            .filter(|(s, e)| {
                !text[*s..*e]
                    .trim_end()
                    .ends_with(['.', '!', '?', '؟', '"', '”', ':', '»'])
            })
            .count();
        n >= 6 && mid * 10 >= n * 6 && unterminated * 10 >= n * 6
    };
    let mut blocks: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, lone line)
    if wrapped {
        let mut cur: Option<(usize, usize, usize)> = None;
        for &(s, e) in &lines {
            if e == s {
                if let Some((cs, ce, n)) = cur.take() {
                    blocks.push((cs, ce, n == 1));
                }
            } else {
                cur = Some(match cur {
                    Some((cs, _, n)) => (cs, e, n + 1),
                    None => (s, e, 1),
                });
            }
        }
        if let Some((cs, ce, n)) = cur {
            blocks.push((cs, ce, n == 1));
        }
    } else {
        blocks = nonblank.iter().map(|(s, e)| (*s, *e, true)).collect();
    }
    let mut out = Vec::new();
    for (s, e, lone) in blocks {
        let t = &text[s..e];
        if punctuation_only(t) {
            continue;
        }
        let mut kind = if (markdown && t.starts_with('#')) || (lone && looks_like_heading(t)) {
            PassageKind::Heading
        } else {
            PassageKind::Paragraph
        };
        if out.is_empty() && kind == PassageKind::Heading {
            kind = PassageKind::Title;
        }
        for (cs, ce) in cut_long(text, s, e) {
            out.push((kind, cs, ce));
        }
    }
    out
}

/// A short line without final sentence punctuation reads as a heading.
fn looks_like_heading(t: &str) -> bool {
    let words = t.split_whitespace().count();
    let t = t.trim_end();
    words <= 14 && !t.ends_with(['.', '،', ',', ';', '؛'])
}

/// Cut a span longer than [`MAX_PASSAGE_BYTES`] at sentence ends or spaces.
fn cut_long(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = s;
    while e - start > MAX_PASSAGE_BYTES {
        let mut cut = start + MAX_PASSAGE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[start..cut];
        let at = window
            .rfind(['.', '!', '?', '؟', '\n'])
            .map(|i| i + 1)
            .or_else(|| window.rfind(' ').map(|i| i + 1))
            .filter(|i| *i > MAX_PASSAGE_BYTES / 4);
        let mut end = start + at.unwrap_or(window.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push((start, end));
        start = end;
        while start < e && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, |c| c.len_utf8());
        }
    }
    if start < e {
        out.push((start, e));
    }
    out
}

/// Build a document from HTML: title, headings, paragraphs and list items, in document order;
/// scripts, styles and navigation chrome left out. The text is the blocks joined by blank lines.
fn html_document(source: &str, html: &str, encoding: &str) -> Document {
    use scraper::{Html, Node};
    let capped = cap_nesting(html, MAX_HTML_DEPTH);
    let dom = Html::parse_document(capped.as_deref().unwrap_or(html));
    let mut blocks: Vec<(PassageKind, String)> = Vec::new();
    let mut title = None;
    let mut published = None;
    // Title and publication date from the head.
    for node in dom.tree.nodes() {
        if let Node::Element(el) = node.value() {
            match el.name() {
                "title" if title.is_none() => {
                    let t: String = node
                        .children()
                        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                        .collect();
                    let t = normalize_space(&t);
                    if !t.is_empty() {
                        title = Some(t);
                    }
                }
                "meta" => {
                    let key = el
                        .attr("property")
                        .or_else(|| el.attr("name"))
                        .or_else(|| el.attr("itemprop"))
                        .unwrap_or("");
                    if matches!(
                        key,
                        "article:published_time" | "datePublished" | "date" | "pubdate"
                    ) && published.is_none()
                    {
                        published = el.attr("content").and_then(iso_date_prefix);
                    }
                }
                _ => {}
            }
        }
    }
    // Body blocks: walk the tree in document order, collecting text of block elements. The walk
    // keeps its own stack, so no nesting depth can overflow the thread's stack.
    enum Step<'a> {
        Visit(ego_tree::NodeRef<'a, Node>),
        Close(PassageKind),
    }
    fn walk(root: ego_tree::NodeRef<'_, Node>, blocks: &mut Vec<(PassageKind, String)>) {
        let mut cur = String::new();
        let mut stack = vec![Step::Visit(root)];
        while let Some(step) = stack.pop() {
            let node = match step {
                Step::Close(kind) => {
                    flush(blocks, &mut cur, kind);
                    continue;
                }
                Step::Visit(node) => node,
            };
            match node.value() {
                Node::Text(t) => {
                    cur.push_str(t);
                    continue;
                }
                Node::Element(el) => {
                    let name = el.name();
                    if matches!(
                        name,
                        "script"
                            | "style"
                            | "noscript"
                            | "template"
                            | "head"
                            | "svg"
                            | "iframe"
                            | "nav"
                            | "button"
                            | "form"
                            | "select"
                    ) {
                        continue;
                    }
                    let kind = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(PassageKind::Heading),
                        "p" | "li" | "blockquote" | "div" | "section" | "article" | "td" | "th"
                        | "pre" | "dd" | "dt" | "figcaption" | "caption" | "header" | "footer"
                        | "main" | "aside" | "tr" | "ul" | "ol" | "table" | "body" => {
                            Some(PassageKind::Paragraph)
                        }
                        "br" => {
                            cur.push('\n');
                            None
                        }
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        flush(blocks, &mut cur, PassageKind::Paragraph);
                        stack.push(Step::Close(kind));
                    }
                }
                _ => {}
            }
            stack.extend(node.children().rev().map(Step::Visit));
        }
        flush(blocks, &mut cur, PassageKind::Paragraph);
    }
    fn flush(blocks: &mut Vec<(PassageKind, String)>, cur: &mut String, kind: PassageKind) {
        for line in cur.split('\n') {
            let t = normalize_space(line);
            if !t.is_empty() && !punctuation_only(&t) {
                blocks.push((kind, t));
            }
        }
        cur.clear();
    }
    walk(dom.tree.root(), &mut blocks);

    let mut text = String::new();
    let mut passages = Vec::new();
    if let Some(t) = &title {
        // The title becomes the first passage unless the first heading repeats it.
        let repeated = blocks.first().is_some_and(|(_, b)| b == t);
        if !repeated {
            text.push_str(t);
            passages.push((PassageKind::Title, 0, t.len()));
        }
    }
    for (i, (kind, b)) in blocks.iter().enumerate() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let s = text.len();
        text.push_str(b);
        let kind = if passages.is_empty() && i == 0 && *kind == PassageKind::Heading {
            PassageKind::Title
        } else {
            *kind
        };
        for (cs, ce) in cut_long(&text, s, text.len()) {
            passages.push((kind, cs, ce));
        }
    }
    let title = title.or_else(|| {
        passages
            .iter()
            .find(|p| p.0 == PassageKind::Title)
            .map(|p| text[p.1..p.2].to_string())
    });
    Document {
        source: source.to_string(),
        encoding: encoding.to_string(),
        text,
        passages,
        title,
        published,
        diagnostics: Vec::new(),
    }
}

/// Deepest element nesting handed to the HTML parser. Past a few thousand levels html5ever's
/// scope checks, which walk the stack of open elements at each tag, make parsing quadratic (100,000
/// nested `div`s took a minute and a half); browsers cap the depth of the tree for the same
/// reason.
const MAX_HTML_DEPTH: usize = 512;

/// Elements that never hold content.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "image",
];

/// Elements the parser closes by itself when a sibling opens (`<li>` after `<li>`): they do not
/// nest, so they do not count towards the depth.
const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb",
    "rt", "rp", "rtc", "colgroup", "caption",
];

/// When the markup nests deeper than `max_depth`, the same markup with the start and end tags
/// below that depth left out (their text stays, in order); `None` when it is shallow enough.
///
/// A light scan of the tags, not a parser. It may see more nesting than the parser will (a tag
/// written inside a script, an element the parser closes by itself), never less: comments end
/// where the parser ends them, and quotes count only around attribute values, so no real tag is
/// hidden from it. Seeing too much only drops tags of a document that is already pathological.
fn cap_nesting(html: &str, max_depth: usize) -> Option<String> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0usize; // bytes of `html` already copied to `out` or dropped
    let mut depth = 0usize;
    let mut i = 0usize;
    let mut drop_tag = |out: &mut Option<String>, from: usize, to: usize| {
        let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
        o.push_str(&html[copied..from]);
        copied = to;
    };
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            i = comment_end(b, lt + 4);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>'))
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            // `<!DOCTYPE ...>`, `<?xml ...>`, a `<` of the text.
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(gt) = tag_end(b, name_start + name_len) else {
            break;
        };
        let after = gt + 1;
        // `<div/>` opens a div all the same: only void elements are empty.
        let counted = !VOID_ELEMENTS.contains(&name.as_str())
            && !SELF_CLOSING_SIBLINGS.contains(&name.as_str());
        if counted && closing {
            if depth > max_depth {
                drop_tag(&mut out, lt, after);
            }
            depth = depth.saturating_sub(1);
        } else if counted {
            depth += 1;
            if depth > max_depth {
                drop_tag(&mut out, lt, after);
            }
        }
        i = after;
    }
    let mut o = out?;
    o.push_str(&html[copied..]);
    Some(o)
}

/// Where a comment whose text starts at `from` ends, as the HTML tokenizer ends it: `<!-->` and
/// `<!--->` are whole comments, otherwise the first `-->` or `--!>`, or the end of the file.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut k = from;
    while let Some(off) = b[k..].iter().position(|&c| c == b'-') {
        let at = k + off;
        if b[at..].starts_with(b"-->") {
            return at + 3;
        }
        if b[at..].starts_with(b"--!>") {
            return at + 4;
        }
        k = at + 1;
    }
    b.len()
}

/// Index of the `>` that ends a tag whose attributes start at `from`. A quote opens an attribute
/// value only right after `=` (as in the tokenizer); the value runs to the same quote.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    for (k, &c) in b.iter().enumerate().skip(from) {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            b'>' => return Some(k),
            b'"' | b'\'' if after_equals => quote = Some(c),
            _ => {}
        }
        if !c.is_ascii_whitespace() {
            after_equals = c == b'=';
        }
    }
    None
}

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "2015-07-21T10:00:00Z" → "2015-07-21".
fn iso_date_prefix(s: &str) -> Option<String> {
    let p: String = s.trim().chars().take(10).collect();
    let b = p.as_bytes();
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && p.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        Some(p)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "تصعيد في العلاقات بين أذربيجان وإيران\n\nاستدعت إيران سفيرها من باكو.\n";

    fn decode_ok(bytes: &[u8]) -> Document {
        match from_bytes("t.txt", bytes, Format::Text) {
            Ok(d) => d,
            Err(e) => panic!("decode failed: {e}"),
        }
    }

    #[test]
    fn encodings_table() {
        let utf8 = SAMPLE.as_bytes().to_vec();
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(&utf8);
        let (w1256, _, _) = encoding_rs::WINDOWS_1256.encode(SAMPLE);
        let iso = encoding_rs::ISO_8859_6.encode(SAMPLE).0.into_owned();
        let mut u16le = vec![0xFF, 0xFE];
        for u in SAMPLE.encode_utf16() {
            u16le.extend_from_slice(&u.to_le_bytes());
        }
        let mut u16be = vec![0xFE, 0xFF];
        for u in SAMPLE.encode_utf16() {
            u16be.extend_from_slice(&u.to_be_bytes());
        }
        let cases: [(&[u8], &str); 5] = [
            (&utf8, "UTF-8"),
            (&bom, "UTF-8"),
            (&w1256, "windows-1256"),
            (&u16le, "UTF-16LE"),
            (&u16be, "UTF-16BE"),
        ];
        for (bytes, enc) in cases {
            let d = decode_ok(bytes);
            assert_eq!(d.encoding, enc);
            assert_eq!(d.text, SAMPLE, "{enc}");
        }
        // ISO-8859-6 has the same letters at other code points; detection may call it either
        // legacy Arabic encoding, but the text must come out right.
        let d = decode_ok(&iso);
        assert!(d.text.contains("أذربيجان"), "{}", d.encoding);
        // UTF-16 without a byte-order mark: Arabic has NULs only in its spaces and punctuation,
        // and was refused as binary.
        let le: Vec<u8> = SAMPLE
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let be: Vec<u8> = SAMPLE
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        for (bytes, enc) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
            let d = decode_ok(&bytes);
            assert_eq!((d.encoding.as_str(), d.text.as_str()), (enc, SAMPLE));
        }
        // Text that happens to begin like a program or an image is text.
        for t in [
            "MZ Wallace opened a shop in Paris.",
            "GIF8 is no format.",
            "Rar! said he.",
        ] {
            assert_eq!(decode_ok(t.as_bytes()).text, t);
        }
        let exe = from_bytes("a.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", Format::Text);
        assert!(exe.is_err_and(|e| e.to_string().contains("a Windows program")));
        // A UTF-8 file with a stray NUL is no UTF-16.
        let mut stray = SAMPLE.as_bytes().to_vec();
        stray.insert(11, 0);
        assert!(from_bytes("t.txt", &stray, Format::Text).is_err());
    }

    /// `/dev/zero` passed the size check (a device has no length) and was read until memory ran
    /// out; a file is now read at most one byte past the limit.
    #[test]
    fn endless_stream_stops_at_the_limit() {
        let zero = Path::new("/dev/zero");
        if !zero.exists() {
            return;
        }
        let msg = match read_path_limited(zero, 1024 * 1024) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("/dev/zero accepted"),
        };
        assert_eq!(
            msg,
            "/dev/zero: the file is too large (over 1 MB; the limit is 1 MB)"
        );
        let e = IngestError::TooLarge {
            path: "a.txt".into(),
            size: 3 * 1024 * 1024 / 2,
            limit: 64 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "a.txt: the file is too large (1.5 MB; the limit is 64 MB)"
        );
    }

    #[test]
    fn refuses_binary_and_empty() {
        let cases: [(&[u8], &str); 4] = [
            (b"\x7fELF\x02\x01\x01\x00\x00\x00", "executable"),
            (b"%PDF-1.4 xx", "PDF"),
            (b"   \n\n", "empty"),
            (&[0u8, 1, 2, 3, 0, 0, 200, 0, 7, 0, 0, 0, 9, 250, 0], "NUL"),
        ];
        for (bytes, what) in cases {
            let e = from_bytes("x.txt", bytes, Format::Text);
            let msg = match e {
                Err(e) => e.to_string(),
                Ok(_) => panic!("{what} accepted"),
            };
            assert!(msg.starts_with("x.txt: "), "{msg}");
        }
    }

    #[test]
    fn passages_are_lines_and_title_first() {
        let d = decode_ok(
            ".\n.\n\nTitle here\n\nFirst paragraph, with words.\nSecond one.\n".as_bytes(),
        );
        let kinds: Vec<_> = d.passages.iter().map(|p| p.0).collect();
        assert_eq!(
            kinds,
            [
                PassageKind::Title,
                PassageKind::Paragraph,
                PassageKind::Paragraph
            ]
        );
        assert_eq!(
            &d.text[d.passages[1].1..d.passages[1].2],
            "First paragraph, with words."
        );
        assert_eq!(d.title.as_deref(), Some("Title here"));
    }

    /// A UTF-8 file cut in the middle of a letter (an interrupted download) was handed to the
    /// legacy detector and came out as windows-1252 mojibake, with none of its places.
    #[test]
    fn truncated_utf8_stays_utf8() {
        let bytes = SAMPLE.as_bytes();
        let cut = bytes.len() - 3; // inside the two-byte و of باكو
        assert!(std::str::from_utf8(&bytes[..cut]).is_err());
        let d = decode_ok(&bytes[..cut]);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with(&SAMPLE[..cut - 1]), "{}", d.text);
        assert!(d.text.ends_with('\u{FFFD}'));
        assert_eq!(d.diagnostics, ["invalid UTF-8 sequences were replaced"]);
        // A stray windows-1252 byte in a UTF-8 article: the same.
        let mut mixed = SAMPLE.as_bytes().to_vec();
        mixed.splice(10..10, [0xE9]);
        assert_eq!(decode_ok(&mixed).encoding, "UTF-8");
        // Legacy text is still detected as such, not read as broken UTF-8.
        let (w1256, _, _) = encoding_rs::WINDOWS_1256.encode(SAMPLE);
        assert_eq!(decode_ok(&w1256).encoding, "windows-1256");
        let (w1252, _, _) = encoding_rs::WINDOWS_1252.encode("Café in Zürich, Genève.");
        assert_eq!(decode_ok(&w1252).text, "Café in Zürich, Genève.");
    }

    /// Text below 512 levels of nesting was silently dropped, and 100,000 nested elements made
    /// the parser quadratic (a 1 MB page took a minute and a half).
    #[test]
    fn deep_html_nesting_keeps_text() {
        let depth = 20_000;
        let html = format!(
            "<html><body><p>Top of the page.</p>{}<p>Deep down, Baku.</p>{}<p>After.</p></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let t0 = std::time::Instant::now();
        let d = match from_bytes("deep.html", html.as_bytes(), Format::Html) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        assert!(
            t0.elapsed() < std::time::Duration::from_secs(10),
            "{:?}",
            t0.elapsed()
        );
        let texts: Vec<&str> = d.passages.iter().map(|p| &d.text[p.1..p.2]).collect();
        assert_eq!(texts, ["Top of the page.", "Deep down, Baku.", "After."]);
    }

    #[test]
    fn nesting_cap_reads_tags_as_the_tokenizer_does() {
        let nest = |n: usize| format!("{}x{}", "<b>".repeat(n), "</b>".repeat(n));
        assert_eq!(cap_nesting(&nest(3), 3), None);
        assert_eq!(
            cap_nesting(&nest(5), 3).as_deref(),
            Some("<b><b><b>x</b></b></b>")
        );
        // Void and self-closing-sibling elements do not nest; `<div/>` does.
        assert_eq!(cap_nesting(&"<br><li><p><img/>".repeat(10), 3), None);
        assert!(cap_nesting(&"<div/>".repeat(10), 3).is_some());
        // Tags inside a comment are no tags, but `<!-->` and `--!>` end a comment.
        let hidden = format!("<!-- {} -->", nest(10));
        assert_eq!(cap_nesting(&hidden, 3), None);
        assert!(cap_nesting(&format!("<!-->{}", nest(10)), 3).is_some());
        assert!(cap_nesting(&format!("<!-- --!>{}", nest(10)), 3).is_some());
        // A quote opens an attribute value only after `=`.
        assert!(cap_nesting(&format!("<b don't>{}", nest(10)), 3).is_some());
        let quoted = format!("<b title='{}'>", nest(10));
        assert_eq!(cap_nesting(&quoted, 3), None);
        // Text and multi-byte characters survive the cut.
        let ar = format!("{}باكو{}", "<i>".repeat(6), "</i>".repeat(6));
        assert_eq!(cap_nesting(&ar, 2).as_deref(), Some("<i><i>باكو</i></i>"));
    }

    #[test]
    fn html_drops_scripts_and_keeps_blocks() {
        let html = "<html><head><title>Baku news</title><style>p{color:red}</style>\
            <script>var Tehran = 1;</script></head><body><h1>Baku news</h1>\
            <p>Iran recalled its <b>ambassador</b> from Baku.</p><ul><li>Item Tehran</li></ul></body></html>";
        let d = match from_bytes("a.html", html.as_bytes(), Format::Html) {
            Ok(d) => d,
            Err(e) => panic!("{e}"),
        };
        assert!(!d.text.contains("var Tehran"));
        assert!(!d.text.contains("color"));
        assert_eq!(d.title.as_deref(), Some("Baku news"));
        let texts: Vec<&str> = d.passages.iter().map(|p| &d.text[p.1..p.2]).collect();
        assert_eq!(
            texts,
            [
                "Baku news",
                "Iran recalled its ambassador from Baku.",
                "Item Tehran"
            ]
        );
    }
}
