//! CSV (RFC 4180: quoted fields, `""` inside quotes, line breaks inside quotes, CRLF or LF) →
//! pieces. A record of one field is a line of text; consecutive records of several fields are
//! a table, each record a row. This reads what `baobiao render --to csv` writes, and the CSV a
//! spreadsheet saves from a report table (merged cells come out as empty cells).
//!
//! A first field that repeats the heading above the table (or reads `表`) is the table column
//! of baobiao's CSV and is left out of the row.
//!
//! The listing of failing cells that ends a checked report's CSV (under
//! [`FAILING_CELLS_HEADINGS`](crate::model::marks::FAILING_CELLS_HEADINGS)) is a view of the
//! tables above, not part of the report: reading stops at its heading.
//!
//! The `'` that neutralises a field a spreadsheet would take for a formula (`'-`, `'=…`) is
//! removed again.

use super::grid::{Piece, Position, SourceDocument, place};

/// A record: its fields and the line it starts on.
struct Record {
    fields: Vec<String>,
    line: usize,
}

/// Splits `text` into records; an unterminated quote takes the rest of the file, as
/// spreadsheets do.
fn records(text: &str) -> Vec<Record> {
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                records.push(Record {
                    fields: std::mem::take(&mut fields),
                    line: start,
                });
                line += 1;
                start = line;
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push(Record {
            fields,
            line: start,
        });
    }
    records
}

/// A field as written before a spreadsheet's formula guard was put on it.
fn unguarded(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => field,
    }
}

/// Reads a CSV file.
pub fn read(text: &str) -> SourceDocument {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut pieces = Vec::new();
    let mut rows = Vec::new();
    let flush = |rows: &mut Vec<_>, pieces: &mut Vec<Piece>| {
        if !rows.is_empty() {
            pieces.push(Piece::Table(place(
                std::mem::take(rows),
                super::html::MAX_SPAN,
            )));
        }
    };
    // The heading the current table sits under: a first field repeating it (or the header's
    // `表`) is the table column `baobiao render --to csv` writes, not a row label.
    let mut heading = String::new();
    // Whether the current table began with baobiao's header (`表,行,…`): then its first field
    // is the table column on every record, empty for a table without a heading.
    let mut tabled = false;
    for record in records(text) {
        if record.fields.len() == 1
            && crate::model::marks::FAILING_CELLS_HEADINGS.contains(&record.fields[0].trim())
        {
            break;
        }
        let position = Position::Line(record.line);
        let filled = record
            .fields
            .iter()
            .filter(|f| !f.trim().is_empty())
            .count();
        if record.fields.len() == 1 || (filled <= 1 && !record.fields[0].trim().is_empty()) {
            flush(&mut rows, &mut pieces);
            tabled = false;
            let text = super::grid::fold_space(unguarded(&record.fields[0]));
            if !text.is_empty() {
                heading.clone_from(&text);
                pieces.push(Piece::Text { text, position });
            }
        } else if filled == 0 {
            flush(&mut rows, &mut pieces);
            tabled = false;
        } else {
            let first = super::grid::fold_space(&record.fields[0]);
            if rows.is_empty() {
                tabled = first == "表";
            }
            let skip =
                usize::from(tabled || first == "表" || (!heading.is_empty() && first == heading));
            rows.push(
                record
                    .fields
                    .iter()
                    .enumerate()
                    .skip(skip)
                    .map(|(i, f)| {
                        let position = Position::Field {
                            line: record.line,
                            field: i + 1,
                        };
                        (super::grid::fold_lines(unguarded(f)), 1, 1, position)
                    })
                    .collect(),
            );
        }
    }
    flush(&mut rows, &mut pieces);
    SourceDocument { pieces }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_and_text_records() {
        let doc = read(
            "\u{feff}标题\r\n二、主动公开\r\n表,行,\"本年,件数\"\r\n二、主动公开,规章,'-\r\n二、主动公开,\"行政\n规范性文件\",\"1\"\"\"\r\n",
        );
        assert_eq!(doc.pieces.len(), 3);
        let table = doc.tables().next().unwrap();
        assert_eq!(table.rows, 3);
        assert_eq!(table.at(0, 1).unwrap().text, "本年,件数");
        assert_eq!(table.at(1, 1).unwrap().text, "-");
        assert_eq!(table.at(2, 0).unwrap().text, "行政\n规范性文件");
        assert_eq!(table.at(2, 1).unwrap().text, "1\"");
        assert_eq!(
            table.at(2, 1).unwrap().position,
            Position::Field { line: 5, field: 3 }
        );
    }
}
