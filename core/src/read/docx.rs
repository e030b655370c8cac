//! DOCX (Word) → pieces: the paragraphs and tables of `word/document.xml` in order. A cell
//! spanning columns carries `w:gridSpan`; one merged down carries `w:vMerge="restart"` and the
//! cells below it an empty `w:vMerge`, which extend it. A table nested in a cell is read as the
//! cell's text.

use super::archive::{self, Package, attr, is};
use super::grid::{
    Piece, Position, SourceCell, SourceDocument, SourceTable, fold_lines, fold_space,
};
use super::refusal::{Refusal, SourceKindName};

const DOCUMENT: &str = "word/document.xml";

/// Reads a DOCX file.
pub fn read(bytes: Vec<u8>) -> Result<SourceDocument, Refusal> {
    let mut package = Package::open(bytes)?;
    let xml = package.part(DOCUMENT)?.ok_or(Refusal::NotOffice {
        part: DOCUMENT,
        kind: SourceKindName::Document,
    })?;
    let doc = archive::parse(DOCUMENT, &xml)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| Refusal::Malformed {
            part: DOCUMENT.to_owned(),
            detail: "no w:body".to_owned(),
        })?;
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
        } else if is(&n, "tab") {
            text.push(' ');
        } else if is(&n, "br") || (is(&n, "p") && !text.is_empty()) {
            // A line break, or a paragraph after text: the cell's next line.
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
                text: fold_lines(&text_of(tc)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn document(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(DOCUMENT, zip::write::SimpleFileOptions::default())
            .unwrap();
        write!(
            zip,
            r#"<w:document xmlns:w="w"><w:body>{body}</w:body></w:document>"#
        )
        .unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn merged_cells_and_tracked_changes() {
        let doc = read(document(
            r#"<w:p><w:r><w:t>三、收到和处理</w:t></w:r></w:p>
            <w:tbl>
              <w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>角</w:t></w:r></w:p></w:tc>
                    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>申请人</w:t></w:r><w:del><w:r><w:delText>旧</w:delText></w:r></w:del></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>
                    <w:tc><w:p><w:r><w:t>自然</w:t></w:r><w:r><w:t>人</w:t></w:r></w:p></w:tc>
                    <w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>
                    <w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>
            </w:tbl>"#,
        ))
        .unwrap();
        assert_eq!(doc.pieces.len(), 2);
        let table = doc.tables().next().unwrap();
        assert_eq!((table.rows, table.columns), (3, 3));
        let corner = table.at(1, 0).unwrap();
        assert_eq!((corner.text.as_str(), corner.rowspan), ("角", 2));
        assert_eq!(
            table.at(0, 2).unwrap().text,
            "申请人",
            "deleted text is not read"
        );
        assert_eq!(table.at(1, 1).unwrap().text, "自然人", "runs join");
        assert_eq!(table.at(2, 1).unwrap().text, "5");
        assert_eq!(table.at(2, 2).unwrap().text, "");
        assert_eq!(
            table
                .at(2, 1)
                .unwrap()
                .position
                .describe(crate::model::lang::Lang::En),
            "table 1, row 3, cell 1"
        );
    }

    #[test]
    fn what_is_not_a_word_document_is_refused() {
        assert!(
            read(b"PK".to_vec())
                .unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("not a ZIP")
        );
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        let workbook = zip.finish().unwrap().into_inner();
        assert!(
            read(workbook)
                .unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("not a Word document")
        );
        assert!(
            read(document("<w:p>"))
                .unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("not well-formed")
        );
    }
}
