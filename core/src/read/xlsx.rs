//! XLSX (Excel) → pieces: the sheets in the workbook's order. In a sheet, a row holding a
//! single cell that no merged range touches is a line of text (a title above a table, a
//! paragraph); runs of other rows are tables, merged ranges (`mergeCells`) as spans. Empty
//! cells written with a format (a table's bordered blanks) count as cells, so a table row whose
//! values are all blank stays a table row. Cells are read from the sheet XML as written: a number keeps the
//! digits of its `<v>` text (never through a float), a shared or inline string its text.
//!
//! A sheet's cells are kept sparse while reading; a cell reference beyond [`MAX_ROWS`] ×
//! [`MAX_COLUMNS`] (a hostile `XFD1048576`), a used range over [`MAX_AREA`] positions, or
//! overlapping merged ranges are refused rather than allocated for.

use rust_decimal::Decimal;

use super::archive::{self, Package, attr, is};
use super::grid::SourceDocument;
use super::refusal::{Refusal, SourceKindName};
use super::sheet::sheet;

/// The largest sheet read: far more than any report table.
pub const MAX_ROWS: usize = 10_000;
/// The widest sheet read.
pub const MAX_COLUMNS: usize = 1_000;
/// The most grid positions (rows × columns up to the last used) of a sheet read.
pub const MAX_AREA: usize = 1_000_000;

/// Reads an XLSX file.
pub fn read(bytes: Vec<u8>) -> Result<SourceDocument, Refusal> {
    let mut package = Package::open(bytes)?;
    let workbook = package.part("xl/workbook.xml")?.ok_or(Refusal::NotOffice {
        part: "xl/workbook.xml",
        kind: SourceKindName::Workbook,
    })?;
    let workbook = archive::parse("xl/workbook.xml", &workbook)?;
    let relations = package
        .part("xl/_rels/workbook.xml.rels")?
        .unwrap_or_default();
    let relations = if relations.is_empty() {
        None
    } else {
        Some(archive::parse("xl/_rels/workbook.xml.rels", &relations)?)
    };
    let target = |id: &str| -> Option<String> {
        let rel = relations
            .as_ref()?
            .root_element()
            .children()
            .find(|r| attr(r, "Id") == Some(id))?;
        let target = attr(&rel, "Target")?;
        Some(match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("xl/{target}"),
        })
    };
    let sheets: Vec<(String, String)> = workbook
        .descendants()
        .filter(|n| is(n, "sheet"))
        .filter_map(|s| {
            let name = attr(&s, "name").unwrap_or("").to_owned();
            let path = target(attr(&s, "id")?)?;
            Some((name, path))
        })
        .collect();
    let strings = match package.part("xl/sharedStrings.xml")? {
        Some(xml) => {
            let doc = archive::parse("xl/sharedStrings.xml", &xml)?;
            doc.root_element()
                .children()
                .filter(|n| is(n, "si"))
                .map(|si| string_item(si))
                .collect()
        }
        None => Vec::new(),
    };
    let mut pieces = Vec::new();
    for (index, (name, path)) in sheets.iter().enumerate() {
        let xml = package.part(path)?.ok_or_else(|| Refusal::Malformed {
            part: path.clone(),
            detail: format!("the sheet {name:?} is missing from the package"),
        })?;
        let doc = archive::parse(path, &xml)?;
        pieces.extend(sheet(&doc, &strings, index + 1, name)?);
    }
    Ok(SourceDocument { pieces })
}

/// The text of a string item: its `t`, or the `t` of each rich-text run (phonetic runs left out).
pub(super) fn string_item(si: roxmltree::Node<'_, '_>) -> String {
    si.descendants()
        .filter(|n| is(n, "t") && !n.ancestors().any(|a| is(&a, "rPh")))
        .filter_map(|n| n.text())
        .collect()
}

/// A typed number's `<v>`: as stored, digit for digit (`12345678901234567` stays so), with
/// exponent notation (`1.5E-3`) written out exactly.
pub(super) fn number_as_stored(value: &str) -> String {
    if !value.contains(['E', 'e']) {
        return value.to_owned();
    }
    Decimal::from_scientific(value).map_or_else(|_| value.to_owned(), |n| n.normalize().to_string())
}

