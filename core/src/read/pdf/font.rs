//! A PDF font as the text reader needs it: how its strings split into codes, what text each
//! code stands for (its `ToUnicode` map, else the simple encodings), and how far each glyph
//! advances. Maps are kept as ranges, never expanded, so a hostile `<0000> <FFFFFFFF>` range
//! costs nothing.

use lopdf::{Dictionary, Document, Object};

/// The most entries a `ToUnicode` map or a width array is read to: a CJK font subset has a
/// few thousand; the rest of a longer map is left out (its codes read as U+FFFD).
const MAX_ENTRIES: usize = 100_000;

/// What a code stands for: one text, or a range of codes whose text counts up from the first.
#[derive(Clone, Debug)]
enum Target {
    Text(String),
    /// The first code's UTF-16 units; later codes add to the last unit.
    CountingFrom(Vec<u16>),
    /// One text per code, in order.
    Each(Vec<String>),
}

#[derive(Clone, Debug)]
struct Mapping {
    low: u32,
    high: u32,
    target: Target,
}

/// A font's codes to text, and their widths.
#[derive(Clone, Debug)]
pub struct Font {
    /// Bytes per code: 2 for composite (Type0) fonts with an `Identity` or two-byte CMap, 1
    /// for simple fonts.
    pub code_bytes: usize,
    /// Written top to bottom (`Identity-V`).
    pub vertical: bool,
    mappings: Vec<Mapping>,
    /// Simple fonts without a map: the code as Latin-1 (WinAnsi and Standard agree on the
    /// ASCII that report figures are written in).
    latin1: bool,
    /// Width ranges (first code, last code, width in thousandths of the font size).
    widths: Vec<(u32, u32, f64)>,
    default_width: f64,
}

impl Font {
    /// The font a dictionary describes; what cannot be understood of it falls back to the
    /// defaults (two-byte codes for composite fonts, width 1000 or 500).
    pub fn from_dictionary(document: &Document, font: &Dictionary) -> Font {
        let subtype = name(font.get(b"Subtype").ok());
        let composite = subtype.as_deref() == Some(b"Type0".as_slice());
        let encoding = name(font.get(b"Encoding").ok());
        let vertical = encoding.as_deref().is_some_and(|e| e.ends_with(b"-V"));
        let mut mappings = Vec::new();
        if let Ok(object) = font.get(b"ToUnicode")
            && let Ok((_, Object::Stream(stream))) = document.dereference(object)
            && let Some(bytes) = super::content::stream_bytes(stream)
        {
            mappings = parse_cmap(&bytes);
        }
        let mut widths = Vec::new();
        let default_width;
        if composite {
            let descendant = font
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok());
            default_width = descendant
                .and_then(|d| d.get(b"DW").ok())
                .and_then(|o| number(document, o))
                .unwrap_or(1000.0);
            if let Some(w) = descendant
                .and_then(|d| d.get(b"W").ok())
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
            {
                widths = cid_widths(document, w);
            }
        } else {
            default_width = 500.0;
            let first = font
                .get(b"FirstChar")
                .ok()
                .and_then(|o| number(document, o))
                .unwrap_or(0.0);
            if let Some(array) = font
                .get(b"Widths")
                .ok()
                .and_then(|o| document.dereference(o).ok())
                .and_then(|(_, o)| o.as_array().ok())
                && first >= 0.0
            {
                let first = first as u32;
                for (i, w) in array.iter().take(MAX_ENTRIES).enumerate() {
                    if let Some(w) = number(document, w) {
                        let code = first.saturating_add(i as u32);
                        widths.push((code, code, w));
                    }
                }
            }
        }
        Font {
            code_bytes: if composite { 2 } else { 1 },
            vertical,
            latin1: !composite && mappings.is_empty(),
            mappings,
            widths,
            default_width,
        }
    }

    /// The codes of a string, each with its text and width (thousandths of the font size).
    pub fn decode<'a>(&'a self, bytes: &'a [u8]) -> impl Iterator<Item = (u32, String, f64)> + 'a {
        bytes.chunks(self.code_bytes).map(|chunk| {
            let code = chunk.iter().fold(0u32, |c, &b| (c << 8) | u32::from(b));
            (code, self.text(code), self.width(code))
        })
    }

    fn text(&self, code: u32) -> String {
        // Later entries of a map override earlier ones, as in a CMap.
        for m in self.mappings.iter().rev() {
            if (m.low..=m.high).contains(&code) {
                let offset = code - m.low;
                return match &m.target {
                    Target::Text(text) => text.clone(),
                    Target::CountingFrom(units) => {
                        let mut units = units.clone();
                        if let Some(last) = units.last_mut() {
                            *last = last.wrapping_add(offset as u16);
                        }
                        String::from_utf16_lossy(&units)
                    }
                    Target::Each(texts) => texts
                        .get(offset as usize)
                        .cloned()
                        .unwrap_or_else(|| '\u{fffd}'.to_string()),
                };
            }
        }
        if self.latin1 {
            // A code of a simple font is one byte: Latin-1 is total over it.
            char::from_u32(code).map_or_else(|| '\u{fffd}'.to_string(), |c| c.to_string())
        } else {
            '\u{fffd}'.to_string()
        }
    }

    fn width(&self, code: u32) -> f64 {
        self.widths
            .iter()
            .rev()
            .find(|(low, high, _)| (*low..=*high).contains(&code))
            .map_or(self.default_width, |w| w.2)
    }
}

fn name(object: Option<&Object>) -> Option<Vec<u8>> {
    object.and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec)
}

