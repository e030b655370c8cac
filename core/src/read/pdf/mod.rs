//! Reading a PDF's text layer: what each page draws (`content`: glyphs with their boxes, through
//! the fonts' `ToUnicode` maps in `font`; ruling lines), laid out as lines and ruled tables
//! (`layout`), pages joined where a table runs on. The file is parsed by `lopdf`; nothing
//! outside the process is run.
//!
//! Bounds, each refused with a message rather than worked through: streams inflate within
//! [`MAX_INFLATED`] in all (checked before the parser inflates anything); at most
//! [`MAX_PAGES`] pages; per page, the bounds of `content` and `layout`. A PDF whose pages draw
//! no text (a scan) is refused as such, not read as an empty report.

mod content;
mod font;
mod layout;
mod lexer;

use std::io::Read;

use crate::read::grid::{Piece, SourceDocument, SourceTable};
use crate::read::refusal::Refusal;
use layout::PagePiece;

/// The most bytes a PDF's streams may inflate to, all together: a report of a few pages
/// inflates to a few MB.
pub const MAX_INFLATED: u64 = 256 * 1024 * 1024;
/// The most pages read: a report has five to twenty.
pub const MAX_PAGES: usize = 2_000;

/// A PDF's pages as paragraphs and tables.
pub fn read(bytes: &[u8]) -> Result<SourceDocument, Refusal> {
    // A file named `.pdf` that is not one (empty, or another kind renamed) is said as such,
    // before the parser's own words. (The header may follow some bytes of junk, as readers
    // allow: within the first 1,024.)
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-", 0).is_none() {
        let detail = if bytes.is_empty() {
            "the file is empty".to_owned()
        } else {
            "it does not begin with %PDF-: not a PDF, whatever its name".to_owned()
        };
        return Err(Refusal::NotPdf { detail });
    }
    inflation(bytes)?;
    let document = lopdf::Document::load_mem(bytes).map_err(|e| Refusal::NotPdf {
        detail: e.to_string(),
    })?;
    let pages = document.get_pages();
    if pages.len() > MAX_PAGES {
        return Err(Refusal::TooManyPages {
            pages: pages.len(),
            limit: MAX_PAGES,
        });
    }
    let mut read_pages = Vec::new();
    let (mut glyphs, mut images) = (0, 0);
    // Fonts are read once per document: pages share them.
    let mut fonts = content::Fonts::default();
    for (number, id) in pages {
        let drawn = content::page(&document, id, &mut fonts);
        glyphs += drawn.glyphs.len();
        images += drawn.images;
        read_pages.push(layout::page(&drawn, number as usize));
    }
    if glyphs == 0 {
        return Err(Refusal::PdfWithoutText {
            pages: read_pages.len(),
            images,
        });
    }
    Ok(join(read_pages))
}

