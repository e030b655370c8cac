//! Every published report of `tests/data/reports` (copied from the shared corpus with its
//! INDEX.md) behaves as INDEX.md says:
//! - a report with ordinary cell boundaries (HTML tables, the cell-per-line text) reads to
//!   exactly the values of its sidecar, as the template the sidecar names, and our rule outcomes
//!   agree with the sums recorded there under the blank-cell semantics;
//! - the collapsed one-line page texts (`pingtan-*.txt`, cells run together) yield diagnostics
//!   and never a wrong number, and cannot pass; each row's run comes with the one reading the
//!   rules allow, as a suggestion, and it is what the sidecar transcribed;
//! - the cut-off excerpts of `partial/` yield the rows present, a diagnostic for each missing
//!   part, and never a number that is not in the file.

mod common;

use std::path::PathBuf;

use baobiao::Form;
use baobiao::Position;
use baobiao::forms::annual_report_2019::AnnualReport2019;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::{Options, ReadError};
use common::Read;
use common::sidecar::{
    cells_3_and_4, data, meta, outcomes_against_sidecar, read_table_3_and_4, table_3_and_4,
};
use serde_json::Value;

/// The report files INDEX.md lists.
fn index_files() -> Vec<String> {
    let index = std::fs::read_to_string(data("INDEX.md")).unwrap();
    index
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" |").next())
        .filter(|f| f.ends_with(".html") || f.ends_with(".txt") || f.ends_with(".pdf"))
        .map(str::to_owned)
        .collect()
}

/// Where a report file is: the test data, or (the 湘潭 text, README's example) examples/reports.
fn file(name: &str) -> PathBuf {
    let in_data = data(name);
    if in_data.exists() {
        return in_data;
    }
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/reports")
        .join(name)
}

/// The reading as the official form it matches best (whole or not), and that form's template
/// year.
fn read(path: &std::path::Path) -> (&'static str, Read) {
    let year = |name: &str| match name {
        "annual-report-2021" | "annual-report-2021-table3-2019" => "2021",
        "annual-report-2019" => "2019",
        other => panic!("not an official form: {other}"),
    };
    match baobiao::forms::all().read_at(path, &Options::default(), None) {
        Ok((entry, reading)) => (
            year(entry.name()),
            Read {
                json: serde_json::to_value(&*reading.form).unwrap(),
                diagnostics: reading.diagnostics,
                positions: reading.positions,
                whole: true,
            },
        ),
        Err(ReadError::Incomplete {
            form: Some(form),
            reading,
            ..
        }) => (
            year(&form),
            Read {
                json: serde_json::from_str(&reading.form).unwrap(),
                diagnostics: reading.diagnostics,
                positions: reading.positions,
                whole: false,
            },
        ),
        Err(err) => panic!("{}: {err}", path.display()),
    }
}

fn outcomes(format: &str, json: &Value) -> Vec<baobiao::Outcome> {
    match format {
        "2021" => {
            let form: AnnualReport = serde_json::from_value(json.clone()).unwrap();
            form.check().outcomes().to_vec()
        }
        _ => {
            let form: AnnualReport2019 = serde_json::from_value(json.clone()).unwrap();
            form.check().outcomes().to_vec()
        }
    }
}

fn info(format: &str) -> &'static baobiao::FormInfo {
    match format {
        "2021" => AnnualReport::info(),
        _ => AnnualReport2019::info(),
    }
}

