//! A page's content stream into its operations, in one pass over the bytes.
//!
//! lopdf's content parser (nom combinators) took two thirds of the time of reading a PDF and
//! gives up on a whole page at the first token it does not know; this lexer is linear in the
//! content, keeps what it can read, and skips what it cannot (a stray delimiter, an operand
//! past the nesting limit, the binary data of an inline image). It yields lopdf's
//! [`Operation`]s, so the interpreter is the same either way; a test holds the two to the same
//! operations on the published PDFs.
//!
//! Bounds: arrays and dictionaries nest at most [`MAX_DEPTH`] deep and literal strings' own
//! parentheses at most [`MAX_DEPTH`] deep; anything deeper ends the content there.

use lopdf::content::Operation;
use lopdf::{Dictionary, Object, StringFormat};

/// How deep arrays, dictionaries and parentheses in strings may nest.
pub(super) const MAX_DEPTH: usize = 64;

fn is_whitespace(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\0' | b'\x0C')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(c: u8) -> bool {
    !is_whitespace(c) && !is_delimiter(c)
}

/// An array or dictionary being read.
enum Open {
    Array(Vec<Object>),
    /// The dictionary, and the key waiting for its value.
    Dictionary(Dictionary, Option<Vec<u8>>),
}

/// The operations of `content`.
pub(super) fn operations(content: &[u8]) -> Vec<Operation> {
    let mut lexer = Lexer {
        bytes: content,
        at: 0,
    };
    let mut operations = Vec::new();
    let mut operands: Vec<Object> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    while let Some(token) = lexer.next() {
        let value = match token {
            Token::Value(value) => value,
            Token::OpenArray if open.len() < MAX_DEPTH => {
                open.push(Open::Array(Vec::new()));
                continue;
            }
            Token::OpenDictionary if open.len() < MAX_DEPTH => {
                open.push(Open::Dictionary(Dictionary::new(), None));
                continue;
            }
            Token::OpenArray | Token::OpenDictionary | Token::TooDeep => break,
            Token::CloseArray => match open.pop() {
                Some(Open::Array(items)) => Object::Array(items),
                // A `]` that closes nothing, or closes a dictionary: dropped.
                Some(other @ Open::Dictionary(..)) => {
                    open.push(other);
                    continue;
                }
                None => continue,
            },
            Token::CloseDictionary => match open.pop() {
                Some(Open::Dictionary(dictionary, _)) => Object::Dictionary(dictionary),
                Some(other @ Open::Array(_)) => {
                    open.push(other);
                    continue;
                }
                None => continue,
            },
            Token::Operator(operator) => {
                // An operator inside an array or dictionary is no operation: dropped.
                if open.is_empty() {
                    let operator = String::from_utf8_lossy(operator).into_owned();
                    if operator == "BI" {
                        lexer.skip_inline_image();
                        operands.clear();
                    }
                    operations.push(Operation {
                        operator,
                        operands: std::mem::take(&mut operands),
                    });
                }
                continue;
            }
        };
        match open.last_mut() {
            None => operands.push(value),
            Some(Open::Array(items)) => items.push(value),
            Some(Open::Dictionary(dictionary, key)) => match key.take() {
                Some(key) => dictionary.set(key, value),
                // A key must be a name: anything else there is dropped.
                None => {
                    if let Object::Name(name) = value {
                        *key = Some(name);
                    }
                }
            },
        }
    }
    operations
}

enum Token<'a> {
    Value(Object),
    Operator(&'a [u8]),
    OpenArray,
    CloseArray,
    OpenDictionary,
    CloseDictionary,
    /// A string whose parentheses nest past [`MAX_DEPTH`].
    TooDeep,
}