fn number(document: &Document, object: &Object) -> Option<f64> {
    let (_, object) = document.dereference(object).ok()?;
    match object {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
    .filter(|n| n.is_finite())
}

/// A composite font's `W` array: `c [w1 w2 …]` gives widths from `c` on; `c1 c2 w` one width
/// for a range.
fn cid_widths(document: &Document, array: &[Object]) -> Vec<(u32, u32, f64)> {
    let mut widths = Vec::new();
    let mut i = 0;
    while i < array.len() && widths.len() < MAX_ENTRIES {
        let Some(first) = number(document, &array[i]).filter(|n| *n >= 0.0) else {
            break;
        };
        let first = first as u32;
        match array
            .get(i + 1)
            .map(|o| document.dereference(o).map(|(_, o)| o))
        {
            Some(Ok(Object::Array(each))) => {
                for (k, w) in each.iter().take(MAX_ENTRIES).enumerate() {
                    if let Some(w) = number(document, w) {
                        let code = first.saturating_add(k as u32);
                        widths.push((code, code, w));
                    }
                }
                i += 2;
            }
            Some(Ok(_)) => {
                let last = array.get(i + 1).and_then(|o| number(document, o));
                let w = array.get(i + 2).and_then(|o| number(document, o));
                match (last, w) {
                    (Some(last), Some(w)) if last >= 0.0 => {
                        widths.push((first, last as u32, w));
                    }
                    _ => break,
                }
                i += 3;
            }
            _ => break,
        }
    }
    widths
}

/// A token of a CMap: what the map's sections are made of.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
}

fn tokens(bytes: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'<' if bytes.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if bytes.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = bytes[i + 1..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(bytes.len(), |p| i + 1 + p);
                let digits: Vec<u8> = bytes[i + 1..end]
                    .iter()
                    .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
                    .collect();
                out.push(Token::Hex(
                    digits
                        .chunks(2)
                        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
                        .collect(),
                ));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string (a CMap's name): skipped, nesting and escapes counted.
                let mut depth = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let end = bytes[i..]
                    .iter()
                    .position(|c| c.is_ascii_whitespace() || b"<>[]()%/".contains(c))
                    .map_or(bytes.len(), |p| i + p);
                let end = end.max(i + 1);
                out.push(Token::Word(&bytes[i..end]));
                i = end;
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> Option<u32> {
    (bytes.len() <= 4).then(|| bytes.iter().fold(0u32, |c, &b| (c << 8) | u32::from(b)))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

/// The `bfchar` and `bfrange` sections of a `ToUnicode` CMap.
fn parse_cmap(bytes: &[u8]) -> Vec<Mapping> {
    let tokens = tokens(bytes);
    let mut mappings = Vec::new();
    let mut i = 0;
    let mut section: Option<&[u8]> = None;
    while i < tokens.len() && mappings.len() < MAX_ENTRIES {
        match &tokens[i] {
            Token::Word(w @ (b"beginbfchar" | b"beginbfrange")) => {
                section = Some(w);
                i += 1;
            }
            Token::Word(b"endbfchar" | b"endbfrange") => {
                section = None;
                i += 1;
            }
            Token::Hex(source) if section == Some(b"beginbfchar") => {
                if let (Some(code), Some(Token::Hex(target))) = (code_of(source), tokens.get(i + 1))
                {
                    mappings.push(Mapping {
                        low: code,
                        high: code,
                        target: Target::Text(String::from_utf16_lossy(&utf16(target))),
                    });
                }
                i += 2;
            }
            Token::Hex(low) if section == Some(b"beginbfrange") => {
                let high = match tokens.get(i + 1) {
                    Some(Token::Hex(h)) => code_of(h),
                    _ => None,
                };
                let (Some(low), Some(high)) = (code_of(low), high) else {
                    i += 1;
                    continue;
                };
                match tokens.get(i + 2) {
                    Some(Token::Hex(target)) => {
                        if low <= high {
                            mappings.push(Mapping {
                                low,
                                high,
                                target: Target::CountingFrom(utf16(target)),
                            });
                        }
                        i += 3;
                    }
                    Some(Token::Open) => {
                        let mut texts = Vec::new();
                        let mut k = i + 3;
                        while let Some(Token::Hex(t)) = tokens.get(k) {
                            if texts.len() < MAX_ENTRIES {
                                texts.push(String::from_utf16_lossy(&utf16(t)));
                            }
                            k += 1;
                        }
                        if low <= high {
                            mappings.push(Mapping {
                                low,
                                high,
                                target: Target::Each(texts),
                            });
                        }
                        i = k + 1;
                    }
                    _ => i += 2,
                }
            }
            _ => i += 1,
        }
    }
    mappings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cmap_maps_single_codes_ranges_and_arrays() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            /CMapName /Adobe-Identity-UCS def 1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0010> <5E74> endbfchar
            2 beginbfrange <0013> <0015> <0030> <0020> <0021> [<8868> <D835DC00>] endbfrange
            endcmap CMapName currentdict /CMap defineresource pop end end";
        let font = Font {
            code_bytes: 2,
            vertical: false,
            mappings: parse_cmap(cmap),
            latin1: false,
            widths: Vec::new(),
            default_width: 1000.0,
        };
        let text: String = font
            .decode(&[
                0, 0x10, 0, 0x13, 0, 0x15, 0, 0x03, 0, 0x20, 0, 0x21, 0, 0x99,
            ])
            .map(|(_, t, _)| t)
            .collect();
        assert_eq!(text, "年02 表𝐀\u{fffd}");
    }

    #[test]
    fn a_range_over_every_code_costs_one_entry() {
        let mappings = parse_cmap(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert_eq!(mappings.len(), 1);
    }
}
