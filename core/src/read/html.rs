//! HTML pages → pieces: the tables of the page body (innermost, when layout tables nest them)
//! with `rowspan`/`colspan`, and the running text around them. Built on html5ever (through
//! scraper), which recovers from broken markup as browsers do.

use scraper::{ElementRef, Html};

use super::grid::{Piece, Position, SourceDocument, fold_lines, fold_space, place};

/// The largest span honoured; larger ones are clamped (a hostile page cannot make a huge grid).
pub const MAX_SPAN: usize = 1000;

/// A cell's text: its line breaks (`<br>`) kept, any other white space (the page source's
/// newlines among it) folded.
fn cell_text(cell: &ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in cell.descendants() {
        if let Some(t) = node.value().as_text() {
            if t.contains(['\n', '\r']) {
                text.extend(
                    t.chars()
                        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                );
            } else {
                text.push_str(t);
            }
        } else if node.value().as_element().is_some_and(|e| e.name() == "br") {
            text.push('\n');
        }
    }
    fold_lines(&text)
}

/// Reads the text of an HTML page. A page nesting elements deeper than
/// [`super::nesting::MAX_DEPTH`] is refused before it is parsed (see [`super::nesting`]).
pub fn read(html: &str) -> Result<SourceDocument, super::refusal::Refusal> {
    let depth = super::nesting::depth(html, super::nesting::MAX_DEPTH);
    if depth > super::nesting::MAX_DEPTH {
        return Err(super::refusal::Refusal::TooDeep {
            limit: super::nesting::MAX_DEPTH,
        });
    }
    let page = Html::parse_document(html);
    let mut pieces = Vec::new();
    // Government CMS pages carry the article's title in a meta tag, often not in the body.
    let mut meta_title: Option<String> = None;
    let mut paragraphs = 0;
    let mut tables = 0;
    // Blocks (headings, paragraphs, list items, tables) in the order the page's source writes
    // them, which is the order the parser made them: a heading written inside a table's markup
    // stays after the table's start, where a browser would draw it above. One pass over the
    // nodes, no selector matched against each.
    for node in page.tree.nodes() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        match element.value().name() {
            // A layout table holding a data table: the inner one only is read.
            "table"
                if !element
                    .descendants()
                    .skip(1)
                    .any(|n| is_named(n.value(), &["table"])) =>
            {
                tables += 1;
                pieces.push(Piece::Table(table(element, tables)));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "li"
                if !node.ancestors().any(|n| is_named(n.value(), &["table"]))
                    && !is_verdict(&element) =>
            {
                let text = fold_space(&element.text().collect::<String>());
                if !text.is_empty() {
                    paragraphs += 1;
                    pieces.push(Piece::Text {
                        text,
                        position: Position::Paragraph(paragraphs),
                    });
                }
            }
            "meta"
                if meta_title.is_none() && element.value().attr("name") == Some("ArticleTitle") =>
            {
                meta_title = element.value().attr("content").map(fold_space);
            }
            _ => {}
        }
    }
    if let Some(title) = meta_title.filter(|t| !t.is_empty()) {
        pieces.insert(
            0,
            Piece::Text {
                text: title,
                position: Position::Paragraph(0),
            },
        );
    }
    Ok(SourceDocument { pieces })
}

/// True when `node` is an element of one of `names`.
fn is_named(node: &scraper::Node, names: &[&str]) -> bool {
    node.as_element().is_some_and(|e| names.contains(&e.name()))
}

/// The verdict a page drawn after a check opens with (`<p class="verdict" id="verdict">`): a
/// finding about the report, not part of it.
fn is_verdict(element: &ElementRef<'_>) -> bool {
    let value = element.value();
    value.id() == Some("verdict") && value.classes().any(|c| c == "verdict")
}

fn span(element: &ElementRef<'_>, name: &str) -> usize {
    element
        .value()
        .attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
}

