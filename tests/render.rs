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
    }
}

/// A table read back from HTML: per row, each cell's (text, rowspan, colspan).
fn html_tables(html: &str) -> Vec<Vec<Vec<(String, usize, usize)>>> {
    let page = scraper::Html::parse_document(html);
    let table = scraper::Selector::parse("table").unwrap();
    let row = scraper::Selector::parse("tr").unwrap();
    let cell = scraper::Selector::parse("th, td").unwrap();
    let span = |e: &scraper::ElementRef<'_>, name: &str| {
        e.value().attr(name).map_or(1, |v| v.parse().unwrap())
    };
    page.select(&table)
        .map(|t| {
            t.select(&row)
                .map(|r| {
                    r.select(&cell)
                        .map(|c| {
                            (
                                c.text().collect::<String>(),
                                span(&c, "rowspan"),
                                span(&c, "colspan"),
                            )
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
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
    let tables = html_tables(&html);
    assert_eq!(tables.len(), 3);

    // Table 2 (format-2021.md §4.1): 4 grid columns, block headers over all of them,
    // single-number items spanning three.
    let t2 = &tables[0];
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
    let t3 = &tables[1];
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

    // Table 4 (§4.3): 15 grid columns, 3 header rows, one data row, no row labels.
    let t4 = &tables[2];
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
    let lines: Vec<&str> = csv.lines().filter(|l| l.starts_with("三、")).collect();
    assert_eq!(lines.len(), 25, "one line per data row of table 3");
    assert!(csv.lines().any(|l| l.starts_with("表,行,自然人 / ") || l.starts_with("表,行,申请人情况 / 自然人")), "{csv}");
}
