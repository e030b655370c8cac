//! A title pattern (`#[form(title(pattern = "{agency}{year}年{}年度报告"))]`) matched against a
//! title as written: which line is the title, and what it says of the fields it names.
//!
//! `{field}` is that field's value: one or more digits for a number, one or more characters of
//! text otherwise; `{}` is any text, possibly none; `{{` and `}}` are braces; the rest is
//! literal. Matching tries the shortest text first, so `{agency}{year}年` takes the agency up
//! to the first run of digits that is followed by `年`. The search is bounded: a title longer
//! than [`MAX_TITLE`] characters, or a pattern needing more than [`MAX_STEPS`] steps, does not
//! match.

/// The longest line taken for a title, in characters.
pub(crate) const MAX_TITLE: usize = 200;
/// The most steps a match may take.
const MAX_STEPS: usize = 100_000;

/// A piece of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'p> {
    Text(String),
    Field(&'p str),
    Any,
}

/// The pieces of `pattern`.
pub(crate) fn pieces(pattern: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    let mut literal = String::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("{{") {
            literal.push('{');
            rest = after;
        } else if let Some(after) = rest.strip_prefix("}}") {
            literal.push('}');
            rest = after;
        } else if let Some(after) = rest.strip_prefix('{') {
            let close = after.find('}').unwrap_or(after.len());
            if !literal.is_empty() {
                out.push(Piece::Text(std::mem::take(&mut literal)));
            }
            let name = &after[..close];
            out.push(if name.is_empty() {
                Piece::Any
            } else {
                Piece::Field(name)
            });
            rest = after.get(close + 1..).unwrap_or("");
        } else {
            let c = rest.chars().next().unwrap_or_default();
            literal.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    if !literal.is_empty() {
        out.push(Piece::Text(literal));
    }
    out
}

/// The pieces up to the literal after the last field: what a title must begin with when it
/// does not match the whole pattern (`{agency}{year}年` of `{agency}{year}年{}年度报告`).
#[cfg(feature = "read")]
pub(crate) fn head<'a, 'p>(pieces: &'a [Piece<'p>]) -> &'a [Piece<'p>] {
    let Some(last) = pieces.iter().rposition(|p| matches!(p, Piece::Field(_))) else {
        return pieces;
    };
    match pieces.get(last + 1) {
        Some(Piece::Text(_)) => &pieces[..last + 2],
        _ => &pieces[..=last],
    }
}

/// The values the title gives the pattern's fields, when `title` matches `pieces` (the whole
/// title, or its beginning when `whole` is false). `numeric` says which fields are numbers.
pub(crate) fn fields<'t>(
    pieces: &[Piece<'_>],
    title: &'t str,
    whole: bool,
    numeric: &dyn Fn(&str) -> bool,
) -> Option<Vec<(String, &'t str)>> {
    search(pieces, title, whole, numeric, false)
}

/// As [`fields`], a text field allowed to be missing from the title (`2024年政府信息公开工作
/// 年度报告` names no agency): such a field comes back empty, and the others are read.
#[cfg(feature = "read")]
pub(crate) fn fields_without_text<'t>(
    pieces: &[Piece<'_>],
    title: &'t str,
    whole: bool,
    numeric: &dyn Fn(&str) -> bool,
) -> Option<Vec<(String, &'t str)>> {
    search(pieces, title, whole, numeric, true)
}

fn search<'t>(
    pieces: &[Piece<'_>],
    title: &'t str,
    whole: bool,
    numeric: &dyn Fn(&str) -> bool,
    missing_text: bool,
) -> Option<Vec<(String, &'t str)>> {
    if title.chars().count() > MAX_TITLE {
        return None;
    }
    let mut found = Vec::new();
    let mut steps = 0;
    let how = How {
        whole,
        numeric,
        missing_text,
    };
    matches(pieces, title, 0, &how, &mut found, &mut steps).then_some(found)
}

/// How a search matches.
struct How<'a> {
    /// The whole title, not its beginning.
    whole: bool,
    /// Which fields are numbers.
    numeric: &'a dyn Fn(&str) -> bool,
    /// A text field may be empty.
    missing_text: bool,
}

/// Sentence punctuation: a text field holding it is running text, not a name (a preamble line
/// that happens to have a year in it is no title).
const SENTENCE: [char; 9] = ['。', '，', '；', '：', '！', '？', '《', '》', '、'];

