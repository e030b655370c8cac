//! XLSX: a first worksheet `正文` with the report's text (the title, metadata lines, each
//! section's heading and paragraphs, a row each), then one worksheet per table, merged ranges as the grid merges cells, numbers as numbers
//! (amounts with their unit in the number format), failing cells filled and annotated with a
//! note naming the rules; the failures listed under each table.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Note, Workbook, XlsxError};

use super::{CellKind, Document, Grid, GridCell, Part, WriteError};

/// The workbook as bytes.
pub fn document(document: &Document) -> Result<Vec<u8>, WriteError> {
    workbook(document).map_err(|err| WriteError {
        format: "XLSX",
        detail: err.to_string(),
    })
}

fn workbook(document: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let base = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let label = base.clone().set_align(FormatAlign::Left);
    let fail = base
        .clone()
        .set_background_color(Color::RGB(0xFF_DD_DD))
        .set_font_color(Color::RGB(0x99_00_00))
        .set_bold();
    // A likely wrong value: darker, with a thick border.
    let likely = fail
        .clone()
        .set_background_color(Color::RGB(0xFF_88_88))
        .set_border(FormatBorder::Thick);
    text_sheet(&mut workbook, document)?;
    let mut index = 0;
    let mut names: Vec<String> = vec!["正文".to_owned()];
    for part in &document.parts {
        let Part::Table { grid, summary } = part else {
            continue;
        };
        index += 1;
        let sheet = workbook.add_worksheet();
        let name = sheet_name(grid.title.as_deref(), index, &names);
        sheet.set_name(&name)?;
        names.push(name);
        let mut top = 0u32;
        if let Some(title) = &grid.title {
            sheet.write_string(0, 0, title)?;
            top = 1;
        }
        let widths = column_widths(grid);
        for (c, &width) in widths.iter().enumerate() {
            sheet.set_column_width(col(c)?, width)?;
        }
        // Rows do not grow to their wrapped text by themselves (LibreOffice draws a long label
        // over the rows below): each row is as tall as its cells' wrapped lines.
        for (row, lines) in (top..).zip(row_lines(grid, &widths)) {
            if lines > 1 {
                sheet.set_row_height(row, LINE_HEIGHT * lines as f64)?;
            }
        }
        // Printed on A4, as wide as one page, the header rows on every page.
        sheet.set_paper_size(9);
        sheet.set_print_fit_to_pages(1, 0);
        let headers = grid.header_rows.iter().take_while(|&&h| h).count();
        if headers > 0 {
            let rows = u32::try_from(headers).map_err(|_| XlsxError::RowColumnLimitError)?;
            sheet.set_repeat_rows(top, top + rows - 1)?;
        }
        for cell in &grid.cells {
            let row = top + u32::try_from(cell.row).map_err(|_| XlsxError::RowColumnLimitError)?;
            let column = col(cell.column)?;
            let format = match cell.kind {
                CellKind::RowLabel | CellKind::BlockLabel => &label,
                CellKind::Value if cell.likely.is_some() => &likely,
                CellKind::Value if !cell.failures.is_empty() => &fail,
                _ => &base,
            };
            let (last_row, last_column) = (
                row + u32::try_from(cell.rowspan - 1)
                    .map_err(|_| XlsxError::RowColumnLimitError)?,
                column + col(cell.colspan - 1)?,
            );
            if cell.rowspan > 1 || cell.colspan > 1 {
                sheet.merge_range(row, column, last_row, last_column, "", format)?;
            }
            write_cell(sheet, row, column, cell, format)?;
            if !cell.failures.is_empty() || cell.likely.is_some() {
                sheet.insert_note(
                    row,
                    column,
                    &Note::new(cell.failure_note()).set_author("baobiao"),
                )?;
            }
        }
        let below = top + u32::try_from(grid.rows).map_err(|_| XlsxError::RowColumnLimitError)? + 1;
        for (row, line) in (below..).zip(summary) {
            sheet.write_string(row, 0, format!("✗ {line}"))?;
        }
    }
    workbook.save_to_buffer()
}

/// The sheet of the report's text, in document order, one paragraph per row; a table appears
/// as its title, naming the sheet that holds it.
fn text_sheet(workbook: &mut Workbook, document: &Document) -> Result<(), XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name("正文")?;
    sheet.set_column_width(0, TEXT_WIDTH)?;
    // Printed on A4 like the tables, as wide as one page (a paragraph is not cut at the edge).
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    let wrap = Format::new().set_text_wrap();
    let mut lines = vec![document.title.clone()];
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => lines.push(format!("{label}：{value}")),
            Part::Text { label, text } => {
                lines.extend(label.clone());
                lines.extend(
                    text.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| l.trim().to_owned()),
                );
            }
            Part::Table { .. } => {}
        }
    }
    for (row, line) in (0u32..).zip(&lines) {
        sheet.write_string_with_format(row, 0, line, &wrap)?;
        // Rows do not grow to their wrapped text by themselves: each is as tall as its lines.
        sheet.set_row_height(row, LINE_HEIGHT * wrapped(line, TEXT_WIDTH, 0.1) as f64)?;
    }
    Ok(())
}