struct Lexer<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// The next token; `None` at the end.
    fn next(&mut self) -> Option<Token<'a>> {
        loop {
            let c = self.peek()?;
            match c {
                c if is_whitespace(c) => self.at += 1,
                b'%' => {
                    while self.peek().is_some_and(|c| c != b'\n' && c != b'\r') {
                        self.at += 1;
                    }
                }
                b'[' => {
                    self.at += 1;
                    return Some(Token::OpenArray);
                }
                b']' => {
                    self.at += 1;
                    return Some(Token::CloseArray);
                }
                b'<' if self.bytes.get(self.at + 1) == Some(&b'<') => {
                    self.at += 2;
                    return Some(Token::OpenDictionary);
                }
                b'>' if self.bytes.get(self.at + 1) == Some(&b'>') => {
                    self.at += 2;
                    return Some(Token::CloseDictionary);
                }
                b'<' => return Some(Token::Value(self.hex_string())),
                b'(' => {
                    return Some(match self.literal_string() {
                        Some(bytes) => Token::Value(Object::String(bytes, StringFormat::Literal)),
                        None => Token::TooDeep,
                    });
                }
                b'/' => return Some(Token::Value(Object::Name(self.name()))),
                // Stray delimiters, and PostScript braces: nothing a page's drawing needs.
                b')' | b'>' | b'{' | b'}' => self.at += 1,
                _ => {
                    let start = self.at;
                    while self.peek().is_some_and(is_regular) {
                        self.at += 1;
                    }
                    let word = &self.bytes[start..self.at];
                    return Some(match word {
                        b"true" => Token::Value(Object::Boolean(true)),
                        b"false" => Token::Value(Object::Boolean(false)),
                        b"null" => Token::Value(Object::Null),
                        _ => match number(word) {
                            Some(value) => Token::Value(value),
                            None => Token::Operator(word),
                        },
                    });
                }
            }
        }
    }

    /// `<48656C6C6F>`: pairs of hex digits, white space ignored, an odd last digit as if
    /// followed by 0.
    fn hex_string(&mut self) -> Object {
        self.at += 1;
        let mut bytes = Vec::new();
        let mut high: Option<u8> = None;
        while let Some(c) = self.peek() {
            self.at += 1;
            let digit = match c {
                b'>' => break,
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                b'A'..=b'F' => c - b'A' + 10,
                _ => continue,
            };
            match high.take() {
                Some(h) => bytes.push(h << 4 | digit),
                None => high = Some(digit),
            }
        }
        if let Some(h) = high {
            bytes.push(h << 4);
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }

    /// `(…)`: balanced parentheses kept, escapes resolved, a backslash before a line end
    /// joining the lines. `None` past [`MAX_DEPTH`] parentheses deep.
    fn literal_string(&mut self) -> Option<Vec<u8>> {
        self.at += 1;
        let mut bytes = Vec::new();
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            self.at += 1;
            match c {
                b'(' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                    bytes.push(c);
                }
                b')' if depth == 0 => return Some(bytes),
                b')' => {
                    depth -= 1;
                    bytes.push(c);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.at += 1;
                    match e {
                        b'n' => bytes.push(b'\n'),
                        b'r' => bytes.push(b'\r'),
                        b't' => bytes.push(b'\t'),
                        b'b' => bytes.push(b'\x08'),
                        b'f' => bytes.push(b'\x0C'),
                        b'0'..=b'7' => {
                            // Up to three octal digits; overflow ignored, as the spec says.
                            let mut value = u16::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        value = value * 8 + u16::from(d - b'0');
                                        self.at += 1;
                                    }
                                    _ => break,
                                }
                            }
                            bytes.push(value as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.at += 1;
                            }
                        }
                        b'\n' => {}
                        other => bytes.push(other),
                    }
                }
                _ => bytes.push(c),
            }
        }
        // Unterminated: what there was.
        Some(bytes)
    }

    /// `/Name`, with `#xx` escapes.
    fn name(&mut self) -> Vec<u8> {
        self.at += 1;
        let mut name = Vec::new();
        while let Some(c) = self.peek().filter(|&c| is_regular(c)) {
            self.at += 1;
            let hex = |c: u8| (c as char).to_digit(16);
            if c == b'#'
                && let (Some(a), Some(b)) = (
                    self.bytes.get(self.at).and_then(|&c| hex(c)),
                    self.bytes.get(self.at + 1).and_then(|&c| hex(c)),
                )
            {
                name.push((a * 16 + b) as u8);
                self.at += 2;
            } else {
                name.push(c);
            }
        }
        name
    }

    /// Past an inline image's dictionary and data: to the `EI` that stands alone after `ID`.
    fn skip_inline_image(&mut self) {
        let rest = &self.bytes[self.at..];
        let Some(id) = find_word(rest, b"ID", 0) else {
            self.at = self.bytes.len();
            return;
        };
        // The data starts one white-space byte after `ID`.
        let data = id + 3;
        match find_word(rest, b"EI", data.min(rest.len())) {
            Some(ei) => self.at += ei + 2,
            None => self.at = self.bytes.len(),
        }
    }
}

/// Where `word` stands alone (white space or the ends around it) in `bytes`, from `from`.
fn find_word(bytes: &[u8], word: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at + word.len() <= bytes.len() {
        let found = at + bytes[at..].windows(word.len()).position(|w| w == word)?;
        let before = found == 0 || is_whitespace(bytes[found - 1]);
        let after = bytes
            .get(found + word.len())
            .is_none_or(|&c| is_whitespace(c));
        if before && after {
            return Some(found);
        }
        at = found + 1;
    }
    None
}

