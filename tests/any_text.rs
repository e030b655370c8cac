//! No text panics the reader: arbitrary Unicode — CJK, full-width digits and brackets,
//! combining marks, bidi and zero-width controls, marks, units, separators — put into the
//! cells and labels of the bundled report in each text format, into a PDF's text layer, and as
//! whole documents of every kind, is read or refused with a message.

mod common;

use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::{Options, SourceKind};
use baobiao::{Form, Lang, render};
use proptest::prelude::*;

/// Text as reports and their mistakes have it.
fn messy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        // Any Unicode scalar value.
        any::<char>().prop_map(String::from),
        // CJK, full-width forms, brackets, ordinals.
        "[\u{4e00}-\u{4e20}\u{ff01}-\u{ff5e}（）【】〔〕〈〉一二三四五六七八九十、，。：]",
        // Combining marks, bidi and zero-width controls, the BOM.
        "[\u{0300}-\u{036f}\u{202a}-\u{202e}\u{2066}-\u{2069}\u{200b}-\u{200f}\u{feff}]",
        // What numbers and marks are written with.
        "[0-9０-９.,，%‰元万亿件条个次/—\\-–−+eE ]",
        // What tables are drawn with.
        "[|│┌┐└┘├┤┬┴┼─\t\n\"']",
        Just("第1项".to_owned()),
        Just("（2025年1月23日）".to_owned()),
        Just("<br>".to_owned()),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
}

fn options(kind: SourceKind) -> Options {
    Options {
        kind: Some(kind),
        ..Options::default()
    }
}

/// The bundled report in each text format.
fn renderings() -> Vec<(String, SourceKind)> {
    let form = common::bundled();
    let document = render::document(&form, Some(&form.check()), Lang::Zh);
    vec![
        (render::html::page(&document), SourceKind::Html),
        (render::text::document(&document, false), SourceKind::Text),
        (render::markdown::document(&document), SourceKind::Text),
        (render::csv::document(&document), SourceKind::Csv),
    ]
}

/// Reads `text` as each form the tests know, in `kind`; any outcome but a panic will do.
fn read_any(text: &str, kind: SourceKind) {
    let _ = baobiao::read::report::<AnnualReport>(text.as_bytes().to_vec(), &options(kind));
    let _ = baobiao::read::report::<baobiao::forms::website::WebsiteReport>(
        text.as_bytes().to_vec(),
        &options(kind),
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Messy text in place of a value and of a label of the bundled report.
    #[test]
    fn messy_cells_and_labels_are_read_or_said(value in messy_text(), label in messy_text()) {
        for (text, kind) in renderings() {
            read_any(&text.replacen("13988", &value, 1), kind);
            read_any(&text.replacen("行政许可", &label, 1), kind);
        }
    }

    /// Messy text as the text layer of a PDF: lines of running text and the cells of a ruled
    /// table (every code through the font's `ToUnicode` map, surrogate halves among them).
    #[test]
    fn messy_pdf_text_is_read_or_said(lines in prop::collection::vec(messy_text(), 1..6)) {
        use common::pdf::{cell, document, grid, text};
        let mut page: Vec<common::pdf::Mark> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| text(60.0, 800.0 - 14.0 * i as f64, 10.0, l))
            .collect();
        let row: Vec<&str> = lines.iter().map(String::as_str).collect();
        let cells: Vec<common::pdf::Cell<'_>> = row
            .iter()
            .enumerate()
            .map(|(i, l)| cell(i / 2, i % 2, std::slice::from_ref(l)))
            .collect();
        page.extend(grid(600.0, &[60.0, 200.0, 400.0], 20.0, &cells));
        let pdf = document(&[page]);
        let _ = baobiao::read::report::<AnnualReport>(pdf.clone(), &options(SourceKind::Pdf));
        let _ = baobiao::read::report::<baobiao::forms::website::WebsiteReport>(pdf, &options(SourceKind::Pdf));
    }

    /// Messy text as a whole document of every kind.
    #[test]
    fn messy_documents_are_read_or_refused(text in messy_text()) {
        for kind in [SourceKind::Html, SourceKind::Text, SourceKind::Csv, SourceKind::Json, SourceKind::Pdf] {
            read_any(&text, kind);
        }
    }
}

/// JSON that escapes a lone surrogate, or holds numbers no cell takes, is refused with a
/// message.
#[test]
fn json_with_lone_surrogates_is_refused() {
    for json in [
        r#"{"title": "\ud800"}"#,
        r#"{"year": 1e400}"#,
        r#"{"year": -0.0}"#,
        "\"\\udfff\"",
    ] {
        let read = baobiao::read::report::<AnnualReport>(
            json.as_bytes().to_vec(),
            &options(SourceKind::Json),
        );
        assert!(read.is_err(), "{json}");
    }
}
