//! DOCX: the report as a Word document (how most agencies publish it), written as OOXML:
//! headings and text, and each table with its merged cells (`w:gridSpan` across, `w:vMerge`
//! down), failing cells shaded and carrying a comment naming the rules, failures listed under
//! each table.
//!
//! Laid out as Chinese government documents are (GB/T 9704): A4 portrait, margins 37 mm top,
//! 35 mm bottom, 28 mm left, 26 mm right; the title in 方正小标宋简体 二号 (22 pt), centred;
//! headings in 黑体 三号 (16 pt) as real heading styles (`Heading1`, in the navigation pane and a
//! table of contents); text in 仿宋_GB2312 三号; tables in 仿宋 五号 (10.5 pt). Fonts an office
//! program lacks it replaces by its own.

use std::fmt::Write as _;
use std::io::Write;

use zip::write::SimpleFileOptions;

use super::{CellKind, Document, Grid, Part, WriteError};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Escapes text for XML.
fn xml(text: &str) -> String {
    super::html::escape(text)
}

/// A paragraph of `style` (one of [`STYLES`]' ids; `None`: body text).
fn paragraph(out: &mut String, text: &str, style: Option<&str>) {
    out.push_str("<w:p>");
    if let Some(style) = style {
        let _ = write!(out, "<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
    }
    let _ = write!(
        out,
        "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
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
    paragraph(&mut body, &document.title, Some("Title"));
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => paragraph(&mut body, &format!("{label}：{value}"), None),
            Part::Text { label, text } => {
                if let Some(label) = label {
                    paragraph(&mut body, label, Some("Heading1"));
                }
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    paragraph(&mut body, line.trim(), None);
                }
            }
            Part::Table { grid, summary } => {
                if let Some(title) = &grid.title {
                    paragraph(&mut body, title, Some("Heading1"));
                }
                table(&mut body, &mut comments, &mut next_comment, grid);
                for line in summary {
                    paragraph(&mut body, &format!("✗ {line}"), Some("TableNote"));
                }
            }
        }
    }
    let document_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:bottom=\"1984\" w:left=\"{LEFT}\" w:right=\"{RIGHT}\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    );
    let comments_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{W}\">{comments}</w:comments>"
    );
    let files: [(&str, &str); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", &document_xml),
        ("word/comments.xml", &comments_xml),
        ("word/styles.xml", STYLES),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, contents) in files {
        zip.start_file(name, SimpleFileOptions::default())
            .map_err(std::io::Error::other)?;
        zip.write_all(contents.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

/// A4 portrait, in twips, and its left and right margins (28 and 26 mm).
const PAGE_WIDTH: usize = 11_906;
const LEFT: usize = 1_588;
const RIGHT: usize = 1_474;
/// The text width: the page less its margins.
const TEXT_WIDTH: usize = PAGE_WIDTH - LEFT - RIGHT;

/// Each grid column's width in twips: the text width shared in proportion to what each
/// column holds — the longest line of its cells that span it alone, in display columns (a
/// Chinese character two), labels counted up to 30 (longer ones wrap), values up to 40 (a web
/// address stays on one line), and two more for the cell's margins, none under 8; the last
/// column takes what rounding left.
fn column_widths(grid: &Grid) -> Vec<usize> {
    let need: Vec<usize> = grid
        .content_widths(30, 40)
        .into_iter()
        .map(|w| (w + 2).max(8))
        .collect();
    let total: usize = need.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = need.iter().map(|n| TEXT_WIDTH * n / total).collect();
    let left = TEXT_WIDTH - widths.iter().sum::<usize>().min(TEXT_WIDTH);
    if let Some(last) = widths.last_mut() {
        *last += left;
    }
    widths
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
    // stand over their columns. The grid takes the page's text width ([`column_widths`]).
    out.push_str("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    let widths = column_widths(grid);
    for width in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in 0..grid.rows {
        // A row is never split across two pages; the header rows repeat on every page.
        let header = grid.header_rows.get(row).copied().unwrap_or(false)
            && grid.header_rows[..row].iter().all(|&h| h);
        out.push_str(if header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
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
                widths[column..(column + cell.colspan).min(widths.len())]
                    .iter()
                    .sum::<usize>()
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
            // Every cell in the table style; all but the row labels centred.
            if matches!(cell.kind, CellKind::RowLabel | CellKind::BlockLabel) {
                out.push_str("<w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>");
            } else {
                out.push_str(
                    "<w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"center\"/></w:pPr>",
                );
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
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// The styles: body text (the defaults; `Normal` indents a paragraph's first line by two
/// characters, as government documents do), `Title` (centred, not indented), `Heading1` (an
/// outline level, so office programs list it as a heading), `TableText` for every table cell
/// (not indented), `TableNote` for the lines under a table.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312" w:cs="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="0" w:after="560" w:line="700" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="黑体"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableNote"><w:name w:val="Table Note"/><w:basedOn w:val="TableText"/><w:rPr><w:color w:val="990000"/></w:rPr></w:style></w:styles>"#;
