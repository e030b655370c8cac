//! How deeply a page nests its elements, estimated before parsing. An HTML tree builder checks
//! the stack of open elements on every tag, so a page of 100,000 nested `<div>`s (500 KB) costs
//! it minutes; such a page is refused instead. The estimate counts only elements that must be
//! closed: void elements and those whose end tag is optional (`p`, `li`, `td`, …) are not
//! counted, so a sloppy but real page is never refused for them.

/// The deepest nesting read. Real report pages nest a few dozen elements; the parser's work
/// per tag grows with the depth, so this bounds a 32 MB page to seconds.
pub const MAX_DEPTH: usize = 512;

/// Elements that have no end tag or whose end tag may be left out.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot",
    "option", "optgroup", "colgroup", "html", "head", "body",
];

/// Ruby annotation elements: their end tags are optional inside `<ruby>`, where each closes the
/// one before it, but outside one they nest (and the tree builder searches the stack for a
/// `<ruby>` on each): counted, and inside a `<ruby>` each closes one of them at the top.
const RUBY: &[&str] = &["rb", "rt", "rp", "rtc"];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noscript",
];

/// What an element's name says of its nesting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// In [`UNCOUNTED`].
    Uncounted,
    /// In [`RUBY`].
    Ruby,
    /// In [`RAW`].
    Raw,
    /// Any other: counted.
    Counted,
}

/// `name` in lower case, in `buffer`: a page has thousands of tags, each worth no allocation.
/// `None` for a name longer than the buffer, which is none of the listed ones.
fn lower<'b>(name: &str, buffer: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let buffer = buffer.get_mut(..name.len())?;
    buffer.copy_from_slice(name.as_bytes());
    buffer.make_ascii_lowercase();
    Some(buffer)
}

/// The kind of the element named `lower` (lower case): looked up in a table made once from
/// the lists, as every tag of a page asks.
fn kind_of(lower: &[u8]) -> Kind {
    static KINDS: std::sync::OnceLock<rustc_hash::FxHashMap<&'static [u8], Kind>> =
        std::sync::OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let listed = [
            (UNCOUNTED, Kind::Uncounted),
            (RUBY, Kind::Ruby),
            (RAW, Kind::Raw),
        ];
        listed
            .iter()
            .flat_map(|&(names, kind)| names.iter().map(move |n| (n.as_bytes(), kind)))
            .collect()
    });
    kinds.get(lower).copied().unwrap_or(Kind::Counted)
}

/// How far up the stack an end tag looks for its element: far enough for any real page, and a
/// bound on the work a stream of stray end tags can cause.
const LOOK_BACK: usize = 64;

/// The estimated deepest nesting of `html`, stopping early once it passes `limit`.
pub fn depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[i..]) {
        i += offset + 1;
        match bytes.get(i) {
            Some(b'!') if bytes[i..].starts_with(b"!--") => {
                i = find(bytes, i, b"-->").unwrap_or(bytes.len());
            }
            Some(b'!' | b'?') => i = find(bytes, i, b">").unwrap_or(bytes.len()),
            Some(b'/') => {
                let name = name_at(html, i + 1);
                let top = stack.len().saturating_sub(LOOK_BACK);
                if let Some(at) = stack[top..]
                    .iter()
                    .rposition(|n| n.eq_ignore_ascii_case(name))
                {
                    stack.truncate(top + at);
                }
                i = find(bytes, i, b">").unwrap_or(bytes.len());
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let name = name_at(html, i);
                let end = tag_end(bytes, i);
                let self_closing = end > 1 && bytes[end - 2] == b'/';
                let kind = lower(name, &mut [0; 16]).map_or(Kind::Counted, kind_of);
                if kind == Kind::Raw {
                    let close = format!("</{}", name.to_ascii_lowercase());
                    i = find_ignore_case(bytes, end, close.as_bytes()).unwrap_or(bytes.len());
                    continue;
                }
                let in_ruby = || {
                    let top = stack.len().saturating_sub(LOOK_BACK);
                    stack[top..].iter().any(|n| n.eq_ignore_ascii_case("ruby"))
                };
                if kind == Kind::Ruby
                    && stack
                        .last()
                        .is_some_and(|top| RUBY.iter().any(|r| top.eq_ignore_ascii_case(r)))
                    && in_ruby()
                {
                    stack.pop();
                }
                if !self_closing && kind != Kind::Uncounted {
                    stack.push(name);
                    deepest = deepest.max(stack.len());
                    if deepest > limit {
                        return deepest;
                    }
                }
                i = end;
            }
            _ => {}
        }
        if i >= bytes.len() {
            break;
        }
    }
    deepest
}