fn cli_check(path: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["check", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap()
}

#[test]
fn the_index_lists_every_report_and_each_is_here() {
    let files = index_files();
    assert_eq!(files.len(), 14, "{files:?}");
    for name in &files {
        assert!(file(name).exists(), "{name}");
        let slug = name.rsplit_once('.').unwrap().0;
        assert!(data(&format!("{slug}.meta.json")).exists(), "{slug}");
    }
}

#[test]
fn reports_with_ordinary_cells_read_to_their_sidecars_and_agree_with_their_sums() {
    let mut seen = 0;
    for name in index_files() {
        let slug = name.rsplit_once('.').unwrap().0;
        let meta = meta(slug);
        if !matches!(meta["layout"].as_str(), Some("html" | "cell-per-line")) {
            continue;
        }
        seen += 1;
        let (format, read) = read(&file(&name));
        assert_eq!(format, meta["format"], "{name}: the template");
        // Everything is read.
        assert_eq!(read.diagnostics, vec![], "{name}");
        assert_eq!(
            read_table_3_and_4(info(format), &read.json),
            table_3_and_4(&meta),
            "{name}: tables 3 and 4"
        );
        let outcomes = outcomes(format, &read.json);
        let compared = outcomes_against_sidecar(&meta, info(format), &outcomes);
        for (rule, ours, theirs) in &compared {
            assert_eq!(ours, theirs, "{name}: {rule}");
        }
        // A report whose sums fail is reported with them; one that adds up is not.
        let fails = compared.iter().filter(|c| c.1 == "fail").count();
        let recorded_fails = meta["failing_checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| !f.as_str().unwrap().contains("fail(blank)"))
            .count();
        assert_eq!(fails, recorded_fails, "{name}");
    }
    assert_eq!(seen, 5, "4 HTML pages and the 湘潭 text");
}

#[test]
fn collapsed_page_texts_yield_diagnostics_and_never_a_wrong_number() {
    let mut seen = 0;
    for name in index_files() {
        let slug = name.rsplit_once('.').unwrap().0;
        let meta = meta(slug);
        if meta["layout"] != "other" {
            continue;
        }
        seen += 1;
        let (format, read) = read(&file(&name));
        assert!(
            read.diagnostics.iter().any(|d| d.is_missing_part()),
            "{name}: the run-together tables are reported"
        );
        let info = info(format);
        if format == meta["format"] {
            for (ours, theirs) in read_table_3_and_4(info, &read.json)
                .iter()
                .zip(table_3_and_4(&meta))
            {
                assert!(
                    ours.is_null() || *ours == theirs,
                    "{name}: read {ours}, published {theirs}"
                );
            }
        } else {
            // Read as the other template, nothing of tables 3 and 4 may be taken as a number.
            assert!(
                read_table_3_and_4(info, &read.json)
                    .iter()
                    .all(Value::is_null),
                "{name}"
            );
        }
        // The runs are found by the form's labels and cut as its rules allow: every row of
        // tables 3 and 4 gets the one reading left, and it is what the sidecar transcribed
        // (found there by hand with the same row and column totals). Offered, not read.
        assert_eq!(format, meta["format"], "{name}: the template");
        let suggested: std::collections::HashMap<&str, String> = read
            .diagnostics
            .iter()
            .flat_map(|d| d.suggestion().into_iter().flatten())
            .map(|s| (s.pointer.as_str(), s.value.to_string()))
            .collect();
        for (cell, published) in cells_3_and_4(info).zip(table_3_and_4(&meta)) {
            let offered = suggested.get(cell.pointer.as_str());
            assert_eq!(
                offered.map(String::as_str),
                Some(published.to_string().as_str()),
                "{name}: {}",
                cell.pointer
            );
        }
        // Not one cell read: nothing to check, exit 2 — with the reading and its suggestions.
        let out = cli_check(&file(&name));
        assert_eq!(
            out.status.code(),
            Some(2),
            "{name}: nothing of the tables was read"
        );
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            json["reading"]["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["suggestion"].is_array()),
            "{name}: the CLI shows the suggestions"
        );
    }
    assert_eq!(seen, 7);
}

/// Every number read names a line of the file, and that line holds the number as written.
fn read_numbers_are_in_the_file(name: &str, text: &str, read: &Read) {
    let lines: Vec<&str> = text.lines().collect();
    for (pointer, position) in &read.positions {
        let value = read.json.pointer(pointer).unwrap();
        // A text part is placed at its first line; its text runs on over the lines below.
        if value.is_null() || value.as_str().is_some_and(|t| t.contains('\n')) {
            continue;
        }
        let Position::Line(line) = position else {
            panic!("{name}: {pointer} read from {position:?}");
        };
        let written = value.to_string();
        let written = written.trim_matches('"');
        assert!(
            lines[line - 1].contains(written),
            "{name}: {pointer} = {written} is not on line {line}: {:?}",
            lines[line - 1]
        );
    }
}

#[test]
fn cut_off_excerpts_yield_the_rows_present_and_a_diagnostic_for_the_rest() {
    let dir = data("partial");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 4);
    for name in &names {
        let path = dir.join(name);
        let meta: Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("meta.json")).unwrap(),
        )
        .unwrap();
        let (format, read) = read(&path);
        assert_eq!(format, meta["format"], "{name}: the template");
        assert!(
            read.diagnostics.iter().any(|d| d.is_missing_part()),
            "{name}: what is cut off is reported"
        );
        read_numbers_are_in_the_file(name, &std::fs::read_to_string(&path).unwrap(), &read);
        // Checked with what it contains: the rules on rows present are decided, those on rows
        // cut off are not assessable, and the reading says it is incomplete.
        let out = cli_check(&path);
        assert_eq!(out.status.code(), Some(0), "{name}: what was read adds up");
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["reading"]["complete"], false, "{name}");
        assert!(
            json["reading"]["summary"]
                .as_str()
                .unwrap()
                .starts_with("读取不完整：未找到"),
            "{name}: {}",
            json["reading"]["summary"]
        );
        let unread = json["not_assessable"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["reason"]["kind"] == "unread")
            .count();
        assert!(
            unread > 0,
            "{name}: rules on rows cut off are not assessable"
        );
        assert_eq!(json["ok"], true, "{name}");
    }

    let read_of = |i: usize| read(&dir.join(&names[i])).1.json;
    let natural = |json: &Value, row: &str| {
        json.pointer(&format!("/applications/{row}/natural_persons"))
            .cloned()
    };
    // P01: the rows up to 三（三）6 are read; 7 lost a number when cut, so it is not read.
    let p01 = read_of(0);
    assert_eq!(natural(&p01, "new_received"), Some(58.into()));
    assert_eq!(
        p01.pointer("/applications/new_received/total"),
        Some(&66.into())
    );
    assert_eq!(
        natural(&p01, "outcomes/withheld/internal_affairs"),
        Some(1.into())
    );
    assert_eq!(
        natural(&p01, "outcomes/withheld/enforcement_files"),
        Some(Value::Null)
    );
    assert_eq!(
        p01.pointer("/active_disclosure/article_20_1/normative_documents/in_force"),
        Some(&25.into())
    );
    // P02: no headings at all; its tables are recognised by their rows (新收49, 结转8,
    // 予以公开1, 不掌握54, 另行制作1), cut at 三（五）1.
    let p02 = read_of(1);
    for (row, value) in [
        ("new_received", 49),
        ("carried_over", 8),
        ("outcomes/granted", 1),
        ("outcomes/unable_to_provide/not_held", 54),
        ("outcomes/unable_to_provide/would_need_creating", 1),
    ] {
        assert_eq!(natural(&p02, row), Some(value.into()), "{row}");
    }
    assert_eq!(
        natural(&p02, "outcomes/not_processed/petitions_and_complaints"),
        Some(Value::Null)
    );
    // P03: the sparse rows lost their empty cells: too few values, none read.
    let p03 = read_of(2);
    assert_eq!(natural(&p03, "new_received"), Some(Value::Null));
    assert_eq!(
        p03.pointer("/active_disclosure/article_20_5/licensing/decisions"),
        Some(&0.into())
    );
    // P04: a 2022 report on the 2019 template; all zeros up to the cut at row 二.
    let p04 = read_of(3);
    assert_eq!(
        p04.pointer("/applications/new_received/total"),
        Some(&0.into())
    );
    assert_eq!(natural(&p04, "carried_over"), Some(Value::Null));
}

