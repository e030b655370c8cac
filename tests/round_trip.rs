//! Render → read gives back the identical form, for every renderer that has a reader (HTML,
//! text, Markdown, CSV, XLSX, DOCX), on the bundled report and as a property over generated
//! reports with blanks, marks, decimal amounts and failing cells (which the renderers mark).

mod common;

use std::str::FromStr;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::form::read_form;
use baobiao::read::grid::SourceDocument;
use baobiao::{Form, Lang, ValueKind, render};
use proptest::prelude::*;

#[derive(Clone, Copy, Debug)]
enum Format {
    Html,
    Text,
    Markdown,
    Csv,
    Xlsx,
    Docx,
}

const FORMATS: [Format; 6] = [
    Format::Html,
    Format::Text,
    Format::Markdown,
    Format::Csv,
    Format::Xlsx,
    Format::Docx,
];

/// The form rendered in `format` and read back by the reader of that format.
fn render_and_read<F: Form + serde::Serialize>(form: &F, format: Format) -> SourceDocument {
    let checked = form.check();
    let document = render::document(form, Some(&checked), Lang::Zh);
    match format {
        Format::Html => baobiao::read::html::read(&render::html::page(&document)).unwrap(),
        Format::Text => baobiao::read::text::read(&render::text::document(&document, false)),
        Format::Markdown => baobiao::read::text::read(&render::markdown::document(&document)),
        Format::Csv => baobiao::read::csv::read(&render::csv::document(&document)),
        Format::Xlsx => baobiao::read::xlsx::read(render::xlsx::document(&document).unwrap())
            .expect("our own workbook reads"),
        Format::Docx => baobiao::read::docx::read(render::docx::document(&document).unwrap())
            .expect("our own document reads"),
    }
}

/// Every format gives back `form`, with no diagnostic.
fn survives<F>(form: &F) -> Result<(), TestCaseError>
where
    F: Form + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug,
{
    for format in FORMATS {
        let read = read_form(F::info(), &render_and_read(form, format));
        prop_assert_eq!(&read.diagnostics, &vec![], "{:?}", format);
        let back: F = serde_json::from_value(read.json).unwrap();
        prop_assert_eq!(&back, form, "{:?}", format);
    }
    Ok(())
}

fn round_trip(json: serde_json::Value) -> Result<(), TestCaseError> {
    let form: AnnualReport = serde_json::from_value(json).unwrap();
    survives(&form)
}

/// The 2019 form too: the Shanghai page as read (its procurement amount, published as
/// `251000元` in a column the template gives no unit, normalised to 元 and drawn under
/// `采购总金额（元）`).
#[test]
fn the_2019_shanghai_report_survives_every_format() {
    use baobiao::forms::annual_report_2019::AnnualReport2019;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/reports/shanghai-gov-office-2019.html"
    );
    let page = std::fs::read_to_string(path).unwrap();
    let read = read_form(
        AnnualReport2019::info(),
        &baobiao::read::html::read(&page).unwrap(),
    );
    assert_eq!(read.diagnostics, vec![]);
    let form: AnnualReport2019 = serde_json::from_value(read.json).unwrap();
    assert_eq!(
        serde_json::to_value(&form).unwrap()["active_disclosure"]["article_20_9"]["central_procurement"]
            ["amount"],
        serde_json::json!(251000)
    );
    survives(&form).unwrap();
}

#[test]
fn the_bundled_report_survives_every_format() {
    round_trip(common::bundled_json()).unwrap();
}

/// Consistent reports, then some cells made blank, `—`, `/` or raised by one (so rules fail and
/// the renderers mark those cells), and the fee given cents.
fn messy() -> impl Strategy<Value = serde_json::Value> {
    (
        prop::collection::vec(0u64..500, 21 * 6),
        prop::collection::vec(0u64..50, 6),
        prop::collection::vec(0u64..=100, 6),
        prop::collection::vec(0u64..30, 12),
        prop::collection::vec(0u64..10_000_000, 9),
        0u64..10_000_000,
        0u64..100,
        prop::collection::vec((0usize..200, 0u8..4), 0..10),
    )
        .prop_map(|(outcomes, forward, share, t4, t2, fee, cents, edits)| {
            let mut json = common::report_json(&common::consistent_cells(
                &outcomes, &forward, &share, &t4, &t2, fee,
            ));
            let info = AnnualReport::info();
            for cell in info.cells.iter().filter(|c| c.kind == ValueKind::Amount) {
                *json.pointer_mut(&cell.pointer).unwrap() = serde_json::Value::Number(
                    serde_json::Number::from_str(&format!("{fee}.{cents:02}")).unwrap(),
                );
            }
            for (which, kind) in edits {
                let pointer = &info.cells[which].pointer;
                if kind == 3 {
                    json = common::bump(&json, pointer, 1);
                    continue;
                }
                *json.pointer_mut(pointer).unwrap() = match kind {
                    0 => serde_json::Value::Null,
                    1 => "—".into(),
                    _ => "/".into(),
                };
            }
            json
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_reports_survive_every_format(json in messy()) {
        round_trip(json)?;
    }
}

#[test]
fn the_cli_reads_every_format_it_renders() {
    let bundled = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.json"
    );
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(args)
            .output()
            .unwrap()
    };
    let expected = common::bundled_json();
    for (to, extension) in [
        ("html", "html"),
        ("text", "txt"),
        ("md", "md"),
        ("csv", "csv"),
        ("xlsx", "xlsx"),
        ("docx", "docx"),
    ] {
        let file = dir.join(format!("round-trip.{extension}"));
        let file = file.to_str().unwrap();
        let rendered = run(&["render", bundled, "--to", to, "-o", file]);
        assert_eq!(rendered.status.code(), Some(0), "render {to}");
        let read = run(&["read", file]);
        assert_eq!(
            read.status.code(),
            Some(0),
            "read {to}: {}",
            String::from_utf8_lossy(&read.stderr)
        );
        let out: serde_json::Value = serde_json::from_slice(&read.stdout).unwrap();
        assert_eq!(out["form"], "annual-report-2021", "{to}");
        assert_eq!(out["diagnostics"], serde_json::json!([]), "{to}");
        assert_eq!(out["report"], expected, "{to}");
        assert_eq!(out["sources"].as_object().unwrap().len(), 200, "{to}");
        let checked = run(&["check", file]);
        assert_eq!(checked.status.code(), Some(0), "check {to}");
    }
}