fn name_at(html: &str, start: usize) -> &str {
    let rest = html.get(start..).unwrap_or("");
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
        .count();
    &rest[..len]
}

/// The index just past the `>` closing the tag opened before `start`, quotes respected.
fn tag_end(bytes: &[u8], start: usize) -> usize {
    let mut k = start;
    while let Some(offset) = bytes
        .get(k..)
        .and_then(|b| memchr::memchr3(b'>', b'"', b'\'', b))
    {
        k += offset;
        match bytes[k] {
            b'>' => return k + 1,
            // A quoted value: up to its closing quote, `>` inside it left alone.
            quote => match memchr::memchr(quote, &bytes[k + 1..]) {
                Some(close) => k += close + 2,
                None => return bytes.len(),
            },
        }
    }
    bytes.len()
}

/// The index just past the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    // Mostly `>`: a byte search needs no searcher built per call.
    let at = match needle {
        [byte] => memchr::memchr(*byte, hay),
        _ => memchr::memmem::find(hay, needle),
    };
    at.map(|p| from + p + needle.len())
}

/// The index of the first `needle` (which starts with `<`) at or after `from`, ASCII case
/// ignored: the end of a script or style, found by its `<` (a script is often most of a page).
fn find_ignore_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    let (&first, _) = needle.split_first()?;
    if first.is_ascii_alphabetic() {
        // Not an end tag: each position compared.
        return hay
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| from + p);
    }
    memchr::memchr_iter(first, hay)
        .find(|&p| {
            hay.get(p..p + needle.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        })
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_ends_at_its_end_tag_in_any_case() {
        let page = "<script>if (a < b) { x = '</div>'; }</ScRiPt><div><div>";
        assert_eq!(find_ignore_case(page.as_bytes(), 8, b"</script"), Some(36));
        assert_eq!(depth(page, 100), 2);
        assert_eq!(find_ignore_case(b"<style>", 0, b"</style"), None);
        assert_eq!(find_ignore_case(b"xABc", 0, b"abc"), Some(1));
    }

    #[test]
    fn counts_what_must_be_closed() {
        assert_eq!(depth("<div><div><p>a<p>b</div></div>", 100), 2);
        assert_eq!(depth("<table><tr><td>1<td>2</table>", 100), 1);
        assert_eq!(depth("<div><br><img src='a>b'><hr/></div>", 100), 1);
        assert_eq!(depth("<script>if (a<b) { '<div>' }</script><span>", 100), 1);
        assert_eq!(depth("<!-- <div><div> --><div>", 100), 1);
        assert_eq!(depth(&"<div>".repeat(10_000), MAX_DEPTH), MAX_DEPTH + 1);
        assert_eq!(depth(&"<div></div>".repeat(10_000), MAX_DEPTH), 1);
        // Ruby annotations close one another, as inside `<ruby>`; nested otherwise, counted.
        assert_eq!(depth("<ruby>汉<rb>字<rt>zi<rp>(<rt>x</ruby>", 100), 2);
        assert_eq!(
            depth(&format!("<ruby>{}", "<rb><rt>".repeat(100_000)), MAX_DEPTH),
            2,
            "each closes the one before"
        );
        assert_eq!(
            depth(&"<rb><rt>".repeat(100_000), MAX_DEPTH),
            MAX_DEPTH + 1,
            "outside a ruby they nest"
        );
        assert_eq!(
            depth(&"<rb><span>".repeat(10_000), MAX_DEPTH),
            MAX_DEPTH + 1
        );
    }

    #[test]
    fn the_published_pages_are_shallow() {
        for page in ["pingtan-2024-page.html", "shanghai-gov-office-2019.html"] {
            let path = format!(
                "{}/../tests/data/reports/{page}",
                env!("CARGO_MANIFEST_DIR")
            );
            let html = std::fs::read_to_string(path).unwrap();
            assert!(depth(&html, MAX_DEPTH) < 100, "{page}");
        }
    }
}