/// The width of the text sheet's one column, in Excel's units (about one per narrow
/// character): some 35 Chinese characters a line, within an A4 page's margins unscaled.
const TEXT_WIDTH: f64 = 72.0;

/// The height of one line of text in points (the default font is 11 points).
const LINE_HEIGHT: f64 = 15.0;

/// How many lines `text` takes in a column `width` wide (Excel's units, a Chinese character
/// taking two), each of its lines wrapped; at least one. `spare` is the share of the width
/// kept free: an office program wraps a long paragraph a little early (a closing mark does not
/// start a line), while a label the column was sized by fits it exactly.
fn wrapped(text: &str, width: f64, spare: f64) -> usize {
    // A cell keeps a little room on either side.
    let room = ((width - 1.0) * (1.0 - spare)).max(1.0);
    text.lines()
        .map(|line| {
            let used = unicode_width::UnicodeWidthStr::width(line) as f64;
            ((used / room).ceil() as usize).max(1)
        })
        .sum::<usize>()
        .max(1)
}

/// How many lines each grid row needs: the most any cell of one row takes, wrapped in the
/// columns it spans. A cell spanning several rows is not measured (a vertical group label, the
/// corner note): the rows it spans are as tall as their own cells make them.
fn row_lines(grid: &Grid, widths: &[f64]) -> Vec<usize> {
    let mut lines = vec![1; grid.rows];
    for cell in grid.cells.iter().filter(|c| c.rowspan == 1) {
        let width: f64 = widths.iter().skip(cell.column).take(cell.colspan).sum();
        if let Some(row) = lines.get_mut(cell.row) {
            *row = (*row).max(wrapped(&cell.text, width, 0.0));
        }
    }
    lines
}

fn col(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

fn write_cell(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    column: u16,
    cell: &GridCell,
    format: &Format,
) -> Result<(), XlsxError> {
    // A number is written as a number; an amount keeps its unit in the number format; blanks
    // and marks stay text.
    // A number an f64 cannot hold exactly (more than 15 or so significant digits) is written as
    // text, so nothing is lost.
    if cell.kind == CellKind::Value
        && let Ok(number) = cell.text.parse::<f64>()
        && number.to_string() == cell.text
    {
        let format = match &cell.unit {
            Some(unit) => format.clone().set_num_format(format!("General\" {unit}\"")),
            None => format.clone(),
        };
        sheet.write_number_with_format(row, column, number, &format)?;
        return Ok(());
    }
    if cell.text.is_empty() {
        // A blank cell of a table is still a cell of it (a row of a label and a blank value
        // stays a row of two cells).
        sheet.write_blank(row, column, format)?;
    } else {
        sheet.write_string_with_format(row, column, &cell.text, format)?;
    }
    Ok(())
}

/// Each column as wide as the longest line of its cells that span it alone (in Excel's units,
/// about one per narrow character, two per Chinese one): labels at most 40 wide (longer ones
/// wrap), values at most 16, and no column narrower than 6.
fn column_widths(grid: &Grid) -> Vec<f64> {
    grid.content_widths(38, 14)
        .into_iter()
        .map(|w| (w as f64 + 2.0).max(6.0))
        .collect()
}

/// A table's sheet is named as the template names the table: by its section's number (`三、收到和
/// 处理…` → `表三`); a table under another title takes the title (cut to Excel's 31 characters,
/// without the characters Excel refuses); else `表1`, `表2` … A name taken already gets the
/// table's number after it.
fn sheet_name(title: Option<&str>, index: usize, taken: &[String]) -> String {
    const NUMERALS: &str = "一二三四五六七八九十";
    let name = match title.map(str::trim) {
        Some(title) => match title.split_once('、') {
            Some((number, _))
                if !number.is_empty() && number.chars().all(|c| NUMERALS.contains(c)) =>
            {
                format!("表{number}")
            }
            _ => title
                .chars()
                .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
                .take(31)
                .collect(),
        },
        None => String::new(),
    };
    let name = if name.trim().is_empty() {
        format!("表{index}")
    } else {
        name
    };
    if taken.contains(&name) {
        let suffix = format!("（{index}）");
        let room = 31 - suffix.chars().count();
        name.chars().take(room).collect::<String>() + &suffix
    } else {
        name
    }
}