/// Checks that the file's streams inflate within [`MAX_INFLATED`], inflating each into
/// nothing, before the parser inflates them for real (it has no bound of its own).
fn inflation(bytes: &[u8]) -> Result<(), Refusal> {
    if find(bytes, b"/LZWDecode", 0).is_some() {
        return Err(Refusal::PdfCompression {
            filter: "LZWDecode",
        });
    }
    let mut total = 0u64;
    let mut at = 0;
    while let Some(start) = find(bytes, b"stream", at) {
        let mut body = start + b"stream".len();
        // `endstream` contains `stream`: skip it.
        if start >= 3 && &bytes[start - 3..start] == b"end" {
            at = body;
            continue;
        }
        if bytes.get(body) == Some(&b'\r') {
            body += 1;
        }
        if bytes.get(body) == Some(&b'\n') {
            body += 1;
        }
        let end = find(bytes, b"endstream", body).unwrap_or(bytes.len());
        let budget = MAX_INFLATED - total;
        let mut decoder = flate2::read::ZlibDecoder::new(&bytes[body..end]).take(budget + 1);
        total += std::io::copy(&mut decoder, &mut std::io::sink()).unwrap_or(0);
        if total > MAX_INFLATED {
            return Err(Refusal::PdfBomb {
                limit: MAX_INFLATED,
            });
        }
        at = end.max(body);
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// A line that is only page furniture: a page number (`- 3 -`, `3`, `第 3 页`).
fn furniture(text: &str) -> bool {
    let rest: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !"-—–第页/共".contains(*c))
        .collect();
    !rest.is_empty() && rest.len() <= 4 && rest.chars().all(|c| c.is_ascii_digit())
}

/// Pages joined in order. A line of running text that fills the line before it to the margin
/// and is not set in (nor numbered as a heading) goes on that line's paragraph, across a page
/// break too: a paragraph is one piece, as a page's `<p>` is. A table that ends a page and one
/// that begins the next, ruled on the same columns, are one table: a header row repeated at the
/// top is dropped, and a cell left empty under a cell that spans to the page's end (a group
/// label carried over) is that cell.
fn join(pages: Vec<Vec<PagePiece>>) -> SourceDocument {
    let mut pieces: Vec<Piece> = Vec::new();
    // The last table, while nothing but furniture has followed it, with its columns.
    let mut open: Option<(usize, Vec<f64>)> = None;
    // The paragraph whose last line filled the line, while nothing but furniture has followed.
    let mut paragraph: Option<usize> = None;
    // Whether that paragraph's first line was set in: where paragraphs are (as government
    // documents set them), a line that is not set in goes on the paragraph whatever it starts
    // with (`711号）规定…`, `（其中…`), since a new one would be set in.
    let mut set_in = false;
    for page in pages {
        for piece in page {
            match piece {
                PagePiece::Text(line) => {
                    // A page number is the page's, not the report's: left out.
                    if furniture(&line.text) {
                        continue;
                    }
                    open = None;
                    // A short `label：value` line is a field, not the rest of a paragraph.
                    let field = !line.full && is_field(&line.text);
                    let goes_on = !line.indented && !starts_a_row(&line.text) && !field;
                    // A line that ends on an opening bracket or quote (`国办公开办函〔`) goes on
                    // whatever the next starts with (`2021〕30号`).
                    let open_ended = |index: &usize| match &pieces[*index] {
                        Piece::Text { text, .. } => text.ends_with(OPENING),
                        Piece::Table(_) => false,
                    };
                    let continues = |index: &usize| {
                        goes_on || (!line.indented && ((set_in && !field) || open_ended(index)))
                    };
                    if let Some(index) = paragraph.filter(continues)
                        && let Piece::Text { text, .. } = &mut pieces[index]
                    {
                        *text = layout::join_lines(&[std::mem::take(text), line.text]);
                        paragraph = line.full.then_some(index);
                        continue;
                    }
                    paragraph = line.full.then_some(pieces.len());
                    set_in = line.indented;
                    pieces.push(Piece::Text {
                        text: line.text,
                        position: line.position,
                    });
                }
                PagePiece::Table(table) => {
                    paragraph = None;
                    if let Some((index, xs)) = &open
                        && same_columns(xs, &table.xs)
                        && let Piece::Table(before) = &mut pieces[*index]
                    {
                        run_on(before, table.table);
                        continue;
                    }
                    open = Some((pieces.len(), table.xs));
                    pieces.push(Piece::Table(table.table));
                }
            }
        }
    }
    SourceDocument { pieces }
}

fn same_columns(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() <= 3.0)
}