/// The published PDFs (text layer, ruled tables, WPS) read cell-exact to their sidecars,
/// tables 2, 3 and 4: 洪泽 as the 2021 report with table 3 in the 2019 rows, its printed typo
/// (`2.其他法律行政止公开`) read as the template's row and said; 淮安 with its three-line labels
/// and the group label split across pages. Every number is placed by page and line; the rules
/// agree with the sums the sidecar records, and `check` passes both, as INDEX.md says.
#[test]
fn published_pdfs_read_to_their_sidecars_with_sources_by_page_and_line() {
    let forms = baobiao::forms::all();
    let mut seen = 0;
    for name in index_files().iter().filter(|n| n.ends_with(".pdf")) {
        seen += 1;
        let slug = name.rsplit_once('.').unwrap().0;
        let meta = meta(slug);
        let path = file(name);
        let (entry, reading) = forms
            .read_at(&path, &Options::default(), None)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mixed = meta["values"]["table3"]["template"] == "2019";
        assert_eq!(
            entry.name(),
            if mixed {
                "annual-report-2021-table3-2019"
            } else {
                "annual-report-2021"
            },
            "{name}: the template"
        );
        assert!(reading.is_complete(), "{name}: {:?}", reading.diagnostics);
        let json = serde_json::to_value(&*reading.form).unwrap();
        let info = entry.info();
        // Table 2, in the sidecar's rows and columns.
        let table2 = &meta["values"]["table2"];
        let published: Vec<String> = table2["rows"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| {
                table2["data"][row.as_str().unwrap()]
                    .as_array()
                    .unwrap()
                    .clone()
            })
            .map(|v| v.to_string())
            .collect();
        let read2: Vec<String> = info
            .cells
            .iter()
            .filter(|c| c.pointer.starts_with("/active_disclosure/"))
            .map(|c| {
                json.pointer(&c.pointer)
                    .unwrap()
                    .to_string()
                    .trim_matches('"')
                    .to_owned()
            })
            .collect();
        assert_eq!(read2, published, "{name}: table 2");
        assert_eq!(
            read_table_3_and_4(info, &json),
            table_3_and_4(&meta),
            "{name}: tables 3 and 4"
        );
        for cell in &info.cells {
            let position = reading.position_of(&cell.pointer);
            assert!(
                matches!(
                    position,
                    Some(Position::Page {
                        page: 2..=5,
                        line: 1..
                    })
                ),
                "{name}: {} read from {position:?}",
                cell.pointer
            );
        }
        let outcomes = reading
            .form
            .check_with(baobiao::CheckOptions::default())
            .outcomes()
            .to_vec();
        for (rule, ours, theirs) in outcomes_against_sidecar(&meta, info, &outcomes) {
            assert_eq!(ours, theirs, "{name}: {rule}");
        }
        let out = cli_check(&path);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: INDEX.md records no failing check"
        );
    }
    assert_eq!(seen, 2);

    // Where 洪泽's figures are: table 3 starts on page 3 and runs on to page 4.
    let (_, reading) = forms
        .read_at(
            &data("hongze-district-gov-2024.pdf"),
            &Options::default(),
            None,
        )
        .unwrap();
    assert_eq!(
        reading.position_of("/applications/new_received/natural_persons"),
        Some(Position::Page { page: 3, line: 18 })
    );
    assert!(matches!(
        reading.position_of("/applications/outcomes/total/total"),
        Some(Position::Page { page: 4, .. })
    ));
    // A text part is placed at its first line: 一、总体情况 is on page 1, its text from line 10.
    assert_eq!(
        reading.position_of("/overview"),
        Some(Position::Page { page: 1, line: 10 })
    );
    let variants = common::said(&reading.diagnostics);
    assert_eq!(variants.len(), 1, "{variants:?}");
    assert!(
        variants[0].contains("2.其他法律行政止公开") && variants[0].contains("第3页第26行"),
        "{variants:?}"
    );
}