/// A formula result's `<v>` as Excel shows it. Excel keeps 15 significant digits; a formula's
/// result is stored with up to 17 (`96171.600000000006`), the last ones binary noise no one
/// published, so they are rounded off. Exponent notation (`1.5E-3`) is written out. Only for
/// formula results: a typed number is read as stored ([`number_as_stored`]).
pub(super) fn number_as_shown(value: &str) -> String {
    let parsed = if value.contains(['E', 'e']) {
        Decimal::from_scientific(value).ok()
    } else {
        value.parse::<Decimal>().ok()
    };
    let Some(number) = parsed else {
        return value.to_owned();
    };
    let digits = value
        .split(['E', 'e'])
        .next()
        .unwrap_or(value)
        .trim_start_matches(['-', '+', '0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if digits <= 15 && !value.contains(['E', 'e']) {
        return value.to_owned();
    }
    number
        .round_sf(15)
        .map_or_else(|| value.to_owned(), |n| n.normalize().to_string())
}

/// `B7` → (row 6, column 1).
pub(super) fn reference(text: &str) -> Option<(usize, usize)> {
    let letters = text.chars().take_while(char::is_ascii_alphabetic).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = text[..letters].chars().try_fold(0usize, |acc, c| {
        Some(acc * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1))
    })?;
    let row: usize = text[letters..].parse().ok()?;
    (row >= 1 && column >= 1).then(|| (row - 1, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workbook of one sheet whose `sheetData` and what follows it are `body`.
    fn workbook(body: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        let parts = [
            (
                "xl/workbook.xml",
                r#"<workbook xmlns:r="r"><sheets><sheet name="表" r:id="rId1"/></sheets></workbook>"#.to_owned(),
            ),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
            ),
            ("xl/worksheets/sheet1.xml", format!("<worksheet>{body}</worksheet>")),
        ];
        for (name, text) in parts {
            zip.start_file(name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_sheet_reads_with_its_merges_and_exact_numbers() {
        let doc = read(workbook(
            r#"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>
               <row r="2"><c r="A2" t="inlineStr"><is><t>规章</t></is></c><c r="B2"><v>12345678901234</v></c><c r="C2"/></row>
               <row r="3"><c r="A3"/><c r="B3"><v>0.1</v></c><c r="C3"><v>7</v></c></row></sheetData>
               <mergeCells><mergeCell ref="A2:A3"/></mergeCells>"#,
        ))
        .unwrap();
        assert_eq!(doc.pieces.len(), 2, "{doc:?}");
        let table = doc.tables().next().unwrap();
        assert_eq!(
            table.at(1, 0).unwrap().text,
            "规章",
            "A3 lies under the merge"
        );
        assert_eq!(table.at(0, 1).unwrap().text, "12345678901234");
        assert_eq!(table.at(0, 2).unwrap().text, "", "a blank cell stays blank");
        assert_eq!(
            table
                .at(1, 1)
                .unwrap()
                .position
                .describe(crate::model::lang::Lang::En),
            "sheet 1, cell B3"
        );
    }

    #[test]
    fn hostile_sheets_are_refused() {
        let far = read(workbook(
            r#"<sheetData><row><c r="XFD1048576"><v>1</v></c></row></sheetData>"#,
        ));
        assert!(
            matches!(
                far.unwrap_err(),
                Refusal::SheetTooLarge { rows: 1048576, .. }
            ),
            "a cell reference beyond the sheet bounds"
        );
        let wide = read(workbook(
            r#"<sheetData><row><c r="A1"><v>1</v></c><c r="ALL9999"><v>1</v></c></row></sheetData>"#,
        ));
        assert!(
            wide.unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("more than any report table")
        );
        let overlapping = read(workbook(
            r#"<sheetData><row><c r="A1"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>"#,
        ));
        assert!(
            overlapping
                .unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("overlap")
        );
        let deep = read(workbook(&"<x>".repeat(100_000)));
        assert!(
            deep.unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("not well-formed")
        );
        assert!(
            read(b"not a zip".to_vec())
                .unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("not a ZIP")
        );
    }

    #[test]
    fn numbers_come_back_as_excel_shows_them() {
        assert_eq!(number_as_shown("96171.6"), "96171.6");
        assert_eq!(number_as_shown("96171.600000000006"), "96171.6");
        assert_eq!(number_as_shown("0.30000000000000004"), "0.3");
        assert_eq!(number_as_shown("13988"), "13988");
        assert_eq!(number_as_shown("1.5E-3"), "0.0015");
        assert_eq!(number_as_shown("1E+2"), "100");
        assert_eq!(number_as_shown("not a number"), "not a number");
        // Typed values are what was typed: no rounding to 15 digits.
        assert_eq!(number_as_stored("12345678901234567"), "12345678901234567");
        assert_eq!(number_as_stored("11.999999999999998"), "11.999999999999998");
        assert_eq!(number_as_stored("1E+2"), "100");
    }

    #[test]
    fn references() {
        assert_eq!(reference("A1"), Some((0, 0)));
        assert_eq!(reference("B7"), Some((6, 1)));
        assert_eq!(reference("AA10"), Some((9, 26)));
        assert_eq!(reference("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(reference("7B"), None);
        assert_eq!(reference("A0"), None);
    }
}