/// Appends a table's continuation to it.
fn run_on(table: &mut SourceTable, mut next: SourceTable) {
    // A header repeated at the top of the page: its rows equal the table's first rows.
    let row_texts =
        |t: &SourceTable, r: usize| -> Vec<String> { t.row(r).map(|c| c.text.clone()).collect() };
    let mut skip = 0;
    while skip < next.rows
        && skip < table.rows
        && row_texts(&next, skip) == row_texts(table, skip)
        && row_texts(&next, skip).iter().any(|t| !t.is_empty())
        && !row_texts(&next, skip)
            .iter()
            .any(|t| t.chars().any(|c| c.is_ascii_digit()))
    {
        skip += 1;
    }
    let offset = table.rows;
    for mut cell in next.cells.drain(..) {
        if cell.row < skip {
            continue;
        }
        cell.row = cell.row - skip + offset;
        // A cell empty at the top of the page, under a label reaching the end of the last page
        // in the same columns: the group label carried over (a blank under a figure stays).
        if cell.text.is_empty()
            && cell.row == offset
            && let Some(above) = table.cells.iter_mut().find(|a| {
                a.column == cell.column
                    && a.colspan == cell.colspan
                    && a.row + a.rowspan == offset
                    && a.text.chars().any(|c| c >= '\u{2e80}')
            })
        {
            above.rowspan += cell.rowspan;
            continue;
        }
        table.cells.push(cell);
    }
    table.rows = offset + next.rows - skip.min(next.rows);
    table.cells.sort_by_key(|c| (c.row, c.column));
    join_broken_row(table, offset);
}

/// True when a line reads `label：value` (a colon among its first dozen characters).
fn is_field(text: &str) -> bool {
    text.chars().take(12).any(|c| c == '：' || c == ':')
}

/// Punctuation that opens what the next characters close: a line ending on one goes on.
const OPENING: [char; 12] = [
    '〔', '（', '(', '《', '“', '‘', '【', '[', '〈', '「', '『', '｛',
];

/// True when a label starts a row of its own: it opens with a number (`1.`, `（六）`, `四、`).
fn starts_a_row(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || ('０'..='９').contains(&c) => true,
        Some('（' | '(') => true,
        Some(c) if "一二三四五六七八九十".contains(c) => chars.next() == Some('、'),
        _ => false,
    }
}

/// A row the page broke (what LibreOffice does to a tall row): the part at the top of the next
/// page, whose cells stand under the last row's and whose label does not start a row, and
/// which writes nothing where that row already has something but the rest of its labels, is
/// the rest of that row: joined to it.
fn join_broken_row(table: &mut SourceTable, first: usize) {
    if first == 0 {
        return;
    }
    let part: Vec<usize> = (0..table.cells.len())
        .filter(|&i| table.cells[i].row == first)
        .collect();
    let Some(label) = part
        .iter()
        .map(|&i| &table.cells[i])
        .find(|c| !c.text.is_empty())
    else {
        return;
    };
    if starts_a_row(&label.text) || label.text.chars().all(|c| c.is_ascii_digit()) {
        return;
    }
    let above = |c: &crate::read::grid::SourceCell| {
        table.cells.iter().position(|a| {
            a.row + a.rowspan == first
                && a.column == c.column
                && a.colspan == c.colspan
                && a.rowspan == 1
        })
    };
    let mut pairs = Vec::new();
    for &i in &part {
        let cell = &table.cells[i];
        let Some(a) = above(cell) else {
            return;
        };
        let writes_both = !cell.text.is_empty() && !table.cells[a].text.is_empty();
        let is_label = cell.text.chars().any(|c| c >= '\u{2e80}');
        if writes_both && !is_label {
            return;
        }
        pairs.push((a, i));
    }
    for &(a, i) in &pairs {
        let rest = std::mem::take(&mut table.cells[i].text);
        let joined = layout::join_lines(&[table.cells[a].text.clone(), rest]);
        table.cells[a].text = joined;
    }
    let dropped: std::collections::HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    let mut index = 0;
    table.cells.retain(|_| {
        let keep = !dropped.contains(&index);
        index += 1;
        keep
    });
    // The rows below move up by one, and cells spanning into the broken part end above it.
    for cell in &mut table.cells {
        if cell.row > first {
            cell.row -= 1;
        } else if cell.row < first && cell.row + cell.rowspan > first {
            cell.rowspan -= 1;
        }
    }
    table.rows -= 1;
}
