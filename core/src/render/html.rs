//! HTML: a complete printable page of the report, or a fragment of its tables.
//!
//! Every text is escaped; the page has no external resources (its style is inline). A value
//! cell carries `data-pointer`; a cell named by a failed rule has class `fail` and a `title`
//! naming the rules and the values they expect.

use std::fmt::Write;

use super::{CellKind, Document, Grid, Part};

const STYLE: &str = "\
body{font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",SimSun,serif;max-width:60em;margin:2em auto;line-height:1.6}\
h1{text-align:center;font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em}\
table.baobiao{border-collapse:collapse;width:100%;margin:0.5em 0}\
table.baobiao th,table.baobiao td{border:1px solid #000;padding:0.2em 0.4em;text-align:center;vertical-align:middle}\
table.baobiao th{font-weight:normal}table.baobiao th.corner{font-size:0.85em}\
table.baobiao th.block{text-align:left;font-weight:bold}table.baobiao th[scope=row]{text-align:left}\
table.baobiao td.fail{background:#fdd;color:#900;font-weight:bold}\
table.baobiao td.likely{background:#f88;color:#600;outline:3px solid #c00;outline-offset:-3px}\
ul.failures{color:#900;font-size:0.9em}\
p.verdict{font-weight:bold;border:1px solid #999;padding:0.4em 0.8em}\
@media print{body{margin:0;max-width:none}td.fail{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// A complete page: title, every section, every table.
pub fn page(document: &Document) -> String {
    let mut out = String::new();
    let title = escape(&document.title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    // The verdict first, where the page was drawn after a check.
    if let Some(verdict) = &document.verdict {
        let _ = writeln!(
            out,
            "<p class=\"verdict\" id=\"verdict\">{}</p>",
            escape(verdict)
        );
    }
    for part in &document.parts {
        match part {
            Part::Meta { label, value } => {
                let _ = writeln!(
                    out,
                    "<p class=\"meta\">{}：{}</p>",
                    escape(label),
                    escape(value)
                );
            }
            Part::Text { label, text } => {
                out.push_str("<section>\n");
                if let Some(label) = label {
                    let _ = writeln!(out, "<h2>{}</h2>", escape(label));
                }
                for paragraph in text.lines().filter(|l| !l.trim().is_empty()) {
                    let _ = writeln!(out, "<p>{}</p>", escape(paragraph.trim()));
                }
                out.push_str("</section>\n");
            }
            Part::Table { grid, summary } => table_section(&mut out, grid, summary),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The tables only, each under its heading, for embedding in another page.
pub fn fragment(document: &Document) -> String {
    let mut out = String::new();
    for part in &document.parts {
        if let Part::Table { grid, summary } = part {
            table_section(&mut out, grid, summary);
        }
    }
    out
}

fn table_section(out: &mut String, grid: &Grid, summary: &[String]) {
    out.push_str("<section>\n");
    if let Some(title) = &grid.title {
        let _ = writeln!(out, "<h2>{}</h2>", escape(title));
    }
    table(out, grid);
    if !summary.is_empty() {
        out.push_str("<ul class=\"failures\">\n");
        for line in summary {
            let _ = writeln!(out, "<li>{}</li>", escape(line));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

/// One table, rows and cells as the grid places them.
pub fn table(out: &mut String, grid: &Grid) {
    out.push_str("<table class=\"baobiao\">\n");
    for row in 0..grid.rows {
        out.push_str("<tr>");
        for cell in grid.row(row) {
            let (tag, class) = match cell.kind {
                CellKind::Corner => ("th", " class=\"corner\""),
                CellKind::BlockLabel => ("th", " class=\"block\""),
                CellKind::Header => ("th", " scope=\"col\""),
                CellKind::RowLabel => ("th", " scope=\"row\""),
                CellKind::Value if cell.likely.is_some() => ("td", " class=\"fail likely\""),
                CellKind::Value if cell.failures.is_empty() => ("td", ""),
                CellKind::Value => ("td", " class=\"fail\""),
            };
            let _ = write!(out, "<{tag}{class}");
            if cell.rowspan > 1 {
                let _ = write!(out, " rowspan=\"{}\"", cell.rowspan);
            }
            if cell.colspan > 1 {
                let _ = write!(out, " colspan=\"{}\"", cell.colspan);
            }
            if let Some(pointer) = &cell.pointer {
                let _ = write!(out, " data-pointer=\"{}\"", escape(pointer));
            }
            if !cell.failures.is_empty() || cell.likely.is_some() {
                let _ = write!(out, " title=\"{}\"", escape(&cell.failure_note()));
            }
            // A line break inside a cell is a `<br>`: white space in HTML is folded.
            let text = escape(&cell.text).replace('\n', "<br>");
            let _ = write!(out, ">{text}</{tag}>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
}