fn matches<'t>(
    pieces: &[Piece<'_>],
    title: &'t str,
    at: usize,
    how: &How<'_>,
    found: &mut Vec<(String, &'t str)>,
    steps: &mut usize,
) -> bool {
    let (whole, numeric) = (how.whole, how.numeric);
    *steps += 1;
    if *steps > MAX_STEPS {
        return false;
    }
    let rest = &title[at..];
    let Some((piece, more)) = pieces.split_first() else {
        return !whole || rest.is_empty();
    };
    match piece {
        Piece::Text(text) => {
            rest.starts_with(text.as_str())
                && matches(more, title, at + text.len(), how, found, steps)
        }
        Piece::Any | Piece::Field(_) => {
            let digits_only = matches!(piece, Piece::Field(name) if numeric(name));
            // A number is a whole run of digits: `2024年` is never agency `2`, year `024`.
            if digits_only && title[..at].ends_with(|c: char| c.is_ascii_digit()) {
                return false;
            }
            let text_field = matches!(piece, Piece::Field(_)) && !digits_only;
            let min =
                usize::from(!(matches!(piece, Piece::Any) || (text_field && how.missing_text)));
            // Each possible end, shortest first.
            let ends = rest
                .char_indices()
                .map(|(i, c)| i + c.len_utf8())
                .take_while(|&end| !digits_only || rest[..end].chars().all(|c| c.is_ascii_digit()))
                .take_while(|&end| !text_field || !rest[..end].ends_with(SENTENCE));
            let ends = std::iter::once(0)
                .chain(ends)
                .filter(|&end| rest[..end].chars().count() >= min);
            for end in ends {
                if let Piece::Field(name) = piece {
                    found.push(((*name).to_owned(), &rest[..end]));
                }
                if matches(more, title, at + end, how, found, steps) {
                    return true;
                }
                if matches!(piece, Piece::Field(_)) {
                    found.pop();
                }
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numeric(name: &str) -> bool {
        name == "year"
    }

    #[test]
    fn titles_as_reports_write_them() {
        let pattern = pieces("{agency}{year}年{}年度报告");
        let got = fields(
            &pattern,
            "湘潭县公安局2024年政府信息公开工作年度报告",
            true,
            &numeric,
        );
        assert_eq!(
            got,
            Some(vec![
                ("agency".to_owned(), "湘潭县公安局"),
                ("year".to_owned(), "2024")
            ])
        );
        let got = fields(
            &pattern,
            "平潭综合实验区2019年度政府信息公开工作年度报告",
            true,
            &numeric,
        );
        assert_eq!(got.unwrap()[0].1, "平潭综合实验区");
        // Digits in the agency's name do not stop it.
        let got = fields(
            &pattern,
            "第3中学2021年政府信息公开工作年度报告",
            true,
            &numeric,
        );
        assert_eq!(got.unwrap()[1].1, "2021");
        // Not the whole title: its beginning, with the head of the pattern.
        let title = "某局2024年政府信息公开工作年度报告（修订）";
        assert_eq!(fields(&pattern, title, true, &numeric), None);
        let got = fields(head(&pattern), title, false, &numeric);
        assert_eq!(got.unwrap()[1].1, "2024");
        assert_eq!(
            fields(&pattern, "政府信息公开工作年度报告", true, &numeric),
            None
        );
        // A title without the agency gives no agency, not the year's first digit.
        let title = "2024年政府信息公开工作年度报告";
        assert_eq!(fields(&pattern, title, true, &numeric), None);
        assert_eq!(fields(head(&pattern), title, false, &numeric), None);
        let got = fields_without_text(&pattern, title, true, &numeric).unwrap();
        assert_eq!(
            got,
            vec![("agency".to_owned(), ""), ("year".to_owned(), "2024")]
        );
        // Running text with a year in it names no agency.
        let line =
            "本报告由某市人民政府办公室根据《条例》编制。统计期限自2024年1月1日至2024年12月31日。";
        assert_eq!(fields(head(&pattern), line, false, &numeric), None);
    }

    #[test]
    fn braces_and_bounds() {
        assert_eq!(
            pieces("{{{name}}}"),
            vec![
                Piece::Text("{".to_owned()),
                Piece::Field("name"),
                Piece::Text("}".to_owned())
            ]
        );
        let long = "甲".repeat(MAX_TITLE + 1);
        assert_eq!(fields(&pieces("{a}{}{b}"), &long, true, &numeric), None);
        // Many ways to cut, each failing: the search stops within its bound.
        let hard = "乙".repeat(MAX_TITLE);
        assert_eq!(
            fields(&pieces("{a}{b}{c}{d}丙"), &hard, true, &numeric),
            None
        );
    }
}
