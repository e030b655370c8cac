//! Rendering the official tables: snapshots of every renderer on the bundled report and on a
//! report with failures, and independent checks of what they draw: the HTML parsed back with
//! an HTML5 parser and compared with the template's spans, the text measured column by column,
//! escaping of hostile text.
//!
//! Refresh the snapshots with `BAOBIAO_BLESS=1 cargo test --test render`.

mod common;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::render::{self, Document};
use baobiao::{Form, Lang};
use unicode_width::UnicodeWidthStr;

fn document_of(json: serde_json::Value) -> Document {
    let report: AnnualReport = serde_json::from_value(json).unwrap();
    let checked = report.check();
    render::document(&report, Some(&checked), Lang::Zh)
}

fn bundled() -> Document {
    document_of(common::bundled_json())
}

/// The bundled report with two wrong numbers: one in table 3, one in table 4.
fn failing() -> Document {
    let json = common::bump(
        &common::bundled_json(),
        "/applications/outcomes/granted/natural_persons",
        1,
    );
    document_of(common::bump(
        &json,
        "/reviews_and_lawsuits/litigation/direct/upheld",
        2,
    ))
}

fn assert_snapshot(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots/render")
        .join(name);
    if std::env::var_os("BAOBIAO_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} changed; review it and refresh with BAOBIAO_BLESS=1 cargo test --test render"
    );
}

#[test]
fn snapshots_of_every_renderer() {
    for (name, document) in [("bundled", bundled()), ("failing", failing())] {
        assert_snapshot(&format!("{name}.html"), &render::html::page(&document));
        assert_snapshot(
            &format!("{name}.fragment.html"),
            &render::html::fragment(&document),
        );
        assert_snapshot(
            &format!("{name}.txt"),
            &render::text::document(&document, false),
        );
        assert_snapshot(
            &format!("{name}.md"),
            &render::markdown::document(&document),
        );
        assert_snapshot(&format!("{name}.csv"), &render::csv::document(&document));
        // Binary formats: what a reader sees (the DOCX's document part; the XLSX's cells and
        // merges as calamine reads them), since the packages carry creation times.
        let docx = render::docx::document(&document).unwrap();
        assert_snapshot(
            &format!("{name}.docx.xml"),
            &zip_part(&docx, "word/document.xml"),
        );
        assert_snapshot(
            &format!("{name}.xlsx.txt"),
            &xlsx_dump(render::xlsx::document(&document).unwrap()),
        );
    }
}

