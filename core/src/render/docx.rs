//! DOCX: the report as a Word document (how most agencies publish it), written as OOXML:
//! headings and text, and each table with its merged cells (`w:gridSpan` across, `w:vMerge`
//! down), failing cells shaded and carrying a comment naming the rules, failures listed under
//! each table.

use std::fmt::Write as _;
use std::io::Write;

use zip::write::SimpleFileOptions;

use super::{CellKind, Document, Grid, Part, WriteError};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Escapes text for XML.
fn xml(text: &str) -> String {
    super::html::escape(text)
}

fn paragraph(out: &mut String, text: &str, bold: bool, centred: bool) {
    out.push_str("<w:p>");
    if centred {
        out.push_str("<w:pPr><w:jc w:val=\"center\"/></w:pPr>");
    }
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/></w:rPr>");
    }
    let _ = write!(
        out,
        "<w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml(text)
    );
}

/// The document as bytes (a ZIP package).
pub fn document(document: &Document) -> Result<Vec<u8>, WriteError> {
    package(document).map_err(|err| WriteError {
        format: "DOCX",
        detail: err.to_string(),
    })
}

fn package(document: &Document) -> std::io::Result<Vec<u8>> {
    let mut body = String::new();
    let mut comments = String::new();
    let mut next_comment = 0usize;
    paragraph(&mut body, &document.title, true, true);
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => {
                paragraph(&mut body, &format!("{label}：{value}"), false, false)
            }
            Part::Text { label, text } => {
                paragraph(&mut body, label, true, false);
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    paragraph(&mut body, line.trim(), false, false);
                }
            }
            Part::Table { grid, summary } => {
                if let Some(title) = &grid.title {
                    paragraph(&mut body, title, true, false);
                }
                table(&mut body, &mut comments, &mut next_comment, grid);
                for line in summary {
                    paragraph(&mut body, &format!("✗ {line}"), false, false);
                }
            }
        }
    }
    let document_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr></w:body></w:document>"
    );
    let comments_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W}\">{comments}</w:comments>"
    );
    let files: [(&str, &str); 5] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", &document_xml),
        ("word/comments.xml", &comments_xml),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, contents) in files {
        zip.start_file(name, SimpleFileOptions::default())
            .map_err(std::io::Error::other)?;
        zip.write_all(contents.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// The text width of the landscape A4 page (16838 twips less two 1440-twip margins).
const TEXT_WIDTH: usize = 13_958;

/// A grid column's width in twips: the text width in equal parts.
fn column_width(columns: usize) -> usize {
    TEXT_WIDTH / columns.max(1)
}

fn table(out: &mut String, comments: &mut String, next_comment: &mut usize, grid: &Grid) {
    out.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    // A fixed layout on a grid of stated widths: without widths, an office program must
    // guess the columns from the spans, and LibreOffice guesses a table 3 whose headers do not
    // stand over their columns. The grid takes the landscape page's text width, in equal parts.
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    let width = column_width(grid.columns);
    for _ in 0..grid.columns {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in 0..grid.rows {
        out.push_str("<w:tr>");
        let mut column = 0;
        while column < grid.columns {
            let Some(cell) = grid.at(row, column) else {
                out.push_str("<w:tc><w:p/></w:tc>");
                column += 1;
                continue;
            };
            out.push_str("<w:tc><w:tcPr>");
            let _ = write!(
                out,
                "<w:tcW w:w=\"{}\" w:type=\"dxa\"/>",
                width * cell.colspan
            );
            if cell.colspan > 1 {
                let _ = write!(out, "<w:gridSpan w:val=\"{}\"/>", cell.colspan);
            }
            if cell.rowspan > 1 && cell.row == row {
                out.push_str("<w:vMerge w:val=\"restart\"/>");
            } else if cell.row != row {
                // A continuation of a cell merged from above.
                out.push_str("<w:vMerge/></w:tcPr><w:p/></w:tc>");
                column += cell.colspan;
                continue;
            }
            if cell.likely.is_some() {
                // A likely wrong value: darker than the other failing cells.
                out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FF8888\"/>");
            } else if !cell.failures.is_empty() {
                out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFDDDD\"/>");
            }
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr><w:p>");
            if !matches!(cell.kind, CellKind::RowLabel | CellKind::BlockLabel) {
                out.push_str("<w:pPr><w:jc w:val=\"center\"/></w:pPr>");
            }
            // Lines of a cell's text are parts of one run, a `<w:br/>` between them.
            let lines: Vec<String> = cell
                .text
                .split('\n')
                .map(|line| format!("<w:t xml:space=\"preserve\">{}</w:t>", xml(line)))
                .collect();
            let run = format!("<w:r>{}</w:r>", lines.join("<w:br/>"));
            if cell.failures.is_empty() && cell.likely.is_none() {
                out.push_str(&run);
            } else {
                let id = *next_comment;
                *next_comment += 1;
                let note = cell.failure_note();
                let text: Vec<&str> = note.lines().collect();
                let _ = write!(
                    out,
                    "<w:commentRangeStart w:id=\"{id}\"/>{run}<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
                );
                let _ = write!(
                    comments,
                    "<w:comment w:id=\"{id}\" w:author=\"baobiao\" w:initials=\"bb\">"
                );
                for line in text {
                    let _ = write!(
                        comments,
                        "<w:p><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
                        xml(line)
                    );
                }
                comments.push_str("</w:comment>");
            }
            out.push_str("</w:p></w:tc>");
            column += cell.colspan;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#;
