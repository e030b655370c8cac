//! DOCX (Word) → pieces: the paragraphs and tables of `word/document.xml` in order. A cell
//! spanning columns carries `w:gridSpan`; one merged down carries `w:vMerge="restart"` and the
//! cells below it an empty `w:vMerge`, which extend it. A table nested in a cell is read as the
//! cell's text.

use super::archive::{self, Package, attr, is};
use super::grid::{Piece, Position, SourceCell, SourceDocument, SourceTable, fold_space};

const DOCUMENT: &str = "word/document.xml";

/// Reads a DOCX file.
pub fn read(bytes: Vec<u8>) -> Result<SourceDocument, String> {
    let mut package = Package::open(bytes)?;
    let xml = package
        .part(DOCUMENT)?
        .ok_or_else(|| format!("no {DOCUMENT}: not a Word document"))?;
    let doc = archive::parse(DOCUMENT, &xml)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| format!("{DOCUMENT} has no w:body"))?;
    let mut pieces = Vec::new();
    let (mut paragraphs, mut tables) = (0, 0);
    // Paragraphs inside content controls (w:sdt) count as the body's own.
    let blocks = body.descendants().filter(|n| {
        (is(n, "p") || is(n, "tbl")) && !n.ancestors().skip(1).any(|a| is(&a, "tbl") || is(&a, "p"))
    });
    for block in blocks {
        if is(&block, "tbl") {
            tables += 1;
            pieces.push(Piece::Table(table(block, tables)));
        } else {
            let text = fold_space(&text_of(block));
            if !text.is_empty() {
                paragraphs += 1;
                pieces.push(Piece::Text {
                    text,
                    position: Position::Paragraph(paragraphs),
                });
            }
        }
    }
    Ok(SourceDocument { pieces })
}

/// The text of a paragraph or cell: its runs' text, tabs and breaks as spaces, paragraphs on
/// lines of their own.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    let mut text = String::new();
    for n in node.descendants() {
        if is(&n, "t") {
            text.push_str(n.text().unwrap_or(""));
        } else if is(&n, "tab") || is(&n, "br") {
            text.push(' ');
        } else if is(&n, "p") && !text.is_empty() {
            text.push('\n');
        }
    }
    text
}

fn table(tbl: roxmltree::Node<'_, '_>, index: usize) -> SourceTable {
    let mut cells: Vec<SourceCell> = Vec::new();
    let mut columns = 0;
    let rows: Vec<_> = tbl.children().filter(|n| is(n, "tr")).collect();
    for (r, tr) in rows.iter().enumerate() {
        let before = tr
            .children()
            .find(|n| is(n, "trPr"))
            .and_then(|p| p.children().find(|n| is(n, "gridBefore")))
            .and_then(|g| attr(&g, "val"))
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0);
        let mut column = before.min(super::html::MAX_SPAN);
        for (c, tc) in tr.children().filter(|n| is(n, "tc")).enumerate() {
            let properties = tc.children().find(|n| is(n, "tcPr"));
            let property = |name: &str| properties.and_then(|p| p.children().find(|n| is(n, name)));
            let colspan = property("gridSpan")
                .and_then(|g| attr(&g, "val"))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(1)
                .clamp(1, super::html::MAX_SPAN);
            let merge = property("vMerge").map(|v| attr(&v, "val").unwrap_or("continue"));
            if merge == Some("continue") {
                // Extends the cell above that starts in this column.
                if let Some(above) = cells
                    .iter_mut()
                    .rev()
                    .find(|cell| cell.column == column && cell.row + cell.rowspan == r)
                {
                    above.rowspan += 1;
                    column += colspan;
                    continue;
                }
            }
            cells.push(SourceCell {
                text: fold_space(&text_of(tc)),
                row: r,
                column,
                rowspan: 1,
                colspan,
                position: Position::Cell {
                    table: index,
                    row: r + 1,
                    cell: c + 1,
                },
            });
            column += colspan;
        }
        columns = columns.max(column);
    }
    SourceTable {
        cells,
        rows: rows.len(),
        columns,
    }
}