fn zip_part(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Every non-empty cell and merged range of a workbook, sheet by sheet.
fn xlsx_dump(bytes: Vec<u8>) -> String {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for name in book.sheet_names().to_vec() {
        out.push_str(&format!("== {name}\n"));
        let range = book.worksheet_range(&name).unwrap();
        for (row, column, value) in range.used_cells() {
            out.push_str(&format!("{row},{column}: {value:?}\n"));
        }
        for d in book.merge_cells_by_sheet_name(&name).unwrap() {
            out.push_str(&format!("merge {:?}..{:?}\n", d.start, d.end));
        }
    }
    out
}

fn spans_of(table: &[Vec<(String, usize, usize)>], text: &str) -> (usize, usize) {
    table
        .iter()
        .flatten()
        .find(|(t, _, _)| t == text)
        .map(|&(_, r, c)| (r, c))
        .unwrap_or_else(|| panic!("no cell {text:?}"))
}

/// Every row of a table covers the same number of grid columns, counting what spans into it.
fn grid_width(table: &[Vec<(String, usize, usize)>]) -> usize {
    let mut occupied = vec![0usize; table.len()];
    for (r, row) in table.iter().enumerate() {
        for &(_, rowspan, colspan) in row {
            for k in 0..rowspan {
                occupied[r + k] += colspan;
            }
        }
    }
    assert!(
        occupied.windows(2).all(|w| w[0] == w[1]),
        "ragged table: {occupied:?}"
    );
    occupied[0]
}

#[test]
fn html_tables_have_the_official_spans() {
    let html = render::html::page(&bundled());
    let tables = common::html_tables(&html);
    assert_eq!(tables.len(), 3);
    assert_template_spans(&tables[0], &tables[1], &tables[2]);
}

/// Tables 2, 3 and 4 as read back from a rendering have the spans of the official template
/// (format-2021.md §4), whatever the format they were read from.
type ReadTable = [Vec<(String, usize, usize)>];

fn assert_template_spans(t2: &ReadTable, t3: &ReadTable, t4: &ReadTable) {
    // Table 2 (format-2021.md §4.1): 4 grid columns, block headers over all of them,
    // single-number items spanning three.
    assert_eq!(grid_width(t2), 4);
    assert_eq!(t2.len(), 14);
    for block in [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ] {
        assert_eq!(spans_of(t2, block), (1, 4), "{block}");
    }
    assert_eq!(spans_of(t2, "本年处理决定数量"), (1, 3));
    assert_eq!(spans_of(t2, "本年收费金额（单位：万元）"), (1, 3));
    assert_eq!(spans_of(t2, "13988"), (1, 3));
    assert_eq!(
        t2[1].iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    );

    // Table 3 (§4.2): 10 grid columns, 3 header rows, 25 data rows.
    assert_eq!(grid_width(t3), 10);
    assert_eq!(t3.len(), 3 + 25);
    assert_eq!(
        spans_of(
            t3,
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        ),
        (3, 3)
    );
    assert_eq!(spans_of(t3, "申请人情况"), (1, 7));
    assert_eq!(spans_of(t3, "自然人"), (2, 1));
    assert_eq!(spans_of(t3, "法人或其他组织"), (1, 5));
    assert_eq!(spans_of(t3, "总计"), (2, 1));
    assert_eq!(spans_of(t3, "一、本年新收政府信息公开申请数量"), (1, 3));
    assert_eq!(spans_of(t3, "二、上年结转政府信息公开申请数量"), (1, 3));
    assert_eq!(spans_of(t3, "三、本年度办理结果"), (22, 1));
    assert_eq!(spans_of(t3, "（一）予以公开"), (1, 2));
    assert_eq!(
        spans_of(
            t3,
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        ),
        (1, 2)
    );
    assert_eq!(spans_of(t3, "（三）不予公开"), (8, 1));
    assert_eq!(spans_of(t3, "（四）无法提供"), (3, 1));
    assert_eq!(spans_of(t3, "（五）不予处理"), (5, 1));
    assert_eq!(spans_of(t3, "（六）其他处理"), (3, 1));
    assert_eq!(spans_of(t3, "（七）总计"), (1, 2));
    assert_eq!(spans_of(t3, "四、结转下年度继续办理"), (1, 3));
    for row in &t3[3..] {
        let numbers = row
            .iter()
            .filter(|(_, r, c)| (*r, *c) == (1, 1) && !row.is_empty())
            .count();
        assert!(numbers >= 7, "{row:?}");
    }

    // Every label cell of table 3 spans what the template gives it.
    let mut labels = 0;
    for (text, rowspan, colspan) in t3.iter().flatten() {
        let expected = match text.as_str() {
            t if t.starts_with("三、") => Some((22, 1)),
            t if t.starts_with("一、") || t.starts_with("二、") || t.starts_with("四、") => {
                Some((1, 3))
            }
            t if t.starts_with("（一）") || t.starts_with("（二）") || t.starts_with("（七）") => {
                Some((1, 2))
            }
            t if t.starts_with("（三）") => Some((8, 1)),
            t if t.starts_with("（四）") || t.starts_with("（六）") => Some((3, 1)),
            t if t.starts_with("（五）") => Some((5, 1)),
            t if t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.contains('.') => {
                Some((1, 1))
            }
            _ => None,
        };
        if let Some(expected) = expected {
            assert_eq!((*rowspan, *colspan), expected, "{text}");
            labels += 1;
        }
    }
    // 一 to 四, （一） to （七）, and the 19 numbered items under （三） to （六）.
    assert_eq!(labels, 4 + 7 + 19);

    // Table 4 (§4.3): 15 grid columns, 3 header rows, one data row, no row labels.
    assert_eq!(grid_width(t4), 15);
    assert_eq!(t4.len(), 4);
    assert_eq!(spans_of(t4, "行政复议"), (1, 5));
    assert_eq!(spans_of(t4, "行政诉讼"), (1, 10));
    assert_eq!(spans_of(t4, "未经复议直接起诉"), (1, 5));
    assert_eq!(spans_of(t4, "复议后起诉"), (1, 5));
    assert!(
        t4[1][..5].iter().all(|(_, r, c)| (*r, *c) == (2, 1)),
        "{:?}",
        t4[1]
    );
    assert_eq!(t4[3].len(), 15);
}

#[test]
fn failing_cells_are_marked_with_their_rules() {
    let html = render::html::page(&failing());
    let page = scraper::Html::parse_document(&html);
    let fail = scraper::Selector::parse("td.fail").unwrap();
    let marked: Vec<(String, String)> = page
        .select(&fail)
        .map(|e| {
            (
                e.value().attr("data-pointer").unwrap().to_owned(),
                e.value().attr("title").unwrap().to_owned(),
            )
        })
        .collect();
    let pointers: Vec<&str> = marked.iter().map(|(p, _)| p.as_str()).collect();
    assert!(pointers.contains(&"/applications/outcomes/granted/natural_persons"));
    assert!(pointers.contains(&"/reviews_and_lawsuits/litigation/direct/upheld"));
    let (_, title) = marked
        .iter()
        .find(|(p, _)| p == "/reviews_and_lawsuits/litigation/direct/total")
        .expect("the group total is named by T4-GROUP-TOTAL");
    assert!(
        title.contains("T4-GROUP-TOTAL") && title.contains("期望 2"),
        "{title}"
    );
    let summary = scraper::Selector::parse("ul.failures li").unwrap();
    let lines: Vec<String> = page.select(&summary).map(|e| e.text().collect()).collect();
    assert!(
        lines.iter().any(|l| l.starts_with("T3-ROW-TOTAL")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("T4-GROUP-TOTAL")),
        "{lines:?}"
    );
}

#[test]
fn hostile_text_renders_inert() {
    let mut json = common::bundled_json();
    let attack =
        "<script>alert(\"x\")</script>' onmouseover='alert(1)\" <img src=x onerror=alert(2)>";
    json["agency"] = attack.into();
    json["title"] = attack.into();
    json["overview"] = attack.into();
    let document = document_of(json);
    let html = render::html::page(&document);
    let page = scraper::Html::parse_document(&html);
    for tag in ["script", "img"] {
        let selector = scraper::Selector::parse(tag).unwrap();
        assert_eq!(page.select(&selector).count(), 0, "a <{tag}> got through");
    }
    let any = scraper::Selector::parse("*").unwrap();
    for element in page.select(&any) {
        assert!(
            element
                .value()
                .attrs()
                .all(|(name, _)| !name.starts_with("on")),
            "an event handler got through: {:?}",
            element.value()
        );
    }
    let h1 = scraper::Selector::parse("h1").unwrap();
    assert_eq!(
        page.select(&h1).next().unwrap().text().collect::<String>(),
        attack
    );
    let fragment = render::html::fragment(&document);
    assert!(!fragment.contains("<script"));
}

#[test]
fn text_tables_line_up() {
    let document = failing();
    for part in &document.parts {
        if let render::Part::Table { grid, .. } = part {
            let text = render::text::table(grid, false);
            let widths: Vec<usize> = text.lines().map(UnicodeWidthStr::width).collect();
            assert!(widths.len() > 3);
            assert!(
                widths.iter().all(|&w| w == widths[0]),
                "{:?}: {widths:?}\n{text}",
                grid.title
            );
        }
    }
    // Table 3 in particular, as printed by `baobiao render --to text`.
    let t3 = document
        .parts
        .iter()
        .find_map(|p| match p {
            render::Part::Table { grid, .. }
                if grid.title.as_deref() == Some("三、收到和处理政府信息公开申请情况") =>
            {
                Some(grid)
            }
            _ => None,
        })
        .unwrap();
    let text = render::text::table(t3, false);
    let first = text.lines().next().unwrap().width();
    assert!(text.lines().all(|l| l.width() == first));
    let coloured = render::text::table(t3, true);
    assert!(
        coloured.contains("\u{1b}[1;31m"),
        "failing cells are coloured"
    );
}

/// Nothing the template does not have: its title names the agency and the year, so no line of
/// the drawing says them again (`机关名称`, `报告年度`), and the opening paragraph has no
/// heading (`引言`). A report whose title does not say its agency keeps the agency's line:
/// nothing is lost.
#[test]
fn renderers_draw_nothing_the_template_does_not_have() {
    let document = bundled();
    let drawn = [
        render::html::page(&document),
        render::text::document(&document, false),
        render::markdown::document(&document),
        render::csv::document(&document),
        zip_part(
            &render::docx::document(&document).unwrap(),
            "word/document.xml",
        ),
        xlsx_dump(render::xlsx::document(&document).unwrap()),
    ];
    for text in &drawn {
        for extra in ["机关名称", "报告年度", "引言"] {
            assert!(!text.contains(extra), "{extra} drawn:\n{text}");
        }
        assert!(text.contains("湘潭县公安局2024年政府信息公开工作年度报告"));
    }
    // A title that names another agency than the report's: the agency is drawn on its own.
    let mut json = common::bundled_json();
    json["title"] = "某县2024年政府信息公开工作年度报告".into();
    let report: AnnualReport = serde_json::from_value(json.clone()).unwrap();
    let text = render::text::document(&document_of(json), false);
    assert!(text.contains("机关名称"), "{text}");
    assert!(text.contains("湘潭县公安局"), "{text}");
    assert!(!text.contains("报告年度"), "{text}");
    // The opening paragraph stays under the title, and reads back as itself, the agency too.
    assert!(text.find("根据《中华人民共和国政府信息公开条例》") < text.find("机关名称"));
    let options = baobiao::read::Options {
        kind: Some(baobiao::read::SourceKind::Text),
        ..Default::default()
    };
    let read = baobiao::read::report::<AnnualReport>(text.into_bytes(), &options).unwrap();
    assert_eq!(common::said(&read.diagnostics), Vec::<String>::new());
    assert_eq!(read.form, report);
}

/// A checked report's CSV ends with its failing cells, one record each, the likely wrong
/// cells first; read back, the listing is left out and the report is the one drawn.
#[test]
fn csv_lists_the_failing_cells_and_reads_back_without_them() {
    let json = common::bump(
        &common::bundled_json(),
        "/applications/outcomes/granted/natural_persons",
        1,
    );
    let report: AnnualReport = serde_json::from_value(json).unwrap();
    let checked = report.check();
    let csv = render::csv::document(&render::document(&report, Some(&checked), Lang::Zh));
    let (_, listing) = csv
        .split_once("\r\n不符合规则的单元格\r\n")
        .expect("a heading before the listing");
    let mut records = listing.lines();
    assert_eq!(records.next(), Some("表,单元格,值,最可能有误,规则,指针"));
    let rows: Vec<Vec<&str>> = records.map(|r| r.split(',').collect()).collect();
    // First the likely wrong cell, with its fix, named by row and column.
    let first = &rows[0];
    assert_eq!(first[5], "/applications/outcomes/granted/natural_persons");
    assert_eq!(
        first[1],
        "三、本年度办理结果 › （一）予以公开 › 申请人情况 › 自然人"
    );
    assert!(first[3].starts_with("改为 "), "{first:?}");
    assert!(first[4].contains("T3-RESULT-SUM"), "{first:?}");
    // Then every other cell a failing rule reads, each once, none marked likely.
    let mut listed: Vec<&str> = rows.iter().map(|r| r[5]).collect();
    listed.sort_unstable();
    let mut failing: Vec<&str> = checked
        .violations()
        .iter()
        .flat_map(|v| v.cells.iter().map(|c| c.pointer))
        .collect();
    failing.sort_unstable();
    failing.dedup();
    assert_eq!(listed, failing);
    assert!(rows[1..].iter().all(|r| r[3].is_empty()));

    let options = baobiao::read::Options {
        kind: Some(baobiao::read::SourceKind::Csv),
        ..Default::default()
    };
    let read = baobiao::read::report::<AnnualReport>(csv.into_bytes(), &options).unwrap();
    assert_eq!(common::said(&read.diagnostics), Vec::<String>::new());
    assert_eq!(read.form, report);
    // A report without failures has no listing.
    assert!(!render::csv::document(&bundled()).contains("不符合规则的单元格"));
}

#[test]
fn csv_neutralises_formulas_and_keeps_numbers() {
    let mut json = common::bundled_json();
    json["applications"]["new_received"]["natural_persons"] = "-".into();
    let csv = render::csv::document(&document_of(json));
    assert!(
        csv.contains(",'-,"),
        "a leading - that is not a number is neutralised"
    );
    assert!(csv.lines().any(|l| l.ends_with(",13988")));
    // The tables, before the listing of failing cells (a `-` fails rules).
    let (tables, _) = csv.split_once("不符合规则的单元格").unwrap();
    let lines: Vec<&str> = tables
        .lines()
        .filter(|l| l.starts_with("三、收到和处理政府信息公开申请情况,"))
        .collect();
    assert_eq!(lines.len(), 25, "one line per data row of table 3");
    assert!(
        csv.lines().any(|l| l == "一、总体情况"),
        "the report's text is one-field records"
    );
    assert!(csv.lines().any(|l| l.starts_with("表,行,自然人 / ") || l.starts_with("表,行,申请人情况 / 自然人")), "{csv}");
}

/// Per sheet, the table as read back with calamine: per row, each cell that starts there as
/// (text, rowspan, colspan), merged ranges giving the spans. The sheet's first row is the
/// table's title; the table ends at the first empty row (its failures follow).
fn xlsx_tables(bytes: Vec<u8>) -> Vec<Vec<Vec<(String, usize, usize)>>> {
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
    let names = book.sheet_names().to_vec();
    assert_eq!(names[0], "正文", "the report's text comes first");
    names
        .iter()
        .skip(1)
        .map(|name| {
            let range = book.worksheet_range(name).unwrap();
            let merges = book.merge_cells_by_sheet_name(name).unwrap();
            let (height, width) = range.get_size();
            let text = |r: usize, c: usize| {
                range
                    .get_value((r as u32, c as u32))
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            };
            let mut rows = Vec::new();
            for r in 1..height {
                let mut row = Vec::new();
                for c in 0..width {
                    let covering = merges.iter().find(|d| {
                        (d.start.0 as usize..=d.end.0 as usize).contains(&r)
                            && (d.start.1 as usize..=d.end.1 as usize).contains(&c)
                    });
                    match covering {
                        Some(d) if (d.start.0 as usize, d.start.1 as usize) == (r, c) => {
                            row.push((
                                text(r, c),
                                (d.end.0 - d.start.0 + 1) as usize,
                                (d.end.1 - d.start.1 + 1) as usize,
                            ))
                        }
                        Some(_) => {}
                        None => row.push((text(r, c), 1, 1)),
                    }
                }
                if row.iter().all(|(t, _, _)| t.is_empty()) {
                    break;
                }
                rows.push(row);
            }
            rows
        })
        .collect()
}

#[test]
fn xlsx_merges_numbers_and_marks_read_back() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = render::xlsx::document(&failing()).unwrap();
    let tables = xlsx_tables(bytes.clone());
    assert_eq!(tables.len(), 3);
    assert_template_spans(&tables[0], &tables[1], &tables[2]);

    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    // Sheets named as the template names its tables.
    assert_eq!(book.sheet_names(), ["正文", "表二", "表三", "表四"]);
    let sheet = book.worksheet_range("表三").unwrap();
    // Grid row 4 (after the title row and three header rows) is 一、本年新收…: numbers as numbers.
    let row: Vec<&Data> = (3..10).map(|c| sheet.get_value((4, c)).unwrap()).collect();
    assert_eq!(row[0], &Data::Float(12.0), "{row:?}");
    // Row 8 of 三、（三） is blank as published: empty cells, not zeros.
    let blank_row = 4 + 11;
    for column in 3..10 {
        let value = sheet.get_value((blank_row, column));
        let empty = match value {
            None | Some(Data::Empty) => true,
            Some(Data::String(s)) => s.is_empty(),
            Some(_) => false,
        };
        assert!(empty, "({blank_row}, {column}) holds {value:?}");
    }
}