/// A table without tables inside it: its rows (`tr`) and their cells (`th`, `td`), in order.
fn table(element: ElementRef<'_>, index: usize) -> super::grid::SourceTable {
    let named = |names: &'static [&'static str]| {
        move |node| ElementRef::wrap(node).filter(|_| is_named(node.value(), names))
    };
    let rows = element
        .descendants()
        .filter_map(named(&["tr"]))
        .enumerate()
        .map(|(r, tr)| {
            tr.descendants()
                .filter_map(named(&["th", "td"]))
                .enumerate()
                .map(|(c, cell)| {
                    (
                        cell_text(&cell),
                        span(&cell, "rowspan"),
                        span(&cell, "colspan"),
                        Position::Cell {
                            table: index,
                            row: r + 1,
                            cell: c + 1,
                        },
                    )
                })
                .collect()
        })
        .collect();
    place(rows, MAX_SPAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_placed_as_a_browser_places_them() {
        let doc = read(
            "<h2>三、收到和处理</h2><table>
             <tr><td rowspan=2 colspan=2>角</td><td colspan=2>申请人情况</td></tr>
             <tr><td>自然人</td><td>总计</td></tr>
             <tr><td rowspan=2>三、</td><td>（一）</td><td>5</td><td>&nbsp;</td></tr>
             <tr><td>（二）</td><td>2</td><td>2</td></tr></table><p>后记</p>",
        )
        .unwrap();
        assert_eq!(doc.pieces.len(), 3);
        let table = doc.tables().next().unwrap();
        assert_eq!((table.rows, table.columns), (4, 4));
        assert_eq!(table.at(1, 0).unwrap().text, "角");
        assert_eq!(table.at(1, 2).unwrap().text, "自然人");
        assert_eq!(table.at(3, 0).unwrap().text, "三、");
        assert_eq!(table.at(3, 1).unwrap().text, "（二）");
        assert_eq!(table.at(2, 3).unwrap().text, "", "&nbsp; is a blank cell");
        assert_eq!(
            table.at(3, 2).unwrap().position,
            Position::Cell {
                table: 1,
                row: 4,
                cell: 2
            }
        );
    }

    #[test]
    fn broken_and_hostile_markup_is_read_within_bounds() {
        let doc = read("<table><tr><td colspan=100000>x<td>y</table><p>unclosed <b>bold").unwrap();
        let table = doc.tables().next().unwrap();
        assert_eq!(table.columns, MAX_SPAN + 1);
        assert_eq!(table.at(0, MAX_SPAN).unwrap().text, "y");
        let nested = "<div>".repeat(400) + "<table><tr><td>1</td></tr></table>";
        assert_eq!(read(&nested).unwrap().tables().count(), 1);
        let deep = "<div>".repeat(10_000) + "<table><tr><td>1</td></tr></table>";
        assert!(
            read(&deep)
                .unwrap_err()
                .message(crate::model::lang::Lang::En)
                .contains("deeper than")
        );
    }

    #[test]
    fn blocks_come_in_the_order_the_source_writes_them() {
        // The parser moves a paragraph written inside a table's markup out in front of the
        // table; it is still read after the table's start, where the source has it.
        let doc =
            read("<h2>一</h2><table><tr><td>规章</td><td>0</td></tr><p>二</p></table><p>三</p>")
                .unwrap();
        let order: Vec<&str> = doc
            .pieces
            .iter()
            .map(|p| match p {
                Piece::Text { text, .. } => text.as_str(),
                Piece::Table(_) => "table",
            })
            .collect();
        assert_eq!(order, ["一", "table", "二", "三"]);
    }

    #[test]
    fn a_layout_table_is_read_through_to_the_data_table() {
        let doc = read(
            "<table><tr><td><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>",
        )
        .unwrap();
        let tables: Vec<_> = doc.tables().collect();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].at(0, 0).unwrap().text, "规章");
    }
}
