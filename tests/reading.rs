//! Reading published reports into the forms.

mod common;

use baobiao::Form;
use baobiao::forms::annual_report_2021::AnnualReport;
use baobiao::read::matching::read_form;
use common::sidecar::{data, read_table_3_and_4, table_3_and_4};

#[test]
fn the_xiangtan_text_reads_to_the_hand_transcription() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let source = baobiao::read::text::read(&text);
    let read = read_form(AnnualReport::info(), &source);
    assert_eq!(read.diagnostics, vec![], "{:#?}", read.diagnostics);
    let expected = common::bundled_json();
    for cell in &AnnualReport::info().cells {
        assert_eq!(
            read.json.pointer(&cell.pointer),
            expected.pointer(&cell.pointer),
            "{}",
            cell.pointer
        );
    }
    let form: AnnualReport = serde_json::from_value(read.json.clone()).expect("a 2021 form");
    let bundled: AnnualReport = serde_json::from_value(expected).unwrap();
    assert_eq!(form, bundled);
}

#[test]
fn the_2019_shanghai_page_is_read_as_the_2019_form() {
    use baobiao::forms::annual_report_2019::AnnualReport2019;
    let html = std::fs::read_to_string(data("shanghai-gov-office-2019.html")).unwrap();
    let source = baobiao::read::html::read(&html);
    let as_2019 = read_form(AnnualReport2019::info(), &source);
    let as_2021 = read_form(AnnualReport::info(), &source);
    assert!(as_2019.diagnostics.len() < as_2021.diagnostics.len());
    // The one thing not read: an amount written in 元 in a column that declares no unit.
    assert_eq!(as_2019.diagnostics.len(), 1, "{:#?}", as_2019.diagnostics);
    assert!(as_2019.diagnostics[0].message.contains("251000元"));
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(data("shanghai-gov-office-2019.meta.json")).unwrap(),
    )
    .unwrap();
    let ours = read_table_3_and_4(AnnualReport2019::info(), &as_2019.json);
    assert_eq!(ours, table_3_and_4(&meta));
}

#[test]
fn the_cli_checks_the_published_text() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args([
            "check",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/examples/reports/xiangtan-county-police-2024.txt"
            ),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["reading"]["form"], "annual-report-2021");
    assert_eq!(json["reading"]["diagnostics"], serde_json::json!([]));
}

#[test]
fn a_report_whose_tables_cannot_be_found_cannot_pass() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join("collapsed.txt");
    std::fs::write(
        &path,
        "某局2024年政府信息公开工作年度报告\n一、总体情况 二、主动公开 270020130\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("not found"), "{stdout}");
    assert!(!stdout.contains("结论：通过"), "{stdout}");
}

#[test]
fn a_gbk_page_reads_like_its_utf8_original() {
    let html = std::fs::read_to_string(data("pingtan-2024-page.html")).unwrap();
    let declared = html.replacen("charset=\"utf-8\"", "charset=\"gbk\"", 1);
    assert_ne!(declared, html, "the page declares its charset");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&declared);
    assert!(!unmappable);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("pingtan-2024-gbk.html");
    std::fs::write(&path, &gbk).unwrap();
    let run = |file: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(["read", file.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let original = run(&data("pingtan-2024-page.html"));
    let converted = run(&path);
    assert_eq!(
        converted.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    assert_eq!(converted.stdout, original.stdout);
}

#[test]
fn hostile_inputs_are_refused_or_read_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.html", Vec::new()),
        ("empty.txt", Vec::new()),
        ("binary.txt", (0..=255u8).cycle().take(4096).collect()),
        (
            "undeclared-gbk.html",
            encoding_rs::GBK
                .encode("<table><tr><td>规章</td></tr></table>")
                .0
                .into_owned(),
        ),
        (
            "wide.html",
            format!(
                "<table><tr>{}</tr></table>",
                "<td colspan=99999>1</td>".repeat(10_000)
            )
            .into_bytes(),
        ),
        (
            "deep.html",
            format!(
                "{}<table><tr><td>x</td></tr></table>",
                "<div>".repeat(10_000)
            )
            .into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn violations_in_a_published_text_name_the_lines_of_their_cells() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/reports/xiangtan-county-police-2024.txt"
    );
    let text = std::fs::read_to_string(path).unwrap();
    // （一）予以公开 for 自然人 is on line 105; its total, 5, is on line 111.
    let mut lines: Vec<&str> = text.split('\n').collect();
    assert_eq!(lines[103], "\t（一）予以公开");
    assert_eq!(lines[104], "\t5");
    lines[104] = "\t6";
    let edited = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("xiangtan-edited.txt");
    std::fs::write(&edited, lines.join("\n")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["check", edited.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row_total = json["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["rule"] == "T3-ROW-TOTAL")
        .expect("the row no longer adds up");
    let cell = |pointer: &str| {
        row_total["cells"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["pointer"] == pointer)
            .cloned()
            .unwrap_or_else(|| panic!("{pointer} in {row_total:#}"))
    };
    let edited_cell = cell("/applications/outcomes/granted/natural_persons");
    assert_eq!(edited_cell["value"], 6);
    assert_eq!(edited_cell["source"], "line 105");
    let total = cell("/applications/outcomes/granted/total");
    assert_eq!(total["source"], "line 111");

    let text_out = std::process::Command::new(env!("CARGO_BIN_EXE_baobiao"))
        .args(["check", edited.to_str().unwrap()])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&text_out.stdout);
    assert!(
        stdout.contains("/applications/outcomes/granted/natural_persons, line 105)"),
        "{stdout}"
    );
}