/// The tables of a DOCX, read back from `word/document.xml` with an XML parser: per table, per
/// row, each cell that starts there as (text, rowspan, colspan, shaded), the row span counted
/// from the `w:vMerge` continuations below it.
/// A table read back from a DOCX: rows of (text, rowspan, colspan, shaded).
type DocxTable = Vec<Vec<(String, usize, usize, bool)>>;

fn docx_tables(bytes: &[u8]) -> (Vec<DocxTable>, String) {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP package");
    let mut read = |name: &str| {
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let document = read("word/document.xml");
    let comments = read("word/comments.xml");
    let doc = roxmltree::Document::parse(&document).expect("well-formed XML");
    let is =
        |n: &roxmltree::Node<'_, '_>, name: &str| n.is_element() && n.tag_name().name() == name;
    let attr = |n: roxmltree::Node<'_, '_>, name: &str| {
        n.attributes()
            .find(|a| a.name() == name)
            .map(|a| a.value().to_owned())
    };
    let tables = doc
        .descendants()
        .filter(|n| is(n, "tbl"))
        .map(|tbl| {
            // (grid row, grid column) -> (text, colspan, vmerge, shaded)
            let mut cells = Vec::new();
            for (r, tr) in tbl.children().filter(|n| is(n, "tr")).enumerate() {
                let mut column = 0;
                for tc in tr.children().filter(|n| is(n, "tc")) {
                    let pr = tc.children().find(|n| is(n, "tcPr"));
                    let find = |name: &str| pr.and_then(|p| p.children().find(|n| is(n, name)));
                    let span: usize = find("gridSpan")
                        .and_then(|g| attr(g, "val"))
                        .map_or(1, |v| v.parse().unwrap());
                    let vmerge =
                        find("vMerge").map(|v| attr(v, "val").unwrap_or_else(|| "continue".into()));
                    let text: String = tc
                        .descendants()
                        .filter(|n| is(n, "t"))
                        .filter_map(|n| n.text())
                        .collect();
                    cells.push((r, column, text, span, vmerge, find("shd").is_some()));
                    column += span;
                }
            }
            let rows = cells.iter().map(|c| c.0).max().map_or(0, |m| m + 1);
            (0..rows)
                .map(|r| {
                    cells
                        .iter()
                        .filter(|c| c.0 == r && c.4.as_deref() != Some("continue"))
                        .map(|(_, column, text, span, vmerge, shaded)| {
                            let rowspan = if vmerge.as_deref() == Some("restart") {
                                1 + (r + 1..rows)
                                    .take_while(|&below| {
                                        cells.iter().any(|c| {
                                            c.0 == below
                                                && c.1 == *column
                                                && c.4.as_deref() == Some("continue")
                                        })
                                    })
                                    .count()
                            } else {
                                1
                            };
                            (text.clone(), rowspan, *span, *shaded)
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    (tables, comments)
}

#[test]
fn docx_merges_shading_and_comments_read_back() {
    let bytes = render::docx::document(&failing()).unwrap();
    let (tables, comments) = docx_tables(&bytes);
    assert_eq!(tables.len(), 3);
    let plain = |t: &DocxTable| -> Vec<Vec<(String, usize, usize)>> {
        t.iter()
            .map(|r| r.iter().map(|(a, b, c, _)| (a.clone(), *b, *c)).collect())
            .collect()
    };
    assert_template_spans(&plain(&tables[0]), &plain(&tables[1]), &plain(&tables[2]));
    // The failing cells are shaded, and each carries a comment naming its rule.
    let shaded: usize = tables.iter().flatten().flatten().filter(|c| c.3).count();
    assert!(shaded >= 7 + 5, "{shaded} shaded cells");
    let doc = roxmltree::Document::parse(&comments).unwrap();
    let notes: Vec<String> = doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "comment")
        .map(|n| n.descendants().filter_map(|t| t.text()).collect())
        .collect();
    assert_eq!(notes.len(), shaded);
    assert!(notes.iter().any(|n| n.contains("T4-GROUP-TOTAL")));
    assert!(notes.iter().any(|n| n.contains("T3-ROW-TOTAL")));
}