/// `12`, `-3`, `+.5`, `4.`: an integer where it has no point, else a real.
fn number(word: &[u8]) -> Option<Object> {
    let first = *word.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let text = std::str::from_utf8(word).ok()?;
    if !text.contains('.')
        && let Ok(i) = text.parse::<i64>()
    {
        return Some(Object::Integer(i));
    }
    // `-.5` and `5.` are numbers; a lone sign or point is not.
    let digits = text.trim_start_matches(['+', '-']);
    if digits.is_empty() || digits == "." || digits.matches('.').count() > 1 {
        return None;
    }
    digits
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.')
        .then_some(())?;
    text.parse::<f32>().ok().map(Object::Real)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(content: &[u8]) -> Vec<(String, Vec<Object>)> {
        operations(content)
            .into_iter()
            .map(|op| (op.operator, op.operands))
            .collect()
    }

    #[test]
    fn operators_and_their_operands() {
        let got = ops(b"BT /F1 12 Tf 1 0 0 1 72.5 -.5 Tm (a\\(b\\)c\\101) Tj [<4142> -250 (x)] TJ ET % done\nq Q");
        assert_eq!(got[0], ("BT".to_owned(), vec![]));
        assert_eq!(
            got[1],
            (
                "Tf".to_owned(),
                vec![Object::Name(b"F1".to_vec()), Object::Integer(12)]
            )
        );
        assert_eq!(got[2].1[4], Object::Real(72.5));
        assert_eq!(got[2].1[5], Object::Real(-0.5));
        assert_eq!(
            got[3].1,
            vec![Object::String(b"a(b)cA".to_vec(), StringFormat::Literal)]
        );
        assert_eq!(
            got[4].1,
            vec![Object::Array(vec![
                Object::String(b"AB".to_vec(), StringFormat::Hexadecimal),
                Object::Integer(-250),
                Object::String(b"x".to_vec(), StringFormat::Literal),
            ])]
        );
        let names: Vec<&str> = got.iter().map(|(o, _)| o.as_str()).collect();
        assert_eq!(names, ["BT", "Tf", "Tm", "Tj", "TJ", "ET", "q", "Q"]);
    }

    #[test]
    fn dictionaries_names_and_inline_images() {
        let got = ops(
            b"/Span <</MCID 3 /A#20B [1 2]>> BDC BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xff EI Q",
        );
        assert_eq!(got[0].0, "BDC");
        let Object::Dictionary(d) = &got[0].1[1] else {
            panic!("{:?}", got[0])
        };
        assert_eq!(d.get(b"MCID").unwrap(), &Object::Integer(3));
        assert!(d.get(b"A B").is_ok());
        assert_eq!(got[1].0, "BI");
        assert_eq!(got[2].0, "Q");
    }

    /// On every page of the published PDFs and the fixture the tests write, the operations
    /// are lopdf's, operand for operand.
    #[test]
    fn the_operations_are_lopdfs_on_the_published_pdfs() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/reports");
        let mut pages = 0;
        for name in ["hongze-district-gov-2024.pdf", "huaian-city-gov-2024.pdf"] {
            let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
            let document = lopdf::Document::load_mem(&bytes).unwrap();
            for (_, id) in document.get_pages() {
                let content = document.get_page_content(id).unwrap();
                let theirs = lopdf::content::Content::decode(&content).unwrap();
                let ours = operations(&content);
                assert_eq!(ours.len(), theirs.operations.len(), "{name}");
                for (a, b) in ours.iter().zip(&theirs.operations) {
                    assert_eq!(a.operator, b.operator, "{name}");
                    assert!(
                        a.operands == b.operands,
                        "{name}: {} operands differ",
                        a.operator
                    );
                }
                pages += 1;
            }
        }
        assert!(pages >= 10);
    }

    #[test]
    fn what_cannot_be_read_is_skipped_and_depth_is_bounded() {
        // Stray delimiters and a brace block.
        let got = ops(b") > { 1 } 5 w");
        assert_eq!(got.last().unwrap().0, "w");
        // Deep nesting ends the content there, without recursion.
        let deep = "[".repeat(100_000) + " 1 w";
        assert!(ops(deep.as_bytes()).is_empty());
        let parens = "(".repeat(100_000);
        assert!(ops(parens.as_bytes()).is_empty());
        // An unterminated string and hex string end with the content.
        assert_eq!(ops(b"(abc").len(), 0);
        assert_eq!(ops(b"<41").len(), 0);
        assert_eq!(number(b"-"), None);
        assert_eq!(number(b"1.2.3"), None);
        assert_eq!(number(b"99999999999999999999"), Some(Object::Real(1e20)));
        assert_eq!(number(b"+5"), Some(Object::Integer(5)));
    }
}
