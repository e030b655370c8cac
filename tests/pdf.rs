//! PDFs read through their text layer, on small PDFs written here: a ruled table with a group
//! label printed one character per line, a label wrapped in its cell, a table that runs on to
//! the next page with its header repeated and the group label carried over; every figure
//! placed at `page N, line M`. A PDF whose pages draw no text (a scan) is refused as such.

mod common;

use baobiao::read::{Options, ReadError, Refusal, SourceKind};
use baobiao::{Count, Form, Position};
use common::pdf::{Cell, Mark, cell, document, grid, text};
use serde::{Deserialize, Serialize};

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
#[form(label = "收支情况报表")]
struct Ledger {
    #[form(label = "一、收支情况", section)]
    ledger: Table,
}

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
#[form(check(
    income.grants + income.fees + income.other == total,
    id = "SUM",
    message = "合计等于各项收入之和"
))]
struct Table {
    #[form(label = "收入")]
    income: Income,
    #[form(label = "合计")]
    total: Amounts,
}

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
struct Income {
    #[form(label = "1.财政拨款")]
    grants: Amounts,
    #[form(label = "2.事业收入（含经营收入）")]
    fees: Amounts,
    #[form(label = "3.其他收入")]
    other: Amounts,
}

#[derive(Form, Serialize, Deserialize, Debug, PartialEq)]
#[form(columns)]
struct Amounts {
    #[form(label = "本年")]
    this_year: Count,
    #[form(label = "上年")]
    last_year: Count,
}

const XS: [f64; 5] = [60.0, 100.0, 300.0, 400.0, 500.0];

fn header() -> [Cell<'static>; 3] {
    [
        Cell {
            row: 0,
            column: 0,
            rows: 1,
            columns: 2,
            lines: &["项目"],
        },
        cell(0, 2, &["本年"]),
        cell(0, 3, &["上年"]),
    ]
}

/// The ledger over two pages: page 1 has the heading, the header and two rows of the 收入
/// group (its label one character per line, the second row's label wrapped); page 2 repeats
/// the header, leaves the group cell empty for the third row, and ends with 合计.
fn ledger_pdf() -> Vec<u8> {
    ledger_pdf_with_total("155")
}

/// The ledger with 合计 本年 printed as `total`.
fn ledger_pdf_with_total(total: &str) -> Vec<u8> {
    let total = [total];
    let mut first = vec![
        text(60.0, 780.0, 12.0, "收支情况报表"),
        text(60.0, 750.0, 10.0, "一、收支情况"),
    ];
    let mut cells = header().to_vec_cells();
    cells.extend([
        Cell {
            row: 1,
            column: 0,
            rows: 2,
            columns: 1,
            lines: &["收", "入"],
        },
        cell(1, 1, &["1.财政拨款"]),
        cell(1, 2, &["120"]),
        cell(1, 3, &["100"]),
        cell(2, 1, &["2.事业收入（含经营", "收入）"]),
        cell(2, 2, &["30"]),
        cell(2, 3, &[]),
    ]);
    first.extend(grid(730.0, &XS, 30.0, &cells));
    first.push(text(290.0, 40.0, 9.0, "- 1 -"));
    let mut cells: Vec<Cell<'_>> = header().to_vec_cells();
    cells.extend([
        cell(1, 0, &[]),
        cell(1, 1, &["3.其他收入"]),
        cell(1, 2, &["5"]),
        cell(1, 3, &["0"]),
        Cell {
            row: 2,
            column: 0,
            rows: 1,
            columns: 2,
            lines: &["合计"],
        },
        cell(2, 2, &total),
        cell(2, 3, &["100"]),
    ]);
    let second = grid(800.0, &XS, 30.0, &cells);
    document(&[first, second])
}

trait ToVecCells {
    fn to_vec_cells(self) -> Vec<Cell<'static>>;
}

impl ToVecCells for [Cell<'static>; 3] {
    fn to_vec_cells(self) -> Vec<Cell<'static>> {
        self.into_iter().collect()
    }
}

fn pdf_options() -> Options {
    Options {
        kind: Some(SourceKind::Pdf),
        ..Options::default()
    }
}

#[test]
fn a_ruled_table_across_two_pages_reads_cell_exact_with_pages_and_lines() {
    let read = baobiao::read::report::<Ledger>(ledger_pdf(), &pdf_options()).unwrap();
    assert_eq!(read.diagnostics, vec![], "{:?}", read.diagnostics);
    let json = serde_json::to_value(&read.form).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"ledger": {
            "income": {
                "grants": {"this_year": 120, "last_year": 100},
                "fees": {"this_year": 30, "last_year": null},
                "other": {"this_year": 5, "last_year": 0},
            },
            "total": {"this_year": 155, "last_year": 100},
        }})
    );
    // Lines are counted down each page: title, heading, header, then the rows.
    assert_eq!(
        read.position_of("/ledger/income/grants/this_year"),
        Some(Position::Page { page: 1, line: 4 })
    );
    assert_eq!(
        read.position_of("/ledger/income/other/this_year"),
        Some(Position::Page { page: 2, line: 2 })
    );
    assert_eq!(
        read.position_of("/ledger/total/last_year"),
        Some(Position::Page { page: 2, line: 3 })
    );
    // The check decides on what was read.
    assert!(read.form.check().is_ok());
}

#[test]
fn a_figure_changed_in_the_pdf_is_read_digit_for_digit_and_fails_its_rule() {
    // 合计 本年 printed 156 where the rows add up to 155.
    let read =
        baobiao::read::report::<Ledger>(ledger_pdf_with_total("156"), &pdf_options()).unwrap();
    assert_eq!(read.form.ledger.total.this_year, baobiao::Cell::Value(156));
    assert!(!read.form.check().is_ok());
}

#[test]
fn a_scan_without_a_text_layer_is_refused_as_such() {
    let scan = document(&[vec![Mark::Image {
        x: 0.0,
        y: 0.0,
        w: 595.0,
        h: 842.0,
    }]]);
    let err = baobiao::read::report::<Ledger>(scan.clone(), &pdf_options()).unwrap_err();
    assert_eq!(
        err,
        ReadError::Refused(Refusal::PdfWithoutText {
            pages: 1,
            images: 1
        })
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("scan.pdf");
    std::fs::write(&path, scan).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("没有文字层") && stderr.contains("扫描件"),
        "{stderr}"
    );
}

#[test]
fn a_pdf_that_is_not_one_is_refused_with_the_parsers_words() {
    let err = baobiao::read::report::<Ledger>(b"%PDF-1.7\nnot really".to_vec(), &pdf_options())
        .unwrap_err();
    assert!(
        matches!(&err, ReadError::Refused(Refusal::NotPdf { detail }) if !detail.is_empty()),
        "{err:?}"
    );
    // An empty file and another kind named `.pdf` are said as such, not in the parser's words.
    for (bytes, says) in [
        (Vec::new(), "the file is empty"),
        (
            b"<html>not a pdf</html>".to_vec(),
            "does not begin with %PDF-",
        ),
    ] {
        let err = baobiao::read::report::<Ledger>(bytes, &pdf_options()).unwrap_err();
        assert!(err.to_string().contains(says), "{err}");
    }
}
